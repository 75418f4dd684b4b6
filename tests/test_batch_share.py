"""
Shared batches: this process works alongside the pool, and order, laziness and errors hold.
"""

from __future__ import annotations

import functools
import itertools
import os
import time
from pathlib import Path

from newswire import DispatchError
from newswire import _batch as batch
from newswire import _parse_command as parse_command
from tests.test_batch import Counting


def _where(parent: int, delay: float, task: str) -> str | DispatchError:
    # Module level, so that worker processes can unpickle it. Slow only in the
    # parent, so that the pool, once started, is given a share of the tasks.
    if task == "bad":
        raise ValueError("no such task")
    if os.getpid() == parent:
        time.sleep(delay)
        return f"{task}:here"
    return f"{task}:pool"


def _die_in_pool(parent: int, task: str) -> str | DispatchError:
    if task == "poison" and os.getpid() != parent:
        os._exit(3)
    return task.upper()


def _label(task: str) -> str:
    return task


class TestShare:
    def test_order_and_errors_hold(self) -> None:
        """
        Results come in input order whoever ran them; an exception is that task's error.
        """
        tasks = [f"t{i}" for i in range(60)]
        tasks[17] = "bad"
        func = functools.partial(_where, os.getpid(), 0.002)

        results = list(
            batch.map_ordered(func, tasks, label=_label, workers=2, chunksize=2, share=True)
        )

        assert tasks == [
            r.source_id if isinstance(r, DispatchError) else r.partition(":")[0] for r in results
        ]
        assert "bad: parsing failed: ValueError: no such task" == str(results[17])

    def test_both_processes_work(self) -> None:
        """
        This process and the pool's process both run tasks.
        """
        func = functools.partial(_where, os.getpid(), 0.02)

        results = batch.map_ordered(
            func, [f"t{i}" for i in range(150)], label=_label, workers=2, chunksize=1, share=True
        )
        places = {str(r).partition(":")[2] for r in results}

        assert {"here", "pool"} == places

    def test_lazy_and_bounded(self) -> None:
        """
        Tasks are read only a bounded window ahead of what is consumed.
        """
        source = Counting(itertools.cycle(["a"]))
        func = functools.partial(_where, os.getpid(), 0.0)
        results = batch.map_ordered(func, source, label=_label, workers=2, chunksize=2, share=True)

        first = list(itertools.islice(results, 3))
        results.close()  # type: ignore[attr-defined]

        assert 3 == len(first)
        assert source.pulled <= (2 * 8 + 1) * 2

    def test_dead_pool_process_fails_only_its_items(self) -> None:
        """
        A pool process that dies costs at most its own chunk; the rest is unaffected.
        """
        tasks = [f"t{i}" for i in range(40)]
        tasks[25] = "poison"
        func = functools.partial(_die_in_pool, os.getpid())

        results = list(
            batch.map_ordered(func, tasks, label=_label, workers=2, chunksize=1, share=True)
        )

        assert [t.upper() for t in tasks if t != "poison"] == [
            r for t, r in zip(tasks, results, strict=True) if t != "poison"
        ]
        poisoned = results[25]
        assert "POISON" == poisoned or "worker process died" in str(poisoned)


class TestChunks:
    """
    Chunks hold ``chunksize`` tasks, fewer once their weight reaches 256 K.
    """

    def test_small_tasks_fill_a_chunk(self) -> None:
        chunks = batch._Chunks(["x" * 100] * 150, 64, len)
        sizes = []
        while (chunk := chunks.next()) is not None:
            sizes.append(len(chunk))
        assert sizes == [64, 64, 22]

    def test_big_tasks_go_a_few_at_a_time(self) -> None:
        tasks = ["x" * 100_000] * 7 + ["x" * 300_000, "short", "short"]
        chunks = batch._Chunks(tasks, 64, len)
        sizes = []
        while (chunk := chunks.next()) is not None:
            sizes.append(len(chunk))
        # Three of 100 K pass 256 K, and so do the last 100 K with the 300 K; then what is left.
        assert sizes == [3, 3, 2, 2]

    def test_without_weights_only_the_count_counts(self) -> None:
        chunks = batch._Chunks(["x" * 1_000_000] * 3, 2)
        assert [len(chunks.next() or []), len(chunks.next() or [])] == [2, 1]

    def test_a_job_weighs_its_text_or_its_file(self, tmp_path: Path) -> None:
        path = tmp_path / "d1.txt"
        path.write_bytes(b"TOKYO (Kyodo) -- It shook.")

        assert batch.job_weight(batch.Job(None, "It shook.", None)) == 9
        assert batch.job_weight(batch.Job(str(path), "", None, path=str(path))) == 26
        missing = str(tmp_path / "gone.txt")
        assert batch.job_weight(batch.Job(missing, "", None, path=missing)) == 0
        assert batch.job_weight(DispatchError("bad", source_id="x")) == 0

    def test_the_command_weighs_its_tasks(self, tmp_path: Path) -> None:
        path = tmp_path / "d1.txt"
        path.write_bytes(b"x" * 40)

        assert parse_command._weight(parse_command._FileTask(str(path))) == 40
        assert parse_command._weight(parse_command._FileTask(str(tmp_path / "gone"))) == 0
        assert parse_command._weight(parse_command._LineTask("a.jsonl", 1, 0, b"{}")) == 2
        assert parse_command._weight(parse_command._TextTask("<stdin>", b"abc")) == 3
        assert parse_command._weight(DispatchError("bad", source_id="x")) == 0
