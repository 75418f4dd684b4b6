"""
Speaker resolution: mentions resolved to the dispatch's entities.
"""

from __future__ import annotations

import attrs
import pytest

from newswire import _mentions, parse
from newswire._mentions import find_names, name_shape, split_name
from newswire._model import Speaker, Statement
from newswire._pipeline import STAGES
from newswire._speakers import _resolve, resolve_speakers
from newswire._speakers.resolver import _LOOKBACK, Mention, Resolution, Resolver
from newswire._state import State
from newswire._text import normalize

XINHUA_STYLE = (
    "Leaders trade greetings\n\n"
    "BEIJING, Jan. 2 (Xinhua) -- Chinese President Wang Lihua and his Kenyan counterpart, "
    "Amina Odhiambo, exchanged messages on Sunday.\n\n"
    "Wang said the two countries had deepened trade ties.\n\n"
    "The ports have grown busier, he said.\n\n"
    "The Chinese president said he looks forward to a visit in the spring."
)


SPLITNAME_NAMES = [
    pytest.param(["Chinese", "President", "Wang", "Lihua"], (2, "Chinese President"), id="title"),
    pytest.param(["Mr", "McQuaid"], (1, None), id="honorific"),
    pytest.param(["Ann", "Lee"], (0, None), id="bare"),
]

PRONOUN_CASES = [
    pytest.param(
        "Dam talks\n\nLIMA (Reuters) - Mrs. Rosa Quispe met Juan Torres on Monday.\n\n"
        "Torres said the talks went well. She said a deal was near.",
        ["Juan Torres", "Rosa Quispe"],
        id="gender-by-honorific",
    ),
    pytest.param(
        "Port strike\n\nOSLO (Reuters) - Lars Berg, who runs the union, said the strike "
        "would go on.",
        ["Lars Berg"],
        id="appositive-name",
    ),
    pytest.param(
        "Vote row\n\nCOLUMBUS, Ohio (AP) — Mark Rios spoke in Ohio on Monday. He repeated "
        "his claim that the count was rigged.",
        ["Mark Rios", "Mark Rios"],
        id="possessive-speaker",
    ),
    pytest.param(
        "Dam talks\n\nQUITO (Reuters) - Ana Ruiz spoke to farmers.\n\n"
        '"We will rebuild," she said. "Soon," she added.',
        ["Ana Ruiz", "Ana Ruiz"],
        id="pronoun-after-quote",
    ),
]

ORGANISATION_CASES = [
    pytest.param(
        "Chip deal\n\nAUSTIN, March 3 - Varex Systems Inc said it bought a plant.\n\n"
        "Varex said the deal closes in May.",
        ["Varex Systems Inc", "Varex Systems Inc"],
        id="reuters-company",
    ),
    pytest.param(
        "Storm toll\n\nMANILA (AP) _ Rescuers reached towns in East Samar.\n\n"
        "The Coast Guard said 40 people were missing.",
        ["Coast Guard"],
        id="organisation-phrase",
    ),
    pytest.param(
        "BERLIN (dpa) - The German health ministry warned of a new wave.\n\n"
        "The ministry said hospitals were ready.",
        ["German health ministry", "German health ministry"],
        id="nationality-ministry",
    ),
    pytest.param(
        "NAIROBI (Reuters) - Officials at the Kenyan energy ministry expect rain.\n\n"
        "The ministry said power cuts would end.",
        ["Kenyan energy ministry"],
        id="nationality-ministry-before",
    ),
    pytest.param(
        "MADRID (Reuters) - Atletico sacked coach Luis Ortega on Sunday. Fans of Atletico"
        " cheered.\n\nThe club said it would name a successor soon.",
        ["Atletico"],
        id="club-named-without-mark",
    ),
]

RESOLUTION_MENTIONS = [
    pytest.param("Ann Lee and Bo Chen said the road was shut.", (None, "group"), id="coordination"),
    pytest.param("Officials said the road was shut.", (None, "group"), id="group"),
    pytest.param("A source said the road was shut.", (None, "anonymous"), id="anonymous"),
    pytest.param("The FBI said the road was shut.", ("FBI", "organisation"), id="organisation"),
    pytest.param("He said the road was shut.", (None, "unknown"), id="pronoun-unresolved"),
    pytest.param("The club said the road was shut.", (None, "organisation"), id="club"),
    pytest.param(
        "The Chinese company said the road was shut.", (None, "organisation"), id="company"
    ),
]


