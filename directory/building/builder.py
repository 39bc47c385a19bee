"""`waypost build`: read data/, check it, write a new database file, swap it in atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from directory.building.data_folder import (
    Issues,
    Progress,
    fingerprint,
    load_categories,
    load_organizations,
    load_services,
    load_translations,
)
from directory.building.gazetteer import Geocoder, load_places
from directory.building.prison_rows import HMPPS, load_prisons, prison_visiting_service
from directory.building.records import OrganizationRecord, Sources
from directory.building.visitor_centres import load_visitor_centres
from directory.building.writer import write_database
from directory.db.write_lock import DEFAULT_WAIT, content_writer
from directory.errors import DataValidationError
from directory.guides.data_files import load_guides

HMPPS_RECORD = OrganizationRecord(
    ref=HMPPS,
    name="HM Prison and Probation Service",
    description="Runs the prisons of England and Wales, and prison visits booking.",
    website="https://www.gov.uk/government/organisations/hm-prison-and-probation-service",
    source="MoJ prison-register and prison-visits-2 seed data",
)
# The prison services that own prisons' visiting entries, for a data folder (a test's, an old
# one) whose organizations.csv does not list them; data/organizations.csv cites its own.
PRISON_SERVICE_RECORDS = (
    HMPPS_RECORD,
    OrganizationRecord(
        ref="sps",
        name="Scottish Prison Service",
        description="Scotland's prison service.",
        website="https://www.sps.gov.uk/",
        source="https://www.sps.gov.uk/",
    ),
    OrganizationRecord(
        ref="nips",
        name="Northern Ireland Prison Service",
        description="Northern Ireland's prison service.",
        website="https://www.justice-ni.gov.uk/topics/prisons/prison-visits",
        source="https://www.justice-ni.gov.uk/topics/prisons/prison-visits",
    ),
    *(
        OrganizationRecord(
            ref=ref, name=name, description=desc, website=web, source=web or "data/SOURCES.md"
        )
        for ref, name, desc, web in (
            (
                "es-sgip",
                "Secretaría General de Instituciones Penitenciarias",
                "Runs the prisons of Spain outside Catalonia.",
                "",
            ),
            (
                "dgrsp",
                "Direção-Geral de Reinserção e Serviços Prisionais",
                "Portugal's prison service.",
                "https://dgrsp.justica.gov.pt/",
            ),
            (
                "berlin-justizvollzug",
                "Berliner Justizvollzug",
                "Berlin's prison service.",
                "https://www.berlin.de/justizvollzug/",
            ),
            (
                "gr-ministry-citizen-protection",
                "Hellenic Ministry of Citizen Protection",
                "Runs Greece's prisons.",
                "",
            ),
            (
                "anp-romania",
                "Administrația Națională a Penitenciarelor",
                "Romania's prison administration.",
                "https://anp.gov.ro/",
            ),
        )
    ),
)


def _noop(step: str, done: int, total: int) -> None:
    return None


def load_sources(data_dir: Path, progress: Progress | None = None) -> Sources:
    """Read and check every file in data/; raise DataValidationError listing all problems."""
    report = progress or _noop
    issues = Issues()
    required = ["categories.toml", "organizations.csv", "services.csv"]
    for name in required:
        if not (data_dir / name).is_file():
            issues.add(name, None, None, "", f"is missing from {data_dir}")
    issues.raise_if_any()
    sources = Sources()
    sources.places = load_places(data_dir / "places")
    report("places", 1, 1)
    sources.categories = load_categories(data_dir / "categories.toml", issues)
    sources.organizations = load_organizations(data_dir / "organizations.csv", issues)
    known = {o.ref for o in sources.organizations}
    sources.organizations.extend(r for r in PRISON_SERVICE_RECORDS if r.ref not in known)
    categories = {c.key for c in sources.categories}
    org_refs = {o.ref for o in sources.organizations}
    sources.services = load_services(
        data_dir / "services.csv", issues, categories, org_refs, Geocoder(sources.places)
    )
    report("services", 1, 1)
    if (data_dir / "prisons.csv").is_file():
        sources.prisons = load_prisons(data_dir / "prisons.csv", issues)
        refs = {s.ref for s in sources.services}
        for prison in sources.prisons:
            visiting = prison_visiting_service(prison)
            if visiting.ref not in refs:  # a hand-written entry for the prison wins
                sources.services.append(visiting)
        if (data_dir / "visitor_centres.csv").is_file():
            sources.visitor_centres = load_visitor_centres(
                data_dir / "visitor_centres.csv", issues, sources.prisons
            )
    if (data_dir / "translations.csv").is_file():
        sources.translations = load_translations(
            data_dir / "translations.csv",
            issues,
            {"service": {s.ref for s in sources.services}, "organization": org_refs},
        )
    if (data_dir / "guides").is_dir():
        sources.guides = load_guides(
            data_dir / "guides", issues, {p.nomis for p in sources.prisons}, categories
        )
    issues.raise_if_any()
    attribution = data_dir / "ATTRIBUTION.txt"
    if attribution.is_file():
        sources.attribution = attribution.read_text(encoding="utf-8").strip()
    files = [p for p in data_dir.rglob("*") if p.is_file() and p.suffix in (".csv", ".toml")]
    sources.fingerprint = fingerprint(files)
    return sources


def install_database(sources: Sources, db_path: Path, progress: Progress | None = None) -> str:
    """Write sources to a temporary file beside db_path and rename it into place atomically."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        version = write_database(sources, tmp, progress)
        tmp.chmod(0o644)
        os.replace(tmp, db_path)
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            if leftover.exists():
                leftover.unlink()
    return version


def build(
    data_dir: Path, db_path: Path, progress: Progress | None = None, wait: float = DEFAULT_WAIT
) -> str:
    """Build the content database from data/; on any problem the old file is left untouched.

    The swap waits (up to `wait` seconds) for any other writer of the same file to finish.
    """
    sources = load_sources(Path(data_dir), progress)
    with content_writer(Path(db_path), "build", wait):
        return install_database(sources, Path(db_path), progress)


__all__ = ["DataValidationError", "build", "install_database", "load_sources"]
