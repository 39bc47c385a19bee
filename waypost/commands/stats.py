"""`waypost stats`: counts of what the directory covers and what is still empty."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from directory.db.connections import open_content
from directory.reports.coverage_stats import DirectoryStats, directory_stats
from directory.settings import CommonSettings
from waypost import terminal
from waypost.options import db_option, friendly_errors, settings_for

NATIONS = {
    "GB-ENG": "England",
    "GB-WLS": "Wales",
    "GB-SCT": "Scotland",
    "GB-NIR": "Northern Ireland",
}


def _counts(title: str, columns: tuple[str, str], rows: list[tuple[str, int]]) -> Table:
    table = Table(title=title)
    table.add_column(columns[0])
    table.add_column(columns[1], justify="right")
    for label, count in rows:
        table.add_row(label, str(count))
    return table


def render(stats: DirectoryStats, console: Console) -> None:
    """Print every table of the figures."""
    totals = ", ".join(f"{v} {k}" for k, v in stats.totals.items())
    console.print(f"The directory holds {totals}.")
    prisons = Table(title="Prisons by nation and status")
    for column in ("nation or country", "status", "prisons"):
        prisons.add_column(column)
    for (area, status), count in sorted(stats.prisons.items()):
        prisons.add_row(NATIONS.get(area, area), status, str(count))
    console.print(prisons)
    console.print(
        _counts(
            "Services by area served (a service serving several areas counts in each)",
            ("area", "services"),
            sorted(stats.services_by_area.items()),
        )
    )
    console.print(
        _counts(
            "Services by status", ("status", "services"), stats.services_by_status.most_common()
        )
    )
    console.print(
        _counts(
            "Visitor centres by operator",
            ("operator", "centres"),
            stats.visitor_centres.most_common(),
        )
    )
    console.print(
        _counts("Entries per source site", ("source", "entries"), stats.sources.most_common())
    )
    empty = Table(title="Empty fields")
    for column in ("table", "field", "empty"):
        empty.add_column(column)
    for table_name, gaps in stats.empty.items():
        for name, count in gaps.items():
            empty.add_row(table_name, name, str(count))
    console.print(empty)


@click.command("stats")
@db_option
@click.pass_context
def stats_command(ctx: click.Context, db: Path | None) -> None:
    """Count prisons by nation and status, services by area, visitor centres, entries per
    source site, and empty fields (prisons: open ones only)."""
    settings = settings_for(ctx, CommonSettings, db=db)
    with friendly_errors(), open_content(settings.db) as content:
        stats = directory_stats(content)
    render(stats, terminal.console())


COMMANDS = [stats_command]
