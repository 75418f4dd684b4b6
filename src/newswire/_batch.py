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
"""
Parsing many dispatches, in order, optionally across processes.
"""

from __future__ import annotations

import collections
import functools
import itertools
import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from newswire._dates import coerce_date
from newswire._pipeline import parse
from newswire.errors import DispatchError, NewswireError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable, Iterator

    from newswire._model import Dispatch

__all__ = ["Job", "map_ordered", "parse_many", "prepare_items"]

R = TypeVar("R")
T = TypeVar("T")


# Chunks in flight per worker: enough to keep every worker busy while the
# results of the oldest chunk are consumed, few enough to bound memory.
_WINDOW_PER_WORKER = 4
_DEFAULT_CHUNKSIZE = 16
# Chunks in a row whose worker died even when run alone: past this, processes
# cannot run here at all (not one bad item), and the batch stops with an error.
_MAX_CRASHES = 3


@attrs.frozen
class Job:
    """
    One checked item, ready to parse: plain data that pickles cheaply.
    """

    source_id: str | None
    text: str
    reference_date: dt.date | None
    index: int = 0


def _item_error(index: int, item: object, message: str) -> DispatchError:
    source_id: str | None = None
    if isinstance(item, tuple) and item and isinstance(item[0], (str, int)):
        source_id = str(item[0])
    return DispatchError(message, source_id=source_id or f"<item {index}>")


def _prepare(index: int, item: object, default_date: dt.date | None) -> Job | DispatchError:
    if isinstance(item, str):
        return Job(None, item, default_date, index)
    if not isinstance(item, (tuple, list)) or len(item) not in (2, 3):
        return _item_error(
            index,
            item,
            f"an item must be a str, (id, text) or (id, text, reference_date), "
            f"not {type(item).__name__}",
        )
    source_id, text = item[0], item[1]
    if source_id is not None and not isinstance(source_id, str):
        source_id = str(source_id)
    if not isinstance(text, str):
        hint = ": decode it first" if isinstance(text, (bytes, bytearray)) else ""
        return _item_error(
            index, tuple(item), f"text must be a str, not {type(text).__name__}{hint}"
        )
    reference = default_date
    if len(item) == 3 and item[2] is not None:
        try:
            reference = coerce_date(item[2])
        except (TypeError, ValueError) as exc:
            return _item_error(index, tuple(item), f"bad reference_date: {exc}")
    return Job(source_id, text, reference, index)


def prepare_items(
    items: Iterable[object], reference_date: dt.date | None = None
) -> Iterator[Job | DispatchError]:
    """
    Check each item lazily; yield a :class:`Job`, or the error that replaces it.
    """
    for index, item in enumerate(items):
        yield _prepare(index, item, reference_date)


