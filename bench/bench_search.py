"""Search and place-lookup cost at 1k, 10k and 100k services, plus the 100k build time.

Targets at 100k services: near+category p50 <= 1 ms and p99 <= 5 ms, text p50 <= 3 ms,
place resolution <= 0.2 ms, build <= 30 s. Prints a table of how cost grows with size.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synth import synthesise  # noqa: E402
from warm import read_through  # noqa: E402

from directory import open_content, resolve_place, search_services  # noqa: E402
from directory.building.builder import install_database  # noqa: E402
from directory.text.folding import fold  # noqa: E402

OUT = ROOT / "bench" / "out"
SIZES = (1_000, 10_000, 100_000)
QUERIES = 400
WORDS = [
    "family support",
    "advice",
    "bridge trust",
    "harbour",
    "parents network",
    "lifeline",
    "samaritans",
    "counselling",
    "food parcels",
    "benefits debt",
    "support group",
    "kinship",
]
PLACES = [
    "BN7 1EA",
    "bn71ea",
    "BN7",
    "M9",
    "Lewes",
    "Belfast",
    "HMP Lewes",
    "Lewes prison",
    "EH1 3QN",
    "SW1A",
    "Manchester",
    "Cardiff",
    "10115",
    "28013",
    "HMP Wandsworth",
]


def ensure_db(n: int) -> tuple[Path, float | None]:
    """The synthetic database for n services, built if missing; returns (path, build seconds)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"synth-{n}.db"
    if path.exists():
        return path, None
    started = time.perf_counter()
    install_database(synthesise(n), path)
    return path, time.perf_counter() - started


def timed(fn: Callable[[int], object], runs: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def measure(path: Path) -> dict[str, tuple[float, float]]:
    """p50/p99 per query kind on one database."""
    read_through(path)
    db = open_content(path)
    rng = random.Random(1)
    outcodes = [r[0] for r in db.execute("SELECT key FROM place WHERE kind = 'outcode'")]
    places = [resolve_place(db, rng.choice(outcodes)) for _ in range(64)]
    cats = [r[0] for r in db.execute("SELECT key FROM category")]
    for text in PLACES:  # warm caches once, as a running kiosk or gateway would be
        resolve_place(db, text)
    fold.cache_clear()
    results = {
        "near+category": timed(
            lambda i: search_services(
                db, near=places[i % 64], category=cats[i % len(cats)], limit=10
            ),
            QUERIES,
        ),
        "text only": timed(
            lambda i: search_services(db, text=WORDS[i % len(WORDS)], limit=10), QUERIES
        ),
        "near+text": timed(
            lambda i: search_services(
                db, near=places[i % 64], text=WORDS[i % len(WORDS)], limit=10
            ),
            QUERIES,
        ),
        "place resolution": timed(lambda i: resolve_place(db, PLACES[i % len(PLACES)]), QUERIES),
    }
    db.close()
    return results


def main() -> None:
    """Build (or reuse) the synthetic directories, measure, print the table."""
    rows: dict[int, dict[str, tuple[float, float]]] = {}
    build_seconds: dict[int, float | None] = {}
    for n in SIZES:
        path, seconds = ensure_db(n)
        build_seconds[n] = seconds
        rows[n] = measure(path)
    kinds = list(rows[SIZES[0]])
    print(
        f"{'query (ms, p50 / p99)':<22}"
        + "".join(f"{n:>20,}" for n in SIZES)
        + f"{'100k/1k p50':>14}"
    )
    for kind in kinds:
        cells = "".join(f"{rows[n][kind][0]:>10.3f} /{rows[n][kind][1]:>7.3f}" for n in SIZES)
        growth = rows[SIZES[-1]][kind][0] / max(rows[SIZES[0]][kind][0], 1e-9)
        print(f"{kind:<22}{cells}{growth:>13.1f}x")
    for n in SIZES:
        shown = "reused cached file" if build_seconds[n] is None else f"{build_seconds[n]:.1f} s"
        print(f"build {n:>7,} services: {shown}")
    if build_seconds[SIZES[-1]] is None:
        print("(delete bench/out/synth-100000.db to measure the 100k build again)")
    big = rows[SIZES[-1]]
    verdicts = [
        ("near+category p50 <= 1 ms", big["near+category"][0] <= 1),
        ("near+category p99 <= 5 ms", big["near+category"][1] <= 5),
        ("text p50 <= 3 ms", big["text only"][0] <= 3),
        ("place resolution p50 <= 0.2 ms", big["place resolution"][0] <= 0.2),
    ]
    if build_seconds[SIZES[-1]] is not None:
        verdicts.append(("build 100k <= 30 s", build_seconds[SIZES[-1]] <= 30))  # type: ignore[operator]
    for label, ok in verdicts:
        print(f"target {label}: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
