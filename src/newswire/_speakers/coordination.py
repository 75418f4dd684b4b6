"""
Coordinated mentions: several people, no single name.
"""

from __future__ import annotations

from newswire._mentions import is_organisation_word
from newswire._speakers.resolver import Mention, Resolution, Resolver
from newswire._statements_lexicon import title_word, titles

__all__ = ["resolve_coordination"]


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
