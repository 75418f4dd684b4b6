"""
The public API: what newswire exports, and nothing else.
"""

from __future__ import annotations

import typing

import pytest

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


def _annotated(name: str) -> list[tuple[str, object]]:
    # The name itself and, for a class, every public method and property
    # defined on it (attrs-generated __init__ included).
    obj = getattr(newswire, name)
    found: list[tuple[str, object]] = [(name, obj)]
    if isinstance(obj, type):
        for attr, value in vars(obj).items():
            if attr.startswith("_") and attr != "__init__":
                continue
            target = value.fget if isinstance(value, property) else value
            target = getattr(target, "__func__", target)
            if callable(target):
                found.append((f"{name}.{attr}", target))
    return found


@pytest.mark.parametrize(
    "name",
    [name for name in newswire.__all__ if name != "__version__"],
)
def test_annotations_resolve_at_run_time(name: str) -> None:
    """
    typing.get_type_hints works on every public name and its methods (pydantic,
    typer and sphinx-autodoc-typehints read hints this way).
    """
    failed = []
    for label, target in _annotated(name):
        try:
            typing.get_type_hints(target)
        except NameError as exc:  # noqa: PERF203 - one report per name
            failed.append(f"{label}: {exc}")

    assert [] == failed
