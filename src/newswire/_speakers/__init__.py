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
#
# resolver.py holds the dispatch's name index and the speakers resolved so
# far. Each rule family has its module: coordination, pronoun, name (names
# and affiliations), organisation (common nouns such as "the company"
# standing for one named before) and description (documents, titles,
# definite descriptions and unnamed sources).
"""
Speaker resolution.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from newswire._model import Entity, Span, Speaker, Statement
from newswire._speakers.coordination import resolve_coordination
from newswire._speakers.description import (
    resolve_definite,
    resolve_description,
    resolve_document,
    resolve_title,
)
from newswire._speakers.name import resolve_affiliation, resolve_name
from newswire._speakers.organisation import resolve_organisation
from newswire._speakers.pronoun import resolve_pronoun
from newswire._speakers.resolver import Mention, Resolution, Resolver
from newswire._statements_lexicon import titles

if TYPE_CHECKING:
    from collections.abc import Callable

    from newswire._state import State

__all__ = ["MENTION_RULES", "resolve_speakers"]


MENTION_RULES: tuple[tuple[str, Callable[[Resolver, Mention], Resolution | None]], ...] = (
    ("coordination", resolve_coordination),
    ("pronoun", resolve_pronoun),
    ("title", resolve_title),
    ("affiliation", resolve_affiliation),
    ("name", resolve_name),
    ("document", resolve_document),
    ("organisation", resolve_organisation),
    ("definite", resolve_definite),
    ("description", resolve_description),
)


# "sources close to the deal", perhaps broken over lines.
_CLOSE_TO = re.compile(r"\sclose\sto\s")


def _resolve(resolver: Resolver, mention: Mention) -> Resolution:
    found = _CLOSE_TO.search(mention.text)
    if found is not None and found.start() > 0:
        close = found.start()
        # "People close to Clinton", "sources close to the board": the
        # speakers are the people so placed, not whom they are close to.
        mention = Mention(mention.start, mention.start + close, mention.text[:close])
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
            if resolution.name is None and resolution.kind == "anonymous":
                # "A spokeswoman for Ann Lee says ...", then a paragraph
                # opening "Campaign aide Bo Li spoke to reporters ...".
                named = resolver.named_next(mention)
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
    # in statement order), each distinct span once. Pairs of numbers are
    # kept as one that sorts as they do (``a * width + b``, with ``width``
    # past the larger): a huge dispatch has a million speaker mentions, and
    # a number weighs a third of a pair.
    statements = state.statements
    count = len(statements)
    order = sorted(
        [
            s.speaker.span.start * count + i
            for i, s in enumerate(statements)
            if s.speaker is not None
        ]
    )
    if not order:
        return
    resolver = Resolver(state)
    width = len(state.norm.original) + 1
    resolved: dict[int, Resolution] = {}
    # A speaker inside another statement's content ("Xi said he and Putin
    # announced ...") is reported, not present: it is no antecedent.
    normalised = state.text
    offsets = state.norm.offsets
    for position in order:
        speaker = statements[position % count].speaker
        assert speaker is not None
        start, end = speaker.span.start, speaker.span.end
        key = start * width + end
        if key in resolved:
            continue
        text = normalised[start:end] if offsets is None else _normalised(state, start, end)
        resolution = resolved[key] = _resolve(resolver, Mention(start, end, text))
        if resolution.kind == "person" and not resolver.contents.contain((start, end)):
            resolver.remember_person(start, resolution)
        elif resolution.kind == "organisation" and resolution.name is not None:
            resolver.remember_body(start, end, resolution)
    # What only the resolving needed goes before the statements are rebuilt:
    # on a huge dispatch, the largest moment of the parse.
    order.clear()
    resolver.done_resolving()
    entities: dict[tuple[str, str], int] = {}
    records: list[_EntityDraft] = []
    # Each statement is replaced where it stands, so the old one goes at once.
    for index, statement in enumerate(statements):
        speaker = statement.speaker
        if speaker is None:
            continue
        resolution = resolved[speaker.span.start * width + speaker.span.end]
        entity = None
        if resolution.name is not None:
            key2 = (resolution.name, resolution.kind)
            if key2 not in entities:
                entities[key2] = len(records)
                records.append(_EntityDraft(resolution))
            entity = entities[key2]
            records[entity].mentions.setdefault(
                speaker.span.start * width + speaker.span.end, speaker.span
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
            continue  # resolved to what it already says
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
        statements[index] = Statement(
            kind=statement.kind,
            content=statement.content,
            cue=statement.cue,
            speaker=resolved_speaker,
            paragraphs=statement.paragraphs,
            rule=statement.rule,
        )
    resolved.clear()
    _add_name_mentions(resolver, records, width)
    resolver.done_with_names()
    state.entities = _entities(records)


def _entities(records: list[_EntityDraft]) -> list[Entity]:
    # The entities in order; each draft's mentions go once its entity is
    # made, and ``records`` is emptied.
    entities: list[Entity] = []
    records.reverse()
    while records:
        record = records.pop()
        mentions = record.mentions
        entities.append(
            Entity(
                name=record.resolution.name,
                kind=record.resolution.kind,
                title=record.resolution.title,
                mentions=tuple([mentions[key] for key in sorted(mentions)]),
            )
        )
        mentions.clear()
    return entities


def _normalised(state: State, start: int, end: int) -> str:
    # The mention's words as the names were read, from the normalised text:
    # an invisible character inside "Lee" must not make another name.
    norm = state.norm
    return state.text[norm.to_copy(start) : norm.to_copy(end)]


@attrs.define
class _EntityDraft:
    resolution: Resolution
    # Spans by offsets, as ``start * width + end`` (see resolve_speakers): a
    # name's span is made only when no speaker mention has it already, and
    # the keys sort as the offsets do without a key function.
    mentions: dict[int, Span] = attrs.Factory(dict)


def _add_name_mentions(resolver: Resolver, records: list[_EntityDraft], width: int) -> None:
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
    names = resolver.names
    starts, ends = names.starts, names.ends
    for index, (name, _title, organisation) in enumerate(names.kinds):
        if organisation or name[-1] not in words:
            continue
        record = people.get(resolver.fullest(name))
        if record is not None:
            start, end = starts[index], ends[index]
            key = start * width + end
            if key not in record.mentions:
                record.mentions[key] = Span(start, end)
