"""
Shared fixtures: the location of the shared corpus, and Hypothesis profiles.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWIRE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

settings.register_profile(
    "default", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def corpus_records(relative: str) -> list[dict[str, Any]]:
    """
    Read a shared corpus file, skipping the test visibly when it is absent.
    """
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus not found at {path} (set NEWSWIRE_SHARED)")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
