# `newswire parse`: files, directories, stdin or JSON Lines to a readable
# summary, JSON or JSON Lines. The contract, stated once:
#
# - Streaming. Inputs are expanded lazily (directories walked in sorted order,
#   JSON Lines read a line at a time) into small picklable tasks run through
#   newswire._batch.map_ordered, in this process or in --workers processes. A
#   task is read, decoded, parsed and rendered where it runs, so only bytes go
#   to a worker and only finished output text comes back.
# - One input's failure is reported on stderr with where it happened (and
#   counted); it never stops the rest.
# - Only regular files are read: FIFOs, devices and sockets are reported and
#   skipped, so is a file over --max-bytes; a folder that cannot be read is an
#   error; a symlink back to a folder already walked is reported once and not
#   walked again; hidden names (.git/) are skipped unless --hidden.
# - The output is never an input and never half-written. -o refuses a path
#   that is also an input or would be walked; it is written to a temporary
#   file in its folder and renamed into place at the end, or with --append
#   (and --resume, which skips inputs whose id the output already holds) only
#   whole lines are added. A write that fails (disk full, EIO) truncates the
#   partial record, names the file and the records written, and exits 3.
# - SIGINT, SIGTERM and SIGHUP stop the run the same way: workers end, every
#   finished record is written whole, the summary is printed and the exit
#   status is 128 + the signal number. A signal that arrives while a record
#   is being written takes effect once that record is whole.
# - Everything shown on stderr (file names, messages) has its control
#   characters escaped, and so has a summary written to stdout.
"""
The ``newswire parse`` command.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import errno
import fnmatch
import functools
import json
import os
import signal
import stat
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from newswire._batch import bom_encoding, map_ordered
from newswire._dates import coerce_date
from newswire._model import _PIECES_FROM, _dumps, _json_pieces
from newswire._pipeline import parse
from newswire._summary import render_summary
from newswire.errors import DispatchError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from newswire._model import Dispatch

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "add_arguments",
    "escape",
    "run",
]

# Exit statuses (documented in docs/cli.md); a stopping signal gives 128 + its number.
EXIT_OK = 0
EXIT_FAILED = 1  # at least one input failed; the rest were parsed
EXIT_USAGE = 2  # the command line itself is wrong (also argparse's status)
EXIT_OUTPUT = 3  # the output could not be written (disk full, EIO)

# A file that holds a NUL byte in its first 8 KiB (and no byte-order mark) is
# taken to be binary, the same test git and grep use.
_BINARY_PROBE = 8192
_DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Output is written in blocks of about this size (a block always ends a record).
_FLUSH_BYTES = 1 << 18
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


# -- escaping ------------------------------------------------------------------

# C0 and C1 controls, DEL, and the format characters that reorder or hide
# text on a terminal (bidirectional overrides and isolates, line separators).
_UNSAFE = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F)]
_UNSAFE += [*range(0x2066, 0x206A), 0xFEFF]
_ESCAPES = {code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _UNSAFE}
# Inside a JSON string on a terminal: what json.dumps leaves raw, as \u escapes.
_JSON_TERMINAL = {code: f"\\u{code:04x}" for code in _UNSAFE if code >= 0x7F}
_ESCAPES_KEEP_LINES = {code: text for code, text in _ESCAPES.items() if code not in (9, 10)}


def escape(text: str, *, lines: bool = False) -> str:
    r"""
    Return ``text`` with control and reordering characters as backslash escapes.

    With ``lines``, newlines and tabs are kept (for multi-line summaries).

    >>> escape("a\nb\x1b[31m")
    'a\\x0ab\\x1b[31m'
    """
    return text.translate(_ESCAPES_KEEP_LINES if lines else _ESCAPES)


# -- arguments -----------------------------------------------------------------


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


_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def _byte_count(value: str) -> int:
    # 1000, 64K, 64M, 2G (binary units).
    text = value.strip().lower().removesuffix("b").removesuffix("i")
    unit = text[-1:] if text[-1:] in _UNITS else ""
    try:
        count = int(text[: len(text) - len(unit)]) * _UNITS[unit]
    except ValueError:
        msg = f"not a size such as 1000, 64K, 64M or 2G: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if count < 1:
        msg = "must be at least 1 byte"
        raise argparse.ArgumentTypeError(msg)
    return count


def _encoding(value: str) -> str:
    import codecs

    try:
        return codecs.lookup(value).name
    except LookupError:
        msg = f"unknown encoding: {value!r}"
        raise argparse.ArgumentTypeError(msg) from None


def add_arguments(p_parse: argparse.ArgumentParser) -> None:
    """
    Add the ``parse`` subcommand's arguments to its parser.
    """
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
        "--hidden",
        action="store_true",
        help="also walk hidden files and folders (names starting with '.', such as .git/)",
    )
    p_parse.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here instead of stdout"
    )
    p_parse.add_argument(
        "--append",
        action="store_true",
        help="add to the end of the -o file (whole JSON Lines only) instead of replacing it",
    )
    p_parse.add_argument(
        "--resume",
        action="store_true",
        help="skip inputs whose id is already in the -o file, and append the rest "
        "(continues an interrupted run)",
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
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="NAME",
        help="encoding of input files without a byte-order mark (default: utf-8; for "
        "example latin-1 or cp1252); a UTF-8, UTF-16 or UTF-32 byte-order mark always wins",
    )
    p_parse.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with bytes that do not decode (default: report and skip the input)",
    )
    p_parse.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=_DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="skip (and report) an input larger than this (default: 64M)",
    )
    p_parse.add_argument(
        "--text-field",
        default="text",
        metavar="KEY",
        help="JSON Lines: the key holding the text (default: text)",
    )
    p_parse.add_argument(
        "--id-field",
        default="id",
        metavar="KEY",
        help="JSON Lines: the key holding the id, which becomes source_id (default: id); "
        'other keys are carried to the output under "fields"',
    )
    p_parse.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary on stderr"
    )


# -- tasks: what one worker call receives --------------------------------------


@attrs.frozen(kw_only=True)
class _Options:
    """
    Everything a worker needs besides its task; pickled once per chunk.
    """

    format: str
    encoding: str
    encoding_errors: str
    reference_date: dt.date | None
    max_bytes: int
    text_field: str
    id_field: str


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


def _label(task: _Task) -> str:
    if isinstance(task, DispatchError):
        return task.source_id or "<string>"
    if isinstance(task, _FileTask):
        return task.path
    if isinstance(task, _TextTask):
        return task.source_id
    return f"{task.path}, line {task.number}"


class _TaskError(Exception):
    """
    A task's input could not be read: reported as ``where: message``.
    """

    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def _looks_utf16(data: bytes) -> bool:
    # Mostly NUL at every other byte: UTF-16 text without a byte-order mark.
    probe = data[:_BINARY_PROBE]
    half = len(probe) // 2
    return half >= 4 and max(probe[0::2].count(0), probe[1::2].count(0)) >= 0.9 * half


def _decode(data: bytes, where: str, options: _Options, *, base: int | None = None) -> str:
    # base: the byte offset of a JSON Lines line in its file (None for a file).
    encoding = options.encoding
    skip = 0
    found = bom_encoding(data) if base is None else None
    if found is not None:
        encoding, skip = found
    elif base is None:
        nul = data.find(b"\0", 0, _BINARY_PROBE)
        if nul >= 0:
            hint = (
                "; it looks like UTF-16 without a byte-order mark: try --encoding utf-16-le"
                if _looks_utf16(data)
                else ""
            )
            msg = f"binary file (NUL byte at byte offset {nul}); not parsed{hint}"
            raise _TaskError(msg, where)
    try:
        return data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        if options.encoding_errors == "replace":
            return data[skip:].decode(encoding, errors="replace")
        name = "UTF-8" if encoding == "utf-8" else encoding
        msg = (
            f"invalid {name} at byte offset {(base or 0) + skip + exc.start} ({exc.reason}); "
            "use --encoding-errors replace to carry on"
        )
        raise _TaskError(msg, where) from exc


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_OPEN_ERRORS = {
    errno.ENOENT: "no such file",
    errno.EISDIR: "is a directory, not a file",
    errno.ELOOP: "symlink loop (too many levels of symbolic links); skipped",
    errno.ENXIO: "not a regular file (a socket or a device); skipped",
}


def _kind_of(mode: int) -> str | None:
    # What a non-regular file is, or None for a regular file.
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    return next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")


def _too_big(size: int, limit: int) -> str:
    return f"larger than --max-bytes ({size:,} bytes, the limit is {limit:,}); skipped"


def _read_bytes(path: str, limit: int) -> bytes:
    # Opened without blocking, so that a FIFO cannot hang the run; checked to
    # be a regular file before a byte is read; never more than limit + 1
    # bytes read (a file can grow, and /proc files report size 0).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        message = _OPEN_ERRORS.get(exc.errno or 0) or exc.strerror or str(exc)
        raise _TaskError(message, path) from None
    try:
        info = os.fstat(fd)
        kind = _kind_of(info.st_mode)
        if kind == "a directory":
            raise _TaskError("is a directory, not a file", path)
        if kind is not None:
            raise _TaskError(f"not a regular file ({kind}); skipped", path)
        if info.st_size > limit:
            raise _TaskError(_too_big(info.st_size, limit), path)
        parts = []
        size = 0
        while size <= limit:
            part = os.read(fd, min(1 << 20, limit + 1 - size))
            if not part:
                break
            parts.append(part)
            size += len(part)
        if size > limit:
            raise _TaskError(_too_big(size, limit), path)
        return b"".join(parts)
    except OSError as exc:
        raise _TaskError(exc.strerror or str(exc), path) from exc
    finally:
        os.close(fd)


def _line_record(task: _LineTask, options: _Options) -> dict[str, Any]:
    where = f"{task.path}, line {task.number}"
    if len(task.data) > options.max_bytes:
        raise _TaskError(_too_big(len(task.data), options.max_bytes), where)
    line = _decode(task.data, where, options, base=task.offset)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON ({exc.msg} at column {exc.colno})"
        raise _TaskError(msg, where) from exc
    if not isinstance(record, dict):
        raise _TaskError(f"not a JSON object but {type(record).__name__}", where)
    return record


def _line_id(task: _LineTask, record: dict[str, Any], options: _Options) -> str:
    raw_id = record.get(options.id_field)
    return f"{task.path}:{task.number}" if raw_id is None else str(raw_id)


def _record(task: _LineTask, options: _Options) -> tuple[str, str, dt.date | None, dict[str, Any]]:
    where = f"{task.path}, line {task.number}"
    record = _line_record(task, options)
    key = options.text_field
    if key not in record:
        raise _TaskError(f"no {json.dumps(key)} field", where)
    text = record[key]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        raise _TaskError(f"{json.dumps(key)} is {kind}, not a string", where)
    source_id = _line_id(task, record, options)
    reference = options.reference_date
    if record.get("reference_date") is not None:
        try:
            reference = coerce_date(record["reference_date"])
        except (TypeError, ValueError) as exc:
            raise _TaskError(f"bad reference_date: {exc}", f"{where} (id {source_id})") from exc
    used = (key, options.id_field, "reference_date")
    fields = {name: value for name, value in record.items() if name not in used}
    return source_id, text, reference, fields


def jsonl_pieces(dispatch: Dispatch, fields: dict[str, Any] | None = None) -> list[str]:
    r"""
    Return the JSON line of ``dispatch`` in pieces, one per record.

    Joined, the pieces are ``json.dumps(dispatch.to_dict(), ensure_ascii=False)``
    and a newline.
    A huge dispatch is thus written without its whole dict in memory: each
    record is made into JSON on its own (and, written from this process, only
    as the writer takes it: see :class:`_Pieces`).

    >>> import json, newswire
    >>> d = newswire.parse('"Prices fell," he said.')
    >>> "".join(jsonl_pieces(d)) == json.dumps(d.to_dict(), ensure_ascii=False) + "\n"
    True
    """
    return list(_Pieces(dispatch, fields))


class _Pieces:
    """
    A huge dispatch's JSON line, made a record at a time as it is written.

    Written from the process that parsed it, each record becomes JSON only
    when the writer takes it, so the line is never whole in memory. Sent from
    a worker process (pickled), it goes as the list of its pieces.
    """

    __slots__ = ("dispatch", "fields")

    def __init__(self, dispatch: Dispatch, fields: dict[str, Any] | None) -> None:
        self.dispatch = dispatch
        self.fields = fields

    def __iter__(self) -> Iterator[str]:
        yield from _json_pieces(self.dispatch, self.fields)
        yield "\n"

    def __reduce__(self) -> tuple[type[list[str]], tuple[list[str]]]:
        return list, (list(self),)


# What a worker returns for a dispatch: the rendered output (one string, or
# the pieces of one JSON line) and its statement count.
_Rendered = str | list[str] | _Pieces
_Output = tuple[_Rendered, int]


def _render(dispatch: Dispatch, options: _Options, fields: dict[str, Any]) -> _Rendered:
    # Lone surrogates (from JSON input such as "\ud800") are written as \u
    # escapes when the output is encoded (errors="backslashreplace"): in a
    # JSON string that is the surrogate's own escape, so the record stays
    # whole and exact.
    if options.format == "summary":
        return escape(render_summary(dispatch), lines=True) + "\n"
    if options.format == "jsonl":
        # A huge dispatch is written in pieces, as Dispatch.iter_json makes
        # them: neither its whole dict nor its whole line is ever in memory.
        if len(dispatch.text) >= _PIECES_FROM:
            return _Pieces(dispatch, fields)
        data = dispatch.to_dict()
        if fields:
            data["fields"] = fields
        return _dumps(data) + "\n"
    data = dispatch.to_dict()
    if fields:
        data["fields"] = fields
    return json.dumps(data, ensure_ascii=False, indent=2)


def _stdin_text(task: _TextTask, options: _Options) -> str:
    if len(task.data) > options.max_bytes:
        raise _TaskError(_too_big(len(task.data), options.max_bytes), task.source_id)
    return _decode(task.data, task.source_id, options)


def _weight(task: _Task) -> int:
    # A task's size for chunking (see map_ordered): its bytes, where known
    # without reading; a file is stat'ed (what cannot be is the worker's to
    # report).
    if isinstance(task, (_TextTask, _LineTask)):
        return len(task.data)
    if isinstance(task, _FileTask):
        try:
            return os.stat(task.path).st_size  # noqa: PTH116 - str paths, as scandir gives
        except (OSError, ValueError):
            return 0
    return 0


def _work(task: _Task, options: _Options) -> _Output | DispatchError:
    # Runs in a worker: read, decode, parse and render one task.
    if isinstance(task, DispatchError):
        return task
    fields: dict[str, Any] = {}
    try:
        if isinstance(task, _FileTask):
            source_id = task.path
            text = _decode(_read_bytes(task.path, options.max_bytes), task.path, options)
            reference = options.reference_date
        elif isinstance(task, _TextTask):
            source_id = task.source_id
            text = _stdin_text(task, options)
            reference = options.reference_date
        else:
            source_id, text, reference, fields = _record(task, options)
    except _TaskError as exc:
        return DispatchError(exc.message, source_id=exc.where)
    dispatch = parse(text, reference_date=reference, source_id=source_id)
    return _render(dispatch, options, fields), len(dispatch.statements)


# -- expanding inputs into tasks (lazily) --------------------------------------


def _hidden(name: str) -> bool:
    return name.startswith(".")


class _Walker:
    """
    Sorted, lazy walks of folders; each folder is walked at most once.

    ``exclude`` holds ``(device, inode)`` of files never to yield (the output
    being written). A folder reached again through a symlink is reported
    once, and not walked again.
    """

    def __init__(
        self, pattern: str, *, hidden: bool, exclude: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        self.pattern = pattern
        self.hidden = hidden
        self.exclude = exclude
        self.seen: dict[tuple[int, int], str] = {}

    def walk(self, root: str) -> Iterator[str | DispatchError]:
        # Files of a folder first, then its subfolders, each in sorted order.
        stack = [root]
        while stack:
            folder = stack.pop()
            try:
                info = os.stat(folder)  # noqa: PTH116 - str paths, as scandir gives
            except OSError as exc:
                yield DispatchError(f"cannot read folder: {exc.strerror}", source_id=folder)
                continue
            key = (info.st_dev, info.st_ino)
            if key in self.seen:
                first = self.seen[key]
                yield DispatchError(
                    f"a symlink to a folder already walked ({first}); not walked again",
                    source_id=folder,
                )
                continue
            self.seen[key] = folder
            try:
                with os.scandir(folder) as scan:
                    entries = sorted(scan, key=lambda entry: entry.name)
            except OSError as exc:
                yield DispatchError(f"cannot read folder: {exc.strerror}", source_id=folder)
                continue
            subfolders = []
            for entry in entries:
                if not self.hidden and _hidden(entry.name):
                    continue
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    subfolders.append(entry.path)
                elif fnmatch.fnmatch(entry.name, self.pattern) and not self._excluded(
                    entry, info.st_dev
                ):
                    yield entry.path
            stack.extend(reversed(subfolders))

    def _excluded(self, entry: os.DirEntry[str], device: int) -> bool:
        if not self.exclude:
            return False
        try:
            return (device, entry.inode()) in self.exclude
        except OSError:
            return False


def _jsonl_tasks(path: str, handle: Iterable[bytes]) -> Iterator[_LineTask]:
    offset = 0
    for number, data in enumerate(handle, 1):
        if data.strip():
            yield _LineTask(path, number, offset, data)
        offset += len(data)


def _open_jsonl(path: str) -> Iterator[_Task]:
    # Regular files only (a FIFO named as JSON Lines would block forever).
    try:
        info = os.stat(path)  # noqa: PTH116 - str paths, as scandir gives
    except OSError as exc:
        message = _OPEN_ERRORS.get(exc.errno or 0) or exc.strerror or str(exc)
        yield DispatchError(message, source_id=path)
        return
    kind = _kind_of(info.st_mode)
    if kind is not None:
        reason = "is a directory, not a file" if kind == "a directory" else kind
        if kind != "a directory":
            reason = f"not a regular file ({kind}); skipped"
        yield DispatchError(reason, source_id=path)
        return
    try:
        handle = Path(path).open("rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        yield DispatchError(exc.strerror or str(exc), source_id=path)
        return
    with handle:
        yield from _jsonl_tasks(path, handle)


def _encoded_lines(stream: TextIO) -> Iterator[bytes]:
    for line in stream:
        yield line.encode("utf-8", "surrogatepass")


def _tasks(args: argparse.Namespace, stdin: Any, walker: _Walker) -> Iterator[_Task]:
    jsonl = args.input_format == "jsonl"
    for name in args.inputs:
        if name == "-":
            binary = getattr(stdin, "buffer", None)
            if jsonl:
                source = binary if binary is not None else _encoded_lines(stdin)
                yield from _jsonl_tasks("<stdin>", source)
            else:
                limit = args.max_bytes + 1
                data = (
                    binary.read(limit)
                    if binary is not None
                    else stdin.read(limit).encode("utf-8", "surrogatepass")
                )
                yield _TextTask("<stdin>", data)
            continue
        if Path(name).is_dir():
            found = False
            for file in walker.walk(name):
                found = True
                if isinstance(file, DispatchError):
                    yield file
                else:
                    yield from (_open_jsonl(file) if jsonl else [_FileTask(file)])
            if not found:
                yield DispatchError(f"no files matching {walker.pattern!r} here", source_id=name)
        elif jsonl:
            yield from _open_jsonl(name)
        else:
            yield _FileTask(name)


def _count_inputs(args: argparse.Namespace, walker: _Walker) -> int | None:
    # How many results the run will give, for the progress bar: files
    # walked, lines of JSON Lines files; None when stdin is an input.
    total = 0
    for name in args.inputs:
        if name == "-":
            return None
        if Path(name).is_dir():
            files = [f for f in walker.walk(name) if isinstance(f, str)]
        else:
            files = [name]
        if args.input_format != "jsonl":
            total += max(1, len(files))
            continue
        for file in files:
            try:
                with Path(file).open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:  # noqa: PERF203 - counted once, reported by the run
                total += 1
    return total


# -- writing -------------------------------------------------------------------


class _OutputError(Exception):
    """
    The output could not be written: reported with the records written (exit 3).
    """

    def __init__(self, name: str, reason: str, written: int) -> None:
        super().__init__(reason)
        self.name = name
        self.reason = reason
        self.written = written

    def __str__(self) -> str:
        records = f"{self.written:,} record{'' if self.written == 1 else 's'}"
        return f"{self.name}: cannot write: {self.reason}; {records} written whole before it"


class _FileSink:
    """
    An output file: a temporary file renamed into place at the end, or appended to.

    Records are buffered and written in blocks that end with a record; after a
    failed write the file is cut back to the end of the last whole record.
    """

    def __init__(self, path: Path, *, append: bool) -> None:
        self.path = path
        self.name = str(path)
        self.temp: str | None = None
        self.buffer: list[bytes] = []
        self.buffered = 0
        self.ends: collections.deque[tuple[int, int]] = collections.deque()
        self.written = 0  # records whole in the file
        self.failed = False
        regular = not path.exists() or path.is_file()
        try:
            if append or not regular:
                # A device or FIFO (-o /dev/null) is written as it is.
                flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0)
                flags |= os.O_APPEND if append and regular else 0
                self.fd = os.open(path, flags, 0o666)
            else:
                parent = path.parent
                self.fd, self.temp = tempfile.mkstemp(
                    prefix=f".{path.name}.", suffix=".part", dir=parent
                )
                umask = os.umask(0)
                os.umask(umask)
                with contextlib.suppress(OSError):
                    Path(self.temp).chmod(0o666 & ~umask)
        except OSError as exc:
            msg = f"{path}: cannot write: {exc.strerror or exc}"
            raise _UsageError(msg) from exc
        # The file's size after the last whole record, and after the last write.
        self.good = os.lseek(self.fd, 0, os.SEEK_END) if regular else 0
        self.position = self.good

    def identity(self) -> tuple[int, int] | None:
        # (device, inode) of the file being written, kept out of the walk.
        try:
            info = os.fstat(self.fd)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def write(self, text: _Rendered, records: int) -> None:
        # A record may span several blocks (a huge dispatch); ``ends`` keeps
        # where each record not yet wholly written ends, so that a failure
        # cuts the file back to the end of the last whole one.
        for piece in [text] if isinstance(text, str) else text:
            data = piece.encode("utf-8", "backslashreplace")
            self.buffer.append(data)
            self.buffered += len(data)
            if self.buffered >= _FLUSH_BYTES:
                self.flush()
        self.ends.append((self.position + self.buffered, records))
        if self.ends[-1][0] == self.position:  # an empty record is written at once
            self.flush()

    def flush(self) -> None:
        if self.failed:
            return
        block = b"".join(self.buffer)
        self.buffer = []
        self.buffered = 0
        view = memoryview(block)
        try:
            while view:
                done = os.write(self.fd, view)
                view = view[done:]
        except OSError as exc:
            self.failed = True
            # Cut the partial record off (a device or pipe cannot be cut).
            with contextlib.suppress(OSError):
                os.ftruncate(self.fd, self.good)
            self.close(keep=True)
            raise _OutputError(self.name, exc.strerror or str(exc), self.written) from exc
        self.position += len(block)
        while self.ends and self.ends[0][0] <= self.position:
            self.good, records = self.ends.popleft()
            self.written += records

    def close(self, *, keep: bool = True) -> None:
        # keep: put what was written in place (the records written are whole).
        if self.fd < 0:
            return
        with contextlib.suppress(OSError):
            os.fsync(self.fd)
        os.close(self.fd)
        self.fd = -1
        if self.temp is not None:
            if keep:
                try:
                    Path(self.temp).replace(self.path)
                except OSError as exc:
                    Path(self.temp).unlink(missing_ok=True)
                    raise _OutputError(self.name, exc.strerror or str(exc), 0) from exc
            else:
                with contextlib.suppress(OSError):
                    Path(self.temp).unlink()


class _StreamSink:
    """
    A text stream (stdout): written through, flushed at the end.

    On a terminal, the characters JSON leaves raw that a terminal may act on
    (C1 controls, line separators, bidirectional overrides) are written as
    ``\\u`` escapes: they only occur inside JSON strings, where the escape
    means the same character.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.name = "<stdout>"
        self.written = 0
        isatty = getattr(out, "isatty", None)
        self.table = _JSON_TERMINAL if isatty is not None and isatty() else None

    def write(self, text: _Rendered, records: int) -> None:
        try:
            for piece in [text] if isinstance(text, str) else text:
                self.out.write(piece if self.table is None else piece.translate(self.table))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(self.name, exc.strerror or str(exc), self.written) from exc
        self.written += records

    def flush(self) -> None:
        try:
            self.out.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(self.name, exc.strerror or str(exc), self.written) from exc

    def close(self, *, keep: bool = True) -> None:
        del keep
        self.flush()


