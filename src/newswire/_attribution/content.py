"""
Where reported content starts and ends.
"""

from __future__ import annotations

import bisect
import itertools
import re

from newswire._attribution.phrases import (
    _at_end,
    _content,
)
from newswire._attribution.tokens import (
    _CONTENT_PREPOSITIONS,
    _STANDALONE,
    CueHit,
    Sentence,
    _is_base_or_s,
    _is_ing,
    _manner_adverb,
    _standalone,
    _word_class,
)

# Cues whose content is an infinitive: "vowed to limit ...".
__all__: list[str] = []

_TO_VERBS = frozenset({"promise", "pledge", "vow", "threaten", "swear", "urge", "warn"})
_LISTENER_VERBS = frozenset(
    {"tell", "inform", "assure", "brief", "remind", "ask", "warn", "promise", "notify", "advise"}
)
_LISTENER_ONLY = _LISTENER_VERBS - {"ask", "warn"}
# A full stop after a real word (not an initial such as "O.").
_SENTENCE_END = re.compile(r"[a-z]{2,}[.!?]\s")
_AMOUNTS = frozenset(
    {"half", "a", "one", "two", "three", "four", "five", "ten", "twice", "$", "a third", "dozen"}
)
_BE = frozenset({"is", "was", "are", "were", "be", "been", "being", "’s", "'s", "get", "got"})
_CLAUSE_BREAKS = frozenset(
    {"but", "while", "although", "though", "whereas", "even", "which", "who"}
)


# Words in -ing that are prepositions, not participial adjuncts: ", including
# its annexation of Crimea" goes on with the reported clause.
_ING_PREPOSITIONS = frozenset({"including", "regarding", "concerning", "excluding"})
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
    previous_hit = {b.start: a for a, b in itertools.pairwise(hits)}
    candidates = set(itertools.compress(range(count), map(_BREAK_WORDS.__contains__, lowers)))
    candidates.update(cues)
    candidates.update(itertools.compress(range(count), is_close))
    break_at: list[int] = []
    break_to: list[int] = []
    for pos in sorted(candidates):
        if pos == 0 or (quote_of[pos] >= 0 and not is_close[pos]):
            continue
        word = lowers[pos]
        # Content ending at a closing mark keeps the mark: 'was "corrupt,"'.
        end = pos
        if is_close[pos]:
            # '"...," suggesting': the comma sits inside the quotation.
            if lowers[pos - 1] != "," or pos + 1 >= count:
                continue
            word = ","
            end = pos + 1
        hit = cues.get(pos)
        if hit is not None:
            found = _cue_break(sentence, pos, hit, previous_hit.get(pos))
            if found is not None:
                break_at.append(found[0])
                break_to.append(found[1])
                continue
        if word in {";", "while", "whereas"}:
            breaks = True
        elif word == "and" and pos + 1 < count and quote_of[pos + 1] < 0:
            # '"extremely careless," and said ...'
            breaks = lowers[pos + 1] != "that" and (  # '"...," and that ...' goes on
                is_close[pos - 1] or (lowers[pos - 1] == "," and pos > 1 and is_close[pos - 2])
            )
            if not breaks and _second_predicate(sentence, hits, pos):
                # Keyed at the verb, so that a two-word object ("a veto")
                # still ends before "and".
                break_at.append(pos + 1)
                break_to.append(pos)
                continue
        elif word == "," and pos + 1 < count and quote_of[pos + 1] < 0:
            breaks = _comma_breaks(sentence, pos)
        else:
            breaks = False
        if breaks:
            break_at.append(pos)
            break_to.append(end)
    if any(a > b for a, b in itertools.pairwise(break_at)):
        pairs = sorted(zip(break_at, break_to, strict=True))
        break_at = [a for a, _ in pairs]
        break_to = [b for _, b in pairs]
    sentence.break_at = break_at
    sentence.break_to = break_to


# Cues whose object is mostly a clause ("said the company cut jobs and raised
# prices"): after them "and" and a verb may still be content.
_CLAUSE_TAKERS = frozenset(
    {"say", "tell", "add", "argue", "insist", "note", "explain", "write", "warn", "report"}
    | {"predict", "suggest", "state", "assert", "contend", "believe", "think", "agree"}
    | {"acknowledge", "admit", "claim", "recall", "stress", "emphasize", "indicate"}
)
# Words that make a stretch of tokens a clause rather than a noun phrase.
_CLAUSAL = frozenset({"that", "if", "whether", "to", "he", "she", "they", "it", "we", "i", "you"})


