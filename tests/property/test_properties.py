"""
Properties that hold for every input: parse returns, spans are exact, records round-trip.
"""

from __future__ import annotations

import itertools
import json
import pickle
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newswire
from newswire import Dispatch
from tests.property.strategies import any_text, damaged, dispatches

pytestmark = pytest.mark.property

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")


def check_spans(dispatch: Dispatch) -> None:
    """
    Every span lies inside the text and slices to its record's text.
    """
    text = dispatch.text
    for role, span, expected in dispatch.iter_spans():
        assert 0 <= span.start <= span.end <= len(text), (role, span)
        if expected is not None:
            assert expected == text[span.start : span.end], (role, span)


def check_paragraphs(dispatch: Dispatch) -> None:
    """
    Paragraphs are numbered in order, disjoint, and hold their statements' fragments.
    """
    paragraphs = dispatch.paragraphs
    assert [p.index for p in paragraphs] == list(range(len(paragraphs)))
    for before, after in itertools.pairwise(paragraphs):
        assert before.span.end <= after.span.start
    for statement in dispatch.statements:
        if not statement.paragraphs:
            # A statement read in a header block (a quote as the headline)
            # belongs to no paragraph; it must then lie outside all of them.
            assert not any(statement.content.span.overlaps(p.span) for p in paragraphs)
            continue
        held = [paragraphs[i].span for i in statement.paragraphs]
        first, last = held[0], held[-1]
        for fragment in statement.content.fragments:
            assert first.start <= fragment.start <= fragment.end <= last.end, (fragment, held)


def check_round_trip(dispatch: Dispatch) -> None:
    """
    ``to_dict`` is JSON-safe and ``from_dict`` rebuilds an equal dispatch.
    """
    data = dispatch.to_dict()
    encoded = json.dumps(data)

    assert dispatch == Dispatch.from_dict(data)
    assert dispatch == pickle.loads(pickle.dumps(dispatch))
    if not _SURROGATE_PAIR.search(dispatch.text):
        # JSON cannot keep a high and a low surrogate apart: "\ud800\udc00"
        # reads back as one character (U+10000). Lone surrogates do survive.
        assert dispatch == Dispatch.from_dict(json.loads(encoded))


class TestEveryInput:
    @given(any_text())
    @example("")
    @example("\0")
    @example("\ud800")
    @example("\ud800 said \0")
    @example('"')
    @example("\ufeff\r\n\r\n")
    @example("\u200b" * 5)
    @example('"Prices," Li Wei said.\n\nEnditem')
    def test_any_text(self, text: str) -> None:
        """
        For any text, parse returns; spans are exact; paragraphs are ordered; records round-trip.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01", source_id="x")

        assert text == dispatch.text
        check_spans(dispatch)
        check_paragraphs(dispatch)
        check_round_trip(dispatch)


class TestDispatchShapes:
    @given(st.one_of(dispatches(), damaged()))
    def test_dispatch_like_text(self, text: str) -> None:
        """
        Dispatch-like text, whole or damaged, keeps every invariant.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01")

        check_spans(dispatch)
        check_paragraphs(dispatch)
        check_round_trip(dispatch)

    @given(dispatches())
    def test_parse_many_matches_parse(self, text: str) -> None:
        """
        ``parse_many`` gives what ``parse`` gives, item by item.
        """
        expected = [newswire.parse(text, source_id="a"), newswire.parse(text[::-1], source_id="b")]

        actual = list(newswire.parse_many([("a", text), ("b", text[::-1])]))

        assert expected == actual
