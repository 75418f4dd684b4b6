# Dates. Only this module calls dateutil, and always with an explicit default=
# so that no part of a date ever comes from the clock. A dateline gives a month
# and a day; the year is the latest one that does not put that month/day
# after the reference date (a "Dec. 31" dateline on a dispatch dated Jan. 1
# is the previous year, and "Feb. 29" on a dispatch of June 2023 is 2020).
# A dateline may run a little ahead of the dispatch's own date (time zones,
# copy filed for the next morning): up to _AHEAD days after it still count.
"""
Month names, year inference and timestamp reading.
"""

from __future__ import annotations

import datetime as dt
import functools

from dateutil import parser as _dateutil_parser

from newswire._lexicons import read_mapping
from newswire.errors import ReferenceDateError

__all__ = [
    "coerce_date",
    "day_exists",
    "guess_month",
    "infer_year",
    "month_number",
    "parse_timestamp",
    "read_day",
    "resolve_date",
]

_EPOCH = dt.datetime(1900, 1, 1)  # noqa: DTZ001 - a naive sentinel, never shown


def month_number(word: str) -> int | None:
    """
    Return the month a name, abbreviation or known misspelling stands for.

    >>> month_number("Sept."), month_number("juin"), month_number("Narch"), month_number("Bob")
    (9, 6, 3, None)
    """
    value = read_mapping("months.txt").get(word.rstrip(".").casefold())
    return None if value is None else int(value)


# Full English month names for the typo check: a misspelling in a dateline's
# date position is one edit (or one swap of neighbours) from one of these.
_FULL_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _one_edit(word: str, name: str) -> bool:
    # Optimal-string-alignment distance <= 1, in one pass over the words.
    if word == name:
        return True
    if abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and word[diff[0]] == name[diff[1]]
            and word[diff[1]] == name[diff[0]]
        )
    short, long = (word, name) if len(word) < len(name) else (name, word)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@functools.lru_cache(maxsize=8192)
def guess_month(word: str) -> int | None:
    """
    Return the month a word stands for, allowing one typing error.

    Meant for words already in a date position (a day follows), where
    ``Mach 4`` or ``Juen 19`` can only be a month. Words under four letters
    get no allowance.

    >>> guess_month("Macrh"), guess_month("Juen"), guess_month("Mach"), guess_month("Main")
    (3, 6, 3, None)
    """
    exact = month_number(word)
    if exact is not None:
        return exact
    folded = word.rstrip(".").casefold()
    if len(folded) < 4:
        return None
    # One edit leaves either the first letter or the rest intact.
    found = [
        name
        for name in _FULL_MONTHS
        if (folded[0] == name[0] or folded[1:] == name[1:]) and _one_edit(folded, name)
    ]
    if len(found) != 1:
        return None
    return _FULL_MONTHS.index(found[0]) + 1 + (found[0] in _AFTER_MAY)


_AFTER_MAY = frozenset(_FULL_MONTHS[4:])

# Letters typed for digits in real copy: "March 2O", "Apri l7".
_DAY_DIGITS = str.maketrans("OlI", "011")


def read_day(text: str) -> int:
    """
    Read a day number, taking the letters O, l and I typed for digits.

    >>> read_day("2O"), read_day("l7"), read_day("31")
    (20, 17, 31)
    """
    if text.isdecimal():
        # The usual case: nothing to translate.
        return int(text)
    return int(text.translate(_DAY_DIGITS))


# How far after the reference a dateline's date may fall: a dispatch dated
# by its GMT timestamp is often a day behind its local dateline.
_AHEAD = dt.timedelta(days=14)
# Far enough back to reach a leap day (at most eight years apart, 1896-1904).
_YEARS_BACK = 8


