"""Browser tests: build the site for a loopback port, serve it, drive Debian's Chromium.

The site is built once per run with SITE_URL set to the port it is served on, so Material's
instant navigation really intercepts links (see the platform notes).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from serve_site import server  # noqa: E402
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
READY_TIMEOUT = 30_000  # ms; the page's own watchdog gives up at 20 s


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> str:
    """Base URL of the freshly built site, served on 127.0.0.1."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True)
    httpd = server(str(out), port)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield base
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    args = {**browser_type_launch_args, "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"]}
    if Path(CHROMIUM).exists():  # Debian's Chromium; elsewhere Playwright's own download
        args["executable_path"] = CHROMIUM
    return args


@pytest.fixture
def watched(page, site):
    """The page, recording every request and every console error while the test runs."""
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.requests, page.errors = requests, errors
    return page


def wait_ready(page) -> None:
    page.wait_for_selector('[data-calculator][data-state="ready"]', timeout=READY_TIMEOUT)
