"""The `waypost` command: one entry point, commands registered from waypost.commands."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from waypost.commands import build, search

COMMANDS = [build.build_command, search.search_command]


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


for command in COMMANDS:
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="waypost")
