"""The `waypost` command line: help everywhere, search output, clear errors with exit 2."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from waypost.cli import cli


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, f"{name} is listed but cannot be loaded"
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("path", _commands(cli))
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    command: click.Command | None = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.get_command(click.Context(command), name)
    assert command is not None
    assert command.help and len(command.help.strip()) > 20, f"{path} needs a real help text"


def test_lazy_command_table_matches_the_modules() -> None:
    import pkgutil

    import waypost.commands
    from waypost.cli import COMMAND_MODULES

    defined = {}
    for info in pkgutil.walk_packages(waypost.commands.__path__, "waypost.commands."):
        module = importlib.import_module(info.name)
        for command in getattr(module, "COMMANDS", []):
            defined[command.name] = info.name.removeprefix("waypost.commands.")
    assert defined == COMMAND_MODULES


def test_kiosk_command_does_not_load_the_web_or_pdf_stack() -> None:
    code = (
        "import sys; from waypost.cli import load_command; load_command('kiosk');"
        "print(' '.join(m for m in ('fastapi', 'reportlab', 'twilio') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_search_json(built_db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["search", "--db", str(built_db), "--near", "BN7 1EA", "--category", "visiting", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["place"]["outcode"] == "BN7"
    assert data["local"][0]["service_id"] == "prison-visits-lwi"
    assert isinstance(data["national"], list)


def test_search_table(built_db: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["search", "--db", str(built_db), "--near", "BN7 1EA", "--category", "visiting"],
        env={"COLUMNS": "160"},
    )
    assert result.exit_code == 0
    assert "Lewes" in result.output and "not yet checked" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--near", "Nowhereville-on-Sea"], "could not find the place"),
        (["--category", "spaceships"], "Unknown category"),
        ([], "Give some words"),
    ],
)
def test_search_errors_are_one_line_exit_2(built_db: Path, args: list[str], message: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "waypost", "search", "--db", str(built_db), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "--db", str(tmp_path / "none.db"), "housing"])
    assert result.exit_code == 2
    assert "waypost build" in result.output


def test_build_reports_validation_errors(tmp_path: Path, data_copy: Path) -> None:
    services = data_copy / "services.csv"
    lines = services.read_text(encoding="utf-8").splitlines()
    first_id = lines[1].split(",")[0]
    bad = "Bad Id!" + lines[1][len(first_id) :]
    services.write_text("\n".join([*lines, bad]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["build", "--data", str(data_copy), "--db", str(tmp_path / "d.db")]
    )
    assert result.exit_code == 2
    assert f"services.csv, row {len(lines) + 1}, column 'service_id'" in result.output
    assert not (tmp_path / "d.db").exists()
