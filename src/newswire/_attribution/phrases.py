"""
Noun phrases around a cue: the subject before it, the object after it.
"""

from __future__ import annotations

from newswire._attribution.tokens import (
    _MAX_NP,
    _NEGATIONS,
    _PREPOSITIONS,
    _SAY,
    _STANDALONE,
    CueHit,
    Draft,
    Sentence,
    _manner_adverb,
    _standalone,
    _word_class,
)

__all__: list[str] = []


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
    # "Emmanuel Macron on Thursday said", "Lee last week said": a time
    # phrase between the subject and its verb.
    look = pos
    while look > floor and _word_class(lowers[look], "") == "time":
        look -= 1
    if (
        look < pos
        and look > floor
        and lowers[look] in {"on", "in", "this", "last", "early", "late"}
    ):
        look -= 1
    if look < pos and look >= floor and sentence.word(look) and sentence.capital(look):
        pos = look
    while pos >= floor and (
        _word_class(lowers[pos], "") == "adverb"
        # "did not mention", "has not yet responded": negated speech is
        # still attributed.
        or lowers[pos] in _NEGATIONS
        or _manner_adverb(sentence, pos)
        # "Carter however said": a conjunctive adverb without its commas.
        or (lowers[pos] == "however" and pos > floor and sentence.word(pos - 1))
    ):
        pos -= 1
    return pos


def _subject(sentence: Sentence, cue: int, floor: int) -> tuple[int, int] | None:
    """
    Return the token range of the noun phrase right before ``cue``, if any.
    """
    lowers = sentence.lowers
    pos = _past_condition(lowers, _head_position(sentence, cue, floor), floor)
    if pos > floor and lowers[pos] == "%" and lowers[pos - 1][0].isdigit():
        return (pos - 1, pos + 1)  # "42% say"
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
        return (_close_to(sentence, pos, floor), pos + 1)
    if head == "%" and pos > floor and lowers[pos - 1][0].isdigit():
        return (pos - 1, pos + 1)  # "42% say"
    if cls == "determiner" and head in _STANDALONE and lowers[cue] in _SAY:
        return _standalone(lowers, pos, floor)
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
                and (len(lowers[look - 1]) <= 4 or "." in lowers[look - 1])
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
    return (_close_to(sentence, start, floor), end)


def _past_condition(lowers: list[str], pos: int, floor: int) -> int:
    # "A source who asked not to be named said": the subject is the source,
    # the clause only its condition. Returns where the subject's head is.
    if (
        pos - 6 >= floor
        and lowers[pos - 3 : pos] == ["not", "to", "be"]
        and lowers[pos - 4] in {"asked", "requested"}
        and lowers[pos - 5] in {"who", "that"}
    ):
        pos -= 6
        if pos > floor and lowers[pos] == ",":
            pos -= 1
    return pos


def _close_to(sentence: Sentence, start: int, floor: int) -> int:
    # "sources close to the board", "those close to him": the subject is
    # the people close to them, not the board. Returns where it starts.
    lowers = sentence.lowers
    holder = start - 3
    if holder < floor or lowers[start - 1] != "to" or lowers[start - 2] != "close":
        return start
    if not sentence.word(holder) or _word_class(lowers[holder], "") in {"boundary", "pronoun"}:
        return start
    if holder > floor and _word_class(lowers[holder - 1], "") == "determiner":
        holder -= 1  # "a source close to ..."
    return holder


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


# Words opening an adverbial before the content of a trailing attribution:
# "Also, prices rose, he said", "Despite the call, he leads, according to ...".
_OPENERS = frozenset(
    {"also", "despite", "as", "still", "however", "meanwhile", "instead", "indeed", "but"}
)


def _backward_content(sentence: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """
    Return the content before a trailing attribution, read from ``first`` to ``last``.

    An adverbial opener ending at a comma and a lead-in ending at a colon
    ("Here's one example: ...") are not content.
    """
    lowers = sentence.lowers
    start = first
    while start < last and not sentence.word(start) and not sentence.is_open[start]:
        start += 1
    if start < last and lowers[start] in _OPENERS and sentence.quote_of[start] < 0:
        stop = min(last, start + 12)
        for pos in range(start + 1, stop):
            if sentence.quote_of[pos] >= 0:
                break
            if lowers[pos] == ",":
                if pos + 1 < last:
                    first = pos + 1
                break
    for pos in range(first, min(last, first + 40)):
        if sentence.quote_of[pos] >= 0:
            break
        if lowers[pos] == ":" and pos + 1 < last:
            first = pos + 1
            break
    return _content(sentence, first, last)


def _content(sentence: Sentence, first: int, last: int) -> tuple[int, int] | None:
    """
    Return the trimmed character range of tokens ``[first, last)``.
    """
    lowers = sentence.lowers
    while first < last and (lowers[first] in {",", ":", "—", "-", ";"}):
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
