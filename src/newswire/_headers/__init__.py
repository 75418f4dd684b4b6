# Stage 3: headers. A header recognizer receives the state, one block and the
# block's index, and returns the normalised offset where its record ends inside
# the block, or None when the block is not its kind. It stores its record on
# the state. None is not an error. The first match wins; the stage stops at the
# first block no recognizer claims, which is where the body begins. A dateline
# that ends before its block does is the start of the first body paragraph.
#
# Trailers (sign-offs, reporting credits) are recognised from the end of the
# text by recognize_trailer, and removed from the body.
"""
Header and trailer recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._headers.byline import recognize_byline
from newswire._headers.dateline import recognize_dateline
from newswire._headers.headline import recognize_headline
from newswire._headers.source_line import recognize_header_line, recognize_source_line
from newswire._headers.trailer import recognize_trailer

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._blocks import Block
    from newswire._state import State

    HeaderRule = Callable[[State, Block, int], int | None]

__all__ = ["HEADER_RULES", "recognize_headers"]

HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("header_line", recognize_header_line),
    ("source_line", recognize_source_line),
    ("dateline", recognize_dateline),
    ("byline", recognize_byline),
    ("headline", recognize_headline),
)

# Headers live at the top of a dispatch: looking further is wasted work.
_MAX_HEADER_BLOCKS = 8


def recognize_headers(state: State) -> None:
    """
    Find the header records and decide which blocks form the body.
    """
    blocks = state.blocks
    trailer_start = recognize_trailer(state)
    limit = min(trailer_start, _MAX_HEADER_BLOCKS)
    index = 0
    while index < limit:
        block = blocks[index]
        for name, rule in HEADER_RULES:
            end = rule(state, block, index)
            if end is not None:
                break
        else:
            break
        if name == "dateline":
            if end < block.end:
                state.body_offset = end
            else:
                index += 1
            break
        index += 1
    state.body = blocks[index:trailer_start]
