"""A prison's visit guide and a stage guide, put together from the content database.

A section's text is the prison's own facts from the directory (booking line, visit times,
address) followed by the prison's own text for that section when data/guides/prisons.csv has one,
or else the nation's text. A section nobody has written says "Ask the visitor centre", with the
visitor centre's (or the visits line's) number where the directory has one. Nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from directory.db.connections import ContentDB
from directory.errors import DirectoryError
from directory.guides.records import NATIONS, SECTIONS, STAGES
from directory.guides.store import has_guides
from directory.lookup.visitor_centres import visitor_centres_for
from directory.text.folding import fold
from directory.text.hours import HoursError, parse_hours

# Where the per-prison seed facts (booking line, times, address) came from.
PRISON_SEED_URLS = (
    "https://github.com/ministryofjustice/prison-visits-2",
    "https://github.com/ministryofjustice/prison-register",
)
_NATION_OF_AREA = {"GB-SCT": "scotland", "GB-NIR": "northern_ireland"}


class GuideNotFound(DirectoryError):
    """No prison or stage by that name."""


@dataclass(frozen=True)
class Section:
    """One section of a guide in one language."""

    key: str
    title: str
    text: str
    sources: tuple[str, ...]
    checked: str | None  # the oldest check of its parts; None when any part is unchecked
    filled: bool  # False when it only says "ask the visitor centre"

    def as_json(self) -> dict[str, Any]:
        """The section as the CLI's --json prints it."""
        return {
            "key": self.key,
            "title": self.title,
            "text": self.text,
            "sources": list(self.sources),
            "checked": self.checked,
        }


@dataclass(frozen=True)
class PrisonGuide:
    """A prison's visit guide in one language."""

    code: str
    name: str
    status: str
    nation: str
    language: str
    sections: list[Section] = field(default_factory=list)
    # The prison's own booking facts (MoJ seed data) and visitor centre, for cards and screens.
    visits_phone: str = ""
    visit_times: str = ""  # in the guide's language
    centre_operator: str = ""
    centre_phone: str = ""

    def section(self, key: str) -> Section:
        """The section with this key."""
        return next(s for s in self.sections if s.key == key)

    def as_json(self) -> dict[str, Any]:
        """{"prison": {"name", "code", "status"}, "sections": [...]}."""
        return {
            "prison": {"name": self.name, "code": self.code, "status": self.status},
            "language": self.language,
            "sections": [s.as_json() for s in self.sections],
        }


@dataclass(frozen=True)
class StageGuide:
    """What happens at one stage, for one nation, in one language."""

    stage: str
    nation: str
    language: str
    title: str
    nation_name: str
    text: str
    sources: tuple[str, ...]
    checked: str | None
    help_categories: list[tuple[str, str]]  # (category key, label in the language)
    help_title: str

    def as_json(self) -> dict[str, Any]:
        """The stage as the CLI's --json prints it."""
        return {
            "stage": self.stage,
            "nation": self.nation,
            "language": self.language,
            "title": self.title,
            "text": self.text,
            "sources": list(self.sources),
            "checked": self.checked,
            "help": [{"category": k, "label": label} for k, label in self.help_categories],
        }


class Labels:
    """The guides' titles and phrases in one language (English where a label is missing)."""

    def __init__(self, db: ContentDB, language: str) -> None:
        self.language = language
        self._text: dict[tuple[str, str], str] = db.cached("guide-labels", _all_labels)

    def __call__(self, key: str, **values: str) -> str:
        text = self._text.get((key, self.language)) or self._text.get((key, "en"), key)
        # Plain replacement, never str.format: the values are the directory's own text.
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def days(self, slots: str) -> str:
        """Visit slots ("Mon,Tue 14:00-15:30") with the day names in this language."""
        try:
            openings = parse_hours(slots)
        except HoursError:
            return slots
        names = self("days").split()
        if len(names) != 7:
            return slots
        groups: dict[tuple[int, ...], list[str]] = {}
        for o in openings:
            span = "00:00-24:00" if o.opens_at is None else f"{o.opens_at}-{o.closes_at}"
            groups.setdefault(o.days, []).append(span)
        return "; ".join(
            f"{', '.join(names[d] for d in days)} {', '.join(spans)}"
            for days, spans in groups.items()
        )


def _all_labels(db: ContentDB) -> dict[tuple[str, str], str]:
    if not has_guides(db):
        return {}
    rows = db.execute("SELECT key, language, text FROM guide_label")
    return {(k, lang): t for k, lang, t in rows}


