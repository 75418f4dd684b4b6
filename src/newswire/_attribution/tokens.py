"""
Tokens and cues: a sentence's words, the cue words found among them.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from typing import TYPE_CHECKING

import attrs

from newswire._sentences import WORD
from newswire._statements_lexicon import (
    CueForm,
    cue_after_pattern,
    cue_forms,
    cue_pattern,
    multiword_cues,
    word_classes,
)
from newswire._text import PIECE, space_pieces

if TYPE_CHECKING:
    from newswire._quotes import QuoteSpan

__all__ = ["NOUN_CUES", "CueHit", "Draft", "Sentence", "noun_cue"]

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
_ADD = operator.add


def _lower_case(text: str) -> str:
    """
    Return ``text`` lower-cased, with every character kept at its offset.

    >>> _lower_case("Xi SAID"), _lower_case("İzmir")
    ('xi said', 'İzmir')
    """
    if text.isascii() or len(text) <= _LOWER_PIECE:
        return _lower_piece(text)
    # str.lower() of other text works in a buffer of four bytes and three
    # characters for each character (some 12 bytes a character, more than
    # the whole parse keeps): a long text is lowered a piece at a time, each
    # piece ending after a space, where no letter's case depends on the next.
    return "".join(_lower_piece(text[a:b]) for a, b in space_pieces(text, _LOWER_PIECE))


# Characters lowered at once by _lower_case.
_LOWER_PIECE = PIECE


def _lower_piece(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A character whose lower case is longer ("İ") stays as written, so that
    # offsets into the copy are offsets into the text. Rare: only then is
    # the copy built character by character.
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _possible_cues(
    lowered: str, quotes: list[QuoteSpan], cue_starts: list[int], base: int = 0
) -> list[int]:
    """
    Return the cue candidates that _find_cues could accept.

    ``lowered`` is the lower-cased copy of the text from offset ``base``
    on (see _cue_starts).

    A candidate inside a quotation is quoted speech, not a cue, and a word
    that begins only multi-word cues ("going", "made") needs the rest of the
    cue after it. Dropping the others first spares tokenising a sentence
    whose only candidates are such words.

    >>> from newswire._quotes import scan_quotes
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
        at = position - base
        stop = lowered.find(" ", at, at + 16)
        pattern = continuations.get(lowered[at:stop] if stop > 0 else "")
        if pattern is not None and pattern.match(lowered, at) is None:
            continue
        kept.append(position)
    return kept


def _cue_starts(text: str, lowered: str, start: int, end: int, base: int = 0) -> list[int]:
    """
    Return the offsets in ``text[start:end]`` where a cue's first word is written.

    One C-level scan of the lower-cased copy finds the candidates before
    anything is tokenised. A word counts as written in lower case or
    capitalised ("Said Lee"), never in capitals ("SAID" in a headline).
    ``lowered`` is the lower-cased copy (see _lower_case) of the text from
    offset ``base`` on, one character before ``start`` at least when there
    is one, so that a cue opening the range is read as within the text.

    >>> text = "Xi SAID, Lee Said, Ann said."
    >>> _cue_starts(text, _lower_case(text), 0, len(text))
    [13, 23]
    >>> _cue_starts(text, _lower_case(text[8:]), 9, len(text), base=8)
    [13, 23]
    """
    spans: list[tuple[int, int]] = []
    if start == base:
        # Only where nothing precedes the range in the copy.
        opening = cue_pattern().match(lowered, 0, end - base)
        if opening is not None:
            spans.append(opening.span())
    # Past the first character, a cue is found with the character before it
    # (cue_after_pattern): a pattern opening with a character class is
    # scanned faster than one opening with a look-behind. The scan runs to
    # the copy's end, so a cue word ending ``end`` is checked against the
    # character after it.
    spans.extend(
        map(_MATCH_WORD_SPAN, cue_after_pattern().finditer(lowered, max(0, start - 1 - base)))
    )
    found: list[int] = []
    stop_at = end - base
    # The text the copy was made from (the text itself when base is 0).
    written = text[base : base + len(lowered)]
    for first, stop in spans:
        if first >= stop_at:
            break
        if written[first + 1 : stop] == lowered[first + 1 : stop] and (
            written[first] == lowered[first] or written[first] == lowered[first].upper()
        ):
            found.append(first + base)
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
    # Paragraphs after (or before) ``paragraph`` that the content runs into.
    more_paragraphs: list[int] = attrs.Factory(list)
    # A continuation paragraph's statement, which it joins.
    continues: Draft | None = None


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
        base: int = 0,
    ) -> None:
        """
        Tokenise ``text[start:end]``; ``quotes`` are the paragraph's quotations.

        ``lowered`` is ``text`` from offset ``base`` on, lower-cased with its
        length kept (see _lower_case); ``first_quote`` indexes the first
        quotation that may touch the sentence.
        """
        self.text = text
        self.start = start
        self.end = end
        self.quotes = quotes
        # Tokenising the lower-cased copy gives the lower-case words and
        # their offsets in one C-level pass; the map() calls keep the
        # per-token work out of the interpreter loop.
        matches = list(WORD.finditer(lowered, start - base, end - base))
        self.starts: list[int] = (
            list(map(_ADD, map(_MATCH_START, matches), itertools.repeat(base)))
            if base
            else list(map(_MATCH_START, matches))
        )
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


