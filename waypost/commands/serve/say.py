"""`waypost say`: write what the kiosk would read aloud to a WAV file, to check a voice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import click

from directory.db.connections import open_content
from directory.lookup.services import get_service
from kiosk.i18n import Translator, kiosk_languages
from kiosk.settings import KioskSettings
from kiosk.speech.service_words import service_lines
from kiosk.speech.speaker import synthesize
from kiosk.speech.words import script
from waypost.options import UserError, db_option, friendly_errors, settings_for


@click.command("say")
@click.argument("service_id", required=False)
@click.option("--text", help="Say this text instead of a service's details.")
@click.option(
    "--lang",
    "language",
    type=click.Choice(kiosk_languages()),
    default="en",
    show_default=True,
    help="The language (and voice) to speak in.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The WAV file to write.",
)
@db_option
@click.pass_context
def say_command(
    ctx: click.Context,
    service_id: str | None,
    text: str | None,
    language: str,
    output: Path,
    db: Path | None,
) -> None:
    """Write what the kiosk's "Read aloud" says for a service (or any --text) to a WAV file.

    Uses the kiosk's voice settings (speech_rate, speech_volume) and espeak-ng. Examples:
    `waypost say samaritans-helpline --lang cy -o samaritans.wav`,
    `waypost say --text "Croeso" --lang cy -o croeso.wav`.
    """
    if (service_id is None) == (text is None):
        raise click.UsageError("Give a SERVICE_ID or --text, not both.")
    settings = settings_for(ctx, KioskSettings, "kiosk", db=db)
    translate = Translator(language)
    if text is not None:
        lines = [text]
    else:
        with friendly_errors(), open_content(settings.db) as content:
            detail = get_service(content, str(service_id), language)
            lines = service_lines(detail, translate, language)
    words = script(lines, language, translate)
    try:
        synthesize(
            words, language, output, rate=settings.speech_rate, volume=settings.speech_volume
        )
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    except subprocess.CalledProcessError:
        raise UserError(f"espeak-ng could not write {output}.") from None
    click.echo(f"Wrote {output} ({language}).")


COMMANDS = [say_command]
