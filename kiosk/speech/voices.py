"""Which espeak-ng voice speaks each kiosk language, and how each language says its digits."""

from __future__ import annotations

# espeak-ng voice names (`espeak-ng --voices`): British English, European Spanish and Portuguese.
VOICES: dict[str, str] = {
    "en": "en-gb",
    "es": "es",
    "pt": "pt",
    "de": "de",
    "el": "el",
    "ro": "ro",
    "cy": "cy",
    "pl": "pl",
}

# How a phone number's digits are said, one by one. English says "oh" for a zero in a phone
# number, and Welsh "dim"; German callers say "zwo" so that 2 is not heard as 3 ("drei").
DIGITS: dict[str, tuple[str, ...]] = {
    "en": ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    "es": ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"),
    "pt": ("zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove"),
    "de": ("null", "eins", "zwo", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"),
    "el": ("μηδέν", "ένα", "δύο", "τρία", "τέσσερα", "πέντε", "έξι", "επτά", "οκτώ", "εννέα"),
    "ro": ("zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"),
    "cy": ("dim", "un", "dau", "tri", "pedwar", "pump", "chwech", "saith", "wyth", "naw"),
    "pl": (
        "zero",
        "jeden",
        "dwa",
        "trzy",
        "cztery",
        "pięć",
        "sześć",
        "siedem",
        "osiem",
        "dziewięć",
    ),
}

PLUS: dict[str, str] = {
    "en": "plus",
    "es": "más",
    "pt": "mais",
    "de": "plus",
    "el": "συν",
    "ro": "plus",
    "cy": "plws",
    "pl": "plus",
}


def voice_for(language: str) -> str:
    """The espeak-ng voice for a kiosk language (English for one without a voice)."""
    return VOICES.get(language, VOICES["en"])
