"""
Headers on any layout (issue 12): body-only copy, copy on one line, a flattened
body, advisories and slugs, hard-wrapped headlines, indented one-line
paragraphs and site boilerplate. Our own lines, in the agencies' styles.
"""

from __future__ import annotations

import pytest

import newswire
from newswire._evaluate import evaluate_records

REF = "2024-03-05"


def _headline(dispatch: newswire.Dispatch) -> str | None:
    return None if dispatch.headline is None else dispatch.headline.text


def _dateline(dispatch: newswire.Dispatch) -> str | None:
    return None if dispatch.dateline is None else dispatch.dateline.text


# Body-only copy: no headline is invented, and the dateline that opens the
# first paragraph is found.
BODY_ONLY = [
    pytest.param(
        "OTTAWA — The federal government will expand rural broadband, the minister said.\n\n"
        '"It is overdue," she said.',
        "OTTAWA —",
        id="place-and-em-dash",
    ),
    pytest.param(
        "MANCHESTER, N.H. - At a rally on Monday, the governor urged voters to turn out early.\n\n"
        "The crowd cheered.",
        "MANCHESTER, N.H. -",
        id="place-region-dash",
    ),
    pytest.param(
        "HOUSTON, March 4 (Reuters) - Crude prices rose on Monday.\n\nTraders were calm.",
        "HOUSTON, March 4 (Reuters) -",
        id="reuters",
    ),
    pytest.param(
        "Mr. Lee said on Monday that he would run again for the council seat.\n\n"
        "He did not say when.",
        None,
        id="no-dateline",
    ),
    pytest.param(
        "We will not leave anyone behind, the mayor said.\n\nThe city began repairs.",
        None,
        id="first-person-sentence",
    ),
]

# Lines that are headlines, and opening sentences that are not.
HEADLINE_EVIDENCE = [
    pytest.param("GOLD FALLS IN LONDON", True, id="caps"),
    pytest.param("Obama Power Plant Rules Face Key Test In Court.", True, id="title-case-period"),
    pytest.param("Voters weigh in on the city budget", True, id="sentence-case-no-period"),
    pytest.param("Candidates vie for veterans' support; ", True, id="usa-today-cut"),
    pytest.param("Trump: 'We are going to win so much.'", True, id="kicker-quote"),
    pytest.param("Mr. Lee said on Monday that he would run again for the seat.", False, id="said"),
    pytest.param("From Jane Roe writing at the Daily Planet:", False, id="lead-in-colon"),
    pytest.param(
        "The beginning of the debate on Tuesday could not have been more awkward.",
        False,
        id="opening-sentence",
    ),
]

# Headline, byline and dateline run together on one line.
ONE_LINE = [
    pytest.param(
        "TEXAS BANK FILES PLAN HOUSTON, Feb 26 - Texas Bank said it filed a reorganisation plan.",
        "TEXAS BANK FILES PLAN",
        "HOUSTON, Feb 26 -",
        None,
        id="reuters-1987-caps",
    ),
    pytest.param(
        "DATA FIRM SETS STOCK OFFERING SANTA CLARA, Calif., April 13 - The firm said it filed.",
        "DATA FIRM SETS STOCK OFFERING",
        "SANTA CLARA, Calif., April 13 -",
        None,
        id="two-word-place",
    ),
    pytest.param(
        "GRAIN SHIPMENTS STEADY - USDA North Brunswick, NJ, Apr 9 - Demand was good for beef.",
        "GRAIN SHIPMENTS STEADY - USDA",
        "North Brunswick, NJ, Apr 9 -",
        None,
        id="case-change",
    ),
    pytest.param(
        "Mayor vows to rebuild By Ana Silva, Reuters RECIFE, Brazil, March 4 (Reuters) - "
        "The mayor said the city would rebuild every home.",
        "Mayor vows to rebuild",
        "RECIFE, Brazil, March 4 (Reuters) -",
        ["Ana Silva"],
        id="headline-byline-dateline",
    ),
    pytest.param(
        "PROFIT AIDED BY ENGINE ORDER By Cal Marsh, Reuters NEW YORK, March 3 - Profits rose.",
        "PROFIT AIDED BY ENGINE ORDER",
        "NEW YORK, March 3 -",
        ["Cal Marsh"],
        id="by-inside-headline",
    ),
    pytest.param(
        "Bus lanes open on Main Street. CHICAGO (AP) — Buses ran faster on Monday, the city said.",
        "Bus lanes open on Main Street.",
        "CHICAGO (AP) —",
        None,
        id="ap-title-sentence",
    ),
    pytest.param(
        "The city council approved the budget for the coming year on Monday, and the mayor "
        "signed it.",
        None,
        None,
        None,
        id="no-headers",
    ),
    pytest.param(
        "Bus Lanes Open On Main Street. The city opened two bus lanes on Monday, officials said.",
        "Bus Lanes Open On Main Street.",
        None,
        None,
        id="title-case-headline-no-dateline",
    ),
    pytest.param(
        "Bus lanes open on Main Street. The city opened two bus lanes on Monday, officials said.",
        None,
        None,
        None,
        id="sentence-case-headline-not-recoverable",
    ),
    pytest.param(
        "The Port Authority chief, Ana B. Ruiz, said the terminal would reopen on Friday.",
        None,
        None,
        None,
        id="initial-ends-no-title-case-headline",
    ),
    pytest.param(
        " date 2024-03-04 Kenya, China sign solar deal Xinhua) 09:30, March 4, 2024 "
        "NAIROBI, March 4 (Xinhua) -- Kenya and China signed a solar power deal on Monday.",
        "Kenya, China sign solar deal",
        "NAIROBI, March 4 (Xinhua) --",
        None,
        id="corpus-header-and-source-credit-on-one-line",
    ),
]

