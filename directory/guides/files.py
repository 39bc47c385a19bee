"""Writing the guides back as data/guides/ files (for `waypost export`): the same columns the
build reads, so an exported folder can be edited and imported, or copied into data/.

Volunteers open these in a spreadsheet, so every cell is neutralised like the directory's own
sheet (directory/text/formula.py); the reader (`read_rows`) takes the neutralising back off."""

from __future__ import annotations

import csv
from pathlib import Path

from directory.guides.records import GuideData, GuideText
from directory.text.formula import neutralise_row

_TEXTS = (
    ("nations.csv", ("nation", "section"), "section"),
    ("prisons.csv", ("prison", "section"), "section"),
    ("stages.csv", ("stage", "nation"), "stage"),
)


def _rows(data: GuideData, name: str) -> list[GuideText]:
    if name == "stages.csv":
        return data.stages
    nations = name == "nations.csv"
    # Nation keys are lower case; NOMIS codes are upper case.
    return [t for t in data.sections if t.subject.islower() == nations]


def write_guide_files(folder: Path, data: GuideData) -> list[Path]:
    """Write labels.csv, nations.csv, prisons.csv, stages.csv and stage_help.csv into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, keys, _kind in _TEXTS:
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow([*keys, "lang", "text", "sources", "checked"])
            for t in _rows(data, name):
                writer.writerow(
                    neutralise_row(
                        (t.subject, t.section, t.language, t.text, " ".join(t.sources), t.checked)
                    )
                )
        written.append(path)
    path = folder / "labels.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["key", "lang", "text"])
        writer.writerows(
            neutralise_row((key, lang, text)) for (key, lang), text in data.labels.items()
        )
    written.append(path)
    path = folder / "stage_help.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["stage", "categories"])
        writer.writerows(
            neutralise_row((stage, ";".join(keys))) for stage, keys in data.stage_help.items()
        )
    written.append(path)
    return written
