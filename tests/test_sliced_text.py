"""
Paragraph texts and statement contents are sliced from the dispatch on demand, not copied.

A parse holds each paragraph's text and each statement's content as its span over the
dispatch's text (see ``_model``): the records read the same, compare, hash, print, evolve
and pickle as records made with the text itself, and a parse of a big dispatch keeps no
second copy of it.
"""

from __future__ import annotations

import copy
import gc
import pickle
import typing

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire import _batch as batch
from newswire._model import (
    Paragraph,
    Quote,
    Span,
    _joined,
    _sliced_paragraph,
    _sliced_quote,
    _Source,
)

# Our own copy, in the agencies' styles.
DISPATCH = (
    "Port strike ends\n\n"
    "ROTTERDAM, March 4 (Reuters) - Dock workers voted to return on Monday.\n\n"
    '"We have a deal, and it is a fair one," union leader Jan de Vries said. '
    "The employers, he added, had given ground on pay.\n\n"
    "Shipping lines said the backlog would take a week to clear."
)


@pytest.fixture(scope="module")
def dispatch() -> newswire.Dispatch:
    return newswire.parse(DISPATCH)


def test_parsed_records_read_their_slice(dispatch: newswire.Dispatch) -> None:
    texts = [p.text for p in dispatch.paragraphs]
    assert texts == [
        "ROTTERDAM, March 4 (Reuters) - Dock workers voted to return on Monday.",
        (
            '"We have a deal, and it is a fair one," union leader Jan de Vries said. '
            "The employers, he added, had given ground on pay."
        ),
        "Shipping lines said the backlog would take a week to clear.",
    ]
    for paragraph in dispatch.paragraphs:
        assert paragraph.text == DISPATCH[paragraph.span.start : paragraph.span.end]
    contents = [s.content for s in dispatch.statements]
    assert [c.text for c in contents] == [
        "We have a deal, and it is a fair one,",
        "The employers, he added, had given ground on pay",
        "the backlog would take a week to clear",
    ]
    # Joined, the first loses its comma and the second its interruption; the
    # third reads the same, and so is sliced too.
    assert [c.joined for c in contents] == [
        "We have a deal, and it is a fair one",
        "The employers had given ground on pay",
        "the backlog would take a week to clear",
    ]


def test_a_parse_keeps_no_copy_of_the_texts(dispatch: newswire.Dispatch) -> None:
    # What a record holds (its slots): the dispatch's one shared source, no
    # string, even for a quote whose joined form reads otherwise.
    sources: set[int] = set()
    records: list[Paragraph | Quote] = [
        *dispatch.paragraphs,
        *(s.content for s in dispatch.statements),
    ]
    for record in records:
        held = gc.get_referents(record)
        assert [value for value in held if isinstance(value, str)] == []
        sources.update(id(value) for value in held if isinstance(value, _Source))
    assert len(sources) == 1
    # A content of one fragment, its own span, holds no tuple of it either.
    for statement in dispatch.statements:
        content = statement.content
        held = gc.get_referents(content)
        if len(content.fragments) == 1:
            assert content.fragments == (content.span,)
            assert content.fragments[0] is content.span
            assert [value for value in held if isinstance(value, tuple)] == []
        else:
            assert content.fragments in held
    # Each read makes a fresh slice.
    paragraph = dispatch.paragraphs[0]
    assert paragraph.text == paragraph.text
    assert paragraph.text is not paragraph.text


def test_sliced_and_copied_records_are_equal(dispatch: newswire.Dispatch) -> None:
    for paragraph in dispatch.paragraphs:
        own = Paragraph(text=paragraph.text, span=paragraph.span, index=paragraph.index)
        assert own == paragraph
        assert paragraph == own
        assert hash(own) == hash(paragraph)
        assert repr(own) == repr(paragraph)
        assert attrs.asdict(own) == attrs.asdict(paragraph)
        assert own.to_dict() == paragraph.to_dict()
    for statement in dispatch.statements:
        content = statement.content
        own_quote = Quote(
            text=content.text, span=content.span, fragments=content.fragments, joined=content.joined
        )
        assert own_quote == content
        assert hash(own_quote) == hash(content)
        assert repr(own_quote) == repr(content)


