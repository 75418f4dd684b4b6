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

from newswire._headers.agency import canonical_agency
from newswire._headers.dateline import DatelineCandidate, accept_dateline, scan_dateline
from newswire._headers.headline import headline_words, looks_like_headline, title_case
from newswire._lexicons import read_mapping, read_set

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["find_inner_dateline", "find_leading_headline"]

# How far into the line the dateline may start: a headline and a byline.
_MAX_PREFIX = 400
_BY = ("By ", "BY ", "by ")
_STRAY = frozenset("*#")
_CLOSING = frozenset("\"')\u2019\u201d")
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
    # Where, among the words before the date, the dateline starts (see the
    # module head). At the line's opening a run of capitals is cut only on
    # evidence, or when it runs longer than a place name.
    assert found.place is not None
    p_start, zone_end = found.place
    regions = read_set("regions.txt")
    unknown_region = False
    for r_start, r_end in found.regions:
        region = text[r_start:r_end]
        if region.casefold() in regions or " " not in region:
            break
        # "BILL, FARM CREDIT CHICAGO, March 5": the place may sit in a
        # "region" that is none.
        zone_end = r_end
        unknown_region = True
    starts = _word_starts(text, p_start, zone_end)
    if len(starts) == 1:
        return p_start
    known = read_set("places.txt")
    parts = read_mapping("place_words.txt")
    for index, start in enumerate(starts):
        comma = text.find(",", start, zone_end)
        if text[start : zone_end if comma < 0 else comma].casefold() in known:
            # "SOUTH ST. PAUL": a word that opens place names joins the name.
            if index and parts.get(text[starts[index - 1] : start].strip().casefold()) == "first":
                return starts[index - 1]
            return start
    ends = [*starts[1:], zone_end]
    words = [text[a:b].strip(" ,") for a, b in zip(starts, ends, strict=True)]
    upper = [word.isupper() for word in words]
    for index in range(len(words) - 1, 0, -1):
        if upper[index] != upper[index - 1]:
            if all(flag == upper[index] for flag in upper[index:]):
                return starts[index]
            break
    if not all(upper) or (opening and not unknown_region and len(starts) <= _MAX_PLACE_WORDS):
        return p_start
    # All capitals and no evidence: the last word, grown leftwards over the
    # words place names are made of ("SANTA CLARA", "COLORADO SPRINGS").
    first = len(words) - 1
    while first > 0 and len(words) - first < _MAX_PLACE_WORDS:
        if text[ends[first - 1] - 2 : ends[first - 1]].strip() == ",":
            break
        before, current = words[first - 1].casefold(), words[first].casefold()
        if (
            parts.get(before) == "first"
            or parts.get(current) == "last"
            or "of" in {before, current}
        ):
            first -= 1
            continue
        break
    return starts[first]


def _word_starts(text: str, start: int, end: int) -> list[int]:
    starts = [start]
    pos = start
    while True:
        space = text.find(" ", pos, end)
        if space < 0:
            return starts
        pos = space + 1
        if pos < end and text[pos] not in " ,":
            starts.append(pos)


def _accept(state: State, found: DatelineCandidate, *, opening: bool, after_sentence: bool) -> bool:
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
        or (not opening and not after_sentence and place.casefold() not in read_set("places.txt"))
    ):
        return False
    return accept_dateline(state, found, first_of_many=False)


