"""The monthly usage report: real record_event counts summed, and small numbers protected."""

from __future__ import annotations

import csv
import io
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from directory import open_state
from directory.reports.usage_figures import (
    SMALL,
    WITHHELD,
    Count,
    ReportError,
    UsageReport,
    build_report,
    parse_month,
    previous_month,
    protect,
    report_csv,
)
from directory.state.usage import record_event


def _marks(counts: list[Count]) -> list[str]:
    return [c.text for c in counts]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10, 20, 30], ["10", "20", "30"]),
        ([10, 3, 20], [WITHHELD, SMALL, "20"]),  # 3 alone could be had from the total
        ([3, 2, 20, 9], [SMALL, SMALL, "20", "9"]),  # two unknowns: sum 5 does not pin them
        ([4, 4, 20, 9], [SMALL, SMALL, "20", WITHHELD]),  # sum 8 of two small: both are 4
        ([0, 0, 12], [SMALL, SMALL, "12"]),  # all-zero small cells name nobody
        ([1, 2], [SMALL, SMALL]),
        ([5, 0], [WITHHELD, SMALL]),
    ],
)
def test_protect(values: list[int], expected: list[str]) -> None:
    assert _marks(protect(values)) == expected


def test_protect_without_a_printed_total_only_hides_small_cells() -> None:
    assert _marks(protect([10, 3, 20], total_printed=False)) == ["10", SMALL, "20"]


def _fill(conn: sqlite3.Connection) -> None:
    """A month of real events: 40 housing and 12 visiting searches, and a few rare ones.

    Each search is a family's first text, so each also starts a conversation ("session")."""
    for i in range(40):
        record_event(conn, "sms", "search", keyword="housing", area="BN7 1EA", language="en",
                     found=i % 8 != 0, segments=2, day=date(2026, 3, 2 + i % 20))  # fmt: skip
    for i in range(12):
        record_event(conn, "sms", "search", keyword="visiting", area="BN1", language="es",
                     found=True, segments=1, day=date(2026, 3, 9 + i % 3))  # fmt: skip
    for _ in range(2):  # one family, singled out unless protected
        record_event(conn, "sms", "search", keyword="abuse", area="TN22", language="ro",
                     found=False, segments=1, day=date(2026, 3, 17))  # fmt: skip
    for language, n in (("en", 40), ("es", 12), ("ro", 2)):
        for _ in range(n):
            record_event(conn, "sms", "session", language=language, day=date(2026, 3, 17))
    record_event(conn, "sms", "more", keyword="housing", area="BN7", language="en", found=True,
                 segments=2, day=date(2026, 3, 3))  # fmt: skip
    record_event(conn, "sms", "optout", language="en", day=date(2026, 3, 5))
    for event, n in (("view", 30), ("print", 6), ("text", 3), ("search", 25)):
        for i in range(n):
            record_event(conn, "kiosk", event, keyword="housing", language="en",
                         day=date(2026, 3, 1 + i % 28))  # fmt: skip
    for language, n in (("en", 9), ("es", 6)):  # the families who made those 25 searches
        for _ in range(n):
            record_event(conn, "kiosk", "session", language=language, day=date(2026, 3, 18))
    record_event(conn, "sms", "search", keyword="housing", area="BN7", language="en",
                 found=True, segments=2, day=date(2026, 4, 1))  # another month  # fmt: skip


@pytest.fixture
def report(state_path: Path) -> UsageReport:
    conn = open_state(state_path)
    _fill(conn)
    made = build_report(conn, "2026-03", segment_price=0.04, language_names={"es": "Español"})
    conn.close()
    return made


def _cells(report: UsageReport, key: str, column: int = 0) -> dict[str, str]:
    table = report.tables[key]
    rows = [*table.rows, *([table.total] if table.total else [])]
    return {row.label: row.counts[column].text for row in rows}


def test_totals_and_weeks_come_from_the_counts(report: UsageReport) -> None:
    weekly = _cells(report, "weekly")
    assert weekly["Total"] == "54"  # 40 + 12 + 2 questions; MORE is not a new conversation
    assert list(weekly)[:6] == [
        "1 Mar",
        "2-8 Mar",
        "9-15 Mar",
        "16-22 Mar",
        "23-29 Mar",
        "30-31 Mar",
    ]
    assert _cells(report, "weekly", 2)["Total"] == "30"  # kiosk views
    assert _cells(report, "weekly", 3)["Total"] == "6"  # prints
    assert _cells(report, "weekly", 4)["Total"] == SMALL  # 3 texts


