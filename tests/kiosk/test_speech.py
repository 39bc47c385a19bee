"""Read-aloud: real espeak-ng speech, checked with sox, driven through the real kiosk with taps."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Button

from kiosk.app import KioskApp
from kiosk.i18n import Translator
from kiosk.screens.detail import DetailScreen
from kiosk.screens.languages import LanguageScreen
from kiosk.screens.results import ResultsScreen
from kiosk.speech.speaker import Speaker, espeak_command, synthesize
from kiosk.speech.voices import VOICES
from kiosk.speech.words import phone_in_words, script, speakable
from tests.kiosk.conftest import settle

LANGUAGES = ["en", "es", "pt", "de", "el", "ro", "cy", "pl"]
# One sentence a family might hear in each language: what the service is and its number.
SENTENCES = {
    "en": "Prisoners' Families Helpline. Free support for families. 0808 808 2003",
    "es": "Línea de ayuda para familias de presos. Apoyo gratuito. 0808 808 2003",
    "pt": "Linha de apoio às famílias de reclusos. Apoio gratuito. 0808 808 2003",
    "de": "Hilfetelefon für Familien von Gefangenen. Kostenlose Hilfe. 0808 808 2003",
    "el": "Γραμμή βοήθειας για οικογένειες κρατουμένων. Δωρεάν στήριξη. 0808 808 2003",
    "ro": "Linie de ajutor pentru familiile deținuților. Sprijin gratuit. 0808 808 2003",
    "cy": "Llinell gymorth i deuluoedd carcharorion. Cymorth am ddim. 0808 808 2003",
    "pl": "Infolinia dla rodzin więźniów. Bezpłatne wsparcie. 0808 808 2003",
}


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: run `make system-deps` as root (espeak-ng, sox).")


def sox_stat(path: Path) -> dict[str, float]:
    """sox's own measurements of a WAV file: length in seconds, RMS and maximum amplitude."""
    _need("sox")
    done = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    figures = {}
    for line in done.stderr.splitlines():
        name, _, value = line.partition(":")
        try:
            figures[name.strip()] = float(value.strip())
        except ValueError:
            continue
    return figures


def frames(path: Path) -> bytes:
    with wave.open(str(path), "rb") as audio:
        return audio.readframes(audio.getnframes())


def espeak_reference(text: str, language: str, out: Path, volume: int = 100) -> bytes:
    """What espeak-ng itself says for the text with the language's voice (no Waypost code)."""
    _need("espeak-ng")
    command = espeak_command(language, rate=150, volume=volume)
    subprocess.run([*command, "-w", str(out), "--stdin"], input=text.encode(), check=True)
    return frames(out)


def wait_quiet(speaker: Speaker, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while speaker.speaking:
        assert time.monotonic() < deadline, "still speaking"
        time.sleep(0.05)


# -- words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "language", "spoken"),
    [
        ("0808 808 3444", "en", "oh eight oh eight, eight oh eight, three four four four"),
        ("116 123", "en", "one one six, one two three"),
        ("08088083444", "en", "oh eight oh eight, eight oh eight, three four four four"),
        ("+44 20 7946 0000", "en", "plus four four, two oh, seven nine four six, oh oh oh oh"),
        ("0808 808 3444", "cy", "dim wyth dim wyth, wyth dim wyth, tri pedwar pedwar pedwar"),
        ("0300 063 2100", "de", "null drei null null, null sechs drei, zwo eins null null"),
        ("116 111", "el", "ένα ένα έξι, ένα ένα ένα"),
        ("116 123", "pl", "jeden jeden sześć, jeden dwa trzy"),
    ],
)
def test_phone_numbers_are_read_digit_by_digit_in_their_groups(
    number: str, language: str, spoken: str
) -> None:
    assert phone_in_words(number, language) == spoken


def test_times_dates_distances_and_symbols_become_words() -> None:
    _ = Translator("en")
    said = speakable(
        "▸ Samaritans · 116 123 · Monday to Friday: 09:00 to 17:30 · 2.4 km away · "
        "Checked 2026-11-01 ☎",
        "en",
        _,
    )
    assert "one one six, one two three" in said
    assert "9 to 17 30" in said and "09:00" not in said
    assert "2.4 kilometres away" in said
    assert "1 November 2026" in said
    assert not re.search(r"[▸☎·]", said)
    welsh = speakable("1.5 km", "cy", Translator("cy"))
    assert welsh == "1.5 cilometr"


