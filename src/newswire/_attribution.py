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
"""
Statement recognition.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from typing import TYPE_CHECKING

import attrs

from newswire._model import Cue, Quote, Span, Speaker, Statement
from newswire._quotes import QuoteSpan, has_quote_mark, scan_quotes
from newswire._sentences import WORD, split_sentences
from newswire._statements_lexicon import (
    CueForm,
    cue_after_pattern,
    cue_forms,
    cue_pattern,
    multiword_cues,
    titles,
    word_classes,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._model import MentionHow, StatementKind
    from newswire._state import State

__all__ = ["CUE_RULES", "QUOTE_RULES", "find_statements"]

_SINGULAR_DETERMINERS = frozenset({"a", "an", "this", "his", "her", "its", "every", "each"})
_POSSESSIVES = frozenset({"his", "her", "its"})
_SAY = frozenset({"say", "says", "said"})
_NOMINATIVES = frozenset({"i", "we", "they", "he", "she"})
_NEGATIONS = frozenset(
    {"not", "yet", "n't", "n’t"}
    | {
        f"{aux}n{mark}t"
        for aux in ("did", "does", "do", "has", "have", "had", "would", "could", "was", "is")
        for mark in "'’"
    }
)
_APPOSITIVE_MARKS = frozenset({",", "—", "-", "–"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''", "’’"})
_CLOSING_PUNCT = frozenset({".", "!", "?", ";"})
_PREPOSITIONS = frozenset(
    {
        "of",
        "for",
        "from",
        "at",
        "with",
        "in",
        "on",
        "to",
        "close",
        "by",
        "after",
        "before",
        "without",
    }
)
_MAX_NP = 12
_QUESTION_WORDS = frozenset(
    {"if", "whether", "what", "why", "how", "who", "whom", "when", "where", "which", "about", "to"}
)
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# word_class() without a call: the rules look word classes up many times per cue.
_word_class = word_classes().get
_MATCH_START = re.Match.start
_MATCH_END = re.Match.end
_MATCH_TEXT = re.Match.group
_MATCH_WORD_SPAN = operator.methodcaller("span", 1)


def _lower_case(text: str) -> str:
    """
    Return ``text`` lower-cased, with every character kept at its offset.

    >>> _lower_case("Xi SAID"), _lower_case("İzmir")
    ('xi said', 'İzmir')
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A character whose lower case is longer ("İ") stays as written, so that
    # offsets into the copy are offsets into the text. Rare: only then is
    # the copy built character by character.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _possible_cues(lowered: str, quotes: list[QuoteSpan], cue_starts: list[int]) -> list[int]:
    """
    Return the cue candidates that _find_cues could accept.

    A candidate inside a quotation is quoted speech, not a cue, and a word
    that begins only multi-word cues ("going", "made") needs the rest of the
    cue after it. Dropping the others first spares tokenising a sentence
    whose only candidates are such words.

    >>> text = 'He was going home. "I said no," she said.'
    >>> quotes = scan_quotes(text, 0, len(text))
    >>> _possible_cues(text.lower(), quotes, _cue_starts(text, text.lower(), 0, len(text)))
    [36]
    """
    continuations = multiword_cues()
    kept: list[int] = []
    qi = 0
    for position in cue_starts:
        while qi < len(quotes) and quotes[qi].end <= position:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= position:
            continue
        stop = lowered.find(" ", position, position + 16)
        pattern = continuations.get(lowered[position:stop] if stop > 0 else "")
        if pattern is not None and pattern.match(lowered, position) is None:
            continue
        kept.append(position)
    return kept


def _cue_starts(text: str, lowered: str, start: int, end: int) -> list[int]:
    """
    Return the offsets in ``text[start:end]`` where a cue's first word is written.

    One C-level scan of the lower-cased copy finds the candidates before
    anything is tokenised. A word counts as written in lower case or
    capitalised ("Said Lee"), never in capitals ("SAID" in a headline).

    >>> text = "Xi SAID, Lee Said, Ann said."
    >>> _cue_starts(text, _lower_case(text), 0, len(text))
    [13, 23]
    """
    spans: list[tuple[int, int]] = []
    opening = cue_pattern().match(lowered, start, end)
    if opening is not None:
        spans.append(opening.span())
    # Past the first character, a cue is found with the character before it
    # (cue_after_pattern): a pattern opening with a character class is
    # scanned faster than one opening with a look-behind.
    spans.extend(map(_MATCH_WORD_SPAN, cue_after_pattern().finditer(lowered, start, end)))
    found: list[int] = []
    for first, stop in spans:
        if text[first + 1 : stop] == lowered[first + 1 : stop] and (
            text[first] == lowered[first] or text[first] == lowered[first].upper()
        ):
            found.append(first)
    return found


@attrs.define
class Draft:
    """
    A statement being assembled: character offsets into the normalised text.
    """

    rule: str
    fragments: list[tuple[int, int]]
    cue: tuple[int, int, str] | None
    speaker: tuple[int, int] | None
    speaker_how: str = "name"
    paragraph: int = -1
    according: bool = False
    # Token bounds of the cue clause (speaker and cue), for later cues.
    clause: tuple[int, int] = (0, 0)
    quotes: list[int] = attrs.Factory(list)


@attrs.define
class CueHit:
    """
    A cue found in a sentence: token range ``[start, end)`` and its form.
    """

    start: int
    end: int
    form: CueForm
    extended: int  # token index after the cue and its adverbials


