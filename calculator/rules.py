"""The rules: Medicare total time (``cms``) and CPT midpoint per code (``ama``).

``calculate`` is pure: same visit and method, same Result, on CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations, islice
from math import comb

from .catalog import CATALOG, CONFLICTS, ONE_PER_DAY, Code
from .result import Line, NextUnit, Result, Step
from .visit import Visit

TIMED_UNIT = 15
MAX_ALTERNATIVES = 100  # allocations listed; alternative_count always gives the full number
METHOD_NAMES = {
    "cms": "Medicare total timed minutes",
    "ama": "CPT midpoint, each code on its own",
}

R_TOTAL = "Medicare: the day's total timed minutes decide the number of timed units"
R_BANDS = "Unit bands: 8-22 minutes = 1 unit, 23-37 = 2, 38-52 = 3, and on in steps of 15"
R_FULL = "Each full 15 minutes of a service is a unit of that service"
R_LEFTOVER = "Remaining units go to the codes with the most leftover minutes"
R_TIE = "Leftover minutes tie: the clinician chooses which code takes the unit"
R_UNDER8 = "Under 8 timed minutes in the day: no timed unit"
R_MIDPOINT = "CPT: a unit of time counts once its midpoint is passed, code by code"
R_LONG = "Hour and other long units: CPT midpoint, code by code, never pooled"
R_FAMILY = "First unit on the first code, further units on the add-on code"
R_UNTIMED = "Untimed (service-based) code: one unit per date of service"
R_LINES = "One claim line per code per date of service, with its units"
R_DOCUMENT = "Document every timed code's minutes, billed or not"
R_NOTE = "Payer note"


@dataclass(frozen=True, slots=True)
class Service:
    """A code's minutes, or a family's (first code + add-on) pooled minutes."""

    entry: Code
    minutes: int
    addon_entered: bool

    @property
    def first(self) -> int:
        return self.entry.unit  # type: ignore[return-value]

    @property
    def further(self) -> int:
        return self.entry.addon_unit or self.entry.unit  # type: ignore[return-value]


def midpoint_units(minutes: int, first: int, further: int) -> int:
    """Units of a service whose first unit lasts ``first`` minutes and each further one
    ``further`` minutes, each unit counting once its midpoint is passed (8 of 15, 31 of 60)."""
    if minutes < first // 2 + 1:
        return 0
    return 1 + max(0, (minutes - first + further - (further // 2 + 1)) // further)


def next_threshold(units: int, first: int, further: int) -> int:
    """The minutes at which the service earns unit ``units + 1``."""
    if units == 0:
        return first // 2 + 1
    return first + further * (units - 1) + further // 2 + 1


def band(minutes: int) -> int:
    """Medicare timed units for a day's total timed minutes (8-22 = 1, 23-37 = 2, ...)."""
    return midpoint_units(minutes, TIMED_UNIT, TIMED_UNIT)


def band_range(units: int) -> str:
    """'38-52' for 3 units of 15 minutes."""
    return f"{TIMED_UNIT * (units - 1) + 8}-{TIMED_UNIT * units + 7}"


