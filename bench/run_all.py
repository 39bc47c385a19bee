"""`make bench`: run every bench/bench_*.py in turn; each prints its own figures."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each benchmark script; report failures at the end."""
    only = sys.argv[1:]
    failed = []
    # The import benchmark writes about a gigabyte of databases: it runs last, so that it does
    # not push the others' directories out of memory just before they are measured.
    scripts = sorted(HERE.glob("bench_*.py"), key=lambda p: (p.stem == "bench_import", p.name))
    for script in scripts:
        if only and not any(word in script.stem for word in only):
            continue
        print(f"\n=== {script.name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        print(
            f"--- {script.name}: exit {code} in {time.perf_counter() - started:.1f} s", flush=True
        )
        if code:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
