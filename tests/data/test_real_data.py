"""The real data/ folder: it builds, and it keeps the directory's rules. Invariants only.

Behaviour tests use the frozen test directory (tests/fixtures/directory); these tests name no
service, number or count a volunteer could change, so a correction in data/ never breaks them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from directory import ContentDB, build, open_content
from directory.text.hours import parse_hours
from directory.text.phones import normalise_number

REQUIRED_LANGUAGES = {"en", "es", "pt", "de", "el", "ro"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory, real_data_dir: Path) -> Iterator[ContentDB]:
    """The real data/ folder, built (the build itself checks every row)."""
    path = tmp_path_factory.mktemp("real") / "directory.db"
    build(real_data_dir, path)
    db = open_content(path)
    yield db
    db.close()


def _column(db: ContentDB, sql: str, *params: str) -> list[str]:
    return [row[0] for row in db.execute(sql, params)]


def test_every_service_says_where_it_came_from(real: ContentDB) -> None:
    assert not _column(real, "SELECT ref FROM service WHERE trim(coalesce(source, '')) = ''")
    urls = _column(real, "SELECT source_url FROM service WHERE coalesce(source_url, '') != ''")
    assert urls and all(u.startswith(("https://", "http://")) for u in urls)


def test_checked_dates_are_dates_and_copied_entries_are_unverified(real: ContentDB) -> None:
    for ref, assured, by in real.execute(
        "SELECT ref, coalesce(assured_date, ''), coalesce(assured_by, '') FROM service"
    ):
        if assured:
            assert ISO_DATE.match(assured), (ref, assured)
            assert by.strip(), f"{ref}: a checked date says who checked it"


def test_every_prison_has_a_code_a_place_and_a_visiting_entry(real: ContentDB) -> None:
    for nomis, lat, lon in real.execute("SELECT nomis, latitude, longitude FROM prison"):
        # NOMIS codes (LWI), and the Scottish and Northern Irish services' own (SPS-BARLINNIE).
        assert re.fullmatch(r"[A-Z0-9][A-Z0-9-]{2,23}", nomis), nomis
        assert -90 <= lat <= 90 and -180 <= lon <= 180
    codes = set(_column(real, "SELECT nomis FROM prison"))
    visiting = {
        ref.removeprefix("prison-visits-").upper()
        for ref in _column(real, "SELECT ref FROM service WHERE ref LIKE 'prison-visits-%'")
    }
    assert codes and codes <= visiting


def test_every_phone_parses(real: ContentDB) -> None:
    # Each number in its service's country (its address, else the area it covers): short codes
    # differ by country.
    rows = real.execute(
        "SELECT p.number, coalesce((SELECT a.country FROM service_at_location sal"
        " JOIN address a ON a.location_id = sal.location_id"
        " WHERE sal.service_id = p.service_id LIMIT 1),"
        " (SELECT substr(sa.name, 1, 2) FROM service_area sa"
        "  WHERE sa.service_id = p.service_id AND sa.uri IS NOT NULL LIMIT 1), 'GB') FROM phone p"
    ).fetchall()
    assert rows
    for number, country in rows:
        assert normalise_number(number, country), (number, country)
    for phone, country in real.execute(
        "SELECT visits_phone, coalesce(country, 'GB') FROM prison WHERE visits_phone != ''"
    ):
        assert normalise_number(phone, country[:2]), phone


def test_hours_follow_the_grammar(real: ContentDB) -> None:
    for ref, hours in real.execute(
        "SELECT ref, hours_text FROM service WHERE coalesce(hours_text, '') != ''"
    ):
        assert parse_hours(hours), ref


def test_every_category_is_labelled_and_has_keywords_in_every_required_language(
    real: ContentDB,
) -> None:
    for key in _column(real, "SELECT key FROM category"):
        labelled = _column(real, "SELECT language FROM category_label WHERE category_key = ?", key)
        assert set(labelled) >= REQUIRED_LANGUAGES, key
        assert _column(real, "SELECT keyword FROM keyword WHERE category_key = ?", key), key
