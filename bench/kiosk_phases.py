"""Where the kiosk's start-up goes, phase by phase, beside hello_textual's (same run).

bench_kiosk.py gives the target figure (the whole process, start to exit). This script splits
it: interpreter start, imports, app start to first frame, and the exit, each the median of
interleaved runs of ../shared/bench/hello_textual.py and the demo kiosk. Not part of
`make bench` (it is for finding where time goes): `.venv/bin/python bench/kiosk_phases.py [RUNS]`.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO = ROOT.parent / "shared" / "bench" / "hello_textual.py"
PHASES = ("interpreter", "imports", "first frame", "exit")


def _hello() -> dict[str, float]:
    started = time.time()
    import importlib.util

    spec = importlib.util.spec_from_file_location("hello_textual", HELLO)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # imports Textual, as the baseline does
    imported = time.time()
    marks: dict[str, float] = {}

    class Hello(module.Hello):  # type: ignore[misc, name-defined]
        def on_mount(self) -> None:
            self.call_after_refresh(lambda: (marks.setdefault("frame", time.time()), self.exit()))

    Hello().run(headless=True)
    return {"started": started, "imported": imported, "frame": marks["frame"]}


def _kiosk(db: str, state: str) -> dict[str, float]:
    started = time.time()
    from directory.settings import load_settings
    from kiosk.app import KioskApp
    from kiosk.settings import KioskSettings

    imported = time.time()
    settings = load_settings(
        KioskSettings,
        ROOT / "config" / "demo-kiosk.toml",
        "kiosk",
        db=db,
        state_db=state,
        demo=True,
    )
    marks: dict[str, float] = {}

    class FirstScreen(KioskApp):
        def on_home_screen_loaded(self, message: object) -> None:
            self.call_after_refresh(lambda: (marks.setdefault("frame", time.time()), self.exit()))

    FirstScreen(settings).run(headless=True, size=(80, 30))
    return {"started": started, "imported": imported, "frame": marks["frame"]}


def _child(kind: str, *args: str) -> None:
    marks = _hello() if kind == "hello" else _kiosk(*args)
    print(json.dumps(marks), flush=True)


def _phases(argv: list[str]) -> dict[str, float]:
    spawned = time.time()
    out = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    ended = time.time()
    marks = json.loads(out.strip().splitlines()[-1])
    return {
        "interpreter": marks["started"] - spawned,
        "imports": marks["imported"] - marks["started"],
        "first frame": marks["frame"] - marks["imported"],
        "exit": ended - marks["frame"],
        "total": ended - spawned,
    }


def main() -> None:
    """Run both in turns and print the median of each phase in milliseconds."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    state = Path(tempfile.mkdtemp(prefix="bench-phases-")) / "state.db"
    me = [sys.executable, str(Path(__file__).resolve()), "--child"]
    commands = {
        "hello_textual": [*me, "hello"],
        "kiosk": [*me, "kiosk", str(ROOT / "var" / "directory.db"), str(state)],
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            results[name].append(_phases(argv))
    print(f"start-up phases, ms (median of {runs} interleaved runs)")
    print(f"{'':14}" + "".join(f"{p:>13}" for p in (*PHASES, "total")))
    for name, rows in results.items():
        cells = "".join(
            f"{statistics.median(r[p] for r in rows) * 1000:13.0f}" for p in (*PHASES, "total")
        )
        print(f"{name:14}{cells}")
    hello = statistics.median(r["total"] for r in results["hello_textual"])
    kiosk = statistics.median(r["total"] for r in results["kiosk"])
    frame_h = statistics.median(r["total"] - r["exit"] for r in results["hello_textual"])
    frame_k = statistics.median(r["total"] - r["exit"] for r in results["kiosk"])
    print(f"ratio, start to exit: {kiosk / hello:.2f}x", end="; ")
    print(f"start to first frame: {frame_k / frame_h:.2f}x")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        os.chdir(ROOT)
        sys.path.insert(0, str(ROOT))
        _child(sys.argv[2], *sys.argv[3:])
    else:
        main()
