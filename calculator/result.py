"""The result of a calculation: plain frozen data with a JSON form. Every face renders this."""

from __future__ import annotations

from dataclasses import dataclass

from .sources import SOURCES


@dataclass(frozen=True, slots=True)
class Line:
    """One claim line: a code, the minutes it stands for, and its units (0 = documented only)."""

    code: str
    minutes: int
    units: int


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the explanation, or one warning: plain text, the rule it applies, its source."""

    text: str
    rule: str
    source: str

    def to_json(self) -> dict[str, str]:
        source = SOURCES[self.source]
        return {"text": self.text, "rule": self.rule, "source": self.source,
                "citation": source.title, "basis": source.basis}

    def citation(self) -> str:
        return SOURCES[self.source].title


@dataclass(frozen=True, slots=True)
class NextUnit:
    """How many more minutes would add the next unit, for the total or for one code."""

    applies_to: str  # "total timed minutes" or a code
    minutes: int


@dataclass(frozen=True, slots=True)
class Result:
    method: str
    lines: tuple[Line, ...]
    alternatives: tuple[tuple[tuple[str, int], ...], ...]  # every allocation, the chosen first
    alternative_count: int  # how many allocations exist (the list may be cut at a limit)
    total_timed_minutes: int  # minutes of 15-minute timed codes
    total_treatment_minutes: int  # every code's minutes
    explanation: tuple[Step, ...]
    warnings: tuple[Step, ...]
    documentation: str
    next_unit: tuple[NextUnit, ...]

    @property
    def total_units(self) -> int:
        return sum(line.units for line in self.lines)

    @property
    def units(self) -> dict[str, int]:
        return {line.code: line.units for line in self.lines}

    def to_json(self) -> dict[str, object]:
        return {
            "method": self.method,
            "total_units": self.total_units,
            "total_timed_minutes": self.total_timed_minutes,
            "total_treatment_minutes": self.total_treatment_minutes,
            "lines": [{"code": line.code, "minutes": line.minutes, "units": line.units}
                      for line in self.lines],
            "alternatives": [dict(allocation) for allocation in self.alternatives],
            "alternative_count": self.alternative_count,
            "explanation": [step.to_json() for step in self.explanation],
            "warnings": [step.to_json() for step in self.warnings],
            "documentation": self.documentation,
            "next_unit": [{"applies_to": n.applies_to, "minutes": n.minutes}
                          for n in self.next_unit],
        }
