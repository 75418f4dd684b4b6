"""
Garbage collection: parsing makes no reference cycles, so a long batch leaves the collector
nothing to find (the command's time per MB is flat from 6 to 96 MB; benchmarks/throughput.py);
the command and the workers, processes of our own, scan for cycles less often.
"""

from __future__ import annotations

import gc
from importlib import resources
from typing import TYPE_CHECKING

import pytest

import newswire

if TYPE_CHECKING:
    from collections.abc import Iterator


def _samples() -> list[str]:
    folder = resources.files("newswire").joinpath("data", "samples")
    return [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir(), key=str)]


@pytest.fixture
def collector_off() -> Iterator[None]:
    # Lexicons and compiled patterns are built on first use (some with
    # cycles of their own, once): warm them up before counting.
    for text in _samples():
        newswire.Dispatch.from_dict(newswire.parse(text).to_dict())
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("collector_off")
def test_parsing_leaves_no_cycles() -> None:
    """
    Parsing, to_dict and from_dict free everything by reference counting: the collector finds 0.
    """
    for text in _samples():
        dispatch = newswire.parse(text)
        again = newswire.Dispatch.from_dict(dispatch.to_dict())
        assert again == dispatch
        del dispatch, again

    assert 0 == gc.collect()


@pytest.fixture
def collector_kept() -> Iterator[None]:
    # The tests below change the process's collector: put it back after.
    thresholds = gc.get_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


@pytest.mark.usefixtures("collector_kept")
def test_the_command_tunes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    The console script freezes what is alive and scans young objects 100 times less often.
    """
    from newswire import _cli

    monkeypatch.setattr("sys.argv", ["newswire", "demo"])
    gc.set_threshold(700, 10, 10)

    assert 0 == _cli.command()
    assert (70_000, 50, 100) == gc.get_threshold()
    assert gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_kept")
def test_main_leaves_the_callers_collector_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """
    main() called from a program (not the console script) changes nothing of the collector.
    """
    from newswire import _cli

    gc.set_threshold(700, 10, 10)

    assert 0 == _cli.main(["demo"])
    assert (700, 10, 10) == gc.get_threshold()
    assert "Dateline" in capsys.readouterr().out


def _threshold(task: str) -> str:
    return f"{task} {gc.get_threshold()[0]}"


def test_workers_tune_their_collector() -> None:
    """
    parse_many's workers, processes of newswire's own, run with the tuned collector.
    """
    from newswire import _batch

    found = list(_batch.map_ordered(_threshold, ["a", "b"], label=str, workers=2, chunksize=1))

    assert ["a 70000", "b 70000"] == found
