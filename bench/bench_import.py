"""Import benchmark: a 100,000-service spreadsheet, checked row by row and applied atomically.

Steps, on a synthetic directory from bench/synth.py (phone numbers moved into Ofcom's drama
ranges that libphonenumber accepts: 020 7946 0xxx, 0113 496 0xxx, 0121 496 0xxx):
  baseline  write the 100k-service directory file (what `waypost build` costs)
  export    waypost export --format csv
  dry run   waypost import --dry-run of the edited sheet (read, check every row, diff)
  import    the same, applied: 1% of rows edited, 0.5% removed, 1% added
The target is import <= 60 s. Run: .venv/bin/python bench/bench_import.py [--services N]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synth import synthesise  # noqa: E402

from directory import open_content  # noqa: E402
from directory.building.builder import install_database  # noqa: E402
from directory.exchange.exporter import export_directory  # noqa: E402
from directory.exchange.importer import import_into  # noqa: E402
from directory.exchange.spreadsheet import EXPORT_COLUMNS  # noqa: E402
from directory.text.phones import PhoneEntry  # noqa: E402

DRAMA = ("020 7946 0{:03d}", "0113 496 0{:03d}", "0121 496 0{:03d}")


def _edit(sheet: Path, rng: random.Random) -> Path:
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    n = len(rows)
    for row in rng.sample(rows, n // 100):
        row["name"] += " (renamed)"
        row["assured_date"] = "23/11/2026"
    removed = {id(r) for r in rng.sample(rows, n // 200)}
    kept = [r for r in rows if id(r) not in removed]
    for i in range(n // 100):
        new = dict(rng.choice(kept), service_id=f"bench-new-{i}", service_uuid="")
        kept.append(new)
    out = sheet.with_name("edited.csv")
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, EXPORT_COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerows(kept)
    return out


def main() -> None:
    """Run the steps and print seconds for each."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(11)
    sources = synthesise(args.services)
    for s in (s for s in sources.services if s.ref.startswith("synth-")):
        s.phones = [
            PhoneEntry(rng.choice(DRAMA).format(rng.randrange(1000)), p.description)
            for p in s.phones
        ]
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        db_path = folder / "directory.db"
        started = time.perf_counter()
        install_database(sources, db_path)
        baseline = time.perf_counter() - started
        print(f"baseline: write {len(sources.services):,} services  {baseline:6.1f} s")

        started = time.perf_counter()
        with open_content(db_path) as db:
            export_directory(db, "csv", folder / "sheet")
        print(f"export csv                         {time.perf_counter() - started:6.1f} s")
        edited = _edit(folder / "sheet" / "services.csv", rng)

        for dry_run in (True, False):
            started = time.perf_counter()
            with open_content(db_path) as db:
                changes = import_into(db, edited, "bench", dry_run=dry_run)
            took = time.perf_counter() - started
            label = "dry run" if dry_run else "import "
            print(
                f"{label} {args.services:,} rows            {took:6.1f} s"
                f"  ({took / baseline:.1f}x baseline)  {changes.summary()}"
            )
        verdict = "within" if took <= 60 else "OVER"
        print(f"import target <= 60 s: {verdict} ({took:.1f} s)")


if __name__ == "__main__":
    main()
