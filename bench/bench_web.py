"""Phone pages: server time per page type, throughput on one core, and page weights.

On the 100k-service synthetic directory, against a no-op FastAPI page in the same run:
- server time p50/p99 per page type (home, search near a place, service, prison, about),
  in-process through the ASGI app, 300 requests each, the no-op page measured the same way;
- throughput: the pages under uvicorn pinned to one core (taskset -c 0), wrk pinned to the
  other, a mix of all page types; the no-op page under the same conditions;
- page weight in bytes of each page type.
Targets: p99 <= 20 ms, >= 500 pages/s on one core, every page <= 30 kB.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_sms import ensure_synth  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from warm import read_through  # noqa: E402
from wrk import measure  # noqa: E402

from directory import open_content  # noqa: E402
from web.app import create_app  # noqa: E402
from web.settings import WebSettings  # noqa: E402

RUNS = 300
DURATION = 10
CONNECTIONS = 16
NOOP = """
from fastapi import FastAPI
from fastapi.responses import HTMLResponse

app = FastAPI()


@app.get("/{path:path}")
async def page(path: str) -> HTMLResponse:
    return HTMLResponse("<!doctype html><title>ok</title><p>ok</p>")
"""


def page_paths(db_path: Path) -> dict[str, list[str]]:
    with open_content(db_path) as db:
        services = [
            r[0] for r in db.execute("SELECT ref FROM service WHERE status = 'active' LIMIT 2000")
        ]
        prisons = [r[0] for r in db.execute("SELECT nomis FROM prison LIMIT 50")]
        towns = [
            r[0]
            for r in db.execute(
                "SELECT name FROM place WHERE kind = 'town' AND country = 'GB'"
                " ORDER BY population DESC LIMIT 300"
            )
        ]
        topics = [r[0] for r in db.execute("SELECT key FROM category")]
    rng = random.Random(7)
    langs = ["en", "es", "pt", "de", "el", "ro", "cy", "pl"]
    return {
        "home": [f"/?lang={rng.choice(langs)}" for _ in range(50)],
        "search": [
            f"/search?topic={rng.choice(topics)}&near={rng.choice(towns)}&lang={rng.choice(langs)}"
            for _ in range(200)
        ],
        "service": [f"/s/{rng.choice(services)}?lang={rng.choice(langs)}" for _ in range(200)],
        "prison": [f"/prison/{rng.choice(prisons)}?lang={rng.choice(langs)}" for _ in range(50)],
        "about": [f"/about?lang={rng.choice(langs)}" for _ in range(10)],
    }


def timed(client: TestClient, paths: list[str]) -> tuple[list[float], list[int]]:
    times, sizes = [], []
    for i in range(RUNS):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
        sizes.append(len(response.content))
    return times, sizes


def p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def main() -> int:
    synth = ensure_synth()
    read_through(synth)
    paths = page_paths(synth)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        settings = WebSettings(db=synth, state_db=work / "state.db")
        client = TestClient(create_app(settings))
        (work / "noop_page.py").write_text(NOOP)
        from importlib import util

        spec = util.spec_from_file_location("noop_page", work / "noop_page.py")
        assert spec and spec.loader
        noop = util.module_from_spec(spec)
        spec.loader.exec_module(noop)
        noop_client = TestClient(noop.app)
        # A running server has warmed its caches (web.app.warm) before families arrive.
        from web.app import warm

        warm(client.app.state.source)  # type: ignore[attr-defined]
        for urls in paths.values():
            for url in urls[:20]:
                client.get(url)
        base_times, _ = timed(noop_client, ["/"])
        print(f"server time, in-process, {RUNS} requests each, 100k directory")
        print(f"{'page':<9}{'p50 ms':>8}{'p99 ms':>8}{'max kB':>8}")
        print(f"{'no-op':<9}{p(base_times, 0.5):>8.2f}{p(base_times, 0.99):>8.2f}{'':>8}")
        worst_p99, heaviest = 0.0, 0
        for name, urls in paths.items():
            times, sizes = timed(client, urls)
            worst_p99, heaviest = max(worst_p99, p(times, 0.99)), max(heaviest, max(sizes))
            print(f"{name:<9}{p(times, 0.5):>8.2f}{p(times, 0.99):>8.2f}{max(sizes) / 1024:>8.1f}")
        print(
            f"target p99 <= 20 ms: {'met' if worst_p99 <= 20 else 'MISSED'}; "
            f"pages <= 30 kB: {'met' if heaviest <= 30 * 1024 else 'MISSED'}"
        )
        if not (shutil.which("wrk") and shutil.which("taskset")):
            print("wrk or taskset missing: throughput not measured (make system-deps)")
            return 0
        mix = [u for urls in paths.values() for u in urls]
        script = work / "mix.lua"
        quoted = ",".join('"' + u.replace('"', "") + '"' for u in mix)
        script.write_text(
            f"paths = {{{quoted}}}\ni = 0\n"
            "request = function()\n  i = i % #paths + 1\n"
            '  return wrk.format("GET", paths[i])\nend\n'
        )
        env = {**os.environ, "WAYPOST_DB": str(synth), "WAYPOST_STATE_DB": str(work / "s.db")}
        results = {}
        for name, app_spec, cwd in (
            ("pages", ["--factory", "bench_web_app:app"], ROOT / "bench"),
            ("no-op", ["noop_page:app"], work),
        ):
            results[name] = measure(
                app_spec, env, cwd, script, path="/", connections=CONNECTIONS, duration=DURATION
            )
        rps, p99 = results["pages"]["rps"], results["pages"]["p99"]
        base_rps, base_p99 = results["no-op"]["rps"], results["no-op"]["p99"]
        print(f"throughput, uvicorn on one core, wrk -c{CONNECTIONS} -d{DURATION}s, page mix:")
        print(
            f"  pages {rps:.0f}/s (p99 {p99:.1f} ms); no-op page {base_rps:.0f}/s "
            f"(p99 {base_p99:.1f} ms); {rps / base_rps:.0%} of the no-op"
        )
        print(f"target >= 500 pages/s on one core: {'met' if rps >= 500 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
