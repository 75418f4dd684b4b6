"""
Hostile inputs at moderate sizes: each parses, and the result keeps its invariants.

benchmarks/adversarial.py runs the same shapes at megabyte sizes and times them;
here only completion and correctness are checked (no timed assertions).
"""

from __future__ import annotations

import json

import pytest

import newswire
from newswire._sentences import MAX_SENTENCE, split_sentences
from tests.property.test_properties import check_paragraphs, check_round_trip, check_spans

HOSTILE = [
    pytest.param("x" * 400_000, id="400k-chars-no-newline"),
    pytest.param("the talks would resume on Monday " * 6_000, id="200k-words-no-newline"),
    pytest.param('"' * 20_000, id="unbalanced-straight-quotes"),
    pytest.param("\u201c" * 20_000, id="unbalanced-curly-quotes"),
    pytest.param('"abc ' * 5_000, id="quote-word-runs"),
    pytest.param("\n" * 200_000, id="200k-newlines"),
    pytest.param("\r\n" * 100_000, id="100k-crlf"),
    pytest.param("\r" * 100_000, id="100k-cr"),
    pytest.param("\r" * 100_000 + "\n", id="cr-run-then-lf"),
    pytest.param("x\r\r\n" * 50_000, id="cr-cr-lf"),
    pytest.param("WASHINGTON, Jan 5 (Reuters) -\n" * 5_000, id="5k-dateline-lines"),
    pytest.param("BEIJING\n" * 20_000, id="20k-capital-lines"),
    pytest.param("By JOHN SMITH and ANN LEE\n" * 5_000, id="5k-byline-lines"),
    pytest.param("(" * 100_000, id="open-parens"),
    pytest.param("--" * 50_000, id="dashes"),
    pytest.param("," * 100_000, id="commas"),
    pytest.param(" " * 200_000, id="spaces"),
    pytest.param("  x\n" * 20_000, id="indented-lines"),
    pytest.param("a\u200b" * 50_000, id="zero-width"),
    pytest.param("\ufeff" * 10_000 + "TOKYO (Kyodo) -- It shook.", id="many-boms"),
    pytest.param("\0" * 50_000, id="nul"),
    pytest.param("\ud800" * 10_000, id="lone-surrogates"),
    pytest.param("A.\n\n" * 10_000, id="10k-paragraphs"),
    pytest.param("Enditem\n" * 5_000, id="trailer-lines"),
    pytest.param("(Reporting by Ann Lee; Editing by John Smith)\n" * 2_000, id="credit-lines"),
]


class TestHostileInput:
    @pytest.mark.parametrize("text", HOSTILE)
    def test_parses_with_invariants(self, text: str) -> None:
        """
        A hostile input parses; spans are exact and the result round-trips.
        """
        dispatch = newswire.parse(text, reference_date="2024-01-01")

        assert text == dispatch.text
        check_spans(dispatch)
        check_paragraphs(dispatch)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("\ud800 said \0 \udfff", id="surrogates-and-nul"),
            pytest.param("\x00\x01\x1f\x7f" * 100, id="control-characters"),
            pytest.param("\U0001f600" * 1_000, id="astral"),
        ],
    )
    def test_json_safe(self, text: str) -> None:
        """
        Results of odd characters serialise to JSON and back.
        """
        dispatch = newswire.parse(text)

        check_round_trip(dispatch)
        assert json.loads(json.dumps(dispatch.to_dict()))["text"] == text


class TestRunOnSentences:
    @pytest.mark.parametrize(
        "unit",
        [
            pytest.param("Officials said the talks would resume on Monday ", id="said-no-stop"),
            pytest.param('"It was a mistake, he said ', id="quote-said-no-stop"),
        ],
    )
    def test_a_sentence_without_an_end_is_cut(self, unit: str) -> None:
        """
        A run with no sentence end is cut into bounded pieces, so per-cue work stays bounded.

        Without the cut each of these inputs makes the statement stage
        quadratic (every cue's content runs to the far end of the text).
        """
        text = unit * 400

        pieces = split_sentences(text, 0, len(text))

        assert all(end - start <= MAX_SENTENCE for start, end in pieces)
        assert text.strip() == " ".join(text[a:b] for a, b in pieces).strip()

    def test_statements_of_a_run_on_sentence_stay_short(self) -> None:
        """
        Statements found in a run-on text never span more than one cut piece.
        """
        dispatch = newswire.parse("Officials said the talks would resume on Monday " * 400)

        assert dispatch.statements
        assert all(len(s.content.span) <= MAX_SENTENCE for s in dispatch.statements)
