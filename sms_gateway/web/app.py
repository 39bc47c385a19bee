"""create_app(settings): the FastAPI app for Twilio's webhook. Nothing is built at import time."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sms_gateway.settings import GatewaySettings
from sms_gateway.web.gateway import Gateway
from sms_gateway.web.routes import health, sms


def create_app(settings: GatewaySettings) -> FastAPI:
    """Build the gateway app from settings (which must hold a token and a hash key)."""
    gateway = Gateway(settings)
    gateway.prepare()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        gateway.close()

    app = FastAPI(
        title="Waypost SMS line",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        lifespan=lifespan,
    )
    app.state.gateway = gateway
    app.include_router(sms.router)
    app.include_router(health.router)
    return app
