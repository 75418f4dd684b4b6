"""
Exports to IPTC ninjs and NITF.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import attrs
import pytest

import newswire
from newswire import parse
from newswire._formats import NITF_NAMESPACE, to_ninjs, to_nitf
from tests.conftest import corpus_records

NS = {"": NITF_NAMESPACE}

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

        assert "Senate passes farm bill" == root.findtext(
            "body/body.head/hedline/hl1", namespaces=NS
        )
        assert "WASHINGTON" == root.findtext("body/body.head/dateline/location/city", namespaces=NS)
        assert root.findtext("body/body.head/byline", "", namespaces=NS).startswith("By Jane Doe")
        assert 2 <= len(root.findall("body/body.content/p", namespaces=NS))

    def test_paragraph_text_is_kept_whole(self) -> None:
        """
        Marking quotes never loses or reorders paragraph text.
        """
        dispatch = parse(AP)
        root = ET.fromstring(to_nitf(dispatch))

        texts = ["".join(p.itertext()) for p in root.findall("body/body.content/p", namespaces=NS)]

        assert [p.text for p in dispatch.paragraphs] == texts

    def test_characters_xml_cannot_carry_are_replaced(self) -> None:
        """
        NUL and lone surrogates become U+FFFD so the output stays well-formed.
        """
        root = ET.fromstring(to_nitf(parse("Head\x00line\n\nBody \ud800 text.")))

        assert "Head\ufffdline" == root.findtext("head/title", namespaces=NS)


# -- validity ------------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NORM = re.compile(r"\d{8}T\d{6}[+-]\d{4}")
ZONED = dt.datetime(2024, 3, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def _ninjs_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "ninjs-2.1.schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    # Without rfc3339-validator and rfc3986-validator, jsonschema skips these
    # formats silently: make sure they are checked.
    assert {"date-time", "uri"} <= set(checker.checkers)
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def _dispatches() -> list[newswire.Dispatch]:
    found = [
        newswire.parse(text, source_id=name, reference_date="2024-05-15")
        for name, text in newswire.samples().items()
    ]
    found.append(newswire.parse("x"))
    found.append(newswire.parse(AP, source_id="wire/ap 1#2.txt"))
    return found


def _zoned() -> newswire.Dispatch:
    # A dispatch that states its moment with a UTC offset (built by hand: the
    # parser reads timestamps without zones today).
    dispatch = parse(
        "BEIJING, March 14 (Xinhua) -- Rail links opened.", reference_date="2024-03-15"
    )
    line = newswire.SourceLine(
        text="2024-03-14 09:30 +0800", span=newswire.Span(0, 0), kind="source",
        timestamp=ZONED, agency="Xinhua",
    )  # fmt: skip
    return attrs.evolve(dispatch, source_lines=(line,))


def _errors(validator: Any, ninjs: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(ninjs)]


class TestNinjsValidity:
    def test_samples_validate(self) -> None:
        """
        Every sample's ninjs validates against the ninjs 2.1 constraints, formats checked.
        """
        validator = _ninjs_validator()

        failures = {
            d.source_id: _errors(validator, to_ninjs(d))
            for d in [*_dispatches(), _zoned()]
            if _errors(validator, to_ninjs(d))
        }

        assert {} == failures

    @pytest.mark.corpus
    def test_dev_corpus_validates(self) -> None:
        """
        Dispatches of each shared dev corpus give valid ninjs.
        """
        validator = _ninjs_validator()
        failures = []
        for name in ("reuters21578.jsonl", "polnear.jsonl", "muc3.jsonl", "tbaq.jsonl"):
            # The first 150 of each: every layout kind, in a few seconds.
            for record in corpus_records(f"dev/{name}")[:150]:
                d = parse(record["text"], source_id=record.get("id"))
                failures.extend(_errors(validator, to_ninjs(d)))

        assert [] == failures

    def test_the_check_is_real(self) -> None:
        """
        A bare date or a zoneless time in firstcreated fails the schema (the old output).
        """
        validator = _ninjs_validator()
        ninjs = to_ninjs(parse(AP))

        for value in ("2024-05-14", "2024-05-14T09:30:00"):
            assert _errors(validator, {**ninjs, "firstcreated": value})
        assert _errors(validator, {**ninjs, "dateline": "x"})

    def test_standard_and_dates(self) -> None:
        """
        standard names ninjs 2.1; zoneless dates are descriptions, a zoned moment firstcreated.
        """
        plain = to_ninjs(parse("PARIS, May 14 (AFP) - Rain.", reference_date="2024-05-15"))
        zoned = to_ninjs(_zoned())

        assert {"name": "ninjs", "version": "2.1"} == {
            k: plain["standard"][k] for k in ("name", "version")
        }
        assert "firstcreated" not in plain
        assert [
            {"role": "dateline", "value": "PARIS, May 14 (AFP) -"},
            {"role": "dateline-date", "value": "2024-05-14"},
        ] == plain["descriptions"]
        assert "2024-03-14T09:30:00+08:00" == zoned["firstcreated"]

    def test_source_id_is_quoted_in_the_uri(self) -> None:
        """
        A file name with spaces and '#' still gives a valid URI.
        """
        assert (
            "urn:newswire:wire%2Fap%201%232.txt"
            == to_ninjs(parse("x", source_id="wire/ap 1#2.txt"))["uri"]
        )


def _local(element: ET.Element) -> str:
    namespace, _, name = element.tag.rpartition("}")
    assert "{" + NITF_NAMESPACE == namespace, element.tag
    return name


# What NITF 3.x defines for the parts written here: each element's allowed
# children, in order ("?" optional, "*" any number).
NITF_STRUCTURE = {
    "nitf": ["head?", "body"],
    "head": ["title?"],
    "body": ["body.head?", "body.content*", "body.end?"],
    "body.head": ["hedline?", "byline*", "distributor?", "dateline*"],
    "hedline": ["hl1"],
    "byline": ["byttl?"],
    "dateline": ["location?", "story.date?"],
    "location": ["city?", "region?"],
    "body.content": ["p*"],
    "p": ["q*"],
    "body.end": ["tagline?"],
}


def _structure_errors(element: ET.Element, path: str = "") -> list[str]:
    name = _local(element)
    where = f"{path}/{name}"
    allowed = NITF_STRUCTURE.get(name, [])
    children = [_local(child) for child in element]
    errors = []
    position = 0
    for tag in children:
        while position < len(allowed) and allowed[position].rstrip("?*") != tag:
            if not allowed[position].endswith(("?", "*")):
                errors.append(f"{where}: missing {allowed[position]} before {tag}")
            position += 1
        if position == len(allowed):
            errors.append(f"{where}: {tag} not allowed here (children: {children})")
            break
        if not allowed[position].endswith("*"):
            position += 1
    errors.extend(
        f"{where}: missing {need}" for need in allowed[position:] if not need.endswith(("?", "*"))
    )
    for child in element:
        errors.extend(_structure_errors(child, where))
    return errors


class TestNitfValidity:
    def test_structure(self) -> None:
        """
        Every sample's NITF is in the NITF namespace and follows the structure NITF defines.
        """
        failures = {}
        for d in [*_dispatches(), _zoned()]:
            root = ET.fromstring(to_nitf(d))
            errors = _structure_errors(root)
            if "-//IPTC//DTD NITF 3.6//EN" != root.get("version"):
                errors.append("version")
            if errors:
                failures[d.source_id] = errors

        assert {} == failures

    def test_required_parts(self) -> None:
        """
        A full dispatch has head, body.head (hedline, byline, dateline), body.content and body.end.
        """
        root = ET.fromstring(to_nitf(parse(AP)))

        paths = (
            "head/title",
            "body/body.head/hedline/hl1",
            "body/body.head/byline",
            "body/body.head/dateline",
            "body/body.content/p",
            "body/body.end/tagline",
        )
        for path in paths:
            assert root.find(path, namespaces=NS) is not None, path

    def test_norm_is_in_nitf_form(self) -> None:
        """
        story.date@norm is YYYYMMDDTHHMMSS±HHMM for a zoned moment, and absent without one.
        """
        zoned = ET.fromstring(to_nitf(_zoned()))
        plain = ET.fromstring(
            to_nitf(parse("PARIS, May 14 (AFP) - Rain.", reference_date="2024-05-15"))
        )

        date = zoned.find("body/body.head/dateline/story.date", namespaces=NS)
        assert date is not None
        assert "20240314T093000+0800" == date.get("norm")
        assert NORM.fullmatch(date.get("norm", ""))
        plain_date = plain.find("body/body.head/dateline/story.date", namespaces=NS)
        assert plain_date is not None
        assert ("May 14", None) == (plain_date.text, plain_date.get("norm"))
