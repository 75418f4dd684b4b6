# Stage 6: speaker resolution. The names of the whole dispatch (headline and
# body) are read once (_mentions); then every statement's speaker mention, in
# text order, is resolved by the first rule of MENTION_RULES that claims it,
# to a canonical name: the fullest form of the name the dispatch uses, titles
# dropped. Pronouns go to the most recent person speaker (or named person)
# before them, title nouns ("the minister") to the person introduced with that
# title. A mention that cannot be resolved keeps name None, never a pronoun.
# Resolved mentions are gathered into Dispatch.entities.
#
# A mention rule receives the resolver and the mention, and returns the
# resolution (name, kind, title), or None when the mention is not its shape.
"""
Speaker resolution.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from newswire._mentions import (
    NameMention,
    affiliations,
    document_name,
    documents,
    find_names,
    is_organisation_word,
    name_shape,
    newspaper_words,
    organisation_aliases,
    organisation_words,
)
from newswire._model import Entity, Span, Speaker, Statement
from newswire._statements_lexicon import given_name_gender, title_word, titles, word_class

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from newswire._model import SpeakerKind
    from newswire._state import State

__all__ = ["MENTION_RULES", "resolve_speakers"]

_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "we"})
# The dash after an AP dateline ("WASHINGTON (AP) — Ann Lee ...") opens the
# first sentence.
_SENTENCE_OPENERS = frozenset('.\n"”?!—')
_SUBJECT_WINDOW = 30
_LOOKBACK = 60
_HONORIFIC_GENDERS = (("mrs", "f"), ("ms", "f"), ("miss", "f"), ("mr", "m"))


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
        names = find_names(state.text, 0, len(state.text))
        headline = state.headline
        if headline is not None and names and _title_case(headline.text):
            # "Why Does Israel Refuse to Recognize ...": in a headline in
            # title case every word is capitalised, so no run there is a name.
            end = headline.span.end
            if state.norm.offsets is not None:
                end = bisect.bisect_left(state.norm.offsets, end)
            skip = 0
            while skip < len(names) and names[skip].start < end:
                skip += 1
            names = names[skip:]
        if state.norm.offsets is not None:
            # The names keep original-text offsets from here on.
            spans = [state.span(n.start, n.end) for n in names]
            names = [
                n._replace(start=sp.start, end=sp.end) for sp, n in zip(spans, names, strict=True)
            ]
        places = self._read(names)
        if not places.isdisjoint(self.counts):
            # A name read as a place once ("in East Africa") is a place
            # throughout. Few dispatches write one both ways, so the names
            # are read again only then.
            names = [
                n._replace(organisation=True) if not n.organisation and n.words in places else n
                for n in names
            ]
            self._read(names)
        self.names = names

    def _read(self, names: list[NameMention]) -> set[tuple[str, ...]]:
        # One pass over the names builds every lookup; returns the names of
        # several words read as organisations or places.
        self.starts: list[int] = []
        # Multi-word person names: how often each is written, which words
        # they contain, and the title each was first introduced with.
        self.counts: dict[tuple[str, ...], int] = {}
        self.by_word: dict[str, list[tuple[str, ...]]] = {}
        self.titles: dict[str, str] = {}
        self.organisations: dict[str, tuple[str, ...]] = {}
        places: set[tuple[str, ...]] = set()
        starts, counts, by_word, titles, organisations = (
            self.starts,
            self.counts,
            self.by_word,
            self.titles,
            self.organisations,
        )
        for name in names:
            starts.append(name.start)
            words = name.words
            if name.organisation:
                if len(words) > 1:
                    places.add(words)
                for word in words:
                    organisations.setdefault(word, words)
                continue
            if name.title:
                titles.setdefault(" ".join(words), name.title)
            if len(words) < 2:
                continue
            if words in counts:
                counts[words] += 1
            else:
                counts[words] = 1
                for word in set(words):
                    by_word.setdefault(word, []).append(words)
        return places


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
        self._fullest: dict[tuple[str, ...], str] = {}
        self.original = state.norm.original
        self._honorific_gender: dict[str, str] | None = None
        self._organisation_names: dict[str, str] = {}
        self._mixed_case: bool | None = None

    @property
    def index(self) -> _NameIndex:
        """
        Return the names of the dispatch (read on first use).
        """
        if self._index is None:
            self._index = _NameIndex(self._state)
        return self._index

    @property
    def names_read(self) -> bool:
        """
        Tell whether the dispatch's names have been read yet.
        """
        return self._index is not None

    @property
    def names(self) -> list[NameMention]:
        """
        Return every name, in text order, with original-text offsets.
        """
        return self.index.names

    @property
    def starts(self) -> list[int]:
        """
        Return the start of every name, in text order.
        """
        return self.index.starts

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
            for name in self.names:
                start = name.start
                # "Mrs. Clinton", "Mr Lee": the honorific just before the name.
                # Every honorific holds an "m": most names are passed over
                # without building the lower-cased context.
                before = text[max(0, start - 5) : start]
                if "m" not in before and "M" not in before:
                    continue
                before = before.rstrip(". ").casefold()
                for honorific, gender in _HONORIFIC_GENDERS:
                    if before.endswith(honorific) and not before[: -len(honorific)][-1:].isalpha():
                        marks.setdefault(name.words[-1], gender)
                        break
            self._honorific_gender = marks
        return self._honorific_gender

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

        def support(name: tuple[str, ...]) -> int:
            # How often the name is written, in this form or inside a
            # longer one ("Hillary Clinton" inside "Crooked Hillary Clinton").
            have = set(name)
            return sum(counts[other] for other in candidates if have <= set(other))

        best = max(candidates, key=lambda n: (support(n), -len(n)))
        longest = best
        for variant in self.by_word.get(best[-1], ()):
            if variant[0] == best[0] and variant[-1] == best[-1] and len(variant) > len(longest):
                longest = variant
        return " ".join(longest)

    def named(self, words: tuple[str, ...], pos: int) -> str:
        """
        Return the fullest name of the person ``words`` name at ``pos``.

        A surname alone is the person last named with it ("Johnson" after
        "Jeh Johnson" in a dispatch that also names Gary Johnson), when that
        name was read cleanly: written twice, introduced with a title or
        opening with a known given name. Otherwise, the most written one.
        """
        if len(words) == 1 and self._ambiguous(words[0]):
            for name in self.persons_before(pos):
                if len(name.words) > 1 and name.words[-1] == words[0]:
                    if (
                        name.title
                        or self.counts.get(name.words, 0) > 1
                        or given_name_gender(name.words[0])
                    ):
                        return self.fullest(name.words)
                    break
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

        An honorific in the dispatch (``Mrs. Clinton``) outranks the
        given-name list.
        """
        words = name.split()
        marked = self.honorific_gender.get(words[-1], "")
        return marked or given_name_gender(words[0])

    def subject_before(self, pos: int, gender: str) -> tuple[int, Resolution] | None:
        """
        Return the nearest person name before ``pos`` that opens a sentence.

        Only the few names nearest ``pos`` are looked at; a person known to
        take the other pronoun is skipped.
        """
        text = self.original
        names = self.names
        last = bisect.bisect_left(self.starts, pos) - 1
        for index in range(last, max(-1, last - _SUBJECT_WINDOW), -1):
            name = names[index]
            if name.organisation:
                continue
            start = name.start
            before = text[max(0, start - 8) : start].rstrip()
            if (
                before
                and before[-1] not in _SENTENCE_OPENERS
                and not before.endswith(("Mr.", "Mrs.", "Ms.", "Dr."))
            ):
                continue
            if len(name.words) > 1 and name.words[0].isupper() and self.mixed_case:
                continue  # "OBAMA FOCUSED ON GOLF": a subhead, not a person
            full = self.named(name.words, start)
            if " " not in full or (gender and self.gender(full) not in {"", gender}):
                continue  # a lone capitalised word ("Soon,") is no known person
            return start, Resolution(full, "person", name.title or self.title_of(full))
        return None

    def title_of(self, name: str) -> str | None:
        """
        Return the title a person was introduced with, if any.
        """
        return self.titles.get(name)

    def persons_before(self, pos: int) -> Iterator[NameMention]:
        """
        Yield the person names that start before ``pos``, nearest first.
        """
        names = self.names
        last = bisect.bisect_left(self.starts, pos) - 1
        # Antecedents are near: looking further back would make a dispatch
        # with many mentions quadratic.
        for index in range(last, max(-1, last - _LOOKBACK), -1):
            name = names[index]
            if not name.organisation:
                yield name

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
        first = bisect.bisect_left(self.starts, pos)
        # A headline's subject is introduced in the first paragraphs: a
        # bounded look ahead keeps this constant per mention.
        for index in range(first, min(len(names), first + _LOOKBACK)):
            name = names[index]
            if not name.organisation:
                yield name

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
        index = bisect.bisect_left(self.starts, end + 2)
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


