"""`waypost web serve`: the phone pages (the target of every QR code when web.public_url is set)."""

from __future__ import annotations

from pathlib import Path

import click

from waypost.options import UserError, db_option, settings_for, state_db_option
from web.settings import WebSettings


@click.group("web")
def web_group() -> None:
    """The directory as small, private web pages for phones."""


@web_group.command("serve")
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port to listen on (default 8010).")
@db_option
@state_db_option
@click.pass_context
def serve_command(
    ctx: click.Context,
    host: str | None,
    port: int | None,
    db: Path | None,
    state_db: Path | None,
) -> None:
    """Serve the phone pages over the directory, read-only.

    Put it behind the same HTTPS proxy as the SMS line (see docs/deploy.md). The pages set no
    cookies, load nothing from elsewhere, and log no search words or addresses.
    """
    import uvicorn

    from web.app import create_app

    overrides = {"db": db, "state_db": state_db, "host": host, "port": port}
    settings = settings_for(
        ctx, WebSettings, "web", **{k: v for k, v in overrides.items() if v is not None}
    )
    if not settings.db.is_file():
        raise UserError(f"The directory {str(settings.db)!r} does not exist. Run `waypost build`.")
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=False,  # ours logs the path without its query string (web/app.py)
        log_level="info",
        proxy_headers=False,
    )


COMMANDS = [web_group]
