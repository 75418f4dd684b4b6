"""
The newswire command: batches of files, directories and JSON Lines; errors; streaming.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswire import _cli as cli
from newswire import _model as model
from newswire import _parse_command as command

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
        cli.main(
            ["parse", "-", "--input-format", "jsonl"],
            out=out,
            err=tty,
            stdin=io.StringIO(json.dumps({"text": AP}) + "\n"),
        )
        _, _, plain = run(["parse", str(corpus)])

        assert tty.getvalue().startswith("\r\x1b[Knewswire: 1 document · ")
        assert "/s · 0 errors" in tty.getvalue()
        assert "\r" not in plain

    def test_progress_bar_with_a_known_total(self, corpus: Path) -> None:
        """
        With the inputs listed, the bar shows the total, the share done and the time left.
        """
        out, tty = io.StringIO(), Terminal()
        paths = [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")]

        cli.main(["parse", *paths], out=out, err=tty)

        assert tty.getvalue().startswith("\r\x1b[Knewswire: [##########..........]  50% 1/2 · ")
        assert " · ETA 0:0" in tty.getvalue()

    def test_progress_line_parts(self) -> None:
        """
        The line counts done against the total less what --resume skipped.
        """
        progress = command._Progress(io.StringIO(), enabled=True)
        progress.start = 0.0
        progress.total, progress.skipped, progress.documents, progress.errors = (110, 10, 24, 1)

        line = progress.line(5.0)

        assert "newswire: [#####...............]  25% 25/100 · 5/s · 1 error · ETA 0:15" == line


class TestWalk:
    def test_hidden_skipped_unless_asked(self, corpus: Path) -> None:
        """
        Hidden files and folders (.git/) are not walked unless --hidden.
        """
        (corpus / ".git").mkdir()
        (corpus / ".git" / "x.txt").write_text(AP, encoding="utf-8")
        (corpus / ".draft.txt").write_text(AP, encoding="utf-8")

        _, plain, _ = run(["parse", str(corpus)])
        _, hidden, _ = run(["parse", "--hidden", str(corpus)])

        assert [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")] == [
            r["source_id"] for r in records(plain)
        ]
        assert 4 == len(records(hidden))

    def test_symlink_loop_reported_once(self, corpus: Path) -> None:
        """
        A symlink back to a folder already walked is reported once and not walked again.
        """
        (corpus / "b" / "up").symlink_to(corpus, target_is_directory=True)

        status, out, err = run(["parse", str(corpus)])

        assert 1 == status
        assert 2 == len(records(out))
        assert 1 == err.count("already walked")
        assert (
            f"newswire: error: {corpus / 'b' / 'up'}: a symlink to a folder already walked" in err
        )

    def test_unreadable_folder_is_a_named_error(
        self, corpus: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A folder that cannot be read is an error that counts and is named.
        """
        real = os.scandir
        locked = str(corpus / "b")

        def scandir(path: str) -> Any:
            if path == locked:
                raise PermissionError(13, "Permission denied")
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)

        status, out, err = run(["parse", str(corpus)])

        assert 1 == status
        assert [str(corpus / "a.txt")] == [r["source_id"] for r in records(out)]
        assert f"newswire: error: {locked}: cannot read folder: Permission denied\n" in err
        assert ", 1 error in " in err

    @pytest.mark.skipif(
        os.geteuid() == 0 if hasattr(os, "geteuid") else True,
        reason="root reads any folder; the monkeypatched test covers it",
    )
    def test_unreadable_folder_for_real(self, corpus: Path) -> None:
        """
        A folder without read permission is an error that counts.
        """
        (corpus / "b").chmod(0)
        try:
            status, _, err = run(["parse", str(corpus)])
        finally:
            (corpus / "b").chmod(0o755)

        assert 1 == status
        assert "cannot read folder: Permission denied" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