# Words after a base or -s form that make it a noun: "the report was
# finalized", "the congressional report said", "the report from the group".
_NOUN_FOLLOWERS = frozenset(
    {"was", "is", "were", "are", "has", "had", "said", "says", "from", "of", "by", "will"}
)


# Forms far more often nouns than verbs: a cue only before a clause.
_NOUN_FIRST = frozenset({"states"})


# Nouns of speech: a cue between a possessive and "that" ("his claim that
# ...", "Lee's warning that ...").
NOUN_CUES = frozenset(
    {"claim", "claims", "warning", "promise", "pledge", "argument", "charge", "suggestion"}
    | {"statement", "announcement", "assertion", "insistence", "contention"}
)
_NOUNS_ONLY = frozenset({"statement", "announcement", "assertion", "insistence", "contention"})
_POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "our", "my"})


def noun_cue(sentence: Sentence, index: int, form: CueForm) -> bool:
    """
    Tell whether the cue at token ``index`` is a noun of speech after a possessive.
    """
    lowers = sentence.lowers
    if not index or len(form.words) != 1 or form.words[0] not in NOUN_CUES:
        return False
    if index + 1 >= len(lowers) or lowers[index + 1] != "that":
        return False
    prev = lowers[index - 1]
    return prev in _POSSESSIVE_WORDS or prev.endswith(("'s", "’s"))


