"""Read a database file through once, so that a benchmark measures queries, not the disk.

`make bench` runs the import benchmark, which writes about a gigabyte, and this shared VM
reclaims page cache in the background: measured cold, the 100k directory gave p99 figures of
0.5-0.8 s on one run and ten times less on the next. A kiosk or SMS line that has been up for a
minute has its directory in memory, so the benchmarks measure it warm.
"""

from __future__ import annotations

from pathlib import Path


def read_through(path: Path) -> None:
    """Read the whole file (1 MiB at a time) into the operating system's page cache."""
    with path.open("rb") as fh:
        while fh.read(1 << 20):
            pass
