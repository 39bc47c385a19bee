"""A Button that is cheap to build and whose label is always literal text."""

from __future__ import annotations

from typing import Any

from textual.content import Content, ContentText
from textual.widgets import Button

from kiosk.literal import literal


class KioskButton(Button):
    """A Button that skips restyling itself before it is mounted, and never reads markup.

    Button's constructor sets its `flat` and `variant` reactives, and each class change asks
    the stylesheet to restyle the widget at once, although it is not on screen yet and is
    styled in full when mounted. That was most of the time it took to show a screen of tiles
    or a keypad (docs/performance.md).

    Labels carry directory text (category tiles, suggestions): a `str` label would be read as
    markup by Button, so it is turned into literal Content, when built and when changed.
    """

    def __init__(self, label: ContentText | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(None if label is None else self._literal(label), *args, **kwargs)

    @staticmethod
    def _literal(label: ContentText) -> Content:
        return literal(label) if isinstance(label, str | Content) else Content.from_text(label)

    def validate_label(self, label: ContentText) -> Content:
        """A new label, literal."""
        return self._literal(label)

    def update_node_styles(self, animate: bool = True) -> None:
        """Restyle now if on screen; otherwise mounting will style it."""
        if self.is_attached:
            super().update_node_styles(animate)
