# Person and organisation names in the whole dispatch (headline and body).
# One regex pass finds every run of capitalised words; each run is split into
# a title ("Chinese President", from data/titles.txt plus capitalised
# nationality adjectives), an honorific (data/honorifics.txt) and the name
# itself. Runs that name organisations (an acronym, or a word such as
# "Ministry" or "House") are kept apart from person names. Linear time.
"""
Name mentions found anywhere in a dispatch.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from newswire._lexicons import read_mapping, read_set
from newswire._statements_lexicon import honorifics, titles, word_class

__all__ = [
    "NameMention",
    "affiliations",
    "document_name",
    "documents",
    "find_names",
    "is_organisation_word",
    "name_shape",
    "newspaper_words",
    "organisation_aliases",
    "split_name",
]

# "Chinese President Xi Jinping" / "Mr. McQuaid" / "Hillary Rodham Clinton's"
_RUN = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    \p{Lu}[\p{L}\p{N}'’.\-]*+
    (?: [ ]++ (?: \p{Lu}[\p{L}\p{N}'’.\-]*+
                | (?:de|da|van|von|bin|al|del|la|le|der|di)(?=[ ]\p{Lu}) ) )*+
    """,
    regex.VERBOSE,
)

_ORGANISATION_WORDS = "organisation_words.txt"
_NAME_CONTEXT = "name_context.txt"
_DOCUMENT_WORDS = "document_words.txt"
# Words after which a capitalised name is a place ("in East Africa").
_PLACE_WORDS = frozenset(
    {
        "in",
        "near",
        "across",
        "into",
        "throughout",
        "outside",
        "inside",
        "toward",
        "towards",
        "visit",
        "visited",
        "visiting",
        "visits",
    }
)


class NameMention(NamedTuple):
    """
    A name in the text: offsets of the name proper, its words and any title.
    """

    # A named tuple, not an attrs record: every capitalised run of a
    # dispatch makes one, and a tuple is built several times faster. It
    # never leaves the speaker stage.

    start: int
    end: int
    words: tuple[str, ...]
    title: str | None
    organisation: bool


def split_name(words: list[str]) -> tuple[int, str | None]:
    """
    Return how many leading words are title or honorific, and the title.

    The name is what follows the last title word, honorific, party or
    nationality word (the last word is always kept).

    >>> split_name(["Chinese", "President", "Xi", "Jinping"])
    (2, 'Chinese President')
    >>> split_name(["Mr.", "McQuaid"])
    (1, None)
    >>> split_name(["Malaysian", "Defence", "Minister", "Ali", "Hassan"])
    (3, 'Malaysian Defence Minister')
    """
    title_set = titles()
    before_name = _before_name()
    cut = 0
    title_end = 0
    for index, word in enumerate(words[:-1]):
        lowered = word.casefold().rstrip(".")
        if lowered in title_set:
            cut = title_end = index + 1
        elif lowered in before_name or word_class(lowered) in {"determiner", "boundary"}:
            cut = index + 1
    if title_end == 0:
        return cut, None
    start = 0
    while start < title_end and (
        word_class(words[start].casefold()) in {"determiner", "boundary"}
        or words[start].casefold() in honorifics()
    ):
        start += 1
    return cut, " ".join(words[start:title_end]) or None


_LEADING = frozenset(
    {
        "former",
        "acting",
        "then",
        "late",
        "ex",
        "deputy",
        "vice",
        "state",
        "u.s",
        "u.s.",
        "us",
        "senior",
        "top",
        "chief",
        "republican",
        "democratic",
        "democrat",
        "independent",
        "libertarian",
    }
)


@functools.cache
def _openers() -> frozenset[str]:
    # "Both Israel", "Rival Hillary Clinton": capitalised words before a name.
    return frozenset(w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "opener")


@functools.cache
def _domains() -> frozenset[str]:
    # "(Minister of) Commerce Liu Hongtao": a portfolio, the end of a title.
    return frozenset(w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "domain")


@functools.cache
def affiliations() -> tuple[str, ...]:
    """
    Return the lower-case nouns of bodies named after their leader (``campaign``).

    >>> "campaign" in affiliations()
    True
    """
    words = [w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "affiliation"]
    # Also with the comma a speaker span can end with ("the campaign,").
    return (*words, *(f"{w}," for w in words))


@functools.cache
def organisation_aliases() -> dict[str, str]:
    """
    Map organisations' short forms (casefolded) to their names.

    >>> organisation_aliases()["ap"]
    'Associated Press'
    """
    return {
        w: role.removeprefix("alias:")
        for w, role in read_mapping(_NAME_CONTEXT, casefold=False).items()
        if role.startswith("alias:")
    }


@functools.cache
def newspaper_words() -> frozenset[str]:
    """
    Return the last words of newspapers' titles (``times``), casefolded.

    >>> "times" in newspaper_words()
    True
    """
    return frozenset(w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "newspaper")


@functools.cache
def _before_name() -> frozenset[str]:
    # Every word cut from the front of a name that is not a title.
    return honorifics() | _LEADING | _openers() | _domains()


@functools.cache
def documents() -> dict[str, str]:
    """
    Map nouns of quoted documents (``report``, ``survey``) to their class.

    >>> documents()["survey"]
    'poll'
    """
    return {
        w: role.removeprefix("document:")
        for w, role in read_mapping(_DOCUMENT_WORDS).items()
        if role.startswith("document:")
    }


