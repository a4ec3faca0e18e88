"""The built guidance pages: generated content equals what the package computes now, the facts
that matter most are present, every "try it" link parses, and search finds pages by code."""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import generated  # noqa: E402

from calculator import calculate, parse  # noqa: E402

PAGES = ["", "calculator/", "timed-and-untimed/", "medicare-8-minute-rule/", "cpt-midpoint-rule/",
         "documenting-time/", "work-hardening/", "group-therapy/", "code-families/",
         "therapy-assistants/", "thresholds/", "code-reference/", "faq/", "sources/"]


class Page(HTMLParser):
    """The article's text, its table rows (cell texts) and its links."""

    def __init__(self, html: str):
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.parts: list[str] = []
        self._cell: list[str] | None = None
        self._in_article = 0
        self.feed(html)
        self.text = " ".join(" ".join(self.parts).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._in_article += 1
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._in_article:
            self.parts.append(data)


@pytest.fixture(scope="module")
def pages(built_site) -> dict[str, Page]:
    directory, _ = built_site
    return {url: Page((directory / url / "index.html").read_text()) for url in PAGES}


def markdown_rows(markdown: str) -> list[list[str]]:
    """Table rows of generated Markdown, as the cell texts a reader sees."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("|") and not set(line) <= set("|-: "):
            cells = [re.sub(r"\[([^]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", cell).strip() for cell in line.strip("|").split("|")]
            rows.append([re.sub(r"<[^>]+>", "", c).replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'") for c in cells])
    return rows


@pytest.mark.parametrize(("url", "what"), [
    ("medicare-8-minute-rule/", "bands"),
    ("cpt-midpoint-rule/", "comparison"),
    ("work-hardening/", "ranges 97545 330"),
    ("code-families/", "ranges 97129 68"),
    ("code-families/", "ranges 97550 75"),
    ("code-reference/", "codes"),
])
def test_generated_tables_match_the_package(pages, url, what):
    expected = markdown_rows(generated.render("generate", what, url))
    built = [[" ".join(cell.split()) for cell in row] for row in pages[url].rows]
    for row in expected:
        assert row in built, f"{url}: row {row} not on the built page"


@pytest.mark.parametrize("number", range(1, 6))
def test_cms_examples_match_the_package(pages, number):
    result = calculate(parse(generated.CMS_EXAMPLES[number]), "cms")
    text = pages["medicare-8-minute-rule/"].text
    for step in result.explanation:
        assert " ".join(step.text.split()) in text


@pytest.mark.parametrize(("url", "facts"), [
    ("medicare-8-minute-rule/", ["8 to 22", "23 to 37", "38 to 52", "113 to 127", "128 to 142",
                                 "Pub. 100-04", "First Coast", "April 19, 2021", "interpretation"]),
    ("work-hardening/", ["61 minutes", "151 minutes", "211", "Medicare does not", "workers' compensation",
                         "Gawenda", "97750", "interpretation"]),
    ("cpt-midpoint-rule/", ["midpoint", "Premera", "8 minutes", "23", "31 minutes", "Highmark"]),
    ("timed-and-untimed/", ["total treatment time", "total timed code treatment minutes", "220.3"]),
    ("documenting-time/", ["Total timed code treatment minutes: 49", "220.3"]),
    ("therapy-assistants/", ["85%", "1395m(v)", "10%", "not verified"]),
    ("thresholds/", ["$2,230", "$2,330", "$2,410", "$2,480", "$3,000", "1395l(g)(7)(B)"]),
    ("group-therapy/", ["97150", "two or more patients", "Part A"]),
    ("sources/", ["Last reviewed", "not legal or billing advice", "registered trademark of the American Medical Association"]),
])
def test_key_facts_are_on_the_page(pages, url, facts):
    for fact in facts:
        assert fact in pages[url].text, f"{url}: {fact!r} missing"


def test_every_page_has_the_cpt_notice_and_no_outside_resources(built_site):
    directory, base = built_site
    for url in PAGES:
        html = (directory / url / "index.html").read_text()
        assert "registered trademark of the American Medical Association" in html
        for match in re.finditer(r'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="((?:https?:)?//[^"]*)"', html):
            assert match[1].startswith(base), f"{url} refers to another host: {match[0]}"


def test_try_it_links_open_the_calculator_with_valid_minutes(pages):
    links = [(url, link) for url, page in pages.items() for link in page.links if "calculator/?" in link]
    assert len(links) >= 15
    for url, link in links:
        entries = parse_qsl(urlsplit(link).query)
        parse(dict(entries))  # raises if a page links to minutes the calculator rejects
        assert urlsplit(link).path.endswith("calculator/"), (url, link)


def test_search_index_finds_pages_by_code(built_site):
    directory, _ = built_site
    index = json.loads((directory / "search" / "search_index.json").read_text())
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert "97545" in titles["work-hardening/"]
    assert "97150" in titles["group-therapy/"]
