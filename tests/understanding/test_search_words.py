"""Typed search words read once in the core, for the kiosk and the phone pages alike."""

from __future__ import annotations

from directory import ContentDB, Place
from directory.understanding import TypedSearch, read_search


def test_a_topic_and_a_prison_town_become_the_search(content: ContentDB) -> None:
    asked = read_search(content, "visits brixton", language="en")
    assert isinstance(asked.place, Place) and asked.place.prison == "BXI"
    assert asked.category == "visiting"
    assert asked.text is None  # every word was understood


def test_words_in_another_language_name_the_topic(content: ContentDB) -> None:
    asked = read_search(content, "dinero Leeds", language="es")
    assert isinstance(asked.place, Place) and asked.place.name == "Leeds"
    assert asked.category == "money"


def test_a_chosen_place_and_topic_come_before_the_words(content: ContentDB) -> None:
    asked = read_search(content, "dinero Leeds", language="es", category="housing", near="BN7")
    assert asked.place == "BN7"
    assert asked.category == "housing"


def test_words_that_name_no_topic_or_place_are_searched_as_typed(content: ContentDB) -> None:
    asked = read_search(content, "samaritans", language="en")
    assert asked == TypedSearch(place=None, category=None, text="samaritans")


def test_without_words_the_choices_stand(content: ContentDB) -> None:
    asked = read_search(content, None, language="en", category="money", near="")
    assert (asked.place, asked.category, asked.text) == (None, "money", None)
