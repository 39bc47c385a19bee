"""`waypost health URL`: ask a service's /healthz; used by the systemd units as a health check."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import click

from waypost.options import UserError, settings_for, state_db_option


class NoDirectory(Exception):
    """The service answers and can write its state, but has no directory to answer from."""


def probe(url: str, timeout: float) -> str | None:
    """None when `url` answers 200 within `timeout` seconds, else what went wrong.

    Raises NoDirectory when the answer says only the directory is missing: restarting the
    service would not bring it back.
    """
    try:
        # The URL is the operator's own loopback address from the unit file, not user input.
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            if response.status == 200:
                _warn_of_a_stuck_outbox(response.read(1 << 16))
                return None
            return f"status {response.status}"
    except urllib.error.HTTPError as exc:
        if exc.code == 503:
            _raise_if_only_the_directory(exc.read(1 << 16))
        return f"status {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return str(reason)


def _warn_of_a_stuck_outbox(body: bytes) -> None:
    """Say so when the answer reports texts waiting too long (a restart would not send them)."""
    try:
        health = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return
    outbox = health.get("outbox") if isinstance(health, dict) else None
    if isinstance(outbox, dict) and isinstance(outbox.get("stale"), int) and outbox["stale"] > 0:
        click.echo(
            f"WARNING: outbox: {outbox['stale']} text(s) waiting more than"
            f" {outbox.get('stale_after_seconds', '?')} s (is the outbox sender running?)",
            err=True,
        )


def _raise_if_only_the_directory(body: bytes) -> None:
    try:
        health = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return
    if not isinstance(health, dict):
        return
    content, state = health.get("content"), health.get("state")
    if (
        isinstance(content, dict)
        and isinstance(state, dict)
        and content.get("ok") is False
        and state.get("writable") is True
    ):
        raise NoDirectory(str(content.get("error") or "the directory is missing"))


@click.command("health")
@click.argument("url", required=False)
@click.option(
    "--outbox",
    is_flag=True,
    help="Also check the state database's outbox for texts waiting too long (a stuck sender).",
)
@state_db_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=5.0,
    show_default=True,
    help="Seconds to wait for one answer.",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    default=0.0,
    show_default=True,
    help="Keep trying for up to this many seconds (for a service that is still starting).",
)
@click.option(
    "--running-without-directory-ok",
    "no_directory_ok",
    is_flag=True,
    help="Exit 0, with a warning, when the service runs but has no directory (a restart would"
    " not help: build or sync one).",
)
@click.pass_context
def health_command(
    ctx: click.Context,
    url: str | None,
    outbox: bool,
    state_db: Path | None,
    timeout: float,
    wait: float,
    no_directory_ok: bool,
) -> None:
    """Check that a Waypost service answers, e.g. http://127.0.0.1:8080/healthz.

    Exits 0 when the URL answers "200 OK", and 1 with one line saying why when it does not.
    The SMS line's systemd units use it to notice a stuck gateway and restart it; they pass
    --running-without-directory-ok, so a missing directory is reported in the journal every
    time instead of restarting the gateway over and over. Texts waiting too long in the outbox
    are reported as a warning (restarting the gateway would not send them). With --outbox (no
    URL needed) it checks the state database's outbox itself and exits 1 when texts are stuck.
    """
    if outbox:
        _check_outbox(ctx, state_db)
    if url is None:
        if not outbox:
            raise UserError("Give a URL to check, or --outbox.")
        return
    if not url.startswith(("http://", "https://")):
        raise UserError("The URL must start with http:// or https://.")
    deadline = time.monotonic() + wait
    while True:
        try:
            problem = probe(url, timeout)
        except NoDirectory as exc:
            if not no_directory_ok:
                raise click.ClickException(f"{url} is not healthy: {exc}") from None
            click.echo(
                f"WARNING: {url} is running but has no directory ({exc}). Restarting it would"
                " not help: run `waypost build` or `waypost sync`.",
                err=True,
            )
            return
        if problem is None:
            click.echo(f"{url}: OK")
            return
        if time.monotonic() >= deadline:
            raise click.ClickException(f"{url} is not healthy: {problem}")
        time.sleep(0.25)


def _check_outbox(ctx: click.Context, state_db: Path | None) -> None:
    from directory.db.connections import open_state
    from directory.settings import CommonSettings
    from directory.state.outbox import waiting_too_long

    settings = settings_for(ctx, CommonSettings, state_db=state_db)
    conn = open_state(settings.state_db)
    try:
        stuck = waiting_too_long(conn, settings.outbox_stale_seconds)
    finally:
        conn.close()
    if stuck:
        raise click.ClickException(
            f"outbox: {stuck} text(s) waiting more than {settings.outbox_stale_seconds} s"
            " (is the outbox sender running?)"
        )
    click.echo("outbox: OK")


COMMANDS = [health_command]
