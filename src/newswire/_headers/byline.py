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

import re
from typing import TYPE_CHECKING

import regex

from newswire._blocks import Block
from newswire._headers.agency import canonical_agency, exact_agency
from newswire._headers.dateline import accept_dateline, scan_dateline
from newswire._lexicons import read_mapping, read_set
from newswire._model import Author, Byline

if TYPE_CHECKING:
    from newswire._state import State

# A pair of offsets (start, end).
Span2 = tuple[int, int]

__all__ = [
    "display_name",
    "find_byline_start",
    "recognize_bracket_credit",
    "recognize_byline",
    "record_byline",
    "split_byline",
]

# e.g. "By "  "BY "  "by\n"  "Von " (dpa)  "Por " (EFE)  "Par " (AFP)  "Author: "
# "By Xinhua writer "  "Xinhua writer ": the word that opens a byline, and
# Xinhua's credit; the names follow, perhaps on the next line.
_BY = regex.compile(
    r"(?:(?:By|BY|by|Von|VON|Por|POR|Par|PAR)(?:[ \t]++|[ \t]*+\n[ \t]*+)"
    r"|(?:Authors?+|AUTHORS?+)[ ]?+:[ \t]*+)?+"
    r"(?:(?P<agency>Xinhua|XINHUA)[ ]++(?:\p{L}++[ ]++){0,2}?(?i:writers?+)[ ]++)?+"
)
# What _BY opens with: tested first, since most blocks are not bylines.
_BY_WORDS = ("By", "BY", "by", "Von", "VON", "Por", "POR", "Par", "PAR", "Author", "AUTHOR")
_XINHUA_WORDS = ("Xinhua", "XINHUA")
# e.g. "Ana Lee in Ottawa": an author and where they filed from.
_NAME_IN_PLACE = regex.compile(
    r"(?P<name>[^\n]+?)[ ]++in[ ]++(?P<place>\p{Lu}[\p{L}.'\-]*+(?:[ ]\p{Lu}[\p{L}.'\-]*+){0,3}+)"
)
# e.g. "Jenny Holt for Daily Planet"  "Special to The Star": the outlet an
# author writes for.
_FOR_OUTLET = regex.compile(
    r"(?:(?P<name>[^\n]{3,80}?)[ ]++)?"
    r"(?P<credit>(?:for|For|FOR|special[ ]to|Special[ ]to|SPECIAL[ ]TO)"
    r"[ ]++(?P<outlet>\p{Lu}[\p{L}.&'\-]*+(?:[ ](?:of|the|and|&|\p{Lu}[\p{L}.&'\-]*+)){0,5}+))"
)
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
        if match is None or word in _BY_WORDS:
            # "ORDER By Cal Mankowski": an opening word inside is no name.
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
            shape = None if found is not None else _part_shape(part)
            split = (
                None
                if found is not None or shape is not None
                else _NAME_THEN_AGENCY.fullmatch(part)
            )
            if shape is not None:
                # "ANA SILVA Associated Press Writer"  "Ana Lee in Ottawa"
                # "Jenny Holt for Daily Planet": a name and what is said of it.
                cut, credit, outlet, place = shape
                if credit is not None:
                    title = title or credit
                if outlet is not None and agency is None:
                    agency = canonical_agency(outlet)
                    agency_text = None if agency is None else outlet
                if cut:
                    name = state.original(p_start, p_start + cut)
                    authors.append(
                        Author(
                            name=name,
                            display=display_name(name),
                            span=state.span(p_start, p_start + cut),
                            place=(
                                None
                                if place is None
                                else state.original(p_start + place[0], p_start + place[1])
                            ),
                        )
                    )
            elif found is not None:
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


