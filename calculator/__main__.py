"""Command line: ``python -m calculator [--method cms|ama] [--json] CODE=MINUTES ...``,
or ``python -m calculator --batch`` to read JSON Lines on standard input.

Exit status: 0 on success, 1 when input was rejected (or any batch line was), 2 for a bad
command line. Every rejection is one line on standard error; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator

from . import __version__
from .errors import InputError
from .result import Result
from .rules import METHOD_NAMES, calculate
from .visit import check, parse, parse_method, split_entry

BATCH_KEYS = {"method", "minutes"}
MAX_LINE = 1_000_000  # bytes; a longer batch line is rejected without being parsed
MAX_OPENERS = 64  # '[' and '{' in a line: a request needs 2; deep nesting exhausts the browser's stack


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (try --help)\n")


def _parser() -> _Parser:
    parser = _Parser(
        prog="python -m calculator",
        description="Units for time-based therapy CPT codes: Medicare total time (cms) or the "
                    "CPT midpoint per code (ama).",
        epilog="Example: python -m calculator 97110=33 97140=7")
    parser.add_argument("entries", nargs="*", metavar="CODE=MINUTES",
                        help="a catalog code and its whole minutes, such as 97110=33")
    parser.add_argument("--method", default="cms", type=str.lower, choices=sorted(METHOD_NAMES),
                        help="cms = Medicare total timed minutes (default); ama = CPT midpoint per code")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON object")
    parser.add_argument("--batch", action="store_true",
                        help='read JSON Lines {"method": "cms", "minutes": {"97110": 33}} on standard '
                             "input and write one JSON line per input line")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def render_text(result: Result) -> str:
    """The readable form: lines, alternatives, explanation, warnings, documentation."""
    out = [f"Method: {METHOD_NAMES[result.method]} ({result.method})", "",
           f"{'Code':<8}{'Minutes':>8}{'Units':>7}"]
    out += [f"{line.code:<8}{line.minutes:>8}{line.units:>7}" for line in result.lines]
    out.append(f"{'Total':<8}{result.total_treatment_minutes:>8}{result.total_units:>7}")
    if result.alternative_count > 1:
        out += ["", f"Allocations the clinician may choose ({result.alternative_count}, the first shown above):"]
        out += [f"  {i}. " + ", ".join(f"{code} × {units}" for code, units in alt if units)
                for i, alt in enumerate(result.alternatives, 1)]
        if result.alternative_count > len(result.alternatives):
            out.append(f"  ... and {result.alternative_count - len(result.alternatives)} more")
    out += ["", "How:"]
    out += [f"  {i}. {step.text}\n     [{step.rule}; source: {step.citation()}]"
            for i, step in enumerate(result.explanation, 1)]
    if result.warnings:
        out += ["", "Warnings:"]
        out += [f"  - {w.text} [source: {w.citation()}]" for w in result.warnings]
    if result.next_unit:
        out += ["", "Next unit:"]
        out += [f"  {n.applies_to}: {n.minutes} more minute{'s' if n.minutes != 1 else ''}"
                for n in result.next_unit]
    out += ["", "Documentation:", *("  " + row for row in result.documentation.splitlines())]
    return "\n".join(out)


def batch_line(raw: bytes) -> dict[str, object]:
    """One JSON Lines request to its result object, or {"error": message}."""
    try:
        if len(raw) > MAX_LINE:
            raise InputError.single("line", f"the line is longer than {MAX_LINE} bytes")
        if raw.count(b"[") + raw.count(b"{") > MAX_OPENERS:
            raise InputError.single("line", f"the line has more than {MAX_OPENERS} brackets: a request is "
                                            '{"method": "cms", "minutes": {"97110": 33}}')
        try:
            request = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise InputError.single("line", "the line is not UTF-8 text") from None
        except (ValueError, RecursionError):
            raise InputError.single("line", 'the line is not JSON: write {"method": "cms", "minutes": {"97110": 33}}') from None
        if not isinstance(request, dict) or not isinstance(request.get("minutes"), dict):
            raise InputError.single("line", 'each line must be an object with "minutes", such as {"minutes": {"97110": 33}}')
        unknown = sorted(set(request) - BATCH_KEYS)
        if unknown:
            raise InputError.single("line", f"unknown key {unknown[0][:24]!r}: a line may have only \"method\" and \"minutes\"")
        method = parse_method(request.get("method", "cms"))
        return calculate(parse(request["minutes"]), method).to_json()
    except InputError as error:
        return {"error": str(error)}


def run_batch(lines: Iterable[bytes], write) -> int:
    """Stream: one output line per input line, in order. 1 if any line was rejected."""
    status = 0
    for raw in lines:
        out = batch_line(raw.rstrip(b"\r\n"))
        if "error" in out:
            status = 1
        write(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
    return status


def parse_entries(texts: list[str]):
    """CODE=MINUTES arguments to a Visit; InputError names every bad argument at once."""
    pairs, problems = [], []
    for text in texts:
        try:
            pairs.append(split_entry(text))
        except InputError as error:
            problems += error.problems
    visit, more = check(pairs)
    if problems or more:
        raise InputError([*problems, *more])
    return parse(pairs)


def _stdin_lines() -> Iterator[bytes]:
    return iter(sys.stdin.buffer.readline, b"")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.batch:
        if args.entries or args.json:
            _parser().error("--batch reads standard input and takes no CODE=MINUTES or --json")
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False, buffering=1 << 16)
        status = run_batch(_stdin_lines(), out.write)
        out.flush()
        return status
    if not args.entries:
        _parser().error("no entries: give at least one CODE=MINUTES, such as 97110=33")
    try:
        result = calculate(parse_entries(args.entries), args.method)
    except InputError as error:
        print(f"python -m calculator: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_text(result))
    return 0


def _entry() -> None:
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        status = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:  # a reader such as `head` closed the pipe: not our error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    _entry()
