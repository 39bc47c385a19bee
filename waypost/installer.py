"""Installing Waypost on a kiosk or gateway machine: describing or carrying out the plan.

`apply()` carries a plan (install_plan.py) out under a root folder ("/" on the real machine, a
temporary folder in tests); `describe()` says what it would do. Files marked keep_existing are
written only when missing, and a file already holding its content is left as it is.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from waypost.install_plan import Command, FileItem, Plan

Runner = Callable[[list[str]], None]


def _run(argv: list[str]) -> None:
    subprocess.run(argv, check=True)


def _target(root: Path, path: str) -> Path:
    return root / path.lstrip("/")


def _skipped(command: Command, root: Path) -> bool:
    if command.live_only and root != Path("/"):
        return True
    if command.unless_exists and _target(root, command.unless_exists).exists():
        return True
    if command.unless_user:
        try:
            pwd.getpwnam(command.unless_user)
        except KeyError:
            return False
        return True
    return False


def describe(plan_: Plan, root: Path = Path("/")) -> list[str]:
    """One line per action, as `--dry-run` prints them (paths as on the installed machine)."""
    lines = [f"mkdir  {path} ({mode:o})" for path, mode in plan_.dirs]
    for item in plan_.files:
        exists = _target(root, item.path).exists()
        how = "build" if item.build_from else "copy" if item.copy_from else "write"
        if item.keep_existing and exists:
            lines.append(f"keep   {item.path} (already there; not overwritten)")
        else:
            lines.append(f"{how:<6} {item.path} ({item.mode:o})")
    for command in plan_.commands:
        prefix = "skip   " if _skipped(command, root) else "run    "
        lines.append(prefix + " ".join(command.argv))
    return lines


def apply(plan_: Plan, root: Path = Path("/"), run: Runner = _run) -> list[str]:
    """Carry out the plan under `root`; return one line per file or command, as done."""
    done: list[str] = []
    for path, mode in plan_.dirs:
        target = _target(root, path)
        target.mkdir(parents=True, exist_ok=True)
        os.chmod(target, mode)
    for item in plan_.files:
        target = _target(root, item.path)
        if item.keep_existing and target.exists():
            done.append(f"kept      {item.path}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.content is not None and target.is_file() and target.read_bytes() == item.content:
            os.chmod(target, item.mode)
            done.append(f"unchanged {item.path}")
            continue
        _write(item, target)
        done.append(f"wrote     {item.path}")
    for command in plan_.commands:
        if _skipped(command, root):
            continue
        run(command.argv)
        done.append("ran       " + " ".join(command.argv))
    return done


def _write(item: FileItem, target: Path) -> None:
    partial = target.with_name(f".{target.name}.partial")
    if item.build_from is not None:
        from directory.building.builder import build  # the core builds straight to its final name

        build(item.build_from, target)
        os.chmod(target, item.mode)
        return
    if item.copy_from is not None:
        shutil.copyfile(item.copy_from, partial)
    else:
        assert item.content is not None
        partial.write_bytes(item.content)
    os.chmod(partial, item.mode)
    os.replace(partial, target)
