"""
Properties of pickling: every parsed dispatch and every span survives, in every protocol.
"""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire import Span
from newswire._model import _span
from tests.property.strategies import any_text, damaged, dispatches

pytestmark = pytest.mark.property

_PROTOCOLS = st.integers(0, pickle.HIGHEST_PROTOCOL)


class TestPickleProperties:
    @given(st.one_of(dispatches(), damaged(), any_text()), _PROTOCOLS)
    def test_dispatch_round_trips(self, text: str, protocol: int) -> None:
        """
        Any dispatch pickles back equal, with the same spans, and pickles the same again.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01", source_id="p")

        data = pickle.dumps(dispatch, protocol=protocol)
        copied = pickle.loads(data)

        assert dispatch == copied
        assert list(dispatch.iter_spans()) == list(copied.iter_spans())
        assert data == pickle.dumps(copied, protocol=protocol)
        assert dispatch == copy.deepcopy(dispatch)

    @given(st.integers(0, 2**40), st.integers(0, 2**40), _PROTOCOLS)
    def test_fast_span_is_a_span(self, first: int, second: int, protocol: int) -> None:
        """
        ``_span`` gives what ``Span`` gives for any valid offsets, pickled or not.
        """
        start, end = sorted((first, second))

        fast = _span(start, end)

        assert Span(start, end) == fast
        assert hash(Span(start, end)) == hash(fast)
        assert pickle.dumps(Span(start, end), protocol) == pickle.dumps(fast, protocol)
        assert fast == pickle.loads(pickle.dumps(fast, protocol))
