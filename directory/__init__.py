"""The Waypost directory core: data model, place lookup and search. No UI, web or PDF here."""

from typing import Any

from directory.db.connections import ContentDB, open_content, open_state, transaction
from directory.errors import (
    ContentUnavailable,
    DataValidationError,
    DirectoryError,
    PlaceNotFound,
    ServiceNotFound,
    UnknownCategory,
    ValidationIssue,
)
from directory.lookup.categories import category_label, list_categories
from directory.lookup.places import resolve_place
from directory.lookup.search import search_services
from directory.models import (
    Address,
    Category,
    Phone,
    Place,
    PrisonVisiting,
    SearchResults,
    ServiceDetail,
    ServiceResult,
)
from directory.text.folding import fold

# Building is for `waypost build`, import and sync, not for the readers (kiosk, SMS line):
# loaded on first use, which keeps the builder's imports off every reader's start-up.
_BUILDER = {"build", "install_database", "load_sources"}


def __getattr__(name: str) -> Any:
    if name in _BUILDER:
        from directory.building import builder

        return getattr(builder, name)
    raise AttributeError(f"module 'directory' has no attribute {name!r}")


__all__ = [
    "Address",
    "Category",
    "ContentDB",
    "ContentUnavailable",
    "DataValidationError",
    "DirectoryError",
    "Phone",
    "Place",
    "PlaceNotFound",
    "PrisonVisiting",
    "SearchResults",
    "ServiceDetail",
    "ServiceNotFound",
    "ServiceResult",
    "UnknownCategory",
    "ValidationIssue",
    "build",
    "category_label",
    "fold",
    "install_database",
    "list_categories",
    "load_sources",
    "open_content",
    "open_state",
    "resolve_place",
    "search_services",
    "transaction",
]
