"""`waypost sms`: run the SMS keyword line, try it without a phone, send queued texts."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import click
from pydantic import ValidationError

from directory.db.connections import open_content, open_state
from directory.settings import load_settings
from sms_gateway.dialogue import Inbound, Line
from sms_gateway.gsm import count_segments
from sms_gateway.settings import GatewaySettings, with_dev_secrets
from sms_gateway.twilio_help import TWILIO_HELP_REPLY
from sms_gateway.vocabulary import TWILIO_HELP
from waypost.options import UserError, db_option, friendly_errors, state_db_option


def _settings(ctx: click.Context, **overrides: object) -> GatewaySettings:
    """The gateway's settings; a missing secret or bad value is one clear line, exit 2."""
    config = (ctx.find_root().obj or {}).get("config")
    try:
        return load_settings(GatewaySettings, config, "sms", **overrides)
    except ValidationError as exc:
        # pydantic's own text spans several lines and echoes the input; say only what is wrong.
        problems = [str(e["msg"]).removeprefix("Value error, ") for e in exc.errors()]
        raise UserError("Cannot start: " + "; ".join(problems) + ".") from None
    except (ValueError, FileNotFoundError) as exc:
        raise UserError(f"Bad settings: {exc}") from None


@click.group("sms")
def sms_group() -> None:
    """The SMS keyword line: families text e.g. HOUSING BN7 and get nearby help back."""


@sms_group.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--dev",
    is_flag=True,
    help="Try it out locally: make up a random Twilio token and a development hash key.",
)
@db_option
@state_db_option
@click.pass_context
def serve_command(
    ctx: click.Context, host: str, port: int, dev: bool, db: Path | None, state_db: Path | None
) -> None:
    """Run the webhook that Twilio calls (POST /sms, GET /healthz).

    \b
    Needs WAYPOST_TWILIO_AUTH_TOKEN, WAYPOST_HASH_KEY and WAYPOST_PUBLIC_URL (the address
    you gave Twilio, e.g. https://sms.example.org), or the same keys in the [sms] section of
    the config file. Without them it refuses to start, unless you add --dev.
    """
    import uvicorn

    from sms_gateway.web.app import create_app

    settings = _settings(ctx, db=db, state_db=state_db, dev=True if dev else None)
    if settings.dev:
        settings, notes = with_dev_secrets(settings)
        banner = "!" * 72
        click.secho(banner, fg="red", err=True)
        click.secho("DEVELOPMENT MODE: not for real texts.", fg="red", bold=True, err=True)
        for note in notes:
            click.secho(f"  {note}", fg="red", err=True)
        click.secho(f"  Twilio must sign requests for {settings.webhook_url}", fg="red", err=True)
        click.secho(banner, fg="red", err=True)
    with friendly_errors():
        app = create_app(settings)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="info")


@sms_group.command("try")
@click.argument("text")
@click.option("--from", "sender", default="+447700900123", show_default=True, help="Sender.")
@click.option("--country", default="GB", show_default=True, help="The sender's country code.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON: reply, encoding, segments, understood."
)
@db_option
@state_db_option
@click.pass_context
def try_command(
    ctx: click.Context,
    text: str,
    sender: str,
    country: str,
    as_json: bool,
    db: Path | None,
    state_db: Path | None,
) -> None:
    """Show the reply a phone would get to TEXT, with its encoding and segment count.

    \b
    It keeps the conversation between calls, like a real phone, so MORE and 1, 2, 3 work:
      waypost sms try "HOUSING BN7"
      waypost sms try MORE
      waypost sms try "vivienda" --from +447700900456
    """
    settings = _settings(ctx, db=db, state_db=state_db, dev=True)
    settings, notes = with_dev_secrets(settings)
    if any("hash key" in n for n in notes):
        click.echo("Note: no WAYPOST_HASH_KEY set; using a fixed development key.", err=True)
    with friendly_errors():
        content = open_content(settings.db)
        conn = open_state(settings.state_db)
        try:
            msg = Inbound(
                message_sid=f"SMtry{uuid.uuid4().hex}",
                sender=sender,
                body=text,
                from_country=country,
            )
            outcome = Line(settings).respond(conn, content, msg, time.time())
        finally:
            conn.close()
            content.close()
    reply = outcome.reply or ""
    twilio = not reply and text.strip().casefold() in TWILIO_HELP
    if twilio:
        reply = TWILIO_HELP_REPLY  # answered by Twilio under Advanced Opt-Out, not the line
    counted = count_segments(reply)
    if as_json:
        understood = (
            outcome.understood.as_json()
            if outcome.understood
            else {"topics": [], "place": None, "prison": None, "language": None}
        )
        understood["language"] = understood["language"] or settings.default_language
        data = {
            "reply": reply,
            "encoding": counted.encoding,
            "segments": counted.segments,
            "understood": understood,
        }
        if twilio:
            data["answered_by"] = "twilio"
        click.echo(json.dumps(data, ensure_ascii=False))
        return
    if not reply:
        click.echo("(no reply: the line stays silent for this text)")
        return
    if twilio:
        click.echo(
            "(Twilio's reply under Advanced Opt-Out; the line stays silent, see docs/sms-help.md)"
        )
    click.echo(reply)
    plural = "" if counted.segments == 1 else "s"
    click.secho(
        f"-- {counted.encoding}, {counted.segments} segment{plural}, {len(reply)} characters",
        dim=True,
    )


@sms_group.command("send-outbox")
@click.option("--once", is_flag=True, help="Send what is due now, then stop.")
@click.option("--every", default=5.0, show_default=True, help="Seconds between checks.")
@state_db_option
@click.pass_context
def send_outbox_command(
    ctx: click.Context, once: bool, every: float, state_db: Path | None
) -> None:
    """Send queued texts (e.g. the kiosk's "Text me this") through Twilio.

    \b
    Needs WAYPOST_TWILIO_ACCOUNT_SID, WAYPOST_TWILIO_AUTH_TOKEN, WAYPOST_HASH_KEY and
    WAYPOST_SMS_FROM (or WAYPOST_MESSAGING_SERVICE_SID). Numbers are erased once sent.
    """
    from sms_gateway.sender import drain, make_client

    settings = _settings(ctx, state_db=state_db)
    if not settings.twilio_account_sid or not (settings.sms_from or settings.messaging_service_sid):
        raise UserError(
            "Set WAYPOST_TWILIO_ACCOUNT_SID and WAYPOST_SMS_FROM"
            " (or WAYPOST_MESSAGING_SERVICE_SID)."
        )
    client = make_client(settings)
    conn = open_state(settings.state_db)
    try:
        while True:
            report = drain(conn, client, settings)
            if report.sent or report.failed or report.retried:
                click.echo(f"sent {report.sent}, failed {report.failed}, to retry {report.retried}")
            if once:
                return
            time.sleep(every)
    except KeyboardInterrupt:
        return
    finally:
        conn.close()


COMMANDS = [sms_group]
