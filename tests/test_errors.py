"""
Errors: the hierarchy, rendering with a caret, pickling for batches.
"""

from __future__ import annotations

import pickle

import pytest

import newswire
from newswire import Span
from newswire.errors import DispatchError, NewswireError


class TestDispatchError:
    def test_hierarchy(self) -> None:
        """
        A DispatchError is a NewswireError and a ValueError.
        """
        err = DispatchError("empty dispatch")

        assert isinstance(err, NewswireError)
        assert isinstance(err, ValueError)

    @pytest.mark.parametrize(
        ("kwargs", "rendered"),
        [
            pytest.param({}, "<string>: boom", id="no-source"),
            pytest.param({"source_id": "reu-0412"}, "reu-0412: boom", id="source"),
            pytest.param(
                {
                    "source_id": "reu-0412",
                    "text": "x\n, March 4 (Reuters) - Crude",
                    "offset": 2,
                    "length": 9,
                },
                "reu-0412, line 2, column 1: boom\n    , March 4 (Reuters) - Crude\n    ^~~~~~~~~",
                id="caret",
            ),
            pytest.param(
                {"text": "abc", "offset": 99},
                "<string>, line 1, column 4: boom\n    abc\n       ^",
                id="offset-past-end",
            ),
            pytest.param(
                {"text": "abc", "offset": -5},
                "<string>, line 1, column 1: boom\n    abc\n    ^",
                id="offset-before-start",
            ),
            pytest.param(
                {"text": "a\nbc", "span": Span(2, 4)},
                "<string>, line 2, column 1: boom\n    bc\n    ^",
                id="span",
            ),
        ],
    )
    def test_render(self, kwargs: dict[str, object], rendered: str) -> None:
        """
        Errors render as ``where: message``, with the line and a caret when placed.
        """
        actual = str(DispatchError("boom", **kwargs))  # type: ignore[arg-type]

        assert rendered == actual

    def test_long_line_is_cut_around_the_caret(self) -> None:
        """
        A very long line is shown as a window around the offending offset.
        """
        text = "x" * 10_000 + "HERE" + "y" * 10_000

        rendered = str(DispatchError("boom", text=text, offset=10_000, length=4))

        excerpt, caret = rendered.splitlines()[1:]
        assert len(excerpt) <= 4 + 120
        assert "HERE" == excerpt[caret.index("^") : caret.index("^") + 4]

    @pytest.mark.parametrize(
        "err",
        [
            pytest.param(DispatchError("boom"), id="bare"),
            pytest.param(DispatchError("boom", source_id="r-1"), id="source"),
            pytest.param(
                DispatchError("boom", source_id="r-1", text="ab\ncd", offset=4, span=Span(4, 5)),
                id="placed",
            ),
        ],
    )
    def test_pickles(self, err: DispatchError) -> None:
        """
        An error crosses a process boundary with everything it carries.
        """
        copy = pickle.loads(pickle.dumps(err))

        assert (str(err), err.source_id, err.line, err.column, err.span, err.offset) == (
            str(copy),
            copy.source_id,
            copy.line,
            copy.column,
            copy.span,
            copy.offset,
        )
        assert isinstance(copy, DispatchError)


class TestArgumentTypes:
    @pytest.mark.parametrize(
        ("value", "message"),
        [
            pytest.param(b"x", "parse() takes str, not bytes: decode it first", id="bytes"),
            pytest.param(
                bytearray(b"x"), "parse() takes str, not bytearray: decode", id="bytearray"
            ),
            pytest.param(None, "parse() takes str, not NoneType", id="none"),
            pytest.param(3, "parse() takes str, not int", id="int"),
            pytest.param(2.5, "parse() takes str, not float", id="float"),
            pytest.param(["a"], "parse() takes str, not list", id="list"),
        ],
    )
    def test_wrong_text_type(self, value: object, message: str) -> None:
        """
        Anything but a str is a TypeError that names the type (and says to decode bytes).
        """
        with pytest.raises(TypeError) as caught:
            newswire.parse(value)  # type: ignore[arg-type]

        assert str(caught.value).startswith(message)

    @pytest.mark.parametrize("text", ["", "   ", "\n\n", "\ufeff", "\u200b\u200b"])
    def test_empty_text_is_a_diagnostic(self, text: str) -> None:
        """
        Empty or blank text is not an error: the dispatch carries ``text.empty``.
        """
        dispatch = newswire.parse(text)

        assert ["text.empty"] == [d.code for d in dispatch.diagnostics]
        assert () == dispatch.paragraphs
