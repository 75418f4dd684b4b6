"""
The bundled sample dispatches and the gold annotations of them in examples/data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newswire
from newswire._samples import SAMPLES_REFERENCE_DATE

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "examples" / "data" / "samples-gold.jsonl"

# One marker per agency house style the samples must cover.
AGENCY_MARKS = [
    pytest.param("(Xinhua) --", id="xinhua"),
    pytest.param("(Reuters) -", id="reuters"),
    pytest.param("(AP) —", id="ap"),
    pytest.param("(AFP) -", id="afp"),
    pytest.param("(UPI) --", id="upi"),
    pytest.param("(PTI) ", id="pti"),
    pytest.param("[India], ", id="ani"),
    pytest.param("(Yonhap) --", id="yonhap"),
    pytest.param("(Kyodo) --", id="kyodo"),
    pytest.param(". /TASS/. ", id="tass"),
    pytest.param("(dpa) -", id="dpa"),
    pytest.param("(EFE) --", id="efe"),
    pytest.param(", The Canadian Press\n\nOTTAWA — ", id="canadian-press"),
    pytest.param(" /PRNewswire/ -- ", id="prnewswire"),
    pytest.param("\n\nburs-", id="afp-sign-off"),
]

# The header records of the samples written for shapes beyond the classic
# stack: (name, byline authors, dateline text, trailer text).
SHAPES = [
    pytest.param(
        "cp-housing.txt", ["Marie Tremblay"], "OTTAWA —", None, id="credit-line-and-place-dash"
    ),
    pytest.param(
        "prnewswire-solar.txt",
        [],
        "AUSTIN, Texas, May 13, 2024 /PRNewswire/ --",
        None,
        id="press-release",
    ),
    pytest.param("afp-glacier.txt", [], "Geneva (AFP) -", "burs-pa/rl", id="afp-sign-off"),
]


# Samples in other layouts (issue 12): name -> (name, headline, paragraphs).
LAYOUT_SAMPLES = {
    "cp-nohead.txt": pytest.param("cp-nohead.txt", None, 4, id="body-only"),
    "reuters-oneline.txt": pytest.param(
        "reuters-oneline.txt", "TEXAS UTILITY FILES RATE PLAN", 1, id="one-line"
    ),
}


def _gold() -> list[dict[str, Any]]:
    with GOLD.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class TestSamples:
    def test_names_are_sorted_text_files(self) -> None:
        """
        The loader returns every bundled .txt file, in name order.
        """
        names = list(newswire.samples())

        assert sorted(names) == names
        assert all(name.endswith(".txt") for name in names)
        assert len(names) >= 13

    def test_demo_sample_is_kept(self) -> None:
        """
        The sample used by `newswire demo` is among them.
        """
        texts = newswire.samples()

        assert "China, Kenya pledge" in texts["xinhua-demo.txt"]

    def test_each_call_returns_a_new_dict(self) -> None:
        """
        Changing the returned dict does not change what the next call returns.
        """
        first = newswire.samples()
        first.clear()

        assert newswire.samples() != first

    @pytest.mark.parametrize("mark", AGENCY_MARKS)
    def test_every_house_style_is_present(self, mark: str) -> None:
        """
        Each agency's dateline shape occurs in at least one sample.
        """
        found = [name for name, text in newswire.samples().items() if mark in text]

        assert found != []

    @pytest.mark.parametrize("name", sorted(set(newswire.samples()) - set(LAYOUT_SAMPLES)))
    def test_sample_parses_with_headline_and_paragraphs(self, name: str) -> None:
        """
        Every sample parses, with a headline and several body paragraphs.
        """
        text = newswire.samples()[name]

        dispatch = newswire.parse(text, reference_date=SAMPLES_REFERENCE_DATE, source_id=name)

        assert dispatch.headline is not None
        assert len(dispatch.paragraphs) >= 4

    @pytest.mark.parametrize(("name", "headline", "paragraphs"), LAYOUT_SAMPLES.values())
    def test_layout_sample(self, name: str, headline: str | None, paragraphs: int) -> None:
        """
        The samples laid out as scraped or feed copy keep their dateline, and
        their headline where the layout has one.
        """
        text = newswire.samples()[name]

        dispatch = newswire.parse(text, reference_date=SAMPLES_REFERENCE_DATE, source_id=name)

        assert headline == (None if dispatch.headline is None else dispatch.headline.text)
        assert dispatch.dateline is not None
        assert paragraphs == len(dispatch.paragraphs)

    @pytest.mark.parametrize("name", sorted(newswire.samples()))
    def test_sample_has_direct_and_reported_speech(self, name: str) -> None:
        """
        Every sample quotes someone directly and reports someone's words.
        """
        text = newswire.samples()[name]

        assert text.count('"') >= 2
        assert " said" in text or " told" in text


class TestShapes:
    @pytest.mark.parametrize(("name", "authors", "dateline", "trailer"), SHAPES)
    def test_header_records(
        self, name: str, authors: list[str], dateline: str, trailer: str | None
    ) -> None:
        """
        The samples of newer shapes give their byline, dateline and sign-off.
        """
        dispatch = newswire.parse(newswire.samples()[name], reference_date=SAMPLES_REFERENCE_DATE)

        assert dispatch.dateline is not None
        actual = (
            [] if dispatch.byline is None else [a.name for a in dispatch.byline.authors],
            dispatch.dateline.text,
            None if dispatch.trailer is None else dispatch.trailer.text,
        )
        assert (authors, dateline, trailer) == actual


class TestGold:
    def test_one_record_per_sample_with_its_exact_text(self) -> None:
        """
        Each gold record annotates a bundled sample, text unchanged.
        """
        texts = newswire.samples()

        for record in _gold():
            name = record["provenance"]["path"].rsplit("/", 1)[-1]
            assert texts[name] == record["text"]

    def test_every_span_matches_its_text(self) -> None:
        """
        text[start:end] equals the stored string for every gold span.
        """
        for record in _gold():
            text, gold = record["text"], record["gold"]
            for part in ("dateline", "byline"):
                if gold[part] is not None:
                    span = gold[part]
                    assert span["text"] == text[span["start"] : span["end"]]
            for statement in gold["statements"]:
                for role in ("speaker", "cue", "content"):
                    if statement[role] is not None:
                        start, end = statement[f"{role}_start"], statement[f"{role}_end"]
                        assert statement[role] == text[start:end]
                for fragment in statement.get("fragments", {}).get("content", []):
                    assert fragment["text"] == text[fragment["start"] : fragment["end"]]

    def test_headlines_occur_in_the_text(self) -> None:
        """
        Every gold headline is written in its dispatch.
        """
        for record in _gold():
            assert record["gold"]["headline"] in record["text"]

    def test_evaluate_reads_it(self) -> None:
        """
        The gold file scores without error and every record is counted.
        """
        scores = newswire.evaluate(GOLD)

        assert len(_gold()) == scores["samples"]["documents"]
