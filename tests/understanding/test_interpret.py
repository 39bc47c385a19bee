"""interpret(): the issue's table, places, misspellings, other-language town names, the corpus."""

from __future__ import annotations

import pytest

from directory import ContentDB
from directory.understanding import interpret
from tests.understanding.corpus import Guess, read_corpus, score

# The issue's table: each text, the topic it asks about and the place (kind, name part).
TABLE = [
    ("how do i book a visit to brixton", "visiting", "prison", "brixton"),
    ("need money for the train to visit my son in wandsworth", "travel", "prison", "wandsworth"),
    ("talk to someone", "helplines", None, None),
    ("my kid is upset dad is in prison", "children", None, None),
    ("my husband just got sent to HMP Lewes what do i do", None, "prison", "lewes"),
    ("I need help paying for petrol to visit HMP Swaleside", "travel", "prison", "swaleside"),
    ("vizita penitenciar Bucuresti", "visiting", "town", "bucharest"),
]


@pytest.mark.parametrize(("text", "topic", "kind", "name"), TABLE)
def test_issue_table(content: ContentDB, text: str, topic: str | None, kind: str | None,
                     name: str | None) -> None:  # fmt: skip
    u = interpret(content, text)
    assert u.topic == topic
    if kind is None:
        assert u.place is None
    else:
        assert u.place is not None and u.place.kind == kind
        assert name in u.place.name.lower()


def test_prison_named_without_topic_is_first_steps(content: ContentDB) -> None:
    u = interpret(content, "my husband just got sent to HMP Lewes what do i do")
    assert u.first_steps and u.prison_code == "LWI" and not u.topics


@pytest.mark.parametrize(
    "text",
    ["how", "to", "is", "me in the", "my son", "train", "help", "de la na", "im at work rn",
     "church tomorrow", "hello there", "I can't cope", "vamos ser despejados"],
)  # fmt: skip
def test_function_and_everyday_words_are_never_places(content: ContentDB, text: str) -> None:
    assert interpret(content, text).place is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("visits Brigthon", "Brighton"), ("visiting wandswoth", "Wandsworth"),
     ("pentonvile visit", "Pentonville"), ("visit wormwood scrubbs", "Wormwood Scrubs")],
)  # fmt: skip
def test_misspelt_places_are_guessed(content: ContentDB, text: str, name: str) -> None:
    u = interpret(content, text)
    assert u.place is not None and u.place.fuzzy and name in u.place.name


def test_a_misspelling_index_is_built(content: ContentDB) -> None:
    rows = content.execute(
        "SELECT key FROM place_variant WHERE variant IN ('wandswoth', 'pentonvile')"
    ).fetchall()
    assert {r[0] for r in rows} == {"wandsworth", "pentonville"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [("housing Londres", "London", "GB"), ("σπιτι Λονδινο", "London", "GB"),
     ("mieszkanie w Londynie", "London", "GB"), ("tai yng Nghaerdydd", "Cardiff", "GB"),
     ("bani Londra", "London", "GB"), ("besuch München", "Munich", "DE"),
     ("επισκεψη Αθήνα", "Athens", "GR"), ("vizite București", "Bucharest", "RO")],
)  # fmt: skip
def test_town_names_in_other_languages(content: ContentDB, text: str, name: str,
                                       country: str) -> None:  # fmt: skip
    u = interpret(content, text)
    assert u.place is not None and u.place.place.country == country
    assert name in u.place.name or u.place.name in ("München", "Αθήνα", "București", "Bucureşti")


def test_a_towns_other_name_finds_its_prison(content: ContentDB) -> None:
    u = interpret(content, "visits Caerdydd")
    assert u.place is not None and u.place.kind == "prison" and u.prison_code == "CFI"
    home = interpret(content, "money Caerdydd")
    assert home.place is not None and home.place.kind == "town" and home.place.name == "Cardiff"


def test_two_places_prison_for_visits_home_otherwise(content: ContentDB) -> None:
    visit = interpret(content, "I live in Leeds, he is in HMP Hull, how do i visit")
    assert visit.place is not None and visit.place.kind == "prison" and visit.chose == "prison"
    assert visit.other_place is not None and visit.other_place.name == "Leeds"
    money = interpret(content, "I live in Leeds, he is in HMP Hull, need help with money")
    assert money.place is not None and money.place.name == "Leeds" and money.chose == "home"


def test_postcode_and_outcode_beat_towns(content: ContentDB) -> None:
    u = interpret(content, "can't pay my rent or gas, BN7 1EA")
    assert u.place is not None and u.place.kind == "postcode"
    assert u.place.name.startswith("BN7 1EA")
    assert interpret(content, "money BN7").place.kind == "outcode"  # type: ignore[union-attr]


def test_typos_and_text_speak_name_topics(content: ContentDB) -> None:
    assert interpret(content, "HOUSNG manchester").topic == "housing"
    assert interpret(content, "vistis").topic == "visiting"
    u = interpret(content, "wer can i get help wiv money in hull")
    assert u.topic == "money" and u.place is not None and "Hull" in u.place.name


def test_distress_command_and_json_shape(content: ContentDB) -> None:
    assert interpret(content, "I want to end it all").distress
    assert interpret(content, "MENU please").command == "menu"
    u = interpret(content, "dinero Leeds")
    assert u.as_json() == {
        "topics": ["money"],
        "place": {"name": "Leeds", "kind": "town", "words": "leeds"},
        "prison": "HMP Leeds" if u.prison == "HMP Leeds" else u.prison,
        "language": "es",
    }


def test_the_corpus_meets_its_targets(content: ContentDB) -> None:
    """No false place anywhere in the corpus, and >= 95% understood."""

    def guess(row):  # type: ignore[no-untyped-def]
        u = interpret(content, row.text)
        return Guess(u.topic, u.place.kind if u.place else None,
                     u.place.name if u.place else None)  # fmt: skip

    scores = score(read_corpus(), guess)
    assert scores[("all", "all")].false_places == 0
    assert scores[("all", "all")].topic_accuracy >= 0.95
    assert scores[("all", "all")].place_accuracy >= 0.95


def test_corpus_shape() -> None:
    rows = read_corpus()
    assert len(rows) >= 400
    for language in ("es", "pt", "de", "el", "ro", "cy", "pl"):
        assert sum(r.language == language for r in rows) >= 30
    held = [r for r in rows if r.split == "held"]
    assert len(rows) // 3 - 5 <= len(held) <= len(rows) // 3 + 5


@pytest.mark.parametrize(
    ("text", "nomis", "language", "words"),
    [
        ("visitas Soto del Real", "ES-M5", "es", "soto del real"),
        ("Besuch JVA Tegel", "DE-BTE", "de", "jva tegel"),
        ("vizita Rahova", "RO-BRA", "ro", "rahova"),
    ],
)
def test_prisons_abroad_are_read_whole_in_their_language(
    content: ContentDB, text: str, nomis: str, language: str, words: str
) -> None:
    u = interpret(content, text)
    assert u.topic == "visiting" and u.language == language
    assert u.prison_code == nomis and u.place is not None and u.place.words == words
