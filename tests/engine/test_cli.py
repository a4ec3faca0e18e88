"""The command line and the batch mode: in-process (also under Pyodide) and as a real process."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from calculator.__main__ import main, run_batch

ROOT = Path(__file__).resolve().parents[2]
no_processes = pytest.mark.skipif(sys.platform == "emscripten", reason="no processes under Pyodide")


def test_text_output(capsys):
    assert main(["97110=33", "97140=7"]) == 0
    out = capsys.readouterr().out
    assert "97110" in out and "Total timed code treatment minutes: 40" in out
    assert "source: CMS, Medicare Claims Processing Manual" in out
    assert "Next unit:" in out and "13 more minutes" in out


def test_text_lists_alternatives(capsys):
    assert main(["97112=20", "97110=20"]) == 0
    assert "Allocations the clinician may choose (2" in capsys.readouterr().out


def test_json_output(capsys):
    assert main(["--method", "ama", "--json", "97110=33", "97140=7"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "ama" and data["total_units"] == 2
    assert data["lines"] == [{"code": "97110", "minutes": 33, "units": 2},
                             {"code": "97140", "minutes": 7, "units": 0}]


def test_bad_entries_exit_1_naming_each(capsys):
    assert main(["foo", "97110=-3", "9711=4"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'foo' is not CODE=MINUTES" in err and "negative" in err and "did you mean 97110" in err


@pytest.mark.parametrize("argv", [[], ["--method", "x", "97110=3"], ["--nope"], ["--batch", "97110=3"]])
def test_bad_command_line_exits_2(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def batch(lines):
    out = io.StringIO()
    status = run_batch([line.encode() if isinstance(line, str) else line for line in lines], out.write)
    return status, [json.loads(line) for line in out.getvalue().splitlines()]


def test_batch_one_line_out_per_line_in_order():
    status, out = batch(['{"minutes": {"97110": 33, "97140": 7}}\n',
                         '{"method": "ama", "minutes": {"97110": 33, "97140": 7}}\n',
                         '{"method": "cms", "minutes": {"97545": 151}}\n'])
    assert status == 0
    assert [o["total_units"] for o in out] == [3, 2, 2]
    assert [o["method"] for o in out] == ["cms", "ama", "cms"]


BAD_LINES = [
    "not json", "", "[]", "null", '{"minutes": []}', '{"method": "cms"}', '{"method": "x", "minutes": {"97110": 1}}',
    '{"minutes": {"97110": 1}, "extra": 1}', '{"minutes": {}}', '{"minutes": {"97110": -1}}',
    '{"minutes": {"97130": 20}}', "[" * 100_000, '{"minutes": {"97110": 1' + "0" * 5000 + "}}",
    b"\xff\xfe{}", b'{"minutes": {"97110": "\xc3"}}',
]


def test_batch_rejects_each_bad_line_and_goes_on():
    lines = [line for bad in BAD_LINES for line in (bad, '{"minutes": {"97110": 8}}')]
    status, out = batch(lines)
    assert status == 1
    assert len(out) == len(lines)
    assert all(isinstance(o["error"], str) and o["error"] for o in out[0::2])
    assert all(o["total_units"] == 1 for o in out[1::2])


def run(*args, stdin=None, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "calculator", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env, timeout=60)


@no_processes
def test_process_from_the_clone_root():
    done = run("--json", "97110=38")
    assert done.returncode == 0 and json.loads(done.stdout)["total_units"] == 3


@no_processes
@pytest.mark.parametrize(("args", "code"), [((), 2), (("97110",), 1), (("--method=zzz", "97110=1"), 2), (("97110=1e9",), 1)])
def test_process_errors_are_one_line_without_traceback(args, code):
    done = run(*args)
    assert done.returncode == code
    assert done.stderr.count(b"\n") == 1 and b"Traceback" not in done.stderr and not done.stdout


@no_processes
def test_process_batch_exit_status():
    good = run("--batch", stdin=b'{"minutes": {"97110": 33}}\n')
    assert good.returncode == 0 and json.loads(good.stdout)["total_units"] == 2
    bad = run("--batch", stdin=b'{"minutes": {"97110": 33}}\nnope\n')
    assert bad.returncode == 1 and len(bad.stdout.splitlines()) == 2 and not bad.stderr


@no_processes
def test_process_from_the_installed_wheel(tmp_path):
    """Outside the clone, `python -m calculator` must come from the installed wheel."""
    from importlib import metadata
    try:
        metadata.distribution("therapy-units-calculator")
    except metadata.PackageNotFoundError:
        pytest.skip("the package is not installed in this environment (./test installs it)")
    done = subprocess.run(
        [sys.executable, "-c", "import calculator, sys; print(calculator.__file__)"],
        capture_output=True, cwd=tmp_path, timeout=60)
    assert "site-packages" in done.stdout.decode()
    assert run("97110=8", cwd=tmp_path).returncode == 0
