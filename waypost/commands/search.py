"""`waypost search`: find services from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from directory import SearchResults, ServiceResult, open_content, search_services
from directory.lookup.categories import list_categories
from directory.settings import CommonSettings
from waypost import terminal
from waypost.options import UserError, db_option, friendly_errors, settings_for


def _table(title: str, rows: list[ServiceResult], show_distance: bool) -> Table:
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("service")
    if show_distance:
        table.add_column("km", justify="right")
    table.add_column("phone", no_wrap=True)
    table.add_column("checked", no_wrap=True)
    for r in rows:
        phone = r.phones[0].number if r.phones else "-"
        checked = r.assured_date or "not yet checked"
        organization = terminal.literal(r.organization, "dim")
        name = Text.assemble(terminal.literal(r.name), "\n", organization)
        cells: list[str | Text] = [r.service_id, name]
        if show_distance:
            cells.append("" if r.distance_km is None else f"{r.distance_km:.1f}")
        table.add_row(*cells, phone, checked)
    return table


def print_results(found: SearchResults, console: Console) -> None:
    """Readable tables of local and national results."""
    if found.place:
        fuzzy = " (closest match to what you typed)" if found.place.fuzzy else ""
        console.print(Text.assemble("Near ", terminal.literal(found.place.name, "bold"), fuzzy))
    if found.local:
        console.print(
            _table(
                "Near you" if found.place else "Local services",
                found.local,
                found.place is not None,
            )
        )
    elif found.place:
        console.print(f"No local services found within {found.radius_km:.0f} km.")
    if found.national:
        console.print(_table("National and phone services", found.national, False))
    if not found.local and not found.national:
        console.print("Nothing found. Try another word or category.")


@click.command("search")
@click.argument("text", required=False)
@click.option("--near", help='A postcode, town or prison, e.g. "BN7 1EA", Lewes, "HMP Lewes".')
@click.option("--category", help="A category key, e.g. housing, visiting, money.")
@click.option("--lang", "language", default="en", show_default=True, help="Language code.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--interactive", is_flag=True, help="Ask for searches until you type q.")
@db_option
@click.pass_context
def search_command(
    ctx: click.Context,
    text: str | None,
    near: str | None,
    category: str | None,
    language: str,
    limit: int,
    as_json: bool,
    interactive: bool,
    db: Path | None,
) -> None:
    """Search the directory by place, category and words.

    \b
    Examples:
      waypost search --near "BN7 1EA" --category visiting
      waypost search housing --near Lewes
      waypost search --near Belfast --json
    """
    settings = settings_for(ctx, CommonSettings, db=db)
    console = terminal.console()
    with friendly_errors():
        directory = open_content(settings.db)
        if interactive:
            _interactive(directory, language, limit, console)
            return
        if not (text or near or category):
            raise UserError("Give some words, --near PLACE or --category KEY (see --help).")
        found = search_services(
            directory, near=near, category=category, text=text, language=language, limit=limit
        )
    if as_json:
        click.echo(json.dumps(found.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_results(found, console)


def _interactive(directory: object, language: str, limit: int, console: Console) -> None:
    from directory import ContentDB, DirectoryError

    assert isinstance(directory, ContentDB)
    keys = ", ".join(c.key for c in list_categories(directory, language))
    console.print(
        Text.assemble(
            terminal.literal(f"Categories: {keys}\n"),
            "Type e.g. ",
            ("housing BN7", "bold"),
            " or ",
            ("visiting | HMP Lewes", "bold"),
            " (words | place). q to quit.",
        )
    )
    while True:
        line = click.prompt("search", default="q", show_default=False).strip()
        if line.lower() in ("q", "quit", "exit"):
            return
        words, _, place = line.partition("|")
        try:
            found = search_services(
                directory,
                text=words.strip() or None,
                near=place.strip() or None,
                language=language,
                limit=limit,
            )
        except DirectoryError as exc:
            console.print(terminal.literal(exc, "red"))
            continue
        print_results(found, console)


COMMANDS = [search_command]
