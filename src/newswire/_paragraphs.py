# Stage 4: paragraphs. The body blocks chosen by the header stage become
# Paragraph records, numbered from 0. The dateline's block, when the dateline
# runs into the story, is the first paragraph and keeps the dateline in it.
"""
Paragraph records from body blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._model import Paragraph

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["build_paragraphs"]


def build_paragraphs(state: State) -> None:
    """
    Turn ``state.body`` into ``state.paragraphs``.
    """
    # The text's own methods, looked up once: a dispatch has many short
    # paragraphs, and State.original/State.span only forward to them.
    original = state.norm.slice
    span = state.norm.span
    # Positional arguments (text, span, index): attrs' __init__ takes them
    # faster than keywords.
    state.paragraphs = [
        Paragraph(original(block.start, block.end), span(block.start, block.end), index)
        for index, block in enumerate(state.body)
    ]
