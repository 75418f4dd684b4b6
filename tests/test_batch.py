"""
parse_many: order, laziness, bounded memory, errors in place, processes, pickling.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import pickle
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import newswire
from newswire import Dispatch, DispatchError
from newswire import _batch as batch

if TYPE_CHECKING:
    from collections.abc import Iterator

XINHUA = (
    "China, Kenya sign energy pact\n\n"
    "By ANN LEE\n\n"
    "NAIROBI, March 13 (Xinhua) -- Kenya and China on Wednesday signed a pact, "
    "officials said.\n\n"
    '"It is a good day," Energy Minister John Smith told reporters. "We will build."\n\n'
    "He said the pact covers solar power.\n\n"
    "Enditem"
)
REUTERS = "GOLD FALLS\n\nLONDON, March 3 - Gold fell on Tuesday, dealers said.\nReuter"
AP = "WASHINGTON (AP) — The Senate voted on Friday."


def texts(count: int) -> list[str]:
    """
    ``count`` distinct dispatches.
    """
    shapes = [XINHUA, REUTERS, AP]
    return [f"{shapes[i % 3]}\n\nItem {i}." for i in range(count)]


class Counting:
    """
    An iterable that records how many items were pulled from it.
    """

    def __init__(self, items: Iterator[Any]) -> None:
        self.items = items
        self.pulled = 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.pulled += 1
            yield item


class TestParseMany:
    def test_results_in_input_order(self) -> None:
        """
        Texts, pairs and triples each give one result, in order.
        """
        items: list[Any] = [XINHUA, ("reu-1", REUTERS), ("ap-1", AP, "2024-05-03")]

        actual = list(newswire.parse_many(items))

        assert [None, "reu-1", "ap-1"] == [r.source_id for r in actual]
        assert newswire.parse(XINHUA) == actual[0]
        assert newswire.parse(AP, source_id="ap-1", reference_date="2024-05-03") == actual[2]

    def test_reference_date_default_and_per_item(self) -> None:
        """
        An item's own reference date outranks the batch's.
        """
        text = "PARIS, Jan 5 (AFP) - Prices rose."
        items = [("a", text), ("b", text, dt.date(1999, 12, 30))]

        actual = list(newswire.parse_many(items, reference_date="2024-01-02"))

        assert [dt.date(2024, 1, 5), dt.date(2000, 1, 5)] == [
            r.dateline.date  # type: ignore[union-attr]
            for r in actual
        ]

    @pytest.mark.parametrize(
        ("item", "rendered"),
        [
            pytest.param(
                ("r-1", b"TOKYO"), "r-1: text must be a str, not bytes: decode it first", id="bytes"
            ),
            pytest.param(("r-2", None), "r-2: text must be a str, not NoneType", id="none"),
            pytest.param(("r-3", 42), "r-3: text must be a str, not int", id="int"),
            pytest.param((7, "x", "2024-13-40"), "7: bad reference_date: ", id="bad-date"),
            pytest.param(
                ("r-5", "x", 3.5),
                "r-5: bad reference_date: reference_date must be",
                id="bad-date-type",
            ),
            pytest.param(
                ("r-6",), "r-6: an item must be a str, a Path, (id, text)", id="short-tuple"
            ),
            pytest.param(42, "<item 1>: an item must be a str, a Path, (id, text)", id="number"),
            pytest.param(None, "<item 1>: an item must be a str, a Path, (id", id="none-item"),
            pytest.param({"id": "r-7"}, 'r-7: no "text" key', id="dict-no-text"),
            pytest.param(
                {"id": "r-8", "text": 5}, "r-8: text must be a str, not int", id="dict-bad-text"
            ),
        ],
    )
    def test_bad_item_yields_error_in_place(self, item: Any, rendered: str) -> None:
        """
        A bad item yields a DispatchError carrying its id; the batch carries on.
        """
        results = list(newswire.parse_many([AP, item, REUTERS]))

        assert [Dispatch, DispatchError, Dispatch] == [type(r) for r in results]
        assert str(results[1]).startswith(rendered)

    def test_failure_inside_parser_yields_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        An exception inside the parser becomes that item's error, chained to its cause.
        """
        real = batch.parse  # type: ignore[attr-defined]

        def flaky(text: str, **kwargs: Any) -> Dispatch:
            if "boom" in text:
                raise RuntimeError("recogniser bug")
            return real(text, **kwargs)

        monkeypatch.setattr(batch, "parse", flaky)

        results = list(newswire.parse_many([("a", AP), ("b", "boom"), ("c", AP), "boom"]))

        assert ["a", "b", "c", "<item 3>"] == [r.source_id for r in results]
        assert "b: parsing failed: RuntimeError: recogniser bug" == str(results[1])
        assert isinstance(results[1], DispatchError)
        assert isinstance(results[1].__cause__, RuntimeError)

    def test_cli_records_and_paths(self, tmp_path: Path) -> None:
        """
        The command line's JSON Lines dicts and Paths (UTF-8, UTF-16 with a BOM) are items.
        """
        utf8, utf16 = tmp_path / "a.txt", tmp_path / "b.txt"
        utf8.write_text(AP, encoding="utf-8")
        utf16.write_bytes(REUTERS.encode("utf-16"))
        items: list[Any] = [
            {"id": "d-1", "text": AP, "reference_date": "2024-05-03"},
            {"text": AP},
            utf8,
            utf16,
            tmp_path / "missing.txt",
        ]

        results = list(newswire.parse_many(items))

        assert ["d-1", None, str(utf8), str(utf16), str(tmp_path / "missing.txt")] == [
            r.source_id for r in results
        ]
        assert newswire.parse(AP, source_id="d-1", reference_date="2024-05-03") == results[0]
        assert REUTERS == results[3].text  # type: ignore[union-attr]
        assert str(results[4]).endswith("cannot read: No such file or directory")

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
    def test_path_to_a_fifo_is_not_read(self, tmp_path: Path) -> None:
        """
        A Path to a FIFO is an error in place, not a batch that hangs.
        """
        os.mkfifo(tmp_path / "fifo.txt")

        results = list(newswire.parse_many([tmp_path / "fifo.txt", AP]))

        assert f"{tmp_path / 'fifo.txt'}: not a regular file; not read" == str(results[0])
        assert isinstance(results[1], Dispatch)

    def test_str_subclass_is_parsed_as_str(self) -> None:
        """
        A str subclass defined in a function (it does not pickle) is parsed as its text.
        """

        class Local(str):
            __slots__ = ()

        results = list(newswire.parse_many([("a", Local(AP)), Local(REUTERS)], workers=2))

        assert [newswire.parse(AP, source_id="a"), newswire.parse(REUTERS)] == results

    def test_workers_zero_means_every_cpu(self) -> None:
        """
        ``workers=0`` is one process per CPU, as ``--workers 0`` is on the command line.
        """
        results = list(newswire.parse_many([AP, REUTERS], workers=0))

        assert [newswire.parse(AP), newswire.parse(REUTERS)] == results

    @pytest.mark.parametrize("workers", [1, 2])
    def test_input_error_raised_after_finished_results(self, workers: int) -> None:
        """
        An exception from the input iterable comes after every result read before it.
        """

        def items() -> Iterator[str]:
            yield from texts(37)
            raise OSError("archive truncated")

        seen: list[Any] = []
        with pytest.raises(OSError, match="archive truncated"):
            seen.extend(newswire.parse_many(items(), workers=workers, chunksize=5))

        assert 37 == len(seen)
        assert all(isinstance(r, Dispatch) for r in seen)

    def test_lazy_on_an_endless_input(self) -> None:
        """
        Items are pulled only as results are consumed.
        """
        source = Counting(itertools.cycle([AP]))

        first = list(itertools.islice(newswire.parse_many(source), 5))

        assert 5 == len(first)
        assert 5 == source.pulled

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            pytest.param({"workers": -1}, ValueError, id="negative-workers"),
            pytest.param({"workers": 2.0}, TypeError, id="float-workers"),
            pytest.param({"workers": True}, TypeError, id="bool-workers"),
            pytest.param({"chunksize": 0}, ValueError, id="no-chunk"),
            pytest.param({"reference_date": 5}, TypeError, id="bad-reference"),
            pytest.param({"as_dict": 1}, TypeError, id="int-as-dict"),
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], error: type[Exception]) -> None:
        """
        Bad arguments are raised at once, not turned into item errors.
        """
        with pytest.raises(error):
            newswire.parse_many([AP], **kwargs)


