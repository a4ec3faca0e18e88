"""Reading untrusted input: the only place that does.

``check`` returns the valid part of the input and a problem for each rejected entry, so a
form can keep computing the entries that are fine; ``parse`` raises ``InputError`` instead.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .catalog import CATALOG
from .errors import InputError, Problem

MAX_MINUTES = 1440  # one day
MAX_PROBLEMS = 20  # a report longer than this only says how many more there were
METHODS = ("cms", "ama")

_WHOLE = re.compile(r"[0-9]+")
_SIGNED = re.compile(r"[-+−][0-9]+")
_DECIMAL = re.compile(r"[-+]?[0-9]*[.,][0-9]+")
_SHOW = 24  # characters of a rejected value echoed back


@dataclass(frozen=True, slots=True)
class Visit:
    """One patient on one date of service: (code, whole minutes) pairs, sorted by code."""

    entries: tuple[tuple[str, int], ...]

    def as_dict(self) -> dict[str, int]:
        return dict(self.entries)


def show(value: object) -> str:
    """A short, quoted rendering of a rejected value for a message."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, int) and not -10**_SHOW < value < 10**_SHOW:
        return "a number with more than 24 digits"  # repr() of a huge int can itself fail
    else:
        try:
            text = repr(value)
        except Exception:  # a hostile __repr__ must not replace the input error
            text = f"a {type(value).__name__}"
    if len(text) > _SHOW:
        text = text[:_SHOW] + "…"
    return f"'{text}'"


def normalise_code(raw: object) -> str:
    """Upper-case with all whitespace removed; raises InputError when not a catalog code."""
    if not isinstance(raw, str):
        raise InputError([Problem(show(raw), f"code {show(raw)} must be text, such as 97110")])
    code = "".join(raw.split()).upper()
    if code in CATALOG:
        return code
    if not code:
        raise InputError([Problem(raw, "an entry has no code: write CODE=MINUTES, such as 97110=33")])
    starts = [known for known in CATALOG if len(code) >= 3 and known.startswith(code)]
    near = (starts or difflib.get_close_matches(code[:_SHOW], CATALOG, n=3, cutoff=0.6))[:3]
    hint = f"; did you mean {' or '.join(near)}?" if near else "; the code reference lists them"
    message = f"{show(raw)} is not a code this calculator knows: enter a catalog code such as 97110{hint}"
    raise InputError([Problem(raw, message)])


def whole_minutes(code: str, raw: object) -> int:
    """Whole minutes from 0 to 1440 from an int, an integral float or a string of digits."""
    value: int | None = None
    if isinstance(raw, bool):
        value = None
    elif isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        if _WHOLE.fullmatch(text):
            value = int(text) if len(text) <= 6 else MAX_MINUTES + 1  # no huge int()
        elif not text:
            raise InputError([Problem(code, f"{code}: the minutes are missing; enter a whole number from 0 to {MAX_MINUTES}")])
        elif _SIGNED.fullmatch(text) and text[0] != "+":
            raise InputError([Problem(code, f"{code}: minutes cannot be negative (got {show(raw)}); enter a whole number from 0 to {MAX_MINUTES}")])
        elif _DECIMAL.fullmatch(text):
            raise InputError([Problem(code, f"{code}: minutes must be whole (got {show(raw)}); round to a whole number from 0 to {MAX_MINUTES}")])
    if value is None:
        raise InputError([Problem(code, f"{code}: minutes must be a whole number from 0 to {MAX_MINUTES}; got {show(raw)}")])
    if value < 0:
        raise InputError([Problem(code, f"{code}: minutes cannot be negative (got {value}); enter a whole number from 0 to {MAX_MINUTES}")])
    if value > MAX_MINUTES:
        raise InputError([Problem(code, f"{code}: {show(raw)} is more than a day's minutes; enter at most {MAX_MINUTES}")])
    return value


def _pairs(entries: Mapping[object, object] | Iterable[object]) -> Iterable[tuple[object, object]]:
    if isinstance(entries, Mapping):
        return entries.items()
    return entries


def check(entries: Mapping[object, object] | Iterable[object]) -> tuple[Visit, tuple[Problem, ...]]:
    """The valid entries as a Visit, and a Problem for each rejected one.

    ``entries`` is a mapping of code to minutes or an iterable of (code, minutes) pairs;
    codes tolerate case and spaces, minutes are whole numbers from 0 to 1440.
    """
    problems: list[Problem] = []
    found: dict[str, int] = {}
    raw_keys: dict[str, object] = {}
    extra = 0

    def reject(problem: Problem) -> None:
        nonlocal extra
        if len(problems) < MAX_PROBLEMS:
            problems.append(problem)
        else:
            extra += 1

    try:
        pairs = iter(_pairs(entries))
    except TypeError:
        raise InputError([Problem("visit", "the visit must map codes to minutes, such as {\"97110\": 33}")]) from None
    for pair in pairs:
        if not (isinstance(pair, tuple | list) and len(pair) == 2):
            reject(Problem(show(pair), f"{show(pair)} is not a code with minutes; write CODE=MINUTES, such as 97110=33"))
            continue
        raw_code, raw_minutes = pair
        try:
            code = normalise_code(raw_code)
            minutes = whole_minutes(code, raw_minutes)
        except InputError as error:
            reject(error.problems[0])
            continue
        if code in found:
            reject(Problem(raw_code, f"{code} is entered more than once; enter each code once with its total minutes"))
            continue
        found[code] = minutes
        raw_keys[code] = raw_code
    for code in list(found):
        primary = CATALOG[code].primary
        if primary is not None and primary not in found:
            del found[code]
            reject(Problem(raw_keys[code], f"{code} is an add-on code: enter the whole service's minutes on {primary} (for example {primary}={_example(primary)}); the add-on units follow from them"))
    total = sum(found.values())
    if total > MAX_MINUTES:
        reject(Problem("total", f"the minutes add up to {total}, more than a day; the visit's total must be at most {MAX_MINUTES}"))
        found = {}
    if extra:
        problems.append(Problem("more", f"and {extra} more rejected entries"))
    return Visit(tuple(sorted(found.items()))), tuple(problems)


def _example(primary: str) -> int:
    entry = CATALOG[primary]
    return entry.unit + entry.addon_unit  # enough minutes for one add-on unit


def parse(entries: Mapping[object, object] | Iterable[object]) -> Visit:
    """A checked Visit, or InputError naming every rejected entry. An empty visit is rejected."""
    visit, problems = check(entries)
    if problems:
        raise InputError(problems)
    if not visit.entries:
        raise InputError([Problem("visit", "no codes entered: enter at least one CODE=MINUTES, such as 97110=33")])
    return visit


def parse_method(raw: object) -> str:
    method = raw.strip().lower() if isinstance(raw, str) else raw
    if method not in METHODS:
        raise InputError([Problem("method", f"method {show(raw)} is not known: use cms (Medicare total time) or ama (CPT per code)")])
    return method


def split_entry(text: str) -> tuple[str, str]:
    """'97110=33' -> ('97110', '33'); raises InputError when there is no '='."""
    code, sep, minutes = text.partition("=")
    if not sep:
        raise InputError([Problem(text[:_SHOW], f"{show(text)} is not CODE=MINUTES, such as 97110=33")])
    return code, minutes
