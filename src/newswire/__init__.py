"""
newswire: parse wire-service dispatches into typed, immutable records.

>>> import newswire
>>> d = newswire.parse("TOKYO (Kyodo) -- The ground shook.")
>>> d.dateline.agency
'Kyodo'
"""

from newswire._batch import parse_many
from newswire._evaluation_api import evaluate
from newswire._formats import to_ninjs, to_nitf
from newswire._model import (
    Author,
    Byline,
    Credit,
    Cue,
    Dateline,
    Diagnostic,
    Dispatch,
    Entity,
    Headline,
    Paragraph,
    Quote,
    SourceLine,
    Span,
    Speaker,
    Statement,
    Trailer,
)
from newswire._pipeline import parse, parse_file
from newswire._samples import samples
from newswire._schema import json_schema
from newswire._tables import to_dataframe
from newswire.errors import DispatchError, NewswireError, ReferenceDateError

__all__ = [
    "Author",
    "Byline",
    "Credit",
    "Cue",
    "Dateline",
    "Diagnostic",
    "Dispatch",
    "DispatchError",
    "Entity",
    "Headline",
    "NewswireError",
    "Paragraph",
    "Quote",
    "ReferenceDateError",
    "SourceLine",
    "Span",
    "Speaker",
    "Statement",
    "Trailer",
    "__version__",
    "evaluate",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
    "samples",
    "to_dataframe",
    "to_ninjs",
    "to_nitf",
]

__version__ = "0.1.0"


def __dir__() -> list[str]:
    return list(__all__)
