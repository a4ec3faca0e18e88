"""The guidance pages in Chromium: search by code number, "try it" links, print layout."""

import re

import pytest
from playwright.sync_api import expect

from conftest import wait_ready

pytestmark = pytest.mark.browser


def test_search_by_code_number_finds_the_work_hardening_page(watched, site):
    watched.goto(site)
    watched.keyboard.press("/")  # Material's shortcut to the search box
    watched.keyboard.type("97545")
    first = watched.locator(".md-search-result__item").first
    expect(first).to_contain_text("Work hardening", timeout=15_000)
    assert "work-hardening/" in first.locator("a").first.get_attribute("href")


def test_try_it_link_opens_the_calculator_with_the_example(watched, site):
    watched.goto(site + "medicare-8-minute-rule/")
    watched.locator("a.try-it").nth(2).click()  # Example 3: 97110 33, 97140 7
    expect(watched).to_have_url(re.compile(r"calculator/\?97110=33&97140=7$"))
    wait_ready(watched)
    expect(watched.locator('[data-method="cms"] [data-total-units]')).to_have_attribute("data-total-units", "3")
    expect(watched.locator('[data-method="ama"] [data-total-units]')).to_have_attribute("data-total-units", "2")


def test_print_layout_keeps_the_content_and_drops_navigation(watched, site):
    watched.goto(site + "work-hardening/")
    watched.emulate_media(media="print")
    expect(watched.locator(".md-header")).to_be_hidden()
    expect(watched.locator(".md-sidebar--primary")).to_be_hidden()
    expect(watched.locator("article")).to_contain_text("151 minutes")


def test_phone_layout_has_no_horizontal_scroll(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    for url in ("", "medicare-8-minute-rule/", "calculator/?97110=33&97140=7"):
        page.goto(site + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url or 'home'} scrolls sideways by {overflow}px on a phone"
    context.close()
