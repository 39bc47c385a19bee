"""Load tests over HTTP: a uvicorn server pinned to one core, wrk pinned to the other.

Shared by bench_sms.py (the SMS line) and bench_web.py (the phone pages), so that both measure
the same way: the same server flags, the same wrk options and the same reading of its report.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

SERVER_CORE, CLIENT_CORE = "0", "1"
_LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(port: int, timeout: float = 30.0) -> None:
    """Wait until something accepts connections on the port."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not start")


def serve(
    app_spec: list[str], env: dict[str, str], cwd: Path
) -> tuple[subprocess.Popen[bytes], int]:
    """Start uvicorn on the server core: the figure is what one core of the machine answers."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        *app_spec,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(["taskset", "-c", SERVER_CORE, *cmd], env=env, cwd=cwd)
    wait_for(port)
    return proc, port


def report(text: str) -> dict[str, float]:
    """Requests per second, p50 and p99 in ms, and non-2xx/3xx answers from wrk's report."""

    def ms(label: str) -> float:
        m = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", text)
        assert m, text
        return float(m.group(1)) * _LATENCY_UNITS[m.group(2)]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    assert rps, text
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(rps.group(1)),
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": float(non2xx.group(1)) if non2xx else 0.0,
    }


def run_wrk(url: str, script: Path, *, connections: int, duration: int) -> dict[str, float]:
    """One wrk thread on the client core, with a Lua script, for `duration` seconds."""
    out = subprocess.run(
        [
            "taskset",
            "-c",
            CLIENT_CORE,
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 60,
    )
    return report(out.stdout)


def measure(
    app_spec: list[str],
    env: dict[str, str],
    cwd: Path,
    script: Path,
    *,
    path: str,
    connections: int,
    duration: int,
) -> dict[str, float]:
    """Serve the app on the server core, load `path` with wrk, stop the server: wrk's figures."""
    proc, port = serve(app_spec, env, cwd)
    try:
        url = f"http://127.0.0.1:{port}{path}"
        return run_wrk(url, script, connections=connections, duration=duration)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
