"""The worked examples of CMS Pub. 100-04, ch. 5, section 20.2, the comparison of the two
methods (reference section 2), unit band edges, and each code class."""

import pytest

from calculator import band, calculate, compare, parse


def units(minutes, method="cms"):
    return calculate(parse(minutes), method).units


def alternatives(minutes, method="cms"):
    result = calculate(parse(minutes), method)
    return [{code: n for code, n in alt} for alt in result.alternatives]


# (minutes, every allocation CMS allows): Examples 1-5 of section 20.2.
CMS_EXAMPLES = [
    ({"97112": 24, "97110": 23}, [{"97110": 1, "97112": 2}]),
    ({"97112": 20, "97110": 20}, [{"97110": 2, "97112": 1}, {"97110": 1, "97112": 2}]),
    ({"97110": 33, "97140": 7}, [{"97110": 2, "97140": 1}]),
    ({"97110": 18, "97140": 13, "97116": 10, "97035": 8},
     [{"97035": 0, "97110": 1, "97116": 1, "97140": 1}]),
    ({"97112": 7, "97110": 7, "97140": 7},
     [{"97110": 1, "97112": 0, "97140": 0}, {"97110": 0, "97112": 1, "97140": 0},
      {"97110": 0, "97112": 0, "97140": 1}]),
]


@pytest.mark.parametrize(("minutes", "allowed"), CMS_EXAMPLES, ids=[f"example{i}" for i in range(1, 6)])
def test_cms_examples(minutes, allowed):
    result = calculate(parse(minutes), "cms")
    assert alternatives(minutes) == allowed
    assert result.units == allowed[0]  # the first allocation is the one billed by default
    assert result.alternative_count == len(allowed)
    assert result.total_timed_minutes == sum(minutes.values())


def test_example_4_keeps_the_unbilled_code_documented():
    result = calculate(parse({"97110": 18, "97140": 13, "97116": 10, "97035": 8}), "cms")
    assert any(line.code == "97035" and line.minutes == 8 and line.units == 0 for line in result.lines)
    assert any("97035" in w.text and "not billed" in w.text for w in result.warnings)
    assert "97035 Ultrasound: 8 min, 0 units" in result.documentation


def test_example_2_explains_the_tie_and_who_chooses():
    result = calculate(parse({"97112": 20, "97110": 20}), "cms")
    tie = [s for s in result.explanation if "tie" in s.rule.lower()]
    assert tie and "clinician" in tie[0].text
    assert tie[0].source == "cms-100-04-ch5-20.2"


# Reference section 2: where the methods part.
COMPARISON = [
    ({"97110": 10, "97116": 10}, 1, 2),
    ({"97110": 33, "97140": 7}, 3, 2),
    ({"97112": 7, "97110": 7, "97140": 7}, 1, 0),
    ({"97110": 18, "97140": 13, "97116": 10, "97035": 8}, 3, 4),
    ({"97112": 24, "97110": 23}, 3, 4),
    ({"97110": 22, "97140": 22}, 3, 2),
    ({"97110": 38}, 3, 3),
]


@pytest.mark.parametrize(("minutes", "cms", "ama"), COMPARISON)
def test_methods_compared(minutes, cms, ama):
    both = compare(parse(minutes))
    assert both["cms"].total_units == cms
    assert both["ama"].total_units == ama
    assert (both["difference"] is None) == (both["cms"].units == both["ama"].units)


@pytest.mark.parametrize(("minutes", "expected"), [
    (0, 0), (7, 0), (8, 1), (22, 1), (23, 2), (37, 2), (38, 3), (52, 3), (53, 4),
    (112, 7), (113, 8), (127, 8), (128, 9), (142, 9), (143, 10), (480, 32), (1440, 96),
])
def test_unit_band_edges(minutes, expected):
    assert band(minutes) == expected
    if minutes:
        assert units({"97110": minutes})["97110"] == expected
        assert units({"97110": minutes}, "ama")["97110"] == expected


def test_past_two_hours_is_not_capped_at_8_units():
    assert calculate(parse({"97110": 70, "97530": 70}), "cms").total_units == 9
    assert calculate(parse({"97110": 200}), "cms").total_units == 13


def test_lone_service_under_8_minutes_is_not_billed_and_says_why():
    result = calculate(parse({"97110": 7}), "cms")
    assert result.total_units == 0
    assert any("under 8" in w.text for w in result.warnings)
    assert result.next_unit[0].minutes == 1


def test_untimed_codes_one_unit_outside_the_timed_total():
    # 35 timed + 20 untimed: timed 35, total 55, 2 timed units + 1 untimed (reference section 1).
    result = calculate(parse({"97110": 35, "97161": 20}), "cms")
    assert result.units == {"97110": 2, "97161": 1}
    assert (result.total_timed_minutes, result.total_treatment_minutes) == (35, 55)
    assert "Total timed code treatment minutes: 35" in result.documentation
    assert "Total treatment time: 55 minutes" in result.documentation