def _and(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def services(visit: Visit) -> list[Service]:
    """The visit's services in code order: an add-on's minutes join its first code's."""
    minutes: dict[str, int] = {}
    addons: set[str] = set()
    for code, value in visit.entries:
        primary = CATALOG[code].primary
        if primary is not None:
            addons.add(primary)
            code = primary
        minutes[code] = minutes.get(code, 0) + value
    return [Service(CATALOG[code], value, code in addons) for code, value in sorted(minutes.items())]


def service_lines(service: Service, units: int) -> list[Line]:
    """Claim lines for a service given its units: the first unit on the first code, the rest
    on the add-on (minutes split the same way)."""
    entry = service.entry
    if entry.addon is None:
        return [Line(entry.code, service.minutes, units)]
    first_minutes = min(service.minutes, service.first)
    first_units = min(units, 1)
    lines = [Line(entry.code, first_minutes, first_units)]
    if units > first_units or service.addon_entered or service.minutes > first_minutes:
        lines.append(Line(entry.addon, service.minutes - first_minutes, units - first_units))
    return lines


def _bill_text(lines: list[Line]) -> str:
    billed = [f"{line.code} × {line.units}" for line in lines if line.units]
    return ", ".join(billed) if billed else "nothing"


def _cms_pooled(pooled: list[Service], steps: list[Step]) -> tuple[list[dict[str, int]], int, list[NextUnit]]:
    """Allocate the Medicare timed units among the pooled 15-minute services. Returns the
    allocations (service code -> units, the chosen first), how many exist, and the next unit."""
    if not pooled:
        return [{}], 1, []
    total = sum(s.minutes for s in pooled)
    units = band(total)
    parts = " + ".join(f"{s.entry.code} {s.minutes}" for s in pooled)
    sum_text = f"{parts} = {total}" if len(pooled) > 1 else f"{total}"
    steps.append(Step(f"Total timed minutes: {sum_text}. Only 15-minute timed codes are added up; "
                      "untimed and hourly codes are counted on their own.", R_TOTAL, "cms-100-04-ch5-20.2"))
    next_unit = [NextUnit("total timed minutes", next_threshold(units, TIMED_UNIT, TIMED_UNIT) - total)]
    if units == 0:
        steps.append(Step(f"{_n(total, 'minute')} is under 8: no timed unit can be billed; the first "
                          "band starts at 8 minutes.", R_UNDER8, "fcso-units"))
        return [{s.entry.code: 0 for s in pooled}], 1, next_unit
    steps.append(Step(f"{total} minutes fall in the {band_range(units)} minute band: "
                      f"{_n(units, 'timed unit')} in all.", R_BANDS, "fcso-units"))
    full = {s.entry.code: s.minutes // TIMED_UNIT for s in pooled}
    left = {s.entry.code: s.minutes % TIMED_UNIT for s in pooled}
    full_total = sum(full.values())
    detail = "; ".join(f"{code} {full[code]} full, {left[code]} left over" for code in full)
    steps.append(Step(f"Full 15-minute units first: {detail}. That makes "
                      f"{_n(full_total, 'full unit')}.", R_FULL, "cms-100-04-ch5-20.2"))
    remaining = units - full_total
    leftover_total = sum(left.values())
    if remaining == 0:
        if leftover_total:
            steps.append(Step(f"The leftover minutes add up to {leftover_total}, under 8: they add "
                              "no unit.", R_LEFTOVER, "project-allocation"))
        return [full], 1, next_unit
    ranked = sorted(full, key=lambda code: (-left[code], code))
    cut = left[ranked[remaining - 1]]
    sure = [code for code in ranked if left[code] > cut]
    tied = sorted(code for code in ranked if left[code] == cut)
    need = remaining - len(sure)
    count = comb(len(tied), need)
    leftovers = ", ".join(f"{code} {left[code]}" for code in ranked if left[code])
    if count == 1:
        winners = _and(ranked[:remaining])
        verb = "It goes to" if remaining == 1 else "They go, one each, to"
        outcome = f" {verb} {winners}."
    else:
        outcome = f" {_and(sure)} {'takes' if len(sure) == 1 else 'take'} one." if sure else ""
    steps.append(Step(f"The leftover minutes add up to {leftover_total}: {_n(remaining, 'more unit')}, "
                      f"for the codes with the most leftover minutes ({leftovers}).{outcome}",
                      R_LEFTOVER, "project-allocation"))
    if count > 1:
        steps.append(Step(f"{_and(tied)} tie with {cut} leftover minutes for "
                          f"{_n(need, 'unit')}: {'any one of them may take it' if need == 1 else f'any {need} of them may take one each'}. The clinician chooses; all {count} "
                          "allocations are listed, the first by code number.", R_TIE, "cms-100-04-ch5-20.2"))
    allocations = []
    for chosen in islice(combinations(tied, need), MAX_ALTERNATIVES):
        extra = set(sure).union(chosen)
        allocations.append({code: full[code] + (code in extra) for code in full})
    return allocations, count, next_unit


def _ama_pooled(pooled: list[Service], steps: list[Step]) -> tuple[dict[str, int], list[NextUnit]]:
    units = {s.entry.code: midpoint_units(s.minutes, TIMED_UNIT, TIMED_UNIT) for s in pooled}
    if pooled:
        detail = "; ".join(
            f"{code} {s.minutes} min → {_n(u, 'unit')}" + (f" ({band_range(u)})" if u else " (under 8)")
            for s in pooled for code, u in [(s.entry.code, units[s.entry.code])])
        steps.append(Step(f"Each 15-minute code on its own: the first unit from 8 minutes, the second "
                          f"from 23, and on in steps of 15. {detail}.", R_MIDPOINT, "ama-cpt-midpoint"))
    next_unit = [NextUnit(s.entry.code, next_threshold(units[s.entry.code], TIMED_UNIT, TIMED_UNIT) - s.minutes)
                 for s in pooled]
    return units, next_unit


def _long(service: Service, steps: list[Step]) -> tuple[int, NextUnit]:
    entry = service.entry
    units = midpoint_units(service.minutes, service.first, service.further)
    first_from = service.first // 2 + 1
    if entry.addon is None:
        text = (f"{entry.code} ({entry.name}): {service.minutes} minutes. Each {service.first}-minute "
                f"unit counts from its midpoint ({first_from}, {service.first + first_from}, ... minutes): "
                f"{_n(units, 'unit')}.")
    else:
        addon_from = [next_threshold(k, service.first, service.further) for k in (1, 2, 3)]
        addon_units = max(0, units - 1)
        text = (f"{entry.code} family ({entry.name}): {service.minutes} minutes. The first "
                f"{service.first}-minute unit counts from {first_from} minutes: {entry.code} × {min(units, 1)}. "
                f"Each further {service.further}-minute unit counts from its midpoint "
                f"({', '.join(map(str, addon_from))}, ... minutes): {entry.addon} × {addon_units}.")
    steps.append(Step(text, R_LONG, "project-midpoint-long"))
    return units, NextUnit(entry.code, next_threshold(units, service.first, service.further) - service.minutes)


def _family_step(service: Service, units: int, steps: list[Step]) -> None:
    entry = service.entry
    if entry.addon is not None and entry.kind == "timed" and units:
        steps.append(Step(f"{entry.code} family: {_n(units, 'unit')}, the first on {entry.code}, "
                          f"{units - 1} on the add-on {entry.addon}.", R_FAMILY, "project-family"))


def calculate(visit: Visit, method: str = "cms") -> Result:
    """Codes, units and the explanation for one visit under one method (``cms`` or ``ama``)."""
    if method not in METHOD_NAMES:
        raise ValueError(f"unknown method {method!r}")  # parse_method() checks user input
    steps: list[Step] = []
    all_services = services(visit)
    pooled = [s for s in all_services if s.entry.kind == "timed"]
    if method == "cms":
        allocations, count, next_unit = _cms_pooled(pooled, steps)
    else:
        ama_units, next_unit = _ama_pooled(pooled, steps)
        allocations, count = [ama_units], 1
    for service in pooled:
        _family_step(service, allocations[0][service.entry.code], steps)
    fixed: dict[str, int] = {}
    for service in all_services:
        entry = service.entry
        if entry.kind == "untimed":
            fixed[entry.code] = 1 if service.minutes else 0
            steps.append(Step(
                f"{entry.code} ({entry.name}) is untimed: "
                + (f"1 unit for the date of service; its {service.minutes} minutes count in total "
                   "treatment time, not in timed minutes." if service.minutes else "no minutes entered, no unit."),
                R_UNTIMED, "cms-untimed-secondary"))
        elif entry.kind == "hourly":
            fixed[entry.code], nxt = _long(service, steps)
            next_unit.append(nxt)
    alternatives = []
    for allocation in allocations:
        units = {**allocation, **fixed}
        lines = [line for s in all_services for line in service_lines(s, units[s.entry.code])]
        alternatives.append(lines)
    lines = alternatives[0]
    steps.append(Step(f"Bill: {_bill_text(lines)}. {_n(sum(l.units for l in lines), 'unit')} in all.",
                      R_LINES, "cms-one-line-per-code"))
    timed_minutes = sum(s.minutes for s in pooled)
    treatment_minutes = sum(s.minutes for s in all_services)
    return Result(
        method=method,
        lines=tuple(lines),
        alternatives=tuple(tuple((l.code, l.units) for l in alt) for alt in alternatives),
        alternative_count=count,
        total_timed_minutes=timed_minutes,
        total_treatment_minutes=treatment_minutes,
        explanation=tuple(steps),
        warnings=tuple(_warnings(method, visit, all_services, pooled, alternatives)),
        documentation=_documentation(method, lines, timed_minutes, treatment_minutes),
        next_unit=tuple(next_unit),
    )


def _warnings(method: str, visit: Visit, all_services: list[Service], pooled: list[Service],
              alternatives: list[list[Line]]) -> list[Step]:
    warnings: list[Step] = []
    entered = {code for code, minutes in visit.entries if minutes}
    timed_total = sum(s.minutes for s in pooled)
    if method == "cms" and 0 < timed_total < 8 and sum(1 for s in pooled if s.minutes) == 1:
        warnings.append(Step("A single timed service under 8 minutes is not billable under Medicare.",
                             R_UNDER8, "cms-100-04-ch5-20.2"))
    billed_somewhere = {line.code for lines in alternatives for line in lines if line.units}
    for line in alternatives[0]:
        entry = CATALOG[line.code]
        if line.minutes and line.code not in billed_somewhere and entry.kind == "timed" and entry.primary is None:
            warnings.append(Step(f"{line.code} ({_n(line.minutes, 'minute')}) is documented but not billed: "
                                 "keep its minutes in the treatment note.", R_DOCUMENT, "cms-100-02-ch15-220.3"))
    for service in all_services:
        entry = service.entry
        if entry.code == "97545" and 0 < service.minutes < 61:
            warnings.append(Step(
                f"{service.minutes} minutes of work hardening is under the 61 minutes 97545 needs "
                "(past the midpoint of its 2 hours): not billable as work hardening, and one-on-one "
                "codes are no substitute when the session was work hardening.", R_LONG, "gawenda-work-hardening"))
        elif entry.kind == "hourly" and 0 < service.minutes < service.first // 2 + 1:
            warnings.append(Step(f"{entry.code}: {service.minutes} minutes is under the {service.first // 2 + 1} "
                                 "minutes its first unit needs: documented but not billed.", R_LONG,
                                 "project-midpoint-long"))
    seen: set[str] = set()
    for code in sorted(entered):
        for note in CATALOG[code].notes:
            if note.warn and note.text not in seen:
                seen.add(note.text)
                warnings.append(Step(f"{code}: {note.text}", R_NOTE, note.source))
    for codes, text, source in CONFLICTS:
        if codes <= entered:
            warnings.append(Step(text, R_NOTE, source))
    for codes, what, source in ONE_PER_DAY:
        both = sorted(codes & entered)
        if len(both) > 1:
            warnings.append(Step(f"{_and(both)}: only one {what} per date of service.", R_NOTE, source))
    return warnings


def _documentation(method: str, lines: list[Line], timed_minutes: int, treatment_minutes: int) -> str:
    rows = [f"Time and units ({METHOD_NAMES[method]})",
            f"Total timed code treatment minutes: {timed_minutes}",
            f"Total treatment time: {treatment_minutes} minutes"]
    for line in lines:
        entry = CATALOG[line.code]
        kind = " (untimed)" if entry.kind == "untimed" else ""
        rows.append(f"{line.code} {entry.name}{kind}: {line.minutes} min, {_n(line.units, 'unit')}")
    return "\n".join(rows)


def compare(visit: Visit) -> dict[str, object]:
    """Both methods on one visit, and a sentence on how they differ (None when they agree)."""
    cms, ama = calculate(visit, "cms"), calculate(visit, "ama")
    difference = None
    if cms.units != ama.units:
        difference = (f"The methods differ: Medicare total time bills {_n(cms.total_units, 'unit')} "
                      f"({_bill_text(list(cms.lines))}), the CPT per-code midpoint "
                      f"{_n(ama.total_units, 'unit')} ({_bill_text(list(ama.lines))}).")
        if cms.alternative_count > 1:
            difference += " (Medicare's first allocation shown; others are allowed.)"
    return {"cms": cms, "ama": ama, "difference": difference}
