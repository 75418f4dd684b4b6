"""
Speaker resolution: mentions resolved to the dispatch's entities.
"""

from __future__ import annotations

import attrs
import pytest

from newswire import parse
from newswire._mentions import split_name
from newswire._model import Speaker, Statement
from newswire._pipeline import STAGES
from newswire._speakers import Mention, Resolver, _resolve
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
]

RESOLUTION_MENTIONS = [
    pytest.param("Ann Lee and Bo Chen said the road was shut.", (None, "group"), id="coordination"),
    pytest.param("Officials said the road was shut.", (None, "group"), id="group"),
    pytest.param("A source said the road was shut.", (None, "anonymous"), id="anonymous"),
    pytest.param("The FBI said the road was shut.", ("FBI", "organisation"), id="organisation"),
    pytest.param("He said the road was shut.", (None, "unknown"), id="pronoun-unresolved"),
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

    def test_names_read_on_first_use(self) -> None:
        """
        The names are read once, on first use, with original offsets.
        """
        text = "Mayor Ann Lee opened the bridge. Lee said it was safe."
        resolver = Resolver(_state_before_speakers(text))

        assert [(6, 13), (33, 36)] == [(start, end) for start, end, _name in resolver.names]
