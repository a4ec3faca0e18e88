"""MkDocs hook: tables and worked examples rendered from the calculator package at build time.

A page asks for generated content with a marker on a line of its own:

    <!-- generate: bands -->              Medicare unit bands (scanned from the engine)
    <!-- generate: cms-example 3 -->      a CMS worked example, step by step
    <!-- generate: comparison -->         both methods on the same minutes
    <!-- generate: ranges 97545 400 -->   units per minutes range for one code (both methods)
    <!-- generate: documentation 97110=35 97161=20 -->   a sample note from the engine
    <!-- generate: codes -->              the code reference, from the catalog
    <!-- generate: sources -->            every source, with its basis
    <!-- try: 97110=33 97140=7 -->        a link opening the calculator with these minutes

Every number comes from `calculator.calculate`, so the pages and the calculator cannot disagree.
Tests call `render()` and compare with the built pages.
"""

from __future__ import annotations

import re
import sys
from html import escape
from itertools import groupby
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from calculator import CATALOG, KINDS, SOURCES, calculate, compare, parse  # noqa: E402

MARKER = re.compile(r"^<!-- (generate|try): ([^>]*?) -->$", re.MULTILINE)

# CMS Pub. 100-04, ch. 5, section 20.2, Examples 1-5 (the reference, section 1)
CMS_EXAMPLES = {
    1: {"97112": 24, "97110": 23},
    2: {"97112": 20, "97110": 20},
    3: {"97110": 33, "97140": 7},
    4: {"97110": 18, "97140": 13, "97116": 10, "97035": 8},
    5: {"97112": 7, "97110": 7, "97140": 7},
}
# Where the two methods part (the reference, section 2)
COMPARISON = [
    {"97110": 10, "97116": 10},
    {"97110": 33, "97140": 7},
    {"97112": 7, "97110": 7, "97140": 7},
    {"97110": 18, "97140": 13, "97116": 10, "97035": 8},
    {"97112": 24, "97110": 23},
    {"97110": 22, "97140": 22},
    {"97110": 38},
    {"97110": 70, "97530": 70},
]
BASIS = {"primary": "primary source", "secondary": "secondary source", "interpretation": "project interpretation"}


def minutes_text(minutes: dict[str, int]) -> str:
    return ", ".join(f"{code} {m} min" for code, m in minutes.items())


def billed(units: dict[str, int]) -> str:
    parts = [f"{code} × {n}" for code, n in sorted(units.items()) if n]
    return ", ".join(parts) if parts else "nothing"


def try_link(minutes: dict[str, int], page_url: str) -> str:
    up = "../" * page_url.count("/")
    query = "&".join(f"{code}={m}" for code, m in minutes.items())
    return f"[Try it in the calculator]({up}calculator/?{query}){{ .try-it }}"


def bands(rows: int = 20) -> str:
    """Scan 0..(15*rows+7) minutes through the engine and group by units."""
    top = 15 * rows + 7
    scan = [(m, calculate(parse({"97110": m}), "cms").total_units) for m in range(top + 1)]
    out = ["| Total timed minutes | Units |", "|---|---:|"]
    for units, group in groupby(scan, key=lambda pair: pair[1]):
        group = list(group)
        label = "fewer than 8" if units == 0 else f"{group[0][0]} to {group[-1][0]}"
        out.append(f"| {label} | {units} |")
    out.append(f"| and on: each further 15 minutes | one more |")
    return "\n".join(out)


def cms_example(number: int, page_url: str) -> str:
    minutes = CMS_EXAMPLES[number]
    result = calculate(parse(minutes), "cms")
    out = [f"**Minutes:** {minutes_text(minutes)}.", ""]
    out += [f"{i}. {escape(step.text)} <small>({escape(step.rule)}; {escape(SOURCES[step.source].title)})</small>"
            for i, step in enumerate(result.explanation, 1)]
    out.append("")
    if result.alternative_count > 1:
        options = "; or ".join(billed(dict(alt)) for alt in result.alternatives)
        out.append(f"**Allowed allocations ({result.alternative_count}):** {options}. The clinician chooses.")
    else:
        out.append(f"**Bill:** {billed(result.units)} ({result.total_units} units).")
    unbilled = [line.code for line in result.lines if line.minutes and not line.units and result.alternative_count == 1]
    if unbilled:
        out.append(f" Documented but not billed: {', '.join(unbilled)}.")
    out += ["", try_link(minutes, page_url)]
    return "\n".join(out)


