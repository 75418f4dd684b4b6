"""
The newswire command: batches of files, directories and JSON Lines; errors; streaming.
"""

from __future__ import annotations

import io
import json
import os
import socket
from typing import TYPE_CHECKING, Any

import pytest

from newswire import _cli as cli
from newswire import _parse_command as command

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

        monkeypatch.setattr(command.os, "scandir", scandir)

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
