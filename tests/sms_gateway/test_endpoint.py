"""POST /sms answered ahead of FastAPI's routing, the same as the FastAPI route answers it."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from sms_gateway.gateway import Gateway
from sms_gateway.routes import sms
from sms_gateway.settings import GatewaySettings
from tests.sms_gateway.conftest import sign, twilio_form


def test_route_and_endpoint_answer_alike(settings: GatewaySettings) -> None:
    gateway = Gateway(settings)
    gateway.prepare()
    plain = FastAPI()  # the route alone, without the ASGI layer in front
    plain.state.gateway = gateway
    plain.include_router(sms.router)
    fronted = FastAPI()
    fronted.state.gateway = gateway
    fronted.include_router(sms.router)
    fronted.add_middleware(sms.SmsEndpoint, gateway=gateway)
    answers = []
    for app, sid in ((plain, "SM" + "1" * 32), (fronted, "SM" + "2" * 32)):
        with TestClient(app) as client:
            form = twilio_form(
                "HOUSING BN7", sender="+447700900555" if app is plain else "+447700900556", sid=sid
            )
            ok = client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
            forbidden = client.post("/sms", data=form, headers={"X-Twilio-Signature": "x"})
            query = client.post("/sms?a=1", data=form, headers={"X-Twilio-Signature": sign(form)})
            huge = dict(form, Body="x" * 70_000)
            too_long = client.post("/sms", data=huge, headers={"X-Twilio-Signature": sign(huge)})
            wrong_method = client.get("/sms")
            answers.append(
                (
                    ok.status_code, ok.headers["content-type"], ok.text,
                    forbidden.status_code, forbidden.headers["content-type"], forbidden.text,
                    query.status_code, too_long.status_code, wrong_method.status_code,
                )
            )  # fmt: skip
    gateway.close()
    assert answers[0] == answers[1]
    assert answers[0][0] == 200 and answers[0][1] == "application/xml"
    assert "<Message>" in answers[0][2]
    assert answers[0][3:] == (403, "text/plain; charset=utf-8", "Forbidden", 403, 403, 405)
