"""`waypost publish`, `waypost sync` and `waypost release-key`: ship the directory to sites."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from pydantic import SecretStr, field_validator
from rich.progress import BarColumn, TaskProgressColumn, TimeRemainingColumn

from directory.db.connections import open_state
from directory.releases.publish import (
    ReleaseError,
    generate_signing_key,
    load_private_key,
    load_public_key,
    publish,
)
from directory.releases.sync import ReleaseNotNewer, sync
from directory.releases.trust import shown
from directory.settings import PLACEHOLDERS, CommonSettings
from directory.state.sync_log import note_sync
from waypost import terminal
from waypost.options import (
    UserError,
    db_option,
    friendly_errors,
    settings_for,
    state_db_option,
)

SECTION = "release"
UNSIGNED_WARNING = (
    "WARNING: --allow-unsigned: this release's signature will NOT be checked. Anyone who can"
    " change the release server, the USB stick or the network on the way can change every"
    " helpline number this site shows. Set release_public_key instead."
)


class ReleaseSettings(CommonSettings):
    """Where a site fetches releases from, and the keys that sign and verify them."""

    # Publisher only: the base64 Ed25519 signing key from `waypost release-key`.
    release_signing_key: SecretStr | None = None
    # Sites: the matching public key. Without it `waypost sync` refuses every release (unless
    # --allow-unsigned); with it, unsigned or wrongly signed releases are refused.
    release_public_key: str | None = None
    # Sites: the release folder's URL, so `waypost sync` (e.g. from a timer) needs no argument.
    sync_url: str | None = None

    @field_validator("release_signing_key")
    @classmethod
    def _signing_key(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        text = value.get_secret_value()
        if text.strip().lower() in PLACEHOLDERS:
            raise ValueError("release_signing_key is a placeholder; use `waypost release-key`")
        try:
            load_private_key(text)
        except ReleaseError as exc:
            raise ValueError(str(exc)) from None
        return value

    @field_validator("release_public_key")
    @classmethod
    def _public_key(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            load_public_key(value)
        except ReleaseError as exc:
            raise ValueError(str(exc)) from None
        return value.strip()


@contextmanager
def _progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    columns = (BarColumn(), TaskProgressColumn(), TimeRemainingColumn())
    with terminal.progress_bar(*columns) as bar:
        task = bar.add_task("starting", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total or None)

        yield progress


@click.command("publish")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.option("--unsigned", is_flag=True, help="Do not sign, even if a signing key is set.")
@click.pass_context
def publish_command(ctx: click.Context, out: Path, db: Path | None, unsigned: bool) -> None:
    """Publish the directory as a release folder that sites can sync from.

    Writes OUT/manifest.json (version, date, row counts, size and sha256), the database file,
    and OUT/manifest.json.sig when release_signing_key is set. Put OUT on any web server, or
    copy it to a USB stick, then run `waypost sync URL` at each site.
    """
    settings = settings_for(ctx, ReleaseSettings, SECTION, db=db)
    key = settings.release_signing_key
    if key is None and not unsigned:
        click.echo("No release_signing_key is set: this release will not be signed.", err=True)
    signing = None if unsigned or key is None else key.get_secret_value()
    with friendly_errors(), _progress_bar() as progress:
        manifest = publish(settings.db, out, signing_key=signing, progress=progress)
    signed = "signed" if signing else "unsigned"
    click.echo(
        f"Published version {manifest.version} ({signed}, {manifest.size:,} bytes,"
        f" {manifest.rows.get('service', 0)} services) to {out}."
    )


@click.command("sync")
@click.argument("url", required=False)
@db_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="Seconds to wait on a silent connection.",
)
@click.option(
    "--allow-unsigned",
    is_flag=True,
    help="Accept a release without checking its signature (no release_public_key). Unsafe.",
)
@state_db_option
@click.pass_context
def sync_command(
    ctx: click.Context,
    url: str | None,
    db: Path | None,
    timeout: float,
    allow_unsigned: bool,
    state_db: Path | None,
) -> None:
    """Fetch a published directory, check it, and swap it in.

    URL is a release folder on a web server (or a folder path, such as a USB stick); the
    default is sync_url from the settings; network addresses must be https. The download is
    checked against its sha256 and its signature (release_public_key). Older or identical
    versions are refused, also older than the last one this site installed. On any problem the
    current directory stays exactly as it was. The kiosk and the SMS line pick up the new
    directory by themselves.
    """
    settings = settings_for(ctx, ReleaseSettings, SECTION, db=db, state_db=state_db)
    source = url or settings.sync_url
    if not source:
        raise UserError("Give the release URL, or set sync_url in the settings.")
    unsigned = allow_unsigned and settings.release_public_key is None
    if unsigned:
        click.secho(UNSIGNED_WARNING, err=True, fg="red", bold=True)
    signed = settings.release_public_key is not None
    with friendly_errors():
        try:
            with _progress_bar() as progress:
                result = sync(
                    source,
                    settings.db,
                    public_key=settings.release_public_key,
                    allow_unsigned=allow_unsigned,
                    state_path=settings.state_db,
                    progress=progress,
                    timeout=timeout,
                    wait=settings.writer_wait_seconds,
                )
        except ReleaseNotNewer as exc:
            _note(settings, source, signed, "", "up-to-date" if exc.same else "older")
            if not exc.same:
                raise
            # Not a failure: a timer that syncs hourly should not report an error each time.
            click.echo(str(exc))
            return
        except ReleaseError:
            _note(settings, source, signed, "", "failed")
            raise
    _note(settings, source, signed, result.version, "installed")
    was = f" (was {result.previous_version})" if result.previous_version else ""
    checked = "signature and checksum" if result.signed else "checksum (NOT the signature)"
    click.echo(f"Installed directory version {result.version}{was}; {checked} verified.")


def _note(settings: ReleaseSettings, source: str, signed: bool, version: str, outcome: str) -> None:
    """Record the attempt for the kiosk desk's health screen; never fails the sync itself."""
    try:
        conn = open_state(settings.state_db)
        try:
            note_sync(conn, source=shown(source), signed=signed, version=version, outcome=outcome)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        click.echo(f"(Could not record this sync in {settings.state_db}: {exc})", err=True)


@click.command("release-key")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("release_signing_key"),
    show_default=True,
    help="Where to write the private key (a new file, readable by you alone).",
)
def release_key_command(out: Path) -> None:
    """Make a new key pair for signing directory releases.

    The private key goes to a new file that only you can read (mode 0600), never to the
    terminal, where it would stay in scroll-back and logs. Give it to the publisher as a
    systemd credential (LoadCredential=release_signing_key:PATH) or WAYPOST_RELEASE_SIGNING_KEY,
    and put the printed release_public_key in every site's settings.
    """
    private, public = generate_signing_key()
    try:
        # O_EXCL: an existing key (perhaps the one every site trusts) is never overwritten.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UserError(f"{str(out)!r} already exists; choose another --out.") from None
    except OSError as exc:
        raise UserError(f"Cannot write {str(out)!r}: {exc.strerror}.") from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(private + "\n")
    os.chmod(out, 0o600)  # whatever the umask
    click.echo(f"Private signing key written to {out} (mode 0600): publisher only, keep secret.")
    click.echo(f'release_public_key = "{public}"')


COMMANDS = [publish_command, sync_command, release_key_command]
