"""
Find paths of the machine that built something in the docs and their sources.

    python docs/check_paths.py [FOLDER_OR_FILE ...]   # default: the doc sources

Prints each hit as FILE:LINE: PATH and exits 1 when there is one. A page that
shows /work/..., /root/..., /home/..., /Users/... or a temporary folder tells a
reader about the machine it was built on, not about newswire. Used by the test
suite on the sources and by `nox -s docs` on the built site.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ANSI colour codes (in notebook tracebacks) would hide a path from the pattern.
_ANSI = re.compile(r"\x1b\[[0-9;]*m|\\u001b\[[0-9;]*m")
_PATH = re.compile(
    r"(?<![\w.~-])(?:/(?:work|root|home|Users|tmp|private/var|var/folders)/|[A-Z]:\\{1,2}Users\\{1,2})"
    r"[^\s\"'<>)]*"
)
_SUFFIXES = {".md", ".ipynb", ".py", ".html", ".txt", ".svg", ".json", ".js", ".rst"}


def sources() -> list[Path]:
    """
    The files the docs are made from: pages, notebooks, examples, README, pictures.
    """
    return [
        ROOT / "README.md",
        *sorted((ROOT / "docs").glob("*.md")),
        *sorted((ROOT / "docs" / "_static").glob("*")),
        *sorted((ROOT / "examples").glob("*.ipynb")),
        *sorted((ROOT / "examples").glob("*.py")),
        *sorted((ROOT / "examples" / "data").glob("*.md")),
    ]


def _files(targets: Iterable[Path]) -> Iterator[Path]:
    for target in targets:
        if target.is_dir():
            yield from (p for p in sorted(target.rglob("*")) if p.suffix in _SUFFIXES)
        elif target.is_file():
            yield target


def find(targets: Iterable[Path]) -> list[str]:
    """
    Return ``FILE:LINE: PATH`` for every machine path in the targets.
    """
    hits = []
    for path in _files(targets):
        if path.resolve() == Path(__file__).resolve():
            continue  # this file names the patterns it looks for
        text = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        for number, line in enumerate(text.splitlines(), 1):
            hits.extend(
                f"{name}:{number}: {match.group()}"
                for match in _PATH.finditer(_ANSI.sub(" ", line))
            )
    return hits


def main(argv: list[str]) -> int:
    """
    Print the hits; 1 when there are any.
    """
    targets = [Path(a).resolve() for a in argv] or sources()
    hits = find(targets)
    for hit in hits:
        print(hit)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
