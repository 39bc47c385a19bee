"""Open Referral HSDS 3.0 interchange, checked against the official schemas."""

from __future__ import annotations

import csv
import json
import re
import shutil
import uuid
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from directory import DataValidationError, open_content
from directory.exchange.exporter import export_directory
from directory.exchange.hsds.package import standards_dir
from directory.exchange.importer import import_into
from directory.lookup.services import get_service
from tests.directory.exchange_fixture import PRISONS, build_fixture_db, sha

OFFICIAL = Path(__file__).resolve().parents[3] / "shared" / "standards" / "hsds-3.0"
if not OFFICIAL.is_dir():  # a checkout elsewhere: the copy shipped in the package
    OFFICIAL = standards_dir()
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _uri(value: str) -> bool:
    parsed = urlparse(value)
    return bool(parsed.scheme and parsed.netloc)


def _cell_problem(field: dict[str, Any], value: str) -> str | None:
    """Check one cell against a Table Schema field: type, format, enum (the subset HSDS uses)."""
    kind, fmt = field.get("type", "string"), field.get("format")
    checks = {
        "number": float,
        "integer": int,
        "date": lambda v: date.fromisoformat(v) if len(v) == 10 else int("x"),
        "datetime": datetime.fromisoformat,
        "time": lambda v: time.fromisoformat(v) if len(v) == 8 else int("x"),
    }
    try:
        if kind in checks:
            checks[kind](value)
    except ValueError:
        return f"is not a {kind}"
    if fmt == "uuid":
        try:
            uuid.UUID(value)
        except ValueError:
            return "is not a uuid"
    if fmt == "email" and not EMAIL.match(value):
        return "is not an email"
    if fmt == "uri" and not _uri(value):
        return "is not a uri"
    enum = field.get("constraints", {}).get("enum")
    if enum and value not in enum:
        return f"is not one of {enum}"
    return None


def validate_package(folder: Path) -> list[str]:
    """Every CSV of a tabular data package checked against its datapackage.json."""
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables: dict[str, list[dict[str, str]]] = {}
    problems = []
    for resource in package["resources"]:
        path = folder / resource["path"]
        if not path.is_file():
            problems.append(f"{resource['path']}: missing")
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            header = reader.fieldnames or []
        fields = resource["schema"]["fields"]
        if header != [f["name"] for f in fields]:
            problems.append(f"{resource['path']}: header {header} differs from the schema")
        tables[resource["name"]] = rows
        for field in fields:
            name, constraints = field["name"], field.get("constraints", {})
            seen: set[str] = set()
            for n, row in enumerate(rows, start=2):
                value = row.get(name) or ""
                if not value:
                    if constraints.get("required"):
                        problems.append(f"{resource['path']} row {n} {name}: required")
                    continue
                problem = _cell_problem(field, value)
                if problem:
                    problems.append(f"{resource['path']} row {n} {name}: {value!r} {problem}")
                if constraints.get("unique") and value in seen:
                    problems.append(f"{resource['path']} row {n} {name}: {value!r} not unique")
                seen.add(value)
    for resource in package["resources"]:
        for key in resource["schema"].get("foreignKeys", []):
            target = key["reference"]
            known = {r[target["fields"]] for r in tables.get(target["resource"], [])}
            for n, row in enumerate(tables.get(resource["name"], []), start=2):
                value = row.get(key["fields"]) or ""
                if value and value not in known:
                    problems.append(
                        f"{resource['path']} row {n} {key['fields']}: {value} not in "
                        f"{target['resource']}"
                    )
    return problems


def json_validator() -> Draft202012Validator:
    schema = json.loads((OFFICIAL / "schema" / "compiled" / "service.json").read_text("utf-8"))
    checker = FormatChecker()
    checker.checks("uri")(_uri)
    return Draft202012Validator(schema, format_checker=checker)


@pytest.fixture(scope="module")
def master_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("hsds"))


