"""Phone-page fixtures: the real app over a real directory file, and a real server for chromium."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from web.app import create_app
from web.settings import WebSettings

LEAVE_URL = "https://neutral.example/weather"


@pytest.fixture
def web_settings(built_db: Path, tmp_path: Path) -> WebSettings:
    """Pages over the test directory, counting into a fresh state db."""
    return WebSettings(db=built_db, state_db=tmp_path / "state.db", leave_url=LEAVE_URL)


@pytest.fixture
def client(web_settings: WebSettings) -> TestClient:
    """The pages through FastAPI's test client."""
    return TestClient(create_app(web_settings))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(built_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`waypost web serve`'s app under uvicorn on a free loopback port; yields its base URL."""
    settings = WebSettings(
        db=built_db, state_db=tmp_path_factory.mktemp("web") / "state.db", leave_url=LEAVE_URL
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=port, access_log=False, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
