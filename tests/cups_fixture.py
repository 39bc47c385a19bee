"""A real CUPS scheduler with a cups-pdf queue, shared by every test package that prints.

The fixtures are imported into tests/conftest.py, so one session-wide cupsd serves the printouts
and the kiosk tests alike (mark those tests `cups` and `xdist_group("cups")`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

QUEUE = "WaypostPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(
            f"{tool} is missing: run `make system-deps` as root (poppler-utils, zbar-tools, cups)."
        )
    return path


def _scheduler_running() -> bool:
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in done.stdout and "not" not in done.stdout


@pytest.fixture(scope="session")
def cups_queue() -> Iterator[tuple[str, Path]]:
    """A real CUPS scheduler with a cups-pdf queue; yields (queue, folder the PDFs land in).

    Starts /usr/sbin/cupsd when none is running and stops it (by its pid) afterwards.
    """
    if os.geteuid() != 0:
        pytest.fail("The CUPS tests need root (to start cupsd and add a queue); CI runs as root.")
    for tool in ("lp", "lpstat", "lpadmin"):
        _need(tool)
    if not Path("/usr/sbin/cupsd").exists() or not PPD.exists():
        pytest.fail("cupsd or the cups-pdf PPD is missing: run `make system-deps` as root.")
    started: subprocess.Popen[bytes] | None = None
    if not _scheduler_running():
        started = subprocess.Popen(
            ["/usr/sbin/cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 15
        while not _scheduler_running():
            if time.monotonic() > deadline or started.poll() is not None:
                started.kill()
                pytest.fail("cupsd did not start within 15 s.")
            time.sleep(0.1)
    subprocess.run(
        ["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(PPD)],
        check=True,
        capture_output=True,
    )
    # cups-pdf writes to the submitting user's ~/PDF (see /etc/cups/cups-pdf.conf: Out ${HOME}/PDF).
    yield QUEUE, Path.home() / "PDF"
    if started is not None:
        started.terminate()
        try:
            started.wait(10)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()


def wait_for_output(folder: Path, job: str, timeout: float = 30.0) -> bytes:
    """The PDF cups-pdf wrote for a job id such as "WaypostPDF-7" (it names files *-job_7.pdf)."""
    token = f"-job_{job.rsplit('-', 1)[1]}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if folder.is_dir():
            for path in sorted(folder.glob(f"*{token}.pdf")):
                data = path.read_bytes()
                if data.rstrip().endswith(b"%%EOF"):
                    path.unlink()
                    return data
        time.sleep(0.2)
    listing = sorted(p.name for p in folder.glob("*")) if folder.is_dir() else "missing"
    raise AssertionError(f"no cups-pdf output for {token!r} in {folder} (found {listing})")


@pytest.fixture
def printed() -> Callable[[Path, str], bytes]:
    """A function that waits for cups-pdf's output for a job id."""
    return wait_for_output