class Sentence:
    """
    One tokenised sentence and the quotations that touch it.
    """

    __slots__ = (
        "break_at",
        "break_to",
        "end",
        "hit_starts",
        "is_close",
        "is_open",
        "lowers",
        "quote_of",
        "quotes",
        "start",
        "starts",
        "tail_start",
        "text",
    )

    def __init__(
        self,
        text: str,
        lowered: str,
        start: int,
        end: int,
        *,
        quotes: list[QuoteSpan],
        first_quote: int = 0,
    ) -> None:
        """
        Tokenise ``text[start:end]``; ``quotes`` are the paragraph's quotations.

        ``lowered`` is ``text`` lower-cased with its length kept (see
        _lower_case); ``first_quote`` indexes the first quotation that may
        touch the sentence.
        """
        self.text = text
        self.start = start
        self.end = end
        self.quotes = quotes
        # Tokenising the lower-cased copy gives the lower-case words and
        # their offsets in one C-level pass; the map() calls keep the
        # per-token work out of the interpreter loop.
        matches = list(WORD.finditer(lowered, start, end))
        self.starts: list[int] = list(map(_MATCH_START, matches))
        self.lowers: list[str] = list(map(_MATCH_TEXT, matches))
        count = len(matches)
        # Filled by _prepare once the cues are known (see _forward_end).
        self.break_at: list[int] | None = None
        self.break_to: list[int] = []
        self.hit_starts: frozenset[int] = frozenset()
        tail = count
        while tail > 0 and (
            self.lowers[tail - 1] in _CLOSING_PUNCT or self.lowers[tail - 1] in _QUOTE_MARKS
        ):
            tail -= 1
        self.tail_start = tail
        self.quote_of = [-1] * count
        self.is_open = [False] * count
        self.is_close = [False] * count
        # Each quotation marks its tokens with slice assignments: the work is
        # per quotation, not per token.
        starts = self.starts
        for qi in range(first_quote, len(quotes)):
            quote = quotes[qi]
            if quote.start >= end:
                break
            low = bisect.bisect_left(starts, quote.start)
            high = bisect.bisect_left(starts, quote.end, low)
            if low == high:
                continue
            self.quote_of[low:high] = [qi] * (high - low)
            opened = starts[low] == quote.start
            self.is_open[low] = opened
            if quote.closed:
                close = bisect.bisect_left(starts, quote.inner_end, low, high)
                if opened and close == low:
                    close += 1
                self.is_close[close:high] = [True] * (high - close)

    def __len__(self) -> int:
        """
        Return the number of tokens.
        """
        return len(self.starts)

    @property
    def ends(self) -> list[int]:
        """
        Return where each token ends.

        Built on request only: the rules need the end of a few tokens, which
        is a token's start plus its length (the lower-cased copy keeps
        every length), so tokenising spares a list per sentence.
        """
        return [start + len(word) for start, word in zip(self.starts, self.lowers, strict=True)]

    def token_end(self, index: int) -> int:
        """
        Return where token ``index`` ends.
        """
        return self.starts[index] + len(self.lowers[index])

    def word(self, index: int) -> bool:
        """
        Tell whether token ``index`` is a word (not punctuation).
        """
        return self.lowers[index][0].isalnum()

    def capital(self, index: int) -> bool:
        """
        Tell whether token ``index`` starts with a capital letter.
        """
        return self.text[self.starts[index]].isupper()


def _is_ing(word: str) -> bool:
    return word.endswith("ing")


def _is_base_or_s(form: CueForm) -> bool:
    word = form.words[0]
    return not (
        word.endswith(("ed", "ing"))
        or word in {"said", "told", "wrote", "spoke", "swore", "according"}
    )


def _find_cues(sentence: Sentence, positions: list[int]) -> list[CueHit]:
    # positions: where the cue pattern matched in this sentence; only those
    # tokens are looked at.
    forms = cue_forms()
    lowers = sentence.lowers
    count = len(lowers)
    hits: list[CueHit] = []
    after = 0
    for position in positions:
        index = bisect.bisect_left(sentence.starts, position)
        if index < after or index >= count or sentence.starts[index] != position:
            continue
        candidates = forms.get(lowers[index])
        if candidates is None or (sentence.quote_of[index] >= 0 and not sentence.is_close[index]):
            continue
        chosen = None
        for form in candidates:
            size = len(form.words)
            if size == 1:
                # The token is the form's one word (candidates are keyed by it).
                chosen = form
                break
            if index + size <= count and tuple(lowers[index : index + size]) == form.words:
                chosen = form
                break
        if chosen is None or not _acceptable(sentence, index, chosen):
            continue
        end = index + len(chosen.words)
        hits.append(CueHit(index, end, chosen, _extend(sentence, end)))
        after = end
    return hits


def _acceptable(sentence: Sentence, index: int, form: CueForm) -> bool:
    lowers = sentence.lowers
    prev = lowers[index - 1] if index else ""
    if form.lemma == "according to":
        return True
    if prev in {"all", "the", "a", "an", "to", "so"}:
        return False
    if prev == "by" and not (_is_ing(form.words[0]) and not sentence.capital(index)):
        return False  # "by saying" is speech; "By Saying" in a title, and "by" + noun, not
    if prev != "by" and (
        _word_class(prev, "") == "determiner"
        or prev in _PREPOSITIONS
        or prev in _CONTENT_PREPOSITIONS
    ):
        return False
    if prev.endswith(("'s", "’s")) or prev in {"’", "'"}:
        return False  # "Lee's repeated offenses", "Trump's stated goal"
    if form.lemma == "call" and len(form.words) == 1:
        # "called the plan a disaster" / "called it “arbitrary”", not "a group called X".
        look = index + 1
        stop = min(len(lowers), index + 12)
        while look < stop and lowers[look] not in {",", ".", ";"}:
            if sentence.is_open[look] or (lowers[look] in {"a", "an"} and look > index + 1):
                break
            look += 1
        else:
            return False
        if look >= stop or lowers[look] in {",", ".", ";"}:
            return False
    if _is_base_or_s(form):
        # "a report", "his comments": a base or -s form needs a subject,
        # or a quotation before it ('"...," says Lee').
        if not index:
            return False
        if (
            not sentence.word(index - 1)
            and _quote_before(sentence, index) < 0
            and not (
                lowers[index - 1] == ","
                and index + 1 < len(lowers)
                and (
                    sentence.capital(index + 1)
                    or _word_class(form.words[0], "") == "finite"
                    # "critics, including Lee, argue that ...": a clause follows.
                    or lowers[index + 1] == "that"
                    or _word_class(lowers[index + 1], "") == "pronoun"
                )
            )
        ):
            return False
        if sentence.capital(index) and index == 0:
            return False
    return True


def _extend(sentence: Sentence, end: int) -> int:
    # Extend a cue over what belongs to it: "said Friday", "said in a
    # statement", "said on Twitter", "told reporters".
    lowers = sentence.lowers
    count = len(lowers)
    pos = end
    while pos < count:
        word = lowers[pos]
        cls = _word_class(word, "")
        if cls == "time" or (cls == "adverb" and word not in {"is", "was", "has", "have", "had"}):
            pos += 1
            continue
        if word in {"in", "on", "during", "via", "through"} and pos + 1 < count:
            look = pos + 1
            while (
                look < count
                and look < pos + 5
                and (
                    _word_class(lowers[look], "") == "determiner"
                    or (
                        sentence.word(look)
                        and _word_class(lowers[look], "") not in {"channel", "boundary"}
                        and look + 1 < count
                        and _word_class(lowers[look + 1], "") == "channel"
                    )
                )
            ):
                look += 1
            if look < count and _word_class(lowers[look], "") in {"channel", "time"}:
                pos = look + 1
                continue
        if cls == "listener":
            pos += 1
            continue
        break
    return pos


