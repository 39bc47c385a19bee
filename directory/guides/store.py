"""The guides in the content database: written by build and import, read back for export."""

from __future__ import annotations

import sqlite3

from directory.db.connections import ContentDB
from directory.guides.records import GuideData, GuideText


def _row(t: GuideText) -> tuple[str, str, str, str, str, str]:
    return (t.subject, t.section, t.language, t.text, " ".join(t.sources), t.checked)


def write_guides(conn: sqlite3.Connection, data: GuideData) -> None:
    """Insert the guides into a database being built (inside its transaction)."""
    conn.executemany(
        "INSERT INTO guide_section (subject, section, language, text, sources, checked)"
        " VALUES (?,?,?,?,?,?)",
        [_row(t) for t in data.sections],
    )
    conn.executemany(
        "INSERT INTO guide_stage (stage, nation, language, text, sources, checked)"
        " VALUES (?,?,?,?,?,?)",
        [_row(t) for t in data.stages],
    )
    conn.executemany(
        "INSERT INTO guide_stage_help (stage, position, category_key) VALUES (?,?,?)",
        [(stage, i, key) for stage, keys in data.stage_help.items() for i, key in enumerate(keys)],
    )
    conn.executemany(
        "INSERT INTO guide_label (key, language, text) VALUES (?,?,?)",
        [(key, lang, text) for (key, lang), text in data.labels.items()],
    )


def has_guides(db: ContentDB) -> bool:
    """True when the file was built with the guide tables (content migration 3 or later)."""
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'guide_label'"
    return bool(db.execute(sql).fetchone())


def read_guides(db: ContentDB) -> GuideData:
    """Everything write_guides wrote, as records again (for export, import and verify)."""
    data = GuideData()
    if not has_guides(db):
        return data
    data.sections = [
        GuideText(s, k, lang, text, tuple(src.split()), checked)
        for s, k, lang, text, src, checked in db.execute(
            "SELECT subject, section, language, text, sources, checked FROM guide_section"
            " ORDER BY rowid"
        )
    ]
    data.stages = [
        GuideText(s, k, lang, text, tuple(src.split()), checked)
        for s, k, lang, text, src, checked in db.execute(
            "SELECT stage, nation, language, text, sources, checked FROM guide_stage ORDER BY rowid"
        )
    ]
    for stage, key in db.execute(
        "SELECT stage, category_key FROM guide_stage_help ORDER BY stage, position"
    ):
        data.stage_help.setdefault(stage, []).append(key)
    data.labels = {
        (key, lang): text
        for key, lang, text in db.execute("SELECT key, language, text FROM guide_label")
    }
    return data
