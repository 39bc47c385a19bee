"""Reading and scoring the labelled corpus (shared by its tests and bench_understanding.py)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from directory.text.folding import fold

CORPUS = Path(__file__).resolve().parent / "corpus.tsv"


@dataclass(frozen=True)
class Row:
    """One labelled text."""

    language: str
    split: str
    topic: str | None
    place_kind: str | None
    place_names: tuple[str, ...]
    text: str


def read_corpus(path: Path = CORPUS) -> list[Row]:
    """Every row of the corpus, in file order."""
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            kind, _, names = rec["place"].partition(":")
            rows.append(
                Row(
                    rec["language"],
                    rec["split"],
                    None if rec["topic"] == "-" else rec["topic"],
                    None if rec["place"] == "-" else kind,
                    tuple(fold(n) for n in names.split("/")) if names else (),
                    rec["text"],
                )
            )
    return rows


@dataclass(frozen=True)
class Guess:
    """What an interpreter made of a text: first topic, place kind and name."""

    topic: str | None
    place_kind: str | None
    place_name: str | None


def place_right(row: Row, guess: Guess) -> bool:
    """The place is the expected one (or none was expected and none found)."""
    if row.place_kind is None or guess.place_kind is None:
        return row.place_kind is None and guess.place_kind is None
    name = fold(guess.place_name or "")
    return guess.place_kind == row.place_kind and any(n in name for n in row.place_names)


def false_place(row: Row, guess: Guess) -> bool:
    """A place understood where the text has none, or a different one."""
    return guess.place_kind is not None and not place_right(row, guess)


@dataclass
class Score:
    """Counts for one group of rows."""

    rows: int = 0
    topic_right: int = 0
    place_right: int = 0
    false_places: int = 0
    misses: list[tuple[Row, Guess]] = field(default_factory=list)

    def add(self, row: Row, guess: Guess) -> None:
        """Count one row."""
        self.rows += 1
        topic_ok = guess.topic == row.topic
        place_ok = place_right(row, guess)
        self.topic_right += topic_ok
        self.place_right += place_ok
        self.false_places += false_place(row, guess)
        if not (topic_ok and place_ok):
            self.misses.append((row, guess))

    @property
    def topic_accuracy(self) -> float:
        """Share of rows whose first topic is right."""
        return self.topic_right / self.rows if self.rows else 0.0

    @property
    def place_accuracy(self) -> float:
        """Share of rows whose place (or no place) is right."""
        return self.place_right / self.rows if self.rows else 0.0


def score(rows: list[Row], guess: Callable[[Row], Guess]) -> dict[tuple[str, str], Score]:
    """Scores by (split or "all", language or "all")."""
    out: dict[tuple[str, str], Score] = {}
    for row in rows:
        g = guess(row)
        for split in ("all", row.split):
            for language in ("all", row.language):
                out.setdefault((split, language), Score()).add(row, g)
    return out