def comparison(page_url: str) -> str:
    out = ["| Minutes | Medicare (total time) | CPT midpoint per code | |", "|---|---|---|---|"]
    for minutes in COMPARISON:
        both = compare(parse(minutes))
        cms, ama = both["cms"], both["ama"]
        cms_text = f"{cms.total_units}: {billed(cms.units)}"
        if cms.alternative_count > 1:
            cms_text = f"{cms.total_units}: {cms.alternative_count} allowed allocations"
        link = try_link(minutes, page_url).replace("Try it in the calculator", "try it")
        out.append(f"| {minutes_text(minutes)} | {cms_text} | {ama.total_units}: {billed(ama.units)} | {link} |")
    return "\n".join(out)


def ranges(code: str, top: int) -> str:
    """Units for each range of minutes on one code, scanned through the engine (both methods)."""
    rows = []
    for m in range(top + 1):
        both = compare(parse({code: m}))
        key = (billed(both["cms"].units), billed(both["ama"].units))
        rows.append((m, key))
    same = all(cms_text == ama_text for _, (cms_text, ama_text) in rows)
    out = (["| Minutes | Units (the same under both methods) |", "|---|---|"] if same
           else ["| Minutes | Medicare method | CPT midpoint |", "|---|---|---|"])
    for (cms_text, ama_text), group in groupby(rows, key=lambda pair: pair[1]):
        group = list(group)
        span = f"{group[0][0]} to {group[-1][0]}" if group[-1][0] < top else f"{group[0][0]} and more"
        out.append(f"| {span} | {cms_text} |" if same else f"| {span} | {cms_text} | {ama_text} |")
    return "\n".join(out)


def documentation(args: list[str]) -> str:
    minutes = {code: int(m) for code, m in (arg.split("=") for arg in args)}
    result = calculate(parse(minutes), "cms")
    return "```text\n" + result.documentation + "\n```"


def codes() -> str:
    out = []
    for kind, title in KINDS.items():
        out += [f"### {title}", "", "| Code | What it is | Unit | Notes | Source |", "|---|---|---|---|---|"]
        for entry in sorted(CATALOG.values(), key=lambda e: e.code):
            if entry.kind != kind:
                continue
            unit = "one per visit" if entry.unit is None else f"{entry.unit} min"
            if entry.addon:
                unit += f"; then {entry.addon} per {entry.addon_unit} min"
            notes = " ".join(escape(note.text) for note in entry.notes)
            out.append(f"| {entry.code} | {escape(entry.name)} | {unit} | {notes} | {escape(SOURCES[entry.source].title)} |")
        out.append("")
    return "\n".join(out)


def sources() -> str:
    out = []
    for basis, title in (("primary", "Primary sources"), ("secondary", "Secondary sources"),
                         ("interpretation", "The project's interpretations")):
        out += [f"### {title}", ""]
        out += [f"- {escape(s.title)} <small>(`{s.id}`)</small>" for s in SOURCES.values() if s.basis == basis]
        out.append("")
    return "\n".join(out)


def render(kind: str, args: str, page_url: str) -> str:
    words = args.split()
    if kind == "try":
        return try_link({code: int(m) for code, m in (w.split("=") for w in words)}, page_url)
    name, rest = words[0], words[1:]
    if name == "bands":
        return bands()
    if name == "cms-example":
        return cms_example(int(rest[0]), page_url)
    if name == "comparison":
        return comparison(page_url)
    if name == "ranges":
        return ranges(rest[0], int(rest[1]))
    if name == "documentation":
        return documentation(rest)
    if name == "codes":
        return codes()
    if name == "sources":
        return sources()
    raise ValueError(f"unknown generated content {args!r}")


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    return MARKER.sub(lambda match: render(match[1], match[2], page.url), markdown)
