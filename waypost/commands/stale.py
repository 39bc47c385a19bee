"""`waypost stale` and `waypost verify`: the volunteers' phone-round of out-of-date entries."""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path

import click
from rich.table import Table

from directory.db.connections import open_content, open_state
from directory.guides import StaleText, stale_texts, wrong_counts
from directory.reports.coverage_stats import PrisonGap, prison_gaps
from directory.reports.staleness import (
    StaleOrganization,
    call_list_csv,
    stale_services,
    verify_service,
)
from directory.settings import CommonSettings
from printouts.call_list import call_list_pdf
from waypost import terminal
from waypost.options import (
    UserError,
    db_option,
    friendly_errors,
    settings_for,
    state_db_option,
)


def _phones(service: object) -> str:
    return "; ".join(
        p.number + (f" ({p.description})" if p.description else "")
        for p in getattr(service, "phones", [])
    )


def _guide_table(texts: list[StaleText], months: int) -> None:
    """Guide texts families said were wrong (first), then those not checked for `months`."""
    console = terminal.console()
    if not texts:
        console.print(f"Every guide text has been checked in the last {months} month(s).")
        return
    wrong = sum(1 for t in texts if t.wrong)
    table = Table(
        title=f"{len(texts)} guide text(s) to check, {wrong} said to be wrong by families"
        " (edit data/guides/, then set its checked date)"
    )
    for column in ("said wrong", "guide", "subject", "section", "last checked", "sources"):
        table.add_column(column)
    for t in texts:
        cells = (str(t.wrong or ""), t.kind, t.subject, t.section, t.checked or "never")
        table.add_row(*cells, " ".join(t.sources) or "-")
    console.print(table)


def _wrong_counts(state_db: Path) -> dict[str, int]:
    # Read only when the state database exists: `waypost stale` must not create one.
    if not state_db.is_file():
        return {}
    conn = open_state(state_db)
    try:
        return wrong_counts(conn)
    finally:
        conn.close()


def _table(groups: list[StaleOrganization], months: int) -> None:
    console = terminal.console()
    count = sum(len(g.services) for g in groups)
    if not groups:
        console.print(f"Every service has been checked in the last {months} month(s).")
        return
    table = Table(title=f"{count} service(s) to check (older than {months} months, or never)")
    for column in ("organisation", "service id", "service", "phone", "last checked"):
        table.add_column(column)
    for g in groups:
        for i, s in enumerate(g.services):
            table.add_row(
                g.name if i == 0 else "",
                s.service_id,
                s.name,
                _phones(s) or "-",
                s.assured_date or "never",
            )
    console.print(table)


def _prison_table(gaps: list[PrisonGap]) -> None:
    if not gaps:
        return
    table = Table(title=f"{len(gaps)} open prison(s) missing a visits phone or street line")
    for column in ("code", "prison", "missing", "sources so far"):
        table.add_column(column)
    for g in gaps:
        table.add_row(g.code, g.name, ", ".join(g.missing), g.source[:80])
    terminal.console().print(table)


@click.command("stale")
@click.option(
    "--months",
    type=click.IntRange(min=0),
    default=6,
    show_default=True,
    help="List services last checked more than this many months ago.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "pdf"]),
    default="table",
    show_default=True,
    help="table on screen, csv for a spreadsheet, pdf to print.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (needed for pdf; csv goes to the screen without it).",
)
@db_option
@state_db_option
@click.pass_context
def stale_command(
    ctx: click.Context,
    months: int,
    fmt: str,
    output: Path | None,
    db: Path | None,
    state_db: Path | None,
) -> None:
    """List services whose details have not been checked recently: a call list for volunteers.

    Services never checked, or checked more than --months ago, are grouped by organisation with
    their phone numbers, so one call can cover several. Print it with --format pdf -o list.pdf.
    After each call, run `waypost verify SERVICE_ID --by YOUR_NAME`. On screen, the visit and
    stage guides' texts to check come first, those families said were wrong at the top.
    """
    settings = settings_for(ctx, CommonSettings, db=db, state_db=state_db)
    with friendly_errors(), open_content(settings.db) as content:
        groups = stale_services(content, months)
        texts = stale_texts(content, months, wrong=_wrong_counts(settings.state_db))
        gaps = prison_gaps(content)
    if fmt == "table":
        _guide_table(texts, months)
        _table(groups, months)
        _prison_table(gaps)
    elif fmt == "csv":
        if output:
            with output.open("w", encoding="utf-8-sig", newline="") as handle:
                call_list_csv(groups, handle)
        else:
            call_list_csv(groups, sys.stdout)
    else:
        if output is None:
            raise UserError("A PDF needs a file to go to: add -o call-list.pdf")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(call_list_pdf(groups, months, date.today(), settings.centre_name))
    if output:
        count = sum(len(g.services) for g in groups)
        click.echo(f"Wrote {count} service(s) to check to {output}.", err=True)


@click.command("verify")
@click.argument("service_id")
@click.option(
    "--by",
    "checked_by",
    default=None,
    help="Who checked it (default: your login name). Recorded with the date.",
)
@db_option
@click.pass_context
def verify_command(
    ctx: click.Context, service_id: str, checked_by: str | None, db: Path | None
) -> None:
    """Mark SERVICE_ID as checked today, after you have confirmed its details.

    Sets its "last checked" date (shown on the kiosk and cards) to today, records who checked
    it, and keeps the change in the directory's history.
    """
    settings = settings_for(ctx, CommonSettings, db=db)
    who = checked_by or getpass.getuser()
    with friendly_errors(), open_content(settings.db) as content:
        previous = verify_service(content, service_id, who, wait=settings.writer_wait_seconds)
    before = f"last checked {previous}" if previous else "never checked before"
    click.echo(f"Marked {service_id} as checked today by {who} ({before}).")


COMMANDS = [stale_command, verify_command]