def _columns(db: ContentDB, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


def find_prison(db: ContentDB, text: str) -> str:
    """A prison's NOMIS code from its code, name or any alias ("HMP Lewes", "lewes", "LWI")."""
    code = text.strip().upper()
    if db.execute("SELECT 1 FROM prison WHERE nomis = ?", (code,)).fetchone():
        return code
    key = fold(text)
    for candidate in (key, f"hmp {key}", f"hmp yoi {key}"):
        row = db.execute("SELECT nomis FROM prison_alias WHERE key = ?", (candidate,)).fetchone()
        if row:
            return str(row[0])
    raise GuideNotFound(f"No prison called {text!r} in the directory.")


def _prison_row(db: ContentDB, code: str) -> dict[str, Any]:
    cols = _columns(db, "prison")
    status = "status" if "status" in cols else "'open'"
    source = "source" if "source" in cols else "''"
    latlon_source = "latlon_source" if "latlon_source" in cols else "''"
    row = db.execute(
        "SELECT nomis, display_name, address_1, address_2, town, postcode, latitude, longitude,"
        f" visits_phone, visits_email, visit_slots, country, {status}, {source}, {latlon_source}"
        " FROM prison WHERE nomis = ?",
        (code,),
    ).fetchone()
    keys = (
        "code",
        "name",
        "a1",
        "a2",
        "town",
        "postcode",
        "lat",
        "lon",
        "phone",
        "email",
        "slots",
        "country",
        "status",
        "source",
        "latlon_source",
    )
    return dict(zip(keys, row, strict=True))


_URL = re.compile(r"https?://[^\s;,]+")


def _cited(p: dict[str, Any], seed: str, *fields: str) -> list[str]:
    """The pages a prison's row cites in its own source columns, so that a fact copied by hand
    (every Scottish and Northern Irish prison, some English ones) is credited to its page and not
    to the MoJ seed; the seed repository only where the row says it came from the seed (or names
    no page at all)."""
    text = " ".join(str(p[f] or "") for f in fields)
    urls = [_tidy_url(u) for u in _URL.findall(text)]
    named_seed = seed.rsplit("/", 1)[-1] in text
    cited = ([seed] if named_seed or not urls else []) + urls
    return list(dict.fromkeys(cited))


def _tidy_url(url: str) -> str:
    """Drops what closes the sentence around a link: "(https://x/a_(b))." keeps its own ")"."""
    url = url.rstrip(".")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


def nation_of(country: str | None) -> str:
    """The UK legal system a prison is in, from its country or UK nation code; "" outside the UK
    (no UK nation's rules apply there: those sections say "ask the visitor centre")."""
    code = (country or "GB").upper()
    if code in _NATION_OF_AREA:
        return _NATION_OF_AREA[code]
    return "england_wales" if code in ("GB", "GB-ENG", "GB-WLS", "UK") else ""


def _texts(db: ContentDB, subject: str, language: str) -> dict[str, tuple[str, str, str]]:
    found: dict[str, tuple[str, str, str]] = {}
    for section, lang, text, sources, checked in db.execute(
        "SELECT section, language, text, sources, checked FROM guide_section"
        " WHERE subject = ? AND language IN (?, 'en')",
        (subject, language),
    ):
        if lang == language or section not in found:
            found[section] = (text, sources, checked)
    return found


def _oldest(dates: list[str]) -> str | None:
    return None if not dates or any(not d for d in dates) else min(dates)


def prison_guide(db: ContentDB, prison: str, language: str = "en") -> PrisonGuide:
    """The visit guide of a prison (code, name or alias) in a language, all eight sections."""
    code = find_prison(db, prison)
    p = _prison_row(db, code)
    nation = nation_of(p["country"])
    say = Labels(db, language)
    if not has_guides(db):
        raise GuideNotFound("This directory was built without the guides: run `waypost build`.")
    own = _texts(db, code, language)
    general = _texts(db, nation, language) if nation else {}
    centres = visitor_centres_for(db, code)
    ask_number = next((c.phone for c in centres if c.phone), "") or p["phone"] or ""
    sections = []
    for key in SECTIONS:
        facts: list[str] = []
        sources: list[str] = []
        dates: list[str] = []
        if key == "booking":
            if p["phone"]:
                facts.append(say("booking_phone", phone=p["phone"]))
            if p["email"]:
                facts.append(say("booking_email", email=p["email"]))
            if p["slots"]:
                facts.append(say("visit_times", times=say.days(p["slots"])))
            if facts:
                sources.extend(_cited(p, PRISON_SEED_URLS[0], "source"))
                dates.append("")  # copied, not checked by a person yet
        if key == "getting_there":
            address = ", ".join(x for x in (p["a1"], p["a2"], p["town"], p["postcode"]) if x)
            facts.append(say("address", address=address))
            if p["lat"] is not None and p["lon"] is not None:
                facts.append(say("map", latitude=f"{p['lat']:.5f}", longitude=f"{p['lon']:.5f}"))
            sources.extend(_cited(p, PRISON_SEED_URLS[1], "source", "latlon_source"))
            dates.append("")
        if key == "visitor_centre":
            for centre in centres:
                facts.append(say("centre_run_by", operator=centre.operator))
                if centre.phone:
                    facts.append(say("centre_phone", phone=centre.phone))
                if centre.email:
                    facts.append(centre.email)
                # Hours and offers are in English words in the table: shown in English only,
                # never as English on a translated guide.
                if language == "en" and centre.hours:
                    facts.append(say("centre_hours", hours=centre.hours))
                if language == "en" and centre.offers:
                    facts.append(centre.offers)
                sources.append(centre.source_url)
                dates.append(centre.checked_date or "")
        written = own.get(key) or general.get(key)
        if written:
            text, urls, checked = written
            facts.append(text)
            sources.extend(urls.split())
            dates.append(checked)
        filled = bool(written) or (key == "visitor_centre" and bool(centres))
        if not filled:
            facts.append(say("ask_phone", phone=ask_number) if ask_number else say("ask"))
            if ask_number and ask_number == p["phone"]:
                sources.extend(_cited(p, PRISON_SEED_URLS[0], "source"))  # where it came from
        sections.append(
            Section(
                key,
                say(f"section.{key}"),
                " ".join(facts),
                tuple(dict.fromkeys(sources)),
                _oldest(dates),
                filled,
            )
        )
    first = centres[0] if centres else None
    return PrisonGuide(
        code,
        p["name"],
        p["status"],
        nation,
        language,
        sections,
        visits_phone=p["phone"] or "",
        visit_times=say.days(p["slots"]) if p["slots"] else "",
        centre_operator=first.operator if first else "",
        centre_phone=first.phone if first else "",
    )


def find_stage(text: str) -> str:
    """A stage key from its key or its title word in English ("arrested", "court", ...)."""
    key = fold(text).replace(" ", "_")
    aliases = {"sentenced": "remand", "prison": "remand", "home": "release", "released": "release"}
    key = aliases.get(key, key)
    if key not in STAGES:
        raise GuideNotFound(f"No stage called {text!r}: use one of {', '.join(STAGES)}.")
    return key


def stage_guide(
    db: ContentDB, stage: str, nation: str = "england_wales", language: str = "en"
) -> StageGuide:
    """What happens at a stage in a nation, in a language, with the services that help."""
    key = find_stage(stage)
    if nation not in NATIONS:
        raise GuideNotFound(f"No nation called {nation!r}: use one of {', '.join(NATIONS)}.")
    if not has_guides(db):
        raise GuideNotFound("This directory was built without the guides: run `waypost build`.")
    say = Labels(db, language)
    rows = {
        lang: (text, src, checked)
        for lang, text, src, checked in db.execute(
            "SELECT language, text, sources, checked FROM guide_stage"
            " WHERE stage = ? AND nation = ? AND language IN (?, 'en')",
            (key, nation, language),
        )
    }
    text, src, checked = rows.get(language) or rows.get("en") or (say("ask"), "", "")
    help_rows = db.execute(
        "SELECT h.category_key, COALESCE(l.label, e.label, h.category_key)"
        " FROM guide_stage_help h"
        " LEFT JOIN category_label l ON l.category_key = h.category_key AND l.language = ?"
        " LEFT JOIN category_label e ON e.category_key = h.category_key AND e.language = 'en'"
        " WHERE h.stage = ? ORDER BY h.position",
        (language, key),
    ).fetchall()
    return StageGuide(
        key,
        nation,
        language,
        say(f"stage.{key}"),
        say(f"nation.{nation}"),
        text,
        tuple(src.split()),
        checked or None,
        [(k, label) for k, label in help_rows],
        say("help"),
    )