def _second_predicate(sentence: Sentence, hits: list[CueHit], pos: int) -> bool:
    # "promised a veto and attempted to make the case ...", "claimed
    # self-defense and was acquitted": after a cue whose content is a noun
    # phrase (no verb, no clause word), "and" and a verb start the speaker's
    # next predicate, which is not content.
    lowers = sentence.lowers
    following = lowers[pos + 1]
    if following not in _FINITE and not (following.endswith("ed") and len(following) > 4):
        return False
    cue = -1
    lemma = ""
    for hit in hits:
        if hit.end > pos:
            break
        cue = max(hit.end, hit.extended)
        lemma = hit.form.lemma
    if cue < 0 or pos - cue > 6 or pos - cue < 1 or lemma in _CLAUSE_TAKERS:
        return False
    for look in range(cue, pos):
        word = lowers[look]
        if (
            word in _FINITE
            or word in _CLAUSAL
            or (word.endswith("ed") and look > cue)
            or not sentence.word(look)
            or sentence.quote_of[look] >= 0
        ):
            return False
    return True


def _cue_break(
    sentence: Sentence, pos: int, hit: CueHit, previous: CueHit | None
) -> tuple[int, int] | None:
    # The break a later cue at ``pos`` makes, as (break_at, break_to), or
    # None: a participle after a comma (", adding that ..."), a verb after
    # "and" or "but" ("... and said ..."), or a new reporting clause
    # ("..., said Lee", "..., Lee said") that ends the content before it.
    lowers = sentence.lowers
    is_close = sentence.is_close
    word = lowers[pos]
    back = pos - 1
    # "... and repeatedly says", "... and then said": adverbs before the cue.
    while back > 1 and (
        _manner_adverb(sentence, back) or lowers[back] in {"then", "also", "later"}
    ):
        back -= 1
    prev = lowers[back]
    if is_close[back] and back > 0 and lowers[back - 1] == ",":
        prev = ","
    if (prev in {",", "—", ";"} and _is_ing(word)) or (
        prev in {"and", "but"} and _second_cue(sentence, hit, previous, back)
    ):
        return (pos, back + 1 if is_close[back] else back)
    if not _is_ing(word):
        clause = _clause_comma(sentence, pos)
        if clause >= 0:
            return (clause, clause)
    return None


# Cues whose -s form after "and" is more often a plural noun ("and reports that").
_NOUN_LIKE = frozenset(
    {"report", "claim", "call", "comment", "remark", "note", "charge", "promise", "pledge"}
    | {"warn", "threat", "complaint", "tweet", "post", "demand", "question", "statement"}
)


def _second_cue(sentence: Sentence, hit: CueHit, previous: CueHit | None, conj: int) -> bool:
    # Whether a cue after "and" (at ``conj``) is the speaker's next verb: a
    # past form ("... and said"); an -s form before a clause ("... and
    # repeatedly says the police will come", not "a speech and remarks to
    # ..."; "Lee and Kim say" is a subject); a participle when the content
    # before it has no verb of its own ("urged graduates to work hard and
    # telling ...", not "the sales were harming business and threatening").
    lowers = sentence.lowers
    word = lowers[hit.start]
    if _is_ing(word):
        first = 0 if previous is None else max(previous.end, previous.extended)
        return not any(lowers[at] in _FINITE or lowers[at] == "that" for at in range(first, conj))
    if not _is_base_or_s(hit.form):
        return True
    if word == hit.form.lemma.split()[0] or hit.form.lemma in _NOUN_LIKE:
        return False
    after = max(hit.end, hit.extended)
    return _clause_follows(sentence, after) or (after < len(lowers) and lowers[after] == ",")


def _clause_follows(sentence: Sentence, pos: int) -> bool:
    # Whether what follows token ``pos`` can open a reported clause: "that",
    # a quotation, a colon or comma before one, a pronoun, a determiner or a
    # capitalised word.
    lowers = sentence.lowers
    if pos >= len(lowers):
        return False
    word = lowers[pos]
    return (
        word in {"that", ":"}
        or sentence.is_open[pos]
        or (word == "," and pos + 1 < len(lowers) and sentence.is_open[pos + 1])
        or _word_class(word, "") in {"pronoun", "determiner"}
        or sentence.capital(pos)
    )


def _comma_breaks(sentence: Sentence, pos: int) -> bool:
    # Whether the comma at ``pos`` (a plain word follows) ends a reported
    # clause: a contrast or relative word, an appositive on the last noun
    # (not a list's next item), or a participial adjunct.
    lowers = sentence.lowers
    nxt = lowers[pos + 1]
    if nxt in {"which", "who"}:
        # "argued the Islamic State, which has been the target ..., is in
        # retreat": a relative clause inside the subject, its verb after it.
        return not _relative_inside(sentence, pos + 1)
    if nxt in _CLAUSE_BREAKS:
        # ", but that ...": a second reported clause of the same cue.
        return not (nxt == "but" and pos + 2 < len(lowers) and lowers[pos + 2] == "that")
    if nxt in {"a", "an", "the"}:
        return not _listed(sentence, pos)
    return (
        nxt.endswith("ing")
        and len(nxt) > 5
        and nxt not in _ING_PREPOSITIONS
        and not sentence.capital(pos + 1)
    )


