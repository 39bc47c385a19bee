"""`waypost export`: the directory as the volunteers' spreadsheet or as HSDS 3.0."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.building.readback import read_sources
from directory.building.records import Sources
from directory.db.connections import ContentDB
from directory.exchange.spreadsheet import (
    write_organizations_csv,
    write_services_csv,
    write_translations_csv,
)
from directory.guides.files import write_guide_files

Progress = Callable[[str, int, int], None]
FORMATS = ("csv", "hsds")


def export_sheet(sources: Sources, out: Path) -> list[Path]:
    """The flat CSV: a .csv path gets services only; a folder gets services.csv,
    organizations.csv and translations.csv (the data/ folder's format)."""
    if out.suffix.lower() == ".csv":
        out.parent.mkdir(parents=True, exist_ok=True)
        write_services_csv(out, sources.services, sources.organizations)
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "services.csv", out / "organizations.csv", out / "translations.csv"]
    write_services_csv(written[0], sources.services, sources.organizations)
    write_organizations_csv(written[1], sources.organizations)
    write_translations_csv(written[2], sources.translations)
    if sources.guides:
        written += write_guide_files(out / "guides", sources.guides)
    return written


def export_directory(
    db: ContentDB, fmt: str, out: Path, progress: Progress | None = None
) -> list[Path]:
    """Export the directory in `db` as "csv" or "hsds" into `out`; return the files written."""
    sources = read_sources(db, progress)
    if fmt == "csv":
        return export_sheet(sources, Path(out))
    from directory.exchange.hsds.package import (
        write_hsds,  # only the HSDS export needs the package writer
    )

    return write_hsds(sources, Path(out), progress)
