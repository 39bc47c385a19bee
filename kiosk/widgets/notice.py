"""A friendly message line: what went wrong and what to do, never a traceback."""

from __future__ import annotations

from textual.widgets import Static

from kiosk.literal import literal


class Notice(Static):
    """Shows one friendly message, or nothing."""

    DEFAULT_CSS = """
    Notice { height: auto; padding: 0 1; display: none; text-style: bold; }
    Notice.-shown { display: block; }
    """

    def show(self, text: str) -> None:
        """Show a message (marked with a symbol so it reads without colour)."""
        self.update(literal(f"! {text}"))
        self.add_class("-shown")

    def clear(self) -> None:
        """Hide the message."""
        self.update("")
        self.remove_class("-shown")

    @property
    def text(self) -> str:
        """The message shown, or "" when none."""
        return str(self.render()) if self.has_class("-shown") else ""
