"""The parser on the real directory: exact lookups for runs of words, one fuzzy try at most."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from directory import ContentDB
from directory.guides.keywords import guide_words
from directory.lookup.categories import keyword_index
from directory.lookup.places import resolve_place
from directory.models import Place
from sms_gateway.parser import Command, parse

Calls = list[tuple[str, bool]]


def parse_counting(
    db: ContentDB, body: str, expect_place: Callable[[], bool] = lambda: False
) -> tuple[Command, Calls]:
    """Parse with the real resolver, noting each lookup and whether it was fuzzy."""
    calls: Calls = []

    def resolve(text: str, fuzzy: bool) -> Place:
        calls.append((text, fuzzy))
        return resolve_place(db, text, fuzzy=fuzzy)

    return parse(body, keyword_index(db), resolve, "GB", expect_place), calls


@pytest.mark.parametrize(
    "body",
    ["I can't cope", "hello there my friend", "xyzzy", "what do I do now please", "Brightn"],
)
def test_no_fuzzy_lookup_without_a_keyword_or_a_waiting_keyword(
    content: ContentDB, body: str
) -> None:
    command, calls = parse_counting(content, body)
    assert calls and not any(fuzzy for _, fuzzy in calls)
    assert command.place is None and command.place_suggestions == []


def test_distress_text_naming_a_town_is_not_about_the_town(content: ContentDB) -> None:
    command, _ = parse_counting(content, "I can't cope")  # Cope is a town
    assert command.distress and command.action == "unknown" and command.place is None


def test_keyword_with_misspelt_place_gets_one_fuzzy_guess(content: ContentDB) -> None:
    command, calls = parse_counting(content, "HOUSING Brightn")
    assert [fuzzy for _, fuzzy in calls].count(True) == 1
    assert calls[-1] == ("brightn", True)  # the whole leftover text, last
    assert command.category == "housing" and command.place is not None
    assert command.place.name == "Brighton" and command.place.fuzzy


def test_waiting_keyword_makes_a_misspelt_place_worth_a_guess(content: ContentDB) -> None:
    asked: list[bool] = []

    def waiting() -> bool:
        asked.append(True)
        return True

    command, calls = parse_counting(content, "Brightn", waiting)
    assert asked == [True] and calls[-1] == ("brightn", True)
    assert command.place is not None and command.place.name == "Brighton"


def test_a_keyword_and_an_unknown_place_give_suggestions(content: ContentDB) -> None:
    command, calls = parse_counting(content, "HOUSING Lewis")
    assert sum(fuzzy for _, fuzzy in calls) == 1
    assert command.category == "housing"
    assert command.place is None and command.place_missing
    assert "Lewes" in [s.text for s in command.place_suggestions]


@pytest.mark.parametrize(
    ("body", "category", "outcode"),
    [
        ("HOUSING BN7", "housing", "BN7"),
        ("bn7 1ea visits please", "visiting", "BN7"),
        ("vivienda en Lewes por favor", "housing", "BN7"),
        ("my son is in HMP Lewes need visits", "visiting", "BN7"),
    ],
)
def test_exact_places_need_no_fuzzy_lookup(
    content: ContentDB, body: str, category: str, outcode: str
) -> None:
    command, calls = parse_counting(content, body)
    assert not any(fuzzy for _, fuzzy in calls)
    assert command.category == category
    assert command.place is not None and command.place.outcode == outcode


def test_the_waiting_question_is_not_asked_when_it_cannot_matter(content: ContentDB) -> None:
    def never() -> bool:
        raise AssertionError("asked needlessly")

    for body in ("HOUSING BN7", "Lewes", "MORE", "2", "STOP", "vivienda"):
        parse_counting(content, body, never)


@pytest.mark.parametrize(
    ("country", "language"), [("PT", "pt"), ("ES", "es"), ("BR", "pt"), ("DE", None)]
)
def test_a_keyword_of_several_languages_reads_in_the_senders_language(
    content: ContentDB, country: str, language: str | None
) -> None:
    def resolve(text: str, fuzzy: bool) -> Place:
        return resolve_place(content, text, fuzzy=fuzzy)

    command = parse("visitas Lisboa", keyword_index(content), resolve, country)
    assert command.category == "visiting" and command.place is not None
    # VISITAS is Spanish and Portuguese; from elsewhere it reads as whichever the table lists.
    assert command.language == language if language else command.language in ("es", "pt")


@pytest.mark.parametrize(
    ("body", "country", "nomis"),
    [
        ("visitas Soto del Real", "ES", "ES-M5"),
        ("Besuch JVA Tegel", "DE", "DE-BTE"),
        ("vizita Rahova", "RO", "RO-BRA"),
    ],
)
def test_a_place_name_keeps_the_filler_words_inside_it(
    content: ContentDB, body: str, country: str, nomis: str
) -> None:
    # "del" is a filler word ("visitas cerca del centro") but part of "Soto del Real": dropped,
    # "soto real" named nothing and "soto" a village in Portugal.
    command, calls = parse_counting(content, body)
    assert not any(fuzzy for _, fuzzy in calls)
    assert command.category == "visiting" and command.place is not None
    assert (command.place.prison, command.place.country) == (nomis, country)


def test_a_guide_word_before_a_name_with_a_filler_word_inside(content: ContentDB) -> None:
    def resolve(text: str, fuzzy: bool) -> Place:
        return resolve_place(content, text, fuzzy=fuzzy)

    command = parse(
        "llevar Soto del Real", keyword_index(content), resolve, "ES", guides=guide_words(content)
    )
    assert command.action == "guide" and command.guide == ("section", "bring")
    assert command.place is not None and command.place.prison == "ES-M5"


def test_a_filler_word_alone_between_two_words_names_no_place(content: ContentDB) -> None:
    # Only a whole name counts: "there my friend" is looked up, and names nothing.
    command, calls = parse_counting(content, "hello there my friend")
    assert ("there my friend", False) in calls and command.place is None