def infer_year(month: int, day: int, reference: dt.date) -> int | None:
    """
    Return the latest year that does not put ``month``/``day`` after ``reference``.

    A date up to two weeks after the reference still counts (a dateline's
    local date runs ahead of a GMT timestamp). None when the day exists in
    no year (``February 30``).

    >>> infer_year(12, 31, dt.date(2022, 1, 1))
    2021
    >>> infer_year(1, 2, dt.date(2021, 12, 30))
    2022
    >>> infer_year(2, 29, dt.date(2023, 6, 1))
    2020
    >>> infer_year(2, 30, dt.date(2021, 3, 1)) is None
    True
    """
    latest = reference + _AHEAD
    for year in range(latest.year, latest.year - _YEARS_BACK - 1, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= latest:
            return year
    return None


def day_exists(month: int, day: int, year: int | None = None) -> bool:
    """
    Say whether ``day`` is a day of ``month`` (in ``year``, or in some year).

    >>> day_exists(2, 29), day_exists(2, 29, 2023), day_exists(4, 31)
    (True, False, False)
    """
    try:
        dt.date(2000 if year is None else year, month, day)
    except ValueError:
        return False
    return True


def resolve_date(
    month: int, day: int, year: int | None, reference: dt.date | None
) -> dt.date | None:
    """
    Build the date of a dateline, inferring the year when it is not written.

    A two-digit ``year`` is read as 19xx or 20xx, whichever is closer to the
    reference (19xx without one).

    >>> resolve_date(12, 31, None, dt.date(2022, 1, 1))
    datetime.date(2021, 12, 31)
    >>> resolve_date(1, 9, 90, None)
    datetime.date(1990, 1, 9)
    >>> resolve_date(2, 30, None, dt.date(2021, 3, 1)) is None
    True
    """
    if year is not None:
        if year < 100:
            century = 1900
            if reference is not None and abs(2000 + year - reference.year) < abs(
                1900 + year - reference.year
            ):
                century = 2000
            year += century
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if reference is None:
        return None
    inferred = infer_year(month, day, reference)
    return None if inferred is None else dt.date(inferred, month, day)


def parse_timestamp(text: str) -> dt.datetime | None:
    """
    Read a timestamp such as ``18:00, December 31, 2021``; None when unreadable.

    Only complete dates are accepted: a missing year is not filled in.

    >>> parse_timestamp("18:00, December 31, 2021")
    datetime.datetime(2021, 12, 31, 18, 0)
    >>> parse_timestamp("December 31") is None
    True
    """
    try:
        first = _dateutil_parser.parse(text, default=_EPOCH, fuzzy=True, ignoretz=True)
        second = _dateutil_parser.parse(
            text, default=_EPOCH.replace(year=1901, day=2), fuzzy=True, ignoretz=True
        )
    except (ValueError, OverflowError):
        return None
    if first.year != second.year or first.day != second.day:
        return None
    return first.replace(tzinfo=None)


def coerce_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    """
    Turn a caller's reference date into a :class:`datetime.date`.

    Raises:
        TypeError: for anything but a date, a datetime, an ISO string or None.
        ReferenceDateError: (a :class:`ValueError`) for a string that is not
            an ISO date, naming the accepted forms.

    >>> coerce_date("2021-12-31"), coerce_date(dt.datetime(2021, 12, 31, 18, 0))
    (datetime.date(2021, 12, 31), datetime.date(2021, 12, 31))
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            # The date part of an ISO date or datetime.
            return dt.date.fromisoformat(value[:10])
        except ValueError as exc:
            msg = (
                f"reference_date {value!r} is not a date: give a datetime.date, a "
                "datetime.datetime or an ISO string 'YYYY-MM-DD' (a time may follow, "
                "e.g. '2024-05-15T09:30:00')"
            )
            raise ReferenceDateError(msg) from exc
    # Callers without type checking can pass anything: say what is wrong.
    msg = (  # type: ignore[unreachable]
        f"reference_date must be a date, a datetime or an ISO 'YYYY-MM-DD' string, "
        f"not {type(value).__name__}"
    )
    raise TypeError(msg)
