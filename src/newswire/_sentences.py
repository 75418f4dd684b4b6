# Sentence splitting. A sentence ends at ., ! or ? (with any closing quotes
# and brackets after it) followed by white space and a capital, a digit or an
# opening quote, unless the word before the period is an abbreviation
# (data/abbreviations.txt) or an initial. A boundary inside a closed quotation
# is ignored, so a quoted passage of several sentences stays in one sentence
# with its attribution. One regex pass per paragraph: linear time.
"""
Sentence and word segmentation of a paragraph.
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

import regex

from newswire._lexicons import read_set

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["WORD", "split_sentences"]

# "said." / "now?”" / "U.S.)" followed by " The"
_END = regex.compile(r"[.!?]++[\"'”’»)\]]*+[ \t\n]++(?=(?:``|''|[\"“‘'«„(\[])?+[\p{Lu}\p{N}])")

# A word, a number or one punctuation character: "U.S" "Xi's" "co-operation" "4.5" ","
# (The standard re module scans this simple pattern faster than regex; the
# word comes first, as most tokens are words, and no word starts with a
# quotation mark, so the order does not change what is matched.)
# Possessive quantifiers make the scan faster where the standard module has
# them (Python 3.11+); without them the pattern matches the same tokens and
# still cannot backtrack badly (each repetition starts with a separator that
# the word part cannot match).
WORD = re.compile(
    r"[^\W_]++(?:['’.\-][^\W_]++)*+|``|''|’’|\S"
    if sys.version_info >= (3, 11)
    else r"[^\W_]+(?:['’.\-][^\W_]+)*|``|''|’’|\S"
)

_ABBREVIATIONS = "abbreviations.txt"

# Later stages do work proportional to a sentence's length for each cue in
# it; a "sentence" with no end (a table, a run-on list, hostile input) would
# make that quadratic. Real sentences are far shorter than this, so cutting
# longer runs at white space keeps every parse linear at no cost in accuracy.
MAX_SENTENCE = 1_500


def _abbreviation_before(text: str, dot: int, floor: int) -> bool:
    start = dot
    while start > floor and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].casefold()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George W. Bush"
    return word in read_set(_ABBREVIATIONS)


def split_sentences(
    text: str,
    start: int,
    end: int,
    protected: Sequence[tuple[int, int]] = (),
    keep_together: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """
    Return the sentences of ``text[start:end]`` as ``(start, end)`` offsets.

    ``protected`` lists ``(start, end)`` ranges (closed quotations, in
    order) inside which no sentence ends. ``keep_together(stop, next_start)``
    may veto a boundary (a quotation ending in ``?`` before ``Sanders asked``).

    >>> text = 'Mr. Lee spoke. "It ends. Now," he said. Dec. 31 came.'
    >>> [text[a:b] for a, b in split_sentences(text, 0, len(text), [(15, 30)])]
    ['Mr. Lee spoke.', '"It ends. Now," he said.', 'Dec. 31 came.']
    """
    sentences: list[tuple[int, int]] = []
    begin = start
    index = 0
    for match in _END.finditer(text, start, end):
        boundary = match.end()
        while index < len(protected) and protected[index][1] <= match.start():
            index += 1
        if (
            index < len(protected)
            and protected[index][0] < match.start() < protected[index][1]
            and boundary <= protected[index][1]
        ):
            continue
        if text[match.start()] == "." and _abbreviation_before(text, match.start(), begin):
            continue
        if keep_together is not None and keep_together(match.start(), boundary):
            continue
        stop = match.start() + len(match.group().rstrip())
        _append_capped(text, sentences, begin, stop)
        begin = boundary
    if begin < end:
        _append_capped(text, sentences, begin, end)
    return sentences


def _append_capped(text: str, sentences: list[tuple[int, int]], begin: int, stop: int) -> None:
    # Cut a sentence longer than MAX_SENTENCE at the last space before each limit.
    while stop - begin > MAX_SENTENCE:
        cut = text.rfind(" ", begin + MAX_SENTENCE // 2, begin + MAX_SENTENCE)
        if cut < 0:
            cut = begin + MAX_SENTENCE
        sentences.append((begin, cut))
        begin = cut
        while begin < stop and text[begin] == " ":
            begin += 1
    if begin < stop:
        sentences.append((begin, stop))
