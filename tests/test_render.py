"""
Dispatch._repr_html_() and Dispatch.to_records(): the notebook views.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire
from newswire import (
    Cue,
    Dateline,
    Dispatch,
    Headline,
    Paragraph,
    Quote,
    Span,
    Speaker,
    Statement,
)
from newswire._render import RECORD_KEYS, render_html, to_records

# Our own Kyodo-style dispatch: a split quote whose cue and speaker lie between
# the two content fragments, a pronoun speaker, and two statements sharing one
# speaker mention.
TEXT = (
    "Rail plan <draft> & more\n"
    "\n"
    'TOKYO (Kyodo) -- "Trains," he said, "will run on time."\n'
    "\n"
    "Minister Aiko Sato said fares would fall and service would improve."
)


def _at(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle))


def _dispatch() -> Dispatch:
    first, second = _at('"Trains,"'), _at('"will run on time."')
    body0, body1 = (
        _at('TOKYO (Kyodo) -- "Trains," he said, "will run on time."'),
        _at("Minister Aiko Sato said fares would fall and service would improve."),
    )
    minister = _at("Minister Aiko Sato")
    he = Span(_at("he said").start, _at("he said").start + 2)
    return Dispatch(
        text=TEXT,
        headline=Headline(text="Rail plan <draft> & more", span=_at("Rail plan <draft> & more")),
        dateline=Dateline(
            text="TOKYO (Kyodo) --", span=_at("TOKYO (Kyodo) --"), place="TOKYO", agency="Kyodo"
        ),
        paragraphs=(
            Paragraph(text=body0.slice(TEXT), span=body0, index=0),
            Paragraph(text=body1.slice(TEXT), span=body1, index=1),
        ),
        statements=(
            Statement(
                kind="direct",
                content=Quote(
                    text=TEXT[first.start : second.end],
                    span=Span(first.start, second.end),
                    fragments=(first, second),
                ),
                cue=Cue(text="said", span=_at("said"), lemma="say"),
                speaker=Speaker(
                    text="he",
                    span=he,
                    name="Kenji Mori",
                    kind="person",
                    how="pronoun",
                ),
                paragraphs=(0,),
            ),
            Statement(
                kind="indirect",
                content=Quote(
                    text="fares would fall",
                    span=_at("fares would fall"),
                    fragments=(_at("fares would fall"),),
                ),
                cue=Cue(text="said", span=_at("said", 1), lemma="say"),
                speaker=Speaker(
                    text="Minister Aiko Sato",
                    span=minister,
                    name="Aiko Sato",
                    kind="person",
                    how="name",
                ),
                paragraphs=(1,),
            ),
            Statement(
                kind="indirect",
                content=Quote(
                    text="service would improve",
                    span=_at("service would improve"),
                    fragments=(_at("service would improve"),),
                ),
                cue=Cue(text="said", span=_at("said", 1), lemma="say"),
                speaker=Speaker(
                    text="Minister Aiko Sato",
                    span=minister,
                    name="Aiko Sato",
                    kind="person",
                    how="name",
                ),
                paragraphs=(1,),
            ),
        ),
    )


class _Checker(HTMLParser):
    """
    Check nesting and collect the text inside the nw-text block.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.in_text = 0
        self.text: list[str] = []
        self.titles: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.stack.append(tag)
        if found.get("class") == "nw-text":
            self.in_text = len(self.stack)
        if "title" in found:
            self.titles.append((found.get("class") or "", found["title"] or ""))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert tag == self.stack.pop(), f"</{tag}> closes the wrong element"
        if self.in_text > len(self.stack):
            self.in_text = 0

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text.append(data)


def _check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    return checker


