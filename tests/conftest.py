"""Shared fixture: the site, built once per test run for the loopback port it will be served on.

(Not used by tests/engine, which also runs inside Pyodide where there is no MkDocs.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from serve_site import free_port  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """(directory, base URL): `mkdocs build --strict` with SITE_URL = the base URL, so Material's
    instant navigation intercepts links when the site is served there (platform notes)."""
    base = f"http://127.0.0.1:{free_port()}/"
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   cwd=ROOT, env=env, check=True)
    return out, base
