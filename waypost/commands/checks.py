"""`waypost export-checks` and `waypost import-checks`: the desk's call-list checks to the keepers.

On a site that syncs its directory, the kiosk's desk keeps each check ("still right", "something
changed", "no longer exists") in the state database. `export-checks` writes them to a report
file; the directory's keepers run `import-checks` on it where the directory is built and
published, and the next release carries the checks back to every site.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from directory import open_content, open_state
from directory.exchange.checks_import import apply_checks, parse_report
from directory.settings import CommonSettings
from directory.state.checks import mark_exported, report_bytes, waiting_checks
from waypost import terminal
from waypost.options import db_option, friendly_errors, settings_for, state_db_option


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


@click.command("export-checks")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@state_db_option
@click.pass_context
def export_checks_command(
    ctx: click.Context, out: Path, db: Path | None, state_db: Path | None
) -> None:
    """Write the desk's waiting checks to OUT (JSON) for the directory's keepers.

    Checks written out stop counting as waiting on the kiosk. Send OUT to whoever publishes the
    directory; they run `waypost import-checks OUT`.
    """
    settings = settings_for(ctx, CommonSettings, db=db, state_db=state_db)
    with friendly_errors():
        with open_content(settings.db) as content:
            version = content.version
        conn = open_state(settings.state_db)
        try:
            waiting = waiting_checks(conn)
            if not waiting:
                click.echo("No checks are waiting; nothing written.")
                return
            data = report_bytes(
                [check for _, check in waiting],
                site=settings.centre_name,
                directory_version=version,
            )
            _write_atomically(out, data)
            mark_exported(conn, [row for row, _ in waiting])
        finally:
            conn.close()
    click.echo(f"Wrote {len(waiting)} check(s) to {out}.")


@click.command("import-checks")
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check the report and say what it would do.")
@db_option
@click.pass_context
def import_checks_command(ctx: click.Context, report: Path, dry_run: bool, db: Path | None) -> None:
    """Apply a desk's checks report to the directory: all of it, or nothing if any is wrong.

    "Still right" marks the entry checked on that day by that volunteer; "no longer exists"
    marks it defunct; "something changed" notes are listed for you to edit by hand (then
    `waypost import` your spreadsheet). The directory file is replaced atomically.
    """
    settings = settings_for(ctx, CommonSettings, db=db)
    with friendly_errors():  # lists every problem in the report; then nothing has changed
        site, checks = parse_report(report.read_bytes(), report.name)
        with open_content(settings.db) as content:
            done = apply_checks(content, checks, source=report.name, dry_run=dry_run)
    verb = "Would mark" if dry_run else "Marked"
    click.echo(f"{verb} {len(done.confirmed)} as checked and {len(done.retired)} as defunct.")
    if done.already_newer:
        terminal.echo(f"Already checked more recently: {', '.join(done.already_newer)}.")
    for note in done.notes:
        who = f" ({note.volunteer})" if note.volunteer else ""
        terminal.echo(f"To edit by hand: {note.service_id}, {note.day}{who}: {note.note}")
    if site:
        terminal.echo(f"From: {site}.")


COMMANDS = [export_checks_command, import_checks_command]
