# Checks the JSON form of a dispatch before Dispatch.from_dict builds it. The
# JSON may come from anywhere (a file, a queue, another program), so nothing in
# it is trusted: every value has its exact JSON type (an int is an int, never
# "1", 1.9 or True), every span lies within the text, every stored text equals
# the slice its span covers, every kind is a known one and every index points
# at something that exists. The first problem found raises a DispatchError
# whose message starts with the field's path (``statements[3].content.end``).
# Keys that may be absent keep their defaults, as in the records; a present key
# must have a valid value. One pass over the data, each check O(1) apart from
# the text comparisons, which are as long as the texts compared.
"""
Validation of :meth:`newswire.Dispatch.from_dict` input.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from newswire.errors import DispatchError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["check_dispatch"]

# The values of _model's StatementKind, SpeakerKind and MentionHow (a test
# checks that they agree).
_STATEMENT_KINDS = frozenset(("direct", "indirect", "mixed", "according_to"))
_SPEAKER_KINDS = frozenset(("person", "organisation", "country", "anonymous", "group", "unknown"))
_HOWS = frozenset(("name", "pronoun", "title", "description", "continuation"))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Checker:
    """
    One dispatch's checks; ``text`` is the dispatch text every span refers to.
    """

    __slots__ = ("n_entities", "n_paragraphs", "text")

    def __init__(self, text: str, n_paragraphs: int, n_entities: int) -> None:
        self.text = text
        self.n_paragraphs = n_paragraphs
        self.n_entities = n_entities

    @staticmethod
    def fail(path: str, message: str) -> DispatchError:
        return DispatchError(f"{path}: {message}")

    def wrong(self, path: str, value: object, wanted: str) -> DispatchError:
        return self.fail(path, f"must be {wanted}, not {_json_type(value)}")

    def record(self, data: object, path: str) -> Mapping[str, Any]:
        if type(data) is not dict:
            raise self.wrong(path, data, "an object")
        return data

    def array(self, data: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = data.get(key, ())
        if type(value) is not list and type(value) is not tuple:
            raise self.wrong(f"{path}{key}", value, "an array")
        return value  # type: ignore[return-value]

    def string(self, data: Mapping[str, Any], key: str, path: str) -> str:
        if key not in data:
            raise self.fail(f"{path}{key}", "missing")
        value = data[key]
        if type(value) is not str:
            raise self.wrong(f"{path}{key}", value, "a string")
        return value

    def opt_string(self, data: Mapping[str, Any], key: str, path: str) -> None:
        value = data.get(key)
        if value is not None and type(value) is not str:
            raise self.wrong(f"{path}{key}", value, "a string or null")

    def integer(self, value: object, path: str) -> int:
        if type(value) is not int:
            raise self.wrong(path, value, "an integer")
        return value

    def choice(self, data: Mapping[str, Any], key: str, path: str, known: frozenset[str]) -> None:
        # A required key: the record's from_dict has no default for it.
        if key not in data:
            raise self.fail(f"{path}{key}", "missing")
        value = data[key]
        if type(value) is not str:
            raise self.wrong(f"{path}{key}", value, "a string")
        if value not in known:
            raise self.fail(f"{path}{key}", f"unknown value {value!r}; one of {sorted(known)}")

    def span(self, data: Mapping[str, Any], path: str) -> tuple[int, int]:
        # ``path`` ends with "." (or is empty); the offsets are data's start/end.
        for key in ("start", "end"):
            if key not in data:
                raise self.fail(f"{path}{key}", "missing")
        start = self.integer(data["start"], f"{path}start")
        end = self.integer(data["end"], f"{path}end")
        if start < 0:
            raise self.fail(f"{path}start", f"{start} is negative")
        if end < start:
            raise self.fail(f"{path}end", f"{end} is before start {start}")
        if end > len(self.text):
            raise self.fail(
                f"{path}end", f"{end} is past the end of the text ({len(self.text)} characters)"
            )
        return start, end

    def opt_span(self, data: Mapping[str, Any], key: str, path: str) -> None:
        value = data.get(key)
        if value is not None:
            self.span(self.record(value, f"{path}{key}"), f"{path}{key}.")

    def spans(self, data: Mapping[str, Any], key: str, path: str) -> None:
        for i, item in enumerate(self.array(data, key, path)):
            where = f"{path}{key}[{i}]"
            self.span(self.record(item, where), f"{where}.")

    def quoted(self, data: Mapping[str, Any], path: str, key: str = "text") -> None:
        # A record whose stored text (``key``) is exactly the slice its span covers.
        start, end = self.span(data, path)
        stored = self.string(data, key, path)
        if len(stored) != end - start or not self.text.startswith(stored, start):
            raise self.fail(
                f"{path}{key}",
                f"{_clip(stored)!r} is not the text at {start}..{end} "
                f"({_clip(self.text[start:end])!r})",
            )

    def index(self, value: object, path: str, size: int, what: str) -> None:
        number = self.integer(value, path)
        if not 0 <= number < size:
            raise self.fail(path, f"{number} is not the index of one of the {size} {what}")

    def date(self, data: Mapping[str, Any], key: str, path: str, *, moment: bool) -> None:
        value = data.get(key)
        if value is None:
            return
        if type(value) is not str:
            raise self.wrong(f"{path}{key}", value, "an ISO date string or null")
        try:
            (dt.datetime if moment else dt.date).fromisoformat(value)
        except ValueError:
            form = "date and time" if moment else "date (YYYY-MM-DD)"
            raise self.fail(f"{path}{key}", f"{value!r} is not an ISO {form}") from None

    def bounded(self, data: Mapping[str, Any], key: str, path: str, top: int) -> None:
        value = data.get(key)
        if value is None:
            return
        number = self.integer(value, f"{path}{key}")
        if not 1 <= number <= top:
            raise self.fail(f"{path}{key}", f"{number} is not between 1 and {top}")

    # -- records -----------------------------------------------------------

    def authors(self, data: Mapping[str, Any], path: str) -> None:
        for i, item in enumerate(self.array(data, "authors", path)):
            where = f"{path}authors[{i}]."
            author = self.record(item, where[:-1])
            self.quoted(author, where, "name")
            self.string(author, "display", where)
            self.opt_string(author, "title", where)
            self.opt_string(author, "place", where)

    def headline(self, data: object) -> None:
        self.quoted(self.record(data, "headline"), "headline.")

    def source_line(self, data: object, path: str) -> None:
        line = self.record(data, path[:-1])
        self.quoted(line, path)
        self.string(line, "kind", path)  # open-ended: the line's own word
        self.date(line, "timestamp", path, moment=True)
        self.opt_string(line, "agency", path)

    def byline(self, data: object) -> None:
        byline = self.record(data, "byline")
        self.quoted(byline, "byline.")
        self.authors(byline, "byline.")
        for key in ("agency", "agency_text", "title"):
            self.opt_string(byline, key, "byline.")

    def dateline(self, data: object) -> None:
        path = "dateline."
        dateline = self.record(data, "dateline")
        self.quoted(dateline, path)
        for key in ("place", "region", "agency", "agency_text", "separator"):
            self.opt_string(dateline, key, path)
        for key in ("place_span", "date_span", "agency_span"):
            self.opt_span(dateline, key, path)
        self.date(dateline, "date", path, moment=False)
        self.bounded(dateline, "month", path, 12)
        self.bounded(dateline, "day", path, 31)

    def paragraph(self, data: object, path: str) -> None:
        paragraph = self.record(data, path[:-1])
        self.quoted(paragraph, path)
        if "index" not in paragraph:
            raise self.fail(f"{path}index", "missing")
        self.index(paragraph["index"], f"{path}index", self.n_paragraphs, "paragraphs")

    def statement(self, data: object, path: str) -> None:
        statement = self.record(data, path[:-1])
        self.choice(statement, "kind", path, _STATEMENT_KINDS)
        if "content" not in statement:
            raise self.fail(f"{path}content", "missing")
        content = self.record(statement["content"], f"{path}content")
        self.quoted(content, f"{path}content.")
        self.spans(content, "fragments", f"{path}content.")
        if "joined" in content:
            self.string(content, "joined", f"{path}content.")
        cue = statement.get("cue")
        if cue is not None:
            cue = self.record(cue, f"{path}cue")
            self.quoted(cue, f"{path}cue.")
            if "lemma" in cue:
                self.string(cue, "lemma", f"{path}cue.")
        speaker = statement.get("speaker")
        if speaker is not None:
            where = f"{path}speaker."
            speaker = self.record(speaker, where[:-1])
            self.quoted(speaker, where)
            self.opt_string(speaker, "name", where)
            if "kind" in speaker:
                self.choice(speaker, "kind", where, _SPEAKER_KINDS)
            if "how" in speaker:
                self.choice(speaker, "how", where, _HOWS)
            if speaker.get("entity") is not None:
                self.index(speaker["entity"], f"{where}entity", self.n_entities, "entities")
        for i, value in enumerate(self.array(statement, "paragraphs", path)):
            self.index(value, f"{path}paragraphs[{i}]", self.n_paragraphs, "paragraphs")
        if "rule" in statement:
            self.string(statement, "rule", path)

    def entity(self, data: object, path: str) -> None:
        entity = self.record(data, path[:-1])
        self.opt_string(entity, "name", path)
        self.opt_string(entity, "title", path)
        if "kind" in entity:
            self.choice(entity, "kind", path, _SPEAKER_KINDS)
        self.spans(entity, "mentions", path)

    def trailer(self, data: object) -> None:
        trailer = self.record(data, "trailer")
        self.quoted(trailer, "trailer.")
        for i, item in enumerate(self.array(trailer, "credits", "trailer.")):
            where = f"trailer.credits[{i}]."
            credit = self.record(item, where[:-1])
            self.string(credit, "role", where)
            self.quoted(credit, where)
            self.authors(credit, where)
            self.opt_string(credit, "place", where)
        self.opt_span(trailer, "end_marker", "trailer.")

    def diagnostic(self, data: object, path: str) -> None:
        diagnostic = self.record(data, path[:-1])
        self.string(diagnostic, "code", path)
        self.string(diagnostic, "message", path)
        if diagnostic.get("start") is not None or diagnostic.get("end") is not None:
            self.span(diagnostic, path)


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def check_dispatch(data: object) -> None:
    """
    Raise a :class:`~newswire.errors.DispatchError` naming the first invalid field of ``data``.

    >>> check_dispatch({"text": "abc", "headline": {"text": "ab", "start": 0, "end": 3}})
    Traceback (most recent call last):
      ...
    newswire.errors.DispatchError: <string>: headline.text: 'ab' is not the text at 0..3 ('abc')
    """
    if type(data) is not dict:
        raise DispatchError(f"a dispatch must be an object, not {_json_type(data)}")
    if "text" not in data:
        raise DispatchError("text: missing")
    text = data["text"]
    if type(text) is not str:
        raise DispatchError(f"text: must be a string, not {_json_type(text)}")
    check = _Checker(text, 0, 0)
    check.opt_string(data, "source_id", "")
    check.date(data, "reference_date", "", moment=False)
    check.n_entities = len(check.array(data, "entities", ""))
    check.n_paragraphs = len(check.array(data, "paragraphs", ""))
    for key, one in (
        ("headline", check.headline),
        ("byline", check.byline),
        ("dateline", check.dateline),
        ("trailer", check.trailer),
    ):
        value = data.get(key)
        if value is not None:
            one(value)
    for key, each in (
        ("source_lines", check.source_line),
        ("paragraphs", check.paragraph),
        ("statements", check.statement),
        ("entities", check.entity),
        ("diagnostics", check.diagnostic),
    ):
        for i, item in enumerate(check.array(data, key, "")):
            each(item, f"{key}[{i}].")
