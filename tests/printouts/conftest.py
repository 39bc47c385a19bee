"""Printouts fixtures: PDFs read back (pypdf, poppler), QR codes decoded (zbar).

The real CUPS (`cups_queue`, `printed`) lives in tests/cups_fixture.py, shared with the kiosk.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

MM = 72 / 25.4


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is missing: run `make system-deps` as root (poppler-utils, zbar-tools, cups)."
        )
    return path


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    """Every page's media box in millimetres."""
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width) / MM, float(p.mediabox.height) / MM) for p in reader.pages]


def page_text(pdf: bytes, page: int) -> str:
    """One page's text from pdftotext (1-based page), whitespace collapsed to single spaces."""
    done = subprocess.run(
        [_need("pdftotext"), "-f", str(page), "-l", str(page), "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return " ".join(done.stdout.decode("utf-8").replace("\u00a0", " ").split())


def decode_qr(pdf: bytes, page: int, dpi: int = 300) -> list[str]:
    """Render one page with pdftoppm and decode every QR code on it with zbarimg."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        stem = Path(folder) / "page"
        render = [_need("pdftoppm"), "-r", str(dpi), "-gray", "-png", "-singlefile"]
        render += ["-f", str(page), "-l", str(page), str(source), str(stem)]
        subprocess.run(render, check=True)
        scan = [_need("zbarimg"), "--quiet", "-Sdisable", "-Sqrcode.enable"]
        done = subprocess.run([*scan, f"{stem}.png"], capture_output=True)
    # zbarimg exits 4 when it finds nothing; the caller's assertion then says what was expected.
    # Each symbol is printed as "QR-Code:<payload>" on a new line (--raw would run them together).
    output = done.stdout.decode("utf-8")
    return [p.rstrip("\n") for p in re.split(r"(?:^|\n)QR-Code:", output) if p.strip()]


def render_gray(pdf: bytes, page: int, width: int = 600, height: int = 380) -> bytes:
    """One page rendered to exactly width x height grey pixels (PGM body), for comparisons."""
    command = [_need("pdftoppm"), "-gray", "-scale-to-x", str(width), "-scale-to-y", str(height)]
    command += ["-f", str(page), "-l", str(page), "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, check=True)
    # Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    return done.stdout[-width * height :]


def pixel_difference(a: bytes, b: bytes) -> float:
    """The share of pixels whose grey levels differ by more than a quarter of the range."""
    assert len(a) == len(b)
    return sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 64) / len(a)


def fonts_of(pdf: bytes) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) for every font used on every page."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return sorted(found.items())


@pytest.fixture(scope="session")
def pdf_tools() -> None:
    """Fail clearly (never skip) when poppler or zbar are missing."""
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        _need(tool)


@pytest.fixture
def read_pdf() -> dict[str, Callable[..., object]]:
    """The read-back helpers, as a fixture (tests are imported in importlib mode)."""
    return {
        "sizes": page_sizes_mm,
        "text": page_text,
        "qr": decode_qr,
        "fonts": fonts_of,
        "render": render_gray,
        "difference": pixel_difference,
    }
