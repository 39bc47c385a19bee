"""Reading HSDS 3.0 (tabular data package or JSON) back into records (being written)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from directory.errors import DataValidationError, ValidationIssue

Progress = Callable[[str, int, int], None]


def is_hsds(source: Path) -> bool:
    """True for an HSDS data package folder or an HSDS JSON file."""
    return (source.is_dir() and (source / "datapackage.json").is_file()) or (
        source.suffix.lower() == ".json"
    )


def plan_hsds_import(current: object, source: Path, progress: Progress) -> object:
    """Not yet available."""
    raise DataValidationError(
        [ValidationIssue(source.name, None, None, "", "HSDS import is not available yet")]
    )