def _part_shape(part: str) -> tuple[int, str | None, str | None, Span2 | None] | None:
    """
    Read a byline part that is a name with something beside it.

    Returns how many characters the name takes (0: none), the credit written
    beside it (a title, ``for OUTLET`` or ``Special to OUTLET``), the outlet
    it names and where the place the author filed from lies in ``part``
    (``Ana Lee in Ottawa``); None when the part has no such shape.
    """
    outlet = _FOR_OUTLET.fullmatch(part)
    if outlet is not None:
        name = outlet.group("name")
        if name is not None and not _is_name(name):
            return None
        return (
            0 if name is None else len(name),
            outlet.group("credit"),
            outlet.group("outlet"),
            None,
        )
    placed = _NAME_IN_PLACE.fullmatch(part)
    if placed is not None:
        name = placed.group("name")
        return (len(name), None, None, placed.span("place")) if _is_name(name) else None
    words = part.split()
    if len(words) < 3 or " ".join(words) != part:
        return None
    # e.g. "ANA SILVA Associated Press Writer": a name, then its title with
    # no comma between. The cut is where the title (naming an agency, or in
    # another case than the name) starts.
    for cut in range(2, min(len(words), _MAX_NAME_WORDS + 1)):
        name, title = " ".join(words[:cut]), " ".join(words[cut:])
        if not (_is_name(name) and _is_title(title)) or canonical_agency(name) is not None:
            continue
        head = words[cut:]
        if (name.isupper() and not head[0].isupper()) or any(
            exact_agency(" ".join(head[:size])) is not None for size in (1, 2, 3)
        ):
            return len(name), title, None, None
    return None


def _credit_line(state: State, start: int, line_end: int) -> bool:
    # A line without "By" is a byline only on a credit's evidence: a title
    # after its last comma ("NAME, AP Business Writer"), an agency there
    # ("Ana Lee, The Associated Press"), or an outlet ("Jenny Holt for Daily
    # Planet", "Special to The Star"). Cheap tests first: most lines are not.
    text = state.text
    comma = text.rfind(",", start, line_end)
    if comma >= 0:
        last = text[comma + 1 : line_end].strip()
        if _is_title(last) or exact_agency(last) is not None:
            return True
    line = text[start:line_end]
    if " for " not in line and " For " not in line and "pecial to " not in line:
        return False
    outlet = _FOR_OUTLET.fullmatch(line.strip())
    if outlet is None:
        return False
    if outlet.group("credit")[0] in "Ss":
        return True
    # A title-case headline reads so too ("Trump Picks Fight for Fox News"):
    # the name must open with a known given name, or a headline stand above.
    name = outlet.group("name") or ""
    return _is_outlet(outlet.group("outlet")) and (
        state.headline is not None
        or name.split(" ", 1)[0].casefold() in read_mapping("given_names.txt")
    )


def _is_outlet(outlet: str) -> bool:
    # "Daily Planet"  "The Globe and Mail": a name that ends like a news outlet's.
    words = read_set("outlet_words.txt")
    return canonical_agency(outlet) is not None or any(
        word.casefold() in words for word in outlet.split()
    )


