# Exports to the news industry's own formats, so a parsed dispatch can go
# straight into systems that speak IPTC: ninjs 2.x (JSON) and NITF 3.x (XML).
# Both are derived from the Dispatch alone; nothing here parses text.
"""
ninjs and NITF exports of a parsed dispatch.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from typing import Any

import regex

# Imported at run time so that typing.get_type_hints resolves the annotations.
from newswire._model import Dispatch, Statement

__all__ = ["to_ninjs", "to_nitf"]


# Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates).
_NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _uri(dispatch: Dispatch) -> str:
    if dispatch.source_id:
        return f"urn:newswire:{dispatch.source_id}"
    # A stable name for an unnamed text; not a security use.
    digest = hashlib.blake2b(dispatch.text.encode("utf-8", "surrogatepass"), digest_size=16)
    return f"urn:newswire:blake2b:{digest.hexdigest()}"


def _created(dispatch: Dispatch) -> str | None:
    for line in dispatch.source_lines:
        if line.timestamp is not None:
            return line.timestamp.isoformat()
    if dispatch.dateline is not None and dispatch.dateline.date is not None:
        return dispatch.dateline.date.isoformat()
    return None


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

    >>> import newswire
    >>> d = newswire.parse('Rates hold\\n\\nLONDON (Reuters) - "We wait," Ann Lee said.',
    ...                    source_id="r1")
    >>> ninjs = to_ninjs(d)
    >>> ninjs["uri"], ninjs["headlines"], ninjs["located"], ninjs["infosources"]
    ('urn:newswire:r1', [{'role': 'main', 'value': 'Rates hold'}], 'LONDON', [{'name': 'Reuters'}])

    .. versionadded:: 0.1
    """
    ninjs: dict[str, Any] = {"uri": _uri(dispatch), "type": "text", "representationtype": "full"}
    created = _created(dispatch)
    if created is not None:
        ninjs["firstcreated"] = created
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

    Headline → ``hl1``, byline → ``byline`` with ``byttl``, agency →
    ``distributor``, dateline → ``dateline`` with ``location`` and
    ``story.date`` (``norm`` in ISO form), paragraphs → ``p`` with direct
    quotes marked ``q`` (``quote-source`` is the resolved speaker), trailer →
    ``tagline``.

    >>> import newswire
    >>> d = newswire.parse('Rates hold\\n\\nLONDON (Reuters) - "We wait," Ann Lee said.')
    >>> print(to_nitf(d))  # doctest: +ELLIPSIS
    <nitf version="-//IPTC//DTD NITF 3.6//EN"><head><title>Rates hold</title></head>...

    .. versionadded:: 0.1
    """
    nitf = ET.Element("nitf", version="-//IPTC//DTD NITF 3.6//EN")
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
            if d.date is not None:
                date.set("norm", d.date.isoformat())


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
