# Stage 4: paragraphs. The body blocks chosen by the header stage become
# Paragraph records, numbered from 0. The dateline's block, when the dateline
# runs into the story, is the first paragraph and keeps the dateline in it.
"""
Paragraph records from body blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._model import _sliced_paragraph

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["build_paragraphs"]


def build_paragraphs(state: State) -> None:
    """
    Turn ``state.body`` into ``state.paragraphs``.
    """
    # The text's own method, looked up once: a dispatch has many short
    # paragraphs, and State.span only forwards to it. Each paragraph's text is
    # sliced from the original on demand, not copied (see _model).
    source = state.source
    span = state.norm.span
    state.paragraphs = [
        _sliced_paragraph(source, span(block.start, block.end), index)
        for index, block in enumerate(state.body)
    ]
