# Advisories and slugs: what editors and feeds write around a story that is
# neither headline nor paragraph. Each is recorded as a SourceLine:
#
# - kind "advisory": priority slugs standing alone ("URGENT", "FLASH",
#   "BULLETIN"), parenthesised advisories ("(LEAD)", "(2nd LD)",
#   "(ATTN: adds quote in para 5)", "(Eds: Updating)"), editors' notes
#   ("Eds: Moves on general news services.", no length limit) and Reuters
#   update prefixes in front of a headline ("UPDATE 1-", "REFILE-", "RPT-");
# - kind "source": Xinhua's feed line "Source: Xinhua| 2021-12-31 18:00:00|
#   Editor: huaxia" (with its timestamp and agency) and syndication prefixes
#   such as "(MENAFN - IANS)" (with the agency that wrote the story).
#
# read_advisory_prefix reads advisories at the start of a line and says where
# the rest of the line (headline, byline, dateline) begins; it has no side
# effects, so the header stage can look ahead with it. record_advisories
# stores what it read. Everything is anchored at the position given and reads
# at most one line: linear and cheap.
"""
Advisory, slug and feed-line recognition.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newswire._dates import parse_timestamp
from newswire._headers.agency import canonical_agency
from newswire._model import SourceLine

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = [
    "AdvisoryMark",
    "read_advisory_prefix",
    "recognize_advisory_block",
    "record_advisories",
]

# A mark read at the start of a line: (start, end, kind, timestamp, agency).
AdvisoryMark = tuple[int, int, str, dt.datetime | None, str | None]

# Parenthesised advisories, e.g. "(LEAD)", "(2nd LD)", "(URGENT)", "(ATTN: ADDS
# comment in para 4)", "(Eds: Updating)", "(EDITORS: Adds photo)", "(REFILE)",
# "(UPDATE 2)", "(CORRECTED)", "(News Focus)", "(Recasts)". Plain re: no
# nested quantifier can backtrack (the bounded class stops at a parenthesis).
_PAREN_ADVISORY = re.compile(
    r"\((?:(?i:lead|urgent|flash|bulletin|alert|refile|repeat|corrected|correction|recasts?"
    r"|news[ ]focus|update(?:[ ]\d{1,2})?|\d{1,2}(?:st|nd|rd|th)[ ]ld(?:[ ][^()\n]{0,40})?)"
    r"|(?i:attn|attention|eds|editors?)[ ]?:[^()\n]{0,300})\)"
)
# e.g. "URGENT"  "FLASH"  "BULLETIN"  "NEWSALERT"  "ADVISORY": a priority slug
# in capitals, alone on its line.
_PRIORITY = re.compile(r"(?:URGENT|FLASH|BULLETIN|NEWSALERT|NEWS ALERT|ALERT|ADVISORY)[ .!]*")
# e.g. "Eds: Moves on general news services."  "EDS: Embargoed until 0500 GMT"
# "Editors: Note language"  "Editor's note: ...". The note runs to the end of
# its line, however long.
_NOTE = re.compile(r"(?:Eds|EDS|Editors|EDITORS|Editor's [Nn]ote|EDITOR'S NOTE)[ ]?:[ ][^\n]*")
# e.g. "UPDATE 1-"  "UPDATE 2-"  "REFILE-"  "RPT-"  "CORRECTED-"  "WRAPUP 1-"
# "URGENT-": Reuters' prefixes, joined to the headline by a hyphen.
_PREFIX = re.compile(
    r"(?:UPDATE[ ]\d{1,2}|WRAPUP(?:[ ]\d{1,2})?|REFILE|RPT|CORRECTED|URGENT|EXCLUSIVE"
    r"|BREAKINGVIEWS)"
    r"(?:-(?:UPDATE[ ]\d{1,2}|REFILE|CORRECTED))?-(?=\S)"
)
# e.g. "Source: Xinhua| 2021-12-31 18:00:00|Editor: huaxia"
_FEED_LINE = re.compile(
    r"Source:[ ]?(?P<agency>[^|\n]{2,40})\|[ ]?(?P<when>[^|\n]{4,40})(?:\|[^\n]*)?"
)
# e.g. "(MENAFN - IANS)"  "(MENAFN- Xinhua)": a syndicator and the agency it carries.
_SYNDICATION = re.compile(r"\((?P<via>[A-Z][A-Za-z.]{1,20})[ ]?-[ ]?(?P<agency>[^()\n]{2,40})\)")
# Marks that may stand in a row on one line ("URGENT (LEAD) ...").
_MAX_MARKS = 4


def _line_end(text: str, start: int, end: int) -> int:
    found = text.find("\n", start, end)
    return end if found < 0 else found


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


def _read_one(text: str, pos: int, end: int, *, alone: bool) -> AdvisoryMark | None:
    # One mark at pos, or None. ``alone``: the mark must fill the line.
    char = text[pos]
    if char == "(":
        match = _PAREN_ADVISORY.match(text, pos, end)
        if match is not None:
            return pos, match.end(), "advisory", None, None
        syndication = _SYNDICATION.match(text, pos, end)
        if syndication is not None:
            agency = canonical_agency(syndication.group("agency").strip())
            via = canonical_agency(syndication.group("via"))
            if agency is not None or via is not None:
                return pos, syndication.end(), "source", None, agency or via
        return None
    if char == "S" and text.startswith("Source:", pos):
        feed = _FEED_LINE.match(text, pos, end)
        if feed is not None:
            agency = canonical_agency(feed.group("agency").strip())
            if agency is not None:
                when = parse_timestamp(feed.group("when").strip())
                return pos, feed.end(), "source", when, agency
        return None
    if char == "E":
        note = _NOTE.match(text, pos, end)
        if note is not None:
            note_end = note.end()
            while note_end > pos and text[note_end - 1] in " \t":
                note_end -= 1
            return pos, note_end, "advisory", None, None
    if char in "UFBNAREWC":
        prefix = _PREFIX.match(text, pos, end)
        if prefix is not None and not alone:
            return pos, prefix.end(), "advisory", None, None
        priority = _PRIORITY.match(text, pos, end)
        if priority is not None:
            after = priority.end()
            if after >= end or (after > pos and text[after - 1] == " "):
                p_end = after
                while p_end > pos and text[p_end - 1] == " ":
                    p_end -= 1
                # "URGENT" alone, or "URGENT " before more of the line only
                # when a line-opening mark follows (not "ALERT staff said").
                if after >= end or text[after] == "(":
                    return pos, p_end, "advisory", None, None
    return None


def read_advisory_prefix(text: str, start: int, end: int) -> tuple[list[AdvisoryMark], int]:
    """
    Read the advisories that open the line at ``start``; return them and where the rest starts.

    ``end`` bounds the search (a block's end); only the line at ``start`` is
    read. Nothing is stored.

    >>> text = "(Eds: Updating) By Asha Rao Chennai, Aug 1 (PTI) Rain fell."
    >>> marks, rest = read_advisory_prefix(text, 0, len(text))
    >>> [text[m[0]:m[1]] for m in marks], text[rest:rest + 2]
    (['(Eds: Updating)'], 'By')
    >>> read_advisory_prefix("UPDATE 1-Oil rises", 0, 18)[1]
    9
    """
    line_end = _line_end(text, start, end)
    marks: list[AdvisoryMark] = []
    pos = start
    while pos < line_end and len(marks) < _MAX_MARKS:
        mark = _read_one(text, pos, line_end, alone=False)
        if mark is None:
            break
        marks.append(mark)
        pos = _skip(text, mark[1], line_end)
    return marks, pos


def record_advisories(state: State, marks: list[AdvisoryMark]) -> None:
    """
    Store the marks read by :func:`read_advisory_prefix` as source lines.
    """
    for start, end, kind, when, agency in marks:
        state.source_lines.append(
            SourceLine(
                text=state.original(start, end),
                span=state.span(start, end),
                kind=kind,
                timestamp=when,
                agency=agency,
            )
        )
        if when is not None and state.reference_date is None:
            state.reference_date = when.date()


def recognize_advisory_block(state: State, block: Block, index: int) -> int | None:
    """
    Claim a block made only of advisories, slugs or feed lines.

    A block of several lines is claimed when each line is one; the marks are
    recorded in order.
    """
    del index
    text = state.text
    char = text[block.start]
    if char not in "(SEUFBNAREWC":
        return None
    pos = block.start
    found: list[AdvisoryMark] = []
    while pos < block.end:
        line_end = _line_end(text, pos, block.end)
        marks, rest = read_advisory_prefix(text, pos, line_end)
        if (
            not marks
            or rest < line_end
            or any(m[2] == "advisory" and _is_prefix(text, m) for m in marks)
        ):
            return None
        found.extend(marks)
        pos = _skip(text, line_end + 1, block.end)
    record_advisories(state, found)
    return block.end


def _is_prefix(text: str, mark: AdvisoryMark) -> bool:
    # "UPDATE 1-" belongs to a headline: alone on its line it is no slug.
    return text[mark[1] - 1] == "-"