ADVISORIES = [
    pytest.param(
        "URGENT\n\nGold falls\n\nLONDON, Jan 3 (Reuters) - Gold fell.",
        [("advisory", "URGENT")],
        "Gold falls",
        id="urgent",
    ),
    pytest.param(
        "FLASH\n\nQuake hits coast\n\nTOKYO (Kyodo) -- A quake hit.",
        [("advisory", "FLASH")],
        "Quake hits coast",
        id="flash",
    ),
    pytest.param(
        "(ATTN: UPDATES with comment in paragraph 4)\n\nSeoul to hold talks\n\n"
        "SEOUL, Jan. 3 (Yonhap) -- Talks.",
        [("advisory", "(ATTN: UPDATES with comment in paragraph 4)")],
        "Seoul to hold talks",
        id="attention",
    ),
    pytest.param(
        "Seoul to hold talks\n\n(2nd LD)\n\nSEOUL, Jan. 3 (Yonhap) -- Talks.",
        [("advisory", "(2nd LD)")],
        "Seoul to hold talks",
        id="under-headline",
    ),
    pytest.param(
        "Eds: Moves on general news services. " + "Note length. " * 30 + "\n\n"
        "Ferry resumes\n\nPORTLAND, Maine (AP) — Ferries ran.",
        [("advisory", "Eds: Moves on general news services. " + ("Note length. " * 30).strip())],
        "Ferry resumes",
        id="eds-note-any-length",
    ),
    pytest.param(
        "UPDATE 1-Copper climbs\n\nLONDON, June 11 (Reuters) - Copper rose.",
        [("advisory", "UPDATE 1-")],
        "Copper climbs",
        id="reuters-update-prefix",
    ),
    pytest.param(
        "Park opens\n\nSource: Xinhua| 2024-06-02 16:05:12|Editor: Wang Lu\n\n"
        "HARBIN, June 2 (Xinhua) -- A park opened.",
        [("source", "Source: Xinhua| 2024-06-02 16:05:12|Editor: Wang Lu")],
        "Park opens",
        id="xinhua-feed-line",
    ),
    pytest.param(
        "Patent reviews sped up\n\n(MENAFN - IANS) New Delhi, March 3 (IANS) The plan was set.",
        [("source", "(MENAFN - IANS)")],
        "Patent reviews sped up",
        id="syndication-prefix",
    ),
    pytest.param(
        "Rain lashes coast\n\n(Eds: Updating) By Asha Raman Chennai, Aug 1 (PTI) Rain fell.",
        [("advisory", "(Eds: Updating)")],
        "Rain lashes coast",
        id="same-line-as-byline-and-dateline",
    ),
]


class TestBodyOnly:
    @pytest.mark.parametrize(("text", "dateline"), BODY_ONLY)
    def test_no_headline_and_dateline_found(self, text: str, dateline: str | None) -> None:
        """
        Body-only copy gets no headline; a dateline opening it is found.
        """
        dispatch = newswire.parse(text, reference_date=REF)

        assert (None, dateline) == (_headline(dispatch), _dateline(dispatch))


