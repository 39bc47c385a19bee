"""The GSM-7 sanitiser and the segment counter, against known cases."""

from __future__ import annotations

import pytest

from sms_gateway.gsm import count_segments, encoding_of, sanitise


@pytest.mark.parametrize(
    ("text", "encoding", "segments"),
    [
        ("", "GSM-7", 0),
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # extension characters count twice
        ("€" * 81, "GSM-7", 2),
        ("a" * 152 + "€" + "a" * 10, "GSM-7", 2),  # an escape is never split
        ("a" * 152 + "€" + "a" * 152, "GSM-7", 3),
        ("ó" * 70, "UCS-2", 1),
        ("ó" * 71, "UCS-2", 2),
        ("ó" * 134, "UCS-2", 2),
        ("ó" * 135, "UCS-2", 3),
        ("😀" * 35, "UCS-2", 1),  # a surrogate pair is two units
        ("😀" * 36, "UCS-2", 2),
        ("Straße Öl Ärger ñ é", "GSM-7", 1),
        ("a" * 159 + "ș", "UCS-2", 3),  # one Romanian letter triples the cost
    ],
)
def test_segment_counter_known_cases(text: str, encoding: str, segments: int) -> None:
    counted = count_segments(text)
    assert (counted.encoding, counted.segments) == (encoding, segments)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ro", "Locuință în București, ţară", "Locuinta in Bucuresti, tara"),
        (
            "es",
            "Vivienda cerca de León: ¿ayuda? Sí, información",
            "Vivienda cerca de Leon: ¿ayuda? Si, informacion",
        ),
        ("pt", "Habitação e ajuda às famílias", "Habitacao e ajuda às familias"),  # à is GSM-7
        ("de", "Öffnungszeiten für Straße", "Öffnungszeiten für Straße"),
        ("el", "Στέγαση κοντά σας", "ΣTEΓAΣH KONTA ΣAΣ"),
        ("en", "“Quotes” – dashes… and\u00a0spaces\u200b", '"Quotes" - dashes... and spaces'),
        ("pl", "Pomoc w Łodzi: zażółć", "Pomoc w Lodzi: zazolc"),
    ],
)  # fmt: skip
def test_sanitiser_per_language(language: str, text: str, expected: str) -> None:
    out = sanitise(text, language)
    assert out == expected
    assert encoding_of(out) == "GSM-7"


def test_greek_keeps_gsm_capitals() -> None:
    assert sanitise("ΔΦΓΛΩΠΨΣΘΞ δφγλωπψσθξ", "el") == "ΔΦΓΛΩΠΨΣΘΞ ΔΦΓΛΩΠΨΣΘΞ"
