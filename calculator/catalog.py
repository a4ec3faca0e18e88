"""The code catalog: one row per code, as data, each fact with its source.

Descriptions are the project's own short paraphrases (CPT descriptors are AMA copyright).

kind:
    ``timed``    15-minute units, one-on-one; under Medicare their minutes join the day's
                 total timed minutes and the total decides the units.
    ``untimed``  service-based: one unit per date of service whatever the duration; the
                 minutes count in total treatment time only.
    ``hourly``   an hour or another long unit (30 minutes, 2 hours), counted per code by the
                 CPT midpoint under both methods and never pooled with 15-minute codes.
A code with ``addon`` set starts a family: the service's first unit is billed on it and
further units of ``addon_unit`` minutes on the add-on code.
"""

from __future__ import annotations

from dataclasses import dataclass

from .sources import SOURCES

KINDS = {
    "timed": "Timed: 15-minute units, one-on-one",
    "untimed": "Untimed: one unit per date of service",
    "hourly": "Hour or other long unit, counted per code",
}


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    source: str
    warn: bool = True  # shown as a warning whenever the code has minutes; False when a
    # combination check (CONFLICTS, ONE_PER_DAY, add-on without its first code) covers it


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    kind: str
    unit: int | None  # minutes in one unit (the first unit for a family); None when untimed
    name: str
    source: str  # where the kind and the unit come from
    addon: str | None = None  # the add-on code, on the first code of a family
    addon_unit: int | None = None  # minutes in one add-on unit
    primary: str | None = None  # on an add-on code: the code it goes with
    notes: tuple[Note, ...] = ()

    @property
    def family(self) -> bool:
        return self.addon is not None or self.primary is not None


# code, kind, unit, name, source of kind and unit
_ROWS: tuple[tuple[str, str, int | None, str, str], ...] = (
    # Timed 15-minute codes, direct one-on-one (constant attendance)
    ("97032", "timed", 15, "Electrical stimulation, applied by hand in constant attendance", "uhc-timed-codes"),
    ("97033", "timed", 15, "Iontophoresis", "uhc-timed-codes"),
    ("97034", "timed", 15, "Contrast baths", "uhc-timed-codes"),
    ("97035", "timed", 15, "Ultrasound", "uhc-timed-codes"),
    ("97036", "timed", 15, "Hubbard tank", "uhc-timed-codes"),
    ("97110", "timed", 15, "Therapeutic exercise", "uhc-timed-codes"),
    ("97112", "timed", 15, "Neuromuscular re-education", "uhc-timed-codes"),
    ("97113", "timed", 15, "Aquatic therapy with exercise", "uhc-timed-codes"),
    ("97116", "timed", 15, "Gait training", "uhc-timed-codes"),
    ("97124", "timed", 15, "Massage", "uhc-timed-codes"),
    ("97140", "timed", 15, "Manual therapy techniques", "uhc-timed-codes"),
    ("97530", "timed", 15, "Therapeutic activities", "uhc-timed-codes"),
    ("97533", "timed", 15, "Sensory integration techniques", "uhc-timed-codes"),
    ("97535", "timed", 15, "Self-care and home management training", "uhc-timed-codes"),
    ("97537", "timed", 15, "Community or work reintegration training", "uhc-timed-codes"),
    ("97542", "timed", 15, "Wheelchair management training", "uhc-timed-codes"),
    ("97750", "timed", 15, "Physical performance test or measurement", "uhc-timed-codes"),
    ("97755", "timed", 15, "Assistive technology assessment", "uhc-timed-codes"),
    ("97760", "timed", 15, "Orthotic management and training, first encounter", "uhc-timed-codes"),
    ("97761", "timed", 15, "Prosthetic training, first encounter", "uhc-timed-codes"),
    ("97763", "timed", 15, "Orthotic or prosthetic management and training, later encounter", "uhc-timed-codes"),
    # Timed family: first 15 minutes + each further 15 minutes
    ("97129", "timed", 15, "Cognitive function intervention, first 15 minutes", "cpt-families-secondary"),
    ("97130", "timed", 15, "Cognitive function intervention, each further 15 minutes", "cpt-families-secondary"),
    # Untimed, service-based
    ("97161", "untimed", None, "PT evaluation, low complexity", "cms-untimed-secondary"),
    ("97162", "untimed", None, "PT evaluation, moderate complexity", "cms-untimed-secondary"),
    ("97163", "untimed", None, "PT evaluation, high complexity", "cms-untimed-secondary"),
    ("97164", "untimed", None, "PT re-evaluation", "cms-untimed-secondary"),
    ("97165", "untimed", None, "OT evaluation, low complexity", "cms-untimed-secondary"),
    ("97166", "untimed", None, "OT evaluation, moderate complexity", "cms-untimed-secondary"),
    ("97167", "untimed", None, "OT evaluation, high complexity", "cms-untimed-secondary"),
    ("97168", "untimed", None, "OT re-evaluation", "cms-untimed-secondary"),
    ("97150", "untimed", None, "Group therapy, two or more patients", "cms-untimed-secondary"),
    ("97010", "untimed", None, "Hot or cold packs", "cms-untimed-secondary"),
    ("97012", "untimed", None, "Mechanical traction", "cms-untimed-secondary"),
    ("97014", "untimed", None, "Electrical stimulation, unattended", "cms-untimed-secondary"),
    ("G0283", "untimed", None, "Electrical stimulation, unattended (Medicare HCPCS code)", "g0283-secondary"),
    ("97016", "untimed", None, "Vasopneumatic device", "cms-untimed-secondary"),
    ("97018", "untimed", None, "Paraffin bath", "cms-untimed-secondary"),
    ("97022", "untimed", None, "Whirlpool", "cms-untimed-secondary"),
    ("97024", "untimed", None, "Diathermy", "cms-untimed-secondary"),
    ("97026", "untimed", None, "Infrared", "cms-untimed-secondary"),
    ("97028", "untimed", None, "Ultraviolet", "cms-untimed-secondary"),
    ("97552", "untimed", None, "Caregiver training in a group, without the patient", "cpt-families-secondary"),
    ("92507", "untimed", None, "Speech, language, voice or communication treatment, individual", "asha-slp-codes"),
    ("92508", "untimed", None, "Speech, language, voice or communication treatment, group", "asha-slp-codes"),
    ("92526", "untimed", None, "Treatment of swallowing dysfunction", "asha-slp-codes"),
    # Hour and other long units, counted per code by the CPT midpoint
    ("97545", "hourly", 120, "Work hardening or conditioning, first 2 hours", "gawenda-work-hardening"),
    ("97546", "hourly", 60, "Work hardening or conditioning, each further hour", "gawenda-work-hardening"),
    ("97550", "hourly", 30, "Caregiver training without the patient, first 30 minutes", "cpt-families-secondary"),
    ("97551", "hourly", 15, "Caregiver training without the patient, each further 15 minutes", "cpt-families-secondary"),
    ("96105", "hourly", 60, "Aphasia assessment, per hour", "cpt-families-secondary"),
    ("96125", "hourly", 60, "Standardized cognitive performance testing, per hour", "cpt-families-secondary"),
    ("92605", "hourly", 60, "Non-speech-generating communication device evaluation, first hour", "cpt-families-secondary"),
    ("92618", "hourly", 30, "Non-speech-generating communication device evaluation, each further 30 minutes", "cpt-families-secondary"),
    ("92607", "hourly", 60, "Speech-generating device evaluation, first hour", "cpt-families-secondary"),
    ("92608", "hourly", 30, "Speech-generating device evaluation, each further 30 minutes", "cpt-families-secondary"),
)

