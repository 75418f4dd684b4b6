"""
Names: persons and organisations as the dispatch names them, and bodies named after a leader.
"""

from __future__ import annotations

from newswire._mentions import affiliations, countries, is_organisation_word, name_shape
from newswire._speakers.pronoun import resolve_pronoun
from newswire._speakers.resolver import Mention, Resolution, Resolver, last_person
from newswire._statements_lexicon import title_word, titles, word_class

__all__ = ["resolve_affiliation", "resolve_name"]


def resolve_name(resolver: Resolver, mention: Mention) -> Resolution | None:
    """
    ``Xi``, ``Mr McQuaid``, ``Chinese President Xi Jinping``, ``the FBI``.
    """
    text = mention.text.rstrip(",")
    if text.endswith((" newspaper", " paper")):
        text = text.rsplit(" ", 1)[0]  # "The Times newspaper"
    words = text.split()
    if words and not words[-1][:1].isupper():
        # "Ann Lee with the Teamsters union": the name before its affiliation.
        trimmed = _without_affiliation(resolver, text)
        if trimmed is None:
            return None  # "The New York businessman": a description.
        mention = Mention(mention.start, mention.start + len(trimmed), trimmed)
        text = trimmed
        words = text.split()
    if not words:
        return None
    if len(words) == 1 and word_class(words[0].casefold()) in {"group", "anonymous"}:
        return None  # "Police", "Sources": a description, capitalised.
    place = " ".join(words[1:] if words[0].casefold() == "the" else words)
    country = countries().get(place.casefold())
    if country is not None and not resolver.in_person_name(words[-1]):
        # "Brazil said", "Beijing said": a country's government.
        return Resolution(place if country == place.casefold() else country, "country")
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
    honorific = words[0].rstrip(".").casefold()
    gender = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}.get(honorific, "")
    full = resolver.named(kept, mention.start, gender)
    return Resolution(full, "person", title or resolver.title_of(full))


def _without_affiliation(resolver: Resolver, text: str) -> str | None:
    # "Ann Lee with the Teamsters union", "Ann Lee of the union": the
    # capitalised name before a lower-case affiliation, or None.
    cut = -1
    for marker in (" with ", " of ", " from ", " at ", " for "):
        found = text.find(marker)
        if found > 0 and (cut < 0 or found < cut):
            cut = found
    if cut < 0:
        return None
    head = text[:cut]
    words = head.split()
    if not words or not all(w[:1].isupper() for w in words[-2:]):
        return None
    if len(words) == 1 and not resolver.in_person_name(words[0]):
        return None  # "Member of House panel": no person's name before it
    return head


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
        person = last_person(resolver, mention)
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
