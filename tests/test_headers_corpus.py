"""
The header floors on the shared dev corpus (skipped visibly when it is absent).
"""

from __future__ import annotations

from typing import Any

import pytest

import newswire
from newswire._evaluate import evaluate_records
from tests.conftest import corpus_records

# (corpus file, field, metric, floor): the team's floors for issue 3.
FLOORS = [
    ("dev/reuters21578.jsonl", "dateline", "f1", 0.995),
    ("dev/muc3.jsonl", "dateline", "f1", 0.98),
    ("dev/tbaq.jsonl", "dateline", "f1", 0.97),
    ("dev/polnear.jsonl", "dateline", "f1", 0.95),
    ("seed/seed.jsonl", "dateline", "f1", 1.0),
    *[
        (path, f"dateline_{field}", "accuracy", 0.98)
        for path in (
            "dev/reuters21578.jsonl",
            "dev/muc3.jsonl",
            "dev/tbaq.jsonl",
            "dev/polnear.jsonl",
            "seed/seed.jsonl",
        )
        for field in ("place", "date", "agency")
    ],
    ("dev/reuters21578.jsonl", "byline_authors", "f1", 0.95),
    ("dev/tbaq.jsonl", "byline_authors", "f1", 0.95),
    ("dev/reuters21578.jsonl", "headline", "f1", 0.98),
    ("dev/tbaq.jsonl", "headline", "f1", 0.98),
    ("dev/polnear.jsonl", "headline", "f1", 0.98),
    ("seed/seed.jsonl", "headline", "f1", 1.0),
]

_SCORES: dict[str, dict[str, Any]] = {}


def _scores(path: str) -> dict[str, Any]:
    if path not in _SCORES:
        records = corpus_records(path)
        _SCORES[path] = evaluate_records(records)["all"]
    return _SCORES[path]


@pytest.mark.corpus
class TestHeaderFloors:
    @pytest.mark.parametrize(
        ("path", "field", "metric", "floor"),
        [pytest.param(*row, id=f"{row[0].rsplit('/', 1)[-1][:-6]}-{row[1]}") for row in FLOORS],
    )
    def test_floor(self, path: str, field: str, metric: str, floor: float) -> None:
        """
        Each header field meets its floor on the dev split.
        """
        value = _scores(path)[field][metric]

        assert value >= floor, f"{path} {field} {metric} {value:.4f} < {floor}"


@pytest.mark.corpus
class TestSeedDispatch:
    def test_seed_headers(self) -> None:
        """
        The seed keeps its headline, its Xinhua dateline and the dateline paragraph first.
        """
        record = corpus_records("seed/seed.jsonl")[0]
        dispatch = newswire.parse(record["text"], reference_date=record.get("reference_date"))

        assert dispatch.dateline is not None
        expected = ("BEIJING, Dec. 31 (Xinhua) --", "BEIJING", "2021-12-31", "Xinhua")
        assert expected == (
            dispatch.dateline.text,
            dispatch.dateline.place,
            None if dispatch.dateline.date is None else dispatch.dateline.date.isoformat(),
            dispatch.dateline.agency,
        )
        assert dispatch.headline is not None
        assert record["gold"]["headline"] == dispatch.headline.text
        assert dispatch.paragraphs[0].text.startswith("BEIJING, Dec. 31 (Xinhua) --")
