"""
Properties that hold for every input: parse returns, spans are exact, records round-trip.
"""

from __future__ import annotations

import itertools
import json
import pickle

import pytest
from hypothesis import example, given

import newswire
from newswire import Dispatch
from tests.property.strategies import any_text, damaged, dispatches

pytestmark = pytest.mark.property


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
        assert statement.paragraphs, statement
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

    assert dispatch == Dispatch.from_dict(json.loads(encoded))
    assert dispatch == Dispatch.from_dict(data)
    assert dispatch == pickle.loads(pickle.dumps(dispatch))


class TestEveryInput:
    @given(any_text())
    @example("")
    @example("\0")
    @example("\ud800")
    @example('"')
    @example("\ufeff\r\n\r\n")
    @example("\u200b" * 5)
    def test_parse_returns_exact_spans(self, text: str) -> None:
        """
        For any text, parse returns and every span slices to its record's text.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01")

        assert text == dispatch.text
        check_spans(dispatch)

    @given(any_text())
    def test_paragraphs_ordered_and_disjoint(self, text: str) -> None:
        """
        Paragraphs are ordered and disjoint; statement fragments lie in their paragraphs.
        """
        check_paragraphs(newswire.parse(text))

    @given(any_text())
    @example("\ud800 said \0")
    def test_records_round_trip(self, text: str) -> None:
        """
        A dispatch survives JSON and pickle, lone surrogates and NUL included.
        """
        check_round_trip(newswire.parse(text, reference_date="2024-01-01", source_id="x"))


class TestDispatchShapes:
    @given(dispatches())
    def test_whole_dispatches(self, text: str) -> None:
        """
        Undamaged dispatch-like text keeps every invariant.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01")

        check_spans(dispatch)
        check_paragraphs(dispatch)
        check_round_trip(dispatch)

    @given(damaged())
    def test_damaged_dispatches(self, text: str) -> None:
        """
        Damaged dispatch-like text keeps every invariant.
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
