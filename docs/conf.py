# Sphinx configuration for the newswire documentation. The build must work
# offline (no intersphinx, no remote assets), treats warnings as errors
# (nox -s docs passes -W) and re-executes the example notebooks, so a page can
# never show output the current code does not produce.
"""
Sphinx configuration.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import newswire
from newswire._cli import _build_parser

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
GENERATED = DOCS / "_build" / "generated"

project = "newswire"
author = "The newswire developers"
copyright = "The newswire developers"
version = release = newswire.__version__

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
exclude_patterns = [
    "_build",
    "**.ipynb_checkpoints",
    "examples/data",
    "_static/*.md",  # tables written by figures.py, included by the pages
    "Thumbs.db",
    ".DS_Store",
]
html_theme = "furo"
html_title = f"newswire {release}"

# MyST: ::: fences for admonitions, and heading anchors for in-page links.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Notebooks: always re-execute, in their own folder (so relative paths such as
# data/samples-gold.jsonl work), and fail the build on any error except in a
# cell tagged raises-exception.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_in_temp = False
nb_merge_streams = True

# API reference: Google-style sections, members in source order, type hints
# in the description rather than the signature.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False


def _write_cli_help() -> None:
    # The CLI page shows the real --help text of every subcommand, generated
    # from the parser at build time so it cannot drift from the code.
    # argparse wraps help to the terminal width; fix it so builds are identical.
    os.environ["COLUMNS"] = "88"
    parser = _build_parser()
    GENERATED.mkdir(parents=True, exist_ok=True)
    (GENERATED / "cli-newswire.txt").write_text(parser.format_help(), encoding="utf-8")
    for action in parser._actions:  # noqa: SLF001 - argparse exposes subparsers only here
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            for name, sub in choices.items():
                text = sub.format_help()
                (GENERATED / f"cli-{name}.txt").write_text(text, encoding="utf-8")


# <issue>.<kind>.md, or <issue>.<topic>.<kind>.md when one issue has several.
_FRAGMENT = re.compile(r"(?P<issue>[0-9]+)(?:\.[a-z0-9-]+)?\.(?P<kind>breaking|change|fix)\.md")
_HEADINGS = {"breaking": "Breaking changes", "change": "Changes", "fix": "Fixes"}


def _write_changelog_fragments() -> None:
    # Unreleased changes live as changelog.d/<issue>.<kind>.md fragments until
    # a release collects them; the changelog page shows them as they stand.
    entries: dict[str, list[str]] = {kind: [] for kind in _HEADINGS}
    # Numerically by issue, so #2 comes before #12.
    paths = sorted(
        (ROOT / "changelog.d").glob("*.md"), key=lambda p: (len(p.name.split(".")[0]), p.name)
    )
    for path in paths:
        match = _FRAGMENT.fullmatch(path.name)
        if match is None:
            msg = f"changelog.d/{path.name}: not <issue>[.<topic>].<breaking|change|fix>.md"
            raise ValueError(msg)
        body = " ".join(path.read_text(encoding="utf-8").split())
        entries[match["kind"]].append(f"- {body} (#{match['issue']})")
    lines: list[str] = []
    for kind, heading in _HEADINGS.items():
        if entries[kind]:
            lines += [f"### {heading}", "", *entries[kind], ""]
    if not lines:
        lines = ["No unreleased changes.", ""]
    GENERATED.mkdir(parents=True, exist_ok=True)
    (GENERATED / "changelog-fragments.md").write_text("\n".join(lines), encoding="utf-8")


_write_cli_help()
_write_changelog_fragments()