def _parse_job(job: Job | DispatchError) -> Dispatch | DispatchError:
    if isinstance(job, DispatchError):
        return job
    return parse(job.text, reference_date=job.reference_date, source_id=job.source_id)


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


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group; only the parent decides what to
    # do with it (stop handing out work, flush what is done).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> Any:
    # forkserver where the platform has it: forking a parent that may run
    # threads (a notebook, a web server) is unsafe, and spawn is slower.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Pool(Generic[T, R]):
    """
    A process pool that runs chunks of tasks; restartable after a crash.
    """

    def __init__(
        self, workers: int, func: Callable[[T], R | DispatchError], label: Callable[[T], str]
    ) -> None:
        self.workers = workers
        self.run = functools.partial(_run_chunk, func=func, label=label)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=_context(), initializer=_ignore_sigint
        )

    def submit(self, chunk: list[T]) -> Future[list[R | DispatchError]]:
        # A pool found broken at submit time gives a failed future, handled
        # like one that broke while running: one code path for both.
        try:
            return self.executor.submit(self.run, chunk)
        except BrokenProcessPool as exc:
            failed: Future[list[R | DispatchError]] = Future()
            failed.set_exception(exc)
            return failed

    def retry_alone(
        self, chunk: list[T], label: Callable[[T], str]
    ) -> tuple[list[R | DispatchError], bool]:
        # After a crash: run the chunk alone in a fresh pool, which tells a
        # victim of another chunk's crash from the culprit. Returns the
        # results and whether the chunk ran.
        self.restart()
        try:
            return self.submit(chunk).result(), True
        except BrokenProcessPool as exc:
            self.restart()
            message = f"worker process died: {exc}"
            return [DispatchError(message, source_id=label(task)) for task in chunk], False

    def restart(self) -> None:
        # Only a broken pool is restarted. Its manager thread ends the
        # workers it knows of, but a submit that raced with the crash may
        # have started one more after that (CPython 3.11 checks and sets the
        # broken flag without a common lock), which waits for work forever
        # and hangs the manager thread's join, and so interpreter exit.
        # Once the pool reports broken no process can be added, so killing
        # every process it holds leaves nothing to wait for. (_processes is
        # private; Python 3.14's kill_workers() is the public form.)
        processes: dict[int, Any] = getattr(self.executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.kill()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self, *, wait: bool) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _chunked(tasks: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# One chunk on its way: (tasks, results to come, whether this process runs it).
_Entry = tuple[list[T], "Future[list[R | DispatchError]]", bool]


def _finished(results: list[R | DispatchError]) -> Future[list[R | DispatchError]]:
    future: Future[list[R | DispatchError]] = Future()
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
    most ``4 * workers`` chunks, ``8 * workers`` with ``share``.
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
    ) -> None:
        self.func = func
        self.label = label
        self.share = share
        processes = workers - 1 if share else workers
        self.pool: _Pool[T, R] = _Pool(processes, func, label)
        self.warming = [self.pool.submit([]) for _ in range(processes)] if share else []
        self.chunks = _chunked(tasks, chunksize)
        self.pending: collections.deque[_Entry[T, R]] = collections.deque()
        self.pool_window = processes * _WINDOW_PER_WORKER
        self.window = (2 if share else 1) * workers * _WINDOW_PER_WORKER
        self.in_pool = 0  # chunks in pending that the pool runs
        self.finished = False  # every task has been read
        self.crashes = 0

    def next_chunk(self) -> list[T] | None:
        chunk = None if self.finished else next(self.chunks, None)
        self.finished = chunk is None
        return chunk

    def feed(self) -> None:
        if self.warming and all(future.done() for future in self.warming):
            self.warming = []
        while not self.warming and self.in_pool < self.pool_window and self.has_room():
            chunk = self.next_chunk()
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
        if not self.share or (self.pending and self.pending[0][1].done()):
            return False
        if not self.has_room():
            return False
        chunk = self.next_chunk()
        if chunk is not None:
            self.pending.append((chunk, _finished(_run_chunk(chunk, self.func, self.label)), True))
        return True

    def oldest(self) -> list[R | DispatchError]:
        # Wait for the oldest chunk's results.
        chunk, future, here = self.pending.popleft()
        if here:
            return future.result()
        self.in_pool -= 1
        try:
            results = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in C code) and
            # took the pool with it: retry this chunk alone, then resubmit
            # what the pool had not finished to the fresh pool.
            results, ran = self.pool.retry_alone(chunk, self.label)
            self.crashes = 0 if ran else self.crashes + 1
            if self.crashes >= _MAX_CRASHES:
                msg = (
                    f"worker processes died on {self.crashes} chunks in a row; "
                    "giving up (can this system start Python processes?)"
                )
                raise NewswireError(msg) from None
            self.pending = collections.deque(
                (c, f if h or _succeeded(f) else self.pool.submit(c), h) for c, f, h in self.pending
            )
        else:
            self.crashes = 0
        return results

    def close(self) -> None:
        self.pool.close(wait=self.finished and not self.pending)


def _map_parallel(
    func: Callable[[T], R | DispatchError],
    tasks: Iterable[T],
    label: Callable[[T], str],
    workers: int,
    chunksize: int,
    *,
    share: bool,
) -> Iterator[R | DispatchError]:
    batch = _Ordered(func, tasks, label, workers, chunksize, share=share)
    try:
        while True:
            batch.feed()
            if batch.work_here():
                continue
            if not batch.pending:
                return
            yield from batch.oldest()
    finally:
        # Reached on exhaustion, on an error, and when the consumer stops
        # early (generator close, Ctrl-C): queued work is dropped.
        batch.close()