class TestSplitName:
    @pytest.mark.parametrize(("words", "expected"), SPLITNAME_NAMES)
    def test_split(self, words: list[str], expected: tuple[int, str | None]) -> None:
        """
        Titles and honorifics are cut off the front of a name.
        """
        actual = split_name(words)

        assert expected == actual


class TestResolution:
    def test_xinhua_style(self) -> None:
        """
        Surname, pronoun and title noun all resolve to the introduced person.
        """
        dispatch = parse(XINHUA_STYLE)

        names = [s.speaker.name for s in dispatch.statements if s.speaker is not None]

        assert ["Wang Lihua"] * 3 == names

    def test_entity_title_and_mentions(self) -> None:
        """
        The entity carries the title it was introduced with and its mentions.
        """
        dispatch = parse(XINHUA_STYLE)
        entity = dispatch.entities[0]

        assert ("Wang Lihua", "Chinese President", "person") == (
            entity.name,
            entity.title,
            entity.kind,
        )
        assert len(entity.mentions) >= 4

    def test_honorific(self) -> None:
        """
        ``Mr McQuaid`` resolves to the fullest form of the name.
        """
        text = (
            "Farm prices\n\nDUBLIN (Reuters) - Sean McQuaid runs a farm.\n\n"
            "Mr McQuaid said yields fell."
        )

        names = [s.speaker.name for s in parse(text).statements if s.speaker is not None]

        assert ["Sean McQuaid"] == names

    @pytest.mark.parametrize(("text", "expected"), RESOLUTION_MENTIONS)
    def test_sources_without_person(self, text: str, expected: tuple[str | None, str]) -> None:
        """
        Sources with no person name keep name None (or the organisation's name).
        """
        speaker = parse(text).statements[0].speaker
        assert speaker is not None

        assert expected == (speaker.name, speaker.kind)


class TestPronouns:
    @pytest.mark.parametrize(("text", "expected"), PRONOUN_CASES)
    def test_pronouns(self, text: str, expected: list[str]) -> None:
        """
        Pronouns and relative mentions go to a compatible, recent person.
        """
        names = [s.speaker.name for s in parse(text).statements if s.speaker is not None]

        assert expected == names


class TestOrganisations:
    @pytest.mark.parametrize(("text", "expected"), ORGANISATION_CASES)
    def test_organisations(self, text: str, expected: list[str]) -> None:
        """
        Organisations keep the name the dispatch gives them.
        """
        speakers = [s.speaker for s in parse(text).statements if s.speaker is not None]

        assert expected == [s.name for s in speakers]
        assert {"organisation"} == {s.kind for s in speakers}


def _state_before_speakers(text: str) -> State:
    state = State(norm=normalize(text), source_id=None, caller_reference=None)
    for name, stage in STAGES:
        if name == "speakers":
            break
        stage(state)
    return state


class TestRecords:
    @pytest.mark.parametrize(
        ("record", "fields"),
        [
            pytest.param(Speaker, ["text", "span", "name", "kind", "how", "entity"], id="speaker"),
            pytest.param(
                Statement,
                ["kind", "content", "cue", "speaker", "paragraphs", "rule"],
                id="statement",
            ),
        ],
    )
    def test_rebuilt_fields(self, record: type, fields: list[str]) -> None:
        """
        resolve_speakers rebuilds these records field by field: it must name every field.
        """
        assert fields == [field.name for field in attrs.fields(record)]


class TestLazyNames:
    def test_descriptions_read_no_names(self) -> None:
        """
        Speakers that need no name ("officials") leave the dispatch's names unread.
        """
        text = "LONDON (Reuters) - The Bank of Ruritania will act, officials said."
        resolver = Resolver(_state_before_speakers(text))
        start = text.index("officials")
        resolution = _resolve(resolver, Mention(start, start + 9, "officials"))

        assert ("group", None) == (resolution.kind, resolver._index)

    @pytest.mark.parametrize(
        ("text", "mention"),
        [
            pytest.param(
                "SEOUL (Reuters) - Hanbit Steel Co said output rose.",
                "Hanbit Steel Co",
                id="reuters-company",
            ),
            pytest.param(
                "LIMA (AP) _ The Ruritanian Mining Ministry said the pit was closed.",
                "The Ruritanian Mining Ministry",
                id="ap-ministry",
            ),
        ],
    )
    def test_organisation_word_reads_no_names(self, text: str, mention: str) -> None:
        """
        A mention ending with an organisation word is named without the dispatch's names.
        """
        resolver = Resolver(_state_before_speakers(text))
        start = text.index(mention)
        resolution = _resolve(resolver, Mention(start, start + len(mention), mention))

        assert ("organisation", None) == (resolution.kind, resolver._index)

    def test_names_keep_original_offsets(self) -> None:
        """
        With an invisible character in the text, names still point into the text as passed.
        """
        text = "Mayor Ann L\u00adee opened the bridge. Lee said it was safe."
        resolver = Resolver(_state_before_speakers(text))

        assert ["Ann L\u00adee", "Lee"] == [text[name.start : name.end] for name in resolver.names]

    def test_names_read_on_first_use(self) -> None:
        """
        The names are read once, on first use, with original offsets.
        """
        text = "Mayor Ann Lee opened the bridge. Lee said it was safe."
        resolver = Resolver(_state_before_speakers(text))

        assert [(6, 13), (33, 36)] == [(name.start, name.end) for name in resolver.names]


