"""`waypost health URL`: ask a service's /healthz; used by the systemd units as a health check."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import click

from waypost.options import UserError


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
                return None
            return f"status {response.status}"
    except urllib.error.HTTPError as exc:
        if exc.code == 503:
            _raise_if_only_the_directory(exc.read(1 << 16))
        return f"status {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return str(reason)


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
@click.argument("url")
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
def health_command(url: str, timeout: float, wait: float, no_directory_ok: bool) -> None:
    """Check that a Waypost service answers, e.g. http://127.0.0.1:8080/healthz.

    Exits 0 when the URL answers "200 OK", and 1 with one line saying why when it does not.
    The SMS line's systemd units use it to notice a stuck gateway and restart it; they pass
    --running-without-directory-ok, so a missing directory is reported in the journal every
    time instead of restarting the gateway over and over.
    """
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


COMMANDS = [health_command]
