"""What the CLI prints: the directory's text exactly as it is, never read as markup.

Names, descriptions, towns, sources and import problems come from spreadsheets, HSDS packages
and synced releases, so they are untrusted. A service called `[link=file:///etc/passwd]Help[/]`
or `[bold red]x[/]` must print as those characters, not as a link or in red, and a name
carrying a terminal's own escape sequence must not reach the terminal.

One way, for every command: tables and styled lines go through `console()`, which reads no
markup, no :emoji: codes and highlights nothing in any string it is given (table cells and
titles included); plain lines carrying such text go through `echo()`, error messages
(UserError) through `printable()`. All three show control characters as U+FFFD. Directory
text goes in as a plain string; where our own words style it, `literal(text, style)` makes
the styled piece. A command never writes rich markup.
"""

from __future__ import annotations

import re
from typing import Any

import click
from rich.console import Console
from rich.progress import Progress, ProgressColumn, TextColumn
from rich.style import Style
from rich.text import Text

# C0 controls but line feed and tab, DEL, and C1 controls (ESC starts a terminal command).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SHOWN = "\ufffd"


def printable(value: object) -> str:
    """The text with its control characters shown as U+FFFD (for a line of plain output)."""
    return _CONTROL.sub(_SHOWN, str(value))


def literal(value: object, style: str | Style = "") -> Text:
    """The text exactly as it is (control characters shown as U+FFFD), in our own style."""
    return Text(printable(value), style=style)


class _LiteralConsole(Console):
    """A console for which every string is literal text."""

    def render_str(
        self,
        text: str,
        *,
        style: str | Style = "",
        justify: Any = None,
        overflow: Any = None,
        emoji: bool | None = None,
        markup: bool | None = None,
        highlight: bool | None = None,
        highlighter: Any = None,
    ) -> Text:
        """Turn a string into Text without reading markup or emoji codes in it."""
        return super().render_str(
            printable(text),
            style=style,
            justify=justify,
            overflow=overflow,
            emoji=False,
            markup=False,
            highlight=False,
            highlighter=None,
        )


def console(*, stderr: bool = False) -> Console:
    """The console every command prints its tables and lines through."""
    return _LiteralConsole(stderr=stderr, markup=False, emoji=False, highlight=False)


def echo(message: object, *, err: bool = False) -> None:
    """One plain line (click.echo), with control characters shown as U+FFFD."""
    click.echo(printable(message), err=err)


def progress_bar(*columns: ProgressColumn) -> Progress:
    """A transient progress bar on stderr: the step's name first, literally, then `columns`."""
    step = TextColumn("{task.description:<12}", markup=False)
    return Progress(step, *columns, console=console(stderr=True), transient=True)


__all__ = ["console", "echo", "literal", "printable", "progress_bar"]
