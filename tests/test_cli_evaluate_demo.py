"""
`newswire evaluate` (n/a for empty scores, --misses, unreadable gold files) and `newswire demo`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tests.test_cli import run

if TYPE_CHECKING:
    from pathlib import Path

TEXT = 'Rates hold\n\nLONDON, May 2 (Reuters) - "We wait," Ann Lee said. Prices rose.'


def _gold(tmp_path: Path, gold: dict[str, Any]) -> Path:
    path = tmp_path / "gold.jsonl"
    record = {"id": "r-1", "corpus": "wire", "text": TEXT, "reference_date": "2024-05-03"}
    path.write_text(json.dumps({**record, "gold": gold}) + "\n", encoding="utf-8")
    return path


class TestEvaluateCommand:
    def test_nothing_to_count_is_na(self, tmp_path: Path) -> None:
        """
        With no gold statements and none predicted, P/R/F1 read n/a, not 1.0000.
        """
        gold = tmp_path / "gold.jsonl"
        record = {"id": "q", "text": "TOKYO (Kyodo) -- It shook.", "gold": {"statements": []}}
        gold.write_text(json.dumps(record) + "\n", encoding="utf-8")

        status, out, _ = run(["evaluate", str(gold)])

        rows = {
            line.split()[1]: line.split()[2:]
            for line in out.splitlines()[1:]
            if line.startswith("all ")
        }

        assert 0 == status
        assert ["n/a", "n/a", "n/a", "0"] == rows["statements"]
        assert ["n/a", "0"] == rows["statement_cue"]

    def test_misses_file(self, tmp_path: Path) -> None:
        """
        --misses writes one JSON line per miss, gold beside predicted, with spans.
        """
        gold = _gold(
            tmp_path,
            {
                "headline": "Rates hold steady",
                "statements": [
                    {
                        "content": "Prices rose.",
                        "content_start": TEXT.index("Prices"),
                        "content_end": len(TEXT),
                        "speaker": None,
                        "speaker_start": None,
                        "speaker_end": None,
                        "cue": None,
                        "cue_start": None,
                        "cue_end": None,
                    }
                ],
            },
        )
        misses = tmp_path / "misses.jsonl"

        status, _, err = run(["evaluate", str(gold), "--misses", str(misses)])

        found = [json.loads(line) for line in misses.read_text(encoding="utf-8").splitlines()]
        by_field = {(m["field"], m["kind"]): m for m in found}
        quote = TEXT.index("We wait")

        assert 0 == status
        assert "newswire: 3 misses written to" in err
        assert {("headline", "wrong"), ("statement", "missed"), ("statement", "spurious")} == set(
            by_field
        )
        headline = by_field["headline", "wrong"]
        assert ("r-1", "wire") == (headline["id"], headline["corpus"])
        assert "Rates hold steady" == headline["gold"]
        assert {"text": "Rates hold", "start": 0, "end": 10} == headline["predicted"]
        spurious = by_field["statement", "spurious"]["predicted"]
        assert [{"start": quote, "end": quote + len("We wait,")}] == spurious["content_spans"]
        assert {
            "text": "Ann Lee",
            "start": TEXT.index("Ann"),
            "end": TEXT.index(" said"),
        } == spurious["speaker"]
        missed = by_field["statement", "missed"]["gold"]
        assert [{"start": TEXT.index("Prices"), "end": len(TEXT)}] == missed["content_spans"]

    def test_missing_gold_file(self, tmp_path: Path) -> None:
        """
        A missing file is reported as parse reports one: path, then what is wrong.
        """
        path = tmp_path / "none.jsonl"

        status, out, err = run(["evaluate", str(path)])

        assert (1, "", f"newswire: error: {path}: no such file\n") == (status, out, err)

    def test_directory_as_gold_file(self, tmp_path: Path) -> None:
        """
        A directory is named as such.
        """
        status, _, err = run(["evaluate", str(tmp_path)])

        assert (1, f"newswire: error: {tmp_path}: is a directory, not a file\n") == (status, err)


class TestDemo:
    def test_input_beside_result_and_next_step(self) -> None:
        """
        The demo shows the input with offsets, the result, what brackets mean and what next.
        """
        import newswire

        text = newswire.samples()["xinhua-demo.txt"]
        dateline = newswire.parse(text).dateline
        assert dateline is not None
        line_start = text.rfind("\n", 0, dateline.span.start) + 1

        status, out, _ = run(["demo"])

        assert 0 == status
        assert out.startswith("Input: a sample dispatch bundled with newswire")
        assert f"  {line_start:>5} | {text[line_start:].splitlines()[0]}" in out
        assert f"[{dateline.span.start}:{dateline.span.end}]" in out
        assert "[start:end] are character offsets into the input" in out
        assert out.rstrip().endswith("or in Python: newswire.parse(text).")
        assert "`newswire parse FILE`" in out

    def test_json(self) -> None:
        """
        --format json is the dispatch's JSON alone.
        """
        status, out, _ = run(["demo", "--format", "json"])

        assert 0 == status
        assert "xinhua-demo.txt" == json.loads(out)["source_id"]
