"""`waypost kiosk-web`: serve the touchscreen kiosk to a local browser (textual-serve)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click


def kiosk_command_line(config: Path | None) -> str:
    """The command textual-serve starts for each browser: this installation's `waypost kiosk`."""
    # The console script beside this interpreter: the same venv, whatever PATH says.
    script = Path(sys.argv[0])
    executable = script if script.name == "waypost" else Path(sys.executable).with_name("waypost")
    base = [str(executable.absolute())]
    if config is not None:
        base += ["--config", str(config)]
    return shlex.join([*base, "kiosk"])


@click.command("kiosk-web")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.pass_context
def kiosk_web_command(ctx: click.Context, host: str, port: int) -> None:
    """Serve the kiosk as a web page for a full-screen browser on this machine.

    For a kiosk that shows Waypost in Chromium's --kiosk mode instead of a terminal: the
    waypost-kiosk-web unit runs this, and waypost-kiosk-browser opens http://127.0.0.1:8000.
    Keep it on 127.0.0.1: anyone who can reach the port can use the kiosk.
    """
    from textual_serve.server import Server  # imported here: only this command needs it

    config = (ctx.find_root().obj or {}).get("config")
    server = Server(kiosk_command_line(config), host=host, port=port, title="Waypost")
    server.serve()


COMMANDS = [kiosk_web_command]
