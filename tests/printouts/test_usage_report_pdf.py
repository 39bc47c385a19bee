"""The usage report PDF read back: headings, figures, charts, embedded fonts, no small counts."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner
from pypdf import PdfReader

from directory import open_state
from directory.reports.usage_figures import build_report
from directory.state.usage import record_event
from directory.text.i18n import LANGUAGES
from printouts.usage_report import build_usage_report_pdf
from waypost.cli import cli

HEADINGS = [
    "Waypost usage report: March 2026",
    "Use by week",
    "Top SMS keywords",
    "Languages",
    "Areas (outward code)",
    "Answered or no result",
]


def _fill(state_path: Path) -> None:
    conn = open_state(state_path)
    for i in range(37):
        record_event(conn, "sms", "search", keyword="housing", area="BN7", language="el",
                     found=i % 6 != 0, segments=2, day=date(2026, 3, 1 + i % 31))  # fmt: skip
    for i in range(21):
        record_event(conn, "sms", "search", keyword="money", area="BN1", language="en",
                     found=True, segments=1, day=date(2026, 3, 10 + i % 5))  # fmt: skip
    for _ in range(3):
        record_event(conn, "sms", "search", keyword="abuse", area="RH15", language="ro",
                     found=False, segments=1, day=date(2026, 3, 20))  # fmt: skip
    for language, n in (("el", 37), ("en", 21), ("ro", 3)):  # each search a new conversation
        for _ in range(n):
            record_event(conn, "sms", "session", language=language, day=date(2026, 3, 20))
    for event, n in (("view", 44), ("print", 9), ("text", 2), ("search", 30)):
        for i in range(n):
            record_event(conn, "kiosk", event, keyword="money", language="en",
                         day=date(2026, 3, 1 + i % 30))  # fmt: skip
    conn.close()


def _pdf(state_path: Path) -> bytes:
    conn = open_state(state_path)
    report = build_report(conn, "2026-03", segment_price=0.05, language_names=LANGUAGES)
    conn.close()
    return build_usage_report_pdf(report, "Lewes Visitor Centre")


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_report_shows_headings_and_real_figures(state_path: Path) -> None:
    _fill(state_path)
    pdf = _pdf(state_path)
    reader = PdfReader(io.BytesIO(pdf))
    assert 2 <= len(reader.pages) <= 5
    text = _text(pdf)
    for heading in HEADINGS:
        assert heading in text
    assert "Lewes Visitor Centre" in text
    assert re.search(r"SMS conversations\s+61", text)  # 37 + 21 + 3
    assert re.search(r"Kiosk views\s+44", text)
    assert re.search(r"SMS segments sent\s+98", text)
    assert "£4.90" in text
    assert "Ελληνικά" in text  # Greek drawn with the embedded DejaVu font
    assert "housing" in text and "37" in text


def test_small_counts_never_reach_the_page(state_path: Path) -> None:
    _fill(state_path)
    text = _text(_pdf(state_path))
    assert "RH15" not in text and "abuse" not in text and "Română" not in text
    assert "<5" in text  # the 2 kiosk texts and the pooled rows
    assert not re.search(r"Kiosk texts\s+2\b", text)


def test_charts_are_drawn(state_path: Path) -> None:
    _fill(state_path)
    pdf = _pdf(state_path)
    text = _text(pdf)
    # Week labels appear on the two weekly charts' axes and in the table.
    assert text.count("9-15 Mar") == 3
    content = b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert content.count(b" re") > 30  # bars are filled rectangles


def test_every_font_is_embedded(state_path: Path) -> None:
    _fill(state_path)
    reader = PdfReader(io.BytesIO(_pdf(state_path)))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts and all("DejaVuSans" in name for name in fonts)
    for font in fonts.values():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


def test_same_counts_give_the_same_file(state_path: Path) -> None:
    _fill(state_path)
    assert _pdf(state_path) == _pdf(state_path)


def test_an_empty_month_still_makes_a_report(state_path: Path) -> None:
    conn = open_state(state_path)
    report = build_report(conn, "2026-03")
    conn.close()
    text = _text(build_usage_report_pdf(report))
    assert "No usage was counted in this month." in text


def test_the_report_command_writes_pdf_and_csv(
    state_path: Path, built_db: Path, tmp_path: Path
) -> None:
    _fill(state_path)
    out = tmp_path / "reports" / "march.pdf"
    args = ["report", "--month", "2026-03", "-o", str(out)]
    result = CliRunner().invoke(cli, [*args, "--state-db", str(state_path), "--db", str(built_db)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    rows = out.with_suffix(".csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "month,table,row,column,value"
    assert any(",Total,SMS conversations,61" in row for row in rows)
    assert "Housing" in _text(out.read_bytes())  # category labels from the directory


def test_the_report_command_explains_a_bad_month(state_path: Path) -> None:
    _fill(state_path)
    result = CliRunner().invoke(
        cli, ["report", "--month", "03/2026", "--state-db", str(state_path)]
    )
    assert result.exit_code == 2
    assert "YYYY-MM" in result.output
