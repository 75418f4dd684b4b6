# Batches. parse_many() streams: it pulls items from the caller's iterable only
# as fast as results are consumed, keeps at most a fixed window of chunks in
# flight, and yields results in input order. A failing item becomes a
# DispatchError in its place and the batch carries on; nothing ever builds a
# list of all inputs or all outputs, so memory stays bounded however long the
# input is.
#
# With workers > 1 the parsing runs in a process pool of workers - 1 processes
# and in this process, which parses whenever it would otherwise wait for the
# pool (receiving results costs it time too, so this balances the two). Only
# plain, picklable jobs (id, text, date) cross the process boundary; items are
# checked in this process first, so a malformed item never reaches (or breaks)
# a worker.
#
# The batch always carries on. A worker that dies (killed, out of memory, an
# item whose unpickling crashes it) breaks the pool: the pool is restarted,
# the chunk that broke it is run again alone and then, if it breaks it again,
# one item at a time, so the item that kills a worker is named and every other
# item still gives its result. A task that cannot be pickled is found the same
# way. When processes cannot run at all (the pool cannot start, or dies doing
# nothing), the rest of the batch is parsed in this process, said once. An
# exception from the caller's iterable is raised only after every result
# finished before it has been yielded. Workers never outlive this process: on
# Linux each asks the kernel to kill it when its parent (the forkserver) dies,
# and each watches the process that started its pool and ends when that one
# does (even by SIGKILL); the forkserver ends once its last client has. No
# worker holds this process's stdout open, so a pipeline downstream always
# sees its end.
"""
Parsing many dispatches, in order, optionally across processes.
"""

from __future__ import annotations

import collections
import contextlib
import copyreg
import ctypes

# Imported at run time (not only for type checking) so that
# typing.get_type_hints resolves the public annotations.
import datetime as dt
import functools
import gc
import io
import itertools
import multiprocessing
import os
import pickle
import select
import signal
import stat
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from newswire._dates import coerce_date
from newswire._model import SHARED_SOURCE_REDUCERS, Dispatch
from newswire._pipeline import parse
from newswire.errors import DispatchError

__all__ = [
    "Job",
    "bom_encoding",
    "decode_text",
    "job_weight",
    "map_ordered",
    "parse_many",
    "prepare_items",
    "quiet_collector",
]

R = TypeVar("R")
T = TypeVar("T")


# Chunks in flight per worker: enough to keep every worker busy while the
# results of the oldest chunk are consumed, few enough to bound memory.
_WINDOW_PER_WORKER = 4
_DEFAULT_CHUNKSIZE = 64
# A chunk also ends once its tasks weigh this much (characters of text, or
# bytes of a file), so that big dispatches go a few at a time: the work in
# flight stays bounded, and so does what is left to one process at the end.
_CHUNK_WEIGHT = 256 * 1024
# How long a killed worker may take to end before the pool is shut down.
_KILL_WAIT = 5.0
# prctl(2) option: the signal the kernel sends a process when its parent dies.
_PR_SET_PDEATHSIG = 1


@attrs.frozen
class Job:
    """
    One checked item, ready to parse: plain data that pickles cheaply.
    """

    source_id: str | None
    text: str
    reference_date: dt.date | None
    index: int = 0
    path: str | None = None  # a file to read where the job runs (text is then "")


def _item_error(index: int, item: object, message: str) -> DispatchError:
    source_id: str | None = None
    raw: object = None
    if isinstance(item, tuple) and item:
        raw = item[0]
    elif isinstance(item, dict):
        raw = item.get("id")
    if isinstance(raw, (str, int)) and not isinstance(raw, bool):
        source_id = _exact_str(raw)
    return DispatchError(message, source_id=source_id or f"<item {index}>")


def _exact_str(value: object) -> str:
    # A str subclass (or an int) becomes a plain str: a job must pickle in any
    # process, and a subclass defined in a function or a notebook does not.
    return str.__str__(value) if isinstance(value, str) else str(value)


