"""The `waypost` command: one entry point; each module in waypost.commands adds its commands.

Commands are loaded lazily, so `waypost kiosk` does not pay for FastAPI or reportlab, and
`waypost sms serve` does not pay for Textual. tests/waypost/test_cli.py checks that this table
matches each module's COMMANDS.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click

# command name -> module in waypost.commands that defines it (in its COMMANDS list)
COMMAND_MODULES = {
    "build": "build",
    "cards": "cards",
    "export": "exchange",
    "export-checks": "checks",
    "import-checks": "checks",
    "import": "exchange",
    "health": "serve.health",
    "install": "install",
    "kiosk": "serve.kiosk",
    "prison": "guides",
    "stage": "guides",
    "kiosk-web": "serve.kiosk_web",
    "publish": "release",
    "sync": "release",
    "release-key": "release",
    "report": "report",
    "say": "serve.say",
    "search": "search",
    "sms": "serve.sms",
    "stale": "stale",
    "stats": "stats",
    "verify": "stale",
    "state": "state",
    "web": "serve.web",
}


def load_command(name: str) -> click.Command | None:
    """Import the module that defines a command and return the command."""
    module_name = COMMAND_MODULES.get(name)
    if module_name is None:
        return None
    module = importlib.import_module(f"waypost.commands.{module_name}")
    for command in getattr(module, "COMMANDS", []):
        if command.name == name:
            return command
    return None


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used (or listed by --help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return load_command(cmd_name)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="TOML settings file (default: /etc/waypost/waypost.toml if it exists).",
)
@click.option("-v", "--verbose", is_flag=True, help="Show more detail in the log.")
@click.version_option(package_name="waypost")
@click.pass_context
def cli(ctx: click.Context, config: Path | None, verbose: bool) -> None:
    """Waypost: help for families of people in prison.

    A touchscreen kiosk, an SMS keyword line and printed wallet cards, all over one local
    directory of support services. Start with `waypost build`, then `waypost search`.
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="waypost")
