# Regular expressions, built from named regex.VERBOSE fragments. Every
# quantifier that could meet the same characters twice is possessive (*+, ++,
# ?+) or sits in an atomic group, so no pattern backtracks catastrophically;
# patterns are applied in place with pattern.match(text, pos). Each fragment
# carries a made-up example of what it matches.
"""
Compiled patterns shared by the recognisers.
"""

from __future__ import annotations

import regex

__all__ = [
    "ADVISORY_LINE",
    "BYLINE",
    "DATELINE_AGENCY_WORD",
    "DATELINE_NO_CITY",
    "DATELINE_NO_DATE",
    "DATELINE_PAREN",
    "DATELINE_PREFIX",
    "DATELINE_SEPARATOR",
    "DATELINE_SLASH",
    "DATELINE_UNDATED",
    "DAY_MONTH",
    "HEADER_LINE",
    "MONTH_DAY",
    "MONTH_ONLY",
    "PLACE_WORD",
    "SECTION_HEAD",
    "SOURCE_LINE",
    "TIMESTAMP_LINE",
]

_FLAGS = regex.VERBOSE | regex.VERSION1

# e.g. " date 2021-12-31 Xi, Putin exchange New Year greetings"
HEADER_LINE = regex.compile(
    r"""
    date [ \t]++ (?P<date>\d{4}-\d{2}-\d{2}) [ \t]++ (?P<headline>[^\n]++)
    """,
    _FLAGS,
)

# e.g. "(Xinhua) 18:00, December 31, 2021"  /  "Xinhua) 18:00, December 31, 2021"
SOURCE_LINE = regex.compile(
    r"""
    \(?+ (?P<agency>[A-Z][A-Za-z.\- ]{0,30}+) \) [ \t]*+
    (?P<when>\d{1,2}:\d{2}[^\n]{0,60}+|[A-Z][a-z]++\.?[ \t]\d{1,2},?[ \t]\d{4}[^\n]{0,30}+)
    [ \t]*+ \Z
    """,
    _FLAGS,
)

# e.g. "Updated: 10:02 a.m. EST, Dec. 31, 2021"  /  "Published: 2021-12-31"
TIMESTAMP_LINE = regex.compile(
    r"""
    (?P<kind>Updated|Published|Posted|Last[ ]updated) [ \t]*+ (?::|on)? [ \t]*+
    (?P<when>[^\n]{4,80}+) \Z
    """,
    _FLAGS | regex.IGNORECASE,
)

# e.g. "By JOHN SMITH"  /  "By Cal Mankowski, Reuters"
BYLINE = regex.compile(
    r"""
    (?:By|BY|by) [ \t]++ (?P<names>[^\n]{2,200}+)
    """,
    _FLAGS,
)

# Dateline tokens. The dateline recogniser walks a line token by token with
# these, each matched in place; none can run past the line it starts on.

# e.g. "****SANTO DOMINGO"  ">> LONDON"  "0    LONDON": stray marks before the place
DATELINE_PREFIX = regex.compile(r"[*#>]++[ \t]*+|[\p{L}\d][ \t]{2,}+(?=\p{Lu})", _FLAGS)

# e.g. "(Undated)"
DATELINE_UNDATED = regex.compile(r"\((?i:undated)\)", _FLAGS)

# e.g. "NO CITY, NO DATE (PARIS AFP) --": placeholders in FBIS copy
DATELINE_NO_CITY = regex.compile(r"NO[ ]CITY(?![\p{L}])", _FLAGS)
DATELINE_NO_DATE = regex.compile(r"NO[ ]DATE(?![\p{L}])", _FLAGS)

# e.g. "PORT-AU-PRINCE"  "O'SMACH"  "DALLAS/FORT"  "N.Y."  "St."
PLACE_WORD = regex.compile(r"\p{L}[\p{L}\p{M}'\u2019.&/\-]*+", _FLAGS)

# e.g. "Dec. 31"  "Sept 26"  "March 2O"  "Apri l7"  "Jan. 1, 2022"
MONTH_DAY = regex.compile(
    r"""
    (?P<month>\p{L}{3,10}+) \.?+ [ ]{0,2}+
    (?P<day>(?=[OlI]?+\d)[\dOlI]{1,3}+) (?![\p{L}\d])
    (?: ,?+ [ ]?+ (?P<year>(?:19|20)\d\d) (?![\p{L}\d]) )?+
    """,
    _FLAGS,
)

# e.g. "9 JAN 90"  "18 jun"  "22 AUGUST 89"  "3. März"  "3 de março de 2024"  "1er mars"
DAY_MONTH = regex.compile(
    r"""
    (?P<day>\d{1,2}+) (?:er|º|°)?+ \.?+ [ ]++ (?:de[ ]++)?+ (?P<month>\p{L}{3,10}+) \.?+
    (?: [ ]++ (?:de[ ]++)?+ (?P<year>\d\d(?:\d\d)?+) )?+ (?![\p{L}\d])
    """,
    _FLAGS,
)

# e.g. "April -": a month written without its day
MONTH_ONLY = regex.compile(r"(?P<month>\p{L}{3,10}+)\.?+(?=[ ]*+[-\u2014\u2013\u2015_])", _FLAGS)

# e.g. "(Xinhua)"  "(AP )"  "(ACAN - EFE)"  "(NICARAGUA)"  "[India]"
DATELINE_PAREN = regex.compile(r"[(\[][ ]*+(?P<inner>[^()\[\]\n]{1,40}+)[)\]]", _FLAGS)

# e.g. "/TASS/."  "/PRNewswire-USNewswire/"
DATELINE_SLASH = regex.compile(r"/(?P<inner>\p{L}[\p{L}\-]{1,29}+)/\.?+", _FLAGS)

# e.g. ", Reuter -"  ", Reuters -"
DATELINE_AGENCY_WORD = regex.compile(r"(?P<inner>Reuters?+|REUTERS?+)(?![\p{L}])", _FLAGS)

# e.g. "--"  "—"  "_"  "–"  ":" (the last only after an agency credit)
DATELINE_SEPARATOR = regex.compile(r"-{1,3}+|[\u2014\u2013\u2015]{1,2}+|_{1,2}+|:", _FLAGS)

# e.g. "ABSTRACT."  "FULL TEXT."  "Correction Appended."  "LETTERS."
SECTION_HEAD = regex.compile(
    r"""
    (?i:abstract|full[ ]text|correction[ ]appended|corrections?+|letters?+|editor's[ ]note)
    [.:]?+
    """,
    _FLAGS,
)

# e.g. "(LEAD)"  "(2nd LD)"  "(ATTN: ADDS comment in para 4)"  "(URGENT)"  "(News Focus)"
ADVISORY_LINE = regex.compile(
    r"""
    (?:
      \( (?i:lead|urgent|flash|bulletin|update|correction|corrected|repeat|news[ ]focus
             |\d{1,2}(?:st|nd|rd|th)[ ]ld|(?:attn|attention)[ ]?+:[^()\n]{0,120}+) \)
      [ ]*+
    ){1,3}+
    """,
    _FLAGS,
)
