"""The runtime files the build puts beside the calculator: the manifest names real files, and the
start-up snapshot is compressed and carries nothing of the machine that built it."""

from __future__ import annotations

import gzip
import json
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
from runtime import pyodide_version  # noqa: E402


def manifest(site: Path) -> dict[str, str]:
    return json.loads((site / "assets" / "calculator" / "manifest.json").read_text())


def test_the_manifest_names_files_that_exist(built_site):
    site, _ = built_site
    names = manifest(site)
    assert set(names) == {"wheel", "pyodide", "snapshot", "stdlib"}
    for key in ("wheel", "snapshot", "stdlib"):
        assert (site / "assets" / "calculator" / names[key]).is_file(), key
    assert names["pyodide"] == pyodide_version()


def test_the_snapshot_ships_compressed_and_holds_nothing_of_the_build_machine(built_site):
    site, _ = built_site
    packed = (site / "assets" / "calculator" / manifest(site)["snapshot"]).read_bytes()
    memory = gzip.decompress(packed)
    assert memory[:4] == b"\x00snp"  # Pyodide's snapshot header
    assert len(packed) < len(memory) / 4  # gzip, not the raw 31 MB of memory
    machine = [str(ROOT), os.environ.get("PATH", ""), os.environ.get("VIRTUAL_ENV", ""), socket.gethostname()]
    for value in filter(lambda v: len(v) >= 8, machine):
        assert value.encode() not in memory, value
