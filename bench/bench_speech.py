"""Read-aloud benchmark: tap to first sound in the real kiosk, and synthesis speed, per language.

For each kiosk language, on a typical service (a national helpline's details):
- tap -> first sound: the real kiosk (run_test) on the service's details screen; the time from
  the tap on "Read aloud" to the first audio reaching the sink (the paced file sink, which
  receives audio exactly when a sound card would). Target: within 300 ms of the tap.
- say -> first sound: the same through the Speaker alone, without the interface.
- baseline: espeak-ng started by hand on one word, time to its first audio byte (the engine's
  own floor, measured in the same run).
- real-time factor: seconds to synthesise the whole reading / seconds of audio.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from directory import build, open_content  # noqa: E402
from directory.lookup.services import get_service, helplines  # noqa: E402
from kiosk.i18n import Translator  # noqa: E402
from kiosk.speech.service_words import service_lines  # noqa: E402
from kiosk.speech.speaker import Speaker, espeak_command, synthesize  # noqa: E402
from kiosk.speech.words import script  # noqa: E402

LANGUAGES = ["en", "es", "pt", "de", "el", "ro", "cy", "pl"]
RUNS = 7
TARGET_MS = 300


def baseline_first_byte() -> float:
    """espeak-ng on one word: seconds from start to its first audio byte after the header."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [*espeak_command("en", rate=150, volume=100), "--stdout", "--stdin"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(b"Hello")
    proc.stdin.close()
    proc.stdout.read(44 + 1)
    first = time.perf_counter() - started
    proc.stdout.read()
    proc.wait()
    return first


def say_first_sound(words: str, language: str, sink: Path) -> float:
    speaker = Speaker(sink=sink)
    speaker.say(words, language)
    while speaker.first_sound_at is None and speaker.speaking:
        time.sleep(0.001)
    assert speaker.first_sound_at is not None and speaker.started_at is not None
    speaker.stop()
    return speaker.first_sound_at - speaker.started_at


def real_time_factor(words: str, language: str, out: Path) -> float:
    started = time.perf_counter()
    synthesize(words, language, out)
    spent = time.perf_counter() - started
    with wave.open(str(out), "rb") as audio:
        seconds = audio.getnframes() / audio.getframerate()
    return spent / seconds


async def tap_first_sound(db: Path, state: Path, sink: Path, language: str) -> list[float]:
    """Tap-to-first-sound in the real kiosk, on the first helpline's details."""
    from kiosk.app import KioskApp
    from kiosk.clock import ManualClock
    from kiosk.settings import KioskSettings

    settings = KioskSettings(
        db=db,
        state_db=state,
        centre_name="Bench",
        centre_prison="LWI",
        location="HMP Lewes",
        default_language=language,
        speech_sink=str(sink),
    )
    app = KioskApp(settings, clock=ManualClock(), tick_seconds=3600)
    times = []
    async with app.run_test(size=(80, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.click("#cat-helplines")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.click(f"#{app.screen.query('.result').first().id}")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(RUNS):
            app.speaker.first_sound_at = None
            tapped = time.monotonic()
            await pilot.click("#read-aloud")
            while app.speaker.first_sound_at is None:
                await asyncio.sleep(0.001)
            times.append(app.speaker.first_sound_at - tapped)
            app.speaker.stop()  # quiet before the next tap, so that tap starts, not stops
            await pilot.pause()
    return times


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        db = tmp / "directory.db"
        build(ROOT / "data", db)
        content = open_content(db)
        service_id = helplines(content, "en", limit=1)[0].service_id
        base = [baseline_first_byte() for _ in range(RUNS)]
        print(f"typical service: {service_id}")
        print(
            f"baseline: espeak-ng one word, start to first audio: "
            f"median {statistics.median(base) * 1000:.0f} ms"
        )
        print(
            f"{'lang':<5}{'chars':>6}{'tap->sound p50':>16}{'max':>7}"
            f"{'say->sound p50':>16}{'RTF':>7}{'audio s':>9}"
        )
        worst = 0.0
        for language in LANGUAGES:
            detail = get_service(content, service_id, language)
            words = script(
                service_lines(detail, Translator(language), language),
                language,
                Translator(language),
            )
            sink = tmp / language
            sink.mkdir()
            says = [say_first_sound(words, language, sink) for _ in range(RUNS)]
            out = tmp / f"{language}.wav"
            rtf = real_time_factor(words, language, out)
            with wave.open(str(out), "rb") as audio:
                seconds = audio.getnframes() / audio.getframerate()
            taps = asyncio.run(tap_first_sound(db, tmp / f"state-{language}.db", sink, language))
            worst = max(worst, max(taps))
            print(
                f"{language:<5}{len(words):>6}{statistics.median(taps) * 1000:>13.0f} ms"
                f"{max(taps) * 1000:>5.0f}ms{statistics.median(says) * 1000:>13.0f} ms"
                f"{rtf:>7.3f}{seconds:>9.1f}"
            )
        content.close()
        verdict = "met" if worst * 1000 <= TARGET_MS else "MISSED"
        print(
            f"target: first sound within {TARGET_MS} ms of the tap: {verdict} "
            f"(worst {worst * 1000:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
