"""Printouts: one wallet card, one 10-up sheet and one poster, in ms (in-process) and bytes.

Targets (issue 5): card <= 50 ms and sheet <= 200 ms warm, card PDF <= 60 kB with an embedded
subset font. The baseline (x base) is one Greek line in embedded DejaVu, timed in the same run.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from directory import build, open_content
from directory.lookup.centre import centre_service_ids
from directory.lookup.services import get_service
from printouts.centre import centre_card, service_card
from printouts.poster import poster_column, poster_pdf
from printouts.sheet import sheet_pdf
from printouts.typography import REGULAR, new_canvas
from printouts.wallet_card import wallet_card_pdf

ROOT = Path(__file__).resolve().parent.parent

RUNS = 30
SMS = "07700 900123"


def measure(make: Callable[[], bytes]) -> tuple[float, float, int]:
    """(first call ms, median of RUNS warm calls ms, bytes)."""
    started = time.perf_counter()
    pdf = make()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        make()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times), len(pdf)


def helvetica_line() -> bytes:
    """The floor: reportlab writing one line in a standard (unembedded) font."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.drawString(72, 720, "Waypost")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def dejavu_line() -> bytes:
    """The baseline: one Greek line in embedded, subset DejaVu Sans (the cost of the font)."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, "baseline", "el")
    canvas.setFont(REGULAR, 10)
    canvas.drawString(72, 720, "Βοήθεια για οικογένειες κρατουμένων")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def main() -> int:
    """Build the directory from data/, then time each printout."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "directory.db"
        build(ROOT / "data", path)
        db = open_content(path)
        detail = get_service(db, "prisoners-families-helpline", "el")
        centre = "Lewes Visitor Centre"
        cards = [centre_card(db, "LWI", language="el", centre_name=centre, sms_number=SMS)]
        cards += [
            service_card(db, s, language="el", centre_name=centre, sms_number=SMS)
            for s in centre_service_ids(db, "LWI", "el")
        ]
        columns = [poster_column(db, "el", "BN7 1EA"), poster_column(db, "en", "BN7 1EA")]
        cases: list[tuple[str, Callable[[], bytes], float | None, int | None]] = [
            ("floor: 1 line, Helvetica", helvetica_line, None, None),
            ("baseline: 1 line, DejaVu embedded", dejavu_line, None, None),
            (
                "wallet card (el, 2 pages)",
                lambda: wallet_card_pdf(detail, language="el", centre_name=centre, sms_number=SMS),
                50.0,
                60_000,
            ),
            ("sheet of 10 (el, with backs)", lambda: sheet_pdf(cards, language="el"), 200.0, None),
            ("poster (el + en)", lambda: poster_pdf(columns, sms_number=SMS), None, None),
        ]
        base = None
        print(f"{'printout':34} {'first ms':>9} {'median ms':>10} {'x base':>7} {'bytes':>8}")
        for name, make, ms_target, size_target in cases:
            first, median, size = measure(make)
            if make is dejavu_line:
                base = median
            ratio = f"{median / base:7.1f}" if base else f"{'':7}"
            print(f"{name:34} {first:9.1f} {median:10.1f} {ratio} {size:8d}")
            if ms_target is not None:
                state = "met" if median <= ms_target else "MISSED"
                print(f"  target <= {ms_target:.0f} ms: {state}")
            if size_target is not None:
                state = "met" if size <= size_target else "MISSED"
                print(f"  target <= {size_target // 1000} kB: {state}")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
