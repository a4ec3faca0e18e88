"""The fast start (a memory snapshot with the package imported) is used when it can be, and the
page falls back to a normal start, with the same results, whenever it cannot."""

import gzip

import pytest
from playwright.sync_api import expect

from conftest import wait_ready

pytestmark = pytest.mark.browser

SNAPSHOT = "**/assets/calculator/snapshot-*"  # gzip-compressed memory


def expect_example_3(page):
    expect(page.locator('[data-method="cms"] [data-total-units]')).to_have_attribute("data-total-units", "3")
    expect(page.locator('[data-method="ama"] [data-total-units]')).to_have_attribute("data-total-units", "2")


def test_the_snapshot_is_used(watched, site):
    watched.goto(site + "calculator/?97110=33&97140=7")
    wait_ready(watched)
    expect(watched.locator("[data-calculator]")).to_have_attribute("data-start", "snapshot")
    expect_example_3(watched)
    marks = watched.evaluate("performance.getEntriesByName('calculator:first-result').length")
    assert marks == 1
    watched.locator('input[name="97116"]').fill("10")
    expect(watched.locator('[data-method="cms"] [data-code="97116"]')).to_have_attribute("data-units", "1")
    assert watched.evaluate("performance.getEntriesByName('calculator:recalc').length") >= 2
    assert not watched.errors


def corrupt(route):
    route.fulfill(status=200, body=b"\x00" * 4096, content_type="application/octet-stream")


def other_build(route):
    memory = bytearray(gzip.decompress(route.fetch().body()))
    memory[16:48] = bytes(32)  # the build id the runtime checks
    route.fulfill(status=200, body=gzip.compress(bytes(memory), 1), content_type="application/gzip")


def truncated(route):
    body = route.fetch().body()
    route.fulfill(status=200, body=body[:len(body) // 2], content_type="application/gzip")


@pytest.mark.parametrize("broken", [
    lambda route: route.fulfill(status=404, body=""),
    corrupt,
    truncated,
    other_build,
], ids=["missing", "corrupt", "truncated", "other-runtime-build"])
def test_a_snapshot_that_cannot_load_falls_back_to_a_normal_start(page, site, broken):
    page.route(SNAPSHOT, broken)
    page.goto(site + "calculator/?97110=33&97140=7")
    wait_ready(page)
    expect(page.locator("[data-calculator]")).to_have_attribute("data-start", "normal")
    expect_example_3(page)


def test_a_snapshot_that_never_arrives_is_given_up_for_a_normal_start(page, site):
    held, failed = [], []
    page.route(SNAPSHOT, lambda route: held.append(route))  # never answered: a very slow connection
    page.context.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(site + "calculator/?97110=33&97140=7")
    wait_ready(page)
    expect(page.locator("[data-calculator]")).to_have_attribute("data-start", "normal")
    expect_example_3(page)
    assert held and any("/snapshot-" in url for url in failed)  # the download was cancelled


def test_a_snapshot_the_server_already_inflated_is_used_as_it_is(page, site, built_site):
    """A host that sends the .gz file with Content-Encoding: gzip has the browser inflate it: the
    worker then gets the memory itself and must use it as it is."""
    folder = built_site[0] / "assets" / "calculator"
    packed = next(folder.glob("snapshot-*.gz"))
    inflated = folder / "inflated-snapshot.bin"
    inflated.write_bytes(gzip.decompress(packed.read_bytes()))
    try:
        page.route(SNAPSHOT, lambda route: route.continue_(url=site + "assets/calculator/" + inflated.name))
        page.goto(site + "calculator/?97110=33&97140=7")
        wait_ready(page)
        expect(page.locator("[data-calculator]")).to_have_attribute("data-start", "snapshot")
        expect_example_3(page)
    finally:
        inflated.unlink()
