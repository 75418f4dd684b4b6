# The pipeline: ordered, named stages that run in one loop over one _State.
# A stage receives the state, reads what earlier stages left on it and adds its
# own results; it never rescans text an earlier stage already consumed beyond
# what its own job needs, so a parse stays linear in the input length.
"""
The parse pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._attribution import find_statements
from newswire._blocks import segment_blocks
from newswire._dates import coerce_date
from newswire._headers import recognize_headers
from newswire._model import Dispatch
from newswire._paragraphs import build_paragraphs
from newswire._speakers import resolve_speakers
from newswire._state import State
from newswire._text import normalize

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

__all__ = ["STAGES", "parse"]


def _segment(state: State) -> None:
    state.blocks = segment_blocks(state.text)
    if not state.blocks:
        state.diagnose("text.empty", "the text is empty or only white space")


def _reference(state: State) -> None:
    # Runs after the headers: the dispatch's own date outranks the caller's.
    if state.reference_date is None:
        state.reference_date = state.caller_reference


STAGES: tuple[tuple[str, Callable[[State], None]], ...] = (
    ("blocks", _segment),
    ("headers", recognize_headers),
    ("reference_date", _reference),
    ("paragraphs", build_paragraphs),
    ("statements", find_statements),
    ("speakers", resolve_speakers),
)


def parse(
    text: str,
    *,
    reference_date: dt.date | dt.datetime | str | None = None,
    source_id: str | None = None,
) -> Dispatch:
    """
    Parse one dispatch.

    Args:
        text: the dispatch as plain text. Any string is accepted; oddities in
            it become :class:`Diagnostic` records rather than exceptions.
        reference_date: the date used to give a year to dates written without
            one, when the dispatch states no date of its own (a source line or
            header). Never the clock: without either, such dates stay None
            and a ``date.no_reference`` diagnostic says so.
        source_id: a name for the dispatch (a file name or record id), kept on
            the result and used in error messages.

    Returns:
        The :class:`Dispatch` with every record found.

    Raises:
        TypeError: when ``text`` is not a ``str`` (``bytes``: decode first), or
            ``reference_date`` is of the wrong type.

    >>> d = parse("BEIJING, Dec. 31 (Xinhua) -- Xi said ties are strong.",
    ...           reference_date="2022-01-01")
    >>> d.dateline.place, d.dateline.date.isoformat(), d.dateline.agency
    ('BEIJING', '2021-12-31', 'Xinhua')
    >>> parse(b"bytes")
    Traceback (most recent call last):
      ...
    TypeError: parse() takes str, not bytes: decode it first, e.g. data.decode('utf-8')

    .. versionadded:: 0.1
    """
    # Callers without type checking pass bytes or None often enough that the
    # message must say what to do; checked on `object` views to keep mypy honest.
    given: object = text
    if not isinstance(given, str):
        if isinstance(given, (bytes, bytearray, memoryview)):
            msg = (
                f"parse() takes str, not {type(given).__name__}: decode it first, "
                "e.g. data.decode('utf-8')"
            )
        else:
            msg = f"parse() takes str, not {type(given).__name__}"
        raise TypeError(msg)
    given_id: object = source_id
    if given_id is not None and not isinstance(given_id, str):
        msg = f"source_id must be a str or None, not {type(given_id).__name__}"
        raise TypeError(msg)
    state = State(
        norm=normalize(text), source_id=source_id, caller_reference=coerce_date(reference_date)
    )
    for _name, stage in STAGES:
        stage(state)
    return Dispatch(
        text=text,
        source_id=source_id,
        reference_date=state.reference_date,
        headline=state.headline,
        source_lines=tuple(state.source_lines),
        byline=state.byline,
        dateline=state.dateline,
        paragraphs=tuple(state.paragraphs),
        statements=tuple(state.statements),
        entities=tuple(state.entities),
        trailer=state.trailer,
        diagnostics=tuple(state.diagnostics),
    )
