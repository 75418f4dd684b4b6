"""
Organisations written as common nouns: ``the company``, ``the ministry``, ``the rail operator``.
"""

from __future__ import annotations

import functools

import regex

from newswire._dates import month_number
from newswire._lexicons import read_mapping
from newswire._mentions import is_organisation_word, is_place
from newswire._model import _NAME_SUFFIXES
from newswire._speakers.resolver import Mention, Resolution, Resolver, opens_clause, run_start
from newswire._statements_lexicon import given_name_gender, word_class

__all__ = ["organisation_types", "resolve_organisation"]

# How far back (characters) a lower-case organisation ("China's foreign
# ministry") is looked for.
_WINDOW = 1500


@functools.cache
def organisation_types() -> dict[str, frozenset[str]]:
    """
    Map nouns that stand for an organisation to the words naming one of that type.

    >>> "mining" in organisation_types()["company"]
    True
    """
    return {
        noun: frozenset([noun, *words.split()]) if words != noun else frozenset([noun])
        for noun, words in read_mapping("organisation_types.txt").items()
    }


def resolve_organisation(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``the company``, ``the ministry``: the organisation of that type named before.
    """
    words = mention.text.rstrip(",").split()
    if len(words) < 2 or words[0].casefold() != "the":
        return None
    # "The German health ministry", "the Japanese trade ministry": a
    # nationality before the noun makes a name of its own, when no ministry
    # was named before.
    self_named = (
        len(words) > 2
        and words[-1] in _SELF_NAMING
        and _nationality(words[1])
        and all(w.islower() for w in words[2:])
    )
    if not self_named and not all(w.islower() or w.endswith("-based") for w in words[1:]):
        return None  # "the Wells Fargo board" is named by the name rule
    head = words[-1]
    wanted = organisation_types().get(head)
    if wanted is None:
        return None
    best_start, best = -1, None
    for start, end, body in resolver.recent_bodies():
        if start < mention.start and body.name is not None and _holds(body.name, wanted):
            best_start, best = end, body.name
            break
    for name in resolver.organisations_before(mention.start):
        if name.end <= best_start:
            break
        if _holds(" ".join(name.words), wanted):
            # "Foreign Ministry", "Royal Bank of Scotland Group": the whole
            # capitalised run names it, with the run before an "of".
            run = _organisation_run(resolver.original, name.start, name.end)
            if " " not in run:
                continue  # a lone "Bank" names no one bank
            best_start, best = name.start, resolver.organisation_name(run)
            break
    phrase = _possessive_phrase(head).search(
        resolver.original, max(0, mention.start - _WINDOW, best_start), mention.start
    )
    if phrase is not None:
        # "China's foreign ministry ... the ministry said", with no nearer
        # named organisation; the last such phrase wins.
        last = phrase
        while True:
            following = _possessive_phrase(head).search(
                resolver.original, last.end(), mention.start
            )
            if following is None:
                break
            last = following
        return Resolution(last.group(), "organisation")
    if best is None and self_named:
        return Resolution(" ".join(words[1:]), "organisation")
    possessive = "'s " in mention.text or "’s " in mention.text
    if best is None and ANY_NAME in wanted and not possessive:
        # Not "the country's biggest union": someone else's, not one named.
        best = _unmarked_name(resolver, mention)
    return None if best is None else Resolution(best, "organisation")


# In organisation_types.txt: a name with no mark of its type will do
# ("Netflix ... the streaming giant said").
ANY_NAME = "*"
# How many names back an unmarked organisation is looked for.
_UNMARKED_NAMES = 8


def _unmarked_name(resolver: Resolver, mention: Mention) -> str | None:
    # "Air Canada cancelled 200 flights. The airline said ...": the nearest
    # name that reads as a name (no common word opening a sentence, no
    # heading in capitals, no month) and is no person (no title, no known
    # given name, no part of a person's fuller name, never quoted as a
    # person) and no place, and that is the subject of its clause ("Apple
    # sued Samsung. The tech giant said": Apple).
    text = resolver.original
    people = {resolution.name for _pos, resolution in resolver.recent_people()}
    seen = 0
    for name in resolver.persons_before(mention.start):
        if mention.start - name.end > _WINDOW or seen == _UNMARKED_NAMES:
            break
        seen += 1
        words = name.words
        if name.title or resolver.in_headline(name.start) or not _reads_as_name(resolver, words):
            continue
        written = " ".join(words)
        if (
            (len(words) > 1 and given_name_gender(words[0]))
            or resolver.gender(words[-1])
            or written in people
            or resolver.fullest(words) != written
            or is_place(written)
        ):
            continue
        if len(words) == 1 and words not in resolver.inner_names:
            continue  # "Proceeds rose", "Total": only ever opening a sentence
        if len(words) > 1 and (words[-1],) in resolver.inner_names:
            continue  # "Tiger Woods ... Woods": a person's surname, written alone
        if opens_clause(text, name.start, name.end, resolver.paragraph_starts):
            return resolver.organisation_name(written)
    return None


def _reads_as_name(resolver: Resolver, words: tuple[str, ...]) -> bool:
    if len(words) > 1 and all(word.isupper() for word in words):
        return False  # "FULL TEXT", "OLYMPIC VILLAGE": a heading
    if _nationality(words[-1]) or words[-1].casefold() in _NAME_SUFFIXES:
        return False  # "South African", "Swedish"; "T.B. Pickens III"
    for word in words:
        folded = word.casefold()
        if word_class(folded) or month_number(folded) is not None or folded in resolver.lower_words:
            return False  # "There", "Feb", "Investors"
        if "’" in word or "'" in word or word.endswith("-"):
            return False  # "I’m", a word broken at a line's end
    return True


def _organisation_run(text: str, start: int, end: int) -> str:
    first = run_start(text, start)
    for _ in range(2):
        if first < 5 or text[first - 4 : first] != " of " or not text[first - 5].isalpha():
            break
        word = first - 4
        while word > 0 and text[word - 1] not in " \n":
            word -= 1
        if not text[word : word + 1].isupper() or not is_organisation_word(text[word : first - 4]):
            break  # "a unit of Royal Bank", "Shares of Acme Inc": no part of the name
        first = run_start(text, word)
    # "Bank of England": the run after an "of" too.
    while text.startswith(" of ", end) and text[end + 4 : end + 5].isupper():
        end += 4
        while True:
            while end < len(text) and (text[end].isalnum() or text[end] in "-&"):
                end += 1
            if not (text.startswith(" ", end) and text[end + 1 : end + 2].isupper()):
                break
            end += 1
    return text[first:end].removeprefix("The ")


# Nouns that a nationality before them turns into a name ("the German
# health ministry"); "the Chinese company" stays a description.
_SELF_NAMING = frozenset({"ministry", "department"})


def _nationality(word: str) -> bool:
    # "German", "Japanese", "Kenyan": a capitalised adjective of nationality.
    return word[:1].isupper() and word[1:].islower() and word.endswith(_DEMONYM_ENDINGS)


_DEMONYM_ENDINGS = ("an", "ese", "ish", "ian", "i", "ch", "ic")


def _holds(name: str, wanted: frozenset[str]) -> bool:
    return any(word.casefold().strip(".,") in wanted for word in name.split())


@functools.cache
def _possessive_phrase(head: str) -> regex.Pattern[str]:
    # "China's foreign ministry", "Japan’s ministry": a capitalised owner,
    # up to two lower-case modifiers, the noun.
    owner = r"\p{Lu}[\p{L}.\-]*+(?:[ ]\p{Lu}[\p{L}.\-]*+)*+(?:'s|’s)"
    if head in _SELF_NAMING:
        # "the German health ministry": a nationality, after "the".
        owner += r"|(?<=(?<![\p{L}\p{N}])[Tt]he[ ])\p{Lu}\p{Ll}++"
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{owner})[ ]"
        rf"(?:[\p{{Ll}}\-]++[ ]){{0,2}}?{regex.escape(head)}(?![\p{{L}}\p{{N}}])"
    )
