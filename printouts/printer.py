"""Sending a PDF to a CUPS queue with `lp`: the only module here that talks to a printer."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from printouts.wallet_card import CARD_MEDIA

__all__ = ["CARD_MEDIA", "PrintError", "PrinterState", "plain_reason", "print_pdf", "printer_state"]

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


State = Literal["ready", "printing", "paused", "out-of-paper", "unavailable"]
# CUPS printer-state-reasons that mean the paper ran out (IPP keywords, with or without the
# -error/-warning suffix CUPS adds).
_NO_PAPER = ("media-empty", "media-needed")


@dataclass(frozen=True)
class PrinterState:
    """A CUPS queue's state in one word, with CUPS's own words for the detail (for volunteers)."""

    queue: str
    state: State
    detail: str = ""


def printer_state(printer: str | None) -> PrinterState:
    """Ask CUPS (lpstat) how the queue is: ready, printing, paused, out of paper or unavailable."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return PrinterState(printer or "", "unavailable", "the lpstat command (CUPS) is missing")
    if printer is not None and not _QUEUE.match(printer):
        return PrinterState(printer, "unavailable", "not a queue name")
    queue = printer
    if queue is None:
        default = _lpstat([lpstat, "-d"])
        queue = default.rsplit(":", 1)[1].strip() if ":" in default else ""
        if not queue:
            return PrinterState("", "unavailable", default or "no default printer is set")
    status = _lpstat([lpstat, "-l", "-p", queue])
    accepting = _lpstat([lpstat, "-a", queue])
    return _parse_state(queue, status, accepting)


def _lpstat(command: list[str]) -> str:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=LP_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return "lpstat timed out"
    return (done.stdout + done.stderr).strip()


def _parse_state(queue: str, status: str, accepting: str) -> PrinterState:
    first = status.splitlines()[0] if status else ""
    if not first.startswith(f"printer {queue} "):
        return PrinterState(queue, "unavailable", first or "CUPS gave no answer")
    alerts = " ".join(
        line.split(":", 1)[1].strip()
        for line in status.splitlines()
        if line.strip().startswith(("Alerts:", "Alert:"))
    )
    if any(reason in alerts for reason in _NO_PAPER):
        return PrinterState(queue, "out-of-paper", alerts)
    if " disabled " in f"{first} " or "not accepting" in accepting:
        reason = next(
            (line.strip() for line in status.splitlines()[1:2] if line.startswith("\t")), ""
        )
        return PrinterState(queue, "paused", reason or first)
    if " now printing " in first:
        return PrinterState(queue, "printing", first)
    return PrinterState(queue, "ready", first)


def plain_reason(error: PrintError, state: PrinterState | None = None) -> str:
    """Why a print job failed, as a short code a front end puts into plain, translated words:
    paused, out-of-paper, no-such-printer, no-cups, no-answer, cups-stopped or refused."""
    detail = error.detail.lower()
    if state is not None and state.state in ("paused", "out-of-paper"):
        return state.state
    if "does not exist" in detail or "not a queue name" in detail or "unknown" in detail:
        return "no-such-printer"
    if "not installed" in detail or "is missing" in detail:
        return "no-cups"
    if "timed out" in detail:
        return "no-answer"
    if "not accepting" in detail:
        return "paused"
    if "scheduler is not running" in detail or "unable to connect" in detail:
        return "cups-stopped"
    return "refused"
