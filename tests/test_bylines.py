"""
Bylines and credits in each agency's style. Every test line here is our own.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire._blocks import Block
from newswire._headers.byline import display_name, find_byline_start, split_byline
from newswire._state import State
from newswire._text import normalize

DATELINE = "\n\nMIAMI (AP) -- Winds rose along the coast."


def _byline(block: str, dateline: str = DATELINE) -> newswire.Byline | None:
    return newswire.parse(
        "Storm nears coast\n\n" + block + dateline, reference_date="2024-01-05"
    ).byline


# (byline block, authors as written, agency, title)
BYLINES = [
    pytest.param("By JOHN SMITH", ["JOHN SMITH"], None, None, id="ap-caps"),
    pytest.param(
        "By John Smith and Jane Doe", ["John Smith", "Jane Doe"], None, None, id="two-authors"
    ),
    pytest.param(
        "By Ann Lee, Bob Ray and Cy Young",
        ["Ann Lee", "Bob Ray", "Cy Young"],
        None,
        None,
        id="three-authors",
    ),
    pytest.param(
        "By Cal Mankowski, Reuters", ["Cal Mankowski"], "Reuters", None, id="reuters-1987"
    ),
    pytest.param("By Tom Hale | Reuters", ["Tom Hale"], "Reuters", None, id="reuters-bar"),
    pytest.param("By Tom Hale Reuters", ["Tom Hale"], "Reuters", None, id="reuters-comma-lost"),
    pytest.param(
        "BY TOM HALE AND RUTH KAY, REUTERS",
        ["TOM HALE", "RUTH KAY"],
        "Reuters",
        None,
        id="reuters-caps-and",
    ),
    pytest.param(
        "by jim lowe, Reuters", ["jim lowe"], "Reuters", None, id="reuters-lower-case-name"
    ),
    pytest.param(
        "By CHEGE WANJIRU\nAssociated Press Writer",
        ["CHEGE WANJIRU"],
        "AP",
        "Associated Press Writer",
        id="ap-two-lines",
    ),
    pytest.param(
        "MARY POLK, AP Business Writer",
        ["MARY POLK"],
        "AP",
        "AP Business Writer",
        id="ap-title-no-by",
    ),
    pytest.param(
        "By ABBY GREENE\nc.1998 N.Y. Times News Service",
        ["ABBY GREENE"],
        "NYT News Service",
        "c.1998 N.Y. Times News Service",
        id="nyt-copyright",
    ),
    pytest.param("by Xinhua writer Zhang Wei", ["Zhang Wei"], "Xinhua", None, id="xinhua-writer"),
    pytest.param("By The Associated Press", [], "AP", None, id="agency-only"),
    pytest.param("By RUBY BYERS", ["RUBY BYERS"], None, None, id="by-inside-name"),
    pytest.param(
        "Ana Lee, The Associated Press", ["Ana Lee"], "AP", None, id="ap-credit-without-by"
    ),
    pytest.param(
        "Mark Dunn, The Canadian Press", ["Mark Dunn"], "CP", None, id="cp-credit-without-by"
    ),
    pytest.param(
        "Mary Holt for Daily Planet",
        ["Mary Holt"],
        None,
        "for Daily Planet",
        id="name-for-outlet",
    ),
    pytest.param(
        "By Jo Park for Reuters", ["Jo Park"], "Reuters", "for Reuters", id="by-name-for-agency"
    ),
    pytest.param(
        "By Ana Lee in Ottawa and Tom Fry in Toronto",
        ["Ana Lee", "Tom Fry"],
        None,
        None,
        id="authors-with-places",
    ),
    pytest.param(
        "Special to The Evening Star", [], None, "Special to The Evening Star", id="special-to"
    ),
    pytest.param(
        "By Ana Lee\nSpecial to The Star",
        ["Ana Lee"],
        None,
        "Special to The Star",
        id="special-to-second-line",
    ),
    pytest.param("Author: Ana Lee", ["Ana Lee"], None, None, id="author-colon"),
    pytest.param("by\nAna Lee,", ["Ana Lee"], None, None, id="by-on-its-own-line"),
    pytest.param("Von Christian Hollmann, dpa", ["Christian Hollmann"], "dpa", None, id="dpa-von"),
    pytest.param("Por Ana Ruiz, EFE", ["Ana Ruiz"], "EFE", None, id="efe-por"),
    pytest.param("Xinhua writer Li Wei", ["Li Wei"], "Xinhua", None, id="xinhua-writer-no-by"),
    pytest.param("By Reuters Staff", [], "Reuters", "Reuters Staff", id="agency-staff"),
    pytest.param(
        "By ANA SILVA Associated Press Writer",
        ["ANA SILVA"],
        "AP",
        "Associated Press Writer",
        id="name-and-title-without-comma",
    ),
    pytest.param(
        "By RAUL DE LA PENA Associated Press Writer",
        ["RAUL DE LA PENA"],
        "AP",
        "Associated Press Writer",
        id="particles-before-title",
    ),
    pytest.param(
        "By JO PARK c.1998 N.Y. Times News Service",
        ["JO PARK"],
        "NYT News Service",
        "c.1998 N.Y. Times News Service",
        id="copyright-on-one-line",
    ),
]


class TestBylineStyles:
    @pytest.mark.parametrize(("block", "authors", "agency", "title"), BYLINES)
    def test_fields(
        self, block: str, authors: list[str], agency: str | None, title: str | None
    ) -> None:
        """
        Names, agency and title are read apart in each style.
        """
        byline = _byline(block)

        assert byline is not None
        assert (authors, agency, title) == (
            [a.name for a in byline.authors],
            byline.agency,
            byline.title,
        )

    @pytest.mark.parametrize(
        ("block", "places"),
        [
            pytest.param(
                "By Ana Lee in Ottawa and Raj Patel in Toronto",
                [("Ana Lee", "Ottawa"), ("Raj Patel", "Toronto")],
                id="two-authors-two-places",
            ),
            pytest.param("By SAM OKAFOR in LAGOS", [("SAM OKAFOR", "LAGOS")], id="capitals"),
            pytest.param(
                "By Ana Lee in Ottawa, Reuters", [("Ana Lee", "Ottawa")], id="place-then-agency"
            ),
            pytest.param("By Ana Lee", [("Ana Lee", None)], id="no-place"),
        ],
    )
    def test_author_places(self, block: str, places: list[tuple[str, str | None]]) -> None:
        """
        ``By A in X and B in Y``: each author keeps the place filed from, as written.
        """
        byline = _byline(block)

        assert byline is not None
        assert places == [(a.name, a.place) for a in byline.authors]
        assert all(a == newswire.Author.from_dict(a.to_dict()) for a in byline.authors)

    @pytest.mark.parametrize(("block", "authors", "agency", "title"), BYLINES)
    def test_author_spans_are_exact(
        self, block: str, authors: list[str], agency: str | None, title: str | None
    ) -> None:
        """
        Every author's span cuts the name as written out of the input.
        """
        del authors, agency, title
        source = "Storm nears coast\n\n" + block + DATELINE
        byline = newswire.parse(source).byline
        assert byline is not None

        assert [a.name for a in byline.authors] == [
            source[a.span.start : a.span.end] for a in byline.authors
        ]
        assert byline.text == source[byline.span.start : byline.span.end]


class TestNotBylines:
    @pytest.mark.parametrize(
        "block",
        [
            pytest.param("By the way, it rained all week.", id="prose"),
            pytest.param("By noon the river had risen two feet over the bank.", id="sentence"),
            pytest.param("By 2030, the plan says, emissions fall.", id="year"),
            pytest.param("Prices rose, The Associated Press reported.", id="agency-in-prose"),
            pytest.param("Officials for the city said it rained.", id="for-in-prose"),
            pytest.param("Special forces entered the town at dawn.", id="special-in-prose"),
            pytest.param("Von der Leyen said the plan was sound.", id="von-in-a-name"),
            pytest.param("Author of the bill, Sen. Ray, said no.", id="author-in-prose"),
            pytest.param("Clinton Campaigns for Black Voters", id="title-case-for"),
            pytest.param("Senior Staff Writer", id="title-alone"),
        ],
    )
    def test_no_byline(self, block: str) -> None:
        """
        Sentences that open with "By" are not bylines: no author beats a wrong one.
        """
        assert _byline(block) is None


class TestBylineIntoDateline:
    @pytest.mark.parametrize(
        ("line", "authors", "dateline"),
        [
            pytest.param(
                "By JANE DOE and JOHN ROE NEW YORK (AP) — Stocks rose on Monday.",
                ["JANE DOE", "JOHN ROE"],
                "NEW YORK (AP) —",
                id="caps-known-place",
            ),
            pytest.param(
                "By Jane Doe DENVER (AP) — Snow closed the passes.",
                ["Jane Doe"],
                "DENVER (AP) —",
                id="case-change",
            ),
            pytest.param(
                "By ANA SILVA Associated Press Writer RECIFE, Brazil, March 4 (AP) — Mayor "
                "Joao Campos said on Monday the city would rebuild.",
                ["ANA SILVA"],
                "RECIFE, Brazil, March 4 (AP) —",
                id="title-then-dateline",
            ),
            pytest.param(
                "by Jo Park, Reuters LONDON, Feb 26 - Copper fell on Thursday as stocks grew "
                "in the warehouses of the exchange.",
                ["Jo Park"],
                "LONDON, Feb 26 -",
                id="reuters-1987-one-line",
            ),
            pytest.param(
                "By Ana Lee, The Canadian Press OTTAWA — The budget was tabled on Tuesday "
                "with much fanfare in the House of Commons.",
                ["Ana Lee"],
                "OTTAWA —",
                id="place-and-dash",
            ),
            pytest.param(
                "By Tom Fry (Reuters) - Oil rose on Monday.",
                ["Tom Fry"],
                "(Reuters) -",
                id="agency-only-dateline",
            ),
        ],
    )
    def test_split(self, line: str, authors: list[str], dateline: str) -> None:
        """
        A byline running into the dateline on one line is split from it.
        """
        dispatch = newswire.parse("Markets\n\n" + line)

        assert dispatch.byline is not None
        assert dispatch.dateline is not None
        assert (authors, dateline) == (
            [a.name for a in dispatch.byline.authors],
            dispatch.dateline.text,
        )
        assert dispatch.paragraphs[0].text.startswith(dateline)


class TestBylineIntoStory:
    @pytest.mark.parametrize(
        ("line", "authors", "paragraph"),
        [
            pytest.param(
                "By JO PARK c.1998 N.Y. Times News Service The council met on Monday.",
                ["JO PARK"],
                "The council met on Monday.",
                id="copyright-credit",
            ),
            pytest.param(
                "By JO PARK Associated Press Writer The council met on Monday.",
                ["JO PARK"],
                "The council met on Monday.",
                id="title",
            ),
        ],
    )
    def test_split(self, line: str, authors: list[str], paragraph: str) -> None:
        """
        A byline running into the story with no dateline ends at its credit.
        """
        dispatch = newswire.parse("Council meets\n\n" + line)

        assert dispatch.byline is not None
        assert (authors, [paragraph]) == (
            [a.name for a in dispatch.byline.authors],
            [p.text for p in dispatch.paragraphs],
        )


def _state(text: str) -> State:
    return State(norm=normalize(text), source_id=None, caller_reference=None)


class TestFindBylineStart:
    @pytest.mark.parametrize(
        ("line", "byline"),
        [
            pytest.param(
                "BANK PLANS OFFER by Jo Park, Reuters LOS ANGELES, Feb 26 - The bank said.",
                "by Jo Park, Reuters",
                id="reuters-after-caps-headline",
            ),
            pytest.param(
                "Floods close roads By ANA SILVA Associated Press Writer RECIFE, Brazil (AP) _ "
                "Rain fell.",
                "By ANA SILVA Associated Press Writer",
                id="ap-after-headline",
            ),
            pytest.param(
                "By TOM FRY, REUTERS LONDON, March 2 - Gold rose.",
                "By TOM FRY, REUTERS",
                id="line-opens-with-byline",
            ),
            pytest.param(
                "PORT HIT BY STRIKE By Jo Park, Reuters LONDON, March 2 - The port shut.",
                "By Jo Park, Reuters",
                id="by-in-headline-skipped",
            ),
        ],
    )
    def test_found(self, line: str, byline: str) -> None:
        """
        The byline sharing a line with its headline and dateline is found there.
        """
        state = _state(line)

        start = find_byline_start(state, 0, len(line))

        assert start is not None
        split = split_byline(state, Block(start, len(line)))
        assert split is not None
        assert byline == line[start:split].strip()

    @pytest.mark.parametrize(
        "line",
        [
            pytest.param("OIL HIT BY TANKER CRASH LONDON, March 2 - Prices rose.", id="caps"),
            pytest.param("Town hit by floods in Ohio LONDON, March 2 - Rain fell.", id="prose"),
            pytest.param("Passed by the Senate, the bill goes to the House.", id="sentence"),
        ],
    )
    def test_not_found(self, line: str) -> None:
        """
        A "by" in a headline or a sentence opens no byline.
        """
        assert find_byline_start(_state(line), 0, len(line)) is None


# Words that byline lines, datelines and headlines are made of.
_WORDS = st.sampled_from(
    [
        "By", "BY", "by", "Jo", "PARK", "Park", "Ana", "Lee", "Reuters", "AP", "for", "in",
        "Special", "to", "The", "Star", "Associated", "Press", "Writer", "c.1998", "LONDON,",
        "Feb", "26", "-", "(AP)", "—", "OTTAWA", "and", ",", "Von", "Author:", "\n",
    ]
)  # fmt: skip


class TestBylineProperties:
    @pytest.mark.property
    @given(st.lists(_WORDS, max_size=30))
    def test_offsets_stay_in_the_line(self, words: list[str]) -> None:
        """
        On any line, the byline start and split lie inside the text, in order.
        """
        line = " ".join(words)
        state = _state(line)
        text = state.text

        start = find_byline_start(state, 0, len(text))
        split = split_byline(state, Block(0, len(text))) if text else None

        assert start is None or 0 <= start < len(text)
        assert split is None or 0 < split <= len(text)
        if start is not None:
            inner = split_byline(state, Block(start, len(text)))
            assert inner is not None
            assert start < inner <= len(text)


class TestBracketCredit:
    def test_fbis_reporter(self) -> None:
        """
        An FBIS reporter credit after the dateline is the byline, its title kept apart.
        """
        dispatch = newswire.parse(
            "LIMA, 5 JAN 90 (EFE) -- [REPORT] [ANA RUIZ, EFE CORRESPONDENT] [TEXT] RAIN FELL."
        )

        assert dispatch.byline is not None
        expected = (["ANA RUIZ"], "EFE CORRESPONDENT")
        assert expected == (
            [a.name for a in dispatch.byline.authors],
            dispatch.byline.title,
        )


class TestDisplayName:
    @pytest.mark.parametrize(
        ("name", "display"),
        [
            pytest.param("ABBY GREENE", "Abby Greene", id="caps"),
            pytest.param("Cal Mankowski", "Cal Mankowski", id="mixed-case-kept"),
            pytest.param("KEVIN MCDONALD", "Kevin McDonald", id="mc"),
            pytest.param("MARK O'NEILL", "Mark O'Neill", id="o-apostrophe"),
            pytest.param("ANNE-MARIE DE LA CRUZ", "Anne-Marie de la Cruz", id="particles"),
        ],
    )
    def test_display(self, name: str, display: str) -> None:
        """
        Names in capitals get a readable form; Mc, O' and particles are handled.
        """
        assert display == display_name(name)
