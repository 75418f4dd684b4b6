"""
The cue rules: one per shape of attribution.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from newswire._statements_lexicon import (
    CueForm,
    titles,
)

if TYPE_CHECKING:
    from collections.abc import Callable


from newswire._attribution.content import (
    _BE,
    _LISTENER_ONLY,
    _LISTENER_VERBS,
    _NOUN_LIKE,
    _clause_follows,
    _forward_content,
    _forward_end,
)
from newswire._attribution.phrases import (
    _at_end,
    _backward_content,
    _content,
    _draft,
    _object,
    _subject,
)
from newswire._attribution.tokens import (
    _APPOSITIVE_MARKS,
    _CONTENT_PREPOSITIONS,
    _DAYS,
    _MAX_NP,
    _NOMINATIVES,
    _POSSESSIVES,
    _QUESTION_WORDS,
    _SINGULAR_DETERMINERS,
    _STANDALONE,
    CueHit,
    Draft,
    Sentence,
    _is_base_or_s,
    _is_ing,
    _manner_adverb,
    _quote_before,
    _word_class,
    noun_cue,
)

__all__ = [
    "CUE_RULES",
    "Context",
    "attribute_according_to",
    "attribute_announcement",
    "attribute_appositive",
    "attribute_inverted",
    "attribute_noun",
    "attribute_participle",
    "attribute_question",
    "attribute_subject",
]


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
    if source is None and hit.extended == hit.end + 1 and sentence.lowers[hit.end] == "even":
        # "according to even his own supporters".
        source = _object(sentence, hit.extended)
    if source is None:
        return None
    after = source[1]
    lowers = sentence.lowers
    if hit.start == 0 or (hit.start == 1 and not sentence.word(0)):
        return _draft(
            "according_to", [_content(sentence, after, len(sentence))], sentence, hit, source
        )
    before = _backward_content(sentence, 0, hit.start)
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
    fronted = not hit.start or not any(sentence.word(i) for i in range(hit.start))
    pos = hit.end
    while pos < len(lowers) and _word_class(lowers[pos], "") in {"time", "adverb"}:
        pos += 1  # "Asked on Monday whether ..."
    if pos >= len(lowers) or lowers[pos] not in _QUESTION_WORDS:
        if not (pos + 1 < len(lowers) and lowers[pos] == "on" and lowers[pos + 1] in _DAYS):
            return None
        pos += 2
        if pos >= len(lowers) or lowers[pos] not in _QUESTION_WORDS:
            return None
    if fronted and lowers[pos] == "about":
        return None  # "Asked about the pound, Lee said ...": a topic, no statement
    start = pos
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
    unquoted = _quote_before(sentence, hit.start) < 0
    if unquoted and (
        hit.form.lemma not in _INVERTING
        or _relative_before(sentence, hit.start - 1, done.floor)
        # "One hopeful, Carly Fiorina, says ...": a name between commas.
        or _name_between_commas(sentence, hit.start - 1, done.floor) is not None
    ):
        # "Mukasey, the attorney general under Bush, criticized ...": only
        # verbs of saying invert; and "Ann Lee, who watched the ceremony,
        # said ..." is a subject with its relative clause, not content.
        return None
    if unquoted:
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
            # "said former governor Ed Rendell": a title, then the name.
            or any(sentence.capital(i) for i in range(first + 1, speaker[1]))
        )
        if not named or not (
            _at_end(sentence, after)
            or lowers[after] in {",", "—", ";", ".", "who", "on", "at", "in"}
        ):
            return None
    return _trailing(sentence, hits, index, speaker, hit.start, rule="inverted", done=done)


# Cues that stand before their speaker with no quotation before them
# ("The talks collapsed, said Lee"); transitive verbs such as "criticized" or
# "praised" do not invert.
_INVERTING = frozenset(
    {"say", "add", "write", "ask", "explain", "report", "predict", "note", "continue", "recall"}
    | {"argue", "insist", "warn", "reply", "respond", "observe", "conclude", "concede", "quip"}
    | {"joke", "complain", "counter", "acknowledge", "admit", "agree", "remark", "state", "tell"}
    | {"declare", "announce", "suggest", "claim", "caution", "contend", "maintain", "estimate"}
)


def _relative_before(sentence: Sentence, comma: int, floor: int) -> bool:
    # Whether ", who" or ", which" stands between ``floor`` and the comma
    # before a cue, after a capitalised word that opens the sentence.
    lowers = sentence.lowers
    first = floor
    while first < comma and not sentence.word(first):
        first += 1
    if first >= comma or not sentence.capital(first):
        return False
    return any(
        lowers[at] in {"who", "which"} and lowers[at - 1] == "," for at in range(first + 1, comma)
    )


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
            # 'He will play the "woman card," Lee said': mixed. But after a
            # colon the quotation stands alone: 'The source is no mystery:
            # "I love depreciation," he said'.
            start = sentence.quotes[qi].start
            at = bisect.bisect_left(sentence.starts, start)
            if not (floor < at < count and sentence.starts[at] == start and lowers[at - 1] == ":"):
                qi = -1
    if qi >= 0:
        quote = sentence.quotes[qi]
        fragments.append((quote.inner_start, quote.inner_end))
        quotes.append(qi)
    else:
        fragments.append(_backward_content(sentence, floor, left))
    if after < count and lowers[after] in {",", "—"} and after + 1 < count:
        nxt = after + 1
        if sentence.is_open[nxt]:
            qn = sentence.quote_of[nxt]
            quote = sentence.quotes[qn]
            fragments.append((quote.inner_start, quote.inner_end))
            quotes.append(qn)
        elif rule == "inverted":
            # '"...," said Ann Lee, a lawyer who has fought the mine, "and
            # ..."': what follows the speaker is an apposition, never
            # content; a quotation after it is the statement's again.
            appositive = _appositive_end(sentence, nxt)
            if (
                appositive < count
                and sentence.is_open[appositive]
                # "of Jacksonville, Fla. ''She ...'': the abbreviation's point
                # did not end the sentence, so the quotation is the speaker's.
                and lowers[appositive - 1] in {",", ":", "—", "."}
            ):
                qn = sentence.quote_of[appositive]
                quote = sentence.quotes[qn]
                fragments.append((quote.inner_start, quote.inner_end))
                quotes.append(qn)
            draft = _draft(rule, fragments, sentence, hit, speaker, quotes=quotes)
            if draft is not None:
                draft.clause = (draft.clause[0], max(draft.clause[1], appositive))
            return draft
        elif qi < 0 and nxt not in sentence.hit_starts and not _at_end(sentence, nxt):
            # Interrupted: "The two countries, he added, have ...".
            fragments.append(_content(sentence, nxt, _forward_end(sentence, hits, index, nxt)))
            rule = "interrupted"

    elif qi >= 0:
        resumed = _resumed_quote(sentence, after)
        if resumed >= 0:
            quote = sentence.quotes[resumed]
            fragments.append((quote.inner_start, quote.inner_end))
            quotes.append(resumed)
    return _draft(rule, fragments, sentence, hit, speaker, quotes=quotes)


# How far the words of an attribution may run before the quotation resumes.
_RESUME_REACH = 16


def _resumed_quote(sentence: Sentence, after: int) -> int:
    # '"...," Trump said during a rally in Kenansville, N.C., "but ..."': a
    # quotation resumed after a longer attribution, within the sentence, at a
    # comma, colon or dash, with no other cue or quotation between. Returns
    # the quotation's index, or -1.
    lowers = sentence.lowers
    stop = min(len(lowers), after + _RESUME_REACH)
    for pos in range(after, stop):
        if sentence.quote_of[pos] >= 0:
            if sentence.is_open[pos] and pos > after and lowers[pos - 1] in {",", ":", "—"}:
                return sentence.quote_of[pos]
            return -1
        if pos in sentence.hit_starts:
            return -1
    return -1


# How far an apposition after an inverted speaker is read (tokens).
_APPOSITION_REACH = 40


def _appositive_end(sentence: Sentence, start: int) -> int:
    # The token where the apposition from ``start`` ends: an opening
    # quotation, or the end of the sentence (read at most _APPOSITION_REACH).
    stop = min(len(sentence), start + _APPOSITION_REACH)
    look = start
    lowers = sentence.lowers
    while look < stop and not sentence.is_open[look]:
        if look in sentence.hit_starts:
            if lowers[look - 1] == ",":
                return look  # "said Lee, a lawyer, adding that ...": a cue of its own
            # "said Borges, who predicted that ...": the relative clause is
            # a statement of its own, its subject "who".
            back = look - 1
            while back > start and back > look - 3 and _word_class(lowers[back], "") == "adverb":
                back -= 1
            if (
                back >= start
                and lowers[back] in {"who", "which"}
                and lowers[back - 1] == ","
                and not _quote_resumes(sentence, look, stop)
            ):
                return back
        look += 1
    return look if look < stop else len(sentence)


def _quote_resumes(sentence: Sentence, look: int, stop: int) -> bool:
    # Whether a quotation opens after a comma between ``look`` and ``stop``:
    # '"...," said Lee, who has said she will run, "and soon."' gives the
    # quotation to Lee's statement, the clause between to her apposition.
    return any(
        sentence.is_open[at] and sentence.lowers[at - 1] in {",", ":", "—"}
        for at in range(look + 1, stop)
    )


def _passive(sentence: Sentence, hit: CueHit, left: int) -> bool:
    # "Donations are typically reported in ...", "he was told": a participle
    # after a form of "be" has its speaker elsewhere (or nowhere).
    word = hit.form.words[0]
    if _is_ing(word) or (word.endswith("s") and word != "was"):
        return False
    lowers = sentence.lowers
    # "to be" is an infinitive ("who asked not to be named said"), no auxiliary.
    return any(
        lowers[i] in _BE and (i == 0 or lowers[i - 1] != "to") for i in range(left, hit.start)
    )


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
    if any(sentence.capital(i) for i in range(first, last)):
        return True  # "psychologist Elaine Ducharme says", "supporters of Clinton say"
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
    lowers = sentence.lowers
    if (
        speaker is None
        or lowers[speaker[1] - 1] in _OBJECT_PRONOUNS
        or (_is_base_or_s(hit.form) and not _plausible_subject(sentence, speaker, hit.form))
    ):
        # "organizations that have endorsed him say": the subject before
        # the relative clause, when there is one.
        speaker = _relative_subject(sentence, hit, floor) or speaker
    if speaker is None or _passive(sentence, hit, speaker[1]):
        return None
    if _is_base_or_s(hit.form) and not _plausible_subject(sentence, speaker, hit.form):
        return None
    if (
        _is_ing(hit.form.words[0])
        and speaker[1] == hit.start
        and not any(
            sentence.capital(at) and _word_class(lowers[at], "") != "determiner"
            for at in range(speaker[0], speaker[1])
        )
        and _word_class(lowers[speaker[1] - 1], "") == ""
        and lowers[speaker[1] - 1] not in titles()
        and lowers[speaker[1] - 1] not in _ASPECT_VERBS
    ):
        return None  # "the law suit challenging its data": a modifier, not a clause
    count = len(lowers)
    pre = speaker[0] - 1
    after = max(hit.extended, hit.end)
    trailing = pre >= 0 and (lowers[pre] in {",", "—"} or sentence.is_close[pre])
    quoted = _quote_before(sentence, speaker[0]) >= 0
    if not quoted and after + 1 < count and lowers[after] == "," and sentence.is_open[after + 1]:
        trailing = False
    if (
        trailing
        and not quoted
        and (
            # "..., Hillary Clinton, who added to her lead": the main clause is
            # not what the relative pronoun's cue reports.
            lowers[speaker[0]] in {"who", "which", "whom"}
            # "In her pursuit of the nomination, Clinton has emphasized ...": a
            # fronted adjunct is not content.
            or (not _at_end(sentence, after) and _fronted_adjunct(sentence, done.floor, pre))
        )
    ):
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
    if not quotes and fragments and fragments[0] is not None and _subordinate(sentence, speaker[0]):
        fragments = [_clause_end(sentence, fragments[0])]
    return _draft("reported", fragments, sentence, hit, speaker, quotes=quotes)


# Words that open a fronted adjunct rather than a reported clause.
_ADJUNCT_OPENERS = frozenset(
    {"in", "on", "at", "after", "before", "during", "later", "earlier", "worst", "for"}
    | {"meanwhile", "since", "until", "among", "despite", "with", "without", "like"}
)


def _fronted_adjunct(sentence: Sentence, floor: int, comma: int) -> bool:
    # Whether the tokens from ``floor`` to the comma before the subject are
    # a fronted adjunct ("In two other instances,", "Addressing the topic on
    # Monday,", "Later on This Week,"): a preposition or participle first, no
    # verb of its own, a few words long.
    lowers = sentence.lowers
    first = floor
    while first < comma and not sentence.word(first):
        first += 1
    if first >= comma or comma - first > 10:
        return False
    word = lowers[first]
    if not (word in _ADJUNCT_OPENERS or (_is_ing(word) and sentence.capital(first))):
        return False
    return not any(
        lowers[at] in {"is", "was", "are", "were", "has", "have", "had", "will", "would"}
        for at in range(first, comma)
    )


_OBJECT_PRONOUNS = frozenset({"him", "them", "me", "us"})
# How far back from a cue a restrictive relative clause is looked for.
_RELATIVE_REACH = 16


def _relative_subject(sentence: Sentence, hit: CueHit, floor: int) -> tuple[int, int] | None:
    # "progressive organizations that have endorsed him say ...", "the
    # state officials whose laws were struck down say ...": the subject
    # before a restrictive relative clause (no comma, no other cue between),
    # for a cue followed by a clause.
    lowers = sentence.lowers
    after = max(hit.end, hit.extended)
    if after >= len(lowers) or not (
        lowers[after] == "that" or _word_class(lowers[after], "") in {"pronoun", "determiner"}
    ):
        return None
    for at in range(hit.start - 2, max(floor, hit.start - _RELATIVE_REACH) - 1, -1):
        word = lowers[at]
        if not sentence.word(at) or at in sentence.hit_starts or sentence.quote_of[at] >= 0:
            return None
        if word not in {"who", "that", "whose"}:
            continue
        if hit.start - at < 4:
            return None  # "restrictions that could threaten ...": the cue is the clause's own
        subject = _subject(sentence, at, floor)
        if subject is None or subject[1] != at:
            return None
        opener = subject[0] - 1
        if opener >= floor and sentence.word(opener) and lowers[opener] not in {"but", "and"}:
            return None
        plausible = _plausible_subject(sentence, subject, hit.form)
        return subject if plausible else None
    return None


_SUBORDINATORS = frozenset(
    {"while", "although", "though", "as", "when", "if", "because", "since", "whereas", "after"}
)


def _subordinate(sentence: Sentence, subject: int) -> bool:
    # "While Ramos said that ..., he appears ...": the statement is the
    # subordinate clause that opens the sentence.
    lowers = sentence.lowers
    first = 0
    while first < subject and not sentence.word(first):
        first += 1
    if first < subject and lowers[first] == "even":
        first += 1
    return first < subject and lowers[first] in _SUBORDINATORS and subject - first <= 4


def _clause_end(sentence: Sentence, content: tuple[int, int]) -> tuple[int, int]:
    # The content up to the comma that ends the subordinate clause.
    start, end = content
    low = bisect.bisect_left(sentence.starts, start)
    high = bisect.bisect_left(sentence.starts, end)
    for pos in range(low + 1, high):
        if sentence.lowers[pos] != ",":
            continue
        if sentence.quote_of[pos] < 0:
            return (start, sentence.token_end(pos - 1))
        if pos + 1 < len(sentence) and sentence.is_close[pos + 1]:
            # 'said Bush had the "best experience," Trump ...': the comma
            # inside the closing mark ends the clause too.
            return (start, sentence.token_end(pos + 1))
    return content


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
    # "... and repeatedly says the police will come" (an -ly adverb before a
    # cue that opens a clause), not "poor transport and badly maintained
    # plantations".
    manner = _clause_follows(sentence, max(hit.end, hit.extended))
    while (
        back > 0
        and lowers[back] != "then"
        and (
            _word_class(lowers[back], "") == "adverb" or (manner and _manner_adverb(sentence, back))
        )
    ):
        back -= 1
    if back > 0 and lowers[back] == "then":
        back -= 1  # "... and then predicted: ..."
    prev = lowers[back] if back >= 0 else ""
    if back > 0 and sentence.is_close[back] and lowers[back - 1] == ",":
        prev = ","  # 'was "corrupt," noting that ...': the comma inside the quotation
    if prev in {",", "—", ";"}:
        if not _is_ing(word):
            return None
    elif prev in {"by", "after", "before", "without"} and _is_ing(word):
        pass  # "ended the debate by saying ...": the clause's subject speaks
    elif prev not in {"and", "but"} or (
        # "Lee and Kim say": a coordinated subject; "... and says": a verb.
        _is_base_or_s(hit.form) and word == hit.form.lemma.split()[0]
    ):
        return None
    elif _is_ing(word) and done.last_speaker is None:
        # "... and telling the class, ...": a participle coordinated with
        # an earlier statement's cue shares its speaker; with none, no
        # statement.
        return None
    earlier = done.last_speaker
    if prev == "without" or (
        prev in {"after", "before"} and (earlier is None or hit.form.lemma not in _INVERTING)
    ):
        # "... will explain his plan before announcing any new measures",
        # "proposed it after rejecting an offer": a gerund of an action; only
        # a verb of saying after a statement speaks ("Cruz replied, before
        # adding that ...").
        return None
    if (
        prev in {"and", "but"}
        and not _is_ing(word)
        and _is_base_or_s(hit.form)
        and (
            hit.form.lemma in _NOUN_LIKE
            or not _clause_follows(sentence, max(hit.end, hit.extended))
        )
    ):
        # "in a speech and remarks to the foundation", "and reports that
        # OPEC's output fell": nouns.
        return None
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
    lowers = sentence.lowers
    while start > floor and start > comma - 7:
        if sentence.word(start) and sentence.capital(start):
            start -= 1
        elif lowers[start] == "." and sentence.capital(start - 1) and len(lowers[start - 1]) == 1:
            start -= 2  # an initial: "James B. Comey"
        else:
            break
    if start == comma - 1 or start < floor or lowers[start] != ",":
        return None
    return (start + 1, comma)


def _relative_floor(sentence: Sentence, done: Context, cue: int) -> int:
    # The floor for an appositive subject's search: below the latest
    # statement when its speaker is "who" or "which" after a comma, so that
    # "Ann Lee, who has said she will run, said ..." finds "Ann Lee" again.
    last = done.last_speaker
    if last is None or last.speaker is None or last.clause[1] != done.floor:
        return done.floor
    lowers = sentence.lowers
    if last.rule == "participle" and last.cue is not None and cue >= 1 and lowers[cue - 1] == ",":
        # "Salceda, citing data from the State Department, said that ...":
        # a participle set off by commas between the subject and its verb
        # shares that subject; the verb still finds it.
        at = bisect.bisect_left(sentence.starts, last.cue[0])
        if 2 <= at < len(lowers) and lowers[at - 1] == "," and last.speaker[0] < last.cue[0]:
            return max(0, at - 1 - _MAX_NP)
    # Drafts hold character offsets; the sentence's tokens start at starts.
    relative = bisect.bisect_left(sentence.starts, last.speaker[0])
    if (
        not 2 <= relative < len(lowers)
        or sentence.starts[relative] != last.speaker[0]
        or lowers[relative] not in {"who", "which"}
        or lowers[relative - 1] != ","
    ):
        return done.floor
    if cue < 1 or lowers[cue - 1] != ",":
        return done.floor
    return max(0, relative - 1 - _MAX_NP)


_BE_FORMS = frozenset({"is", "was", "are", "were", "be", "been", "being"})
# Verbs before a gerund cue that keep it a clause ("he began dismissing").
_ASPECT_VERBS = frozenset(
    {"began", "begun", "begins", "started", "starts", "stopped", "continued", "continues"}
    | {"kept", "keeps", "resumed", "finished", "quit"}
)


def _quantifier(sentence: Sentence, comma: int, floor: int) -> tuple[int, int] | None:
    # "Many, however, say ...", "Others, like Lee, argue ...": a quantifier
    # alone opening the clause, before the appositive's comma.
    at = comma - 1
    lowers = sentence.lowers
    if at < floor or (lowers[at] not in _STANDALONE and lowers[at] != "others"):
        return None
    first = at - 1
    while first >= floor and not sentence.word(first) and lowers[first] != ",":
        first -= 1
    if first < floor or lowers[first] in {",", "and", "but"}:
        return (at, comma)
    return None


def attribute_appositive(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``Hugh Hill, a doctor, said ...`` / ``"...," Ann Lee, 44, said.``
    """
    hit = hits[index]
    lowers = sentence.lowers
    # "The manager, David Feder, later said": adverbs may stand between the
    # appositive's closing comma and the cue.
    mark = hit.start - 1
    while (
        mark > 2
        and mark >= hit.start - 2
        and _word_class(lowers[mark], "") == "adverb"
        # "The suit, filed in May, was dismissed": a passive, no speaker.
        and lowers[mark] not in _BE_FORMS
    ):
        mark -= 1
    if mark < 2 or lowers[mark] not in _APPOSITIVE_MARKS:
        return None
    # Cues inside the appositive ("Lee, who has told aides ..., said") do
    # not bound the search; statements already made do, except one made
    # by the appositive's own relative pronoun ("Lee, who has said ..., said").
    floor = _relative_floor(sentence, done, hit.start)
    # '"...," the spokesman, Josh Earnest, said': the name is the speaker.
    named = _name_between_commas(sentence, mark, floor)
    speaker = None
    for comma in range(max(floor, hit.start - 40), mark):
        if lowers[comma] not in _APPOSITIVE_MARKS or sentence.quote_of[comma] >= 0:
            continue
        candidate = _subject(sentence, comma, floor) or _quantifier(sentence, comma, floor)
        if candidate is None or not (
            sentence.capital(candidate[0])
            # '"...," a source, who asked not to be named, said': right after the quotation.
            or (named is None and _quote_before(sentence, candidate[0]) >= 0)
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
    left = None if speaker is None else speaker[0]
    if speaker is None:
        speaker = named
        if speaker is None:
            return None
        # '"...," his wife, Ana Lee, wrote': the description before the name
        # belongs to the attribution, not to the content.
        described = _subject(sentence, speaker[0] - 1, floor)
        left = speaker[0] if described is None else described[0]
    assert left is not None
    after = max(hit.end, hit.extended)
    if _quote_before(sentence, left) >= 0 or _at_end(sentence, after):
        return _trailing(sentence, hits, index, speaker, left, rule="appositive", done=done)
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


def attribute_noun(
    sentence: Sentence, hits: list[CueHit], index: int, done: Context
) -> Draft | None:
    """
    ``his claim that ...`` / ``Lee's warning that ...``: a noun of speech and its owner.
    """
    hit = hits[index]
    if not noun_cue(sentence, hit.start, hit.form):
        return None
    lowers = sentence.lowers
    before = hit.start - 1
    if lowers[before] in {"his", "her", "their", "its", "our", "my"}:
        speaker: tuple[int, int] | None = (before, hit.start)
    else:
        speaker = _subject(sentence, hit.start, done.floor)
    if speaker is None:
        return None
    content = _content(sentence, hit.end, _forward_end(sentence, hits, index, hit.end + 1))
    return _draft("noun", [content], sentence, hit, speaker)


CUE_RULES: tuple[
    tuple[str, Callable[[Sentence, list[CueHit], int, Context], Draft | None]], ...
] = (
    ("according_to", attribute_according_to),
    ("noun", attribute_noun),
    ("question", attribute_question),
    ("inverted", attribute_inverted),
    ("subject", attribute_subject),
    ("appositive", attribute_appositive),
    ("participle", attribute_participle),
    ("announcement", attribute_announcement),
)
