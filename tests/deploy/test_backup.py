"""`waypost state backup`: consistent copies of a live WAL state db, rotation, clear failures."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory.db.connections import open_state
from directory.state.backup import BackupFailed, backup_name, backup_state, list_backups
from directory.state.outbox import enqueue_text
from directory.state.usage import record_event
from waypost.cli import cli

KEY = b"a-test-key-that-is-long-enough-0123456789"


def _live_state(path: Path, texts: int = 3) -> sqlite3.Connection:
    conn = open_state(path)
    for i in range(texts):
        enqueue_text(conn, f"+44740090012{i}", f"message {i}", hash_key=KEY)
    record_event(conn, "sms", "search", keyword="housing", area="BN7", found=True, segments=2)
    return conn


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_backup_of_a_live_wal_db_is_complete_single_file_and_private(state_path: Path) -> None:
    conn = _live_state(state_path)
    # Uncheckpointed writes sit in the -wal file: a plain file copy would miss them.
    assert Path(f"{state_path}-wal").stat().st_size > 0
    result = backup_state(state_path, state_path.parent / "backups", keep=3)
    conn.close()
    assert result.path.is_file()
    assert _count(result.path, "outbox") == 3
    assert _count(result.path, "usage_count") >= 1
    assert not Path(f"{result.path}-wal").exists()
    check = sqlite3.connect(result.path)
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert [p.name for p in result.path.parent.iterdir()] == [result.path.name]


@pytest.mark.parametrize(("runs", "keep"), [(1, 1), (4, 2), (5, 5), (6, 3)])
def test_rotation_keeps_the_newest_n(state_path: Path, runs: int, keep: int) -> None:
    _live_state(state_path, texts=1).close()
    folder = state_path.parent / "b"
    start = datetime(2025, 3, 1, 2, 30, tzinfo=UTC)
    made = []
    for night in range(runs):
        result = backup_state(state_path, folder, keep=keep, now=start + timedelta(days=night))
        made.append(result.path)
    (folder / "notes.txt").write_text("not a backup")
    expected = list(reversed(made))[:keep]
    assert list_backups(folder) == expected
    assert result.kept == expected
    assert len(result.removed) == (1 if runs > keep else 0)
    assert (folder / "notes.txt").exists()


def test_backup_names_sort_in_time_order() -> None:
    earlier = datetime(2025, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    later = earlier + timedelta(microseconds=1)
    assert backup_name(earlier) < backup_name(later)
    assert backup_name(later) == "state-20260101T000000.000000Z.db"


def test_missing_state_db_is_a_clear_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(BackupFailed, match="no state database"):
        backup_state(tmp_path / "absent.db", tmp_path / "b")
    assert not (tmp_path / "absent.db").exists()
    with pytest.raises(BackupFailed, match="at least one"):
        backup_state(tmp_path / "absent.db", tmp_path / "b", keep=0)


def test_corrupt_state_db_fails_and_keeps_old_backups(state_path: Path) -> None:
    _live_state(state_path).close()
    folder = state_path.parent / "b"
    first = backup_state(state_path, folder, keep=1).path
    state_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BackupFailed):
        backup_state(state_path, folder, keep=1)
    assert list_backups(folder) == [first]
    assert not any(p.name.endswith(".partial") for p in folder.iterdir())


def test_cli_backup_with_keep_and_to(state_path: Path, tmp_path: Path) -> None:
    _live_state(state_path).close()
    runner = CliRunner()
    folder = tmp_path / "nightly"
    for _ in range(3):
        args = ["state", "backup", "--state-db", str(state_path), "--keep", "2"]
        result = runner.invoke(cli, [*args, "--to", str(folder)])
        assert result.exit_code == 0, result.output
    assert len(list_backups(folder)) == 2
    assert "Kept 2 backup(s); removed 1 older one(s)." in result.output


def test_cli_default_folder_and_errors(state_path: Path, tmp_path: Path) -> None:
    _live_state(state_path).close()
    runner = CliRunner()
    env = {"WAYPOST_STATE_DB": str(state_path), "WAYPOST_CONFIG": str(tmp_path / "none.toml")}
    result = runner.invoke(cli, ["state", "backup"], env=env)
    assert result.exit_code == 0, result.output
    assert len(list_backups(state_path.parent / "backups")) == 1
    missing = runner.invoke(cli, ["state", "backup", "--state-db", str(tmp_path / "x.db")], env=env)
    assert missing.exit_code == 2
    assert "no state database" in missing.output
    assert "Traceback" not in missing.output
    bad_keep = runner.invoke(cli, ["state", "backup", "--keep", "0"], env=env)
    assert bad_keep.exit_code == 2