def _relative_inside(sentence: Sentence, relative: int) -> bool:
    # Whether the relative clause opening at ``relative`` closes with a
    # comma and a finite verb (_FINITE) within _APPOSITION_TOKENS tokens:
    # the clause then sat inside the reported clause's subject.
    lowers = sentence.lowers
    stop = min(len(lowers) - 1, relative + _APPOSITION_TOKENS)
    for look in range(relative + 1, stop):
        word = lowers[look]
        if word in {";", ":", "."} or (sentence.quote_of[look] >= 0 and sentence.is_open[look]):
            return False
        if word == "," and lowers[look + 1] in _FINITE:
            return True
    return False


# How far a relative clause inside a subject is read (tokens).
_APPOSITION_TOKENS = 30


def _listed(sentence: Sentence, comma: int) -> bool:
    # ", the border and the debt": the comma separates items of a list, an
    # "and" or "or" follows before the next comma or the sentence's end.
    lowers = sentence.lowers
    for look in range(comma + 1, min(len(lowers), comma + 12)):
        word = lowers[look]
        if word in {"and", "or"}:
            return True
        if word in {",", ";", ".", ":", "—"} or sentence.quote_of[look] >= 0:
            return False
    return False


def _clause_comma(sentence: Sentence, cue: int) -> int:
    # The comma that opens a reporting clause at `cue` (", said Lee", ", Lee
    # said", ", he said"), or -1. The subject between is a pronoun or up to
    # three capitalised words.
    lowers = sentence.lowers
    look = cue - 1
    if look > 0 and lowers[look] in _STANDALONE:
        quantified = _standalone(lowers, look, 0)
        if quantified is not None and quantified[0] > 1:
            # "..., and one in four said ...": the reporter's next clause.
            before = quantified[0] - 1
            return before if lowers[before] in {",", "and", "but"} else -1
    if (
        look > 0
        and _word_class(lowers[look], "") == "pronoun"
        and lowers[look] not in {"who", "whom"}
    ):
        look -= 1
    else:
        while look > 0 and cue - look <= 3 and sentence.word(look) and sentence.capital(look):
            look -= 1
    if look < cue - 1 and look > 1 and lowers[look] in {"and", "but"} and lowers[look - 1] == ",":
        look -= 1  # "..., and Okafor said ...": the reporter's next clause
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


# Cues that are speech only when a clause follows them ("Lee added that
# ...", not "Leeds added two more goals"), and what may open that clause.
_CLAUSE_ONLY = frozenset({"add"})
_FINITE = frozenset(
    {"is", "was", "are", "were", "will", "would", "could", "can", "should", "may", "might"}
    | {"must", "had", "has", "have", "did", "does", "do"}
)
# "did not respond to requests for comment": the reporter's request, no statement.
_REQUESTS = frozenset(
    {"request", "requests", "inquiry", "inquiries", "calls", "emails", "messages", "questions"}
)


# "Tesla recalled 120,000 cars": a product recall, no memory told.
_RECALLED = frozenset(
    {"cars", "vehicles", "trucks", "suvs", "models", "units", "products", "drugs", "batteries"}
    | {"phones", "devices", "toys", "tablets", "pills", "shipments", "lots", "packages"}
)
_ABOUT = frozenset({"more", "than", "about", "nearly", "almost", "some", "over", "roughly", "all"})


def _product_recall(lowers: list[str], pos: int) -> bool:
    # The object of "recalled": a number of things, or things a maker sells.
    look = pos
    while look < len(lowers) and look < pos + 3 and lowers[look] in _ABOUT:
        look += 1
    if look < len(lowers) and lowers[look][:1].isdigit():
        year = len(lowers[look]) == 4 and lowers[look].startswith(("19", "20"))
        return not year  # "recalled 1968 as a year of chaos" is memory

    return any(word in _RECALLED for word in lowers[pos : pos + 5])


_CLAUSE_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it"})
_ASKED_WORDS = frozenset({"if", "whether", "what", "why", "how", "who", "when", "where", "which"})


