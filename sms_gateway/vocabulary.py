"""The words the SMS line understands besides category keywords, folded, in every language."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
# Words that may stand beside a stop or start word without changing its meaning.
OPT_FILLER = _words(
    "me please pls plz now all texts text messages sms it them thanks thank you por favor "
    "favor bitte mich se rog va proszę prosze os gwelwch yn dda no more mensajes mensagens "
    "nachrichten mesaje"
)
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

# Distress: the reply starts with the 24-hour helpline. Folded phrases, matched on word bounds.
DISTRESS = (
    "cant cope", "can t cope", "cannot cope", "suicide", "suicidal", "kill myself",
    "end my life", "want to die", "end it all", "self harm", "hurt myself",
    "suicidio", "suicidarme", "quiero morir", "matarme", "no puedo mas",
    "quero morrer", "me matar", "nao aguento",
    "selbstmord", "suizid", "umbringen", "will sterben", "nicht mehr leben",
    "αυτοκτονια", "αυτοκτονησω", "θελω να πεθανω",
    "sinucidere", "sinucid", "vreau sa mor", "nu mai pot",
    "hunanladdiad", "lladd fy hun",
    "samobojstwo", "zabic sie", "chce umrzec",
)  # fmt: skip

# Words that carry nothing for the line ("housing in BN7 please").
FILLER = _words(
    "in near nr at around the a an for please pls plz me my i need want looking some any "
    "en cerca de del la el por favor necesito em perto do da de preciso "
    "in bei nahe der die das im ich brauche bitte "
    "σε κοντα στο στη στην για "
    "in la langa de aproape am nevoie va rog "
    "yn ger ym mae angen w blisko potrzebuje prosze "
    "hi hello hola ola hallo thanks thank you ok okay"
)

# The sender's country as a language hint when the text names no keyword.
COUNTRY_LANGUAGE = {
    "GB": "en", "IE": "en", "US": "en", "ES": "es", "MX": "es", "AR": "es", "CO": "es",
    "PT": "pt", "BR": "pt", "AO": "pt", "DE": "de", "AT": "de", "CH": "de", "GR": "el",
    "CY": "el", "RO": "ro", "MD": "ro", "PL": "pl",
}  # fmt: skip
