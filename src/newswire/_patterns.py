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
    "BYLINE",
    "HEADER_LINE",
    "SOURCE_LINE",
    "TIMESTAMP_LINE",
]

_FLAGS = regex.VERBOSE | regex.VERSION1

# " date 2021-12-31 Xi, Putin exchange New Year greetings"
HEADER_LINE = regex.compile(
    r"""
    date [ \t]++ (?P<date>\d{4}-\d{2}-\d{2}) [ \t]++ (?P<headline>[^\n]++)
    """,
    _FLAGS,
)

# "(Xinhua) 18:00, December 31, 2021"  /  "Xinhua) 18:00, December 31, 2021"
SOURCE_LINE = regex.compile(
    r"""
    \(?+ (?P<agency>[A-Z][A-Za-z.\- ]{0,30}+) \) [ \t]*+
    (?P<when>\d{1,2}:\d{2}[^\n]{0,60}+|[A-Z][a-z]++\.?[ \t]\d{1,2},?[ \t]\d{4}[^\n]{0,30}+)
    [ \t]*+ \Z
    """,
    _FLAGS,
)

# "Updated: 10:02 a.m. EST, Dec. 31, 2021"  /  "Published: 2021-12-31"
TIMESTAMP_LINE = regex.compile(
    r"""
    (?P<kind>Updated|Published|Posted|Last[ ]updated) [ \t]*+ (?::|on)? [ \t]*+
    (?P<when>[^\n]{4,80}+) \Z
    """,
    _FLAGS | regex.IGNORECASE,
)

# "By JOHN SMITH"  /  "By Cal Mankowski, Reuters"
BYLINE = regex.compile(
    r"""
    (?:By|BY|by) [ \t]++ (?P<names>[^\n]{2,200}+)
    """,
    _FLAGS,
)
