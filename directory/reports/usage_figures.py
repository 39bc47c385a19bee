"""The monthly usage report: anonymous counts, summed and protected so no family stands out.

Disclosure control, applied to every table:

1. **Small counts.** Any cell below 5 (zero included) is withheld and shown as "<5".
2. **Subtraction.** A table whose total is printed elsewhere (weeks, outcomes, each column of
   the languages table) must never have exactly one withheld cell, or total minus the rest
   would reveal it. The smallest printed cell is then withheld too, shown as "x". Two or more
   withheld small cells can still be pinned down when their known sum forces every value (all
   4s); that case gets an extra "x" cell as well. (All 0s is also forced, but names nobody.)
3. **Pooling.** Open-ended lists (keywords, areas, languages) never name a row below 5: such
   rows are summed into one unnamed "Other" row, which is then itself subject to rules 1-2.

Only one-way tables are published (no keyword by area, say), because crossing dimensions is how
small groups become identifiable. Segment and cost figures obey rule 1.
"""

from __future__ import annotations

import csv
import io
import sqlite3
from calendar import monthrange
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from directory.errors import DirectoryError
from directory.state.usage import usage_rows
from directory.text.formula import neutralise_row

THRESHOLD = 5
SMALL = "<5"
WITHHELD = "x"
# SMS events that are a family's question about a place, answered or not (directory.state.usage).
SMS_QUESTIONS = ("search", "prison", "place_only")
KIOSK_EVENTS = ("search", "view", "print", "text")
TOP_ROWS = 12


class ReportError(DirectoryError):
    """The report cannot be made as asked (e.g. a malformed month)."""


@dataclass(frozen=True)
class Count:
    """One published figure: its value, or None with the mark that says why it is withheld."""

    value: int | None
    mark: str = ""

    @property
    def text(self) -> str:
        """How the figure is printed."""
        return f"{self.value:,}" if self.value is not None else self.mark

    @property
    def chart_value(self) -> int:
        """The bar height to draw: withheld figures draw nothing."""
        return self.value or 0


@dataclass(frozen=True)
class Row:
    """A labelled row of published figures."""

    label: str
    counts: tuple[Count, ...]


@dataclass(frozen=True)
class Table:
    """A titled one-way table with its columns and an optional totals row."""

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    total: Row | None = None


@dataclass
class UsageReport:
    """Everything the monthly report prints, already protected."""

    month: str
    first_day: date
    last_day: date
    tables: dict[str, Table] = field(default_factory=dict)
    answered_share: int | None = None  # whole percent, only when both counts are printed
    segments: Count = Count(None, SMALL)
    cost: str | None = None
    has_data: bool = False


def protect(values: Sequence[int], *, total_printed: bool = True) -> list[Count]:
    """Withhold small cells, and enough others that none can be worked out from the total."""
    counts = [Count(v) if v >= THRESHOLD else Count(None, SMALL) for v in values]
    small = [v for v in values if v < THRESHOLD]
    if not total_printed or not small or len(small) == len(values):
        return counts
    # Several small cells summing to 4 each are all pinned to 4; summing to 0 they are all 0,
    # which names nobody, so that case is left alone.
    pinned = sum(small) == (THRESHOLD - 1) * len(small)
    if len(small) == 1 or pinned:
        shown = [i for i, c in enumerate(counts) if c.value is not None]
        smallest = min(shown, key=lambda i: values[i])
        counts[smallest] = Count(None, WITHHELD)
    return counts


def small_count(value: int) -> Count:
    """A single figure with only the small-count rule."""
    return Count(value) if value >= THRESHOLD else Count(None, SMALL)


def parse_month(text: str) -> tuple[date, date]:
    """First and last day of a YYYY-MM month."""
    try:
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise ReportError(f"{text!r} is not a month; write it as YYYY-MM, e.g. 2026-03.") from None
    return first, first.replace(day=monthrange(year, month)[1])


def previous_month(today: date) -> str:
    """The calendar month before today's, as YYYY-MM."""
    last = today.replace(day=1) - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


@dataclass(frozen=True)
class _Event:
    day: date
    channel: str
    event: str
    keyword: str
    area: str
    language: str
    found: int
    count: int
    segments: int


def _weeks(first: date, last: date) -> list[tuple[date, date]]:
    weeks, start = [], first
    while start <= last:
        end = min(start + timedelta(days=6 - start.weekday()), last)  # weeks end on Sunday
        weeks.append((start, end))
        start = end + timedelta(days=1)
    return weeks


def _week_label(start: date, end: date) -> str:
    month = start.strftime("%b")
    return f"{start.day} {month}" if start == end else f"{start.day}-{end.day} {month}"


def _table(
    key: str, title: str, columns: Sequence[str], labels: Sequence[str], data: Sequence[list[int]]
) -> Table:
    """Protect each column against its printed total and assemble the table."""
    protected = [protect(column) for column in data]
    rows = tuple(
        Row(label, tuple(protected[c][r] for c in range(len(data))))
        for r, label in enumerate(labels)
    )
    total = Row("Total", tuple(small_count(sum(column)) for column in data))
    return Table(key, title, tuple(columns), rows, total)


