# Stage 1: normalisation. Recognisers work on a normalised copy of the text in
# which typographic variants are folded to their plain forms, so that one
# pattern serves every spelling. The copy keeps the original's length wherever
# it can (one character for one character); only invisible characters (BOM,
# zero-width spaces and joiners, soft hyphens) are deleted, and then an offset
# map is kept. This module is the only place that converts normalised offsets
# into offsets of the text as passed in.
"""
Normalisation of the input text and the offset map back to it.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import TYPE_CHECKING

import attrs
import regex

from newswire._model import Span, _span

if TYPE_CHECKING:
    from collections.abc import Iterator

# Characters folded one-for-one. Quotes are *not* folded here: the quote
# recogniser needs to tell opening from closing marks.
_FOLD: dict[int, str] = {
    0x00A0: " ",  # no-break space
    0x1680: " ",
    0x2000: " ",
    0x2001: " ",
    0x2002: " ",
    0x2003: " ",
    0x2004: " ",
    0x2005: " ",
    0x2006: " ",
    0x2007: " ",
    0x2008: " ",
    0x2009: " ",
    0x200A: " ",
    0x202F: " ",
    0x205F: " ",
    0x3000: " ",
    0x2028: "\n",
    0x2029: "\n",
    0x0085: "\n",
    0x000B: "\n",
    0x000C: "\n",
    0x2010: "-",
    0x2011: "-",  # hyphen, non-breaking hyphen
    0x2212: "-",  # minus sign
    0xFE58: "\u2014",
    0xFE63: "-",
}
# Full-width ASCII forms (U+FF01..U+FF5E) fold to ASCII.
_FOLD.update({cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)})
# Other C0 control characters become spaces (tab stays a tab).
_FOLD.update({cp: " " for cp in range(0x20) if cp not in (0x09, 0x0A, 0x0D)})
_FOLD[0x7F] = " "
# str.translate looks every character of a non-ASCII text up in a dict (some
# 100 ns a character), which made folding the costliest step of a parse. ASCII
# text is folded as bytes (a C table lookup); other text has the characters
# to fold found by one regex scan and replaced a character at a time (no fold
# yields a character that is folded again, so the order does not matter).
_ASCII_TABLE = bytes(ord(_FOLD[cp]) if cp in _FOLD else cp for cp in range(256))
_FOLD_CHARS: dict[str, str] = {chr(cp): folded for cp, folded in _FOLD.items()}
# The ASCII characters _ASCII_TABLE changes (controls other than tab and line ends).
_ASCII_CONTROL = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD) if cp < 128) + "]"
)

# Characters removed outright: they are invisible and sit inside words
# (BOM / zero-width no-break space, zero-width space, non-joiner, joiner, word
# joiner, soft hyphen, Mongolian vowel separator, invisible operators).
_INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u00ad\u180e")
_INVISIBLE_RUN = regex.compile("[" + "".join(sorted(_INVISIBLE)) + "]++")
# Every character that is folded or deleted; stdlib re, a plain character class.
_SPECIAL = re.compile(
    "[" + "".join(re.escape(char) for char in sorted(_FOLD_CHARS) + sorted(_INVISIBLE)) + "]"
)
# Line ends: CR LF, and the doubled CR CR LF of copy converted twice, are one
# line end each (the CRs become spaces, so lengths are kept); a lone CR is one.
# The lookbehind starts a match only at the first CR of a run: without it, a
# long run of CRs with no LF would be rescanned from every position.
_CR_LF = regex.compile(r"(?<!\r)\r++\n")


class OffsetMap:
    """
    The map from offsets in a normalised copy to offsets in its original.

    Only the deleted runs are kept (where each ends in the copy, and how many
    characters were deleted up to there), so the map takes memory for the
    invisible characters of a text, not for its length; a lookup is a binary
    search. ``map[i]`` is the original offset of character ``i`` of the copy
    (``i`` may be the copy's length); ``map.find(x)`` is the first copy
    offset whose original offset is at least ``x``.

    >>> m = OffsetMap([2, 3, 5], [1, 3, 4], copy_length=5)  # "ab_c__de_" less "_"
    >>> [m[i] for i in range(6)], [m.find(x) for x in range(10)]
    ([0, 1, 3, 6, 7, 9], [0, 1, 2, 2, 3, 3, 3, 4, 5, 5])
    """

    __slots__ = ("_deleted", "_length", "_run_starts", "_runs")

    def __init__(self, runs: list[int], deleted: list[int], *, copy_length: int) -> None:
        """
        Keep the deleted runs.

        ``runs[k]`` is the copy offset right after deleted run ``k``,
        ``deleted[k]`` the characters deleted up to its end.
        """
        self._runs = array("q", runs)
        self._deleted = array("q", deleted)
        # Where each deleted run starts in the original.
        self._run_starts = array(
            "q", [at + (deleted[k - 1] if k else 0) for k, at in enumerate(runs)]
        )
        self._length = copy_length

    def __getitem__(self, index: int) -> int:
        """
        Return the original offset of copy offset ``index``.
        """
        if not 0 <= index <= self._length:
            msg = f"copy offset {index} outside 0..{self._length}"
            raise IndexError(msg)
        k = bisect.bisect_right(self._runs, index) - 1
        return index if k < 0 else index + self._deleted[k]

    def find(self, original: int) -> int:
        """
        Return the first copy offset whose original offset is ``original`` or more.
        """
        k = bisect.bisect_right(self._run_starts, original) - 1
        if k < 0:
            return max(0, min(original, self._length))
        deleted = self._deleted[k]
        at = self._runs[k]
        if original < at + deleted:
            return at  # inside the deleted run: the first character after it
        return min(original - deleted, self._length)


@attrs.frozen
class NormalizedText:
    """
    The normalised copy of a text, with the map back to the original.

    ``offsets`` is None when the copy has the original's length (the usual
    case); otherwise ``offsets[i]`` is the original offset of character ``i``
    of the copy, ``i`` up to the copy's length (an :class:`OffsetMap`).
    """

    original: str
    text: str
    offsets: OffsetMap | None = attrs.field(eq=False, default=None)

    def to_original(self, index: int) -> int:
        """
        Map an offset in the normalised copy to one in the original text.
        """
        if self.offsets is None:
            return index
        return self.offsets[index]

    def to_copy(self, index: int) -> int:
        """
        Map an offset in the original text to the first copy offset at or after it.
        """
        if self.offsets is None:
            return index
        return self.offsets.find(index)

    def span(self, start: int, end: int) -> Span:
        """
        Return the original-text span of the copy's ``start..end``.
        """
        if self.offsets is None:
            # Most spans of a parse are built here: a valid one skips the
            # checks of Span's __init__; a bad one still raises through it.
            return _span(start, end) if 0 <= start <= end else Span(start, end)
        if end <= start:
            pos = self.offsets[start]
            return Span(pos, pos)
        # End maps through the last character so that a deleted invisible
        # character right after the range is not swallowed.
        return Span(self.offsets[start], self.offsets[end - 1] + 1)

    def slice(self, start: int, end: int) -> str:
        """
        Return the original text covered by the copy's ``start..end``.
        """
        if self.offsets is None and 0 <= start <= end:
            # The usual case, without building a Span only to read it back.
            return self.original[start:end]
        span = self.span(start, end)
        return self.original[span.start : span.end]


def normalize(text: str) -> NormalizedText:
    """
    Fold typographic variants and line ends; drop invisible characters.

    ``\\r\\n`` becomes `` \\n`` (and ``\\r\\r\\n`` ``  \\n``) and a lone ``\\r``
    becomes ``\\n``, so line structure is kept without changing the length.

    >>> n = normalize("A\\u00a0B\\r\\nC\\u200bD")
    >>> n.text
    'A B \\nCD'
    >>> n.slice(5, 7)
    'C\\u200bD'
    >>> normalize("A\\r\\r\\nB\\rC").text
    'A  \\nB\\nC'
    """
    invisible = False
    if text.isascii():
        # No invisible character is ASCII; most ASCII copy has no control
        # character either, and then the text is used as it is, not copied.
        folded = (
            text
            if _ASCII_CONTROL.search(text) is None
            else text.encode("ascii").translate(_ASCII_TABLE).decode("ascii")
        )
    else:
        folded = text
        for char in set(_SPECIAL.findall(text)):
            if char in _INVISIBLE:
                invisible = True
            else:
                folded = folded.replace(char, _FOLD_CHARS[char])
    if "\r" in folded:
        if "\r\r" in folded:
            folded = _CR_LF.sub(lambda m: " " * (len(m[0]) - 1) + "\n", folded)
        folded = folded.replace("\r\n", " \n").replace("\r", "\n")
    if not invisible:
        return NormalizedText(text, folded)
    first = _INVISIBLE_RUN.search(folded)
    if first is None:
        return NormalizedText(text, folded)
    # Keep runs of visible characters whole; the map holds one entry per
    # deleted run, so it stays small on long texts.
    runs: list[int] = []
    deleted: list[int] = []
    kept: list[str] = []
    previous = 0
    removed = 0
    for match in _INVISIBLE_RUN.finditer(folded, first.start()):
        kept.append(folded[previous : match.start()])
        removed += match.end() - match.start()
        runs.append(match.end() - removed)
        deleted.append(removed)
        previous = match.end()
    kept.append(folded[previous:])
    copy = "".join(kept)
    return NormalizedText(text, copy, OffsetMap(runs, deleted, copy_length=len(copy)))


# Characters a long text is read in at once by space_pieces().
PIECE = 1 << 16


def space_pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, int]]:
    """
    Yield ``(start, end)`` pieces of ``text`` of about ``size`` characters.

    Each piece but the last ends right after a space, so a scan of words, or
    of letters whose case depends on their neighbours, reads the pieces as it
    would read the whole; a long text is thus scanned without a copy, or a
    list of matches, as long as itself.

    >>> list(space_pieces("ab cd ef gh", 4))
    [(0, 6), (6, 11)]
    >>> list(space_pieces("", 4))
    []
    """
    start = 0
    while start < len(text):
        end = text.find(" ", start + size) + 1 or len(text)
        yield start, end
        start = end
