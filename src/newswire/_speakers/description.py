"""
Descriptions: documents, title nouns, definite descriptions and unnamed sources.
"""

from __future__ import annotations

from newswire._lexicons import read_mapping
from newswire._mentions import document_name, documents
from newswire._speakers.organisation import organisation_types
from newswire._speakers.resolver import Mention, Resolution, Resolver, last_person
from newswire._statements_lexicon import title_word, titles, word_class

__all__ = ["resolve_definite", "resolve_description", "resolve_document", "resolve_title"]

_DOCUMENT_WINDOW = 3000


def _breaks_document(word: str) -> bool:
    # "a report by ...", "a memo seen by ...", "a letter Monday": a word
    # after the noun that ends the document's name.
    return (
        not word.islower()
        or read_mapping("document_words.txt").get(word) == "document-breaker"
        or word.endswith(("ed", "en"))
    )


def resolve_document(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``a congressional report``, ``the survey``, ``it``: a document quoted like a person.
    """
    lowered = mention.text.rstrip(",").casefold().split()
    if not lowered:
        return None
    nouns = documents()
    if lowered[0] not in {"a", "an", "the"}:
        # "state law", "federal data": a document with no article, all in
        # lower case, named by its modifiers.
        words = mention.text.rstrip(",").split()
        if (
            len(words) < 2
            or lowered[-1] not in nouns
            or lowered[0] in _DETERMINERS
            or any(not w.isalpha() or not w.islower() for w in words)
        ):
            return None  # "its analysis", "one report": no name
        name = document_name(words[:-1], words[-1])
        return None if name is None else Resolution(name, "unknown")
    head = next((i for i, w in enumerate(lowered) if w in nouns), None)
    if head is None or (head + 1 < len(lowered) and not _breaks_document(lowered[head + 1])):
        return None  # "the law firm": the noun modifies another
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


# Heads of unnamed sources, and of bodies written as common nouns.
_ANONYMOUS = frozenset({"source", "sources", "insider", "insiders"})
_FORCES = frozenset({"police", "military", "army", "navy", "government", "authorities"})
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
    named = resolver.appositive(mention.end)
    if named is not None:
        return named  # "His campaign manager, Bo Li, said": named right after
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
        # "Chinese President Xi", or in lower case before the name
        # ("Democratic presidential candidate Ann Lee").
        title = name.title or resolver.lead_title(name)
        if title and wanted in {title_word(w) for w in title.split()}:
            if not modifiers <= {w.casefold() for w in title.split()}:
                continue
            full = resolver.fullest(name.words)
            return Resolution(full, "person", name.title)
    if headline:
        return None  # nothing precedes a headline: let the other rules try
    # "the governor" with no titled introduction: the person last quoted or
    # last opening a sentence, whichever is nearer.
    return last_person(resolver, mention) or Resolution(None, "anonymous")


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
        or head in organisation_types()
    ):
        return None  # "the club" with no club named before is no person
    return last_person(resolver, mention)


def resolve_description(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``officials``, ``a source``, ``the ministry``: sources with no person name.
    """
    del resolver
    words = [w.casefold() for w in mention.text.split()]
    if not words:
        return None
    head = words[-1].rstrip(",")
    if head in _ANONYMOUS:
        return Resolution(None, "anonymous")  # "sources", "people familiar with"
    if head in _FORCES:
        return Resolution(None, "organisation")  # "police", "the military"
    cls = word_class(head)
    if cls == "group" or (head.endswith("s") and words[0] not in {"the", "a", "an"}):
        return Resolution(None, "group")
    if cls == "organisation" or head in organisation_types():
        return Resolution(None, "organisation")  # "the club", "the ministry"
    return Resolution(None, "anonymous" if words[0] in {"a", "an", "one"} else "unknown")
