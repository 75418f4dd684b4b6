# The `newswire` command. Subcommands: parse (files, directories, stdin or
# JSON Lines to a readable summary, JSON or JSON Lines; implemented, with its
# contract, in newswire._parse_command), demo (a bundled sample, every part of
# the result shown) and evaluate (scores against gold JSON Lines). Exit
# statuses: 0 success, 1 when any input failed, 2 for a usage error, 3 when
# the output could not be written, 128 + N when stopped by signal N (130 for
# Ctrl-C).
"""
Command-line interface.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newswire import __version__
from newswire._batch import quiet_collector
from newswire._build import describe
from newswire._evaluate import evaluate_records, format_report, read_gold
from newswire._parse_command import add_arguments as add_parse_arguments
from newswire._parse_command import run as run_parse
from newswire._pipeline import parse
from newswire._summary import render_summary

if TYPE_CHECKING:
    from collections.abc import Sequence


__all__ = ["command", "main"]


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire",
        description="Parse wire-service dispatches into headline, dateline, byline, "
        "paragraphs and attributed statements.",
    )
    parser.add_argument(
        "--version", action="version", version=f"newswire {__version__} ({describe()})"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_parse = commands.add_parser(
        "parse",
        help="parse dispatch files, directories, JSON Lines or stdin (-)",
        description="Parse dispatches. Directories are walked recursively for files "
        "matching --pattern (hidden names skipped). With --input-format jsonl every line "
        'is one record {"id": ..., "text": ..., "reference_date": ...}. Several inputs, a '
        "directory, JSON Lines or -o make a batch, written as JSON Lines by default. "
        "Exit status: 0 done, 1 an input failed, 2 usage error, 3 output not written, "
        "128+N stopped by signal N.",
    )
    add_parse_arguments(p_parse)

    p_demo = commands.add_parser("demo", help="parse a bundled sample dispatch and show it all")
    p_demo.add_argument("--format", choices=("summary", "json"), default="summary")

    p_eval = commands.add_parser("evaluate", help="score the parser against gold JSON Lines")
    p_eval.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl")
    p_eval.add_argument("--json", action="store_true", help="print the scores as JSON")
    p_eval.add_argument(
        "--misses",
        type=Path,
        metavar="FILE",
        help="write every miss (gold vs predicted, with spans) to FILE as JSON Lines",
    )
    return parser


def _open_output(path: Path) -> TextIO:
    if path.is_dir():
        msg = f"{path}: is a directory; --misses takes a file name"
        raise _UsageError(msg)
    try:
        return path.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        msg = f"{path}: cannot write: {exc.strerror or exc}"
        raise _UsageError(msg) from exc


class _UsageError(Exception):
    """
    A problem with the command line itself (exit status 2).
    """


def _run_demo(args: argparse.Namespace, out: TextIO) -> int:
    text = (
        resources.files("newswire")
        .joinpath("data", "samples", "xinhua-demo.txt")
        .read_text(encoding="utf-8")
    )
    dispatch = parse(text, source_id="xinhua-demo.txt")
    if args.format == "json":
        out.write(json.dumps(dispatch.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return 0
    # The input first, with the offset each line starts at, so that the
    # result's [start:end] offsets can be found in it.
    out.write("Input: a sample dispatch bundled with newswire (xinhua-demo.txt)\n\n")
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.write(f"  {offset:>5} | {line.rstrip()}\n")
        offset += len(line)
    out.write("\nWhat newswire found in it\n\n")
    out.write(render_summary(dispatch, full=True) + "\n\n")
    out.write(
        "Reading this: [start:end] are character offsets into the input (the number\n"
        "left of each input line is its first offset); text[start:end] is exactly\n"
        "the part recognised, and content [a:b + c:d] is a quote in two pieces.\n"
        "[N] before a paragraph is its index. A name in (“...”) is the mention as\n"
        "written, before it was resolved to the person named first.\n\n"
        "Next: parse your own file with `newswire parse FILE` (a folder: `newswire\n"
        "parse wire/ -o parsed.jsonl`), or in Python: newswire.parse(text).\n"
    )
    return 0


def _run_evaluate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    # A gold file that cannot be opened is reported as `parse` reports an input.
    for path in args.gold:
        problem = (
            "no such file"
            if not path.exists()
            else "is a directory, not a file"
            if path.is_dir()
            else None
        )
        if problem is not None:
            err.write(f"newswire: error: {path}: {problem}\n")
            return 1

    def records() -> Any:
        for path in args.gold:
            yield from read_gold(path)

    misses: list[dict[str, Any]] | None = None if args.misses is None else []
    try:
        scores = evaluate_records(records(), misses=misses)
    except OSError as exc:
        err.write(f"newswire: error: {exc.filename}: {exc.strerror or exc}\n")
        return 1
    except ValueError as exc:
        err.write(f"newswire: error: {exc}\n")
        return 1
    if misses is not None:
        with _open_output(args.misses) as handle:
            handle.writelines(json.dumps(miss, ensure_ascii=False) + "\n" for miss in misses)
        err.write(f"newswire: {len(misses)} misses written to {args.misses}\n")
    if args.json:
        out.write(json.dumps(scores, indent=2) + "\n")
    else:
        out.write(format_report(scores) + "\n")
    return 0


def command() -> int:
    """
    Run the ``newswire`` command in a process of its own (the console script).

    As :func:`main` with the command line's arguments, with the garbage
    collector tuned for a process that only parses (see
    :func:`newswire._batch.quiet_collector`); :func:`main` itself leaves the
    caller's collector alone.
    """
    quiet_collector()
    return main()


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """
    Run the ``newswire`` command; return its exit status.

    >>> import io
    >>> buffer = io.StringIO()
    >>> main(["demo"], out=buffer)
    0
    >>> "Dateline" in buffer.getvalue()
    True
    """
    err = sys.stderr if err is None else err
    stdin = sys.stdin if stdin is None else stdin
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return run_parse(args, out, err, stdin)
        out = sys.stdout if out is None else out
        if args.command == "demo":
            return _run_demo(args, out)
        return _run_evaluate(args, out, err)
    except _UsageError as exc:
        err.write(f"newswire: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        if out is not None:
            out.flush()
        err.write("newswire: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): not an error. Point stdout at
        # devnull so the interpreter's final flush does not complain.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
