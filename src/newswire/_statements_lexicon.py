# The word lists the statement rules read, loaded once from data/ and shaped
# for fast lookup: the speech cues (data/speech_verbs.txt) as a map from first
# word to the cues starting with it, longest first, plus one compiled pattern
# that finds any cue's first word so that paragraphs without one are skipped
# without being tokenised; and the function-word classes of
# data/attribution_words.txt.
"""
Lexicons of the statement rules.
"""

from __future__ import annotations

import functools
import re

import attrs

from newswire._lexicons import read_lines, read_mapping, read_set

__all__ = [
    "CueForm",
    "cue_after_pattern",
    "cue_forms",
    "cue_pattern",
    "given_name_gender",
    "honorifics",
    "multiword_cues",
    "title_word",
    "titles",
    "word_class",
    "word_classes",
]


@attrs.frozen
class CueForm:
    """
    One inflected cue: its words (casefolded) and the lemma it belongs to.
    """

    words: tuple[str, ...]
    lemma: str


@functools.cache
def cue_forms() -> dict[str, tuple[CueForm, ...]]:
    """
    Map the first word of every cue form to its forms, longest first.

    >>> [f.lemma for f in cue_forms()["said"]]
    ['say']
    """
    table: dict[str, list[CueForm]] = {}
    for line in read_lines("speech_verbs.txt"):
        lemma, _, forms = line.partition("|")
        for form in forms.split(","):
            words = tuple(form.strip().casefold().split())
            if words:
                table.setdefault(words[0], []).append(CueForm(words, lemma.strip()))
    return {
        key: tuple(sorted(set(value), key=lambda f: -len(f.words))) for key, value in table.items()
    }


@functools.cache
def multiword_cues() -> dict[str, re.Pattern[str]]:
    """
    Map each first word that begins only multi-word cues to a pattern of those cues.

    The pattern matches, in lower-cased text, a whole cue ("going on to
    say") whose last word is a whole token: where it fails, no cue starts
    there, and the sentence need not be tokenised to find out.

    >>> pattern = multiword_cues()["going"]
    >>> bool(pattern.match("going on to say")), bool(pattern.match("going home"))
    (True, False)
    >>> "said" in multiword_cues()
    False
    """
    table: dict[str, re.Pattern[str]] = {}
    # The tail is the complement of how a word token of _sentences.WORD
    # continues ("say's", "say-so"), so "say" must be a token of its own.
    tail = r"(?![^\W_]|['’.\-][^\W_])"
    for first, forms in cue_forms().items():
        if any(len(form.words) == 1 for form in forms):
            continue
        spelled = sorted({r"\s+".join(map(re.escape, form.words)) for form in forms})
        table[first] = re.compile("(?:" + "|".join(spelled) + ")" + tail)
    return table


# A trie node: the next character to the node it leads to; "" marks a word's
# end. A plain dict (the compiled build cannot subclass a built-in type).
_Node = dict[str, "_Node"]


def _trie_pattern(words: list[str]) -> str:
    # A trie-shaped alternation: the regex engine then tries one branch per
    # character instead of every word at every position.
    trie: _Node = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: _Node) -> str:
        parts = []
        end = False
        for ch, child in sorted(node.items()):
            if ch == "":
                end = True
                continue
            parts.append(re.escape(ch) + render(child))
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if end else body

    return render(trie)


@functools.cache
def cue_after_pattern() -> re.Pattern[str]:
    """
    Return a pattern matching a character that ends no word, then a cue's first word.

    Group 1 is the cue word: the same words cue_pattern() finds, except at
    the very start of the scanned range, where no character precedes them.

    >>> [m.span(1) for m in cue_after_pattern().finditer("said it, xi said; unsaid")]
    [(12, 16)]
    """
    return re.compile(r"[^\w-](" + _trie_pattern(sorted(cue_forms())) + r")(?![\w-])")


@functools.cache
def cue_pattern() -> re.Pattern[str]:
    """
    Return a pattern matching the first word of any cue in lower-cased text.

    Callers scan a lower-cased copy of the text and check the case of what
    matched (see ``_attribution.tokens._cue_starts``): one lower-case trie is
    about a third faster than one holding the capitalised forms as well.

    >>> bool(cue_pattern().search("xi said it")), bool(cue_pattern().search("unsaid"))
    (True, False)
    """
    # The standard re module runs this generated trie about eight times
    # faster than regex does; the pattern has no nested quantifier at all.
    # The look-arounds stand for a word boundary that a hyphen also blocks.
    return re.compile(r"(?<![\w-])(?:" + _trie_pattern(sorted(cue_forms())) + r")(?![\w-])")


# The rules ask for word classes hundreds of thousands of times per
# megabyte, so the mapping is loaded at import and read without a call to
# the cached loader on every lookup.
_WORD_CLASSES = read_mapping("attribution_words.txt")


def word_classes() -> dict[str, str]:
    """
    Return the map behind word_class, for callers that look words up in a loop.

    >>> word_classes().get("also", "")
    'adverb'
    """
    return _WORD_CLASSES


def word_class(word: str) -> str:
    """
    Return the class of a function word (``adverb``, ``boundary`` ...) or ``""``.

    >>> word_class("also"), word_class("Xi")
    ('adverb', '')
    """
    return _WORD_CLASSES.get(word, "")


@functools.cache
def titles() -> frozenset[str]:
    """
    Return the title nouns (``president``, ``foreign minister``), casefolded.

    >>> "gov" in titles(), "minister" in titles()
    (True, True)
    """
    return frozenset(read_mapping("titles.txt"))


def title_word(word: str) -> str:
    """
    Return the full form of a title word (``gov`` → ``governor``).

    >>> title_word("Gov."), title_word("minister")
    ('governor', 'minister')
    """
    lowered = word.casefold().rstrip(".")
    return read_mapping("titles.txt").get(lowered, lowered)


def given_name_gender(word: str) -> str:
    """
    Return ``f`` or ``m`` for a common given name, else ``""``.

    >>> given_name_gender("Hillary"), given_name_gender("Zork")
    ('f', '')
    """
    return read_mapping("given_names.txt").get(word.casefold(), "")


def honorifics() -> frozenset[str]:
    """
    Return the honorifics (``mr``, ``ms``), casefolded.
    """
    return read_set("honorifics.txt")
