"""The guides' keys and records: what data/guides/ holds and what the content database stores."""

from __future__ import annotations

from dataclasses import dataclass, field

from directory.text.i18n import LANGUAGES

# The eight sections of a prison's visit guide, in the order a family reads them.
SECTIONS = (
    "booking",
    "bring",
    "dress",
    "children",
    "getting_there",
    "costs",
    "visitor_centre",
    "first_visit",
)
# The stages a family goes through, in order.
STAGES = ("arrested", "court", "remand", "moved", "release")
# The three legal systems: facts written once per nation.
NATIONS = ("england_wales", "scotland", "northern_ireland")
GUIDE_LANGUAGES = tuple(LANGUAGES)

# Fixed phrases every language must have (besides the section, stage and nation titles).
PHRASES = (
    "ask",  # "Ask the visitor centre."
    "ask_phone",  # "Ask the visitor centre or the visits line: {phone}."
    "booking_phone",  # "Visits booking line: {phone}."
    "booking_email",  # "Visits email: {email}."
    "visit_times",  # "Visit times: {times}."
    "address",  # "Address: {address}."
    "map",  # "Map reference: {latitude}, {longitude}."
    "centre_run_by",  # "Run by {operator}."
    "centre_phone",  # "Phone: {phone}."
    "centre_hours",  # "Open: {hours}."
    "days",  # seven short day names, Monday first, separated by spaces
    "help",  # "Services that can help"
    "sources",  # "Sources"
    "checked",  # "Checked on {date}"
    "not_checked",  # "Not yet checked by a person"
    "what_next",  # "What is happening to you?"
)
# The placeholders each phrase must keep in every language.
PLACEHOLDERS = {
    "ask_phone": ("{phone}",),
    "booking_phone": ("{phone}",),
    "booking_email": ("{email}",),
    "visit_times": ("{times}",),
    "address": ("{address}",),
    "map": ("{latitude}", "{longitude}"),
    "centre_run_by": ("{operator}",),
    "centre_phone": ("{phone}",),
    "centre_hours": ("{hours}",),
    "checked": ("{date}",),
}


# SMS words (";"-separated, any case) that ask for a section of a prison's guide, a stage, or say
# the last answer was wrong: "BRING LEWES", "COURT", "WRONG".
KEYWORD_SECTIONS = ("bring", "getting_there", "costs")
KEYWORDS = (*KEYWORD_SECTIONS, *STAGES, "wrong")


def label_keys() -> list[str]:
    """Every label key data/guides/labels.csv must give in every language."""
    return [
        *(f"section.{s}" for s in SECTIONS),
        *(f"stage.{s}" for s in STAGES),
        *(f"nation.{n}" for n in NATIONS),
        *PHRASES,
        *(f"kw.{k}" for k in KEYWORDS),
    ]


@dataclass(frozen=True)
class GuideText:
    """One text of a guide in one language, with where it came from and when it was checked."""

    subject: str  # a nation key or a prison's NOMIS code; for stages, the stage key
    section: str  # a section key; for stages, the nation key
    language: str
    text: str
    sources: tuple[str, ...]
    checked: str  # YYYY-MM-DD, or "" when no person has checked it yet


@dataclass
class GuideData:
    """Everything in data/guides/: section texts, stage texts, stage help and labels."""

    sections: list[GuideText] = field(default_factory=list)
    stages: list[GuideText] = field(default_factory=list)
    stage_help: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.sections or self.stages or self.labels)
