# Headers run together on one line, as in copy that lost its line breaks:
# "TEXAS BANK FILES PLAN HOUSTON, Feb 26 - The bank ...", "Mayor vows to
# rebuild By Ana Silva, Reuters RECIFE, Brazil, March 4 (Reuters) - ...".
# find_inner_dateline looks for a dateline at the word starts of the line's
# opening (a capital, or the parenthesis of "(Undated)") and accepts the
# first whose opening words, read back from its separator, make a dateline.
# The evidence that places the dateline's start inside a run of capitals
# ("PLAN HOUSTON" or "HOUSTON"?) is, in order: the longest run of trailing
# words that is a known place (data/places.txt); a change from mixed-case
# words to capitals ("Bank Files Plan HOUSTON"); otherwise the last word
# alone. What stands before the dateline must read as a headline, a byline
# ("By ...") or a headline then a byline; otherwise nothing is taken. Only
# strong datelines (a date or an agency credit) and capitalised places with
# a dash count mid-line. The search reads a bounded opening of one line.
"""
Headers run together on one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newswire._headers.dateline import DatelineCandidate, accept_dateline, scan_dateline
from newswire._headers.headline import headline_words, looks_like_headline
from newswire._lexicons import read_set

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["find_inner_dateline"]

# How far into the line the dateline may start: a headline and a byline.
_MAX_PREFIX = 400
_BY = ("By ", "BY ", "by ")
# A place name rarely runs longer ("SAN JUAN CAPISTRANO").
_MAX_PLACE_WORDS = 3
_DASHES = frozenset({"-", "--", "---", "\u2014", "\u2013", "\u2015", "_", "__"})

Span2 = tuple[int, int]


def _trim(text: str, start: int, end: int) -> Span2:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def _place_start(text: str, found: DatelineCandidate, *, opening: bool) -> int:
    # Where, among the place words, the dateline starts (see module head).
    # At the line's opening a run of capitals is cut only on evidence, or
    # when it is longer than a place name runs.
    assert found.place is not None
    p_start, p_end = found.place
    starts = [p_start]
    pos = p_start
    while True:
        space = text.find(" ", pos, p_end)
        if space < 0:
            break
        pos = space + 1
        if pos < p_end and text[pos] != " ":
            starts.append(pos)
    if len(starts) == 1:
        return p_start
    places = read_set("places.txt")
    regions = read_set("regions.txt")
    for start in starts:
        name = text[start:p_end].casefold()
        if name in places or name in regions:
            return start
    for index in range(1, len(starts)):
        before = text[starts[index - 1] : starts[index]].strip()
        after = text[starts[index] : p_end]
        if after.isupper() and not before.isupper():
            return starts[index]
    if text[p_start:p_end].isupper() and (not opening or len(starts) > _MAX_PLACE_WORDS):
        return starts[-1]
    return p_start


def _accept(state: State, found: DatelineCandidate, *, opening: bool) -> bool:
    if found.undated:
        return True
    if found.place is None or found.placeholder:
        return False
    place = state.text[found.place[0] : found.place[1]]
    if not place[:1].isupper():
        return False
    if not found.strong and (
        found.separator not in _DASHES
        or not place.isupper()
        # Mid-line, a place and a dash ("the U.S. -- have") is a dateline
        # only when the place is a known one.
        or (not opening and place.casefold() not in read_set("places.txt"))
    ):
        return False
    return accept_dateline(state, found, first_of_many=False)


def find_inner_dateline(
    state: State, block: Block, *, headline: bool
) -> tuple[DatelineCandidate, Span2 | None, Span2 | None] | None:
    """
    Find a dateline inside the opening of ``block``'s first line.

    Returns the candidate with the headline's and the byline's offsets
    before it (each None when absent), or None. ``headline`` says whether a
    headline may stand before it (the dispatch has none yet).
    """
    text = state.text
    line_end = text.find("\n", block.start, block.end)
    line_end = block.end if line_end < 0 else line_end
    limit = min(line_end, block.start + _MAX_PREFIX)
    pos = block.start
    while pos < limit:
        if pos > block.start:
            space = text.find(" ", pos, limit)
            if space < 0:
                return None
            pos = space + 1
        char = text[pos : pos + 1]
        opening = pos == block.start
        if not opening and not (char.isupper() or char == "("):
            continue
        found = scan_dateline(text, pos, line_end)
        if opening:
            pos += 1
        if found is None:
            continue
        if found.place is not None and not found.undated:
            start = _place_start(text, found, opening=opening)
            if start != found.start:
                found = attrs.evolve(found, start=start, place=(start, found.place[1]))
        if not _accept(state, found, opening=opening):
            continue
        parts = _before(text, block.start, found.start)
        if parts is None or (parts[0] is not None and not headline):
            continue
        return found, parts[0], parts[1]
    return None


def _before(text: str, start: int, end: int) -> tuple[Span2 | None, Span2 | None] | None:
    # What stands before the dateline: a headline, a byline, or both.
    start, end = _trim(text, start, end)
    if start >= end:
        return None, None
    by = -1
    if text.startswith(_BY, start):
        by = start
    else:
        for mark in _BY:
            found = text.find(" " + mark, start, end)
            if found >= 0 and (by < 0 or found < by):
                by = found + 1
    if by == start:
        return None, (start, end)
    headline_end = end if by < 0 else _trim(text, start, by)[1]
    last = text[start:headline_end].rsplit(" ", 1)[-1]
    if last.casefold() in headline_words("open") or not looks_like_headline(
        text, start, headline_end
    ):
        # "... advancing an agenda for the": a sentence cut, not a headline.
        return None
    return (start, headline_end), (None if by < 0 else (by, end))