def _head_position(sentence: Sentence, cue: int, floor: int) -> int:
    # The token where the subject ends: before the cue, over adverbs and
    # auxiliaries ("also has said") and a party tag ("Ann Lee (D-Md.) said").
    lowers = sentence.lowers
    pos = cue - 1
    if pos > floor and lowers[pos] == ")":
        opening = pos - 1
        while opening > floor and lowers[opening] != "(" and pos - opening < 8:
            opening -= 1
        if lowers[opening] == "(":
            pos = opening - 1
    while pos >= floor and (
        _word_class(lowers[pos], "") == "adverb"
        # "did not mention", "has not yet responded": negated speech is
        # still attributed.
        or lowers[pos] in _NEGATIONS
        or (lowers[pos].endswith("ly") and len(lowers[pos]) > 4 and not sentence.capital(pos))
    ):
        pos -= 1
    return pos


def _subject(sentence: Sentence, cue: int, floor: int) -> tuple[int, int] | None:
    """
    Return the token range of the noun phrase right before ``cue``, if any.
    """
    lowers = sentence.lowers
    pos = _head_position(sentence, cue, floor)
    if pos < floor or not sentence.word(pos) or sentence.quote_of[pos] >= 0:
        return None
    head = lowers[pos]
    cls = _word_class(head, "")
    if cls == "pronoun" or (
        head in {"who", "whom"}
        and (lowers[cue] in _SAY or (pos > floor and lowers[pos - 1] == ","))
    ):
        # "voters who say", "many of whom said": the relative pronoun is the
        # subject, with or without a comma before it.
        return (pos, pos + 1)
    if head == "%" and pos > floor and lowers[pos - 1][0].isdigit():
        return (pos - 1, pos + 1)  # "42% say"
    if cls in {"boundary", "determiner"} or head in _PREPOSITIONS:
        return None
    end = pos + 1
    start = pos
    look = pos - 1
    while look >= floor and end - look <= _MAX_NP:
        word = lowers[look]
        cls = _word_class(word, "")
        if sentence.quote_of[look] >= 0:
            break
        if not sentence.word(look):
            if word in {"-", "&"} or (
                word == "."
                and look > floor
                and sentence.capital(look - 1)
                and len(lowers[look - 1]) <= 4
            ):
                look -= 1
                continue
            if word in {"’", "'"} and look > floor and sentence.capital(look - 1):
                look -= 1
                continue
            break
        if (
            word == "and"
            and look - 1 >= floor
            and sentence.word(look - 1)
            and (sentence.capital(look - 1) or _word_class(lowers[look - 1], "") == "pronoun")
            and sentence.capital(start)
        ):
            # "he and Putin jointly announced": a coordinated subject.
            start = look - 1
            look -= 2
            if _word_class(lowers[start], "") == "pronoun":
                break
            continue
        if cls in {"boundary", "pronoun"} or word in {"said", "says"}:
            break
        if cls == "determiner":
            start = look
            before = look - 1
            if (
                before - 1 >= floor
                and lowers[before] in _PREPOSITIONS - {"to"}
                and sentence.word(before - 1)
                and _word_class(lowers[before - 1], "") not in {"boundary", "pronoun"}
            ):
                look = before - 1
                start = look
                continue
            break
        if cls == "adverb" and word not in {"all", "both"}:
            break
        start = look
        look -= 1
    # Do not begin on a preposition or a trailing "-".
    while start < end and (lowers[start] in _PREPOSITIONS or not sentence.word(start)):
        start += 1
    if start >= end:
        return None
    return (start, end)


def _object(sentence: Sentence, pos: int) -> tuple[int, int] | None:
    """
    Return the noun phrase starting at token ``pos`` (after an inverted cue).
    """
    lowers = sentence.lowers
    count = len(lowers)
    if pos >= count or not sentence.word(pos):
        return None
    cls = _word_class(lowers[pos], "")
    if cls == "pronoun":
        return (pos, pos + 1)
    if cls == "boundary" or lowers[pos] in _PREPOSITIONS:
        return None
    end = pos
    while end < count and end - pos < _MAX_NP:
        word = lowers[end]
        if sentence.quote_of[end] >= 0:
            break
        if not sentence.word(end):
            if word in {"-", "&", "’", "'"} or (
                word == "." and sentence.capital(end - 1) and len(lowers[end - 1]) <= 4
            ):
                end += 1
                continue
            break
        if (
            word == "and"
            and end + 1 < count
            and (sentence.capital(end + 1) or lowers[end + 1] == "others")
        ):
            end += 1  # "said Doyle and others"
            continue
        if _word_class(word, "") in {"boundary", "time", "adverb"} or word in {
            "in",
            "on",
            "during",
            "at",
        }:
            break
        end += 1
    while end > pos and not sentence.word(end - 1):
        end -= 1
    return (pos, end) if end > pos else None


def _at_end(sentence: Sentence, pos: int) -> bool:
    # Nothing but closing punctuation from pos to the end of the sentence.
    return pos >= sentence.tail_start


def _char(sentence: Sentence, index: int) -> int:
    return sentence.starts[index] if index < len(sentence) else sentence.end


def _content(sentence: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """
    Return the trimmed character range of tokens ``[first, last)``.
    """
    lowers = sentence.lowers
    while first < last and (lowers[first] in {",", ":", "that", "—", "-", ";"}):
        first += 1
    while last > first and lowers[last - 1] in {",", ".", ";", ":", "—", "-", "!", "?"}:
        last -= 1
    if last <= first:
        return None
    return (sentence.starts[first], sentence.token_end(last - 1))


def _quote_range(sentence: Sentence, token: int) -> tuple[int, int] | None:
    # The inner range of the quotation that token ``token`` opens.
    qi = sentence.quote_of[token]
    if qi < 0:
        return None
    quote = sentence.quotes[qi]
    return (quote.inner_start, quote.inner_end)


def _quote_before(sentence: Sentence, pos: int) -> int:
    # The quotation index closing right before token ``pos`` (skipping one comma).
    look = pos - 1
    if look >= 0 and sentence.lowers[look] in {",", "—"}:
        look -= 1
    if look >= 0 and sentence.is_close[look]:
        return sentence.quote_of[look]
    if look >= 1 and sentence.lowers[look] in {",", "!", "?"} and sentence.is_close[look - 1]:
        return sentence.quote_of[look - 1]
    return -1


def _draft(
    rule: str,
    fragments: list[tuple[int, int] | None],
    sentence: Sentence,
    hit: CueHit,
    speaker: tuple[int, int] | None,
    *,
    quotes: list[int] | None = None,
) -> Draft | None:
    kept = [f for f in fragments if f is not None and f[1] > f[0]]
    if not kept:
        return None
    cue_start = sentence.starts[hit.start]
    cue_end = sentence.token_end(max(hit.end, hit.extended) - 1)
    span = (
        None
        if speaker is None
        else (sentence.starts[speaker[0]], sentence.token_end(speaker[1] - 1))
    )
    clause_lo = hit.start if speaker is None else min(hit.start, speaker[0])
    clause_hi = max(hit.extended, hit.end) if speaker is None else max(hit.extended, speaker[1])
    return Draft(
        rule=rule,
        fragments=kept,
        cue=(cue_start, cue_end, hit.form.lemma),
        speaker=span,
        clause=(clause_lo, clause_hi),
        quotes=list(quotes or ()),
        according=hit.form.lemma == "according to",
    )


_CONTENT_PREPOSITIONS = frozenset(
    {
        "in",
        "under",
        "with",
        "by",
        "at",
        "on",
        "for",
        "from",
        "into",
        "after",
        "before",
        "during",
        "about",
        "over",
        "against",
        "since",
        "within",
        "without",
        "through",
        "as",
        "to",
    }
)
# Cues whose content is an infinitive: "vowed to limit ...".
_TO_VERBS = frozenset({"promise", "pledge", "vow", "threaten", "swear", "urge", "warn"})
_LISTENER_VERBS = frozenset({"tell", "inform", "assure", "brief", "remind", "ask", "warn"})
_LISTENER_ONLY = _LISTENER_VERBS - {"ask", "warn"}
# A full stop after a real word (not an initial such as "O.").
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]\s")
_AMOUNTS = frozenset(
    {"half", "a", "one", "two", "three", "four", "five", "ten", "twice", "$", "a third", "dozen"}
)
_BE = frozenset({"is", "was", "are", "were", "be", "been", "being", "’s", "'s", "get", "got"})
_CLAUSE_BREAKS = frozenset({"but", "while", "although", "though", "whereas", "even", "which"})