class TestBylineFirst:
    def test_credit_for_outlet_above_the_story(self) -> None:
        """
        ``Name For Outlet`` standing first is the byline, not a headline.
        """
        text = (
            "Jenny Marsh For Daily Courier Australia\n\n"
            "A man has been charged after a crash in Perth on Monday.\n\nPolice said he was 34."
        )

        dispatch = newswire.parse(text, reference_date=REF)

        assert dispatch.headline is None
        assert dispatch.byline is not None
        assert ["Jenny Marsh"] == [a.name for a in dispatch.byline.authors]


class TestHeadlineEvidence:
    @pytest.mark.parametrize(("line", "expected"), HEADLINE_EVIDENCE)
    def test_first_block(self, line: str, expected: bool) -> None:
        """
        A first block is the headline because it reads as one, not because it comes first.
        """
        dispatch = newswire.parse(line + "\n\nThe story goes on here with more text.")

        assert expected == (dispatch.headline is not None)

    def test_title_case_line_after_a_place_is_a_headline(self) -> None:
        """
        A place and a dash before a title-case line do not make it the story's opening.
        """
        headline = "WASHINGTON - Senate Passes Budget Bill After Long Night Of Talks."

        dispatch = newswire.parse(headline + "\n\nThe vote was close.", reference_date=REF)

        assert (headline, None) == (_headline(dispatch), _dateline(dispatch))


class TestOneLine:
    @pytest.mark.parametrize(("text", "headline", "dateline", "authors"), ONE_LINE)
    def test_headers_on_one_line(
        self, text: str, headline: str | None, dateline: str | None, authors: list[str] | None
    ) -> None:
        """
        The dateline is found where it opens the body, and what stands before it
        is the headline (and byline) when it reads as one.
        """
        dispatch = newswire.parse(text, reference_date=REF)

        found = None if dispatch.byline is None else [a.name for a in dispatch.byline.authors]
        assert (headline, dateline, authors) == (_headline(dispatch), _dateline(dispatch), found)

    def test_spans_are_exact(self) -> None:
        """
        Every header record's span covers exactly its text.
        """
        text = ONE_LINE[3].values[0]
        assert isinstance(text, str)

        dispatch = newswire.parse(text, reference_date=REF)

        for record in (dispatch.headline, dispatch.dateline, dispatch.byline):
            assert record is not None
            assert record.text == text[record.span.start : record.span.end]


class TestCorpusHeader:
    @pytest.mark.parametrize(
        "text",
        [
            pytest.param(
                "URGENT\n\n date 2024-03-04 Kenya, China sign solar deal\n\n"
                "NAIROBI, March 4 (Xinhua) -- Kenya and China signed a deal.",
                id="slug-above",
            ),
            pytest.param(
                " date 2024-03-04 Kenya, China sign solar deal\n\n"
                "NAIROBI, March 4 (Xinhua) -- Kenya and China signed a deal.",
                id="plain",
            ),
        ],
    )
    def test_header_line_under_a_slug(self, text: str) -> None:
        """
        The corpus header's date and headline are read under an advisory slug too.
        """
        dispatch = newswire.parse(text)

        assert "Kenya, China sign solar deal" == _headline(dispatch)
        assert "2024-03-04" == str(dispatch.reference_date)
        header = [line for line in dispatch.source_lines if line.kind == "header"]
        assert ["date 2024-03-04"] == [line.text for line in header]

    def test_source_credit_split_off_the_headline(self) -> None:
        """
        On one line, a source credit between headline and dateline is a source line, span exact.
        """
        text = ONE_LINE[-1].values[0]
        assert isinstance(text, str)

        dispatch = newswire.parse(text)

        [credit] = [line for line in dispatch.source_lines if line.kind == "source"]
        assert ("Xinhua) 09:30, March 4, 2024", "Xinhua") == (credit.text, credit.agency)
        assert credit.text == text[credit.span.start : credit.span.end]
        assert dispatch.paragraphs[0].text.startswith("NAIROBI, March 4 (Xinhua) -- Kenya")


class TestFlatBody:
    def test_byline_split_off_a_long_line(self) -> None:
        """
        A byline run into the dateline is split off even when the body is one long line.
        """
        body = "Oil rose on Monday as traders weighed supply. " * 20
        text = f"Oil rises\n\nBy Jane Doe, Reuters LONDON, March 4 (Reuters) - {body}"

        dispatch = newswire.parse(text, reference_date=REF)

        assert dispatch.byline is not None
        assert ["Jane Doe"] == [a.name for a in dispatch.byline.authors]
        assert "LONDON, March 4 (Reuters) -" == _dateline(dispatch)

    def test_deck_run_into_the_dateline(self) -> None:
        """
        A deck sentence run into the story stays a paragraph; the dateline after it is found.
        """
        text = (
            "Clinton vows change\n\nShe is seen as part of the system. BUENA PARK, Calif. - "
            "Rallying hundreds of workers, Clinton tried here last week to win them over."
        )

        dispatch = newswire.parse(text, reference_date=REF)

        assert "BUENA PARK, Calif. -" == _dateline(dispatch)
        assert "She is seen as part of the system." == dispatch.paragraphs[0].text


