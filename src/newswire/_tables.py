# Tables of statements for pandas users. pandas is optional: it is imported
# only when a table is asked for, and its absence is reported with the
# command that installs it.
"""
Statements of many dispatches as one pandas DataFrame.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from newswire._model import Dispatch
from newswire._render import RECORD_KEYS
from newswire.errors import NewswireError

__all__ = ["to_dataframe"]


def to_dataframe(dispatches: Dispatch | Iterable[Dispatch | NewswireError]) -> Any:
    """
    Return one ``pandas.DataFrame`` row per statement of every dispatch.

    The columns are those of :meth:`Dispatch.to_records`, in order, even when
    there are no statements. Errors from :func:`parse_many` in the input are
    skipped, so its results can be passed straight in.

    Args:
        dispatches: a dispatch, or an iterable of dispatches (and errors).

    Returns:
        A ``pandas.DataFrame``.

    Raises:
        ModuleNotFoundError: when pandas is not installed; the message says
            how to install it (``pip install pandas``, or the ``examples``
            extra of a clone: ``pip install ".[examples]"``).
        TypeError: for an item that is neither a dispatch nor an error.

    >>> import newswire
    >>> d = newswire.parse('TOKYO (Kyodo) -- "We will win," Aiko Sato said.', source_id="k1")
    >>> frame = to_dataframe([d])
    >>> frame[["source_id", "speaker", "cue"]].to_dict("records")
    [{'source_id': 'k1', 'speaker': 'Aiko Sato', 'cue': 'said'}]

    .. versionadded:: 0.1
    """
    try:
        # Imported by name: pandas is optional, and the compiled build's
        # type check must not need it (or its stubs) to be installed.
        pd = importlib.import_module("pandas")
    except ModuleNotFoundError as exc:
        msg = (
            "newswire.to_dataframe needs pandas: pip install pandas "
            '(or, from a clone of newswire, pip install ".[examples]")'
        )
        raise ModuleNotFoundError(msg, name="pandas") from exc
    items = [dispatches] if isinstance(dispatches, Dispatch) else dispatches
    rows: list[dict[str, Any]] = []
    for item in items:
        # Typed as object: callers without type checking pass anything.
        given: object = item
        if isinstance(given, NewswireError):
            continue
        if not isinstance(given, Dispatch):
            msg = f"to_dataframe takes dispatches, not {type(given).__name__}"
            raise TypeError(msg)
        rows.extend(given.to_records())
    return pd.DataFrame(rows, columns=list(RECORD_KEYS))
