"""
The distributed recipes in examples/ (included by docs/scaling.md), run as scripts.

Dask always runs (it is in the tests group); Spark runs when pyspark is
installed and a Java runtime is on PATH, and is skipped with the reason otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import newswire

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DOCS = Path(__file__).resolve().parent.parent / "docs"
# Enough files that some partitions hold no statement at all (the case that
# needs an explicit meta= for Dask's to_dataframe).
QUIET = "TOKYO (Kyodo) -- The ground shook for ten seconds.\n"
REFERENCE_DATE = "2024-05-15"


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    The bundled samples, three texts without statements and one file that is not UTF-8.
    """
    folder = tmp_path_factory.mktemp("wire")
    for name, text in newswire.samples().items():
        (folder / name).write_text(text, encoding="utf-8")
    for number in range(3):
        (folder / f"quiet-{number}.txt").write_text(QUIET, encoding="utf-8")
    (folder / "latin.txt").write_bytes("PARÍS (EFE) - Llueve.".encode("latin-1"))
    return folder


def _expected(wire: Path) -> dict[str, dict[str, object]]:
    found = {}
    for path in sorted(wire.glob("*.txt")):
        if path.name != "latin.txt":
            dispatch = newswire.parse_file(path, reference_date=REFERENCE_DATE)
            found[path.name] = dispatch.to_dict()
    return found


def _run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Run from a neutral folder, as a user would run a copy of the script.
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning"},
    )


def _read_lines(paths: list[Path]) -> dict[str, dict[str, object]]:
    records = [json.loads(line) for p in paths for line in p.read_text("utf-8").splitlines()]
    return {str(r["source_id"]): r for r in records}


class TestDaskRecipe:
    def test_script(self, wire: Path, tmp_path: Path) -> None:
        """
        dask_parse.py writes what parse_file gives, reports the bad file, and tabulates statements.
        """
        pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
        pd = pytest.importorskip("pandas")
        out = tmp_path / "out"

        run = _run("dask_parse.py", str(wire), str(out), "--workers", "2", cwd=tmp_path)

        assert 0 == run.returncode, run.stderr
        records = _read_lines(sorted(out.glob("parsed-*.jsonl")))
        error = records.pop("latin.txt")
        expected = _expected(wire)

        assert expected == records
        assert "latin.txt: not valid utf-8 at byte 3" in str(error["error"])
        table = pd.read_csv(out / "statements.csv")
        statements = sum(len(r["statements"]) for r in expected.values())  # type: ignore[arg-type,misc]
        assert statements == len(table)
        assert {"source_id", "headline", "dateline_place", "speaker"} <= set(table.columns)


def _spark_missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (the spark extra)"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (java not on PATH, JAVA_HOME unset)"
    return None


class TestSparkRecipe:
    @pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
    def test_script(self, wire: Path, tmp_path: Path) -> None:
        """
        spark_parse.py writes what parse_file gives and reports the bad file.
        """
        out = tmp_path / "out"

        run = _run("spark_parse.py", str(wire), str(out), "--master", "local[1]", cwd=tmp_path)

        assert 0 == run.returncode, run.stderr
        records = _read_lines(sorted(out.glob("part-*")))
        error = records.pop("latin.txt")

        assert _expected(wire) == records
        assert "not valid utf-8" in str(error["error"])


class TestDocsIncludeTheRecipes:
    @pytest.mark.parametrize("script", ["dask_parse.py", "spark_parse.py"])
    def test_included_not_copied(self, script: str) -> None:
        """
        docs/scaling.md includes each recipe from its file, so the docs show what is tested.
        """
        page = (DOCS / "scaling.md").read_text(encoding="utf-8")

        assert f"```{{literalinclude}} ../examples/{script}" in page
