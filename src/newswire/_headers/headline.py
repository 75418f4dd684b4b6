# The headline: the first line of the first block that is not a source line,
# when it is short, other blocks follow, and no other header recognizer
# claimed it. Lines after it in the same block are a deck (a subheadline),
# not part of the headline, unless the headline was hard-wrapped there: the
# next line then continues it in lower case. A wire advisory written before
# the headline ("(LEAD) Seoul to ...") is recorded as a SourceLine of the
# kind "advisory" and kept out of the headline.
"""
Headline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._model import Headline, SourceLine
from newswire._patterns import ADVISORY_LINE

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["recognize_headline"]

_MAX_CHARS = 300
_MAX_LINES = 3
# A headline with its deck lines: beyond this the first block is a story.
_MAX_BLOCK_CHARS = 600
_MAX_BLOCK_LINES = 4


def _line_end(text: str, start: int, end: int) -> int:
    found = text.find("\n", start, end)
    return end if found < 0 else found


def recognize_headline(state: State, block: Block, index: int) -> int | None:
    """
    Claim the first line(s) of the first story block as the headline.

    Returns where the headline ends; the rest of the block (a deck) is left
    to the body.
    """
    if (
        state.headline is not None
        or state.byline is not None
        or index > len(state.source_lines)
        or len(state.blocks) < 2
    ):
        return None
    text = state.text
    if block.end - block.start > _MAX_BLOCK_CHARS or (
        text.count("\n", block.start, block.end) >= _MAX_BLOCK_LINES
    ):
        # A long first block is story text, not a headline and its deck.
        return None
    start = block.start
    advisory = (
        ADVISORY_LINE.match(text, start, _line_end(text, start, block.end))
        if text.startswith("(", start)
        else None
    )
    if (
        advisory is not None
        and advisory.end() < _line_end(text, start, block.end)
        # e.g. "(CORRECTED) - BANK SAYS ...": a Reuters headline keeps its tag.
        and text[advisory.end()] not in "-\u2013\u2014"
    ):
        a_end = advisory.end()
        while a_end > start and text[a_end - 1] == " ":
            a_end -= 1
        state.source_lines.append(
            SourceLine(
                text=state.original(start, a_end),
                span=state.span(start, a_end),
                kind="advisory",
                timestamp=None,
                agency=None,
            )
        )
        start = advisory.end()
    end = _line_end(text, start, block.end)
    lines = 1
    while (
        end < block.end
        and lines < _MAX_LINES
        and text[end - 1] not in ".;:?!"
        and text[end + 1 : end + 2].islower()
    ):
        end = _line_end(text, end + 1, block.end)
        lines += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end - start > _MAX_CHARS or end <= start:
        return None
    state.headline = Headline(text=state.original(start, end), span=state.span(start, end))
    return end
