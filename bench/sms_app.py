"""The SMS line for uvicorn --factory, settings from the environment (bench_sms.py serves it)."""

from __future__ import annotations

from fastapi import FastAPI

from directory.settings import load_settings
from sms_gateway.settings import GatewaySettings
from sms_gateway.web.app import create_app


def from_environment() -> FastAPI:
    """Build the app from WAYPOST_* variables and the config file's [sms] section."""
    return create_app(load_settings(GatewaySettings, None, "sms"))
