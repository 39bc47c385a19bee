"""The SMS line's own command words (STOP, START, HELP, MORE, details), in every language.

The words that carry no meaning around them (filler) are the core's, in
directory.text.stopwords; distress phrases are directory.understanding.words'.
"""

from __future__ import annotations

# Exactly these whole bodies (any case) are acted on by Twilio itself.
TWILIO_STOP = frozenset(
    ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"]
)
TWILIO_START = frozenset(["start", "yes", "unstop"])
TWILIO_HELP = frozenset(["help", "info"])

# Near misses Twilio does not catch: the app opts the sender out and confirms once.
STOP_WORDS = {
    "stop": "en", "stopall": "en", "unsubscribe": "en", "cancel": "en", "quit": "en",
    "optout": "en", "revoke": "en", "end": "en", "halt": "en",
    "parar": "es", "baja": "es", "cancelar": "es",
    "pare": "pt", "sair": "pt", "cancelar subscricao": "pt", "descadastrar": "pt",
    "stopp": "de", "abmelden": "de", "abbestellen": "de", "beenden": "de",
    "σταματα": "el", "σταματηστε": "el", "διαγραφη": "el",
    "dezabonare": "ro", "dezabonez": "ro", "opreste": "ro", "renunt": "ro",
    "stopio": "cy", "dad danysgrifio": "cy",
    "wypisz": "pl", "rezygnuje": "pl", "koniec": "pl",
}  # fmt: skip
START_WORDS = {
    "start": "en", "unstop": "en", "subscribe": "en", "resume": "en",
    "empezar": "es", "comenzar": "es", "iniciar": "pt", "começar": "pt", "comecar": "pt",
    "anmelden": "de", "αρχη": "el", "εναρξη": "el", "pornire": "ro", "porneste": "ro",
    "dechrau": "cy", "zacznij": "pl",
}  # fmt: skip

HELP_WORDS = {
    "help": "en", "menu": "en", "info": "en", "hi": "en", "hello": "en",
    "ayuda": "es", "menú": "es", "hola": "es", "ajuda": "pt", "ola": "pt", "olá": "pt",
    "hilfe": "de", "hallo": "de", "βοηθεια": "el", "μενου": "el", "γεια": "el",
    "ajutor": "ro", "meniu": "ro", "salut": "ro", "cymorth": "cy", "helo": "cy",
    "pomoc": "pl", "cześć": "pl", "czesc": "pl",
}  # fmt: skip
MORE_WORDS = {
    "more": "en", "next": "en", "mas": "es", "siguiente": "es", "mais": "pt", "proximo": "pt",
    "mehr": "de", "weiter": "de", "περισσοτερα": "el", "αλλα": "el", "επομενα": "el",
    "mai mult": "ro", "urmatoarele": "ro", "rhagor": "cy", "mwy": "cy",
    "wiecej": "pl", "dalej": "pl",
}  # fmt: skip
DETAIL_WORDS = frozenset(["info", "details", "detail", "detalles", "detalhes", "λεπτομερειες"])

# The sender's country as a language hint when the text names no keyword.
COUNTRY_LANGUAGE = {
    "GB": "en", "IE": "en", "US": "en", "ES": "es", "MX": "es", "AR": "es", "CO": "es",
    "PT": "pt", "BR": "pt", "AO": "pt", "DE": "de", "AT": "de", "CH": "de", "GR": "el",
    "CY": "el", "RO": "ro", "MD": "ro", "PL": "pl",
}  # fmt: skip
