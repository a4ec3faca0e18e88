"""How fast `python -m calculator --batch` streams, and whether its memory stays flat.

    .venv/bin/python benchmarks/batch.py [SESSIONS ...]   # default: 10000 100000 300000

For each size: random sessions (1-6 codes drawn from the catalog, 0-90 minutes each, either
method, about 1 line in 50 deliberately bad) are generated into a file, piped through one
`--batch` process, and the script prints sessions per second and the child's peak memory
(ru_maxrss). Flat memory means the peak does not grow with the number of sessions.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from calculator import CATALOG  # noqa: E402

PRIMARY = sorted(code for code, entry in CATALOG.items() if entry.primary is None)


def session(rng: random.Random) -> str:
    if rng.random() < 0.02:
        return rng.choice(['{"minutes": {"97110": -5}}', "not json", '{"minutes": {"97130": 20}}'])
    codes = rng.sample(PRIMARY, rng.randint(1, 6))
    return json.dumps({"method": rng.choice(("cms", "ama")), "minutes": {c: rng.randint(0, 90) for c in codes}})


def run(count: int, seed: int = 1) -> tuple[float, int, int]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        with path.open("w") as out:
            for _ in range(count):
                out.write(session(rng) + "\n")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out_path = Path(tmp) / "out.jsonl"
        with path.open("rb") as stdin, out_path.open("wb") as stdout:
            start = time.perf_counter()
            child = subprocess.Popen([sys.executable, "-m", "calculator", "--batch"], stdin=stdin,
                                     stdout=stdout, env=env, cwd=ROOT)
            _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
            elapsed = time.perf_counter() - start
        with out_path.open("rb") as produced:
            lines = sum(1 for _ in produced)
        assert lines == count, f"{lines} output lines for {count} sessions"
        return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [10_000, 100_000, 300_000]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, one batch process per size")
    print(f"{'sessions':>9} {'seconds':>8} {'sessions/s':>11} {'peak RSS MB':>12}")
    for count in sizes:
        elapsed, peak_kb, status = run(count)
        print(f"{count:>9} {elapsed:>8.2f} {count / elapsed:>11,.0f} {peak_kb / 1024:>12.1f}   (exit {status})")


if __name__ == "__main__":
    main()