class TestRenderHtml:
    def test_text_survives_exactly(self) -> None:
        """
        Stripping the markup gives back the dispatch text, character for character.
        """
        checker = _check(render_html(_dispatch()))

        assert "".join(checker.text) == TEXT

    def test_everything_is_escaped(self) -> None:
        """
        Angle brackets and ampersands in the text never reach the markup raw.
        """
        markup = render_html(_dispatch())

        assert "Rail plan &lt;draft&gt; &amp; more" in markup
        assert "<draft>" not in markup

    def test_split_quote_leaves_cue_and_speaker_outside_content(self) -> None:
        """
        The cue and speaker between two fragments are not drawn as content.
        """
        markup = render_html(_dispatch())

        assert '<span class="nw-content"' in markup
        before_he = markup[: markup.index(">he<")]
        assert before_he.rindex("</span>") > before_he.rindex('<span class="nw-content"')

    def test_speaker_title_shows_resolved_name(self) -> None:
        """
        Hovering over a pronoun shows whom it refers to.
        """
        checker = _check(render_html(_dispatch()))

        speakers = [title for cls, title in checker.titles if cls == "nw-speaker"]
        assert "speaker “he” → Kenji Mori (pronoun)" in speakers

    def test_shared_speaker_is_drawn_once(self) -> None:
        """
        Two statements sharing one mention give one speaker element.
        """
        markup = render_html(_dispatch())

        expected = 1

        assert expected == markup.count(">Minister Aiko Sato</span>")

    def test_dateline_nests_inside_paragraph(self) -> None:
        """
        The dateline lies inside the first paragraph and is nested in it.
        """
        markup = render_html(_dispatch())

        paragraph = markup.index('title="paragraph 0"')
        dateline = markup.index('<span class="nw-dateline"')
        assert paragraph < dateline

    def test_diagnostics_are_listed(self) -> None:
        """
        Diagnostics appear below the text, escaped.
        """
        dispatch = newswire.parse("PARIS, Jan 5 (AFP) - Prices <rose>.")

        markup = render_html(dispatch)

        assert "nw-diagnostics" in markup
        assert "<rose>" not in markup

    def test_out_of_range_span_is_skipped(self) -> None:
        """
        A span beyond the text (a record built by hand) does not break the view.
        """
        dispatch = Dispatch(text="short", headline=Headline(text="x", span=Span(2, 99)))

        checker = _check(render_html(dispatch))

        expected = "short"

        assert expected == "".join(checker.text)

    def test_repr_html_delegates(self) -> None:
        """
        Jupyter's hook returns the same markup.
        """
        dispatch = _dispatch()

        assert render_html(dispatch) == dispatch._repr_html_()

    @pytest.mark.parametrize("name", sorted(newswire.samples()))
    def test_every_bundled_sample_renders(self, name: str) -> None:
        """
        Each bundled sample renders as well-formed markup over its exact text.
        """
        text = newswire.samples()[name]
        dispatch = newswire.parse(text, reference_date="2024-05-15")

        checker = _check(dispatch._repr_html_())

        assert text == "".join(checker.text)

    @given(
        st.text(alphabet="ab<&\"' \n", max_size=40),
        st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
    )
    @pytest.mark.property
    def test_arbitrary_overlaps_nest(self, text: str, pairs: list[tuple[int, int]]) -> None:
        """
        Any set of overlapping spans renders as well-formed markup over the exact text.
        """
        spans = [Span(min(a, b), max(a, b)) for a, b in pairs]
        statements = tuple(
            Statement(
                kind="direct",
                content=Quote(text=span.slice(text), span=span, fragments=(span,)),
                cue=Cue(text="", span=spans[(i + 1) % len(spans)], lemma=""),
                speaker=None,
            )
            for i, span in enumerate(spans)
        )
        paragraphs = tuple(
            Paragraph(text=span.slice(text), span=span, index=i) for i, span in enumerate(spans)
        )
        dispatch = Dispatch(text=text, paragraphs=paragraphs, statements=statements)

        checker = _check(render_html(dispatch))

        assert text == "".join(checker.text)


class TestToRecords:
    def test_one_flat_record_per_statement(self) -> None:
        """
        Each statement becomes a dict with the documented keys, in order.
        """
        records = _dispatch().to_records()

        assert [list(RECORD_KEYS)] * 3 == [list(r) for r in records]

    def test_values(self) -> None:
        """
        Speaker is the resolved name; the mention is as written.
        """
        first = to_records(_dispatch())[0]

        expected = {
            "source_id": None,
            "headline": "Rail plan <draft> & more",
            "dateline": "TOKYO (Kyodo) --",
            "dateline_place": "TOKYO",
            "dateline_date": None,
            "dateline_agency": "Kyodo",
            "speaker": "Kenji Mori",
            "speaker_mention": "he",
            "cue": "said",
            "kind": "direct",
            "content": '"Trains," he said, "will run on time."',
            "paragraph": 0,
            "start": TEXT.index('"Trains'),
            "end": TEXT.index("\n\nMinister"),
        }

        assert expected == first

    def test_rows_of_many_dispatches_stack(self) -> None:
        """
        Each row names its dispatch, so rows from several dispatches make one table.
        """
        texts = {
            "k-1": 'TOKYO, May 2 (Kyodo) -- "Fares will fall," Aiko Sato said.',
            "a-1": 'PARIS, May 3 (AFP) - "Nous verrons," Claire Roy said.',
        }
        rows = [
            row
            for key, text in texts.items()
            for row in newswire.parse(text, source_id=key, reference_date="2024-05-04").to_records()
        ]

        expected = [
            ("k-1", "TOKYO", "2024-05-02", "Kyodo", "Aiko Sato"),
            ("a-1", "PARIS", "2024-05-03", "AFP", "Claire Roy"),
        ]

        assert expected == [
            (
                r["source_id"],
                r["dateline_place"],
                r["dateline_date"],
                r["dateline_agency"],
                r["speaker"],
            )
            for r in rows
        ]

    def test_json_safe(self) -> None:
        """
        Records hold only JSON types, so any tabular tool can take them.
        """
        records = to_records(_dispatch())

        assert records == json.loads(json.dumps(records))

    def test_missing_parts_are_none(self) -> None:
        """
        A statement without speaker, cue or paragraph gives None in those keys.
        """
        span = Span(0, 5)
        dispatch = Dispatch(
            text="Hello",
            statements=(
                Statement(
                    kind="according_to",
                    content=Quote(text="Hello", span=span, fragments=(span,)),
                    cue=None,
                    speaker=None,
                ),
            ),
        )

        record = dispatch.to_records()[0]

        assert (
            record["speaker"],
            record["speaker_mention"],
            record["cue"],
            record["paragraph"],
        ) == (None, None, None, None)

    def test_no_statements(self) -> None:
        """
        A dispatch without statements gives an empty list.
        """
        assert newswire.parse("TOKYO (Kyodo) -- The ground shook.").to_records() == []

    def test_html_escape_is_not_applied_to_records(self) -> None:
        """
        Records carry the text as written, not escaped.
        """
        dispatch = Dispatch(
            text="a<b",
            statements=(
                Statement(
                    kind="direct",
                    content=Quote(text="a<b", span=Span(0, 3), fragments=(Span(0, 3),)),
                    cue=None,
                    speaker=None,
                ),
            ),
        )

        assert html.unescape("a&lt;b") == dispatch.to_records()[0]["content"]
