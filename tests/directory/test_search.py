"""Search against the real directory: ranking, separation of national services, hostile text."""

from __future__ import annotations

import pytest

from directory import ContentDB, PlaceNotFound, UnknownCategory, resolve_place, search_services
from directory.lookup.text_query import fts_query, split_text


def test_visiting_near_lewes_lists_hmp_lewes_first(content: ContentDB) -> None:
    found = search_services(content, near="BN7 1EA", category="visiting", limit=5)
    assert found.local[0].service_id == "prison-visits-lwi"
    assert found.local[0].distance_km is not None and found.local[0].distance_km < 1
    distances = [r.distance_km for r in found.local]
    assert distances == sorted(distances)  # type: ignore[type-var]
    assert all("visiting" in r.categories for r in found.local)


@pytest.mark.parametrize("near", ["Lewes", "lewes prison"])
def test_visiting_near_a_prison_town_puts_that_prison_first(content: ContentDB, near: str) -> None:
    found = search_services(content, near=near, category="visiting", limit=3)
    assert found.place is not None and found.place.prison == "LWI"
    assert found.local[0].service_id == "prison-visits-lwi"
    second_page = search_services(content, near=near, category="visiting", limit=3, offset=1)
    assert "prison-visits-lwi" not in [r.service_id for r in second_page.local]


def test_visiting_near_an_outward_code_is_in_plain_distance_order(content: ContentDB) -> None:
    found = search_services(content, near="BN7", category="visiting", limit=3)
    assert found.place is not None and found.place.prison is None  # a code names no prison
    distances = [r.distance_km for r in found.local]
    assert len(distances) > 1 and distances == sorted(distances)  # type: ignore[type-var]


def test_national_services_are_apart_and_have_no_distance(content: ContentDB) -> None:
    found = search_services(content, near="Lewes", category="emotional")
    assert found.national, "national emotional-support helplines expected"
    assert all(r.distance_km is None and r.scope == "national" for r in found.national)
    assert all(r.distance_km is not None and r.scope == "local" for r in found.local)
    assert not {r.service_id for r in found.local} & {r.service_id for r in found.national}


def test_near_belfast_finds_northern_ireland_services(content: ContentDB) -> None:
    found = search_services(content, near="Belfast", limit=10)
    assert found.local
    postcodes = [r.town for r in found.local]
    assert any(r.distance_km is not None and r.distance_km < 30 for r in found.local), postcodes
    ni = content.execute(
        "SELECT s.ref, s.scope FROM service s JOIN service_at_location sal"
        " ON sal.service_id = s.id JOIN address a ON a.location_id = sal.location_id"
        " WHERE a.postal_code LIKE 'BT%' AND s.status = 'active'"
    ).fetchall()
    assert ni, "the data has Northern Ireland services"
    assert {r[0] for r in ni if r[1] == "local"} <= {r.service_id for r in found.local}
    # Those serving all Northern Ireland are listed apart, as national services for it.
    assert {r[0] for r in ni if r[1] == "national"} <= {r.service_id for r in found.national}


def test_radius_widens_until_enough_results(content: ContentDB) -> None:
    found = search_services(content, near="BN7", category="visiting", limit=4)
    assert len(found.local) == 4
    assert found.radius_km is not None and found.radius_km > 8


def test_paging_gives_the_next_results(content: ContentDB) -> None:
    first = search_services(content, near="BN7", category="visiting", limit=2)
    second = search_services(content, near="BN7", category="visiting", limit=2, offset=2)
    both = search_services(content, near="BN7", category="visiting", limit=4)
    ids = [r.service_id for r in first.local + second.local]
    assert ids == [r.service_id for r in both.local]


def test_place_object_or_text_are_the_same(content: ContentDB) -> None:
    place = resolve_place(content, "HMP Lewes")
    a = search_services(content, near=place, category="visiting")
    b = search_services(content, near="HMP Lewes", category="visiting")
    assert [r.service_id for r in a.local] == [r.service_id for r in b.local]


