# The JSON Schema of Dispatch.to_dict() ships as package data so that users can
# validate stored output without importing the parser's internals.
"""
The JSON Schema of the dispatch dictionary.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["json_schema"]


def json_schema() -> dict[str, Any]:
    """
    Return the JSON Schema (draft 2020-12) that ``Dispatch.to_dict()`` output follows.

    >>> schema = json_schema()
    >>> schema["title"], sorted(schema["required"])[:3]
    ('newswire Dispatch', ['byline', 'dateline', 'diagnostics'])

    .. versionadded:: 0.1
    """
    raw = resources.files("newswire").joinpath("data", "dispatch.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(raw)
    return schema
