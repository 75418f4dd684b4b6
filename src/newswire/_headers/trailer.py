# Trailers: what follows the story proper, recognised from the last blocks
# backwards: sign-offs ("Reuter", "Enditem", "MORE"), credit lines
# ("(Reporting by X in Y; Editing by Z)", "Associated Press writer X in Y
# contributed to this report.") and social credits ("Follow X on Twitter
# @x."). recognize_trailer returns the index of the first trailer block
# (len(blocks) when there is none), so that the header stage can keep them
# out of the body.
#
# Desks sign off with initials or marks: AFP "burs-jh/sst", PTI "PTI ABC
# DEF", Kyodo "==Kyodo"; these are end markers too, not paragraphs.
#
# Xinhua may write "Enditem" (PTI its initials, Kyodo "==Kyodo") at the end
# of the last paragraph instead of on a line of its own. The marker then
# belongs to the trailer, not the paragraph: the last body block is cut
# before it (spans stay exact: the paragraph ends at the last character
# before the white space that precedes the marker).
"""
Trailer recognition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import regex

from newswire._blocks import Block
from newswire._headers.byline import display_name
from newswire._model import Author, Credit, Span, Trailer

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["recognize_trailer"]

# e.g. "Reuter"  "REUTER"  "Enditem"  "End item"  "Fin"  "MORE"  "(END)"  "-30-": a
# block that is one of these, with or without a full stop. A set lookup costs
# less than a pattern's match, and only a block this short is looked up.
_END_MARKERS = frozenset(
    {
        "Reuter",
        "Reuters",
        "REUTER",
        "REUTERS",
        "reuter",
        "reuters",
        "Enditem",
        "ENDITEM",
        "End item",
        "Fin",
        "MORE",
        "More",
        "(END)",
        "-30-",
        "###",
    }
)
# The longest end marker, "End item.": a longer block is none.
_MAX_END_MARKER = 9
# Desk sign-offs: AFP's editors' initials ("burs-jh/sst", "sst/jh"), PTI's
# ("PTI ABC DEF") and Kyodo's "==Kyodo". A block that is one of these is an
# end marker; so is one that closes the last paragraph (below).
_SIGN_OFF = regex.compile(
    r"[a-z]{2,6}+(?:-[a-z]{2,6}+)*+/[a-z]{2,6}+(?:[-/][a-z]{2,6}+){0,4}+"
    r"|PTI(?:[ ][A-Z]{2,4}+){1,4}+"
    r"|==[ ]?+Kyodo"
)
# What ends a block that closes with PTI's sign-off: two to four capitals
# after "PTI ". stdlib re: a plain search over the block's tail.
_PTI_TAIL = re.compile(r"PTI(?: [A-Z]{2,4}){1,4}\Z")
# The longest sign-off a block may be: a longer block is story text.
_MAX_SIGN_OFF = 40
# e.g. "... closed higher. Enditem"  "... the minister said. PTI ABC DEF"  "... said. ==Kyodo"
_INLINE_END = regex.compile(
    r"(?<=[.\"'\u201d\u2019)])[ \t]++"
    r"(?:Enditem|ENDITEM|PTI(?:[ ][A-Z]{2,4}+){1,4}+|==[ ]?+Kyodo)\.?+\Z"
)
# How a block with _INLINE_END ends: tested before the block is searched.
_INLINE_END_WORDS = ("Enditem", "ENDITEM", "Enditem.", "ENDITEM.", "Kyodo")
# e.g. "(Reporting by Larry Fine in New York; Editing by Ken Ferris)"
_CREDITS = regex.compile(
    r"\(?+(?P<body>(?:Additional[ ])?(?:Reporting|Writing|Editing|Compiled)[ ]by"
    r"[^\n()]{2,400}+)\)?+\Z",
    regex.IGNORECASE,
)
_ROLE = regex.compile(
    r"[ ]*+(?P<role>(?:additional[ ])?(?:reporting|writing|editing|compiled))[ ]by[ ]++"
    r"(?P<names>[^;]++)",
    regex.IGNORECASE,
)
# e.g. "Associated Press writer Jane Doe in Paris contributed to this report."
_CONTRIBUTED = regex.compile(
    r"(?P<lead>(?:(?:The[ ])?Associated[ ]Press|AP|Reuters|AFP)?+[ ]?+"
    r"(?:[\p{L}\-]++[ ]){0,2}(?:writers?+|reporters?+|correspondents?+)[ ]++)?+"
    r"(?P<names>[^\n]{3,300}?)[ ]++(?:also[ ]++)?+contributed[ ]to[ ]this[ ](?:report|story)\.?+\Z",
    regex.IGNORECASE,
)
# e.g. "Follow Jane Doe on Twitter @janedoe."
_SOCIAL = regex.compile(
    r"(?:You[ ]can[ ])?+[Ff]ollow[ ][^\n]{2,80}?[ ]on[ ](?:Twitter|X|Instagram|Facebook)"
    r"[ ]?+:?+[ ]?+@[\w.]{1,40}+\.?+\Z"
)
# e.g. "Jane Doe in New York"  /  "Jane Doe"
_NAME_IN_PLACE = regex.compile(r"(?P<name>[^,;]+?)(?:[ ]++in[ ]++(?P<place>[^,;]+))?+\Z")
_MAX_TRAILER_BLOCK = 400
_LIST_SPLIT = regex.compile(r"[ ]*+,[ ]*+(?:and[ ]++)?+|[ ]++and[ ]++")
# A name credited in a trailer: capitalised words, particles allowed.
_NAME = regex.compile(
    r"\p{Lu}[\p{L}'\u2019.\-]*+"
    r"(?:[ ](?:\p{Lu}[\p{L}'\u2019.\-]*+|de|van|von|al|bin|da|di|del|la|le))*+"
)


def _credits(
    state: State, role: str, names: tuple[int, int], whole: tuple[int, int]
) -> list[Credit]:
    """
    Read ``X in Y and Z in W`` at ``names`` into one Credit per place.

    Each credit's text and span are those of ``whole``, the role's words.
    """
    text = state.text
    start, end = names
    text_start, text_end = whole
    groups: list[tuple[list[Author], str | None]] = []
    pending: list[Author] = []
    pos = start
    while pos < end:
        sep = _LIST_SPLIT.search(text, pos, end)
        part_end = end if sep is None else sep.start()
        match = _NAME_IN_PLACE.match(text, pos, part_end)
        if match is not None:
            n_start, n_end = match.span("name")
            while n_start < n_end and text[n_start] == " ":
                n_start += 1
            name_match = _NAME.fullmatch(text, n_start, n_end)
            if name_match is not None:
                name = state.original(n_start, n_end)
                pending.append(
                    Author(name=name, display=display_name(name), span=state.span(n_start, n_end))
                )
                place = match.group("place")
                if place is not None:
                    groups.append((pending, place.strip().rstrip(".")))
                    pending = []
        if sep is None:
            break
        pos = sep.end()
    if pending:
        groups.append((pending, None))
    if not groups:
        groups.append(([], None))
    return [
        Credit(
            role=role,
            text=state.original(text_start, text_end),
            span=state.span(text_start, text_end),
            authors=tuple(authors),
            place=place,
        )
        for authors, place in groups
    ]


def recognize_trailer(state: State) -> int:
    """
    Record the trailer and return the index of its first block.

    When an ``Enditem`` closes the last paragraph, the last block in
    ``state.blocks`` is replaced by the paragraph without it, and the trailer
    is that marker alone.
    """
    blocks = state.blocks
    text = state.text
    if len(blocks) > 1:
        last = blocks[-1]
        # The marker ends the block: test that before searching the block.
        # Only the block's tail can hold the marker: the search starts there.
        tail = max(last.start, last.end - _MAX_SIGN_OFF)
        inline = (
            _INLINE_END.search(text, tail, last.end)
            if text.endswith(_INLINE_END_WORDS, last.start, last.end)
            or _PTI_TAIL.search(text, tail, last.end) is not None
            else None
        )
        if inline is not None:
            m_start = inline.start() + len(inline.group()) - len(inline.group().lstrip())
            marker = state.span(m_start, last.end)
            blocks[-1] = Block(last.start, inline.start())
            state.trailer = Trailer(
                text=state.original(m_start, last.end), span=marker, end_marker=marker
            )
            return len(blocks)
    first = len(blocks)
    found: list[Credit] = []
    marker_span: Span | None = None
    while first > 1:
        block = blocks[first - 1]
        if block.end - block.start > _MAX_TRAILER_BLOCK:
            break
        if (
            marker_span is None
            and not found
            and block.end - block.start <= _MAX_SIGN_OFF
            and _is_end_marker(text[block.start : block.end])
        ):
            marker_span = state.span(block.start, block.end)
        else:
            block_credits = _block_credits(state, block)
            if block_credits is None:
                break
            found[:0] = block_credits
        first -= 1
    if first < len(blocks):
        start, end = blocks[first].start, blocks[-1].end
        # A trailer that is its end marker alone shares the marker's span.
        if marker_span is not None and first == len(blocks) - 1:
            span = marker_span
        else:
            span = state.span(start, end)
        state.trailer = Trailer(
            text=state.original(start, end),
            span=span,
            credits=tuple(found),
            end_marker=marker_span,
        )
    return first


def _is_end_marker(block: str) -> bool:
    # A sign-off word from the set, or a desk's initials (_SIGN_OFF).
    if len(block) <= _MAX_END_MARKER and block.removesuffix(".") in _END_MARKERS:
        return True
    return _SIGN_OFF.fullmatch(block) is not None


def _block_credits(state: State, block: Block) -> list[Credit] | None:
    """
    Read the credits of one trailer block; None when it holds none.
    """
    text = state.text
    # Cheap tests first: most last blocks are story text.
    words = text[block.start : block.end].casefold()
    found = _CREDITS.match(text, block.start, block.end) if "by " in words else None
    if found is not None:
        found_credits: list[Credit] = []
        for role in _ROLE.finditer(text, found.start("body"), found.end("body")):
            r_start, r_end = role.span()
            while text[r_start] == " ":
                r_start += 1
            while r_end > r_start and text[r_end - 1] in " .":
                r_end -= 1
            n_start, n_end = role.span("names")
            while n_end > n_start and text[n_end - 1] in " .":
                n_end -= 1
            name = role.group("role").casefold().replace(" ", "_")
            found_credits.extend(_credits(state, name, (n_start, n_end), (r_start, r_end)))
        return found_credits
    found = _CONTRIBUTED.match(text, block.start, block.end) if "contributed to" in words else None
    if found is not None:
        return _credits(state, "contributed", found.span("names"), (block.start, block.end))
    if "follow" in words and _SOCIAL.match(text, block.start, block.end):
        return [
            Credit(
                role="social",
                text=state.original(block.start, block.end),
                span=state.span(block.start, block.end),
            )
        ]
    return None
