# Quote scanning. One linear pass over a paragraph pairs its quotation marks.
# A mark is an opener, a closer or either (the straight " and the doubled ''),
# decided by what it is and by its neighbours: an ambiguous mark opens when no
# quote is open, and closes the open one otherwise. A paragraph that opens a
# quote and never closes it yields an unclosed quote running to the paragraph
# end: by the AP/Reuters convention the quotation continues in the next
# paragraph that opens with a quote mark. Corner brackets (「…」, 『…』) and
# single guillemets (‹…›) pair like double marks.
#
# Single quotes (‘…’ and straight '…') are the primary marks of UK and
# Commonwealth copy, and nested quotes or apostrophes elsewhere. Which a
# dispatch uses is decided once for the whole text (single_quoted): copy that
# opens more single quotes than double ones is read with single marks. An
# apostrophe is never a mark: inside a word (shouldn't), before a decade
# (’80s), in ’n’, or after the s of a plural (horses’ carrots).
"""
Pairing of quotation marks within a paragraph.
"""

from __future__ import annotations

import attrs
import regex

__all__ = ["QuoteSpan", "has_quote_mark", "quote_marks", "scan_quotes", "single_quoted"]

# "``Yes,'' he said" / "“Yes,” he said" / "«Oui», dit-il" / "„Ja“, sagte er" /
# "「はい」と彼は言った" / "‹Oui›"
_MARK = regex.compile(r"``|''|’’|‘‘|[\"“”„«»「」『』‹›]")
# With single marks primary: "‘We will win,’ he said" / "'We will win,' he said"
_SINGLE_MARK = regex.compile(r"``|''|’’|‘‘|[\"“”„«»「」『』‹›‘’']")

_OPENERS = frozenset({"``", "“", "„", "«", "‘‘", "「", "『", "‹", "‘"})
_CLOSERS = frozenset({"”", "»", "」", "』", "›"})
_SINGLE = frozenset({"‘", "’", "'"})
_DOUBLE = frozenset({'"', "“", "”", "„", "«", "»", "``", "''", "’’", "‘‘"})
# A single mark that opens: at a word's start, not before a decade or "n".
_SINGLE_OPENER = regex.compile(r"(?<![^\s(\[—–-])[‘'](?=[^\W\d_]|[\d](?!\ds\b))(?!n[’'])")
_DOUBLE_OPENER = regex.compile(r"(?<![^\s(\[—–-])(?:``|''|[\"“„«「『‹])(?=\S)")
# Short words after a plural's apostrophe that end a quotation instead
# ("‘... the horses,’ he said" against "the horses’ carrots").
_AFTER_CLOSE = frozenset(
    {"he", "she", "they", "it", "we", "i", "said", "says", "told", "added", "asked", "and", "but"}
)


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


def single_quoted(text: str) -> bool:
    """
    Tell whether ``text`` uses single quotation marks as its primary marks.

    It does when it opens more quotations with single marks than with double
    ones (and at least one).

    >>> single_quoted("‘We will win,’ Lee said. He cited the ’80s.")
    True
    >>> single_quoted('“We will win,” Lee said. The horses’ carrots, rock ’n’ roll.')
    False
    """
    if "‘" not in text and "'" not in text:
        return False
    singles = sum(1 for _ in _SINGLE_OPENER.finditer(text))
    if not singles:
        return False
    return singles > sum(1 for _ in _DOUBLE_OPENER.finditer(text))


def _apostrophe(text: str, pos: int, start: int, end: int) -> bool:
    # A single mark at pos that is no quotation mark: inside a word, before
    # a decade, in "’n’", or a plural's possessive ("horses’ carrots").
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return True  # shouldn't, O’Brien
    if after.isdigit() and text[pos + 1 : pos + 4][2:3] == "s":
        return True  # ’80s
    if after == "n" and text[pos + 2 : pos + 3] in {"’", "'"}:
        return True  # rock ’n’ roll (the opening one)
    if before == "n" and pos - 2 >= start and text[pos - 2] in {"’", "'"}:
        return True  # rock ’n’ roll (the closing one)
    if before == "s" and after == " ":
        word = text[pos + 2 : pos + 12].split(" ", 1)[0].strip(".,;:!?").casefold()
        if word and word[0].islower() and word not in _AFTER_CLOSE:
            return True  # horses’ carrots
    return False


def quote_marks(text: str) -> list[int]:
    """
    Return the offset of every quotation mark in ``text``, in order.

    One pass over a whole dispatch tells which paragraphs need scan_quotes.

    >>> quote_marks("“Yes,” he said. ``No.''")
    [0, 5, 16, 21]
    """
    return [match.start() for match in _MARK.finditer(text)]


def has_quote_mark(text: str, start: int, end: int, *, single: bool = False) -> bool:
    """
    Tell whether ``text[start:end]`` holds a quotation mark.

    A paragraph without one needs no scan_quotes.

    >>> has_quote_mark("He said “yes”.", 0, 8), has_quote_mark("He said “yes”.", 0, 9)
    (False, True)
    """
    return (_SINGLE_MARK if single else _MARK).search(text, start, end) is not None


def scan_quotes(text: str, start: int, end: int, *, single: bool = False) -> list[QuoteSpan]:
    """
    Pair the quotation marks of ``text[start:end]`` into quoted passages.

    >>> text = 'He said: "We will win," and left.'
    >>> [text[q.inner_start:q.inner_end] for q in scan_quotes(text, 0, len(text))]
    ['We will win,']
    >>> text = "``It is over,'' she said."
    >>> [text[q.inner_start:q.inner_end] for q in scan_quotes(text, 0, len(text))]
    ['It is over,']
    >>> text = "‘The horses’ carrots are gone,’ she said. 「はい」"
    >>> [text[q.inner_start:q.inner_end] for q in scan_quotes(text, 0, len(text), single=True)]
    ['The horses’ carrots are gone,', 'はい']
    """
    quotes: list[QuoteSpan] = []
    open_at = -1
    open_mark = ""
    marks = _SINGLE_MARK if single else _MARK
    for match in marks.finditer(text, start, end):
        mark = match.group()
        pos, after = match.start(), match.end()
        if mark in _SINGLE:
            if _apostrophe(text, pos, start, end):
                continue
            if open_at >= 0 and open_mark not in _SINGLE:
                continue  # a single quote nested in a double one
            if open_at < 0 and mark == "’":
                continue  # a closer with nothing open
        elif single and open_at >= 0 and open_mark in _SINGLE:
            continue  # a double quote nested in a single one
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
        closes = (
            mark in _CLOSERS
            or mark in {'"', "''", "’’"}
            or (mark == "“" and open_mark == "„")
            or (open_mark in _SINGLE and mark in {"’", "'"})
        )
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
