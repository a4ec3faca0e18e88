"""The package's one error type."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One rejected entry: ``entry`` is the key as the user typed it (or a name such as
    ``total`` or ``method`` for a problem that is not one entry's), ``message`` says what
    was wrong and what is accepted."""

    entry: str
    message: str


class InputError(ValueError):
    """Raised for every rejected input; ``problems`` lists each rejected entry."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]):
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    @classmethod
    def single(cls, entry: str, message: str) -> InputError:
        return cls([Problem(entry, message)])
