"""
The newswire command: batches of files, directories and JSON Lines; errors; streaming.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import pytest

from newswire import _cli as cli

if TYPE_CHECKING:
    from pathlib import Path

AP = "Senate passes bill\n\nWASHINGTON (AP) — The Senate voted on Friday, aides said."
XINHUA = "NAIROBI, March 13 (Xinhua) -- Kenya and China signed a pact."


class Terminal(io.StringIO):
    """
    A stderr that says it is a terminal.
    """

    def isatty(self) -> bool:
        return True


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """
    Run the command; return (status, stdout, stderr).
    """
    out, err = io.StringIO(), io.StringIO()
    status = cli.main(argv, out=out, err=err, stdin=io.StringIO(stdin))
    return status, out.getvalue(), err.getvalue()


def records(output: str) -> list[dict[str, Any]]:
    """
    The JSON Lines records of ``output``.
    """
    return [json.loads(line) for line in output.splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """
    A directory of dispatches: nested, with files the pattern must skip.
    """
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(AP, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(XINHUA, encoding="utf-8")
    (tmp_path / "b" / "skip.md").write_text("not a dispatch", encoding="utf-8")
    return tmp_path


class TestSingleText:
    def test_summary_by_default(self, corpus: Path) -> None:
        """
        One file gives a readable summary, and a one-line tally on stderr.
        """
        status, out, err = run(["parse", str(corpus / "a.txt")])

        assert 0 == status
        assert out.startswith(f"== {corpus / 'a.txt'}\nHeadline   Senate passes bill\n")
        assert err.startswith("newswire: 1 document, ")

    def test_stdin(self) -> None:
        """
        ``-`` reads one dispatch from stdin.
        """
        status, out, _ = run(["parse", "--format", "jsonl", "-"], stdin=XINHUA)

        assert 0 == status
        assert ["<stdin>"] == [r["source_id"] for r in records(out)]

    def test_json_one_document_is_an_object(self, corpus: Path) -> None:
        """
        ``--format json`` writes one object for one input, an array for several.
        """
        _, one, _ = run(["parse", "--format", "json", str(corpus / "a.txt")])
        _, two, _ = run(["parse", "--format", "json", str(corpus / "a.txt"), str(corpus / "a.txt")])

        assert isinstance(json.loads(one), dict)
        assert 2 == len(json.loads(two))


class TestBatch:
    def test_directory_walked_recursively_in_order(self, corpus: Path) -> None:
        """
        A directory is walked recursively and in sorted order; the pattern filters.
        """
        status, out, err = run(["parse", str(corpus)])

        assert 0 == status
        assert [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")] == [
            r["source_id"] for r in records(out)
        ]
        assert err.startswith("newswire: 2 documents, ")

    def test_pattern(self, corpus: Path) -> None:
        """
        ``--pattern`` chooses the files taken from directories.
        """
        _, out, _ = run(["parse", "--pattern", "c.*", str(corpus)])

        assert [str(corpus / "b" / "c.txt")] == [r["source_id"] for r in records(out)]

    def test_jsonl_input(self, tmp_path: Path) -> None:
        """
        JSON Lines records give id, text and reference date; blank lines are skipped.
        """
        path = tmp_path / "in.jsonl"
        lines = [
            {"id": "x-1", "text": XINHUA, "reference_date": "2024-03-20"},
            {"id": 2, "text": AP},
            {"text": AP},
        ]
        path.write_text(
            "\n".join(json.dumps(r) for r in lines[:2]) + "\n\n" + json.dumps(lines[2]) + "\n",
            encoding="utf-8",
        )

        status, out, _ = run(["parse", "--input-format", "jsonl", str(path)])

        assert 0 == status
        assert [("x-1", "2024-03-13"), ("2", None), (f"{path}:4", None)] == [
            (r["source_id"], (r["dateline"] or {}).get("date")) for r in records(out)
        ]

    def test_output_file_and_workers(self, corpus: Path, tmp_path: Path) -> None:
        """
        ``-o`` writes JSON Lines to a file; ``--workers 2`` writes the same lines.
        """
        one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"

        status_one, out_one, _ = run(["parse", str(corpus), "-o", str(one)])
        status_two, _, _ = run(["parse", str(corpus), "-o", str(two), "--workers", "2"])

        assert (0, 0, "") == (status_one, status_two, out_one)
        assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
        assert 2 == len(one.read_text(encoding="utf-8").splitlines())

    def test_lone_surrogates_and_nul_written_as_json(self, tmp_path: Path) -> None:
        """
        Text that cannot be UTF-8 (a lone surrogate) is written with \\u escapes, exactly.
        """
        path = tmp_path / "in.jsonl"
        path.write_text('{"id": "s", "text": "A\\ud800B\\u0000C said."}\n', encoding="utf-8")
        target = tmp_path / "out.jsonl"

        status, _, _ = run(["parse", "--input-format", "jsonl", str(path), "-o", str(target)])

        assert 0 == status
        assert "A\ud800B\0C said." == records(target.read_text(encoding="utf-8"))[0]["text"]

    def test_progress_on_a_terminal_only(self, corpus: Path) -> None:
        """
        The progress line goes to a terminal stderr and nowhere else.
        """
        out, tty = io.StringIO(), Terminal()
        cli.main(["parse", str(corpus)], out=out, err=tty)
        _, _, plain = run(["parse", str(corpus)])

        assert tty.getvalue().startswith("\r\x1b[Knewswire: 1 document · ")
        assert "/s · 0 errors" in tty.getvalue()
        assert "\r" not in plain


class TestFailures:
    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            pytest.param("missing.txt", None, "missing.txt: no such file", id="missing"),
            pytest.param(
                "bad.txt",
                b"ok\xff\xfeabc",
                "bad.txt: invalid UTF-8 at byte offset 2 "
                "(invalid start byte); use --encoding-errors replace to carry on",
                id="invalid-utf8",
            ),
            pytest.param(
                "bin.txt",
                b"GIF89a\x00\x01",
                "bin.txt: binary file (NUL byte at byte offset 6); not parsed",
                id="binary",
            ),
        ],
    )
    def test_bad_file_reported_rest_written(
        self, tmp_path: Path, name: str, content: bytes | None, message: str
    ) -> None:
        """
        A bad file is reported on stderr; the other files are still parsed; status 1.
        """
        good = tmp_path / "good.txt"
        good.write_text(AP, encoding="utf-8")
        bad = tmp_path / name
        if content is not None:
            bad.write_bytes(content)

        status, out, err = run(["parse", str(bad), str(good)])

        assert 1 == status
        assert [str(good)] == [r["source_id"] for r in records(out)]
        assert f"newswire: error: {tmp_path}/{message}\n" == err.splitlines(keepends=True)[0]
        assert "newswire: 1 document, " in err
        assert ", 1 error in " in err

    def test_encoding_errors_replace(self, tmp_path: Path) -> None:
        """
        ``--encoding-errors replace`` parses invalid UTF-8 with U+FFFD.
        """
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"LONDON - Gold \xff fell.")

        status, out, _ = run(
            ["parse", "--format", "jsonl", "--encoding-errors", "replace", str(bad)]
        )

        assert 0 == status
        assert "LONDON - Gold \ufffd fell." == records(out)[0]["text"]

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            pytest.param(
                "not json", "line 2: not valid JSON (Expecting value at column 1)", id="not-json"
            ),
            pytest.param('{"id": "q"}', 'line 2: no "text" field', id="no-text"),
            pytest.param(
                '{"id": "q", "text": 5}',
                'line 2: "text" is int, not a string',
                id="text-not-string",
            ),
            pytest.param(
                '{"id": "q", "text": null}', 'line 2: "text" is null, not a string', id="text-null"
            ),
            pytest.param("[1, 2]", "line 2: not a JSON object but list", id="not-object"),
            pytest.param(
                '{"id": "q", "text": "x", "reference_date": "soon"}',
                "line 2 (id q): bad reference_date: ",
                id="bad-date",
            ),
        ],
    )
    def test_bad_jsonl_line(self, tmp_path: Path, line: str, message: str) -> None:
        """
        A bad JSON Lines line is reported with file and line number; the rest is parsed.
        """
        path = tmp_path / "in.jsonl"
        path.write_text(
            f'{{"id": "a", "text": "x"}}\n{line}\n{{"id": "b", "text": "y"}}\n', encoding="utf-8"
        )

        status, out, err = run(["parse", "--input-format", "jsonl", str(path)])

        assert 1 == status
        assert ["a", "b"] == [r["source_id"] for r in records(out)]
        assert err.startswith(f"newswire: error: {path}, {message}")

    def test_invalid_utf8_in_jsonl_has_file_offset(self, tmp_path: Path) -> None:
        """
        Invalid UTF-8 in a JSON Lines file is placed by line and by byte offset in the file.
        """
        path = tmp_path / "in.jsonl"
        path.write_bytes(b'{"text": "x"}\n{"text": "\xff"}\n')

        status, _, err = run(["parse", "--input-format", "jsonl", str(path)])

        assert 1 == status
        assert err.startswith(f"newswire: error: {path}, line 2: invalid UTF-8 at byte offset 24 ")

    def test_directory_given_as_output(self, tmp_path: Path) -> None:
        """
        ``-o`` naming a directory is a usage error, before anything is parsed.
        """
        status, _, err = run(["parse", "-", "-o", str(tmp_path)])

        assert 2 == status
        assert f"newswire: error: {tmp_path}: is a directory; -o takes a file name\n" == err

    def test_directory_given_as_jsonl_file(self, tmp_path: Path) -> None:
        """
        A directory with nothing matching is reported, not silently skipped.
        """
        status, _, err = run(["parse", "--input-format", "jsonl", str(tmp_path)])

        assert 1 == status
        assert err.startswith(f"newswire: error: {tmp_path}: no files matching '*.jsonl' here")

    @pytest.mark.parametrize("form", ["jsonl", "json", "summary"])
    def test_interrupt_flushes_finished_records(
        self, corpus: Path, form: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Ctrl-C stops the batch: records finished so far are written whole; status 130.
        """
        real = cli.parse  # type: ignore[attr-defined]
        calls = []

        def interrupted(text: str, **kwargs: Any) -> Any:
            calls.append(text)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return real(text, **kwargs)

        monkeypatch.setattr(cli, "parse", interrupted)
        paths = [str(corpus / "a.txt")] * 5

        status, out, err = run(["parse", "--format", form, *paths])

        assert 130 == status
        assert err.startswith("newswire: 2 documents, ")
        assert err.rstrip().endswith("(interrupted)")
        if form == "jsonl":
            assert 2 == len(records(out))
        elif form == "json":
            assert 2 == len(json.loads(out))
        else:
            assert 2 == out.count("== ")


class TestOtherCommands:
    def test_demo(self) -> None:
        """
        ``demo`` still shows the bundled sample in full.
        """
        status, out, _ = run(["demo"])

        assert 0 == status
        assert "Dateline" in out

    def test_evaluate_missing_file(self, tmp_path: Path) -> None:
        """
        ``evaluate`` still reports a missing gold file.
        """
        status, _, err = run(["evaluate", str(tmp_path / "none.jsonl")])

        assert 1 == status
        assert err.startswith("newswire: error: ")