def find_inner_dateline(
    state: State, block: Block, *, headline: bool
) -> tuple[DatelineCandidate, Span2 | None, Span2 | None, Span2 | None] | None:
    """
    Find a dateline inside the opening of ``block``'s first line.

    Returns the candidate with the offsets of the headline, the byline and
    the lead before it (each None when absent), or None. The lead is story
    text that ends a sentence right before the dateline (a deck or an
    abstract run into the first paragraph). ``headline`` says whether a
    headline may stand before the dateline (the dispatch has none yet).
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
        if not opening and not (char.isupper() or char in "(*"):
            continue
        found = scan_dateline(text, pos, line_end)
        if opening:
            pos += 1
        if found is None:
            continue
        if found.place is not None and not found.undated:
            start = _place_start(text, found, opening=opening)
            if start != found.start:
                found = scan_dateline(text, start, line_end)
                if found is None:
                    continue
        after_sentence = not opening and _ends_sentence(text, block.start, found.start)
        if not _accept(state, found, opening=opening, after_sentence=after_sentence):
            continue
        parts = _before(text, block.start, found.start)
        if parts is not None and (parts[0] is None or headline):
            return found, parts[0], parts[1], None
        if after_sentence:
            lead = _trim(text, block.start, found.start)
            return found, _leading_headline(text, *lead) if headline else None, None, lead
    return None


def find_leading_headline(state: State, block: Block) -> tuple[int, int] | None:
    """
    Find a title-case headline run into the story at the start of ``block``.

    For copy on one line with no dateline: only a first sentence in title
    case counts ("Bus Lanes Open On Main Street. The city ..."); a headline
    in sentence case cannot be told from the story's first sentence.
    """
    text = state.text
    end = min(block.end, block.start + _MAX_PREFIX)
    found = _leading_headline(text, block.start, end)
    if found is None or found[1] >= block.end:
        return None
    return found


def _credits_agency(text: str, start: int, end: int) -> bool:
    # Does text[start:end] end with a comma and an agency ("..., Reuters")?
    comma = text.rfind(",", start, end)
    return comma >= 0 and canonical_agency(text[comma + 1 : end].strip()) is not None


def _ends_sentence(text: str, start: int, end: int) -> bool:
    # Does text[start:end] end a sentence (perhaps inside closing quotes)?
    end = _trim(text, start, end)[1]
    while end > start and text[end - 1] in _CLOSING:
        end -= 1
    return end > start and text[end - 1] in ".!?"


def _leading_headline(text: str, start: int, end: int) -> Span2 | None:
    # A title-case first sentence ("Voters Skeptical As Clinton Vows Change.")
    # before story text is the headline run into it.
    stop = start
    while True:
        stop = text.find(". ", stop + 1, end)
        if stop < 0:
            return None
        word = text[text.rfind(" ", start, stop) + 1 : stop]
        if (
            not (len(word) == 1 and word.isupper())  # "James B. Comey": an initial
            and word.casefold() not in read_set("abbreviations.txt")
            and "." not in word
        ):
            break
    words = text[start : stop + 1].split()
    if not title_case(words) or not looks_like_headline(text, start, stop + 1):
        return None
    return start, stop + 1


def _before(text: str, start: int, end: int) -> tuple[Span2 | None, Span2 | None] | None:
    # What stands before the dateline: a headline, a byline, or both. The
    # byline opens at the last "By" (a headline may hold one: "AIDED BY
    # ENGINE ORDER By Cal Mankowski, Reuters"); a "BY" after capitals only is
    # a word of the headline.
    start, end = _trim(text, start, end)
    while end > start and text[end - 1] in _STRAY:
        # "... USSR VISIT ****WASHINGTON": a stray mark before the dateline.
        end -= 1
    start, end = _trim(text, start, end)
    if start >= end:
        return None, None
    by = -1
    if text.startswith(_BY, start):
        by = start
    for mark in _BY:
        found = text.rfind(" " + mark, start, end)
        if found < 0 or found + 1 <= by:
            continue
        if mark == "BY " and text[start:found].isupper() and not _credits_agency(text, found, end):
            # "PRAISED BY U.S. OFFICIALS": a word of the headline, unless an
            # agency credit follows ("BY TED ROE, REUTERS").
            continue
        by = found + 1
    if by == start:
        return None, (start, end)
    headline_end = end if by < 0 else _trim(text, start, by)[1]
    last = text[start:headline_end].rsplit(" ", 1)[-1]
    if last.casefold() in headline_words("open") or not looks_like_headline(
        text, start, headline_end
    ):
        # "... an agenda for the": a sentence cut, not a headline.
        return None
    return (start, headline_end), (None if by < 0 else (by, end))
