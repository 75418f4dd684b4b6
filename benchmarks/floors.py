"""
Score the parser on the shared dev corpus and fail when a floor is not met.

Usage: python benchmarks/floors.py ../shared/corpus [--json]

The floors are the team's (issues 3 and 4); they are minimums, not goals.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

from newswire._evaluate import evaluate_records, format_report, read_gold

# Each floor names a corpus, a field, a metric and the minimum value.
FLOORS: list[tuple[str, str, str, float]] = [
    ("reuters21578", "dateline", "f1", 0.995),
    ("muc3", "dateline", "f1", 0.98),
    ("tbaq", "dateline", "f1", 0.97),
    ("polnear", "dateline", "f1", 0.95),
    ("seed", "dateline", "f1", 1.0),
    *[
        (corpus, f"dateline_{field}", "accuracy", 0.98)
        for corpus in ("reuters21578", "muc3", "tbaq", "polnear", "seed")
        for field in ("place", "date", "agency")
    ],
    ("reuters21578", "byline_authors", "f1", 0.95),
    ("tbaq", "byline_authors", "f1", 0.95),
    ("reuters21578", "headline", "f1", 0.98),
    ("tbaq", "headline", "f1", 0.98),
    ("polnear", "headline", "f1", 0.98),
    ("seed", "headline", "f1", 1.0),
    ("seed", "statements", "recall", 1.0),
    ("seed", "statements", "precision", 1.0),
    ("seed", "statement_resolved", "accuracy", 1.0),
    ("polnear", "statements", "f1", 0.82),
    ("polnear", "statements_exact", "f1", 0.70),
    ("polnear", "statement_speaker", "accuracy", 0.96),
    ("polnear", "statement_cue", "accuracy", 0.97),
    ("polnear", "statement_resolved", "accuracy", 0.93),  # issue 15
]


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    files = sorted((root / "dev").glob("*.jsonl")) + sorted((root / "seed").glob("*.jsonl"))
    started = time.perf_counter()
    records = itertools.chain.from_iterable(read_gold(path) for path in files)
    scores: dict[str, Any] = evaluate_records(records)
    seconds = time.perf_counter() - started
    if "--json" in argv:
        print(json.dumps(scores, indent=2))
    else:
        print(format_report(scores))
    print(f"\nscored {scores['all']['documents']} documents in {seconds:.1f} s\n")
    failed = 0
    for corpus, field, metric, floor in FLOORS:
        value = scores.get(corpus, {}).get(field, {}).get(metric)
        if value is None:
            print(f"MISSING {corpus}/{field}/{metric}")
            failed += 1
            continue
        ok = value >= floor
        failed += not ok
        print(
            f"{'ok  ' if ok else 'FAIL'} {corpus:<13} {field:<20} {metric:<9} "
            f"{value:.4f} (floor {floor})"
        )
    print(f"\n{len(FLOORS) - failed} of {len(FLOORS)} floors met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