def resolve_coordination(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``he and Putin``, ``Smith and Jones``: several people, no single name.
    """
    del resolver
    text = mention.text
    if " and " in text and not any(
        w[:1].isupper() and is_organisation_word(w) for w in text.split()
    ):
        # "Minister of Public Works and Transport Ann Lee": one person,
        # whose portfolio holds the "and".
        head = text[: text.find(" and ")].split()
        for index, word in enumerate(head[:-1]):
            if (
                head[index + 1] in {"of", "for"}
                and word[:1].isupper()
                and title_word(word.casefold()) in titles()
            ):
                return None
        return Resolution(None, "group")
    return None


def resolve_pronoun(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``he``/``she``: the most recent person speaker, else the most recent named person.
    """
    lowered = mention.text.casefold()
    if lowered == "who":
        # "Ann Lee, who said ...": the name just before.
        for name in resolver.persons_before(mention.start):
            return Resolution(resolver.fullest(name.words), "person", name.title)
        return Resolution(None, "unknown")
    if lowered in _GROUP_PRONOUNS:
        return Resolution(None, "group")
    if lowered == "it":
        # "The report said ... It said": a document just named.
        found = resolver.document_before(mention.start, _IT_WINDOW, None)
        return Resolution(found, "unknown")
    if word_class(lowered) == "pronoun" and lowered not in _SINGULAR_PRONOUNS:
        return Resolution(None, "unknown")
    if lowered not in _SINGULAR_PRONOUNS:
        return None
    gender = "f" if lowered in {"she", "her"} else "m"
    # The last person quoted or the last person opening a sentence, whichever
    # is nearer, skipping anyone known to take the other pronoun.
    speaker: tuple[int, Resolution] | None = None
    for pos, previous in resolver.recent_people():
        if (
            previous.kind == "person"
            and previous.name is not None
            and resolver.gender(previous.name) in {"", gender}
        ):
            speaker = (pos, previous)
            break
    subject = resolver.subject_before(mention.start, gender)
    if speaker is not None and (subject is None or subject[0] < speaker[0]):
        return speaker[1]
    if subject is not None:
        return subject[1]
    for name in resolver.persons_before(mention.start):
        if len(name.words) > 1:
            full = resolver.fullest(name.words)
            if resolver.gender(full) in {"", gender}:
                return Resolution(full, "person", resolver.title_of(full))
    return Resolution(None, "unknown")


def resolve_name(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``Xi``, ``Mr McQuaid``, ``Chinese President Xi Jinping``, ``the FBI``.
    """
    text = mention.text.rstrip(",")
    if text.endswith((" newspaper", " paper")):
        text = text.rsplit(" ", 1)[0]  # "The Times newspaper"
    words = text.split()
    if not words or not words[-1][:1].isupper():
        return None  # "The New York businessman": a description.
    possessive = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s", "’", "'"))]
    if possessive:
        # "the Washington Post's Ishaan Tharoor": the name after the
        # possessive; "Carter's press secretary": a description.
        shape = name_shape(" ".join(words[possessive[-1] + 1 :]))
        if shape is not None and len(shape[2]) > 1 and not shape[4]:
            full = resolver.fullest(shape[2])
            return Resolution(full, "person", shape[3] or resolver.title_of(full))
        return Resolution(None, "anonymous")
    last_word = words[-1].removesuffix("'s").removesuffix("’s")
    # "The Bank of England": an organisation, unless its last word is also a
    # person's name. Before the dispatch's names are read, the phrase is
    # read first: most mentions are no organisation and need no names.
    if resolver.names_read:
        organisation = None if resolver.in_person_name(last_word) else _organisation_name(text)
    else:
        organisation = _organisation_name(text)
        if organisation is not None and resolver.in_person_name(last_word):
            organisation = None
    if organisation is not None:
        return Resolution(resolver.organisation_name(organisation), "organisation")
    text = mention.text
    for marker in (" of ", " from ", " at ", " for ", ","):
        cut = text.find(marker)
        if cut > 0 and not _title_around(text, cut, marker):
            text = text[:cut]
    # The name is the run of capitalised words the mention ends with.
    run: list[str] = []
    for word in reversed(text.split()):
        if not word[:1].isupper():
            break
        run.insert(0, word)
    shape = name_shape(" ".join(run)) if run else None
    if shape is None:
        if len(run) == 1 and run[0] in resolver.by_word:
            # "King said" after "Billie Jean King": a surname that is also a title.
            full = resolver.named((run[0],), mention.start)
            return Resolution(full, "person", resolver.title_of(full))
        return None
    kept, title, is_organisation = shape[2], shape[3], shape[4]
    if len(kept) == 1 and word_class(kept[0].casefold()) in {
        "group",
        "anonymous",
        "organisation",
        "pronoun",
    }:
        return None  # "Officials", "Sources": a description, capitalised.
    if is_organisation:
        return Resolution(resolver.organisation_name(" ".join(kept)), "organisation")
    if len(kept) == 1 and kept[0] not in resolver.by_word and kept[0] in resolver.organisations:
        # "CoFAB said" after "CoFAB Inc said": the organisation named before.
        return Resolution(" ".join(resolver.organisations[kept[0]]), "organisation")
    full = resolver.named(kept, mention.start)
    return Resolution(full, "person", title or resolver.title_of(full))


def _title_around(text: str, cut: int, marker: str) -> bool:
    # "Secretary of State Ann Lee", "Chief of Staff Bo Li": the connector is
    # part of a title, not the start of a postmodifier.
    before = text[:cut].split()
    after = text[cut + len(marker) :].split()
    if not before or not after:
        return False
    phrase = f"{before[-1]}{marker}{after[0]}".casefold()
    # "Vice Minister of Commerce Liu Hongtao", "Minister for Foreign Affairs
    # Ann Lee": a title word before "of"/"for" heads a portfolio.
    return phrase in titles() or (
        marker in {" of ", " for "}
        and before[-1][:1].isupper()
        and after[0][:1].isupper()
        and title_word(before[-1].casefold()) in titles()
    )


def _organisation_name(text: str) -> str | None:
    # "The nonpartisan Commission on Presidential Debates", "the Foreign
    # Ministry": a capitalised phrase holding an organisation word is named
    # from its first capitalised word to its end.
    words = text.rstrip(",").split()
    if not words or not words[-1][:1].isupper():
        return None
    if not any(w[:1].isupper() and is_organisation_word(w) for w in words):
        return None
    start = 0
    while start < len(words) - 1 and (
        not words[start][:1].isupper() or words[start].casefold() in {"the", "a", "an"}
    ):
        start += 1
    return " ".join(words[start:]) or None


def resolve_affiliation(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``the Clinton campaign``, ``Trump's campaign``, ``the campaign``: the leader's body.
    """
    if not mention.text.endswith(affiliations()):
        return None  # a C-speed test first: nearly no mention is one
    words = mention.text.rstrip(",").split()
    if len(words) < 2 or words[-1].casefold() not in affiliations():
        return None
    first = words[0].casefold()
    owner = [w.removesuffix("'s").removesuffix("’s") for w in words[1:-1]]
    if first not in {"the", "his", "her"} and not words[0].endswith(("'s", "’s")):
        return None
    if first == "the" and not owner:
        person = _last_person(resolver, mention)
    elif first in {"his", "her"} and not owner:
        person = resolve_pronoun(resolver, Mention(mention.start, mention.end, first))
    else:
        if first != "the":
            owner = [w.removesuffix("'s").removesuffix("’s") for w in words[:-1]]
        if not owner or not all(w[:1].isupper() for w in owner):
            return None
        shape = name_shape(" ".join(owner))
        if shape is None or shape[4]:
            return None
        person = Resolution(resolver.fullest(shape[2]), "person")
    if person is None or person.name is None:
        return Resolution(None, "organisation")
    return Resolution(f"{person.name} {words[-1].casefold()}", "organisation")


# "a congressional report", "an Associated Press-GfK poll", "the probe": an
# article, up to three modifiers and a document noun.
@functools.cache
def _document_phrase() -> regex.Pattern[str]:
    nouns = "|".join(sorted(documents(), key=len, reverse=True))
    return regex.compile(
        r"(?<![\p{L}\p{N}])(?:[Aa]n?|[Tt]he)\s++((?:[\p{L}\p{N}’'\-]++\s++){0,3}?)"
        rf"({nouns})(?![\p{{L}}\p{{N}}])"
    )


_DOCUMENT_WINDOW = 3000
_IT_WINDOW = 250


def resolve_document(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``a congressional report``, ``the survey``, ``it``: a document quoted like a person.
    """
    lowered = mention.text.rstrip(",").casefold().split()
    if not lowered or lowered[0] not in {"a", "an", "the"}:
        return None
    nouns = documents()
    head = next((i for i, w in enumerate(lowered) if w in nouns), None)
    if head is None:
        return None
    words = mention.text.rstrip(",").split()
    noun = lowered[head]
    name = document_name(words[1:head], noun)
    if name is not None:
        return Resolution(name, "unknown")
    if head > 1:
        return None  # "a source familiar with the investigation"
    # "the report": the one introduced before, named by its modifiers.
    found = resolver.document_before(mention.start, _DOCUMENT_WINDOW, documents()[noun])
    return None if found is None else Resolution(found, "unknown")


_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "its", "their", "our", "this", "that"}
)


def resolve_title(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``The Chinese president``, ``the minister``: the person introduced with that title.
    """
    words = mention.text.split()
    if not words:
        return None
    head = words[-1].casefold().rstrip(",")
    first = words[0].casefold()
    # Headlines drop articles: "Mayor vows ..." is the mayor the story
    # introduces below, while in the body "King said" is a surname.
    headline = resolver.in_headline(mention.start)
    if head not in titles() or (
        words[-1][:1].isupper() and first not in _DETERMINERS and not headline
    ):
        # "King said", "Bank chief Mervyn King said": a surname, not "the
        # king"; a title noun in running text comes after a determiner.
        return None
    if first in {"a", "an", "one", "another"} or any(
        w.endswith(("'s", "’s", "’", "'")) for w in words[:-1]
    ):
        return Resolution(None, "anonymous")  # "a spokesman", "Lee's spokeswoman"
    wanted = title_word(head)
    # "The Florida senator": a place or party before the title must be in
    # the title the person was introduced with.
    modifiers = {w.casefold() for w in words[1:-1] if w[:1].isupper()}
    candidates = (
        resolver.persons_after(mention.start)
        if headline
        else resolver.persons_before(mention.start)
    )
    for name in candidates:
        if name.title and wanted in {title_word(w) for w in name.title.split()}:
            if not modifiers <= {w.casefold() for w in name.title.split()}:
                continue
            full = resolver.fullest(name.words)
            return Resolution(full, "person", name.title)
    if headline:
        return None  # nothing precedes a headline: let the other rules try
    # "the governor" with no titled introduction: the person last quoted or
    # last opening a sentence, whichever is nearer.
    return _last_person(resolver, mention) or Resolution(None, "anonymous")


def _last_person(resolver: Resolver, mention: Mention) -> Resolution | None:
    # The person a definite description ("the 70-year-old", "the Wisconsin
    # Republican") stands for: the last one quoted, or the one the sentence
    # before opened with when that is nearer.
    speaker: tuple[int, Resolution] | None = None
    for pos, previous in resolver.recent_people():
        if previous.kind == "person" and previous.name is not None:
            speaker = (pos, previous)
            break
    subject = resolver.subject_before(mention.start, "")
    if subject is not None and (speaker is None or subject[0] > speaker[0]):
        return subject[1]
    return None if speaker is None else speaker[1]


def resolve_definite(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``the 70-year-old``, ``The New York businessman``: the person last quoted.
    """
    words = mention.text.split()
    if len(words) < 2 or words[0].casefold() != "the":
        return None
    head = words[-1].casefold().rstrip(",")
    if (
        not words[-1][:1].islower()
        or head.endswith("s")
        or word_class(head) in {"group", "organisation", "anonymous", "channel", "listener"}
    ):
        return None
    return _last_person(resolver, mention)


def resolve_description(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``officials``, ``a source``, ``the ministry``: sources with no person name.
    """
    del resolver
    words = [w.casefold() for w in mention.text.split()]
    if not words:
        return None
    head = words[-1].rstrip(",")
    cls = word_class(head)
    if cls == "group" or (head.endswith("s") and words[0] not in {"the", "a", "an"}):
        return Resolution(None, "group")
    if cls == "organisation":
        return Resolution(None, "organisation")
    return Resolution(None, "anonymous" if words[0] in {"a", "an", "one"} else "unknown")


MENTION_RULES: tuple[tuple[str, Callable[[Resolver, Mention], Resolution | None]], ...] = (
    ("coordination", resolve_coordination),
    ("pronoun", resolve_pronoun),
    ("title", resolve_title),
    ("affiliation", resolve_affiliation),
    ("name", resolve_name),
    ("document", resolve_document),
    ("definite", resolve_definite),
    ("description", resolve_description),
)


def _resolve(resolver: Resolver, mention: Mention) -> Resolution:
    for _name, rule in MENTION_RULES:
        resolution = rule(resolver, mention)
        if resolution is not None:
            if (
                resolution.name is None
                and resolver.original.startswith(", ", mention.end)
                and resolution.kind in {"anonymous", "unknown"}
            ):
                # "Carter's press secretary, Peter Cook, told ...": the
                # description is named by the appositive after it.
                named = resolver.appositive(mention.end)
                if named is not None:
                    return named
            return resolution
    return Resolution(None, "unknown")


def resolve_speakers(state: State) -> None:
    """
    Resolve every statement's speaker mention to an entity.

    >>> import newswire
    >>> d = newswire.parse("Mayor Ann Lee opened the bridge. The mayor said it was safe.")
    >>> [(s.speaker.text, s.speaker.name) for s in d.statements]
    [('The mayor', 'Ann Lee')]
    >>> [(e.name, e.title) for e in d.entities]
    [('Ann Lee', 'Mayor')]
    """
    # Mentions are resolved in text order (statements with the same start
    # in statement order), each distinct span once.
    order = sorted(
        (s.speaker.span.start, i) for i, s in enumerate(state.statements) if s.speaker is not None
    )
    if not order:
        return
    resolver = Resolver(state)
    resolved: dict[tuple[int, int], Resolution] = {}
    # A speaker inside another statement's content ("Xi said he and Putin
    # announced ...") is reported, not present: it is no antecedent. The
    # ranges are gathered when a person is first resolved.
    contents: _Ranges | None = None
    normalised = state.text
    offsets = state.norm.offsets
    for _start, index in order:
        speaker = state.statements[index].speaker
        assert speaker is not None
        key = (speaker.span.start, speaker.span.end)
        if key in resolved:
            continue
        text = (
            normalised[key[0] : key[1]] if offsets is None else _normalised(state, key[0], key[1])
        )
        resolution = resolved[key] = _resolve(resolver, Mention(key[0], key[1], text))
        if resolution.kind == "person":
            if contents is None:
                contents = _Ranges(
                    [(f.start, f.end) for s in state.statements for f in s.content.fragments]
                )
            if not contents.contain(key):
                resolver.history.append((key[0], resolution))
    entities: dict[tuple[str, str], int] = {}
    records: list[_EntityDraft] = []
    statements: list[Statement] = []
    for statement in state.statements:
        speaker = statement.speaker
        if speaker is None:
            statements.append(statement)
            continue
        resolution = resolved[(speaker.span.start, speaker.span.end)]
        entity = None
        if resolution.name is not None:
            key2 = (resolution.name, resolution.kind)
            if key2 not in entities:
                entities[key2] = len(records)
                records.append(_EntityDraft(resolution))
            entity = entities[key2]
            records[entity].mentions.setdefault(
                (speaker.span.start, speaker.span.end), speaker.span
            )
        how = speaker.how
        if (
            how == "name"
            and resolution.kind == "person"
            and resolution.name is not None
            and speaker.text.split()[-1].casefold() in titles()
        ):
            how = "title"
        if (
            entity is None
            and resolution.name is None
            and speaker.name is None
            and resolution.kind == speaker.kind
            and how == speaker.how
            and speaker.entity is None
        ):
            statements.append(statement)  # resolved to what it already says
            continue
        # Built field by field rather than with attrs.evolve, which costs
        # several times more; test_speakers checks that no field is missed.
        resolved_speaker = Speaker(
            text=speaker.text,
            span=speaker.span,
            name=resolution.name,
            kind=resolution.kind,
            how=how,
            entity=entity,
        )
        statements.append(
            Statement(
                kind=statement.kind,
                content=statement.content,
                cue=statement.cue,
                speaker=resolved_speaker,
                paragraphs=statement.paragraphs,
                rule=statement.rule,
            )
        )
    state.statements = statements
    _add_name_mentions(resolver, records)
    state.entities = [
        Entity(
            name=r.resolution.name,
            kind=r.resolution.kind,
            title=r.resolution.title,
            mentions=tuple([r.mentions[key] for key in sorted(r.mentions)]),
        )
        for r in records
    ]


def _normalised(state: State, start: int, end: int) -> str:
    # The mention's words as the names were read, from the normalised text:
    # an invisible character inside "Lee" must not make another name.
    offsets = state.norm.offsets
    assert offsets is not None
    return state.text[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)]


@attrs.define
class _EntityDraft:
    resolution: Resolution
    # Spans by offsets: a name's span is made only when no speaker mention
    # has it already, and the offsets sort without a key function.
    mentions: dict[tuple[int, int], Span] = attrs.Factory(dict)


class _Ranges:
    """
    Sorted character ranges that tell whether one of them contains a span.

    A running maximum of the ends answers in logarithmic time.
    """

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges.sort()
        self.starts = [start for start, _end in ranges]
        self.reach: list[int] = []
        furthest = -1
        for _start, end in ranges:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def contain(self, span: tuple[int, int]) -> bool:
        index = bisect.bisect_right(self.starts, span[0]) - 1
        return index >= 0 and self.reach[index] >= span[1]


def _add_name_mentions(resolver: Resolver, records: list[_EntityDraft]) -> None:
    # Every occurrence of a person's name (or a part of it) is a mention.
    people = {
        record.resolution.name: record
        for record in records
        if record.resolution.kind == "person" and record.resolution.name is not None
    }
    if not people:
        return
    # A name shares its last word with the person's fullest name, or holds
    # it ("Xi" in "Xi Jinping"): other names need no look-up.
    words = {word for person in people for word in person.split()}
    # Filtered in a comprehension first: most names are passed over.
    for name in [n for n in resolver.names if n.words[-1] in words]:
        if name.organisation:
            continue
        full = resolver.fullest(name.words)
        record = people.get(full)
        if record is not None and (name.start, name.end) not in record.mentions:
            record.mentions[(name.start, name.end)] = Span(name.start, name.end)
