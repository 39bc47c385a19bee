"""Coverage areas, prison status and visitor centres (issue 14), on real database files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from directory import DataValidationError, build, open_content, search_services
from directory.lookup.places import resolve_place
from directory.lookup.services import prison_visiting
from directory.lookup.visitor_centres import visitor_centre_for, visitor_centres_for
from directory.text.areas import AreaError, covers, nation_of, parse_areas
from tests.conftest import REAL_DATA


def _edit(path: Path, ref_column: str, ref: str, **changes: str) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    hit = [r for r in rows if r[ref_column] == ref]
    assert hit, ref
    for row in hit:
        row.update(changes)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_area_codes_parse_and_cover() -> None:
    assert parse_areas("gb-eng; GB-WLS;GB-ENG") == ["GB-ENG", "GB-WLS"]
    assert parse_areas("IE") == ["IE"]
    for bad in ("UK", "GB-XYZ", "Scotland", "E"):
        with pytest.raises(AreaError):
            parse_areas(bad)
    assert covers(["GB"], "GB-SCT") and covers(["GB-SCT"], "GB-SCT")
    assert not covers(["GB-SCT"], "GB-ENG") and not covers(["GB-ENG", "GB-WLS"], "GB-SCT")
    assert covers(["EU"], "ES") and not covers(["EU"], "GB-ENG") and not covers(["GB"], "ES")
    assert nation_of("GB", "Glasgow City") == "GB-SCT"
    assert nation_of("GB", "County Antrim") == "GB-NIR"
    assert nation_of("GB", "Gwynedd") == "GB-WLS"
    assert nation_of("GB", "West Yorkshire") == "GB-ENG"
    assert nation_of("GB", "Jersey") == "GB"
    assert nation_of("ES", "") == "ES"


def test_places_know_their_nation(content) -> None:  # type: ignore[no-untyped-def]
    assert resolve_place(content, "Leeds").area == "GB-ENG"
    assert resolve_place(content, "Cardiff").area == "GB-WLS"
    assert resolve_place(content, "Glasgow").area == "GB-SCT"
    assert resolve_place(content, "BT1 1AA").area == "GB-NIR"
    assert resolve_place(content, "HMP Cardiff").area == "GB-WLS"


def test_leeds_never_gets_a_service_for_another_nation(content) -> None:  # type: ignore[no-untyped-def]
    for category in (None, "helplines", "visiting", "emotional", "children"):
        found = search_services(content, near="Leeds", category=category, national_limit=50)
        for result in found.national:
            codes = [
                r[0]
                for r in content.execute(
                    "SELECT a.name FROM service_area a JOIN service s ON s.id = a.service_id"
                    " WHERE s.ref = ? AND a.uri LIKE 'https://www.iso.org/%'",
                    (result.service_id,),
                )
            ]
            assert covers(codes, "GB-ENG"), (result.service_id, codes)
        refs = {r.service_id for r in found.national}
        assert "families-outside-helpline" not in refs


def test_scotland_gets_families_outside_first(content) -> None:  # type: ignore[no-untyped-def]
    found = search_services(content, near="Glasgow", category="helplines")
    refs = [r.service_id for r in found.national]
    assert refs[0] == "families-outside-helpline", refs
    assert "prisoners-families-helpline" not in refs  # England and Wales only


def test_a_place_abroad_gets_no_uk_only_service(content) -> None:  # type: ignore[no-untyped-def]
    found = search_services(content, near="ES-28001", national_limit=50)
    assert found.place is not None and found.place.area == "ES"
    assert all(r.service_id not in ("childline", "samaritans-helpline") for r in found.national)


def test_inactive_services_never_appear(data_copy: Path, tmp_path: Path) -> None:
    _edit(data_copy / "services.csv", "service_id", "nepacs-helpline", status="inactive")
    _edit(data_copy / "services.csv", "service_id", "childline", status="defunct")
    db_path = tmp_path / "d.db"
    build(data_copy, db_path)
    with open_content(db_path) as db:
        found = search_services(db, near="Durham", limit=100, national_limit=100)
        refs = {r.service_id for r in [*found.local, *found.national]}
        assert "nepacs-family-support" in refs  # the active one next to it still shows
        assert "nepacs-helpline" not in refs and "childline" not in refs
        words = search_services(db, text="Nepacs helpline", limit=100)
        assert "nepacs-helpline" not in {r.service_id for r in words.local}


def test_a_closed_prison_is_recognised_but_offers_no_visits(content) -> None:  # type: ignore[no-untyped-def]
    place = resolve_place(content, "HMP Dartmoor")
    assert place.kind == "prison" and place.prison == "DAI"
    visiting = prison_visiting(content, "DAI")
    assert not visiting.is_open and visiting.status in ("closed", "temporarily closed")
    assert visiting.status_source.startswith("https://")
    assert visiting.visit_slots == "" and visiting.visits_phone == ""
    found = search_services(content, near="HMP Dartmoor", category="visiting", limit=50)
    assert "prison-visits-dai" not in {r.service_id for r in found.local}
    assert prison_visiting(content, "LWI").is_open


def test_closed_prison_needs_a_source_and_a_known_status(data_copy: Path, tmp_path: Path) -> None:
    _edit(data_copy / "prisons.csv", "nomis", "LWI", status="closed", status_source="")
    _edit(data_copy / "prisons.csv", "nomis", "BMI", status="shut")
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, tmp_path / "d.db")
    where = {(i.file, i.column) for i in caught.value.issues}
    assert ("prisons.csv", "status_source") in where and ("prisons.csv", "status") in where


def test_national_service_needs_codes(data_copy: Path, tmp_path: Path) -> None:
    _edit(data_copy / "services.csv", "service_id", "childline", service_area="")
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, tmp_path / "d.db")
    issue = caught.value.issues[0]
    assert (issue.file, issue.column) == ("services.csv", "service_area")
    assert "needs the areas it serves" in issue.problem


def test_visitor_centres_load_and_are_found(content) -> None:  # type: ignore[no-untyped-def]
    centre = visitor_centre_for(content, "BMI")
    assert centre is not None and centre.operator and centre.source_url.startswith("https://")
    assert not centre.verified  # copied, not checked by a person
    assert visitor_centre_for(content, "bmi") == centre
    assert visitor_centre_for(content, "ZZZ") is None
    assert visitor_centres_for(content, "ZZZ") == []


def test_visitor_centre_rows_are_checked(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "visitor_centres.csv"
    text = path.read_text("utf-8")
    path.write_text(text + "ZZZ,Pact,01234,not-an-email,,,,,\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as caught:
        build(data_copy, tmp_path / "d.db")
    columns = {i.column for i in caught.value.issues if i.file == "visitor_centres.csv"}
    assert columns == {"prison", "phone", "email", "source_url"}


def test_area_labels_in_every_language_never_say_uk_for_narrower() -> None:
    from directory.text.i18n import LANGUAGES
    from directory.text.presentation import AREA_PHRASES, presentation

    assert presentation("en").area_label(["GB-SCT"]) == "Across Scotland"
    assert presentation("en").area_label(["GB-ENG", "GB-WLS"]) == "Across England and Wales"
    assert presentation("es").area_label(["ES"]) == "En toda España"
    # A combination without a phrase is named by the part serving the family's place.
    assert presentation("en").area_label(["ES", "PT", "DE"], "PT") == "Across Portugal"
    assert presentation("en").area_label(["GB-SCT"], "GB-SCT") == "Across Scotland"
    for language in LANGUAGES:
        words = presentation(language)
        labels = {words.area_label(list(codes)) for codes in AREA_PHRASES}
        assert len(labels) == len(AREA_PHRASES), language  # every phrase translated apart
        if language != "en":
            english = {presentation("en").area_label(list(c)) for c in AREA_PHRASES}
            assert not labels & english, (language, labels & english)
        closed = words.prison_closed("HMP Dartmoor", "GB-ENG")
        assert "HMP Dartmoor" in closed
        if language != "en":
            assert closed != presentation("en").prison_closed("HMP Dartmoor", "GB-ENG")


def test_done_when_checks_on_the_real_directory(content) -> None:  # type: ignore[no-untyped-def]
    glasgow = search_services(content, near="Glasgow", category="visiting", limit=3)
    first = glasgow.local[0].service_id
    code = first.removeprefix("prison-visits-").upper()
    town = content.execute("SELECT town FROM prison WHERE nomis = ?", (code,)).fetchone()
    assert town == ("Glasgow",), first
    maghaberry = resolve_place(content, "HMP Maghaberry")
    assert maghaberry.kind == "prison" and maghaberry.prison == "NIPS-MAGHABERRY"
    assert maghaberry.area == "GB-NIR"
    leeds = search_services(content, near="Leeds", national_limit=100, limit=50)
    for result in [*leeds.local, *leeds.national]:
        assert result.areas != ["GB-SCT"], result.service_id


def test_every_scottish_and_ni_prison_cites_its_pages() -> None:
    data_dir = REAL_DATA  # an invariant of the real data/ folder
    with (data_dir / "prisons.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["country"] in ("GB-SCT", "GB-NIR")]
    assert len(rows) >= 8
    for row in rows:
        assert row["nomis"].startswith(("SPS-", "NIPS-")), row["nomis"]
        assert "http" in row["source"] and "http" in row["latlon_source"] + row["source"]
        if row["visits_phone"]:
            digits = row["visits_phone"].replace(" ", "")
            assert digits in row["source"].replace(" ", ""), row["nomis"]


def test_the_two_helpline_numbers_are_two_entries() -> None:
    data_dir = REAL_DATA  # an invariant of the real data/ folder
    with (data_dir / "services.csv").open(encoding="utf-8") as fh:
        rows = {r["service_id"]: r for r in csv.DictReader(fh)}
    assert rows["prisoners-families-helpline"]["phones"].startswith("0808 808 2003")
    assert "3444" not in rows["prisoners-families-helpline"]["phones"]
    assert rows["pact-helpline"]["phones"].startswith("0808 808 3444")
    for ref in ("families-do-matter", "pff-london", "apf-publications", "kids-vip"):
        assert rows[ref]["status"] != "active" and "STATUS" in rows[ref]["notes"]


def test_open_eligibility_licence_agrees() -> None:
    data_dir = REAL_DATA  # an invariant of the real data/ folder
    attribution = (data_dir / "ATTRIBUTION.txt").read_text("utf-8")
    sources = (data_dir / "SOURCES.md").read_text("utf-8")
    line = next(x for x in attribution.splitlines() if "Open Eligibility" in x)
    assert "CC BY-SA 3.0" in line and "(CC BY-SA 3.0)" in sources


def test_stats_and_prison_gaps(content) -> None:  # type: ignore[no-untyped-def]
    from directory.reports.coverage_stats import directory_stats, prison_gaps

    stats = directory_stats(content)
    assert stats.prisons[("GB-ENG", "temporarily closed")] >= 1
    assert stats.prisons[("GB-SCT", "open")] >= 5 and stats.prisons[("GB-NIR", "open")] == 3
    assert stats.totals["visitor centres"] == sum(stats.visitor_centres.values()) > 0
    assert stats.services_by_area["GB-SCT"] >= 1 and stats.services_by_status["inactive"] >= 1
    gaps = prison_gaps(content)
    assert all(g.missing for g in gaps)
    assert "DAI" not in {g.code for g in gaps}  # closed: nothing to phone about
    missing_phone = content.execute(
        "SELECT COUNT(*) FROM prison WHERE status = 'open' AND COALESCE(visits_phone, '') = ''"
    ).fetchone()[0]
    assert sum("visits phone" in g.missing for g in gaps) == missing_phone


def test_a_place_without_its_nation_gets_one_before_national_lines(content) -> None:  # type: ignore[no-untyped-def]
    from directory.lookup.search import national_services
    from directory.models import Place

    # What the SMS line rebuilds from a session: coordinates and country, no nation.
    manchester = Place("Manchester", "town", "Manchester", 53.48, -2.24, "GB", "M1")
    found = search_services(content, near=manchester, category="money", national_limit=0)
    assert found.place is not None and found.place.area == "GB-ENG"
    lines = national_services(content, "money", "en", 20, found.place.area)
    assert all(covers(r.areas, "GB-ENG") for r in lines), [(r.service_id, r.areas) for r in lines]