NAME_READING_CASES = [
    pytest.param(
        "Trade talks\n\nBEIJING (Reuters) - Chinese Vice Minister of Commerce Liu Hongtao said "
        "exports would grow.\n\nLiu said talks would resume in May.",
        ["Liu Hongtao", "Liu Hongtao"],
        id="minister-of-portfolio",
    ),
    pytest.param(
        "Port deal\n\nSINGAPORE (Reuters) - Minister for Foreign Affairs Mei Tan said the "
        "deal was signed.",
        ["Mei Tan"],
        id="minister-for-portfolio",
    ),
    pytest.param(
        "Rail link\n\nVIENTIANE, May 3 (Xinhua) -- Minister of Industry and Trade Kham Souk "
        "said the line would open in June.\n\nThe minister said the works were on time.",
        ["Kham Souk", "Kham Souk"],
        id="portfolio-with-and",
    ),
    pytest.param(
        "Launch delayed\n\nWASHINGTON, May 3 (UPI) -- Agency Administrator Ruth Bell said the "
        "launch would slip.",
        ["Ruth Bell"],
        id="administrator-title",
    ),
    pytest.param(
        "Vote count\n\nWASHINGTON (AP) — Rival Ann Lee mocked the plan.\n\n"
        "Lee said the plan would fail.",
        ["Ann Lee", "Ann Lee"],
        id="opener-before-name",
    ),
    pytest.param(
        "Vote count\n\nWASHINGTON (AP) — Few expected Bo Chen’s Super Tuesday win.\n\n"
        "Bo Chen said the result was a surprise. He said more wins would follow.",
        ["Bo Chen", "Bo Chen"],
        id="possessive-ends-name",
    ),
    pytest.param(
        "Border talks\n\nMEXICO CITY (AP) — Using Ana Ruiz as an example, critics attacked "
        "the plan.\n\nAna Ruiz said the plan was fair.",
        ["Ana Ruiz"],
        id="full-name-not-extended",
    ),
    pytest.param(
        "Court ruling\n\nLONDON (Reuters) - A judge ruled on Monday.\n\n"
        "“It is over,” the Daily Globe’s Tom Hale wrote.",
        ["Tom Hale"],
        id="name-after-possessive",
    ),
]

DESCRIPTION_CASES = [
    pytest.param(
        "Hack inquiry\n\nWASHINGTON (Reuters) - The agency came under fire on Monday.\n\n"
        "Lee’s press secretary, Sam Ortiz, told reporters the review was under way.",
        ["Sam Ortiz"],
        id="appositive-names-description",
    ),
    pytest.param(
        "Race tightens\n\nDES MOINES, Iowa (AP) — Senator Ann Lee said she would campaign "
        "hard.\n\nBo Chen is touring the state on Monday.\n\n"
        "The Ohio Republican said the race was close.",
        ["Ann Lee", "Bo Chen"],
        id="description-is-sentence-subject",
    ),
    pytest.param(
        "Security scare\n\nWASHINGTON (AP) — Homeland Security Secretary Jon Hale met Gary "
        "Hale's staff on Monday.\n\nGary Hale said the meeting was useful.\n\n"
        "Jon Hale warned of new threats.\n\nHale said states should be vigilant.",
        ["Gary Hale", "Jon Hale", "Jon Hale"],
        id="surname-is-last-named",
    ),
]

