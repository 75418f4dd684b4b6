# Agency names are data (data/agencies.txt): a surface form maps to one
# canonical name. Relayed credits name a bureau before the agency
# ("BEIJING XINHUA", "PARIS AFP"): the agency is the last word(s).
"""
Canonical news-agency names.
"""

from __future__ import annotations

from newswire._lexicons import read_mapping

__all__ = ["canonical_agency"]


def _key(surface: str) -> str:
    collapsed = " ".join(surface.split())
    return collapsed.replace(" - ", "-").replace(" -", "-").replace("- ", "-").casefold()


def canonical_agency(surface: str) -> str | None:
    """
    Return the canonical name of an agency credit, or None when unknown.

    >>> canonical_agency("Reuter"), canonical_agency("ACAN - EFE"), canonical_agency("BEIJING XINHUA")
    ('Reuters', 'ACAN-EFE', 'Xinhua')
    >>> canonical_agency("Photo") is None
    True
    """
    agencies = read_mapping("agencies.txt")
    key = _key(surface.strip(" ./()[]"))
    found = agencies.get(key)
    if found is not None:
        return found
    words = key.split(" ")
    for cut in range(1, len(words)):
        found = agencies.get(" ".join(words[cut:]))
        if found is not None:
            return found
    return None