_Sink = _FileSink | _StreamSink


class _Writer:
    """
    Write rendered records whole; frame ``json`` output as one value or an array.
    """

    def __init__(self, sink: _Sink, form: str) -> None:
        self.sink = sink
        self.form = form
        self.count = 0
        self.held: str | None = None

    def write(self, text: _Rendered) -> None:
        self.count += 1
        if not isinstance(text, str) or self.form != "json":
            self.sink.write(text, 1)
        elif self.count == 1:
            # One document is written as a bare object, several as an array:
            # hold the first until we know which.
            self.held = text
        else:
            if self.held is not None:
                self.sink.write("[\n" + self.held, 1)
                self.held = None
            self.sink.write(",\n" + text, 1)

    def close(self) -> None:
        if self.form == "json":
            if self.count == 0:
                self.sink.write("[]\n", 0)
            elif self.held is not None:
                self.sink.write(self.held + "\n", 1)
            else:
                self.sink.write("\n]\n", 0)
        self.sink.flush()


# -- progress ------------------------------------------------------------------


class _Progress:
    """
    A one-line progress display on stderr, shown only on a terminal.

    With a known ``total`` (set by a counting thread when folders are
    walked), a bar, the percentage and the time left are shown too.
    """

    def __init__(self, err: TextIO, *, enabled: bool) -> None:
        self.err = err
        self.enabled = enabled
        self.start = time.perf_counter()
        self.shown = 0.0
        self.documents = 0
        self.statements = 0
        self.errors = 0
        self.skipped = 0
        self.total: int | None = None

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def clear(self) -> None:
        if self.enabled and self.shown:
            self.err.write("\r\x1b[K")

    def line(self, now: float) -> str:
        done = self.documents + self.errors
        rate = done / max(now - self.start, 1e-9)
        tail = f"{rate:,.0f}/s · {_count(self.errors, 'error')}"
        total = self.total
        if total is None or total <= 0:
            return f"newswire: {_count(self.documents, 'document')} · {tail}"
        todo = max(total - self.skipped, 1)
        share = min(done / todo, 1.0)
        filled = int(share * 20)
        bar = "[" + "#" * filled + "." * (20 - filled) + "]"
        left = (todo - done) / rate if rate > 0 and done else None
        eta = "?" if left is None else _duration(max(left, 0.0))
        return f"newswire: {bar} {share:4.0%} {done:,}/{todo:,} · {tail} · ETA {eta}"

    def tick(self) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.shown < 0.2:
            return
        self.shown = now
        self.err.write(f"\r\x1b[K{self.line(now)}")
        self.err.flush()

    def summary(self, *, stopped: str | None) -> str:
        note = f" (interrupted by {stopped})" if stopped else ""
        skipped = f", {self.skipped:,} already done" if self.skipped else ""
        return (
            f"newswire: {_count(self.documents, 'document')}, "
            f"{_count(self.statements, 'statement')}, {_count(self.errors, 'error')}"
            f"{skipped} in {self.elapsed():.2f} s{note}\n"
        )


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


