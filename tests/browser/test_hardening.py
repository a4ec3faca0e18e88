"""Hostile input, a runtime that fails, privacy and accessibility: each promise of the
hardening issue, tested in Chromium against the built site."""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from conftest import READY_TIMEOUT, wait_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = ["", "calculator/?97110=33&97140=7", "medicare-8-minute-rule/", "cpt-midpoint-rule/", "work-hardening/",
         "timed-and-untimed/", "group-therapy/", "code-families/", "documenting-time/", "therapy-assistants/",
         "thresholds/", "code-reference/", "faq/", "sources/", "404.html"]


def cms_total(page):
    return page.locator('[data-method="cms"] [data-total-units]')


# (URL query part added to 97110=33, the field its message belongs to, words of the message)
BAD_URL_INPUTS = [
    ("97140=-5", "97140", "negative"),
    ("97140=12.5", "97140", "whole"),
    ("97140=ten", "97140", "whole number"),
    ("97141=10", "97141", "not a code"),
    ("9714=10", "9714", "did you mean"),
    ("97130=20", "97130", "add-on"),
    ("97140=2000", "97140", "more than a day"),
    ("97140=" + "9" * 5000, "97140", "more than a day"),
    ("x" * 3000 + "=5", "x" * 3000, "not a code"),
    ("=15", "", "no code"),
]


@pytest.mark.parametrize(("query", "field", "words"), BAD_URL_INPUTS, ids=[q[:20] for q, _, _ in BAD_URL_INPUTS])
def test_bad_input_from_the_url_is_named_and_the_rest_computes(watched, site, query, field, words):
    watched.goto(f"{site}calculator/?97110=33&{query}")
    wait_ready(watched)
    inputs = [i for i in watched.locator(".calc-form input[name]").all() if i.get_attribute("name") == field]
    assert inputs, f"no field for {field[:30]!r}"
    expect(inputs[-1]).to_have_attribute("aria-invalid", "true")
    row_error = inputs[-1].locator("xpath=ancestor::div[contains(@class,'calc-row')]//span[contains(@class,'calc-field-error')]")
    expect(row_error).to_contain_text(words)
    expect(watched.locator("[data-calculator] [role=alert]")).to_contain_text(words)
    expect(cms_total(watched)).to_have_attribute("data-total-units", "2")  # 97110=33 still computes
    kept = watched.url
    watched.reload()
    wait_ready(watched)
    assert watched.url == kept  # nothing typed is lost on reload
    expect(inputs[-1]).to_have_attribute("aria-invalid", "true")


def test_bad_input_typed_in_the_form(watched, site):
    watched.goto(site + "calculator/?97110=33")
    wait_ready(watched)
    field = watched.locator('input[name="97140"]')
    field.fill("1.5")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(watched.locator("[role=alert]")).to_contain_text("97140: minutes must be whole")
    expect(cms_total(watched)).to_have_attribute("data-total-units", "2")
    field.fill("7")
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(cms_total(watched)).to_have_attribute("data-total-units", "3")
    expect(watched.locator("[role=alert]")).to_have_text("")


def test_blank_minutes_are_no_entry_not_an_error(watched, site):
    watched.goto(site + "calculator/?97110=33&97140=&97116=%20%20")
    wait_ready(watched)
    expect(cms_total(watched)).to_have_attribute("data-total-units", "2")
    expect(watched.locator("[role=alert]")).to_have_text("")
    assert watched.locator("[aria-invalid=true]").count() == 0


def test_a_code_given_twice_keeps_both_values(watched, site):
    watched.goto(site + "calculator/?97110=10&97110=5")
    wait_ready(watched)
    fields = watched.locator('input[name="97110"]')
    expect(fields).to_have_count(2)
    assert sorted(fields.evaluate_all("els => els.map(e => e.value)")) == ["10", "5"]
    expect(watched.locator("[role=alert]")).to_contain_text("more than once")
    assert "97110=10&97110=5" in watched.url


def test_thousands_of_parameters(watched, site):
    query = "&".join(f"{9000 + i}={i}" for i in range(3000))
    watched.goto(f"{site}calculator/?97110=33&{query}")
    wait_ready(watched)
    expect(watched.locator("[role=alert]")).to_contain_text("2801 more entries in the address were not read")
    expect(cms_total(watched)).to_have_attribute("data-total-units", "2")
    assert watched.url.count("&") == 3000  # every parameter stays in the address
    assert not watched.errors


