"""
Development sessions: tests, property, lint, typecheck, evaluate, docs, notebooks, fuzz.

Run ``nox -s tests`` from a fresh clone; ``uv`` is used when present (``nox -db uv``).
"""

from __future__ import annotations

import os
from pathlib import Path

import nox
import tomllib

ROOT = Path(__file__).parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PYTHONS = [
    c.rsplit(" :: ", 1)[-1]
    for c in PYPROJECT["project"]["classifiers"]
    if c.startswith("Programming Language :: Python :: 3.")
]
SHARED = Path(os.environ.get("NEWSWIRE_SHARED", ROOT.parent / "shared"))

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-e", ".")
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session(python=False if os.environ.get("NEWSWIRE_NOX_NO_VENV") else None)
def tests(session: nox.Session) -> None:
    """
    Run the test suite: unit tests, doctests, properties, notebooks, corpus checks.
    """
    _install(session, "tests")
    session.run(
        "pytest",
        "--cov=newswire",
        "--cov-branch",
        "--cov-report=term:skip-covered",
        "--doctest-modules",
        "src/newswire",
        "tests",
        *session.posargs,
    )


@nox.session(python=PYTHONS)
def compat(session: nox.Session) -> None:
    """
    Run the unit tests and doctests on every supported Python (those installed here).

    Not in CI, which has only Python 3.11; notebooks, docs and Dask are left to
    ``tests``.
    """
    session.install("-e", ".", "pytest", "hypothesis", "jsonschema")
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "--doctest-modules",
        "src/newswire",
        "tests",
        "--ignore=tests/test_notebooks.py",
        "--ignore=tests/test_dask.py",
        "--ignore=tests/test_docs.py",
        "--ignore=tests/test_render.py",
        *session.posargs,
    )


@nox.session
def compiled(session: nox.Session) -> None:
    """
    Build the compiled wheel (mypyc), install it and run the tests against it.

    The wheel is built from the sdist, as an installer would, so nothing
    compiled lands in src/. With ``NEWSWIRE_EXPECT_COMPILED`` set, the tests
    check that the compiled modules are the ones loaded and that every sample
    and shared-corpus text parses to byte-identical JSON in both builds.
    Notebooks and docs are left to ``tests``; doctests cannot be collected
    from compiled modules, and ``tests`` runs them on the same code.
    """
    wheels = Path(session.create_tmp()) / "wheels"
    for old in wheels.glob("*.whl"):
        old.unlink()
    session.run(
        "uv", "build", "--quiet", "--out-dir", str(wheels), external=True,
        env={"HATCH_BUILD_HOOKS_ENABLE": "1"},
    )  # fmt: skip
    [wheel] = wheels.glob("newswire-*-cp*.whl")
    session.install("--reinstall", str(wheel))
    session.install(*nox.project.dependency_groups(PYPROJECT, "tests"))
    session.run(
        "pytest",
        "-p",
        "no:cacheprovider",
        "tests",
        "--ignore=tests/test_notebooks.py",
        "--ignore=tests/test_docs.py",
        *session.posargs,
        env={"NEWSWIRE_EXPECT_COMPILED": "1"},
    )


@nox.session(name="property")
def property_tests(session: nox.Session) -> None:
    """
    Run only the Hypothesis properties, with more examples.
    """
    _install(session, "tests")
    session.run(
        "pytest", "-m", "property", "tests", "--hypothesis-profile=thorough", *session.posargs
    )


@nox.session
def fuzz(session: nox.Session) -> None:
    """
    Fuzz the parser for a few minutes with Hypothesis at high example counts.

    Not part of the default sessions. Runs the two properties that feed the
    parser arbitrary and damaged dispatch-like text (parse returns, spans are
    exact, paragraphs ordered, records round-trip through JSON and pickle) and
    the hostile-input tests, under the ``fuzz`` profile. Pass pytest options
    after ``--``, e.g. ``nox -s fuzz -- --hypothesis-seed=1``.
    """
    _install(session, "tests")
    session.run(
        "pytest",
        "-m",
        "property",
        "tests/property/test_properties.py",
        "-k",
        "test_any_text or test_dispatch_like_text",
        "--hypothesis-profile=fuzz",
        "--hypothesis-show-statistics",
        "-p",
        "no:cacheprovider",
        *session.posargs,
    )
    session.run("pytest", "tests/test_adversarial.py", "-p", "no:cacheprovider")


