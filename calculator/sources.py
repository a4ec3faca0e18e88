"""The sources the calculator cites, as data.

Each source has a ``basis``: ``primary`` (read in a CMS manual, the statute or a Medicare
contractor), ``secondary`` (a payer or publication quoting the primary text) or
``interpretation`` (the project's own reading of the rules above it; pages label it so).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    basis: str  # "primary" | "secondary" | "interpretation"


def _table(*rows: tuple[str, str, str]) -> dict[str, Source]:
    return {row[0]: Source(*row) for row in rows}


SOURCES: dict[str, Source] = _table(
    ("cms-100-04-ch5-20.2",
     "CMS, Medicare Claims Processing Manual (Pub. 100-04), Chapter 5, section 20.2",
     "primary"),
    ("fcso-units",
     "First Coast Service Options (Medicare contractor), \"Counting units for therapy services\"",
     "primary"),
    ("cms-100-02-ch15-220.3",
     "CMS, Medicare Benefit Policy Manual (Pub. 100-02), Chapter 15, section 220.3",
     "primary"),
    ("cms-one-line-per-code",
     "Medicare contractor claim edit: one claim line per code per date of service "
     "(since April 19, 2021)",
     "primary"),
    ("palmetto-97010",
     "Palmetto GBA (Medicare contractor): 97010 is bundled and never paid separately",
     "primary"),
    ("asha-slp-codes",
     "ASHA, CPT codes for speech-language pathology treatment (92507, 92508, 92526)",
     "primary"),
    ("ama-cpt-midpoint",
     "AMA CPT time rule (a unit is attained when the midpoint is passed), as quoted by "
     "Premera Blue Cross, \"Billing for time\", November 2019",
     "secondary"),
    ("uhc-timed-codes",
     "UnitedHealthcare, list of timed (constant attendance) therapy codes",
     "secondary"),
    ("cms-untimed-secondary",
     "Service-based (untimed) therapy codes: one unit per date of service under Medicare, "
     "as reported by payers and contractors quoting Pub. 100-04, Chapter 5",
     "secondary"),
    ("ncci-one-eval",
     "National Correct Coding Initiative edits as reported by payers: one PT or OT "
     "evaluation or re-evaluation per date of service",
     "secondary"),
    ("apta-group",
     "APTA, quoting CMS on group therapy (97150): two or more patients, constant "
     "attendance, not one-on-one",
     "secondary"),
    ("g0283-secondary",
     "Payers and contractors reporting that Medicare requires HCPCS G0283 instead of 97014 "
     "for unattended electrical stimulation",
     "secondary"),
    ("gawenda-work-hardening",
     "Rick Gawenda, \"Work Hardening CPT Codes: Must I Be One-on-One With the Patient\", "
     "Gawenda Seminars & Consulting, September 16, 2019",
     "secondary"),
    ("medicare-work-hardening",
     "Medicare does not cover work hardening or conditioning (not reasonable and necessary; "
     "zero RVUs in the 2025 physician fee schedule file), as reported by secondary sources",
     "secondary"),
    ("cpt-families-secondary",
     "CPT add-on structure of 97129/97130, 97550/97551/97552, 92605/92618 and 92607/92608, "
     "as reported by payers and professional associations",
     "secondary"),
    ("cpt-97763",
     "CPT guidance as reported by payers: 97763 is not reported with 97760 or 97761 for "
     "the same encounter",
     "secondary"),
    ("cms-100-02-ch15-230",
     "CMS, Medicare Benefit Policy Manual (Pub. 100-02), Chapter 15, sections 220-230 "
     "(therapy services; group therapy)",
     "primary"),
    ("usc-1395m-v",
     "42 U.S.C. 1395m(v): payment at 85% for therapy services furnished in whole or in part "
     "by a physical or occupational therapy assistant (from 2022)",
     "primary"),
    ("cms-deminimis",
     "CMS, CY2020 and CY2022 Physician Fee Schedule final rules on the CQ/CO modifiers "
     "(10% de minimis standard; timed-code unit rules), as reported by secondary sources",
     "secondary"),
    ("cms-cqco-examples",
     "CMS, \"Billing Examples Using CQ/CO Modifiers for Services Furnished in Whole or in Part "
     "by PTAs and OTAs\"",
     "primary"),
    ("noridian-kx",
     "Noridian (Medicare contractor), therapy KX modifier threshold amounts for 2023 and 2024",
     "primary"),
    ("kx-secondary",
     "KX modifier threshold amounts for 2025 and 2026 as reported by secondary sources",
     "secondary"),
    ("usc-1395l-g",
     "42 U.S.C. 1395l(g)(7)(B): the targeted medical review threshold for therapy services",
     "primary"),
    ("payer-methods",
     "Payer policies as reported by secondary sources: Highmark and BCBS Nebraska follow "
     "Medicare's total-time method; Anthem (2025) asks for time in and out per code; "
     "WebPT's per-code example (10 + 10 minutes = 2 units)",
     "secondary"),
    ("snf-concurrent",
     "\"Concurrent therapy\" as a Medicare SNF Part A category, not a Part B billing "
     "method, as reported by secondary sources",
     "secondary"),
    ("cigna-work-conditioning",
     "Cigna, work hardening/conditioning policy: the initial assessment is separate from "
     "97545, as reported by secondary sources",
     "secondary"),
    ("project-allocation",
     "Project interpretation: full 15-minute units per code, remaining units to the largest "
     "leftover minutes; reproduces every CMS worked example in Pub. 100-04, Chapter 5, "
     "section 20.2",
     "interpretation"),
    ("project-family",
     "Project interpretation: a service with a first-unit code and an add-on code bills its "
     "first unit on the first code and further units on the add-on",
     "interpretation"),
    ("project-midpoint-long",
     "Project interpretation: the CPT midpoint applied to hour and other long units "
     "(97545 from 61 minutes; each 97546 from 151, 211, 271 ... minutes)",
     "interpretation"),
)
