"""
Dispatch.from_dict checks what it accepts and names the field at fault.
"""

from __future__ import annotations

import copy
import json
from typing import Any, get_args

import pytest

import newswire
from newswire import Dispatch, DispatchError, Span, _model, _validate

TEXT = (
    "China, Kenya sign energy pact\n\n"
    "By ANN LEE\n\n"
    "NAIROBI, March 13 (Xinhua) -- Kenya and China on Wednesday signed a pact, "
    "officials said.\n\n"
    '"It is a good day," Energy Minister John Smith told reporters.\n\n'
    "He said the pact covers solar power.\n\n"
    "Enditem"
)


def sample() -> dict[str, Any]:
    """
    The JSON form of a dispatch with every kind of record, freshly copied.
    """
    data = newswire.parse(TEXT, reference_date="2024-03-14", source_id="x-1").to_dict()
    assert all(data[key] for key in ("statements", "entities", "trailer", "byline"))
    return copy.deepcopy(json.loads(json.dumps(data)))


def put(data: dict[str, Any], path: str, value: Any) -> None:
    """
    Set the field at ``path`` (``statements[1].content.end``) to ``value``.
    """
    *parents, last = path.replace("[", ".").replace("]", "").split(".")
    target: Any = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value


BAD = [
    pytest.param("text", None, "text: must be a string, not null", id="text-null"),
    pytest.param("text", 5, "text: must be a string, not an integer", id="text-int"),
    pytest.param(
        "statements[1].content.end",
        10**100,
        "statements[1].content.end: 1000000000000000000000000000000000000000",
        id="span-past-end",
    ),
    pytest.param(
        "statements[0].content.start",
        "1",
        "statements[0].content.start: must be an integer, not a string",
        id="offset-string",
    ),
    pytest.param(
        "paragraphs[0].end",
        1.9,
        "paragraphs[0].end: must be an integer, not a number",
        id="offset-float",
    ),
    pytest.param(
        "headline.start",
        True,
        "headline.start: must be an integer, not a boolean",
        id="offset-bool",
    ),
    pytest.param("dateline.end", 3, "dateline.end: 3 is before start", id="backwards"),
    pytest.param(
        "headline.text",
        "China, Kenya sign energy deal",
        "headline.text: 'China, Kenya sign energy deal' is not the text at 0..29",
        id="text-not-slice",
    ),
    pytest.param(
        "statements[0].kind",
        "rumour",
        "statements[0].kind: unknown value 'rumour'",
        id="unknown-kind",
    ),
    pytest.param(
        "statements[0].speaker.how",
        "guess",
        "statements[0].speaker.how: unknown value",
        id="unknown-how",
    ),
    pytest.param(
        "statements[0].paragraphs[0]",
        99,
        "statements[0].paragraphs[0]: 99 is not the index of one of the 3 paragraphs",
        id="paragraph-index",
    ),
    pytest.param(
        "statements[0].speaker.entity",
        7,
        "statements[0].speaker.entity: 7 is not the index",
        id="entity-index",
    ),
    pytest.param(
        "paragraphs[2].index", -1, "paragraphs[2].index: -1 is not the index", id="own-index"
    ),
    pytest.param(
        "entities[0].mentions[0]",
        [1, 2],
        "entities[0].mentions[0]: must be an object, not an array",
        id="mention-shape",
    ),
    pytest.param("statements", {}, "statements: must be an array, not an object", id="shape"),
    pytest.param("dateline.month", 13, "dateline.month: 13 is not between 1 and 12", id="month"),
    pytest.param(
        "dateline.date",
        "2024-02-30",
        "dateline.date: '2024-02-30' is not an ISO date",
        id="date",
    ),
    pytest.param(
        "trailer.credits", [{"role": "x"}], "trailer.credits[0].start: missing", id="missing"
    ),
    pytest.param(
        "byline.authors[0].name",
        "ANN LEA",
        "byline.authors[0].name: 'ANN LEA' is not the text",
        id="author-name",
    ),
    pytest.param(
        "diagnostics",
        [{"code": "x", "message": "y", "start": 0, "end": 999}],
        "diagnostics[0].end: 999 is past the end of the text",
        id="diagnostic-span",
    ),
]


class TestFromDict:
    def test_round_trip(self) -> None:
        """
        What to_dict gives, from_dict takes back unchanged.
        """
        dispatch = newswire.parse(TEXT, reference_date="2024-03-14", source_id="x-1")

        assert dispatch == Dispatch.from_dict(sample())

    @pytest.mark.parametrize(("path", "value", "message"), BAD)
    def test_invalid_field_is_named(self, path: str, value: Any, message: str) -> None:
        """
        Each invalid value raises a DispatchError (a ValueError) that starts with its field path.
        """
        data = sample()
        put(data, path, value)

        with pytest.raises(DispatchError) as caught:
            Dispatch.from_dict(data)

        assert isinstance(caught.value, ValueError)
        assert caught.value.message.startswith(message), caught.value.message

    def test_not_an_object(self) -> None:
        """
        A dispatch that is not a JSON object is refused as such.
        """
        with pytest.raises(DispatchError, match="a dispatch must be an object, not an array"):
            Dispatch.from_dict([])  # type: ignore[arg-type]

    def test_span_from_dict_is_exact(self) -> None:
        """
        Span.from_dict takes ints only.
        """
        with pytest.raises(ValueError, match="span offsets must be integers"):
            Span.from_dict({"start": "1", "end": 2})

    def test_known_kinds_match_the_records(self) -> None:
        """
        The checker's kinds are the records' Literal types.
        """
        assert frozenset(get_args(_model.StatementKind)) == _validate._STATEMENT_KINDS
        assert frozenset(get_args(_model.SpeakerKind)) == _validate._SPEAKER_KINDS
        assert frozenset(get_args(_model.MentionHow)) == _validate._HOWS
