"""
Normalisation: typographic variants parse like their plain forms, spans stay exact.
"""

from __future__ import annotations

import bisect
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire import Dispatch
from newswire._text import normalize

PLAIN = (
    "Kenya, China sign energy pact\n\n"
    "By JOHN SMITH\n\n"
    "NAIROBI, March 13 (Xinhua) -- Kenya and China on Wednesday signed a pact, "
    "officials said.\n\n"
    '"It is a good day," Energy Minister Ann Lee told reporters.\n\n'
    "The pact covers solar power.\n\n"
    "Enditem"
)


def structure(dispatch: Dispatch, fold: dict[str, str]) -> list[tuple[str, str]]:
    """
    The dispatch as (role, folded covered text) pairs, in iter_spans order.
    """
    rows = []
    for role, span, expected in dispatch.iter_spans():
        covered = dispatch.text[span.start : span.end]
        assert expected is None or expected == covered, role
        for variant, plain in fold.items():
            covered = covered.replace(variant, plain)
        rows.append((role, unicodedata.normalize("NFKC", covered)))
    return rows


VARIANTS = [
    pytest.param({"\n": "\r\n"}, {"\r": ""}, id="crlf"),
    pytest.param({"\n": "\r"}, {"\r": "\n"}, id="cr"),
    pytest.param({"\n": "\r\r\n"}, {"\r": ""}, id="cr-cr-lf"),
    pytest.param({"\n": "\u2028"}, {"\u2028": "\n"}, id="line-separator"),
    pytest.param({"N": "\ufeffN"}, {"\ufeff": ""}, id="bom"),
    pytest.param({" ": "\u00a0"}, {"\u00a0": " "}, id="nbsp"),
    pytest.param({" ": "\u2009"}, {"\u2009": " "}, id="thin-space"),
    pytest.param({" ": "\u3000"}, {"\u3000": " "}, id="ideographic-space"),
    pytest.param({"a": "a\u200b"}, {"\u200b": ""}, id="zero-width-space"),
    pytest.param({"g": "g\u00ad"}, {"\u00ad": ""}, id="soft-hyphen"),
    pytest.param({"(": "\uff08", ")": "\uff09", ",": "\uff0c"}, {}, id="full-width"),
    pytest.param({"-": "\u2010"}, {"\u2010": "-"}, id="unicode-hyphen"),
]


class TestVariantsParseLikePlain:
    @pytest.mark.parametrize(("replace", "fold"), VARIANTS)
    def test_same_structure_exact_spans(
        self, replace: dict[str, str], fold: dict[str, str]
    ) -> None:
        """
        A variant spelling gives the plain text's records, with spans into the variant.
        """
        variant = PLAIN
        for old, new in replace.items():
            variant = variant.replace(old, new)
        expected = structure(newswire.parse(PLAIN, reference_date="2024-03-14"), {})

        actual = structure(newswire.parse(variant, reference_date="2024-03-14"), fold)

        assert expected == actual

    def test_bom_at_start(self) -> None:
        """
        A leading BOM is skipped; the headline span starts after it.
        """
        headline = newswire.parse("\ufeff" + PLAIN).headline

        assert headline is not None
        assert 1 == headline.span.start
        assert "Kenya, China sign energy pact" == headline.text

    def test_curly_quotes_like_straight(self) -> None:
        """
        Curly quotation marks give the statements straight ones give.
        """
        curly = PLAIN.replace('"It is a good day,"', "\u201cIt is a good day,\u201d")
        plain = newswire.parse(PLAIN)

        actual = newswire.parse(curly)

        assert [s.kind for s in plain.statements] == [s.kind for s in actual.statements]
        assert [s.content.span for s in plain.statements] == [
            s.content.span for s in actual.statements
        ]


class TestNormalize:
    def test_plain_ascii_is_not_copied(self) -> None:
        """
        ASCII copy with nothing to fold is used as it is: no second copy of a huge text.
        """
        text = "LONDON, March 3 (Reuters) - Shares rose.\n\nTraders said so.\t" * 1000

        assert normalize(text).text is text

    @pytest.mark.parametrize(
        ("text", "folded"),
        [
            pytest.param("a\r\nb", "a \nb", id="crlf"),
            pytest.param("a\rb", "a\nb", id="cr"),
            pytest.param("a\r\r\nb", "a  \nb", id="cr-cr-lf"),
            pytest.param("a\r\rb", "a\n\nb", id="cr-cr"),
            pytest.param("a\u00a0b\u3000c", "a b c", id="spaces"),
            pytest.param("\uff08Xinhua\uff09", "(Xinhua)", id="full-width"),
            pytest.param("a\0b\x07c", "a b c", id="controls"),
            pytest.param("a\u2028b\x85c", "a\nb\nc", id="line-separators"),
            pytest.param("\u201cq\u201d", "\u201cq\u201d", id="quotes-kept"),
            pytest.param("\ud800x", "\ud800x", id="lone-surrogate-kept"),
        ],
    )
    def test_fold_keeps_length(self, text: str, folded: str) -> None:
        """
        Folding is one character for one: no offset map is needed.
        """
        actual = normalize(text)

        assert folded == actual.text
        assert actual.offsets is None

    @pytest.mark.parametrize(
        ("text", "start", "end", "original"),
        [
            pytest.param("\ufeffABC", 0, 3, "ABC", id="bom"),
            pytest.param("A\u200b\u200bB", 0, 2, "A\u200b\u200bB", id="inside-range"),
            pytest.param("AB\u200b", 0, 2, "AB", id="after-range-not-swallowed"),
            pytest.param("A\u200bB", 1, 1, "", id="empty-range"),
            pytest.param("\u200b" * 3, 0, 0, "", id="only-invisible"),
        ],
    )
    def test_offsets_map_back(self, text: str, start: int, end: int, original: str) -> None:
        """
        Offsets in the copy map back to the original text exactly.
        """
        norm = normalize(text)

        assert original == norm.slice(start, end)

    def test_many_invisible_characters(self) -> None:
        """
        A long text full of zero-width characters maps every offset.
        """
        text = "ab\u200b" * 10_000

        norm = normalize(text)

        assert "ab" * 10_000 == norm.text
        assert [3 * (i // 2) + i % 2 for i in range(20_000)] == [
            norm.to_original(i) for i in range(20_000)
        ]
        assert len(text) == norm.to_original(len(norm.text))
        assert "ab" == norm.slice(len(norm.text) - 2, len(norm.text))

    @given(st.text(alphabet="ab\u200b\u00ad\ufeff", max_size=40))
    def test_offset_map_is_the_dense_map(self, text: str) -> None:
        """
        The map of deleted runs answers as a table of every offset would.
        """
        norm = normalize(text)
        dense = [i for i, char in enumerate(text) if char in "ab"] + [len(text)]

        assert dense == [norm.to_original(i) for i in range(len(norm.text) + 1)]
        assert [bisect.bisect_left(dense, x) for x in range(len(text) + 1)] == [
            norm.to_copy(x) for x in range(len(text) + 1)
        ]

    @given(st.text(alphabet="ab \t\n\r\x00\x0b\x1f\x7f-", max_size=30))
    def test_ascii_fold_like_other_text(self, text: str) -> None:
        """
        ASCII text folds as it would inside text with other characters.
        """
        expected = normalize("\u00e9" + text).text[1:]

        actual = normalize(text).text

        assert expected == actual
