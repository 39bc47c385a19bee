"""The always-visible "Need to talk now?" strip: national 24-hour helplines."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from directory import ServiceResult
from kiosk.literal import Line, bold, lines


class HelplineStrip(Static):
    """Helpline names and numbers, docked at the bottom of every main screen."""

    DEFAULT_CSS = """
    HelplineStrip {
        dock: bottom; height: auto; max-height: 5; padding: 0 1; border-top: heavy $foreground;
    }
    """

    def show(self, title: str, helplines: list[ServiceResult], fallback: str) -> None:
        """Show the title and one line per helpline (name and first number)."""
        rows: list[Line] = [bold(title)]
        for line in helplines[:3]:
            number = line.phones[0].number if line.phones else ""
            rows.append(Content.assemble(bold(number), "  ", line.name) if number else line.name)
        if not helplines:
            rows.append(fallback)
        self.update(lines(rows))
