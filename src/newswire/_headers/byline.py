# The byline: "By NAME[, NAME and NAME][, AGENCY]" on its own block, possibly
# followed by a title line ("Associated Press Writer") or a copyright line
# ("c.1998 N.Y. Times News Service"); "NAME, AP Business Writer" with no
# leading By; Xinhua's "by Xinhua writer Zhang Wei". Precision first: a line
# with a part that is neither a personal name, an agency nor a title is no
# byline, and neither is one without names or an agency (a wrong author is
# worse than none).
#
# A byline can run into the dateline on one line ("By JANE DOE NEW YORK (AP)
# — ..."): split_byline finds where the dateline starts, without side
# effects, and record_byline stores the part before it. FBIS copy puts the
# reporter in brackets after the dateline ("[REPORT] [JANE DOE] [TEXT]"):
# recognize_bracket_credit reads that.
"""
Byline recognition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from newswire._headers.agency import canonical_agency, exact_agency
from newswire._headers.dateline import accept_dateline, scan_dateline
from newswire._lexicons import read_set
from newswire._model import Author, Byline

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = [
    "display_name",
    "recognize_bracket_credit",
    "recognize_byline",
    "record_byline",
    "split_byline",
]

# e.g. "By "  "BY "  "by "  "By Xinhua writer "
_BY = regex.compile(
    r"(?:By|BY|by)[ \t]++(?:(?P<agency>Xinhua|XINHUA)[ ]++(?:[\p{L}]++[ ]++){0,2}?writers?+[ ]++)?+"
)
# What _BY opens with: tested first, since most blocks are not bylines.
_BY_WORDS = ("By", "BY", "by")
# Separators between names: ", "  " and "  " AND "  " & "  " | "
_SPLIT = regex.compile(r"[ ]*+,[ ]*+(?:and[ ]++|AND[ ]++)?+|[ ]++(?:and|AND)[ ]++|[ ]*+[|&][ ]*+")
# e.g. "Jane"  "O'NEILL"  "McDonald"  "Yu-kuo"  "J."  "D'AMATO"
_NAME_WORD = regex.compile(r"(?:\p{Lu}\.){1,3}+|\p{L}[\p{L}'\u2019\-]*+\.?+")
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "du",
        "st.",
        "jr.",
        "sr.",
        "jr",
        "sr",
        "y",
    }
)
# e.g. "c.1998 N.Y. Times News Service"  "c. 2000 Houston Chronicle"
_COPYRIGHT = regex.compile(r"(?:c\.|\(c\)|©)[ ]?+(?:19|20)\d\d[ ]++(?P<issuer>[^\n]{2,60}+)")
# e.g. "[REPORT] [RICHARD JACOBSEN]"  "[ARTICLE] [TOM ROE, PRESS ASSOCIATION CORRESPONDENT]"
_BRACKET_CREDIT = regex.compile(
    r"[ ]*+\[(?:REPORT|ARTICLE|COMMENTARY|INTERVIEW|EDITORIAL|ARTICLE[ ]BY)[^\]\n]{0,20}+\]"
    r"[ ]*+\[(?P<names>[^\]\n]{3,80}+)\]"
)
# "Jane Doe Reuters": a name, then an agency with its comma lost.
_NAME_THEN_AGENCY = regex.compile(r"(?P<name>.+?)[ ]++(?P<agency>Reuters?+|REUTERS?+|AP|AFP|UPI)")
_MAX_LINE = 200
_MAX_NAME_WORDS = 5


def _mc(word: str) -> str:
    lower = word.lower()
    title = word[:1] + lower[1:]
    for prefix in ("Mc", "O'", "O\u2019", "D'"):
        if title.startswith(prefix) and len(title) > len(prefix):
            return prefix + title[len(prefix)].upper() + title[len(prefix) + 1 :]
    return title


def display_name(name: str) -> str:
    """
    Return a readable form of a name written in capitals.

    A name already in mixed case is returned unchanged.

    >>> display_name("ABBY GOODNOUGH"), display_name("Cal Mankowski"), display_name("JOHN MCDONALD")
    ('Abby Goodnough', 'Cal Mankowski', 'John McDonald')
    >>> display_name("MARK O'NEILL"), display_name("JEAN-PIERRE DE LA FONTAINE")
    ("Mark O'Neill", 'Jean-Pierre de la Fontaine')
    """
    if not name.isupper():
        return name
    words = []
    for index, word in enumerate(name.split()):
        if index and word.casefold() in _PARTICLES - {"jr.", "sr.", "jr", "sr", "st."}:
            words.append(word.lower())
        else:
            words.append("-".join(_mc(part) for part in word.split("-")))
    return " ".join(words)


def _is_title(part: str) -> bool:
    # e.g. "Associated Press Writer"  "AP Business Writer"  "Staff Correspondent"
    words = part.casefold().split()
    if not words or len(words) > 5:
        return False
    titles = read_set("byline_titles.txt")
    return words[-1] in titles or " ".join(words[-2:]) in titles


def _is_name(part: str, *, lower_ok: bool = False) -> bool:
    words = part.split()
    if not 1 < len(words) <= _MAX_NAME_WORDS:
        return False
    lower = 0
    for word in words:
        match = _NAME_WORD.fullmatch(word)
        if match is None:
            return False
        if word[0].islower():
            if word.casefold() in _PARTICLES:
                continue
            lower += 1
    # A wholly lower-case name only beside an agency credit ("By keith
    # grant, Reuters"); a mix is prose.
    return lower == 0 or (lower_ok and lower == len(words))


def _read_names(
    state: State, start: int, end: int
) -> tuple[list[Author], str | None, str | None, str | None] | None:
    """
    Split ``start..end`` into authors, agency (canonical and surface) and title.
    """
    text = state.text
    authors: list[Author] = []
    agency = agency_text = title = None
    lowered: list[int] = []
    pos = start
    while pos < end:
        sep = _SPLIT.search(text, pos, end)
        part_end = end if sep is None else sep.start()
        raw = text[pos:part_end]
        part = raw.strip()
        if part:
            p_start = pos + len(raw) - len(raw.lstrip())
            p_end = p_start + len(part)
            found = exact_agency(part)
            split = None if found is not None else _NAME_THEN_AGENCY.fullmatch(part)
            if found is not None:
                agency, agency_text = found, part
            elif split is not None and exact_agency(split.group("agency")) is not None:
                # "By Jane Doe Reuters": the comma before the agency was lost.
                agency = exact_agency(split.group("agency"))
                agency_text = split.group("agency")
                p_end = p_start + split.end("name")
                part = split.group("name")
                if not _is_name(part):
                    return None
                name = state.original(p_start, p_end)
                authors.append(
                    Author(name=name, display=display_name(name), span=state.span(p_start, p_end))
                )

            elif _is_title(part):
                title = part
            elif _is_name(part, lower_ok=True):
                if part[0].islower():
                    lowered.append(len(authors))
                name = state.original(p_start, p_end)
                authors.append(
                    Author(name=name, display=display_name(name), span=state.span(p_start, p_end))
                )
            else:
                return None
        if sep is None:
            break
        pos = sep.end()
    if lowered and agency is None:
        return None
    return authors, agency, agency_text, title


def record_byline(state: State, start: int, end: int) -> bool:
    """
    Store the byline written at ``start..end``; False when it is not one.
    """
    text = state.text
    first_end = text.find("\n", start, end)
    line_end = end if first_end < 0 else first_end
    while line_end > start and text[line_end - 1] in " \t":
        line_end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if line_end - start > _MAX_LINE:
        return False
    by = _BY.match(text, start, line_end) if text.startswith(_BY_WORDS, start) else None
    if by is None:
        # Without "By", only "NAME, AP Business Writer" counts: test cheaply.
        comma = text.rfind(",", start, line_end)
        if comma < 0 or not _is_title(text[comma + 1 : line_end]):
            return False
    names_start = start if by is None else by.end()
    read = _read_names(state, names_start, line_end)
    if read is None:
        return False
    authors, agency, agency_text, title = read
    if by is not None and by.group("agency"):
        agency, agency_text = "Xinhua", by.group("agency")
    if by is None and (not authors or (title is None and agency is None)):
        # Without "By", only "NAME, AP Business Writer" counts.
        return False
    if not authors and agency is None:
        return False
    if first_end >= 0:
        second = state.original(first_end + 1, end).strip()
        copyright_line = _COPYRIGHT.match(second)
        if copyright_line is not None:
            issuer = canonical_agency(copyright_line.group("issuer"))
            if agency is None and issuer is not None:
                agency, agency_text = issuer, copyright_line.group("issuer")
            title = title or second
        elif _is_title(second) or canonical_agency(second) is not None:
            title = title or second
            if agency is None:
                agency = _title_agency(second)
                agency_text = None if agency is None else second
        else:
            return False
    if agency is None and title is not None:
        agency = _title_agency(title)
        agency_text = None if agency is None else title
    if title is not None:
        authors = [
            Author(name=a.name, display=a.display, span=a.span, title=title) for a in authors
        ]
    state.byline = Byline(
        text=state.original(start, end),
        span=state.span(start, end),
        authors=tuple(authors),
        agency=agency,
        agency_text=agency_text,
        title=title,
    )
    return True


def _title_agency(title: str) -> str | None:
    # The agency a title names: "Associated Press Writer" and "AP Business Writer" give AP.
    words = title.split()
    for cut in range(len(words), 0, -1):
        found = canonical_agency(" ".join(words[:cut]))
        if found is not None:
            return found
    return None


def recognize_byline(state: State, block: Block, index: int) -> int | None:
    """
    Read a byline block: ``By ...`` and an optional title or copyright line.
    """
    del index
    text = state.text
    if (
        state.byline is not None
        or text.count("\n", block.start, block.end) > 1
        # record_byline wants "By" or a comma before a title: most blocks
        # here (headlines) have neither, which two C calls tell.
        or not (
            text.startswith(_BY_WORDS, block.start) or text.find(",", block.start, block.end) >= 0
        )
    ):
        return None
    return block.end if record_byline(state, block.start, block.end) else None


def split_byline(state: State, block: Block) -> int | None:
    """
    Return where a dateline starts inside a ``By ...`` line, or None.

    The dateline must be a strong one (a date or an agency credit). Between
    capitals and capitals ("By JANE DOE NEW YORK (AP)") the split is taken
    where the place is a known one.
    """
    text = state.text
    line_end = text.find("\n", block.start, block.end)
    line_end = block.end if line_end < 0 else line_end
    # A byline and its dateline are short: the story may run on along the
    # line (feeds that drop paragraph breaks), so only its head is read.
    line_end = min(line_end, block.start + _MAX_LINE * 2)
    by = _BY.match(text, block.start, line_end) if text.startswith(_BY_WORDS, block.start) else None
    if by is None:
        return None
    fallback = None
    pos = by.end()
    places = read_set("places.txt")
    while pos < line_end:
        space = text.find(" ", pos, line_end)
        if space < 0:
            break
        pos = space + 1
        found = scan_dateline(text, pos, line_end)
        if found is None or found.place is None or not found.strong:
            continue
        if not accept_dateline(state, found, first_of_many=False):
            continue
        place = text[found.place[0] : found.place[1]]
        before = text[by.end() : pos].strip()
        if not before:
            continue
        last = before.split()[-1]
        # e.g. "By Jane Doe NEW YORK (AP)": the case changes where the place starts.
        if place.casefold() in places or (
            place.isupper() and last[:1].isupper() and not last.isupper()
        ):
            return pos
        if fallback is None:
            fallback = pos
    return None if fallback is None else fallback


def recognize_bracket_credit(state: State, start: int, end: int) -> int | None:
    """
    Read an FBIS reporter credit ``[REPORT] [NAME]`` at ``start``; return its end.
    """
    # The credit opens with its bracket, perhaps after spaces: most story
    # text opens with neither, which saves trying the pattern.
    if not state.text.startswith(("[", " "), start):
        return None
    match = _BRACKET_CREDIT.match(state.text, start, end)
    if match is None or state.byline is not None:
        return None
    read = _read_names(state, *match.span("names"))
    if read is None:
        return None
    authors, agency, agency_text, title = read
    if not authors:
        return None
    n_start, n_end = match.span("names")
    state.byline = Byline(
        text=state.original(n_start - 1, n_end + 1),
        span=state.span(n_start - 1, n_end + 1),
        authors=tuple(authors),
        agency=agency,
        agency_text=agency_text,
        title=title,
    )
    end_at = match.end()
    while end_at < end and state.text[end_at] == " ":
        end_at += 1
    return end_at
