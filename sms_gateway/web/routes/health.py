"""GET /healthz: the directory's version and age, and whether the state database is writable."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from directory.db.connections import open_state, state_writable
from directory.errors import ContentUnavailable
from directory.settings import CommonSettings
from directory.state.outbox import waiting_too_long
from sms_gateway.web.deps import GatewayDep

router = APIRouter()


def _age_hours(built_at: str) -> float | None:
    try:
        built = datetime.fromisoformat(built_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if built.tzinfo is None:
        built = built.replace(tzinfo=UTC)
    return round((datetime.now(UTC) - built).total_seconds() / 3600, 1)


def _stuck_texts(state_db: Path, settings: CommonSettings) -> int:
    """Texts waiting longer than outbox_stale_seconds: a sender that is stuck or not running."""
    try:
        conn = open_state(state_db)
    except Exception:
        return 0  # an unopenable state db is reported as not writable
    try:
        return waiting_too_long(conn, settings.outbox_stale_seconds)
    finally:
        conn.close()


@router.get("/healthz")
async def healthz(gateway: GatewayDep) -> JSONResponse:
    """200 when the directory opens and the state database takes writes, else 503."""
    content: dict[str, object] = {"ok": False}
    try:
        db = gateway.content.get()
        content = {
            "ok": True,
            "version": db.version,
            "built_at": db.built_at,
            "age_hours": _age_hours(db.built_at),
        }
    except ContentUnavailable as exc:
        content["error"] = str(exc)
    writable = await run_in_threadpool(state_writable, gateway.settings.state_db)
    stuck = await run_in_threadpool(_stuck_texts, gateway.settings.state_db, gateway.settings)
    # Texts stuck in the outbox are reported, but do not make the line unhealthy: the health
    # timer restarts an unhealthy gateway, and that would not send them (the sender would).
    ok = bool(content["ok"]) and writable
    body = {
        "ok": ok,
        "content": content,
        "state": {"writable": writable},
        "outbox": {"stale": stuck, "stale_after_seconds": gateway.settings.outbox_stale_seconds},
    }
    return JSONResponse(body, status_code=200 if ok else 503)
