"""Browser tests: serve the built site (tests/conftest.py) on loopback, drive Debian's Chromium."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from serve_site import server  # noqa: E402  (tools/ is on sys.path: tests/conftest.py)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
READY_TIMEOUT = 30_000  # ms; the page's own watchdog gives up at 20 s


@pytest.fixture(scope="session")
def site(built_site) -> str:
    """Base URL of the built site, served on 127.0.0.1."""
    directory, base = built_site
    httpd = server(str(directory), int(base.rsplit(":", 1)[1].strip("/")))
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
