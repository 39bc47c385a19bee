"""One large, tappable search result: name, distance, phone, and when it was last checked."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from directory import ServiceResult


class ResultRow(Static, can_focus=True):
    """A result row; a tap posts ResultRow.Selected."""

    DEFAULT_CSS = """
    ResultRow { height: 4; padding: 0 1; border-bottom: solid $foreground; }
    ResultRow:focus { text-style: reverse; }
    """

    class Selected(Message):
        """A result was tapped."""

        def __init__(self, service_id: str) -> None:
            super().__init__()
            self.service_id = service_id

    def __init__(self, result: ServiceResult, lines: tuple[str, str, str]) -> None:
        super().__init__(id=f"result-{result.service_id}", classes="result")
        self.result = result
        name, middle, checked = lines
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("▸ " + name, style="bold")
        text.append("\n" + middle + "\n" + checked)
        self.update(text)

    def on_click(self, event: events.Click) -> None:
        """Open this service."""
        event.stop()
        self.post_message(self.Selected(self.result.service_id))

    def key_enter(self) -> None:
        """Open this service with the keyboard (staff testing)."""
        self.post_message(self.Selected(self.result.service_id))
