"""The calculator page in Chromium: loads, computes the CMS examples in both panels, keeps its
state in the URL, survives instant navigation, stays on loopback, and fails visibly."""

import re

import pytest
from playwright.sync_api import expect

from calculator import calculate, parse

from conftest import READY_TIMEOUT, wait_ready

pytestmark = pytest.mark.browser

EXAMPLES = [
    {"97112": 24, "97110": 23},
    {"97112": 20, "97110": 20},
    {"97110": 33, "97140": 7},
    {"97110": 18, "97140": 13, "97116": 10, "97035": 8},
    {"97112": 7, "97110": 7, "97140": 7},
]


def lines(page, method):
    panel = page.locator(f'[data-calculator] [data-method="{method}"]')
    rows = panel.locator("[data-code]")
    return {rows.nth(i).get_attribute("data-code"): int(rows.nth(i).get_attribute("data-units"))
            for i in range(rows.count())}


def total(page, method):
    return int(page.locator(f'[data-method="{method}"] [data-total-units]').get_attribute("data-total-units"))


def type_minutes(page, minutes):
    page.get_by_role("button", name="Clear all minutes").click()
    for code, value in minutes.items():
        page.locator(f'input[name="{code}"]').fill(str(value))


def expect_result(page, minutes):
    """Waits until both panels show exactly the package's lines for these minutes."""
    for method in ("cms", "ama"):
        expected = calculate(parse(minutes), method)
        panel = page.locator(f'[data-method="{method}"]')
        for code, units in expected.units.items():  # each assertion polls until the result is in
            expect(panel.locator(f'[data-code="{code}"]')).to_have_attribute("data-units", str(units))
        expect(panel.locator("[data-code]")).to_have_count(len(expected.lines))
        expect(panel.locator("[data-total-units]")).to_have_attribute("data-total-units", str(expected.total_units))
        assert lines(page, method) == expected.units


def test_form_is_usable_before_python_is_ready(watched, site):
    watched.goto(site + "calculator/")
    root = watched.locator("[data-calculator]")
    field = watched.get_by_label(re.compile(r"^97110 Therapeutic exercise"))
    field.fill("38")  # accepted while Python is still loading
    assert root.get_attribute("data-state") in ("loading", "ready")
    wait_ready(watched)
    expect(watched.locator('[data-method="cms"] [data-total-units]')).to_have_attribute("data-total-units", "3")


@pytest.mark.parametrize("minutes", EXAMPLES, ids=[f"example{i}" for i in range(1, 6)])
def test_cms_examples_typed_through_the_form(watched, site, minutes):
    watched.goto(site + "calculator/")
    wait_ready(watched)
    type_minutes(watched, minutes)
    expect_result(watched, minutes)
    assert not watched.errors


def test_every_input_is_labelled_with_code_and_name(watched, site):
    watched.goto(site + "calculator/")
    for field in watched.locator(".calc-form input[name]").all():
        code = field.get_attribute("name")
        label = watched.locator(f'label[for="{field.get_attribute("id")}"]')
        assert label.inner_text().startswith(code) and len(label.inner_text()) > len(code) + 3


def test_a_tie_shows_every_alternative(watched, site):
    watched.goto(site + "calculator/?97112=7&97110=7&97140=7")
    wait_ready(watched)
    alternatives = watched.locator('[data-method="cms"] [data-alternative]')
    expect(alternatives).to_have_count(3)
    texts = alternatives.all_inner_texts()
    assert {t.split(" (")[0] for t in texts} == {"97110 × 1", "97112 × 1", "97140 × 1"}
    expect(watched.locator("[data-difference]")).to_be_visible()


def test_url_round_trip(watched, site):
    watched.goto(site + "calculator/?97110=33&97140=7")
    wait_ready(watched)
    expect_result(watched, {"97110": 33, "97140": 7})
    watched.locator('input[name="97116"]').fill("10")
    expect(watched).to_have_url(re.compile(r"\?97110=33&97116=10&97140=7$"))
    watched.reload()
    wait_ready(watched)
    expect(watched.locator('input[name="97116"]')).to_have_value("10")
    expect_result(watched, {"97110": 33, "97116": 10, "97140": 7})


def test_a_code_added_from_the_list_and_from_the_url(watched, site):
    watched.goto(site + "calculator/?97113=30")
    wait_ready(watched)
    expect(watched.get_by_label(re.compile(r"^97113"))).to_have_value("30")
    watched.get_by_label("Add another code").select_option("97124")
    watched.get_by_role("button", name="Add", exact=True).click()
    expect(watched.get_by_label(re.compile(r"^97124"))).to_be_focused()
    watched.keyboard.type("15")
    expect_result(watched, {"97113": 30, "97124": 15})


def test_instant_navigation_away_and_back(watched, site):
    watched.goto(site + "calculator/?97110=38")
    wait_ready(watched)
    watched.evaluate("window.__samePage = true")  # survives only if no full reload happens
    watched.locator("a.md-logo").first.click()  # the header's link home (instant navigation)
    expect(watched).to_have_url(site)
    watched.go_back()
    wait_ready(watched)
    expect_result(watched, {"97110": 38})
    assert watched.evaluate("window.__samePage") is True
    assert watched.evaluate("performance.getEntriesByType('resource').filter(e => e.name.endsWith('worker.js')).length") == 1
    assert not watched.errors


def test_no_request_leaves_loopback(watched, site):
    watched.goto(site)
    watched.goto(site + "calculator/?97110=33")
    wait_ready(watched)
    expect(watched.locator('[data-method="cms"] [data-total-units]')).to_have_attribute("data-total-units", "2")
    outside = [url for url in watched.requests if not url.startswith(site) and not url.startswith(("data:", "blob:"))]
    assert outside == []
    assert not watched.errors


def test_documentation_and_next_unit(watched, site):
    watched.goto(site + "calculator/?97110=35&97161=20")
    wait_ready(watched)
    doc = watched.locator('[data-method="cms"] [data-documentation]')
    expect(doc).to_contain_text("Total timed code treatment minutes: 35")
    expect(doc).to_contain_text("Total treatment time: 55 minutes")
    expect(watched.locator('[data-method="cms"] [data-next-unit]')).to_contain_text("3 more minutes")


def test_bad_entry_is_shown_and_the_rest_still_computes(watched, site):
    watched.goto(site + "calculator/?97110=33&97140=abc")
    wait_ready(watched)
    expect(watched.locator('input[name="97140"]')).to_have_attribute("aria-invalid", "true")
    expect(watched.locator("[data-calculator] [role=alert]")).to_contain_text("97140")
    expect(watched.locator('[data-method="cms"] [data-total-units]')).to_have_attribute("data-total-units", "2")


@pytest.mark.parametrize("broken", ["**/pyodide.asm.wasm", "**/manifest.json", "**/pyodide.asm.mjs"])
def test_a_runtime_that_fails_to_load_ends_in_error(page, site, broken):
    page.route(broken, lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site + "calculator/?97110=20")
    root = page.locator("[data-calculator]")
    expect(root).to_have_attribute("data-state", "error", timeout=READY_TIMEOUT)
    expect(root.locator("[role=alert]")).to_contain_text("calculator")
    expect(root.get_by_role("button", name="Try again")).to_be_visible()
    expect(page.locator('input[name="97110"]')).to_have_value("20")  # the entry is kept
