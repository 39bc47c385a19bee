"""The presentation module: one way to say hours, distances, "checked on" and phones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from directory.text.i18n import LANGUAGES, load_translations
from directory.text.presentation import (
    DOMAIN,
    LOCALE_DIR,
    Presentation,
    distance_value,
    presentation,
    uses_miles,
)

TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _po(path: Path) -> dict[str, str]:
    with path.open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if isinstance(m.id, str) and m.id}


def test_hours_in_words_group_days_and_spans() -> None:
    words = Presentation("en")
    assert words.hours_lines("Mon-Fri 09:00-17:00; Sat 10:00-12:00, 13:00-15:00") == [
        "Monday to Friday: 09:00 to 17:00",
        "Saturday: 10:00 to 12:00, 13:00 to 15:00",
    ]
    assert words.hours_lines("24 hours") == ["Every day: 24 hours"]
    assert words.hours_lines("Tue,Thu 10:00-12:00") == ["Tuesday, Thursday: 10:00 to 12:00"]


def test_short_hours_for_cards_and_texts() -> None:
    words = Presentation("en")
    assert words.hours_short("Mon-Fri 09:00-17:00; Sat 10:00-13:00") == (
        "Mon–Fri 09:00–17:00; Sat 10:00–13:00"
    )
    assert words.hours_short("24 hours") == "24 hours, every day"
    assert words.hours_short("Daily 08:00-20:00") == "Every day 08:00–20:00"


@pytest.mark.parametrize("text", ["", "   "])
def test_no_hours_say_nothing(text: str) -> None:
    assert Presentation("en").hours_lines(text) == []
    assert Presentation("en").hours_short(text) == ""


def test_hours_outside_the_grammar_are_shown_as_written() -> None:
    words = Presentation("de")
    assert words.hours_lines("By appointment, ring first") == ["By appointment, ring first"]
    assert words.hours_short("By appointment, ring first") == "By appointment, ring first"


@pytest.mark.parametrize("code", ["es", "pt", "ro", "pl", "cy", "de", "el"])
def test_hours_lines_are_translated_and_start_with_a_capital(code: str) -> None:
    words = Presentation(code)
    lines = words.hours_lines("Mon-Fri 09:00-17:00; Sat 10:00-12:00")
    assert len(lines) == 2
    for line in lines:
        assert line[0].isupper(), line
    saturday = load_translations(LOCALE_DIR, DOMAIN, code).gettext("Saturday")
    assert saturday != "Saturday" and saturday.lower() in lines[1].lower()


def test_distance_in_the_unit_of_the_country() -> None:
    assert uses_miles("GB") and not uses_miles("IE")
    assert distance_value(1.609344, "GB") == (1.0, "mi")
    assert distance_value(2.0, "IE") == (2.0, "km")
    en = Presentation("en")
    assert en.distance(1.609344, "GB") == "1.0 miles"
    assert en.distance(12.3, "IE") == "12 km"
    assert en.distance_short(3.2, "GB") == "2.0mi"
    assert en.distance_short(None, "GB") == ""
    assert en.distance_away(16.09344, "GB") == "10 miles away"


def test_distance_numbers_in_the_language_s_style() -> None:
    assert Presentation("de").distance(1.25, "IE") == "1,2 km"
    assert Presentation("de").distance_away(1.609344, "GB") == "1,0 Meilen entfernt"


def test_checked_on_a_date_in_words_or_not_yet() -> None:
    assert Presentation("en").checked("2025-03-03") == "Checked 3 March 2025"
    assert Presentation("en").checked(None) == "Not yet checked: please confirm before you travel"
    assert Presentation("en").checked("") == Presentation("en").checked(None)
    assert Presentation("es").checked("2025-03-03") == "Comprobado el 3 de marzo de 2025"
    assert "2025-03-03" not in Presentation("pl").checked("2025-03-03")
    # A value that is not a date is shown as it is, never dropped.
    assert Presentation("en").checked("spring 2024") == "Checked spring 2024"


def test_phone_with_its_description() -> None:
    words = Presentation("en")
    assert words.phone("0808  808 2003", "helpline, free") == "0808 808 2003 (helpline, free)"
    assert words.phone("116 123") == "116 123"


def test_unknown_language_falls_back_to_english() -> None:
    assert Presentation("xx").language == "en"
    assert presentation("en") is presentation("en")


def test_catalogues_match_the_template_and_keep_placeholders() -> None:
    template = set(_po(LOCALE_DIR / f"{DOMAIN}.pot"))
    for code in TRANSLATED:
        catalogue = _po(LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po")
        missing = sorted(template - {k for k, v in catalogue.items() if v})
        assert not missing, (code, missing)
        for english, translated in catalogue.items():
            assert sorted(PLACEHOLDER.findall(english)) == sorted(
                PLACEHOLDER.findall(translated)
            ), (code, english)


def test_template_holds_every_marked_string() -> None:
    source = (Path(__file__).parents[2] / "directory/text/presentation.py").read_text()
    marked = set(re.findall(r'N_\("([^"]+)"\)', source))
    assert marked == set(_po(LOCALE_DIR / f"{DOMAIN}.pot"))
