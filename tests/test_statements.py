"""
Attributed statements: quote scanning, sentences and the attribution rules.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newswire._attribution as attribution
from newswire import parse, samples
from newswire._attribution import tokens
from newswire._attribution.tokens import Sentence, _cue_starts, _lower_case, _possible_cues
from newswire._quotes import has_quote_mark, quote_marks, scan_quotes, single_quoted
from newswire._sentences import WORD, split_sentences


def _statements(text: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    dispatch = parse(text)
    return [
        (
            s.kind,
            None if s.cue is None else s.cue.text,
            None if s.speaker is None else s.speaker.text,
            [f.slice(text) for f in s.content.fragments],
        )
        for s in dispatch.statements
    ]


QUOTES_QUOTES = [
    pytest.param('She said: "We will win," and left.', ["We will win,"], id="straight"),
    pytest.param("“Rates will rise,” the bank said.", ["Rates will rise,"], id="curly"),
    pytest.param("``It is over,'' the coach said.", ["It is over,"], id="tbaq-backticks"),
    pytest.param("''We are ready,'' Ms. Ray said.", ["We are ready,"], id="nyt-doubled"),
    pytest.param("«Nous gagnerons», a dit le maire.", ["Nous gagnerons"], id="guillemets"),
    pytest.param("„Wir schaffen das“, sagte sie.", ["Wir schaffen das"], id="german"),
    pytest.param("The horses' carrots weren't fresh.", [], id="apostrophes"),
]

REPORTED_CASES = [
    pytest.param(
        "Mayor Ann Lee said the bridge will reopen in May.",
        [("indirect", "said", "Mayor Ann Lee", ["the bridge will reopen in May"])],
        id="said",
    ),
    pytest.param(
        "The premier noted that exports grew for a third month.",
        [("indirect", "noted", "The premier", ["that exports grew for a third month"])],
        id="noted-that",
    ),
    pytest.param(
        "Lee stressed that the port must stay open.",
        [("indirect", "stressed", "Lee", ["that the port must stay open"])],
        id="stressed",
    ),
    pytest.param(
        "She told reporters on Monday that talks would resume.",
        [("indirect", "told reporters on Monday", "She", ["that talks would resume"])],
        id="told-listener",
    ),
    pytest.param(
        "He also called for calm in the border towns.",
        [("indirect", "called for", "He", ["calm in the border towns"])],
        id="called-for",
    ),
    pytest.param(
        "The ministry said in a statement that the dam was safe.",
        [("indirect", "said in a statement", "The ministry", ["that the dam was safe"])],
        id="said-in-a-statement",
    ),
    pytest.param(
        "Sources said the deal was close.",
        [("indirect", "said", "Sources", ["the deal was close"])],
        id="anonymous-group",
    ),
    pytest.param(
        "Ravi Menon, a port official, said the cranes were idle.",
        [("indirect", "said", "Ravi Menon", ["the cranes were idle"])],
        id="appositive",
    ),
    pytest.param(
        "Dairy farmers who say the quota hurts them will march.",
        [("indirect", "say", "who", ["the quota hurts them will march"])],
        id="who-say-without-comma",
    ),
    pytest.param(
        "His advisers say the tour will go ahead.",
        [("indirect", "say", "His advisers", ["the tour will go ahead"])],
        id="possessive-plural-subject",
    ),
    pytest.param(
        "A mere 12 percent say they trust the council.",
        [("indirect", "say", "A mere 12 percent", ["they trust the council"])],
        id="a-percent-say",
    ),
    pytest.param(
        "A clear majority of local voters say they back the new stadium.",
        [("indirect", "say", "A clear majority of local voters", ["they back the new stadium"])],
        id="majority-of-plural-say",
    ),
    pytest.param(
        "The port director, Ann Lee, told lawmakers on Friday that cargo volumes fell.",
        [("indirect", "told", "The port director", ["that cargo volumes fell"])],
        id="appositive-subject-told",
    ),
    pytest.param(
        "Ministers agreed the budget would be cut, Lee said.",
        [
            ("indirect", "agreed", "Ministers", ["the budget would be cut"]),
            ("indirect", "said", "Lee", ["the budget would be cut"]),
        ],
        id="content-ends-before-reporting-clause",
    ),
    pytest.param(
        "But growers, including the largest cooperative, argue they cannot absorb the levy.",
        [("indirect", "argue", "growers", ["they cannot absorb the levy"])],
        id="plural-subject-parenthetical-base-form",
    ),
    pytest.param(
        "Steel makers, for instance, argue that imports doubled in a year.",
        [("indirect", "argue", "Steel makers", ["that imports doubled in a year"])],
        id="subject-interrupted-argue-that",
    ),
    pytest.param(
        "The mayor did not mention the strike in her speech.",
        [("indirect", "mention", "The mayor", ["the strike in her speech"])],
        id="negated-cue",
    ),
    pytest.param(
        "The union has not yet responded to the offer.",
        [("indirect", "responded to", "The union", ["the offer"])],
        id="respond-to-object",
    ),
    pytest.param(
        "Lee said on Monday at a forum in Dayton, Ohio, that the plant will close.",
        [("indirect", "said on Monday", "Lee", ["that the plant will close"])],
        id="that-after-place-with-comma",
    ),
    # A quantifier standing for people is the subject (issue 15).
    pytest.param(
        '"The shares are cheap," one dealer said. Another said the rally would fade.',
        [
            ("direct", "said", "one dealer", ["The shares are cheap,"]),
            ("indirect", "said", "Another", ["the rally would fade"]),
        ],
        id="another-said",
    ),
    pytest.param(
        "Most dealers expected a cut, but some said the bank would wait.",
        [("indirect", "said", "some", ["the bank would wait"])],
        id="but-some-said",
    ),
    pytest.param(
        "Two in three said fares were too high and one in four said service had improved.",
        [
            ("indirect", "said", "Two in three", ["fares were too high"]),
            ("indirect", "said", "one in four", ["service had improved"]),
        ],
        id="two-in-three-and-one-in-four",
    ),
    pytest.param(
        "All but two said the levy should be dropped.",
        [("indirect", "said", "All but two", ["the levy should be dropped"])],
        id="all-but-two",
    ),
    pytest.param(
        "Ana Lee, who has said she will not run, said on Monday that the race was open.",
        [
            ("indirect", "said", "who", ["she will not run"]),
            ("indirect", "said on Monday", "Ana Lee", ["that the race was open"]),
        ],
        id="relative-clause-with-its-own-cue",
    ),
    pytest.param(
        '"We need him home," his wife, Elena Ruiz, wrote.',
        [("direct", "wrote", "Elena Ruiz", ["We need him home,"])],
        id="description-and-name-after-quote",
    ),
    pytest.param(
        '"The talks are over," a source, who asked not to be named, said.',
        [("direct", "said", "a source", ["The talks are over,"])],
        id="unnamed-source-after-quote",
    ),
    pytest.param(
        "A source who asked not to be identified said the bid was dropped.",
        [("indirect", "said", "A source", ["the bid was dropped"])],
        id="asked-not-to-be-identified",
    ),
    pytest.param(
        "The F.B.I. director, James B. Comey, said the review was over.",
        [("indirect", "said", "The F.B.I. director", ["the review was over"])],
        id="dotted-abbreviation-in-description",
    ),
    pytest.param(
        "Lee recalled 1968 as a year of chaos.",
        [("indirect", "recalled", "Lee", ["1968 as a year of chaos"])],
        id="recalled-a-year",
    ),
    pytest.param(
        "Lee recalled that the plant had closed twice.",
        [("indirect", "recalled", "Lee", ["that the plant had closed twice"])],
        id="recalled-that",
    ),
]

DIRECT_CASES = [
    pytest.param(
        '"We will win," Lee said.',
        [("direct", "said", "Lee", ["We will win,"])],
        id="quote-first",
    ),
    pytest.param(
        '"We will win," said Lee.', [("direct", "said", "Lee", ["We will win,"])], id="inverted"
    ),
    pytest.param(
        'Lee said: "We will win."', [("direct", "said", "Lee", ["We will win."])], id="colon"
    ),
    pytest.param(
        '"We will win," he said, "because we trained."',
        [("direct", "said", "he", ["We will win,", "because we trained."])],
        id="split",
    ),
    pytest.param(
        '"It is done," he added. "Now we rest."',
        [("direct", "added", "he", ["It is done,", "Now we rest."])],
        id="following-quote",
    ),
    pytest.param(
        "''Taxes will fall,'' Ms. Ray said.",
        [("direct", "said", "Ms. Ray", ["Taxes will fall,"])],
        id="nyt-doubled",
    ),
    pytest.param(
        "“Can you fix it?” Lee asked.",
        [("direct", "asked", "Lee", ["Can you fix it?"])],
        id="question-then-name",
    ),
]

ACCORDINGTO_CASES = [
    pytest.param(
        "According to the ministry, 40 people were hurt.",
        [("according_to", "According to", "the ministry", ["40 people were hurt"])],
        id="front",
    ),
    pytest.param(
        "Forty people were hurt, according to police.",
        [("according_to", "according to", "police", ["Forty people were hurt"])],
        id="behind",
    ),
]

MORE_CASES = [
    pytest.param(
        '"The levee will hold," Ann Lee, a city engineer, said on Tuesday.',
        [("direct", "said on Tuesday", "Ann Lee", ["The levee will hold,"])],
        id="quote-then-appositive",
    ),
    pytest.param(
        "Rep. Ann Lee (D-Ore.) said the bill would pass.",
        [("indirect", "said", "Rep. Ann Lee", ["the bill would pass"])],
        id="party-parenthesis",
    ),
    pytest.param(
        "Grain stocks fell for a third week, Tom Ruiz told Radio Rural on Friday.",
        [("indirect", "told", "Tom Ruiz", ["Grain stocks fell for a third week"])],
        id="trailing-with-listener",
    ),
    pytest.param(
        "Ann Lee, who chairs the panel, said the report was late.",
        [("indirect", "said", "Ann Lee", ["the report was late"])],
        id="relative-clause-appositive",
    ),
    pytest.param(
        "The mayor toured the dam, saying repairs would start soon.",
        [("indirect", "saying", "The mayor", ["repairs would start soon"])],
        id="participle-after-other-verb",
    ),
    pytest.param(
        "The fees are reported in broad ranges.",
        [],
        id="passive-no-content",
    ),
    pytest.param(
        "Lee said the plan, which costs $2 billion, was sound.",
        [("indirect", "said", "Lee", ["the plan, which costs $2 billion, was sound"])],
        id="relative-clause-in-content",
    ),
    pytest.param(
        "Lee said the dam was safe, which pleased the farmers.",
        [("indirect", "said", "Lee", ["the dam was safe"])],
        id="content-stops-at-which",
    ),
]

ANNOUNCED_CASES = [
    pytest.param(
        'Port chief Ann Lee said in a statement. "The cranes are back."',
        [("direct", "said in a statement", "Port chief Ann Lee", ["The cranes are back."])],
        id="statement-then-quote",
    ),
    pytest.param(
        'The minister added:\n\n"We will not raise fares."',
        [("direct", "added", "The minister", ["We will not raise fares."])],
        id="colon-then-quote-paragraph",
    ),
    pytest.param(
        "Lee said in a statement. The vote was late.",
        [],
        id="no-quote-follows",
    ),
]

QUESTION_CASES = [
    pytest.param(
        "Asked whether taxes would rise, the mayor smiled.",
        [("indirect", "Asked", None, ["whether taxes would rise"])],
        id="asked-whether",
    ),
    pytest.param(
        "Lee was asked if the port would close. He said no.",
        [
            ("indirect", "asked", None, ["if the port would close"]),
            ("indirect", "said", "He", ["no"]),
        ],
        id="was-asked-if",
    ),
]

NOTSTATEMENTS_CASES = [
    pytest.param(
        "Sentiment turned on the weather, and reports that output was below quota.",
        id="and-reports-noun",
    ),
    pytest.param(
        "Poor roads and badly maintained plantations slowed output.", id="adjectival-participle"
    ),
    pytest.param("The debate turned into shouting matches with Lee.", id="gerund-modifier"),
    pytest.param("A law suit challenging the rule was filed in May.", id="reduced-relative"),
    pytest.param(
        "The council meets on Thursday and the plan will be shown before announcing new measures.",
        id="gerund-of-an-action",
    ),
    pytest.param(
        "MIAMI (AP) — His failures and alleged fraudulent schemes have not hurt him.",
        id="ap-alleged-adjective",
    ),
    pytest.param(
        "WASHINGTON (Reuters) - The plan failed. (Reporting by Ana Lee; Additional reporting by "
        "Raj Patel in Boston; Editing by Tom Brown)",
        id="reuters-reporting-credit",
    ),
    pytest.param('The United States "needs a better deal" now.', id="united-states"),
    pytest.param("All told, the storm cost $2 billion.", id="all-told"),
    pytest.param("The so-called reform passed.", id="so-called"),
    pytest.param("The aforesaid clause was dropped.", id="aforesaid"),
    pytest.param('Burton thinks that cats are "cuties".', id="scare-quotes"),
    pytest.param("It is believed the ship sank.", id="cognition"),
    pytest.param("His comments drew anger.", id="noun-comments"),
    pytest.param("He bought one said to be the best in town.", id="one-said-to-be"),
    pytest.param("The one said to be the favourite won the race.", id="the-one-said-to-be"),
    pytest.param("Tesla recalled 120,000 cars over a seat-belt fault.", id="product-recall"),
    pytest.param("The maker recalled more than 5,000 heaters.", id="recall-more-than"),
    pytest.param("The company recalled its diabetes drugs in May.", id="recall-products"),
]


CUE_WORDS = [
    pytest.param("Ann Lee said on Friday.", ["said"], id="reuters-lower"),
    pytest.param('"No," Said Lee.', ["Said"], id="capitalised"),
    pytest.param("LEE SAID TALKS WILL RESUME", [], id="all-capitals-headline"),
    pytest.param("The unsaid part of a said-so deal.", [], id="inside-words"),
    pytest.param(
        "Xi told reporters, adding that ties are strong.", ["told", "adding"], id="xinhua"
    ),
]

POSSIBLE_CUES = [
    pytest.param("Lee went on to say the deal was done.", ["went", "say"], id="multiword-kept"),
    pytest.param("Lee went home after the vote.", [], id="multiword-not-a-cue"),
    # Unsure (no space to end the word): kept for the tokens to decide.
    pytest.param("Lee went home. Then he went", ["went"], id="multiword-at-end"),
    pytest.param('"Nobody said it would be easy," Lee said.', ["said"], id="quoted-cue"),
    pytest.param("Pointing out the cost, Lee said no.", ["Pointing", "said"], id="capitalised"),
]

SENTENCES = [
    pytest.param('"We will win," Ann Lee said.', id="ap-trailing"),
    pytest.param("He said: ``It is over.'' Then he left.", id="tbaq-backticks"),
    pytest.param('Lee said "the deal is dead and', id="unclosed"),
    pytest.param('"Yes." "No," she said, "maybe."', id="three-quotes"),
    pytest.param("No quotation here, the minister said.", id="none"),
]


def _token_quotes(text: str) -> tuple[list[int], list[bool], list[bool]]:
    # The plain per-token reading that Sentence's slice assignments replace.
    quotes = scan_quotes(text, 0, len(text))
    quote_of: list[int] = []
    is_open: list[bool] = []
    is_close: list[bool] = []
    for match in WORD.finditer(text):
        pos = match.start()
        inside = [qi for qi, q in enumerate(quotes) if q.start <= pos < q.end]
        qi = inside[0] if inside else -1
        quote_of.append(qi)
        is_open.append(qi >= 0 and pos == quotes[qi].start)
        is_close.append(
            qi >= 0
            and pos != quotes[qi].start
            and quotes[qi].closed
            and pos >= quotes[qi].inner_end
        )
    return quote_of, is_open, is_close


class TestCueCandidates:
    @pytest.mark.parametrize(("text", "words"), CUE_WORDS)
    def test_cue_words(self, text: str, words: list[str]) -> None:
        """
        Cue words are found in lower case or capitalised, as whole words only.
        """
        found = _cue_starts(text, _lower_case(text), 0, len(text))

        assert words == [text[pos:].split(maxsplit=1)[0].strip(",.") for pos in found]

    @pytest.mark.parametrize(("text", "words"), POSSIBLE_CUES)
    def test_possible_cues(self, text: str, words: list[str]) -> None:
        """
        Candidates in quotations and multi-word cues without their rest are dropped.
        """
        lowered = _lower_case(text)
        quotes = scan_quotes(text, 0, len(text))
        found = _possible_cues(lowered, quotes, _cue_starts(text, lowered, 0, len(text)))

        assert words == [text[pos:].split(maxsplit=1)[0].strip(",.") for pos in found]

    def test_lower_case_keeps_offsets(self) -> None:
        """
        The lower-cased copy keeps every character at its offset.
        """
        text = "İstanbul (Anadolu) - Officials SAID"

        assert (len(text), "officials said") == (len(_lower_case(text)), _lower_case(text)[-14:])

    @given(st.text(alphabet="aΑς İ\n.é", max_size=60))
    def test_lower_case_in_pieces(self, text: str) -> None:
        """
        A long text lowered a piece at a time keeps its offsets, and reads as
        str.lower() of the whole wherever that keeps them too. (Not final
        sigma, the one letter whose lower case depends on the next: the
        compiled build lowers it as a lone letter, which no cue word meets.)
        """
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(tokens, "_LOWER_PIECE", 3)
            lowered = _lower_case(text)

        assert len(text) == len(lowered)
        if len(text.lower()) == len(text):
            assert text.lower() == lowered

    def test_quote_marks(self) -> None:
        """
        Every quotation mark of a dispatch is found in one pass.
        """
        text = "“Yes,” he said. ``No,'' she said."

        assert [0, 5, 16, 21] == quote_marks(text)

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("Prices rose 3 pct, the ministry said.", id="reuters-no-quote"),
            pytest.param("“We will win,” Lee said. Trade was calm.", id="curly"),
            pytest.param("``It is over,'' she said.", id="ap-backticks"),
            pytest.param('The 12" pipe burst.', id="inch-mark"),
        ],
    )
    def test_has_quote_mark(self, text: str) -> None:
        """
        A range holds a quotation mark exactly when quote_marks finds one in its text.
        """
        ranges = [(a, b) for a in range(len(text)) for b in range(a, len(text) + 1)]

        assert [bool(quote_marks(text[a:b])) for a, b in ranges] == [
            has_quote_mark(text, a, b) for a, b in ranges
        ]


class TestSentenceTokens:
    @pytest.mark.parametrize("text", SENTENCES)
    def test_quote_marking(self, text: str) -> None:
        """
        Tokens are marked as opening, inside or closing a quotation, as read token by token.
        """
        sentence = Sentence(
            text, _lower_case(text), 0, len(text), quotes=scan_quotes(text, 0, len(text))
        )

        assert _token_quotes(text) == (sentence.quote_of, sentence.is_open, sentence.is_close)

    def test_tokens(self) -> None:
        """
        Tokens are read lower-cased, with their offsets in the text.
        """
        text = "U.S. Trade Rep. Lee's co-operation, said Xi."
        sentence = Sentence(text, _lower_case(text), 0, len(text), quotes=[])

        assert (
            ["u.s", ".", "trade", "rep", ".", "lee's", "co-operation", ",", "said", "xi", "."],
            [text[a:b].lower() for a, b in zip(sentence.starts, sentence.ends, strict=True)],
        ) == (sentence.lowers, sentence.lowers)


class TestQuotes:
    @pytest.mark.parametrize(("text", "inner"), QUOTES_QUOTES)
    def test_pairs(self, text: str, inner: list[str]) -> None:
        """
        Quotation marks of every style pair up; apostrophes are not quotes.
        """
        quotes = scan_quotes(text, 0, len(text))

        assert inner == [text[q.inner_start : q.inner_end] for q in quotes]

    def test_unclosed_runs_to_paragraph_end(self) -> None:
        """
        A quotation still open at the paragraph end is unclosed.
        """
        text = '"We will keep going, and we will not stop'
        quotes = scan_quotes(text, 0, len(text))

        assert (False, len(text)) == (quotes[0].closed, quotes[0].inner_end)


class TestSentences:
    def test_abbreviations_and_quotes(self) -> None:
        """
        Abbreviations and quoted full stops do not end a sentence.
        """
        text = 'Gov. Ann Lee spoke on Dec. 3 in the U.S. capital. "It ends. Now," she said. Go.'
        quote = text.index('"')
        protected = [(quote, text.index('"', quote + 1) + 1)]

        assert [
            "Gov. Ann Lee spoke on Dec. 3 in the U.S. capital.",
            '"It ends. Now," she said.',
            "Go.",
        ] == [text[a:b] for a, b in split_sentences(text, 0, len(text), protected)]


class TestReported:
    @pytest.mark.parametrize(("text", "expected"), REPORTED_CASES)
    def test_reported(self, text: str, expected: list[object]) -> None:
        """
        Reported speech: speaker, cue and content in the agencies' styles.
        """
        actual = _statements(text)

        assert expected == actual


class TestTrailingAndInterrupted:
    def test_trailing_with_adding(self) -> None:
        """
        ``..., he said, adding that ...`` gives two statements by one speaker.
        """
        text = (
            "Ann Lee spoke in Lagos. Fuel stocks have been low for weeks, she said, "
            "adding that imports would rise."
        )
        actual = _statements(text)

        assert [
            ("indirect", "said", "she", ["Fuel stocks have been low for weeks"]),
            ("indirect", "adding", "she", ["that imports would rise"]),
        ] == actual

    def test_interrupted(self) -> None:
        """
        ``The two firms, he added, have ...`` is one statement in two fragments.
        """
        text = "The two firms, he added, have worked together for a decade."
        actual = _statements(text)

        assert [
            ("indirect", "added", "he", ["The two firms", "have worked together for a decade"])
        ] == actual

    def test_participle_in_front(self) -> None:
        """
        ``Noting that ..., X said ...``: both statements belong to X.
        """
        text = "Noting that rain had stopped, Lee said the roads would reopen."
        actual = _statements(text)

        assert [
            ("indirect", "Noting", "Lee", ["that rain had stopped"]),
            ("indirect", "said", "Lee", ["the roads would reopen"]),
        ] == actual

    def test_fronted_non_speech_phrase(self) -> None:
        """
        ``Looking ahead, X stressed that ...``: the phrase is no statement.
        """
        text = "Looking ahead, Lee stressed that prices would fall."

        assert [("indirect", "stressed", "Lee", ["that prices would fall"])] == _statements(text)


class TestDirect:
    @pytest.mark.parametrize(("text", "expected"), DIRECT_CASES)
    def test_direct(self, text: str, expected: list[object]) -> None:
        """
        Direct quotes in every attribution order.
        """
        actual = _statements(text)

        assert expected == actual

    def test_mixed(self) -> None:
        """
        Reported speech with a quoted part is ``mixed``.
        """
        text = 'Lee said he was "deeply troubled" by the vote.'

        assert [("mixed", "said", "Lee", ['he was "deeply troubled" by the vote'])] == (
            _statements(text)
        )

    def test_floating_paragraph(self) -> None:
        """
        A quote paragraph with no attribution continues the statement before it.
        """
        text = (
            'Ports reopen\n\nLAGOS (Reuters) - "We are ready," Lee said.\n\n"Trucks leave at dawn."'
        )
        statements = parse(text).statements

        assert [("Lee", (0, 1), "We are ready. Trucks leave at dawn.")] == [
            (s.speaker.text, s.paragraphs, s.content.joined) for s in statements if s.speaker
        ]


class TestAccordingTo:
    @pytest.mark.parametrize(("text", "expected"), ACCORDINGTO_CASES)
    def test_according_to(self, text: str, expected: list[object]) -> None:
        """
        ``according to`` attributions before and after the content.
        """
        actual = _statements(text)

        assert expected == actual


class TestNotStatements:
    @pytest.mark.parametrize("text", NOTSTATEMENTS_CASES)
    def test_none(self, text: str) -> None:
        """
        Look-alikes of cues and quotes are not statements.
        """
        actual = _statements(text)

        assert [] == actual


class TestMoreShapes:
    @pytest.mark.parametrize(("text", "expected"), MORE_CASES)
    def test_shapes(self, text: str, expected: list[object]) -> None:
        """
        Appositives, parentheses, listeners, participles and passives.
        """
        actual = _statements(text)

        assert expected == actual


class TestAnnounced:
    @pytest.mark.parametrize(("text", "expected"), ANNOUNCED_CASES)
    def test_announced(self, text: str, expected: list[object]) -> None:
        """
        An attribution with no content takes the quotation that follows it.
        """
        actual = _statements("Ports\n\nLAGOS (Reuters) - Intro.\n\n" + text)

        assert expected == actual


class TestQuestions:
    @pytest.mark.parametrize(("text", "expected"), QUESTION_CASES)
    def test_questions(self, text: str, expected: list[object]) -> None:
        """
        A question put by an unnamed asker is a statement with no speaker.
        """
        actual = _statements(text)

        assert expected == actual


class TestPrepositionBeforeParticiple:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "The senator ended the debate by saying that taxes would fall.",
                [("The senator", "saying", "that taxes would fall")],
                id="ap-by-saying",
            ),
            pytest.param(
                'Lee answered the letter by calling the plan "reckless".',
                [("Lee", "calling", 'the plan "reckless"')],
                id="reuters-by-calling",
            ),
        ],
    )
    def test_clause_subject_speaks(self, text: str, expected: list[tuple[str, str, str]]) -> None:
        """
        In "X did Y by saying Z" the speaker is X, never the noun before "by".
        """
        dispatch = parse(text)

        found = [
            (s.speaker.text if s.speaker is not None else "", s.cue.text, s.content.text)
            for s in dispatch.statements
            if s.cue is not None and s.cue.text in {"saying", "calling"}
        ]

        assert expected == found


def _speech(text: str) -> list[tuple[str | None, str | None, str]]:
    # (speaker mention, cue, joined content) of each statement.
    return [
        (
            None if s.speaker is None else s.speaker.text,
            None if s.cue is None else s.cue.text,
            s.content.joined,
        )
        for s in parse(text).statements
    ]


NESTED_CASES = [
    pytest.param(
        "BEIJING, Dec. 15 (Xinhua) -- Xi said he and Putin jointly announced the extension "
        "of the treaty.",
        [("Xi", "said", "he and Putin jointly announced the extension of the treaty")],
        id="xinhua-nested-announced",
    ),
    pytest.param(
        "COLUMBUS, Ohio (AP) — DeWine said he had asked the Guard to help.",
        [("DeWine", "said", "he had asked the Guard to help")],
        id="ap-nested-asked",
    ),
    pytest.param(
        "LAGOS (Reuters) - Lee said the plan would fail, and Okafor said it would work.",
        [("Lee", "said", "the plan would fail"), ("Okafor", "said", "it would work")],
        id="reuters-second-clause-is-not-nested",
    ),
]

JOINED_CASES = [
    pytest.param(
        'NAIROBI (Reuters) - "We will win," Lee said. "It will not be easy."',
        "We will win. It will not be easy.",
        id="reuters-two-quotes",
    ),
    pytest.param(
        'PARIS (AFP) - "The plan," she said, "is dead."',
        "The plan is dead.",
        id="afp-interrupted-quote",
    ),
    pytest.param(
        'TOKYO (Kyodo) -- "Fares will rise," Ann Lee said.', "Fares will rise", id="kyodo"
    ),
    pytest.param(
        "BEIJING (Xinhua) -- The two countries, he added, have cooperated closely.",
        "The two countries have cooperated closely",
        id="xinhua-interrupted-indirect",
    ),
    pytest.param(
        'RALEIGH, N.C. (AP) — "The referee will be fair," Ruiz said during a rally in '
        'Kinston, N.C., "but millions will be watching."',
        "The referee will be fair but millions will be watching.",
        id="ap-quote-resumed-after-long-attribution",
    ),
    pytest.param(
        "LONDON (Reuters) - Greene added that the bank wants to act before the vote. "
        '"They do not like to talk about it."',
        "that the bank wants to act before the vote. They do not like to talk about it.",
        id="reuters-quote-sentence-after-indirect",
    ),
]

# A quotation opening the sentence after an attribution whose tail made
# statements of its own still continues the quoted speaker.
FOLLOWING_QUOTE_CASES = [
    pytest.param(
        'DENVER (AP) — "That is the big question," Clark said, noting he would back any '
        'nominee. "We have a deep bench."',
        "That is the big question. We have a deep bench.",
        id="ap-next-quote-after-participle-tail",
    ),
    pytest.param(
        'NEW YORK (Reuters) - "The contracts are binding," spokeswoman Ana Ruiz told the '
        'Journal in July, after the mayor stated an interest in ending them. "Every one."',
        "The contracts are binding. Every one.",
        id="reuters-next-quote-after-nested-statement",
    ),
]

PARAGRAPH_CASES = [
    pytest.param(
        'Talks\n\nLONDON (Reuters) - Ports reopened on Monday.\n\n"The first part of what I have '
        'to say.\n\n"And the second part," Lee said.',
        [("Lee", (1, 2), "The first part of what I have to say. And the second part")],
        id="reuters-attributed-at-the-end",
    ),
    pytest.param(
        'Talks\n\nLAGOS (Reuters) - Okafor said the plan was sound.\n\n"It will pass whoever '
        'wins the vote."',
        # After an indirect statement the quoted paragraph is a direct
        # statement of its own, by the same speaker (as PolNeAR annotates it).
        [
            ("Okafor", (0,), "the plan was sound"),
            ("Okafor", (1,), "It will pass whoever wins the vote."),
        ],
        id="reuters-after-indirect",
    ),
    pytest.param(
        'Talks\n\nLAGOS (AP) — "We are ready," Lee said.\n\n"Trucks leave at dawn."\n\n'
        '"And they will be back by noon."',
        [("Lee", (0, 1, 2), "We are ready. Trucks leave at dawn. And they will be back by noon.")],
        id="ap-two-continuations",
    ),
]

SUBJECT_CASES = [
    pytest.param(
        "PARIS (AFP) - Emmanuel Macron on Thursday said France would send more aid.",
        "Emmanuel Macron",
        id="afp-time-phrase",
    ),
    pytest.param(
        "SEOUL (Yonhap) -- Lee, speaking in Paris, said the talks would resume.",
        "Lee",
        id="yonhap-participial-aside",
    ),
    pytest.param(
        "WASHINGTON (UPI) -- Officials last week said the port was shut.", "Officials", id="upi"
    ),
]

LONG_TAIL_CUES = [
    pytest.param("The charter states that the port is open.", "states", id="states"),
    pytest.param("The report echoes warnings that prices will rise.", "echoes", id="echoes"),
    pytest.param("Okafor crowed that the vote was won.", "crowed", id="crowed"),
    pytest.param("Lee sniffed that the offer was an insult.", "sniffed", id="sniffed"),
    pytest.param('"Not today," Lee quipped.', "quipped", id="quipped"),
    pytest.param("Lee replied that the plan was sound.", "replied", id="replied"),
    pytest.param("Lee wrote that the plan was sound.", "wrote", id="wrote"),
    pytest.param("Lee tweeted that the plan was sound.", "tweeted", id="tweeted"),
    pytest.param("Lee posted that the plan was sound.", "posted", id="posted"),
    pytest.param("Lee testified that the plan was sound.", "testified", id="testified"),
    pytest.param("The court noted his claim that the vote was rigged.", "claim", id="noun-claim"),
    pytest.param(
        "Critics noted Okafor’s announcement that the mine would close.",
        "announcement",
        id="noun-announcement",
    ),
]

SENSE_CASES = [
    pytest.param("LEEDS (PA) - Leeds added two more goals before half-time.", [], id="pa-goals"),
    pytest.param(
        "LEEDS (PA) - The manager added that the squad was tired.",
        [("The manager", "added", "that the squad was tired")],
        id="pa-added-that",
    ),
    pytest.param(
        "MADRID (EFE) - Moreno asked Silva how long the talks would last.",
        [("Moreno", "asked", "how long the talks would last")],
        id="efe-asked-listener-question",
    ),
    pytest.param(
        "MADRID (EFE) - Moreno asked whether the talks would last.",
        [("Moreno", "asked", "whether the talks would last")],
        id="efe-asked-whether",
    ),
    pytest.param(
        "NEW YORK (Reuters) - The company did not respond to requests for comment.",
        [],
        id="reuters-requests-for-comment",
    ),
    pytest.param(
        "NEW YORK (AP) — Voters in 20 states backed the measure.", [], id="ap-states-noun"
    ),
]

BOUNDARY_CASES = [
    pytest.param(
        "NAIROBI (AP) — The talks collapsed on Monday, said police Chief Amos Kariuki.",
        [("police Chief Amos Kariuki", "said", "The talks collapsed on Monday")],
        id="ap-inverted-long-speaker",
    ),
    pytest.param(
        'NAIROBI (AP) — "We will not leave," said police Chief Amos Kariuki, who heads the '
        "county force.",
        [("police Chief Amos Kariuki", "said", "We will not leave")],
        id="ap-inverted-apposition-is-not-content",
    ),
    pytest.param(
        'NAIROBI (AP) — "We will not leave," said Amos Kariuki, a police chief, "not tonight."',
        [("Amos Kariuki", "said", "We will not leave not tonight.")],
        id="ap-inverted-quote-after-apposition",
    ),
    pytest.param(
        "LONDON (Reuters) - While Lee said the plan was sound, the vote failed.",
        [("Lee", "said", "the plan was sound")],
        id="reuters-subordinate-clause",
    ),
    pytest.param(
        "LONDON (Reuters) - Also, the port will stay shut, he said.",
        [("he", "said", "the port will stay shut")],
        id="reuters-adverbial-opener",
    ),
    pytest.param(
        "WASHINGTON (AP) — Here is one example: the agency only checks large firms, Lee said.",
        [("Lee", "said", "the agency only checks large firms")],
        id="ap-colon-lead-in",
    ),
    pytest.param(
        "WASHINGTON (AP) — Lee told The Daily Courier he would not appeal.",
        [("Lee", "told", "he would not appeal")],
        id="ap-listener-then-clause",
    ),
    pytest.param(
        "SEATTLE (Reuters) - Microsoft promised Mr. Weiner that he could run the unit.",
        [("Microsoft", "promised", "that he could run the unit")],
        id="reuters-promised-listener",
    ),
    pytest.param(
        "LONDON (Reuters) - Asked about the pound, Lee said the currency was stable.",
        [("Lee", "said", "the currency was stable")],
        id="reuters-participial-opener",
    ),
    pytest.param(
        "KYIV (Reuters) - Ruiz condemned the invasion of Ukraine, including the seizure of Crimea.",
        [("Ruiz", "condemned", "the invasion of Ukraine, including the seizure of Crimea")],
        id="reuters-including-goes-on",
    ),
    pytest.param(
        "LONDON (Reuters) - Okafor said the talks had stalled, but that a deal was still close.",
        [("Okafor", "said", "the talks had stalled, but that a deal was still close")],
        id="reuters-but-that-goes-on",
    ),
    pytest.param(
        "LONDON (Reuters) - Okafor said the talks had stalled, but the vote went ahead.",
        [("Okafor", "said", "the talks had stalled")],
        id="reuters-but-ends-the-clause",
    ),
    pytest.param(
        "WASHINGTON (AP) — Ruiz vowed to repeal the levy, a tax that hits small farms.",
        [("Ruiz", "vowed", "to repeal the levy")],
        id="ap-appositive-after-content-is-not-content",
    ),
    pytest.param(
        "WASHINGTON (AP) — Ruiz said the bill would cut fees, the deficit and waiting lists.",
        [("Ruiz", "said", "the bill would cut fees, the deficit and waiting lists")],
        id="ap-list-goes-on",
    ),
    pytest.param(
        "WASHINGTON (AP) — Lee said the fund helped Ana Ruiz, who later ran for mayor.",
        [("Lee", "said", "the fund helped Ana Ruiz")],
        id="ap-relative-clause-on-last-name",
    ),
    pytest.param(
        'NEW YORK (AP) — The source of his losses is no mystery: "I love depreciation," he said.',
        [("he", "said", "I love depreciation")],
        id="ap-quote-after-colon-stands-alone",
    ),
    pytest.param(
        'WASHINGTON (AP) — Ruiz said the system was "rigged," noting that no one was charged.',
        [
            ("Ruiz", "said", 'the system was "rigged,"'),
            ("Ruiz", "noting", "that no one was charged"),
        ],
        id="ap-participle-after-quoted-comma",
    ),
    pytest.param(
        "WASHINGTON (AP) — The White House promised a veto and urged members to reject the bill.",
        [
            ("The White House", "promised", "a veto"),
            ("The White House", "urged", "members to reject the bill"),
        ],
        id="ap-second-predicate-is-not-content",
    ),
    pytest.param(
        "WASHINGTON (AP) — Lee said the company cut jobs and raised prices.",
        [("Lee", "said", "the company cut jobs and raised prices")],
        id="ap-clause-with-two-verbs-goes-on",
    ),
    pytest.param(
        "WASHINGTON (AP) — She told the mayor and the council that the vote was off.",
        [("She", "told", "that the vote was off")],
        id="ap-two-listeners",
    ),
    pytest.param(
        "WASHINGTON (AP) — Lee argued the fund, which has lost money for years, is sound.",
        [("Lee", "argued", "the fund, which has lost money for years, is sound")],
        id="ap-relative-clause-inside-the-subject",
    ),
    pytest.param(
        "WASHINGTON (AP) — Democrats — and some Republicans — say that the rule is unfair.",
        [("Democrats", "say", "that the rule is unfair")],
        id="ap-subject-with-dashes",
    ),
    pytest.param(
        "WASHINGTON (AP) — Mukasey, the attorney general under Bush, criticized the rule.",
        [("Mukasey", "criticized", "the rule")],
        id="ap-transitive-verbs-do-not-invert",
    ),
    pytest.param(
        "WASHINGTON (AP) — Ana Ruiz, 59, of Ashton, Md., who watched on a screen, said the "
        "event moved her.",
        [("Ana Ruiz", "said", "the event moved her")],
        id="ap-subject-with-relative-clause-is-not-content",
    ),
    pytest.param(
        "DES MOINES (AP) — One hopeful, Carly Fiorina, says despite her ties she will root "
        "for Iowa.",
        [("One hopeful", "says", "despite her ties she will root for Iowa")],
        id="ap-named-apposition-is-the-subject",
    ),
    pytest.param(
        "HOUSTON (AP) — Trump said after the convention he would not accept the endorsement.",
        [("Trump", "said", "he would not accept the endorsement")],
        id="ap-clause-after-an-adjunct",
    ),
    pytest.param(
        "DALLAS (AP) — She begs him to stay in the car and repeatedly says the police will come.",
        [("She", "begs", "him to stay in the car"), ("She", "says", "the police will come")],
        id="ap-and-adverb-and-verb",
    ),
    pytest.param(
        "DALLAS (AP) — Lee and Kim say the plan would pass.",
        [("Lee and Kim", "say", "the plan would pass")],
        id="ap-coordinated-subject-with-base-form",
    ),
    pytest.param(
        'DES MOINES (AP) — "This was the moment," he said in his victory speech that night.',
        [("he", "said in his victory speech that night", "This was the moment")],
        id="ap-that-night-is-a-time",
    ),
    pytest.param(
        "MIAMI (AP) — ''It is close,'' said Ana Lee, 20, of Jacksonville, Fla. ''We will see.''",
        [("Ana Lee", "said", "It is close. We will see.")],
        id="ap-quote-after-state-abbreviation",
    ),
    pytest.param(
        "DES MOINES (AP) — Lee said that night would be long.",
        [("Lee", "said", "that night would be long")],
        id="ap-that-night-as-subject",
    ),
    pytest.param(
        "WASHINGTON (AP) — In her pursuit of the nomination, Ruiz has stressed her ties to "
        "the president.",
        [("Ruiz", "stressed", "her ties to the president")],
        id="ap-fronted-adjunct-is-not-content",
    ),
    pytest.param(
        "WASHINGTON (AP) — In the end, the plan will fail, Lee said.",
        [("Lee", "said", "In the end, the plan will fail")],
        id="ap-fronted-adjunct-inside-trailing-content",
    ),
    pytest.param(
        "PHOENIX (AP) — Lee lost Ohio to Ana Ruiz, who added to her lead.",
        [],
        id="ap-relative-cue-does-not-report-the-main-clause",
    ),
    pytest.param(
        "MIAMI (AP) — Rubio's time is running out, according to even his own supporters.",
        [("his own supporters", "according to even", "Rubio's time is running out")],
        id="ap-according-to-with-adverb",
    ),
    pytest.param(
        'MIAMI (AP) — "Thank you," Cruz replied, before adding that he thinks the crowd is kind.',
        [("Cruz", "replied", "Thank you"), ("Cruz", "adding", "that he thinks the crowd is kind")],
        id="ap-before-adding",
    ),
    pytest.param(
        'MIAMI (AP) — Lopez said about the movement, "I support parents."',
        [("Lopez", "said", "I support parents.")],
        id="ap-quote-after-about-phrase",
    ),
    pytest.param(
        "WASHINGTON (AP) — But groups that have endorsed him say they will wait.",
        [("groups", "say", "they will wait")],
        id="ap-subject-before-relative-clause",
    ),
    pytest.param(
        "WASHINGTON (AP) — Lee fears rules that could threaten the Second Amendment.",
        [],
        id="ap-cue-inside-relative-clause",
    ),
    pytest.param(
        "WASHINGTON (AP) — Carter however said he would welcome the plan.",
        [("Carter", "said", "he would welcome the plan")],
        id="ap-however-without-commas",
    ),
    pytest.param(
        "WASHINGTON (AP) — Officials were warning that the storm would strengthen.",
        [("Officials", "warning", "that the storm would strengthen")],
        id="ap-progressive-cue",
    ),
    pytest.param(
        "BRUSSELS (Reuters) - Producers complained that the sales were harming their business "
        "and threatening jobs.",
        [
            (
                "Producers",
                "complained",
                "that the sales were harming their business and threatening jobs",
            )
        ],
        id="reuters-participle-inside-the-content",
    ),
    pytest.param(
        "TOKYO (Reuters) - The fund said it changed course after rejecting a takeover offer.",
        [("The fund", "said", "it changed course after rejecting a takeover offer")],
        id="reuters-gerund-of-an-action-after-a-statement",
    ),
    pytest.param(
        "NEW YORK (Reuters) - The company said, without admitting the charges, that it would "
        "settle.",
        [("The company", "said", "without admitting the charges, that it would settle")],
        id="reuters-without-admitting-is-no-statement",
    ),
    pytest.param(
        'OTTAWA (CP) — "We will win," said Ana Lee, who has said she will run again.',
        [("Ana Lee", "said", "We will win"), ("who", "said", "she will run again")],
        id="cp-relative-clause-after-inverted-speaker",
    ),
    pytest.param(
        'BOSTON (AP) — She praised the graduates and telling the class of 2014, "Stay humble."',
        [
            ("She", "praised", "the graduates"),
            ("She", "telling", 'the class of 2014, "Stay humble."'),
        ],
        id="ap-coordinated-participle",
    ),
    pytest.param(
        "MANILA (PNA) - Salceda, citing data from the State Department, said that 4 million "
        "Filipinos live in the United States.",
        [
            ("Salceda", "citing", "data from the State Department"),
            ("Salceda", "said", "that 4 million Filipinos live in the United States"),
        ],
        id="pna-participle-between-subject-and-verb",
    ),
]

QUOTE_STYLE_CASES = [
    pytest.param(
        "LONDON (PA) - ‘We will not back down,’ the minister said of the horses’ carrots, "
        "the ’80s and rock ’n’ roll.",
        [("the minister", "said", "We will not back down")],
        id="pa-curly-single",
    ),
    pytest.param(
        "SYDNEY (AAP) - 'We will win,' Lee said. 'It will not be easy.'",
        [("Lee", "said", "We will win. It will not be easy.")],
        id="aap-straight-single",
    ),
    pytest.param(
        "TOKYO (Kyodo) -- 「We agree,」 Tanaka said.",
        [("Tanaka", "said", "We agree")],
        id="kyodo-corner-brackets",
    ),
    pytest.param(
        "TOKYO (Kyodo) -- 『We agree,』 Tanaka said.",
        [("Tanaka", "said", "We agree")],
        id="kyodo-white-corner-brackets",
    ),
]

SINGLE_QUOTED = [
    pytest.param("‘We will win,’ Lee said.", True, id="curly-single"),
    pytest.param("'We will win,' Lee said.", True, id="straight-single"),
    pytest.param("“We will win,” Lee said of the ’80s.", False, id="double-with-decade"),
    pytest.param("''We will win,'' Ms. Ray said of 'the plan'.", False, id="nyt-doubled"),
    pytest.param("The horses’ carrots and rock ’n’ roll.", False, id="apostrophes-only"),
]


class TestNestedSpeech:
    @pytest.mark.parametrize(("text", "expected"), NESTED_CASES)
    def test_nested(self, text: str, expected: list[object]) -> None:
        """
        Speech reported inside reported speech is one statement, by the outer speaker.
        """
        actual = _speech(text)

        assert expected == actual


class TestJoinedContent:
    @pytest.mark.parametrize(("text", "joined"), JOINED_CASES)
    def test_joined(self, text: str, joined: str) -> None:
        """
        ``Quote.joined`` reads the fragments without the interrupting words.
        """
        statements = parse(text).statements

        assert [joined] == [s.content.joined for s in statements]

    @pytest.mark.parametrize(("text", "joined"), FOLLOWING_QUOTE_CASES)
    def test_following_quote(self, text: str, joined: str) -> None:
        """
        The next sentence's quotation joins the quote, not the attribution's tail.
        """
        statements = parse(text).statements

        assert joined == statements[0].content.joined
        assert len(statements) == 2

    def test_records_and_dict_carry_joined(self) -> None:
        """
        ``to_records()`` gives the joined text; ``to_dict``/``from_dict`` keep it.
        """
        dispatch = parse('NAIROBI (Reuters) - "We will win," Lee said. "It will not be easy."')
        statement = dispatch.statements[0]

        assert "We will win. It will not be easy." == dispatch.to_records()[0]["content"]
        assert statement.content == type(statement.content).from_dict(statement.content.to_dict())


class TestParagraphs:
    @pytest.mark.parametrize(("text", "expected"), PARAGRAPH_CASES)
    def test_quotation_over_paragraphs(self, text: str, expected: list[object]) -> None:
        """
        A quotation over several paragraphs is one statement, whichever paragraph attributes it.
        """
        actual = [
            (s.speaker.text, s.paragraphs, s.content.joined)
            for s in parse(text).statements
            if s.speaker is not None
        ]

        assert expected == actual


class TestSubjects:
    @pytest.mark.parametrize(("text", "speaker"), SUBJECT_CASES)
    def test_subject(self, text: str, speaker: str) -> None:
        """
        Time and place phrases between the subject and its cue are not the speaker.
        """
        actual = [s.speaker.text for s in parse(text).statements if s.speaker]

        assert [speaker] == actual


class TestCueLongTail:
    @pytest.mark.parametrize(("sentence", "cue"), LONG_TAIL_CUES)
    def test_cue(self, sentence: str, cue: str) -> None:
        """
        Less common speech verbs are cues.
        """
        actual = [s.cue.text for s in parse(f"LONDON (Reuters) - {sentence}").statements if s.cue]

        assert cue == actual[-1]


class TestCueSenses:
    @pytest.mark.parametrize(("text", "expected"), SENSE_CASES)
    def test_sense(self, text: str, expected: list[object]) -> None:
        """
        A verb that is speech only in some senses makes a statement only then.
        """
        actual = _speech(text)

        assert expected == actual


class TestContentBoundaries:
    @pytest.mark.parametrize(("text", "expected"), BOUNDARY_CASES)
    def test_boundary(self, text: str, expected: list[object]) -> None:
        """
        Content ends where the reported clause ends, and a speaker is never read as content.
        """
        actual = _speech(text)

        assert expected == actual


class TestQuoteStyles:
    @pytest.mark.parametrize(("text", "expected"), QUOTE_STYLE_CASES)
    def test_style(self, text: str, expected: list[object]) -> None:
        """
        Single quotes, corner brackets: each house style's marks are quotations.
        """
        actual = _speech(text)

        assert expected == actual

    @pytest.mark.parametrize(("text", "single"), SINGLE_QUOTED)
    def test_single_quoted(self, text: str, single: bool) -> None:
        """
        A dispatch reads single quotes as quotations only when they are its primary marks.
        """
        assert single is single_quoted(text)

    def test_single_guillemets(self) -> None:
        """
        ``‹…›`` pairs like ``«…»``.
        """
        text = "‹Nous gagnerons›, a dit le maire."

        assert ["Nous gagnerons"] == [
            text[q.inner_start : q.inner_end] for q in scan_quotes(text, 0, len(text))
        ]


# A dispatch with a headline, a dateline, quotations running over
# paragraphs, an announcement and its quotation, and pronouns.
_WINDOWED = (
    "Minister says talks will resume\n\n"
    "OTTAWA, March 3 (Reuters) - Trade Minister Ann Lee said on Tuesday the talks "
    "would resume next week.\n\n"
    '"We have come a long way," Lee told reporters. "There is more to do.\n\n'
    '"But we will get there," she added.\n\n'
    "Stated her deputy, Bo Li:\n\n"
    '"Nobody is leaving the table."\n\n'
    "Officials said a deal could come by May, according to a draft seen by Reuters.\n"
)


class TestWindows:
    """
    The statement stage lower-cases a window of paragraphs at a time and
    builds statements a batch of drafts at a time: neither size changes
    what is found.
    """

    @pytest.mark.parametrize(("window", "batch"), [(1, 1), (40, 1), (1, 10_000), (200, 2)])
    def test_sizes_change_nothing(self, window: int, batch: int) -> None:
        """
        Any window and batch size give the records of the default sizes.
        """
        texts = [_WINDOWED, *samples().values()]
        expected = [parse(text).to_dict() for text in texts]
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(attribution, "_WINDOW", window)
            patch.setattr(attribution, "_BATCH", batch)
            actual = [parse(text).to_dict() for text in texts]

        assert expected == actual
        assert [s["speaker"]["name"] for s in actual[0]["statements"]][:3] == ["Ann Lee"] * 3

    def test_cue_starts_in_a_window(self) -> None:
        """
        A window's copy starting before the text's start reads the cues the
        copy of the whole text does, at the same offsets.
        """
        text = 'Xi said, Lee SAID. "Yes," Ann Said.\n\nLater, he said so.'
        whole = _cue_starts(text, _lower_case(text), 0, len(text))

        windowed = _cue_starts(text, _lower_case(text[9:]), 10, len(text), base=9)

        assert [3, 30, 47] == whole
        assert [w for w in whole if w >= 10] == windowed
