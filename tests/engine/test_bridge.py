"""The browser adapter: lenient, JSON in and out, never raises."""

import json

from hypothesis import given
from hypothesis import strategies as st

from calculator.bridge import compute, compute_json, reference_json


def test_good_and_bad_entries_side_by_side():
    out = compute([["97110", "33"], ["97140", "7"], ["97116", "x"]])
    assert out["cms"]["total_units"] == 3 and out["ama"]["total_units"] == 2
    assert [p["entry"] for p in out["problems"]] == ["97116"]
    assert "whole number" in out["problems"][0]["message"]
    assert out["difference"].startswith("The methods differ")


def test_empty_form_has_no_result_and_no_problem():
    assert compute([]) == {"problems": [], "cms": None, "ama": None, "difference": None}
    assert compute([["97110", ""]])["problems"][0]["entry"] == "97110"


def test_too_many_entries_are_cut_with_a_message():
    out = compute([["97110", "1"]] * 5000)
    assert any("only the first 200" in p["message"] for p in out["problems"])


def test_json_round_trip():
    out = json.loads(compute_json('[["97545", "151"]]'))
    assert out["cms"]["lines"][1] == {"code": "97546", "minutes": 31, "units": 1}
    assert json.loads(compute_json("{"))["problems"]


def test_reference_lists_every_source_and_code():
    ref = json.loads(reference_json())
    assert ref["codes"]["97130"]["primary"] == "97129"
    assert ref["sources"]["cms-100-04-ch5-20.2"]["basis"] == "primary"


@given(st.text(max_size=200))
def test_compute_json_never_raises(text):
    json.loads(compute_json(text))


@given(st.lists(st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=3), max_size=8))
def test_compute_never_raises(entries):
    compute(entries)