def test_result_fields(content: ContentDB) -> None:
    found = search_services(content, near="BN7 1EA", category="visiting", limit=1)
    first = found.local[0]
    assert first.phones and first.phones[0].number.replace(" ", "").isdigit()
    assert first.organization
    assert first.assured_date is None  # MoJ seed data: unverified
    as_json = found.to_dict()
    assert set(as_json) == {"place", "local", "national"}
    row = as_json["local"][0]
    for key in (
        "service_id",
        "name",
        "organization",
        "distance_km",
        "phones",
        "categories",
        "assured_date",
    ):
        assert key in row
    assert set(row["phones"][0]) == {"number", "description"}


@pytest.mark.parametrize(
    "word",
    [
        "housing",
        "VIVIENDA",
        "habitação",
        "habitacao",
        "Wohnung",
        "ΣΤΕΓΑΣΗ",
        "στέγαση",
        "locuință",
        "locuinta",
    ],
)
def test_category_words_in_any_language(content: ContentDB, word: str) -> None:
    categories, rest = split_text(content, word)
    assert categories == ["housing"] and rest == []
    found = search_services(content, text=word, near="Lewes")
    assert all("housing" in r.categories for r in found.local + found.national)


def test_text_search_finds_by_name(content: ContentDB) -> None:
    found = search_services(content, text="samaritans")
    assert any("Samaritans" in r.name for r in found.national)


def test_text_search_folds_accents(content: ContentDB) -> None:
    plain = search_services(content, text="samaritans")
    accented = search_services(content, text="SÁMARITANS")
    assert [r.service_id for r in plain.national] == [r.service_id for r in accented.national]


def test_unknown_category(content: ContentDB) -> None:
    with pytest.raises(UnknownCategory):
        search_services(content, category="spaceships")


def test_unknown_place(content: ContentDB) -> None:
    with pytest.raises(PlaceNotFound):
        search_services(content, near="Nowhereville-on-Sea")


HOSTILE = [
    '"',
    "'",
    '"unterminated',
    "NEAR(a b)",
    "a OR b AND NOT c",
    "name:foo",
    "col : x",
    "*",
    "^x",
    "(((",
    ")",
    "foo*bar",
    "'; DROP TABLE service; --",
    "1=1 OR",
    "\\",
    "\x00",
    "🙂🙂🙂",
    "🏠 housing",
    "x" * 10_000,
    "a " * 5_000,
    "NEAR/3",
    "{name body}: x",
    "- -",
    "+",
    "AND",
    "OR",
    "NOT",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(content: ContentDB, text: str) -> None:
    search_services(content, text=text)
    search_services(content, text=text, near="BN7")
    search_services(content, text=text, prefix=True)


def test_fts_query_quotes_everything() -> None:
    assert fts_query(["a", 'b"c']) == '"a" AND "b""c"'
    assert fts_query(["abc"], prefix_last=True) == '"abc"*'
    assert fts_query([]) is None
    assert fts_query(["w"] * 50) == " AND ".join(['"w"'] * 8)
    assert fts_query(["a", "hous"], True, [[], ["housing"]]) == '"a" AND ("hous"* OR "housing")'


def test_partial_category_word_widens_to_the_category(content: ContentDB) -> None:
    # "locuin" is the start of Romanian "locuință" (housing): typed on the kiosk keypad
    found = search_services(content, text="locuin", prefix=True, near="Lewes")
    housing = [r for r in found.local + found.national if "housing" in r.categories]
    assert housing
    without = search_services(content, text="locuin", near="Lewes")  # no prefix: no widening
    assert len(without.local + without.national) < len(found.local + found.national)


def test_translated_results(content: ContentDB) -> None:
    en = search_services(content, text="samaritans", language="en").national[0]
    es = search_services(content, text="samaritans", language="es").national[0]
    assert en.service_id == es.service_id
    assert en.description != es.description  # the directory carries Spanish text


@pytest.mark.parametrize(("near", "found"), [("Belfast", True), ("Lewes", False)])
def test_near_and_rare_text_respects_the_radius(content: ContentDB, near: str, found: bool) -> None:
    result = search_services(content, text="NIACRO", near=near)
    assert bool(result.local) is found
    assert all(r.distance_km is not None and r.distance_km <= 80 for r in result.local)
    assert [r.distance_km for r in result.local] == sorted(r.distance_km for r in result.local)  # type: ignore[type-var]
