# The bundled sample dispatches (data/samples/*.txt). The team wrote every one
# of them in an agency's house style, so they can ship with the package and
# be used in examples, notebooks and documentation; none is real news copy.
# Read through importlib.resources so they work from a wheel or a zip.
"""
The sample dispatches bundled with newswire.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["SAMPLES_REFERENCE_DATE", "samples"]

# Most samples have datelines without a year, as wire copy does; they were all
# written as if filed in the same week, so this date gives every one its year.
SAMPLES_REFERENCE_DATE = "2024-05-15"


def samples() -> dict[str, str]:
    """
    Return the bundled sample dispatches as ``{file name: text}``, in name order.

    The samples were written by the newswire developers in the house styles
    of Xinhua, Reuters, AP, AFP, UPI, PTI, ANI, Yonhap, Kyodo, TASS, dpa,
    EFE and The Canadian Press, and of a PR Newswire release, with direct
    quotes, reported speech and pronouns or titles that refer back to named
    people. They are dated in May 2024 but, like real wire copy,
    most datelines carry no year: parse them with
    ``reference_date="2024-05-15"``.

    Returns:
        A new dict on every call, mapping names such as ``"reuters-markets.txt"``
        to the dispatch text.

    >>> import newswire
    >>> texts = newswire.samples()
    >>> texts["xinhua-demo.txt"].splitlines()[2]
    '(Xinhua) 09:30, March 14, 2024'
    >>> d = newswire.parse(texts["reuters-markets.txt"], reference_date="2024-05-15")
    >>> d.dateline.place, d.dateline.agency, d.dateline.date.isoformat()
    ('WARSAW', 'Reuters', '2024-05-14')

    .. versionadded:: 0.1
    """
    folder = resources.files("newswire").joinpath("data", "samples")
    found = {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".txt")
    }
    return dict(sorted(found.items()))
