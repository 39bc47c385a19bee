"""`waypost report`: the monthly usage report for the centre manager and funders."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import click

from directory.db.connections import open_content, open_state
from directory.errors import DirectoryError
from directory.lookup.categories import list_categories
from directory.reports.usage_figures import build_report, previous_month, report_csv
from directory.settings import CommonSettings
from directory.state.usage import roll_up_reported
from directory.text.i18n import LANGUAGES
from printouts.usage_report import build_usage_report_pdf
from waypost.options import UserError, db_option, friendly_errors, settings_for, state_db_option

log = logging.getLogger(__name__)


class ReportSettings(CommonSettings):
    """What one SMS segment costs, for the report's cost estimate."""

    # Price per SMS segment in your currency (e.g. 0.0463); unset: no cost line.
    segment_price: float | None = None
    currency: str = "£"


def _keyword_names(db: Path) -> dict[str, str]:
    # Category labels read better than keys; the report still works without a directory.
    try:
        with open_content(db) as content:
            return {c.key: c.short_label or c.label for c in list_categories(content, "en")}
    except DirectoryError:
        log.info("no directory at %s: keywords are shown by their keys", db)
        return {}


@click.command("report")
@click.option(
    "--month",
    metavar="YYYY-MM",
    default=None,
    help="The month to report on (default: last month).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="PDF file to write (default: usage-YYYY-MM.pdf). A .csv file is written beside it.",
)
@db_option
@state_db_option
@click.pass_context
def report_command(
    ctx: click.Context,
    month: str | None,
    output: Path | None,
    db: Path | None,
    state_db: Path | None,
) -> None:
    """Make the monthly usage report (PDF with charts, plus a CSV of the same figures).

    For the centre manager and funders: SMS conversations by week, top keywords, languages,
    areas, how many were answered, SMS segments sent and their cost, and kiosk views, prints
    and texts. It is built only from anonymous counts, and any figure below 5 is hidden so
    that no family can be singled out.
    """
    settings = settings_for(ctx, ReportSettings, "report", db=db, state_db=state_db)
    chosen = month or previous_month(datetime.now(UTC).date())
    pdf_path = output or Path(f"usage-{chosen}.pdf")
    csv_path = pdf_path.with_suffix(".csv")
    if not settings.state_db.is_file():
        raise UserError(f"There are no usage counts yet: {settings.state_db} does not exist.")
    with friendly_errors():
        conn = open_state(settings.state_db)
        try:
            report = build_report(
                conn,
                chosen,
                segment_price=settings.segment_price,
                currency=settings.currency,
                language_names=LANGUAGES,
                keyword_names=_keyword_names(settings.db),
            )
            pdf = build_usage_report_pdf(report, settings.centre_name)
            pdf_path.parent.mkdir(parents=True, exist_ok=True)
            pdf_path.write_bytes(pdf)
            csv_path.write_text(report_csv(report), encoding="utf-8")
            # Written: the month's days are no longer needed (see docs/privacy.md).
            roll_up_reported(conn, chosen)
        finally:
            conn.close()
    empty = "" if report.has_data else " (no usage was counted that month)"
    click.echo(f"Wrote {pdf_path} and {csv_path} for {chosen}{empty}.")


COMMANDS = [report_command]
