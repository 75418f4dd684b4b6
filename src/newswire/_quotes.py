# Quote scanning. One linear pass over a paragraph pairs its quotation marks.
# A mark is an opener, a closer or either (the straight " and the doubled ''),
# decided by what it is and by its neighbours: an ambiguous mark opens when no
# quote is open, and closes the open one otherwise. A paragraph that opens a
# quote and never closes it yields an unclosed quote running to the paragraph
# end: by the AP/Reuters convention the quotation continues in the next
# paragraph that opens with a quote mark. Single quotes are not paired: inside
# a double-quoted passage they are nested quotes, and elsewhere they are far
# more often apostrophes (horses' carrots, shouldn't) than quotation marks.
"""
Pairing of quotation marks within a paragraph.
"""

from __future__ import annotations

import attrs
import regex

__all__ = ["QuoteSpan", "has_quote_mark", "quote_marks", "scan_quotes"]

# "``Yes,'' he said" / "“Yes,” he said" / "«Oui», dit-il" / "„Ja“, sagte er"
_MARK = regex.compile(r"``|''|’’|‘‘|[\"“”„«»]")

_OPENERS = frozenset({"``", "“", "„", "«", "‘‘"})
_CLOSERS = frozenset({"”", "»"})


@attrs.frozen
class QuoteSpan:
    """
    One quoted passage, as offsets into the normalised text.

    ``start``/``end`` cover the marks; ``inner_start``/``inner_end`` the words
    between them. An unclosed quote has ``closed`` False and ends where its
    paragraph ends.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


def _word_before(text: str, pos: int, floor: int) -> bool:
    return pos > floor and text[pos - 1].isalnum()


def _space_after(text: str, pos: int, ceiling: int) -> bool:
    return pos >= ceiling or text[pos].isspace()


def quote_marks(text: str) -> list[int]:
    """
    Return the offset of every quotation mark in ``text``, in order.

    One pass over a whole dispatch tells which paragraphs need scan_quotes.

    >>> quote_marks("“Yes,” he said. ``No.''")
    [0, 5, 16, 21]
    """
    return [match.start() for match in _MARK.finditer(text)]


def has_quote_mark(text: str, start: int, end: int) -> bool:
    """
    Tell whether ``text[start:end]`` holds a quotation mark.

    A paragraph without one needs no scan_quotes.

    >>> has_quote_mark("He said “yes”.", 0, 8), has_quote_mark("He said “yes”.", 0, 9)
    (False, True)
    """
    return _MARK.search(text, start, end) is not None


def scan_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    """
    Pair the quotation marks of ``text[start:end]`` into quoted passages.

    >>> text = 'He said: "We will win," and left.'
    >>> [text[q.inner_start:q.inner_end] for q in scan_quotes(text, 0, len(text))]
    ['We will win,']
    >>> text = "``It is over,'' she said."
    >>> [text[q.inner_start:q.inner_end] for q in scan_quotes(text, 0, len(text))]
    ['It is over,']
    """
    quotes: list[QuoteSpan] = []
    open_at = -1
    open_mark = ""
    for match in _MARK.finditer(text, start, end):
        mark = match.group()
        pos, after = match.start(), match.end()
        if open_at < 0:
            if mark in _CLOSERS:
                # A stray closer; some copy opens with ” as well, so accept one
                # that stands before a word.
                if _word_before(text, pos, start) or _space_after(text, after, end):
                    continue
            elif mark not in _OPENERS and (
                _word_before(text, pos, start) and _space_after(text, after, end)
            ):
                # An ambiguous mark glued to the end of a word closes nothing
                # here (an inch mark, a stray closer): skip it.
                continue
            if _space_after(text, after, end) and mark not in _OPENERS:
                continue
            open_at, open_mark = pos, mark
            continue
        # A quote is open.
        closes = mark in _CLOSERS or mark in {'"', "''", "’’"} or (mark == "“" and open_mark == "„")
        if not closes and mark in _OPENERS:
            if _word_before(text, pos, start) or text[pos - 1] in ".,!?;:-—":
                # “word“: a typo for the closer.
                closes = True
            else:
                # The open quote was never closed; start again here.
                quotes.append(QuoteSpan(open_at, pos, open_at + len(open_mark), pos, closed=False))
                open_at, open_mark = pos, mark
                continue
        if closes:
            quotes.append(QuoteSpan(open_at, after, open_at + len(open_mark), pos))
            open_at, open_mark = -1, ""
    if open_at >= 0:
        quotes.append(QuoteSpan(open_at, end, open_at + len(open_mark), end, closed=False))
    return quotes
