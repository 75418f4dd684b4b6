# Agency names are data (data/agencies.txt): a surface form maps to one
# canonical name. Relayed credits name a bureau before the agency
# ("BEIJING XINHUA", "PARIS AFP"): the agency is the last word(s). FBIS copy
# adds the service ("TASS INTERNATIONAL SERVICE", "XINHUA DOMESTIC SERVICE"),
# and joint credits lose their hyphen ("ACAN EFE" is "ACAN-EFE").
"""
Canonical news-agency names.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from newswire._lexicons import read_mapping

__all__ = ["canonical_agency", "exact_agency"]

# e.g. "XINHUA DOMESTIC SERVICE"  "TASS INTERNATIONAL SERVICE"  "Xinhua News Agency"
_SERVICE = regex.compile(
    r"[ ]++(?:(?:international|domestic|overseas|english|spanish|french)[ ]++)?+"
    r"(?:service|news[ ]++service|news[ ]++agency|news)\Z",
    regex.IGNORECASE,
)


def _key(surface: str) -> str:
    collapsed = " ".join(surface.split())
    key = collapsed.replace(" - ", "-").replace(" -", "-").replace("- ", "-").casefold()
    if key.isascii():
        return key
    # "Agência Brasil", "Télam": accents are folded, so the lexicon need not
    # spell every form.
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _lookup(key: str) -> str | None:
    agencies = read_mapping("agencies.txt")
    found = agencies.get(key)
    if found is None and " " in key:
        found = agencies.get(key.replace(" ", "-"))
    return found


@functools.lru_cache(maxsize=4096)
def canonical_agency(surface: str) -> str | None:
    """
    Return the canonical name of an agency credit, or None when unknown.

    >>> canonical_agency("Reuter"), canonical_agency("ACAN - EFE")
    ('Reuters', 'ACAN-EFE')
    >>> canonical_agency("BEIJING XINHUA"), canonical_agency("(AP )")
    ('Xinhua', 'AP')
    >>> canonical_agency("ACAN EFE"), canonical_agency("TASS INTERNATIONAL SERVICE")
    ('ACAN-EFE', 'TASS')
    >>> canonical_agency("Agência Brasil"), canonical_agency("PRNewswire-USNewswire")
    ('Agencia Brasil', 'PR Newswire')
    >>> canonical_agency("Photo") is None
    True
    """
    key = _key(surface.strip(" ./()[]"))
    if not key or len(key) > 60:
        return None
    found = _lookup(key)
    if found is not None:
        return found
    trimmed = _SERVICE.sub("", key)
    if trimmed != key and trimmed:
        found = _lookup(trimmed)
        if found is not None:
            return found
        key = trimmed
    words = key.split(" ")
    for cut in range(1, len(words)):
        found = _lookup(" ".join(words[cut:]))
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=4096)
def exact_agency(surface: str) -> str | None:
    """
    Return the canonical name of ``surface`` only when it names an agency whole.

    Unlike :func:`canonical_agency`, no bureau or service words are dropped, so
    a name followed by an agency is not taken for the agency.

    >>> exact_agency("Reuters"), exact_agency("Jane Doe Reuters")
    ('Reuters', None)
    """
    key = _key(surface.strip(" ./()[]"))
    return _lookup(key) if key else None
