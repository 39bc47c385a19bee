"""`waypost install`: set up a kiosk or gateway machine (users, venv, config, systemd units)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import click

from waypost.install_plan import (
    ROLES,
    VARIANTS,
    InstallError,
    InstallOptions,
    find_source,
)
from waypost.install_plan import plan as make_plan
from waypost.installer import apply, describe
from waypost.options import UserError


@click.command("install")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What this machine is.")
@click.option(
    "--prefix",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("/opt/waypost"),
    show_default=True,
    help="Where the virtualenv goes (PREFIX/venv).",
)
@click.option(
    "--dry-run", is_flag=True, help="List every folder, file and command; change nothing."
)
@click.option(
    "--public-url",
    help="Gateway: the HTTPS address Twilio calls, e.g. https://sms.example.org (no path).",
)
@click.option(
    "--sync-url", help="Where to fetch the published directory from (optional; https only)."
)
@click.option(
    "--release-public-key",
    help="With --sync-url: the publisher's key from `waypost release-key` (releases are checked).",
)
@click.option("--centre-name", default="", help="Kiosk: the visitor centre's name.")
@click.option("--centre-prison", default="", help="Kiosk: the prison's NOMIS code, e.g. LWI.")
@click.option(
    "--variant",
    type=click.Choice(VARIANTS),
    default="terminal",
    show_default=True,
    help="Kiosk: foot terminal in cage, or Chromium --kiosk showing the web version.",
)
@click.option("--send-texts", is_flag=True, help="Kiosk: enable the outbox sender (needs Twilio).")
@click.option(
    "--seed-db",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="A built directory to start with (default: build one from the checkout's data/).",
)
@click.option("--no-venv", is_flag=True, help="Do not create or update PREFIX/venv.")
@click.option(
    "--source",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="The Waypost checkout to install from (default: the one this command runs from).",
)
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("/"),
    help="Install into this folder instead of / (for testing or building an image).",
)
def install_command(
    role: str,
    prefix: Path,
    dry_run: bool,
    public_url: str | None,
    sync_url: str | None,
    release_public_key: str | None,
    centre_name: str,
    centre_prison: str,
    variant: str,
    send_texts: bool,
    seed_db: Path | None,
    no_venv: bool,
    source: Path | None,
    root: Path,
) -> None:
    """Install Waypost as a kiosk or an SMS gateway, step by step in docs/deploy.md.

    Creates the users (kiosk), the virtualenv, /etc/waypost/waypost.toml from a commented
    template, a random hash key, the systemd units and timers, then enables and starts them.
    Safe to run again: it never overwrites waypost.toml, the credentials or the directory, and
    rewrites the units only when they changed. Use --dry-run first to see every file.
    """
    root = root.resolve()
    try:
        options = InstallOptions(
            role=role,
            source=find_source(source.resolve() if source else None),
            prefix=prefix,
            public_url=public_url,
            sync_url=sync_url,
            release_public_key=release_public_key,
            centre_name=centre_name,
            centre_prison=centre_prison,
            variant=variant,
            send_texts=send_texts,
            seed_db=seed_db,
            make_venv=not no_venv,
        )
        steps = make_plan(options, root)
    except InstallError as exc:
        raise UserError(str(exc)) from None
    if dry_run:
        for line in describe(steps, root):
            click.echo(line)
        return
    if root == Path("/") and os.geteuid() != 0:
        raise UserError("Installing needs root: run it with sudo (or try --dry-run).")
    try:
        for line in apply(steps, root):
            click.echo(line)
    except subprocess.CalledProcessError as exc:
        raise UserError(f"This step failed: {' '.join(map(str, exc.cmd))}") from None
    click.echo(f"Done. Next steps for a {role}: docs/deploy.md.")


COMMANDS = [install_command]
