"""
Statements scored on the shared corpus (skipped visibly when it is absent).
"""

from __future__ import annotations

import pytest

from newswire._evaluate import evaluate_records
from tests.conftest import corpus_records


@pytest.mark.corpus
class TestCorpus:
    def test_seed(self) -> None:
        """
        Every seed statement is found, resolved, and nothing else is.
        """
        scores = evaluate_records(corpus_records("seed/seed.jsonl"))["seed"]

        assert (1.0, 1.0, 1.0) == (
            scores["statements"]["recall"],
            scores["statements"]["precision"],
            scores["statement_resolved"]["accuracy"],
        )

    def test_polnear_floors(self) -> None:
        """
        PolNeAR dev meets the team's floors.
        """
        scores = evaluate_records(corpus_records("dev/polnear.jsonl"))["polnear"]

        assert scores["statements"]["f1"] >= 0.75
        assert scores["statement_speaker"]["accuracy"] >= 0.90
        assert scores["statement_cue"]["accuracy"] >= 0.90
