"""`waypost build`: build the directory database from data/."""

from __future__ import annotations

from pathlib import Path

import click
from rich.progress import BarColumn, TimeElapsedColumn

from directory.building.builder import build as build_directory
from directory.errors import DataValidationError
from directory.settings import CommonSettings
from waypost import terminal
from waypost.options import UserError, db_option, friendly_errors, settings_for


@click.command("build")
@db_option
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Folder with the source data (default: ./data, or WAYPOST_DATA_DIR).",
)
@click.pass_context
def build_command(ctx: click.Context, db: Path | None, data_dir: Path | None) -> None:
    """Build the directory database from the data folder.

    Checks every file first. If anything is wrong it lists each problem by file, row and
    column, and leaves the current database exactly as it was. Running it twice gives the same
    directory.
    """
    settings = settings_for(ctx, CommonSettings, db=db, data_dir=data_dir)
    with terminal.progress_bar(BarColumn(), TimeElapsedColumn()) as bar, friendly_errors():
        task = bar.add_task("reading", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        try:
            version = build_directory(
                settings.data_dir, settings.db, progress, wait=settings.writer_wait_seconds
            )
        except DataValidationError as exc:
            bar.stop()
            raise UserError(str(exc)) from None
    click.echo(f"Built {settings.db} (version {version}).")


COMMANDS = [build_command]
