"""
Pronouns: the person (or document) they stand for.
"""

from __future__ import annotations

from newswire._speakers.resolver import Mention, Resolution, Resolver
from newswire._statements_lexicon import word_class

__all__ = ["resolve_pronoun"]

_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_GROUP_PRONOUNS = frozenset({"they", "we", "their"})
_IT_WINDOW = 250


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
