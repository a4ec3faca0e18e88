"""The catalog is complete for sections 3-4 of the reference, and every fact has a source."""

import pytest

from calculator import CATALOG, KINDS, SOURCES
from calculator.catalog import CONFLICTS, ONE_PER_DAY

TIMED = ("97032 97033 97034 97035 97036 97110 97112 97113 97116 97124 97140 97530 97533 97535 "
         "97537 97542 97750 97755 97760 97761 97763 97129 97130").split()
UNTIMED = ("97161 97162 97163 97164 97165 97166 97167 97168 97150 97010 97012 97014 97016 97018 "
           "97022 97024 97026 97028 G0283 97552 92507 92508 92526").split()
HOURLY = "97545 97546 97550 97551 96105 96125 92605 92618 92607 92608".split()


@pytest.mark.parametrize(("codes", "kind"), [(TIMED, "timed"), (UNTIMED, "untimed"), (HOURLY, "hourly")])
def test_classes(codes, kind):
    for code in codes:
        assert CATALOG[code].kind == kind, code


def test_every_entry_is_complete():
    for code, entry in CATALOG.items():
        assert entry.code == code and entry.kind in KINDS and entry.name
        assert entry.source in SOURCES
        for note in entry.notes:
            assert note.source in SOURCES and note.text


@pytest.mark.parametrize(("code", "unit", "addon", "addon_unit"), [
    ("97110", 15, None, None), ("97545", 120, "97546", 60), ("97129", 15, "97130", 15),
    ("97550", 30, "97551", 15), ("92605", 60, "92618", 30), ("92607", 60, "92608", 30), ("96105", 60, None, None),
])
def test_units(code, unit, addon, addon_unit):
    entry = CATALOG[code]
    assert (entry.unit, entry.addon, entry.addon_unit) == (unit, addon, addon_unit)
    if addon:
        assert CATALOG[addon].primary == code


@pytest.mark.parametrize(("code", "words"), [
    ("97545", "Medicare does not pay"), ("97546", "Medicare does not pay"),
    ("97010", "bundles"), ("97014", "G0283"), ("97763", "97760"),
])
def test_payer_notes(code, words):
    assert any(words in note.text for note in CATALOG[code].notes)


def test_conflicts_and_once_per_day():
    assert any({"97763", "97760"} <= codes for codes, *_ in CONFLICTS)
    assert any({"97161", "97164"} <= codes for codes, *_ in ONE_PER_DAY)
    assert any({"97165", "97168"} <= codes for codes, *_ in ONE_PER_DAY)


def test_sources_are_labelled_by_basis():
    assert {s.basis for s in SOURCES.values()} <= {"primary", "secondary", "interpretation"}
    assert SOURCES["cms-100-04-ch5-20.2"].basis == "primary"
    assert SOURCES["project-allocation"].basis == "interpretation"