_BREAK_WORDS = frozenset({";", "while", "whereas", "and", ","})


def _forward_end(sentence: Sentence, hits: list[CueHit], index: int, start: int) -> int:
    # Content read forwards runs to the end of the sentence, or to where the
    # reporting clause picks up again (see _prepare). The breaks of a sentence
    # are computed once, so each cue's content costs O(log n) to bound.
    del index
    if sentence.break_at is None:
        _prepare(sentence, hits)
    assert sentence.break_at is not None
    # Content starting at `start` ends at the first break from start + 3 on.
    found = bisect.bisect_left(sentence.break_at, start + 3)
    if found == len(sentence.break_at):
        return len(sentence)
    return sentence.break_to[found]


def _prepare(sentence: Sentence, hits: list[CueHit]) -> None:
    # break_at lists the tokens where content running past them ends, and
    # break_to where it then ends (the token, or the one before a cue). A
    # break is a later cue after a comma or "and" (", adding that ...",
    # "... and said ..."), a contrast (", but ...", "while ..."), ";", a
    # participial adjunct (", crediting her with ..."), or "and" right after
    # a closing quotation. Only the few tokens that can be one are examined.
    lowers = sentence.lowers
    count = len(lowers)
    quote_of = sentence.quote_of
    is_close = sentence.is_close
    cues = {hit.start: hit for hit in hits}
    candidates = set(itertools.compress(range(count), map(_BREAK_WORDS.__contains__, lowers)))
    candidates.update(cues)
    candidates.update(itertools.compress(range(count), is_close))
    break_at: list[int] = []
    break_to: list[int] = []
    for pos in sorted(candidates):
        if pos == 0 or (quote_of[pos] >= 0 and not is_close[pos]):
            continue
        word = lowers[pos]
        if is_close[pos]:
            # '"...," suggesting': the comma sits inside the quotation.
            if lowers[pos - 1] != "," or pos + 1 >= count:
                continue
            word = ","
        hit = cues.get(pos)
        if hit is not None:
            prev = lowers[pos - 1]
            if is_close[pos - 1] and pos > 1 and lowers[pos - 2] == ",":
                prev = ","
            if (prev in {",", "—", ";"} and _is_ing(word)) or (
                prev in {"and", "but"} and not _is_ing(word) and not _is_base_or_s(hit.form)
            ):
                break_at.append(pos)
                break_to.append(pos - 1)
                continue
            if not _is_ing(word):
                clause = _clause_comma(sentence, pos)
                if clause >= 0:
                    # "..., said Lee" and "..., Lee said": a new reporting
                    # clause ends the content before it.
                    break_at.append(clause)
                    break_to.append(clause)
                    continue
        if word in {";", "while", "whereas"}:
            breaks = True
        elif word == "and" and pos + 1 < count and quote_of[pos + 1] < 0:
            # '"extremely careless," and said ...'
            breaks = is_close[pos - 1] or (lowers[pos - 1] == "," and pos > 1 and is_close[pos - 2])
        elif word == "," and pos + 1 < count and quote_of[pos + 1] < 0:
            nxt = lowers[pos + 1]
            breaks = nxt in _CLAUSE_BREAKS or (
                nxt.endswith("ing") and len(nxt) > 5 and not sentence.capital(pos + 1)
            )
        else:
            breaks = False
        if breaks:
            break_at.append(pos)
            break_to.append(pos)
    if any(a > b for a, b in itertools.pairwise(break_at)):
        pairs = sorted(zip(break_at, break_to, strict=True))
        break_at = [a for a, _ in pairs]
        break_to = [b for _, b in pairs]
    sentence.break_at = break_at
    sentence.break_to = break_to


def _clause_comma(sentence: Sentence, cue: int) -> int:
    # The comma that opens a reporting clause at `cue` (", said Lee", ", Lee
    # said", ", he said"), or -1. The subject between is a pronoun or up to
    # three capitalised words.
    lowers = sentence.lowers
    look = cue - 1
    if (
        look > 0
        and _word_class(lowers[look], "") == "pronoun"
        and lowers[look] not in {"who", "whom"}
    ):
        look -= 1
    else:
        while look > 0 and cue - look <= 3 and sentence.word(look) and sentence.capital(look):
            look -= 1
    if look > 0 and lowers[look] == "," and sentence.quote_of[look] < 0:
        return look
    return -1


def _approximate(sentence: Sentence, pos: int) -> bool:
    # "said about half of ...", "said over 200 people ...": an amount, not a
    # prepositional phrase.
    lowers = sentence.lowers
    if lowers[pos] not in {"about", "over", "around", "under", "nearly"} or pos + 1 >= len(lowers):
        return False
    following = lowers[pos + 1]
    return following[0].isdigit() or following in _AMOUNTS


