"""Visit guides and stage guides (issue 15): data checks at build, assembly, CLI, staleness."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import DataValidationError, build, open_content, open_state
from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.guides import (
    SECTIONS,
    GuideNotFound,
    prison_guide,
    record_wrong,
    section_counts,
    stage_guide,
    stale_texts,
    wrong_counts,
)
from directory.text.i18n import LANGUAGES
from waypost.cli import cli


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_lewes_has_all_eight_sections_with_sources_or_an_honest_ask(built_db: Path) -> None:
    with open_content(built_db) as db:
        guide = prison_guide(db, "HMP Lewes")
    assert guide.code == "LWI" and guide.status == "open"
    assert [s.key for s in guide.sections] == list(SECTIONS)
    assert all(s.text for s in guide.sections)
    filled = [s for s in guide.sections if s.filled]
    asked = [s for s in guide.sections if not s.filled]
    assert filled and asked  # the fixture has both kinds: both rules are exercised
    for s in filled:
        assert s.sources and all(u.startswith("http") for u in s.sources), s.key
    for s in asked:
        assert "Ask the visitor centre" in s.text, s.key
    booking = guide.section("booking")
    assert "01273 785271" in booking.text  # the booking line from data/prisons.csv
    assert booking.checked is None  # seed data: nobody has checked it


def test_a_prisons_facts_are_credited_to_the_pages_its_row_cites(built_db: Path) -> None:
    # Barlinnie's booking line and address were copied by hand from sps.gov.uk and Inside Time:
    # the guide must cite those pages, never the MoJ seed of England and Wales.
    with open_content(built_db) as db:
        barlinnie = prison_guide(db, "HMP Barlinnie")
        lewes = prison_guide(db, "HMP Lewes")
    sps = "http://www.sps.gov.uk/Corporate/Prisons/Barlinnie/HMP-Barlinnie.aspx"
    booking, there = barlinnie.section("booking"), barlinnie.section("getting_there")
    assert "0141 770 2109" in booking.text and sps in booking.sources
    assert sps in there.sources and "81 Lee Avenue" in there.text
    for section in (booking, there):
        assert not any("ministryofjustice" in u for u in section.sources), section.sources
        assert all(u.startswith("http") and not u.endswith((")", ".")) for u in section.sources)
    # An English prison from the seed keeps the seed repositories as its sources.
    assert lewes.section("booking").sources[0].endswith("ministryofjustice/prison-visits-2")
    there_lewes = lewes.section("getting_there").sources
    assert "https://github.com/ministryofjustice/prison-register" in there_lewes
    assert all("ministryofjustice" in u for u in there_lewes), there_lewes


def test_romanian_guide_has_romanian_titles_and_text(built_db: Path) -> None:
    with open_content(built_db) as db:
        en = prison_guide(db, "LWI", "en")
        ro = prison_guide(db, "lewes", "ro")
    assert ro.section("booking").title == "Programarea vizitei"
    assert "lun, mar, joi, sâm, dum 14:00-15:30" in ro.section("booking").text
    for a, b in zip(en.sections, ro.sections, strict=True):
        assert a.title != b.title
        assert a.text != b.text


def test_every_language_gives_every_title(built_db: Path) -> None:
    with open_content(built_db) as db:
        titles = {
            lang: [s.title for s in prison_guide(db, "LWI", lang).sections] for lang in LANGUAGES
        }
    for lang, row in titles.items():
        assert not any(t.startswith("section.") for t in row), lang
        if lang != "en":
            assert row != titles["en"], lang


def test_unknown_prison_is_a_clear_error(built_db: Path) -> None:
    with open_content(built_db) as db, pytest.raises(GuideNotFound, match="Nowhere"):
        prison_guide(db, "HMP Nowhere")


def test_stage_guides_differ_by_nation_and_point_to_services(built_db: Path) -> None:
    with open_content(built_db) as db:
        ew = stage_guide(db, "court", "england_wales", "en")
        sc = stage_guide(db, "court", "scotland", "en")
        de = stage_guide(db, "release", "northern_ireland", "de")
    assert ew.text != sc.text
    assert ew.sources and sc.sources
    assert next(k for k, _ in ew.help_categories) == "legal"
    assert de.title == "Die Heimkehr" and de.nation_name == "Nordirland"


def test_counts_every_open_prison_has_booking_costs_first_visit(built_db: Path) -> None:
    with open_content(built_db) as db:
        counts = {c.section: c for c in section_counts(db)}
        prisons = db.execute("SELECT COUNT(*) FROM prison WHERE status = 'open'").fetchone()[0]
    for key in ("booking", "costs", "first_visit"):
        # Every open prison in the UK; prisons abroad get no UK nation's rules.
        assert counts[key].uk_filled == counts[key].uk_prisons
        assert counts[key].prisons == prisons


def test_a_prisons_own_fact_wins_over_the_nations(data_copy: Path, tmp_path: Path) -> None:
    own = [
        {
            "prison": "LWI",
            "section": "dress",
            "lang": lang,
            "text": f"Lewes dress rule ({lang})",
            "sources": "https://example.org/lewes",
            "checked": "2026-01-05",
        }
        for lang in LANGUAGES
    ]
    _write(data_copy / "guides" / "prisons.csv", own)
    db_path = tmp_path / "d.db"
    build(data_copy, db_path)
    with open_content(db_path) as db:
        dress = prison_guide(db, "LWI", "pl").section("dress")
        other = prison_guide(db, "ACI", "pl").section("dress")
    assert dress.text == "Lewes dress rule (pl)" and dress.checked == "2026-01-05"
    assert dress.sources == ("https://example.org/lewes",)
    assert not other.filled


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda rows: [r for r in rows if r["lang"] != "cy"], "has no text in cy"),
        (
            lambda rows: [
                {**r, "sources": "not-a-url"} if i == 3 else r for i, r in enumerate(rows)
            ],
            "is not a web address",
        ),
        (
            lambda rows: [
                {**r, "checked": "2026-13-01"} if i == 0 else r for i, r in enumerate(rows)
            ],
            "YYYY-MM-DD",
        ),
        (
            lambda rows: [{**r, "section": "shoes"} if i == 0 else r for i, r in enumerate(rows)],
            "must be one of",
        ),
    ],
)
def test_build_refuses_bad_guide_data(data_copy: Path, tmp_path: Path, change, problem) -> None:  # type: ignore[no-untyped-def]
    path = data_copy / "guides" / "nations.csv"
    _write(path, change(_rows(path)))
    with pytest.raises(DataValidationError) as err:
        build(data_copy, tmp_path / "d.db")
    assert "nations.csv" in str(err.value) and problem in str(err.value)


def test_a_missing_label_translation_is_refused(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "guides" / "labels.csv"
    rows = [r for r in _rows(path) if not (r["key"] == "section.costs" and r["lang"] == "el")]
    _write(path, rows)
    with pytest.raises(DataValidationError, match=r"section\.costs"):
        build(data_copy, tmp_path / "d.db")


def test_guides_survive_a_readback_rewrite(built_db: Path, tmp_path: Path) -> None:
    # `waypost verify` and imports rewrite the file from read_sources: the guides must come back.
    copy = tmp_path / "copy.db"
    with open_content(built_db) as db:
        install_database(read_sources(db), copy)
        before = prison_guide(db, "LWI", "el").as_json()
    with open_content(copy) as db:
        assert prison_guide(db, "LWI", "el").as_json() == before


def test_stale_lists_unchecked_texts_with_wrong_reports_first(
    built_db: Path, state_path: Path
) -> None:
    state = open_state(state_path)
    for _ in range(3):
        record_wrong(state, "prison", "LWI", "booking", "sms")
    record_wrong(state, "stage", "court", "scotland", "kiosk")
    counts = wrong_counts(state)
    assert counts == {"prison:LWI:booking": 3, "stage:court:scotland": 1}
    assert not any("07" in str(row) for row in state.execute("SELECT * FROM guide_wrong"))
    with open_content(built_db) as db:
        stale = stale_texts(db, 6, date(2026, 12, 4), counts)
    assert (stale[0].subject, stale[0].section, stale[0].wrong) == ("LWI", "booking", 3)
    assert (stale[1].subject, stale[1].wrong) == ("court", 1)
    assert {t.kind for t in stale[2:]} == {"nation", "stage"}
    assert all(t.checked is None for t in stale[2:])


def test_cli_prison_json_and_summary(built_db: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["prison", "HMP Lewes", "--json", "--lang", "ro", "--db", str(built_db)]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc["prison"]) >= {"name", "code", "status"}
    assert [s["key"] for s in doc["sections"]] == list(SECTIONS)
    assert all(set(s) == {"key", "title", "text", "sources", "checked"} for s in doc["sections"])
    assert doc["sections"][0]["title"] == "Programarea vizitei"
    summary = runner.invoke(cli, ["prison", "--summary", "--db", str(built_db)])
    assert summary.exit_code == 0 and "first_visit" in summary.output
    missing = runner.invoke(cli, ["prison", "HMP Nowhere", "--db", str(built_db)])
    assert missing.exit_code == 2 and "Nowhere" in missing.output


def test_cli_stage(built_db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "stage",
            "arrested",
            "--nation",
            "scotland",
            "--lang",
            "es",
            "--json",
            "--db",
            str(built_db),
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["title"] == "Acaba de ser detenido" and doc["nation"] == "scotland"
    assert doc["sources"] and doc["help"]


def test_waypost_stale_shows_wrong_guide_texts_first(built_db: Path, state_path: Path) -> None:
    state = open_state(state_path)
    record_wrong(state, "prison", "LWI", "costs", "kiosk")
    state.close()
    result = CliRunner().invoke(
        cli,
        ["stale", "--db", str(built_db), "--state-db", str(state_path)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    guide_rows = [line for line in lines if "│" in line and ("prison" in line or "nation" in line)]
    assert "LWI" in guide_rows[0] and "costs" in guide_rows[0] and "1" in guide_rows[0]
    assert lines.index(next(x for x in lines if "guide text(s) to check" in x)) < lines.index(
        next(x for x in lines if "service(s) to check" in x)
    )


def test_guides_export_edit_and_import(built_db: Path, tmp_path: Path) -> None:
    from directory.exchange.exporter import export_directory
    from directory.exchange.importer import import_into

    live = tmp_path / "live.db"
    live.write_bytes(built_db.read_bytes())
    out = tmp_path / "sheet"
    with open_content(live) as db:
        export_directory(db, "csv", out)
    # Only the guides are under test: without translations.csv the import carries the current
    # translations (the sheet importer does not yet take the `application` field export writes).
    (out / "translations.csv").unlink()
    nations = out / "guides" / "nations.csv"
    assert (out / "guides" / "labels.csv").is_file() and nations.is_file()
    rows = _rows(nations)
    for row in rows:
        if (row["nation"], row["section"], row["lang"]) == ("england_wales", "dress", "ro"):
            raise AssertionError("dress has no nation text yet")
    edited = [
        {**r, "text": "Verificat de voluntar.", "checked": "2026-11-30"}
        if (r["nation"], r["section"], r["lang"]) == ("england_wales", "booking", "ro")
        else r
        for r in rows
    ]
    _write(nations, edited)
    with open_content(live) as db:
        import_into(db, out, "tester")
    with open_content(live) as db:
        booking = prison_guide(db, "LWI", "ro").section("booking")
        assert booking.text.endswith("Verificat de voluntar.")
        assert prison_guide(db, "LWI", "en").section("booking").text.endswith("send you one.")
    _write(nations, [r for r in edited if r["lang"] != "pl"])  # a language missing: refused
    with open_content(live) as db, pytest.raises(DataValidationError, match="pl"):
        import_into(db, out, "tester")


def test_a_prison_abroad_gets_no_uk_rules(data_copy: Path, tmp_path: Path) -> None:
    # The test directory's prison in Germany (issue 14's UpFamilies countries).
    prisons = _rows(data_copy / "prisons.csv")
    abroad = [r for r in prisons if r["country"] == "DE"][:1]
    open_abroad = [
        r
        for r in prisons
        if not r["country"].startswith("GB") and r.get("status", "open") == "open"
    ]
    assert abroad, "the test directory has a prison in Germany"
    build(data_copy, tmp_path / "d.db")
    with open_content(tmp_path / "d.db") as db:
        guide = prison_guide(db, abroad[0]["nomis"], "en")
        counts = {c.section: c for c in section_counts(db)}
    assert guide.nation == ""
    for key in ("bring", "costs", "first_visit", "children"):
        section = guide.section(key)
        assert not section.filled and "Ask the visitor centre" in section.text
        assert "Help with Prison Visits" not in section.text
    assert counts["costs"].prisons == counts["costs"].uk_prisons + len(open_abroad)
