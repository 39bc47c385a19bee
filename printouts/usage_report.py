"""The monthly usage report as an A4 PDF: headline figures, charts to look at, tables to check.

Every figure comes already protected from `directory.reports.usage_figures`; this module only draws.
Withheld figures draw no bar or slice, and their table cell shows "<5" or "x".
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from directory.reports.usage_figures import SMALL, WITHHELD, Table, UsageReport
from printouts.typography import BOLD, REGULAR, register_fonts

PALETTE = [
    colors.HexColor(c)
    for c in ("#1f5f8b", "#e07b39", "#3a9d5d", "#8e5ea2", "#c9a227", "#d1495b", "#5c6f7b")
]
WIDTH = A4[0] - 36 * mm

_title = ParagraphStyle("title", fontName=BOLD, fontSize=18, leading=22, spaceAfter=4)
_heading = ParagraphStyle("heading", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10)
_body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12, spaceAfter=4)


def _month_name(report: UsageReport) -> str:
    return report.first_day.strftime("%B %Y")


def _grid(header: list[str], rows: list[list[str]], bold_last: bool = False) -> PdfTable:
    # Cells are plain strings: reportlab draws them literally, never as markup.
    table = PdfTable([header, *rows], hAlign="LEFT", repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f6")]),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if bold_last:
        style += [
            ("FONT", (0, -1), (-1, -1), BOLD, 9),
            ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
        ]
    table.setStyle(TableStyle(style))
    return table


def _table_flowable(table: Table) -> PdfTable:
    rows = [[row.label, *(c.text for c in row.counts)] for row in table.rows]
    if table.total is not None:
        rows.append([table.total.label, *(c.text for c in table.total.counts)])
    return _grid(["", *table.columns], rows, bold_last=table.total is not None)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR  # else the renderer starts every chart in Helvetica
    drawing.initialFontSize = 8
    return drawing


def _axis_fonts(chart: VerticalBarChart | HorizontalBarChart) -> None:
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName = REGULAR
        labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = 1
    chart.valueAxis.rangeRound = "both"  # the axis ends on a labelled tick above the tallest bar


def _weekly_chart(table: Table, columns: list[int], title: str) -> Drawing:
    drawing = _drawing(WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 20, WIDTH - 150, 46 * mm
    chart.data = [[row.counts[c].chart_value for row in table.rows] for c in columns]
    chart.categoryAxis.categoryNames = [row.label for row in table.rows]
    _axis_fonts(chart)
    for i in range(len(columns)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
    legend = Legend()
    legend.x, legend.y = WIDTH - 110, 50 * mm
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], table.columns[c]) for i, c in enumerate(columns)
    ]
    drawing.add(chart)
    drawing.add(legend)
    drawing.add(String(0, 62 * mm - 10, title, fontName=BOLD, fontSize=9))
    return drawing


def _ranking_chart(table: Table) -> Drawing | None:
    rows = [row for row in table.rows if row.counts[0].value is not None]
    if not rows:
        return None
    rows = rows[::-1]  # reportlab draws the first category at the bottom
    height = max(30 * mm, 7 * mm * len(rows) + 10 * mm)
    drawing = _drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 15, WIDTH - 190, height - 25
    chart.data = [[row.counts[0].chart_value for row in rows]]
    chart.categoryAxis.categoryNames = [row.label for row in rows]
    _axis_fonts(chart)
    chart.bars[0].fillColor = PALETTE[0]
    drawing.add(chart)
    return drawing


def _pie(table: Table) -> Drawing | None:
    # The share of each row in the table's first column.
    values = ((r.label, r.counts[0].chart_value) for r in table.rows)
    pairs = [(label, v) for label, v in values if v > 0]
    if len(pairs) < 2:
        return None  # one slice says nothing a table does not
    drawing = _drawing(WIDTH, 55 * mm)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 20, 8, 45 * mm, 45 * mm
    pie.data = [v for _, v in pairs]
    pie.labels = None
    pie.slices.strokeColor = colors.white
    for i in range(len(pairs)):
        pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    total = sum(pie.data)
    legend = Legend()
    legend.x, legend.y = 60 * mm, 48 * mm
    legend.fontName, legend.fontSize = REGULAR, 8
    legend.columnMaximum = 10
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], f"{label}: {round(100 * v / total)}%")
        for i, (label, v) in enumerate(pairs)
    ]
    drawing.add(pie)
    drawing.add(legend)
    return drawing


def _headline(report: UsageReport) -> PdfTable:
    weekly = report.tables["weekly"]
    totals = weekly.total.counts if weekly.total else ()
    rows = [[name, count.text] for name, count in zip(weekly.columns, totals, strict=True)]
    share = "withheld" if report.answered_share is None else f"{report.answered_share}%"
    rows.insert(1, ["SMS conversations answered with results", share])
    rows.insert(2, ["SMS segments sent", report.segments.text])
    if report.cost is not None:
        rows.insert(3, ["Estimated SMS cost", report.cost])
    return _grid(["This month", ""], rows)


def _section(flow: list[Flowable], title: str, *parts: Flowable | None) -> None:
    flow.append(CondPageBreak(60 * mm))
    flow.append(Paragraph(escape(title), _heading))
    flow.extend(part for part in parts if part is not None)


def _ranking_section(flow: list[Flowable], title: str, table: Table) -> None:
    _section(flow, title, _ranking_chart(table), _table_flowable(table))


def build_usage_report_pdf(report: UsageReport, centre_name: str = "") -> bytes:
    """The report as PDF bytes (fonts embedded, output identical for identical input)."""
    register_fonts()
    buffer = io.BytesIO()
    title = f"Waypost usage report: {_month_name(report)}"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=title,
        author="Waypost",
        creator="Waypost",
        subject="",
        invariant=1,
        initialFontName=REGULAR,  # no unembedded Helvetica left in the file
        initialFontSize=9,
    )
    flow: list[Flowable] = [Paragraph(escape(title), _title)]
    if centre_name:
        flow.append(Paragraph(escape(centre_name), _body))
    flow.append(
        Paragraph(
            escape(
                f"{report.first_day:%d %B %Y} to {report.last_day:%d %B %Y}. Made from anonymous"
                " counts only: no phone numbers, no messages. So that no family can be singled"
                f" out, figures below 5 show as '{SMALL}', and '{WITHHELD}' marks a figure held"
                " back so that a small one cannot be worked out by subtraction."
            ),
            _body,
        )
    )
    flow.append(
        Paragraph(
            "An SMS conversation is a family's question about a place (a keyword and a place, a"
            " prison, or a place alone); follow-ups such as MORE are not counted again."
            " Segments are the billed parts of the replies.",
            _body,
        )
    )
    if not report.has_data:
        flow.append(Paragraph("No usage was counted in this month.", _body))
    flow.append(_headline(report))
    weekly = report.tables["weekly"]
    _section(
        flow,
        "Use by week",
        _weekly_chart(weekly, [0], "SMS conversations"),
        _weekly_chart(weekly, [2, 3, 4], "Kiosk views, prints and texts"),
        _table_flowable(weekly),
    )
    _ranking_section(flow, "Top SMS keywords", report.tables["keywords"])
    languages = report.tables["languages"]
    _section(flow, "Languages", _pie(languages), _table_flowable(languages))
    _ranking_section(flow, "Areas (outward code)", report.tables["areas"])
    outcome = report.tables["outcome"]
    _section(
        flow,
        "Answered or no result",
        _pie(outcome) if report.answered_share is not None else None,
        _table_flowable(outcome),
        Spacer(1, 4 * mm),
        _table_flowable(report.tables["sms_other"]),
    )
    doc.build(flow)
    return buffer.getvalue()


__all__ = ["build_usage_report_pdf"]
