"""`waypost health URL`: ask a service's /healthz; used by the systemd units as a health check."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import click

from waypost.options import UserError


def probe(url: str, timeout: float) -> str | None:
    """None when `url` answers 200 within `timeout` seconds, else what went wrong."""
    try:
        # The URL is the operator's own loopback address from the unit file, not user input.
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            if response.status == 200:
                return None
            return f"status {response.status}"
    except urllib.error.HTTPError as exc:
        return f"status {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        return str(reason)


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
def health_command(url: str, timeout: float, wait: float) -> None:
    """Check that a Waypost service answers, e.g. http://127.0.0.1:8080/healthz.

    Exits 0 when the URL answers "200 OK", and 1 with one line saying why when it does not.
    The SMS line's systemd units use it to notice a stuck gateway and restart it.
    """
    if not url.startswith(("http://", "https://")):
        raise UserError("The URL must start with http:// or https://.")
    deadline = time.monotonic() + wait
    while True:
        problem = probe(url, timeout)
        if problem is None:
            click.echo(f"{url}: OK")
            return
        if time.monotonic() >= deadline:
            raise click.ClickException(f"{url} is not healthy: {problem}")
        time.sleep(0.25)


COMMANDS = [health_command]
