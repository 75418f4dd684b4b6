# The public face of the evaluation harness in _evaluate.py: one function that
# takes a gold file (or several, or records already in memory) and returns the
# scores the `newswire evaluate` command prints. The definitions of the scores
# live with the harness, stated once.
"""
Scoring the parser against gold annotations.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newswire._evaluate import evaluate_records, read_gold

__all__ = ["evaluate"]


def _records(source: Any) -> Iterable[dict[str, Any]]:
    if isinstance(source, (str, os.PathLike)):
        yield from read_gold(Path(source))
        return
    for item in source:
        if isinstance(item, (str, os.PathLike)):
            yield from read_gold(Path(item))
        elif isinstance(item, Mapping):
            yield dict(item)
        else:
            msg = f"expected a gold record (a mapping) or a path, not {type(item).__name__}"
            raise TypeError(msg)


def evaluate(
    source: str | os.PathLike[str] | Iterable[Mapping[str, Any] | str | os.PathLike[str]],
) -> dict[str, dict[str, Any]]:
    """
    Parse every gold record and score the result; the scores ``newswire evaluate`` prints.

    Gold records are JSON Lines in the format documented in the guide
    (*The gold format*): each has a ``text`` and a ``gold`` mapping with any of
    ``headline``, ``dateline``, ``byline`` and ``statements``. A field that is
    absent, or ``statements: null``, is not scored.

    Args:
        source: a path to a gold JSON Lines file, or an iterable of paths
            and/or records already loaded (dicts).

    Returns:
        Scores per corpus (each record's ``corpus``) plus ``"all"``. Each maps
        a field to ``{tp, fp, fn, precision, recall, f1}`` (headline,
        dateline, byline_authors, statements) or to ``{correct, total,
        accuracy}`` (dateline_place, dateline_date, statement_speaker, ...).

    Raises:
        OSError: when a file cannot be read.
        ValueError: naming the file and line of a line that is not a gold record.
        TypeError: when an item is neither a mapping nor a path.

    >>> import newswire
    >>> gold = {"corpus": "mine", "text": "Quake\\n\\nTOKYO (Kyodo) -- It shook.",
    ...         "gold": {"headline": "Quake", "dateline": None}}
    >>> scores = newswire.evaluate([gold])
    >>> scores["mine"]["headline"]["f1"], scores["all"]["documents"]
    (1.0, 1)
    >>> newswire.evaluate([42])
    Traceback (most recent call last):
      ...
    TypeError: expected a gold record (a mapping) or a path, not int

    .. versionadded:: 0.1
    """
    return evaluate_records(_records(source))
