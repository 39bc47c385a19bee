"""`waypost cards`: wallet cards, sheets of ten, the SMS poster and a calibration page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from directory import ContentDB, open_content
from directory.lookup.centre import centre_service_ids
from directory.lookup.services import prison_visiting
from directory.settings import CommonSettings
from directory.text.i18n import LANGUAGES
from printouts.card_face import CardText
from printouts.centre import centre_card, service_card
from printouts.poster import poster_column, poster_pdf
from printouts.printer import CARD_MEDIA, PrintError, print_pdf
from printouts.sheet import DEFAULT_LAYOUT, LAYOUTS, calibration_pdf, sheet_pdf
from printouts.wallet_card import card_pdf
from waypost.options import UserError, db_option, friendly_errors, settings_for

F = TypeVar("F", bound=Callable[..., Any])

LANG = click.Choice(sorted(LANGUAGES))
LAYOUT_HELP = "Card stock layout: " + "; ".join(
    f"{k} = {v.description}" for k, v in LAYOUTS.items()
)


def output_options(func: F) -> F:
    """-o FILE, --print and --printer, shared by every cards command."""
    func = click.option(
        "--printer",
        help="CUPS queue to print on (default: the 'printer' setting, else the system default).",
    )(func)
    func = click.option(
        "--print", "send", is_flag=True, help="Send it to the printer (CUPS) as well."
    )(func)
    func = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Where to save the PDF (default: a name like card-samaritans-helpline-en.pdf).",
    )(func)
    return func


def grid_options(func: F) -> F:
    """--layout and the calibration offsets."""
    func = click.option(
        "--offset-y", type=float, default=0.0, show_default=True, help="Move down by MM."
    )(func)
    func = click.option(
        "--offset-x", type=float, default=0.0, show_default=True, help="Move right by MM."
    )(func)
    func = click.option(
        "--layout",
        type=click.Choice(sorted(LAYOUTS)),
        default=DEFAULT_LAYOUT,
        show_default=True,
        help=LAYOUT_HELP,
    )(func)
    return func


def _deliver(
    pdf: bytes,
    *,
    output: Path | None,
    default_name: str,
    send: bool,
    printer: str | None,
    media: str,
    title: str,
) -> None:
    """Save the PDF (unless only printing) and print it if asked; one clear line each."""
    if output is not None or not send:
        target = output or Path(default_name)
        target.write_bytes(pdf)
        click.echo(f"Saved {target} ({len(pdf) / 1024:.0f} kB).")
    if send:
        try:
            job = print_pdf(pdf, printer=printer, media=media, title=title)
        except PrintError as exc:
            extra = f" ({exc.detail})" if exc.detail else ""
            raise UserError(f"{exc}{extra}") from None
        click.echo(f"Sent to the printer {printer or '(default)'} as job {job}.")


def _settings(ctx: click.Context, db: Path | None, printer: str | None) -> CommonSettings:
    return settings_for(ctx, CommonSettings, "cards", db=db, printer=printer)


def _nomis(settings: CommonSettings) -> str:
    if not settings.centre_prison:
        raise UserError(
            'No centre prison is set: add centre_prison = "LWI" (its NOMIS code) to the config'
            " or set WAYPOST_CENTRE_PRISON."
        )
    return settings.centre_prison


def _service_card(
    directory: ContentDB, settings: CommonSettings, service_id: str, language: str
) -> CardText:
    return service_card(
        directory,
        service_id,
        language=language,
        centre_name=settings.centre_name,
        sms_number=settings.sms_number,
        pages_url=settings.pages_url,
    )


def _centre_card(
    directory: ContentDB, settings: CommonSettings, nomis: str, language: str
) -> CardText:
    return centre_card(
        directory,
        nomis,
        language=language,
        centre_name=settings.centre_name,
        sms_number=settings.sms_number,
    )


@click.group("cards")
def cards_group() -> None:
    """Print wallet cards, sheets of ten cards, and the SMS poster (PDF, or straight to CUPS).

    \b
    Examples:
      waypost cards card samaritans-helpline --lang el --print
      waypost cards sheet --centre --lang el --print
      waypost cards sheet pact-helpline --copies 10 -o pact.pdf
      waypost cards poster --lang el --lang en
      waypost cards calibrate --layout avery-c32011
    """


@cards_group.command("card")
@click.argument("service_id", required=False)
@click.option("--centre", is_flag=True, help="The centre's own card: visits, helpline, group.")
@click.option("--lang", "language", type=LANG, default="en", show_default=True)
@output_options
@db_option
@click.pass_context
def card_command(
    ctx: click.Context,
    service_id: str | None,
    centre: bool,
    language: str,
    output: Path | None,
    send: bool,
    printer: str | None,
    db: Path | None,
) -> None:
    """One wallet card (CR80, front and back) for a service, or for the centre with --centre."""
    settings = _settings(ctx, db, printer)
    if bool(service_id) == centre:
        raise UserError("Give one SERVICE_ID, or --centre for the centre's own card.")
    with friendly_errors():
        directory = open_content(settings.db)
        if centre:
            card = _centre_card(directory, settings, _nomis(settings), language)
            name = f"card-centre-{language}.pdf"
        else:
            assert service_id is not None
            card = _service_card(directory, settings, service_id, language)
            name = f"card-{service_id}-{language}.pdf"
    _deliver(
        card_pdf(card, language),
        output=output,
        default_name=name,
        send=send,
        printer=settings.printer,
        media=CARD_MEDIA,
        title=card.title,
    )


def _sheet_cards(
    directory: ContentDB,
    settings: CommonSettings,
    service_ids: tuple[str, ...],
    centre: bool,
    copies: int | None,
    language: str,
) -> list[CardText]:
    """The cards for a sheet: the centre's set and/or the named services, each copies times."""
    cards: list[CardText] = []
    if centre:
        nomis = _nomis(settings)
        cards.append(_centre_card(directory, settings, nomis, language))
        service_ids = (*centre_service_ids(directory, nomis, language), *service_ids)
    cards += [_service_card(directory, settings, s, language) for s in service_ids]
    if copies is None:
        copies = 10 if len(cards) == 1 else 1
    return [card for card in cards for _ in range(copies)]


