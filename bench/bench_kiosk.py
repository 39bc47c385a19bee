"""Kiosk benchmark: start-to-first-screen and peak memory against a minimal Textual app (same run),
and tap-to-results latency on a 100,000-service directory.

Targets: start <= 1.5x and peak RSS <= 2x ../shared/bench/hello_textual.py; tap-to-results <= 50 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO = ROOT.parent / "shared" / "bench" / "hello_textual.py"
RUNS = 15

# Starts the kiosk headless on the demo centre and exits once the home tiles are on screen.
KIOSK_FIRST_SCREEN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from directory.settings import load_settings
    from kiosk.app import KioskApp
    from kiosk.screens.home import HomeScreen
    from kiosk.settings import KioskSettings

    settings = load_settings(KioskSettings, Path("config/demo-kiosk.toml"), "kiosk",
                             db=sys.argv[1], state_db=sys.argv[2], demo=True)

    class FirstScreen(KioskApp):
        def on_home_screen_loaded(self, message):
            self.call_after_refresh(self.exit)

    FirstScreen(settings).run(headless=True, size=(80, 30))
    """
)


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{argv} failed with status {status}")
    return wall, usage.ru_maxrss / 1024


def _medians(*argvs: list[str]) -> list[tuple[float, float]]:
    """Median wall time and peak RSS of each command, run in turns so that both see the same
    background load (this machine is shared; one batch after the other skewed the ratio)."""
    runs: list[list[tuple[float, float]]] = [[] for _ in argvs]
    for _ in range(RUNS):
        for index, argv in enumerate(argvs):
            runs[index].append(_run(argv))
    return [(statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for rs in runs]


def start_up(db: Path, state: Path) -> None:
    """Kiosk vs hello_textual: time to first screen and peak memory."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as fh:
        fh.write(KIOSK_FIRST_SCREEN)
        script = fh.name
    try:
        (hello_t, hello_m), (kiosk_t, kiosk_m) = _medians(
            [sys.executable, str(HELLO)], [sys.executable, script, str(db), str(state)]
        )
    finally:
        os.unlink(script)
    print(f"hello_textual: start {hello_t:.3f} s, peak {hello_m:.1f} MiB (median of {RUNS})")
    print(f"kiosk:         start {kiosk_t:.3f} s, peak {kiosk_m:.1f} MiB (median of {RUNS})")
    print(
        f"ratio: time {kiosk_t / hello_t:.2f}x (target <= 1.5x), "
        f"memory {kiosk_m / hello_m:.2f}x (target <= 2x)"
    )


async def _tap_latency(db: Path, state: Path) -> list[float]:
    from directory.settings import load_settings
    from kiosk.app import WARM_UP_AFTER, KioskApp
    from kiosk.screens.results import ResultsScreen
    from kiosk.settings import KioskSettings

    settings = load_settings(
        KioskSettings,
        ROOT / "config" / "demo-kiosk.toml",
        "kiosk",
        db=db,
        state_db=state,
        demo=True,
    )
    app = KioskApp(settings, tick_seconds=3600)
    times: list[float] = []
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        # The kiosk finishes starting in the background (later screens imported, long-lived
        # objects frozen) just after its first screen; a family's first tap comes later than that.
        await pilot.pause(WARM_UP_AFTER + 0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        keys = [b.id for b in app.screen.query(".tile")]
        for _round in range(3):
            for key in keys:
                tile = app.screen.query_one(f"#{key}")
                started = time.perf_counter()
                tile.press()  # type: ignore[attr-defined]
                while not (
                    isinstance(app.screen, ResultsScreen)
                    and app.screen.results is not None
                    and app.screen.query(".result, .heading")
                ):
                    await asyncio.sleep(0.0005)
                times.append(time.perf_counter() - started)
                app.pop_screen()
                await pilot.pause()
    return times


def tap_to_results(db: Path, state: Path) -> None:
    """Time from a tile tap to results rows on screen, over every category, three rounds."""
    times = sorted(asyncio.run(_tap_latency(db, state)))
    p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95)]
    print(
        f"tap-to-results on 100k services: median {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms over {len(times)} taps (target <= 50 ms)"
    )


def main() -> None:
    """Build the directories if needed and print the figures."""
    os.chdir(ROOT)
    work = Path(tempfile.mkdtemp(prefix="bench-kiosk-"))
    state = work / "state.db"
    real = ROOT / "var" / "directory.db"
    if not real.is_file():
        subprocess.run(
            [sys.executable, "-m", "waypost.cli", "build", "--db", str(real)], check=True
        )
    start_up(real, state)
    synth = ROOT / "bench" / "synth.py"
    big = ROOT / "var" / "bench-100k.db"
    if not synth.is_file():
        print("bench/synth.py is missing: tap-to-results on 100k services not measured")
        return
    if not big.is_file():
        subprocess.run(
            [sys.executable, str(synth), "--services", "100000", "--db", str(big)], check=True
        )
    sys.path.insert(0, str(ROOT / "bench"))
    from warm import read_through

    read_through(big)
    tap_to_results(big, state)


if __name__ == "__main__":
    main()