ORGANISATION_ALIAS_CASES = [
    pytest.param(
        "Campaign news\n\nWASHINGTON (AP) — Ann Lee will visit Ohio on Friday.\n\n"
        "The Lee campaign said the trip was planned.",
        ["Ann Lee campaign"],
        id="named-campaign",
    ),
    pytest.param(
        "Campaign news\n\nWASHINGTON (AP) — Ann Lee will visit Ohio on Friday.\n\n"
        "The campaign said the trip was planned.",
        ["Ann Lee campaign"],
        id="bare-campaign",
    ),
    pytest.param(
        "Email use\n\nWASHINGTON (AP) — The Kansas City Times reported the story on Monday.\n\n"
        "The Times said the emails were private.",
        ["The Kansas City Times", "The Kansas City Times"],
        id="newspaper-short-form",
    ),
    pytest.param(
        "Charity review\n\nWASHINGTON — The report was released on Monday.\n\n"
        "The AP said it had reviewed the calendars.",
        ["Associated Press"],
        id="agency-alias",
    ),
]


class TestNameReading:
    @pytest.mark.parametrize(("text", "expected"), NAME_READING_CASES)
    def test_names(self, text: str, expected: list[str]) -> None:
        """
        Titles, openers and possessives are kept out of the person's name.
        """
        names = [s.speaker.name for s in parse(text).statements if s.speaker is not None]

        assert expected == names

    def test_invisible_character_in_mention(self) -> None:
        """
        A soft hyphen inside a surname still resolves to the person.
        """
        text = "Mayor Ann Lee opened the bridge.\n\n“It is safe,” L\u00adee said."

        names = [s.speaker.name for s in parse(text).statements if s.speaker is not None]

        assert ["Ann Lee"] == names

    def test_weekday_is_no_person(self) -> None:
        """
        ``Super Tuesday`` and ``Earlier Tuesday`` are dates, never names.
        """
        text = "Early Tuesday, Super Tuesday voters met Ann Lee."

        actual = [m.words for m in find_names(text, 0, len(text))]

        assert [("Ann", "Lee")] == actual

    def test_place_is_no_person(self) -> None:
        """
        A place of several words ("New Jersey") is never a person's name.
        """
        text = "Ann Lee toured New Jersey on Monday."

        actual = [(m.words, m.organisation) for m in find_names(text, 0, len(text))]

        assert [(("Ann", "Lee"), False), (("New", "Jersey"), True)] == actual

    def test_title_case_headline_has_no_names(self) -> None:
        """
        A headline in title case gives no antecedents.
        """
        text = (
            "Why Does Ruritania Refuse to Sign the Accord\n\n"
            "LONDON (Reuters) - Ruritania must sign the accord, officials said."
        )
        resolver = Resolver(_state_before_speakers(text))
        headline_end = text.index("\n")

        assert [] == [name.words for name in resolver.names if name.start < headline_end]


class TestDescriptions:
    @pytest.mark.parametrize(("text", "expected"), DESCRIPTION_CASES)
    def test_descriptions(self, text: str, expected: list[str]) -> None:
        """
        Descriptions go to the person named beside them or in the sentence before.
        """
        names = [
            s.speaker.name
            for s in parse(text).statements
            if s.speaker is not None and s.speaker.name is not None
        ]

        assert expected == names[-len(expected) :]


class TestOrganisationAliases:
    @pytest.mark.parametrize(("text", "expected"), ORGANISATION_ALIAS_CASES)
    def test_aliases(self, text: str, expected: list[str]) -> None:
        """
        Short forms of organisations are named in full, campaigns after their leader.
        """
        speakers = [s.speaker for s in parse(text).statements if s.speaker is not None]

        assert expected == [s.name for s in speakers]


class TestHeadlineTitles:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                "Mayor vows to rebuild flooded district\n\n"
                "RECIFE, Brazil (AP) — Mayor Joao Campos said the city would rebuild.",
                "Joao Campos",
                id="ap-headline-title",
            ),
            pytest.param(
                "Minister urges calm after quake\n\n"
                "TOKYO (Kyodo) -- Disaster Minister Ken Sato urged residents to stay calm.",
                "Ken Sato",
                id="kyodo-headline-title",
            ),
        ],
    )
    def test_bare_title_in_headline_looks_ahead(self, text: str, expected: str) -> None:
        """
        A headline's bare title ("Mayor vows ...") is the person the story introduces with it.
        """
        dispatch = parse(text)
        headline = dispatch.headline
        assert headline is not None

        names = [
            s.speaker.name
            for s in dispatch.statements
            if s.speaker is not None and s.speaker.span.start < headline.span.end
        ]

        assert [expected] == names

    def test_surname_in_body_is_not_a_title(self) -> None:
        """
        In the body a capitalised title word alone ("King said") stays a surname.
        """
        dispatch = parse("LONDON (Reuters) - Bank chief Mervyn King said rates would hold.")

        assert ["Mervyn King"] == [s.speaker.name for s in dispatch.statements if s.speaker]


