# Stage 2: blocks. A block is a run of non-blank lines; blank lines (empty or
# white space only) separate blocks. In hard-wrapped copy (Reuters-21578 style)
# an indented line inside a block starts a new block, since that is how such
# copy marks a paragraph. Where every line of a run is indented, a line is a
# paragraph of its own when it ends a sentence and the next opens one, and it
# is either short of the run's wrap width or the run is not hard-wrapped at
# all (a line longer than any wrap column): copy whose paragraphs are single
# indented lines. Blocks are trimmed of surrounding white space and never
# empty. One pass over the text: linear time.
"""
Segmentation of the normalised text into blocks (candidate paragraphs).
"""

from __future__ import annotations

import itertools
import re

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
    # str.strip runs in C: a block padded with a megabyte of spaces costs one
    # copy, not a million turns of a Python loop.
    segment = text[start:end]
    head = len(segment) - len(segment.lstrip())
    if head == len(segment):
        return None
    tail = len(segment) - len(segment.rstrip())
    return Block(start + head, end - tail)


# A line that opens with white space (other than the first line): it may be
# indented or blank with spaces, which only the line-by-line reading handles.
# stdlib re: a plain pattern, found by a scan in C.
_LINE_OPENS_WITH_SPACE = re.compile(r"\n[^\S\n]")


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
    if _LINE_OPENS_WITH_SPACE.search(text) is not None:
        return _segment_lines(text)
    # The usual case, in a few C calls: no line but the first opens with
    # white space, so no line is indented and every blank line after the
    # first is empty. The blocks are then what lies between two or more line
    # breaks, trimmed (a piece may open with the odd line break of a run of
    # three, or be the first line's white space).
    blocks: list[Block] = []
    start = 0
    for piece in text.split("\n\n"):
        end = start + len(piece)
        if piece:
            if piece[0].isspace() or piece[-1].isspace():
                block = _trimmed(text, start, end)
                if block is not None:
                    blocks.append(block)
            else:
                blocks.append(Block(start, end))
        start = end + 2
    return blocks


# A hard-wrapped archive wraps at or before column 80; a longer line means
# the run's lines are whole paragraphs.
_MAX_WRAP = 80
# In wrapped copy a paragraph's last line stops short of the wrap width.
_SHORT_LINE = 0.85
_SENTENCE_END = frozenset(".!?\"'\u2019\u201d)")


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "\"'\u2018\u201c("


def _split_indented(text: str, block: Block, out: list[Block]) -> None:
    # A block whose lines are all indented: split it into the paragraphs its
    # lines make (see the module head); append the pieces to ``out``.
    lines: list[tuple[int, int]] = []
    pos = block.start
    while pos < block.end:
        end = text.find("\n", pos, block.end)
        end = block.end if end < 0 else end
        lines.append((pos, end))
        pos = end + 1
    widest = max(len(text[a:b].rstrip()) for a, b in lines)
    start = block.start
    for (a, b), (c, d) in itertools.pairwise(lines):
        line = text[a:b].rstrip()
        following = text[c:d].lstrip()
        if (
            line
            and following
            and line[-1] in _SENTENCE_END
            and _opens_sentence(following[0])
            and (widest > _MAX_WRAP or len(line) < widest * _SHORT_LINE)
        ):
            piece = _trimmed(text, start, b)
            if piece is not None:
                out.append(piece)
            start = c
    piece = _trimmed(text, start, block.end)
    if piece is not None:
        out.append(piece)


def _close(text: str, start: int, end: int, *, all_indented: bool, out: list[Block]) -> None:
    block = _trimmed(text, start, end)
    if block is None:
        return
    if all_indented and text.find("\n", block.start, block.end) >= 0:
        _split_indented(text, block, out)
    else:
        out.append(block)


def _segment_lines(text: str) -> list[Block]:
    # Line by line, for text with lines that open with white space.
    blocks: list[Block] = []
    block_start = -1
    pos = 0
    seen_flush = False
    # One split and one pass: str.split runs in C, and each line costs a few
    # cheap tests (a million empty lines are a million empty strings).
    for line in text.split("\n"):
        line_end = pos + len(line)
        if not line or line.isspace():
            if block_start >= 0:
                _close(text, block_start, pos, all_indented=not seen_flush, out=blocks)
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
        pos = line_end + 1
    if block_start >= 0:
        _close(text, block_start, len(text), all_indented=not seen_flush, out=blocks)
    return blocks
