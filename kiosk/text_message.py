"""The text a family receives from "Text me this": short, plain, in their language."""

from __future__ import annotations

from collections.abc import Callable

from directory import ServiceDetail
from directory.text.presentation import presentation

MAX_CHARS = 459  # three UCS-2 segments at most (Greek or Romanian need UCS-2)


def compose_text(
    detail: ServiceDetail, _: Callable[[str], str], language: str, centre_name: str = ""
) -> str:
    """Name, phones, hours, address and web link of one service, then where it came from."""
    words = presentation(language)
    phone_word, open_word = _("Phone"), _("Open")
    lines = [detail.name]
    for phone in detail.phones[:3]:
        lines.append(f"{phone_word}: {words.phone(phone.number, phone.description)}")
    hours = words.hours_lines(detail.hours)
    if hours:
        lines.append(f"{open_word}: " + "; ".join(hours))
    if detail.address:
        lines.append(", ".join(detail.address.lines()))
    if detail.url:
        lines.append(detail.url)
    if not detail.verified:
        lines.append(words.checked(None))
    footer = _("Sent from the Waypost kiosk")
    if centre_name:
        footer += f", {centre_name}"
    lines.append(footer)
    body = "\n".join(lines)
    if len(body) > MAX_CHARS:
        body = body[: MAX_CHARS - 1] + "…"
    return body
