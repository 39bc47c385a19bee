"""What "Read aloud" says for one service: the details screen in the order a listener needs.

A listener cannot glance back, so the name and what it offers come first, the phone number is
said slowly once the listener knows what it is for, and the "not yet checked" warning is said
in full. The same lines are what `waypost say SERVICE_ID` writes to a file.
"""

from __future__ import annotations

from collections.abc import Callable

from directory import ServiceDetail
from directory.text.i18n import language_name
from directory.text.presentation import presentation

Translate = Callable[[str], str]


def service_lines(detail: ServiceDetail, _: Translate, language: str) -> list[str]:
    """The service's details as lines to speak, in the language (and its translator)."""
    words = presentation(language)
    lines = [detail.name]
    if detail.organization and detail.organization != detail.name:
        lines.append(detail.organization)

    def section(title: str, body: list[str]) -> None:
        body = [line for line in body if line]
        if body:
            lines.append(title + ":")
            lines.extend(body)

    section(_("What it offers"), [detail.description])
    section(_("Who it is for"), [detail.eligibility])
    section(
        _("Phone"),
        [words.phone(p.number, p.description) for p in detail.phones],
    )
    section(_("Opening hours"), [*words.hours_lines(detail.hours), detail.hours_note])
    section(_("Cost"), [detail.fees])
    section(_("Address"), detail.address.lines() if detail.address else [])
    section(_("Languages spoken"), [", ".join(language_name(c) for c in detail.languages)])
    lines.append(words.checked(detail.assured_date if detail.verified else None))
    return lines
