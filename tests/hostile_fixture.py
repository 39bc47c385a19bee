"""A copy of the test directory whose every kind of text carries markup (issue 11, item 1).

Service names, descriptions, opening-hours notes, eligibility, fees, towns, organisations,
category labels (English and Spanish), the prison HMP Lewes, two gazetteer towns and the
attribution carry `[ @click=app.quit]` (Textual 8 reads a tag that starts with a space),
`[@click=app.quit]`, `[$x]` (an unknown variable: a crash), `[link=file:///etc/passwd]`, a
stray `[/]` and an unclosed `[b`. Shared by the kiosk's and the CLI's markup tests.
"""

from __future__ import annotations

import csv
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TAGS = (
    "[ @click=app.quit]",
    "[@click=app.quit]",
    "[$x]",
    "[link=file:///etc/passwd]",
    "[/]",
    "[b",
)
ALL_TAGS = " ".join(TAGS)
# Two towns the place keypad can reach (fold() keeps their letters, drops the brackets).
TOWNS = ("Zqxville [$x]", "Zqyton [ @click=app.quit]")
PRISON_NAME = "HMP [ @click=app.quit]Lewes[/] [$x]"


def rewrite_csv(path: Path, edit: Callable[[int, dict[str, str]], None]) -> None:
    """Edit every row of a CSV file in place, keeping its columns."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    for index, row in enumerate(rows):
        edit(index, row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_data(target: Path) -> Path:
    """A copy of the test directory with markup in every kind of text the kiosk shows."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "directory", target)
    (target / "places").mkdir()
    for item in (ROOT / "data" / "places").iterdir():
        if item.name != "uk_places.csv":
            (target / "places" / item.name).symlink_to(item)
    shutil.copy2(ROOT / "data" / "places" / "uk_places.csv", target / "places" / "uk_places.csv")
    with (target / "places" / "uk_places.csv").open("a", encoding="utf-8", newline="") as fh:
        for n, town in enumerate(TOWNS):
            csv.writer(fh).writerow([town, f"50.87{n}", "-0.01", "town", "East Sussex", "5000"])

    def service(index: int, row: dict[str, str]) -> None:
        tag = TAGS[index % len(TAGS)]
        row["name"] = f"{tag}{row['name']}"
        row["description"] = f"{row['description']} {ALL_TAGS}"
        row["eligibility"] = f"Anyone {TAGS[(index + 1) % len(TAGS)]}"
        row["fees"] = f"Free {TAGS[(index + 2) % len(TAGS)]}"
        row["hours_note"] = f"Ring first {TAGS[(index + 3) % len(TAGS)]}"
        if row["city"] and row["postal_code"]:  # the town still places services without one
            row["city"] = f"{row['city']} {TAGS[(index + 4) % len(TAGS)]}"

    rewrite_csv(target / "services.csv", service)

    def organisation(index: int, row: dict[str, str]) -> None:
        row["name"] = f"{row['name']} {TAGS[(index + 5) % len(TAGS)]}"

    rewrite_csv(target / "organizations.csv", organisation)

    def prison(index: int, row: dict[str, str]) -> None:
        if row["nomis"] == "LWI":
            row["display_name"] = PRISON_NAME

    rewrite_csv(target / "prisons.csv", prison)

    # Category labels: TOML rewritten line by line, so comments and keywords stay as they are.
    lines = []
    categories: list[str] = []
    for line in (target / "categories.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and "." not in line:
            categories.append(line)
        key, _, value = line.partition(" = ")
        if key in ("en", "es") and value.startswith('"') and not value.startswith('["'):
            text = tomllib.loads(f"v = {value}")["v"]
            tag = TAGS[len(categories) % len(TAGS)]  # one tag a category
            line = f"{key} = {_toml_string(f'{tag}{text}')}"
        lines.append(line)
    (target / "categories.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    with (target / "ATTRIBUTION.txt").open("a", encoding="utf-8") as fh:
        fh.write(f"\n\nA hostile notice {ALL_TAGS} ends here.\n")
    return target
