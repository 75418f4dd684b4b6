"""
Time of a JSON round trip (to_dict, json, from_dict) over a corpus, with and without validation.

    python benchmarks/roundtrip.py ../shared/corpus/dev/*.jsonl

Parses every record once, then times ``Dispatch.from_dict(json.loads(json.dumps(d.to_dict())))``
for all of them, best of ``--runs``, and the same with the checks of
``newswire._validate`` switched off, and prints the ratio (the cost of validating).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import newswire
from newswire import _model


def _skip(_data: object) -> None:
    pass


def _round_trip(dicts: list[str]) -> float:
    start = time.perf_counter()
    for line in dicts:
        newswire.Dispatch.from_dict(json.loads(line))
    return time.perf_counter() - start


def main() -> int:
    """
    Run the benchmark; print seconds and the ratio.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dispatches = []
    for path in args.corpus:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                dispatches.append(newswire.parse(record["text"], source_id=record.get("id")))
    start = time.perf_counter()
    lines = [json.dumps(d.to_dict()) for d in dispatches]
    dumps = time.perf_counter() - start
    checked = unchecked = float("inf")
    checks = vars(_model)
    real = checks["check_dispatch"]
    for _ in range(args.runs):
        checks["check_dispatch"] = real
        checked = min(checked, _round_trip(lines))
        checks["check_dispatch"] = _skip
        unchecked = min(unchecked, _round_trip(lines))
    checks["check_dispatch"] = real
    for line, dispatch in zip(lines, dispatches, strict=True):
        assert newswire.Dispatch.from_dict(json.loads(line)) == dispatch
    full_checked = dumps + checked
    full_unchecked = dumps + unchecked
    print(f"{len(lines):,} dispatches; to_dict + dumps {dumps:.2f} s")
    print(f"loads + from_dict: {unchecked:.2f} s unchecked, {checked:.2f} s checked")
    print(
        f"round trip: {full_unchecked:.2f} s -> {full_checked:.2f} s "
        f"({full_checked / full_unchecked - 1:+.1%}; from_dict alone "
        f"{checked / unchecked - 1:+.1%})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