# -- signals -------------------------------------------------------------------


class _Stopped(KeyboardInterrupt):
    """
    A stopping signal arrived: the run ends as for Ctrl-C.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """
    SIGINT, SIGTERM and SIGHUP raise :class:`_Stopped`, but never inside a record's write.
    """

    def __init__(self) -> None:
        self.writing = False
        self.pending: int | None = None
        self.previous: dict[int, Any] = {}

    def handle(self, signum: int, frame: object) -> None:
        del frame
        if self.writing:
            self.pending = signum
            return
        raise _Stopped(signum)

    def install(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return  # signal handlers can only be set in the main thread
        for signum in _STOP_SIGNALS:
            try:
                self.previous[signum] = signal.signal(signum, self.handle)
            except (OSError, ValueError):  # noqa: PERF203 - a signal this platform lacks
                continue

    def restore(self) -> None:
        for signum, handler in self.previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(signum, handler)
        self.previous = {}

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending is not None:
            signum, self.pending = self.pending, None
            raise _Stopped(signum)


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


# -- the output and its checks -------------------------------------------------


class _UsageError(Exception):
    """
    A problem with the command line itself (exit status 2).
    """


def _inside(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives
        return False


def _check_output(args: argparse.Namespace, pattern: str) -> None:
    # The output must be neither an input nor a file the walk would take.
    target: Path = args.output
    if target.is_dir():
        msg = f"{target}: is a directory; -o takes a file name"
        raise _UsageError(msg)
    real = os.path.realpath(target)
    for name in args.inputs:
        if name == "-":
            continue
        if Path(name).is_dir():
            folder = os.path.realpath(name)
            if not _inside(real, folder):
                continue
            parts = Path(os.path.relpath(real, folder)).parts
            hidden = not args.hidden and any(_hidden(part) for part in parts)
            if fnmatch.fnmatch(parts[-1], pattern) and not hidden:
                msg = (
                    f"{target}: is inside {name}, which is walked for {pattern!r}, so the "
                    "output would be read as an input; write it elsewhere"
                )
                raise _UsageError(msg)
        elif os.path.realpath(name) == real or (
            target.exists() and Path(name).exists() and Path(name).samefile(target)
        ):
            msg = f"{target}: is also an input; write the output elsewhere"
            raise _UsageError(msg)


def _done_ids(path: Path) -> set[str]:
    # The ids already in an output (for --resume); a partial last line (a
    # run killed mid-write) is cut off so that appending starts on a fresh line.
    done: set[str] = set()
    if not path.exists():
        return done
    if not path.is_file():
        msg = f"{path}: --resume needs a regular file"
        raise _UsageError(msg)
    with path.open("rb+") as handle:
        good = 0
        for line in handle:
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                good += len(line)
                continue
            good += len(line)
            if isinstance(record, dict) and isinstance(record.get("source_id"), str):
                done.add(record["source_id"])
        handle.truncate(good)
    return done


def _cut_partial_line(path: Path) -> None:
    # --append: a partial last line (a run killed mid-write) is removed.
    if not path.is_file():
        return
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        # Find the last newline, reading backwards in blocks.
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            block = handle.read(end - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                handle.truncate(start + cut + 1)
                return
            end = start
        handle.truncate(0)


def _task_id(task: _Task, options: _Options) -> str | None:
    # The source_id a task's record will have (for --resume), None if unknown.
    if isinstance(task, _FileTask):
        return task.path
    if isinstance(task, _TextTask):
        return task.source_id
    if isinstance(task, _LineTask):
        try:
            record = _line_record(task, options)
        except _TaskError:
            return None
        return _line_id(task, record, options)
    return None


def _skipping(
    tasks: Iterable[_Task], done: set[str], options: _Options, progress: _Progress
) -> Iterator[_Task]:
    for task in tasks:
        if _task_id(task, options) in done:
            progress.skipped += 1
            continue
        yield task


# -- the command ---------------------------------------------------------------


def _is_batch(args: argparse.Namespace) -> bool:
    return (
        len(args.inputs) > 1
        or args.input_format == "jsonl"
        or args.output is not None
        or any(name != "-" and Path(name).is_dir() for name in args.inputs)
    )


def _check_arguments(args: argparse.Namespace, form: str) -> None:
    if (args.append or args.resume) and args.output is None:
        msg = "--append and --resume need -o FILE"
        raise _UsageError(msg)
    if (args.append or args.resume) and form != "jsonl":
        msg = "--append and --resume write JSON Lines only (--format jsonl)"
        raise _UsageError(msg)


def _note(err: TextIO, progress: _Progress, message: str) -> None:
    progress.clear()
    err.write(f"newswire: {escape(message)}\n")


def run(args: argparse.Namespace, out: TextIO | None, err: TextIO, stdin: Any) -> int:
    """
    Run ``newswire parse`` with parsed ``args``; return the exit status.
    """
    form = args.format or ("jsonl" if _is_batch(args) else "summary")
    jsonl = args.input_format == "jsonl"
    pattern = args.pattern or ("*.jsonl" if jsonl else "*.txt")
    try:
        _check_arguments(args, form)
        done: set[str] = set()
        if args.output is not None:
            _check_output(args, pattern)
            if args.resume:
                done = _done_ids(args.output)
            elif args.append:
                _cut_partial_line(args.output)
            sink: _Sink = _FileSink(args.output, append=args.append or args.resume)
        else:
            sink = _StreamSink(out if out is not None else _utf8_stdout())
    except _UsageError as exc:
        err.write(f"newswire: error: {escape(str(exc))}\n")
        return EXIT_USAGE
    identity = sink.identity() if isinstance(sink, _FileSink) else None
    walker = _Walker(pattern, hidden=args.hidden, exclude=frozenset([identity] if identity else []))
    options = _Options(
        format=form,
        encoding=args.encoding,
        encoding_errors=args.encoding_errors,
        reference_date=args.reference_date,
        max_bytes=args.max_bytes,
        text_field=args.text_field,
        id_field=args.id_field,
    )
    progress = _Progress(err, enabled=not args.quiet and err.isatty())
    if not jsonl:
        _note_json_lines(args.inputs, err)
    if progress.enabled:
        _start_counting(args, progress, pattern)
    tasks: Iterable[_Task] = _tasks(args, stdin, walker)
    if done:
        tasks = _skipping(tasks, done, options, progress)
    return _Run(args, options, sink, progress, err).stream(tasks)


# Names that say "one JSON record per line".
_JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


def _note_json_lines(inputs: list[str], err: TextIO) -> None:
    # A JSON Lines file named on the command line without --input-format
    # jsonl is parsed as one plain-text dispatch, as asked; said once, as it
    # is rarely what was meant (and a big one is then one huge dispatch).
    for name in inputs:
        if name.lower().endswith(_JSON_LINES_SUFFIXES) and Path(name).is_file():
            err.write(
                f"newswire: note: {escape(name)} is read as one plain-text dispatch; "
                "give --input-format jsonl to read one record per line\n"
            )
            return


def _start_counting(args: argparse.Namespace, progress: _Progress, pattern: str) -> None:
    if all(name != "-" and not Path(name).is_dir() for name in args.inputs) and (
        args.input_format != "jsonl"
    ):
        progress.total = len(args.inputs)
        return

    def count() -> None:
        with contextlib.suppress(Exception):
            progress.total = _count_inputs(args, _Walker(pattern, hidden=args.hidden))

    threading.Thread(target=count, name="newswire-count", daemon=True).start()


@attrs.define
class _Run:
    """
    One run of the command: where results come from and go to.
    """

    args: argparse.Namespace
    options: _Options
    sink: _Sink
    progress: _Progress
    err: TextIO
    signals: _Signals = attrs.Factory(_Signals)
    stopped: int | None = None
    failure: _OutputError | None = None

    def consume(self, results: Iterator[_Output | DispatchError], writer: _Writer) -> None:
        progress = self.progress
        for result in results:
            if isinstance(result, DispatchError):
                progress.errors += 1
                progress.clear()
                self.err.write(f"newswire: error: {escape(str(result))}\n")
            else:
                text, statements = result
                with self.signals.deferred():
                    writer.write(text)
                progress.documents += 1
                progress.statements += statements
            progress.tick()

    def finish(self, results: Iterator[_Output | DispatchError] | None, writer: _Writer) -> None:
        # Stop the workers, then write what is finished, whole.
        with self.signals.deferred():
            close = getattr(results, "close", None)
            if close is not None:
                close()
            self.progress.clear()
            if self.failure is None:
                try:
                    writer.close()
                    self.sink.close(keep=True)
                except _OutputError as exc:
                    self.failure = exc

    def stream(self, tasks: Iterable[_Task]) -> int:
        writer = _Writer(self.sink, self.options.format)
        self.signals.install()
        results: Iterator[_Output | DispatchError] | None = None
        try:
            try:
                results = map_ordered(
                    functools.partial(_work, options=self.options),
                    tasks,
                    label=_label,
                    workers=self.args.workers,
                    share=True,
                    notify=functools.partial(_note, self.err, self.progress),
                    weigh=_weight,
                )
                self.consume(results, writer)
            except _Stopped as exc:
                self.stopped = exc.signum
            except KeyboardInterrupt:
                self.stopped = signal.SIGINT
            except _OutputError as exc:
                self.failure = exc
            finally:
                self.finish(results, writer)
        except _Stopped as exc:  # a second signal while finishing
            self.stopped = self.stopped or exc.signum
        finally:
            self.signals.restore()
        return self.report()

    def report(self) -> int:
        if self.failure is not None:
            self.err.write(f"newswire: error: {escape(str(self.failure))}\n")
        if not self.args.quiet:
            name = None if self.stopped is None else _signal_name(self.stopped)
            self.err.write(self.progress.summary(stopped=name))
        if self.failure is not None:
            return EXIT_OUTPUT
        if self.stopped is not None:
            return 128 + self.stopped
        return EXIT_FAILED if self.progress.errors else EXIT_OK


def _utf8_stdout() -> TextIO:
    # JSON Lines are UTF-8 whatever the locale says.
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        # backslashreplace: a lone surrogate becomes its own JSON escape.
        reconfigure(encoding="utf-8", errors="backslashreplace")
    return stream