def test_phoneme_brackets_from_data_are_never_passed_to_the_voice() -> None:
    # espeak-ng reads [[...]] as phoneme codes even in plain-text mode.
    said = speakable("[[h@'loU]] Free help", "en", Translator("en"))
    assert "[[" not in said and "]]" not in said and "Free help" in said


# -- real speech, checked with sox ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_is_spoken_in_its_own_voice(language: str, tmp_path: Path) -> None:
    _need("espeak-ng")
    speaker = Speaker(sink=tmp_path)
    words = script([SENTENCES[language]], language, Translator(language))
    speaker.say(words, language)
    wait_quiet(speaker)
    [wav] = speaker.said
    stat = sox_stat(wav)
    # Not silent, and about as long as reading the sentence takes: 150 words a minute with
    # the number said digit by digit is roughly 8 to 20 characters a second.
    assert stat["RMS     amplitude"] > 0.02 and stat["Maximum amplitude"] > 0.2
    assert len(words) / 25 < stat["Length (seconds)"] < len(words) / 5
    # The voice of the right language: what espeak-ng says with that language's voice, and not
    # what the English voice would say for the same words.
    assert frames(wav) == espeak_reference(words, language, tmp_path / "ref.wav")
    if language != "en":
        assert frames(wav) != espeak_reference(words, "en", tmp_path / "english.wav")
    assert VOICES[language]


def test_markup_in_directory_text_is_spoken_as_text(tmp_path: Path) -> None:
    _need("espeak-ng")
    hostile = '<speak><audio src="file:///etc/passwd"/>Help</speak>'
    speaker = Speaker(sink=tmp_path)
    speaker.say(hostile, "en")
    wait_quiet(speaker)
    spoken = sox_stat(speaker.said[0])["Length (seconds)"]
    # Read as SSML, the tags would vanish and leave one word; read as text, the tags are words.
    ssml = tmp_path / "ssml.wav"
    subprocess.run(["espeak-ng", "-m", "-w", str(ssml), hostile], check=True)
    assert spoken > 2.5 * sox_stat(ssml)["Length (seconds)"]
    assert frames(speaker.said[0]) == espeak_reference(hostile, "en", tmp_path / "plain.wav")


def test_a_name_starting_with_a_dash_is_said_not_taken_as_an_option(tmp_path: Path) -> None:
    out = tmp_path / "dash.wav"
    synthesize("--help -w /tmp/x", "en", out)
    assert sox_stat(out)["Length (seconds)"] > 1.0


def test_stop_cuts_the_speech_short_and_a_new_text_replaces_the_old(tmp_path: Path) -> None:
    _need("espeak-ng")
    speaker = Speaker(sink=tmp_path)
    speaker.say(SENTENCES["en"] * 3, "en")
    time.sleep(0.5)
    assert speaker.speaking
    assert speaker.stop() is True
    assert not speaker.speaking
    cut = sox_stat(speaker.said[0])["Length (seconds)"]
    assert 0.2 < cut < 5  # a sound card had played about half a second when it was cut
    assert speaker.stop() is False


def test_volume_stays_within_the_centres_limits(tmp_path: Path) -> None:
    speaker = Speaker(sink=tmp_path, volume=100, volume_range=(60, 140))
    assert [speaker.louder() for _ in range(4)] == [120, 140, 140, 140]
    assert [speaker.quieter() for _ in range(6)][-1] == 60
    quiet, loud = tmp_path / "quiet.wav", tmp_path / "loud.wav"
    synthesize("Hello", "en", quiet, volume=60)
    synthesize("Hello", "en", loud, volume=140)
    assert sox_stat(loud)["RMS     amplitude"] > 1.5 * sox_stat(quiet)["RMS     amplitude"]


# -- the kiosk, with taps -----------------------------------------------------------------------


@pytest.fixture
def speaking_app(make_app: Callable[..., KioskApp], tmp_path: Path) -> Callable[..., KioskApp]:
    _need("espeak-ng")
    sink = tmp_path / "speech"
    sink.mkdir()

    def make(**changes: object) -> KioskApp:
        return make_app(speech_sink=str(sink), **changes)

    return make


async def until_heard(app: KioskApp, pilot: object) -> None:
    """Wait until the first sound of the reading reached the (paced) file sink."""
    for _ in range(200):
        if app.speaker.first_sound_at is not None:
            return
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    pytest.fail("no sound within 4 s of the tap")


async def _open_first_result(app: KioskApp, pilot: object, category: str) -> None:
    await pilot.click(f"#cat-{category}")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]
    await pilot.click(f"#{app.screen.query('.result').first().id}")  # type: ignore[attr-defined]
    await settle(app, pilot)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["en", "cy", "el"])
