"""
Exports to IPTC ninjs and NITF.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from newswire import parse
from newswire._formats import to_ninjs, to_nitf

AP = (
    "Senate passes farm bill\n\n"
    "By JANE DOE\nAssociated Press Writer\n\n"
    "WASHINGTON (AP) -- The Senate passed the farm bill on Tuesday.\n\n"
    '"This bill helps every farmer," Sen. Ann Lee said.\n\n'
    "Associated Press writer John Roe in Chicago contributed to this report."
)


class TestNinjs:
    def test_main_fields(self) -> None:
        """
        Headline, byline, location and body map to their ninjs keys.
        """
        ninjs = to_ninjs(parse(AP, source_id="ap-1"))

        assert "urn:newswire:ap-1" == ninjs["uri"]
        assert [{"role": "main", "value": "Senate passes farm bill"}] == ninjs["headlines"]
        assert ninjs["by"].startswith("By JANE DOE")
        assert "WASHINGTON" == ninjs["located"]
        assert ninjs["bodies"][0]["value"].startswith("WASHINGTON (AP) -- The Senate")
        json.dumps(ninjs)

    def test_unnamed_text_gets_a_stable_uri(self) -> None:
        """
        Without a source id the URI is derived from the text, the same each time.
        """
        assert to_ninjs(parse("x"))["uri"] == to_ninjs(parse("x"))["uri"]
        assert to_ninjs(parse("x"))["uri"] != to_ninjs(parse("y"))["uri"]


class TestNitf:
    def test_is_well_formed_with_dateline_and_byline(self) -> None:
        """
        The NITF document parses as XML and carries the header records.
        """
        root = ET.fromstring(to_nitf(parse(AP)))

        assert "Senate passes farm bill" == root.findtext("body/body.head/hedline/hl1")
        assert "WASHINGTON" == root.findtext("body/body.head/dateline/location/city")
        assert root.findtext("body/body.head/byline", "").startswith("By Jane Doe")
        assert 2 <= len(root.findall("body/body.content/p"))

    def test_paragraph_text_is_kept_whole(self) -> None:
        """
        Marking quotes never loses or reorders paragraph text.
        """
        dispatch = parse(AP)
        root = ET.fromstring(to_nitf(dispatch))

        texts = ["".join(p.itertext()) for p in root.findall("body/body.content/p")]

        assert [p.text for p in dispatch.paragraphs] == texts

    def test_characters_xml_cannot_carry_are_replaced(self) -> None:
        """
        NUL and lone surrogates become U+FFFD so the output stays well-formed.
        """
        root = ET.fromstring(to_nitf(parse("Head\x00line\n\nBody \ud800 text.")))

        assert "Head\ufffdline" == root.findtext("head/title")
