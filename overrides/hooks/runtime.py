"""MkDocs hook: put the calculator's runtime into the built site.

After each build (and each `mkdocs serve` rebuild) it copies the pinned Pyodide runtime from
node_modules/pyodide into assets/pyodide/, builds the calculator wheel from the working tree into
assets/calculator/, and makes the start-up snapshot: a Pyodide memory snapshot with the package
already imported (tools/make_snapshot.mjs; cached in .cache/snapshots by wheel and runtime, since
making one takes a few seconds; gzip-compressed, the worker inflates it).
assets/calculator/manifest.json names the files for the worker.
Nothing binary is committed; `site/` then works from any static host or offline.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
SNAPSHOTS = ROOT / ".cache" / "snapshots"
MAKE_SNAPSHOT = ROOT / "tools" / "make_snapshot.mjs"
EMPTY_STDLIB = "stdlib-empty.zip"  # the restored interpreter has imported all it needs

sys.path.insert(0, str(ROOT / "tools"))
from build_wheel import build_wheel  # noqa: E402


def pyodide_version() -> str:
    package = PYODIDE / "package.json"
    if not package.exists():
        raise PluginError("The Pyodide runtime is missing: run `npm ci` in the repository root "
                          "(the README's commands do it for you).")
    return json.loads(package.read_text())["version"]


def copy_if_changed(source: Path, target: Path) -> None:
    if not target.exists() or target.stat().st_size != source.stat().st_size \
            or target.stat().st_mtime < source.stat().st_mtime:
        shutil.copy2(source, target)


def snapshot(wheel: Path, version: str) -> Path | None:
    """The snapshot for this wheel and runtime, made once; None (and a warning) if it fails:
    the page then starts Python the normal way."""
    key = hashlib.sha256(wheel.read_bytes() + version.encode()
                         + MAKE_SNAPSHOT.read_bytes()).hexdigest()[:16]
    cached = SNAPSHOTS / f"snapshot-{key}.gz"
    if not cached.exists():
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SNAPSHOTS.glob("snapshot-*"):
            old.unlink()
        node = shutil.which("node") or "node"
        made = subprocess.run([node, str(MAKE_SNAPSHOT), str(wheel), str(cached)],
                              cwd=ROOT, env={"PATH": str(Path(node).parent)},  # nothing of this machine
                              capture_output=True, text=True)
        if made.returncode != 0:
            print(f"WARNING -  No start-up snapshot (the page will start Python normally): {made.stderr[-500:]}")
            cached.unlink(missing_ok=True)
            return None
    return cached


def on_post_build(config, **kwargs) -> None:
    site = Path(config["site_dir"])
    version = pyodide_version()
    runtime = site / "assets" / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        copy_if_changed(PYODIDE / name, runtime / name)
    out = site / "assets" / "calculator"
    for old in [*out.glob("*.whl"), *out.glob("snapshot-*")]:
        old.unlink()
    wheel = build_wheel(out)
    manifest = {"wheel": wheel.name, "pyodide": version}
    made = snapshot(wheel, version)
    if made is not None:
        shutil.copy2(made, out / made.name)
        with zipfile.ZipFile(out / EMPTY_STDLIB, "w"):
            pass
        manifest.update(snapshot=made.name, stdlib=EMPTY_STDLIB)
    (out / "manifest.json").write_text(json.dumps(manifest) + "\n")
