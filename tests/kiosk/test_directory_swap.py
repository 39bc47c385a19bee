"""A rebuilt directory file swapped in by atomic rename reaches the running kiosk, no restart."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from directory import build, open_content, resolve_place, search_services
from kiosk.app import KioskApp
from kiosk.screens.about import AboutScreen
from kiosk.screens.home import HomeScreen
from kiosk.screens.results import ResultsScreen
from tests.kiosk.conftest import screen_text, settle

NEW_NAME = "Swapped Directory Test Service"


def rename_service(data: Path, service_id: str, name: str) -> None:
    """Give one service a new name in a copy of data/services.csv."""
    path = data / "services.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    matched = [row for row in rows if row["service_id"] == service_id]
    assert len(matched) == 1, service_id
    matched[0]["name"] = name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


async def test_a_rebuilt_directory_is_picked_up_without_a_restart(
    make_app: Callable[..., KioskApp], built_db: Path, data_copy: Path, tmp_path: Path
) -> None:
    # The first housing result near the centre is the service renamed in the new file.
    with open_content(built_db) as db:
        old_version = db.version
        found = search_services(
            db, near=resolve_place(db, "HMP Lewes"), category="housing", language="en"
        )
    target = [*found.local, *found.national][0]
    assert target.name != NEW_NAME
    rename_service(data_copy, target.service_id, NEW_NAME)
    rebuilt = tmp_path / "rebuilt" / "directory.db"
    rebuilt.parent.mkdir()
    build(data_copy, rebuilt)

    live = tmp_path / "live" / "directory.db"
    live.parent.mkdir()
    shutil.copy2(built_db, live)
    app = make_app(db=live)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen) and screen.results is not None
        names = {r.service_id: r.name for r in [*screen.results.local, *screen.results.national]}
        assert names[target.service_id] == target.name
        assert target.name in screen_text(app) and NEW_NAME not in screen_text(app)

        # Published as the deployment does: a complete file renamed over the live one.
        os.replace(rebuilt, live)

        await pilot.click("#home")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#cat-housing")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, ResultsScreen) and again.results is not None
        names = {r.service_id: r.name for r in [*again.results.local, *again.results.national]}
        assert names[target.service_id] == NEW_NAME
        assert NEW_NAME in screen_text(app)

        # The About screen names the new file's version.
        await pilot.click("#home")
        await settle(app, pilot)
        await pilot.click("#about")
        await settle(app, pilot)
        about = app.screen
        assert isinstance(about, AboutScreen) and about.data is not None
        assert about.data.version != old_version
        with open_content(live) as db:
            assert about.data.version == db.version
        assert f"Directory version {about.data.version}" in screen_text(app)
