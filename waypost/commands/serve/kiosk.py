"""`waypost kiosk`: run the touchscreen kiosk; `waypost kiosk hash-pin`: make a staff PIN hash."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from directory.settings import read_config
from waypost.options import UserError, db_option, settings_for, state_db_option

if TYPE_CHECKING:
    from kiosk.settings import KioskSettings


def _centre_table(ctx: click.Context, key: str) -> dict[str, Any]:
    config = (ctx.find_root().obj or {}).get("config")
    # Secrets in a readable file are refused by settings_for, which knows about --demo.
    centres = read_config(config, "centres", allow_public_secrets=True).get(key)
    if not isinstance(centres, dict):
        raise UserError(f"There is no [centres.{key}] table in the config file.")
    return centres


def _release_settings(ctx: click.Context) -> dict[str, Any]:
    """sync_url and release_public_key from [release], for the desk's "Sync now" (unless the
    environment sets them): the kiosk syncs from where `waypost sync` does."""
    config = (ctx.find_root().obj or {}).get("config")
    release = read_config(config, "release", allow_public_secrets=True)
    return {
        k: release[k]
        for k in ("sync_url", "release_public_key")
        if isinstance(release.get(k), str) and f"WAYPOST_{k.upper()}" not in os.environ
    }


@click.group("kiosk", invoke_without_command=True)
@click.option("--centre", help="Which centre's [centres.KEY] settings to use from the config.")
@click.option(
    "--check",
    is_flag=True,
    help="Check the settings and the directory, print what this kiosk will show, and stop.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="A demonstration: accept the demo config's public PIN and hash key; shows DEMO.",
)
@db_option
@state_db_option
@click.pass_context
def kiosk_command(
    ctx: click.Context,
    centre: str | None,
    check: bool,
    demo: bool,
    db: Path | None,
    state_db: Path | None,
) -> None:
    """Run the touchscreen kiosk for a prison visitor centre.

    Families tap to find help near the centre, in their own language, and print or text
    what they find. Settings come from the [kiosk] section of the config file (or
    [centres.KEY] with --centre KEY) and from WAYPOST_* environment variables, e.g.
    WAYPOST_CENTRE_NAME, WAYPOST_CENTRE_PRISON=LWI, WAYPOST_IDLE_SECONDS=90.

    Staff open the volunteers' desk (printing, the call list, sync and health) with five taps
    on the centre's name (or F12) and the PIN made by `waypost kiosk hash-pin`. Use --check
    after changing the config: it prints the centre, language, printer and staff desk this
    kiosk would use, without starting it.
    """
    if ctx.invoked_subcommand is not None:
        return
    from kiosk.app import KioskApp
    from kiosk.settings import KioskSettings

    extra = _centre_table(ctx, centre) if centre else {}
    # A centre's table sits between the config file and the environment, like [kiosk].
    extra = {
        k: v
        for k, v in extra.items()
        if k not in ("db", "state_db") and f"WAYPOST_{k.upper()}" not in os.environ
    }
    settings = settings_for(
        ctx,
        KioskSettings,
        "kiosk",
        **{
            **_release_settings(ctx),
            **extra,
            "centre": centre,
            "db": db,
            "state_db": state_db,
            "demo": demo or None,
        },
    )
    if not settings.db.is_file():
        raise UserError(f"The directory {str(settings.db)!r} does not exist. Run `waypost build`.")
    if check:
        _describe(settings)
        return
    KioskApp(settings).run()


def _describe(settings: KioskSettings) -> None:
    """What the kiosk would use; never the hashing key or the PIN hash themselves."""
    rows = [
        ("Centre", settings.centre_name or "(not set)"),
        ("Config table", f"[centres.{settings.centre}]" if settings.centre else "[kiosk]"),
        ("Prison", settings.centre_prison or "(not set)"),
        ("Near", settings.place_text or "(not set)"),
        ("Language", settings.default_language),
        ("Idle reset", f"{settings.idle_seconds} s"),
        ("Directory", str(settings.db)),
        ("Printer", settings.printer or "(the system default)"),
        ("Texting", "on" if settings.texting else "off (texting = true turns it on)"),
        ("Staff desk", "PIN set" if settings.admin_pin_hash else "off (no admin_pin_hash)"),
        ("Staff idle", f"{settings.staff_idle_seconds} s, in {settings.staff_language}"),
        (
            "Directory from",
            f"sync from {settings.sync_url}" if settings.sync_url else "kept here (standalone)",
        ),
    ]
    for name, value in rows:
        click.echo(f"{name + ':':<14}{value}")


@kiosk_command.command("hash-pin")
@click.option(
    "--pin",
    prompt="New staff PIN (digits)",
    hide_input=True,
    confirmation_prompt=True,
    help="The PIN (asked for when not given).",
)
def hash_pin_command(pin: str) -> None:
    """Print a hash of a staff PIN, to put in the config as admin_pin_hash."""
    from kiosk.settings import hash_pin

    if not pin.isdigit() or len(pin) < 4:
        raise UserError("The PIN must be at least 4 digits.")
    click.echo(hash_pin(pin))


COMMANDS = [kiosk_command]