def _speech_sense(sentence: Sentence, hit: CueHit, pos: int) -> bool:
    """
    Tell whether the cue is speech in this sentence, from what follows it at ``pos``.
    """
    lowers = sentence.lowers
    count = len(lowers)
    if pos >= count:
        return True
    if hit.form.lemma == "respond to":
        look = pos
        while look < count and look < pos + 3 and lowers[look] not in _REQUESTS:
            look += 1
        return look >= count or lowers[look] not in _REQUESTS
    if hit.form.lemma == "recall":
        return not _product_recall(lowers, pos)
    if hit.form.lemma not in _CLAUSE_ONLY:
        return True
    first = lowers[pos]
    if (
        first in {"that", ":", ","}
        or sentence.is_open[pos]
        or _word_class(first, "") == "pronoun"
        or sentence.quote_of[pos] >= 0
    ):
        return True
    # "added the plan would fail": a finite verb within a few words.
    return any(word in _FINITE for word in lowers[pos : pos + 8])


def _past_adjunct(sentence: Sentence, hit: CueHit, pos: int) -> int:
    # Content after a preposition at ``pos``: "said during a rally that
    # ...": it starts at "that"; "said after the convention he would ...":
    # at the subject pronoun (verbs of saying only); "reported in broad
    # ranges": there is none (-1).
    lowers = sentence.lowers
    count = len(lowers)
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
    if look < count and lowers[look] == "that":
        return look
    if look + 1 < count and lowers[look] in {",", ":"} and sentence.is_open[look + 1]:
        return look + 1  # 'said about the movement, "I support ..."': the quotation
    if hit.form.lemma not in {"say", "tell", "add", "argue", "insist"}:
        return -1
    return next(
        (
            at
            for at in range(pos + 2, min(look, count - 1))
            if lowers[at] in _CLAUSE_SUBJECTS and sentence.quote_of[at] < 0
        ),
        -1,
    )


def _forward_content(
    sentence: Sentence, hits: list[CueHit], index: int
) -> tuple[list[tuple[int, int] | None], list[int]]:
    hit = hits[index]
    pos = max(hit.end, hit.extended)
    if not _speech_sense(sentence, hit, pos):
        return [], []
    lowers = sentence.lowers
    count = len(lowers)
    if hit.form.lemma in _LISTENER_VERBS:
        # Skip the listener: "told reporters on Friday that".
        look = pos
        while (
            look < count
            and look < pos + 8
            # "Mr." in "told Mr. Weiner that": an abbreviation's point.
            and (sentence.word(look) or (lowers[look] == "." and sentence.capital(look - 1)))
            and lowers[look] != "that"
            # "promised a veto and attempted to make the case that": the
            # listener never runs past a conjunction before a verb.
            and not (
                lowers[look] in {"and", "or", "but"}
                and look + 1 < count
                and not sentence.capital(look + 1)
                and _word_class(lowers[look + 1], "") != "determiner"
            )
            and not (hit.form.lemma == "ask" and lowers[look] in _ASKED_WORDS)
        ):
            look += 1
        if look < count and lowers[look] == "that":
            pos = look
        elif (
            look > pos + 1
            and (sentence.capital(pos) or _word_class(lowers[pos], "") == "determiner")
            and hit.form.lemma != "ask"
        ):
            # "told The Huffington Post he was ...": the clause opens at its
            # subject pronoun, after the listener.
            for at in range(pos + 1, min(look + 1, count)):
                if lowers[at] in _CLAUSE_SUBJECTS:
                    pos = at
                    break
        elif look < count and hit.form.lemma == "ask" and lowers[look] in _ASKED_WORDS:
            pos = look  # "asked Silva how long ...": the question, not the listener
    if (
        pos < count
        and lowers[pos] in _CONTENT_PREPOSITIONS
        and hit.form.lemma != "call"
        and not (lowers[pos] == "to" and hit.form.lemma in _TO_VERBS)
        and not _approximate(sentence, pos)
    ):
        pos = _past_adjunct(sentence, hit, pos)
        if pos < 0:
            return [], []
    for look in range(pos, min(count - 1, pos + 12)):
        # "told his audience, to rowdy applause: “...”": the quotation after
        # the colon is the content.
        if lowers[look] == ":" and sentence.is_open[look + 1]:
            pos = look + 1
            break
        if sentence.quote_of[look] >= 0 or lowers[look] in {".", "that"}:
            break
    # The complementizer belongs to the content ("said that ...", "said
    # that, in May, ..."), as PARC and PolNeAR annotate it; the punctuation
    # before it does not.
    opening = -1
    while pos < count and lowers[pos] in {",", ":", "—", "that"}:
        if lowers[pos] == "that" and opening < 0:
            opening = pos
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
            if opening >= 0:
                # 'said that "..."': the quotation with its marks.
                return [(sentence.starts[opening], quote.end)], [qi]
            return [(quote.inner_start, quote.inner_end)], [qi]
    end = _forward_end(sentence, hits, index, pos)
    return [_content(sentence, pos if opening < 0 else opening, end)], []