_ITEM_FORMS = (
    "an item must be a str, a Path, (id, text), (id, text, reference_date) or "
    '{"id": ..., "text": ..., "reference_date": ...}'
)


def _prepare(index: int, item: object, default_date: dt.date | None) -> Job | DispatchError:
    if isinstance(item, str):
        return Job(None, _exact_str(item), default_date, index)
    if isinstance(item, os.PathLike):
        name = os.fsdecode(item)
        return Job(name, "", default_date, index, path=name)
    if isinstance(item, dict):
        if "text" not in item:
            return _item_error(index, item, 'no "text" key')
        values: tuple[Any, ...] = (item.get("id"), item["text"], item.get("reference_date"))
    elif isinstance(item, (tuple, list)) and len(item) in (2, 3):
        values = tuple(item)
    else:
        return _item_error(index, item, f"{_ITEM_FORMS}, not {type(item).__name__}")
    source_id, text = values[0], values[1]
    if source_id is not None:
        source_id = _exact_str(source_id)
    if not isinstance(text, str):
        hint = ": decode it first" if isinstance(text, (bytes, bytearray)) else ""
        return _item_error(index, values, f"text must be a str, not {type(text).__name__}{hint}")
    reference = default_date
    if len(values) == 3 and values[2] is not None:
        try:
            reference = coerce_date(values[2])
        except (TypeError, ValueError) as exc:
            return _item_error(index, values, f"bad reference_date: {exc}")
    return Job(source_id, _exact_str(text), reference, index)


def prepare_items(
    items: Iterable[object], reference_date: dt.date | None = None
) -> Iterator[Job | DispatchError]:
    """
    Check each item lazily; yield a :class:`Job`, or the error that replaces it.
    """
    for index, item in enumerate(items):
        yield _prepare(index, item, reference_date)


def _read_job(path: str) -> str | DispatchError:
    # Opened without blocking and checked to be a regular file first: a FIFO
    # or a device must not hang or flood the batch.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return DispatchError(f"cannot read: {exc.strerror or exc}", source_id=path)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return DispatchError("not a regular file; not read", source_id=path)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError as exc:
        return DispatchError(f"cannot read: {exc.strerror or exc}", source_id=path)
    finally:
        os.close(fd)
    try:
        return decode_text(data)
    except UnicodeDecodeError as exc:
        return DispatchError(f"not UTF-8 at byte offset {exc.start}: {exc.reason}", source_id=path)


