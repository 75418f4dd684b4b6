# Stage 6: speaker resolution (placeholder until the statements issue).
"""
Speaker resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["resolve_speakers"]


def resolve_speakers(state: State) -> None:
    """
    Resolve every statement's speaker mention to an entity.
    """
    del state
