"""
Paragraphs: cue rules over each sentence, then the quote rules.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

import attrs

from newswire._sentences import split_sentences

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._quotes import QuoteSpan
    from newswire._state import State

from newswire._attribution.content import (
    _SENTENCE_END,
)
from newswire._attribution.cue_rules import (
    CUE_RULES,
    Context,
)
from newswire._attribution.tokens import (
    Draft,
    Sentence,
    _find_cues,
    _is_ing,
    _possible_cues,
    noun_cue,
)

__all__ = ["QUOTE_RULES", "attach_announced_quote", "attach_following_quote"]


@attrs.define
class _Paragraph:
    index: int
    start: int
    end: int
    quotes: list[QuoteSpan]
    drafts: list[Draft] = attrs.Factory(list)
    claimed: set[int] = attrs.Factory(set)
    # An attribution still waiting for its quotation ("Lee said in a
    # statement." or "Stated Lee:" before a quoted sentence or paragraph).
    pending: Draft | None = None
    # Where in ``drafts`` the last sentence that made drafts begins.
    sentence_first: int = 0


def _attribution_follows(
    stop: int,
    after: int,
    *,
    text: str,
    quotes: list[QuoteSpan],
    quote_starts: list[int],
    cue_starts: list[int],
    paragraph_end: int,
) -> bool:
    # '"...?" Sanders asked.': a quotation ending in ?, ! or . and then its
    # attribution, within a few words, is one sentence.
    if text[after - 1] not in " \t\n" or text[stop] not in ".!?":
        return False
    index = bisect.bisect_left(quote_starts, stop) - 1
    if index < 0 or not (quotes[index].closed and stop < quotes[index].end <= after):
        return False
    at = bisect.bisect_left(cue_starts, after)
    if at >= len(cue_starts) or cue_starts[at] >= after + 40:
        return False
    cue = cue_starts[at]
    stop = text.find(".", cue, paragraph_end)
    tail = text[cue : paragraph_end if stop < 0 else stop]
    # Only a short attribution: "Sanders asked." / "asked Ann Lee." /
    # "Lisa O. Monaco said." (initials may carry periods).
    return (
        _SENTENCE_END.search(text, after, cue) is None
        and tail.count(" ") <= 4
        and " that " not in tail
    )


def _read_paragraph(
    state: State, lowered: str, base: int, paragraph: _Paragraph, cue_starts: list[int]
) -> None:
    # cue_starts: where a cue's first word is written in the paragraph;
    # lowered: the lower-cased text from offset base, the paragraph within.
    text = state.text
    quotes = paragraph.quotes
    protected = [(q.start, q.end) for q in quotes if q.closed]

    quote_starts = [q.start for q in quotes]
    quote_ends = [q.end for q in quotes]

    # A module-level function bound with partial, not a closure: compiled
    # (mypyc), a nested function and its environment form a reference cycle.
    attribution_follows = functools.partial(
        _attribution_follows,
        text=text,
        quotes=quotes,
        quote_starts=quote_starts,
        cue_starts=cue_starts,
        paragraph_end=paragraph.end,
    )

    # The candidates a cue could start at; cue_starts, all the words of the
    # cue list, still bound attributions in attribution_follows.
    possible = _possible_cues(lowered, quotes, cue_starts, base)
    if not possible and not quotes:
        return
    for start, end in split_sentences(
        text, paragraph.start, paragraph.end, protected, attribution_follows
    ):
        at = bisect.bisect_left(possible, start)
        stop = bisect.bisect_left(possible, end, at)
        has_cue = stop > at
        first_quote = bisect.bisect_left(quote_starts, start)
        if not has_cue and not (first_quote < len(quotes) and quote_starts[first_quote] < end):
            continue
        if has_cue:
            # Only a sentence with a cue is tokenised: the quote rules need
            # no more than where a sentence starts.
            touching = bisect.bisect_right(quote_ends, start)
            sentence = Sentence(
                text, lowered, start, end, quotes=quotes, first_quote=touching, base=base
            )
            first_draft = len(paragraph.drafts)
            if _attribute_cues(paragraph, sentence, possible[at:stop]):
                paragraph.sentence_first = first_draft
                continue
        for qi in range(first_quote, len(quotes)):
            quote = quotes[qi]
            if quote.start >= end:
                break
            if qi in paragraph.claimed:
                continue
            for _name, quote_rule in QUOTE_RULES:
                if quote_rule(paragraph, qi, quote, start):
                    break


# Words that end a reported clause before a later cue: what follows them may
# be the reporter's own clause ("..., when Rubio said ...", "... and Lee said").
_CLAUSE_EDGES = frozenset(
    {",", ";", ":", "—", "–", "-", "--", "(", "when", "while", "after", "before"}
    | {"because", "as", "but", "by", "without"}
)


class _NestScan:
    """
    How far the reported clause of a sentence's latest statement was read.

    Each cue after it resumes the scan where the one before stopped, so a
    sentence of many cues is read once (see _nested).
    """

    __slots__ = ("clean", "draft", "pos")

    def __init__(self) -> None:
        """
        Start with no statement read.
        """
        self.draft: Draft | None = None
        self.pos = 0
        self.clean = False


def _nested(sentence: Sentence, earlier: Draft, cue: int, scan: _NestScan) -> bool:
    # Whether the cue at token ``cue`` lies inside the reported clause of
    # ``earlier`` (the statement before it in the sentence, its content read
    # forwards): inside its last fragment, with no clause edge between.
    if earlier.rule not in _FORWARD_RULES or not earlier.fragments:
        return False
    start, end = earlier.fragments[-1]
    if not start <= sentence.starts[cue] < end:
        return False
    if scan.draft is not earlier:
        scan.draft = earlier
        scan.pos = bisect.bisect_left(sentence.starts, start)
        scan.clean = True
    first = bisect.bisect_left(sentence.starts, start)
    if cue - first > _NESTED_REACH:
        return False
    lowers = sentence.lowers
    while scan.clean and scan.pos < cue:
        i = scan.pos
        word = lowers[i]
        if (
            word in _CLAUSE_EDGES
            or sentence.quote_of[i] >= 0
            or (
                # "... and Democrats accused ...": a new clause, not the
                # subject "he and Putin" that opens the content.
                word == "and"
                and i > first + 1
                and (sentence.capital(i + 1) or lowers[i + 1] in _SUBJECT_PRONOUNS)
            )
            # "urging calm and saying ...": a second participle of the speaker's.
            or (
                word == "and"
                and i + 1 == cue
                and _is_ing(lowers[cue])
                and earlier.rule == "participle"
            )
        ):
            scan.clean = False
        scan.pos += 1
    return scan.clean


# How far into a reported clause a nested cue may stand (tokens): speech
# reported inside speech comes early in it ("Xi said he and Putin jointly
# announced"); a cue further on starts a statement of its own.
_NESTED_REACH = 30
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "it", "you"})


_FORWARD_RULES = frozenset({"reported", "appositive", "participle"})


def _attribute_cues(paragraph: _Paragraph, sentence: Sentence, positions: list[int]) -> bool:
    # Run CUE_RULES over the sentence's cues; tell whether any made a draft.
    hits = _find_cues(sentence, positions)
    sentence.hit_starts = frozenset([hit.start for hit in hits])
    done = Context()
    made = False
    made_here: list[Draft] = []
    scan = _NestScan()
    for index in range(len(hits)):
        draft = None
        hit = hits[index]
        if hit.start < done.floor or (
            made_here
            and not noun_cue(sentence, hit.start, hit.form)
            and _nested(sentence, made_here[-1], hit.start, scan)
        ):
            # A cue inside the cue clause of a statement before it (its
            # speaker's apposition: "said Ann Lee, who has challenged ...")
            # or nested speech: "Xi said he and Putin jointly announced ..." is
            # one statement by Xi; the inner cue is part of its content.
            done.append(None)
            continue
        for _name, rule in CUE_RULES:
            draft = rule(sentence, hits, index, done)
            if draft is not None or hit.form.lemma == "according to":
                break  # "according to" is its own rule's or no one's
        if draft is not None and draft.rule != "announcement":
            made_here.append(draft)
        if draft is not None and draft.rule == "announcement":
            paragraph.pending = draft
            draft = None
        done.append(draft)
        if draft is not None:
            made = True
            draft.paragraph = paragraph.index
            paragraph.drafts.append(draft)
            paragraph.claimed.update(draft.quotes)
            paragraph.pending = None
    return made


def _quoting_draft(drafts: list[Draft], sentence_first: int) -> Draft | None:
    # The statement a quotation opening the next sentence continues: the
    # paragraph's last draft, or the quotation before the tail of its own
    # attribution ('"...," Clark said, noting he would back the winner.
    # "..."' or '..., told the Journal after de Blasio stated an interest.
    # "..."'): drafts without quotations whose cue stands after that
    # quotation belong to the attribution, not to what the next quote continues.
    # Only the drafts of the last sentence that made any are looked at.
    if not drafts:
        return None
    last = drafts[-1]
    if last.quotes or last.cue is None:
        return last
    tail_start = last.cue[0]
    for earlier in reversed(drafts[sentence_first:-1]):
        if earlier.quotes:
            # The quotation must end before the tail that followed it.
            return earlier if earlier.fragments[-1][1] <= tail_start else last
        if earlier.cue is None:
            return last
        tail_start = earlier.cue[0]
    return last


# Rules whose statement a quotation opening the next sentence continues even
# when the statement quoted nothing: 'Greene added that the Fed wants out of
# the way. "They don't like to talk about it."' (PolNeAR's convention, as for
# a quoted paragraph after an indirect statement).
_QUOTED_ON = frozenset({"trailing", "inverted", "reported", "participle", "appositive"})


def attach_following_quote(
    paragraph: _Paragraph, qi: int, quote: QuoteSpan, sentence_start: int
) -> bool:
    """
    ``"..." he added. "..."``: a quotation opening a sentence after a direct quote.
    """
    if quote.start != sentence_start:
        return False
    previous = _quoting_draft(paragraph.drafts, paragraph.sentence_first)
    if (
        previous is None
        or previous.speaker is None
        or not (previous.quotes or previous.rule in _QUOTED_ON)
    ):
        return False
    previous.fragments.append((quote.inner_start, quote.inner_end))
    previous.quotes.append(qi)
    paragraph.claimed.add(qi)
    return True


def attach_announced_quote(
    paragraph: _Paragraph, qi: int, quote: QuoteSpan, sentence_start: int
) -> bool:
    """
    ``Lee said in a statement. "..."``: the quotation an attribution announced.
    """
    pending = paragraph.pending
    if pending is None or quote.start != sentence_start:
        return False
    pending.fragments = [(quote.inner_start, quote.inner_end)]
    pending.quotes = [qi]
    pending.rule = "announced"
    pending.paragraph = paragraph.index
    paragraph.drafts.append(pending)
    paragraph.claimed.add(qi)
    paragraph.pending = None
    return True


QUOTE_RULES: tuple[tuple[str, Callable[[_Paragraph, int, QuoteSpan, int], bool]], ...] = (
    ("announced_quote", attach_announced_quote),
    ("following_quote", attach_following_quote),
)


def _floating(state: State, paragraph: _Paragraph, last: Draft | None) -> Draft | None:
    # A paragraph that is one quotation with no attribution continues the
    # previous speaker (AP/Reuters convention for multi-paragraph quotes).
    # The statement before may be indirect: 'Okafor said the plan was ...'
    # and then a paragraph '"... whoever wins the vote."'.
    if last is None or last.speaker is None or not paragraph.quotes:
        return None
    first = paragraph.quotes[0]
    if first.start != paragraph.start or paragraph.drafts:
        return None
    fragments = [(q.inner_start, q.inner_end) for q in paragraph.quotes]
    del state
    return Draft(
        rule="continuation",
        fragments=fragments,
        cue=None,
        speaker=last.speaker,
        speaker_how="continuation",
        paragraph=paragraph.index,
        quotes=list(range(len(paragraph.quotes))),
        continues=last,
    )
