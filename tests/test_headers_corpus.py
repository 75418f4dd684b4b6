"""
The header floors on the shared dev corpus (skipped visibly when it is absent).
"""

from __future__ import annotations

from typing import Any

import pytest
from benchmarks.floors import FLOORS as TEAM_FLOORS

import newswire
from newswire._evaluate import evaluate_records
from tests.conftest import corpus_records

# The team's header floors (issue 3), taken from the one list the evaluate
# session checks, so the two can never drift apart.
_CORPUS_FILES = {"seed": "seed/seed.jsonl"}
FLOORS = [
    (_CORPUS_FILES.get(corpus, f"dev/{corpus}.jsonl"), field, metric, floor)
    for corpus, field, metric, floor in TEAM_FLOORS
    if not field.startswith("statement")
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
