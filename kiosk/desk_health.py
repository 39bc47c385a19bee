"""The directory's health for the volunteers' desk, and its "Sync now" (from worker threads)."""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from directory import open_state
from directory.releases.sync import ReleaseNotNewer, SyncError, sync
from directory.releases.trust import shown
from directory.state.checks import waiting_count
from directory.state.outbox import outbox_counts
from directory.state.sync_log import LastSync, last_sync, note_sync
from kiosk.backend import Backend
from kiosk.desk import Progress
from kiosk.settings import KioskSettings

SYNC_TIMER = "waypost-sync.timer"
PROBE_TIMEOUT = 3.0


@dataclass(frozen=True)
class Health:
    """Everything the health screen shows, read in one go."""

    version: str
    built_at: str
    last_sync: LastSync | None
    next_sync: str  # "" when no timer is known on this machine
    syncing: bool
    outbox_queued: int
    outbox_failed: int
    checks_waiting: int
    sms_line: str  # "ok", "down", or "" when the gateway is not on this machine


@dataclass(frozen=True)
class SyncOutcome:
    """What "Sync now" did: installed, up to date, or failed (with the core's own words)."""

    outcome: str
    version: str
    message: str


def read_health(settings: KioskSettings, backend: Backend) -> Health:
    """The directory's version, syncs, outbox, waiting checks and the SMS line, now."""
    about = backend.about()
    conn = open_state(settings.state_db)
    try:
        counts = outbox_counts(conn)
        synced = last_sync(conn)
        waiting = waiting_count(conn)
    finally:
        conn.close()
    return Health(
        version=about.version,
        built_at=about.built_at,
        last_sync=synced,
        next_sync=next_timer_run(SYNC_TIMER),
        syncing=settings.syncing,
        outbox_queued=counts.get("queued", 0),
        outbox_failed=counts.get("failed", 0),
        checks_waiting=waiting,
        sms_line=_probe(settings.sms_health_url) if settings.sms_health_url else "",
    )


def next_timer_run(timer: str) -> str:
    """When systemd runs the timer next (its own words), or "" where it cannot say."""
    systemctl = shutil.which("systemctl")
    if systemctl is None:
        return ""
    try:
        done = subprocess.run(
            [systemctl, "show", timer, "--property=NextElapseUSecRealtime", "--value"],
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT,
            check=False,
        )
    except (subprocess.TimeoutExpired, OSError):
        return ""
    value = done.stdout.strip()
    return value if done.returncode == 0 and value and value != "n/a" else ""


def _probe(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=PROBE_TIMEOUT) as response:  # noqa: S310
            body = response.read(4096)
    except (urllib.error.URLError, OSError, ValueError):
        return "down"
    # The gateway's /healthz answers {"ok": true, ...} (and 503 when it is not well).
    try:
        ok = json.loads(body).get("ok") is True
    except (ValueError, AttributeError):
        ok = False
    return "ok" if ok else "down"


def sync_now(settings: KioskSettings, progress: Progress) -> SyncOutcome:
    """Fetch and install the site's release now, through the same core sync as `waypost sync`."""
    if settings.sync_url is None:
        return SyncOutcome("not-set-up", "", "")
    source = shown(settings.sync_url)
    signed = settings.release_public_key is not None
    try:
        result = sync(
            settings.sync_url,
            Path(settings.db),
            public_key=settings.release_public_key,
            state_path=Path(settings.state_db),
            progress=progress,
        )
    except ReleaseNotNewer as exc:
        outcome = SyncOutcome("up-to-date" if exc.same else "older", "", str(exc))
    except SyncError as exc:
        outcome = SyncOutcome("failed", "", str(exc))
    else:
        outcome = SyncOutcome("installed", result.version, "")
    conn = open_state(settings.state_db)
    try:
        note_sync(
            conn,
            source=source,
            signed=signed,
            version=outcome.version,
            outcome=outcome.outcome,
        )
    finally:
        conn.close()
    return outcome
