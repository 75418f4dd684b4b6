# The public records. Every record is a frozen, slotted attrs class whose
# sequences are tuples, so every record is immutable and hashable. A record
# that was recognised in the text carries a ``span`` such that
# ``dispatch.text[span.start:span.end]`` is exactly what was recognised, in the
# text as passed in (never a normalised copy). Validators do O(1) checks only.
# The records a dispatch makes by the thousand (spans, paragraphs, statements
# and their parts) have no weakref slot: 8 bytes each, as for tuples and ints.
#
# ``to_dict``/``from_dict`` define the public JSON contract, documented in
# docs/data-model.md and in the JSON Schema shipped as data/dispatch.schema.json.
"""
Immutable records produced by :func:`newswire.parse`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "Author",
    "Byline",
    "Credit",
    "Cue",
    "Dateline",
    "Diagnostic",
    "Dispatch",
    "Entity",
    "Headline",
    "Paragraph",
    "Quote",
    "SourceLine",
    "Span",
    "Speaker",
    "Statement",
    "Trailer",
]

StatementKind = Literal["direct", "indirect", "mixed", "according_to"]
SpeakerKind = Literal["person", "organisation", "country", "anonymous", "group", "unknown"]
MentionHow = Literal["name", "pronoun", "title", "description", "continuation"]


@attrs.frozen(weakref_slot=False)
class Span:
    """
    Half-open range of character offsets into the text exactly as passed in.

    >>> text = "BEIJING, Dec. 31 (Xinhua) -- ..."
    >>> span = Span(0, 7)
    >>> text[span.start:span.end]
    'BEIJING'
    >>> len(span)
    7

    .. versionadded:: 0.1
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        """
        Reject a span that runs backwards or starts before the text.
        """
        if not 0 <= self.start <= self.end:
            msg = f"bad span {self.start}..{self.end}"
            raise ValueError(msg)

    def __len__(self) -> int:
        """
        Return the number of characters the span covers.
        """
        return self.end - self.start

    def slice(self, text: str) -> str:
        """
        Return the part of ``text`` the span covers.

        >>> Span(4, 9).slice("The quick fox")
        'quick'
        """
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """
        Tell whether the two spans share at least one character.

        >>> Span(0, 5).overlaps(Span(4, 6)), Span(0, 5).overlaps(Span(5, 6))
        (True, False)
        """
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict[str, int]:
        """
        Return ``{"start": ..., "end": ...}``.

        >>> Span(1, 3).to_dict()
        {'start': 1, 'end': 3}
        """
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """
        Rebuild a span from :meth:`to_dict` output.

        Raises:
            ValueError: when an offset is not an int (``"1"``, ``1.9`` and
                ``True`` are not), or the span runs backwards.

        >>> Span.from_dict({"start": 1, "end": 3})
        Span(start=1, end=3)
        """
        return _span_from(data)


# Builds a Span without __init__: no validation, no attrs setattr wrapper. For
# hot paths whose offsets are valid by construction, and for unpickling.
_new = object.__new__
_set_start = Span.__dict__["start"].__set__
_set_end = Span.__dict__["end"].__set__


def _span(start: int, end: int) -> Span:
    """
    Build a :class:`Span` without checking it: the caller guarantees ``0 <= start <= end``.

    The result is equal to, hashes like and pickles like ``Span(start, end)``;
    it is only quicker to make (no validation, no attrs ``__init__``).

    >>> _span(2, 5) == Span(2, 5), hash(_span(2, 5)) == hash(Span(2, 5))
    (True, True)
    """
    span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


def _span_from(data: Mapping[str, Any]) -> Span:
    # Exact ints only: int() would turn "1", 1.9 and True into offsets.
    start, end = data["start"], data["end"]
    if type(start) is not int or type(end) is not int:
        msg = f"span offsets must be integers, not {start!r}..{end!r}"
        raise ValueError(msg)
    return Span(start, end)


