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


@state_group.command("expire-outbox")
@state_db_option
@click.pass_context
def expire_outbox_command(ctx: click.Context, state_db: Path | None) -> None:
    """Erase queued texts older than outbox_max_age_seconds (default an hour), number and text.

    The outbox sender does this on every pass; waypost-outbox-expire.timer runs it as well, so
    a number never waits for a sender that is stopped or was never set up.
    """
    from directory.db.connections import open_state
    from directory.state.outbox import erase_stale

    settings = settings_for(ctx, CommonSettings, state_db=state_db)
    with friendly_errors():
        conn = open_state(settings.state_db)
        try:
            erased = erase_stale(conn, settings.outbox_max_age_seconds)
        finally:
            conn.close()
    click.echo(f"Erased {erased} text(s) not sent within {settings.outbox_max_age_seconds} s.")


COMMANDS = [state_group]
