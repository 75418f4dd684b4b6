"""
List the resolved-name misses on a gold file, as the evaluation counts them.

A statement counts when it matches a gold speech statement that carries
``speaker_resolved`` (see the corpus README); it is a miss when its speaker's
name differs. Each miss prints the gold mention and name and ours, so that
misses can be grouped by cause (wrong mention, pronoun, description, ...).

    python benchmarks/speaker_misses.py ../shared/corpus/dev/polnear.jsonl
    python benchmarks/speaker_misses.py ../shared/corpus/dev/polnear.jsonl --context
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from newswire import parse
from newswire._evaluate import (
    _chars,
    _gold_content_spans,
    best_match,
    read_gold,
    statement_chars,
)

_CONTEXT = 300


def misses(record: dict[str, Any], *, context: bool) -> tuple[int, list[str]]:
    """
    Return how many resolved statements a record scores, and a line per miss.
    """
    gold = (record.get("gold") or {}).get("statements") or []
    if not any("speaker_resolved" in g for g in gold):
        return 0, []
    dispatch = parse(
        record["text"], reference_date=record.get("reference_date"), source_id=record.get("id")
    )
    text = dispatch.text
    gold_chars = [_chars(text, _gold_content_spans(g)) for g in gold]
    counted = [g.get("cue_class_heuristic", "speech") == "speech" for g in gold]
    matched: set[int] = set()
    scored, lines = 0, []
    for statement in dispatch.statements:
        best = best_match(statement_chars(text, statement), gold_chars)
        if best < 0 or not counted[best] or best in matched:
            continue
        matched.add(best)
        wanted = gold[best].get("speaker_resolved")
        if wanted is None:
            continue
        scored += 1
        speaker = statement.speaker
        if speaker is not None and speaker.name == wanted:
            continue
        ours = "-" if speaker is None else f"{speaker.text!r} -> {speaker.name!r} ({speaker.kind})"
        lines.append(
            f"{record.get('id')} @{statement.content.span.start}\t"
            f"gold {gold[best].get('speaker')!r} -> {wanted!r}\tours {ours}"
        )
        if context:
            at = statement.content.span.start if speaker is None else speaker.span.start
            lines.append("    " + text[max(0, at - _CONTEXT) : at + 80].replace("\n", " | "))
    return scored, lines


def main(argv: list[str]) -> int:
    """
    Print the misses of the gold file named in ``argv`` and the accuracy.
    """
    paths = [a for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__)
        return 2
    total = missed = 0
    for record in read_gold(Path(paths[0])):
        scored, lines = misses(record, context="--context" in argv)
        total += scored
        missed += sum(1 for line in lines if not line.startswith("    "))
        for line in lines:
            print(line)
    if total:
        print(f"\nresolved {total - missed}/{total} = {(total - missed) / total:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
