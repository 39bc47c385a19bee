"""Options and error handling shared by the commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from directory.errors import DirectoryError
from directory.settings import S, load_settings
from waypost.terminal import printable

F = TypeVar("F", bound=Callable[..., Any])

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Directory database file (default: var/directory.db, or WAYPOST_DB).",
)
state_db_option = click.option(
    "--state-db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="State database file (default: var/state.db, or WAYPOST_STATE_DB).",
)


def settings_for(
    ctx: click.Context,
    cls: type[S],
    section: str | None = None,
    **overrides: Any,
) -> S:
    """Build the settings for this command; a bad setting is one clear line, exit 2."""
    config = (ctx.find_root().obj or {}).get("config")
    try:
        return load_settings(cls, config, section, **overrides)
    except (ValueError, FileNotFoundError) as exc:
        raise click.UsageError(f"Bad settings: {exc}") from None


class UserError(click.ClickException):
    """A clear one-line error; exit status 2."""

    exit_code = 2

    def format_message(self) -> str:
        """The message as printed: it often quotes the directory's own (untrusted) text."""
        return printable(self.message)


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn the core's errors into one clear line and exit status 2, never a traceback."""
    try:
        yield
    except DirectoryError as exc:
        raise UserError(str(exc)) from None
