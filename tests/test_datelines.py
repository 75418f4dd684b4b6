"""
Datelines in every agency's house style, and lines that only look like one.

Every test line here is our own, written in the agencies' styles.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire import _patterns as patterns
from newswire._headers import dateline
from newswire._headers.dateline import scan_dateline

if TYPE_CHECKING:
    import re

    import regex

REF = dt.date(2024, 1, 5)
BODY = "\n\nA second paragraph follows the lead."


def _dateline(line: str, reference: dt.date | None = REF) -> newswire.Dateline | None:
    return newswire.parse(
        "Harbour reopens after storm\n\n" + line + BODY, reference_date=reference
    ).dateline


def _style(line: str, *fields: str | None, id: str) -> object:  # noqa: A002 - pytest's name
    # A case: the line, then text, place, region, date, agency and separator.
    return pytest.param(line, fields, id=id)


STYLES = [
    _style(
        "LONDON, Jan 3 (Reuters) - Copper prices slipped on Wednesday.",
        "LONDON, Jan 3 (Reuters) -",
        "LONDON",
        None,
        "2024-01-03",
        "Reuters",
        "-",
        id="reuters",
    ),
    _style(
        "SALVADOR, Dec 28 - Cocoa arrivals in Bahia slowed.",
        "SALVADOR, Dec 28 -",
        "SALVADOR",
        None,
        "2023-12-28",
        None,
        "-",
        id="reuters-1987",
    ),
    _style(
        "WASHINGTON, Jan 2, Reuter - The trade gap narrowed.",
        "WASHINGTON, Jan 2, Reuter -",
        "WASHINGTON",
        None,
        "2024-01-02",
        "Reuters",
        "-",
        id="reuters-1987-credit",
    ),
    _style(
        "RICHMOND, Va. Jan 4 - Quarterly dividend of ten cts.",
        "RICHMOND, Va. Jan 4 -",
        "RICHMOND",
        "Va.",
        "2024-01-04",
        None,
        "-",
        id="reuters-1987-no-comma-after-region",
    ),
    _style(
        "ATLANTA , Jan 4 - The airline added routes.",
        "ATLANTA , Jan 4 -",
        "ATLANTA",
        None,
        "2024-01-04",
        None,
        "-",
        id="reuters-1987-space-before-comma",
    ),
    _style(
        "KANSAS CITY, Mo. - Jan 4 - The railroad cut rates.",
        "KANSAS CITY, Mo. - Jan 4 -",
        "KANSAS CITY",
        "Mo.",
        "2024-01-04",
        None,
        "-",
        id="reuters-1987-date-between-dashes",
    ),
    _style(
        "****SANTO DOMINGO, Jan 4 - Sugar output rose.",
        "SANTO DOMINGO, Jan 4 -",
        "SANTO DOMINGO",
        None,
        "2024-01-04",
        None,
        "-",
        id="reuters-1987-stray-prefix",
    ),
    _style(
        "WASHINGTON (AP) — Senators returned to the Capitol on Thursday.",
        "WASHINGTON (AP) —",
        "WASHINGTON",
        None,
        None,
        "AP",
        "—",
        id="ap",
    ),
    _style(
        "AUSTIN, Texas (AP) — The governor signed a water bill.",
        "AUSTIN, Texas (AP) —",
        "AUSTIN",
        "Texas",
        None,
        "AP",
        "—",
        id="ap-state",
    ),
    _style(
        "NAIROBI, Kenya (AP) _ Heavy rains flooded the market.",
        "NAIROBI, Kenya (AP) _",
        "NAIROBI",
        "Kenya",
        None,
        "AP",
        "_",
        id="ap-underscore",
    ),
    _style(
        "INDEPENDENCE, MO. (AP)-- A storm cut power to the town.",
        "INDEPENDENCE, MO. (AP)--",
        "INDEPENDENCE",
        "MO.",
        None,
        "AP",
        "--",
        id="ap-attached-dashes",
    ),
    _style(
        "HAVANA (AP ) -- Officials said the talks went well.",
        "HAVANA (AP ) --",
        "HAVANA",
        None,
        None,
        "AP",
        "--",
        id="ap-space-in-credit",
    ),
    _style(
        "BEIJING, Dec. 31 (Xinhua) -- The city opened a new park.",
        "BEIJING, Dec. 31 (Xinhua) --",
        "BEIJING",
        None,
        "2023-12-31",
        "Xinhua",
        "--",
        id="xinhua",
    ),
    _style(
        "BRISBANE, Australia, Jan. 1(Xinhua) -- Swimmers filled the beaches.",
        "BRISBANE, Australia, Jan. 1(Xinhua) --",
        "BRISBANE",
        "Australia",
        "2024-01-01",
        "Xinhua",
        "--",
        id="xinhua-attached-credit",
    ),
    _style(
        "LISBOA, 2 ene (Xinhua) -- El gobierno anunció nuevas medidas.",
        "LISBOA, 2 ene (Xinhua) --",
        "LISBOA",
        None,
        "2024-01-02",
        "Xinhua",
        "--",
        id="xinhua-spanish",
    ),
    _style(
        "PARIS, Jan 1 (AFP) - Fireworks lit the sky over the river.",
        "PARIS, Jan 1 (AFP) -",
        "PARIS",
        None,
        "2024-01-01",
        "AFP",
        "-",
        id="afp",
    ),
    _style(
        "New Delhi (AFP) – The court adjourned the hearing.",
        "New Delhi (AFP) –",
        "New Delhi",
        None,
        None,
        "AFP",
        "–",
        id="afp-en-dash",
    ),
    _style(
        "HEMPSTEAD, N.Y., Jan. 4 (UPI) — The debate drew a crowd.",
        "HEMPSTEAD, N.Y., Jan. 4 (UPI) —",
        "HEMPSTEAD",
        "N.Y.",
        "2024-01-04",
        "UPI",
        "—",
        id="upi",
    ),
    _style(
        "Mumbai, Dec 9 (PTI) The index closed higher on Monday.",
        "Mumbai, Dec 9 (PTI)",
        "Mumbai",
        None,
        "2023-12-09",
        "PTI",
        None,
        id="pti-no-separator",
    ),
    _style(
        "New Delhi [India], Jan 2 (ANI): The ministry issued a notice.",
        "New Delhi [India], Jan 2 (ANI):",
        "New Delhi",
        "India",
        "2024-01-02",
        "ANI",
        ":",
        id="ani",
    ),
    _style(
        "Chennai, Jan 3 (IANS) A cyclone warning was issued.",
        "Chennai, Jan 3 (IANS)",
        "Chennai",
        None,
        "2024-01-03",
        "IANS",
        None,
        id="ians",
    ),
    _style(
        "LUGANSK, Jan 4. /TASS/. Shelling resumed overnight.",
        "LUGANSK, Jan 4. /TASS/.",
        "LUGANSK",
        None,
        "2024-01-04",
        "TASS",
        None,
        id="tass",
    ),
    _style(
        "TOKYO (Kyodo) -- The yen weakened against the dollar.",
        "TOKYO (Kyodo) --",
        "TOKYO",
        None,
        None,
        "Kyodo",
        "--",
        id="kyodo",
    ),
    _style(
        "SEOUL, Jan. 4 (Yonhap) -- Exports rose for a third month.",
        "SEOUL, Jan. 4 (Yonhap) --",
        "SEOUL",
        None,
        "2024-01-04",
        "Yonhap",
        "--",
        id="yonhap",
    ),
    _style(
        "Berlin (dpa) - Trains stood still during the strike.",
        "Berlin (dpa) -",
        "Berlin",
        None,
        None,
        "dpa",
        "-",
        id="dpa",
    ),
    _style(
        "BERLIN, 3. Januar (dpa) - Die Regierung hat reagiert.",
        "BERLIN, 3. Januar (dpa) -",
        "BERLIN",
        None,
        "2024-01-03",
        "dpa",
        "-",
        id="dpa-german",
    ),
    _style(
        "BOGOTA, 9 JAN 90 (EFE) -- [TEXT] THE ARMY REPORTED CLASHES.",
        "BOGOTA, 9 JAN 90 (EFE) --",
        "BOGOTA",
        None,
        "1990-01-09",
        "EFE",
        "--",
        id="efe-muc",
    ),
    _style(
        "MANAGUA (NICARAGUA), 28 NOV 89 (PL) -- THE MINISTRY DENIED IT.",
        "MANAGUA (NICARAGUA), 28 NOV 89 (PL) --",
        "MANAGUA",
        "NICARAGUA",
        "1989-11-28",
        "Prensa Latina",
        "--",
        id="prensa-latina-muc",
    ),
    _style(
        "SAN JOSE (COSTA RICA), 1 DEC 89 (ACAN - EFE) -- TALKS OPENED.",
        "SAN JOSE (COSTA RICA), 1 DEC 89 (ACAN - EFE) --",
        "SAN JOSE",
        "COSTA RICA",
        "1989-12-01",
        "ACAN-EFE",
        "--",
        id="acan-efe-muc",
    ),
    _style(
        "LONDON (UK), 19 OCT 89 (BEIJING XINHUA) -- TALKS OPENED TODAY.",
        "LONDON (UK), 19 OCT 89 (BEIJING XINHUA) --",
        "LONDON",
        "UK",
        "1989-10-19",
        "Xinhua",
        "--",
        id="relayed-credit",
    ),
    _style(
        "MOSCOW (USSR), 3 JAN 90 (TASS INTERNATIONAL SERVICE) -- THE PACT HOLDS.",
        "MOSCOW (USSR), 3 JAN 90 (TASS INTERNATIONAL SERVICE) --",
        "MOSCOW",
        "USSR",
        "1990-01-03",
        "TASS",
        "--",
        id="tass-service-credit",
    ),
    _style(
        "NO CITY, NO DATE (PARIS AFP) -- REBELS ATTACKED A POST.",
        "NO CITY, NO DATE (PARIS AFP) --",
        None,
        None,
        None,
        "AFP",
        "--",
        id="placeholders",
    ),
    _style(
        "WASHINGTON _ Budget talks stalled again on Tuesday in the Senate chamber.",
        "WASHINGTON _",
        "WASHINGTON",
        None,
        None,
        None,
        "_",
        id="nyt",
    ),
    _style(
        "(Undated) Storms swept across the plains overnight.",
        "(Undated)",
        None,
        None,
        None,
        None,
        None,
        id="nyt-undated",
    ),
    _style(
        "SELMA, N.C.—The mill closed its doors after ninety years in the town.",
        "SELMA, N.C.—",
        "SELMA",
        "N.C.",
        None,
        None,
        "—",
        id="newspaper-no-space",
    ),
    _style(
        "TALLAHASSEE — Lawmakers opened the session.",
        "TALLAHASSEE —",
        "TALLAHASSEE",
        None,
        None,
        None,
        "—",
        id="newspaper-known-place",
    ),
    _style(
        "(Reuters) - Oil prices rose on Monday as traders weighed supply cuts.",
        "(Reuters) -",
        None,
        None,
        None,
        "Reuters",
        "-",
        id="reuters-agency-only",
    ),
    _style(
        "(UPI) -- A federal judge blocked the rule on Friday.",
        "(UPI) --",
        None,
        None,
        None,
        "UPI",
        "--",
        id="upi-agency-only",
    ),
    _style(
        "(Bloomberg) -- Treasuries rallied after the jobs report.",
        "(Bloomberg) --",
        None,
        None,
        None,
        "Bloomberg",
        "--",
        id="bloomberg-agency-only",
    ),
    _style(
        "(CNN) — A storm swept across the plains overnight.",
        "(CNN) —",
        None,
        None,
        None,
        "CNN",
        "—",
        id="cnn-agency-only",
    ),
    _style(
        "AUSTIN, Texas, May 5, 2025 /PRNewswire/ -- Acme Tools today announced a new line.",
        "AUSTIN, Texas, May 5, 2025 /PRNewswire/ --",
        "AUSTIN",
        "Texas",
        "2025-05-05",
        "PR Newswire",
        "--",
        id="prnewswire",
    ),
    _style(
        "WASHINGTON, March 3, 2025 /PRNewswire-USNewswire/ -- The fund released a report.",
        "WASHINGTON, March 3, 2025 /PRNewswire-USNewswire/ --",
        "WASHINGTON",
        None,
        "2025-03-03",
        "PR Newswire",
        "--",
        id="usnewswire",
    ),
    _style(
        "ST. PAUL, Minn.--(BUSINESS WIRE)--Widget Inc. today reported quarterly results.",
        "ST. PAUL, Minn.--(BUSINESS WIRE)--",
        "ST. PAUL",
        "Minn.",
        None,
        "Business Wire",
        "--",
        id="business-wire",
    ),
    _style(
        "BOSTON AND LYON, France--(BUSINESS WIRE)--Gene Co. today announced a partnership.",
        "BOSTON AND LYON, France--(BUSINESS WIRE)--",
        "BOSTON AND LYON",
        "France",
        None,
        "Business Wire",
        "--",
        id="business-wire-two-places",
    ),
    _style(
        "NEW YORK, March 3, 2025 (GLOBE NEWSWIRE) -- Beta Holdings today reported earnings.",
        "NEW YORK, March 3, 2025 (GLOBE NEWSWIRE) --",
        "NEW YORK",
        None,
        "2025-03-03",
        "GlobeNewswire",
        "--",
        id="globenewswire",
    ),
    _style(
        "TORONTO, March 3, 2025 /CNW/ - Maple Corp. today declared a dividend.",
        "TORONTO, March 3, 2025 /CNW/ -",
        "TORONTO",
        None,
        "2025-03-03",
        "CNW",
        "-",
        id="cnw",
    ),
    _style(
        "BOGOTÁ, 3 ene (EFE).- El Gobierno anunció este martes un nuevo plan.",
        "BOGOTÁ, 3 ene (EFE).-",
        "BOGOTÁ",
        None,
        "2024-01-03",
        "EFE",
        ".-",
        id="efe-full-stop-dash",
    ),
    _style(
        "Pune (Maharashtra) [India], March 2 (ANI): The state announced a water scheme.",
        "Pune (Maharashtra) [India], March 2 (ANI):",
        "Pune",
        "Maharashtra, India",
        "2023-03-02",
        "ANI",
        ":",
        id="ani-two-qualifiers",
    ),
    _style(
        "MILANO, 12 gennaio (ANSA) - La borsa ha chiuso in rialzo.",
        "MILANO, 12 gennaio (ANSA) -",
        "MILANO",
        None,
        "2024-01-12",
        "ANSA",
        "-",
        id="ansa-italian",
    ),
    _style(
        "PARIS, 1er mars (AFP) - Le gouvernement a présenté son plan.",
        "PARIS, 1er mars (AFP) -",
        "PARIS",
        None,
        "2023-03-01",
        "AFP",
        "-",
        id="afp-premier",
    ),
    _style(
        "BRASÍLIA, 3 de março (Agência Brasil) - O governo anunciou um plano.",
        "BRASÍLIA, 3 de março (Agência Brasil) -",
        "BRASÍLIA",
        None,
        "2023-03-03",
        "Agencia Brasil",
        "-",
        id="agencia-brasil-accents",
    ),
]


class TestDatelineStyles:
    @pytest.mark.parametrize(("line", "fields"), STYLES)
    def test_fields(self, line: str, fields: tuple[str | None, ...]) -> None:
        """
        Each house style yields its text, place, region, date, agency and separator.
        """
        dateline = _dateline(line)

        assert dateline is not None
        actual = (
            dateline.text,
            dateline.place,
            dateline.region,
            None if dateline.date is None else dateline.date.isoformat(),
            dateline.agency,
            dateline.separator,
        )
        assert fields == actual

    @pytest.mark.parametrize(("line", "fields"), STYLES)
    def test_spans_are_exact(self, line: str, fields: tuple[str | None, ...]) -> None:
        """
        The record's spans cut exactly its text, place and agency out of the input.
        """
        source = "Harbour reopens after storm\n\n" + line + BODY
        dateline = newswire.parse(source, reference_date=REF).dateline
        assert dateline is not None

        def cut(span: newswire.Span | None) -> str | None:
            return None if span is None else source[span.start : span.end]

        expected = (fields[0], fields[1], dateline.agency_text)
        assert expected == (
            cut(dateline.span),
            cut(dateline.place_span),
            cut(dateline.agency_span),
        )


class TestDatelineMonths:
    @pytest.mark.parametrize(
        ("line", "month", "day"),
        [
            pytest.param("CHICAGO, Narch 3 - Futures fell.", 3, 3, id="narch"),
            pytest.param("CHICAGO, Marchg 3 - Futures fell.", 3, 3, id="marchg"),
            pytest.param("CHICAGO, APril 3 - Futures fell.", 4, 3, id="april-caps"),
            pytest.param("CHICAGO, Junee 3 - Futures fell.", 6, 3, id="junee"),
            pytest.param("CHICAGO, Juen 3 - Futures fell.", 6, 3, id="swapped-letters"),
            pytest.param("CHICAGO, Mach 3 - Futures fell.", 3, 3, id="dropped-letter"),
            pytest.param("CHICAGO, March 2O - Futures fell.", 3, 20, id="letter-o-for-zero"),
            pytest.param("CHICAGO, Apri l7 - Futures fell.", 4, 7, id="slipped-letter"),
            pytest.param("CHICAGO, Sept. 3 - Futures fell.", 9, 3, id="sept-period"),
            pytest.param("PARIS, 3 juillet (AFP) - Les prix ont baissé.", 7, 3, id="french"),
            pytest.param("LISBOA, 3 de março (Xinhua) -- O índice subiu.", 3, 3, id="portuguese"),
            pytest.param("MADRID, 3 dic (EFE) - El índice subió.", 12, 3, id="spanish"),
            pytest.param("WIEN, 3. März (APA) - Der Index stieg.", 3, 3, id="german"),
        ],
    )
    def test_month_and_day(self, line: str, month: int, day: int) -> None:
        """
        Month names in several languages and their misspellings are read.
        """
        dateline = _dateline(line)

        assert dateline is not None
        assert (month, day) == (dateline.month, dateline.day)

    def test_impossible_day_keeps_dateline_without_date(self) -> None:
        """
        A day outside 1..31 keeps the dateline but gives no date, and says why.
        """
        dispatch = newswire.parse(
            "Oil up\n\nNEW YORK, March 119 - Oil rose.\n\nMore.", reference_date=REF
        )

        assert dispatch.dateline is not None
        expected = (None, None)
        assert expected == (dispatch.dateline.date, dispatch.dateline.day)
        expected_codes = ["date.impossible_day"]
        assert expected_codes == [
            d.code for d in dispatch.diagnostics if d.code.startswith("date.")
        ]

    def test_month_without_day(self) -> None:
        """
        A month written without its day is a dateline with no date.
        """
        dateline = _dateline("SYDNEY, April - The gas company made a counter-bid.")

        assert dateline is not None
        expected = ("SYDNEY, April -", None, None, 4)
        assert expected == (
            dateline.text,
            dateline.region,
            dateline.date,
            dateline.month,
        )


class TestDatelineYear:
    @pytest.mark.parametrize(
        ("line", "reference", "date"),
        [
            pytest.param(
                "BEIJING, Dec. 31 (Xinhua) -- Fireworks.",
                dt.date(2022, 1, 1),
                dt.date(2021, 12, 31),
                id="previous-year",
            ),
            pytest.param(
                "BEIJING, Jan. 1 (Xinhua) -- Fireworks.",
                dt.date(2021, 12, 31),
                dt.date(2022, 1, 1),
                id="next-year",
            ),
            pytest.param(
                "BEIJING, June 3 (Xinhua) -- Rain.",
                dt.date(2021, 6, 1),
                dt.date(2021, 6, 3),
                id="same-year",
            ),
            pytest.param(
                "BOGOTA, 9 JAN 90 (EFE) -- RAIN.",
                None,
                dt.date(1990, 1, 9),
                id="written-two-digit-year",
            ),
        ],
    )
    def test_year_closest_to_reference(
        self, line: str, reference: dt.date | None, date: dt.date
    ) -> None:
        """
        The year is the latest that keeps the date on or before the reference (or just after).
        """
        dateline = _dateline(line, reference)

        assert dateline is not None
        assert date == dateline.date

    def test_no_reference_keeps_month_and_day(self) -> None:
        """
        Without a reference date the date is None, month and day stay, a diagnostic says so.
        """
        dispatch = newswire.parse("Fireworks\n\nBEIJING, Dec. 31 (Xinhua) -- Fireworks.")

        assert dispatch.dateline is not None
        expected = (None, 12, 31)
        assert expected == (
            dispatch.dateline.date,
            dispatch.dateline.month,
            dispatch.dateline.day,
        )
        assert "date.no_reference" in [d.code for d in dispatch.diagnostics]


NOT_DATELINES = [
    pytest.param(
        "U.S. SUGAR IMPORTS DOWN IN WEEK - USDA\n\nThe quota was cut.", id="headline-in-capitals"
    ),
    pytest.param("Grain prices\n\nWheat 2.55 2.40 IV\n\nCorn 1.50 1.45 IV", id="table-row"),
    pytest.param(
        "Trade\n\nWASHINGTON officials said the plan would fail.",
        id="capitalised-place-in-sentence",
    ),
    pytest.param("Parade\n\n(Photo: Xinhua)\n\nCrowds gathered.", id="photo-credit"),
    pytest.param(
        "Metals\n\nCOPPER GRADE A - 2650 tonnes mainly carries cash nil", id="commodity-grid"
    ),
    pytest.param("Coffee\n\nGRADINGS - None posted, total to date twenty.", id="short-table-cell"),
    pytest.param(
        "EDITORIAL: A BUDGET WORTH PASSING\n\nThe bill is sound.", id="colon-without-agency"
    ),
    pytest.param(
        "PORT SUBSIDY TO END JULY 1 - MINISTER\n\nThe port said.", id="headline-with-date-no-comma"
    ),
]


class TestNotDatelines:
    @pytest.mark.parametrize("text", NOT_DATELINES)
    def test_no_dateline(self, text: str) -> None:
        """
        Headlines, table rows, sentences and photo credits are not datelines.
        """
        dispatch = newswire.parse(text, reference_date=REF)

        assert dispatch.dateline is None


class TestDatelinePlacement:
    def test_dateline_after_section_heads_and_deck(self) -> None:
        """
        Section heads are source lines; a deck before the dateline stays a paragraph.
        """
        text = (
            "Senate passes bill.\n\nABSTRACT.\n\nThe bill now goes to the House.\n\n"
            "FULL TEXT.\n\nWASHINGTON - The Senate passed the bill on Tuesday night."
        )

        dispatch = newswire.parse(text, reference_date=REF)

        assert dispatch.dateline is not None
        expected = "WASHINGTON -"
        assert expected == dispatch.dateline.text
        expected_kinds = ["section", "section"]
        assert expected_kinds == [s.kind for s in dispatch.source_lines]
        expected_paragraphs = [
            "The bill now goes to the House.",
            "WASHINGTON - The Senate passed the bill on Tuesday night.",
        ]
        assert expected_paragraphs == [p.text for p in dispatch.paragraphs]

    def test_dateline_paragraph_is_first(self) -> None:
        """
        The dateline's block is the first paragraph and keeps the dateline.
        """
        dispatch = newswire.parse("Rain\n\nTOKYO (Kyodo) -- It rained.\n\nMore rain.")

        expected = "TOKYO (Kyodo) -- It rained."
        assert expected == dispatch.paragraphs[0].text

    def test_lone_dateline_is_not_a_paragraph(self) -> None:
        """
        A dateline on a block of its own is not a paragraph.
        """
        dispatch = newswire.parse("Rain\n\nNAIROBI, Kenya (AP) _\n\nIt rained all day.")

        expected = ["It rained all day."]
        assert expected == [p.text for p in dispatch.paragraphs]


class TestScan:
    def test_scan_is_lexical(self) -> None:
        """
        scan_dateline proposes without judging: a weak candidate is still returned.
        """
        found = scan_dateline("GRADINGS - None posted", 0, 22)

        assert found is not None
        expected = (False, "-")
        assert expected == (found.strong, found.separator)


# Characters that exercise the date and place patterns at their edges: month
# letters, the O, l and I typed for digits, digits, and the punctuation the
# patterns read.
_ASCII_EDGES = "JanMarchSeptOlIxZ0123456789 .,'&/-_:"


def _same_match(first: regex.Match[str] | None, second: re.Match[str] | None) -> bool:
    # Two match results (regex module and stdlib re) cover the same text, group
    # by group.
    if first is None or second is None:
        return first is None and second is None
    names = list(second.re.groupindex)
    return first.span() == second.span() and [first.span(n) for n in names] == [
        second.span(n) for n in names
    ]


class TestAsciiTwins:
    """
    The stdlib twins used on ASCII text match exactly what the patterns match.
    """

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("Feb 26 - Showers", id="month-day"),
            pytest.param("Sept. 3, 1987 -", id="month-day-year"),
            pytest.param("Apri l7 -", id="letter-for-digit"),
            pytest.param("Janl1234 ", id="day-too-long"),
            pytest.param("Marchxyzabcd 4", id="month-too-long"),
            pytest.param("June -", id="month-only"),
        ],
    )
    def test_date_cases(self, text: str) -> None:
        """
        Dates, and near misses, read the same through either pattern.
        """
        pairs = [
            (patterns.MONTH_DAY, dateline._ASCII_MONTH_DAY),
            (patterns.MONTH_ONLY, dateline._ASCII_MONTH_ONLY),
        ]

        actual = [_same_match(old.match(text), new.match(text)) for old, new in pairs]

        assert [True, True] == actual

    @given(st.text(alphabet=_ASCII_EDGES, max_size=16), st.integers(0, 16))
    def test_random_ascii(self, text: str, pos: int) -> None:
        """
        On any ASCII text, each twin matches what its pattern matches.
        """
        pairs = [
            (patterns.PLACE_WORD, dateline._ASCII_PLACE_WORD),
            (patterns.MONTH_DAY, dateline._ASCII_MONTH_DAY),
            (patterns.MONTH_ONLY, dateline._ASCII_MONTH_ONLY),
            (patterns.DATELINE_SEPARATOR, dateline._SEPARATOR),
        ]
        pos = min(pos, len(text))

        actual = [_same_match(old.match(text, pos), new.match(text, pos)) for old, new in pairs]

        assert [True] * len(pairs) == actual


# A first paragraph with no headline above it, in the styles of Canadian and
# US papers and wires: (text, dateline text).
OPENING_PARAGRAPHS = [
    pytest.param(
        "OTTAWA — The federal government tabled its budget on Tuesday, promising new "
        "spending on housing.\n\nThe opposition called it reckless.",
        "OTTAWA —",
        id="em-dash",
    ),
    pytest.param(
        "TORONTO -- City council voted on Wednesday to expand the transit line to the "
        "airport.\n\nThe vote was close.",
        "TORONTO --",
        id="double-hyphen",
    ),
    pytest.param(
        "WASHINGTON ― Senators reached a deal late on Thursday to keep the government "
        "funded.\n\nThe House votes next.",
        "WASHINGTON ―",
        id="horizontal-bar",
    ),
    pytest.param(
        "(Reuters) - Oil prices rose on Monday as traders weighed fresh supply cuts.\n\nMore.",
        "(Reuters) -",
        id="agency-only",
    ),
    pytest.param(
        "SCRANTON, Pa. — Vice President Ann Gray plays the part of the party's envoy to the "
        "mill towns.\n\nMore.",
        "SCRANTON, Pa. —",
        id="names-open-the-sentence",
    ),
    pytest.param(
        "RICHMOND, Va. Feb 26 -\n\nQtly div 8 cts vs 7 cts prior\n\nPay March 31",
        "RICHMOND, Va. Feb 26 -",
        id="dated-dateline-alone-on-its-line",
    ),
    pytest.param(
        "HALIFAX --  A storm cut power to thousands of homes across the province on "
        "Sunday.\n\nMore.",
        "HALIFAX --",
        id="one-letter-first-word",
    ),
]

# First blocks that are not an opening paragraph, though a capitalised word
# and a dash open them.
NOT_OPENING_PARAGRAPHS = [
    pytest.param("CHINA - Exports surge to a record\n\nShipments rose in March.", id="headline"),
    pytest.param(
        "FLASH - the council met\n\nIt met on Monday and voted on the plan for the port.",
        id="lower-case-after-dash",
    ),
    pytest.param(
        "NASA - Mission Control Says Launch Window Opens Friday Morning At Dawn\n\nMore.",
        id="title-case-headline",
    ),
    pytest.param(
        "WASHINGTON - Senate Passes Budget Bill After Long Night Of Talks In The Capitol.\n\nMore.",
        id="title-case-headline-known-place",
    ),
    pytest.param(
        "SCHEDULE - Monday: council meets; Tuesday: budget vote; Wednesday: recess and "
        "committee hearings\n\nMore.",
        id="no-sentence-end",
    ),
]


class TestOpeningParagraph:
    @pytest.mark.parametrize(("text", "expected"), OPENING_PARAGRAPHS)
    def test_dateline_opens_first_block(self, text: str, expected: str) -> None:
        """
        With no headline, a place-and-dash dateline opening a paragraph is found.
        """
        dateline = newswire.parse(text, reference_date=REF).dateline

        assert dateline is not None
        assert expected == dateline.text

    @pytest.mark.parametrize("text", NOT_OPENING_PARAGRAPHS)
    def test_not_a_dateline(self, text: str) -> None:
        """
        A capitalised word and a dash in a headline or a list is no dateline.
        """
        assert newswire.parse(text, reference_date=REF).dateline is None


class TestDatelineDiagnostics:
    def test_unknown_month_keeps_place_and_agency(self) -> None:
        """
        A month newswire cannot read keeps the dateline, its place and agency.
        """
        dispatch = newswire.parse(
            "Index up\n\nBEIJING, Smarch 3 (Xinhua) -- The index rose.", reference_date=REF
        )

        assert dispatch.dateline is not None
        expected = ("BEIJING, Smarch 3 (Xinhua) --", "BEIJING", "Xinhua", None)
        assert expected == (
            dispatch.dateline.text,
            dispatch.dateline.place,
            dispatch.dateline.agency,
            dispatch.dateline.date,
        )
        assert ["date.unknown_month"] == [
            d.code for d in dispatch.diagnostics if d.code.startswith("date.")
        ]

    def test_unknown_word_without_agency_is_no_dateline(self) -> None:
        """
        Without an agency credit, a word and a number is not taken for a date.
        """
        dispatch = newswire.parse(
            "Scores\n\nLEEDS, Round 3 - Leeds beat York by two goals.", reference_date=REF
        )

        expected = (None, ())
        assert expected == (dispatch.dateline, dispatch.diagnostics)

    @pytest.mark.parametrize(
        "line",
        [
            pytest.param("WASHINGTON, Feb. 30, 2024 (UPI) -- The vote.", id="february-30"),
            pytest.param("LONDON, April 31 (Reuters) - Oil rose.", id="april-31"),
            pytest.param("BOGOTA, 29 FEB 89 (EFE) -- RAIN.", id="no-leap-day-in-1989"),
        ],
    )
    def test_impossible_date(self, line: str) -> None:
        """
        A day its month does not have keeps the dateline, with no date, and says so.
        """
        dispatch = newswire.parse("Vote\n\n" + line, reference_date=REF)

        assert dispatch.dateline is not None
        assert dispatch.dateline.date is None
        assert ["date.impossible"] == [
            d.code for d in dispatch.diagnostics if d.code.startswith("date.")
        ]


class TestYearNotAfterReference:
    @pytest.mark.parametrize(
        ("line", "reference", "date"),
        [
            pytest.param(
                "SEOUL, Feb. 29 (Yonhap) -- Snow.",
                dt.date(2023, 6, 1),
                dt.date(2020, 2, 29),
                id="leap-day-goes-back",
            ),
            pytest.param(
                "SEOUL, Nov. 20 (Yonhap) -- Snow.",
                dt.date(2024, 3, 1),
                dt.date(2023, 11, 20),
                id="months-ahead-is-last-year",
            ),
            pytest.param(
                "SEOUL, March 3 (Yonhap) -- Snow.",
                dt.date(2024, 3, 1),
                dt.date(2024, 3, 3),
                id="days-ahead-allowed",
            ),
            pytest.param(
                "SEOUL, Nov. 20, 2024 (Yonhap) -- Snow.",
                dt.date(2024, 3, 1),
                dt.date(2024, 11, 20),
                id="written-year-wins",
            ),
        ],
    )
    def test_year(self, line: str, reference: dt.date, date: dt.date) -> None:
        """
        The year puts the date on or before the reference, unless a year is written.
        """
        dateline = _dateline(line, reference)

        assert dateline is not None
        assert date == dateline.date
