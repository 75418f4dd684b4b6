"""
The docs as a newcomer reads them: install commands that work from a clone,
extras that exist, and no paths of the machine that built them.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import tomllib

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "docs" / "_build" / "html"
_spec = importlib.util.spec_from_file_location("check_paths", ROOT / "docs" / "check_paths.py")
assert _spec is not None
assert _spec.loader is not None
check_paths = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_paths)

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NOTEBOOKS = sorted((ROOT / "examples").glob("*.ipynb"))
EXTRAS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
    "optional-dependencies"
]


def _text(paths: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


class TestMachinePaths:
    def test_sources(self) -> None:
        """
        No page, notebook output, example or picture shows a path of a build machine.
        """
        assert [] == check_paths.find(check_paths.sources())

    def test_built_site(self) -> None:
        """
        Nor does the built site (nox -s docs runs the same check after building).
        """
        if not SITE.is_dir():
            pytest.skip("no built site at docs/_build/html (run nox -s docs)")

        assert [] == check_paths.find([SITE])

    @pytest.mark.parametrize(
        "line",
        [
            pytest.param("File /work/main/src/newswire/_pipeline.py:100", id="linux"),
            pytest.param("\\u001b[32m/root/.venv/lib/x.py\\u001b[0m", id="ansi"),
            pytest.param("saved to /tmp/newswire-scaling-x1/parsed.jsonl", id="temp"),
        ],
    )
    def test_the_check_finds_them(self, tmp_path: Path, line: str) -> None:
        """
        The check catches the paths it is for, colour codes around them included.
        """
        page = tmp_path / "page.md"
        page.write_text(f"a\n{line}\n", encoding="utf-8")

        assert 1 == len(check_paths.find([page]))


class TestInstallCommands:
    def test_no_bare_install_from_an_index(self) -> None:
        """
        newswire is not published yet: no page says ``pip install newswire``.
        """
        found = re.findall(r"pip install\s+[\"']?newswire\b[^\n]*", _text([*PAGES, *NOTEBOOKS]))

        assert [] == found

    def test_extras_named_exist(self) -> None:
        """
        Every ``pip install ".[extra]"`` in the docs names an extra pyproject defines.
        """
        named = set(re.findall(r"\.\[([a-z]+)\]", _text([*PAGES, *NOTEBOOKS])))

        assert {"examples", "dask", "spark"} <= named
        assert set() == named - set(EXTRAS)

    def test_examples_extra_has_what_notebooks_import(self) -> None:
        """
        The examples extra holds pandas, matplotlib, nbclient, ipykernel and dask[dataframe].
        """
        names = {re.split(r"[\[<>=]", r)[0] for r in EXTRAS["examples"]}

        assert {"pandas", "matplotlib", "nbclient", "ipykernel", "dask"} <= names
        assert any("dataframe" in r for r in EXTRAS["examples"] if r.startswith("dask"))
        assert any(r.startswith("pandas") for r in EXTRAS["dask"])
