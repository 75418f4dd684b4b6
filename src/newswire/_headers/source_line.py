# Publication and source lines: "(Xinhua) 18:00, December 31, 2021" (also with
# its opening parenthesis lost), "Updated: ...", "Published: ...", and the
# corpus header " date 2021-12-31 <headline>". They are recorded with their
# timestamp and never become paragraphs. The first dated one sets the
# dispatch's reference date (it outranks the caller's reference_date=).
#
# Two kinds carry no timestamp: section heads of newspaper archives
# ("ABSTRACT.", "FULL TEXT.", "Correction Appended.") are kind "section", and
# wire advisories ("(LEAD)", "(ATTN: adds quote in para 5)", "(URGENT)") are
# kind "advisory". Neither is a headline or a paragraph.
"""
Source-line and corpus-header recognition.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from newswire._blocks import Block
from newswire._dates import parse_timestamp
from newswire._headers.agency import canonical_agency, exact_agency
from newswire._headers.headline import looks_like_headline
from newswire._model import Headline, SourceLine
from newswire._patterns import ADVISORY_LINE, HEADER_LINE, SECTION_HEAD, SOURCE_LINE, TIMESTAMP_LINE

if TYPE_CHECKING:
    from newswire._state import State

__all__ = [
    "recognize_advisory",
    "recognize_header_line",
    "recognize_section_head",
    "recognize_source_line",
    "split_source_credit",
]


def _set_reference(state: State, when: dt.datetime | None) -> None:
    if when is not None and state.reference_date is None:
        state.reference_date = when.date()


def recognize_header_line(state: State, block: Block, index: int) -> int | None:
    """
    Read the corpus header ``date YYYY-MM-DD <headline>`` at the top.
    """
    # It opens the dispatch, or follows only what the lead rules claimed (an
    # "URGENT" slug above it): the header loop tries no later block.
    del index
    if state.headline is not None or not state.text.startswith("date", block.start):
        return None
    match = HEADER_LINE.match(state.text, block.start, block.end)
    if match is None or "\n" in match.group():
        return None
    try:
        when = dt.datetime.fromisoformat(match.group("date"))
    except ValueError:
        state.diagnose("header.bad_date", "header date is not a valid date", *match.span("date"))
        when = None
    _, end = match.span("date")
    state.source_lines.append(
        SourceLine(
            text=state.original(block.start, end),
            span=state.span(block.start, end),
            kind="header",
            timestamp=when,
            agency=None,
        )
    )
    _set_reference(state, when)
    h_start, h_end = match.span("headline")
    while h_end > h_start and state.text[h_end - 1].isspace():
        h_end -= 1
    if h_end >= block.end and not looks_like_headline(state.text, h_start, h_end):
        # Copy that lost its line breaks: the story runs on after the
        # headline. Only the date is claimed; the header loop reads the rest
        # of the line again, as the block it opens (a headline run into the
        # dateline, see inline.py).
        return end
    if h_end > h_start:
        state.headline = Headline(
            text=state.original(h_start, h_end), span=state.span(h_start, h_end)
        )
    return block.end


def recognize_source_line(state: State, block: Block, index: int) -> int | None:
    """
    Read a one-line source or timestamp line near the top.
    """
    del index
    text, start, end = state.text, block.start, block.end
    if end - start > 120 or text.find("\n", start, end) >= 0:
        return None
    # Cheap tests first: a source line has its closing parenthesis, and a
    # timestamp line opens with a letter of its word (in either case).
    match = SOURCE_LINE.match(text, start, end) if text.find(")", start, end) >= 0 else None
    if match is not None:
        agency = canonical_agency(match.group("agency"))
        if agency is None:
            return None
        when = parse_timestamp(match.group("when"))
        kind = "source"
    else:
        first = text[start]
        if first.isascii() and first not in "UuPpLl":
            return None
        match = TIMESTAMP_LINE.match(text, start, end)
        if match is None:
            return None
        when = parse_timestamp(match.group("when"))
        kind = match.group("kind").casefold().replace("last updated", "updated")
        agency = None
    _set_reference(state, when)
    return _plain_line(state, block, kind, when, agency)


def _plain_line(
    state: State,
    block: Block,
    kind: str,
    when: dt.datetime | None = None,
    agency: str | None = None,
) -> int:
    # Record the whole block as one source line and claim it.
    state.source_lines.append(
        SourceLine(
            text=state.original(block.start, block.end),
            span=state.span(block.start, block.end),
            kind=kind,
            timestamp=when,
            agency=agency,
        )
    )
    return block.end


def recognize_section_head(state: State, block: Block, index: int) -> int | None:
    """
    Read an archive section head such as ``ABSTRACT.`` or ``FULL TEXT.``.
    """
    del index
    if SECTION_HEAD.fullmatch(state.text, block.start, block.end) is None:
        return None
    return _plain_line(state, block, "section")


def recognize_advisory(state: State, block: Block, index: int) -> int | None:
    """
    Read a wire advisory line such as ``(LEAD)`` or ``(ATTN: ...)``.
    """
    del index
    # An advisory opens with its parenthesis: test that before the pattern.
    if (
        not state.text.startswith("(", block.start)
        or ADVISORY_LINE.fullmatch(state.text, block.start, block.end) is None
    ):
        return None
    return _plain_line(state, block, "advisory")


def split_source_credit(state: State, start: int, end: int) -> int:
    """
    Split a source credit off the end of a headline run into the story.

    In copy that lost its line breaks, a source line may stand between the
    headline and the dateline ("Xi, Putin exchange greetings Xinhua) 18:00,
    December 31, 2021 BEIJING, ..."). The credit is recorded as a source
    line; the return value is where the headline ends (``end`` when there is
    no credit). A credit counts only when it names a known agency.
    """
    text = state.text
    pos = start
    while True:
        pos = text.find(" ", pos, end)
        if pos < 0:
            return end
        pos += 1
        if text.find(")", pos, end) < 0:
            return end
        match = SOURCE_LINE.match(text, pos, end)
        if match is None:
            continue
        agency = exact_agency(match.group("agency"))
        if agency is None:
            continue  # "New Year greetings Xinhua)": the agency is the last word alone
        when = parse_timestamp(match.group("when"))
        _set_reference(state, when)
        _plain_line(state, Block(pos, end), "source", when, agency)
        head_end = pos
        while head_end > start and text[head_end - 1] in " \t(":
            head_end -= 1
        return head_end
