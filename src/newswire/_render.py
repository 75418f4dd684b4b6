# Views of a Dispatch for notebooks and data frames: an HTML rendering of the
# text with every recognised part highlighted, and flat per-statement records.
#
# The HTML is built by one sweep over the span boundaries. Spans overlap in
# ordinary dispatches (a dateline lies inside the first paragraph; "he said"
# lies inside the stretch of a two-fragment quote; two statements can share a
# speaker), so every mark has a fixed rank and each run of text between two
# boundaries is wrapped in its active marks, outermost first. Going from one
# run to the next closes only the marks that differ, so the output is always
# well-formed nesting and a mark that another one cuts through is simply split
# in two. Content is drawn from its fragments, not its covering span, so the
# cue and speaker between two fragments are not painted as content.
#
# Nothing here depends on pandas: to_records() returns plain dicts, which
# pandas.DataFrame (or any other tabular tool) takes as they are.
"""
HTML rendering and flat records of parsed dispatches.
"""

from __future__ import annotations

import html
import itertools
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from newswire._model import Dispatch, Span, Speaker, Statement

__all__ = ["RECORD_KEYS", "render_html", "to_records"]

RECORD_KEYS = (
    "source_id",
    "headline",
    "dateline",
    "dateline_place",
    "dateline_date",
    "dateline_agency",
    "speaker",
    "speaker_mention",
    "cue",
    "kind",
    "content",
    "paragraph",
    "start",
    "end",
)

# Outer marks first. A paragraph contains the dateline; header and body parts
# contain statement content; cue and speaker sit inside content when a
# recogniser placed them there.
_RANK = {
    "paragraph": 0,
    "headline": 1,
    "source_line": 1,
    "byline": 1,
    "dateline": 1,
    "trailer": 1,
    "content": 2,
    "cue": 3,
    "speaker": 4,
}

# Inline styles, because notebook front ends and documentation themes drop or
# scope <style> blocks; the class names stay for anyone who wants their own CSS.
# Shaded marks set a dark text colour so they stay readable in dark themes.
_STYLE = {
    "paragraph": "",
    "headline": "font-weight:bold;font-size:1.1em",
    "source_line": "color:#666",
    "byline": "font-style:italic;background:#fdebd0;color:#111",
    "dateline": "background:#e8daef;color:#111;font-variant:small-caps",
    "trailer": "color:#444;background:#eeeeee",
    "content": "background:#fcf3cf;color:#111",
    "cue": "background:#abebc6;color:#111;font-weight:bold",
    "speaker": "background:#aed6f1;color:#111;text-decoration:underline",
}

_LEGEND = (
    ("headline", "headline"),
    ("dateline", "dateline"),
    ("byline", "byline"),
    ("content", "statement content"),
    ("cue", "cue"),
    ("speaker", "speaker"),
    ("trailer", "trailer"),
)


@attrs.frozen
class _Mark:
    role: str
    start: int
    end: int
    title: str
    order: int

    @property
    def key(self) -> tuple[int, int, int, int]:
        # A fixed key per mark keeps the nesting stable from run to run: the
        # earlier and longer of two marks of the same rank is the outer one.
        return (_RANK[self.role], self.start, -self.end, self.order)


def _who(speaker: Speaker | None) -> str:
    if speaker is None:
        return "unattributed"
    if speaker.name is None:
        return f"“{speaker.text}” (unresolved)"
    if speaker.name == speaker.text:
        return speaker.name
    return f"{speaker.name} (“{speaker.text}”)"


def _statement_marks(statement: Statement, number: int) -> list[tuple[str, Span, str]]:
    who = _who(statement.speaker)
    cue = "" if statement.cue is None else f", cue “{statement.cue.text}”"
    title = f"statement {number}: {statement.kind}, speaker {who}{cue}: {statement.content.joined}"
    pieces = statement.content.fragments or (statement.content.span,)
    marks = [("content", piece, title) for piece in pieces]
    if statement.cue is not None:
        marks.append(("cue", statement.cue.span, f"cue of statement {number}; speaker {who}"))
    if statement.speaker is not None:
        speaker = statement.speaker
        resolved = speaker.name if speaker.name is not None else "not resolved"
        marks.append(
            ("speaker", speaker.span, f"speaker “{speaker.text}” → {resolved} ({speaker.how})")
        )
    return marks


def _collect(dispatch: Dispatch) -> list[_Mark]:
    raw: list[tuple[str, Span, str]] = []
    if dispatch.headline is not None:
        raw.append(("headline", dispatch.headline.span, "headline"))
    raw.extend(("source_line", line.span, f"{line.kind} line") for line in dispatch.source_lines)
    if dispatch.byline is not None:
        names = ", ".join(a.display for a in dispatch.byline.authors) or "no author named"
        raw.append(("byline", dispatch.byline.span, f"byline: {names}"))
    if dispatch.dateline is not None:
        d = dispatch.dateline
        when = d.date.isoformat() if d.date is not None else "no date"
        raw.append(("dateline", d.span, f"dateline: place {d.place}, {when}, agency {d.agency}"))
    raw.extend(("paragraph", p.span, f"paragraph {p.index}") for p in dispatch.paragraphs)
    for number, statement in enumerate(dispatch.statements):
        raw.extend(_statement_marks(statement, number))
    if dispatch.trailer is not None:
        raw.append(("trailer", dispatch.trailer.span, "trailer"))
    # Two statements that share a speaker or a cue would paint it twice: merge
    # identical marks and keep every title.
    merged: dict[tuple[str, int, int], list[str]] = {}
    size = len(dispatch.text)
    for role, span, title in raw:
        if span.start >= span.end or span.end > size:
            continue
        titles = merged.setdefault((role, span.start, span.end), [])
        if title not in titles:
            titles.append(title)
    return [
        _Mark(role, start, end, "; ".join(titles), order)
        for order, ((role, start, end), titles) in enumerate(merged.items())
    ]


