# The `newswire` command. Subcommands: parse (files, directories, stdin or
# JSON Lines to a readable summary, JSON or JSON Lines), demo (a bundled
# sample, every part of the result shown) and evaluate (scores against gold
# JSON Lines). Failures of one input are reported on stderr with where they
# happened and never stop the rest; the exit status is 1 when any input failed,
# 2 for a usage error and 130 when interrupted.
#
# `parse` streams. Inputs are expanded lazily (directories walked, JSON Lines
# read a line at a time) into small picklable tasks, and the tasks run through
# newswire._batch.map_ordered, in this process or in --workers processes (this
# one and N - 1 in a pool). A task is read, decoded, parsed and rendered where
# it runs, so only bytes go to a worker and only finished output text comes
# back; besides its share of tasks this process only reads, writes and counts.
# Each record is written with one write() call of one whole line (or block), so
# output is never left half-written for a record, and on Ctrl-C everything
# finished so far is flushed.
"""
Command-line interface.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fnmatch
import functools
import json
import os
import sys
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from newswire import __version__
from newswire._batch import map_ordered
from newswire._build import describe
from newswire._dates import coerce_date
from newswire._evaluate import evaluate_records, format_report, read_gold
from newswire._pipeline import parse
from newswire._summary import render_summary
from newswire.errors import DispatchError

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from newswire._model import Dispatch

__all__ = ["main"]

# A file that holds a NUL byte in its first 8 KiB is taken to be binary (or
# UTF-16), the same test git and grep use.
_BINARY_PROBE = 8192


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"not a date in YYYY-MM-DD form: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _worker_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        msg = f"not a number: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if count < 0:
        msg = "must be 0 (one per CPU) or more"
        raise argparse.ArgumentTypeError(msg)
    return count or os.cpu_count() or 1


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
        "matching --pattern. With --input-format jsonl every line is one record "
        '{"id": ..., "text": ..., "reference_date": ...}. Several inputs, a '
        "directory, JSON Lines or -o make a batch, written as JSON Lines by default.",
    )
    p_parse.add_argument(
        "inputs", nargs="+", metavar="PATH", help="files or directories to parse, or - for stdin"
    )
    p_parse.add_argument(
        "--format",
        choices=("summary", "json", "jsonl"),
        default=None,
        help="output format (default: a readable summary for one text, JSON Lines for a batch)",
    )
    p_parse.add_argument(
        "--input-format",
        choices=("text", "jsonl"),
        default="text",
        help="text: one dispatch per file (default); jsonl: one JSON record per line",
    )
    p_parse.add_argument(
        "--pattern",
        metavar="GLOB",
        help="file names to take from directories (default: *.txt, or *.jsonl with "
        "--input-format jsonl)",
    )
    p_parse.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here instead of stdout"
    )
    p_parse.add_argument(
        "--workers",
        type=_worker_count,
        default=1,
        metavar="N",
        help="parse in N processes (0: one per CPU; default: 1, in this process)",
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
        help="what to do with bytes that are not UTF-8 (default: report and skip the input)",
    )
    p_parse.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )

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


# -- tasks: what one worker call receives --------------------------------------


@attrs.frozen
class _Options:
    """
    Everything a worker needs besides its task; pickled once per chunk.
    """

    format: str
    encoding_errors: str
    reference_date: dt.date | None


@attrs.frozen
class _FileTask:
    """
    A text file holding one dispatch; read where it is parsed.
    """

    path: str


@attrs.frozen
class _TextTask:
    """
    A dispatch already read (from stdin).
    """

    source_id: str
    data: bytes


@attrs.frozen
class _LineTask:
    """
    One line of a JSON Lines file: ``offset`` is its first byte in the file.
    """

    path: str
    number: int
    offset: int
    data: bytes


_Task = _FileTask | _TextTask | _LineTask | DispatchError
# What a worker returns for a dispatch: the rendered output and its statement count.
_Output = tuple[str, int]


def _label(task: _Task) -> str:
    if isinstance(task, DispatchError):
        return task.source_id or "<string>"
    if isinstance(task, _FileTask):
        return task.path
    if isinstance(task, _TextTask):
        return task.source_id
    return f"{task.path}, line {task.number}"


def _decode(data: bytes, where: str, errors: str, *, base: int | None = None) -> str:
    # base: the byte offset of a JSON Lines line in its file (None for a file).
    nul = data.find(b"\0", 0, _BINARY_PROBE) if base is None else -1
    if nul >= 0:
        msg = f"binary file (NUL byte at byte offset {nul}); not parsed"
        raise _TaskError(msg, where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode("utf-8", errors="replace")
        msg = (
            f"invalid UTF-8 at byte offset {(base or 0) + exc.start} ({exc.reason}); "
            "use --encoding-errors replace to carry on"
        )
        raise _TaskError(msg, where) from exc


class _TaskError(Exception):
    """
    A task's input could not be read: reported as ``where: message``.
    """

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def _read_file(path: str, errors: str) -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise _TaskError("no such file", path) from None
    except IsADirectoryError:
        raise _TaskError("is a directory, not a file", path) from None
    except OSError as exc:
        raise _TaskError(exc.strerror or str(exc), path) from exc
    return _decode(data, path, errors)


def _record(task: _LineTask, options: _Options) -> tuple[str, str, dt.date | None]:
    where = f"{task.path}, line {task.number}"
    line = _decode(task.data, where, options.encoding_errors, base=task.offset)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON ({exc.msg} at column {exc.colno})"
        raise _TaskError(msg, where) from exc
    if not isinstance(record, dict):
        raise _TaskError(f"not a JSON object but {type(record).__name__}", where)
    if "text" not in record:
        raise _TaskError('no "text" field', where)
    text = record["text"]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        raise _TaskError(f'"text" is {kind}, not a string', where)
    raw_id = record.get("id")
    source_id = f"{task.path}:{task.number}" if raw_id is None else str(raw_id)
    reference = options.reference_date
    if record.get("reference_date") is not None:
        try:
            reference = coerce_date(record["reference_date"])
        except (TypeError, ValueError) as exc:
            raise _TaskError(f"bad reference_date: {exc}", f"{where} (id {source_id})") from exc
    return source_id, text, reference


def _json_line(data: dict[str, Any], indent: int | None) -> str:
    line = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates (from JSON input such as "\ud800") cannot be written
        # as UTF-8; \u escapes keep the record whole and exact.
        line = json.dumps(data, ensure_ascii=True, indent=indent)
    return line


def _render(dispatch: Dispatch, options: _Options) -> str:
    if options.format == "jsonl":
        return _json_line(dispatch.to_dict(), None) + "\n"
    if options.format == "json":
        return _json_line(dispatch.to_dict(), 2)
    summary = render_summary(dispatch) + "\n"
    return summary.encode("utf-8", "backslashreplace").decode("utf-8")


def _work(task: _Task, options: _Options) -> _Output | DispatchError:
    # Runs in a worker: read, decode, parse and render one task.
    if isinstance(task, DispatchError):
        return task
    try:
        if isinstance(task, _FileTask):
            source_id = task.path
            text = _read_file(task.path, options.encoding_errors)
            reference = options.reference_date
        elif isinstance(task, _TextTask):
            source_id = task.source_id
            text = _decode(task.data, task.source_id, options.encoding_errors)
            reference = options.reference_date
        else:
            source_id, text, reference = _record(task, options)
    except _TaskError as exc:
        return DispatchError(exc.message, source_id=exc.where)
    dispatch = parse(text, reference_date=reference, source_id=source_id)
    return _render(dispatch, options), len(dispatch.statements)


# -- expanding inputs into tasks (lazily) --------------------------------------


def _walk(root: Path, pattern: str) -> Iterator[str]:
    # Sorted at every level so that a batch's order does not depend on the
    # file system; os.walk streams one directory at a time.
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if fnmatch.fnmatch(name, pattern):
                yield os.path.join(directory, name)  # noqa: PTH118 - os.walk gives str


def _jsonl_tasks(path: str, handle: Any) -> Iterator[_LineTask]:
    offset = 0
    for number, data in enumerate(handle, 1):
        if data.strip():
            yield _LineTask(path, number, offset, data)
        offset += len(data)


def _open_jsonl(path: str) -> Iterator[_Task]:
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 - closed below, after streaming
    except FileNotFoundError:
        yield DispatchError("no such file", source_id=path)
        return
    except IsADirectoryError:
        yield DispatchError("is a directory, not a file", source_id=path)
        return
    except OSError as exc:
        yield DispatchError(exc.strerror or str(exc), source_id=path)
        return
    with handle:
        yield from _jsonl_tasks(path, handle)


def _tasks(args: argparse.Namespace, stdin: Any) -> Iterator[_Task]:
    jsonl = args.input_format == "jsonl"
    pattern = args.pattern or ("*.jsonl" if jsonl else "*.txt")
    for name in args.inputs:
        if name == "-":
            binary = getattr(stdin, "buffer", None)
            if jsonl:
                source = binary if binary is not None else _encoded_lines(stdin)
                yield from _jsonl_tasks("<stdin>", source)
            else:
                data = binary.read() if binary is not None else stdin.read().encode("utf-8")
                yield _TextTask("<stdin>", data)
            continue
        path = Path(name)
        if path.is_dir():
            files = _walk(path, pattern)
            found = False
            for file in files:
                found = True
                yield from (_open_jsonl(file) if jsonl else [_FileTask(file)])
            if not found:
                yield DispatchError(f"no files matching {pattern!r} here", source_id=name)
        elif jsonl:
            yield from _open_jsonl(name)
        else:
            yield _FileTask(name)


def _encoded_lines(stream: TextIO) -> Iterator[bytes]:
    for line in stream:
        yield line.encode("utf-8", "surrogatepass")


# -- writing -------------------------------------------------------------------


class _Writer:
    """
    Write rendered records whole; frame ``json`` output as one value or an array.
    """

    def __init__(self, out: TextIO, form: str) -> None:
        self.out = out
        self.form = form
        self.count = 0
        self.held: str | None = None

    def write(self, text: str) -> None:
        self.count += 1
        if self.form != "json":
            self.out.write(text)
        elif self.count == 1:
            # One document is written as a bare object, several as an array:
            # hold the first until we know which.
            self.held = text
        else:
            if self.held is not None:
                self.out.write("[\n" + self.held)
                self.held = None
            self.out.write(",\n" + text)

    def close(self) -> None:
        if self.form == "json":
            if self.count == 0:
                self.out.write("[]\n")
            elif self.held is not None:
                self.out.write(self.held + "\n")
            else:
                self.out.write("\n]\n")
        self.out.flush()


class _Progress:
    """
    A one-line progress display on stderr, shown only on a terminal.
    """

    def __init__(self, err: TextIO, *, enabled: bool) -> None:
        self.err = err
        self.enabled = enabled
        self.start = time.perf_counter()
        self.shown = 0.0
        self.documents = 0
        self.statements = 0
        self.errors = 0

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.err.write("\r\x1b[K")

    def tick(self) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.shown < 0.2:
            return
        self.shown = now
        rate = self.documents / max(now - self.start, 1e-9)
        self.err.write(
            f"\r\x1b[Knewswire: {_count(self.documents, 'document')} · {rate:,.0f}/s · "
            f"{_count(self.errors, 'error')}"
        )
        self.err.flush()

    def summary(self, *, interrupted: bool) -> str:
        note = " (interrupted)" if interrupted else ""
        return (
            f"newswire: {_count(self.documents, 'document')}, "
            f"{_count(self.statements, 'statement')}, {_count(self.errors, 'error')} "
            f"in {self.elapsed():.2f} s{note}\n"
        )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _is_batch(args: argparse.Namespace) -> bool:
    return (
        len(args.inputs) > 1
        or args.input_format == "jsonl"
        or args.output is not None
        or any(name != "-" and Path(name).is_dir() for name in args.inputs)
    )


def _run_parse(args: argparse.Namespace, out: TextIO, err: TextIO, stdin: Any) -> int:
    form = args.format or ("jsonl" if _is_batch(args) else "summary")
    options = _Options(form, args.encoding_errors, args.reference_date)
    writer = _Writer(out, form)
    progress = _Progress(err, enabled=not args.quiet and err.isatty())
    results = map_ordered(
        functools.partial(_work, options=options),
        _tasks(args, stdin),
        label=_label,
        workers=args.workers,
        share=True,
    )
    interrupted = False
    try:
        for result in results:
            if isinstance(result, DispatchError):
                progress.errors += 1
                progress.clear()
                err.write(f"newswire: error: {result}\n")
            else:
                text, statements = result
                writer.write(text)
                progress.documents += 1
                progress.statements += statements
            progress.tick()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()
        writer.close()
        progress.clear()
    if not args.quiet:
        err.write(progress.summary(interrupted=interrupted))
    if interrupted:
        return 130
    return 1 if progress.errors else 0


def _open_output(path: Path) -> TextIO:
    if path.is_dir():
        msg = f"{path}: is a directory; -o takes a file name"
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


def _utf8_stdout() -> TextIO:
    # JSON Lines are UTF-8 whatever the locale says.
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8")
    return stream


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
    output: TextIO | None = None
    try:
        if args.command == "parse":
            if args.output is not None:
                output = _open_output(args.output)
            elif out is None and args.format != "summary":
                output = None
                out = _utf8_stdout()
            target = output or out or sys.stdout
            return _run_parse(args, target, err, stdin)
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
    finally:
        if output is not None:
            output.close()
