"""
Garbage collection: parsing makes no reference cycles, so a long batch leaves the collector
nothing to find (the command's time per MB is flat from 6 to 96 MB; benchmarks/throughput.py).
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