def _open(mark: _Mark) -> str:
    style = _STYLE[mark.role]
    style_attr = f' style="{style}"' if style else ""
    title = html.escape(mark.title, quote=True)
    return f'<span class="nw-{mark.role.replace("_", "-")}"{style_attr} title="{title}">'


def _legend() -> str:
    items = " ".join(
        f'<span style="{_STYLE[role]};padding:0 .3em">{html.escape(label)}</span>'
        for role, label in _LEGEND
    )
    return f'<div class="nw-legend" style="font-size:.85em;margin-bottom:.5em">{items}</div>'


def _body(text: str, marks: list[_Mark]) -> str:
    events: dict[int, list[tuple[bool, _Mark]]] = {}
    for mark in marks:
        events.setdefault(mark.start, []).append((True, mark))
        events.setdefault(mark.end, []).append((False, mark))
    boundaries = sorted({0, len(text), *events})
    active: set[_Mark] = set()
    stack: list[_Mark] = []
    out: list[str] = []
    for here, there in itertools.pairwise(boundaries):
        for opening, mark in events.get(here, ()):
            if opening:
                active.add(mark)
            else:
                active.discard(mark)
        wanted = sorted(active, key=lambda m: m.key)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        out.extend(_open(mark) for mark in wanted[keep:])
        stack = wanted
        out.append(html.escape(text[here:there], quote=False))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def render_html(dispatch: Dispatch) -> str:
    """
    Render the dispatch's text as HTML with every recognised part highlighted.

    Headline, dateline, byline and trailer are shaded; statement content, cues
    and speakers get distinct colours, and hovering over any of them shows
    what it is (a speaker shows the name it resolves to). Every piece of text
    is HTML-escaped. Diagnostics are listed below the text.

    Args:
        dispatch: the parsed dispatch.

    Returns:
        A self-contained HTML fragment (inline styles, no scripts).

    >>> import newswire
    >>> d = newswire.parse("Quake <M6>\\n\\nTOKYO (Kyodo) -- It shook.")
    >>> out = render_html(d)
    >>> '<span class="nw-headline"' in out, "Quake &lt;M6&gt;" in out
    (True, True)

    .. versionadded:: 0.1
    """
    parts = [
        '<div class="newswire-dispatch" style="line-height:1.5">',
        _legend(),
        '<div class="nw-text" style="white-space:pre-wrap;font-family:inherit">',
        _body(dispatch.text, _collect(dispatch)),
        "</div>",
    ]
    if dispatch.diagnostics:
        parts.append('<ul class="nw-diagnostics" style="font-size:.85em;color:#7b241c">')
        for diagnostic in dispatch.diagnostics:
            where = "" if diagnostic.span is None else f" (at {diagnostic.span.start})"
            parts.append(
                f"<li><code>{html.escape(diagnostic.code)}</code>{html.escape(where)}: "
                f"{html.escape(diagnostic.message)}</li>"
            )
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def to_records(dispatch: Dispatch) -> list[dict[str, Any]]:
    """
    Return one flat dict per statement, ready for ``pandas.DataFrame``.

    Keys, in order: the dispatch's ``source_id``, ``headline`` (its text),
    ``dateline`` (its text), ``dateline_place``, ``dateline_date`` (ISO, or
    None) and ``dateline_agency``, the same in every row of one dispatch so
    that rows from many dispatches stack into one table; then, per statement,
    ``speaker`` (the resolved name, or None), ``speaker_mention``
    (the mention as written: ``he``, ``the minister``), ``cue``, ``kind``,
    ``content``, ``paragraph`` (index of the first paragraph the content lies
    in), ``start`` and ``end`` (the content's offsets in the text).
    ``content`` is :attr:`Quote.joined <newswire.Quote>`: the fragments
    without an inserted ``he said``; ``start`` and ``end`` span the stretch
    from the first fragment to the last.

    Args:
        dispatch: the parsed dispatch.

    Returns:
        A list of dicts holding only str, int and None values.

    >>> import newswire
    >>> to_records(newswire.parse("TOKYO (Kyodo) -- The ground shook."))
    []
    >>> list(RECORD_KEYS)[:3]
    ['source_id', 'headline', 'dateline']

    .. versionadded:: 0.1
    """
    dateline = dispatch.dateline
    about = {
        "source_id": dispatch.source_id,
        "headline": None if dispatch.headline is None else dispatch.headline.text,
        "dateline": None if dateline is None else dateline.text,
        "dateline_place": None if dateline is None else dateline.place or None,
        "dateline_date": None
        if dateline is None or dateline.date is None
        else dateline.date.isoformat(),
        "dateline_agency": None if dateline is None else dateline.agency,
    }
    records = []
    for statement in dispatch.statements:
        speaker = statement.speaker
        records.append(
            {
                **about,
                "speaker": None if speaker is None else speaker.name,
                "speaker_mention": None if speaker is None else speaker.text,
                "cue": None if statement.cue is None else statement.cue.text,
                "kind": statement.kind,
                "content": statement.content.joined,
                "paragraph": statement.paragraphs[0] if statement.paragraphs else None,
                "start": statement.content.span.start,
                "end": statement.content.span.end,
            }
        )
    return records
