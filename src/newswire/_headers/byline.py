# The byline: "By NAME[, NAME and NAME][, AGENCY]" on its own block, possibly
# followed by a title line ("Associated Press Writer").
"""
Byline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newswire._headers.agency import canonical_agency
from newswire._model import Author, Byline
from newswire._patterns import BYLINE

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["display_name", "recognize_byline"]

_SPLIT = regex.compile(r",[ ]*+(?:and[ ]++)?|[ ]++and[ ]++|[ ]*+\|[ ]*+|[ ]*+&[ ]*+")


def display_name(name: str) -> str:
    """
    Return a readable form of a name written in capitals.

    >>> display_name("ABBY GOODNOUGH"), display_name("Cal Mankowski"), display_name("JOHN MCDONALD")
    ('Abby Goodnough', 'Cal Mankowski', 'John Mcdonald')
    """
    if not name.isupper():
        return name
    return " ".join(
        "-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in name.split()
    )


def recognize_byline(state: State, block: Block, index: int) -> int | None:
    """
    Read a ``By ...`` block.
    """
    del index
    text = state.text
    first_end = text.find("\n", block.start, block.end)
    line_end = block.end if first_end < 0 else first_end
    match = BYLINE.match(text, block.start, line_end)
    if match is None or line_end - block.start > 200:
        return None
    authors: list[Author] = []
    agency = agency_text = None
    pos = match.start("names")
    names_end = match.end("names")
    while pos < names_end:
        sep = _SPLIT.search(text, pos, names_end)
        part_end = names_end if sep is None else sep.start()
        part = text[pos:part_end].strip()
        if part:
            found = canonical_agency(part)
            if found is not None and (authors or sep is None):
                agency, agency_text = found, part
            else:
                p_start = pos + (len(text[pos:part_end]) - len(text[pos:part_end].lstrip()))
                p_end = p_start + len(part)
                name = state.original(p_start, p_end)
                authors.append(
                    Author(name=name, display=display_name(name), span=state.span(p_start, p_end))
                )
        if sep is None:
            break
        pos = sep.end()
    if not authors:
        return None
    end = block.end
    title = None
    if first_end >= 0:
        title = state.original(first_end + 1, block.end).strip() or None
    state.byline = Byline(
        text=state.original(block.start, end),
        span=state.span(block.start, end),
        authors=tuple(authors),
        agency=agency,
        agency_text=agency_text,
        title=title,
    )
    return end
