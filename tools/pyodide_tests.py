"""Run tests/engine inside the pinned Pyodide under Node (see tests/pyodide/run.mjs).

Builds the calculator wheel, downloads pytest and hypothesis as pure-Python wheels for
Python 3.14 (cached in .cache/pyodide-wheels), and exits with pytest's exit code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_wheel import ROOT, build_wheel  # noqa: E402

CACHE = ROOT / ".cache" / "pyodide-wheels"
TEST_WHEELS = ["pytest==9.2.0", "hypothesis==6.155.7"]


def main() -> int:
    deps = CACHE / "deps"
    stamp = deps / ("+".join(TEST_WHEELS) + ".ok")
    if not stamp.exists():
        shutil.rmtree(deps, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                        "--python-version", "3.14", "--implementation", "py", "--abi", "none",
                        "--platform", "any", "--dest", str(deps), *TEST_WHEELS], check=True)
        stamp.touch()
    wheels = CACHE / "run"
    shutil.rmtree(wheels, ignore_errors=True)
    wheels.mkdir(parents=True)
    for wheel in deps.glob("*.whl"):
        shutil.copy2(wheel, wheels)
    build_wheel(wheels)
    return subprocess.run(["node", str(ROOT / "tests/pyodide/run.mjs"), str(wheels), str(ROOT / "tests/engine"),
                           *sys.argv[1:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