class TestHostileFiles:
    def test_fifo_device_socket_and_loop_are_skipped(self, corpus: Path) -> None:
        """
        FIFOs, devices, sockets and symlink loops are reported and skipped; the run ends.
        """
        os.mkfifo(corpus / "fifo.txt")
        (corpus / "zero.txt").symlink_to("/dev/zero")
        (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
        server = socket.socket(socket.AF_UNIX) if hasattr(socket, "AF_UNIX") else None
        try:
            if server is not None:
                try:
                    server.bind(str(corpus / "sock.txt"))
                except OSError:  # a path too long for a socket
                    server.close()
                    server = None

            status, out, err = run(["parse", str(corpus)])
        finally:
            if server is not None:
                server.close()

        assert 1 == status
        assert 2 == len(records(out))
        assert f"{corpus / 'fifo.txt'}: not a regular file (a FIFO (named pipe)); skipped" in err
        assert f"{corpus / 'zero.txt'}: not a regular file (a character device); skipped" in err
        assert f"{corpus / 'loop.txt'}: symlink loop" in err
        if server is not None:
            assert f"{corpus / 'sock.txt'}: not a regular file" in err

    def test_fifo_as_jsonl_input(self, tmp_path: Path) -> None:
        """
        A FIFO named as a JSON Lines input is reported, not waited on.
        """
        os.mkfifo(tmp_path / "in.jsonl")

        status, _, err = run(["parse", "--input-format", "jsonl", str(tmp_path / "in.jsonl")])

        assert 1 == status
        assert "not a regular file (a FIFO (named pipe)); skipped" in err

    def test_max_bytes(self, corpus: Path) -> None:
        """
        A file over --max-bytes is reported and skipped.
        """
        status, out, err = run(["parse", "--max-bytes", "60", str(corpus)])

        assert 1 == status
        assert [str(corpus / "b" / "c.txt")] == [r["source_id"] for r in records(out)]
        assert (
            f"{corpus / 'a.txt'}: larger than --max-bytes (79 bytes, the limit is 60); skipped"
        ) in err

    def test_names_and_text_escaped(self, tmp_path: Path) -> None:
        """
        Control characters in file names and texts reach the terminal escaped.
        """
        bad = tmp_path / "a\x1b[2Jb\n.txt"
        bad.write_bytes(b"\xff")
        story = tmp_path / "s.txt"
        story.write_text("Alarm\x1b]0;pwned\x07 rings\n\nPARIS (AFP) - It rang.", encoding="utf-8")

        status, _, err = run(["parse", str(bad)])
        _, summary, _ = run(["parse", str(story)])

        assert 1 == status
        assert f"newswire: error: {tmp_path}/a\\x1b[2Jb\\x0a.txt: invalid UTF-8" in err
        assert "\x1b" not in err.replace("\r\x1b[K", "")
        assert "Headline   Alarm\\x1b]0;pwned\\x07 rings" in summary
        assert "\x1b" not in summary


class TestEncodings:
    @pytest.mark.parametrize(
        ("data", "args"),
        [
            pytest.param("Café reopens".encode("utf-16"), [], id="utf-16-bom"),
            pytest.param("Café reopens".encode("utf-32"), [], id="utf-32-bom"),
            pytest.param(b"\xef\xbb\xbf" + "Café reopens".encode(), [], id="utf-8-bom"),
            pytest.param("Café reopens".encode("latin-1"), ["--encoding", "latin-1"], id="latin-1"),
            pytest.param("Café reopens".encode("cp1252"), ["--encoding", "cp1252"], id="cp1252"),
        ],
    )
    def test_decoded(self, tmp_path: Path, data: bytes, args: list[str]) -> None:
        """
        A byte-order mark is honoured; --encoding reads archives in other encodings.
        """
        path = tmp_path / "a.txt"
        path.write_bytes(data)

        status, out, _ = run(["parse", "--format", "jsonl", *args, str(path)])

        assert 0 == status
        assert "Café reopens" == records(out)[0]["text"]

    def test_utf16_without_bom_is_named(self, tmp_path: Path) -> None:
        """
        UTF-16 without a byte-order mark is not parsed, with a hint.
        """
        path = tmp_path / "a.txt"
        path.write_bytes("Markets rally".encode("utf-16-le"))

        status, _, err = run(["parse", str(path)])

        assert 1 == status
        assert "without a byte-order mark: try --encoding utf-16-le" in err


class TestJsonlFields:
    def test_text_and_id_fields_and_pass_through(self, tmp_path: Path) -> None:
        """
        --text-field and --id-field name the keys; other keys are carried under "fields".
        """
        path = tmp_path / "in.jsonl"
        line = {"guid": "g-1", "body": XINHUA, "desk": "africa", "tags": ["energy"]}
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")

        status, out, _ = run(
            [
                "parse",
                "--input-format",
                "jsonl",
                "--text-field",
                "body",
                "--id-field",
                "guid",
                str(path),
            ]
        )

        assert 0 == status
        record = records(out)[0]
        assert ("g-1", XINHUA) == (record["source_id"], record["text"])
        assert {"desk": "africa", "tags": ["energy"]} == record["fields"]

    @pytest.mark.parametrize("name", ["feed.jsonl", "FEED.NDJSON"])
    def test_a_json_lines_file_read_as_text_is_noted(self, tmp_path: Path, name: str) -> None:
        """
        Named without --input-format jsonl, a .jsonl file is one dispatch, as asked, and said once.
        """
        path = tmp_path / name
        path.write_text(json.dumps({"text": XINHUA}) + "\n", encoding="utf-8")
        other = tmp_path / "b.jsonl"
        other.write_text(json.dumps({"text": XINHUA}) + "\n", encoding="utf-8")

        status, out, err = run(["parse", "--quiet", str(path), str(other)])

        assert 0 == status
        assert [json.dumps({"text": XINHUA}) + "\n"] * 2 == [r["text"] for r in records(out)]
        note = (
            f"newswire: note: {path} is read as one plain-text dispatch; "
            "give --input-format jsonl to read one record per line"
        )
        assert [note] == err.splitlines()

    def test_no_note_for_json_lines_read_as_such(self, tmp_path: Path) -> None:
        path = tmp_path / "feed.jsonl"
        path.write_text(json.dumps({"text": XINHUA}) + "\n", encoding="utf-8")

        status, _, err = run(["parse", "--quiet", "--input-format", "jsonl", str(path)])

        assert (0, "") == (status, err)


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
        real = command.parse  # type: ignore[attr-defined]
        calls = []

        def interrupted(text: str, **kwargs: Any) -> Any:
            calls.append(text)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return real(text, **kwargs)

        monkeypatch.setattr(command, "parse", interrupted)
        paths = [str(corpus / "a.txt")] * 5

        status, out, err = run(["parse", "--format", form, *paths])

        assert 130 == status
        assert err.startswith("newswire: 2 documents, ")
        assert err.rstrip().endswith("(interrupted by SIGINT)")
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


class TestOutput:
    def test_output_that_is_an_input_is_refused(self, corpus: Path) -> None:
        """
        -o naming one of the inputs is a usage error; the input is left as it was.
        """
        target = corpus / "a.txt"

        status, _, err = run(["parse", str(target), str(corpus / "b" / "c.txt"), "-o", str(target)])

        assert 2 == status
        assert f"newswire: error: {target}: is also an input; write the output elsewhere\n" == err
        assert AP == target.read_text(encoding="utf-8")

    def test_output_inside_the_walk_is_refused(self, corpus: Path) -> None:
        """
        -o inside a walked folder, matching the pattern, is refused; another name is fine.
        """
        status, _, err = run(["parse", str(corpus), "-o", str(corpus / "b" / "out.txt")])
        ok, out, _ = run(["parse", str(corpus), "-o", str(corpus / "b" / "out.jsonl")])

        assert 2 == status
        assert "which is walked for '*.txt', so the output would be read as an input" in err
        assert (0, "") == (ok, out)
        assert 2 == len(records((corpus / "b" / "out.jsonl").read_text(encoding="utf-8")))

    def test_replaced_whole_and_no_temporary_left(self, corpus: Path, tmp_path: Path) -> None:
        """
        -o replaces the file at the end (through a temporary file, which does not stay).
        """
        target = tmp_path / "out" / "parsed.jsonl"
        target.parent.mkdir()
        target.write_text("old\n", encoding="utf-8")

        status, _, _ = run(["parse", str(corpus), "-o", str(target)])

        assert 0 == status
        assert 2 == len(records(target.read_text(encoding="utf-8")))
        assert ["parsed.jsonl"] == sorted(p.name for p in target.parent.iterdir())

    def test_append_adds_whole_lines(self, corpus: Path, tmp_path: Path) -> None:
        """
        --append adds to the file; a partial last line left by a killed run is cut off first.
        """
        target = tmp_path / "parsed.jsonl"
        run(["parse", str(corpus / "a.txt"), "-o", str(target)])
        with target.open("a", encoding="utf-8") as handle:
            handle.write('{"source_id": "cut mid-rec')

        status, _, _ = run(["parse", str(corpus / "b"), "-o", str(target), "--append"])

        assert 0 == status
        assert [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")] == [
            r["source_id"] for r in records(target.read_text(encoding="utf-8"))
        ]

    def test_resume_skips_what_is_done(self, corpus: Path, tmp_path: Path) -> None:
        """
        --resume parses only inputs whose id is not in the output yet.
        """
        target = tmp_path / "parsed.jsonl"
        run(["parse", str(corpus / "a.txt"), "-o", str(target)])
        with target.open("a", encoding="utf-8") as handle:
            handle.write('{"source_id": "partial')

        status, _, err = run(["parse", str(corpus), "-o", str(target), "--resume"])

        assert 0 == status
        assert [str(corpus / "a.txt"), str(corpus / "b" / "c.txt")] == [
            r["source_id"] for r in records(target.read_text(encoding="utf-8"))
        ]
        assert err.startswith("newswire: 1 document, 0 statements, 0 errors, 1 already done in ")

    def test_resume_jsonl_by_id(self, tmp_path: Path) -> None:
        """
        --resume with JSON Lines input skips lines by their id.
        """
        source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
        source.write_text(
            "".join(json.dumps({"id": f"r-{i}", "text": AP}) + "\n" for i in range(3)),
            encoding="utf-8",
        )
        target.write_text(json.dumps({"source_id": "r-1"}) + "\n", encoding="utf-8")

        run(["parse", "--input-format", "jsonl", str(source), "-o", str(target), "--resume"])

        assert ["r-1", "r-0", "r-2"] == [
            r["source_id"] for r in records(target.read_text(encoding="utf-8"))
        ]

    @pytest.mark.parametrize(
        "argv",
        [
            pytest.param(["--append"], id="append-without-output"),
            pytest.param(["--resume", "-o", "x.json", "--format", "json"], id="resume-json"),
        ],
    )
    def test_append_and_resume_usage(self, argv: list[str]) -> None:
        """
        --append and --resume need -o and JSON Lines.
        """
        status, _, err = run(["parse", "-", *argv])

        assert 2 == status
        assert err.startswith("newswire: error: --append and --resume ")

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
    def test_dev_full(self, corpus: Path) -> None:
        """
        A full device: the output is named with the records written, and the status is 3.
        """
        status, _, err = run(["parse", str(corpus), "-o", "/dev/full"])

        assert 3 == status
        assert (
            "newswire: error: /dev/full: cannot write: No space left on device; "
            "0 records written whole before it\n"
        ) in err

    def test_disk_full_cuts_the_partial_record(
        self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A disk that fills mid-record: the partial record is cut off, the whole ones stay.
        """
        one = tmp_path / "one.jsonl"
        run(["parse", str(corpus / "a.txt"), "-o", str(one)])
        room = len(one.read_bytes()) * 5 // 2  # a disk with room for 2.5 records
        monkeypatch.setattr(command, "_FLUSH_BYTES", 16)  # many small writes
        real_write = os.write

        def filling(fd: int, data: Any) -> int:
            nonlocal room
            if room <= 0:
                raise OSError(28, "No space left on device")
            done = real_write(fd, bytes(data[:room]))
            room -= done
            return done

        monkeypatch.setattr(os, "write", filling)
        target = tmp_path / "out.jsonl"
        paths = [str(corpus / "a.txt")] * 5

        status, _, err = run(["parse", *paths, "-o", str(target)])

        monkeypatch.undo()
        assert 3 == status
        assert f"{target}: cannot write: No space left on device; 2 records written whole" in err
        assert 2 == len(records(target.read_text(encoding="utf-8")))
        assert target.read_text(encoding="utf-8").endswith("}\n")


# -- signals and processes: the command run as a separate process -------------

CLI = "import sys; from newswire._cli import command; sys.exit(command())"
# Generous: a loaded 2-core machine can take seconds to start Python processes.
WAIT = 120.0
needs_proc = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not Path("/proc/self/environ").exists(),
    reason="finding leftover processes needs Linux /proc",
)


def marked(mark: str) -> list[int]:
    """
    The live processes whose environment holds ``mark`` (the command and its children).
    """
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"NEWSWIRE_TEST_MARK={mark}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until_gone(mark: str) -> list[int]:
    """
    Wait (up to WAIT seconds) for every marked process to end; return those left.
    """
    deadline = time.monotonic() + WAIT
    while (left := marked(mark)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


class Command:
    """
    ``newswire parse`` in its own process, with reader threads for its output.

    With ``head``, the stdout reader goes away after the first line, as ``| head -1`` does.
    """

    def __init__(self, argv: list[str], stdin: Path, *, head: bool = False) -> None:
        self.mark = uuid.uuid4().hex
        env = {**os.environ, "NEWSWIRE_TEST_MARK": self.mark}
        with stdin.open("rb") as source:
            self.process = subprocess.Popen(
                [sys.executable, "-c", CLI, *argv],
                stdin=source,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
        self.head = head
        self.lines: list[bytes] = []
        self.err = b""
        self.first = threading.Event()
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.err_reader = threading.Thread(target=self.read_err, daemon=True)
        self.err_reader.start()

    def read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout as stdout:
            for line in stdout:
                self.lines.append(line)
                self.first.set()
                if self.head:
                    break
        self.first.set()

    def read_err(self) -> None:
        assert self.process.stderr is not None
        with self.process.stderr as stderr:
            self.err = stderr.read()

    def finish(self) -> str:
        """
        Wait for the command and its readers; return its stderr.
        """
        self.process.wait(WAIT)
        self.reader.join(WAIT)
        self.err_reader.join(WAIT)
        return self.err.decode()

    def stop(self) -> None:
        """
        Make sure nothing is left running, whatever the test found.
        """
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)
        for pid in marked(self.mark):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        self.reader.join(WAIT)
        self.err_reader.join(WAIT)


@pytest.fixture
def big_jsonl(tmp_path: Path) -> Path:
    """
    JSON Lines of many short dispatches: far more than a run gets through before a signal.
    """
    path = tmp_path / "many.jsonl"
    line = json.dumps({"text": f"{XINHUA}\n\n{AP}"}) + "\n"
    path.write_text(line * 20_000, encoding="utf-8")
    return path


@needs_proc
class TestSignals:
    @pytest.mark.parametrize(
        "signum",
        [
            pytest.param(signal.SIGTERM, id="SIGTERM"),
            pytest.param(getattr(signal, "SIGHUP", signal.SIGTERM), id="SIGHUP"),
            pytest.param(signal.SIGINT, id="SIGINT"),
        ],
    )
    def test_signal_stops_like_ctrl_c(self, big_jsonl: Path, signum: int) -> None:
        """
        A stopping signal: finished records written whole, summary printed, 128 + N, nothing left.
        """
        command = Command(["parse", "--input-format", "jsonl", "-", "--workers", "2"], big_jsonl)
        try:
            assert command.first.wait(WAIT)
            command.process.send_signal(signum)
            err = command.finish()
            left = wait_until_gone(command.mark)
        finally:
            command.stop()

        assert 128 + signum == command.process.returncode, err
        assert 0 < len(command.lines) < 20_000
        assert all(json.loads(line)["text"] for line in command.lines)
        name = signal.Signals(signum).name
        assert err.rstrip().endswith(f"(interrupted by {name})"), err
        assert [] == left

    def test_killed_parent_takes_its_workers(self, big_jsonl: Path) -> None:
        """
        SIGKILL to the command: its workers, forkserver and resource tracker end too.
        """
        command = Command(["parse", "--input-format", "jsonl", "-", "--workers", "3"], big_jsonl)
        try:
            assert command.first.wait(WAIT)
            assert len(marked(command.mark)) >= 3  # the command, the forkserver, workers
            command.process.kill()
            command.finish()
            left = wait_until_gone(command.mark)
        finally:
            command.stop()

        assert [] == left
        assert not command.reader.is_alive()  # the pipe downstream saw its end

    def test_reader_that_goes_away(self, big_jsonl: Path) -> None:
        """
        ``newswire parse ... | head -1``: once the reader has gone, the command ends.
        """
        command = Command(
            ["parse", "--input-format", "jsonl", "-", "--workers", "2"], big_jsonl, head=True
        )
        try:
            command.finish()
            left = wait_until_gone(command.mark)
        finally:
            command.stop()

        assert 1 == len(command.lines)
        assert 0 == command.process.returncode
        assert [] == left


class TestJsonPieces:
    @pytest.mark.parametrize("fields", [None, {"desk": "africa"}])
    def test_pieces_are_the_json_line(self, fields: dict[str, Any] | None) -> None:
        """
        The pieces a JSON line is written in join to the dispatch's own JSON, for every sample.
        """
        for sample in sorted((Path(command.__file__).parent / "data" / "samples").iterdir()):
            dispatch = command.parse(sample.read_text(encoding="utf-8"), source_id=sample.name)  # type: ignore[attr-defined]
            data = dispatch.to_dict()
            if fields:
                data["fields"] = fields

            line = "".join(command.jsonl_pieces(dispatch, fields))

            assert json.dumps(data, ensure_ascii=False) + "\n" == line

    @given(st.text(alphabet='a"\\\n\x00\u2028é\U0001f600\ud800', max_size=40))
    def test_long_text_in_pieces_is_its_json(self, text: str) -> None:
        """
        A text made into JSON a few characters at a time reads as its JSON made at once.
        """
        dispatch = command.parse(text)  # type: ignore[attr-defined]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(model, "_STRING_PIECE", 3)
            line = "".join(command.jsonl_pieces(dispatch))

        assert json.dumps(dispatch.to_dict(), ensure_ascii=False) + "\n" == line

    def test_huge_dispatch_written_in_pieces(
        self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A dispatch over the size limit is written in pieces: the same lines, byte for byte.
        """
        whole, pieces = tmp_path / "whole.jsonl", tmp_path / "pieces.jsonl"
        run(["parse", str(corpus), "-o", str(whole)])
        monkeypatch.setattr(command, "_PIECES_FROM", 0)
        monkeypatch.setattr(model, "_STRING_PIECE", 7)

        run(["parse", str(corpus), "-o", str(pieces)])

        assert whole.read_bytes() == pieces.read_bytes()


class TestTerminalOutput:
    def test_json_on_a_terminal_escapes_what_json_leaves_raw(self, tmp_path: Path) -> None:
        """
        JSON Lines on a terminal: C1 controls and bidi overrides become \\u escapes, same data.
        """
        path = tmp_path / "in.jsonl"
        text = "Prices \u009b2J rose \u202e said."
        path.write_text(json.dumps({"id": "t", "text": text}) + "\n", encoding="utf-8")
        out = Terminal()

        cli.main(["parse", "--input-format", "jsonl", str(path)], out=out, err=io.StringIO())

        assert "\u009b" not in out.getvalue()
        assert "\u202e" not in out.getvalue()
        assert "\\u009b2J" in out.getvalue()
        assert text == records(out.getvalue())[0]["text"]