def _die_on_poison(task: str) -> str | DispatchError:
    # Module level, so that worker processes can unpickle it.
    if task == "poison":
        os._exit(3)
    return task.upper()


def _always_die(task: str) -> str:
    os._exit(4)


def _half_a_result(task: str) -> str:
    # What a worker killed in the middle of sending a big result leaves: the
    # header of a message and a few of its bytes in the result pipe. Then it
    # says so in the file named ``task`` and waits to be killed.
    import gc
    import multiprocessing.queues
    import struct

    gc.unfreeze()  # the worker froze what was alive (quiet_collector): see it again
    [queue] = [o for o in gc.get_objects() if isinstance(o, multiprocessing.queues.SimpleQueue)]
    writer = queue._writer  # type: ignore[attr-defined]
    os.write(writer.fileno(), struct.pack("!i", 1_000_000) + b"partial")
    Path(task).touch()
    time.sleep(600)
    return task


def _upper(task: object) -> str:
    return str(task).upper()


def _label(task: object) -> str:
    return str(task)


class KillsOnUnpickle:
    """
    A task whose unpickling kills the worker process that receives it.
    """

    def __reduce__(self) -> tuple[Any, tuple[int]]:
        return os._exit, (5,)

    def __str__(self) -> str:
        return "killer"