def map_ordered(
    func: Callable[[T], R | DispatchError],
    tasks: Iterable[T],
    *,
    label: Callable[[T], str],
    workers: int = 1,
    chunksize: int = _DEFAULT_CHUNKSIZE,
    share: bool = False,
) -> Iterator[R | DispatchError]:
    """
    Yield ``func(task)`` for each task, in order, lazily, in up to ``workers`` processes.

    An exception from ``func`` becomes a :class:`DispatchError` whose
    ``source_id`` is ``label(task)``; so does a worker process dying. ``func``
    runs in the worker processes when ``workers > 1``, so it and the tasks
    must pickle: a module-level function or a :func:`functools.partial` of
    one. At most ``4 * workers`` chunks of ``chunksize`` tasks are in flight
    (``8 * workers`` with ``share``).

    With ``share``, this process is one of the ``workers``: it runs chunks
    itself while it waits for the ``workers - 1`` in the pool (so a task that
    kills its process, rather than raising, kills this one if it runs here).
    """
    if workers <= 1:
        return itertools.chain.from_iterable(_run_chunk([task], func, label) for task in tasks)
    return _map_parallel(func, tasks, label, workers, chunksize, share=share)


def _check_count(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, not {type(value).__name__}"
        raise TypeError(msg)
    if value < 1:
        msg = f"{name} must be at least 1, not {value}"
        raise ValueError(msg)
    return value


def parse_many(
    items: Iterable[str | tuple[Any, ...]],
    *,
    workers: int | None = None,
    chunksize: int = _DEFAULT_CHUNKSIZE,
    reference_date: dt.date | dt.datetime | str | None = None,
) -> Iterator[Dispatch | DispatchError]:
    """
    Parse many dispatches lazily, yielding one result per item in input order.

    Each item is a text, an ``(id, text)`` pair or an ``(id, text,
    reference_date)`` triple; the id becomes the dispatch's ``source_id``. An
    item that cannot be parsed (not a str, a bad date, a failure inside the
    parser) yields a :class:`~newswire.errors.DispatchError` carrying the id
    as ``source_id`` (``<item N>`` for a bare text) in its place; the batch
    always carries on.

    Items are read only as results are consumed, and memory stays bounded
    however long the input is.

    Args:
        items: any iterable, including a generator over a huge file.
        workers: ``None`` or 1 parses in this process; ``N > 1`` parses in N
            processes, this one and a pool of N - 1 (run it under
            ``if __name__ == "__main__":`` in scripts, as for any process
            pool).
        chunksize: how many items a worker receives at a time. At most
            ``8 * workers`` chunks are in flight.
        reference_date: the reference date for items that give none.

    Returns:
        An iterator of :class:`~newswire.Dispatch` or
        :class:`~newswire.errors.DispatchError`, one per item.

    Raises:
        TypeError: when ``workers`` or ``chunksize`` is not an int, or
            ``reference_date`` has the wrong type.
        ValueError: when ``workers`` or ``chunksize`` is below 1, or
            ``reference_date`` is not an ISO date.

    >>> results = parse_many(["TOKYO (Kyodo) -- It shook.", ("r-2", b"bytes")])
    >>> [type(r).__name__ for r in results]
    ['Dispatch', 'DispatchError']
    >>> print(list(parse_many([("r-2", b"bytes")]))[0])
    r-2: text must be a str, not bytes: decode it first
    >>> parse_many([], workers=0)
    Traceback (most recent call last):
      ...
    ValueError: workers must be at least 1, not 0

    .. versionadded:: 0.1
    """
    count = 1 if workers is None else _check_count("workers", workers)
    _check_count("chunksize", chunksize)
    default_date = coerce_date(reference_date)
    return map_ordered(
        _parse_job,
        prepare_items(items, default_date),
        label=_label_job,
        workers=count,
        chunksize=chunksize,
        share=True,
    )
