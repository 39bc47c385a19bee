"""Errors the core raises. Their text is safe to show to a family or a volunteer."""

from __future__ import annotations

from dataclasses import dataclass, field


class DirectoryError(Exception):
    """Base class for every error the directory core raises on purpose."""


class ContentUnavailable(DirectoryError):
    """The content database is missing, unreadable or not a Waypost directory."""


@dataclass(frozen=True)
class PlaceSuggestion:
    """A place the user may have meant."""

    text: str
    kind: str


class PlaceNotFound(DirectoryError):
    """No place matches the text; `suggestions` holds close matches, best first."""

    def __init__(self, text: str, suggestions: list[PlaceSuggestion] | None = None) -> None:
        self.text = text
        self.suggestions = suggestions or []
        shown = text if len(text) <= 40 else text[:37] + "..."
        message = f"We could not find the place {shown!r}."
        if self.suggestions:
            message += " Did you mean " + " or ".join(s.text for s in self.suggestions[:3]) + "?"
        super().__init__(message)


class ServiceNotFound(DirectoryError):
    """No service has that id."""

    def __init__(self, service_id: str) -> None:
        self.service_id = service_id
        super().__init__(f"There is no service with the id {service_id!r}.")


class UnknownCategory(DirectoryError):
    """The category key is not one of the directory's categories."""

    def __init__(self, key: str, known: list[str]) -> None:
        self.key = key
        self.known = known
        super().__init__(f"Unknown category {key!r}. Choose one of: {', '.join(known)}.")


@dataclass(frozen=True)
class ValidationIssue:
    """One problem in a data file: where it is and what is wrong, in plain words."""

    file: str
    row: int | None
    column: str | None
    value: str
    problem: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column!r}"
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        shown = f" (value {value!r})" if value else ""
        return f"{where}: {self.problem}{shown}"


@dataclass
class DataValidationError(DirectoryError):
    """The source data has problems; nothing was changed."""

    issues: list[ValidationIssue] = field(default_factory=list)

    def __str__(self) -> str:
        head = f"{len(self.issues)} problem(s) in the data; the directory was not changed."
        return "\n".join([head, *(f"  {issue}" for issue in self.issues)])