# Byte-order marks, longest first (the UTF-32 LE mark starts with UTF-16 LE's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """
    Return the encoding a byte-order mark at the start of ``data`` names, and its length.

    >>> bom_encoding("x".encode("utf-16"))
    ('utf-16-le', 2)
    >>> bom_encoding(b"plain") is None
    True
    """
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def decode_text(data: bytes, encoding: str = "utf-8", errors: str = "strict") -> str:
    """
    Decode a file's bytes: a byte-order mark (UTF-8, UTF-16, UTF-32) wins, then ``encoding``.

    The mark itself is not part of the text.

    >>> decode_text("Läuft".encode("utf-16"))
    'Läuft'
    """
    found = bom_encoding(data)
    if found is not None:
        encoding, skip = found
        return data[skip:].decode(encoding, errors)
    return data.decode(encoding, errors)


def _parse_job(job: Job | DispatchError) -> Dispatch | DispatchError:
    if isinstance(job, DispatchError):
        return job
    text = job.text
    if job.path is not None:
        read = _read_job(job.path)
        if isinstance(read, DispatchError):
            return read
        text = read
    return parse(text, reference_date=job.reference_date, source_id=job.source_id)


def _parse_job_dict(job: Job | DispatchError) -> dict[str, Any] | DispatchError:
    # The worker serialises: a plain dict unpickles in C, with no record to
    # rebuild in the calling process.
    result = _parse_job(job)
    return result if isinstance(result, DispatchError) else result.to_dict()


def job_weight(job: Job | DispatchError) -> int:
    """
    Return a job's size for chunking: its text's length, or its file's size in bytes.

    >>> job_weight(Job(None, "It shook.", None))
    9
    """
    if isinstance(job, DispatchError):
        return 0
    if job.path is None:
        return len(job.text)
    try:
        return os.stat(job.path).st_size  # noqa: PTH116 - str paths, as the jobs hold
    except (OSError, ValueError):
        return 0  # the worker reports what is wrong with it


def _label_job(job: Job | DispatchError) -> str:
    if isinstance(job, DispatchError):
        return job.source_id or "<string>"
    return job.source_id or f"<item {job.index}>"


def _guarded(
    task: T, func: Callable[[T], R | DispatchError], label: Callable[[T], str]
) -> R | DispatchError:
    try:
        return func(task)
    except Exception as exc:  # noqa: BLE001 - one bad item must never abort a batch
        error = DispatchError(f"parsing failed: {type(exc).__name__}: {exc}", source_id=label(task))
        error.__cause__ = exc
        return error


def _run_chunk(
    chunk: list[T], func: Callable[[T], R | DispatchError], label: Callable[[T], str]
) -> list[R | DispatchError]:
    return [_guarded(task, func, label) for task in chunk]


def _run_chunk_pickled(
    chunk: list[T], func: Callable[[T], R | DispatchError], label: Callable[[T], str]
) -> bytes:
    # In a worker: the results go back pickled here, with the records'
    # shared-source reductions, so that the calling process unpickles them
    # itself (_received), not the pool's manager thread.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _RESULT_REDUCERS
    pickler.dump(_run_chunk(chunk, func, label))
    return buffer.getvalue()


# What a worker pickles results with: copyreg's table, and a dispatch's
# paragraphs and statement contents as spans over its text, which goes once.
_RESULT_REDUCERS = {**copyreg.dispatch_table, **SHARED_SOURCE_REDUCERS}


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    # In the calling process, around unpickling a chunk's results: records
    # come by the thousand and hold no cycles, and the caller's collector (by
    # default a scan every 700 allocations, and of the whole heap, results in
    # flight included, every 100 scans) cost more than the unpickling itself.
    # Allocations still count, so the collector runs right after if it is
    # due; the caller's settings are left as they were.
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _received(results: list[R | DispatchError] | bytes) -> list[R | DispatchError]:
    # A chunk's results, unpickled in this process (see _collector_paused).
    if not isinstance(results, bytes):
        return results
    with _collector_paused():
        loaded: list[R | DispatchError] = pickle.loads(results)  # noqa: S301 - our own workers
    return loaded


def quiet_collector() -> None:
    """
    Tune the cyclic garbage collector for a process that only parses.

    A parse builds no reference cycles (its records are trees), so the
    collector finds nothing to free; yet it scans the young objects every
    700 allocations and, as a huge dispatch grows the heap, the whole heap
    again and again. What is alive now (modules, lexicons, patterns) is
    frozen out of its scans, and young objects are scanned 100 times less
    often. Called by the ``newswire`` command and in ``parse_many``'s
    workers, processes of our own; never by :func:`newswire.parse`, whose
    caller's collector is the caller's.
    """
    gc.freeze()
    gc.set_threshold(_YOUNG_THRESHOLD, 50, 100)


# Allocations between scans of the young objects (CPython's default: 700).
_YOUNG_THRESHOLD = 70_000


def _start_worker(batch_pid: int | None = None) -> None:
    # Runs first in every worker process; batch_pid is the process that
    # started the pool.
    # Ctrl-C reaches the whole process group; only the parent decides what to
    # do with it (stop handing out work, flush what is done).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A worker never writes to stdout: let go of it, so that a reader of the
    # parent's output (``newswire parse ... | wc -l``) sees its end as soon
    # as the parent is done, whatever the workers are doing.
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    _die_with_parent()
    quiet_collector()
    if batch_pid is not None:
        threading.Thread(
            target=_watch, args=(batch_pid,), name="newswire-watch", daemon=True
        ).start()


def _watch(pid: int) -> None:
    # Ends this worker when the process that started its pool ends. A worker
    # waiting for work never sees the end of its queue (every worker holds
    # the queue's write end too), and it keeps the forkserver alive (each
    # holds the forkserver's liveness pipe), so without this a batch killed
    # by SIGKILL leaves its workers and forkserver running for ever.
    try:
        handle = os.pidfd_open(pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):
        handle = None
    if handle is not None:
        select.select([handle], [], [])  # readable once the process has ended
        os._exit(1)
    while True:  # no pidfd (not Linux 5.3+): look once a second
        time.sleep(1.0)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            os._exit(1)
        except OSError:
            continue


def _die_with_parent() -> None:
    # Linux: the kernel kills this process when its parent dies. The parent
    # of a worker is the forkserver, which ends when the batch's process
    # ends (even by SIGKILL), so no worker outlives the batch.
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _context() -> Any:
    # forkserver where the platform has it: forking a parent that may run
    # threads (a notebook, a web server) is unsafe, and spawn is slower.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The forkserver imports the parser once; each worker forked from it
    # then starts at once (a restart after a crash too) instead of
    # importing newswire anew.
    context.set_forkserver_preload(["newswire._batch"])
    return context


class _CannotStartError(Exception):
    """
    Worker processes cannot run here: the batch goes on in this process.
    """


class _Pool(Generic[T, R]):
    """
    A process pool that runs chunks of tasks; restartable after a crash.
    """

    def __init__(
        self, workers: int, func: Callable[[T], R | DispatchError], label: Callable[[T], str]
    ) -> None:
        self.workers = workers
        self.label = label
        self.run = functools.partial(_run_chunk_pickled, func=func, label=label)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        try:
            return ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_context(),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        except (OSError, ImportError, NotImplementedError, ValueError) as exc:
            # No semaphores (some sandboxes), no start method, ...
            msg = f"{type(exc).__name__}: {exc}"
            raise _CannotStartError(msg) from exc

    def submit(self, chunk: list[T]) -> Future[list[R | DispatchError] | bytes]:
        # A pool found broken at submit time gives a failed future, handled
        # like one that broke while running: one code path for both. So does
        # a process that cannot be started (fork failing, for one).
        try:
            return self.executor.submit(self.run, chunk)
        except (BrokenProcessPool, OSError, RuntimeError) as exc:
            failed: Future[list[R | DispatchError] | bytes] = Future()
            error = exc if isinstance(exc, BrokenProcessPool) else BrokenProcessPool(str(exc))
            failed.set_exception(error)
            return failed

    def works(self) -> bool:
        # Whether a fresh pool runs an empty chunk: when it does not, no item
        # is to blame and processes cannot run here.
        self.restart()
        try:
            self.submit([]).result()
        except BrokenProcessPool:
            return False
        return True

    def retry_alone(self, chunk: list[T]) -> list[R | DispatchError]:
        # After a crash: run the chunk alone in a fresh pool, which tells a
        # victim of another chunk's crash from the culprit; run the culprit's
        # chunk one task at a time, which finds the task.
        self.restart()
        try:
            return _received(self.submit(chunk).result())
        except BrokenProcessPool:
            if not self.works():
                raise _CannotStartError("worker processes die before doing any work") from None
        return self.one_by_one(chunk)

    def one_by_one(self, chunk: list[T]) -> list[R | DispatchError]:
        # Each task alone: the one that cannot be pickled or that kills its
        # worker is named; every other task still gives its own result.
        results: list[R | DispatchError] = []
        for task in chunk:
            try:
                pickle.dumps(task)
            except Exception as exc:  # noqa: BLE001 - whatever pickling raises
                results.append(_unsendable(task, exc, self.label))
                continue
            try:
                results.extend(_received(self.submit([task]).result()))
            except BrokenProcessPool:
                self.restart()
                message = "worker process died while parsing this item"
                results.append(DispatchError(message, source_id=self.label(task)))
            except Exception as exc:  # noqa: BLE001 - the result could not be sent back
                results.append(_unsendable(task, exc, self.label))
        return results

    def restart(self) -> None:
        # Only a broken pool is restarted. Its manager thread ends the
        # workers it knows of, but a submit that raced with the crash may
        # have started one more after that (CPython 3.11 checks and sets the
        # broken flag without a common lock), which waits for work forever
        # and hangs the manager thread's join, and so interpreter exit.
        # Once the pool reports broken no process can be added, so killing
        # every process it holds leaves nothing to wait for. (_processes is
        # private; Python 3.14's kill_workers() is the public form.)
        self.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def kill(self) -> None:
        # A worker killed while it writes a result leaves half a message in
        # the result pipe, and the manager thread then waits for the rest for
        # ever (and so does shutdown(wait=True), and interpreter exit). Once
        # the killed workers are gone, closing this process's own copy of the
        # pipe's write end leaves no writer: the manager reads an end of file,
        # takes the pool as broken and ends. (_processes and _result_queue are
        # private; nothing else holds the write end.)
        processes: dict[int, Any] = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                process.kill()
        for process in list(processes.values()):
            with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
                process.join(_KILL_WAIT)
        queue = getattr(self.executor, "_result_queue", None)
        writer = getattr(queue, "_writer", None)
        if processes and writer is not None:
            with contextlib.suppress(OSError):
                writer.close()

    def close(self, *, wait: bool) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _unsendable(task: object, exc: BaseException, label: Callable[[Any], str]) -> DispatchError:
    message = f"cannot be sent to or from a worker process: {type(exc).__name__}: {exc}"
    error = DispatchError(message, source_id=_safe_label(task, label))
    error.__cause__ = exc
    return error


def _safe_label(task: object, label: Callable[[Any], str]) -> str:
    try:
        return _exact_str(label(task))
    except Exception:  # noqa: BLE001 - a label is only for the message
        return "<unlabelled item>"


class _Chunks(Generic[T]):
    """
    The tasks in chunks, read lazily; an exception from the tasks is kept for later.

    The chunk being filled when the tasks raise is still given out, and the
    exception is kept in ``error``, to be raised once every earlier result
    has been yielded.
    """

    def __init__(
        self, tasks: Iterable[T], size: int, weigh: Callable[[T], int] | None = None
    ) -> None:
        self.iterator = iter(tasks)
        self.size = size
        self.weigh = weigh
        self.done = False
        self.error: Exception | None = None

    def next(self) -> list[T] | None:
        if self.done:
            return None
        chunk: list[T] = []
        weigh = self.weigh
        weight = 0
        try:
            for task in self.iterator:
                chunk.append(task)
                if weigh is not None:
                    weight += weigh(task)
                if len(chunk) == self.size or weight >= _CHUNK_WEIGHT:
                    return chunk
        except Exception as exc:  # noqa: BLE001 - raised again after the results
            self.error = exc
        self.done = True
        return chunk or None


# One chunk on its way: (tasks, results to come, whether this process runs it).
_Entry = tuple[list[T], "Future[list[R | DispatchError] | bytes]", bool]


def _finished(results: list[R | DispatchError]) -> Future[list[R | DispatchError] | bytes]:
    future: Future[list[R | DispatchError] | bytes] = Future()
    future.set_result(results)
    return future


def _succeeded(future: Future[Any]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _Ordered(Generic[T, R]):
    """
    The chunks of one parallel batch, in input order, from the pool or from this process.

    The pool holds at most ``4`` chunks per process. With ``share``, the pool
    has ``workers - 1`` processes and this process is the last worker: while
    the oldest chunk is not back, it runs the next chunk itself, holding its
    results until their turn. Its share thus balances against the time it
    spends receiving the pool's results. The pool gets work only once it has
    started (its empty warm-up chunks came back): until then this process
    works alone, so the pool's start-up costs no time. ``pending`` holds at
    most ``4 * workers`` chunks, ``8 * workers`` with ``share``. When worker
    processes cannot run, ``pool`` is None and every chunk runs here.
    """

    def __init__(
        self,
        func: Callable[[T], R | DispatchError],
        tasks: Iterable[T],
        label: Callable[[T], str],
        workers: int,
        chunksize: int,
        *,
        share: bool,
        notify: Callable[[str], None],
        weigh: Callable[[T], int] | None = None,
    ) -> None:
        self.func = func
        self.label = label
        self.share = share
        self.notify = notify
        processes = workers - 1 if share else workers
        self.pool: _Pool[T, R] | None = None
        try:
            self.pool = _Pool(processes, func, label)
        except _CannotStartError as exc:
            self.give_up(str(exc))
        self.warming = (
            [self.pool.submit([]) for _ in range(processes)]
            if share and self.pool is not None
            else []
        )
        self.chunks = _Chunks(tasks, chunksize, weigh)
        self.pending: collections.deque[_Entry[T, R]] = collections.deque()
        self.pool_window = processes * _WINDOW_PER_WORKER
        self.window = (2 if share else 1) * workers * _WINDOW_PER_WORKER
        self.in_pool = 0  # chunks in pending that the pool runs

    def give_up(self, reason: str) -> None:
        # Said once: the batch goes on in this process.
        if self.pool is not None:
            self.pool.kill()
            self.pool.close(wait=False)
            self.pool = None
        self.notify(f"worker processes cannot run here ({reason}); parsing in this process")

    @property
    def finished(self) -> bool:
        return self.chunks.done

    def run_here(self, chunk: list[T]) -> list[R | DispatchError]:
        return _run_chunk(chunk, self.func, self.label)

    def feed(self) -> None:
        if self.pool is None:
            return
        if self.warming and all(future.done() for future in self.warming):
            self.warming = []
        while not self.warming and self.in_pool < self.pool_window and self.has_room():
            chunk = self.chunks.next()
            if chunk is None:
                return
            self.pending.append((chunk, self.pool.submit(chunk), False))
            self.in_pool += 1

    def has_room(self) -> bool:
        return not self.finished and len(self.pending) < self.window

    def work_here(self) -> bool:
        # Whether this process ran the next chunk instead of waiting for the
        # oldest. (It never takes back a chunk queued for the pool: a
        # cancelled future breaks ProcessPoolExecutor if a worker then dies.)
        if self.pool is not None and (
            not self.share or (self.pending and self.pending[0][1].done())
        ):
            return False
        if not self.has_room():
            return False
        chunk = self.chunks.next()
        if chunk is not None:
            self.pending.append((chunk, _finished(self.run_here(chunk)), True))
        return True

    def oldest(self) -> list[R | DispatchError]:
        # Wait for the oldest chunk's results.
        chunk, future, here = self.pending.popleft()
        if here:
            return _received(future.result())
        self.in_pool -= 1
        if self.pool is None:
            return self.run_here(chunk)
        try:
            return _received(future.result())
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in C code) and
            # took the pool with it: retry this chunk alone (and one task at
            # a time if it breaks the pool again), then resubmit what the
            # pool had not finished to the fresh pool.
            try:
                results = self.pool.retry_alone(chunk)
            except _CannotStartError as exc:
                self.give_up(str(exc))
                return self.run_here(chunk)
            pool = self.pool
            self.pending = collections.deque(
                (c, f if h or _succeeded(f) else pool.submit(c), h) for c, f, h in self.pending
            )
            return results
        except Exception:  # noqa: BLE001 - a task or a result that does not pickle
            return self.pool.one_by_one(chunk)

    def close(self) -> None:
        if self.pool is None:
            return
        if self.finished and not self.pending:
            self.pool.close(wait=True)
            return
        # Stopped early (a signal, the consumer gone): the work in flight is
        # dropped, so the workers are ended now rather than after it.
        self.pool.kill()
        self.pool.close(wait=True)


def _map_parallel(
    func: Callable[[T], R | DispatchError],
    tasks: Iterable[T],
    label: Callable[[T], str],
    workers: int,
    chunksize: int,
    *,
    share: bool,
    notify: Callable[[str], None],
    weigh: Callable[[T], int] | None,
) -> Iterator[R | DispatchError]:
    batch = _Ordered(
        func, tasks, label, workers, chunksize, share=share, notify=notify, weigh=weigh
    )
    try:
        while True:
            batch.feed()
            if batch.work_here():
                continue
            if not batch.pending:
                break
            yield from batch.oldest()
    finally:
        # Reached on exhaustion, on an error, and when the consumer stops
        # early (generator close, Ctrl-C): queued work is dropped.
        batch.close()
    if batch.chunks.error is not None:
        raise batch.chunks.error


def _warn(message: str) -> None:
    warnings.warn(f"newswire: {message}", RuntimeWarning, stacklevel=4)


def map_ordered(
    func: Callable[[T], R | DispatchError],
    tasks: Iterable[T],
    *,
    label: Callable[[T], str],
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
    share: bool = False,
    notify: Callable[[str], None] = _warn,
    weigh: Callable[[T], int] | None = None,
) -> Iterator[R | DispatchError]:
    """
    Yield ``func(task)`` for each task, in order, lazily, in up to ``workers`` processes.

    An exception from ``func`` becomes a :class:`DispatchError` whose
    ``source_id`` is ``label(task)``; so does a worker process dying while
    running that task, and a task that cannot be pickled. When worker
    processes cannot run at all, ``notify`` is called once with the reason
    (by default a :class:`RuntimeWarning`) and the rest runs in this
    process. An exception from ``tasks`` is raised after every result
    before it. ``func``
    runs in the worker processes when ``workers > 1``, so it and the tasks
    must pickle: a module-level function or a :func:`functools.partial` of
    one. At most ``4 * workers`` chunks of ``chunksize`` tasks are in flight
    (``8 * workers`` with ``share``); with ``weigh`` (a task's size, in
    characters or bytes), a chunk also ends once its tasks weigh 256 K.

    With ``share``, this process is one of the ``workers``: it runs chunks
    itself while it waits for the ``workers - 1`` in the pool (so a task that
    kills its process, rather than raising, kills this one if it runs here).
    """
    if workers <= 1:
        return itertools.chain.from_iterable(_run_chunk([task], func, label) for task in tasks)
    return _map_parallel(
        func, tasks, label, workers, chunksize, share=share, notify=notify, weigh=weigh
    )


def _check_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        msg = f"{name} must be a bool, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _check_count(name: str, value: object, *, least: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, not {type(value).__name__}"
        raise TypeError(msg)
    if value < least:
        msg = f"{name} must be at least {least}, not {value}"
        raise ValueError(msg)
    return value


_Items = Iterable[str | os.PathLike[str] | tuple[Any, ...] | dict[str, Any]]


@overload
def parse_many(
    items: _Items,
    *,
    workers: int | None = ...,
    chunksize: int = ...,
    reference_date: dt.date | dt.datetime | str | None = ...,
    as_dict: Literal[False] = ...,
) -> Iterator[Dispatch | DispatchError]: ...


@overload
def parse_many(
    items: _Items,
    *,
    workers: int | None = ...,
    chunksize: int = ...,
    reference_date: dt.date | dt.datetime | str | None = ...,
    as_dict: Literal[True],
) -> Iterator[dict[str, Any] | DispatchError]: ...


@overload
def parse_many(
    items: _Items,
    *,
    workers: int | None = ...,
    chunksize: int = ...,
    reference_date: dt.date | dt.datetime | str | None = ...,
    as_dict: bool,
) -> Iterator[Dispatch | DispatchError] | Iterator[dict[str, Any] | DispatchError]: ...


def parse_many(
    items: _Items,
    *,
    workers: int | None = None,
    chunksize: int = _DEFAULT_CHUNKSIZE,
    reference_date: dt.date | dt.datetime | str | None = None,
    as_dict: bool = False,
) -> Iterator[Dispatch | DispatchError] | Iterator[dict[str, Any] | DispatchError]:
    """
    Parse many dispatches lazily, yielding one result per item in input order.

    Each item is a text; a :class:`~pathlib.Path` to a UTF-8 file (read where
    it is parsed; a UTF-16 or UTF-32 byte-order mark is honoured; the path
    becomes the ``source_id``); an ``(id, text)`` pair or an ``(id, text,
    reference_date)`` triple; or a dict ``{"id": ..., "text": ...,
    "reference_date": ...}`` as the command line reads from JSON Lines (only
    ``text`` is required). The id becomes the dispatch's ``source_id``. An
    item that cannot be parsed (not a str, a bad date, a failure inside the
    parser, an item that cannot be sent to a worker process or that kills
    it) yields a :class:`~newswire.errors.DispatchError` carrying the id as
    ``source_id`` (``<item N>`` for a bare text) in its place; the batch
    always carries on. When worker processes cannot run here at all, a
    :class:`RuntimeWarning` says so once and the batch is parsed in this
    process. An exception raised by ``items`` itself is raised again once
    every result before it has been yielded.

    Items are read only as results are consumed, and memory stays bounded
    however long the input is.

    Args:
        items: any iterable, including a generator over a huge file.
        workers: ``None`` or 1 parses in this process; ``N > 1`` parses in N
            processes, this one and a pool of N - 1 (run it under
            ``if __name__ == "__main__":`` in scripts, as for any process
            pool); 0 means one per CPU, as ``--workers 0`` does.
        chunksize: how many items a worker receives at a time, at most (a
            chunk also ends once its texts reach 256 K characters, so big
            dispatches go a few at a time). At most ``8 * workers`` chunks
            are in flight.
        reference_date: the reference date for items that give none.
        as_dict: yield each dispatch as :meth:`Dispatch.to_dict
            <newswire.Dispatch.to_dict>` gives it, made in the worker, for
            callers that write JSON or build data frames: the calling process
            then makes no ``to_dict()`` of its own (``benchmarks/throughput.py``
            measures both).

    Returns:
        An iterator of :class:`~newswire.Dispatch` (or, with ``as_dict``,
        its dict) or :class:`~newswire.errors.DispatchError`, one per item.

    Raises:
        TypeError: when ``workers`` or ``chunksize`` is not an int,
            ``as_dict`` is not a bool, or ``reference_date`` has the wrong
            type.
        ValueError: when ``workers`` is negative, ``chunksize`` is below 1,
            or ``reference_date`` is not an ISO date.

    >>> results = parse_many(["TOKYO (Kyodo) -- It shook.", ("r-2", b"bytes")])
    >>> [type(r).__name__ for r in results]
    ['Dispatch', 'DispatchError']
    >>> print(list(parse_many([("r-2", b"bytes")]))[0])
    r-2: text must be a str, not bytes: decode it first
    >>> [r.source_id for r in parse_many([{"id": "k-1", "text": "TOKYO (Kyodo) -- It shook."}])]
    ['k-1']
    >>> [r["dateline"]["place"] for r in parse_many(["TOKYO (Kyodo) -- It shook."], as_dict=True)]
    ['TOKYO']
    >>> parse_many([], workers=-1)
    Traceback (most recent call last):
      ...
    ValueError: workers must be at least 0, not -1

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       Paths and dicts as items; ``workers=0``; an item that breaks a worker
       is named and the batch always carries on; ``as_dict``.
    """
    count = 1 if workers is None else _check_count("workers", workers, least=0)
    count = count or os.cpu_count() or 1
    _check_count("chunksize", chunksize)
    default_date = coerce_date(reference_date)
    job: Callable[[Job | DispatchError], Any] = (
        _parse_job_dict if _check_flag("as_dict", as_dict) else _parse_job
    )
    return map_ordered(
        job,
        prepare_items(items, default_date),
        label=_label_job,
        workers=count,
        chunksize=chunksize,
        share=True,
        weigh=job_weight,
    )
