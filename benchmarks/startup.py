"""How fast the calculator gives its first result, and what a first visit costs.

    .venv/bin/python benchmarks/startup.py [--runs 5]

Builds the site for a loopback port, serves it, and drives Debian's Chromium (headless) with
on-disk profiles, because Playwright's default in-memory context hides all caching:

- first result: navigation start to the page's `calculator:first-result` mark, cold (a new
  profile) and on a return visit (the same profile, browser restarted); next to it the floor,
  a bare page that loads the same runtime from the same server and runs one line of Python;
- the bytes a cold visit transfers, per file, with gzip and brotli sizes, and the first visit
  modelled on a 20 Mbit/s link: the cold loopback time plus the compressed bytes over the link,
  for a host that sends brotli and for one that sends gzip (GitHub Pages); the snapshot is
  gzip-compressed at build time, so it counts at about its own size either way;
- recalculation: input event to the `calculator:recalc` mark, median of 30 edits;
- main-thread long tasks (over 50 ms) until the first result.

Prints medians of --runs runs. A script that prints figures, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from serve_site import free_port, server  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LINK_BITS_PER_SECOND = 20e6
QUERY = "calculator/?97110=33&97140=7"

FLOOR_PAGE = """<!doctype html><meta charset="utf-8"><title>floor</title>
<script type="module">
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("../assets/pyodide/", location.href).href });
document.title = String(pyodide.runPython("1 + 1"));
performance.mark("calculator:first-result");
</script>"""

OBSERVE_LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def brotli_size(path: Path) -> int:
    script = ("const z=require('zlib'),fs=require('fs');const b=fs.readFileSync(process.argv[1]);"
              "process.stdout.write(String(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11,"
              "[z.constants.BROTLI_PARAM_SIZE_HINT]:b.length}}).length))")
    return int(subprocess.run(["node", "-e", script, str(path)], capture_output=True, text=True, check=True).stdout)


def wait_for_mark(page, name: str, timeout: float = 60) -> None:
    """Poll from outside the page (the page's CSP forbids the eval that wait_for_function uses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate("name => performance.getEntriesByName(name).length > 0", name):
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {name} mark after {timeout} s")
        time.sleep(0.01)


def first_result(base: str, url: str, profile: Path, record: list[str] | None = None) -> tuple[float, list[float]]:
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS,
                                                       headless=True)
        if record is not None:
            context.on("request", lambda request: record.append(request.url))
        page = context.new_page()
        page.add_init_script(OBSERVE_LONG_TASKS)
        page.goto(base + url)
        wait_for_mark(page, "calculator:first-result")
        mark = page.evaluate("performance.getEntriesByName('calculator:first-result')[0].startTime")
        long_tasks = page.evaluate("window.__longTasks")
        context.close()
    return mark / 1000, long_tasks


def recalc_latency(base: str, profile: Path, edits: int = 30) -> list[float]:
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=ARGS, headless=True)
        page = context.new_page()
        page.goto(base + QUERY)
        wait_for_mark(page, "calculator:first-result")
        times = []
        for i in range(edits):
            times.append(page.evaluate("""(value) => new Promise(resolve => {
                // An observer rather than polling: the measurement adds no work to the main thread.
                const observer = new PerformanceObserver((list) => {
                  const mark = list.getEntries().find((entry) => entry.name === 'calculator:recalc');
                  if (mark) { observer.disconnect(); resolve(mark.startTime - start); }
                });
                observer.observe({ type: 'mark' });
                const input = document.querySelector('input[name="97110"]');
                const start = performance.now();
                input.value = String(value);
                input.dispatchEvent(new Event('input', { bubbles: true }));
            })""", 20 + i))
        context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True)
        (site / "floor").mkdir()
        (site / "floor" / "index.html").write_text(FLOOR_PAGE)
        httpd = server(str(site), port)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()

        print(f"Chromium {CHROMIUM}, {os.cpu_count()} CPUs, site on {base}, median of {runs} runs")
        rows = {}
        requested: list[str] = []
        for name, url in (("calculator", QUERY), ("floor (bare runtime, one line)", "floor/")):
            cold, warm, longs = [], [], []
            for run in range(runs):
                profile = Path(tmp) / f"profile-{name[:5]}-{run}"
                seconds, long_tasks = first_result(base, url, profile, requested if run == 0 and name == "calculator" else None)
                cold.append(seconds)
                longs.append(long_tasks)
                warm.append(first_result(base, url, profile)[0])
            rows[name] = (statistics.median(cold), statistics.median(warm), longs)
        print(f"\n{'first result':<32}{'cold s':>9}{'return s':>10}")
        for name, (cold, warm, _) in rows.items():
            print(f"{name:<32}{cold:>9.2f}{warm:>10.2f}")

        print(f"\n{'cold visit transfers':<44}{'bytes':>12}{'gzip':>12}{'brotli':>12}")
        totals = [0, 0, 0]
        seen = set()
        for url in requested:
            path = urlsplit(url).path
            if not url.startswith(base) or path in seen:
                continue
            seen.add(path)
            file = site / path.lstrip("/")
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                continue
            raw = file.read_bytes()
            sizes = (len(raw), len(gzip.compress(raw, 9)), brotli_size(file))
            totals = [a + b for a, b in zip(totals, sizes)]
            print(f"{path[:44]:<44}{sizes[0]:>12,}{sizes[1]:>12,}{sizes[2]:>12,}")
        print(f"{'total':<44}{totals[0]:>12,}{totals[1]:>12,}{totals[2]:>12,}")
        cold = rows["calculator"][0]
        print()
        for name, total in (("brotli", totals[2]), ("gzip", totals[1])):
            link = total * 8 / LINK_BITS_PER_SECOND
            print(f"first visit modelled at 20 Mbit/s, host sending {name}: {cold:.2f} s loopback + "
                  f"{link:.2f} s for {total / 1e6:.2f} MB = {cold + link:.2f} s")

        latencies = recalc_latency(base, Path(tmp) / "profile-recalc")
        print(f"recalculation, input to rendered: median {statistics.median(latencies):.1f} ms, "
              f"max {max(latencies):.1f} ms over {len(latencies)} edits")
        longs = [task for run in rows["calculator"][2] for task in run]
        print(f"main-thread long tasks before the first result: {len(longs)} in {runs} cold runs"
              + (f" (longest {max(longs):.0f} ms)" if longs else ""))
        httpd.shutdown()


if __name__ == "__main__":
    main()
