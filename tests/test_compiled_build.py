"""
The compiled build: which modules mypyc compiles, and what they must not do.

mypyc compiles ``a == b`` between instances of a class it sees no ``__eq__``
on as ``a is b``; attrs adds ``__eq__`` at run time, where mypyc cannot see
it, so in a compiled module two equal records would compare unequal. The
scan below finds every ``==`` and ``!=`` in the compiled modules whose
operands mypy types as one of newswire's classes: there must be none.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newswire
from newswire._build import compiled, describe
from tests.conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

# Modules that must stay pure Python, and why (see pyproject.toml).
PURE = {
    "newswire._model": "records: == between attrs records would become identity",
    "newswire._pipeline": "parse() keeps its own errors for a wrong argument type",
    "newswire._cli": "the command line spends its time in the parser, not in itself",
    "newswire._batch": "batches spend their time in the parser and the process pool",
}


def compiled_modules() -> list[str]:
    """
    Return the modules the compiled build compiles, read from pyproject.toml.
    """
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11+")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["mypyc"]["include"]
    paths: list[Path] = []
    for entry in include:
        path = ROOT / entry
        paths.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [
        ".".join(p.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__") for p in paths
    ]


class TestCompiledModules:
    """
    The list of compiled modules in pyproject.toml.
    """

    def test_every_entry_is_a_module(self) -> None:
        """
        Each compiled module exists in src/ (a renamed module must be renamed there too).
        """
        modules = compiled_modules()

        assert modules
        for module in modules:
            parts = module.split(".")
            assert (SRC.joinpath(*parts).with_suffix(".py")).is_file() or (
                SRC.joinpath(*parts, "__init__.py").is_file()
            ), module

    def test_hot_modules_are_compiled_and_records_are_not(self) -> None:
        """
        The statement and speaker stages are compiled; records and the entry points are not.
        """
        modules = set(compiled_modules())

        assert {"newswire._attribution", "newswire._speakers", "newswire._mentions"} <= modules
        # Stage 6 is a package: every one of its modules is compiled.
        assert {"newswire._speakers.resolver", "newswire._speakers.name"} <= modules
        assert not modules & set(PURE), {m: PURE[m] for m in modules & set(PURE)}


class TestSourceTree:
    """
    The sources are what a checkout imports.
    """

    def test_no_compiled_modules_beside_the_sources(self) -> None:
        """
        No extension module in src/: one would shadow its source in an editable install.

        An in-tree compiled build (``HATCH_BUILD_HOOKS_ENABLE=1 pip install .``)
        leaves them there; build the compiled wheel from the sdist instead
        (``uv build`` or ``python -m build``), as ``nox -s compiled`` does.
        """
        leftovers = sorted(
            str(path.relative_to(ROOT))
            for suffix in ("so", "pyd")
            for path in SRC.rglob(f"*.{suffix}")
        )

        assert leftovers == []


def _newswire_class(type_: Any) -> str | None:
    # The name of a newswire class the type is an instance of, else None.
    from mypy.types import Instance, get_proper_type

    proper = get_proper_type(type_)
    if isinstance(proper, Instance) and proper.type.fullname.startswith("newswire."):
        return str(proper.type.fullname)
    return None


def _record_comparisons(modules: list[str]) -> tuple[list[str], int]:
    # Type-check the compiled modules with mypy and list each == or != whose
    # operands are typed as a newswire class; also return how many
    # comparisons were looked at, so that an empty scan cannot pass.
    build = pytest.importorskip("mypy.build")
    from mypy.modulefinder import BuildSource
    from mypy.nodes import ComparisonExpr
    from mypy.options import Options

    options = Options()
    options.preserve_asts = True
    options.export_types = True
    options.incremental = False
    options.follow_imports = "silent"
    options.mypy_path = [str(SRC)]
    files: dict[str, Path] = {}
    for module in modules:
        path = SRC.joinpath(*module.split("."))
        files[module] = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    sources = [BuildSource(str(file), module) for module, file in files.items()]
    result = build.build(sources=sources, options=options)
    # Where each compiled module writes a comparison, by Python's own parser;
    # mypy's types for all the modules it read are keyed by expression, and
    # its comparisons are matched to these by position. (mypy's tree
    # visitors are compiled classes, which interpreted code cannot subclass.)
    positions: dict[tuple[int, int], list[str]] = {}
    for module, file in files.items():
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                positions.setdefault((node.lineno, node.col_offset), []).append(module)
    types = result.types
    found: list[str] = []
    seen = 0
    for node in types:
        where = positions.get((node.line, node.column))
        if not isinstance(node, ComparisonExpr) or where is None:
            continue
        seen += 1
        for op, left, right in zip(node.operators, node.operands, node.operands[1:], strict=False):
            named = [_newswire_class(types.get(side)) for side in (left, right)]
            if op in {"==", "!="} and any(named):
                found.append(f"{'/'.join(where)}:{node.line}: {named[0]} {op} {named[1]}")
    return found, seen


class TestCompiledSafety:
    """
    What mypyc would compile differently from Python.
    """

    def test_no_equality_between_records_in_compiled_modules(self) -> None:
        """
        No == or != with a newswire record or class on either side in a compiled module.

        Compare offsets instead (``a.start == b.start and a.end == b.end``), or
        move the comparison to a pure module.
        """
        found, seen = _record_comparisons(compiled_modules())

        assert seen > 500  # the scan read the modules' comparisons
        assert found == []


@pytest.mark.skipif(
    not os.environ.get("NEWSWIRE_EXPECT_COMPILED"),
    reason="only in `nox -s compiled`, which installs the compiled build",
)
class TestCompiledInstall:
    """
    The compiled session really tests the compiled build.
    """

    def test_compiled_modules_are_loaded(self) -> None:
        """
        The installed package's hot modules are extension modules, not sources.
        """
        assert compiled()
        assert describe() == "compiled"
        assert "site-packages" in (newswire.__file__ or "")


def _texts() -> list[tuple[str, str, str | None]]:
    # (name, text, reference date): the bundled samples, and the shared dev
    # and seed corpora when they are beside the checkout.
    texts: list[tuple[str, str, str | None]] = [
        (f"sample {name}", text, None) for name, text in newswire.samples().items()
    ]
    for split in ("dev", "seed"):
        for path in sorted((CORPUS / split).glob("*.jsonl")):
            with path.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    record = json.loads(line)
                    texts.append(
                        (f"{path.name}:{number}", record["text"], record.get("reference_date"))
                    )
    return texts


def digests() -> dict[str, str]:
    """
    Return a digest of each text's parse (its ``to_dict()`` as JSON), by text name.
    """
    return {
        name: hashlib.sha256(
            json.dumps(newswire.parse(text, reference_date=date).to_dict(), sort_keys=True).encode()
        ).hexdigest()
        for name, text, date in _texts()
    }


@pytest.mark.skipif(
    not os.environ.get("NEWSWIRE_EXPECT_COMPILED"),
    reason="only in `nox -s compiled`, which installs the compiled build",
)
class TestSameOutput:
    """
    The compiled build parses exactly as the pure build does.
    """

    def test_every_text_parses_the_same(self) -> None:
        """
        Each sample and corpus text gives byte-identical to_dict() JSON from both builds.
        """
        pure = subprocess.run(
            [
                sys.executable,
                "-c",
                (
                    "import json, newswire._build as b;"
                    " from tests.test_compiled_build import digests;"
                    " assert not b.compiled(); print(json.dumps(digests()))"
                ),
            ],
            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(ROOT)])},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        expected = json.loads(pure.stdout)

        actual = digests()

        assert len(actual) > len(newswire.samples())
        assert sorted(k for k in actual if actual[k] != expected.get(k)) == []
        if not (CORPUS / "dev").is_dir():
            pytest.skip(f"compared the samples only: no shared corpus at {CORPUS}")