class TestAdvisories:
    @pytest.mark.parametrize(("text", "lines", "headline"), ADVISORIES)
    def test_advisory_is_a_record(
        self, text: str, lines: list[tuple[str, str]], headline: str
    ) -> None:
        """
        Advisories, slugs and feed lines are source lines, never the headline or a paragraph.
        """
        dispatch = newswire.parse(text, reference_date=REF)

        assert lines == [(s.kind, s.text) for s in dispatch.source_lines]
        assert headline == _headline(dispatch)
        assert all(s.text not in p.text for s in dispatch.source_lines for p in dispatch.paragraphs)

    def test_feed_line_sets_the_reference_date(self) -> None:
        """
        Xinhua's feed line is a timestamp: it dates the dispatch.
        """
        text = (
            "Park opens\n\nSource: Xinhua| 2023-06-02 16:05:12|Editor: Wang Lu\n\n"
            "HARBIN, June 2 (Xinhua) -- Open."
        )

        dispatch = newswire.parse(text, reference_date=REF)

        assert dispatch.dateline is not None
        assert "2023-06-02" == str(dispatch.dateline.date)


class TestWrappedHeadline:
    def test_headline_wrapped_at_the_column(self) -> None:
        """
        A title-case headline hard-wrapped near column 68 is one headline.
        """
        text = (
            "Wisconsin Elects A Supreme Court Justice Who Once Mocked Critics Of\n"
            "The Plan.\n\nWisconsin voters elected a justice on Tuesday."
        )

        dispatch = newswire.parse(text)

        assert "Wisconsin Elects A Supreme Court Justice Who Once Mocked Critics Of\nThe Plan." == (
            _headline(dispatch)
        )

    def test_deck_after_a_cut_headline_stays_apart(self) -> None:
        """
        A USA Today headline cut at a semicolon keeps its deck line out of it.
        """
        text = "Voters weigh in on the long ballot today; \nTurnout was high in the north.\n\nBody."

        dispatch = newswire.parse(text)

        assert "Voters weigh in on the long ballot today;" == _headline(dispatch)


class TestParagraphs:
    def test_indented_single_line_paragraphs(self) -> None:
        """
        Reuters-21578 copy whose paragraphs are single indented lines splits into them.
        """
        text = (
            "GRAIN DEMAND STEADY\n\n"
            "    KANSAS CITY, March 9 - Shippers said export demand for wheat was steady.\n"
            '    "We see regular inquiries," said a trader at a Kansas City grain house today.\n'
            "    Rail car supplies improved after a slow February.\n"
        )

        dispatch = newswire.parse(text, reference_date="1987-03-10")

        assert 3 == len(dispatch.paragraphs)
        assert "KANSAS CITY, March 9 -" == _dateline(dispatch)

    def test_wrapped_indented_paragraph_kept_whole(self) -> None:
        """
        An indented paragraph hard-wrapped mid-sentence stays one paragraph.
        """
        text = "Title\n\n  The first line of a paragraph that wraps\n  here and then ends."

        dispatch = newswire.parse(text)

        assert 1 == len(dispatch.paragraphs)

    def test_boilerplate_after_the_story(self) -> None:
        """
        Site furniture after the story changes no header.
        """
        story = "Gold falls\n\nLONDON, Jan 3 (Reuters) - Gold fell."
        furniture = "\n\nRelated coverage:\n\nMarkets close mixed\n\nOil edges higher"

        plain = newswire.parse(story, reference_date=REF)
        framed = newswire.parse(story + furniture, reference_date=REF)

        assert (_headline(plain), _dateline(plain)) == (_headline(framed), _dateline(framed))


class TestInventedMetric:
    def test_headline_invented_rate(self) -> None:
        """
        The evaluation counts dispatches without a gold headline that were given one.
        """
        records = [
            {
                "corpus": "x",
                "text": "GOLD FALLS\n\nLONDON - Gold fell.",
                "gold": {"headline": None},
            },
            {
                "corpus": "x",
                "text": "Mr. Lee said he would run.\n\nHe did.",
                "gold": {"headline": None},
            },
        ]

        scores = evaluate_records(records)

        assert {"invented": 1, "total": 2, "rate": 0.5} == scores["x"]["headline_invented"]
