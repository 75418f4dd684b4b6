# Lexicons are data, not code: plain UTF-8 text files in newswire/data, one
# entry a line, '#' starts a comment. Each is read once, on first use, through
# importlib.resources (so they work from a wheel or a zip) and cached.
"""
Loading of the word lists in ``newswire/data``.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["read_lines", "read_mapping", "read_set"]


def read_lines(name: str) -> tuple[str, ...]:
    """
    Return the non-blank, non-comment lines of ``data/<name>``, stripped.

    >>> read_lines("months.txt")[0]
    'january|1'
    """
    return _read_lines(name)


@functools.cache
def _read_lines(name: str) -> tuple[str, ...]:
    raw = resources.files("newswire").joinpath("data", name).read_text(encoding="utf-8")
    lines = []
    for line in raw.splitlines():
        content = line.split("#", 1)[0].strip() if not line.startswith("\\#") else line[1:]
        if content:
            lines.append(content)
    return tuple(lines)


@functools.cache
def read_set(name: str, *, casefold: bool = True) -> frozenset[str]:
    """
    Return the lines of ``data/<name>`` as a set (casefolded by default).

    >>> "june|6" in read_set("months.txt")
    True
    """
    lines = _read_lines(name)
    return frozenset(line.casefold() if casefold else line for line in lines)


@functools.cache
def read_mapping(name: str, *, casefold: bool = True) -> dict[str, str]:
    """
    Return ``key<TAB or |>value`` lines of ``data/<name>`` as a mapping.

    Keys are casefolded by default; a line with no value maps to itself.

    >>> read_mapping("months.txt")["sept"]
    '9'
    """
    mapping: dict[str, str] = {}
    for line in _read_lines(name):
        key, _, value = line.partition("|")
        key, value = key.strip(), value.strip()
        mapping[key.casefold() if casefold else key] = value or key
    return mapping
