"""
Block segmentation: blank lines, indentation, hostile white space.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswire._blocks import _segment_lines, segment_blocks
from newswire._text import normalize


def blocks(text: str) -> list[str]:
    """
    The blocks of ``text`` as strings of the normalised text.
    """
    norm = normalize(text).text
    return [norm[b.start : b.end] for b in segment_blocks(norm)]


class TestSegmentBlocks:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "Title\n\nBody one.\n\nBody two.",
                ["Title", "Body one.", "Body two."],
                id="blank-lines",
            ),
            pytest.param("Title\n \t \nBody.", ["Title", "Body."], id="white-space-line"),
            pytest.param(
                "LONDON, March 3 - Gold\nfell.\n    Dealers said.",
                ["LONDON, March 3 - Gold\nfell.", "Dealers said."],
                id="reuters-indent",
            ),
            pytest.param("  one\n  two", ["one\n  two"], id="all-indented-kept-whole"),
            pytest.param("Title\r\n\r\nBody.\r\n", ["Title", "Body."], id="crlf"),
            pytest.param("Title\r\rBody.", ["Title", "Body."], id="cr"),
            pytest.param("Title\u2028\u2028Body.", ["Title", "Body."], id="line-separators"),
            pytest.param("\n" * 1000 + "x" + "\n" * 1000, ["x"], id="many-newlines"),
            pytest.param("x" + " " * 10_000 + "\n\ny", ["x", "y"], id="padded-line"),
            pytest.param("\ufeff\u200b\n\nx", ["x"], id="invisible-line"),
            pytest.param("", [], id="empty"),
            pytest.param(" \n\t\n \u00a0 ", [], id="only-white-space"),
        ],
    )
    def test_blocks(self, text: str, expected: list[str]) -> None:
        """
        Blocks are the trimmed runs of non-blank lines.
        """
        actual = blocks(text)

        assert expected == actual

    def test_blocks_ordered_disjoint_non_empty(self) -> None:
        """
        Blocks come in order, never overlap and are never empty.
        """
        text = normalize("a\n\n  b\nc\n d\n\n\n e \n" * 50).text

        found = segment_blocks(text)

        assert all(b.start < b.end for b in found)
        assert all(a.end < b.start for a, b in itertools.pairwise(found))

    @given(st.text(alphabet="ab \t\n\x0b\u3000", max_size=40))
    def test_fast_reading_matches_line_by_line(self, text: str) -> None:
        """
        The split at blank lines gives the blocks the line-by-line reading gives.
        """
        expected = [(b.start, b.end) for b in _segment_lines(text)]

        actual = [(b.start, b.end) for b in segment_blocks(text)]

        assert expected == actual
