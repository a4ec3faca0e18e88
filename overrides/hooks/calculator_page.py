"""MkDocs hook: the calculator's form, rendered from the package's catalog.

The page `calculator.md` holds the marker `<!-- calculator -->`; this hook replaces it with the
form (every input labelled with its code and short name, `name` = the code), the alert region
and the two method panels. The form is plain HTML, so it renders and takes input before Python
has loaded; `assets/calculator/page.js` brings it to life.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from calculator import CATALOG, METHOD_NAMES  # noqa: E402

MARKER = "<!-- calculator -->"
# The codes shown from the start, by group; every other catalog code can be added.
GROUPS = (
    ("timed", "Timed one-on-one codes (15-minute units)",
     ("97110", "97112", "97116", "97140", "97530", "97535", "97035", "97750")),
    ("untimed", "Untimed codes (one unit per visit)",
     ("97161", "97162", "97163", "97164", "97150", "97012", "G0283")),
    ("long", "Work hardening and other hourly or add-on families",
     ("97545", "97546", "97129", "97130", "97550", "97551")),
)
KIND_GROUP = {"timed": "timed", "untimed": "untimed", "hourly": "long"}
PANELS = (("cms", "Medicare"), ("ama", "CPT midpoint (many commercial payers)"))


def group_of(code: str) -> str:
    entry = CATALOG[code]
    if entry.addon or entry.primary:
        return "long"
    return KIND_GROUP[entry.kind]


def row(code: str) -> str:
    entry = CATALOG[code]
    addon = f" (add-on to {entry.primary})" if entry.primary else ""
    return (f'<div class="calc-row" data-row="{code}">'
            f'<label for="m-{code}"><span class="calc-code">{code}</span> {escape(entry.name)}{addon}</label>'
            f'<span class="calc-input"><input id="m-{code}" name="{code}" type="text" inputmode="numeric" '
            f'autocomplete="off" spellcheck="false" maxlength="12" aria-describedby="e-{code}">'
            f'<span class="calc-min" aria-hidden="true">min</span></span>'
            f'<span id="e-{code}" class="calc-field-error"></span></div>')


def form_html() -> str:
    shown = {code for _, _, codes in GROUPS for code in codes}
    fieldsets = "".join(
        f'<fieldset data-group="{group}"><legend>{escape(title)}</legend>'
        + "".join(row(code) for code in codes) + "</fieldset>"
        for group, title, codes in GROUPS)
    options = "".join(
        f'<optgroup label="{escape(title)}" data-group="{group}">'
        + "".join(f'<option value="{code}">{code} {escape(CATALOG[code].name)}</option>'
                  for code in sorted(CATALOG) if group_of(code) == group and code not in shown)
        + "</optgroup>"
        for group, title, _ in GROUPS)
    panels = "".join(
        f'<section class="calc-panel" data-method="{method}" aria-labelledby="h-{method}">'
        f'<h2 id="h-{method}">{escape(title)}<small>{escape(METHOD_NAMES[method])}</small></h2>'
        f'<div class="calc-panel-body"><p class="calc-empty">Enter minutes to see the units.</p></div></section>'
        for method, title in PANELS)
    return (
        '<div class="calc" data-calculator data-state="loading">'
        '<form class="calc-form" novalidate autocomplete="off">'
        '<p class="calc-help">Enter the minutes you spent on each code today (whole minutes). '
        'Both billing methods are worked out side by side as you type.</p>'
        + fieldsets +
        '<div class="calc-add"><label for="calc-add-code">Add another code</label>'
        f'<select id="calc-add-code"><option value="">Choose a code…</option>{options}</select>'
        '<button type="button" class="md-button" data-action="add">Add</button>'
        '<button type="button" class="md-button" data-action="clear">Clear all minutes</button></div>'
        '</form>'
        '<div class="calc-status"><p role="status" data-status>Starting Python in your browser…</p>'
        '<progress data-progress max="4" value="0" aria-label="Loading the calculator"></progress></div>'
        '<div class="calc-alert" role="alert" data-alert></div>'
        '<div class="calc-results" aria-live="polite">'
        '<p class="calc-difference" data-difference hidden></p>'
        f'<div class="calc-panels">{panels}</div></div>'
        '</div>'
    )


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if MARKER in markdown:
        return markdown.replace(MARKER, form_html())
    return markdown
