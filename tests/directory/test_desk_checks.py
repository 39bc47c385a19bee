"""The desk's audit log and call-list checks; the keepers' `waypost import-checks` (atomic)."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import open_content, open_state
from directory.errors import DataValidationError
from directory.exchange.checks_import import apply_checks, parse_report
from directory.reports.staleness import not_yet_checked, stale_services
from directory.state.audit import prune_audit, recent_actions, record_action
from directory.state.checks import (
    Check,
    checked_since,
    record_check,
    report_bytes,
    waiting_count,
)
from directory.state.sync_log import last_sync, note_sync
from tests.directory.exchange_fixture import build_fixture_db, sha
from waypost.cli import cli

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copy2(master_db, path)
    return path


def test_audit_log_keeps_one_clean_line_and_prunes_by_age(state_path: Path) -> None:
    conn = open_state(state_path)
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    record_action(conn, "print-poster", detail="en+cy\nJOB-1\x1b[2J", volunteer="Kim", at=now)
    record_action(conn, "enter", at=now - timedelta(days=100))
    [latest, old] = recent_actions(conn)
    assert (latest.action, latest.detail, latest.volunteer) == (
        "print-poster",
        "en+cy JOB-1 [2J",
        "Kim",
    )
    assert old.at == "2026-08-15T12:00:00Z"
    assert prune_audit(conn, 90, now=now) == 1
    assert [a.action for a in recent_actions(conn)] == ["print-poster"]
    with pytest.raises(Exception, match="at least one day"):
        prune_audit(conn, 0)
    conn.close()


def test_waiting_checks_leave_the_call_list_and_count_until_exported(
    master_db: Path, state_path: Path
) -> None:
    conn = open_state(state_path)
    with open_content(master_db) as db:
        groups = stale_services(db, 6, TODAY)
    ids = [s.service_id for g in groups for s in g.services]
    assert "brighton-housing-advice" in ids
    record_check(conn, "brighton-housing-advice", "still_right", day=TODAY, volunteer="Kim")
    record_check(conn, "test-helpline", "gone", day=TODAY, applied=True)
    with pytest.raises(Exception, match="what changed"):
        record_check(conn, "test-helpline", "changed", day=TODAY)
    assert waiting_count(conn) == 1  # the applied one does not wait
    remaining = not_yet_checked(groups, checked_since(conn))
    left = [s.service_id for g in remaining for s in g.services]
    assert "brighton-housing-advice" not in left and "test-helpline" not in left
    assert len(left) == len(ids) - 2
    conn.close()


def test_a_report_is_applied_atomically_with_notes_for_the_keepers(live: Path) -> None:
    checks = [
        Check("brighton-housing-advice", "still_right", "2026-11-20", "Kim"),
        Check("test-helpline", "gone", "2026-11-21", ""),
        Check("brighton-housing-advice", "changed", "2026-11-21", "Kim", "New number 01273 000000"),
    ]
    data = report_bytes(checks, site="Lewes Visitor Centre", directory_version="v1")
    site, parsed = parse_report(data, "report.json", today=TODAY)
    assert site == "Lewes Visitor Centre" and parsed == checks
    with open_content(live) as db:
        done = apply_checks(db, parsed)
    assert done.confirmed == ["brighton-housing-advice"] and done.retired == ["test-helpline"]
    assert [n.note for n in done.notes] == ["New number 01273 000000"]
    with open_content(live) as db:
        rows = dict(
            (ref, (status, assured, by))
            for ref, status, assured, by in db.execute(
                "SELECT ref, status, assured_date, assured_by FROM service"
                " WHERE ref IN ('brighton-housing-advice', 'test-helpline')"
            )
        )
        history = db.execute(
            "SELECT count(*) FROM metadata WHERE last_action_type = 'desk-check'"
        ).fetchone()[0]
    assert rows["brighton-housing-advice"] == ("active", "2026-11-20", "Kim")
    assert rows["test-helpline"][0] == "defunct"
    assert history == 3  # two fields confirmed, one status changed


def test_a_bad_report_names_every_problem_and_changes_nothing(live: Path) -> None:
    before = sha(live)
    bad = {
        "format": "waypost-checks",
        "version": 1,
        "checks": [
            {"service_id": "", "outcome": "still_right", "day": "2026-11-20"},
            {"service_id": "x", "outcome": "maybe", "day": "yesterday"},
            {"service_id": "x", "outcome": "changed", "day": "2099-01-01", "note": ""},
        ],
    }
    with pytest.raises(DataValidationError) as caught:
        parse_report(json.dumps(bad).encode(), "bad.json", today=TODAY)
    problems = [str(i) for i in caught.value.issues]
    assert len(problems) == 5, problems
    assert any("row 2, column 'outcome'" in p for p in problems)
    assert any("in the future" in p for p in problems)
    with pytest.raises(DataValidationError):
        parse_report(b"not json", "bad.json")
    with open_content(live) as db, pytest.raises(DataValidationError) as caught:
        apply_checks(
            db,
            [
                Check("brighton-housing-advice", "still_right", "2026-11-20"),
                Check("no-such-service", "gone", "2026-11-20"),
            ],
        )
    assert "no service has this id" in str(caught.value.issues[0])
    assert sha(live) == before


def test_cli_export_then_import_checks(live: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    conn = open_state(state)
    record_check(conn, "brighton-housing-advice", "still_right", day=date.today(), volunteer="Kim")
    record_check(conn, "test-helpline", "changed", day=date.today(), note="Closed on Fridays now")
    conn.close()
    runner = CliRunner()
    report = tmp_path / "checks.json"
    args = ["--db", str(live), "--state-db", str(state)]
    result = runner.invoke(cli, ["export-checks", str(report), *args])
    assert result.exit_code == 0 and "Wrote 2 check(s)" in result.output, result.output
    result = runner.invoke(cli, ["export-checks", str(tmp_path / "again.json"), *args])
    assert "No checks are waiting" in result.output and not (tmp_path / "again.json").exists()
    before = sha(live)
    result = runner.invoke(cli, ["import-checks", str(report), "--dry-run", "--db", str(live)])
    assert result.exit_code == 0 and "Would mark 1 as checked" in result.output
    assert sha(live) == before
    result = runner.invoke(cli, ["import-checks", str(report), "--db", str(live)])
    assert result.exit_code == 0, result.output
    assert "To edit by hand: test-helpline" in result.output
    assert "Closed on Fridays now" in result.output
    with open_content(live) as db:
        by = db.execute(
            "SELECT assured_by FROM service WHERE ref = 'brighton-housing-advice'"
        ).fetchone()[0]
    assert by == "Kim"
    report.write_text('{"format": "waypost-checks", "version": 9, "checks": []}')
    result = runner.invoke(cli, ["import-checks", str(report), "--db", str(live)])
    assert result.exit_code == 2 and "was not changed" in result.output
    assert "column 'version'" in result.output


def test_the_last_sync_is_remembered(state_path: Path) -> None:
    conn = open_state(state_path)
    assert last_sync(conn) is None
    note_sync(
        conn, source="https://hub.example/release/", signed=True, version="v2", outcome="installed"
    )
    note_sync(
        conn, source="https://hub.example/release/", signed=True, version="", outcome="up-to-date"
    )
    found = last_sync(conn)
    assert found is not None and (found.outcome, found.signed) == ("up-to-date", True)
    conn.close()
