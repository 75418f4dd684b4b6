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

from typing import TYPE_CHECKING

import attrs

from newswire._mentions import NameMention, find_names
from newswire._model import Entity, Span
from newswire._statements_lexicon import titles, word_class

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._model import SpeakerKind, Statement
    from newswire._state import State

__all__ = ["MENTION_RULES", "resolve_speakers"]

_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "we"})


@attrs.frozen
class Resolution:
    """
    Who a mention refers to: canonical name (None when unknown), kind and title.
    """

    name: str | None
    kind: SpeakerKind
    title: str | None = None


@attrs.frozen
class Mention:
    """
    A speaker mention being resolved: original offsets and text.
    """

    start: int
    end: int
    text: str


class Resolver:
    """
    The names of one dispatch and the speakers resolved so far.
    """

    def __init__(self, state: State) -> None:
        """
        Read every name of the dispatch.
        """
        self.names: list[tuple[Span, NameMention]] = [
            (state.span(n.start, n.end), n) for n in find_names(state.text, 0, len(state.text))
        ]
        self.persons = [(span, n) for span, n in self.names if not n.organisation]
        self.history: list[tuple[int, Resolution]] = []

    def fullest(self, words: tuple[str, ...], before: int) -> str:
        """
        Return the fullest person name containing ``words``.

        A one-word mention is a surname ("Trump") or, failing that, a family
        name written first ("Xi"); the person is the most frequent name with
        that word there, and its longest variant gives the form.
        """
        del before
        wanted = set(words)
        counts: dict[tuple[str, ...], int] = {}
        for _span, name in self.persons:
            if len(name.words) > len(words) and wanted <= set(name.words):
                counts[name.words] = counts.get(name.words, 0) + 1
        if not counts:
            return " ".join(words)
        last = [n for n in counts if n[-1] == words[-1]]
        pool = last or [n for n in counts if n[0] == words[0]] or list(counts)
        best = max(pool, key=lambda n: (counts[n], -len(n)))
        longest = best
        for variant in counts:
            if variant[0] == best[0] and variant[-1] == best[-1] and len(variant) > len(longest):
                longest = variant
        return " ".join(longest)

    def title_of(self, name: str) -> str | None:
        """
        Return the title a person was introduced with, if any.
        """
        words = set(name.split())
        for _span, mention in self.persons:
            if (
                mention.title
                and words <= set(mention.words) | words
                and set(mention.words) <= words
            ):
                return mention.title
        return None


