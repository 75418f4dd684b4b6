# Stage 5: attributed statements. Each body paragraph (and the headline) is
# read once: its quotation marks are paired (_quotes), it is cut into
# sentences that never end inside a closed quotation (_sentences), and only a
# sentence holding a speech cue is tokenised. Cues come from
# data/speech_verbs.txt. Every cue is then attributed by the first rule of
# CUE_RULES that claims it; quotations left over are claimed by QUOTE_RULES.
# A paragraph opening with an unattributed quotation continues the speaker of
# the quotation before it.
#
# A cue rule receives the sentence, the cue and the drafts of the cues before
# it in the same sentence; it returns a draft statement, or None when the cue
# is not its shape. None is not an error. The first match wins. A draft whose
# rule is "announcement" has a speaker but no content yet: it waits for the
# quotation that follows ("Lee said in a statement. '...'").
# A quote rule receives the paragraph context, one quotation no cue claimed
# and the start of its sentence, and says whether it attached the quotation
# somewhere.
#
# The modules, one per rule family: tokens (a sentence's words and the cue
# words among them), phrases (the noun phrases around a cue), content (where
# reported content starts and ends), cue_rules (CUE_RULES), quote_rules (the
# paragraph loop and QUOTE_RULES); this module turns drafts into Statements.
"""
Statement recognition.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from newswire._attribution.cue_rules import CUE_RULES
from newswire._model import Cue, Span, Speaker, Statement, _sliced_quote
from newswire._quotes import has_quote_mark, scan_quotes, single_quoted
from newswire._text import PIECE

if TYPE_CHECKING:
    from newswire._model import MentionHow, StatementKind
    from newswire._state import State

from newswire._attribution.quote_rules import (
    QUOTE_RULES,
    _floating,
    _Paragraph,
    _read_paragraph,
)
from newswire._attribution.tokens import (
    Draft,
    _cue_starts,
    _lower_case,
    _word_class,
)

__all__ = ["CUE_RULES", "QUOTE_RULES", "find_statements"]


def _claim_opening(paragraph: _Paragraph, held: list[tuple[_Paragraph, Draft | None]]) -> None:
    # The paragraphs of one quotation before its attribution ("'Para one ...
    # / 'Para two,' Lee said.") join the statement that claims the
    # quotation's last paragraph; continuations made for them are dropped.
    owner = next((d for d in paragraph.drafts if 0 in d.quotes), None)
    if owner is None or owner.speaker is None:
        return
    for earlier, floating in held:
        if floating is not None:
            floating.rule = "claimed"
        owner.fragments.extend((q.inner_start, q.inner_end) for q in earlier.quotes)
        owner.more_paragraphs.append(earlier.index)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _statement(state: State, draft: Draft, shared: dict[object, Any]) -> Statement | None:
    text = state.text
    if len(draft.fragments) == 1:
        # The usual case: one fragment, no set to build or sort.
        a, b = draft.fragments[0]
        if b <= a:
            return None
        if text[a].isspace() or text[b - 1].isspace():
            a, b = _trim(text, a, b)
            if b <= a:
                return None
        fragments = [(a, b)]
    else:
        fragments = sorted({_trim(text, a, b) for a, b in draft.fragments if b > a})
        fragments = [f for f in fragments if f[1] > f[0]]
        if not fragments:
            return None
    first, last = fragments[0][0], fragments[-1][1]
    kind: StatementKind
    if draft.according:
        kind = "according_to"
    elif draft.quotes and len(draft.quotes) >= len(fragments):
        kind = "direct"
    elif (
        _QUOTE_CHAR.search(text, first, last)
        if len(fragments) == 1
        else any(_QUOTE_CHAR.search(text, a, b) for a, b in fragments)
    ):
        kind = "mixed"
    else:
        kind = "indirect"
    # Each span is mapped once and its original text sliced with it: the
    # same as state.original(), without mapping the offsets twice.
    original = state.norm.original
    to_span = state.norm.span
    cue = None
    if draft.cue is not None:
        cue_span = to_span(draft.cue[0], draft.cue[1])
        cue_text = original[cue_span.start : cue_span.end]
        cue = Cue(text=shared.setdefault(cue_text, cue_text), span=cue_span, lemma=draft.cue[2])
    speaker = None
    if draft.speaker is not None:
        a, b = draft.speaker
        speaker_span = to_span(a, b)
        mention = original[speaker_span.start : speaker_span.end]
        speaker = Speaker(
            text=shared.setdefault(mention, mention) if b - a < _SHARED_LENGTH else mention,
            span=speaker_span,
            name=None,
            how=_how(draft, text[a:b]),
        )
    if len(fragments) == 1:
        whole = to_span(first, last)
        spans: tuple[Span, ...] = (whole,)
    else:
        spans = tuple(to_span(a, b) for a, b in fragments)
        whole = to_span(first, last)
    paragraphs = (
        (draft.paragraph,)
        if not draft.more_paragraphs and draft.paragraph >= 0
        else tuple(sorted({draft.paragraph, *draft.more_paragraphs} - {-1}))
    )
    return Statement(
        kind=kind,
        # The content's text, and what it reads joined, are made from the
        # dispatch on demand (see _model).
        content=_sliced_quote(state.source, whole, spans),
        cue=cue,
        speaker=speaker,
        paragraphs=shared.setdefault(paragraphs, paragraphs),
        rule=draft.rule,
    )


# Speaker mentions shorter than this are kept once per dispatch.
_SHARED_LENGTH = 24

# A quotation mark inside indirect content makes it mixed.
_QUOTE_CHAR = re.compile('["“”„«»「」『』‹›]')


# Possessives that stand for a speaker ("his claim that ...", "her call for").
_POSSESSIVE_SPEAKERS = frozenset({"his", "her", "their", "its"})


def _how(draft: Draft, mention: str) -> MentionHow:
    del draft
    lowered = mention.casefold()
    if _word_class(lowered, "") == "pronoun" or lowered in _POSSESSIVE_SPEAKERS:
        return "pronoun"
    if mention[:1].isupper() and not lowered.startswith(("the ", "a ", "an ")):
        return "name"
    return "description"


def _join_continuations(drafts: list[Draft]) -> list[Draft]:
    # A paragraph of quotation with no attribution continues the statement
    # before it: one statement, one more fragment. Drafts whose paragraph an
    # attributed quotation claimed (see _claim_opening) go.
    kept: list[Draft] = []
    # After an indirect statement, the quoted paragraphs that continue its
    # speaker are a statement of their own (one for the run of them), as
    # PolNeAR annotates them: keyed by the indirect statement's id().
    heads: dict[int, Draft] = {}
    for draft in drafts:
        if draft.rule == "claimed":
            continue
        joined = draft.continues
        if joined is None:
            kept.append(draft)
            continue
        while joined.continues is not None:
            joined = joined.continues
        if not joined.quotes:
            head = heads.get(id(joined))
            if head is None:
                heads[id(joined)] = draft
                draft.continues = None
                kept.append(draft)
                continue
            joined = head
        joined.fragments.extend(draft.fragments)
        joined.more_paragraphs.append(draft.paragraph)
    return kept


def _ranges(state: State) -> list[tuple[int, int, int]]:
    # The paragraphs to read, trimmed: (index, start, end); the headline is -1.
    text = state.text
    ranges: list[tuple[int, int, int]] = []
    if state.headline is not None and state.blocks:
        # Headlines carry statements too ("Lee says talks will resume").
        block = state.blocks[0]
        span, headline = state.span(block.start, block.end), state.headline.span
        # Offsets compared, not spans: compiled (mypyc), == between records
        # would test identity (see tests/test_compiled_build.py).
        if span.start == headline.start and span.end == headline.end:
            start, end = _trim(text, block.start, block.end)
            ranges.append((-1, start, end))
    for index, block in enumerate(state.body):
        start = block.start
        if index == 0 and state.body_offset > start:
            start = state.body_offset
        start, end = _trim(text, start, block.end)
        if start < end:
            ranges.append((index, start, end))
    return ranges


def find_statements(state: State) -> None:
    """
    Find the attributed statements in the headline and body paragraphs.

    >>> import newswire
    >>> d = newswire.parse('"Fares will rise," Ann Lee said, adding that buses were late.')
    >>> [(s.kind, s.cue.text, s.content.joined) for s in d.statements]
    [('direct', 'said', 'Fares will rise'), ('indirect', 'adding', 'that buses were late')]
    """
    text = state.text
    ranges = _ranges(state)
    # The blocks' last reader: from here on the ranges and the paragraphs
    # stand for them, and a huge dispatch need not hold them to the end.
    state.blocks.clear()
    state.body.clear()
    # The paragraphs are lower-cased a window of them at a time (see
    # _Window), and their cue words found in that copy: a lower-cased copy
    # of a huge dispatch would outweigh its statements. A paragraph takes
    # its share of the cues by bisection. Paragraphs are trimmed, so white
    # space stands between them and a word at a paragraph's edge is read as
    # it would be within the paragraph alone. Quotation marks are paired per
    # paragraph, and looked for only where no cue already calls for it.
    single = single_quoted(text)
    window = _Window(text)
    last: Draft | None = None
    drafts: list[Draft] = []
    waiting: Draft | None = None
    held: list[tuple[_Paragraph, Draft | None]] = []
    shared: dict[object, Any] = {}
    # Each range is let go once read.
    ranges.reverse()
    while ranges:
        index, start, end = ranges.pop()
        if len(drafts) >= _BATCH and last is None and waiting is None and not held:
            # Nothing links the paragraphs to come to the drafts so far (no
            # statement a quoted paragraph could continue, no announcement
            # waiting for its quotation, no quotation held for its owner):
            # they are final, and their statements are built now, so that a
            # huge dispatch never holds every draft at once. A draft's
            # position lies in its own paragraph: the order is kept.
            _build_statements(state, drafts, shared)
        cue_starts = window.cues_in(start, end, ranges)
        if cue_starts or has_quote_mark(text, start, end, single=single):
            quotes = scan_quotes(text, start, end, single=single)
        else:
            quotes = []
        if not quotes and not cue_starts:
            # No cue and no quotation: nothing to attribute or continue, and
            # nothing an announcement waits for. Most short paragraphs (a
            # table row, a sign-off) end here, before any set-up. A quoted
            # paragraph after it continues no one: the reporter spoke between.
            waiting = last = None
            continue
        paragraph = _Paragraph(index, start, end, quotes)
        if waiting is not None and quotes and quotes[0].start == start:
            paragraph.pending = waiting  # "Stated Lee:" then a quoted paragraph
        _read_paragraph(state, window.lowered, window.base, paragraph, cue_starts)
        waiting = paragraph.pending if text[end - 1] == ":" else None
        opens = bool(quotes) and quotes[0].start == start
        if opens and held:
            _claim_opening(paragraph, held)
        holds = opens and index >= 0 and not paragraph.drafts and not quotes[-1].closed
        floating = _floating(state, paragraph, last)
        if floating is not None:
            paragraph.drafts.append(floating)
        if holds:
            # '"Para one ...' (unclosed): if the next paragraph's quotation
            # is attributed, this one belongs to that statement too.
            held.append((paragraph, floating))
        elif not opens or paragraph.drafts:
            held = []
        drafts.extend(paragraph.drafts)
        if not paragraph.drafts and not holds:
            last = None
        elif paragraph.drafts and index >= 0:
            # A headline's statement is continued by nothing after it.
            last = paragraph.drafts[-1]
            while last.continues is not None:
                last = last.continues
    _build_statements(state, drafts, shared)


class _Window:
    # Paragraphs lower-cased a window of them at a time: a lower-cased copy
    # of a huge dispatch would outweigh its statements, and one copy per
    # paragraph would cost a short paragraph more than reading it.

    __slots__ = ("base", "covered", "cues", "lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        # The copy, the offset it starts at, where its last paragraph ends,
        # and the cue words in it.
        self.lowered = ""
        self.base = 0
        self.covered = -1
        self.cues: list[int] = []

    def cues_in(self, start: int, end: int, ranges: list[tuple[int, int, int]]) -> list[int]:
        # The cue words of the paragraph text[start:end], from the window
        # that holds it; ``ranges`` are the paragraphs after it, the next last.
        if end > self.covered:
            self._move(start, end, ranges)
        cues = self.cues
        return cues[bisect.bisect_left(cues, start) : bisect.bisect_left(cues, end)]

    def _move(self, start: int, end: int, ranges: list[tuple[int, int, int]]) -> None:
        # The window becomes the paragraph and those after it that end
        # within _WINDOW characters of it, lower-cased from the character
        # before the first to the one after the last: what the scans read
        # around a paragraph's edges. A dispatch of ordinary length is one
        # window, the whole text, whose offsets are the text's.
        text = self.text
        if len(text) <= _WINDOW:
            base, end = 0, len(text)
        else:
            base = start - 1 if start else 0
            at = len(ranges) - 1
            while at >= 0 and ranges[at][2] - base <= _WINDOW:
                end = ranges[at][2]
                at -= 1
        self.lowered = lowered = _lower_case(text[base : end + 1])
        self.base = base
        self.covered = end
        self.cues = _cue_starts(text, lowered, start, end, base)


# Drafts gathered before their statements are built (find_statements).
_BATCH = 256

# Characters of paragraphs lower-cased at once by _Window (a longer
# paragraph is lower-cased alone).
_WINDOW = PIECE


def _build_statements(state: State, drafts: list[Draft], shared: dict[object, Any]) -> None:
    # The statements of ``drafts``, in text order; ``drafts`` is emptied.
    # Each draft is popped as its statement is built. The cue words, short
    # speaker mentions and paragraph numbers that many statements share are
    # kept once in ``shared``: a huge dispatch repeats "said" and "he" by the
    # ten thousand.
    ordered = sorted(
        _join_continuations(drafts), key=lambda d: d.cue[0] if d.cue else d.fragments[0][0]
    )
    drafts.clear()
    ordered.reverse()
    while ordered:
        statement = _statement(state, ordered.pop(), shared)
        if statement is not None:
            state.statements.append(statement)
