"""Place lookup against the real gazetteers and prisons."""

from __future__ import annotations

import pytest

from directory import ContentDB, PlaceNotFound, resolve_place
from directory.lookup.places import normalise_postcode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bn71ea", "BN7 1EA"),
        ("BN7 1EA", "BN7 1EA"),
        ("  sw1a-1aa ", "SW1A 1AA"),
        ("BN7", None),
        ("hello", None),
        ("", None),
    ],
)
def test_normalise_postcode(text: str, expected: str | None) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize("text", ["BN7 1EA", "bn71ea", "Bn7 1eA", "BN7-1EA"])
def test_full_postcode_in_any_form(content: ContentDB, text: str) -> None:
    place = resolve_place(content, text)
    assert place.kind == "postcode"
    assert place.outcode == "BN7"
    assert place.text == text
    assert 50.8 < place.latitude < 50.95 and -0.1 < place.longitude < 0.1


def test_prison_postcode_is_exact(content: ContentDB) -> None:
    place = resolve_place(content, "BN7 1EA")  # HMP Lewes' own postcode
    assert place.prison == "LWI"


def test_unknown_inward_code_falls_back_to_district(content: ContentDB) -> None:
    place = resolve_place(content, "BN7 9ZZ")
    assert place.kind == "postcode" and place.outcode == "BN7" and place.prison is None


@pytest.mark.parametrize(("text", "outcode"), [("BN7", "BN7"), ("bt4", "BT4"), ("SW1A", "SW1A")])
def test_outward_code(content: ContentDB, text: str, outcode: str) -> None:
    place = resolve_place(content, text)
    assert place.kind == "outcode" and place.outcode == outcode


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Lewes", "Lewes"),
        ("lewes", "Lewes"),
        ("Belfast", "Belfast"),
        ("EDINBURGH", "Edinburgh"),
        ("Brighton and Hove", "Brighton"),
        ("near Lewes", "Lewes"),
    ],
)
def test_town(content: ContentDB, text: str, name: str) -> None:
    place = resolve_place(content, text)
    assert place.kind == "town" and place.name == name and not place.fuzzy


def test_town_that_is_also_a_prison_carries_the_prison(content: ContentDB) -> None:
    assert resolve_place(content, "Lewes").prison == "LWI"


@pytest.mark.parametrize("text", ["HMP Lewes", "Lewes prison", "lewes PRISON", "HMP & YOI Lewes"])
def test_prison_names_and_aliases(content: ContentDB, text: str) -> None:
    place = resolve_place(content, text)
    assert place.kind == "prison" and place.prison == "LWI"


def test_prison_without_coordinates_in_source_is_geocoded(content: ContentDB) -> None:
    # Wandsworth had no coordinates in the joined file: geocoded from its outward code.
    place = resolve_place(content, "HMP Wandsworth")
    assert place.prison == "WWI" and 51.4 < place.latitude < 51.5


def test_misspelt_town_gets_suggestions(content: ContentDB) -> None:
    with pytest.raises(PlaceNotFound) as caught:
        resolve_place(content, "Lewse")
    assert "Lewes" in [s.text for s in caught.value.suggestions]
    assert "Did you mean" in str(caught.value)


def test_close_misspelling_resolves_fuzzily(content: ContentDB) -> None:
    place = resolve_place(content, "Edinbugh")
    assert place.name == "Edinburgh" and place.fuzzy


@pytest.mark.parametrize(
    ("text", "hint", "country", "town"),
    [
        ("10115", None, "DE", "Berlin"),
        ("D-80331", None, "DE", "München"),
        ("28013", "ES", "ES", "Madrid"),
        ("ES 08001", None, "ES", "Barcelona"),
        ("1000-001", None, "PT", "Lisboa"),
        ("4000", None, "PT", "Porto"),
        ("400001", None, "RO", "Cluj-Napoca"),
    ],
)
def test_eu_postal_codes(
    content: ContentDB, text: str, hint: str | None, country: str, town: str
) -> None:
    place = resolve_place(content, text, country_hint=hint)
    assert place.kind == "eu_postcode" and place.country == country and town in place.name


@pytest.mark.parametrize("text", ["Αθήνα", "ΑΘΗΝΑ", "athens", "Thessaloniki"])
def test_greek_towns_by_name(content: ContentDB, text: str) -> None:
    assert resolve_place(content, text).country == "GR"


@pytest.mark.parametrize(
    "text", ["Bucuresti", "București", "Bucureşti", "BUCURESTI", "Iasi", "Iași"]
)
def test_romanian_towns_with_and_without_diacritics(content: ContentDB, text: str) -> None:
    place = resolve_place(content, text, fuzzy=False)
    assert place.country == "RO" and place.kind == "town"


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("Madrid", "ES", "Madrid"),
        ("Lisboa", "PT", "Lisboa"),
        ("Lisbon", "PT", "Lisboa"),
        ("Lissabon", "PT", "Lisboa"),
        ("Berlin", "DE", "Berlin"),
        ("Athen", "GR", "Athens"),
        ("Αθηνα", "GR", "Athens"),
        ("Bukarest", "RO", "Bucharest"),
        ("Korydallos", "GR", "Korydallós"),
    ],
)
def test_eu_capitals_and_their_other_names(
    content: ContentDB, text: str, country: str, name: str
) -> None:
    place = resolve_place(content, text, fuzzy=False)
    assert (place.country, place.name) == (country, name)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Xyzzyplugh", "ZZ99 9ZZ", "'; DROP TABLE place; --", "🙂" * 50, "x" * 10_000],
)
def test_unknown_places_raise_placenotfound(content: ContentDB, text: str) -> None:
    with pytest.raises(PlaceNotFound):
        resolve_place(content, text)


def test_exact_only_lookup_has_no_fuzzy_match_and_no_suggestions(content: ContentDB) -> None:
    assert resolve_place(content, "Lewes", fuzzy=False).name == "Lewes"
    with pytest.raises(PlaceNotFound) as caught:
        resolve_place(content, "Edinbugh", fuzzy=False)
    assert caught.value.suggestions == []


@pytest.mark.parametrize(
    ("text", "prison"),
    [("Isle of Wight", "IWI"), ("near HMP Isle of Wight", "IWI"), ("Soto del Real", "ES-M5")],
)
def test_a_filler_word_inside_a_name_is_kept(content: ContentDB, text: str, prison: str) -> None:
    # "of" is dropped from "near Lewes" style text, but it belongs to "Isle of Wight": the name
    # resolves exactly, with no fuzzy guess.
    place = resolve_place(content, text, fuzzy=False)
    assert place.prison == prison and not place.fuzzy
