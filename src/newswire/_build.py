# Which build is running. The compiled build (see pyproject.toml) ships the
# parser's hot modules compiled by mypyc beside their sources; the pure build
# ships the sources alone. Both give the same results.
"""
The build of newswire that is running: pure Python, or partly compiled with mypyc.
"""

from __future__ import annotations

from pathlib import Path

from newswire import _attribution

__all__ = ["compiled", "describe"]


def compiled() -> bool:
    """
    Tell whether the parser's hot modules were compiled (with mypyc) in this build.

    >>> compiled() in (True, False)
    True
    """
    return Path(_attribution.__file__ or "").suffix in {".so", ".pyd"}


def describe() -> str:
    """
    Return ``"compiled"`` or ``"pure Python"``, for version lines and benchmark reports.

    >>> describe() in ("compiled", "pure Python")
    True
    """
    return "compiled" if compiled() else "pure Python"