def test_untimed_minutes_never_lift_timed_units():
    assert units({"97110": 7, "97150": 60}) == {"97110": 0, "97150": 1}
    assert units({"97010": 0, "97110": 30}) == {"97010": 0, "97110": 2}


@pytest.mark.parametrize("method", ["cms", "ama"])
@pytest.mark.parametrize(("minutes", "first", "added"), [
    (60, 0, 0), (61, 1, 0), (150, 1, 0), (151, 1, 1), (210, 1, 1), (211, 1, 2), (271, 1, 3),
])
def test_work_hardening_midpoints(method, minutes, first, added):
    result = calculate(parse({"97545": minutes}), method)
    assert result.units.get("97545") == first
    assert result.units.get("97546", 0) == added
    assert any("Medicare does not pay" in w.text for w in result.warnings)


def test_work_hardening_is_never_pooled_with_15_minute_codes():
    result = calculate(parse({"97545": 100, "97110": 5}), "cms")
    assert result.total_timed_minutes == 5
    assert result.units["97110"] == 0
    assert result.units["97545"] == 1


def test_work_hardening_minutes_may_be_split_over_both_codes():
    split = calculate(parse({"97545": 120, "97546": 40}), "cms").units
    assert split == calculate(parse({"97545": 160}), "cms").units == {"97545": 1, "97546": 1}


def test_under_61_minutes_of_work_hardening_warns():
    result = calculate(parse({"97545": 45}), "cms")
    assert result.total_units == 0
    assert any("61 minutes" in w.text for w in result.warnings)


@pytest.mark.parametrize(("minutes", "first", "added"), [(7, 0, 0), (8, 1, 0), (22, 1, 0), (23, 1, 1), (38, 1, 2)])
def test_cognitive_family_first_unit_then_add_on(minutes, first, added):
    result = calculate(parse({"97129": minutes}), "ama")
    assert result.units.get("97129") == first
    assert result.units.get("97130", 0) == added


def test_cognitive_family_joins_the_medicare_timed_total():
    # 10 + 10 = 20 timed minutes: one Medicare unit, which one the clinician chooses.
    result = calculate(parse({"97129": 10, "97110": 10}), "cms")
    assert result.total_timed_minutes == 20 and result.total_units == 1
    assert result.alternative_count == 2


@pytest.mark.parametrize(("minutes", "first", "added"), [(15, 0, 0), (16, 1, 0), (37, 1, 0), (38, 1, 1), (53, 1, 2)])
def test_caregiver_training_family(minutes, first, added):
    for method in ("cms", "ama"):
        result = calculate(parse({"97550": minutes}), method)
        assert result.units.get("97550") == first
        assert result.units.get("97551", 0) == added


@pytest.mark.parametrize(("code", "minutes", "expected"), [
    ("96105", 30, 0), ("96105", 31, 1), ("96105", 90, 1), ("96105", 91, 2),
    ("92605", 31, {"92605": 1}), ("92605", 75, {"92605": 1}), ("92605", 76, {"92605": 1, "92618": 1}),
])
def test_hourly_codes(code, minutes, expected):
    got = units({code: minutes})
    if isinstance(expected, int):
        assert got == {code: expected}
    else:
        assert {c: n for c, n in got.items() if n} == expected


def test_every_step_and_warning_names_a_known_source():
    from calculator import SOURCES
    result = calculate(parse({"97545": 130, "97110": 20, "97014": 15, "97010": 10, "97129": 30}), "cms")
    for step in (*result.explanation, *result.warnings):
        assert step.source in SOURCES and step.rule


def test_json_has_the_promised_fields():
    data = calculate(parse({"97112": 20, "97110": 20}), "cms").to_json()
    assert {"method", "total_units", "total_timed_minutes", "total_treatment_minutes", "lines",
            "alternatives", "explanation", "warnings", "documentation"} <= set(data)
    assert data["alternatives"][0] == {line["code"]: line["units"] for line in data["lines"]}
    assert len(data["alternatives"]) == 2


def test_many_tied_codes_report_the_exact_number_of_allocations():
    import math
    codes = ["97032", "97033", "97034", "97035", "97036", "97110", "97112", "97113", "97116",
             "97124", "97140", "97530", "97533", "97535", "97537", "97542"]
    result = calculate(parse({code: 7 for code in codes}), "cms")  # 112 min: 7 units over 16 codes
    assert result.total_units == 7
    assert result.alternative_count == math.comb(16, 7)
    assert len(result.alternatives) == 100
