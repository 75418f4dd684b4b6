# Stage 3: headers. A header recognizer receives the state, one block and the
# block's index, and returns the normalised offset where its record ends inside
# the block, or None when the block is not its kind. It stores its record on
# the state. None is not an error. The first match wins.
#
# The stage first looks ahead for the dateline (find_dateline has no side
# effects) among the first blocks, stopping at the first long block: between
# the headline and the dateline there may be deck lines or an abstract that no
# recognizer claims. Blocks before the dateline go through HEADER_RULES; those
# no rule claims are body paragraphs (they come before the dateline's
# paragraph). Without a dateline the stage stops at the first unclaimed block,
# which is where the body begins. The dateline's block is a body paragraph
# and keeps the dateline in it, unless the dateline is all it holds; a byline
# running into the dateline on that line is split off and left out of it.
#
# Trailers (sign-offs, reporting credits) are recognised from the end of the
# text by recognize_trailer, and removed from the body.
"""
Header and trailer recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._blocks import Block
from newswire._headers.byline import (
    recognize_bracket_credit,
    recognize_byline,
    record_byline,
    split_byline,
)
from newswire._headers.dateline import (
    DatelineCandidate,
    commit_dateline,
    find_dateline,
    recognize_dateline,
)
from newswire._headers.headline import recognize_headline
from newswire._headers.source_line import (
    recognize_advisory,
    recognize_header_line,
    recognize_section_head,
    recognize_source_line,
)
from newswire._headers.trailer import recognize_trailer

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._state import State

    HeaderRule = Callable[[State, Block, int], int | None]

__all__ = ["HEADER_RULES", "recognize_headers"]

HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("header_line", recognize_header_line),
    ("source_line", recognize_source_line),
    ("advisory", recognize_advisory),
    ("section_head", recognize_section_head),
    ("dateline", recognize_dateline),
    ("byline", recognize_byline),
    ("headline", recognize_headline),
)

# Headers live at the top of a dispatch: looking further is wasted work.
_MAX_HEADER_BLOCKS = 8
# A block this long is story text: the look-ahead for a dateline stops there.
_MAX_DECK_CHARS = 600


def _look_ahead(state: State, limit: int) -> tuple[int | None, DatelineCandidate | None, int]:
    """
    Find the block that opens with the dateline, if any.

    Returns its index (None when there is none), the candidate (None also when
    a byline runs into the dateline) and how many blocks were tried.
    """
    blocks = state.blocks
    for index in range(limit):
        block = blocks[index]
        found = find_dateline(state, block, index)
        if found is not None:
            return index, found, index
        if split_byline(state, block) is not None:
            return index, None, index
        if block.end - block.start > _MAX_DECK_CHARS:
            return None, None, index + 1
    return None, None, limit


def recognize_headers(state: State) -> None:
    """
    Find the header records and decide which blocks form the body.
    """
    blocks = state.blocks
    trailer_start = recognize_trailer(state)
    limit = min(trailer_start, _MAX_HEADER_BLOCKS)
    # The look-ahead tries the dateline rule on the blocks it passes: the
    # loop below need not try it there again.
    dateline_index, candidate, checked = _look_ahead(state, limit)
    body: list[Block] = []
    index = 0
    while index < limit:
        block = blocks[index]
        if index == dateline_index:
            story = _open_story(state, block, index, candidate)
            index += 1
            if story is not None:
                body.append(story)
            break
        claimed = _claim(state, block, index, skip_dateline=index < checked)
        if claimed is None:
            if dateline_index is None:
                break
            body.append(block)
            index += 1
            continue
        name, end = claimed
        if name == "dateline":
            # Only when the look-ahead found none (it stops at a long block).
            if end >= block.end:
                index += 1
            break
        if end < block.end:
            # Lines after the headline's first line (decks) stay in the body.
            rest = _trimmed(state, end, block.end)
            if rest is not None:
                body.append(rest)
        index += 1
    body.extend(blocks[index:trailer_start])
    state.body = body


def _claim(
    state: State, block: Block, index: int, *, skip_dateline: bool
) -> tuple[str, int] | None:
    # The first rule that claims the block, with where its record ends.
    for name, rule in HEADER_RULES:
        if skip_dateline and name == "dateline":
            continue
        end = rule(state, block, index)
        if end is not None:
            return name, end
    return None


def _open_story(
    state: State, block: Block, index: int, found: DatelineCandidate | None
) -> Block | None:
    # The block that opens the story: "[By X] DATELINE — text" or a lone
    # dateline. A byline running into the dateline on one line is split off
    # and kept out of the paragraph. Returns the block's body part: None when
    # the dateline is all the block holds.
    if found is None:
        split = split_byline(state, block)
        if split is None or not record_byline(state, block.start, split):
            return block
        block = Block(split, block.end)
        found = find_dateline(state, block, index)
        if found is None:
            return block
    end = commit_dateline(state, found)
    if end >= block.end:
        return None
    credit_end = recognize_bracket_credit(state, end, block.end)
    state.body_offset = end if credit_end is None else credit_end
    return block


def _trimmed(state: State, start: int, end: int) -> Block | None:
    text = state.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end) if start < end else None
