"""
The documentation sources cover the public API and every example notebook.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newswire

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXAMPLES = DOCS.parent / "examples"


class TestDocs:
    @pytest.mark.parametrize("name", [n for n in newswire.__all__ if n != "__version__"])
    def test_api_page_documents_every_public_name(self, name: str) -> None:
        """
        Each name in newswire.__all__ has an entry in the API reference.
        """
        api = (DOCS / "api.md").read_text(encoding="utf-8")

        assert f"newswire.{name}\n" in api

    def test_every_notebook_is_in_the_toctree(self) -> None:
        """
        The front page lists every notebook in examples/, in order.
        """
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        expected = [f"examples/{p.stem}" for p in sorted(EXAMPLES.glob("*.ipynb"))]

        assert expected == [line for line in index.splitlines() if line.startswith("examples/")]

    def test_every_page_is_in_a_toctree(self) -> None:
        """
        No page is left out of the navigation (the build would warn).
        """
        index = (DOCS / "index.md").read_text(encoding="utf-8")
        listed = set(index.splitlines())
        expected = sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "index")

        assert expected == sorted(stem for stem in expected if stem in listed)


class TestJsonContractPage:
    def test_every_key_of_to_dict_is_documented(self) -> None:
        """
        Each key that to_dict() produces on a full sample is named on the JSON contract page.
        """
        page = (DOCS / "json-contract.md").read_text(encoding="utf-8")
        text = newswire.samples()["reuters-markets.txt"]
        data = newswire.parse(text, reference_date="2024-05-15").to_dict()
        keys: set[str] = set()

        def walk(value: object) -> None:
            if isinstance(value, dict):
                keys.update(value)
                for item in value.values():
                    walk(item)
            elif isinstance(value, list):
                for item in value:
                    walk(item)

        walk(data)
        undocumented = sorted(key for key in keys if key not in page)
        expected: list[str] = []

        assert expected == undocumented
