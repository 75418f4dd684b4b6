"""
newswire.evaluate(): scoring from paths or records.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

import newswire

if TYPE_CHECKING:
    from pathlib import Path

RECORDS: list[dict[str, Any]] = [
    {
        "id": "kyodo-1",
        "corpus": "mine",
        "text": "Rail line opens\n\nTOKYO (Kyodo) -- A new line opened.",
        "gold": {"headline": "Rail line opens", "byline": None},
    },
    {
        "id": "afp-1",
        "corpus": "other",
        "text": "Museum reopens\n\nPARIS, May 14 (AFP) - The museum reopened.",
        "reference_date": "2024-05-14",
        "gold": {"headline": "Museum reopens"},
    },
]


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class TestEvaluate:
    def test_records_are_scored_per_corpus(self) -> None:
        """
        Scores come per corpus and for all records together.
        """
        scores = newswire.evaluate(RECORDS)

        expected = ["all", "mine", "other"]

        assert expected == sorted(scores)
        assert scores["all"]["documents"] == len(RECORDS)

    def test_path_gives_the_same_scores_as_records(self, tmp_path: Path) -> None:
        """
        A gold file and the same records in memory score alike.
        """
        path = _write(tmp_path / "gold.jsonl", RECORDS)

        assert newswire.evaluate(RECORDS) == newswire.evaluate(path)
        assert newswire.evaluate(RECORDS) == newswire.evaluate(str(path))

    def test_several_paths(self, tmp_path: Path) -> None:
        """
        A list of paths is read file after file.
        """
        one = _write(tmp_path / "one.jsonl", RECORDS[:1])
        two = _write(tmp_path / "two.jsonl", RECORDS[1:])

        assert newswire.evaluate(RECORDS) == newswire.evaluate([one, two])

    def test_bad_line_names_file_and_line(self, tmp_path: Path) -> None:
        """
        A line that is not JSON is reported with its file and line number.
        """
        path = tmp_path / "bad.jsonl"
        path.write_text('{"text": "x", "gold": {}}\nnot json\n', encoding="utf-8")

        with pytest.raises(ValueError, match=r"bad\.jsonl, line 2: not JSON"):
            newswire.evaluate(path)

    def test_wrong_item_type(self) -> None:
        """
        An item that is neither a record nor a path is a TypeError.
        """
        with pytest.raises(TypeError, match="not int"):
            newswire.evaluate([42])  # type: ignore[list-item]