def _opt_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _opt_datetime(value: str | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromisoformat(value)


@attrs.frozen
class Headline:
    """
    The dispatch's headline (NITF ``hl1``, ninjs ``headlines[main]``).

    >>> Headline(text="Xi, Putin exchange greetings", span=Span(0, 28)).text
    'Xi, Putin exchange greetings'

    .. versionadded:: 0.1
    """

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """
        Return ``{"text", "start", "end"}``.
        """
        return {"text": self.text, **self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Headline:
        """
        Rebuild a headline from :meth:`to_dict` output.
        """
        return cls(text=data["text"], span=_span_from(data))


@attrs.frozen(kw_only=True)
class SourceLine:
    """
    A publication or source line such as ``(Xinhua) 18:00, December 31, 2021``.

    ``kind`` is ``"source"`` (an agency credit with a timestamp), ``"published"``,
    ``"updated"`` or ``"header"`` (a corpus header such as ``date 2021-12-31``).
    ``timestamp`` is the moment the line states, when it can be read.

    >>> line = SourceLine(text="Updated: 2021-12-31", span=Span(0, 19), kind="updated",
    ...                   timestamp=None, agency=None)
    >>> line.kind
    'updated'

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    kind: str
    timestamp: dt.datetime | None
    agency: str | None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the line as JSON-safe data.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "kind": self.kind,
            "timestamp": None if self.timestamp is None else self.timestamp.isoformat(),
            "agency": self.agency,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceLine:
        """
        Rebuild a source line from :meth:`to_dict` output.
        """
        return cls(
            text=data["text"],
            span=_span_from(data),
            kind=data["kind"],
            timestamp=_opt_datetime(data.get("timestamp")),
            agency=data.get("agency"),
        )


@attrs.frozen(kw_only=True)
class Dateline:
    """
    The dateline that opens the story: place, date and crediting agency.

    ``span`` runs from the first character of the place (or of the date, or of
    ``(Undated)``) through the separator. ``place`` and ``region`` are as
    written; ``agency`` is canonical (``Reuter`` becomes ``Reuters``) and
    ``agency_text`` is its surface form. ``month`` and ``day`` are exposed even
    when ``date`` is None because no year could be inferred.

    >>> import newswire
    >>> d = newswire.parse("PARIS, Jan 5 (AFP) - Prices rose.", reference_date="2024-01-06")
    >>> d.dateline.place, d.dateline.date, d.dateline.agency
    ('PARIS', datetime.date(2024, 1, 5), 'AFP')

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    place: str | None = None
    place_span: Span | None = None
    region: str | None = None
    date: dt.date | None = None
    date_span: Span | None = None
    month: int | None = None
    day: int | None = None
    agency: str | None = None
    agency_text: str | None = None
    agency_span: Span | None = None
    separator: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the dateline as JSON-safe data.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "place": self.place,
            "place_span": None if self.place_span is None else self.place_span.to_dict(),
            "region": self.region,
            "date": None if self.date is None else self.date.isoformat(),
            "date_span": None if self.date_span is None else self.date_span.to_dict(),
            "month": self.month,
            "day": self.day,
            "agency": self.agency,
            "agency_text": self.agency_text,
            "agency_span": None if self.agency_span is None else self.agency_span.to_dict(),
            "separator": self.separator,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        """
        Rebuild a dateline from :meth:`to_dict` output.
        """

        def opt_span(key: str) -> Span | None:
            value = data.get(key)
            return None if value is None else _span_from(value)

        return cls(
            text=data["text"],
            span=_span_from(data),
            place=data.get("place"),
            place_span=opt_span("place_span"),
            region=data.get("region"),
            date=_opt_date(data.get("date")),
            date_span=opt_span("date_span"),
            month=data.get("month"),
            day=data.get("day"),
            agency=data.get("agency"),
            agency_text=data.get("agency_text"),
            agency_span=opt_span("agency_span"),
            separator=data.get("separator"),
        )


@attrs.frozen(kw_only=True)
class Author:
    """
    One person credited in a byline or trailer.

    ``name`` is as written (``ABBY GOODNOUGH``); ``display`` is a readable form
    (``Abby Goodnough``); ``title`` is a role written beside the name
    (``Associated Press Writer``); ``place`` is where the author filed from,
    as written (``Ottawa`` in ``By Ana Lee in Ottawa``).

    >>> Author(name="CHEGE MBITIRU", display="Chege Mbitiru", span=Span(3, 16)).display
    'Chege Mbitiru'

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       ``place``.
    """

    name: str
    display: str
    span: Span
    title: str | None = None
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the author as JSON-safe data.
        """
        return {
            "name": self.name,
            "display": self.display,
            **self.span.to_dict(),
            "title": self.title,
            "place": self.place,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Author:
        """
        Rebuild an author from :meth:`to_dict` output.
        """
        return cls(
            name=data["name"],
            display=data["display"],
            span=_span_from(data),
            title=data.get("title"),
            place=data.get("place"),
        )


@attrs.frozen(kw_only=True)
class Byline:
    """
    The byline: who wrote the story, for which agency.

    >>> import newswire
    >>> d = newswire.parse("Storm hits coast\\n\\nBy JANE DOE\\n\\nMIAMI (AP) -- Winds rose.")
    >>> [a.display for a in d.byline.authors]
    ['Jane Doe']

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    authors: tuple[Author, ...] = ()
    agency: str | None = None
    agency_text: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the byline as JSON-safe data.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "authors": [a.to_dict() for a in self.authors],
            "agency": self.agency,
            "agency_text": self.agency_text,
            "title": self.title,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Byline:
        """
        Rebuild a byline from :meth:`to_dict` output.
        """
        return cls(
            text=data["text"],
            span=_span_from(data),
            authors=tuple(Author.from_dict(a) for a in data.get("authors", ())),
            agency=data.get("agency"),
            agency_text=data.get("agency_text"),
            title=data.get("title"),
        )


@attrs.frozen(kw_only=True)
class Credit:
    """
    One credit in a trailer: ``Reporting by X in Y`` has role ``reporting``.

    Roles: ``reporting``, ``additional_reporting``, ``writing``, ``editing``,
    ``compiled``, ``contributed``.

    >>> Credit(role="editing", text="Editing by Ann Lee", span=Span(0, 18), authors=()).role
    'editing'

    .. versionadded:: 0.1
    """

    role: str
    text: str
    span: Span
    authors: tuple[Author, ...] = ()
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the credit as JSON-safe data.
        """
        return {
            "role": self.role,
            "text": self.text,
            **self.span.to_dict(),
            "authors": [a.to_dict() for a in self.authors],
            "place": self.place,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Credit:
        """
        Rebuild a credit from :meth:`to_dict` output.
        """
        return cls(
            role=data["role"],
            text=data["text"],
            span=_span_from(data),
            authors=tuple(Author.from_dict(a) for a in data.get("authors", ())),
            place=data.get("place"),
        )


@attrs.frozen(kw_only=True)
class Trailer:
    """
    What follows the story proper: credits and an end marker.

    ``end_marker`` is the span of a sign-off such as ``Enditem`` or ``Reuter``.

    >>> Trailer(text="Enditem", span=Span(0, 7), end_marker=Span(0, 7)).credits
    ()

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    credits: tuple[Credit, ...] = ()
    end_marker: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the trailer as JSON-safe data.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "credits": [c.to_dict() for c in self.credits],
            "end_marker": None if self.end_marker is None else self.end_marker.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Trailer:
        """
        Rebuild a trailer from :meth:`to_dict` output.
        """
        marker = data.get("end_marker")
        return cls(
            text=data["text"],
            span=_span_from(data),
            credits=tuple(Credit.from_dict(c) for c in data.get("credits", ())),
            end_marker=None if marker is None else _span_from(marker),
        )


@attrs.frozen(weakref_slot=False)
class Paragraph:
    """
    One body paragraph. ``index`` counts body paragraphs from 0.

    >>> Paragraph(text="Prices rose.", span=Span(10, 22), index=0).index
    0

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    index: int

    def to_dict(self) -> dict[str, Any]:
        """
        Return ``{"text", "start", "end", "index"}``.
        """
        return {"text": self.text, **self.span.to_dict(), "index": self.index}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Paragraph:
        """
        Rebuild a paragraph from :meth:`to_dict` output.
        """
        return cls(text=data["text"], span=_span_from(data), index=data["index"])


def _same_text(quote: Quote) -> str:
    return quote.text


@attrs.frozen(kw_only=True, weakref_slot=False)
class Quote:
    """
    What was said: the content of a statement, possibly in several fragments.

    ``span`` runs from the first fragment's start to the last fragment's end;
    ``text`` is that stretch of the dispatch. ``fragments`` are the pieces that
    belong to the content (``The two countries, he added, have ...`` has two,
    and so has a quotation that runs on over paragraphs). ``joined`` is what
    was said, read without the interruptions: the fragments joined by a
    space, without the comma that ends ``"We will win," he said`` (it
    defaults to ``text``).

    >>> q = Quote(text="We will win,", span=Span(1, 13), fragments=(Span(1, 13),),
    ...           joined="We will win")
    >>> len(q.fragments), q.joined
    (1, 'We will win')

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    fragments: tuple[Span, ...]
    joined: str = attrs.field(default=attrs.Factory(_same_text, takes_self=True))

    def to_dict(self) -> dict[str, Any]:
        """
        Return ``{"text", "start", "end", "fragments", "joined"}``.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "fragments": [f.to_dict() for f in self.fragments],
            "joined": self.joined,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """
        Rebuild a quote from :meth:`to_dict` output.
        """
        return cls(
            text=data["text"],
            span=_span_from(data),
            fragments=tuple(_span_from(f) for f in data.get("fragments", ())),
            joined=data.get("joined", data["text"]),
        )


@attrs.frozen(weakref_slot=False)
class Cue:
    """
    The words that signal a statement (``said``, ``called for``, ``according to``).

    ``lemma`` is the dictionary form of the cue's verb (``say``).

    >>> Cue(text="adding", span=Span(0, 6), lemma="add").lemma
    'add'

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    lemma: str

    def to_dict(self) -> dict[str, Any]:
        """
        Return ``{"text", "start", "end", "lemma"}``.
        """
        return {"text": self.text, **self.span.to_dict(), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cue:
        """
        Rebuild a cue from :meth:`to_dict` output.
        """
        return cls(text=data["text"], span=_span_from(data), lemma=data.get("lemma", ""))


@attrs.frozen(kw_only=True, weakref_slot=False)
class Speaker:
    """
    The mention of a statement's source, and who it resolves to.

    ``text``/``span`` are the mention as written (``he``, ``The Chinese
    president``); ``name`` is the canonical name of the entity it resolves to
    (``Xi Jinping``) or None when it cannot be resolved (never a pronoun).
    ``entity`` indexes :attr:`Dispatch.entities`; ``how`` says what kind of
    mention it is.

    >>> Speaker(text="he", span=Span(0, 2), name="Xi Jinping", kind="person",
    ...         how="pronoun", entity=0).name
    'Xi Jinping'

    .. versionadded:: 0.1
    """

    text: str
    span: Span
    name: str | None
    kind: SpeakerKind = "unknown"
    how: MentionHow = "name"
    entity: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the mention as JSON-safe data.
        """
        return {
            "text": self.text,
            **self.span.to_dict(),
            "name": self.name,
            "kind": self.kind,
            "how": self.how,
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """
        Rebuild a speaker mention from :meth:`to_dict` output.
        """
        return cls(
            text=data["text"],
            span=_span_from(data),
            name=data.get("name"),
            kind=data.get("kind", "unknown"),
            how=data.get("how", "name"),
            entity=data.get("entity"),
        )


@attrs.frozen(kw_only=True, weakref_slot=False)
class Statement:
    """
    One attributed statement: who (``speaker``) said what (``content``), signalled by ``cue``.

    ``kind`` is ``direct`` (in quotation marks), ``indirect`` (reported
    speech), ``mixed`` (reported speech with a quoted part) or
    ``according_to``. ``paragraphs`` are the indices of the paragraphs the
    content lies in; ``rule`` names the recogniser that found it.

    >>> import newswire
    >>> s = newswire.parse('"We will win," Smith said.').statements[0]
    >>> s.kind, s.content.text, s.cue.text, s.speaker.name
    ('direct', 'We will win,', 'said', 'Smith')

    .. versionadded:: 0.1
    """

    kind: StatementKind
    content: Quote
    cue: Cue | None
    speaker: Speaker | None
    paragraphs: tuple[int, ...] = ()
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """
        Return the statement as JSON-safe data.
        """
        return {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "paragraphs": list(self.paragraphs),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statement:
        """
        Rebuild a statement from :meth:`to_dict` output.
        """
        cue = data.get("cue")
        speaker = data.get("speaker")
        return cls(
            kind=data["kind"],
            content=Quote.from_dict(data["content"]),
            cue=None if cue is None else Cue.from_dict(cue),
            speaker=None if speaker is None else Speaker.from_dict(speaker),
            paragraphs=tuple(data.get("paragraphs", ())),
            rule=data.get("rule", ""),
        )


@attrs.frozen(kw_only=True)
class Entity:
    """
    A source the dispatch quotes, with every mention that refers to it.

    >>> Entity(name="Xi Jinping", kind="person", title="Chinese President",
    ...        mentions=(Span(0, 2),)).title
    'Chinese President'

    .. versionadded:: 0.1
    """

    name: str | None
    kind: SpeakerKind
    title: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """
        Return the entity as JSON-safe data.
        """
        return {
            "name": self.name,
            "kind": self.kind,
            "title": self.title,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        """
        Rebuild an entity from :meth:`to_dict` output.
        """
        return cls(
            name=data.get("name"),
            kind=data.get("kind", "unknown"),
            title=data.get("title"),
            mentions=tuple(_span_from(m) for m in data.get("mentions", ())),
        )


@attrs.frozen
class Diagnostic:
    """
    A recoverable oddity met while parsing: the dispatch was still parsed.

    ``code`` is a stable, dotted identifier (``date.no_reference``); ``span`` is
    where in the text it was met, or None when it concerns the whole text.

    >>> import newswire
    >>> [d.code for d in newswire.parse("PARIS, Jan 5 (AFP) - Prices rose.").diagnostics]
    ['date.no_reference']

    .. versionadded:: 0.1
    """

    code: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """
        Return ``{"code", "message", "start", "end"}`` (offsets None when unplaced).
        """
        return {
            "code": self.code,
            "message": self.message,
            "start": None if self.span is None else self.span.start,
            "end": None if self.span is None else self.span.end,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnostic:
        """
        Rebuild a diagnostic from :meth:`to_dict` output.
        """
        start, end = data.get("start"), data.get("end")
        span = None if start is None or end is None else _span_from(data)
        return cls(code=data["code"], message=data["message"], span=span)


def _opt(record: Any) -> Any:
    return None if record is None else record.to_dict()


@attrs.frozen(kw_only=True)
class Dispatch:
    """
    A parsed dispatch: the text as passed in and every record found in it.

    >>> import newswire
    >>> d = newswire.parse("Quake hits\\n\\nTOKYO (Kyodo) -- The ground shook.")
    >>> d.headline.text, d.dateline.place, len(d.paragraphs)
    ('Quake hits', 'TOKYO', 1)

    .. versionadded:: 0.1
    """

    text: str
    source_id: str | None = None
    reference_date: dt.date | None = None
    headline: Headline | None = None
    source_lines: tuple[SourceLine, ...] = ()
    byline: Byline | None = None
    dateline: Dateline | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    statements: tuple[Statement, ...] = ()
    entities: tuple[Entity, ...] = ()
    trailer: Trailer | None = None
    diagnostics: tuple[Diagnostic, ...] = ()

    def __repr__(self) -> str:
        """
        Summarise the dispatch instead of echoing its whole text.
        """
        head = None if self.headline is None else self.headline.text
        place = None if self.dateline is None else self.dateline.place
        return (
            f"Dispatch(source_id={self.source_id!r}, headline={head!r}, dateline={place!r}, "
            f"paragraphs={len(self.paragraphs)}, statements={len(self.statements)}, "
            f"diagnostics={len(self.diagnostics)})"
        )

    def statements_by(self, name: str) -> tuple[Statement, ...]:
        """
        Return every statement whose speaker resolves to ``name``.

        ``name`` is the full name or the surname alone (its last word,
        ``Jr.`` and the like aside), in any case.

        >>> import newswire
        >>> d = newswire.parse('Mayor Ann Lee said taxes will fall. "Soon," she added.')
        >>> [s.cue.text for s in d.statements_by("Ann Lee")]
        ['said', 'added']
        >>> [s.cue.text for s in d.statements_by("lee")]
        ['said', 'added']
        """
        wanted = name.casefold().split()
        return tuple(
            s
            for s in self.statements
            if s.speaker is not None
            and s.speaker.name is not None
            and _names_match(s.speaker.name.casefold().split(), wanted)
        )

    def _repr_html_(self) -> str:
        """
        Render the text with its recognised parts highlighted (used by Jupyter).

        Statement content, cues and speakers have distinct colours; hovering
        shows what each part is and whom a speaker mention resolves to.
        """
        from newswire._render import render_html

        return render_html(self)

    def to_records(self) -> list[dict[str, Any]]:
        """
        Return one flat dict per statement, ready for ``pandas.DataFrame``.

        Keys: ``speaker``, ``speaker_mention``, ``cue``, ``kind``, ``content``,
        ``paragraph``, ``start``, ``end``.

        >>> import newswire
        >>> newswire.parse("TOKYO (Kyodo) -- The ground shook.").to_records()
        []

        .. versionadded:: 0.1
        """
        from newswire._render import to_records

        return to_records(self)

    def iter_spans(self) -> Iterator[tuple[str, Span, str | None]]:
        """
        Yield ``(role, span, expected_text)`` for every span in the dispatch.

        ``expected_text`` is the text the record claims the span covers, or
        None where the record keeps no text of its own (fragments, mentions).
        Used by tests and by :meth:`_repr_html_`.
        """
        if self.headline is not None:
            yield "headline", self.headline.span, self.headline.text
        for line in self.source_lines:
            yield "source_line", line.span, line.text
        if self.byline is not None:
            yield "byline", self.byline.span, self.byline.text
            for author in self.byline.authors:
                yield "author", author.span, author.name
        if self.dateline is not None:
            yield "dateline", self.dateline.span, self.dateline.text
            for role in ("place_span", "date_span", "agency_span"):
                span = getattr(self.dateline, role)
                if span is not None:
                    yield role, span, None
        for paragraph in self.paragraphs:
            yield "paragraph", paragraph.span, paragraph.text
        for statement in self.statements:
            yield "content", statement.content.span, statement.content.text
            for fragment in statement.content.fragments:
                yield "fragment", fragment, None
            if statement.cue is not None:
                yield "cue", statement.cue.span, statement.cue.text
            if statement.speaker is not None:
                yield "speaker", statement.speaker.span, statement.speaker.text
        for entity in self.entities:
            for mention in entity.mentions:
                yield "mention", mention, None
        if self.trailer is not None:
            yield "trailer", self.trailer.span, self.trailer.text
            for credit in self.trailer.credits:
                yield "credit", credit.span, credit.text
        for diagnostic in self.diagnostics:
            if diagnostic.span is not None:
                yield "diagnostic", diagnostic.span, None

    def to_dict(self) -> dict[str, Any]:
        """
        Return the dispatch as JSON-safe data (the public contract).

        >>> import json, newswire
        >>> d = newswire.parse("TOKYO (Kyodo) -- The ground shook.")
        >>> sorted(d.to_dict())[:4]
        ['byline', 'dateline', 'diagnostics', 'entities']
        >>> newswire.Dispatch.from_dict(json.loads(json.dumps(d.to_dict()))) == d
        True
        """
        return {
            "source_id": self.source_id,
            "reference_date": None
            if self.reference_date is None
            else self.reference_date.isoformat(),
            "text": self.text,
            "headline": _opt(self.headline),
            "source_lines": [s.to_dict() for s in self.source_lines],
            "byline": _opt(self.byline),
            "dateline": _opt(self.dateline),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "statements": [s.to_dict() for s in self.statements],
            "entities": [e.to_dict() for e in self.entities],
            "trailer": _opt(self.trailer),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dispatch:
        """
        Rebuild a dispatch from :meth:`to_dict` output, checking it first.

        Every value must have its exact JSON type, every span must lie within
        the text and every stored text must equal the slice it claims; kinds
        must be known and indices must point at a paragraph or entity.

        Raises:
            DispatchError: naming the first invalid field by its path (a
                :class:`ValueError` too).

        >>> Dispatch.from_dict({"text": "Hi", "paragraphs": [
        ...     {"text": "Hi", "start": 0, "end": "2", "index": 0}]})
        Traceback (most recent call last):
          ...
        newswire.errors.DispatchError: <string>: paragraphs[0].end: must be an integer, not a string

        .. versionchanged:: 0.2
           Validates its input.
        """
        # Imported here: _validate raises errors.DispatchError, and errors imports
        # this module's Span at run time (for typing.get_type_hints).
        from newswire._validate import check_dispatch

        check_dispatch(data)

        def opt(key: str, build: Any) -> Any:
            value = data.get(key)
            return None if value is None else build(value)

        return cls(
            text=data["text"],
            source_id=data.get("source_id"),
            reference_date=_opt_date(data.get("reference_date")),
            headline=opt("headline", Headline.from_dict),
            source_lines=tuple(SourceLine.from_dict(s) for s in data.get("source_lines", ())),
            byline=opt("byline", Byline.from_dict),
            dateline=opt("dateline", Dateline.from_dict),
            paragraphs=tuple(Paragraph.from_dict(p) for p in data.get("paragraphs", ())),
            statements=tuple(Statement.from_dict(s) for s in data.get("statements", ())),
            entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
            trailer=opt("trailer", Trailer.from_dict),
            diagnostics=tuple(Diagnostic.from_dict(d) for d in data.get("diagnostics", ())),
        )

    def to_json(self, *, indent: int | None = None) -> str:
        """
        Return :meth:`to_dict` as a JSON string (UTF-8 text, not ASCII-escaped).

        >>> import newswire
        >>> d = newswire.parse("TOKYO (Kyodo) -- The ground shook.")
        >>> d.to_json()[:44]
        '{"source_id": null, "reference_date": null, '
        >>> newswire.Dispatch.from_json(d.to_json()) == d
        True

        .. versionadded:: 0.1
        """
        if indent is not None or len(self.text) < _PIECES_FROM:
            return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
        # A huge dispatch: never its whole dict in memory (see iter_json).
        return "".join(_json_pieces(self))

    def iter_json(self) -> Iterator[str]:
        """
        Yield :meth:`to_json` in pieces, one per record (a long text in several).

        Joined, the pieces are ``to_json()``. Written to a file as they come,
        they let a huge dispatch be saved without its whole dict, or its whole
        JSON, in memory at once.

        >>> import io, newswire
        >>> d = newswire.parse('"Prices fell," he said.')
        >>> out = io.StringIO()
        >>> out.writelines(d.iter_json())
        >>> out.getvalue() == d.to_json()
        True

        .. versionadded:: 0.2
        """
        return _json_pieces(self)

    @classmethod
    def from_json(cls, data: str | bytes) -> Dispatch:
        """
        Rebuild a dispatch from :meth:`to_json` output (or one line of ``newswire parse``).

        Raises:
            ValueError: when ``data`` is not JSON (:class:`json.JSONDecodeError`).
            KeyError: when a required key is missing.

        .. versionadded:: 0.1
        """
        return cls.from_dict(json.loads(data))


# -- JSON in pieces ------------------------------------------------------------
# One encoder for every call: json.dumps with options builds a new one each time.
_dumps = json.JSONEncoder(ensure_ascii=False).encode
# Characters of a dispatch's text made into JSON at once.
_STRING_PIECE = 1 << 20
# A dispatch with more text than this is made into JSON a record at a time:
# neither its whole dict nor its whole line is ever in memory. A smaller one
# is quicker made from its dict.
_PIECES_FROM = 1 << 20


# The fields of a Dispatch after its text, in the order of to_dict().
_RECORD_FIELDS = (
    "headline",
    "source_lines",
    "byline",
    "dateline",
    "paragraphs",
    "statements",
    "entities",
    "trailer",
    "diagnostics",
)


def _json_pieces(dispatch: Dispatch, fields: Mapping[str, Any] | None = None) -> Iterator[str]:
    # The JSON of to_dict() (with "fields" last, when given), not ASCII-
    # escaped, made a record at a time in the key order of to_dict().
    reference = dispatch.reference_date
    yield '{"source_id": '
    yield _dumps(dispatch.source_id)
    yield ', "reference_date": '
    yield "null" if reference is None else _dumps(reference.isoformat())
    yield ', "text": '
    yield from _json_string(dispatch.text)
    for name in _RECORD_FIELDS:
        yield f', "{name}": '
        value = getattr(dispatch, name)
        if isinstance(value, tuple):
            yield from _json_array(value)
        else:
            yield _json_optional(value)
    if fields:
        yield ', "fields": '
        yield _dumps(fields)
    yield "}"


def _json_array(records: tuple[Any, ...]) -> Iterator[str]:
    # A JSON array of records, one piece per record.
    separator = "["
    for record in records:
        yield separator
        yield _dumps(record.to_dict())
        separator = ", "
    yield "]" if separator == ", " else "[]"


def _json_optional(record: Any) -> str:
    return "null" if record is None else _dumps(record.to_dict())


def _json_string(text: str) -> Iterator[str]:
    # A long string as JSON in pieces of _STRING_PIECE characters: JSON
    # escapes one character at a time, so a piece may end anywhere.
    if len(text) <= _STRING_PIECE:
        yield _dumps(text)
        return
    yield '"'
    for start in range(0, len(text), _STRING_PIECE):
        yield _dumps(text[start : start + _STRING_PIECE])[1:-1]
    yield '"'


# -- text sliced on demand -----------------------------------------------------
# A paragraph's text and a statement's content are stretches of the dispatch,
# which together cover most of it: held as copies they doubled a parse's
# memory. A parse therefore makes them sliced: the ``text`` slot (and a
# quote's ``joined`` slot) holds the parse's _Source, one object shared by
# every record of the dispatch, and the property that takes the field's place
# reads ``source.text[span.start:span.end]`` (a quote's joined form is made
# from its fragments the same way). A quote of one fragment, its own span,
# holds the source in its ``fragments`` slot too, and the property makes the
# one-span tuple when read. A record made with a str (by a caller,
# from_dict, unpickling a lone record) keeps it. Comparison,
# hashing, repr, attrs.evolve/asdict, to_dict and pickling all read the
# property, so a sliced record is equal to, and pickles as, one made with its
# text; a sliced record keeps its dispatch's text alive.


def _joined(pieces: list[str]) -> str:
    """
    Return the content's fragments read as one text, without what interrupts them.

    A comma that ends a fragment before its attribution goes; a fragment
    that a new sentence follows ends with a full stop.

    >>> _joined(["We will win,", "It will not be easy."])
    'We will win. It will not be easy.'
    >>> _joined(["The plan,", "is dead."]), _joined(["Fares will rise,"])
    ('The plan is dead.', 'Fares will rise')
    """
    out: list[str] = []
    last = len(pieces) - 1
    for index, raw in enumerate(pieces):
        piece = " ".join(raw.split()).removesuffix(",")
        if (
            index < last
            and pieces[index + 1].lstrip()[:1].isupper()
            and not piece.endswith((".", "!", "?", "…", ":", ";"))
        ):
            piece += "."
        out.append(piece)
    return " ".join(out)


class _Source:
    # The text of one parse, for the records that slice it.
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __reduce__(self) -> tuple[type[_Source], tuple[str]]:
        return _Source, (self.text,)


def _sliced_text(self: Paragraph | Quote, source: str) -> str:
    span = self.span
    return source[span.start : span.end]


def _sliced_joined(self: Quote, source: str) -> str:
    return _joined([source[f.start : f.end] for f in self.fragments])


def _sliced_fragments(self: Quote, source: str) -> tuple[Span, ...]:
    # A content of one fragment, its whole span: most statements' contents.
    del source
    return (self.span,)


def _sliced_property(cls: type, name: str, make: Callable[[Any, str], Any]) -> property:
    # The slot's own descriptor stays reachable through the property's closure.
    slot = cls.__dict__[name]
    get = slot.__get__

    def read(self: Any) -> Any:
        value = get(self, cls)
        if value.__class__ is _Source:
            return make(self, value.text)
        return value

    return property(read, slot.__set__, doc=slot.__doc__)


# Per class with sliced text, the slots' own descriptors (under the
# properties), which _sliced_paragraph/_sliced_quote and pickling use.
_SLOTS: dict[type, dict[str, Any]] = {}
# Per class with sliced text: a reduction that keeps the slots as they are, so
# a sliced record pickles as its source (once per pickle, as the dispatch's
# text is the same object) and its spans. parse_many's workers send their
# results so (see _batch._run_chunk_pickled); a record pickled alone still
# carries its own text.
SHARED_SOURCE_REDUCERS: dict[type, Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]] = {}


def _install_sliced_text() -> None:
    sliced: dict[type, dict[str, Callable[[Any, str], Any]]] = {
        Paragraph: {"text": _sliced_text},
        Quote: {"text": _sliced_text, "joined": _sliced_joined, "fragments": _sliced_fragments},
    }
    for cls, makers in sliced.items():
        _SLOTS[cls] = {field.name: cls.__dict__[field.name] for field in attrs.fields(cls)}
        for name, make in makers.items():
            setattr(cls, name, _sliced_property(cls, name, make))


_install_sliced_text()
_PARAGRAPH_SLOTS = tuple(_SLOTS[Paragraph][name].__set__ for name in ("text", "span", "index"))
_QUOTE_SLOTS = tuple(
    _SLOTS[Quote][name].__set__ for name in ("text", "span", "fragments", "joined")
)


def _sliced_paragraph(source: _Source, span: Span, index: int) -> Paragraph:
    """
    Build a :class:`Paragraph` whose text is ``source.text[span.start:span.end]``, sliced on demand.

    >>> source = _Source("Quake hits. The ground shook.")
    >>> p = _sliced_paragraph(source, Span(12, 29), 0)
    >>> p.text, p == Paragraph("The ground shook.", Span(12, 29), 0)
    ('The ground shook.', True)
    """
    record = _new(Paragraph)
    set_text, set_span, set_index = _PARAGRAPH_SLOTS
    set_text(record, source)
    set_span(record, span)
    set_index(record, index)
    return record


def _sliced_quote(source: _Source, span: Span, fragments: tuple[Span, ...]) -> Quote:
    """
    Build a :class:`Quote` whose text and joined form are made from ``source`` on demand.

    A content of one fragment, ``span`` itself, keeps no tuple of it: a huge
    dispatch has a million of them.

    >>> span = Span(1, 13)
    >>> q = _sliced_quote(_Source('"We will win," he said.'), span, (span,))
    >>> q.text, q.joined, q.fragments, q.fragments[0] is q.span
    ('We will win,', 'We will win', (Span(start=1, end=13),), True)
    """
    record = _new(Quote)
    set_text, set_span, set_fragments, set_joined = _QUOTE_SLOTS
    set_text(record, source)
    set_span(record, span)
    set_fragments(record, source if len(fragments) == 1 and fragments[0] is span else fragments)
    set_joined(record, source)
    return record


# -- pickling ------------------------------------------------------------------
# Records cross process boundaries by the thousand (parse_many with workers,
# Dask, Spark), ~50 per dispatch. attrs' own pickling of slotted classes ships a
# {name: value} dict per record and rebuilds it in a Python loop of setattr
# calls, which made unpickling cost a quarter of parsing. Instead each record
# class has a restoring function of its own, made here (_restore_Paragraph,
# ...): it takes the field values in order, a span field as its two offsets,
# sets the slots directly and skips validation (the values come from a valid
# record); a record reduces to that function and its values, a lone Span to
# (_span, (start, end)). Pickles move records between processes running the
# same newswire; to_dict() is the stable form for storage.

# Every public record but Span, which has its own reduction: read from
# __all__, so a new record is covered without a second list to keep.
_RECORDS: tuple[type, ...] = tuple(globals()[name] for name in __all__ if name != "Span")
# Per record class: the slot setters, in field order.
_SETTERS: dict[type, tuple[Callable[[object, object], None], ...]] = {}


def _reduce_span(self: Span) -> tuple[Callable[[int, int], Span], tuple[int, int]]:
    return _span, (self.start, self.end)


_Reduce = Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]


def _make_pickling(cls: type) -> tuple[Callable[..., Any], _Reduce, _Reduce]:
    # Generated code, as attrs makes its methods: a loop over the fields costs
    # more than the work itself. Returns the restoring function, the
    # reduction, and one that reads the slots under the sliced-text
    # properties (for SHARED_SOURCE_REDUCERS).
    fields = attrs.fields(cls)
    slots = _SLOTS.get(cls, {})
    namespace: dict[str, Any] = {
        "_new": _new,
        "cls": cls,
        "Span": Span,
        "_set_start": _set_start,
        "_set_end": _set_end,
    }
    params: list[str] = []
    sets: list[str] = []
    values: list[str] = []
    raw_values: list[str] = []
    for index, field in enumerate(fields):
        namespace[f"set{index}"] = _SETTERS[cls][index]
        if field.type == "Span":
            params += [f"s{index}", f"e{index}"]
            sets += [
                "    span = _new(Span)",
                f"    _set_start(span, s{index})",
                f"    _set_end(span, e{index})",
                f"    set{index}(record, span)",
            ]
            read = [f"self.{field.name}.start", f"self.{field.name}.end"]
            values += read
            raw_values += read
            continue
        params.append(f"v{index}")
        sets.append(f"    set{index}(record, v{index})")
        values.append(f"self.{field.name}")
        if field.name in slots:
            namespace[f"get{index}"] = slots[field.name].__get__
            raw_values.append(f"get{index}(self, cls)")
        else:
            raw_values.append(f"self.{field.name}")
    name = f"_restore_{cls.__name__}"
    source = "\n".join(
        [
            f"def {name}({', '.join(params)}):",
            "    record = _new(cls)",
            *sets,
            "    return record",
            "def reduce(self):",
            f"    return {name}, ({', '.join(values)},)",
            "def reduce_raw(self):",
            f"    return {name}, ({', '.join(raw_values)},)",
            "",
        ]
    )
    exec(source, namespace)  # noqa: S102 - our own code, made from the field list
    restore = namespace[name]
    restore.__module__ = __name__
    return restore, namespace["reduce"], namespace["reduce_raw"]


def _install_pickling() -> None:
    # object.__reduce_ex__ defers to a class's own __reduce__, for every
    # protocol, and so do copy.copy and copy.deepcopy.
    Span.__reduce__ = _reduce_span  # type: ignore[method-assign,assignment]
    for cls in _RECORDS:
        slots = _SLOTS.get(cls, {})
        _SETTERS[cls] = tuple(
            slots.get(field.name, cls.__dict__[field.name]).__set__ for field in attrs.fields(cls)
        )
        restore, reduce, reduce_raw = _make_pickling(cls)
        # Pickle finds the function by its module and name.
        globals()[restore.__name__] = restore
        cls.__reduce__ = reduce  # type: ignore[method-assign,assignment]
        if cls in _SLOTS:
            SHARED_SOURCE_REDUCERS[cls] = reduce_raw


_install_pickling()


_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _names_match(words: list[str], wanted: list[str]) -> bool:
    # The full name, or its surname alone ("DeWine" for "Mike DeWine").
    if words == wanted or not words or len(wanted) != 1:
        return words == wanted
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] == wanted[0]