def _forward_content(
    sentence: Sentence, hits: list[CueHit], index: int
) -> tuple[list[tuple[int, int] | None], list[int]]:
    hit = hits[index]
    pos = max(hit.end, hit.extended)
    lowers = sentence.lowers
    count = len(lowers)
    if hit.form.lemma in _LISTENER_VERBS:
        # Skip the listener: "told reporters on Friday that".
        look = pos
        while look < count and look < pos + 8 and sentence.word(look) and lowers[look] != "that":
            look += 1
        if look < count and lowers[look] == "that":
            pos = look + 1
    if (
        pos < count
        and lowers[pos] in _CONTENT_PREPOSITIONS
        and hit.form.lemma != "call"
        and not (lowers[pos] == "to" and hit.form.lemma in _TO_VERBS)
        and not _approximate(sentence, pos)
    ):
        # "said during a rally that ...": the content starts after "that";
        # "reported in broad ranges": no content at all.
        look = pos + 1
        while look < count and look < pos + 12 and lowers[look] not in {"that", ",", ":"}:
            look += 1
        if look < count and lowers[look] == ",":
            # "said during a town hall in Buffalo, New York, that ...": a
            # place or apposition inside the phrase; "that" may still follow.
            far = look + 1
            while far < count and far < pos + 20 and lowers[far] not in {"that", ":", ";", "."}:
                far += 1
            if far < count and lowers[far] == "that" and lowers[far - 1] == ",":
                look = far
        if look >= count or lowers[look] != "that":
            return [], []
        pos = look + 1
    for look in range(pos, min(count - 1, pos + 12)):
        # "told his audience, to rowdy applause: “...”": the quotation after
        # the colon is the content.
        if lowers[look] == ":" and sentence.is_open[look + 1]:
            pos = look + 1
            break
        if sentence.quote_of[look] >= 0 or lowers[look] in {".", "that"}:
            break
    while pos < count and lowers[pos] in {",", ":", "—", "that"}:
        pos += 1
    if pos < count and lowers[pos] in {
        "which",
        "who",
        "whom",
        "whose",
        "and",
        "or",
        "but",
        ")",
        "]",
    }:
        return [], []
    if (
        pos == max(hit.end, hit.extended)
        and pos < count
        and _is_base_or_s(hit.form)
        and lowers[pos].endswith("ed")
        and not sentence.capital(pos)
    ):
        return [], []  # "the terrorist blasts killed ...": a noun, then the verb
    if pos < count and sentence.is_open[pos]:
        qi = sentence.quote_of[pos]
        quote = sentence.quotes[qi]
        # A quotation that runs to the end of the sentence is the content.
        close = pos
        while close < count and sentence.quote_of[close] == qi:
            close += 1
        if _at_end(sentence, close):
            return [(quote.inner_start, quote.inner_end)], [qi]
    end = _forward_end(sentence, hits, index, pos)
    return [_content(sentence, pos, end)], []


# --- cue rules ------------------------------------------------------------


class Context:
    """
    What the cues of a sentence made so far.

    ``cues`` counts the cues read, ``floor`` is the token after the latest
    statement's cue clause and ``last_speaker`` the latest draft with a
    speaker, kept up to date on append so that rules read them in O(1).
    """

    # A plain class, not a list subclass: the compiled build (mypyc) cannot
    # compile a class that inherits from a built-in type.
    __slots__ = ("cues", "floor", "last_speaker")

    def __init__(self) -> None:
        """
        Start with nothing made.
        """
        self.cues = 0
        self.floor = 0
        self.last_speaker: Draft | None = None

    def append(self, draft: Draft | None) -> None:
        """
        Record the outcome of one cue (None where it made no draft).
        """
        self.cues += 1
        if draft is not None:
            self.floor = max(self.floor, draft.clause[1])
            if draft.speaker is not None:
                self.last_speaker = draft


