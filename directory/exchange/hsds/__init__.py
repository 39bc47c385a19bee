"""Open Referral HSDS 3.0 data packages: the tables, their extensions, reading and writing.

The names the modules share live here, so that the table builders (tables, extensions,
taxonomy, json_doc) import them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]  # (stage, done, total)
Row = dict[str, str]
Origin = tuple[str, int | None, str]  # file, row, column prefix (a JSON path for JSON)


class Tables:
    """HSDS tables being written, as lists of rows keyed by resource name."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {}

    def add(self, table: str, **values: object) -> Row:
        """Append a row; None becomes an empty cell."""
        row = {k: "" if v is None else str(v) for k, v in values.items()}
        self.rows.setdefault(table, []).append(row)
        return row
