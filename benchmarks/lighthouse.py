"""Lighthouse scores (performance, accessibility, best practices, SEO) of the home page, a
guidance page and the calculator, run against Debian's Chromium on the built site.

    .venv/bin/python benchmarks/lighthouse.py

Installs the pinned lighthouse@12.2.3 into benchmarks/lighthouse/ on first use (npm ci), builds
the site for a loopback port, serves it, and prints one row per page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "benchmarks" / "lighthouse"
sys.path.insert(0, str(ROOT / "tools"))
from serve_site import free_port, server  # noqa: E402

PAGES = {"home": "", "guidance (8-minute rule)": "medicare-8-minute-rule/",
         "calculator": "calculator/?97110=33&97140=7"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME = shutil.which("chromium") or os.environ.get("CHROME_PATH", "")


def main() -> None:
    if not (HERE / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", tmp],
                       cwd=ROOT, env=env, check=True)
        httpd = server(tmp, port)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        print(f"Lighthouse 12.2.3, {CHROME or 'Chrome from CHROME_PATH'}, desktop preset, site on {base}")
        print(f"{'page':<26}" + "".join(f"{c:>16}" for c in CATEGORIES))
        for name, url in PAGES.items():
            report = Path(tmp) / "report.json"
            subprocess.run([str(HERE / "node_modules" / ".bin" / "lighthouse"), base + url, "--quiet",
                            "--preset=desktop", "--output=json", f"--output-path={report}",
                            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run",
                            f"--only-categories={','.join(CATEGORIES)}"],
                           env={**os.environ, "CHROME_PATH": CHROME}, check=True)
            scores = json.loads(report.read_text())["categories"]
            print(f"{name:<26}" + "".join(f"{round(scores[c]['score'] * 100):>16}" for c in CATEGORIES))
        httpd.shutdown()


if __name__ == "__main__":
    main()
