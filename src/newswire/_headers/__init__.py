# Stage 3: headers. A header recognizer receives the state, one block and the
# block's index, and returns the normalised offset where its record ends inside
# the block, or None when the block is not its kind. It stores its record on
# the state. None is not an error. The first match wins.
#
# Decisions rest on evidence, not position. The stage runs in four steps:
#
# 1. Leading records: blocks that are advisories, slugs, feed or source lines
#    or corpus headers (LEAD_RULES) are recorded and skipped, however many.
# 2. Look-ahead for the dateline (no side effects) among the next blocks,
#    stopping at the first long block: between the headline and the dateline
#    there may be deck lines or an abstract that no recognizer claims. The
#    first block after the leading records is held to the strict test of a
#    headline's place (only a strong dateline counts there) only when it looks
#    like a headline; body-only copy whose first paragraph opens with
#    "OTTAWA - ..." has its dateline found. Advisories opening the dateline's
#    line ("(Eds: Updating) By ...") are read off first.
# 3. Blocks before the dateline go through HEADER_RULES; those no rule claims
#    are body paragraphs. Without a dateline the stage stops at the first
#    unclaimed block, which is where the body begins. The dateline's block is
#    a body paragraph and keeps the dateline in it, unless the dateline is all
#    it holds; a byline running into the dateline is split off and left out.
# 4. No dateline yet: the first body block's first line may hold the headline,
#    byline and dateline run together (copy that lost its line breaks:
#    "TEXAS BANK FILES PLAN HOUSTON, Feb 26 - ..."). The dateline is looked for
#    at the word starts of that line's opening (find_inner_dateline); what
#    stands before it must read as a headline and/or a byline.
#
# Trailers (sign-offs, reporting credits) are recognised from the end of the
# text by recognize_trailer, and removed from the body.
"""
Header and trailer recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newswire._blocks import Block
from newswire._headers.advisory import (
    read_advisory_prefix,
    recognize_advisory_block,
    record_advisories,
)
from newswire._headers.byline import (
    recognize_bracket_credit,
    recognize_byline,
    record_byline,
    split_byline,
)
from newswire._headers.dateline import (
    DatelineCandidate,
    accept_dateline,
    commit_dateline,
    recognize_dateline,
    scan_dateline,
)
from newswire._headers.headline import looks_like_headline, recognize_headline, title_case
from newswire._headers.inline import find_inner_dateline, find_leading_headline
from newswire._headers.source_line import (
    recognize_advisory,
    recognize_header_line,
    recognize_section_head,
    recognize_source_line,
    split_source_credit,
)
from newswire._headers.trailer import recognize_trailer
from newswire._model import Headline

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._headers.advisory import AdvisoryMark
    from newswire._state import State

    HeaderRule = Callable[[State, Block, int], int | None]

__all__ = ["HEADER_RULES", "LEAD_RULES", "recognize_headers"]

# Records that may stand above the headline: claimed first, however many.
LEAD_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("header_line", recognize_header_line),
    ("source_line", recognize_source_line),
    ("advisory", recognize_advisory),
    ("advisory", recognize_advisory_block),
    ("section_head", recognize_section_head),
)

HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    *LEAD_RULES,
    ("dateline", recognize_dateline),
    ("byline", recognize_byline),
    ("headline", recognize_headline),
)

# Headers live at the top of a dispatch: looking further is wasted work.
_MAX_HEADER_BLOCKS = 8
# A block this long is story text: the look-ahead for a dateline stops there.
_MAX_DECK_CHARS = 600
# A byline and the dateline it runs into fit in this many characters.
_BYLINE_WINDOW = 400


def _first_line_end(text: str, block: Block) -> int:
    found = text.find("\n", block.start, block.end)
    return block.end if found < 0 else found


def _headline_slot(state: State, block: Block, index: int, lead: int) -> bool:
    # The first block after the leading records, when it reads as a headline
    # and more blocks follow: only a strong dateline counts there. A block
    # that opens with a dateline and ends as a sentence does ("MANCHESTER,
    # N.H. - At a rally on Monday, the governor urged voters to vote.") is
    # the story's first paragraph.
    text = state.text
    if (
        index != lead
        or state.headline is not None
        or len(state.blocks) <= lead + 1
        or not looks_like_headline(text, block.start, _first_line_end(text, block))
    ):
        return False
    end = block.end
    while end > block.start and text[end - 1] in _CLOSING:
        end -= 1
    if text[end - 1] not in ".!?":
        return True
    found = _find_dateline(state, block, headline_slot=False)
    # "WASHINGTON - Senate Passes Budget Bill.": a title-case headline.
    return found is None or title_case(text[found.end : block.end].split())


_CLOSING = frozenset("\"')\u2019\u201d")


def _find_dateline(state: State, block: Block, *, headline_slot: bool) -> DatelineCandidate | None:
    found = scan_dateline(state.text, block.start, block.end)
    if found is None or not accept_dateline(state, found, first_of_many=headline_slot):
        return None
    return found


def _window(block: Block) -> Block:
    # A byline running into the dateline is read from the line's opening only:
    # a body run into one line must not hide it.
    return Block(block.start, min(block.end, block.start + _BYLINE_WINDOW))


def _unmarked(state: State, block: Block) -> tuple[list[AdvisoryMark], Block]:
    # Advisories opening the block's line, and the block without them.
    marks, rest = read_advisory_prefix(state.text, block.start, block.end)
    if not marks or rest >= block.end:
        return [], block
    return marks, Block(rest, block.end)


def _look_ahead(
    state: State, lead: int, limit: int
) -> tuple[int | None, DatelineCandidate | None, int]:
    """
    Find the block that opens with the dateline, if any.

    Returns its index (None when there is none), the candidate (None also when
    a byline runs into the dateline) and how many blocks were tried.
    """
    blocks = state.blocks
    for index in range(lead, limit):
        block = blocks[index]
        _, bare = _unmarked(state, block)
        found = _find_dateline(state, bare, headline_slot=_headline_slot(state, block, index, lead))
        if found is not None:
            return index, found, index
        if split_byline(state, _window(bare)) is not None:
            return index, None, index
        if block.end - block.start > _MAX_DECK_CHARS:
            return None, None, index + 1
    return None, None, limit


def recognize_headers(state: State) -> None:
    """
    Find the header records and decide which blocks form the body.
    """
    blocks = state.blocks
    trailer_start = recognize_trailer(state)
    limit = min(trailer_start, _MAX_HEADER_BLOCKS)
    index = lead = _claim_lead(state, limit)
    if (
        lead < limit
        and lead == len(blocks) - 1
        and _one_block(state, blocks[lead], blocks[lead + 1 : trailer_start])
    ):
        return
    # The look-ahead tries the dateline rule on the blocks it passes: the
    # loop below need not try it there again.
    dateline_index, candidate, checked = _look_ahead(state, lead, limit)
    body: list[Block] = []
    while index < limit:
        block = blocks[index]
        if index == dateline_index:
            story = _open_story(state, block, index, candidate)
            index += 1
            if story is not None:
                body.append(story)
            break
        rules = _HEADER_RULES_NO_DATELINE if index < checked else HEADER_RULES
        claimed = _claim(state, block, index, rules)
        if claimed is None:
            if dateline_index is None:
                state.body = body
                inner = _open_inner(state, block)
                if inner is not None:
                    body.append(inner)
                    index += 1
                break
            body.append(block)
            index += 1
            continue
        name, end = claimed
        if name == "dateline":
            # Only when the look-ahead found none (it stops at a long block).
            if end >= block.end:
                index += 1
            break
        if end < block.end:
            # Lines after the headline's first line (decks) stay in the body.
            rest = _trimmed(state, end, block.end)
            if rest is not None:
                body.append(rest)
        index += 1
    body.extend(blocks[index:trailer_start])
    state.body = body


def _claim_lead(state: State, limit: int) -> int:
    # The lead records (corpus header, source lines, advisories, section
    # heads) from the first block on; returns the index of the first block
    # they leave.
    blocks = state.blocks
    index = 0
    while index < limit:
        claimed = _claim(state, blocks[index], index, LEAD_RULES)
        if claimed is None:
            break
        rest = _trimmed(state, claimed[1], blocks[index].end)
        if claimed[0] != "header_line" or rest is None:
            index += 1
        else:
            # The corpus header opened a block that runs on (copy on one
            # line): the rest is read again as the block it opens.
            blocks[index] = rest
    return index


def _one_block(state: State, block: Block, after: list[Block]) -> bool:
    # The story is one block: a headline may run into the dateline on its
    # line, or, with no dateline, open it in title case. True when either
    # was found and state.body is set.
    state.body = []
    inner = _open_inner(state, block)
    if inner is not None:
        state.body.append(inner)
        state.body.extend(after)
        return True
    if state.headline is not None:
        return False
    story = _headline_and_byline(state, block)
    title = find_leading_headline(state, block) if story is None else None
    if story is None and title is None:
        return False
    if title is not None:
        state.headline = Headline(text=state.original(*title), span=state.span(*title))
        story = title[1]
    assert story is not None
    rest = _trimmed(state, story, block.end)
    state.body = [] if rest is None else [rest]
    state.body.extend(after)
    return True


def _headline_and_byline(state: State, block: Block) -> int | None:
    # "HEADLINE By JANE DOE c.1999 N.Y. Times News Service The story ...": a
    # headline, then a byline that split_byline can tell from the story, on
    # one line with no dateline. Stores both; returns where the story starts.
    text = state.text
    limit = min(block.end, block.start + _BYLINE_WINDOW)
    by = text.find(" By ", block.start, limit)
    if by < 0:
        return None
    h_end = by
    if not looks_like_headline(text, block.start, h_end):
        return None
    byline = Block(by + 1, block.end)
    split = split_byline(state, _window(byline))
    if split is None or not record_byline(state, byline.start, split):
        return None
    state.headline = Headline(
        text=state.original(block.start, h_end), span=state.span(block.start, h_end)
    )
    return split


_HEADER_RULES_NO_DATELINE = tuple(rule for rule in HEADER_RULES if rule[0] != "dateline")


def _claim(
    state: State, block: Block, index: int, rules: tuple[tuple[str, HeaderRule], ...]
) -> tuple[str, int] | None:
    # The first rule that claims the block, with where its record ends.
    for name, rule in rules:
        end = rule(state, block, index)
        if end is not None:
            return name, end
    return None


def _open_story(
    state: State, block: Block, index: int, found: DatelineCandidate | None
) -> Block | None:
    # The block that opens the story: "[advisory] [By X] DATELINE — text" or a
    # lone dateline. A byline running into the dateline on one line is split
    # off and kept out of the paragraph, and so are advisories before it.
    # Returns the block's body part: None when the dateline is all it holds.
    marks, bare = _unmarked(state, block)
    if marks:
        record_advisories(state, marks)
        block = bare
    if found is None:
        split = split_byline(state, _window(block))
        if split is None:
            return block
        found = _find_dateline(state, Block(split, block.end), headline_slot=False)
        if record_byline(state, block.start, split):
            block = Block(split, block.end)
        # else: a byline that cannot be read stays in the paragraph, and the
        # dateline after it is still the dateline.
        if found is None:
            return block
    del index
    return _commit(state, found, block)


def _commit(state: State, found: DatelineCandidate, block: Block) -> Block | None:
    # Store the dateline (and an FBIS credit after it); the block's body part.
    end = commit_dateline(state, found)
    if end >= block.end:
        return None
    credit_end = recognize_bracket_credit(state, end, block.end)
    state.body_offset = end if credit_end is None else credit_end
    return block


def _open_inner(state: State, block: Block) -> Block | None:
    # Step 4: headline, byline and dateline run together on the block's first
    # line. Returns the body block (from the dateline on), or None.
    inner = find_inner_dateline(state, block, headline=state.headline is None)
    if inner is None:
        return None
    found, headline, byline, lead = inner
    if lead is not None:
        # A deck or abstract run into the story stays a paragraph of its own.
        state.body.append(Block(*lead))
    if headline is not None:
        h_start, h_end = headline
        h_end = split_source_credit(state, h_start, h_end)
        state.headline = Headline(
            text=state.original(h_start, h_end), span=state.span(h_start, h_end)
        )
    if byline is not None and not record_byline(state, *byline):
        # An unread byline stays in the paragraph, before the dateline.
        block = Block(byline[0], block.end)
    else:
        block = Block(found.start, block.end)
    return _commit(state, found, block)


def _trimmed(state: State, start: int, end: int) -> Block | None:
    text = state.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Block(start, end) if start < end else None
