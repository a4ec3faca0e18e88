"""The browser's adapter: JSON text in, JSON text out, for the page's Web Worker.

``compute`` is lenient where the CLI is strict: it computes the entries that are fine and
reports each rejected one, so a form can keep showing results while one field is wrong.
"""

from __future__ import annotations

import json

from .catalog import CATALOG
from .errors import InputError, Problem
from .rules import METHOD_NAMES, compare
from .sources import SOURCES
from .visit import check

MAX_ENTRIES = 200  # more form fields or URL parameters than any visit has: reject the rest


def compute(entries: list[list[object]]) -> dict[str, object]:
    """``entries`` = [[code, minutes], ...] as typed. Both methods on the valid entries, and a
    problem for each rejected one (``entry`` = the code as typed, to find its field)."""
    problems: list[Problem] = []
    if len(entries) > MAX_ENTRIES:
        problems.append(Problem("more", f"only the first {MAX_ENTRIES} entries are read; "
                                        f"{len(entries) - MAX_ENTRIES} more were ignored"))
        entries = entries[:MAX_ENTRIES]
    try:
        visit, rejected = check(entries)
    except InputError as error:
        visit, rejected = None, error.problems
    problems[:0] = rejected
    out: dict[str, object] = {
        "problems": [{"entry": p.entry, "message": p.message} for p in problems],
        "cms": None, "ama": None, "difference": None,
    }
    if visit is not None and visit.entries:
        both = compare(visit)
        out.update(cms=both["cms"].to_json(), ama=both["ama"].to_json(), difference=both["difference"])
    return out


def compute_json(text: str) -> str:
    try:
        entries = json.loads(text)
    except (ValueError, RecursionError):
        entries = None
    if not isinstance(entries, list):
        return json.dumps({"problems": [{"entry": "visit", "message": "the page sent no list of entries"}],
                           "cms": None, "ama": None, "difference": None})
    return json.dumps(compute(entries), ensure_ascii=False)


def reference_json() -> str:
    """What the page needs once: the methods, the sources, and the catalog's names and classes."""
    return json.dumps({
        "methods": METHOD_NAMES,
        "sources": {s.id: {"title": s.title, "basis": s.basis} for s in SOURCES.values()},
        "codes": {c.code: {"name": c.name, "kind": c.kind, "primary": c.primary} for c in CATALOG.values()},
    }, ensure_ascii=False)
