"""The SMS line's words in every language: gettext domain `sms` in sms_gateway/locale.

`N_` marks a source string; `Wording(language)` translates, fills and sanitises it for GSM-7.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from directory.text.i18n import load_translations
from sms_gateway.gsm import sanitise

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "sms"
LANGUAGES = ("en", "es", "pt", "de", "el", "ro", "cy", "pl")


def N_(text: str) -> str:
    """Mark a string for translation without translating it here."""
    return text


# Prompts and errors: one segment each.
ASK_PLACE = N_("{topic}: where? Text it with a postcode or town, e.g. {example}")
PLACE_NOT_FOUND = N_("We could not find that place. Text a postcode or town, e.g. {example}")
DID_YOU_MEAN = N_("Did you mean {places}?")
NO_MORE = N_("No more results. Text another topic and place, e.g. {example}")
NOTHING_TO_SHOW = N_("Nothing to show more of. Text a topic and place, e.g. {example}")
NO_SUCH_RESULT = N_("No result {number} in your last list. Text a topic and place, e.g. {example}")
STOPPED = N_("You will get no more texts from us. To start again, text START.")
STARTED = N_("Welcome back. Text a topic and your postcode, e.g. {example}")
PLEASE_WAIT = N_("Please wait a few minutes before you text again.")
ERROR = N_("Sorry, something went wrong. Please try again later.")
UNAVAILABLE = N_("Sorry, the directory is not available now. Please try again later.")
NONE_FOUND = N_("No {topic} services found near {place} yet.")
WHICH_PRISON = N_("{topic}: which prison? Text e.g. {example}")
WRONG_THANKS = N_("Thank you for telling us. A volunteer will check it.")
WRONG_WHAT = N_("Text WRONG straight after an answer that was wrong.")
WORDS_ONLY = N_(
    "This line reads words only, not pictures. Text a topic and your town, e.g. {example}"
)
NOT_UNDERSTOOD = N_("Text a topic and your town, e.g. {example}. To talk now: {name} {phone}")
# Parts of pages (a page fits in two segments).
MENU = N_("Text a topic and your postcode or town, e.g. {example}. Topics: {topics}")
TALK_NOW = N_("To talk now: {name} {phone}")
DISTRESS = N_("Please call {name} now on {phone}, free, day or night.")
RESULTS_HEAD = N_("{topic} near {place}:")
MORE_HINT = N_("Text MORE for more, or a number for details.")
NUMBER_HINT = N_("Text a number for details.")
UNCHECKED = N_("*not yet checked")
TOPICS_NEAR = N_("Near {place}: {topics}. Text one with your place, e.g. {example}")
PRISON_VISITS = N_("{prison} visits: book on {phone}. {slots}")
PRISON_NO_PHONE = N_("{prison} visits: we have no booking number yet.")
PRISON_MENU = N_("Also: text {topics} with {place}.")
ALSO_ASKED = N_("For {topic}, text {example}")
TEL = N_("Tel")
HOURS = N_("Hours")
WEB = N_("Web")

PROMPTS = {
    "ASK_PLACE": ASK_PLACE,
    "PLACE_NOT_FOUND": PLACE_NOT_FOUND,
    "NO_MORE": NO_MORE,
    "NOTHING_TO_SHOW": NOTHING_TO_SHOW,
    "NO_SUCH_RESULT": NO_SUCH_RESULT,
    "STOPPED": STOPPED,
    "STARTED": STARTED,
    "PLEASE_WAIT": PLEASE_WAIT,
    "ERROR": ERROR,
    "UNAVAILABLE": UNAVAILABLE,
    "NONE_FOUND": NONE_FOUND,
    "WHICH_PRISON": WHICH_PRISON,
    "WRONG_THANKS": WRONG_THANKS,
    "WRONG_WHAT": WRONG_WHAT,
    "WORDS_ONLY": WORDS_ONLY,
    "NOT_UNDERSTOOD": NOT_UNDERSTOOD,
}
PAGE_PARTS = {
    "MENU": MENU,
    "TALK_NOW": TALK_NOW,
    "DISTRESS": DISTRESS,
    "RESULTS_HEAD": RESULTS_HEAD,
    "MORE_HINT": MORE_HINT,
    "NUMBER_HINT": NUMBER_HINT,
    "UNCHECKED": UNCHECKED,
    "TOPICS_NEAR": TOPICS_NEAR,
    "PRISON_VISITS": PRISON_VISITS,
    "PRISON_NO_PHONE": PRISON_NO_PHONE,
    "PRISON_MENU": PRISON_MENU,
    "ALSO_ASKED": ALSO_ASKED,
    "DID_YOU_MEAN": DID_YOU_MEAN,
    "TEL": TEL,
    "HOURS": HOURS,
    "WEB": WEB,
}


# Sanitised translations by (language, msgid): the catalogues never change while the line runs,
# so a template is sanitised once, not on every text.
_SANITISED: dict[tuple[str, str], str] = {}


class Wording:
    """Translated, GSM-7-sanitised text for one language."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._catalogue: gettext.NullTranslations = load_translations(
            LOCALE_DIR, DOMAIN, self.language
        )

    def raw(self, msgid: str) -> str:
        """The translation of a source string, unsanitised."""
        return self._catalogue.gettext(msgid)

    def __call__(self, msgid: str, **values: object) -> str:
        """Translate, fill in and sanitise."""
        key = (self.language, msgid)
        template = _SANITISED.get(key)
        if template is None:
            template = _SANITISED[key] = self.clean(self.raw(msgid))
        # The whole text is still sanitised: the template part is GSM-7 already, so this only
        # maps what the values bring (and is one regex scan when they bring nothing).
        return self.clean(template.format(**values))

    def clean(self, text: str) -> str:
        """Sanitise text (e.g. from the directory) for this language's SMS."""
        return sanitise(text, self.language)