@cards_group.command("sheet")
@click.argument("service_ids", nargs=-1)
@click.option("--centre", is_flag=True, help="Ten cards: the centre card and its key services.")
@click.option(
    "--copies",
    type=click.IntRange(1, 100),
    help="Copies of each card (default: 10 for one service, else 1).",
)
@click.option("--lang", "language", type=LANG, default="en", show_default=True)
@click.option("--no-backs", is_flag=True, help="Fronts only (no second page for duplex).")
@grid_options
@output_options
@db_option
@click.pass_context
def sheet_command(
    ctx: click.Context,
    service_ids: tuple[str, ...],
    centre: bool,
    copies: int | None,
    language: str,
    no_backs: bool,
    layout: str,
    offset_x: float,
    offset_y: float,
    output: Path | None,
    send: bool,
    printer: str | None,
    db: Path | None,
) -> None:
    """A4 sheets of ten cards (2 x 5) with crop marks, fronts then backs for long-edge duplex.

    Name services (mixed on one sheet), or one service with --copies 10, or --centre for the
    centre card and its key services. Print `waypost cards calibrate` first on new stock.
    """
    settings = _settings(ctx, db, printer)
    if not service_ids and not centre:
        raise UserError("Name at least one SERVICE_ID, or use --centre (see --help).")
    with friendly_errors():
        directory = open_content(settings.db)
        cards = _sheet_cards(directory, settings, service_ids, centre, copies, language)
    pdf = sheet_pdf(
        cards,
        layout=layout,
        offset_x_mm=offset_x,
        offset_y_mm=offset_y,
        backs=not no_backs,
        language=language,
    )
    _deliver(
        pdf,
        output=output,
        default_name=f"sheet-{language}.pdf",
        send=send,
        printer=settings.printer,
        media="A4",
        title=f"Waypost cards ({len(cards)})",
    )


@cards_group.command("poster")
@click.option(
    "--lang",
    "languages",
    type=LANG,
    multiple=True,
    help="One or two languages, side by side (repeat --lang). Default: en.",
)
@click.option("--example", help="The place in the example text (default: the centre's postcode).")
@output_options
@db_option
@click.pass_context
def poster_command(
    ctx: click.Context,
    languages: tuple[str, ...],
    example: str | None,
    output: Path | None,
    send: bool,
    printer: str | None,
    db: Path | None,
) -> None:
    """An A4 poster that explains the SMS keywords, with a QR code that starts a text."""
    settings = _settings(ctx, db, printer)
    chosen = list(dict.fromkeys(languages or ("en",)))
    if len(chosen) > 2:
        raise UserError("A poster has one or two languages (--lang el --lang en).")
    if not settings.sms_number:
        raise UserError(
            "No SMS number is set: add sms_number to the config or set WAYPOST_SMS_NUMBER."
        )
    with friendly_errors():
        directory = open_content(settings.db)
        if example is None:
            example = "BN7 1EA"
            if settings.centre_prison:
                postcode = prison_visiting(directory, settings.centre_prison).address.postal_code
                example = postcode or example
        pages = bool(settings.pages_url)
        columns = [poster_column(directory, lang, example, pages=pages) for lang in chosen]
    pdf = poster_pdf(
        columns,
        sms_number=settings.sms_number,
        centre_name=settings.centre_name,
        pages_url=settings.pages_url,
    )
    _deliver(
        pdf,
        output=output,
        default_name=f"poster-{'-'.join(chosen)}.pdf",
        send=send,
        printer=settings.printer,
        media="A4",
        title="Waypost poster",
    )


@cards_group.command("calibrate")
@grid_options
@output_options
@db_option
@click.pass_context
def calibrate_command(
    ctx: click.Context,
    layout: str,
    offset_x: float,
    offset_y: float,
    output: Path | None,
    send: bool,
    printer: str | None,
    db: Path | None,
) -> None:
    """A calibration page: card outlines and a 100 mm ruler to find --offset-x/--offset-y."""
    settings = _settings(ctx, db, printer)
    pdf = calibration_pdf(layout=layout, offset_x_mm=offset_x, offset_y_mm=offset_y)
    _deliver(
        pdf,
        output=output,
        default_name=f"calibration-{layout}.pdf",
        send=send,
        printer=settings.printer,
        media="A4",
        title="Waypost calibration",
    )


COMMANDS = [cards_group]
