"""`waypost state ...`: looking after the state database (sessions, opt-outs, outbox, counts)."""

from __future__ import annotations

from pathlib import Path

import click

from directory.settings import CommonSettings
from directory.state.backup import backup_state
from waypost.options import friendly_errors, settings_for, state_db_option


@click.group("state")
def state_group() -> None:
    """Look after the state database: opt-outs, the outbox of texts and usage counts."""


@state_group.command("backup")
@state_db_option
@click.option(
    "--keep",
    type=click.IntRange(min=1),
    default=14,
    show_default=True,
    help="How many backups to keep; older ones are deleted after a good new copy is made.",
)
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the backups (default: a 'backups' folder beside the state database).",
)
@click.pass_context
def backup_command(
    ctx: click.Context, state_db: Path | None, keep: int, folder: Path | None
) -> None:
    """Make a safe copy of the state database and keep the newest few.

    Safe to run while the SMS line or the kiosk is working: it uses SQLite's own backup, so the
    copy is never half-written. The copies hold phone numbers still waiting in the outbox, so
    they are readable by their owner only. The nightly timer (waypost-backup.timer) runs this.
    """
    settings = settings_for(ctx, CommonSettings, state_db=state_db)
    target = folder or settings.state_db.parent / "backups"
    with friendly_errors():
        result = backup_state(settings.state_db, target, keep=keep)
    click.echo(f"Backed up {settings.state_db} to {result.path}.")
    click.echo(f"Kept {len(result.kept)} backup(s); removed {len(result.removed)} older one(s).")


COMMANDS = [state_group]
