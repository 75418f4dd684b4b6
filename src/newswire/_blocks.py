# Stage 2: blocks. A block is a run of non-blank lines; blank lines (empty or
# white space only) separate blocks. In hard-wrapped copy (Reuters-21578 style)
# an indented line inside a block starts a new block, since that is how such
# copy marks a paragraph. Blocks are trimmed of surrounding white space and
# never empty. One pass over the text: linear time.
"""
Segmentation of the normalised text into blocks (candidate paragraphs).
"""

from __future__ import annotations

import attrs

__all__ = ["Block", "segment_blocks"]


@attrs.frozen
class Block:
    """
    A trimmed, non-empty run of lines, as offsets into the normalised text.
    """

    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Block | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end) if start < end else None


def segment_blocks(text: str) -> list[Block]:
    """
    Split ``text`` into blocks at blank lines and at indented lines.

    A line indented after an unindented line of the same block starts a new
    block, the hard-wrapped convention; a block whose lines are all indented
    (or all flush) is kept whole.

    >>> text = "Title\\n\\n  First line\\nwraps here.\\n  Second para."
    >>> [text[b.start:b.end] for b in segment_blocks(text)]
    ['Title', 'First line\\nwraps here.', 'Second para.']
    """
    blocks: list[Block] = []
    block_start = -1
    pos = 0
    length = len(text)
    seen_flush = False
    while pos < length:
        nl = text.find("\n", pos)
        line_end = length if nl < 0 else nl
        next_pos = line_end + 1
        line = text[pos:line_end]
        stripped = line.strip()
        if not stripped:
            if block_start >= 0:
                block = _trimmed(text, block_start, pos)
                if block is not None:
                    blocks.append(block)
                block_start = -1
        else:
            indented = line[0] in " \t"
            if block_start < 0:
                block_start = pos
                seen_flush = not indented
            elif indented and seen_flush:
                block = _trimmed(text, block_start, pos)
                if block is not None:
                    blocks.append(block)
                block_start = pos
                seen_flush = False
            elif not indented:
                seen_flush = True
        pos = next_pos
    if block_start >= 0:
        block = _trimmed(text, block_start, length)
        if block is not None:
            blocks.append(block)
    return blocks
