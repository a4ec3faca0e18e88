"""Build the calculator's py3-none-any wheel from a clean copy of the tree.

A clean copy, because `pip wheel` of the working tree can reuse a stale `build/` folder
(see the platform notes). Used by the MkDocs hook, the test script and the Pyodide run.

    python tools/build_wheel.py OUTDIR   # prints the wheel's path
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("pyproject.toml", "README.md", "LICENSE")


def build_wheel(outdir: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT / "calculator", src / "calculator",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in FILES:
            shutil.copy2(ROOT / name, src / name)
        built = Path(tmp) / "dist"
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # same code, same bytes
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                        "--wheel-dir", str(built), str(src)], check=True, env=env)
        (wheel,) = built.glob("*.whl")
        target = outdir / wheel.name
        shutil.copy2(wheel, target)
        return target


if __name__ == "__main__":
    print(build_wheel(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