NAME_SHAPE_CASES = [
    pytest.param(
        "Malaysian Defence Minister Ali Hassan",
        (("Ali", "Hassan"), "Malaysian Defence Minister", False),
        id="title",
    ),
    pytest.param("Mr. McQuaid's", (("McQuaid",), None, False), id="honorific-possessive"),
    pytest.param("Muhammad Ali In", (("Muhammad", "Ali"), None, False), id="trailing-opener"),
    pytest.param("John Kasich. He", (("John", "Kasich"), None, False), id="full-stop"),
    pytest.param("Ted Cruz's Super Tuesday", (("Ted", "Cruz"), None, False), id="possessive"),
    pytest.param("Ann  Lee", (("Ann", "Lee"), None, False), id="double-space"),
    pytest.param("Varex Systems Inc", (("Varex", "Systems", "Inc"), None, True), id="company"),
    pytest.param("FBI", (("FBI",), None, True), id="acronym"),
    pytest.param("New Jersey", (("New", "Jersey"), None, True), id="place"),
    pytest.param("Super Tuesday", None, id="date"),
    pytest.param("The", None, id="determiner"),
]


class TestNameShape:
    @pytest.mark.parametrize(("run", "expected"), NAME_SHAPE_CASES)
    def test_shape(
        self, run: str, expected: tuple[tuple[str, ...], str | None, bool] | None
    ) -> None:
        """
        A run of capitalised words is read into its name, title and kind.
        """
        shape = name_shape(run)

        assert expected == (None if shape is None else shape[2:])

    @pytest.mark.parametrize(
        ("run", "expected"), [case for case in NAME_SHAPE_CASES if case.values[1] is not None]
    )
    def test_shape_agrees_with_split_name(
        self, run: str, expected: tuple[tuple[str, ...], str | None, bool] | None
    ) -> None:
        """
        The title a run is read with is the one split_name gives for its words.
        """
        assert expected is not None
        words = [w.removesuffix("'s").rstrip(".") for w in run.split()]

        actual = split_name(words[: words.index(expected[0][-1]) + 1])[1]

        assert expected[1] == actual

    def test_shape_offsets(self) -> None:
        """
        The name's offsets within the run leave out the title and the possessive.
        """
        run = "Chinese President Xi Jinping's"
        shape = name_shape(run)
        assert shape is not None

        assert "Xi Jinping" == run[shape[0] : shape[1]]

    def test_bounded_cache_reads_the_same(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """
        Emptying the cache of runs when it is full changes no name found.
        """
        text = "Chinese President Xi Jinping met Mr. Lee, the FBI and Ann Lee in New Jersey."
        expected = list(find_names(text, 0, len(text)))
        monkeypatch.setattr(_mentions, "_SHAPES", {})
        monkeypatch.setattr(_mentions, "_SHAPES_SIZE", 2)

        actual = list(find_names(text, 0, len(text)))

        assert expected == actual
        assert len(_mentions._SHAPES) <= 2


class TestPlaces:
    def test_place_once_is_place_throughout(self) -> None:
        """
        A name read as a place once ("in East Samar") is a place wherever it is written.
        """
        text = (
            "Flood aid\n\nMANILA (AP) _ Aid reached towns in East Samar on Monday.\n\n"
            "East Samar officials said roads were open."
        )
        resolver = Resolver(_state_before_speakers(text))

        actual = [name.organisation for name in resolver.names if name.words == ("East", "Samar")]

        assert [True, True] == actual


class TestUnchangedStatements:
    def test_unresolved_statement_is_kept(self) -> None:
        """
        A statement whose speaker resolves to what it already says is kept as it was.
        """
        state = _state_before_speakers("He said the road was shut.")
        before = list(state.statements)

        resolve_speakers(state)

        assert [s.speaker for s in before] == [s.speaker for s in state.statements]


# Issue 15: descriptions, speaker kinds, pronouns and canonical names, in the
# agencies' styles. Each case lists (name, kind) for every statement with a
# speaker, in order.
SHAPES = [
    pytest.param(
        "Miner's shares fall\n\nTORONTO, May 4 (Reuters) - Shares of Northgate Mining Corp "
        "fell on Tuesday.\n\nThe company said costs at its Ontario mine rose.",
        [("Northgate Mining Corp", "organisation")],
        id="reuters-the-company",
    ),
    pytest.param(
        "Trains halted\n\nLONDON (AP) — Trains on Westway Rail lines stopped for an hour "
        "on Monday.\n\nThe rail operator said service would resume by evening.",
        [("Westway Rail", "organisation")],
        id="ap-the-rail-operator",
    ),
    pytest.param(
        "Ministry warns\n\nBEIJING, June 3 (Xinhua) -- The Foreign Ministry summoned the "
        "envoy on Tuesday.\n\nThe ministry said the visit was a breach of trust.",
        [("Foreign Ministry", "organisation")],
        id="xinhua-the-ministry",
    ),
    pytest.param(
        "Tariff row\n\nBEIJING, June 3 (AFP) - China's commerce ministry weighed in on "
        'Tuesday.\n\n"Tariffs help no one," the ministry said.',
        [("China's commerce ministry", "organisation")],
        id="afp-lower-case-ministry",
    ),
    pytest.param(
        "Deficit\n\nLONDON (Reuters) - The Treasury said the deficit would narrow.",
        [("Treasury", "organisation")],
        id="treasury-organisation",
    ),
    pytest.param(
        "Debt\n\nBRASILIA (Reuters) - Brazil said on Monday it would not pay the fine.",
        [("Brazil", "country")],
        id="country",
    ),
    pytest.param(
        "Sea row\n\nMANILA (AP) — Beijing said it would ignore the ruling.",
        [("China", "country")],
        id="capital-for-country",
    ),
    pytest.param(
        "Arrest\n\nLAGOS (AFP) - Police said the man was held overnight.",
        [(None, "organisation")],
        id="police-organisation",
    ),
    pytest.param(
        "Deal\n\nSEOUL (Yonhap) -- Sources said the deal was close.",
        [(None, "anonymous")],
        id="sources-anonymous",
    ),
    pytest.param(
        "Trade talks\n\nNAIROBI (Reuters) - Trade minister Grace Wanjiru and her Ugandan "
        'counterpart Peter Okello met on Monday.\n\n"We agreed on tariffs," she said.\n\n'
        '"It is a good start," he said.\n\n"There is more to do," she added.',
        [("Grace Wanjiru", "person"), ("Peter Okello", "person"), ("Grace Wanjiru", "person")],
        id="she-and-he-alternating",
    ),
    pytest.param(
        "Remark\n\nMANILA (AP) — Senator Tom Reyes said on Twitter that the remark by Dr. "
        'Paul Santos "was unfair." He wrote that there was no room for it.',
        [("Tom Reyes", "person"), ("Tom Reyes", "person")],
        id="pronoun-not-the-name-after-an-honorific",
    ),
    pytest.param(
        "Mine deal\n\nLIMA (Reuters) - Rosa Quispe said the deal was signed.\n\n"
        "In a speech in Cusco, Juan Torres attacked the deal.\n\n"
        '"It will fail," he said.',
        [("Rosa Quispe", "person"), ("Juan Torres", "person")],
        id="subject-after-a-fronted-phrase",
    ),
    pytest.param(
        "Mine deal\n\nLIMA (Reuters) - Jorge Paz said the deal was signed.\n\n"
        "Tennis great Rosa Quispe watched the vote.\n\n"
        '"It was close," she said.',
        [("Jorge Paz", "person"), ("Rosa Quispe", "person")],
        id="subject-after-a-short-lead",
    ),
    pytest.param(
        "Budget\n\nOTTAWA (CP) - NDP MP Jan Novak said the bill would fail.",
        [("Jan Novak", "person")],
        id="party-and-title-out-of-name",
    ),
    pytest.param(
        "Strike\n\nCHICAGO (AP) — Ruth Adeyemi with the Teamsters union said the strike "
        "would go on.",
        [("Ruth Adeyemi", "person")],
        id="affiliation-out-of-name",
    ),
    pytest.param(
        "Talks\n\nGENEVA (AFP) - Negotiators Maria Lopez said the talks went well.",
        [("Maria Lopez", "person")],
        id="plural-role-out-of-name",
    ),
    pytest.param(
        "Security forum\n\nSINGAPORE (Reuters) - Japanese Defence Minister Gen Sato said "
        "his country would help.\n\nSato said the sea lanes must stay open.",
        [("Gen Sato", "person"), ("Gen Sato", "person")],
        id="given-name-like-a-title",
    ),
    pytest.param(
        'Vote\n\nLAGOS (Reuters) - "We will win," Okafor said.\n\n'
        "Chidi Okafor, the party's candidate, spoke in Lagos.",
        [("Chidi Okafor", "person")],
        id="surname-before-full-name",
    ),
    pytest.param(
        "Rally\n\nFLINT, Mich. (AP) — Former President Tom Hale campaigned on Monday for "
        'his wife Jane Hale.\n\n"It does not work," Hale said.',
        [("Tom Hale", "person")],
        id="shared-surname-is-the-subject",
    ),
    pytest.param(
        "Rally\n\nFLINT, Mich. (AP) — Jane Hale spoke on Monday.\n\n"
        '"We need jobs," Mrs. Hale said. Her husband Tom Hale nodded.\n\n'
        '"She is right," Mr. Hale said.',
        [("Jane Hale", "person"), ("Tom Hale", "person")],
        id="shared-surname-by-honorific",
    ),
    pytest.param(
        "Delegates\n\nNEW YORK (AP) — A top Ann Lee adviser says the race is over.\n\n"
        "Bo Chen spoke to reporters on Thursday after a meeting with donors.",
        [("Bo Chen", "person")],
        id="description-named-in-the-next-paragraph",
    ),
    pytest.param(
        "Study\n\nBOSTON (AP) — Lee Park met political science professor Ann Lee on "
        "Monday.\n\nThe professor said the survey was sound.",
        [("Ann Lee", "person")],
        id="title-in-lower-case-before-the-name",
    ),
    pytest.param(
        "Race\n\nDES MOINES, Iowa (AP) — Ann Lee lost the vote.\n\nHer campaign manager, "
        "Bo Chen, said the team would regroup.",
        [("Bo Chen", "person")],
        id="title-named-by-appositive",
    ),
    pytest.param(
        "Vote\n\nBOSTON (AP) — According to state law, no one may campaign near a polling place.",
        [("state law", "unknown")],
        id="document-without-article",
    ),
    pytest.param(
        "Vote\n\nBOSTON (AP) — Lee has won 700 delegates, according to a Reuters tally.",
        [("Reuters tally", "unknown")],
        id="document-named-by-its-source",
    ),
    pytest.param(
        "Inquiry\n\nBOSTON (AP) — The city hired a law firm.\n\nThe law firm said it would help.",
        [(None, "organisation")],
        id="document-noun-as-modifier",
    ),
    pytest.param(
        "Debate\n\nNEW YORK (AP) — Ann Lee said the debate was unfair.\n\n"
        "The businessman said the moderators were biased.",
        [("Ann Lee", "person"), (None, "anonymous")],
        id="description-gender",
    ),
]


class TestShapes:
    @pytest.mark.parametrize(("text", "expected"), SHAPES)
    def test_shapes(self, text: str, expected: list[tuple[str | None, str]]) -> None:
        """
        Each shape of speaker mention resolves to the name and kind the story gives it.
        """
        dispatch = parse(text)

        actual = [
            (s.speaker.name, s.speaker.kind) for s in dispatch.statements if s.speaker is not None
        ]

        assert expected == actual


class TestStatementsBy:
    TEXT = (
        "Guard sent\n\nCOLUMBUS, Ohio (AP) — Ohio Gov. Mike DeWine said the Guard would "
        'help.\n\n"It is the right call," DeWine said. Ann Lee said the Guard was ready.'
    )

    @pytest.mark.parametrize("name", ["Mike DeWine", "DeWine", "dewine", "DEWINE"])
    def test_surname_or_full_name(self, name: str) -> None:
        """
        A speaker's statements are found by full name or surname, in any case.
        """
        dispatch = parse(self.TEXT)

        actual = [s.cue.text for s in dispatch.statements_by(name) if s.cue is not None]

        assert ["said", "said"] == actual

    def test_given_name_alone_finds_nothing(self) -> None:
        """
        A given name alone is no surname.
        """
        dispatch = parse(self.TEXT)

        assert () == dispatch.statements_by("Mike")


CLOSE_TO_CASES = [
    pytest.param(
        "Lee weighs bid\n\nWASHINGTON (AP) — Senator Ann Lee toured Ohio on Monday.\n\n"
        "People close to Lee say she will announce a run in May.",
        ("People close to Lee", "group", None),
        id="people-close-to-a-name",
    ),
    pytest.param(
        "Chief to go\n\nLONDON (Reuters) - Sources close to the board said the chief "
        "executive would resign.",
        ("Sources close to the board", "anonymous", None),
        id="sources-close-to-the-board",
    ),
    pytest.param(
        "Mayor weighs run\n\nTORONTO — Bo Li met donors on Friday.\n\n"
        "Those close to him say that he will decide soon.",
        ("Those close to him", "unknown", None),
        id="those-close-to-him",
    ),
]


class TestCloseTo:
    @pytest.mark.parametrize(("text", "expected"), CLOSE_TO_CASES)
    def test_speaker_is_who_is_close(self, text: str, expected: tuple[str, str, None]) -> None:
        """
        ``X close to Y`` speaks for X: never resolved to Y.
        """
        [statement] = parse(text).statements
        speaker = statement.speaker

        assert speaker is not None
        assert expected == (speaker.text, speaker.kind, speaker.name)


class TestNameColumns:
    """
    The names of a dispatch are kept a column a field and read as named tuples.
    """

    def test_read_as_tuples(self) -> None:
        """
        Indexing, iterating and the columns tell the same names.
        """
        text = "Chinese President Xi Jinping met Mr. Lee and the FBI in East Africa."
        names = find_names(text, 0, len(text))

        listed = list(names)

        assert [names[i] for i in range(len(names))] == listed
        assert [(n.start, n.end) for n in listed] == list(
            zip(names.starts, names.ends, strict=True)
        )
        assert [text[n.start : n.end] for n in listed] == [
            "Xi Jinping",
            "Lee",
            "FBI",
            "East Africa",
        ]
        assert [n.organisation for n in listed] == [False, False, True, True]

    def test_drop_before(self) -> None:
        """
        Dropping the names before an offset keeps the rest, in order.
        """
        text = "Ann Lee met Bo Li, and Lee said so."
        names = find_names(text, 0, len(text))

        names.drop_before(12)

        assert [n.words for n in names] == [("Bo", "Li"), ("Lee",)]
        assert list(names.starts) == [12, 23]

    def test_kind_is_shared(self) -> None:
        """
        Names read from the same run share one kind object, in both builds
        (compiled, a fixed-length tuple type would be boxed anew per name).
        """
        text = "Lee met Ann Lee in Rome, and Lee said Ann Lee agreed."
        names = find_names(text, 0, len(text))

        kinds: dict[tuple[str, ...], list[object]] = {n.words: [] for n in names}
        for name, kind in zip(names, names.kinds, strict=True):
            kinds[name.words].append(kind)

        assert sorted(kinds) == [("Ann", "Lee"), ("Lee",), ("Rome",)]
        for same in (kinds[("Ann", "Lee")], kinds[("Lee",)]):
            assert len(same) == 2
            assert same[0] is same[1]


class TestSpeakersSoFar:
    """
    Only the latest speakers are ever looked back at, so only they are kept.
    """

    def test_history_is_bounded(self) -> None:
        """
        However many speakers a dispatch has, the resolver keeps the latest few, in order.
        """
        state = State(norm=normalize("Lee said so."), source_id=None, caller_reference=None)
        resolver = Resolver(state)

        for pos in range(1000):
            resolver.remember_person(pos, Resolution(f"Person {pos}", "person"))
            resolver.remember_body(pos, pos + 3, Resolution(f"Body {pos}", "organisation"))

        people = [pos for pos, _resolution in resolver.recent_people()]
        bodies = [start for start, _end, _resolution in resolver.recent_bodies()]
        assert len(resolver.history) <= 2 * _LOOKBACK
        assert len(resolver.bodies) <= 2 * _LOOKBACK
        assert people == bodies == list(range(999, 999 - _LOOKBACK, -1))

    def test_many_speakers_resolve_as_few(self) -> None:
        """
        A pronoun far into a long dispatch goes to the person just before it.
        """
        paragraphs = [
            f"Ann Lee{chr(97 + i % 26)}{chr(97 + i // 26)} said the vote was close. "
            "She said it would be won."
            for i in range(300)
        ]
        dispatch = parse("\n\n".join(paragraphs))

        names = [s.speaker.name for s in dispatch.statements if s.speaker is not None]
        assert len(names) == 600
        assert names[::2] == names[1::2]
        assert names[-1] == "Ann Leenl"
