"""A Button that is cheap to build: the kiosk composes dozens of them per screen."""

from __future__ import annotations

from textual.widgets import Button


class KioskButton(Button):
    """A Button that skips restyling itself before it is mounted.

    Button's constructor sets its `flat` and `variant` reactives, and each class change asks
    the stylesheet to restyle the widget at once, although it is not on screen yet and is
    styled in full when mounted. That was most of the time it took to show a screen of tiles
    or a keypad (docs/performance.md).
    """

    def update_node_styles(self, animate: bool = True) -> None:
        """Restyle now if on screen; otherwise mounting will style it."""
        if self.is_attached:
            super().update_node_styles(animate)
