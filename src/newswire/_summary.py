# A readable, plain-text rendering of a Dispatch for the command line.
"""
Plain-text summaries of parsed dispatches.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newswire._model import Dispatch

__all__ = ["render_summary"]


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_summary(dispatch: Dispatch, *, full: bool = False) -> str:
    """
    Render the dispatch's parts as labelled lines.

    With ``full``, every paragraph is listed and statements show their spans.

    >>> import newswire
    >>> print(render_summary(newswire.parse("Quake\\n\\nTOKYO (Kyodo) -- It shook.")))
    == <string>
    Headline   Quake
    Dateline   TOKYO · agency Kyodo  [7:23]
    Paragraphs 1
    Statements 0
    """
    lines = [f"== {dispatch.source_id or '<string>'}"]
    if dispatch.headline is not None:
        lines.append(f"Headline   {_short(dispatch.headline.text)}")
    for source in dispatch.source_lines:
        when = "" if source.timestamp is None else f" → {source.timestamp.isoformat()}"
        lines.append(f"Source     {source.kind}: {_short(source.text, 60)}{when}")
    if dispatch.byline is not None:
        names = ", ".join(a.display for a in dispatch.byline.authors)
        agency = "" if dispatch.byline.agency is None else f" · agency {dispatch.byline.agency}"
        lines.append(f"Byline     {names}{agency}")
    d = dispatch.dateline
    if d is not None:
        parts = [d.place or "(undated)"]
        if d.region:
            parts.append(f"region {d.region}")
        if d.date is not None:
            parts.append(f"date {d.date.isoformat()}")
        elif d.month is not None:
            parts.append(f"month {d.month} day {d.day} (year unknown)")
        if d.agency:
            parts.append(f"agency {d.agency}")
        lines.append(f"Dateline   {' · '.join(parts)}  [{d.span.start}:{d.span.end}]")
    lines.append(f"Paragraphs {len(dispatch.paragraphs)}")
    if full:
        lines.extend(
            textwrap.indent(f"[{p.index}] {_short(p.text)}", "  ") for p in dispatch.paragraphs
        )
    lines.append(f"Statements {len(dispatch.statements)}")
    for statement in dispatch.statements:
        speaker = statement.speaker
        who = "?" if speaker is None else (speaker.name or f"({speaker.text})")
        if speaker is not None and speaker.name and speaker.text != speaker.name:
            who += f" (“{speaker.text}”)"
        cue = "" if statement.cue is None else statement.cue.text
        said = " … ".join(dispatch.text[f.start : f.end] for f in statement.content.fragments)
        lines.append(f"  {statement.kind:<12} {who} — {cue}: {_short(said, 70)}")
        if full:
            spans = " + ".join(f"{f.start}:{f.end}" for f in statement.content.fragments)
            lines.append(f"  {'':<12} content [{spans}]")
    if dispatch.entities and full:
        lines.append("Speakers")
        for entity in dispatch.entities:
            title = f" ({entity.title})" if entity.title else ""
            lines.append(
                f"  {entity.name or '?'}{title} · {entity.kind} · {len(entity.mentions)} mention(s)"
            )
    if dispatch.trailer is not None:
        roles = ", ".join(c.role for c in dispatch.trailer.credits)
        suffix = f" ({roles})" if roles else ""
        lines.append(f"Trailer    {_short(dispatch.trailer.text, 60)}{suffix}")
    for diagnostic in dispatch.diagnostics:
        where = "" if diagnostic.span is None else f" at {diagnostic.span.start}"
        lines.append(f"Diagnostic {diagnostic.code}{where}: {diagnostic.message}")
    return "\n".join(lines)
