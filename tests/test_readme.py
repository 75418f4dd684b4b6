"""
The README's example runs and prints exactly what the README shows.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import regex

README = Path(__file__).resolve().parent.parent / "README.md"


class TestReadme:
    def test_example_output_is_real(self) -> None:
        """
        Running the README's Python block prints the README's output block.
        """
        text = README.read_text(encoding="utf-8")
        code = regex.search(r"```python\n(.*?)```", text, regex.DOTALL)
        shown = regex.search(r"prints\n\n```\n(.*?)```", text, regex.DOTALL)
        assert code is not None
        assert shown is not None
        buffer = io.StringIO()

        with contextlib.redirect_stdout(buffer):
            exec(compile(code.group(1), str(README), "exec"), {})

        assert shown.group(1) == buffer.getvalue()

    def test_set_up_commands(self) -> None:
        """
        The README gives exactly the two set-up commands CI and newcomers use.
        """
        text = README.read_text(encoding="utf-8")

        assert "    pip install . && newswire demo\n" in text
        assert "    pip install nox && nox -s tests\n" in text
        assert "step nox -s tests\n" in (README.parent / ".ci" / "run").read_text("utf-8")
