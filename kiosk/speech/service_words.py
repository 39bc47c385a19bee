"""What "Read aloud" says for one service: the details screen in the order a listener needs.

A listener cannot glance back, so the name and what it offers come first, the phone number is
said slowly once the listener knows what it is for, and the "not yet checked" warning is said
in full. The same lines are what `waypost say SERVICE_ID` writes to a file.
"""

from __future__ import annotations

from collections.abc import Callable

from directory import ServiceDetail
from directory.text.i18n import language_name
from kiosk.opening_hours import hours_in_words

Translate = Callable[[str], str]


def service_lines(detail: ServiceDetail, _: Translate) -> list[str]:
    """The service's details as lines to speak, in the translator's language."""
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
        [p.number + (f" ({p.description})" if p.description else "") for p in detail.phones],
    )
    section(_("Opening hours"), [*hours_in_words(detail.hours, _), detail.hours_note])
    section(_("Cost"), [detail.fees])
    section(_("Address"), detail.address.lines() if detail.address else [])
    section(_("Languages spoken"), [", ".join(language_name(c) for c in detail.languages)])
    if detail.verified:
        lines.append(_("Checked {date}").format(date=detail.assured_date))
    else:
        lines.append(_("Not yet checked: please confirm before you travel"))
    return lines