class TestProcesses:
    def test_killed_mid_result_does_not_hang_the_close(self, tmp_path: Path) -> None:
        """
        Stopping a pool whose worker was cut off mid-result ends (it once waited for ever).
        """
        written = tmp_path / "half-written"
        pool: batch._Pool[str, str] = batch._Pool(1, _half_a_result, _label)
        future = pool.submit([str(written)])
        deadline = time.monotonic() + 60
        while not written.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert written.exists()

        def stop() -> None:
            pool.kill()
            pool.close(wait=True)

        closing = threading.Thread(target=stop, daemon=True)
        closing.start()
        closing.join(60)

        assert not closing.is_alive()
        assert future.done()

    def test_workers_give_what_one_process_gives(self) -> None:
        """
        Two worker processes yield the same results, in the same order.
        """
        items = [(f"d-{i}", text) for i, text in enumerate(texts(40))]
        items.insert(7, ("bad", b"bytes"))  # type: ignore[arg-type]
        expected = list(newswire.parse_many(items))

        actual = list(newswire.parse_many(items, workers=2, chunksize=3))

        assert [str(r) if isinstance(r, DispatchError) else r for r in expected] == [
            str(r) if isinstance(r, DispatchError) else r for r in actual
        ]

    @pytest.mark.parametrize("workers", [1, 2])
    def test_as_dict_gives_the_records_dicts(self, workers: int) -> None:
        """
        ``as_dict=True`` yields each record's ``to_dict()``, made in the worker; errors stay errors.
        """
        items = [(f"d-{i}", text) for i, text in enumerate(texts(12))]
        items.insert(3, ("bad", b"bytes"))  # type: ignore[arg-type]
        records = list(newswire.parse_many(items))

        dicts = list(newswire.parse_many(items, workers=workers, chunksize=2, as_dict=True))

        assert [str(r) if isinstance(r, DispatchError) else r.to_dict() for r in records] == [
            str(r) if isinstance(r, DispatchError) else r for r in dicts
        ]
        assert all(
            Dispatch.from_dict(d) == r
            for d, r in zip(dicts, records, strict=True)
            if not isinstance(d, DispatchError)
        )

    def test_bounded_window(self) -> None:
        """
        With processes, at most a fixed window of chunks (8 per worker) is read ahead.
        """
        source = Counting(itertools.cycle([AP]))
        results = newswire.parse_many(source, workers=2, chunksize=2)

        first = list(itertools.islice(results, 3))
        results.close()  # type: ignore[attr-defined]

        assert 3 == len(first)
        assert source.pulled <= (2 * 8 + 1) * 2

    def test_dead_worker_fails_only_its_item(self) -> None:
        """
        A task that kills its worker is named; every other task, in its chunk too, gives a result.
        """
        tasks = ["a", "b", "poison", "c", "d", "e", "f", "g"]

        results = list(
            batch.map_ordered(_die_on_poison, tasks, label=_label, workers=2, chunksize=4)
        )

        assert ["A", "B", "poison", "C", "D", "E", "F", "G"] == [
            r.source_id if isinstance(r, DispatchError) else r for r in results
        ]
        assert "poison: worker process died while parsing this item" == str(results[2])

    def test_items_that_kill_on_unpickling_in_many_chunks(self) -> None:
        """
        Tasks that kill the worker unpickling them, in three chunks, cost only themselves.
        """
        tasks: list[object] = [f"t{i}" for i in range(24)]
        for where in (3, 11, 20):
            tasks[where] = KillsOnUnpickle()

        results = list(batch.map_ordered(_upper, tasks, label=_label, workers=3, chunksize=4))

        expected = [
            "killer: worker process died while parsing this item"
            if isinstance(task, KillsOnUnpickle)
            else str(task).upper()
            for task in tasks
        ]
        assert expected == [str(r) for r in results]

    def test_unpicklable_task_is_an_error_in_place(self) -> None:
        """
        A task that cannot be pickled is named; the rest of its chunk still runs.
        """
        tasks: list[object] = ["a", "b", lambda: None, "c"]

        results = list(batch.map_ordered(_upper, tasks, label=_label, workers=2, chunksize=4))

        assert ["A", "B", "C"] == [results[0], results[1], results[3]]
        assert isinstance(results[2], DispatchError)
        assert "cannot be sent to or from a worker process" in str(results[2])

    def test_workers_that_always_die_never_abort(self) -> None:
        """
        However many workers die, every task gives a result (here: an error naming it).
        """
        results = list(
            batch.map_ordered(_always_die, list("abcd"), label=_label, workers=2, chunksize=2)
        )

        assert [f"{t}: worker process died while parsing this item" for t in "abcd"] == [
            str(r) for r in results
        ]

    def test_no_processes_falls_back_to_this_one(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        When processes cannot start, the batch runs here, and says so once.
        """

        def cannot(self: Any) -> Any:
            raise batch._CannotStartError("OSError: no semaphores")

        monkeypatch.setattr(batch._Pool, "_start", cannot)

        with pytest.warns(RuntimeWarning, match="worker processes cannot run here") as caught:
            results = list(newswire.parse_many(texts(40), workers=2, chunksize=3))

        assert 1 == len(caught)
        assert [newswire.parse(t) for t in texts(40)] == results

    def test_workers_dying_at_start_fall_back(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        Workers that die before doing anything: said once, then parsed here.
        """
        monkeypatch.setattr(batch, "_start_worker", _exit_at_start)
        notes: list[str] = []

        results = list(
            batch.map_ordered(
                _upper, list("abcdefg"), label=_label, workers=2, chunksize=2, notify=notes.append
            )
        )

        assert list("ABCDEFG") == results
        assert 1 == len(notes)
        assert "die before doing any work" in notes[0]


def _exit_at_start(batch_pid: int | None = None) -> None:
    os._exit(6)


class TestPickle:
    def test_dispatch_pickles(self) -> None:
        """
        A dispatch with every kind of record survives pickling (to cross processes).
        """
        dispatch = newswire.parse(XINHUA, reference_date="2024-03-14", source_id="x-1")

        copy = pickle.loads(pickle.dumps(dispatch))

        assert dispatch == copy
        assert list(dispatch.iter_spans()) == list(copy.iter_spans())

    def test_records_pickle(self) -> None:
        """
        Every record reachable from a dispatch pickles on its own too.
        """
        dispatch = newswire.parse(XINHUA, reference_date="2024-03-14")
        records: list[Any] = [
            dispatch.headline,
            dispatch.byline,
            dispatch.dateline,
            dispatch.trailer,
            *dispatch.paragraphs,
            *dispatch.statements,
            *dispatch.entities,
            *dispatch.diagnostics,
            *dispatch.source_lines,
        ]

        copies = [pickle.loads(pickle.dumps(r)) for r in records]

        assert records == copies

    def test_batch_error_pickles(self) -> None:
        """
        The error a batch yields pickles with its source id.
        """
        error = next(iter(newswire.parse_many([("r-9", b"x")])))

        copy = pickle.loads(pickle.dumps(error))

        assert ("r-9", str(error)) == (copy.source_id, str(copy))
