"""
Reference-date errors, parse_file, JSON round trips and data frames.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest

import newswire
from newswire.errors import NewswireError, ReferenceDateError

if TYPE_CHECKING:
    from pathlib import Path

KYODO = 'TOKYO, May 2 (Kyodo) -- "Fares will fall," Aiko Sato said on Thursday.'

BAD_DATES = [
    pytest.param("15/05/2024", id="day-first"),
    pytest.param("May 15, 2024", id="words"),
    pytest.param("2024-13-01", id="month-13"),
    pytest.param("", id="empty"),
]


class TestReferenceDate:
    @pytest.mark.parametrize("value", BAD_DATES)
    def test_bad_string_names_the_accepted_forms(self, value: str) -> None:
        """
        A reference date that is not ISO raises a NewswireError that is also a ValueError.
        """
        with pytest.raises(ReferenceDateError) as caught:
            newswire.parse(KYODO, reference_date=value)

        expected = (
            f"reference_date {value!r} is not a date: give a datetime.date, a "
            "datetime.datetime or an ISO string 'YYYY-MM-DD' (a time may follow, "
            "e.g. '2024-05-15T09:30:00')"
        )

        assert expected == str(caught.value)
        assert isinstance(caught.value, NewswireError)
        assert isinstance(caught.value, ValueError)

    @pytest.mark.parametrize(
        "value",
        [
            pytest.param("2024-05-03", id="date"),
            pytest.param("2024-05-03T09:30:00+09:00", id="datetime"),
            pytest.param(dt.date(2024, 5, 3), id="date-object"),
            pytest.param(dt.datetime(2024, 5, 3, 9, 30), id="datetime-object"),  # noqa: DTZ001
        ],
    )
    def test_accepted_forms(self, value: object) -> None:
        """
        Each accepted form gives the dateline its year.
        """
        dispatch = newswire.parse(KYODO, reference_date=value)  # type: ignore[arg-type]

        assert dt.date(2024, 5, 2) == dispatch.dateline.date  # type: ignore[union-attr]

    def test_parse_docstring_lists_the_error(self) -> None:
        """
        parse() documents the error it raises for a bad reference date.
        """
        assert "ReferenceDateError" in (newswire.parse.__doc__ or "")


class TestParseFile:
    @pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-8"])
    def test_encodings(self, tmp_path: Path, encoding: str) -> None:
        """
        Archives in latin-1 and cp1252 parse as their text, named after the file.
        """
        text = "PARÍS, 3 may (EFE).- El café subió, dijo José Núñez."
        (tmp_path / "efe-1.txt").write_bytes(text.encode(encoding))

        dispatch = newswire.parse_file(tmp_path / "efe-1.txt", encoding=encoding)

        assert text == dispatch.text
        assert "efe-1.txt" == dispatch.source_id
        assert newswire.parse(text, source_id="efe-1.txt") == dispatch

    def test_undecodable_bytes(self, tmp_path: Path) -> None:
        """
        Bytes that are not valid in the encoding raise a DispatchError naming file and byte.
        """
        (tmp_path / "k.txt").write_bytes(b"TOKYO (Kyodo) -- Caf\xe9.")

        with pytest.raises(newswire.DispatchError) as caught:
            newswire.parse_file(tmp_path / "k.txt")

        expected = (
            "k.txt: not valid utf-8 at byte 20 (invalid continuation byte); "
            "give encoding= (e.g. 'cp1252') or errors='replace'"
        )

        assert expected == str(caught.value)

    def test_replace_and_options(self, tmp_path: Path) -> None:
        """
        errors='replace' carries on; source_id and reference_date pass through.
        """
        (tmp_path / "k.txt").write_bytes(b"TOKYO, May 2 (Kyodo) -- Caf\xe9.")

        dispatch = newswire.parse_file(
            str(tmp_path / "k.txt"), errors="replace", source_id="k", reference_date="2024-05-03"
        )

        assert ("k", dt.date(2024, 5, 2)) == (dispatch.source_id, dispatch.dateline.date)  # type: ignore[union-attr]
        assert "\ufffd" in dispatch.text

    def test_missing_file(self, tmp_path: Path) -> None:
        """
        A missing file is an OSError, as for open().
        """
        with pytest.raises(FileNotFoundError):
            newswire.parse_file(tmp_path / "absent.txt")


class TestJson:
    def test_round_trip(self) -> None:
        """
        to_json() / from_json() round-trip every sample, as str and as bytes.
        """
        for name, text in newswire.samples().items():
            dispatch = newswire.parse(text, source_id=name, reference_date="2024-05-15")
            data = dispatch.to_json()

            assert dispatch == newswire.Dispatch.from_json(data)
            assert dispatch == newswire.Dispatch.from_json(data.encode("utf-8"))
            assert dispatch.to_dict() == json.loads(data)

    @pytest.mark.parametrize("piece", [3, 1 << 20])
    def test_made_a_record_at_a_time(self, piece: int, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        to_json() and the pieces of iter_json() are json.dumps of to_dict(), every sample,
        with the text in one piece or in many.
        """
        monkeypatch.setattr(newswire._model, "_STRING_PIECE", piece)
        monkeypatch.setattr(newswire._model, "_PIECES_FROM", 0)
        for name, text in newswire.samples().items():
            dispatch = newswire.parse(text, source_id=name, reference_date="2024-05-15")
            expected = json.dumps(dispatch.to_dict(), ensure_ascii=False)

            assert expected == dispatch.to_json()
            assert expected == "".join(dispatch.iter_json())

    def test_not_ascii_escaped_and_indent(self) -> None:
        """
        Text stays readable in the JSON; indent= pretty-prints.
        """
        dispatch = newswire.parse("PARÍS (EFE) - Llueve.")

        assert "PARÍS" in dispatch.to_json()
        assert dispatch.to_json(indent=2).startswith('{\n  "source_id": null')


class TestToDataFrame:
    def test_rows_of_many_dispatches(self) -> None:
        """
        One row per statement of every dispatch, errors from parse_many skipped.
        """
        pd = pytest.importorskip("pandas")
        items = [
            ("k-1", KYODO),
            ("bad", None),
            ("a-1", 'PARIS, May 3 (AFP) - "Nous verrons," Claire Roy said.'),
        ]
        results = list(newswire.parse_many(items, reference_date="2024-05-04"))

        frame = newswire.to_dataframe(results)

        expected = [("k-1", "Aiko Sato", "2024-05-02"), ("a-1", "Claire Roy", "2024-05-03")]

        assert isinstance(frame, pd.DataFrame)
        assert expected == list(
            frame[["source_id", "speaker", "dateline_date"]].itertuples(index=False, name=None)
        )

    def test_empty_keeps_the_columns(self) -> None:
        """
        No statements still gives the documented columns.
        """
        pytest.importorskip("pandas")
        frame = newswire.to_dataframe(newswire.parse("TOKYO (Kyodo) -- It shook."))

        assert (0, "source_id") == (len(frame), frame.columns[0])

    def test_wrong_item(self) -> None:
        """
        Something that is not a dispatch is a TypeError.
        """
        pytest.importorskip("pandas")
        with pytest.raises(TypeError, match="not str"):
            newswire.to_dataframe(["TOKYO (Kyodo) -- It shook."])  # type: ignore[list-item]

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        Without pandas the error says how to install it.
        """
        import sys

        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ModuleNotFoundError, match=r"pip install pandas"):
            newswire.to_dataframe([])
