"""FastAPI dependencies: the gateway object the app was built with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from sms_gateway.web.gateway import Gateway


def get_gateway(request: Request) -> Gateway:
    """The app's gateway (set by create_app)."""
    gateway: Gateway = request.app.state.gateway
    return gateway


GatewayDep = Annotated[Gateway, Depends(get_gateway)]
