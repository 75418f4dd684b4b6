# Exports to the news industry's own formats, so a parsed dispatch can go
# straight into systems that speak IPTC: ninjs 2.x (JSON) and NITF 3.x (XML).
# Both are derived from the Dispatch alone; nothing here parses text.
#
# Dates: both formats want a moment with its UTC offset (ninjs `date-time`,
# NITF `norm` as YYYYMMDDTHHMMSS+HHMM). A dispatch rarely states its time zone,
# and an offset is never guessed: a moment with a zone fills those fields; a
# date without a time, or a time without a zone, is given as written (ninjs
# `descriptions`, NITF element text) and the field that needs the zone is
# omitted. The output is valid in either case.
"""
ninjs and NITF exports of a parsed dispatch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
import xml.etree.ElementTree as ET
from typing import Any

import regex

# Imported at run time so that typing.get_type_hints resolves the annotations.
from newswire._model import Dispatch, Statement

__all__ = ["NINJS_SCHEMA", "NINJS_VERSION", "NITF_NAMESPACE", "to_ninjs", "to_nitf"]

NINJS_VERSION = "2.1"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
# The namespace of the NITF 3.x XML Schemas (3.4 to 3.6).
NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"


# Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates).
_NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _uri(dispatch: Dispatch) -> str:
    if dispatch.source_id:
        # File names carry spaces, '#' and other characters a URI may not.
        return f"urn:newswire:{urllib.parse.quote(dispatch.source_id, safe='')}"
    # A stable name for an unnamed text; not a security use.
    digest = hashlib.blake2b(dispatch.text.encode("utf-8", "surrogatepass"), digest_size=16)
    return f"urn:newswire:blake2b:{digest.hexdigest()}"


def _moment(dispatch: Dispatch) -> dt.datetime | None:
    # The first stated moment that carries its UTC offset.
    for line in dispatch.source_lines:
        if line.timestamp is not None and line.timestamp.utcoffset() is not None:
            return line.timestamp
    return None


def _nitf_norm(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%z")


def _descriptions(dispatch: Dispatch) -> list[dict[str, str]]:
    # Dates as the dispatch states them, for when no zoned moment exists.
    found = [
        {"role": "timestamp", "value": line.timestamp.isoformat()}
        for line in dispatch.source_lines
        if line.timestamp is not None and line.timestamp.utcoffset() is None
    ]
    d = dispatch.dateline
    if d is not None:
        found.append({"role": "dateline", "value": d.text})
        if d.date is not None:
            found.append({"role": "dateline-date", "value": d.date.isoformat()})
    return found


def _agency(dispatch: Dispatch) -> str | None:
    if dispatch.dateline is not None and dispatch.dateline.agency:
        return dispatch.dateline.agency
    if dispatch.byline is not None and dispatch.byline.agency:
        return dispatch.byline.agency
    return next((s.agency for s in dispatch.source_lines if s.agency), None)


def to_ninjs(dispatch: Dispatch) -> dict[str, Any]:
    """
    Return the dispatch as an IPTC ninjs 2.x object (a JSON-safe dict).

    The raw byline becomes ``by``, the dateline place ``located``, the
    paragraphs the ``main`` body, and quoted people and organisations
    ``people`` and ``organisations`` with the relation ``quoted``.
    ``standard`` names ninjs 2.1 and its schema, and the output validates
    against it (formats checked). ``firstcreated`` is given only for a
    moment the dispatch states with its UTC offset, since ninjs requires one
    and none is guessed; dates as the dispatch gives them (a dateline's date,
    a timestamp without a zone) are ``descriptions`` with the roles
    ``dateline``, ``dateline-date`` and ``timestamp``.

    >>> import newswire
    >>> d = newswire.parse('Rates hold\\n\\nLONDON (Reuters) - "We wait," Ann Lee said.',
    ...                    source_id="r1")
    >>> ninjs = to_ninjs(d)
    >>> ninjs["uri"], ninjs["headlines"], ninjs["located"], ninjs["infosources"]
    ('urn:newswire:r1', [{'role': 'main', 'value': 'Rates hold'}], 'LONDON', [{'name': 'Reuters'}])

    .. versionadded:: 0.1
    """
    ninjs: dict[str, Any] = {
        "uri": _uri(dispatch),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "type": "text",
        "representationtype": "full",
    }
    moment = _moment(dispatch)
    if moment is not None:
        ninjs["firstcreated"] = moment.isoformat()
    if dispatch.headline is not None:
        ninjs["headlines"] = [{"role": "main", "value": dispatch.headline.text}]
    if dispatch.byline is not None:
        ninjs["by"] = dispatch.byline.text
    if dispatch.dateline is not None and dispatch.dateline.place:
        region = dispatch.dateline.region
        ninjs["located"] = dispatch.dateline.place + (f", {region}" if region else "")
    agency = _agency(dispatch)
    if agency is not None:
        ninjs["infosources"] = [{"name": agency}]
    descriptions = _descriptions(dispatch)
    if descriptions:
        ninjs["descriptions"] = descriptions
    ninjs["bodies"] = [
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "\n\n".join(p.text for p in dispatch.paragraphs),
        }
    ]
    people = [e.name for e in dispatch.entities if e.kind == "person" and e.name]
    if people:
        ninjs["people"] = [{"name": name, "rel": "quoted"} for name in people]
    organisations = [e.name for e in dispatch.entities if e.kind == "organisation" and e.name]
    if organisations:
        ninjs["organisations"] = [{"name": name, "rel": "quoted"} for name in organisations]
    return ninjs


def _direct_fragments(dispatch: Dispatch) -> list[tuple[int, int, Statement]]:
    # Direct quotes become NITF <q> elements; overlapping ones (rare) keep the first.
    found: list[tuple[int, int, Statement]] = []
    for statement in dispatch.statements:
        if statement.kind != "direct":
            continue
        found.extend((f.start, f.end, statement) for f in statement.content.fragments)
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, Statement]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def to_nitf(dispatch: Dispatch) -> str:
    """
    Return the dispatch as an NITF 3.x document (an XML string).

    The root is in the NITF namespace (:data:`NITF_NAMESPACE`). Headline →
    ``hl1``, byline → ``byline`` with ``byttl``, agency → ``distributor``,
    dateline → ``dateline`` with ``location`` and ``story.date``,
    paragraphs → ``p`` inside ``body.content`` with direct quotes marked
    ``q`` (``quote-source`` is the resolved speaker), trailer → ``tagline``
    inside ``body.end``. ``story.date`` holds the date as written; its
    ``norm`` (NITF's ``YYYYMMDDTHHMMSS±HHMM``) is given only for a moment the
    dispatch states with its UTC offset, since none is guessed.

    >>> import newswire
    >>> d = newswire.parse('Rates hold\\n\\nLONDON (Reuters) - "We wait," Ann Lee said.')
    >>> print(to_nitf(d))  # doctest: +ELLIPSIS
    <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN"><head>...

    .. versionadded:: 0.1
    """
    # Built without a namespace and given the default one on the root, so
    # every element is in it and the output reads as ordinary NITF.
    nitf = ET.Element("nitf", xmlns=NITF_NAMESPACE, version="-//IPTC//DTD NITF 3.6//EN")
    head = ET.SubElement(nitf, "head")
    if dispatch.headline is not None:
        ET.SubElement(head, "title").text = _x(dispatch.headline.text)
    body = ET.SubElement(nitf, "body")
    _nitf_body_head(dispatch, ET.SubElement(body, "body.head"))
    _nitf_body_content(dispatch, ET.SubElement(body, "body.content"))
    if dispatch.trailer is not None:
        ET.SubElement(ET.SubElement(body, "body.end"), "tagline").text = _x(dispatch.trailer.text)
    return ET.tostring(nitf, encoding="unicode")


def _nitf_body_head(dispatch: Dispatch, body_head: ET.Element) -> None:
    if dispatch.headline is not None:
        ET.SubElement(ET.SubElement(body_head, "hedline"), "hl1").text = _x(dispatch.headline.text)
    if dispatch.byline is not None:
        byline = ET.SubElement(body_head, "byline")
        names = ", ".join(a.display for a in dispatch.byline.authors)
        byline.text = _x(f"By {names}" if names else dispatch.byline.text)
        if dispatch.byline.title:
            ET.SubElement(byline, "byttl").text = _x(dispatch.byline.title)
    agency = _agency(dispatch)
    if agency is not None:
        ET.SubElement(body_head, "distributor").text = _x(agency)
    d = dispatch.dateline
    if d is not None:
        dateline = ET.SubElement(body_head, "dateline")
        location = ET.SubElement(dateline, "location")
        if d.place:
            ET.SubElement(location, "city").text = _x(d.place)
        if d.region:
            ET.SubElement(location, "region").text = _x(d.region)
        if d.date_span is not None:
            date = ET.SubElement(dateline, "story.date")
            date.text = _x(dispatch.text[d.date_span.start : d.date_span.end])
            moment = _moment(dispatch)
            if moment is not None and d.date is not None and moment.date() == d.date:
                date.set("norm", _nitf_norm(moment))


def _nitf_body_content(dispatch: Dispatch, content: ET.Element) -> None:
    quotes = _direct_fragments(dispatch)
    cursor = 0
    for paragraph in dispatch.paragraphs:
        p = ET.SubElement(content, "p")
        pos = paragraph.span.start
        last: ET.Element | None = None
        while cursor < len(quotes) and quotes[cursor][1] <= paragraph.span.end:
            start, end, statement = quotes[cursor]
            cursor += 1
            if start < pos:
                continue
            before = dispatch.text[pos:start]
            if last is None:
                p.text = (p.text or "") + _x(before)
            else:
                last.tail = (last.tail or "") + _x(before)
            q = ET.SubElement(p, "q")
            speaker = statement.speaker
            if speaker is not None and speaker.name:
                q.set("quote-source", _x(speaker.name))
            q.text = _x(dispatch.text[start:end])
            last, pos = q, end
        rest = dispatch.text[pos : paragraph.span.end]
        if last is None:
            p.text = (p.text or "") + _x(rest)
        else:
            last.tail = (last.tail or "") + _x(rest)
