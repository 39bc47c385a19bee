"""How complete and how fresh the guides are: counts per section, and texts to check again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from directory.db.connections import ContentDB
from directory.guides.assemble import nation_of
from directory.guides.records import SECTIONS
from directory.guides.store import has_guides


@dataclass(frozen=True)
class SectionCount:
    """How many open prisons have a section written from sources (not just "ask")."""

    section: str
    filled: int
    checked: int  # of those, how many were checked by a person
    prisons: int
    uk_filled: int = 0  # the same counts over the UK's open prisons only
    uk_prisons: int = 0


@dataclass(frozen=True)
class StaleText:
    """A guide text (in English, the one volunteers check) not checked for too long, or never."""

    kind: str  # "prison", "nation" or "stage"
    subject: str  # NOMIS code, nation key or stage key
    section: str  # section key, or the nation for a stage
    checked: str | None
    sources: tuple[str, ...]
    wrong: int = 0  # how many families said it was wrong (from the state database)


def section_counts(db: ContentDB) -> list[SectionCount]:
    """Per section: open prisons whose guide has it written from a source, and checked."""
    cols = {row[1] for row in db.execute("PRAGMA table_info(prison)")}
    where = " WHERE status = 'open'" if "status" in cols else ""
    prisons = db.execute(
        f"SELECT nomis, country, visits_phone, visits_email, visit_slots FROM prison{where}"
    ).fetchall()
    written: dict[tuple[str, str], str] = {}
    if has_guides(db):
        written = {
            (s, k): checked
            for s, k, checked in db.execute(
                "SELECT subject, section, checked FROM guide_section WHERE language = 'en'"
            )
        }
    centres = {row[0] for row in db.execute("SELECT DISTINCT prison FROM visitor_centre")}
    out = []
    uk = sum(1 for p in prisons if nation_of(p[1]))
    for key in SECTIONS:
        filled = checked = uk_filled = 0
        for code, country, phone, email, slots in prisons:
            nation = nation_of(country)
            text = written.get((code, key), written.get((nation, key)) if nation else None)
            has = text is not None or (key == "visitor_centre" and code in centres)
            if key == "booking" and (phone or email or slots):
                has = True
            filled += has
            uk_filled += has and bool(nation)
            checked += bool(text)
        out.append(SectionCount(key, filled, checked, len(prisons), uk_filled, uk))
    return out


def stale_texts(
    db: ContentDB, months: int = 6, today: date | None = None, wrong: dict[str, int] | None = None
) -> list[StaleText]:
    """English guide texts last checked more than `months` ago or never.

    Texts families said were wrong come first, most reports first; `wrong` maps
    "kind:subject:section" to its count (from directory.guides.feedback).
    """
    # Imported here: reports.staleness imports the builder, which imports this room's records.
    from directory.reports.staleness import months_before

    if not has_guides(db):
        return []
    cutoff = months_before(today or date.today(), months).isoformat()
    counts = wrong or {}
    out = []
    for table, subject_col, section_col in (
        ("guide_section", "subject", "section"),
        ("guide_stage", "stage", "nation"),
    ):
        for subject, section, checked, sources in db.execute(
            f"SELECT {subject_col}, {section_col}, checked, sources FROM {table}"
            " WHERE language = 'en' ORDER BY rowid"
        ):
            kind = (
                "stage" if table == "guide_stage" else ("prison" if subject.isupper() else "nation")
            )
            n = counts.get(f"{kind}:{subject}:{section}", 0)
            if checked and checked >= cutoff and not n:
                continue
            urls = tuple(sources.split())
            out.append(StaleText(kind, subject, section, checked or None, urls, n))
    listed = {f"{t.kind}:{t.subject}:{t.section}" for t in out}
    for key, n in counts.items():
        kind, subject, section = key.split(":", 2)
        if key not in listed and n:  # said wrong about a text that is otherwise fresh or shared
            out.append(StaleText(kind, subject, section, None, (), n))
    out.sort(key=lambda t: (-t.wrong, t.checked is not None, t.checked or ""))
    return out