# first code -> add-on code
_FAMILIES = {
    "97129": "97130",
    "97545": "97546",
    "97550": "97551",
    "92605": "92618",
    "92607": "92608",
}

_MEDICARE_NO_WORK_HARDENING = Note(
    "Medicare does not pay for work hardening or conditioning; workers' compensation is the "
    "usual payer, and some fee schedules require whole hours (the full 2 hours for 97545).",
    "medicare-work-hardening",
)

# payer notes shown in the code reference and as warnings when the code is billed
_NOTES: dict[str, tuple[Note, ...]] = {
    "97010": (Note("Medicare bundles hot or cold packs into the other services of the day and "
                   "never pays 97010 separately.", "palmetto-97010"),),
    "97014": (Note("Medicare does not accept 97014: report unattended electrical stimulation "
                   "as G0283.", "g0283-secondary"),),
    "97150": (Note("Group therapy: bill 97150 for each patient in the group instead of "
                   "one-on-one codes for that time; the group minutes are not one-on-one "
                   "timed minutes.", "apta-group"),),
    "97545": (_MEDICARE_NO_WORK_HARDENING,
              Note("One-on-one contact is not required: the time the patient spends in the "
                   "program counts.", "gawenda-work-hardening")),
    "97546": (_MEDICARE_NO_WORK_HARDENING,),
    "97763": (Note("Not reported with 97760 or 97761 for the same encounter.", "cpt-97763", False),),
    **{code: (Note("One PT evaluation or re-evaluation per date of service.", "ncci-one-eval", False),)
       for code in ("97161", "97162", "97163", "97164")},
    **{code: (Note("One OT evaluation or re-evaluation per date of service.", "ncci-one-eval", False),)
       for code in ("97165", "97166", "97167", "97168")},
}


def _build() -> dict[str, Code]:
    primaries = {addon: first for first, addon in _FAMILIES.items()}
    units = {row[0]: row[2] for row in _ROWS}
    catalog = {}
    for code, kind, unit, name, source in _ROWS:
        notes = _NOTES.get(code, ())
        if code in primaries:
            notes += (Note(f"Add-on code: billed only with {primaries[code]}, which takes the "
                           "service's first unit.", "cpt-families-secondary", False),)
        catalog[code] = Code(
            code=code, kind=kind, unit=unit, name=name, source=source,
            addon=_FAMILIES.get(code),
            addon_unit=units[_FAMILIES[code]] if code in _FAMILIES else None,
            primary=primaries.get(code), notes=notes,
        )
    return catalog


CATALOG: dict[str, Code] = _build()

# codes that may not be billed together on one date of service: (codes, message, source)
CONFLICTS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"97763", "97760"}), "97763 is not reported with 97760 for the same encounter.",
     "cpt-97763"),
    (frozenset({"97763", "97761"}), "97763 is not reported with 97761 for the same encounter.",
     "cpt-97763"),
)

# at most one code of each group per date of service: (codes, what they are, source)
ONE_PER_DAY: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"97161", "97162", "97163", "97164"}), "PT evaluation or re-evaluation",
     "ncci-one-eval"),
    (frozenset({"97165", "97166", "97167", "97168"}), "OT evaluation or re-evaluation",
     "ncci-one-eval"),
)


def _check() -> None:
    """Fail at import if the table contradicts itself (cheap, runs once)."""
    for entry in CATALOG.values():
        assert entry.kind in KINDS, entry
        assert entry.source in SOURCES, entry
        assert all(note.source in SOURCES for note in entry.notes), entry
        assert (entry.unit is None) == (entry.kind == "untimed"), entry
    for first, addon in _FAMILIES.items():
        assert CATALOG[first].kind == CATALOG[addon].kind, first


_check()
