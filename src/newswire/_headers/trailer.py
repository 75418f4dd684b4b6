# Trailers: what follows the story proper, recognised from the last blocks
# backwards: sign-offs ("Reuter", "Enditem") and credit lines ("(Reporting by
# X; Editing by Y)", "Associated Press writer X contributed to this report.").
# recognize_trailer returns the index of the first trailer block (len(blocks)
# when there is none), so that the header stage can keep them out of the body.
"""
Trailer recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newswire._model import Credit, Span, Trailer

if TYPE_CHECKING:
    from newswire._state import State

__all__ = ["recognize_trailer"]

# "Reuter"  "REUTER"  "Enditem"  "Fin"
_END_MARKER = regex.compile(r"(?:Reuters?+|REUTERS?+|Enditem|ENDITEM|End[ ]item|Fin)\.?+\Z")
# "(Reporting by Larry Fine in New York; Editing by Ken Ferris)"
_CREDITS = regex.compile(
    r"\(?+(?P<body>(?:Additional[ ])?(?:Reporting|Writing|Editing|Compiled)[ ]by[^\n()]{2,400}+)\)?+\Z",
    regex.IGNORECASE,
)
_ROLE = regex.compile(
    r"[ ]*+(?P<role>(?:additional[ ])?(?:reporting|writing|editing|compiled))[ ]by[ ]++"
    r"(?P<names>[^;]++)",
    regex.IGNORECASE,
)
# "Associated Press writer Jane Doe in Paris contributed to this report."
_CONTRIBUTED = regex.compile(r"[^\n]{3,300}+contributed[ ]to[ ]this[ ]report\.?+\Z")


def recognize_trailer(state: State) -> int:
    """
    Record the trailer and return the index of its first block.
    """
    blocks = state.blocks
    text = state.text
    first = len(blocks)
    credits: list[Credit] = []
    marker: Span | None = None
    while first > 1:
        block = blocks[first - 1]
        if block.end - block.start > 400:
            break
        if marker is None and not credits and _END_MARKER.match(text, block.start, block.end):
            marker = state.span(block.start, block.end)
        elif (found := _CREDITS.match(text, block.start, block.end)) is not None:
            body_start = found.start("body")
            for role in _ROLE.finditer(text, body_start, found.end("body")):
                r_start, r_end = role.span()
                while text[r_start] == " ":
                    r_start += 1
                credits.insert(
                    0,
                    Credit(
                        role=role.group("role").casefold().replace(" ", "_"),
                        text=state.original(r_start, r_end),
                        span=state.span(r_start, r_end),
                    ),
                )
        elif _CONTRIBUTED.match(text, block.start, block.end):
            credits.insert(
                0,
                Credit(
                    role="contributed",
                    text=state.original(block.start, block.end),
                    span=state.span(block.start, block.end),
                ),
            )
        else:
            break
        first -= 1
    if first < len(blocks):
        start, end = blocks[first].start, blocks[-1].end
        state.trailer = Trailer(
            text=state.original(start, end),
            span=state.span(start, end),
            credits=tuple(credits),
            end_marker=marker,
        )
    return first
