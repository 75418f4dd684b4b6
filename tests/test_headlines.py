"""
Headlines: the first short block, its deck lines and wire advisories. Our own lines.
"""

from __future__ import annotations

import pytest

import newswire

HEADLINES = [
    pytest.param(
        "GOLD FALLS IN LONDON\n\nLONDON, Jan 3 - Gold fell.",
        "GOLD FALLS IN LONDON",
        id="reuters-1987",
    ),
    pytest.param(
        "U.S. SUGAR IMPORTS DOWN - USDA\n\nWASHINGTON, Jan 3 - Imports fell.",
        "U.S. SUGAR IMPORTS DOWN - USDA",
        id="headline-with-dash",
    ),
    pytest.param(
        "(CORRECTED) - BANK RAISES PAYOUT\n\nNEW YORK, Jan 3 - The bank said.",
        "(CORRECTED) - BANK RAISES PAYOUT",
        id="reuters-corrected-tag",
    ),
    pytest.param(
        " date 2024-01-03 Park opens in Beijing\n\nBEIJING, Jan. 3 (Xinhua) -- A park opened.",
        "Park opens in Beijing",
        id="corpus-header",
    ),
    pytest.param(
        "Voters weigh in; \nTurnout was high in the north.\n\nThe polls closed.",
        "Voters weigh in;",
        id="usa-today-deck",
    ),
    pytest.param(
        "EDITORIAL: A BUDGET WORTH PASSING\n\nThe bill is sound.",
        "EDITORIAL: A BUDGET WORTH PASSING",
        id="editorial",
    ),
    pytest.param(
        "Storm closes the long coastal\nroad for a week\n\nThe road closed.",
        "Storm closes the long coastal\nroad for a week",
        id="hard-wrapped",
    ),
    pytest.param("MANAGUA, 3 JAN 90 (PL) -- [TEXT] THE ARMY SAID.", None, id="muc-none"),
    # Body-only copy: a first paragraph of one sentence is no headline (issue 12).
    pytest.param(
        "Gina Ortiz won the Ohio primary on Tuesday.\n\nShe led from the start.",
        None,
        id="lead-dated-by-a-day",
    ),
    pytest.param(
        "The mayor lost the vote late Monday.\n\nCouncil members said little.",
        None,
        id="lead-late-monday",
    ),
    pytest.param(
        "It's budget week.\n\nLawmakers return to Ottawa with a deficit to explain.",
        None,
        id="lead-apostrophe-is-no-quote",
    ),
    pytest.param(
        'Hugh Hill, a doctor, said: "We are seeing more cases."\n\nThe clinic opened in May.',
        None,
        id="lead-said-before-colon",
    ),
    pytest.param(
        "Councillors have not yet voted on the levy, but the mayor is already campaigning.\n\n"
        "A vote is due in June.",
        None,
        id="lead-second-clause",
    ),
    pytest.param(
        "Turnout rose in every ward, according to the city clerk.\n\nThe clerk counted twice.",
        None,
        id="lead-according-to",
    ),
    pytest.param("TOP STORIES.\n\nThe council met.", None, id="section-label"),
    # ... while headlines written like sentences stay headlines.
    pytest.param(
        "Sanders campaign buys ad time for 4 Super Tuesday states.\n\nThe ads run Friday.",
        "Sanders campaign buys ad time for 4 Super Tuesday states.",
        id="super-tuesday",
    ),
    pytest.param(
        "Monday's Morning Email: Markets Brace For Rate Call.\n\nGood morning.",
        "Monday's Morning Email: Markets Brace For Rate Call.",
        id="possessive-day",
    ),
    pytest.param(
        "Lee: 'We will win the seat.'\n\nLee spoke in Busan.",
        "Lee: 'We will win the seat.'",
        id="kicker-quote",
    ),
    pytest.param(
        "TEXTILE TALKS STALL OVER U.S.\n\nGENEVA, March 3 - Talks stalled.",
        "TEXTILE TALKS STALL OVER U.S.",
        id="caps-abbreviation-end",
    ),
]


class TestHeadline:
    @pytest.mark.parametrize(("text", "headline"), HEADLINES)
    def test_headline(self, text: str, headline: str | None) -> None:
        """
        The headline is the first line(s) of the first block, when one is there.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-05")

        assert headline == (None if dispatch.headline is None else dispatch.headline.text)

    def test_deck_stays_in_body(self) -> None:
        """
        A deck line under the headline becomes a paragraph, not part of the headline.
        """
        dispatch = newswire.parse("Voters weigh in; \nTurnout was high.\n\nThe polls closed.")

        expected = ["Turnout was high.", "The polls closed."]
        assert expected == [p.text for p in dispatch.paragraphs]


class TestAdvisory:
    @pytest.mark.parametrize(
        ("text", "advisory", "headline"),
        [
            pytest.param(
                "(LEAD) Seoul to hold talks\n\nSEOUL, Jan. 3 (Yonhap) -- Talks.",
                "(LEAD)",
                "Seoul to hold talks",
                id="yonhap-lead",
            ),
            pytest.param(
                "(2nd LD) Seoul to hold talks\n\nSEOUL, Jan. 3 (Yonhap) -- Talks.",
                "(2nd LD)",
                "Seoul to hold talks",
                id="yonhap-second-lead",
            ),
            pytest.param(
                "(ATTN: ADDS comment in para 4)\n\nSeoul to hold talks\n\n"
                "SEOUL, Jan. 3 (Yonhap) -- Talks.",
                "(ATTN: ADDS comment in para 4)",
                "Seoul to hold talks",
                id="yonhap-attention-line",
            ),
        ],
    )
    def test_advisory_is_not_headline(self, text: str, advisory: str, headline: str) -> None:
        """
        Yonhap advisories are source lines of kind "advisory", not the headline.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-05")

        assert dispatch.headline is not None
        assert headline == dispatch.headline.text
        assert [("advisory", advisory)] == [
            (s.kind, s.text) for s in dispatch.source_lines if s.kind == "advisory"
        ]
