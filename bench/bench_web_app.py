"""The phone pages' app for the benchmark's uvicorn (settings from WAYPOST_DB, WAYPOST_STATE_DB)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fastapi import FastAPI

from web.app import create_app
from web.settings import WebSettings


def app() -> FastAPI:
    """Built by uvicorn --factory."""
    return create_app(WebSettings())