def attribute_according_to(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``According to the ministry, ...`` and ``..., according to X.``
    """
    del done
    hit = hits[index]
    if hit.form.lemma != "according to":
        return None
    source = _object(sentence, hit.end)
    if source is None:
        return None
    after = source[1]
    lowers = sentence.lowers
    if hit.start == 0 or (hit.start == 1 and not sentence.word(0)):
        return _draft(
            "according_to", [_content(sentence, after, len(sentence))], sentence, hit, source
        )
    before = _content(sentence, 0, hit.start)
    rest = None
    if after < len(sentence) and lowers[after] == "," and not _at_end(sentence, after + 1):
        rest = _content(sentence, after + 1, len(sentence))
    return _draft("according_to", [before, rest], sentence, hit, source)


def attribute_question(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``Asked whether ..., Lee said`` / ``Lee was asked if ...``: a question whose asker is unnamed.
    """
    del done
    hit = hits[index]
    lowers = sentence.lowers
    if hit.form.words != ("asked",) or hit.end >= len(lowers):
        return None
    prev = lowers[hit.start - 1] if hit.start else ""
    if hit.start and prev not in {"when", "was", "were", "is", "being", "been", "if", "after"}:
        return None
    pos = hit.end
    while pos < len(lowers) and _word_class(lowers[pos], "") in {"time", "adverb"}:
        pos += 1  # "Asked on Monday whether ..."
    if pos >= len(lowers) or lowers[pos] not in _QUESTION_WORDS:
        if not (pos + 1 < len(lowers) and lowers[pos] == "on" and lowers[pos + 1] in _DAYS):
            return None
        pos += 2
        if pos >= len(lowers) or lowers[pos] not in _QUESTION_WORDS:
            return None
    start = pos + 1 if lowers[pos] == "about" else pos
    end = start
    while end < len(lowers) and lowers[end] not in {",", ";"} and end - start < 40:
        end += 1
    return _draft("question", [_content(sentence, start, end)], sentence, hit, None)


def attribute_inverted(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``"...," said Xi.`` and ``..., said a spokesman, adding ...``
    """
    hit = hits[index]
    if _is_ing(hit.form.words[0]) or hit.form.lemma in _LISTENER_ONLY:
        # "Lee, a director, told Congress that ...": after "told" comes the
        # listener, never the speaker.
        return None
    if hit.start == 0 or (
        sentence.lowers[hit.start - 1] not in {",", "—"} and not (sentence.is_close[hit.start - 1])
    ):
        return None
    speaker = _object(sentence, hit.end)
    if speaker is None or (
        hit.form.words[0] == hit.form.lemma.split()[0]
        and sentence.lowers[speaker[0]] in _NOMINATIVES
    ):
        # "critics, including Lee, argue they ...": the pronoun begins the
        # content; it is not an inverted speaker.
        return None
    after = speaker[1]
    lowers = sentence.lowers
    if _quote_before(sentence, hit.start) < 0:
        # Without a quotation before it, ", said X" needs X to look like a
        # source ("Ann Lee", "a spokesman", "the ministry"), not like content
        # ("Lee, a lawyer, said a price could ...").
        first = speaker[0]
        named = (
            sentence.capital(first)
            or (
                _word_class(lowers[first], "") == "determiner"
                and first + 1 < speaker[1]
                and (sentence.capital(first + 1) or _source_noun(lowers[speaker[1] - 1]))
            )
            or _word_class(lowers[first], "") == "pronoun"
        )
        if not named or not (
            _at_end(sentence, after)
            or lowers[after] in {",", "—", ";", ".", "who", "on", "at", "in"}
        ):
            return None
    return _trailing(sentence, hits, index, speaker, hit.start, rule="inverted", done=done)


def _source_noun(word: str) -> bool:
    # A noun that names a source: "spokesman", "officials", "the ministry".
    return _word_class(word, "") in {"group", "anonymous", "organisation"} or word in titles()


def _trailing(
    sentence: Sentence,
    hits: list[CueHit],
    index: int,
    speaker: tuple[int, int],
    left: int,
    *,
    rule: str,
    done: Context,
) -> Draft | None:
    # Content before the attribution: a quotation right before it when the
    # quotation opens the sentence, or else the text from the sentence start
    # (or from the end of the statement before it in the sentence).
    hit = hits[index]
    qi = _quote_before(sentence, left)
    after = max(hit.extended, hit.end, speaker[1])
    lowers = sentence.lowers
    count = len(lowers)
    fragments: list[tuple[int, int] | None] = []
    quotes: list[int] = []
    floor = done.floor
    if qi >= 0:
        opening = floor
        while opening < count and not sentence.word(opening) and not sentence.is_open[opening]:
            opening += 1
        if opening < count and not (sentence.is_open[opening] and sentence.quote_of[opening] == qi):
            qi = -1  # 'He will play the "woman card," Lee said': mixed.
    if qi >= 0:
        quote = sentence.quotes[qi]
        fragments.append((quote.inner_start, quote.inner_end))
        quotes.append(qi)
    else:
        fragments.append(_content(sentence, floor, left))
    if after < count and lowers[after] in {",", "—"} and after + 1 < count:
        nxt = after + 1
        if sentence.is_open[nxt]:
            qn = sentence.quote_of[nxt]
            quote = sentence.quotes[qn]
            fragments.append((quote.inner_start, quote.inner_end))
            quotes.append(qn)
        elif qi < 0 and nxt not in sentence.hit_starts and not _at_end(sentence, nxt):
            # Interrupted: "The two countries, he added, have ...".
            fragments.append(_content(sentence, nxt, _forward_end(sentence, hits, index, nxt)))
            rule = "interrupted"
    return _draft(rule, fragments, sentence, hit, speaker, quotes=quotes)


def _passive(sentence: Sentence, hit: CueHit, left: int) -> bool:
    # "Donations are typically reported in ...", "he was told": a participle
    # after a form of "be" has its speaker elsewhere (or nowhere).
    word = hit.form.words[0]
    if _is_ing(word) or (word.endswith("s") and word != "was"):
        return False
    return not _BE.isdisjoint(sentence.lowers[left : hit.start])


def _short_tail(sentence: Sentence, pos: int, lemma: str = "") -> bool:
    # ", Ann Lee told Radio France on Friday.": what follows the cue is no
    # content, only a listener or circumstances.
    tail = sentence.lowers[pos:]
    if len(tail) > 7 or not tail:
        return False
    first = tail[0]
    if not (
        sentence.capital(pos)
        or (lemma in _LISTENER_VERBS and _word_class(first, "") == "determiner")
        or first in _CONTENT_PREPOSITIONS
        or _word_class(first, "") in {"listener", "time"}
        or first in {"me", "us", "him", "her", "them"}
    ):
        return False
    return not any(
        word in {"that", ":", ","} or sentence.is_open[pos + i] for i, word in enumerate(tail)
    )


def _plausible_subject(
    sentence: Sentence, speaker: tuple[int, int], form: CueForm | None = None
) -> bool:
    # "long-term forecasts like ...": a noun read as a verb has a subject
    # that is neither a name, a pronoun, a determined phrase nor a source noun.
    first, last = speaker
    head = sentence.lowers[last - 1]
    if head in {"percent", "%"} or head[0].isdigit():
        return True  # "61 percent say", "a mere 9 percent say"
    if (
        form is not None
        and form.words[0] == form.lemma.split()[0]
        and sentence.lowers[first] in _SINGULAR_DETERMINERS
        # "his aides say": a possessive before a plural head is a subject.
        # "a majority of voters say": so is "of" and a plural head.
        and not (
            (sentence.lowers[first] in _POSSESSIVES or "of" in sentence.lowers[first:last])
            and last - first > 1
            and head.endswith("s")
            and not head.endswith(("ss", "news"))
        )
    ):
        return False  # "a news report because ...": a noun, not a verb.
    if sentence.capital(first) or _word_class(sentence.lowers[first], "") in {
        "determiner",
        "pronoun",
    }:
        return True
    if head == "who":
        return True  # "voters who say"
    if form is not None and form.words[0] == form.lemma.split()[0] and head.endswith("s"):
        return True  # a plural noun agrees with a base form: "specialists say"
    return _word_class(head, "") in {"group", "anonymous", "organisation"}


def attribute_subject(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``Xi said ...``, ``..., he said.``, ``The two countries, he added, have ...``
    """
    hit = hits[index]
    floor = hits[index - 1].end if index else 0
    speaker = _subject(sentence, hit.start, floor)
    if speaker is None or _passive(sentence, hit, speaker[1]):
        return None
    lowers = sentence.lowers
    if _is_base_or_s(hit.form) and not _plausible_subject(sentence, speaker, hit.form):
        return None
    count = len(lowers)
    pre = speaker[0] - 1
    after = max(hit.extended, hit.end)
    trailing = pre >= 0 and (lowers[pre] in {",", "—"} or sentence.is_close[pre])
    quoted = _quote_before(sentence, speaker[0]) >= 0
    if not quoted and after + 1 < count and lowers[after] == "," and sentence.is_open[after + 1]:
        trailing = False
    if trailing and (
        _at_end(sentence, after)
        or _short_tail(sentence, after, hit.form.lemma)
        or (after < count and lowers[after] in {",", "—", ";"})
        or (
            quoted
            and after < count
            and lowers[after] not in {"that", ":"}
            and not sentence.is_open[after]
        )
    ):
        return _trailing(sentence, hits, index, speaker, speaker[0], rule="trailing", done=done)
    fragments, quotes = _forward_content(sentence, hits, index)
    return _draft("reported", fragments, sentence, hit, speaker, quotes=quotes)


def attribute_participle(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``..., adding that ...`` / ``Noting that ..., Xi said ...`` / ``... and said ...``
    """
    hit = hits[index]
    lowers = sentence.lowers
    word = hit.form.words[0]
    first = 0
    while first < len(lowers) and not sentence.word(first):
        first += 1
    if hit.start == first and _is_ing(word):
        # Fronted participle: its speaker is the main clause's, found later.
        end = len(sentence)
        for later in hits[index + 1 :]:
            subject = _subject(sentence, later.start, hit.end)
            if subject is not None:
                end = subject[0]
                draft = _draft(
                    "participle", [_content(sentence, hit.end, end)], sentence, hit, subject
                )
                if draft is not None:
                    draft.speaker_how = "shared"
                return draft
        return None
    back = hit.start - 1
    while back > 0 and _word_class(lowers[back], "") == "adverb" and lowers[back] != "then":
        back -= 1
    if back > 0 and lowers[back] == "then":
        back -= 1  # "... and then predicted: ..."
    prev = lowers[back] if back >= 0 else ""
    if prev in {",", "—", ";"}:
        if not _is_ing(word):
            return None
    elif prev in {"by", "after", "before", "without"} and _is_ing(word):
        pass  # "ended the debate by saying ...": the clause's subject speaks
    elif prev not in {"and", "but"} or _is_base_or_s(hit.form) or _is_ing(word):
        return None
    earlier = done.last_speaker
    fragments, quotes = _forward_content(sentence, hits, index)
    if earlier is None:
        subject = _sentence_subject(sentence, first, hit.start)
        if subject is None:
            return None
        return _draft("participle", fragments, sentence, hit, subject, quotes=quotes)
    draft = _draft("participle", fragments, sentence, hit, None, quotes=quotes)
    if draft is not None:
        draft.speaker = earlier.speaker
        draft.speaker_how = "shared"
    return draft


def _sentence_subject(sentence: Sentence, first: int, limit: int) -> tuple[int, int] | None:
    # The noun phrase opening the sentence: "Clinton went on ..., saying",
    # "The Florida senator sought ..., saying", "Meanwhile, it attacked ...".
    lowers = sentence.lowers
    if first < limit and lowers[first] in {"but", "and", "then"}:
        first += 1
    if (
        first < limit
        and sentence.word(first)
        and (_word_class(lowers[first], "") == "boundary" or lowers[first] in _CONTENT_PREPOSITIONS)
    ):
        # "At Sunday's debate, Sanders compared ...": skip the opening phrase.
        comma = first + 1
        while comma < limit and comma < first + 10 and lowers[comma] != ",":
            comma += 1
        if comma >= limit or lowers[comma] != ",":
            return None
        first = comma + 1
    if first >= limit or not sentence.word(first):
        return None
    if _word_class(lowers[first], "") == "pronoun":
        return (first, first + 1)
    end = first
    if _word_class(lowers[first], "") == "determiner":
        end += 1
        while (
            end < limit
            and end - first < 5
            and sentence.word(end)
            and _word_class(lowers[end], "") not in {"adverb", "boundary"}
            and not lowers[end].endswith("ed")
        ):
            end += 1
        return (first, end) if end - first > 1 else None
    while (
        end < limit
        and end - first < 8
        and (
            (sentence.word(end) and sentence.capital(end))
            or (
                lowers[end] in {".", "of"}
                and end > first
                and end + 1 < limit
                and sentence.capital(end + 1)
            )
        )
    ):
        end += 1  # "U.S. Secretary of State Ann Lee"
    if end == first or _word_class(lowers[first], "") == "boundary":
        return None
    return (first, end)


def _name_between_commas(sentence: Sentence, comma: int, floor: int) -> tuple[int, int] | None:
    # "One delegate on the slate, Kelly Smith, told ...": the name stands
    # between the last two commas, after its description.
    start = comma - 1
    while start > floor and start > comma - 5 and sentence.word(start) and sentence.capital(start):
        start -= 1
    if start == comma - 1 or sentence.lowers[start] != ",":
        return None
    return (start + 1, comma)


def attribute_appositive(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``Hugh Hill, a doctor, said ...`` / ``"...," Ann Lee, 44, said.``
    """
    hit = hits[index]
    lowers = sentence.lowers
    if hit.start < 3 or lowers[hit.start - 1] not in _APPOSITIVE_MARKS:
        return None
    # Cues inside the appositive ("Lee, who has told aides ..., said") do
    # not bound the search; statements already made do.
    floor = done.floor
    speaker = None
    for comma in range(max(floor, hit.start - 40), hit.start - 1):
        if lowers[comma] not in _APPOSITIVE_MARKS or sentence.quote_of[comma] >= 0:
            continue
        candidate = _subject(sentence, comma, floor)
        if candidate is None or not (
            sentence.capital(candidate[0])
            # "critics, including Lee, argue": a plural source agreeing with a base form.
            or (_is_base_or_s(hit.form) and _plausible_subject(sentence, candidate, hit.form))
        ):
            continue
        opener = candidate[0] - 1
        if (
            opener < floor
            or lowers[opener] in {",", "but", "and"}
            or not sentence.word(opener)
            or _word_class(lowers[opener], "") in {"adverb", "boundary"}
        ):
            speaker = candidate
            break
    if speaker is None:
        speaker = _name_between_commas(sentence, hit.start - 1, floor)
    if speaker is None:
        return None
    after = max(hit.end, hit.extended)
    if _quote_before(sentence, speaker[0]) >= 0 or _at_end(sentence, after):
        return _trailing(sentence, hits, index, speaker, speaker[0], rule="appositive", done=done)
    fragments, quotes = _forward_content(sentence, hits, index)
    return _draft("appositive", fragments, sentence, hit, speaker, quotes=quotes)


def attribute_announcement(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``Lee said in a statement.`` / ``Stated Lee:``: an attribution whose quotation follows.
    """
    hit = hits[index]
    lowers = sentence.lowers
    after = max(hit.end, hit.extended)
    if done.cues:
        return None
    first = 0
    while first < len(lowers) and not sentence.word(first):
        first += 1
    if hit.start == first:
        speaker = _object(sentence, hit.end)  # "Stated Stone:"
        after = speaker[1] if speaker is not None else after
        if speaker is None or not all(word in {".", ":"} for word in lowers[after:]):
            return None
    else:
        if not all(word in {".", ":"} for word in lowers[after:]):
            return None
        speaker = _subject(sentence, hit.start, 0)
        if speaker is None and lowers[hit.start - 1] in _APPOSITIVE_MARKS:
            speaker = _name_between_commas(sentence, hit.start - 1, 0) or _subject(
                sentence, max(0, _first_mark(sentence, hit.start)), 0
            )
        if speaker is None or _quote_before(sentence, speaker[0]) >= 0:
            return None
    return Draft(
        rule="announcement",
        fragments=[],
        cue=(
            sentence.starts[hit.start],
            sentence.token_end(max(hit.end, hit.extended) - 1),
            hit.form.lemma,
        ),
        speaker=(sentence.starts[speaker[0]], sentence.token_end(speaker[1] - 1)),
    )


def _first_mark(sentence: Sentence, limit: int) -> int:
    # The first comma or dash of the sentence (where an appositive begins).
    for index in range(limit):
        if sentence.lowers[index] in _APPOSITIVE_MARKS:
            return index
    return -1


CUE_RULES: tuple[
    tuple[str, Callable[[Sentence, list[CueHit], int, Context], Draft | None]], ...
] = (
    ("according_to", attribute_according_to),
    ("question", attribute_question),
    ("inverted", attribute_inverted),
    ("subject", attribute_subject),
    ("appositive", attribute_appositive),
    ("participle", attribute_participle),
    ("announcement", attribute_announcement),
)


# --- paragraphs -------------------------------------------------------------


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


def _read_paragraph(
    state: State, lowered: str, paragraph: _Paragraph, cue_starts: list[int]
) -> None:
    # cue_starts: where a cue's first word is written in the paragraph.
    text = state.text
    quotes = paragraph.quotes
    protected = [(q.start, q.end) for q in quotes if q.closed]

    quote_starts = [q.start for q in quotes]
    quote_ends = [q.end for q in quotes]

    def attribution_follows(stop: int, after: int) -> bool:
        # '"...?" Sanders asked.': a quotation ending in ?, ! or . and then
        # its attribution, within a few words, is one sentence.
        if text[after - 1] not in " \t\n" or text[stop] not in ".!?":
            return False
        index = bisect.bisect_left(quote_starts, stop) - 1
        if index < 0 or not (quotes[index].closed and stop < quotes[index].end <= after):
            return False
        at = bisect.bisect_left(cue_starts, after)
        if at >= len(cue_starts) or cue_starts[at] >= after + 40:
            return False
        cue = cue_starts[at]
        stop = text.find(".", cue, paragraph.end)
        tail = text[cue : paragraph.end if stop < 0 else stop]
        # Only a short attribution: "Sanders asked." / "asked Ann Lee." /
        # "Lisa O. Monaco said." (initials may carry periods).
        return (
            _SENTENCE_END.search(text, after, cue) is None
            and tail.count(" ") <= 4
            and " that " not in tail
        )

    # The candidates a cue could start at; cue_starts, all the words of the
    # cue list, still bound attributions in attribution_follows.
    possible = _possible_cues(lowered, quotes, cue_starts)
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
            sentence = Sentence(text, lowered, start, end, quotes=quotes, first_quote=touching)
            if _attribute_cues(paragraph, sentence, possible[at:stop]):
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


def _attribute_cues(paragraph: _Paragraph, sentence: Sentence, positions: list[int]) -> bool:
    # Run CUE_RULES over the sentence's cues; tell whether any made a draft.
    hits = _find_cues(sentence, positions)
    sentence.hit_starts = frozenset([hit.start for hit in hits])
    done = Context()
    made = False
    for index in range(len(hits)):
        draft = None
        for _name, rule in CUE_RULES:
            draft = rule(sentence, hits, index, done)
            if draft is not None:
                break
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


def attach_following_quote(
    paragraph: _Paragraph, qi: int, quote: QuoteSpan, sentence_start: int
) -> bool:
    """
    ``"..." he added. "..."``: a quotation opening a sentence after a direct quote.
    """
    if quote.start != sentence_start:
        return False
    previous = paragraph.drafts[-1] if paragraph.drafts else None
    if (
        previous is None
        or previous.speaker is None
        or not (previous.quotes or previous.rule in {"trailing", "inverted"})
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
    if last is None or last.speaker is None or not last.quotes or not paragraph.quotes:
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
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _statement(state: State, draft: Draft) -> Statement | None:
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
        cue = Cue(text=original[cue_span.start : cue_span.end], span=cue_span, lemma=draft.cue[2])
    speaker = None
    if draft.speaker is not None:
        a, b = draft.speaker
        speaker_span = to_span(a, b)
        speaker = Speaker(
            text=original[speaker_span.start : speaker_span.end],
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
    return Statement(
        kind=kind,
        content=Quote(text=original[whole.start : whole.end], span=whole, fragments=spans),
        cue=cue,
        speaker=speaker,
        paragraphs=(draft.paragraph,) if draft.paragraph >= 0 else (),
        rule=draft.rule,
    )


# A quotation mark inside indirect content makes it mixed.
_QUOTE_CHAR = re.compile('["“”„«»]')


def _how(draft: Draft, mention: str) -> MentionHow:
    del draft
    lowered = mention.casefold()
    if _word_class(lowered, "") == "pronoun":
        return "pronoun"
    if mention[:1].isupper() and not lowered.startswith(("the ", "a ", "an ")):
        return "name"
    return "description"


def find_statements(state: State) -> None:
    """
    Find the attributed statements in the headline and body paragraphs.

    >>> import newswire
    >>> d = newswire.parse('"Fares will rise," Ann Lee said, adding that buses were late.')
    >>> [(s.kind, s.cue.text, s.content.text) for s in d.statements]
    [('direct', 'said', 'Fares will rise,'), ('indirect', 'adding', 'buses were late')]
    """
    text = state.text
    lowered = _lower_case(text)
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
    # Cue words are found for the whole dispatch in one pass; a paragraph
    # takes its share by bisection. Paragraphs are trimmed, so white space
    # stands between them and a word at a paragraph's edge is read as it
    # would be within the paragraph alone. Quotation marks are paired per
    # paragraph, and looked for only where no cue already calls for it.
    cues = _cue_starts(text, lowered, 0, len(text))
    last: Draft | None = None
    drafts: list[Draft] = []
    waiting: Draft | None = None
    for index, start, end in ranges:
        cue_starts = cues[bisect.bisect_left(cues, start) : bisect.bisect_left(cues, end)]
        if cue_starts or has_quote_mark(text, start, end):
            quotes = scan_quotes(text, start, end)
        else:
            quotes = []
        if not quotes and not cue_starts:
            # No cue and no quotation: nothing to attribute or continue, and
            # nothing an announcement waits for. Most short paragraphs (a
            # table row, a sign-off) end here, before any set-up.
            waiting = None
            continue
        paragraph = _Paragraph(index, start, end, quotes)
        if waiting is not None and quotes and quotes[0].start == start:
            paragraph.pending = waiting  # "Stated Lee:" then a quoted paragraph
        _read_paragraph(state, lowered, paragraph, cue_starts)
        waiting = paragraph.pending if text[end - 1] == ":" else None
        floating = _floating(state, paragraph, last)
        if floating is not None:
            paragraph.drafts.append(floating)
        drafts.extend(paragraph.drafts)
        if paragraph.drafts:
            last = paragraph.drafts[-1]
    for draft in sorted(drafts, key=lambda d: d.cue[0] if d.cue else d.fragments[0][0]):
        statement = _statement(state, draft)
        if statement is not None:
            state.statements.append(statement)
