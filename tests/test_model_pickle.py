"""
Records pickle compactly: equal after a round trip, still frozen, and a fast Span builder.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

import newswire
from newswire import _model as model
from newswire._model import (
    Author,
    Byline,
    Credit,
    Cue,
    Dateline,
    Diagnostic,
    Dispatch,
    Entity,
    Headline,
    Paragraph,
    Quote,
    SourceLine,
    Span,
    Speaker,
    Statement,
    Trailer,
    _span,
)

# Our own sentences, in an agency's style; offsets need not match a text here.
AUTHOR = Author(name="ANN LEE", display="Ann Lee", span=Span(3, 10), title="AP Writer")
QUOTE = Quote(text="We will build", span=Span(40, 53), fragments=(Span(40, 45), Span(47, 53)))
CUE = Cue(text="told", span=Span(55, 59), lemma="tell")
SPEAKER = Speaker(
    text="he", span=Span(60, 62), name="John Smith", kind="person", how="pronoun", entity=0
)
STATEMENT = Statement(
    kind="mixed", content=QUOTE, cue=CUE, speaker=SPEAKER, paragraphs=(1, 2), rule="quote-cue"
)
CREDIT = Credit(
    role="reporting", text="Reporting by Ann Lee", span=Span(90, 110), authors=(AUTHOR,),
    place="Nairobi",
)  # fmt: skip
TRAILER = Trailer(text="Enditem", span=Span(120, 127), credits=(CREDIT,), end_marker=Span(120, 127))
DATELINE = Dateline(
    text="NAIROBI, March 13 (Xinhua) --", span=Span(12, 41), place="NAIROBI",
    place_span=Span(12, 19), region="Kenya", date=dt.date(2024, 3, 13), date_span=Span(21, 29),
    month=3, day=13, agency="Xinhua", agency_text="Xinhua", agency_span=Span(31, 37),
    separator="--",
)  # fmt: skip
SOURCE_LINE = SourceLine(
    text="(Xinhua) 18:00, March 13, 2024", span=Span(0, 30), kind="source",
    timestamp=dt.datetime(2024, 3, 13, 18, 0, tzinfo=dt.timezone.utc), agency="Xinhua",
)  # fmt: skip
ENTITY = Entity(
    name="John Smith", kind="person", title="Energy Minister", mentions=(Span(1, 3), Span(60, 62))
)
DIAGNOSTIC = Diagnostic(code="date.no_year", message="no year given", span=Span(21, 29))
PARAGRAPH = Paragraph(text="Kenya signed a pact.", span=Span(42, 62), index=1)
DISPATCH = Dispatch(
    text="x" * 130, source_id="x-1", reference_date=dt.date(2024, 3, 14),
    headline=Headline(text="Pact signed", span=Span(0, 11)), source_lines=(SOURCE_LINE,),
    byline=Byline(text="By ANN LEE", span=Span(0, 10), authors=(AUTHOR,), agency="AP",
                  agency_text="AP", title="AP Writer"),
    dateline=DATELINE, paragraphs=(PARAGRAPH,), statements=(STATEMENT,), entities=(ENTITY,),
    trailer=TRAILER, diagnostics=(DIAGNOSTIC, Diagnostic(code="text.odd", message="odd")),
)  # fmt: skip

RECORDS = [
    pytest.param(Span(3, 9), id="span"),
    pytest.param(Span(0, 0), id="empty-span"),
    pytest.param(DISPATCH.headline, id="headline"),
    pytest.param(SOURCE_LINE, id="source-line"),
    pytest.param(DISPATCH.byline, id="byline"),
    pytest.param(AUTHOR, id="author"),
    pytest.param(DATELINE, id="dateline"),
    pytest.param(Dateline(text="(Undated)", span=Span(0, 9)), id="dateline-defaults"),
    pytest.param(PARAGRAPH, id="paragraph"),
    pytest.param(QUOTE, id="quote"),
    pytest.param(CUE, id="cue"),
    pytest.param(SPEAKER, id="speaker"),
    pytest.param(Speaker(text="officials", span=Span(0, 9), name=None), id="speaker-unresolved"),
    pytest.param(STATEMENT, id="statement"),
    pytest.param(
        Statement(kind="according_to", content=QUOTE, cue=None, speaker=None), id="bare-statement"
    ),
    pytest.param(ENTITY, id="entity"),
    pytest.param(CREDIT, id="credit"),
    pytest.param(TRAILER, id="trailer"),
    pytest.param(DIAGNOSTIC, id="diagnostic"),
    pytest.param(Diagnostic(code="text.empty", message="empty"), id="diagnostic-unplaced"),
    pytest.param(DISPATCH, id="dispatch"),
    pytest.param(Dispatch(text=""), id="empty-dispatch"),
]


class TestPickle:
    @pytest.mark.parametrize("record", RECORDS)
    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_round_trip(self, record: Any, protocol: int) -> None:
        """
        Every record comes back equal, hash-equal and of the same class, in every protocol.
        """
        copied = pickle.loads(pickle.dumps(record, protocol=protocol))

        assert record == copied
        assert hash(record) == hash(copied)
        assert type(record) is type(copied)

    @pytest.mark.parametrize("record", RECORDS)
    def test_copies(self, record: Any) -> None:
        """
        ``copy.copy`` and ``copy.deepcopy`` (which use the same reduction) give equal records.
        """
        assert record == copy.copy(record)
        assert record == copy.deepcopy(record)

    def test_restored_records_stay_frozen(self) -> None:
        """
        A record rebuilt from a pickle is as immutable as the original.
        """
        copied: Dispatch = pickle.loads(pickle.dumps(DISPATCH))

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            copied.source_id = "y"  # type: ignore[misc]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            copied.paragraphs[0].span.start = 1  # type: ignore[misc]

    def test_parsed_dispatch_round_trips(self) -> None:
        """
        A parsed dispatch survives a round trip with every span intact.
        """
        dispatch = newswire.parse(
            "Pact signed\n\nNAIROBI, March 13 (Xinhua) -- Kenya signed a pact, "
            'officials said.\n\n"We will build," Energy Minister John Smith told reporters.',
            reference_date="2024-03-14",
        )

        copied = pickle.loads(pickle.dumps(dispatch))

        assert dispatch == copied
        assert list(dispatch.iter_spans()) == list(copied.iter_spans())

    def test_compact(self) -> None:
        """
        The pickle names no fields: smaller than attrs' {name: value} state would be.
        """
        data = pickle.dumps(DATELINE)

        assert b"agency_span" not in data
        assert b"place" not in data

    def test_every_record_class_is_covered(self) -> None:
        """
        Each record class in the model has the compact reduction (a new one must be listed).
        """
        classes = {c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)}

        assert classes == {*model._RECORDS, Span}

    def test_wrong_number_of_values_is_refused(self) -> None:
        """
        Restoring from values that do not fit the class fails loudly, never half-built.
        """
        restore = model._restore_Cue  # type: ignore[attr-defined]  # made at import
        with pytest.raises(TypeError, match="missing 1 required positional argument"):
            restore("said", 0, 4)
        assert restore("said", 0, 4, "say") == Cue(text="said", span=Span(0, 4), lemma="say")


class TestFastSpan:
    @pytest.mark.parametrize(
        ("start", "end"),
        [
            pytest.param(0, 0, id="empty-at-start"),
            pytest.param(4, 9, id="word"),
            pytest.param(7, 7, id="empty-inside"),
            pytest.param(0, 10**9, id="long"),
        ],
    )
    def test_same_as_checked_span(self, start: int, end: int) -> None:
        """
        ``_span`` builds what ``Span`` builds: equal, hash-equal, same repr, same pickle.
        """
        checked = Span(start, end)

        fast = _span(start, end)

        assert checked == fast
        assert hash(checked) == hash(fast)
        assert repr(checked) == repr(fast)
        assert pickle.dumps(checked) == pickle.dumps(fast)
        assert (start, end, end - start) == (fast.start, fast.end, len(fast))

    def test_frozen(self) -> None:
        """
        A fast span is as immutable as a checked one.
        """
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _span(1, 2).end = 5  # type: ignore[misc]