def resolve_pronoun(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``he``/``she``: the most recent person speaker, else the most recent named person.
    """
    lowered = mention.text.casefold()
    if lowered in _GROUP_PRONOUNS:
        return Resolution(None, "group")
    if word_class(lowered) == "pronoun" and lowered not in _SINGULAR_PRONOUNS:
        return Resolution(None, "unknown")
    if lowered not in _SINGULAR_PRONOUNS:
        return None
    for _pos, previous in reversed(resolver.history):
        if previous.kind == "person" and previous.name is not None:
            return previous
    for span, name in reversed(resolver.persons):
        if span.start < mention.start and len(name.words) > 1:
            full = resolver.fullest(name.words, mention.start)
            return Resolution(full, "person", resolver.title_of(full))
    return Resolution(None, "unknown")


def resolve_name(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``Xi``, ``Mr McQuaid``, ``Chinese President Xi Jinping``, ``the FBI``.
    """
    names = [n for span, n in resolver.names if mention.start <= span.start < mention.end]
    if not names:
        return None
    if len(names) == 1 and len(names[0].words) == 1 and word_class(
        names[0].words[0].casefold()
    ) in {"group", "anonymous", "organisation", "pronoun"}:
        return None  # "Officials", "Sources": a description, capitalised.
    name = names[-1]
    if name.organisation:
        return Resolution(" ".join(name.words), "organisation")
    full = resolver.fullest(name.words, mention.start)
    return Resolution(full, "person", name.title or resolver.title_of(full))


def resolve_title(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``The Chinese president``, ``the minister``: the person introduced with that title.
    """
    words = mention.text.split()
    if not words:
        return None
    head = words[-1].casefold().rstrip(",")
    first = words[0].casefold()
    if head not in titles():
        return None
    if first in {"a", "an", "one", "another"}:
        return Resolution(None, "anonymous")
    for span, name in reversed(resolver.persons):
        if span.start >= mention.start or not name.title:
            continue
        if head in name.title.casefold().split():
            full = resolver.fullest(name.words, mention.start)
            return Resolution(full, "person", name.title)
    # "the governor" with no titled introduction: the person last quoted.
    for _pos, previous in reversed(resolver.history):
        if previous.kind == "person" and previous.name is not None:
            return previous
    return Resolution(None, "anonymous")


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
    ("pronoun", resolve_pronoun),
    ("title", resolve_title),
    ("name", resolve_name),
    ("description", resolve_description),
)


def _resolve(resolver: Resolver, mention: Mention) -> Resolution:
    for _name, rule in MENTION_RULES:
        resolution = rule(resolver, mention)
        if resolution is not None:
            return resolution
    return Resolution(None, "unknown")


def resolve_speakers(state: State) -> None:
    """
    Resolve every statement's speaker mention to an entity.
    """
    if not any(s.speaker is not None for s in state.statements):
        return
    resolver = Resolver(state)
    original = state.norm.original
    order = sorted(
        (i for i, s in enumerate(state.statements) if s.speaker is not None),
        key=lambda i: _mention_start(state.statements[i]),
    )
    resolved: dict[tuple[int, int], Resolution] = {}
    # A speaker inside another statement's content ("Xi said he and Putin
    # announced ...") is reported, not present: it is no antecedent.
    contents = sorted((f.start, f.end) for s in state.statements for f in s.content.fragments)
    for index in order:
        speaker = state.statements[index].speaker
        assert speaker is not None
        key = (speaker.span.start, speaker.span.end)
        if key not in resolved:
            mention = Mention(key[0], key[1], original[key[0] : key[1]])
            resolved[key] = _resolve(resolver, mention)
            if not _inside(contents, key):
                resolver.history.append((key[0], resolved[key]))
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
            records[entity].mentions.add(speaker.span)
        how = speaker.how
        if (
            how == "name"
            and resolution.kind == "person"
            and resolution.name is not None
            and speaker.text.split()[-1].casefold() in titles()
        ):
            how = "title"
        statements.append(
            attrs.evolve(
                statement,
                speaker=attrs.evolve(
                    speaker, name=resolution.name, kind=resolution.kind, how=how, entity=entity
                ),
            )
        )
    state.statements = statements
    _add_name_mentions(resolver, records)
    state.entities = [
        Entity(
            name=r.resolution.name,
            kind=r.resolution.kind,
            title=r.resolution.title,
            mentions=tuple(sorted(r.mentions, key=lambda s: (s.start, s.end))),
        )
        for r in records
    ]


@attrs.define
class _EntityDraft:
    resolution: Resolution
    mentions: set[Span] = attrs.Factory(set)


def _mention_start(statement: Statement) -> int:
    return -1 if statement.speaker is None else statement.speaker.span.start


def _inside(ranges: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    # ranges are sorted by start; a linear scan over the few that start before.
    for start, end in ranges:
        if start > span[0]:
            return False
        if span[1] <= end:
            return True
    return False


def _add_name_mentions(resolver: Resolver, records: list[_EntityDraft]) -> None:
    # Every occurrence of a person's name (or a part of it) is a mention.
    for record in records:
        if record.resolution.kind != "person" or record.resolution.name is None:
            continue
        words = set(record.resolution.name.split())
        for span, name in resolver.persons:
            if set(name.words) <= words:
                record.mentions.add(span)