PAYLOADS = ['<img src=x onerror="window.__pwned=1">', "<svg onload=window.__pwned=1>",
            '"><script>window.__pwned=1</script>', "javascript:window.__pwned=1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_keys_and_values_is_only_text(watched, site, payload):
    dialogs = []
    watched.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched.goto(f"{site}calculator/?{quote(payload)}={quote(payload)}&97110={quote(payload)}")
    wait_ready(watched)
    expect(watched.locator("[role=alert]")).to_contain_text("not a code")
    label = watched.locator(".calc-row label").filter(has_text="not a code this calculator knows")
    expect(label).to_contain_text(payload[:10])  # shown as text
    assert watched.evaluate("window.__pwned") is None
    assert watched.locator(".calc img, .calc svg[onload], .calc script").count() == 0
    assert dialogs == []


def test_content_security_policy_blocks_inline_script(watched, site):
    watched.goto(site + "calculator/")
    policy = watched.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "script-src 'self'" in policy and "default-src 'self'" in policy and "*" not in policy
    blocked = watched.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', e => resolve(e.violatedDirective), {once: true});
        const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.head.append(s);
        setTimeout(() => resolve(window.__ran ? 'ran' : 'no event'), 2000);
    })""")
    assert blocked.startswith("script-src")
    wait_ready(watched)  # the policy still lets the calculator run
    watched.errors.clear()


def test_every_page_has_the_policy(watched, site):
    for url in PAGES:
        watched.goto(site + url)
        assert watched.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, url


def expect_failure_then_retry(page, site, query="97110=20"):
    root = page.locator("[data-calculator]")
    expect(root).to_have_attribute("data-state", "error", timeout=READY_TIMEOUT)
    alert = root.locator("[role=alert]")
    expect(alert).not_to_be_empty()
    expect(alert.get_by_role("link", name="unit tables in the guidance")).to_have_attribute(
        "href", re.compile(r"medicare-8-minute-rule/#the-unit-bands$"))
    expect(page.locator('input[name="97110"]')).to_have_value("20")  # entries are kept
    assert page.url.endswith(query)
    return root


@pytest.mark.parametrize(("pattern", "kind"), [
    ("**/therapy_units_calculator-*.whl", "corrupt"),
    ("**/pyodide.asm.wasm", "wrong-mime"),
    ("**/calculator/worker.js", "worker-dies"),
    ("**/pyodide.asm.mjs", "missing"),
])
def test_a_runtime_that_fails_shows_an_error_with_retry(page, site, pattern, kind):
    def broken(route):
        if kind == "corrupt":
            route.fulfill(status=200, body=b"not a wheel at all", content_type="application/zip")
        elif kind == "wrong-mime":
            response = route.fetch()
            route.fulfill(response=response, headers={**response.headers, "content-type": "text/plain"})
        elif kind == "worker-dies":
            route.fulfill(status=200, body="throw new Error('the worker died')", content_type="text/javascript")
        else:
            route.fulfill(status=404, body="")
    page.route(pattern, broken)
    if kind == "corrupt":  # the wheel is only read by a normal start: make the fast start fail too
        page.route("**/snapshot-*", lambda route: route.fulfill(status=404, body=""))
    page.goto(site + "calculator/?97110=20")
    expect_failure_then_retry(page, site)
    page.unroute(pattern)
    page.get_by_role("button", name="Try again").click()  # the files are back: retry works
    wait_ready(page)
    expect(cms_total(page)).to_have_attribute("data-total-units", "1")


def test_a_load_that_never_finishes_ends_in_error_and_recovers(page, site):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # never answered
    page.goto(site + "calculator/?97110=20")
    expect_failure_then_retry(page, site)
    assert "has not finished loading" in page.locator("[role=alert]").inner_text()
    for route in held:
        route.continue_()  # the slow file arrives at last: the page becomes ready by itself
    wait_ready(page)
    expect(cms_total(page)).to_have_attribute("data-total-units", "1")


def test_no_cookies_no_storage_no_outside_requests(watched, site, context):
    for url in PAGES:
        watched.goto(site + url)
    watched.goto(site + "calculator/?97110=33")
    wait_ready(watched)
    watched.locator('input[name="97140"]').fill("7")
    expect(cms_total(watched)).to_have_attribute("data-total-units", "3")
    assert context.cookies() == []
    stored = watched.evaluate("""async () => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage),
        caches: 'caches' in self ? await caches.keys() : [],
        databases: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : []})""")
    assert stored == {"local": [], "session": [], "caches": [], "databases": []}  # the reader chose nothing
    outside = [u for u in watched.requests if not u.startswith(site) and not u.startswith(("data:", "blob:"))]
    assert outside == []


def test_only_a_chosen_colour_scheme_is_stored(watched, site):
    watched.goto(site + "faq/")
    assert watched.evaluate("localStorage.length") == 0
    watched.locator("label[for='__palette_1']").click()  # the reader switches to dark
    expect(watched.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    watched.goto(site + "calculator/?97110=33")
    wait_ready(watched)
    expect(watched.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    stored = watched.evaluate("JSON.stringify({...localStorage})")
    assert "__palette" in stored and "97110" not in stored


def run_axe(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {resultTypes: ['violations']})""")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_any_page(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # to inject axe-core
    page = context.new_page()
    failures = {}
    for url in PAGES:
        page.goto(site + url)
        if url.startswith("calculator/"):
            wait_ready(page)
            expect(page.locator('[data-method="cms"] [data-total-units]')).to_be_visible()
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        found = run_axe(page)
        if found:
            failures[url or "home"] = found
    context.close()
    assert failures == {}


def test_the_calculator_works_by_keyboard_alone_with_visible_focus(watched, site):
    watched.goto(site + "calculator/")
    wait_ready(watched)
    watched.locator('input[name="97110"]').focus()
    watched.keyboard.type("33")
    for _ in range(3):  # Tab to 97140 (past 97112 and 97116)
        watched.keyboard.press("Tab")
    focused = watched.evaluate("document.activeElement.name")
    assert focused == "97140"
    outline = watched.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    watched.keyboard.type("7")
    expect(cms_total(watched)).to_have_attribute("data-total-units", "3")
    watched.locator("#calc-add-code").focus()
    watched.keyboard.press("ArrowDown")  # the first code in the list
    chosen = watched.evaluate("document.getElementById('calc-add-code').value")
    watched.keyboard.press("Tab")
    watched.keyboard.press("Enter")  # the Add button
    assert watched.evaluate("document.activeElement.name") == chosen
    assert watched.locator(".calc-results").get_attribute("aria-live") == "polite"
    assert watched.locator("[data-calculator] [role=alert]").count() == 1