def _pooled(
    key: str, title: str, columns: Sequence[str], tallies: Sequence[Counter[str]], other: str
) -> Table:
    """An open-ended list: rows under 5 in every column (or past the top rows) pooled."""
    labels = sorted(
        {label for tally in tallies for label in tally},
        key=lambda label: (-sum(t[label] for t in tallies), label),
    )
    named = [lb for lb in labels if any(t[lb] >= THRESHOLD for t in tallies)][:TOP_ROWS]
    rest = [lb for lb in labels if lb not in named]
    data = [[t[lb] for lb in named] for t in tallies]
    shown_labels = list(named)
    if rest:
        shown_labels.append(other)
        for column, tally in zip(data, tallies, strict=True):
            column.append(sum(tally[lb] for lb in rest))
    return _table(key, title, columns, shown_labels, data)


def build_report(
    conn: sqlite3.Connection,
    month: str,
    *,
    segment_price: float | None = None,
    currency: str = "£",
    language_names: dict[str, str] | None = None,
    keyword_names: dict[str, str] | None = None,
) -> UsageReport:
    """Sum one month of usage counts into protected tables."""
    first, last = parse_month(month)
    events = [_Event(date.fromisoformat(r[0]), *r[1:]) for r in usage_rows(conn, first, last)]
    report = UsageReport(month, first, last, has_data=bool(events))
    names = language_names or {}
    questions = [e for e in events if e.channel == "sms" and e.event in SMS_QUESTIONS]
    kiosk = [e for e in events if e.channel == "kiosk"]

    weeks = _weeks(first, last)
    weekly: list[list[int]] = [[0] * len(weeks) for _ in range(1 + len(KIOSK_EVENTS))]
    for e in events:
        week = next(i for i, (a, b) in enumerate(weeks) if a <= e.day <= b)
        if e.channel == "sms" and e.event in SMS_QUESTIONS:
            weekly[0][week] += e.count
        elif e.channel == "kiosk" and e.event in KIOSK_EVENTS:
            weekly[1 + KIOSK_EVENTS.index(e.event)][week] += e.count
    columns = ("SMS conversations", "Kiosk searches", "Kiosk views", "Kiosk prints", "Kiosk texts")
    report.tables["weekly"] = _table(
        "weekly", "Use by week", columns, [_week_label(a, b) for a, b in weeks], weekly
    )

    keywords: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    sms_languages: Counter[str] = Counter()
    outcome = [0, 0]
    for e in questions:
        keywords[(keyword_names or {}).get(e.keyword, e.keyword) or "(place only)"] += e.count
        areas[e.area or "(no area)"] += e.count
        outcome[0 if e.found == 1 else 1] += e.count
    for e in events:
        # Conversations, not texts: one family texting ten times is one conversation.
        if e.channel == "sms" and e.event == "session":
            sms_languages[names.get(e.language, e.language or "unknown")] += e.count
    kiosk_languages: Counter[str] = Counter()
    for e in kiosk:
        # Family sessions (one each, counted at the reset that ends it), not searches or taps.
        if e.event == "session":
            kiosk_languages[names.get(e.language, e.language or "unknown")] += e.count
    report.tables["keywords"] = _pooled(
        "keywords", "Top SMS keywords", ["Conversations"], [keywords], "Other keywords"
    )
    report.tables["areas"] = _pooled(
        "areas", "Areas (outward code)", ["Conversations"], [areas], "Other areas"
    )
    report.tables["languages"] = _pooled(
        "languages",
        "Languages",
        ["SMS conversations", "Kiosk sessions"],
        [sms_languages, kiosk_languages],
        "Other languages",
    )
    outcomes = _table(
        "outcome", "Answered or no result", ["Conversations"], ["Answered", "No result"], [outcome]
    )
    report.tables["outcome"] = outcomes
    answered, missed = (row.counts[0] for row in outcomes.rows)
    if answered.value is not None and missed.value is not None:
        report.answered_share = round(100 * answered.value / (answered.value + missed.value))

    segments = sum(e.segments for e in events if e.channel == "sms")
    report.segments = small_count(segments)
    if segment_price is not None and report.segments.value is not None:
        report.cost = f"{currency}{segments * segment_price:,.2f}"
    others = [("Opt-outs (STOP)", "optout"), ("Texts that also got a helpline", "distress")]
    report.tables["sms_other"] = Table(
        "sms_other",
        "Other SMS figures",
        ("Count",),
        tuple(
            Row(label, (small_count(sum(e.count for e in events if e.event == name)),))
            for label, name in others
        ),
    )
    return report


def _csv_rows(report: UsageReport) -> Iterable[list[str]]:
    yield ["month", "table", "row", "column", "value"]
    for table in report.tables.values():
        rows = [*table.rows, *([table.total] if table.total else [])]
        for row in rows:
            for column, count in zip(table.columns, row.counts, strict=True):
                yield [report.month, table.title, row.label, column, count.text]
    share = "" if report.answered_share is None else f"{report.answered_share}%"
    yield [report.month, "Answered or no result", "Share answered", "Conversations", share]
    yield [report.month, "SMS segments", "Segments sent", "Segments", report.segments.text]
    if report.cost is not None:
        yield [report.month, "SMS segments", "Estimated cost", "Cost", report.cost]


def report_csv(report: UsageReport) -> str:
    """The report's figures as CSV (one figure per line, withheld ones as '<5' or 'x')."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(neutralise_row(row) for row in _csv_rows(report))
    return buffer.getvalue()


__all__ = [
    "Count",
    "ReportError",
    "Row",
    "Table",
    "UsageReport",
    "build_report",
    "parse_month",
    "previous_month",
    "protect",
    "report_csv",
]
