"""
Bylines and credits in each agency's style. Every test line here is our own.
"""

from __future__ import annotations

import pytest

import newswire
from newswire._headers.byline import display_name

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
