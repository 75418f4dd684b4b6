# The only mutable object of a parse: a slotted _State that lives for one call
# of parse(). Every stage reads what earlier stages left here and adds its own
# results. Offsets kept here are offsets into the *normalised* text
# (state.norm.text); records are built with original-text spans through
# state.span(), the one bridge to _text.
"""
Per-parse mutable state shared by the pipeline stages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newswire._model import (
    Byline,
    Dateline,
    Diagnostic,
    Entity,
    Headline,
    Paragraph,
    SourceLine,
    Span,
    Statement,
    Trailer,
    _Source,
)

if TYPE_CHECKING:
    import datetime as dt

    from newswire._blocks import Block
    from newswire._text import NormalizedText

__all__ = ["State"]


@attrs.define(slots=True)
class State:
    """
    Everything one parse has found so far.

    ``body`` holds the blocks that become paragraphs, in order; ``body_offset``
    is where, in the first body block, the text after the dateline starts.
    """

    norm: NormalizedText
    source_id: str | None
    caller_reference: dt.date | None
    reference_date: dt.date | None = None
    blocks: list[Block] = attrs.Factory(list)
    body: list[Block] = attrs.Factory(list)
    body_offset: int = 0
    headline: Headline | None = None
    source_lines: list[SourceLine] = attrs.Factory(list)
    byline: Byline | None = None
    dateline: Dateline | None = None
    trailer: Trailer | None = None
    paragraphs: list[Paragraph] = attrs.Factory(list)
    statements: list[Statement] = attrs.Factory(list)
    entities: list[Entity] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    # The normalised text the recognisers read: a plain attribute, not a
    # property over norm, because every stage reads it many times per parse.
    text: str = attrs.field(init=False)
    # The original text, for the records that slice it on demand (paragraphs,
    # statement contents): one object the whole dispatch shares.
    source: _Source = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        """
        Keep the normalised text at hand.
        """
        self.text = self.norm.text
        self.source = _Source(self.norm.original)

    def span(self, start: int, end: int) -> Span:
        """
        Return the original-text span of normalised offsets ``start..end``.
        """
        return self.norm.span(start, end)

    def original(self, start: int, end: int) -> str:
        """
        Return the original text of normalised offsets ``start..end``.
        """
        return self.norm.slice(start, end)

    def diagnose(
        self, code: str, message: str, start: int | None = None, end: int | None = None
    ) -> None:
        """
        Record a recoverable oddity at normalised offsets ``start..end``.
        """
        span = None if start is None else self.span(start, start if end is None else end)
        self.diagnostics.append(Diagnostic(code, message, span))
