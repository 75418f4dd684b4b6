"""
Hypothesis strategies that build dispatch-like text, whole or damaged.

``dispatches()`` draws a headline, header lines (source line, byline,
dateline-like lines), body paragraphs with quotes, speech verbs and pronouns,
and a trailer, in the shapes of the agencies' copy; then ``damaged()`` may
break it: characters inserted, deleted or replaced with hostile ones (NUL,
lone surrogates, zero-width and Unicode spaces, curly and full-width
punctuation, stray quote marks), line ends changed to CRLF or CR, a BOM.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

PLACES = [
    "BEIJING",
    "LAGOS",
    "NEW YORK",
    "Panama  City",
    "UNITED NATIONS",
    "PORT-AU-PRINCE",
    "São Paulo",
    "TOKYO",
    "EL CAIRO",
    "WASHINGTON",
]
REGIONS = ["", ", N.Y.", ", Kenya", ", United States", " (NICARAGUA)"]
MONTHS = ["Jan", "Jan.", "Feb", "March", "Sept.", "Dec.", "30 jun", "9 JAN 90", "July 12."]
AGENCIES = ["Xinhua", "Reuters", "AP", "AFP", "UPI", "dpa", "EFE", "Kyodo", "TASS", "PTI"]
DASHES = [" --", " -", " —", " _", ":", " ―", ""]
NAMES = ["Li Wei", "Ann Lee", "John Smith", "Maria Gonzalez", "Hugh Hill", "Chege Mbiritu"]
PRONOUNS = ["he", "she", "they", "He", "She", "It"]
VERBS = [
    "said",
    "told reporters",
    "added",
    "insisted",
    "warned",
    "sighed",
    "according to",
    "said on Tuesday",
    "says",
]
WORDS = [
    "prices",
    "rose",
    "the",
    "government",
    "talks",
    "will",
    "resume",
    "on",
    "Monday",
    "cocoa",
    "shipments",
    "fell",
    "percent",
    "officials",
    "that",
    "and",
    "of",
    "Mr.",
    "U.S.",
    "mln",
    "bags",
    "1987",
    "a",
    "in",
]
QUOTES = [
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("«", "»"),
    ("'", "'"),
    ("``", "''"),
    ('"', ""),
]

ALL_CATEGORIES: list[Any] = [
    "L",
    "M",
    "N",
    "P",
    "S",
    "Zs",
    "Zl",
    "Zp",
    "Cc",
    "Cf",
    "Cs",
    "Co",
    "Cn",
]
HOSTILE = [
    "\0",
    "\ud800",
    "\udfff",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u00a0",
    "\u3000",
    "\u2028",
    "\r",
    "\r\n",
    "\t",
    "\x0b",
    "\x0c",
    "\x85",
    '"',
    "\u201c",
    "\u201d",
    "'",
    "(",
    ")",
    "--",
    "\uff08",
    "\uff02",
    "\uff0c",
    "\u00ad",
    "\u2060",
    "\n",
    "\n\n",
    " ",
    "\x7f",
    "\U0001f600",
    "e\u0301",
    "\u202e",
]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    """
    A sentence, perhaps a quote with its attribution.
    """
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
    shape = draw(st.integers(0, 4))
    verb = draw(st.sampled_from(VERBS))
    who = draw(st.sampled_from(NAMES + PRONOUNS))
    opening, closing = draw(st.sampled_from(QUOTES))
    if shape == 0:
        return f"{words.capitalize()}."
    if shape == 1:
        return f"{opening}{words.capitalize()},{closing} {who} {verb}."
    if shape == 2:
        return f"{who} {verb} {words}."
    if shape == 3:
        return f"{who} {verb}: {opening}{words.capitalize()}.{closing}"
    return f"{opening}{words.capitalize()}{closing}"


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """
    One to four sentences, sometimes hard-wrapped.
    """
    text = " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))
    if draw(st.booleans()):
        width = draw(st.integers(20, 70))
        lines, line = [], ""
        for word in text.split(" "):
            if line and len(line) + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        text = "\n".join(lines)
    return text


@st.composite
def dateline(draw: st.DrawFn) -> str:
    """
    A dateline-like opening: place, region, date, agency, separator, each optional.
    """
    place = draw(st.sampled_from(PLACES))
    region = draw(st.sampled_from(REGIONS))
    date = draw(st.one_of(st.just(""), st.sampled_from(MONTHS).map(lambda m: f", {m} 5")))
    agency = draw(st.one_of(st.just(""), st.sampled_from(AGENCIES).map(lambda a: f" ({a})")))
    return f"{place}{region}{date}{agency}{draw(st.sampled_from(DASHES))} "


@st.composite
def dispatches(draw: st.DrawFn) -> str:
    """
    A whole dispatch in one of the agencies' shapes.
    """
    parts: list[str] = []
    if draw(st.booleans()):
        headline = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
        parts.append(headline.upper() if draw(st.booleans()) else headline.capitalize())
    if draw(st.booleans()):
        parts.append(f"({draw(st.sampled_from(AGENCIES))}) 18:00, December 31, 2021")
    if draw(st.booleans()):
        parts.append(f"By {draw(st.sampled_from(NAMES)).upper()}")
    body: list[str] = draw(st.lists(paragraph(), min_size=0, max_size=5))
    opens_body = draw(st.booleans())
    if body and opens_body:
        body[0] = draw(dateline()) + body[0]
    elif draw(st.booleans()):
        parts.append(draw(dateline()).rstrip())
    parts.extend(body)
    if draw(st.booleans()):
        parts.append(
            draw(
                st.sampled_from(
                    [
                        "Enditem",
                        "Reuter",
                        "(Reporting by Ann Lee; Editing by John Smith)",
                        "Fin",
                        "--",
                    ]
                )
            )
        )
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n  ", "\n\n\n", "\r\n\r\n"]))
    return separator.join(parts)


@st.composite
def damaged(draw: st.DrawFn, base: st.SearchStrategy[str] | None = None) -> str:
    """
    A dispatch with random damage: insertions, deletions, hostile characters.
    """
    text = draw(base if base is not None else dispatches())
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.integers(0, 3))
        if action == 0:
            text = text[:position] + draw(st.sampled_from(HOSTILE)) + text[position:]
        elif action == 1:
            end = draw(st.integers(position, min(len(text), position + 12)))
            text = text[:position] + text[end:]
        elif action == 2:
            text = text[:position] + draw(st.text(max_size=8)) + text[position:]
        else:
            text = (
                text[:position]
                + draw(st.sampled_from(HOSTILE)) * draw(st.integers(1, 40))
                + text[position:]
            )
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n", "\u2028"])))
    if draw(st.integers(0, 5)) == 0:
        text = "\ufeff" + text
    return text


def any_text() -> st.SearchStrategy[str]:
    """
    Dispatch-like text, damaged text, or arbitrary Unicode (surrogates included).
    """
    return st.one_of(
        dispatches(),
        damaged(),
        # Every category, lone surrogates (Cs) included: valid str, invalid UTF-8.
        st.text(st.characters(categories=ALL_CATEGORIES), max_size=300),
        st.lists(
            st.sampled_from([*HOSTILE, "A", "B", ",", ".", " ", "said", "BEIJING"]), max_size=80
        ).map("".join),
    )
