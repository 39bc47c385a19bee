"""Reading and checking data/guides/: a mistake is reported as file, row and column.

Files (UTF-8 CSV with a header row; see data/README.md):
- labels.csv      key,lang,text
- nations.csv     nation,section,lang,text,sources,checked
- prisons.csv     prison,section,lang,text,sources,checked
- stages.csv      stage,nation,lang,text,sources,checked
- stage_help.csv  stage,categories
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from directory.building.data_folder import Issues, read_rows
from directory.guides.records import (
    GUIDE_LANGUAGES,
    NATIONS,
    PLACEHOLDERS,
    SECTIONS,
    STAGES,
    GuideData,
    GuideText,
    label_keys,
)

TEXT_COLUMNS = ("lang", "text", "sources", "checked")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_TEXT = 900  # a kiosk page: longer texts belong in two sections


def _checked(value: str, issues: Issues, file: str, n: int, today: date) -> str:
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        issues.add(file, n, "checked", value, "must be a date as YYYY-MM-DD, or empty")
        return ""
    if day > today:
        issues.add(file, n, "checked", value, "is in the future")
    return value


def _sources(value: str, issues: Issues, file: str, n: int) -> tuple[str, ...]:
    urls = tuple(value.split())
    if not urls:
        issues.add(file, n, "sources", value, "every text needs at least one source URL")
    for url in urls:
        if not _URL.match(url):
            issues.add(file, n, "sources", url, "is not a web address (http:// or https://)")
    return urls


def _text(value: str, issues: Issues, file: str, n: int) -> str:
    if not value:
        issues.add(file, n, "text", value, "is empty")
    elif _CONTROL.search(value):
        issues.add(file, n, "text", value[:40], "contains a control character")
    elif len(value) > MAX_TEXT:
        issues.add(file, n, "text", value[:40], f"is longer than {MAX_TEXT} characters")
    return value


def _language(value: str, issues: Issues, file: str, n: int) -> bool:
    if value not in GUIDE_LANGUAGES:
        issues.add(file, n, "lang", value, "must be one of " + " ".join(GUIDE_LANGUAGES))
        return False
    return True


def _texts(
    path: Path,
    issues: Issues,
    keys: tuple[str, str],
    allowed: tuple[Iterable[str], Iterable[str]],
    today: date,
) -> list[GuideText]:
    """Rows of a text file; each (subject, section) must be there in every language, once."""
    file = path.name
    out: list[GuideText] = []
    seen: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    first, second = keys
    allowed_first, allowed_second = set(allowed[0]), set(allowed[1])
    for n, row in read_rows(path, issues, (first, second, *TEXT_COLUMNS)):
        ok = True
        for column, values in ((first, allowed_first), (second, allowed_second)):
            if row[column] not in values:
                ok = False
                shown = ", ".join(sorted(values)) if len(values) < 12 else "the directory's list"
                issues.add(file, n, column, row[column], f"must be one of {shown}")
        ok = _language(row["lang"], issues, file, n) and ok
        text = _text(row["text"], issues, file, n)
        urls = _sources(row["sources"], issues, file, n)
        checked = _checked(row["checked"], issues, file, n, today)
        if not ok:
            continue
        pair = (row[first], row[second])
        if row["lang"] in seen[pair]:
            issues.add(file, n, "lang", row["lang"], f"repeats row {seen[pair][row['lang']]}")
            continue
        seen[pair][row["lang"]] = n
        out.append(GuideText(pair[0], pair[1], row["lang"], text, urls, checked))
    for (a, b), langs in seen.items():
        missing = [lang for lang in GUIDE_LANGUAGES if lang not in langs]
        if missing:
            issues.add(
                file,
                min(langs.values()),
                "lang",
                "",
                f"{a} / {b} has no text in " + ", ".join(missing) + " (every language is needed)",
            )
    return out


def _labels(path: Path, issues: Issues) -> dict[tuple[str, str], str]:
    file = path.name
    labels: dict[tuple[str, str], str] = {}
    wanted = label_keys()
    for n, row in read_rows(path, issues, ("key", "lang", "text")):
        if row["key"] not in wanted:
            issues.add(file, n, "key", row["key"], "is not a label the guides use")
            continue
        if not _language(row["lang"], issues, file, n) or not _text(row["text"], issues, file, n):
            continue
        for mark in PLACEHOLDERS.get(row["key"], ()):
            if mark not in row["text"]:
                issues.add(file, n, "text", row["text"][:40], f"must keep {mark}")
        if row["key"] == "days" and len(row["text"].split()) != 7:
            issues.add(file, n, "text", row["text"], "must be seven day names, Monday first")
        labels[(row["key"], row["lang"])] = row["text"]
    for key in wanted:
        missing = [lang for lang in GUIDE_LANGUAGES if (key, lang) not in labels]
        if missing:
            issues.add(file, None, "key", key, "has no text in " + ", ".join(missing))
    return labels


def _stage_help(path: Path, issues: Issues, categories: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n, row in read_rows(path, issues, ("stage", "categories")):
        if row["stage"] not in STAGES:
            issues.add(path.name, n, "stage", row["stage"], "must be one of " + ", ".join(STAGES))
            continue
        keys = [k.strip() for k in row["categories"].split(";") if k.strip()]
        for key in keys:
            if key not in categories:
                issues.add(path.name, n, "categories", key, "is not a category key")
        out[row["stage"]] = [k for k in keys if k in categories]
    return out


def load_guides(
    folder: Path,
    issues: Issues,
    prison_codes: Iterable[str],
    categories: Iterable[str],
    today: date | None = None,
) -> GuideData:
    """Read data/guides/ (every file is optional but labels.csv, needed once any text exists)."""
    day = today or date.today()
    data = GuideData()
    files = {
        name: folder / name
        for name in ("labels.csv", "nations.csv", "prisons.csv", "stages.csv", "stage_help.csv")
    }
    if files["nations.csv"].is_file():
        data.sections += _texts(
            files["nations.csv"], issues, ("nation", "section"), (NATIONS, SECTIONS), day
        )
    if files["prisons.csv"].is_file():
        data.sections += _texts(
            files["prisons.csv"], issues, ("prison", "section"), (prison_codes, SECTIONS), day
        )
    if files["stages.csv"].is_file():
        data.stages = _texts(
            files["stages.csv"], issues, ("stage", "nation"), (STAGES, NATIONS), day
        )
    if files["stage_help.csv"].is_file():
        data.stage_help = _stage_help(files["stage_help.csv"], issues, set(categories))
    if files["labels.csv"].is_file():
        data.labels = _labels(files["labels.csv"], issues)
    elif data.sections or data.stages:
        issues.add("labels.csv", None, None, "", f"is missing from {folder}")
    return data
