# Stage 5: attributed statements (placeholder until the statements issue).
"""
Statement recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["find_statements"]


def find_statements(state: State) -> None:
    """
    Find the attributed statements in the body paragraphs.
    """
    del state