def test_pickle_and_copy_give_records_of_their_own_text(dispatch: newswire.Dispatch) -> None:
    paragraph = dispatch.paragraphs[1]
    for made in (
        pickle.loads(pickle.dumps(paragraph)),
        copy.copy(paragraph),
        copy.deepcopy(paragraph),
    ):
        assert made == paragraph
        assert made.text == paragraph.text
    # A lone record pickles its own text, never the whole dispatch's.
    assert len(pickle.dumps(paragraph)) < len(DISPATCH)
    again = pickle.loads(pickle.dumps(dispatch))
    assert again == dispatch
    assert again.to_dict() == dispatch.to_dict()


def test_evolve_gives_a_record_of_the_new_text(dispatch: newswire.Dispatch) -> None:
    paragraph = dispatch.paragraphs[0]
    changed = attrs.evolve(paragraph, text="Elsewhere.")
    assert changed.text == "Elsewhere."
    assert changed.span == paragraph.span
    content = dispatch.statements[1].content
    assert attrs.evolve(content, joined="given ground").joined == "given ground"
    assert attrs.evolve(content, joined="given ground").text == content.text


def test_records_stay_frozen(dispatch: newswire.Dispatch) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        dispatch.paragraphs[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        dispatch.statements[0].content.joined = "changed"  # type: ignore[misc]


def test_fields_and_annotations_are_unchanged() -> None:
    assert [f.name for f in attrs.fields(Paragraph)] == ["text", "span", "index"]
    assert [f.name for f in attrs.fields(Quote)] == ["text", "span", "fragments", "joined"]
    assert typing.get_type_hints(Paragraph)["text"] is str
    assert typing.get_type_hints(Quote)["joined"] is str
    assert Paragraph.text.__doc__ is None or isinstance(Paragraph.text.__doc__, str)


def test_records_made_by_hand_keep_their_text() -> None:
    # Even when the text does not match the span's length: a caller's record is the caller's.
    paragraph = Paragraph(text="Prices rose.", span=Span(0, 3), index=0)
    assert paragraph.text == "Prices rose."
    quote = Quote(text="We will win,", span=Span(1, 13), fragments=(Span(1, 13),))
    assert quote.joined == "We will win,"


@given(st.text(max_size=60), st.data())
def test_a_sliced_record_reads_as_its_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cut = data.draw(st.integers(start, end))
    source = _Source(text)
    span = Span(start, end)
    paragraph = _sliced_paragraph(source, span, 3)
    assert paragraph == Paragraph(text[start:end], span, 3)
    # Read joined, the fragments lose their interruption: what the parse made of them.
    fragments = (Span(start, cut), Span(cut, end))
    quote = _sliced_quote(source, span, fragments)
    expected = _joined([text[start:cut], text[cut:end]])
    assert quote == Quote(text=text[start:end], span=span, fragments=fragments, joined=expected)
    assert pickle.loads(pickle.dumps(quote)) == quote


class TestWorkerResults:
    """
    Workers send their results pickled with the shared-source reductions; this process loads them.
    """

    def test_parse_many_results_are_equal_and_still_sliced(self) -> None:
        texts = [DISPATCH.replace("Monday", day) for day in ("Monday", "Tuesday", "Friday")] * 12

        results = list(newswire.parse_many(texts, workers=2, chunksize=2))

        assert results == [newswire.parse(text) for text in texts]
        for dispatch in results:
            assert isinstance(dispatch, newswire.Dispatch)
            held = gc.get_referents(dispatch.paragraphs[0])
            [source] = [value for value in held if isinstance(value, _Source)]
            # The records slice the dispatch's own text, not a copy of it.
            assert source.text is dispatch.text

    def test_a_chunk_pickles_each_text_once(self) -> None:
        texts = [DISPATCH, DISPATCH.replace("Monday", "Sunday")]

        blob = batch._run_chunk_pickled(texts, newswire.parse, str)
        lone = pickle.dumps([newswire.parse(text) for text in texts], pickle.HIGHEST_PROTOCOL)

        received: list[object] = batch._received(blob)
        assert received == [newswire.parse(text) for text in texts]
        # The texts go once, not again for the paragraphs and the contents.
        assert len(blob) < len(lone) - len(DISPATCH)

    def test_loading_leaves_the_collector_as_it_was(self) -> None:
        blob = batch._run_chunk_pickled([DISPATCH], newswire.parse, str)
        assert gc.isenabled()
        batch._received(blob)
        assert gc.isenabled()
        gc.disable()
        try:
            batch._received(blob)
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_results_made_here_pass_through(self) -> None:
        results: list[object] = ["made here"]
        assert batch._received(results) is results
