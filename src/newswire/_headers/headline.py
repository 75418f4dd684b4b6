# The headline: the first block, when it is short and other blocks follow, and
# no other header recognizer claimed it.
"""
Headline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._model import Headline

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["recognize_headline"]

_MAX_CHARS = 300
_MAX_LINES = 3


def recognize_headline(state: State, block: Block, index: int) -> int | None:
    """
    Claim the first block as the headline when it looks like one.
    """
    if index != 0 or state.headline is not None or len(state.blocks) < 2:
        return None
    if block.end - block.start > _MAX_CHARS:
        return None
    if state.text.count("\n", block.start, block.end) >= _MAX_LINES:
        return None
    state.headline = Headline(
        text=state.original(block.start, block.end), span=state.span(block.start, block.end)
    )
    return block.end
