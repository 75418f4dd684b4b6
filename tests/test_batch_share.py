"""
Shared batches: this process works alongside the pool, and order, laziness and errors hold.
"""

from __future__ import annotations

import functools
import itertools
import os
import time

from newswire import DispatchError
from newswire import _batch as batch
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
