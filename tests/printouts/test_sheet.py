"""Sheets of ten: A4 pages, every QR readable, crop marks only in the margins, calibration."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from directory import ContentDB
from directory.lookup.centre import centre_service_ids
from printouts.centre import centre_card, service_card
from printouts.qr import MM
from printouts.sheet import LAYOUTS, PAGE_H, PAGE_W, calibration_pdf, crop_marks, sheet_pdf

pytestmark = pytest.mark.usefixtures("pdf_tools")
SMS = "07700 900123"


def _cards(content: ContentDB, language: str) -> list[Any]:
    ids = centre_service_ids(content, "LWI", language)
    cards = [centre_card(content, "LWI", language=language, centre_name="Lewes", sms_number=SMS)]
    return cards + [service_card(content, s, language=language, sms_number=SMS) for s in ids]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_mixed_sheet_every_qr_scans(content: ContentDB, layout: str, read_pdf: Any):
    cards = _cards(content, "el")
    assert len(cards) == 10
    pdf = sheet_pdf(cards, layout=layout, language="el")
    sizes = read_pdf["sizes"](pdf)
    assert len(sizes) == 2  # fronts, then backs
    for width, height in sizes:
        assert (width, height) == (pytest.approx(210, abs=0.1), pytest.approx(297, abs=0.1))
    decoded = sorted(read_pdf["qr"](pdf, 1))
    assert decoded == sorted(c.qr_payload for c in cards if c.qr_payload)
    assert read_pdf["qr"](pdf, 2) == []
    assert read_pdf["text"](pdf, 2).count("Lewes") >= 1


@pytest.mark.parametrize(("count", "backs", "pages"), [(1, True, 2), (10, False, 1), (12, True, 4)])
def test_pages_follow_the_card_count(
    content: ContentDB, count: int, backs: bool, pages: int, read_pdf: Any
):
    card = service_card(content, "samaritans-helpline", language="en")
    pdf = sheet_pdf([card] * count, backs=backs)
    assert len(read_pdf["sizes"](pdf)) == pages
    assert read_pdf["qr"](pdf, 1) == [card.qr_payload] * min(count, 10)


def _inside(x: float, y: float, rect: tuple[float, float, float, float]) -> bool:
    left, bottom, right, top = rect
    return left - 0.5 * MM < x < right + 0.5 * MM and bottom - 0.5 * MM < y < top + 0.5 * MM


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("dx", "dy"), [(0.0, 0.0), (1.5, -1.0), (-2.0, 2.0)])
def test_crop_marks_only_in_the_margins(layout: str, dx: float, dy: float):
    grid = LAYOUTS[layout]
    rects = []
    for i in range(grid.per_page):
        x, y = grid.slot(i, dx, dy)
        rects.append((x, y, x + grid.card_w * MM, y + grid.card_h * MM))
        assert (
            x >= 0 and x + grid.card_w * MM <= PAGE_W and y >= 0 and y + grid.card_h * MM <= PAGE_H
        )
    marks = crop_marks(grid, dx, dy)
    # Every cut line has a mark: two per distinct card edge.
    edges_x = {round(r[0], 3) for r in rects} | {round(r[2], 3) for r in rects}
    edges_y = {round(r[1], 3) for r in rects} | {round(r[3], 3) for r in rects}
    assert len(marks) == 2 * (len(edges_x) + len(edges_y))
    for x1, y1, x2, y2 in marks:
        assert (x1, y1) != (x2, y2)
        for t in (0.0, 0.25, 0.5, 0.75, 1.0):
            x, y = x1 + (x2 - x1) * t, y1 + (y2 - y1) * t
            assert 0 <= x <= PAGE_W and 0 <= y <= PAGE_H
            assert not any(_inside(x, y, r) for r in rects), (layout, (x1, y1, x2, y2))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_cards_do_not_overlap(layout: str):
    grid = LAYOUTS[layout]
    slots = [grid.slot(i) for i in range(grid.per_page)]
    for i, (x1, y1) in enumerate(slots):
        for x2, y2 in slots[i + 1 :]:
            apart_x = abs(x1 - x2) >= grid.card_w * MM - 1e-6
            apart_y = abs(y1 - y2) >= grid.card_h * MM - 1e-6
            assert apart_x or apart_y


def test_offsets_move_the_whole_grid():
    grid = LAYOUTS["avery-c32011"]
    x0, y0 = grid.slot(3)
    x1, y1 = grid.slot(3, 1.0, 2.0)
    assert x1 - x0 == pytest.approx(1.0 * MM)
    assert y0 - y1 == pytest.approx(2.0 * MM)  # positive y offset moves the cards down the page
    before, after = crop_marks(grid), crop_marks(grid, 1.0, 2.0)
    assert [m[0] + 1.0 * MM for m in before] == pytest.approx([m[0] for m in after], abs=0.01)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_calibration_page(layout: str, read_pdf: Any):
    pdf = calibration_pdf(layout=layout, offset_x_mm=-1.0)
    assert len(read_pdf["sizes"](pdf)) == 1
    text = read_pdf["text"](pdf, 1)
    assert layout in text and "100 mm" in text and "x -1.0 mm" in text
    for name, embedded in read_pdf["fonts"](pdf):
        assert "DejaVuSans" in name and embedded


def test_sheet_is_deterministic(content: ContentDB):
    cards = _cards(content, "ro")
    assert sheet_pdf(cards, language="ro") == sheet_pdf(cards, language="ro")


def _region_text(pdf: bytes, page: int, x: float, y: float, w: float, h: float) -> str:
    """Text inside a box on a page (points from the top left), read with pdftotext."""
    box = [str(int(v)) for v in (x, y, w, h)]
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-r", "72"]
    command += ["-x", box[0], "-y", box[1], "-W", box[2], "-H", box[3], "-", "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_backs_sit_behind_their_fronts_for_long_edge_duplex(content: ContentDB):
    left = service_card(content, "samaritans-helpline", language="en", centre_name="Left Centre")
    right = service_card(content, "childline", language="en", centre_name="Right Centre")
    pdf = sheet_pdf([left, right], layout="avery-c32011")
    grid = LAYOUTS["avery-c32011"]
    half = PAGE_W / 2
    row = (grid.top * MM, grid.card_h * MM)
    assert "Samaritans" in _region_text(pdf, 1, 0, row[0], half, row[1])
    assert "Childline" in _region_text(pdf, 1, half, row[0], half, row[1])
    # Turned over on its long edge, the left card's back is on the right of page 2.
    assert "Left Centre" in _region_text(pdf, 2, half, row[0], half, row[1])
    assert "Right Centre" in _region_text(pdf, 2, 0, row[0], half, row[1])
