# Scoring the parser against gold JSON Lines (the format is documented in
# docs/gold-format.md). The definitions are the team's, stated once here:
#
# - headline / dateline: a prediction matches when its text equals the gold
#   text after collapsing white space, stripping surrounding dashes,
#   underscores and colons, and casefolding. Precision counts predictions,
#   recall counts gold items; a prediction where gold is null is a false
#   positive. place/region/date/agency accuracy is over gold datelines (a
#   missing prediction counts as wrong). headline_invented is the share of
#   dispatches without a gold headline that got one (a rate: lower is better).
# - byline: author names compared as sets per dispatch (same normalisation),
#   micro-averaged over dispatches.
# - statements: a predicted statement matches a gold one when their content
#   characters (ignoring spaces and punctuation, fragments included) overlap by
#   at least half of the larger set; exact = identical sets (statements_exact:
#   exact matches over all predictions and all gold statements). Recall counts gold
#   statements whose cue is speech (cue_class_heuristic == "speech" where
#   present); a prediction matching no gold statement at all is a false
#   positive. For matched pairs: speaker-mention accuracy (predicted mention
#   span overlaps the gold speaker span), cue accuracy (cue spans overlap) and,
#   where gold has speaker_resolved, resolved-name accuracy.
#
# Misses: with a `misses` list, evaluate_records appends one JSON-safe dict
# per miss ({id, corpus, field, kind, gold, predicted}, spans as start/end),
# where kind is "missed" (gold not found), "spurious" (a prediction matching
# no gold) or "wrong" (a mismatch of a matched item). Each miss is counted by
# exactly one score above; a score with nothing to count (n = 0) is shown as
# n/a by format_report.
"""
Evaluation of parses against gold annotations.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from newswire._pipeline import parse

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from pathlib import Path

    from newswire._model import Dispatch, Statement

__all__ = ["Counts", "evaluate_records", "format_report", "read_gold"]

_STRIP = " \t\n-_:\u2014\u2013\u2015"

# Receives (field, kind, gold, predicted) for one miss; None when not listing.
_Sink = Callable[[str, str, Any, Any], None] | None


def normalise_text(value: str) -> str:
    """
    Collapse white space, strip surrounding dashes/underscores/colons, casefold.

    >>> normalise_text("  WASHINGTON,  March 12 -- ")
    'washington, march 12'
    """
    return " ".join(value.split()).strip(_STRIP).casefold()


@attrs.define
class Counts:
    """
    True positives, false positives and false negatives, with P/R/F1.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """
        The share of predictions that are right: tp / (tp + fp); 1.0 when nothing was predicted.
        """
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """
        The share of gold items found: tp / (tp + fn); 1.0 when there was nothing to find.
        """
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """
        The harmonic mean of precision and recall.
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """
        Return counts and scores as a JSON-safe mapping.
        """
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@attrs.define
class Accuracy:
    """
    Correct out of total.
    """

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """
        Count one case.
        """
        self.total += 1
        self.correct += int(ok)

    def as_dict(self) -> dict[str, float | int]:
        """
        Return the counts and the ratio.
        """
        value = self.correct / self.total if self.total else 1.0
        return {"correct": self.correct, "total": self.total, "accuracy": round(value, 4)}


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    """
    Yield the records of a gold JSON Lines file.

    Raises:
        ValueError: naming the file and line of a line that is not a JSON object
            with a ``text``.
    """
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                msg = f"{path}, line {number}: not JSON ({exc.msg})"
                raise ValueError(msg) from exc
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                msg = f"{path}, line {number}: a gold record needs a 'text' string"
                raise ValueError(msg)  # noqa: TRY004 - bad data, not a bad argument
            yield record


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, end) if text[i].isalnum())


def _gold_content_spans(statement: dict[str, Any]) -> list[tuple[int, int]]:
    fragments = (statement.get("fragments") or {}).get("content")
    if fragments:
        return [(f["start"], f["end"]) for f in fragments]
    return [(statement["content_start"], statement["content_end"])]


def _gold_role_spans(statement: dict[str, Any], role: str) -> list[tuple[int, int]]:
    fragments = (statement.get("fragments") or {}).get(role)
    if fragments:
        return [(f["start"], f["end"]) for f in fragments]
    start = statement.get(f"{role}_start")
    if start is None:
        return []
    return [(start, statement[f"{role}_end"])]


def _overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    b = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


@attrs.define
class _CorpusScore:
    headline: Counts = attrs.Factory(Counts)
    # correct counts dispatches without a gold headline that were given one.
    invented: Accuracy = attrs.Factory(Accuracy)
    dateline: Counts = attrs.Factory(Counts)
    place: Accuracy = attrs.Factory(Accuracy)
    region: Accuracy = attrs.Factory(Accuracy)
    date: Accuracy = attrs.Factory(Accuracy)
    agency: Accuracy = attrs.Factory(Accuracy)
    byline: Counts = attrs.Factory(Counts)
    statements: Counts = attrs.Factory(Counts)
    exact: int = 0
    speaker: Accuracy = attrs.Factory(Accuracy)
    cue: Accuracy = attrs.Factory(Accuracy)
    resolved: Accuracy = attrs.Factory(Accuracy)
    documents: int = 0
    has: set[str] = attrs.Factory(set)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents}
        if "headline" in self.has:
            out["headline"] = self.headline.as_dict()
            total = self.invented.total
            out["headline_invented"] = {
                "invented": self.invented.correct,
                "total": total,
                "rate": round(self.invented.correct / total, 4) if total else 0.0,
            }
        if "dateline" in self.has:
            out["dateline"] = self.dateline.as_dict()
            for name in ("place", "region", "date", "agency"):
                out[f"dateline_{name}"] = getattr(self, name).as_dict()
        if "byline" in self.has:
            out["byline_authors"] = self.byline.as_dict()
        if "statements" in self.has:
            out["statements"] = self.statements.as_dict()
            out["statements"]["exact"] = self.exact
            # Exact matches scored as their own P/R/F1 (statements_exact).
            counts = self.statements
            out["statements_exact"] = Counts(
                self.exact, counts.tp + counts.fp - self.exact, counts.tp + counts.fn - self.exact
            ).as_dict()
            out["statement_speaker"] = self.speaker.as_dict()
            out["statement_cue"] = self.cue.as_dict()
            out["statement_resolved"] = self.resolved.as_dict()
        return out


def _span_of(record: Any) -> dict[str, Any] | None:
    if record is None:
        return None
    return {"text": record.text, "start": record.span.start, "end": record.span.end}


def _score_text(
    counts: Counts,
    gold: str | None,
    predicted: str | None,
    *,
    sink: _Sink = None,
    field: str = "",
    shown: tuple[Any, Any] | None = None,
) -> None:
    # `shown` is what a miss lists for (gold, predicted): with their spans.
    gold_shown, predicted_shown = shown if shown is not None else (gold, predicted)
    if gold is None:
        counts.fp += predicted is not None
        if predicted is not None and sink is not None:
            sink(field, "spurious", None, predicted_shown)
        return
    if predicted is not None and normalise_text(predicted) == normalise_text(gold):
        counts.tp += 1
        return
    counts.fn += 1
    counts.fp += predicted is not None
    if sink is not None:
        sink(field, "missed" if predicted is None else "wrong", gold_shown, predicted_shown)


def _score_dateline(
    score: _CorpusScore, gold: dict[str, Any] | None, dispatch: Dispatch, sink: _Sink = None
) -> None:
    predicted = dispatch.dateline
    _score_text(
        score.dateline,
        None if gold is None else gold["text"],
        None if predicted is None else predicted.text,
        sink=sink,
        field="dateline",
        shown=(
            None if gold is None else {k: gold.get(k) for k in ("text", "start", "end")},
            _span_of(predicted),
        ),
    )
    if gold is None:
        return
    date = None if predicted is None or predicted.date is None else predicted.date.isoformat()
    parts = (
        ("place", gold.get("place"), None if predicted is None else predicted.place or None),
        (
            "region",
            gold.get("country_or_region"),
            None if predicted is None else predicted.region or None,
        ),
        ("date", gold.get("date"), date),
        ("agency", gold.get("agency"), None if predicted is None else predicted.agency),
    )
    for name, expected, actual in parts:
        ok = predicted is not None and actual == expected
        getattr(score, name).add(ok)
        if not ok and sink is not None:
            sink(f"dateline_{name}", "wrong", expected, actual)


def _score_byline(
    score: _CorpusScore, gold: dict[str, Any] | None, dispatch: Dispatch, sink: _Sink = None
) -> None:
    gold_names = {normalise_text(a) for a in (gold or {}).get("authors", ())}
    predicted = dispatch.byline
    names = set() if predicted is None else {normalise_text(a.name) for a in predicted.authors}
    score.byline.tp += len(gold_names & names)
    score.byline.fp += len(names - gold_names)
    score.byline.fn += len(gold_names - names)
    if sink is not None and names != gold_names:
        authors = (
            []
            if predicted is None
            else [
                {"text": a.name, "start": a.span.start, "end": a.span.end}
                for a in predicted.authors
            ]
        )
        sink(
            "byline_authors",
            "wrong",
            {"authors": sorted(gold_names), **{k: (gold or {}).get(k) for k in ("start", "end")}},
            {"authors": authors},
        )


def _gold_statement(g: dict[str, Any]) -> dict[str, Any]:
    keys = ("speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end")
    return {
        "content": g.get("content"),
        "content_spans": [{"start": s, "end": e} for s, e in _gold_content_spans(g)],
        **{k: g.get(k) for k in keys},
        "speaker_resolved": g.get("speaker_resolved"),
    }


def _predicted_statement(statement: Any) -> dict[str, Any]:
    return {
        "kind": statement.kind,
        "content": statement.content.text,
        "content_spans": [{"start": f.start, "end": f.end} for f in statement.content.fragments],
        "speaker": _span_of(statement.speaker),
        "speaker_resolved": None if statement.speaker is None else statement.speaker.name,
        "cue": _span_of(statement.cue),
        "rule": statement.rule,
    }


def statement_chars(text: str, statement: Statement) -> frozenset[int]:
    """
    Return the character offsets of a predicted statement's content fragments.
    """
    fragments = [(f.start, f.end) for f in statement.content.fragments] or [
        (statement.content.span.start, statement.content.span.end)
    ]
    return _chars(text, fragments)


def best_match(chars: frozenset[int], gold_chars: list[frozenset[int]]) -> int:
    """
    Return the index of the gold statement that half-overlaps ``chars`` most, or -1.
    """
    best, best_overlap = -1, 0
    for index, other in enumerate(gold_chars):
        if not chars or not other:
            continue
        overlap = len(chars & other)
        if overlap * 2 >= max(len(chars), len(other)) and overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _score_statements(
    score: _CorpusScore, gold: list[dict[str, Any]], dispatch: Dispatch, sink: _Sink = None
) -> None:
    text = dispatch.text
    gold_chars = [_chars(text, _gold_content_spans(g)) for g in gold]
    counted = [g.get("cue_class_heuristic", "speech") == "speech" for g in gold]
    matched_gold: set[int] = set()
    for statement in dispatch.statements:
        chars = statement_chars(text, statement)
        best = best_match(chars, gold_chars)
        if best < 0:
            score.statements.fp += 1
            if sink is not None:
                sink("statement", "spurious", None, _predicted_statement(statement))
            continue
        if not counted[best] or best in matched_gold:
            # A match to a non-speech attribution, or a second match to the
            # same gold statement, is neither a hit nor a false positive.
            continue
        matched_gold.add(best)
        score.statements.tp += 1
        score.exact += chars == gold_chars[best]
        g = gold[best]
        speaker_spans = _gold_role_spans(g, "speaker")
        mention = statement.speaker
        checks: list[tuple[str, bool]] = []
        if speaker_spans or mention is not None:
            checks.append(
                (
                    "speaker",
                    mention is not None
                    and bool(speaker_spans)
                    and _overlaps([(mention.span.start, mention.span.end)], speaker_spans),
                )
            )
        cue = statement.cue
        checks.append(
            (
                "cue",
                cue is not None
                and _overlaps([(cue.span.start, cue.span.end)], _gold_role_spans(g, "cue")),
            )
        )
        if "speaker_resolved" in g and g["speaker_resolved"] is not None:
            checks.append(
                ("resolved", mention is not None and mention.name == g["speaker_resolved"])
            )
        for name, ok in checks:
            getattr(score, name).add(ok)
            if not ok and sink is not None:
                sink(
                    f"statement_{name}",
                    "wrong",
                    _gold_statement(g),
                    _predicted_statement(statement),
                )
    for i, ok in enumerate(counted):
        if ok and i not in matched_gold:
            score.statements.fn += 1
            if sink is not None:
                sink("statement", "missed", _gold_statement(gold[i]), None)


def evaluate_records(
    records: Iterable[dict[str, Any]], *, misses: list[dict[str, Any]] | None = None
) -> dict[str, dict[str, Any]]:
    """
    Parse each gold record and score it; return scores per corpus.

    The result maps corpus name (and ``"all"``) to a mapping of field to
    scores; see the module comment for the definitions. With ``misses``,
    every miss is appended to it (see the module comment for the shape).

    >>> rec = {"corpus": "demo", "text": "Quake\\n\\nTOKYO (Kyodo) -- It shook.",
    ...        "gold": {"headline": "Quake", "dateline": None}}
    >>> scores = evaluate_records([rec])
    >>> scores["demo"]["headline"]["f1"], scores["demo"]["dateline"]["fp"]
    (1.0, 1)
    """
    per_corpus: dict[str, _CorpusScore] = defaultdict(_CorpusScore)
    for record in records:
        dispatch = parse(
            record["text"],
            reference_date=record.get("reference_date"),
            source_id=record.get("id"),
        )
        gold = record.get("gold") or {}
        corpus = str(record.get("corpus") or "unknown")
        for name in (corpus, "all"):
            score = per_corpus[name]
            # Misses are listed once per record, on its pass for "all".
            sink = _sink(misses, record, corpus) if name == "all" else None
            score.documents += 1
            if "headline" in gold:
                score.has.add("headline")
                _score_text(
                    score.headline,
                    gold["headline"],
                    None if dispatch.headline is None else dispatch.headline.text,
                    sink=sink,
                    field="headline",
                    shown=(gold["headline"], _span_of(dispatch.headline)),
                )
                if gold["headline"] is None:
                    score.invented.add(dispatch.headline is not None)
            if "dateline" in gold:
                score.has.add("dateline")
                _score_dateline(score, gold["dateline"], dispatch, sink)
            if "byline" in gold:
                score.has.add("byline")
                _score_byline(score, gold["byline"], dispatch, sink)
            if gold.get("statements") is not None:
                score.has.add("statements")
                _score_statements(score, gold["statements"], dispatch, sink)
    return {name: score.as_dict() for name, score in sorted(per_corpus.items())}


def _sink(misses: list[dict[str, Any]] | None, record: dict[str, Any], corpus: str) -> _Sink:
    if misses is None:
        return None
    found = misses

    def add(field: str, kind: str, gold: Any, predicted: Any) -> None:
        found.append(
            {
                "id": record.get("id"),
                "corpus": corpus,
                "field": field,
                "kind": kind,
                "gold": gold,
                "predicted": predicted,
            }
        )

    return add


def _ratio(value: float, n: int) -> str:
    return f"{value:.4f}" if n else "n/a"


def format_report(scores: dict[str, dict[str, Any]]) -> str:
    """
    Render scores as a fixed-width table, one row per corpus and field.

    A score with nothing to count (no predictions for P, no gold items for R,
    no cases for an accuracy) is shown as ``n/a``.

    >>> rec = {"corpus": "demo", "text": "Quake\\n\\nTOKYO (Kyodo) -- It shook.",
    ...        "gold": {"headline": "Quake", "statements": []}}
    >>> print(format_report(evaluate_records([rec])))  # doctest: +NORMALIZE_WHITESPACE
    corpus field P R F1 acc n
    all headline 1.0000 1.0000 1.0000 1
    all headline_invented n/a 0
    all statements n/a n/a n/a 0
    all statements_exact n/a n/a n/a 0
    all statement_speaker n/a 0
    all statement_cue n/a 0
    all statement_resolved n/a 0
    demo headline 1.0000 1.0000 1.0000 1
    demo headline_invented n/a 0
    demo statements n/a n/a n/a 0
    demo statements_exact n/a n/a n/a 0
    demo statement_speaker n/a 0
    demo statement_cue n/a 0
    demo statement_resolved n/a 0
    """
    lines = [f"{'corpus':<14} {'field':<20} {'P':>7} {'R':>7} {'F1':>7} {'acc':>7} {'n':>7}"]
    for corpus, fields in scores.items():
        for field, value in fields.items():
            if not isinstance(value, dict):
                continue
            if "f1" in value:
                n = value["tp"] + value["fn"]
                # A ratio over nothing is not a score: n/a, not 1.0000.
                p = _ratio(value["precision"], value["tp"] + value["fp"])
                r = _ratio(value["recall"], n)
                f1 = _ratio(value["f1"], min(n, value["tp"] + value["fp"]))
                lines.append(f"{corpus:<14} {field:<20} {p:>7} {r:>7} {f1:>7} {'':>7} {n:>7}")
            else:
                # A rate (headline_invented) shows in the accuracy column.
                share = value["accuracy"] if "accuracy" in value else value.get("rate", 0.0)
                accuracy = _ratio(float(share), value["total"])
                lines.append(
                    f"{corpus:<14} {field:<20} {'':>7} {'':>7} {'':>7} "
                    f"{accuracy:>7} {value['total']:>7}"
                )
    return "\n".join(lines)
