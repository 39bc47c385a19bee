"""One writer at a time: build, import, verify and sync share one lock on the directory file."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from directory import open_content
from directory.building.builder import install_database
from directory.building.readback import read_sources
from directory.db.write_lock import WriterBusy, content_writer
from directory.exchange.exporter import export_directory
from directory.exchange.importer import SyncedSite, import_into
from directory.releases.publish import generate_signing_key, publish
from directory.reports.staleness import verify_service
from tests.directory.exchange_fixture import build_fixture_db, make_data, sha
from waypost.cli import cli

SHORT_WAIT = {"WAYPOST_WRITER_WAIT_SECONDS": "0.3"}


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("writers"))


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "site" / "directory.db"
    path.parent.mkdir()
    shutil.copy2(master_db, path)
    return path


def _rename_in_sheet(folder: Path) -> None:
    sheet = folder / "services.csv"
    text = sheet.read_text(encoding="utf-8-sig")
    sheet.write_text(text.replace("Test family helpline", "Test family line"), encoding="utf-8")


def _arguments(writer: str, live: Path, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    env = dict(SHORT_WAIT)
    if writer == "build":
        return ["build", "--data", str(make_data(tmp_path / "data"))], env
    if writer == "import":
        with open_content(live) as db:
            export_directory(db, "csv", tmp_path / "sheet")
        _rename_in_sheet(tmp_path / "sheet")
        return ["import", str(tmp_path / "sheet"), "--by", "Kim"], env
    if writer == "verify":
        return ["verify", "test-helpline", "--by", "Kim"], env
    private, public = generate_signing_key()
    release = tmp_path / "release.db"
    install_database(read_sources(open_content(live)), release)  # a newer build of the same
    publish(release, tmp_path / "release", signing_key=private)
    env.update(WAYPOST_RELEASE_PUBLIC_KEY=public, WAYPOST_STATE_DB=str(tmp_path / "state.db"))
    return ["sync", str(tmp_path / "release")], env


@pytest.mark.parametrize("writer", ["build", "import", "verify", "sync"])
def test_a_second_writer_waits_then_exits_2_and_changes_nothing(
    writer: str, live: Path, tmp_path: Path
) -> None:
    args, env = _arguments(writer, live, tmp_path)
    before = sha(live)
    with content_writer(live, "import"):
        result = CliRunner().invoke(cli, [*args, "--db", str(live)], env=env)
        assert result.exit_code == 2, result.output
        assert "is changing the directory" in result.output
        assert "`waypost import`" in result.output and "waited 0.3 s" in result.output
        assert "Traceback" not in result.output
        assert sha(live) == before
    # With the other writer gone, the same command goes through.
    done = CliRunner().invoke(cli, [*args, "--db", str(live)], env=env)
    assert done.exit_code == 0, done.output
    assert sha(live) != before


def test_a_waiting_verify_builds_on_what_the_writer_before_it_installed(live: Path) -> None:
    errors: list[BaseException] = []

    def volunteer() -> None:
        try:
            with open_content(live) as db:
                verify_service(db, "test-helpline", "Kim", wait=30)
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    with content_writer(live, "import"):
        thread = threading.Thread(target=volunteer)
        thread.start()
        time.sleep(0.3)  # the volunteer is waiting for the lock by now
        with open_content(live) as db:
            sources = read_sources(db)
        service = next(s for s in sources.services if s.ref == "brighton-housing-advice")
        service.name = "Renamed by the first writer"
        install_database(sources, live)
    thread.join(timeout=60)
    assert not errors
    with open_content(live) as db:
        after = {s.ref: s for s in read_sources(db).services}
    # Neither writer's change undid the other's.
    assert after["brighton-housing-advice"].name == "Renamed by the first writer"
    assert after["test-helpline"].assured_by == "Kim"


def test_the_lock_is_free_again_after_a_writer_fails(live: Path) -> None:
    with pytest.raises(RuntimeError), content_writer(live, "build"):
        raise RuntimeError("the build broke")
    with content_writer(live, "build", wait=0):
        pass


def test_the_core_raises_writer_busy(live: Path) -> None:
    with (
        content_writer(live, "sync"),
        open_content(live) as db,
        pytest.raises(WriterBusy, match="`waypost sync`"),
    ):
        verify_service(db, "test-helpline", "Kim", wait=0.1)


def test_a_site_that_syncs_refuses_a_local_import_unless_local_edit(
    live: Path, tmp_path: Path
) -> None:
    with open_content(live) as db:
        export_directory(db, "csv", tmp_path / "sheet")
        with pytest.raises(SyncedSite, match="--local-edit"):
            import_into(db, tmp_path / "sheet", "Kim", sync_url="https://u:p@hub.example.org/r/")
    config = tmp_path / "site.toml"
    config.write_text('[release]\nsync_url = "https://hub.example.org/release/"\n')
    base = ["--config", str(config), "import", str(tmp_path / "sheet"), "--db", str(live)]
    before = sha(live)
    refused = CliRunner().invoke(cli, [*base, "--by", "Kim"])
    assert refused.exit_code == 2
    assert "hub.example.org/release/" in refused.output and "--local-edit" in refused.output
    assert sha(live) == before
    dry = CliRunner().invoke(cli, [*base, "--dry-run"])
    assert dry.exit_code == 0, dry.output  # looking is always allowed
    _rename_in_sheet(tmp_path / "sheet")
    local = CliRunner().invoke(cli, [*base, "--by", "Kim", "--local-edit"])
    assert local.exit_code == 0, local.output
    assert "next directory release" in local.output
    assert sha(live) != before