def record_byline(state: State, start: int, end: int) -> bool:
    """
    Store the byline written at ``start..end``; False when it is not one.
    """
    text = state.text
    while end > start and text[end - 1].isspace():
        end -= 1
    by = _BY.match(text, start, end) if text.startswith(_BY_WORDS + _XINHUA_WORDS, start) else None
    if by is not None and by.end() == start:
        by = None
    names_start = start if by is None else by.end()
    # The names' line: "by\nAna Lee," puts them on the line after "by".
    first_end = text.find("\n", names_start, end)
    line_end = end if first_end < 0 else first_end
    while line_end > start and text[line_end - 1] in " \t":
        line_end -= 1
    if line_end - start > _MAX_LINE or names_start >= line_end:
        return False
    if by is None and not _credit_line(state, start, line_end):
        return False
    inline = _INLINE_COPYRIGHT.search(text, names_start, line_end)
    copyright_title = None
    if inline is not None:
        # "By JANE DOE c.1998 N.Y. Times News Service" on one line.
        copyright_title = state.original(inline.start() + 1, line_end)
        line_end = inline.start()
    read = _read_names(state, names_start, line_end)
    if read is None:
        return False
    authors, agency, agency_text, title = read
    if copyright_title is not None:
        credit = _second_line(copyright_title)
        if credit is not None:
            title = title or credit[0]
            if agency is None:
                agency, agency_text = credit[1], credit[2]
    if by is not None and by.group("agency"):
        agency, agency_text = "Xinhua", by.group("agency")
    if agency is None and title is not None:
        agency = _title_agency(title)
        agency_text = None if agency is None else title
    if by is None and not authors and title is None:
        return False
    if not authors and agency is None and not (title and title[:1] in "Ss"):
        # No name and no agency: only "Special to The Star" stands alone.
        return False
    if first_end >= 0:
        credit = _second_line(state.original(first_end + 1, end).strip())
        if credit is None:
            return False
        title = title or credit[0]
        if agency is None:
            agency, agency_text = credit[1], credit[2]
    if agency is None and title is not None:
        agency = _title_agency(title)
        agency_text = None if agency is None else title
    if title is not None:
        authors = [
            Author(name=a.name, display=a.display, span=a.span, title=title, place=a.place)
            for a in authors
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


def _second_line(line: str) -> tuple[str, str | None, str | None] | None:
    """
    Read the credit under (or after) the names: title, agency and its surface.

    e.g. "c.1998 N.Y. Times News Service"  "Associated Press Writer"
    "Special to The Star"; None when the line is none of these.
    """
    copyright_line = _COPYRIGHT.match(line)
    if copyright_line is not None:
        issuer = copyright_line.group("issuer")
        agency = canonical_agency(issuer)
        return line, agency, None if agency is None else issuer
    if _is_title(line) or canonical_agency(line) is not None or _FOR_OUTLET.fullmatch(line):
        agency = _title_agency(line)
        return line, agency, None if agency is None else line
    return None


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
    if state.byline is not None or block.end - block.start > _MAX_LINE * 2:
        return None
    opener = text.startswith(_BY_WORDS + _XINHUA_WORDS, block.start)
    # A byline takes two lines ("By JANE DOE\nAssociated Press Writer"), or
    # three when "By" stands alone on the first.
    if text.count("\n", block.start, block.end) > (2 if opener else 1):
        return None
    # record_byline wants an opening word, a comma before a title or agency,
    # or an outlet's "for"/"Special to": most blocks here (headlines) have
    # none, which a few C calls tell.
    if not (
        opener
        or text.find(",", block.start, block.end) >= 0
        or text.find(" for ", block.start, block.end) >= 0
        or text.find(" For ", block.start, block.end) >= 0
        or text.find("pecial to ", block.start, block.end) >= 0
    ):
        return None
    return block.end if record_byline(state, block.start, block.end) else None


def split_byline(state: State, block: Block) -> int | None:
    """
    Return where the byline that opens ``block`` ends and the story starts.

    For a ``By ...`` line that runs on into its dateline ("By JANE DOE NEW
    YORK (AP) — ...", "by Jane Doe, Reuters LONDON, Feb 26 - ...") the
    answer is where the dateline starts; for one that runs on into the story
    after a copyright credit ("By JANE DOE c.1998 N.Y. Times News Service
    The ...") it is where the story starts. None when the block does not
    open with such a line. Only the head of the line is read, so a whole
    story on one line costs no more than a short one; the state is not
    changed (:func:`record_byline` stores the byline).

    A dateline with a date or an agency credit is taken between capitals and
    capitals ("By JANE DOE NEW YORK (AP)") where its place is a known one or
    the case changes; a place-and-dash dateline ("By Ana Lee, The Canadian
    Press OTTAWA — ...") only where its place is known and the words before
    it read as a byline.
    """
    text = state.text
    line_end = text.find("\n", block.start, block.end)
    line_end = block.end if line_end < 0 else line_end
    # A byline and its dateline are short: the story may run on along the
    # line (feeds that drop paragraph breaks), so only its head is read.
    line_end = min(line_end, block.start + _MAX_LINE * 2)
    by = (
        _BY.match(text, block.start, line_end)
        if text.startswith(_BY_WORDS + _XINHUA_WORDS, block.start)
        else None
    )
    if by is None or by.end() == block.start or "\n" in by.group():
        return None
    fallback = None
    pos = names = by.end()
    places = read_set("places.txt")
    while pos < line_end:
        space = text.find(" ", pos, line_end)
        if space < 0:
            break
        pos = space + 1
        found = scan_dateline(text, pos, line_end)
        if found is None or not accept_dateline(state, found, first_of_many=False):
            continue
        before = text[names:pos].strip()
        if not before:
            continue
        if found.place is None:
            # "By Jane Doe (Reuters) - ...": an agency-only or undated dateline.
            return pos if _reads_as_byline(state, names, pos) else None
        place = text[found.place[0] : found.place[1]]
        known = place.casefold() in places
        if not found.strong:
            if known and _reads_as_byline(state, names, pos):
                return pos
            continue
        last = before.split()[-1]
        # e.g. "By Jane Doe NEW YORK (AP)": the case changes where the place starts.
        if known or (place.isupper() and last[:1].isupper() and not last.isupper()):
            return pos
        if fallback is None:
            fallback = pos
    if fallback is not None:
        return fallback
    end = _copyright_end(text, names, line_end)
    return _title_end(state, names, line_end) if end is None else end


# A title word that may end a byline running into the story with no
# dateline: "By JANE DOE Associated Press Writer Iraq's ...".
_TITLE_END = re.compile(r" (?:Writer|WRITER|Correspondent|CORRESPONDENT)(?= )")
_MAX_TITLE_SEARCH = 80


def _title_end(state: State, start: int, end: int) -> int | None:
    # Where the story starts after "NAME TITLE": the words up to the title
    # word must read as a name and a title that names an agency.
    text = state.text
    match = _TITLE_END.search(text, start, min(end, start + _MAX_TITLE_SEARCH))
    if match is None:
        return None
    read = _read_names(state, start, match.end())
    if read is None or not read[0] or read[3] is None or _title_agency(read[3]) is None:
        return None
    after = match.end()
    while after < end and text[after] == " ":
        after += 1
    return after


# e.g. "... EQUITY OFFER by Jane Doe, Reuters LOS ANGELES ...": where a byline
# may start inside a line. stdlib re: a plain search.
_BY_INSIDE = re.compile(r" (?:By|BY|by) ")


def find_byline_start(state: State, start: int, end: int) -> int | None:
    """
    Return where a byline starts inside the line at ``start``, or None.

    For copy with no line breaks, where the headline, the byline and the
    dateline share one line ("Bank plans offer by Jane Doe, Reuters LOS
    ANGELES, Feb 26 - ..."): the byline is a ``By`` that :func:`split_byline`
    can split from its dateline (or copyright credit) and whose words read
    as names, an agency or a title. A ``by`` in the headline ("Town hit by
    floods") is not one. Only the head of the line is read; the state is not
    changed.
    """
    text = state.text
    line_end = text.find("\n", start, end)
    limit = min(end if line_end < 0 else line_end, start + _MAX_LINE * 2)
    pos = start
    # No headline: the line may open with its byline.
    first = start if text.startswith(_BY_WORDS[:3], start) else None
    while True:
        if first is not None:
            candidate, first = first, None
        else:
            match = _BY_INSIDE.search(text, pos, limit)
            if match is None:
                return None
            candidate = match.start() + 1
            pos = candidate + 1
        split = split_byline(state, Block(candidate, end))
        names = candidate + 3
        # "OIL PRICES HIT BY TANKER CRASH LONDON, ...": a capital BY after a
        # headline in capitals opens a byline only when an agency or a title
        # says so.
        caps = text.startswith("BY", candidate) and not _has_lower(text, start, candidate)
        if (
            split is not None
            and split > names
            and _reads_as_byline(state, names, split, credit=caps)
        ):
            return candidate


def _has_lower(text: str, start: int, end: int) -> bool:
    return any(char.islower() for char in text[start:end])


def _reads_as_byline(state: State, start: int, end: int, *, credit: bool = False) -> bool:
    # The words at start..end are names, an agency or a title: nothing else
    # (a copyright credit aside). With ``credit``, an agency or a title must
    # be among them.
    while end > start and state.text[end - 1] in " \t":
        end -= 1
    inline = _INLINE_COPYRIGHT.search(state.text, start, end)
    if inline is not None:
        end = inline.start()
        credit = False
    read = _read_names(state, start, end)
    if read is None or not (read[0] or read[1]):
        return False
    return not credit or read[1] is not None or read[3] is not None


# e.g. " c.1998 N.Y. Times News Service The ...": a copyright credit inside the line.
_INLINE_COPYRIGHT = regex.compile(r"[ ](?:c\.|\(c\)|©)[ ]?+(?:19|20)\d\d[ ]++")
_MAX_ISSUER_WORDS = 6


def _copyright_end(text: str, start: int, end: int) -> int | None:
    # Where the story starts after "NAME c.1998 ISSUER": the issuer is the
    # longest run of words the agency lexicon knows.
    match = _INLINE_COPYRIGHT.search(text, start, end)
    if match is None:
        return None
    words: list[tuple[int, int]] = []
    pos = match.end()
    while pos < end and len(words) < _MAX_ISSUER_WORDS:
        space = text.find(" ", pos, end)
        word_end = end if space < 0 else space
        words.append((pos, word_end))
        pos = word_end + 1
    for count in range(len(words), 0, -1):
        issuer = text[match.end() : words[count - 1][1]]
        if canonical_agency(issuer) is not None:
            after = words[count - 1][1]
            while after < end and text[after] == " ":
                after += 1
            return after
    return None


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
