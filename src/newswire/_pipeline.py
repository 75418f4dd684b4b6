# The pipeline: ordered, named stages that run in one loop over one _State.
# A stage receives the state, reads what earlier stages left on it and adds its
# own results; it never rescans text an earlier stage already consumed beyond
# what its own job needs, so a parse stays linear in the input length.
"""
The parse pipeline.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from newswire._attribution import find_statements
from newswire._blocks import segment_blocks
from newswire._dates import coerce_date
from newswire._headers import recognize_headers
from newswire._model import Dispatch
from newswire._paragraphs import build_paragraphs
from newswire._speakers import resolve_speakers
from newswire._state import State
from newswire._text import normalize
from newswire.errors import DispatchError

__all__ = ["STAGES", "parse", "parse_file"]


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
        ReferenceDateError: (a :class:`NewswireError` and a :class:`ValueError`)
            when ``reference_date`` is a string that is not an ISO date; the
            message names the accepted forms.

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


def parse_file(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    reference_date: dt.date | dt.datetime | str | None = None,
    source_id: str | None = None,
) -> Dispatch:
    """
    Read one dispatch from a file and parse it.

    Args:
        path: the file to read.
        encoding: its encoding; archives are often ``"latin-1"`` or ``"cp1252"``.
        errors: what to do with bytes the encoding cannot decode, as for
            :func:`open` (``"strict"`` raises, ``"replace"`` carries on).
        reference_date: as for :func:`parse`.
        source_id: a name for the dispatch; the file's name when not given.

    Returns:
        The :class:`Dispatch`, with ``text`` the decoded file content.

    Raises:
        OSError: when the file cannot be read.
        DispatchError: (a :class:`ValueError`) when its bytes are not valid
            in ``encoding`` and ``errors`` is ``"strict"``; it names the file
            and the byte offset.
        ReferenceDateError: as for :func:`parse`.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> text = "TOKYO (Kyodo) -- Caf\xe9 owners said prices rose."
    >>> _ = (folder / "k1.txt").write_bytes(text.encode("cp1252"))
    >>> d = parse_file(folder / "k1.txt", encoding="cp1252")
    >>> d.source_id, d.dateline.agency, d.text[17:21]
    ('k1.txt', 'Kyodo', 'Café')
    >>> parse_file(folder / "k1.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    newswire.errors.DispatchError: k1.txt: not valid utf-8 at byte 20 (invalid continuation ...

    .. versionadded:: 0.1
    """
    file = Path(path)
    data = file.read_bytes()
    name = file.name if source_id is None else source_id
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        msg = (
            f"not valid {encoding} at byte {exc.start} ({exc.reason}); "
            "give encoding= (e.g. 'cp1252') or errors='replace'"
        )
        raise DispatchError(msg, source_id=name) from exc
    return parse(text, reference_date=reference_date, source_id=name)
