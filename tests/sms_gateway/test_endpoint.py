"""POST /sms through its one FastAPI route: TwiML, 403s that write nothing, 405 otherwise."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app
from sms_gateway.web.gateway import Gateway
from tests.sms_gateway.conftest import sign, twilio_form


def test_the_route_answers_signed_texts_and_refuses_the_rest(settings: GatewaySettings) -> None:
    with TestClient(create_app(settings)) as client:
        form = twilio_form("HOUSING BN7", sender="+447700900555", sid="SM" + "1" * 32)
        ok = client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
        forbidden = client.post("/sms", data=form, headers={"X-Twilio-Signature": "x"})
        query = client.post("/sms?a=1", data=form, headers={"X-Twilio-Signature": sign(form)})
        huge = dict(form, Body="x" * 70_000)
        too_long = client.post("/sms", data=huge, headers={"X-Twilio-Signature": sign(huge)})
        wrong_method = client.get("/sms")
    assert ok.status_code == 200 and ok.headers["content-type"] == "application/xml"
    assert "<Message>" in ok.text
    assert (forbidden.status_code, forbidden.headers["content-type"], forbidden.text) == (
        403,
        "text/plain; charset=utf-8",
        "Forbidden",
    )
    assert (query.status_code, too_long.status_code, wrong_method.status_code) == (403, 403, 405)


async def test_the_text_s_work_runs_off_the_event_loop(settings: GatewaySettings) -> None:
    gateway = Gateway(settings)
    try:
        loop_thread = threading.get_ident()
        worker_thread = await gateway.in_worker(threading.get_ident)
        assert worker_thread != loop_thread
        # Always the same worker: texts are handled one after another, in order.
        assert await gateway.in_worker(threading.get_ident) == worker_thread
    finally:
        gateway.close()
