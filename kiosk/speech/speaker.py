"""The kiosk's voice: espeak-ng speaking in the background, stopped by the next tap.

espeak-ng plays through the machine's audio itself (PulseAudio or PipeWire where the kiosk image
has one, else ALSA). For tests and for checking voices the speaker writes WAV files instead, at
the pace a sound card would play them, so "still speaking" means the same thing in both.

Text always goes in on standard input as plain text: never on the command line, where a name
starting with "-" would be an option, and never with -m, which would read it as SSML.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

from kiosk.speech.voices import voice_for

log = logging.getLogger(__name__)

HEADER_BYTES = 44  # espeak-ng --stdout writes a plain RIFF/WAVE header, then 16-bit PCM
CHUNK_BYTES = 2048
VOLUME_STEP = 20


def espeak_command(
    language: str, *, rate: int, volume: int, binary: str = "espeak-ng"
) -> list[str]:
    """The espeak-ng command line that speaks text from standard input (without a sink flag)."""
    return [binary, "-v", voice_for(language), "-s", str(rate), "-a", str(volume), "-b", "1"]


class Speaker:
    """Speaks one text at a time; a new text or stop() cuts the one before."""

    def __init__(
        self,
        *,
        sink: Path | None = None,
        rate: int = 150,
        volume: int = 100,
        volume_range: tuple[int, int] = (40, 200),
        binary: str = "espeak-ng",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sink = sink
        self.rate = rate
        self.volume_range = volume_range
        self.volume = min(max(volume, volume_range[0]), volume_range[1])
        self.binary = shutil.which(binary) or ""
        self.clock = clock
        self.said: list[Path] = []  # the WAV files written, in order (file sink only)
        self.started_at: float | None = None  # when the last say() was called
        self.first_sound_at: float | None = None  # when its first audio reached the sink
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._playing: threading.Thread | None = None
        self._cut = threading.Event()

    @property
    def available(self) -> bool:
        """True when espeak-ng is installed."""
        return bool(self.binary)

    @property
    def speaking(self) -> bool:
        """True while a text is still being spoken."""
        with self._lock:
            if self._playing is not None:
                return self._playing.is_alive()
            return self._process is not None and self._process.poll() is None

    def say(self, text: str, language: str) -> None:
        """Start speaking text in the language; returns at once."""
        self.stop()
        if not self.available or not text.strip():
            return
        command = espeak_command(language, rate=self.rate, volume=self.volume, binary=self.binary)
        command.append("--stdout" if self.sink else "--stdin")
        if self.sink:
            command.append("--stdin")
        with self._lock:
            self._cut = threading.Event()
            self.started_at, self.first_sound_at = self.clock(), None
            try:
                process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE if self.sink else subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            except OSError:
                log.exception("espeak-ng could not be started")
                return
            self._process = process
            assert process.stdin is not None
            try:
                process.stdin.write(text.encode("utf-8"))
                process.stdin.close()
            except OSError:
                log.warning("espeak-ng stopped before it read the text")
            if self.sink:
                path = self.sink / f"speech-{len(self.said) + 1:04d}.wav"
                self.said.append(path)
                self._playing = threading.Thread(
                    target=self._play_to_file, args=(process, path, self._cut), daemon=True
                )
                self._playing.start()
            else:
                self._playing = None

    def stop(self) -> bool:
        """Stop speaking now; True if something was being said."""
        with self._lock:
            process, playing = self._process, self._playing
            self._process = self._playing = None
            self._cut.set()
        was_speaking = False
        if process is not None and process.poll() is None:
            was_speaking = True
            process.kill()
            process.wait()
        if playing is not None:
            was_speaking = was_speaking or playing.is_alive()
            playing.join()
        return was_speaking

    def louder(self) -> int:
        """One step louder, up to the centre's limit; the new volume."""
        self.volume = min(self.volume + VOLUME_STEP, self.volume_range[1])
        return self.volume

    def quieter(self) -> int:
        """One step quieter, down to the centre's limit; the new volume."""
        self.volume = max(self.volume - VOLUME_STEP, self.volume_range[0])
        return self.volume

    def _play_to_file(
        self, process: subprocess.Popen[bytes], path: Path, cut: threading.Event
    ) -> None:
        # Like a sound card: audio is "played" at its real rate, and what was cut is not heard.
        assert process.stdout is not None
        header = process.stdout.read(HEADER_BYTES)
        channels, frame_rate, width = 1, 22050, 2  # espeak-ng's own format, if cut before it said
        if len(header) == HEADER_BYTES and header[:4] == b"RIFF":
            channels = int.from_bytes(header[22:24], "little")
            frame_rate = int.from_bytes(header[24:28], "little")
            width = int.from_bytes(header[34:36], "little") // 8
        else:
            cut.set()
        bytes_per_second = frame_rate * channels * width
        played = bytearray()
        began = 0.0
        while not cut.is_set():
            chunk = process.stdout.read(CHUNK_BYTES)
            if not chunk:
                break
            if not played:
                began = self.clock()
                self.first_sound_at = began
            played += chunk
            ahead = len(played) / bytes_per_second - (self.clock() - began)
            if ahead > 0 and cut.wait(ahead):
                break
        process.stdout.close()
        with wave.open(str(path), "wb") as out:
            out.setnchannels(channels)
            out.setsampwidth(width)
            out.setframerate(frame_rate)
            out.writeframes(bytes(played[: len(played) - len(played) % (channels * width)]))


def synthesize(text: str, language: str, out: Path, *, rate: int = 150, volume: int = 100) -> None:
    """Write what would be said to a WAV file at once (for `waypost say` and checks)."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        raise FileNotFoundError("espeak-ng is not installed (Debian package espeak-ng)")
    command = espeak_command(language, rate=rate, volume=volume, binary=binary)
    subprocess.run(
        [*command, "-w", str(out), "--stdin"],
        input=text.encode("utf-8"),
        check=True,
        capture_output=True,
    )