def test_rare_rows_are_pooled_and_hidden(report: UsageReport) -> None:
    keywords = _cells(report, "keywords")
    assert keywords["housing"] == "40"
    assert "abuse" not in keywords and "TN22" not in _cells(report, "areas")
    assert keywords["Other keywords"] == SMALL
    assert keywords["visiting"] == WITHHELD  # else 54 - 40 - 12 = 2 would show
    languages = _cells(report, "languages")
    assert languages["Español"] == WITHHELD and "ro" not in languages
    assert _cells(report, "areas")["BN7"] == "40"  # outward code only


def test_languages_count_sessions_not_searches(report: UsageReport) -> None:
    """One family is one row in each channel, however many searches or texts it made."""
    assert report.tables["languages"].columns == ("SMS conversations", "Kiosk sessions")
    kiosk = _cells(report, "languages", 1)
    # 15 families, not their 25 searches (Español's 6 is withheld: Other languages has 0).
    assert kiosk["en"] == "9" and kiosk["Total"] == "15"
    assert _cells(report, "languages")["en"] == "40"


def test_outcome_segments_and_cost(report: UsageReport) -> None:
    outcome = _cells(report, "outcome")
    assert outcome == {"Answered": "47", "No result": "7", "Total": "54"}  # 35+12, 5+2
    assert report.answered_share == 87
    assert report.segments.value == 80 + 12 + 2 + 2
    assert report.cost == "£3.84"
    assert _cells(report, "sms_other")["Opt-outs (STOP)"] == SMALL


def _check_protected(report: UsageReport) -> None:
    for table in report.tables.values():
        for column in range(len(table.columns)):
            counts = [row.counts[column] for row in table.rows]
            for count in [*counts, *([table.total.counts[column]] if table.total else [])]:
                assert count.value is None or count.value >= 5, (table.title, count)
            if table.total is not None and table.total.counts[column].value is not None:
                withheld = [c for c in counts if c.value is None]
                assert len(withheld) != 1, (table.title, column)


@pytest.mark.parametrize("seed", range(8))
def test_no_small_number_is_printed_or_derivable(seed: int, state_path: Path) -> None:
    rng = random.Random(seed)
    conn = open_state(state_path)
    for _ in range(rng.randint(0, 120)):
        record_event(
            conn,
            rng.choice(["sms", "sms", "kiosk"]),
            rng.choice(["search", "view", "print", "text", "prison", "place_only", "session"]),
            keyword=rng.choice(["housing", "visiting", "money", "abuse", ""]),
            area=rng.choice(["BN7", "BN1", "TN22", "SE1", ""]),
            language=rng.choice(["en", "en", "es", "ro", "el"]),
            found=rng.random() < 0.8,
            segments=rng.randint(1, 2),
            day=date(2026, 2, rng.randint(1, 28)),
        )
    report = build_report(conn, "2026-02")
    conn.close()
    _check_protected(report)


def test_csv_has_every_figure_as_printed(report: UsageReport) -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    values = {(r["table"], r["row"], r["column"]): r["value"] for r in rows}
    assert values[("Top SMS keywords", "housing", "Conversations")] == "40"
    assert values[("Top SMS keywords", "visiting", "Conversations")] == WITHHELD
    assert values[("SMS segments", "Estimated cost", "Cost")] == "£3.84"
    assert all(r["month"] == "2026-03" for r in rows)
    assert not any(v.isdigit() and int(v) < 5 for v in values.values())


def test_an_empty_month_has_no_data_and_hides_everything(state_path: Path) -> None:
    conn = open_state(state_path)
    report = build_report(conn, "2026-02")
    conn.close()
    assert not report.has_data
    assert _cells(report, "weekly")["Total"] == SMALL
    assert report.answered_share is None and report.cost is None


@pytest.mark.parametrize("bad", ["2026", "2026-13", "March", "26-3-1"])
def test_a_malformed_month_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ReportError, match="YYYY-MM"):
        parse_month(bad)


def test_months() -> None:
    assert parse_month("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert previous_month(date(2026, 1, 15)) == "2025-12"