# Quantifiers that stand for people as a clause's subject: "Another said
# ...", "Many say ...", "Two in three said ...", "All but two said ...".
_STANDALONE = frozenset(
    {"another", "many", "some", "most", "several", "few", "one", "each"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


def _standalone(lowers: list[str], pos: int, floor: int) -> tuple[int, int] | None:
    # The quantifier at `pos` alone as the subject, where a clause starts:
    # the sentence's start, a comma, "and" or "but" before it.
    start = pos
    if (
        pos - 2 >= floor
        and lowers[pos - 1] in {"in", "but", "of"}
        and _word_class(lowers[pos - 2], "") in {"determiner", "adverb"}
    ):
        start = pos - 2  # "two in three", "all but two", "nine of ten"
    before = start - 1
    if before < floor or lowers[before] in {",", ";", "and", "but", "\u2014"}:
        return (start, pos + 1)
    return None


# Words set off by commas between a subject and its verb ("Voters, however, say").
_SET_OFF = frozenset({"however", "though", "meanwhile", "instead", "too", "also"})


def _acceptable(sentence: Sentence, index: int, form: CueForm) -> bool:
    lowers = sentence.lowers
    prev = lowers[index - 1] if index else ""
    if form.lemma == "according to":
        return True
    if noun_cue(sentence, index, form):
        return True
    if form.lemma in _NOUNS_ONLY:
        return False  # "the statement", "an announcement": a noun with no speaker
    if (
        index
        and prev in _STANDALONE
        and form.words[0] in _SAY
        and _standalone(lowers, index - 1, 0) is not None
    ):
        return True  # "Another said ...", "Two in three say ..."
    if prev in {"all", "the", "a", "an", "to", "so"}:
        return False
    if prev == "by" and not (_is_ing(form.words[0]) and not sentence.capital(index)):
        return False  # "by saying" is speech; "By Saying" in a title, and "by" + noun, not
    # "by saying", "before adding that ...": a gerund after these is speech.
    gerund = prev in {"by", "before", "after", "without"} and _is_ing(form.words[0])
    if (
        prev != "by"
        and not gerund
        and (
            _word_class(prev, "") == "determiner"
            or prev in _PREPOSITIONS
            or prev in _CONTENT_PREPOSITIONS
        )
    ):
        return False
    if prev.endswith(("'s", "’s")) or prev in {"’", "'"}:
        return False  # "Lee's repeated offenses", "Trump's stated goal"
    following = lowers[index + len(form.words)] if index + len(form.words) < len(lowers) else ""
    first = form.words[0]
    if first in _NOUN_FIRST and index and sentence.capital(index) and sentence.capital(index - 1):
        return False  # "the United States": a name, not a cue
    if first == "reporting" and following == "by":
        return False  # "(Reporting by Jason Lange; Editing by ...)": a credit line
    if (
        first == "alleged"
        and following not in {"that", ":"}
        and not (
            index + 1 < len(lowers)
            and (
                sentence.capital(index + 1)
                or _word_class(following, "") in {"pronoun", "determiner"}
                or sentence.is_open[index + 1]
            )
        )
    ):
        return False  # "alleged fraudulent schemes": an adjective
    if form.words[0] in _NOUN_FIRST and not (
        following in {"that", ":"} or (index + 1 < len(lowers) and sentence.is_open[index + 1])
    ):
        return False  # "in 20 states", but "the charter states that ..."
    if prev[:1].isdigit() and form.words[0].endswith("ed"):
        return False  # "a lead of 300 pledged delegates"
    end = index + len(form.words)
    if form.lemma == "ask" and lowers[end : end + 3] == ["not", "to", "be"]:
        return False  # "a source, who asked not to be named, said": a condition, not speech
    if (
        form.lemma != "say"
        and _is_base_or_s(form)
        and following in _NOUN_FOLLOWERS
        and _quote_before(sentence, index) < 0
    ):
        return False  # "the committee report was finalized", "news reports that question"
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
            and lowers[index - 1] != "%"  # "26% say"
            and _quote_before(sentence, index) < 0
            and not (
                lowers[index - 1] in {",", "—", "–"}
                and index + 1 < len(lowers)
                and (
                    sentence.capital(index + 1)
                    or _word_class(form.words[0], "") == "finite"
                    # "critics, including Lee, argue that ...": a clause follows.
                    or lowers[index + 1] == "that"
                    or _word_class(lowers[index + 1], "") == "pronoun"
                    # "Voters, however, say a ...": an adverb set off by
                    # commas after the subject.
                    or (
                        index >= 3
                        and lowers[index - 3] == ","
                        and (
                            lowers[index - 2] in _SET_OFF
                            or _word_class(lowers[index - 2], "") == "adverb"
                        )
                    )
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
        if (
            word in {"that", "this", "last", "next"}
            and pos + 1 < count
            and lowers[pos + 1] in _PERIODS
            and (
                pos + 2 >= count
                or not sentence.word(pos + 2)
                or lowers[pos + 2] in {"that", "in", "at", "on", "to"}
            )
        ):
            pos += 2  # "said in his speech that night.": a time, not "that" opening content
            continue
        break
    return pos


# Nouns of a time phrase after "that", "this", "last" or "next".
_PERIODS = frozenset(
    {"night", "day", "week", "morning", "evening", "afternoon", "year", "month", "weekend"}
)


def _manner_adverb(sentence: Sentence, index: int) -> bool:
    # A lower-case adverb in -ly ("repeatedly", "openly"), not a name ("Kelly").
    word = sentence.lowers[index]
    return word.endswith("ly") and len(word) > 4 and not sentence.capital(index)


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
