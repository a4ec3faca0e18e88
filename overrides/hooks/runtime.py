"""MkDocs hook: put the calculator's runtime into the built site.

After each build (and each `mkdocs serve` rebuild) it copies the pinned Pyodide runtime from
node_modules/pyodide into assets/pyodide/, builds the calculator wheel from the working tree
into assets/calculator/, and writes assets/calculator/manifest.json naming the wheel. Nothing
binary is committed; `site/` then works from any static host or offline.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

sys.path.insert(0, str(ROOT / "tools"))
from build_wheel import build_wheel  # noqa: E402


def pyodide_version() -> str:
    package = PYODIDE / "package.json"
    if not package.exists():
        raise PluginError("The Pyodide runtime is missing: run `npm ci` in the repository root "
                          "(the README's commands do it for you).")
    return json.loads(package.read_text())["version"]


def on_post_build(config, **kwargs) -> None:
    site = Path(config["site_dir"])
    version = pyodide_version()
    runtime = site / "assets" / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        source = PYODIDE / name
        target = runtime / name
        if not target.exists() or target.stat().st_size != source.stat().st_size \
                or target.stat().st_mtime < source.stat().st_mtime:
            shutil.copy2(source, target)
    out = site / "assets" / "calculator"
    for old in out.glob("*.whl"):
        old.unlink()
    wheel = build_wheel(out)
    (out / "manifest.json").write_text(json.dumps({"wheel": wheel.name, "pyodide": version}) + "\n")