async def test_read_aloud_speaks_the_service_shown(
    speaking_app: Callable[..., KioskApp], tmp_path: Path, language: str
) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click(f"#lang-{language}")
        await settle(app, pilot)
        await _open_first_result(app, pilot, "emotional")
        screen = app.screen
        assert isinstance(screen, DetailScreen) and screen.detail is not None
        lines = screen.speech_lines()
        assert lines[0] == screen.detail.name
        await pilot.click("#read-aloud")
        await until_heard(app, pilot)
        await pilot.pause(0.8)  # let the "sound card" play the first words
        assert app.speaker.speaking
        expected = script(lines, language, Translator(language))
        app.speaker.stop()
    wav = app.speaker.said[-1]
    stat = sox_stat(wav)
    assert stat["Length (seconds)"] > 0.5 and stat["Maximum amplitude"] > 0.2
    # What was played is the start of espeak-ng saying exactly this screen's words.
    full = espeak_reference(expected, language, tmp_path / "full.wav")
    played = frames(wav)
    assert played and full.startswith(played)


async def test_a_tap_while_speaking_stops_it(speaking_app: Callable[..., KioskApp]) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await _open_first_result(app, pilot, "emotional")
        await pilot.click("#read-aloud")
        await pilot.pause()
        assert app.speaker.speaking
        await pilot.click("#down")  # paging the text: the family is reading, not listening
        await pilot.pause()
        assert not app.speaker.speaking
        # "Read aloud" again starts it again; a second tap on it stops it.
        await pilot.click("#read-aloud")
        await pilot.pause()
        assert app.speaker.speaking
        await pilot.click("#read-aloud")
        await pilot.pause()
        assert not app.speaker.speaking
        assert len(app.speaker.said) == 2


async def test_the_idle_reset_stops_the_voice_and_the_volume(
    speaking_app: Callable[..., KioskApp], clock: object
) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await _open_first_result(app, pilot, "emotional")
        await pilot.click("#language")
        await settle(app, pilot)
        assert isinstance(app.screen, LanguageScreen)
        await pilot.click("#louder")
        await pilot.pause()
        assert app.speaker.volume == app.settings.speech_volume + 20
        await pilot.click("#close")
        await settle(app, pilot)
        await pilot.click("#read-aloud")
        await pilot.pause()
        assert app.speaker.speaking
        clock.advance(app.settings.idle_seconds + 1)  # type: ignore[attr-defined]
        await app.idle_tick()
        await pilot.pause()
        assert not app.speaker.speaking
        assert app.speaker.volume == app.settings.speech_volume


async def test_home_reads_its_tiles_and_helplines(
    speaking_app: Callable[..., KioskApp],
) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        lines = app.screen.speech_lines()
        tiles = [str(b.label) for b in app.screen.query(".tile").results(Button)]
        assert any(tiles[0].split()[-1] in line for line in lines)
        assert "Need to talk now?" in lines
        assert not any(line in {"About", "Home", "Back"} for line in lines)


async def test_a_results_speaker_reads_that_result(
    speaking_app: Callable[..., KioskApp], tmp_path: Path
) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#cat-emotional")
        await settle(app, pilot)
        assert isinstance(app.screen, ResultsScreen)
        button = app.screen.query(".say-result").first(Button)
        lines = list(button.lines)  # type: ignore[attr-defined]
        await pilot.click(f"#{button.id}" if button.id else ".say-result")
        await until_heard(app, pilot)
        expected = script(lines, "en", Translator("en"))
        assert lines[0].startswith(app.screen.query(".result").first().result.name[:10])  # type: ignore[attr-defined]
        app.speaker.stop()
    full = espeak_reference(expected, "en", tmp_path / "full.wav")
    assert full.startswith(frames(app.speaker.said[-1]))


async def test_a_language_is_named_in_its_own_voice_when_tapped(
    speaking_app: Callable[..., KioskApp], tmp_path: Path
) -> None:
    app = speaking_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        await pilot.click("#lang-pl")
        await settle(app, pilot)
    assert app.speaker.said, "nothing was said"
    polish = espeak_reference("Polski.", "pl", tmp_path / "pl.wav")
    assert polish.startswith(frames(app.speaker.said[-1]))


async def test_no_read_aloud_button_where_the_centre_turned_it_off(
    make_app: Callable[..., KioskApp],
) -> None:
    app = make_app(read_aloud=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        assert not app.screen.query("#read-aloud")
        await _open_first_result(app, pilot, "emotional")
        assert not app.screen.query("#read-aloud")
