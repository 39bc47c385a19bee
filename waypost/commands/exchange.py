"""`waypost import` and `waypost export`: the spreadsheet round trip and Open Referral HSDS."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from directory.db.connections import open_content
from directory.errors import DataValidationError
from directory.exchange.exporter import FORMATS, export_directory
from directory.exchange.importer import import_into
from directory.settings import CommonSettings
from waypost import terminal
from waypost.options import UserError, db_option, friendly_errors, settings_for

DRY_RUN_LINES = 200


class ImportSettings(CommonSettings):
    """The common settings, and whether this site takes its directory from releases."""

    # From the [release] section: set on a site that syncs (a local import is overwritten).
    sync_url: str | None = None


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A progress bar on stderr that disappears when the work is done."""
    with terminal.progress_bar(BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()) as bar:
        yield bar


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="csv",
    show_default=True,
    help="csv: the spreadsheet volunteers edit. hsds: Open Referral HSDS 3.0 (CSV data package "
    "with datapackage.json, plus services.json).",
)
@click.argument("out", type=click.Path(path_type=Path))
@db_option
@click.pass_context
def export_command(ctx: click.Context, fmt: str, out: Path, db: Path | None) -> None:
    """Write the whole directory to OUT, a folder (or, for csv, a single .csv file).

    The csv format has one row per service, with readable phones and hours and categories by
    key. Open it in Excel or LibreOffice, edit it, then bring it back with `waypost import`.
    Leave the organization_name and service_uuid columns as they are: Waypost manages them.
    """
    settings = settings_for(ctx, CommonSettings, db=db)
    with friendly_errors(), open_content(settings.db) as content, progress_bar() as bar:
        task = bar.add_task("reading", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        written = export_directory(content, fmt, out, progress)
    click.echo(f"Wrote {len(written)} file(s) to {out}:")
    for path in written:
        click.echo(f"  {path}")


@click.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check and list what would change; change nothing.")
@click.option(
    "--by",
    "updated_by",
    default=None,
    help="Your name, recorded with every change (default: your login name).",
)
@click.option(
    "--local-edit",
    is_flag=True,
    help="On a site that syncs (sync_url is set): import anyway; the next release overwrites it.",
)
@db_option
@click.pass_context
def import_command(
    ctx: click.Context,
    source: Path,
    dry_run: bool,
    updated_by: str | None,
    local_edit: bool,
    db: Path | None,
) -> None:
    """Bring edited data back into the directory from SOURCE.

    SOURCE is the spreadsheet from `waypost export --format csv` (a .csv file, or the folder
    with services.csv, organizations.csv and translations.csv), an HSDS data package folder
    (with datapackage.json) or an HSDS services.json. Files saved by Excel or LibreOffice are
    fine: UTF-8 with or without BOM, commas or semicolons, and their date formats.

    Every row is checked first. If anything is wrong, each problem is listed by file, row and
    column, and the directory is not changed at all. Services missing from the spreadsheet are
    removed. Use --dry-run to see what would be added, changed and removed. On a site that
    takes its directory from releases (sync_url), change the publisher's copy instead; an
    import here needs --local-edit and lasts only until the next release.
    """
    settings = settings_for(ctx, ImportSettings, "release", db=db)
    who = updated_by or getpass.getuser()
    with friendly_errors(), open_content(settings.db) as content, progress_bar() as bar:
        task = bar.add_task("reading", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        try:
            changes = import_into(
                content,
                source,
                who,
                dry_run=dry_run,
                progress=progress,
                wait=settings.writer_wait_seconds,
                sync_url=settings.sync_url,
                local_edit=local_edit,
            )
        except DataValidationError as exc:
            bar.stop()
            raise UserError(str(exc)) from None
    if dry_run:
        for line in changes.lines(limit=DRY_RUN_LINES):
            terminal.echo(line)
        click.echo(f"Dry run: {changes.summary()} Nothing was changed.")
    elif changes.empty:
        click.echo("Nothing to change: the directory already matches.")
    else:
        click.echo(f"Imported into {settings.db}: {changes.summary()}")
        if settings.sync_url:
            click.echo(
                "Local edit: the next directory release from sync_url replaces it.", err=True
            )


COMMANDS = [export_command, import_command]
