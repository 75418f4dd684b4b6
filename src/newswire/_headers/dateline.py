# The dateline: place, optional region, optional date, optional agency credit,
# then a separator, at the start of a block ("BEIJING, Dec. 31 (Xinhua) --").
# scan_dateline walks one line token by token (patterns in _patterns.py) and
# proposes a candidate without touching the state; accept_dateline weighs it
# in context; commit_dateline stores the record. The split lets the header
# stage look ahead past deck lines without side effects.
#
# A candidate is *strong* when it has a day or an agency credit, or is the
# undated form or an FBIS placeholder. Otherwise it is only a place and a
# separator, which a headline ("U.S. SUGAR IMPORTS DOWN - USDA") or a table
# row ("COPPER GRADE A - 2650 tonnes") also is: such a *weak* candidate needs
# capitals and something to vouch for it (its place in data/places.txt or
# data/regions.txt, its region in data/regions.txt, a month, the ANPA
# underscore, or story prose after the separator). In the first of several
# blocks (the headline's place) a weak candidate counts only when the block
# reads as the story's opening paragraph ("OTTAWA — The federal government
# ... ."): a sentence after the dash, and prose to the block's end.
#
# Other shapes: an agency credit alone ("(Reuters) - "), a credit between
# dashes after the place ("ST. PAUL, Minn.--(BUSINESS WIRE)--"), EFE's ".-"
# separator, and a date whose month is unknown before an agency credit
# ("BEIJING, Smarch 3 (Xinhua) --": the dateline stays, with a diagnostic).
"""
Dateline recognition.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs
import regex

from newswire._dates import day_exists, guess_month, month_number, read_day, resolve_date
from newswire._headers.agency import canonical_agency
from newswire._lexicons import read_set
from newswire._model import Dateline
from newswire._patterns import (
    DATELINE_AGENCY_WORD,
    DATELINE_NO_CITY,
    DATELINE_NO_DATE,
    DATELINE_PAREN,
    DATELINE_PREFIX,
    DATELINE_SLASH,
    DATELINE_UNDATED,
    DAY_MONTH,
    MONTH_DAY,
    MONTH_ONLY,
    PLACE_WORD,
)

if TYPE_CHECKING:
    from newswire._blocks import Block
    from newswire._state import State

__all__ = [
    "DatelineCandidate",
    "accept_dateline",
    "commit_dateline",
    "find_dateline",
    "recognize_dateline",
    "scan_dateline",
]

# A dateline is short: looking further along the line is wasted work.
_MAX_CHARS = 200
# Lower-case words that may sit inside a place name ("Rio de Janeiro").
_CONNECTORS = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "es",
        "da",
        "do",
        "dos",
        "das",
        "di",
        "du",
        "des",
        "le",
        "sur",
        "am",
        "an",
        "der",
        "on",
        "upon",
        "of",
        "au",
        "aux",
        "y",
    ]
)
_MAX_PLACE_WORDS = 6
# The characters a separator (DATELINE_SEPARATOR) opens with.
_SEPARATOR_CHARS = frozenset("-\u2014\u2013\u2015_:.")
# Every dateline holds one of these on its line: a separator, or the bracket
# or slash of an agency credit (which may stand without a separator). A line
# with none is no dateline, and saying so takes one scan in C rather than
# reading its place words first. stdlib re: a plain character class.
_MARKS = re.compile("[-_:(\\[/\u2013\u2014\u2015]")
# In the first of several blocks only a dateline with an agency credit, a
# date after a comma, or the undated or placeholder form counts: each needs
# a bracket, a slash or a comma ("NO CITY" aside).
_FIRST_BLOCK_MARKS = re.compile("[,(\\[/]")
_BY_WORDS = frozenset({"By", "BY", "by"})
_MAX_TAILS = 8
# Bracketed qualifiers after a place: "Pune (Maharashtra) [India]".
_MAX_QUALIFIERS = 2


@attrs.define(slots=True)
class DatelineCandidate:
    """
    What scan_dateline found, as offsets into the normalised text.
    """

    start: int
    end: int = 0
    place: tuple[int, int] | None = None
    place_lower: bool = False
    regions: list[tuple[int, int]] = attrs.Factory(list)
    month: int | None = None
    day: int | None = None
    year: int | None = None
    date: tuple[int, int] | None = None
    agency: str | None = None
    agency_text: str | None = None
    agency_span: tuple[int, int] | None = None
    separator: str = ""
    bracketed: bool = False
    comma_date: bool = False
    undated: bool = False
    placeholder: bool = False
    unknown_date: tuple[int, int] | None = None

    @property
    def strong(self) -> bool:
        """
        True when more than a place stands before the separator.
        """
        return (
            self.day is not None
            or self.agency is not None
            or self.undated
            or self.placeholder
            or self.unknown_date is not None
        )


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


# Stdlib twins of the patterns a scan tries most, for ASCII text. The regex
# module pays a fixed cost per call several times that of re, and a scan
# makes a dozen calls. In ASCII text \p{L} is [A-Za-z], \d is [0-9] and \p{M}
# matches nothing, so a twin matches exactly what its pattern does there:
# where the pattern's quantifiers are possessive, giving back what they took
# never lets the rest match (tests/test_datelines.py checks the pairs against
# each other). Other text uses the patterns themselves. The separator pattern
# has no Unicode classes: its twin serves all text.
_ASCII_PLACE_WORD = re.compile(r"[A-Za-z][A-Za-z'.&/\-]*")
_ASCII_MONTH_DAY = re.compile(
    r"(?P<month>[A-Za-z]{3,10})\.?[ ]{0,2}(?P<day>(?=[OlI]?\d)[\dOlI]{1,3})(?![A-Za-z\d])"
    r"(?:,?[ ]?(?P<year>(?:19|20)\d\d)(?![A-Za-z\d]))?"
)
_ASCII_MONTH_ONLY = re.compile(r"(?P<month>[A-Za-z]{3,10})\.?(?=[ ]*[-\u2014\u2013\u2015_])")
_SEPARATOR = re.compile("-{1,3}|[\u2014\u2013\u2015]{1,2}|_{1,2}|:")

_DATE_PATTERNS: tuple[regex.Pattern[str], ...] = (MONTH_DAY, DAY_MONTH)
_MONTH_FIRST: tuple[regex.Pattern[str] | re.Pattern[str], ...] = (MONTH_DAY,)
_ASCII_MONTH_FIRST: tuple[regex.Pattern[str] | re.Pattern[str], ...] = (_ASCII_MONTH_DAY,)
_DAY_FIRST: tuple[regex.Pattern[str], ...] = (DAY_MONTH,)


def _read_date(text: str, pos: int, end: int, found: DatelineCandidate) -> int | None:
    """
    Read a date at ``pos`` into ``found``; return where it ends, or None.
    """
    if pos >= end:
        return None
    # A date opens with a month name (a letter) or a day number (a digit):
    # an ASCII first character rules patterns out before they are tried.
    char = text[pos]
    patterns: tuple[regex.Pattern[str] | re.Pattern[str], ...] = _DATE_PATTERNS
    if char.isascii():
        if "0" <= char <= "9":
            patterns = _DAY_FIRST
        elif char.isalpha():
            patterns = _ASCII_MONTH_FIRST if text.isascii() else _MONTH_FIRST
        else:
            return None
    for pattern in patterns:
        match = pattern.match(text, pos, end)
        if match is None:
            continue
        month_name, day, year = match.group("month", "day", "year")
        month = guess_month(month_name)
        if month is None:
            continue
        found.month = month
        if day[0] == "l" and month_number(month_name + "l") == month:
            # e.g. "Apri l7": the month's last letter slipped past the space.
            day = day[1:]
        found.day = read_day(day)
        found.year = None if year is None else int(year)
        found.date = match.span()
        return match.end()
    if patterns is _DAY_FIRST:
        return None
    match = (_ASCII_MONTH_ONLY if text.isascii() else MONTH_ONLY).match(text, pos, end)
    if match is not None:
        month = guess_month(match.group("month"))
        if month is not None and len(match.group("month")) >= 3:
            found.month = month
            found.date = match.span()
            return match.end()
    return None


def _read_place(text: str, pos: int, end: int, found: DatelineCandidate) -> int | None:
    """
    Read the place words at ``pos``; return where they end, or None.
    """
    words = 0
    place_end = pos
    scan = pos
    lower = False
    last_word_end: int | None = None
    place_word = _ASCII_PLACE_WORD if text.isascii() else PLACE_WORD
    while words < _MAX_PLACE_WORDS:
        match = place_word.match(text, scan, end)
        if match is None:
            break
        word = match.group()
        if not words and word in _BY_WORDS:
            # e.g. "By JANE DOE NEW YORK (AP)" opens a byline, not a place.
            return None
        if words and guess_month(word) is not None and _date_starts(text, scan, end):
            break
        if word[0].islower() and not (words and word in _CONNECTORS):
            # e.g. "omaha, april 7 -"  "La paz, march 4 -": allowed, but only a
            # date can then make the line a dateline.
            lower = True
        if not (words and word in _CONNECTORS):
            last_word_end = match.end()
        words += 1
        place_end = match.end()
        scan = match.end()
        if scan < end and text[scan] == " ":
            scan += 2 if scan + 1 < end and text[scan + 1] == " " else 1
        else:
            break
    if not words:
        return None
    while place_end > pos and text[place_end - 1] in "-/&":
        place_end -= 1
    if last_word_end is not None and place_end > last_word_end:
        # A connector cannot end a place: "BOGOTA de" is "BOGOTA".
        place_end = last_word_end
    found.place = (pos, place_end)
    found.place_lower = lower
    return place_end


def _date_starts(text: str, pos: int, end: int) -> bool:
    probe = DatelineCandidate(start=pos)
    return _read_date(text, pos, end, probe) is not None and probe.day is not None


def _read_paren(text: str, pos: int, end: int, found: DatelineCandidate) -> int | None:
    match = DATELINE_PAREN.match(text, pos, end)
    if match is None:
        return None
    inner = match.group("inner").strip()
    agency = canonical_agency(inner)
    if agency is not None and found.agency is None:
        found.agency = agency
        found.agency_text = inner
        i_start = match.start("inner")
        found.agency_span = (i_start, i_start + len(inner))
        found.bracketed = True
        return match.end()
    if (
        found.agency is None
        and found.month is None
        # e.g. "Pune (Maharashtra) [India]": a state, then a country.
        and len(found.regions) < _MAX_QUALIFIERS
        and (not found.regions or _after_bracket(text, pos))
        and found.place is not None
        and inner[:1].isupper()
        and all(part[:1].isupper() for part in inner.split())
    ):
        i_start = match.start("inner")
        found.regions.append((i_start, i_start + len(inner)))
        return match.end()
    return None


def _after_bracket(text: str, pos: int) -> bool:
    # True when a closing bracket stands just before ``pos`` (spaces aside).
    pos -= 1
    while pos > 0 and text[pos] == " ":
        pos -= 1
    return pos >= 0 and text[pos] in ")]"


def _read_region(text: str, pos: int, end: int) -> int | None:
    # e.g. "Kenya"  "N.Y."  "New Zealand"  "Md"  "KY": up to three capitalised words.
    scan = pos
    last = None
    place_word = _ASCII_PLACE_WORD if text.isascii() else PLACE_WORD
    for _ in range(3):
        match = place_word.match(text, scan, end)
        if match is None or not match.group()[0].isupper():
            break
        if (
            last is not None
            and guess_month(match.group()) is not None
            and _date_starts(text, scan, end)
        ):
            break
        last = match.end()
        scan = match.end()
        if scan < end and text[scan] == " ":
            scan += 1
        else:
            break
    # e.g. "Minn.--(BUSINESS WIRE)--": the dashes after the region separate.
    while last is not None and last > pos and text[last - 1] in "-/&":
        last -= 1
    return last if last is None or last > pos else None


def _read_separator(text: str, pos: int, end: int, found: DatelineCandidate) -> int | None:
    if pos >= end or text[pos] not in _SEPARATOR_CHARS:
        return None
    if text[pos] == ".":
        # EFE's "(EFE).-": a full stop and a dash, after an agency credit.
        if found.agency is None or pos + 1 >= end or text[pos + 1] not in "-\u2014\u2013":
            return None
        match = _SEPARATOR.match(text, pos + 1, end)
        if match is None:
            return None
        found.separator = text[pos : match.end()]
        return match.end()
    match = _SEPARATOR.match(text, pos, end)
    if match is None:
        return None
    sep = match.group()
    after = match.end()
    if (
        sep.startswith("-")
        and pos > 0
        and text[pos - 1].isalnum()
        and after < end
        and (text[after].isalnum())
    ):
        # e.g. "HIGH-LEVEL": a hyphen inside a word is no separator.
        return None
    found.separator = sep
    return after


def scan_dateline(text: str, start: int, end: int) -> DatelineCandidate | None:
    """
    Propose the dateline that opens ``text[start:end]``, or None.

    Only the line at ``start`` is read. The result is lexical: whether it is
    a dateline in its place is for :func:`accept_dateline` to say.

    >>> found = scan_dateline("LONDON, Jan 5 (Reuters) - Oil rose.", 0, 35)
    >>> found.agency, found.month, found.day, found.separator
    ('Reuters', 1, 5, '-')
    >>> scan_dateline("WASHINGTON officials said", 0, 25) is None
    True
    """
    line_end = text.find("\n", start, end)
    end = min(end if line_end < 0 else line_end, start + _MAX_CHARS)
    if _MARKS.search(text, start, end) is None:
        return None
    pos = start
    if pos + 1 < end and (text[pos] in "*#>" or text[pos + 1] in " \t"):
        prefix = DATELINE_PREFIX.match(text, pos, end)
        if prefix is not None:
            pos = prefix.end()
    found = DatelineCandidate(start=pos)
    undated = DATELINE_UNDATED.match(text, pos, end) if text.startswith("(", pos) else None
    if undated is not None:
        found.undated = True
        pos = undated.end()
        sep_end = _read_separator(text, _skip_spaces(text, pos, end), end, found)
        found.end = pos if sep_end is None else sep_end
        return found
    if text.startswith("(", pos):
        return _agency_only(text, pos, end, found)
    no_city = DATELINE_NO_CITY.match(text, pos, end) if text.startswith("NO", pos) else None
    if no_city is not None:
        found.placeholder = True
        pos = no_city.end()
    else:
        after = _read_place(text, pos, end, found)
        if after is None:
            return None
        pos = after
    return _read_tails(text, pos, end, found)


def _agency_only(
    text: str, pos: int, end: int, found: DatelineCandidate
) -> DatelineCandidate | None:
    # e.g. "(Reuters) - "  "(CNN) —": an agency credit and a separator, no place.
    after = _read_paren(text, pos, end, found)
    if after is None or found.agency is None:
        return None
    sep_end = _read_separator(text, _skip_spaces(text, after, end), end, found)
    if sep_end is None or found.separator == ":":
        return None
    found.end = sep_end
    return found


def _read_tails(
    text: str, pos: int, end: int, found: DatelineCandidate
) -> DatelineCandidate | None:
    # After the place: commas, parentheses, a date, an agency, regions, in
    # any of the orders the agencies use, up to the separator.
    comma = False
    for _ in range(_MAX_TAILS):
        scan = _skip_spaces(text, pos, end)
        if scan >= end:
            break
        if text[scan] == ",":
            if comma:
                return None
            comma = True
            pos = scan + 1
            continue
        sep_end = _read_separator(text, scan, end, found)
        if sep_end is not None:
            return _finish(text, sep_end, end, found)
        after = _read_item(text, scan, end, found, comma=comma)
        if after is None:
            break
        if after == _FAIL:
            return None
        pos, comma = after, False
    if found.bracketed and not comma and (pos >= end or text[pos] in " \t"):
        # PTI and TASS copy may run on with no separator: "Mumbai, Dec 9 (PTI) A".
        found.end = pos
        return found
    return None


# A word and a day (either order) where a date stands, before an agency
# credit: "Smarch 3 (Xinhua)"  "3 smar (EFE)". The credit vouches that this is
# a dateline whose month we cannot read.
_UNKNOWN_DATE = regex.compile(
    r"(?:\p{L}{3,12}+\.?+[ ]{1,2}+\d{1,2}+|\d{1,2}+\.?+[ ]{1,2}+\p{L}{3,12}+\.?+)"
    r"(?=[ ]*+[(\[/])"
)
# _read_item's answer for a line that cannot be a dateline.
_FAIL = -1
# What DATELINE_AGENCY_WORD opens with, tested before it is tried.
_AGENCY_WORDS = ("Reuter", "REUTER")


def _read_item(
    text: str, scan: int, end: int, found: DatelineCandidate, *, comma: bool
) -> int | None:
    """
    Read one element after the place; return its end, None or _FAIL.
    """
    char = text[scan]
    if char in "([":
        after = _read_paren(text, scan, end, found)
        return _FAIL if after is None else after
    if char == "/":
        return _read_slash(text, scan, end, found)
    if found.placeholder and found.month is None:
        no_date = DATELINE_NO_DATE.match(text, scan, end)
        if no_date is not None:
            return no_date.end()
    if found.month is None and found.agency is None:
        after = _read_date(text, scan, end, found)
        if after is not None:
            found.comma_date = comma
            # "July 12." in TASS copy
            return after + 1 if text.startswith(".", after) else after
        if comma and found.month is None:
            unknown = _UNKNOWN_DATE.match(text, scan, end)
            if unknown is not None:
                # e.g. "BEIJING, Smarch 3 (Xinhua) --": a date we cannot read.
                found.unknown_date = unknown.span()
                found.date = unknown.span()
                return unknown.end()
    if comma and found.agency is None and text.startswith(_AGENCY_WORDS, scan):
        match = DATELINE_AGENCY_WORD.match(text, scan, end)
        if match is not None:
            found.agency = canonical_agency(match.group("inner"))
            found.agency_text = match.group("inner")
            found.agency_span = match.span("inner")
            return match.end()
    if comma and found.month is None and found.agency is None and found.place is not None:
        after = _read_region(text, scan, end)
        if after is not None:
            found.regions.append((scan, after))
            return after
    return None


def _read_slash(text: str, scan: int, end: int, found: DatelineCandidate) -> int:
    match = DATELINE_SLASH.match(text, scan, end)
    if match is None or found.agency is not None:
        return _FAIL
    agency = canonical_agency(match.group("inner"))
    if agency is None:
        return _FAIL
    found.agency, found.agency_text = agency, match.group("inner")
    found.agency_span = match.span("inner")
    found.bracketed = True
    return match.end()


def _finish(
    text: str, sep_end: int, end: int, found: DatelineCandidate
) -> DatelineCandidate | None:
    # At the separator. A colon separates only after an agency ("(ANI):").
    if found.separator == ":" and found.agency is None:
        return None
    found.end = sep_end
    if found.agency is None and text.startswith("(", sep_end):
        # e.g. "ST. PAUL, Minn.--(BUSINESS WIRE)--": the credit between dashes.
        probe = attrs.evolve(found, regions=list(found.regions))
        after = _read_paren(text, sep_end, end, probe)
        if after is not None and probe.agency is not None:
            again = _read_separator(text, _skip_spaces(text, after, end), end, probe)
            if again is not None and probe.separator != ":":
                probe.end = again
                return probe
    if found.month is None and found.separator != ":":
        # "LOUISVILLE, Colo. - March 16 -": a date set off by dashes.
        probe = attrs.evolve(found, regions=list(found.regions))
        after = _read_date(text, _skip_spaces(text, sep_end, end), end, probe)
        if after is not None and probe.day is not None:
            again = _read_separator(text, _skip_spaces(text, after, end), end, probe)
            if again is not None:
                probe.end = again
                return probe
    return found


def _known(text: str, span: tuple[int, int] | None, lexicon: str) -> bool:
    if span is None:
        return False
    return text[span[0] : span[1]].casefold() in read_set(lexicon)


def accept_dateline(state: State, found: DatelineCandidate, *, first_of_many: bool) -> bool:
    """
    Say whether a scanned candidate is a dateline where it stands.

    ``first_of_many`` is true for the first block of a dispatch that has
    more blocks: a headline sits there, so only a strong candidate counts.
    """
    text = state.text
    if found.undated or found.placeholder:
        return True
    if found.place is None:
        # "(Reuters) - ": an agency credit alone.
        return found.agency is not None and bool(found.separator)
    place = text[found.place[0] : found.place[1]]
    if found.place_lower and found.day is None:
        return False
    if found.unknown_date is not None and found.agency is None:
        return False
    if found.strong:
        if first_of_many and found.agency is None and not found.comma_date:
            # e.g. "ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER" is a headline,
            # but "RICHMOND, Va. Feb 26 -" alone on its line is no headline, and
            # neither is a story's opening paragraph.
            return found.day is not None and (
                _line_ends(text, found.end) or _opens_story(state, found)
            )
        return found.day is not None or place[:1].isupper()
    # Weak: a place (and perhaps a region or a month without its day).
    if not found.separator or found.separator == ":":
        return False
    if not place.isupper():
        return False
    if first_of_many:
        # The first block is a headline's place, unless it reads as the
        # story's opening paragraph: "OTTAWA — The federal government ...".
        return _opens_story(state, found)
    return (
        _vouched(text, found)
        or found.month is not None
        # The ANPA underscore ("HIALEAH _") separates nothing but a dateline.
        or found.separator.startswith("_")
        or _story_follows(text, found)
    )


# e.g. "MIDWAY ATOLL - Seventy-four years ago, a naval battle ...": a sentence.
_SENTENCE = regex.compile(
    r"[ ]*+\p{Lu}[\p{Ll}\-]*+[,'.]?+(?P<rest>(?:[ ]++[\p{L}\d,.'\u2019\-\"]++){5})"
)


# A story's first line runs on; a table cell's text stops short.
_MIN_STORY_LINE = 50
_MIN_LOWER_WORDS = 3


def _story_follows(text: str, found: DatelineCandidate) -> bool:
    # An unknown place still makes a dateline when a sentence of story text
    # follows the separator on the same line: headlines and table rows ("COPPER
    # GRADE A - 2650 tonnes") do not read so. Short places only.
    if found.place is None or found.separator not in {"-", "--", "\u2014", "\u2013", "\u2015"}:
        return False
    if len(text[found.place[0] : found.place[1]].split()) > 3:
        return False
    match = _SENTENCE.match(text, found.end)
    line_end = text.find("\n", found.end)
    if line_end < 0:
        line_end = len(text)
    if match is None or line_end < found.end + _MIN_STORY_LINE:
        return False
    # Prose has lower-case words; "No Two Soft Red Winter Jne 129.50" has not.
    rest: str = match.group("rest")
    return sum(word[0].islower() for word in rest.split()) >= _MIN_LOWER_WORDS


# A first paragraph runs on for a sentence or more; a headline stops short.
_MIN_OPENING = 60
_SENTENCE_END = frozenset(".!?\"'\u201d\u2019)")


def _opens_story(state: State, found: DatelineCandidate) -> bool:
    # A weak dateline in the first block counts when the block is the story's
    # first paragraph: a sentence follows the dash, and the block runs on
    # and ends as prose does. A headline ("CHINA - Exports surge to a record
    # in March") is short and has no full stop.
    text = state.text
    if found.separator not in {"-", "--", "\u2014", "\u2013", "\u2015", "\u2014\u2014"}:
        return False
    if not (_story_follows(text, found) or (_vouched(text, found) and _prose_follows(text, found))):
        return False
    block = state.blocks[0]
    end = block.end
    while end > block.start and text[end - 1].isspace():
        end -= 1
    return end - found.end >= _MIN_OPENING and text[end - 1] in _SENTENCE_END


def _line_ends(text: str, pos: int) -> bool:
    # Nothing but spaces between ``pos`` and the end of its line.
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos >= len(text) or text[pos] == "\n"


def _vouched(text: str, found: DatelineCandidate) -> bool:
    # The place or its region is one the lexicons know.
    region = None
    if found.regions:
        region = (found.regions[0][0], found.regions[-1][1])
    return (
        _known(text, found.place, "places.txt")
        or _known(text, found.place, "regions.txt")
        or _known(text, region, "regions.txt")
    )


# How many words after the separator _prose_follows reads, and how many of
# them must be in lower case.
_PROSE_WORDS = 12
_MIN_PROSE_LOWER = 4


def _prose_follows(text: str, found: DatelineCandidate) -> bool:
    # "SCRANTON, Pa. — Vice President Joe Biden plays the part of ...": names
    # open the sentence, but lower-case words soon follow. A title-case
    # headline has none.
    words = text[found.end : found.end + 120].split(None, _PROSE_WORDS)[:_PROSE_WORDS]
    if not words or not words[0][:1].isupper():
        return False
    return sum(word[:1].islower() for word in words) >= _MIN_PROSE_LOWER


def commit_dateline(state: State, found: DatelineCandidate) -> int:
    """
    Store the dateline record on the state; return where it ends.
    """
    text = state.text
    # The text's own methods, looked up once: State.span/State.original only
    # forward to them, and a dateline builds half a dozen spans.
    span, original = state.norm.span, state.norm.slice
    date = None
    date_span = None
    if found.date is not None:
        date_span = span(*found.date)
    if found.month is not None and found.day is not None:
        reference = state.reference_date or state.caller_reference
        if not 1 <= found.day <= 31:
            state.diagnose(
                "date.impossible_day",
                f"the dateline's day {found.day} is not a day of the month",
                *found.date or (found.start, found.end),
            )
        elif not day_exists(found.month, found.day, _full_year(found.year)):
            state.diagnose(
                "date.impossible",
                f"the dateline's date (month {found.month}, day {found.day}) does not exist",
                *found.date or (found.start, found.end),
            )
        else:
            date = resolve_date(found.month, found.day, found.year, reference)
            if date is None and reference is None and found.year is None:
                state.diagnose(
                    "date.no_reference",
                    "the dateline's date has no year and the dispatch has no reference date",
                    *found.date or (found.start, found.end),
                )
    if found.unknown_date is not None:
        state.diagnose(
            "date.unknown_month",
            "the dateline's date names no month newswire knows; place and agency are kept",
            *found.unknown_date,
        )
    region = None
    if len(found.regions) > 1 and _after_bracket(text, found.regions[1][0] - 1):
        # "Pune (Maharashtra) [India]": each qualifier as written, joined.
        region = ", ".join(original(*qualifier) for qualifier in found.regions)
    elif found.regions:
        r_start, r_end = found.regions[0][0], found.regions[-1][1]
        region = original(r_start, r_end)
    state.dateline = Dateline(
        text=original(found.start, found.end),
        span=span(found.start, found.end),
        place=None if found.place is None else original(*found.place),
        place_span=None if found.place is None else span(*found.place),
        region=region,
        date=date,
        date_span=date_span,
        month=found.month,
        day=date.day if date is not None else _written_day(found),
        agency=found.agency,
        agency_text=found.agency_text,
        agency_span=None if found.agency_span is None else span(*found.agency_span),
        separator=found.separator or None,
    )
    end = found.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def _full_year(year: int | None) -> int | None:
    # A two-digit year only matters for 29 February: any leap year will do.
    if year is None or year >= 100:
        return year
    return 2000 + year if year % 4 == 0 else 2001


def _written_day(found: DatelineCandidate) -> int | None:
    # The day as written when the dateline's date has no year to resolve it,
    # None when it is no day of its month.
    day, month = found.day, found.month
    if day is None or month is None or not 1 <= day <= 31:
        return None
    return day if day_exists(month, day, _full_year(found.year)) else None


def find_dateline(state: State, block: Block, index: int) -> DatelineCandidate | None:
    """
    Return the dateline candidate at the start of ``block`` if it counts.
    """
    text = state.text
    first_of_many = index == 0 and len(state.blocks) > 1 and state.headline is None
    if first_of_many:
        # Only a strong candidate counts here (see accept_dateline). Looking
        # along the whole first line, not just as far as a scan reads, keeps
        # the test simple and is as safe.
        line_end = text.find("\n", block.start, block.end)
        if line_end < 0:
            line_end = block.end
        if (
            _FIRST_BLOCK_MARKS.search(text, block.start, line_end) is None
            and text.find("NO CITY", block.start, line_end) < 0
            # A block this short is no opening paragraph (see _opens_story).
            and block.end - block.start < _MIN_OPENING
        ):
            return None
    found = scan_dateline(text, block.start, block.end)
    if found is None:
        return None
    return found if accept_dateline(state, found, first_of_many=first_of_many) else None


def recognize_dateline(state: State, block: Block, index: int) -> int | None:
    """
    Read a dateline at the start of ``block``.
    """
    found = find_dateline(state, block, index)
    if found is None:
        return None
    return min(commit_dateline(state, found), block.end)
