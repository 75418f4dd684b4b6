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

import bisect
import functools
from array import array
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from newswire._lexicons import read_mapping, read_set
from newswire._statements_lexicon import honorifics, title_word, titles, word_class

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "NameMention",
    "Names",
    "affiliations",
    "countries",
    "document_name",
    "documents",
    "find_names",
    "is_organisation_word",
    "is_place",
    "name_shape",
    "newspaper_words",
    "organisation_aliases",
    "organisation_words",
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


# What a name is, apart from where it stands: its words, its title and
# whether it names an organisation (or a place), as (words, title,
# organisation). Shared by every name read from the same run of words: typed
# as a tuple of any length, so that the compiled build (mypyc) keeps it the
# one Python tuple it is, where a fixed-length tuple type would be unpacked
# into a native one and boxed anew, a tuple of its own, for every name.
NameKind = tuple[Any, ...]


class Names:
    """
    The names of a text in order, a column a field: ``names[i]`` is a :class:`NameMention`.

    A huge dispatch has a name every fifty characters: as a list of named
    tuples they outweighed the dispatch's records. Here a name costs its two
    offsets in arrays and one reference to a kind shared by every name of
    the same words; the named tuple is made when one is read.

    >>> t = "Ann Lee met Bo Li, and Lee said so."
    >>> names = find_names(t, 0, len(t))
    >>> len(names), names[2]
    (3, NameMention(start=23, end=26, words=('Lee',), title=None, organisation=False))
    >>> list(names.starts), [kind[0] for kind in names.kinds]
    ([0, 12, 23], [('Ann', 'Lee'), ('Bo', 'Li'), ('Lee',)])
    """

    __slots__ = ("ends", "kinds", "starts")

    def __init__(self) -> None:
        """
        Start with no names.
        """
        self.starts: array[int] = array("q")
        self.ends: array[int] = array("q")
        self.kinds: list[NameKind] = []

    def __len__(self) -> int:
        """
        Return how many names there are.
        """
        return len(self.kinds)

    def __getitem__(self, index: int) -> NameMention:
        """
        Return name ``index`` as a named tuple.
        """
        words, title, organisation = self.kinds[index]
        return _new_name(
            NameMention, (self.starts[index], self.ends[index], words, title, organisation)
        )

    def __iter__(self) -> Iterator[NameMention]:
        """
        Yield every name as a named tuple, in order.
        """
        for start, end, (words, title, organisation) in zip(
            self.starts, self.ends, self.kinds, strict=True
        ):
            yield _new_name(NameMention, (start, end, words, title, organisation))

    def drop_before(self, pos: int) -> None:
        """
        Remove the names that start before ``pos``.
        """
        skip = bisect.bisect_left(self.starts, pos)
        del self.starts[:skip], self.ends[:skip], self.kinds[:skip]


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
    roles = [_role(word.casefold()) for word in words[:-1]]
    cut, title_end = _cut_and_title_end(roles)
    if _given_name_after_title(words, roles, title_end):
        cut = title_end = title_end - 1
    if title_end == 0:
        return cut, None
    start = 0
    while start < title_end and _skipped_before_title(words[start].casefold()):
        start += 1
    return cut, " ".join(words[start:title_end]) or None


# What a word before the name is (split_name): a title word, another word
# cut from the front (honorific, nationality, determiner ...), or neither.
_TITLE = 2
_CUT = 1


def _role(folded: str) -> int:
    lowered = folded.rstrip(".")
    if lowered in titles():
        return _TITLE
    if lowered[-1:] == "s" and lowered[:-1] in titles():
        return _CUT  # "Negotiators Ann Lee and Bo Li": a role, not a name
    if lowered in _before_name() or word_class(lowered) in {"determiner", "boundary"}:
        return _CUT
    if lowered.endswith("-based"):
        return _CUT  # "Toronto-based Shopify Inc": where it is, not its name
    return 0


def _cut_and_title_end(roles: list[int]) -> tuple[int, int]:
    # From the roles of the words before a name's last: how many words to
    # cut from the front, and where the title ends (0: no title).
    cut = title_end = 0
    for index, role in enumerate(roles):
        if role == _TITLE:
            cut = title_end = index + 1
        elif role == _CUT:
            cut = index + 1
    return cut, title_end


def _given_name_after_title(words: list[str], roles: list[int], title_end: int) -> bool:
    # "Defence Minister Gen Nakatani": a title's abbreviation written
    # without its full stop right after a full title word, with one word
    # after it, is a given name ("Gen. Ann Lee", "Maj Gen Lee" keep theirs).
    if title_end < 2 or title_end != len(roles) or roles[title_end - 2] != _TITLE:
        return False
    word = words[title_end - 1]
    folded = word.casefold()
    before = words[title_end - 2].casefold().rstrip(".")
    return (
        "." not in word
        and title_word(folded) != folded
        and title_word(before) == before
        and not words[title_end - 2].endswith(".")
    )


