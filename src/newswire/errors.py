# Every exception the library raises derives from NewswireError. Wrong argument
# types raise TypeError (a programming error, not a data error). Recoverable
# oddities in the text are never raised: they become Diagnostic records.
"""
Exceptions raised by newswire.
"""

from __future__ import annotations

from typing import Any

# Imported at run time (not only for type checking) so that
# typing.get_type_hints resolves the public annotations.
from newswire._model import Span

__all__ = ["DispatchError", "NewswireError", "ReferenceDateError"]


class NewswireError(Exception):
    """
    Base class of every error newswire raises.

    .. versionadded:: 0.1
    """


class ReferenceDateError(NewswireError, ValueError):
    """
    A ``reference_date`` string that is not a date in an accepted form.

    The accepted forms are a :class:`datetime.date`, a :class:`datetime.datetime`
    or an ISO 8601 string (``YYYY-MM-DD``, optionally followed by a time).

    >>> import newswire
    >>> newswire.parse("TOKYO (Kyodo) -- It shook.", reference_date="15/05/2024")
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    newswire.errors.ReferenceDateError: reference_date '15/05/2024' is not a date: give a ...

    .. versionadded:: 0.1
    """


class DispatchError(NewswireError, ValueError):
    """
    Input that yields no dispatch, or a dispatch that failed in a batch.

    Carries where it happened: ``source_id`` (a file name or record id),
    ``span``, ``line`` and ``column`` (1-based), and renders with a caret under
    the offending line when the text is known.

    >>> err = DispatchError("empty dispatch", source_id="reu-0412")
    >>> str(err)
    'reu-0412: empty dispatch'
    >>> err = DispatchError("dateline has no place before the date",
    ...                     source_id="reu-0412", text="x\\n, March 4 (Reuters) - Crude",
    ...                     offset=2, length=9)
    >>> print(err)
    reu-0412, line 2, column 1: dateline has no place before the date
        , March 4 (Reuters) - Crude
        ^~~~~~~~~

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        message: str,
        *,
        source_id: str | None = None,
        text: str | None = None,
        offset: int | None = None,
        length: int = 1,
        span: Span | None = None,
    ) -> None:
        """
        Build the error; ``offset`` (into ``text``) places it when given.
        """
        self.message = message
        self.source_id = source_id
        self.span = span
        self.offset = offset if offset is not None else (span.start if span else None)
        self.line: int | None = None
        self.column: int | None = None
        self._excerpt = ""
        if text is not None and self.offset is not None:
            # An offset past either end is placed at that end, never raised on.
            self.offset = min(max(self.offset, 0), len(text))
            start = text.rfind("\n", 0, self.offset) + 1
            end = text.find("\n", self.offset)
            end = len(text) if end < 0 else end
            self.line = text.count("\n", 0, self.offset) + 1
            self.column = self.offset - start + 1
            line_text = text[start:end]
            if len(line_text) > 120:
                cut = max(0, self.offset - start - 40)
                line_text = line_text[cut : cut + 120]
                pad = self.offset - start - cut
            else:
                pad = self.offset - start
            marks = "^" + "~" * max(0, min(length, 80) - 1)
            self._excerpt = f"\n    {line_text}\n    {' ' * pad}{marks}"
        super().__init__(str(self))

    def __str__(self) -> str:
        """
        Render ``where: message`` and, when known, the line with a caret.
        """
        where = self.source_id or "<string>"
        if self.line is not None:
            where += f", line {self.line}, column {self.column}"
        return f"{where}: {self.message}{self._excerpt}"

    def __reduce__(self) -> tuple[object, ...]:
        """
        Pickle by value so errors cross process boundaries in batches.
        """
        where = {
            "source_id": self.source_id,
            "line": self.line,
            "column": self.column,
            "excerpt": self._excerpt,
            "offset": self.offset,
            "span": self.span,
        }
        return (_rebuild_error, (self.message, where))


def _rebuild_error(message: str, where: dict[str, Any]) -> DispatchError:
    err = DispatchError(message, source_id=where["source_id"], span=where["span"])
    err.line, err.column, err.offset = where["line"], where["column"], where["offset"]
    err._excerpt = where["excerpt"]  # noqa: SLF001 - restoring our own state
    return err
