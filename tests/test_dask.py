"""
The Dask recipe of examples/05-scaling-out.ipynb, run with the synchronous scheduler.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import newswire

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

db = pytest.importorskip("dask.bag", reason="the dask extra is not installed")

RECORDS: list[dict[str, Any]] = [
    {
        "id": "x-1",
        "text": "NAIROBI, March 13 (Xinhua) -- Kenya signed a pact, officials said.",
        "reference_date": "2024-03-14",
    },
    {"id": "ap-1", "text": "WASHINGTON (AP) — The Senate voted on Friday."},
    {"id": "bad", "text": None},
    {"id": "r-1", "text": "GOLD FALLS\n\nLONDON, March 3 - Gold fell.\nReuter"},
]


def parse_record(record: dict[str, Any]) -> dict[str, Any]:
    """
    The recipe's map function: one JSON record in, one result dict out.
    """
    return newswire.parse(
        record["text"], source_id=record["id"], reference_date=record.get("reference_date")
    ).to_dict()


def parse_partition(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """
    The recipe's partition function: errors become records, never a failed task.
    """
    items = ((r.get("id"), r.get("text"), r.get("reference_date")) for r in records)
    return [
        {"source_id": r.source_id, "error": r.message}
        if isinstance(r, newswire.DispatchError)
        else r.to_dict()
        for r in newswire.parse_many(items)
    ]


@pytest.fixture
def corpus(tmp_path: Path) -> str:
    """
    Two JSON Lines files, as ``read_text`` globs them.
    """
    for part, records in enumerate([RECORDS[:2], RECORDS[2:]]):
        lines = "".join(json.dumps(r) + "\n" for r in records)
        (tmp_path / f"part-{part}.jsonl").write_text(lines, encoding="utf-8")
    return str(tmp_path / "*.jsonl")


class TestDaskRecipe:
    def test_map_per_record(self, corpus: str) -> None:
        """
        ``read_text(...).map(json.loads).map(parse_record)`` gives what parse gives.
        """
        good = [r for r in RECORDS if r["text"] is not None]
        expected = [parse_record(r) for r in good]
        bag = db.read_text(corpus).map(json.loads).filter(lambda r: r["text"] is not None)

        actual = bag.map(parse_record).compute(scheduler="synchronous")

        assert expected == actual

    def test_partitions_with_errors(self, corpus: str) -> None:
        """
        ``map_partitions`` over ``parse_many`` keeps going past a bad record.
        """
        bag = db.read_text(corpus).map(json.loads)

        actual = bag.map_partitions(parse_partition).compute(scheduler="synchronous")

        assert ["x-1", "ap-1", "bad", "r-1"] == [r["source_id"] for r in actual]
        assert "text must be a str, not NoneType" == actual[2]["error"]
        assert newswire.Dispatch.from_dict(actual[0]) == newswire.parse(
            str(RECORDS[0]["text"]), source_id="x-1", reference_date="2024-03-14"
        )
