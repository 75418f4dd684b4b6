# The dateline: place, optional region, optional date, optional agency credit,
# then a separator, at the start of a block ("BEIJING, Dec. 31 (Xinhua) --").
# The pattern proposes; the code checks the month name against the lexicon
# and the day against the calendar, so "WASHINGTON officials said" or a table
# row is never taken for a dateline.
"""
Dateline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newswire._dates import month_number, resolve_date
from newswire._headers.agency import canonical_agency
from newswire._model import Dateline

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["DATELINE", "recognize_dateline"]

DATELINE = regex.compile(
    r"""
    (?P<prefix>[*#]*+)
    (?:
      (?P<undated>\(Undated\))
    |
      # "BEIJING"  "Panama  City"  "PORT-AU-PRINCE"  "New Delhi"
      (?P<place>\p{Lu}[\p{L}'.&\-]*+(?:[ ]{1,2}(?:\p{Lu}[\p{L}'.&\-]*+|de|del|la|es|el|da|do))*+)
      # "MANAGUA (NICARAGUA)"  "New Delhi [India]"
      (?:[ ]?+[(\[](?P<region_paren>\p{Lu}[\p{L}. ]{1,30}+)[)\]])?+
      # ", Kenya"  ", N.Y."  ", United States"
      (?:,[ ]*+(?P<region>\p{Lu}[\p{L}.]*+(?:[ ]\p{Lu}[\p{L}.]*+)*+))?
    )
    # ", Dec. 31"  ", 9 JAN 90"  ", July 12."
    (?:,?[ ]*+(?:
        (?P<month>\p{L}{3,10}+)\.?+[ ]*+(?P<day>\d{1,2}+)(?!\d)(?:,[ ]*+(?P<year>\d{4}))?
      | (?P<day2>\d{1,2}+)[ ]++(?P<month2>\p{L}{3,10}+)\.?+(?:[ ]++(?P<year2>\d{2,4}+))?
    )\.?+)?
    # " (Xinhua)"  "(AP )"  ", Reuter"  " /TASS/."
    (?:
        [ ]*+\((?P<agency>[^()\n]{1,40}+)\)
      | ,[ ]*+(?P<agency_word>Reuters?+)
      | [ ]*+/(?P<agency_slash>[\p{L}\-]{2,20}+)/\.?+
    )?
    [ ]*+
    (?P<sep>-{1,3}+|—|–|―|_|:|(?<=\)|/\.?)(?=[ ]))
    """,
    regex.VERBOSE | regex.VERSION1,
)


def recognize_dateline(state: State, block: Block, index: int) -> int | None:
    """
    Read a dateline at the start of ``block``.
    """
    del index
    text = state.text
    match = DATELINE.match(text, block.start, min(block.end, block.start + 160))
    if match is None:
        return None
    month_word = match.group("month") or match.group("month2")
    day_text = match.group("day") or match.group("day2")
    year_text = match.group("year") or match.group("year2")
    month = day = None
    if month_word is not None:
        month = month_number(month_word)
        if month is None:
            return None
        day = int(day_text)
        if not 1 <= day <= 31:
            return None
    agency_text = match.group("agency") or match.group("agency_word") or match.group(
        "agency_slash"
    )
    agency = None
    if agency_text is not None:
        agency = canonical_agency(agency_text)
        if agency is None:
            return None
    place = match.group("place")
    if place is None and match.group("undated") is None:
        return None
    if month is None and agency is None and place is not None and not place.isupper():
        # "Officials - ..." is no dateline; a bare place needs capitals.
        return None
    start = match.end("prefix")
    end = match.end()
    date = None
    date_span = None
    if month is not None and day is not None:
        year = None if year_text is None else int(year_text)
        # Source lines come before the dateline, so the dispatch's own date is
        # known by now; the caller's reference_date is the fallback.
        reference = state.reference_date or state.caller_reference
        date = resolve_date(month, day, year, reference)
        d_start = match.start("month") if match.group("month") else match.start("day2")
        d_end = match.end("day") if match.group("month") else match.end("month2")
        if year_text is not None:
            d_end = max(d_end, match.end("year") if match.group("year") else match.end("year2"))
        date_span = state.span(d_start, d_end)
        if date is None and reference is None and year_text is None:
            state.diagnose(
                "date.no_reference",
                "the dateline's date has no year and the dispatch has no reference date",
                d_start,
                d_end,
            )
    region = match.group("region_paren") or match.group("region")
    agency_group = next(
        (g for g in ("agency", "agency_word", "agency_slash") if match.group(g)), None
    )
    state.dateline = Dateline(
        text=state.original(start, end),
        span=state.span(start, end),
        place=None if place is None else state.original(*match.span("place")),
        place_span=None if place is None else state.span(*match.span("place")),
        region=region,
        date=date,
        date_span=date_span,
        month=month,
        day=day,
        agency=agency,
        agency_text=agency_text,
        agency_span=None if agency_group is None else state.span(*match.span(agency_group)),
        separator=match.group("sep") or None,
    )
    while end < block.end and text[end].isspace():
        end += 1
    return end
