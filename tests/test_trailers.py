"""
Trailers: sign-offs and credit lines, kept apart from the body. Our own lines.
"""

from __future__ import annotations

import pytest

import newswire

LEAD = "Copper slips\n\nLONDON, Jan 3 (Reuters) - Copper slipped on Wednesday.\n\n"


class TestCredits:
    def test_reuters_credits(self) -> None:
        """
        Each Reuters credit keeps its role, authors and place.
        """
        text = LEAD + (
            "(Reporting by Ann Lee in London and Bo Chan in Singapore; "
            "Additional reporting by Cy Dee; Editing by Dan Eve)"
        )

        dispatch = newswire.parse(text)

        assert dispatch.trailer is not None
        actual = [(c.role, [a.name for a in c.authors], c.place) for c in dispatch.trailer.credits]
        expected = [
            ("reporting", ["Ann Lee"], "London"),
            ("reporting", ["Bo Chan"], "Singapore"),
            ("additional_reporting", ["Cy Dee"], None),
            ("editing", ["Dan Eve"], None),
        ]
        assert expected == actual
        expected_paragraphs = ["LONDON, Jan 3 (Reuters) - Copper slipped on Wednesday."]
        assert expected_paragraphs == [p.text for p in dispatch.paragraphs]

    @pytest.mark.parametrize(
        ("line", "credited"),
        [
            pytest.param(
                "Associated Press writer Jane Roe in Paris contributed to this report.",
                [(["Jane Roe"], "Paris")],
                id="ap-one",
            ),
            pytest.param(
                "Associated Press writers Jane Roe in Paris and Tom Fox in Rome "
                "contributed to this report.",
                [(["Jane Roe"], "Paris"), (["Tom Fox"], "Rome")],
                id="ap-two",
            ),
            pytest.param(
                "AP writer Jane Roe contributed to this story.",
                [(["Jane Roe"], None)],
                id="ap-short",
            ),
        ],
    )
    def test_ap_contributed(self, line: str, credited: list[tuple[list[str], str | None]]) -> None:
        """
        AP's contribution line names each writer and where they were.
        """
        dispatch = newswire.parse(LEAD + line)

        assert dispatch.trailer is not None
        assert credited == [
            ([a.name for a in c.authors], c.place) for c in dispatch.trailer.credits
        ]
        assert {"contributed"} == {c.role for c in dispatch.trailer.credits}

    def test_social_credit(self) -> None:
        """
        A closing "Follow ... on Twitter" line is a trailer credit, not a paragraph.
        """
        dispatch = newswire.parse(LEAD + "Follow Jane Roe on Twitter @janeroe.")

        assert dispatch.trailer is not None
        expected = ["social"]
        assert expected == [c.role for c in dispatch.trailer.credits]
        expected_count = 1
        assert expected_count == len(dispatch.paragraphs)


class TestEndMarkers:
    @pytest.mark.parametrize(
        "marker",
        [
            pytest.param("Reuter", id="reuters-1987"),
            pytest.param("REUTER", id="reuters-1987-caps"),
            pytest.param("Enditem", id="xinhua"),
            pytest.param("MORE", id="more-to-come"),
            pytest.param("burs-jh/sst", id="afp-desk-initials"),
            pytest.param("sst/jh", id="afp-short-initials"),
            pytest.param("PTI ABC DEF", id="pti-initials"),
            pytest.param("==Kyodo", id="kyodo"),
        ],
    )
    def test_marker_block(self, marker: str) -> None:
        """
        A sign-off on its own line is the trailer's end marker.
        """
        text = LEAD + marker

        dispatch = newswire.parse(text)

        assert dispatch.trailer is not None
        assert dispatch.trailer.end_marker is not None
        span = dispatch.trailer.end_marker
        assert marker == text[span.start : span.end]
        expected = 1
        assert expected == len(dispatch.paragraphs)

    def test_enditem_closing_last_paragraph(self) -> None:
        """
        An Enditem after the last sentence belongs to the trailer, not the paragraph.
        """
        text = (
            "Park opens\n\nBEIJING, Jan. 3 (Xinhua) -- A park opened.\n\n"
            "Visitors came early. Enditem"
        )

        dispatch = newswire.parse(text)

        assert dispatch.trailer is not None
        expected = "Enditem"
        assert expected == dispatch.trailer.text
        expected_2 = "Visitors came early."
        assert expected_2 == dispatch.paragraphs[-1].text
        last = dispatch.paragraphs[-1].span
        expected_3 = "Visitors came early."
        assert expected_3 == text[last.start : last.end]

    @pytest.mark.parametrize(
        ("last", "paragraph", "marker"),
        [
            pytest.param(
                "The talks resume on Monday, the ministry said. PTI KR RT",
                "The talks resume on Monday, the ministry said.",
                "PTI KR RT",
                id="pti",
            ),
            pytest.param(
                "The line reopens in April. ==Kyodo",
                "The line reopens in April.",
                "==Kyodo",
                id="kyodo",
            ),
        ],
    )
    def test_sign_off_closing_last_paragraph(self, last: str, paragraph: str, marker: str) -> None:
        """
        A desk's sign-off after the last sentence is the trailer, not part of the paragraph.
        """
        text = "Talks\n\nNEW DELHI, Jan 3 (PTI) The talks opened.\n\n" + last

        dispatch = newswire.parse(text)

        assert dispatch.trailer is not None
        assert (marker, paragraph) == (dispatch.trailer.text, dispatch.paragraphs[-1].text)

    @pytest.mark.parametrize(
        "last",
        [
            pytest.param("Buyers and/or sellers met.", id="slash-in-prose"),
            pytest.param("PTI said the talks would resume.", id="pti-in-prose"),
        ],
    )
    def test_not_a_sign_off(self, last: str) -> None:
        """
        A last paragraph that only looks like a sign-off stays a paragraph.
        """
        dispatch = newswire.parse(LEAD + last)

        assert (None, last) == (dispatch.trailer, dispatch.paragraphs[-1].text)