def _skipped_before_title(folded: str) -> bool:
    # "the", "Mr": words in front of a title that are not part of it.
    return word_class(folded) in {"determiner", "boundary"} or folded in honorifics()


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


def countries() -> dict[str, str]:
    """
    Map countries and capitals (casefolded) to the country they stand for.

    >>> countries()["beijing"], countries()["brazil"]
    ('China', 'brazil')
    """
    return read_mapping("countries.txt")


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


def is_place(name: str) -> bool:
    """
    Tell whether ``name`` is a place of the dateline lexicons or a country.

    >>> is_place("Ottawa"), is_place("Brazil"), is_place("Air Canada")
    (True, True, False)
    """
    folded = name.casefold()
    return folded in _places() or folded in countries()


@functools.cache
def _days() -> frozenset[str]:
    return frozenset(w for w, role in read_mapping(_NAME_CONTEXT).items() if role == "day")


def find_names(text: str, start: int, end: int) -> Names:
    """
    Return the names in ``text[start:end]``, in order.

    >>> t = "Chinese President Xi Jinping met Mr. Lee and the FBI."
    >>> [(m.words, m.title) for m in find_names(t, 0, len(t))]
    [(('Xi', 'Jinping'), 'Chinese President'), (('Lee',), None), (('FBI',), None)]
    >>> [m.organisation for m in find_names(t, 0, len(t))]
    [False, False, True]
    """
    names = Names()
    add_start, add_end, add_kind = names.starts.append, names.ends.append, names.kinds.append
    known = _SHAPES.get
    for match in _RUN.finditer(text, start, end):
        run = match.group()
        shape = known(run)
        if shape is None:
            shape = _remember(run)
        if not shape:
            continue  # "The", "Super Tuesday": no name
        first, last, kind, context = shape
        base = match.start()
        if context:
            # Only the few runs a neighbouring word can change look around.
            if context & _TITLE_LAST and text.startswith((" of ", " for "), match.end()):
                continue  # "Laotian Minister of Public Works": a title
            if context & _PLACE_LIKE:
                # "in East Africa", "visited New Zealand": a place, named
                # like an organisation rather than a person; "Commission on
                # Presidential Debates", "Department of Homeland Security":
                # the rest of an organisation's name.
                before = text[max(start, base - 16) : base].split()
                if before and (
                    before[-1] in _PLACE_WORDS
                    or (
                        len(before) > 1
                        and before[-1] in {"of", "on", "for"}
                        and is_organisation_word(before[-2])
                    )
                ):
                    kind = (kind[0], kind[1], True)
        add_start(base + first)
        add_end(base + last)
        add_kind(kind)
    return names


# tuple.__new__ skips the named tuple's Python-level constructor.
_new_name = tuple.__new__
# What the words around a run can change (the last field of _shape): a
# person name ending with a title word ("Laotian Minister") is a title
# before "of"/"for"; a person-like name of several words ("East Africa") is
# a place or an organisation after some words.
_TITLE_LAST = 1
_PLACE_LIKE = 2


def is_organisation_word(word: str) -> bool:
    """
    Tell whether a word makes a name an organisation (``Ministry``, ``House``).

    >>> is_organisation_word("Ministry"), is_organisation_word("Lee")
    (True, False)
    """
    return word.casefold().strip(",.’'") in organisation_words()


def organisation_words() -> frozenset[str]:
    """
    Return the words that make a name an organisation's, casefolded.

    >>> "ministry" in organisation_words()
    True
    """
    return read_set(_ORGANISATION_WORDS)


def name_shape(run: str) -> tuple[int, int, tuple[str, ...], str | None, bool] | None:
    """
    Read a run of capitalised words: name offsets, name words, title, organisation.

    >>> name_shape("Defense Secretary Ash Carter")[2:]
    (('Ash', 'Carter'), 'Defense Secretary', False)
    """
    shape = _SHAPES.get(run)
    if shape is None:
        shape = _remember(run)
    if not shape:
        return None
    first, last, (words, title, organisation), _context = shape
    return first, last, words, title, organisation


def _clean(word: str) -> str:
    # Possessives and full stops belong to the sentence, not the name; an
    # initial or a short abbreviation keeps its period ("G.", "Jr.").
    word = word.removesuffix("'s").removesuffix("’s").rstrip("’'")
    if word.endswith(".") and len(word.rstrip(".")) > 2:
        word = word.rstrip(".")
    return word


