"""
The records: immutable, hashable, exact spans, and a stable JSON contract.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import jsonschema
import pytest

import newswire
from newswire import Dispatch, Span

SAMPLE = (
    "Kenya, China sign energy pact\n\n"
    "By JANE MWANGI\nAssociated Press Writer\n\n"
    "NAIROBI, Kenya, March 13 (AP) -- Kenya's energy minister, Grace Wanjiru, said on "
    "Wednesday the pact would bring power to rural areas.\n\n"
    '"This is a historic day," Wanjiru said. "Every village will be lit."\n\n'
    "Officials said the first plant would open next year, according to the ministry.\n\n"
    "(Reporting by Jane Mwangi; Editing by Tom Hale)"
)


class TestSpan:
    def test_rejects_backwards_span(self) -> None:
        """
        A span that ends before it starts is a programming error.
        """
        with pytest.raises(ValueError, match=r"bad span 5\.\.3"):
            Span(5, 3)

    def test_rejects_negative_start(self) -> None:
        """
        Offsets start at zero.
        """
        with pytest.raises(ValueError, match="bad span"):
            Span(-1, 3)

    def test_length_and_overlap(self) -> None:
        """
        Spans measure themselves and tell whether they overlap (half-open).
        """
        assert 3 == len(Span(2, 5))
        assert Span(2, 5).overlaps(Span(4, 9))
        assert not Span(2, 5).overlaps(Span(5, 9))


class TestRecords:
    def test_records_are_frozen(self) -> None:
        """
        Assigning to a record's field fails.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            dispatch.headline = None  # type: ignore[misc]

    def test_records_are_hashable(self) -> None:
        """
        Every record hashes, so dispatches can be set members and dict keys.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        assert 1 == len({dispatch, newswire.parse(SAMPLE, reference_date="2024-03-14")})

    def test_sequences_are_tuples(self) -> None:
        """
        Sequences on records are tuples, never lists.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        for field in attrs.fields(Dispatch):
            value = getattr(dispatch, field.name)
            assert not isinstance(value, list), field.name

    def test_records_use_slots(self) -> None:
        """
        Records are slotted (no per-instance __dict__).
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        assert not hasattr(dispatch, "__dict__")
        assert not hasattr(Span(0, 1), "__dict__")

    def test_every_span_slices_to_its_text(self) -> None:
        """
        ``text[span.start:span.end]`` is exactly each record's text.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        for role, span, expected in dispatch.iter_spans():
            assert span.end <= len(SAMPLE), role
            if expected is not None:
                assert expected == SAMPLE[span.start : span.end], role

    def test_repr_is_short(self) -> None:
        """
        The repr summarises instead of echoing the whole text.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14")

        assert repr(dispatch).startswith("Dispatch(source_id=None, headline='Kenya, China sign")
        assert len(repr(dispatch)) < 200


class TestJson:
    def test_round_trip(self) -> None:
        """
        ``from_dict(to_dict(d))`` rebuilds an equal dispatch, through JSON.
        """
        dispatch = newswire.parse(SAMPLE, reference_date="2024-03-14", source_id="ap-1")

        rebuilt = Dispatch.from_dict(json.loads(json.dumps(dispatch.to_dict())))

        assert dispatch == rebuilt

    def test_contract_keys(self) -> None:
        """
        The documented keys are present with their documented meaning.
        """
        data = newswire.parse(SAMPLE, reference_date="2024-03-14").to_dict()

        assert {"text", "start", "end"} <= set(data["headline"])
        assert {"text", "start", "end", "place", "region", "date", "agency"} <= set(
            data["dateline"]
        )
        assert {"text", "start", "end", "authors", "agency"} <= set(data["byline"])
        assert "2024-03-13" == data["dateline"]["date"]
        assert all({"text", "start", "end"} <= set(p) for p in data["paragraphs"])
        assert isinstance(data["diagnostics"], list)

    def test_output_follows_the_shipped_schema(self) -> None:
        """
        Real output validates against the JSON Schema shipped with the package.
        """
        schema = newswire.json_schema()
        jsonschema.Draft202012Validator.check_schema(schema)

        for text in (SAMPLE, "", "   ", '"Hi," he said.', "PARIS (AFP) - x"):
            jsonschema.validate(newswire.parse(text).to_dict(), schema)

    def test_diagnostic_without_span(self) -> None:
        """
        A diagnostic about the whole text has null offsets.
        """
        data = newswire.parse("").to_dict()

        assert [
            {
                "code": "text.empty",
                "message": "the text is empty or only white space",
                "start": None,
                "end": None,
            }
        ] == data["diagnostics"]

    def test_reference_date_round_trips(self) -> None:
        """
        The reference date used survives the JSON round trip as a date.
        """
        dispatch = newswire.parse(
            "x", reference_date=dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
        )

        assert dt.date(2024, 3, 14) == Dispatch.from_dict(dispatch.to_dict()).reference_date