def document_name(modifiers: list[str], noun: str) -> str | None:
    """
    Return a document's name from the words before its noun, or None.

    >>> document_name(["a", "new", "30-second"], "ad")
    '30-second ad'
    >>> document_name(["a", "source", "familiar", "with", "the"], "investigation") is None
    True
    >>> document_name(["the"], "report") is None
    True
    """
    roles = read_mapping(_DOCUMENT_WORDS)
    kept = []
    for word in modifiers:
        role = roles.get(word.casefold())
        if role == "document-breaker":
            return None
        if word.casefold() in {"a", "an", "the"} or (role == "document-dropped" and word.islower()):
            continue
        kept.append(word)
    return " ".join([*kept, noun]) if kept else None


@functools.cache
def _places() -> frozenset[str]:
    # The dateline lexicons: cities, US states, provinces and countries.
    return read_set("places.txt") | read_set("regions.txt")


@functools.cache
def _days() -> frozenset[str]:
    return frozenset(w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "day")


def find_names(text: str, start: int, end: int) -> list[NameMention]:
    """
    Return the names in ``text[start:end]``, in order.

    >>> t = "Chinese President Xi Jinping met Mr. Lee and the FBI."
    >>> [(m.words, m.title) for m in find_names(t, 0, len(t))]
    [(('Xi', 'Jinping'), 'Chinese President'), (('Lee',), None), (('FBI',), None)]
    >>> [m.organisation for m in find_names(t, 0, len(t))]
    [False, False, True]
    """
    names: list[NameMention] = []
    append = names.append
    for match in _RUN.finditer(text, start, end):
        shape = _shape(match.group())
        if shape is not None:
            first, last, kept, title, organisation, title_last = shape
            base = match.start()
            if title_last and text.startswith((" of ", " for "), match.end()):
                continue  # "Laotian Minister of Public Works": a title
            if not organisation and len(kept) > 1 and first == 0:
                # "in East Africa", "visited New Zealand": a place, named
                # like an organisation rather than a person; "Commission on
                # Presidential Debates", "Department of Homeland Security":
                # the rest of an organisation's name.
                before = text[max(start, base - 16) : base].split()
                organisation = bool(before) and (
                    before[-1] in _PLACE_WORDS
                    or (
                        len(before) > 1
                        and before[-1] in {"of", "on", "for"}
                        and is_organisation_word(before[-2])
                    )
                )
            append(NameMention(base + first, base + last, kept, title, organisation))
    return names


def is_organisation_word(word: str) -> bool:
    """
    Tell whether a word makes a name an organisation (``Ministry``, ``House``).

    >>> is_organisation_word("Ministry"), is_organisation_word("Lee")
    (True, False)
    """
    return word.casefold().strip(",.’'") in read_set(_ORGANISATION_WORDS)


def name_shape(run: str) -> tuple[int, int, tuple[str, ...], str | None, bool] | None:
    """
    Read a run of capitalised words: name offsets, name words, title, organisation.

    >>> name_shape("Defense Secretary Ash Carter")[2:]
    (('Ash', 'Carter'), 'Defense Secretary', False)
    """
    shape = _shape(run)
    return None if shape is None else shape[:5]


def _clean(word: str) -> str:
    # Possessives and full stops belong to the sentence, not the name; an
    # initial or a short abbreviation keeps its period ("G.", "Jr.").
    word = word.removesuffix("'s").removesuffix("’s").rstrip("’'")
    if word.endswith(".") and len(word.rstrip(".")) > 2:
        word = word.rstrip(".")
    return word


@functools.lru_cache(maxsize=65536)
def _shape(run: str) -> tuple[int, int, tuple[str, ...], str | None, bool, bool] | None:
    # The same runs ("The", "Trump", "White House") recur: read each once.
    # The last field tells whether a person name ends with a title word
    # ("Laotian Minister"), which "of"/"for" after it makes a title.
    words = run.split(" ")
    for index, word in enumerate(words[:-1]):
        # "... said John Kasich. He ...": a full stop after a real word
        # ends the name (initials and abbreviations keep theirs).
        if word.endswith(".") and len(word) > 4 and "." not in word[:-1]:
            words = words[: index + 1]
            break
        if word.endswith(("'s", "’s")):
            # "Ted Cruz's Super Tuesday finish": the possessive ends the name.
            words = words[: index + 1]
            break
    offsets: list[int] = []
    pos = 0
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    while len(words) > 1 and words[-1].casefold() in _openers():
        words = words[:-1]  # "Muhammad Ali In Louisville" read up to "In"
    cleaned = [_clean(w) for w in words]
    cut, title = split_name(cleaned)
    kept = [w for w in cleaned[cut:] if w]
    if not kept or kept[-1].casefold() in _days():
        return None  # "Super Tuesday", "Earlier Tuesday": a date.
    first = kept[0].casefold()
    if len(kept) == 1 and (
        word_class(first) in {"boundary", "determiner", "pronoun", "adverb"}
        or first in titles()
        or first in _LEADING
        or first in _openers()
    ):
        return None
    org_words = read_set(_ORGANISATION_WORDS)
    organisation = (
        any(w.casefold() in org_words for w in kept)
        or (len(kept) == 1 and kept[0].isupper() and len(kept[0]) > 1)
        # "New Jersey", "Hong Kong": a place is no person. A one-word place
        # may be a surname ("Jackson"), so only longer ones are taken.
        or (len(kept) > 1 and " ".join(kept).casefold() in _places())
    )
    last = len(words) - 1
    title_last = not organisation and kept[-1].casefold() in titles()
    return (
        offsets[cut],
        offsets[last] + len(cleaned[last]),
        tuple(kept),
        title,
        organisation,
        title_last,
    )