class _Word(NamedTuple):
    # What reading a run of several words needs to know of one of them.
    # Words recur far more often than runs ("Minister", "Bank", "Inc"), so
    # each distinct word is looked up in the lexicons once (_word).

    length: int  # of the word as written
    cleaned: str  # _clean(word): possessive and full stop dropped
    folded: str  # cleaned.casefold()
    ends_name: bool  # "Kasich." / "Cruz's": no word after it is the name's
    opener: bool  # "In": a trailing word that is no part of the name
    role: int  # as a word before the name: _TITLE, _CUT or 0
    before_title: bool  # "the", "Mr": dropped from the front of a title
    organisation: bool  # "Ministry", "Inc"


@functools.lru_cache(maxsize=65536)
def _word(word: str) -> _Word:
    cleaned = _clean(word)
    folded = cleaned.casefold()
    return _Word(
        len(word),
        cleaned,
        folded,
        (word.endswith(".") and len(word) > 4 and "." not in word[:-1])
        or word.endswith(("'s", "’s")),
        word.casefold() in _openers(),
        _role(folded),
        _skipped_before_title(folded),
        folded in organisation_words(),
    )


def _names_nobody(folded: str) -> bool:
    # A word that alone names no one ("The", "He", "Minister", "Both").
    return (
        word_class(folded) in {"boundary", "determiner", "pronoun", "adverb"}
        or folded in titles()
        or folded in _LEADING
        or folded in _openers()
        or folded.endswith("-based")
    )


# Where the name starts and ends in its run, what it is, and what the words
# around the run can change (_TITLE_LAST, _PLACE_LIKE).
_Shape = tuple[int, int, NameKind, int]


# The runs read so far: the same runs ("The", "Trump", "White House") recur
# in dispatch after dispatch. A plain dict, read inline by find_names, costs
# less per run than a call through functools.lru_cache; it is emptied when
# full, so its size stays bounded. () stands for a run that names no one.
_SHAPES: dict[str, _Shape | tuple[()]] = {}
_SHAPES_SIZE = 65536


def _remember(run: str) -> _Shape | tuple[()]:
    if len(_SHAPES) >= _SHAPES_SIZE:
        _SHAPES.clear()
    shape = _SHAPES[run] = _shape(run) or ()
    return shape


def _shape(run: str) -> _Shape | None:
    # The last field tells what find_names must check around the run
    # (_TITLE_LAST, _PLACE_LIKE).
    if " " not in run:
        # One word (two distinct runs in five): no title to cut off.
        cleaned = _clean(run)
        folded = cleaned.casefold()
        if not cleaned or folded in _days() or _names_nobody(folded):
            return None
        organisation = folded in organisation_words() or (cleaned.isupper() and len(cleaned) > 1)
        title_last = not organisation and folded in titles()
        return (0, len(cleaned), ((cleaned,), None, organisation), _TITLE_LAST if title_last else 0)
    raw = run.split(" ")
    words = list(map(_word, raw))
    for index in range(len(words) - 1):
        # "... said John Kasich. He ...": a full stop after a real word
        # ends the name (initials and abbreviations keep theirs); "Ted
        # Cruz's Super Tuesday finish": so does a possessive.
        if words[index].ends_name:
            del words[index + 1 :]
            break
    while len(words) > 1 and words[-1].opener:
        words.pop()  # "Muhammad Ali In Louisville" read up to "In"
    # split_name, on the words' roles read once.
    roles = [word.role for word in words[:-1]]
    cut, title_end = _cut_and_title_end(roles)
    if _given_name_after_title(raw, roles, title_end):
        cut = title_end = title_end - 1
    names: list[str] = []
    organisation = False
    last = words[-1]
    for word in words[cut:]:
        if word.cleaned:
            names.append(word.cleaned)
            organisation = organisation or word.organisation
            last = word
    if not names or last.folded in _days():
        return None  # "Super Tuesday", "Earlier Tuesday": a date.
    if len(names) == 1:
        if _names_nobody(last.folded):
            return None
        organisation = organisation or (last.cleaned.isupper() and len(last.cleaned) > 1)
    else:
        # "New Jersey", "Hong Kong": a place is no person. A one-word place
        # may be a surname ("Jackson"), so only longer ones are taken.
        organisation = organisation or " ".join(names).casefold() in _places()
    title = None
    if title_end:
        start = 0
        while start < title_end and words[start].before_title:
            start += 1
        title = " ".join([w.cleaned for w in words[start:title_end]]) or None
    context = 0
    if not organisation:
        if last.folded in titles():
            context |= _TITLE_LAST
        if len(names) > 1 and cut == 0:
            context |= _PLACE_LIKE
    # Offsets within the run, whose words are split at single spaces.
    end = len(words) - 1
    if end == len(raw) - 1:
        end_offset = len(run) - len(raw[end]) + len(words[end].cleaned)
    else:
        end_offset = sum(map(len, raw[:end])) + end + len(words[end].cleaned)
    return (
        sum(map(len, raw[:cut])) + cut if cut else 0,
        end_offset,
        (tuple(names), title, organisation),
        context,
    )
