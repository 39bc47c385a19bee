"""The five UpFamilies countries: a place there gets that country's services (and EU-wide ones),
never a service that serves only the UK; in the asker's language where a translation exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import ContentDB, open_content, resolve_place, search_services
from directory.lookup.services import get_service
from directory.text.phones import PhoneError, parse_phones
from tests.directory.europe_fixture import CAPITALS, EU_WIDE, UK_ONLY, build_europe_db


@pytest.fixture(scope="module")
def europe_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_europe_db(tmp_path_factory.mktemp("europe"))


@pytest.fixture
def db(europe_db: Path) -> Iterator[ContentDB]:
    handle = open_content(europe_db)
    yield handle
    handle.close()


@pytest.mark.parametrize(("text", "country", "national", "local"), CAPITALS)
def test_a_capital_gets_its_countrys_services_and_no_uk_only_ones(
    db: ContentDB, text: str, country: str, national: str, local: str | None
) -> None:
    place = resolve_place(db, text)
    assert place.country == country
    found = search_services(db, near=place, national_limit=20)
    national_names = [r.name for r in found.national]
    assert national in national_names
    assert EU_WIDE in national_names
    assert UK_ONLY not in national_names
    other_countries = {n for _t, c, n, _l in CAPITALS if c != country}
    assert not other_countries & set(national_names)
    if local:
        # A prison placed at the city's own centroid (Rahova) may come first: the fixture's service
        # is the first of the rest.
        rest = [r.name for r in found.local if not r.service_id.startswith("prison-visits-")]
        assert rest[0] == local
    # Nearby: the fixture's own services and the prisons' visiting entries, nothing else.
    assert all(
        r.name.startswith("Test ") or r.service_id.startswith("prison-visits-") for r in found.local
    )


def test_a_uk_place_never_gets_a_service_for_another_country(db: ContentDB) -> None:
    found = search_services(db, near="Leeds", national_limit=20)
    names = {r.name for r in found.national}
    assert UK_ONLY in names
    assert not names & {n for _t, _c, n, _l in CAPITALS} and EU_WIDE not in names


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Madrid", "es", "toda España"),
        ("Lisboa", "pt", "todo Portugal"),
        ("Berlin", "de", "ganz Deutschland"),
        ("Αθήνα", "el", "όλη την Ελλάδα"),
        ("București", "ro", "toată România"),
    ],
)
def test_national_lines_are_described_in_the_askers_language(
    db: ContentDB, text: str, language: str, words: str
) -> None:
    found = search_services(db, near=text, language=language, national_limit=20)
    descriptions = " ".join(r.description for r in found.national)
    assert words in descriptions


def test_a_local_service_is_placed_by_its_town_in_its_own_country(db: ContentDB) -> None:
    found = search_services(db, near=resolve_place(db, "Zaragoza"), category="peer")
    near = {r.name: r.distance_km for r in found.local}
    assert "Test Zuera" in near and near["Test Zuera"] is not None
    assert near["Test Zuera"] < 40  # Zuera is about 25 km north of Zaragoza


def test_application_text_is_translated(db: ContentDB) -> None:
    assert get_service(db, "es-zuera", "es").application == (
        "Pregunte al grupo por correo electrónico."
    )
    assert get_service(db, "es-zuera", "pl").application == "Ask the group by email."


def test_greek_short_codes_missing_from_libphonenumber_are_accepted_only_in_greece() -> None:
    assert parse_phones("1056", "GR")[0].number == "1056"
    with pytest.raises(PhoneError):
        parse_phones("1056", "GB")
    with pytest.raises(PhoneError):
        parse_phones("1057", "GR")


@pytest.mark.parametrize(
    ("text", "country", "nomis"),
    [
        ("JVA Moabit", "DE", "DE-BMO"),
        ("Madrid V", "ES", "ES-M5"),
        ("EP Lisboa", "PT", "PT-EPL"),
        ("JVA Tegel", "DE", "DE-BTE"),
        ("Penitenciarul Rahova", "RO", "RO-BRA"),
        ("închisoarea Rahova", "RO", "RO-BRA"),
        ("Gefängnis Tegel", "DE", "DE-BTE"),
    ],
)
def test_prisons_in_the_five_countries_resolve_in_their_country(
    db: ContentDB, text: str, country: str, nomis: str
) -> None:
    place = resolve_place(db, text)
    assert (place.kind, place.country, place.prison) == ("prison", country, nomis)
    found = search_services(db, near=place, national_limit=20)
    assert UK_ONLY not in {r.name for r in found.national}
