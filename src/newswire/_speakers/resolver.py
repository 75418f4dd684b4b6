"""
The resolver: the names of one dispatch, indexed once, and the speakers resolved so far.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import regex

from newswire._mentions import (
    NameMention,
    Names,
    document_name,
    documents,
    find_names,
    newspaper_words,
    organisation_aliases,
    organisation_words,
)
from newswire._statements_lexicon import given_name_gender, titles
from newswire._text import space_pieces

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from newswire._model import SpeakerKind
    from newswire._state import State

__all__ = [
    "Mention",
    "Resolution",
    "Resolver",
    "description_gender",
    "last_person",
    "opens_clause",
    "run_start",
]

# The dash after an AP dateline ("WASHINGTON (AP) — Ann Lee ...") opens the
# first sentence.
_SENTENCE_OPENERS = frozenset('.\n"”?!—')
# Where a sentence ends (a quote's closing mark is no sentence's end:
# '"..." while Lee is').
_SENTENCE_ENDS = ".\n?!—"
_QUOTES = "\"“”'‘’ "
_SUBJECT_WINDOW = 30
# How far into a paragraph its subject's name may start (Resolver.named_next).
_SUBJECT_LEAD_CHARS = 60
# Offices and parties of politicians, whom a spokesman or an adviser is not
# (Resolver.named_next).
_OFFICES = frozenset(
    {"president", "minister", "premier", "chancellor", "senator", "sen.", "sen", "governor"}
    | {"gov.", "gov", "mayor", "king", "queen", "pope", "prime", "rep.", "rep"}
    | {"representative", "congressman", "congresswoman", "judge", "justice"}
    | {"republican", "democrat", "democratic"}
)
_LOOKBACK = 60
# A name's kind (words, title, organisation): where its organisation flag is.
_ORGANISATION = 2
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’\-])\p{Ll}++(?![\p{L}\p{N}\-])")
_HONORIFIC_GENDERS = (("mrs", "f"), ("ms", "f"), ("miss", "f"), ("mr", "m"))


# Words after a name that show it is no verb's subject ("Lee and Park",
# "Lee, who", "Lee of Ohio", "Lee, a doctor,").
_NOT_VERBS = frozenset(
    {
        "and",
        "or",
        "nor",
        "but",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "a",
        "an",
        "the",
        "as",
        "than",
        "about",
        "into",
        "over",
        "after",
        "before",
        "under",
        "his",
        "her",
        "their",
        "its",
    }
)
# Words that end a title read leftwards from a name (Resolver.lead_title).
_NOT_TITLE = frozenset(
    {"the", "a", "an", "and", "or", "of", "for", "to", "by", "with", "his", "her"}
)
# How many words may come between a sentence's start and its subject's name
# ("Tennis great Billie Jean King remembered ...").
_SUBJECT_LEAD = 3
# What opens_clause finds: a name opening its sentence, or a subject found
# inside a sentence.
_OPENS = 1
_INSIDE = 2


def _support(
    name: tuple[str, ...], candidates: list[tuple[str, ...]], counts: Mapping[tuple[str, ...], int]
) -> int:
    # How often the name is written, in this form or inside a longer one
    # ("Hillary Clinton" inside "Crooked Hillary Clinton").
    have = set(name)
    return sum(counts[other] for other in candidates if have <= set(other))


def run_start(text: str, start: int) -> int:
    """
    Return where the capitalised run holding the name at ``start`` begins.

    The title and honorific before a name are part of its run (``Dr. Ann
    Lee``, ``Former President Bill Clinton``).
    """
    while start > 1 and text[start - 1] == " ":
        begin = start - 1
        limit = max(0, start - 40)
        while begin > limit and text[begin - 1] not in " \n":
            begin -= 1
        word = text[begin : start - 1]
        if not word[:1].isupper() or not (word[-1].isalnum() or word[-1] == "."):
            break  # "An Ambitious, Divisive Legacy": a comma ends the run
        if word.endswith("-based"):
            break  # "Toronto-based Shopify Inc": where it is, not its name
        start = begin
    return start


def opens_clause(text: str, start: int, end: int, paragraphs: list[int]) -> int:
    """
    Tell whether the name at ``start``..``end`` is the subject of its clause.

    It opens its sentence (its title and honorific included: ``_OPENS``),
    or a verb follows it and it comes after a fronted phrase (``Asked about
    it, Lee said``), a few words from the sentence's start (``Tennis great
    Ann Lee recalled``) or between commas as the subject's appositive
    (``_INSIDE``: such a name may be inside reported speech). Otherwise 0.
    """
    first = run_start(text, start)
    before = text[max(0, first - 8) : first].rstrip()
    # A paragraph's start (``paragraphs``: their starts, in order; a line
    # break inside a hard-wrapped paragraph is none), or a sentence's end
    # (a closing quote after its full stop: ".''", '."').
    if not before or before[-1] in _SENTENCE_OPENERS:
        return _OPENS
    index = bisect.bisect_left(paragraphs, first)
    if index < len(paragraphs) and paragraphs[index] == first:
        return _OPENS
    if before.rstrip(_QUOTES)[-1:] in {".", "?", "!"}:
        return _OPENS
    # "Lee's father, the Rev. Ann Lee, knew ...": an appositive to the
    # subject, between commas, before its verb.
    appositive = text.startswith(", ", end)
    verb = end + 2 if appositive else end + 1
    if text[verb - 1 : verb] != " " or not text[verb : verb + 1].islower():
        return 0
    after = text[verb : verb + 15].split(" ", 1)[0]
    if after.rstrip(",.") in _NOT_VERBS:
        return 0
    if appositive:
        return _INSIDE if before.removesuffix(" the").endswith(",") else 0
    if before[-1] == "," or text[first:start].rstrip(". ").casefold() in {"mr", "mrs", "ms"}:
        # "Asked about it, Lee said"; "..., but Mr. Lee said": a name
        # written with an honorific is a person the story is about.
        return _INSIDE
    lead = text[max(0, first - 60) : first]
    cut = max(lead.rfind(mark) for mark in _SENTENCE_ENDS)
    if cut < 0 and first > 60:
        return 0
    words = lead[cut + 1 :].lstrip(_QUOTES).split()
    return _INSIDE if len(words) < _SUBJECT_LEAD and all(w.isalpha() for w in words) else 0


class Resolution(NamedTuple):
    """
    Who a mention refers to: canonical name (None when unknown), kind and title.
    """

    # Named tuples, this and Mention, not attrs records: every mention
    # makes one of each, and a tuple is built several times faster. Neither
    # leaves the speaker stage.

    name: str | None
    kind: SpeakerKind
    title: str | None = None


class Mention(NamedTuple):
    """
    A speaker mention being resolved: original offsets and text.
    """

    start: int
    end: int
    text: str


class _NameIndex:
    """
    The names of one dispatch, read once, with the lookups built over them.
    """

    def __init__(self, state: State) -> None:
        """
        Read every name of the dispatch.
        """
        self._first: dict[tuple[str, ...], int] | None = None
        names = find_names(state.text, 0, len(state.text))
        headline = state.headline
        if headline is not None and names and _title_case(headline.text):
            # "Why Does Israel Refuse to Recognize ...": in a headline in
            # title case every word is capitalised, so no run there is a name.
            names.drop_before(state.norm.to_copy(headline.span.end))
        # The names are changed where they stand, never copied: a huge
        # dispatch's names outweigh most of its records.
        if state.norm.offsets is not None:
            # The names keep original-text offsets from here on.
            starts, ends = names.starts, names.ends
            for index in range(len(names)):
                span = state.span(starts[index], ends[index])
                starts[index] = span.start
                ends[index] = span.end
        places = self._read(names)
        if not places.isdisjoint(self.counts):
            # A name read as a place once ("in East Africa") is a place
            # throughout. Few dispatches write one both ways, so the names
            # are read again only then.
            kinds = names.kinds
            for index, (words, title, organisation) in enumerate(kinds):
                if not organisation and words in places:
                    kinds[index] = (words, title, True)
            self._read(names)
        self.names = names

    def _read(self, names: Names) -> set[tuple[str, ...]]:
        # One pass over the names builds every lookup; returns the names of
        # several words read as organisations or places.
        # Multi-word person names: how often each is written, which words
        # they contain, and the title each was first introduced with.
        self.counts: dict[tuple[str, ...], int] = {}
        self.by_word: dict[str, list[tuple[str, ...]]] = {}
        self.titles: dict[str, str] = {}
        self.organisations: dict[str, tuple[str, ...]] = {}
        places: set[tuple[str, ...]] = set()
        counts, by_word, titles, organisations = (
            self.counts,
            self.by_word,
            self.titles,
            self.organisations,
        )
        for words, title, organisation in names.kinds:
            if organisation:
                if len(words) > 1:
                    places.add(words)
                for word in words:
                    organisations.setdefault(word, words)
                continue
            if title:
                titles.setdefault(" ".join(words), title)
            if len(words) < 2:
                continue
            if words in counts:
                counts[words] += 1
            else:
                counts[words] = 1
                for word in set(words):
                    by_word.setdefault(word, []).append(words)
        return places

    @property
    def first(self) -> dict[tuple[str, ...], int]:
        """
        Map each name to where it is first written (read on first use).
        """
        if self._first is None:
            first: dict[tuple[str, ...], int] = {}
            names = self.names
            for start, (words, _title, _organisation) in zip(
                names.starts, names.kinds, strict=True
            ):
                first.setdefault(words, start)
            self._first = first
        return self._first


def _title_case(text: str) -> bool:
    # Most words of four letters or more start with a capital.
    words = [w for w in text.split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) > 2 and sum(w[:1].isupper() for w in words) * 4 > len(words) * 3


class Resolver:
    """
    The names of one dispatch, indexed once, and the speakers resolved so far.

    Names are kept in text order with original-text offsets; lookups go
    through indexes built on first use, so resolving a mention never
    rescans the dispatch, and a dispatch whose speakers need no name ("the
    company said", "officials said") is never read for names at all.
    """

    def __init__(self, state: State) -> None:
        """
        Start with no speaker resolved; the names are read on first use.
        """
        self._state = state
        self._index: _NameIndex | None = None
        self.history: list[tuple[int, Resolution]] = []
        # Organisations quoted so far, with their mentions' offsets.
        self.bodies: list[tuple[int, int, Resolution]] = []
        self._fullest: dict[tuple[str, ...], str] = {}
        self.original = state.norm.original
        self._honorific_gender: dict[str, str] | None = None
        self._organisation_names: dict[str, str] = {}
        self._mixed_case: bool | None = None
        self._contents: Ranges | None = None
        self._paragraphs: list[int] | None = None
        self._lower_words: frozenset[str] | None = None
        self._inner_names: frozenset[tuple[str, ...]] | None = None

    @property
    def lower_words(self) -> frozenset[str]:
        """
        Return the words the dispatch writes in lower case (read on first use).

        A capitalised word that is also written so ("There", "Investors")
        is a common word opening a sentence, not a name.
        """
        if self._lower_words is None:
            # Read a piece at a time, each ending after a space: a list of
            # every word of a huge dispatch would outweigh its records.
            text = self.original
            words: set[str] = set()
            for start, end in space_pieces(text):
                words.update(_LOWER_WORD.findall(text, start, end))
            self._lower_words = frozenset(words)
        return self._lower_words

    @property
    def inner_names(self) -> frozenset[tuple[str, ...]]:
        """
        Return the names written at least once inside a sentence, not opening it.

        Capitalised there, a word is a name ("shares of Netflix"); opening a
        sentence it may be any word ("Proceeds", "Total").
        """
        if self._inner_names is None:
            text = self.original
            inner = set()
            names = self.names
            for start, (words, _title, _organisation) in zip(
                names.starts, names.kinds, strict=True
            ):
                before = text[max(0, start - 3) : start].rstrip(" ")
                if before and (before[-1].isalnum() or before[-1] in ",;"):
                    inner.add(words)
            self._inner_names = frozenset(inner)
        return self._inner_names

    @property
    def index(self) -> _NameIndex:
        """
        Return the names of the dispatch (read on first use).
        """
        if self._index is None:
            self._index = _NameIndex(self._state)
        return self._index

    @property
    def contents(self) -> Ranges:
        """
        Return the statements' content ranges (gathered on first use).
        """
        if self._contents is None:
            self._contents = Ranges(
                [(f.start, f.end) for s in self._state.statements for f in s.content.fragments]
            )
        return self._contents

    @property
    def paragraph_starts(self) -> list[int]:
        """
        Return where each body paragraph starts, in order (original offsets).
        """
        if self._paragraphs is None:
            self._paragraphs = [p.span.start for p in self._state.paragraphs]
        return self._paragraphs

    @property
    def names_read(self) -> bool:
        """
        Tell whether the dispatch's names have been read yet.
        """
        return self._index is not None

    @property
    def names(self) -> Names:
        """
        Return every name, in text order, with original-text offsets.
        """
        return self.index.names

    def first_name_from(self, pos: int) -> int:
        """
        Return the index of the first name that starts at ``pos`` or after.
        """
        return bisect.bisect_left(self.names.starts, pos)

    @property
    def counts(self) -> dict[tuple[str, ...], int]:
        """
        Map each multi-word person name to how often it is written.
        """
        return self.index.counts

    @property
    def mixed_case(self) -> bool:
        """
        Tell whether the dispatch is written in mixed case, not all capitals.
        """
        if self._mixed_case is None:
            opening = self._state.text[:2000]
            self._mixed_case = opening != opening.upper()
        return self._mixed_case

    @property
    def by_word(self) -> dict[str, list[tuple[str, ...]]]:
        """
        Map each word of a multi-word person name to the names holding it.
        """
        return self.index.by_word

    def in_person_name(self, word: str) -> bool:
        """
        Tell whether a multi-word person name of the dispatch holds ``word``.
        """
        # An organisation word ("Inc", "Bank") makes every name holding it an
        # organisation's, so "Varex Systems Inc said" is answered without
        # reading the dispatch's names (most Reuters speakers are companies).
        return word.casefold() not in organisation_words() and word in self.by_word

    @property
    def titles(self) -> dict[str, str]:
        """
        Map person names to the title each was first introduced with.
        """
        return self.index.titles

    @property
    def organisations(self) -> dict[str, tuple[str, ...]]:
        """
        Map each word of an organisation name to the first name holding it.
        """
        return self.index.organisations

    @property
    def honorific_gender(self) -> dict[str, str]:
        """
        Map surnames written after ``Mr``/``Mrs``/``Ms`` to ``m``/``f`` (built on first use).
        """
        if self._honorific_gender is None:
            marks: dict[str, str] = {}
            text = self.original
            names = self.names
            for start, (words, _title, _organisation) in zip(
                names.starts, names.kinds, strict=True
            ):
                # "Mrs. Clinton", "Mr Lee": the honorific just before the name.
                # Every honorific holds an "m": most names are passed over
                # without building the lower-cased context.
                before = text[max(0, start - 5) : start]
                if "m" not in before and "M" not in before:
                    continue
                before = before.rstrip(". ").casefold()
                for honorific, gender in _HONORIFIC_GENDERS:
                    if before.endswith(honorific) and not before[: -len(honorific)][-1:].isalpha():
                        marks.setdefault(words[-1], gender)
                        break
            self._honorific_gender = marks
        return self._honorific_gender

    def done_resolving(self) -> None:
        """
        Let go of what only resolving mentions reads: the speakers so far and the contents.

        The names and their look-ups stay, for the entities' mentions.
        """
        self.history.clear()
        self.bodies.clear()
        self._contents = None

    def done_with_names(self) -> None:
        """
        Let go of the names and their look-ups (read again if asked for).
        """
        self._index = None
        self._inner_names = None
        self._honorific_gender = None
        self._fullest.clear()

    def fullest(self, words: tuple[str, ...]) -> str:
        """
        Return the fullest person name containing ``words``.

        A one-word mention is a surname ("Trump") or, failing that, a family
        name written first ("Xi"); the person is the most frequent name with
        that word there, and its longest variant gives the form.
        """
        cached = self._fullest.get(words)
        if cached is None:
            # Read apart from the look-up: most calls repeat a name.
            cached = self._fullest[words] = self._read_fullest(words)
        return cached

    def _read_fullest(self, words: tuple[str, ...]) -> str:
        holders = self.by_word.get(words[-1])
        if not holders:
            return " ".join(words)  # in no longer person name
        wanted = set(words)
        counts = self.counts
        pool = [n for n in holders if len(n) > len(words) and wanted <= set(n)]
        if len(words) > 1:
            # A full name grows only inside ("Hillary Rodham Clinton"): a
            # word before or after it is the sentence's ("Using Ted Cruz").
            pool = [n for n in pool if n[0] == words[0] and n[-1] == words[-1]]
        if not pool:
            return " ".join(words)
        last = [n for n in pool if n[-1] == words[-1]]
        first = [n for n in pool if n[0] == words[0]]
        candidates = last or first or pool

        # The most supported candidate, the shortest of those (the first
        # of equals). A loop, not max() with a closure: compiled (mypyc), a
        # nested function and its environment form a reference cycle.
        best = candidates[0]
        best_key = (_support(best, candidates, counts), -len(best))
        for candidate in candidates[1:]:
            key = (_support(candidate, candidates, counts), -len(candidate))
            if key > best_key:
                best, best_key = candidate, key
        longest = best
        for variant in self.by_word.get(best[-1], ()):
            if variant[0] == best[0] and variant[-1] == best[-1] and len(variant) > len(longest):
                longest = variant
        return " ".join(longest)

    def named(self, words: tuple[str, ...], pos: int, gender: str = "") -> str:
        """
        Return the fullest name of the person ``words`` name at ``pos``.

        A surname alone is the person last named with it ("Johnson" after
        "Jeh Johnson" in a dispatch that also names Gary Johnson), when that
        name was read cleanly: written twice, introduced with a title or
        opening with a known given name. Otherwise, the most written one.
        A ``gender`` (from ``Mrs.``/``Mr.``) skips a person known to take
        the other pronoun.
        """
        if len(words) == 1 and self._ambiguous(words[0]):
            nearest = None
            for name in self.persons_before(pos):
                if len(name.words) > 1 and name.words[-1] == words[0]:
                    if not (
                        name.title
                        or self.counts.get(name.words, 0) > 1
                        or given_name_gender(name.words[0])
                    ):
                        if nearest is None:
                            break
                        continue
                    full = self.fullest(name.words)
                    if gender and self.gender(full) not in {"", gender}:
                        continue
                    nearest = nearest or full
                    # "Bill Clinton ... for his wife Hillary Clinton ...
                    # Clinton said": the one who was the subject.
                    if opens_clause(self.original, name.start, name.end, self.paragraph_starts):
                        return full
            if nearest is not None:
                return nearest
        return self.fullest(words)

    def _ambiguous(self, word: str) -> bool:
        # Whether two person names end with ``word`` ("Gary Johnson", "Jeh
        # Johnson"); most surnames belong to one person and need no search.
        ending = 0
        for name in self.by_word.get(word, ()):
            if name[-1] == word:
                ending += 1
                if ending > 1:
                    return True
        return False

    def gender(self, name: str) -> str:
        """
        Return ``f``/``m`` when the name's pronoun is known, else ``""``.

        A known given name tells first; otherwise an honorific in the
        dispatch (``Mrs. Clinton``) does.
        """
        words = name.split()
        if len(words) > 1:
            # "Tom Hale" beside "Mrs. Hale": a known given name tells first.
            given = given_name_gender(words[0])
            if given:
                return given
        return self.honorific_gender.get(words[-1], "")

    def subject_before(self, pos: int, gender: str) -> tuple[int, Resolution] | None:
        """
        Return the nearest person name before ``pos`` that opens a sentence.

        Only the few names nearest ``pos`` are looked at; a person known to
        take the other pronoun is skipped.
        """
        text = self.original
        names = self.names
        kinds = names.kinds
        last = self.first_name_from(pos) - 1
        for index in range(last, max(-1, last - _SUBJECT_WINDOW), -1):
            if kinds[index][_ORGANISATION]:
                continue  # an organisation's (the named tuple is made only for people)
            name = names[index]
            start = name.start
            opens = opens_clause(text, start, name.end, self.paragraph_starts)
            if not opens or (opens == _INSIDE and self.contents.contain((start, name.end))):
                # A name inside reported speech ("... that, Lee would
                # win") is the subject of what was said, not of the story.
                continue
            if len(name.words) > 1 and name.words[0].isupper() and self.mixed_case:
                continue  # "OBAMA FOCUSED ON GOLF": a subhead, not a person
            full = self.named(name.words, start)
            if " " not in full or (gender and self.gender(full) not in {"", gender}):
                continue  # a lone capitalised word ("Soon,") is no known person
            return start, Resolution(full, "person", name.title or self.title_of(full))
        return None

    def lead_title(self, name: NameMention) -> str | None:
        """
        Return the title written in lower case before a name, or None.

        ``political science professor Ann Lee``, ``Democratic presidential
        candidate Ann Lee``: up to four words before the name's run, ending
        with a title noun, none of them a determiner or followed by
        punctuation.
        """
        text = self.original
        first = run_start(text, name.start)
        words = text[max(0, first - 60) : first].split()[-4:]
        if not words or words[-1].casefold() not in titles():
            return None
        kept: list[str] = []
        for word in reversed(words):
            if not word.replace("-", "").isalpha() or word.casefold() in _NOT_TITLE:
                break
            kept.insert(0, word)
        return " ".join(kept) or None

    def title_of(self, name: str) -> str | None:
        """
        Return the title a person was introduced with, if any.
        """
        return self.titles.get(name)

    def persons_before(self, pos: int) -> Iterator[NameMention]:
        """
        Yield the person names that start before ``pos``, nearest first.
        """
        return self._names_before(pos, organisation=False)

    def in_headline(self, pos: int) -> bool:
        """
        Tell whether ``pos`` (an original offset) lies in the headline.
        """
        headline = self._state.headline
        return headline is not None and headline.span.start <= pos < headline.span.end

    def persons_after(self, pos: int) -> Iterator[NameMention]:
        """
        Yield the person names that start at or after ``pos``, nearest first.
        """
        names = self.names
        kinds = names.kinds
        first = self.first_name_from(pos)
        # A headline's subject is introduced in the first paragraphs: a
        # bounded look ahead keeps this constant per mention.
        for index in range(first, min(len(names), first + _LOOKBACK)):
            if not kinds[index][_ORGANISATION]:
                yield names[index]

    def recent_bodies(self) -> Iterator[tuple[int, int, Resolution]]:
        """
        Yield the latest organisations quoted so far, nearest first.
        """
        bodies = self.bodies
        for index in range(len(bodies) - 1, max(-1, len(bodies) - 1 - _LOOKBACK), -1):
            yield bodies[index]

    def organisations_before(self, pos: int) -> Iterator[NameMention]:
        """
        Yield the organisation names that start before ``pos``, nearest first.
        """
        return self._names_before(pos, organisation=True)

    def _names_before(self, pos: int, *, organisation: bool) -> Iterator[NameMention]:
        names = self.names
        kinds = names.kinds
        last = self.first_name_from(pos) - 1
        # Antecedents are near: looking further back would make a dispatch
        # with many mentions quadratic. A named tuple is made only for the
        # names yielded.
        for index in range(last, max(-1, last - _LOOKBACK), -1):
            if kinds[index][_ORGANISATION] == organisation:
                yield names[index]

    def remember_person(self, pos: int, resolution: Resolution) -> None:
        """
        Add a person speaker resolved at ``pos`` to the speakers so far.
        """
        _keep_latest(self.history, (pos, resolution))

    def remember_body(self, start: int, end: int, resolution: Resolution) -> None:
        """
        Add an organisation quoted at ``text[start:end]`` to those so far.
        """
        _keep_latest(self.bodies, (start, end, resolution))

    def recent_people(self) -> Iterator[tuple[int, Resolution]]:
        """
        Yield the latest person speakers resolved so far, nearest first.
        """
        history = self.history
        for index in range(len(history) - 1, max(-1, len(history) - 1 - _LOOKBACK), -1):
            yield history[index]

    def appositive(self, end: int) -> Resolution | None:
        """
        Return the person named between commas right after ``end``, if any.
        """
        text = self.original
        if text[end : end + 2] != ", " or not text[end + 2 : end + 3].isupper():
            return None  # checked before the names are read: most mentions have none
        index = self.first_name_from(end + 2)
        if index >= len(self.names):
            return None
        name = self.names[index]
        start, name_end = name.start, name.end
        if (
            name.organisation
            or len(name.words) < 2
            or text[name_end : name_end + 1] != ","
            or text[end + 2 : start].strip()
        ):
            return None
        full = self.fullest(name.words)
        return Resolution(full, "person", name.title or self.title_of(full))

    def named_next(self, mention: Mention) -> Resolution | None:
        """
        Return the person the paragraph after a description opening its own names.

        ``A top Lee adviser says ...`` opening a paragraph, and the next one
        opening with a person named there for the first time (``Bo Li spoke
        to reporters ...``): the description is that person, unless the
        name is the one the description names (``Lee``) or holds an office
        no adviser holds (``President``).
        """
        text = self.original
        paragraphs = self.paragraph_starts
        index = bisect.bisect_right(paragraphs, mention.start)
        if index >= len(paragraphs):
            return None
        lead = text[paragraphs[index - 1] if index else 0 : mention.start]
        if lead.strip() and lead.rstrip()[-1:] != "—":
            return None  # opening no paragraph (a dateline may come before)
        end = paragraphs[index]
        index = self.first_name_from(end)
        names = self.names
        for at in range(index, min(len(names), index + 4)):
            name = names[at]
            if name.start > end + _SUBJECT_LEAD_CHARS:
                return None
            if name.organisation and len(name.words) == 1:
                continue  # "Clinton campaign aide ...": a word of the title
            if not opens_clause(text, name.start, name.end, self.paragraph_starts):
                return None
            if (
                name.organisation
                or len(name.words) < 2
                or self.index.first.get(name.words) != name.start
                or any(word in mention.text for word in name.words)
                or (name.title and _OFFICES & set(name.title.casefold().split()))
            ):
                return None
            full = self.fullest(name.words)
            return Resolution(full, "person", name.title or self.title_of(full))
        return None

    def organisation_name(self, name: str) -> str:
        """
        Return the fullest name of an organisation as the dispatch writes it.

        A short form is named in full ("AP" → "Associated Press"; "the
        Times" after "The New York Times"), and a newspaper keeps its
        article ("The Washington Post").
        """
        cached = self._organisation_names.get(name)
        if cached is not None:
            return cached
        full = organisation_aliases().get(name.casefold(), name)
        if " " not in full:
            longer = self.organisations.get(full)
            if longer is not None and len(longer) > 1 and longer[-1] == full:
                full = " ".join(longer)
        if full.rsplit(" ", 1)[-1].casefold() in newspaper_words() and not full.startswith("The "):
            full = f"The {full}"
        self._organisation_names[name] = full
        return full

    def document_before(self, pos: int, window: int, kind: str | None) -> str | None:
        """
        Return the name of the nearest document phrase before ``pos`` (of class ``kind``).

        Only a phrase with modifiers names a document ("a congressional
        report"); the search reads at most ``window`` characters back.
        """
        text = self.original
        found = None
        start = max(0, pos - window)
        nearby = text[start:pos]
        if not any(noun in nearby for noun in documents()):
            return None  # a C-speed test first: most windows name no document
        for match in _document_phrase().finditer(text, start, pos):
            noun = match.group(2)
            cls = documents().get(noun)
            if cls is None or (kind is not None and cls != kind):
                continue
            found = document_name(match.group(1).split(), noun) or found
        return found


# "a congressional report", "an Associated Press-GfK poll", "the probe": an
# article, up to three modifiers and a document noun.
@functools.cache
def _document_phrase() -> regex.Pattern[str]:
    nouns = "|".join(sorted(documents(), key=len, reverse=True))
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?:[Aa]n?|[Tt]he)\s++((?:[\p{L}\p{N}’'\-]++\s++){0,3}?)"
        rf"({nouns})(?![\p{{L}}\p{{N}}])"
    )


def last_person(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    Return the person a definite description (``the 70-year-old``) stands for.

    That is the last person quoted, or the one the sentence before opened
    with when that is nearer.
    """
    gender = description_gender(resolver.original, mention)
    speaker: tuple[int, Resolution] | None = None
    for pos, previous in resolver.recent_people():
        if (
            previous.kind == "person"
            and previous.name is not None
            and (not gender or resolver.gender(previous.name) in {"", gender})
        ):
            speaker = (pos, previous)
            break
    subject = resolver.subject_before(mention.start, gender)
    if subject is not None and (speaker is None or subject[0] > speaker[0]):
        return subject[1]
    return None if speaker is None else speaker[1]


_FEMININE = frozenset({"mother", "daughter", "wife", "widow", "sister", "queen", "actress"})
_MASCULINE = frozenset({"father", "son", "husband", "widower", "brother", "king", "actor"})
# How far after a description its sentence is read for a pronoun.
_PRONOUN_REACH = 80


def description_gender(text: str, mention: Mention) -> str:
    """
    Return ``m``/``f`` when a description tells its person's pronoun, else ``""``.

    The head noun tells (``the businessman``, ``the chairwoman``), or else
    the first possessive of its sentence after it (``The nominee said his
    ...``).

    >>> description_gender("The businessman left.", Mention(0, 15, "The businessman"))
    'm'
    """
    head = mention.text.rstrip(",").rsplit(" ", 1)[-1].casefold()
    if head.endswith("woman") or head in _FEMININE:
        return "f"
    if head.endswith("man") or head in _MASCULINE:
        return "m"
    after = text[mention.end : mention.end + _PRONOUN_REACH]
    stop = min((i for i in (after.find(". "), after.find("\n")) if i >= 0), default=len(after))
    words = after[:stop].split()
    for word in words:
        if word in {"his", "him"}:
            return "m"
        if word == "her":
            return "f"
    return ""


_T = TypeVar("_T")


def _keep_latest(items: list[_T], item: _T) -> None:
    # Adds ``item``; only the latest _LOOKBACK are ever read (recent_people,
    # recent_bodies), so a huge dispatch need not keep every one.
    items.append(item)
    if len(items) > 2 * _LOOKBACK:
        del items[:-_LOOKBACK]


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)


class Ranges:
    """
    Sorted character ranges that tell whether one of them contains a span.

    A running maximum of the ends answers in logarithmic time.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        # Made by map() and accumulate(), which keep the offsets' own int
        # objects: a loop compiled by mypyc would box a new one for each (a
        # huge dispatch has a million ranges).
        self.starts: list[int] = list(map(_FIRST, ranges))
        self.reach: list[int] = list(itertools.accumulate(map(_SECOND, ranges), max))

    def contain(self, span: tuple[int, int]) -> bool:
        index = bisect.bisect_right(self.starts, span[0]) - 1
        return index >= 0 and self.reach[index] >= span[1]
