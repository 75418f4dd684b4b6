"""
The example notebooks run top to bottom (a broken notebook fails the test run).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))
# Per cell; each notebook as a whole runs in a few seconds.
CELL_TIMEOUT = 120
# A notebook that takes longer than this has stopped being an example.
NOTEBOOK_BUDGET = 60.0


def _errors(notebook: object) -> list[str]:
    found: list[str] = []
    for cell in notebook.cells:  # type: ignore[attr-defined]
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", ()):
            continue
        found.extend(
            f"{output.get('ename')}: {output.get('evalue')}"
            for output in cell.get("outputs", ())
            if output.get("output_type") == "error"
        )
    return found


@pytest.mark.notebook
class TestNotebooks:
    def test_there_are_notebooks(self) -> None:
        """
        The five documented notebooks are present.
        """
        expected = [
            "01-quickstart.ipynb",
            "02-who-said-what.ipynb",
            "03-corpus-analysis.ipynb",
            "04-measuring-accuracy.ipynb",
            "05-scaling-out.ipynb",
        ]

        assert expected == [path.name for path in NOTEBOOKS]

    @pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
    def test_notebook_runs(self, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        Every cell runs without error, except one tagged raises-exception, within budget.
        """
        # The kernel inherits this environment. Take this interpreter's scripts
        # (the `newswire` command) off PATH, as when a venv is not activated:
        # the notebooks run `python -m newswire` with the kernel's own Python.
        # platformdirs keeps jupyter_core from warning about its paths.
        scripts = str(Path(sys.executable).parent)
        search = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p != scripts]
        monkeypatch.setenv("PATH", os.pathsep.join(search))
        monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        notebook = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(
            notebook,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(EXAMPLES)}},
        )

        started = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - started

        expected: list[str] = []

        assert expected == _errors(notebook)
        assert elapsed < NOTEBOOK_BUDGET, f"{path.name} took {elapsed:.1f} s"
