"""
The public API: what newswire exports, and nothing else.
"""

from __future__ import annotations

import newswire


class TestExports:
    def test_all_is_sorted_and_importable(self) -> None:
        """
        ``__all__`` is sorted and every name in it exists.
        """
        names = list(newswire.__all__)

        assert sorted(names, key=str.casefold) == sorted(names, key=str.casefold)
        assert names == sorted(names)
        assert all(hasattr(newswire, name) for name in names)

    def test_dir_is_all(self) -> None:
        """
        ``dir(newswire)`` shows exactly the public names.
        """
        assert sorted(newswire.__all__) == sorted(dir(newswire))

    def test_every_public_name_has_a_docstring(self) -> None:
        """
        Every exported class and function documents itself.
        """
        missing = [
            name
            for name in newswire.__all__
            if not name.startswith("__") and not (getattr(newswire, name).__doc__ or "").strip()
        ]

        assert [] == missing

    def test_core_concepts_are_exported(self) -> None:
        """
        Every record concept named by the data model is part of the API.
        """
        concepts = {
            "Dispatch",
            "Span",
            "Headline",
            "Dateline",
            "Byline",
            "Author",
            "Paragraph",
            "Statement",
            "Speaker",
            "Diagnostic",
            "parse",
            "DispatchError",
        }

        assert set() == concepts - set(newswire.__all__)
