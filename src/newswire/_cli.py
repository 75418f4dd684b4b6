# The `newswire` command. Subcommands: parse (files, directories, stdin or
# JSON Lines to a readable summary, JSON or JSON Lines), demo (a bundled
# sample, every part of the result shown) and evaluate (scores against gold
# JSON Lines). Failures of one input are reported on stderr with where they
# happened and never stop the rest; the exit status is 1 when any input failed
# and 2 for a usage error.
"""
Command-line interface.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newswire import __version__
from newswire._evaluate import evaluate_records, format_report, read_gold
from newswire._pipeline import parse
from newswire._summary import render_summary

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"not a date in YYYY-MM-DD form: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire",
        description="Parse wire-service dispatches into headline, dateline, byline, "
        "paragraphs and attributed statements.",
    )
    parser.add_argument("--version", action="version", version=f"newswire {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_parse = commands.add_parser("parse", help="parse dispatch files (or - for stdin)")
    p_parse.add_argument("inputs", nargs="+", metavar="FILE", help="files to parse, or -")
    p_parse.add_argument(
        "--format",
        choices=("summary", "json", "jsonl"),
        default="summary",
        help="output format (default: a readable summary)",
    )
    p_parse.add_argument(
        "--reference-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="date used to give a year to dates without one, when a dispatch states none",
    )
    p_parse.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with bytes that are not UTF-8 (default: report and skip the file)",
    )

    p_demo = commands.add_parser("demo", help="parse a bundled sample dispatch and show it all")
    p_demo.add_argument("--format", choices=("summary", "json"), default="summary")

    p_eval = commands.add_parser("evaluate", help="score the parser against gold JSON Lines")
    p_eval.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl")
    p_eval.add_argument("--json", action="store_true", help="print the scores as JSON")
    return parser


def _read_input(name: str, errors: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    path = Path(name)
    if path.is_dir():
        msg = f"{name}: is a directory, not a file"
        raise OSError(msg)
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        msg = (
            f"{name}: invalid UTF-8 at byte offset {exc.start} ({exc.reason}); "
            "use --encoding-errors replace to carry on"
        )
        raise ValueError(msg) from exc


def _run_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failures = 0
    documents = []
    for name in args.inputs:
        try:
            text = _read_input(name, args.encoding_errors, sys.stdin)
        except (OSError, ValueError) as exc:
            message = str(exc) if name in str(exc) else f"{name}: {exc}"
            err.write(f"newswire: error: {message}\n")
            failures += 1
            continue
        dispatch = parse(text, reference_date=args.reference_date,
                         source_id="<stdin>" if name == "-" else name)
        if args.format == "jsonl":
            out.write(json.dumps(dispatch.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "json":
            documents.append(dispatch.to_dict())
        else:
            out.write(render_summary(dispatch) + "\n")
    if args.format == "json":
        payload: Any = documents[0] if len(documents) == 1 else documents
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failures else 0


def _run_demo(args: argparse.Namespace, out: TextIO) -> int:
    text = (
        resources.files("newswire")
        .joinpath("data", "samples", "xinhua-demo.txt")
        .read_text(encoding="utf-8")
    )
    dispatch = parse(text, source_id="xinhua-demo.txt")
    if args.format == "json":
        out.write(json.dumps(dispatch.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_summary(dispatch, full=True) + "\n")
    return 0


def _run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    def records() -> Any:
        for path in args.gold:
            yield from read_gold(path)

    try:
        scores = evaluate_records(records())
    except (OSError, ValueError) as exc:
        err.write(f"newswire: error: {exc}\n")
        return 1
    if args.json:
        out.write(json.dumps(scores, indent=2) + "\n")
    else:
        out.write(format_report(scores) + "\n")
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """
    Run the ``newswire`` command; return its exit status.

    >>> import io
    >>> buffer = io.StringIO()
    >>> main(["demo"], out=buffer)
    0
    >>> "Dateline" in buffer.getvalue()
    True
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _run_parse(args, out, err)
        if args.command == "demo":
            return _run_demo(args, out)
        return _run_evaluate(args, out, err)
    except KeyboardInterrupt:
        out.flush()
        err.write("newswire: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
