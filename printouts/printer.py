"""Sending a PDF to a CUPS queue with `lp`: the only module here that talks to a printer."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from printouts.wallet_card import CARD_MEDIA

__all__ = ["CARD_MEDIA", "PrintError", "print_pdf"]

log = logging.getLogger(__name__)

LP_TIMEOUT_S = 30
_REQUEST_ID = re.compile(r"request id is (\S+)")
_QUEUE = re.compile(r"^[A-Za-z0-9_.@/-]{1,127}$")


class PrintError(Exception):
    """Printing failed; str() is safe to show a family, `detail` is for a volunteer or the log."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


def print_pdf(
    pdf: bytes, *, printer: str | None = None, media: str = "A4", title: str = "Waypost"
) -> str:
    """Send a PDF to CUPS with `lp` at the given media size; returns the job id, e.g. "PDF-12"."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrintError("The printer is not available.", "the lp command (CUPS) is not installed")
    if printer is not None and not _QUEUE.match(printer):
        raise PrintError("The printer is not available.", f"{printer!r} is not a queue name")
    command = [lp, "-t", _title(title), "-o", f"media={media}", "-o", "fit-to-page=false"]
    if printer:
        command[1:1] = ["-d", printer]
    with tempfile.TemporaryDirectory(prefix="waypost-print-") as folder:
        path = Path(folder) / "printout.pdf"
        path.write_bytes(pdf)
        command.append(str(path))
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=LP_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            log.warning("lp timed out after %s s (queue %s)", LP_TIMEOUT_S, printer or "default")
            raise PrintError(
                "The printer did not answer. Please ask a volunteer.", "lp timed out"
            ) from None
    detail = (done.stderr or done.stdout).strip()
    if done.returncode != 0:
        log.warning("lp failed (queue %s): %s", printer or "default", detail)
        raise PrintError("The printer is not available. Please ask a volunteer.", detail)
    match = _REQUEST_ID.search(done.stdout)
    if not match:
        log.warning("lp gave no request id (queue %s): %s", printer or "default", detail)
        raise PrintError("The printer did not take the job. Please ask a volunteer.", detail)
    job = match.group(1)
    log.info("printed %s (%d bytes, media %s) as %s", title, len(pdf), media, job)
    return job


def _title(title: str) -> str:
    # Job titles show in the queue list; keep them short and on one line.
    return " ".join(title.split())[:60] or "Waypost"
