"""Properties that hold for every visit (hypothesis), checked against the closed forms of the
reference rather than against the engine's own helpers."""

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import CATALOG, InputError, calculate, check, parse

# Plain 15-minute timed codes (no add-on family), so per-code minutes are the entered minutes.
FIFTEEN = sorted(c for c, e in CATALOG.items() if e.kind == "timed" and e.addon is None and e.primary is None)
ANY_PRIMARY = sorted(c for c, e in CATALOG.items() if e.primary is None)


def closed_band(total: int) -> int:
    """Reference section 1: units = T // 15 + (1 if T % 15 >= 8 else 0)."""
    return total // 15 + (1 if total % 15 >= 8 else 0)


timed_visits = st.dictionaries(st.sampled_from(FIFTEEN), st.integers(0, 180), min_size=1, max_size=8)
any_visits = st.dictionaries(st.sampled_from(ANY_PRIMARY), st.integers(0, 150), min_size=1, max_size=8)


@given(timed_visits)
def test_cms_total_is_the_band_of_total_timed_minutes(minutes):
    result = calculate(parse(minutes), "cms")
    assert result.total_units == closed_band(sum(minutes.values()))
    for alternative in result.alternatives:
        assert sum(units for _, units in alternative) == result.total_units


@given(timed_visits)
def test_cms_each_code_gets_its_full_units_and_at_most_one_more(minutes):
    result = calculate(parse(minutes), "cms")
    for alternative in result.alternatives:
        for code, units in alternative:
            assert minutes[code] // 15 <= units <= minutes[code] // 15 + 1


@given(timed_visits)
def test_cms_extra_units_go_to_the_largest_leftovers(minutes):
    result = calculate(parse(minutes), "cms")
    for alternative in result.alternatives:
        got = dict(alternative)
        extra = [c for c in got if got[c] > minutes[c] // 15]
        passed = [c for c in got if got[c] == minutes[c] // 15]
        if extra and passed:
            assert min(minutes[c] % 15 for c in extra) >= max(minutes[c] % 15 for c in passed)


@given(any_visits, st.randoms())
def test_order_of_entries_never_changes_the_result(minutes, rng):
    pairs = list(minutes.items())
    rng.shuffle(pairs)
    for method in ("cms", "ama"):
        assert calculate(parse(pairs), method) == calculate(parse(minutes), method)


@given(any_visits, st.data())
def test_more_minutes_never_lower_the_total(minutes, data):
    code = data.draw(st.sampled_from(sorted(minutes)))
    more = dict(minutes, **{code: minutes[code] + data.draw(st.integers(1, 60))})
    for method in ("cms", "ama"):
        assert calculate(parse(more), method).total_units >= calculate(parse(minutes), method).total_units


@given(timed_visits)
def test_ama_is_the_band_of_each_code(minutes):
    result = calculate(parse(minutes), "ama")
    assert result.units == {code: closed_band(m) for code, m in minutes.items()}
    assert result.alternative_count == 1


@given(any_visits)
def test_totals_and_documentation_agree(minutes):
    for method in ("cms", "ama"):
        result = calculate(parse(minutes), method)
        assert result.total_treatment_minutes == sum(minutes.values())
        assert f"Total treatment time: {result.total_treatment_minutes} minutes" in result.documentation
        assert sum(line.minutes for line in result.lines) == result.total_treatment_minutes
        assert result.to_json()["total_units"] == result.total_units


@given(any_visits)
def test_next_unit_is_exactly_enough(minutes):
    """Adding the reported minutes to one code yields one more unit; one minute fewer does not."""
    result = calculate(parse(minutes), "ama")
    for hint in result.next_unit:
        code = hint.applies_to
        if minutes[code] + hint.minutes > 1440 or sum(minutes.values()) + hint.minutes > 1440:
            continue
        before = sum(u for c, u in result.units.items() if c == code or CATALOG[c].primary == code)
        after = calculate(parse(dict(minutes, **{code: minutes[code] + hint.minutes})), "ama").units
        assert sum(u for c, u in after.items() if c == code or CATALOG[c].primary == code) == before + 1
        if hint.minutes > 1:
            fewer = calculate(parse(dict(minutes, **{code: minutes[code] + hint.minutes - 1})), "ama").units
            assert sum(u for c, u in fewer.items() if c == code or CATALOG[c].primary == code) == before


junk = st.one_of(st.text(), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans(),
                 st.binary(), st.lists(st.integers(), max_size=3))


@settings(max_examples=300)
@given(st.one_of(st.dictionaries(junk.filter(lambda k: k.__hash__ is not None and not isinstance(k, list)), junk, max_size=6),
                 st.lists(st.tuples(junk, junk), max_size=6), junk))
def test_fuzz_only_input_error_escapes(entries):
    try:
        visit = parse(entries)
    except InputError as error:
        assert str(error)
        return
    for method in ("cms", "ama"):
        calculate(visit, method).to_json()


@given(st.dictionaries(st.text(max_size=8), st.text(max_size=6), max_size=6))
def test_check_never_raises_on_text(entries):
    visit, problems = check(entries)
    assert len(visit.entries) + len(problems) <= len(entries) + 2
