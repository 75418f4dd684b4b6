# The headline is decided from evidence, never from position alone: a block's
# first line is a headline when it looks like one (looks_like_headline: short,
# no sentence-final punctuation unless it is short and written like a title,
# no first-person or reporting words of story prose) and other blocks follow
# it (a break), and no other header recognizer (advisory, source line,
# dateline, byline) claimed the block. Body-only copy whose first paragraph is
# story text therefore gets no headline.
#
# Lines after the headline in the same block are a deck (a subheadline), not
# part of the headline, unless the headline was hard-wrapped there: the next
# line continues it in lower case, or the line breaks near an archive's wrap
# column with no punctuation at the break. Advisories written before the
# headline on its line ("(LEAD) Seoul to ...", "UPDATE 1-Oil rises") are
# recorded as source lines (see advisory.py) and kept out of the headline.
"""
Headline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newswire._headers.advisory import read_advisory_prefix, record_advisories
from newswire._lexicons import read_mapping, read_set
from newswire._model import Headline

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = ["headline_words", "looks_like_headline", "recognize_headline", "title_case"]

_MAX_CHARS = 300
_MAX_LINES = 3
# A headline with its deck lines: beyond this the first block is a story.
_MAX_BLOCK_CHARS = 600
_MAX_BLOCK_LINES = 4
# A headline line of more words than this is story text.
_MAX_WORDS = 30
# A line ending like a sentence ("Ben Carson appears to be slipping.") is a
# headline only when it is this short and reads like one.
_MAX_SENTENCE_WORDS = 16
# ... or, written in title case ("Obama Power Plant Rules Face Key Test."), this long.
_MAX_TITLE_WORDS = 20
# ... and a two-sentence line only when this short ("Game over. Will he run?").
_MAX_TWO_SENTENCE_WORDS = 12
# A sentence-case line this long that opens with an article or a
# subordinating word ("The ...", "At ...", "If ...") is story text.
_MIN_LEAD_WORDS = 9
# A line at least this long that breaks with no punctuation was hard-wrapped.
_MIN_WRAPPED_LINE = 50
_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_OPENING = "\"'\u2018\u201c"
_CLOSING = "\"'\u2019\u201d"
# "on Tuesday", "late Monday": a day so named dates a story's sentence.
_DAY_OPENERS = frozenset({"on", "late", "early", "last", "since", "until", "by"})
# A sentence-case line this long whose clause runs on after a comma ("...,
# but Trump is already losing.", "..., well ahead of their rivals.") is story text.
_MIN_CLAUSE_WORDS = 12
_RUNS_ON = regex.compile(r", (?:but|at least|well|when|while|which|whose)\b")
# An all-capitals line this short that ends with a full stop is a section label.
_MAX_LABEL_WORDS = 2
# A line ending so runs on into the next block: a lead-in, not a headline.
_RUN_ON = ":,"


def headline_words(role: str) -> frozenset[str]:
    """
    Return the words of ``data/headline_words.txt`` with the given role.

    >>> "the" in headline_words("open")
    True
    """
    return _ROLES.get(role, frozenset())


def _read_roles() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for word, value in read_mapping("headline_words.txt").items():
        for role in value.split(","):
            roles.setdefault(role.strip(), set()).add(word)
    return {role: frozenset(words) for role, words in roles.items()}


_ROLES = _read_roles()


def title_case(words: list[str]) -> bool:
    """
    Say whether most content words are capitalised, as in a title.

    >>> title_case("Obama Power Plant Rules Face a Key Test.".split())
    True
    """
    content = [
        word
        for word in words
        if word[:1].isalpha() and word.strip(_QUOTES + ":,.?!").lower() not in _ROLES["small"]
    ]
    if not content:
        return False
    return sum(word[0].isupper() for word in content) * 4 >= len(content) * 3


def looks_like_headline(text: str, start: int, end: int) -> bool:
    """
    Say whether the line ``text[start:end]`` reads as a headline.

    >>> looks_like_headline("GOLD FALLS IN LONDON", 0, 20)
    True
    >>> line = "Mr. Smith said on Monday that he would run again."
    >>> looks_like_headline(line, 0, len(line))
    False
    """
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end <= start or end - start > _MAX_CHARS:
        return False
    last = text[end - 1]
    if last in _RUN_ON:
        return False
    words = text[start:end].split()
    if len(words) > _MAX_WORDS:
        return False
    stripped = last
    if stripped in _QUOTES and end - start > 1:
        stripped = text[end - 2]
    if stripped not in ".!?":
        return True
    if len(words) <= _MAX_LABEL_WORDS and text[start:end].isupper() and "." not in words[-1][:-1]:
        return False  # "TOP STORIES.", "FULL TEXT.": a section label, not "... TO U.S."
    if len(words) <= _MAX_TITLE_WORDS and title_case(words):
        return True
    if len(words) > _MAX_SENTENCE_WORDS:
        return False
    if (
        len(words) >= _MIN_LEAD_WORDS
        and words[0].lower() in _ROLES["lead"]
        and ":" not in text[start:end]
    ):
        # "The beginning of the debate could not have been more awkward.":
        # a sentence of story text opens so, a headline seldom does.
        return False
    # A quoted or kicker headline ("Trump: 'We will win.'") may speak in the
    # first person: prose words count only outside quotes and before a colon.
    if any(word.strip(",.;:?!").lower() in _ROLES["prose"] for word in _story_words(words)):
        return False
    if len(words) >= _MIN_CLAUSE_WORDS and _RUNS_ON.search(" ".join(_story_words(words))):
        return False  # "..., but Trump is already losing.": a sentence's second clause
    if _dated(words):
        return False  # "Ted Cruz won Wisconsin on Tuesday.": a story's sentence
    if len(words) > _MAX_TWO_SENTENCE_WORDS:
        # Two sentences in a longer line are story text.
        abbreviations = read_set("abbreviations.txt")
        for word in words[:-1]:
            if (
                word[-1:] in ".!?"
                and "." not in word[:-1]
                and word[:-1].casefold() not in abbreviations
            ):
                return False
    return True


def _story_words(words: list[str]) -> list[str]:
    # The words outside quotation marks and before a kicker's colon; an
    # apostrophe inside a word ("It's", "Clinton's") opens no quotation.
    outside: list[str] = []
    inside = False
    for word in words:
        if not inside and word[:1] in _OPENING:
            inside = True
        if not inside:
            outside.append(word)
            if word.endswith(":"):
                break
        elif len(word) > 1 and word.rstrip(",.;:?!")[-1:] in _CLOSING:
            inside = False
    return outside


def _dated(words: list[str]) -> bool:
    # A day named as a story's sentence dates its news: "on Tuesday",
    # "... a rough day Monday." (not "Super Tuesday", "Monday's").
    for index, word in enumerate(words):
        if word.rstrip(",.;?!").casefold() not in _ROLES["day"]:
            continue  # "Monday's" is no day named so
        before = words[index - 1].casefold() if index else ""
        if before in _DAY_OPENERS or (word.endswith(".") and index == len(words) - 1):
            return True
    return False


def _line_end(text: str, start: int, end: int) -> int:
    found = text.find("\n", start, end)
    return end if found < 0 else found


def _continues(text: str, start: int, end: int, block_end: int) -> bool:
    # Does the line after text[start:end] continue a hard-wrapped headline?
    if end >= block_end:
        return False
    last = end
    while last > start and text[last - 1] in " \t":
        last -= 1
    while last > start and text[last - 1] in _QUOTES:
        last -= 1
    if last <= start or text[last - 1] in ".;?!":
        # A sentence ends there: what follows is a deck.
        return False
    after = end + 1
    if text[after : after + 1].islower():
        return True
    if end - start < _MIN_WRAPPED_LINE:
        return False
    # Near a wrap column: the next line continues when it is no byline.
    return not text.startswith(("By ", "BY ", "by "), after)


def recognize_headline(state: State, block: Block, index: int) -> int | None:
    """
    Claim the first line(s) of a block as the headline, when they look like one.

    Returns where the headline ends; the rest of the block (a deck) is left
    to the body.
    """
    del index
    if state.headline is not None or state.byline is not None or len(state.blocks) < 2:
        return None
    text = state.text
    if block.end - block.start > _MAX_BLOCK_CHARS or (
        text.count("\n", block.start, block.end) >= _MAX_BLOCK_LINES
    ):
        # A long first block is story text, not a headline and its deck.
        return None
    marks, start = read_advisory_prefix(text, block.start, block.end)
    if marks and start < block.end and text[start] in "-\u2013\u2014":
        # e.g. "(CORRECTED) - BANK SAYS ...": a Reuters headline keeps its tag.
        marks, start = [], block.start
    end = _line_end(text, start, block.end)
    if start >= end:
        return None
    lines = 1
    line_start = start
    while lines < _MAX_LINES and _continues(text, line_start, end, block.end):
        line_start = end + 1
        end = _line_end(text, line_start, block.end)
        lines += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end <= start or not looks_like_headline(text, start, end):
        return None
    record_advisories(state, marks)
    state.headline = Headline(text=state.original(start, end), span=state.span(start, end))
    return end