@nox.session
def lint(session: nox.Session) -> None:
    """
    Run ruff over everything.
    """
    session.install(*nox.project.dependency_groups(PYPROJECT, "lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """
    Run mypy --strict over src, tests, benchmarks and this file.
    """
    _install(session, "typecheck")
    session.run("mypy")


@nox.session
def evaluate(session: nox.Session) -> None:
    """
    Score the parser on the shared dev corpus and fail below the team's floors.
    """
    dev = SHARED / "corpus" / "dev"
    if not dev.is_dir():
        session.skip(f"no shared corpus at {dev}")
    session.install("-e", ".")
    session.run(
        "python",
        "benchmarks/floors.py",
        str(SHARED / "corpus"),
        # Every layout of ../shared/tools/layouts.py, rewritten at run time.
        "--layouts",
        *session.posargs,
    )


@nox.session
def docs(session: nox.Session) -> None:
    """
    Build the documentation site (warnings are errors; notebooks are executed).
    """
    _install(session, "docs")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    # No path of this machine on any built page (notebook tracebacks, outputs).
    session.run("python", "docs/check_paths.py", "docs/_build/html")


def _fresh_venv(session: nox.Session, name: str, *requirements: str) -> Path:
    # A venv of its own, outside nox's, holding only `requirements` and what
    # they pull in: what a user gets from the same install command.
    venv = Path(session.create_tmp()).resolve() / name
    session.run("uv", "venv", "--quiet", "--clear", str(venv), external=True)
    session.run(
        "uv", "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
        *requirements, external=True,
    )  # fmt: skip
    return venv


@nox.session
def package(session: nox.Session) -> None:
    """
    Build the sdist and wheel, check them with twine, and install each into a fresh venv.

    Each install is smoke-tested from outside the source tree: ``python -m
    newswire demo``, the ``newswire`` script, and a parse that reads the
    bundled data files. The wheel is the pure one (the compiled build is
    ``nox -s compiled``).
    """
    session.install("build>=1.2", "twine>=5.1")
    dist = Path(session.create_tmp()) / "dist"
    for old in dist.glob("newswire-*"):
        old.unlink()
    session.run("python", "-m", "build", "--outdir", str(dist), ".")
    built = sorted(dist.glob("newswire-*"))
    session.run("twine", "check", "--strict", *map(str, built))
    [sdist] = dist.glob("newswire-*.tar.gz")
    [wheel] = dist.glob("newswire-*.whl")
    smoke = (
        "import newswire; d = newswire.parse(newswire.samples()['ap-flood.txt']);"
        "assert d.dateline is not None and d.statements, d;"
        "assert newswire.__file__.find('site-packages') > 0, newswire.__file__"
    )
    for artifact in (wheel, sdist):
        venv = _fresh_venv(session, f"fresh-{artifact.suffix.strip('.')}", str(artifact))
        python = str(venv / "bin" / "python")
        # Run from the venv's folder, so that src/ cannot be imported by accident.
        with session.chdir(venv):
            session.run(python, "-c", smoke, external=True)
            session.run(python, "-m", "newswire", "demo", silent=True, external=True)
            session.run(str(venv / "bin" / "newswire"), "--version", external=True)


@nox.session
def examples(session: nox.Session) -> None:
    """
    Execute every notebook in a fresh venv made from ``.[examples]`` only.

    This checks that the ``examples`` extra installs all that the notebooks
    need; the outputs are not saved (``nox -s notebooks`` does that).
    """
    venv = _fresh_venv(session, "examples-venv", f"{ROOT}[examples]")
    # The venv is not activated: the notebooks must not rely on PATH.
    session.run(
        str(venv / "bin" / "jupyter-execute"), "--kernel_name=python3", "--timeout=300",
        *map(str, sorted((ROOT / "examples").glob("*.ipynb"))),
        external=True, env={"JUPYTER_PLATFORM_DIRS": "1"},
    )  # fmt: skip


@nox.session
def notebooks(session: nox.Session) -> None:
    """
    Re-execute the example notebooks and store their outputs.
    """
    _install(session, "tests")
    for notebook in sorted((ROOT / "examples").glob("*.ipynb")):
        # `jupyter execute` comes with nbclient (in the tests group); nbconvert is not needed.
        session.run("jupyter", "execute", "--inplace", str(notebook))
