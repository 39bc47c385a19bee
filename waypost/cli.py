"""The `waypost` command: one entry point; each module in waypost.commands adds its commands."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from pathlib import Path

import click

import waypost.commands


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


def _register() -> None:
    # Each command module exposes COMMANDS: a list of click commands or groups.
    for info in sorted(pkgutil.iter_modules(waypost.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"waypost.commands.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="waypost")
