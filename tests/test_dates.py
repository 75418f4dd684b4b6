"""
Month names, misspellings, day digits and year inference.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newswire._dates import (
    day_exists,
    guess_month,
    infer_year,
    month_number,
    read_day,
    resolve_date,
)


class TestMonthNames:
    @pytest.mark.parametrize(
        ("word", "month"),
        [
            pytest.param("Sept.", 9, id="english-abbreviation"),
            pytest.param("JANUARY", 1, id="english-caps"),
            pytest.param("dic", 12, id="spanish"),
            pytest.param("juillet", 7, id="french"),
            pytest.param("março", 3, id="portuguese"),
            pytest.param("März", 3, id="german"),
            pytest.param("gennaio", 1, id="italian"),
            pytest.param("giu", 6, id="italian-abbreviation"),
            pytest.param("Settembre", 9, id="italian-capitalised"),
            pytest.param("Narch", 3, id="known-misspelling"),
            pytest.param("Bob", None, id="not-a-month"),
        ],
    )
    def test_month_number(self, word: str, month: int | None) -> None:
        """
        Names, abbreviations and listed misspellings in six languages are known.
        """
        assert month == month_number(word)

    @pytest.mark.parametrize(
        ("word", "month"),
        [
            pytest.param("Macrh", 3, id="swap"),
            pytest.param("Mach", 3, id="deletion"),
            pytest.param("Augustt", 8, id="insertion"),
            pytest.param("Octobor", 10, id="substitution"),
            pytest.param("Main", None, id="too-far"),
            pytest.param("Jum", None, id="too-short"),
        ],
    )
    def test_guess_month(self, word: str, month: int | None) -> None:
        """
        One typing error from a full English month name is forgiven.
        """
        assert month == guess_month(word)


class TestDays:
    @pytest.mark.parametrize(
        ("text", "day"),
        [
            pytest.param("31", 31, id="digits"),
            pytest.param("2O", 20, id="letter-o"),
            pytest.param("l7", 17, id="letter-l"),
        ],
    )
    def test_read_day(self, text: str, day: int) -> None:
        """
        Letters typed for digits are read as the digits.
        """
        assert day == read_day(text)


class TestYears:
    @pytest.mark.parametrize(
        ("month", "day", "reference", "year"),
        [
            pytest.param(12, 31, dt.date(2022, 1, 1), 2021, id="back-over-new-year"),
            pytest.param(1, 2, dt.date(2021, 12, 30), 2022, id="forward-over-new-year"),
            pytest.param(6, 15, dt.date(2021, 6, 1), 2021, id="same-year"),
            pytest.param(2, 29, dt.date(2024, 3, 1), 2024, id="leap-day"),
            pytest.param(2, 29, dt.date(2023, 6, 1), 2020, id="leap-day-never-ahead"),
            pytest.param(2, 29, dt.date(2024, 2, 20), 2024, id="leap-day-days-ahead"),
            pytest.param(8, 1, dt.date(2024, 3, 1), 2023, id="months-ahead-is-last-year"),
            pytest.param(3, 14, dt.date(2024, 3, 1), 2024, id="two-weeks-ahead"),
            pytest.param(3, 16, dt.date(2024, 3, 1), 2023, id="over-two-weeks-ahead"),
        ],
    )
    def test_infer_year(self, month: int, day: int, reference: dt.date, year: int) -> None:
        """
        The inferred year puts the date on or before the reference (two weeks' grace).
        """
        assert year == infer_year(month, day, reference)

    @pytest.mark.parametrize(
        ("args", "date"),
        [
            pytest.param((1, 9, 90, None), dt.date(1990, 1, 9), id="two-digit-year"),
            pytest.param(
                (1, 9, 5, dt.date(2004, 1, 1)), dt.date(2005, 1, 9), id="two-digit-year-near-2000s"
            ),
            pytest.param((2, 30, None, dt.date(2021, 3, 1)), None, id="impossible"),
            pytest.param((2, 29, 2023, None), None, id="no-leap-day-in-written-year"),
            pytest.param((2, 29, None, dt.date(2023, 6, 1)), dt.date(2020, 2, 29), id="leap-back"),
            pytest.param((3, 4, None, None), None, id="no-reference"),
        ],
    )
    def test_resolve_date(
        self, args: tuple[int, int, int | None, dt.date | None], date: dt.date | None
    ) -> None:
        """
        A written year wins; otherwise the reference decides, and without one there is none.
        """
        assert date == resolve_date(*args)


class TestDayExists:
    @pytest.mark.parametrize(
        ("args", "exists"),
        [
            pytest.param((2, 29, None), True, id="leap-day-some-year"),
            pytest.param((2, 29, 2024), True, id="leap-day-leap-year"),
            pytest.param((2, 29, 2023), False, id="leap-day-common-year"),
            pytest.param((2, 30, None), False, id="february-30"),
            pytest.param((4, 31, None), False, id="april-31"),
            pytest.param((12, 31, 1999), True, id="december-31"),
        ],
    )
    def test_day_exists(self, args: tuple[int, int, int | None], exists: bool) -> None:
        """
        A day exists when its month has it (in the year, when one is given).
        """
        assert exists == day_exists(*args)