@pytest.fixture(scope="module")
def package(master_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package")
    with open_content(master_db) as db:
        export_directory(db, "hsds", out)
    return out


@pytest.fixture
def live(master_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "live.db"
    shutil.copy2(master_db, path)
    return path


def test_shipped_datapackage_is_the_official_one() -> None:
    assert (standards_dir() / "datapackage.json").read_bytes() == (
        OFFICIAL / "datapackage.json"
    ).read_bytes()
    assert (standards_dir() / "LICENSE").is_file()


def test_tabular_package_validates_against_its_datapackage(package: Path) -> None:
    assert validate_package(package) == []
    ours = json.loads((package / "datapackage.json").read_text("utf-8"))["resources"]
    official = json.loads((OFFICIAL / "datapackage.json").read_text("utf-8"))["resources"]
    assert ours[: len(official)] == official  # HSDS resources exactly as specified
    # The prisons the fixture directory was built from (the test directory's, not data/'s).
    with PRISONS.open(encoding="utf-8") as handle:
        prisons = len(list(csv.DictReader(handle)))
    with (package / "services.csv").open(encoding="utf-8") as handle:
        # the fixture's three services and every prison's visiting entry
        assert len(list(csv.DictReader(handle))) == 3 + prisons


def test_the_tabular_validator_catches_mistakes(package: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    path = broken / "services.csv"
    text = path.read_text("utf-8").replace(",active,", ",open,", 1)
    path.write_text(text, encoding="utf-8")
    problems = validate_package(broken)
    assert len(problems) == 1 and "status: 'open' is not one of" in problems[0]


def test_json_export_validates_against_the_official_schema(package: Path) -> None:
    services = json.loads((package / "services.json").read_text("utf-8"))
    validator = json_validator()
    errors = [e.message for s in services for e in validator.iter_errors(s)]
    assert errors == []
    helpline = next(s for s in services if s["name"] == "Test family helpline")
    assert helpline["organization"]["name"] == "Test Helpline Trust"
    codes = {a["taxonomy_term"]["code"] for a in helpline["attributes"]}
    assert {"helplines", "emotional", "open_eligibility:1305", "airs:TJ"} <= codes
    lewes = next(s for s in services if s["name"] == "Lewes visitor centre")
    address = lewes["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["postal_code"], address["country"]) == ("BN7 1EA", "GB")
    broken = dict(helpline, status="open", id="not-a-uuid")
    assert len(list(validator.iter_errors(broken))) == 2


def test_package_reimports_with_no_change(package: Path, live: Path) -> None:
    before = sha(live)
    for source in (package, package / "services.json"):
        with open_content(live) as db:
            assert import_into(db, source, "Tess").empty
    assert sha(live) == before


def _tables(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_export_import_export_is_lossless(package: Path, tmp_path: Path) -> None:
    # A different directory (one service gone, one changed) takes in the package...
    other = tmp_path / "other"
    other.mkdir()
    data = build_fixture_db(other).parent / "data"
    services = (data / "services.csv").read_text("utf-8")
    edited = services.replace("Test family helpline", "Old name").replace(
        "brighton-housing-advice,", "brighton-housing-old,"
    )
    assert edited != services
    (data / "services.csv").write_text(edited, encoding="utf-8")
    target = tmp_path / "target.db"
    from directory import build

    build(data, target)
    with open_content(target) as db:
        changes = import_into(db, package, "Tess")
    assert not changes.empty
    # ...and exports the same package, apart from the history of that import.
    again = tmp_path / "again"
    with open_content(target) as db:
        export_directory(db, "hsds", again)
    first, second = _tables(package), _tables(again)
    assert first.keys() == second.keys()
    differ = sorted(k for k in first if first[k] != second[k])
    assert differ == ["metadata.csv", "services.csv", "services.json"]
    strip = re.compile(rb",\d{4}-\d\d-\d\dT[\d:]+[+-]\d\d:\d\d\r?\n")
    assert strip.sub(b",\n", first["services.csv"]) == strip.sub(b",\n", second["services.csv"])


def test_json_import_applies_changes_and_reports_where(
    package: Path, live: Path, tmp_path: Path
) -> None:
    services = json.loads((package / "services.json").read_text("utf-8"))
    helpline = next(s for s in services if s["name"] == "Test family helpline")
    helpline["description"] = "Changed in another directory tool."
    good = tmp_path / "good.json"
    good.write_text(json.dumps(services), encoding="utf-8")
    with open_content(live) as db:
        changes = import_into(db, good, "Tess")
    assert [(c.ref, [f.field for f in c.fields]) for c in changes.changes] == [
        ("test-helpline", ["description"])
    ]
    with open_content(live) as db:
        assert get_service(db, "test-helpline").description.startswith("Changed")
    index = services.index(helpline)
    helpline["phones"][0]["number"] = "0121 496 00"
    helpline["attributes"][0]["taxonomy_term"]["code"] = "nonsense"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(services), encoding="utf-8")
    before = sha(live)
    with open_content(live) as db, pytest.raises(DataValidationError) as caught:
        import_into(db, bad, "Tess")
    assert sha(live) == before
    where = {(i.file, i.row, i.column) for i in caught.value.issues}
    assert ("bad.json", index + 1, "phones[0].number") in where
    assert ("bad.json", index + 1, "attributes[0].taxonomy_term_id") in where
