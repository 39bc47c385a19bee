"""The text a family receives from "Text me this": the core's details message, signed.

The details are composed by the core (directory/text/details_message.py), the same as the SMS
line's details reply and to the same two-segment budget; only the footer is the kiosk's.
"""

from __future__ import annotations

from collections.abc import Callable

from directory import ServiceDetail
from directory.text.details_message import details_message


def compose_text(
    detail: ServiceDetail, _: Callable[[str], str], language: str, centre_name: str = ""
) -> str:
    """The service's details, then "Sent from the Waypost kiosk" (and the centre, if named)."""
    footer = _("Sent from the Waypost kiosk")
    if centre_name:
        footer += f", {centre_name}"
    return details_message(detail, language, footer=footer)
