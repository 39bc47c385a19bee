"""The always-visible "Need to talk now?" strip: national 24-hour helplines."""

from __future__ import annotations

from textual.widgets import Static

from directory import ServiceResult


class HelplineStrip(Static):
    """Helpline names and numbers, docked at the bottom of every main screen."""

    DEFAULT_CSS = """
    HelplineStrip {
        dock: bottom; height: auto; max-height: 5; padding: 0 1; border-top: heavy $foreground;
    }
    """

    def show(self, title: str, lines: list[ServiceResult], fallback: str) -> None:
        """Show the title and one line per helpline (name and first number)."""
        rows = [f"[b]{title}[/b]"]
        for line in lines[:3]:
            number = line.phones[0].number if line.phones else ""
            rows.append(f"[b]{number}[/b]  {_escape(line.name)}" if number else _escape(line.name))
        if not lines:
            rows.append(fallback)
        self.update("\n".join(rows))


def _escape(text: str) -> str:
    return text.replace("[", "\\[")
