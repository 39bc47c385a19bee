"""One service's details as a text message, within a segment budget: the one composer.

The kiosk's "Text me this" and the SMS line's details reply send the same thing, so they are
composed here, once: the name, phones, hours, address and web link, the "not yet checked"
warning for an entry nobody has checked, then (if room) the description, and the caller's
footer. Everything is mapped into GSM-7 where the language allows (directory/text/gsm.py), and
the message is fitted to the budget by dropping the least needed parts first; the warning and
the footer are never cut (before, the kiosk cut at 459 characters and the sender cut again at
two segments, and the warning could be lost).
"""

from __future__ import annotations

from directory.models import ServiceDetail
from directory.text.gsm import count_segments, sanitise
from directory.text.presentation import HOURS, TEL, presentation

SEGMENTS = 2  # a details text on either channel: two segments at most
ELLIPSIS = "..."


def details_message(
    detail: ServiceDetail, language: str, *, footer: str = "", segments: int = SEGMENTS
) -> str:
    """The details of one service as a text of at most `segments` segments."""
    words = presentation(language)
    name = detail.name
    if detail.organization and detail.organization != detail.name:
        name = f"{detail.name} ({detail.organization})"
    # In the order they are given up when the text is too long: last first.
    essentials = [name]
    if detail.phones:
        numbers = "; ".join(
            words.phone(p.number, p.description if i == 0 else "")
            for i, p in enumerate(detail.phones[:2])
        )
        essentials.append(f"{words._(TEL)}: {numbers}")
    if detail.hours:
        essentials.append(f"{words._(HOURS)}: {words.hours_short(detail.hours)}")
    if detail.address:
        essentials.append(", ".join(detail.address.lines()))
    if detail.url:
        essentials.append(detail.url.removeprefix("https://").removeprefix("http://").rstrip("/"))
    kept = [line for line in [words.checked(None) if not detail.verified else "", footer] if line]
    optional = [detail.description] if detail.description else []

    def clean(lines: list[str]) -> list[str]:
        return [sanitise(line, language) for line in lines]

    def fits(lines: list[str]) -> bool:
        return count_segments("\n".join(clean(lines) + clean(kept))).segments <= segments

    lines = essentials + optional
    while not fits(lines) and len(lines) > 2:  # the description, then web, address, hours
        lines.pop()
    if fits(lines):
        return "\n".join(clean(lines) + clean(kept))
    return "\n".join([_cut("\n".join(clean(lines)), clean(kept), segments), *clean(kept)])


def _cut(text: str, kept: list[str], segments: int) -> str:
    """The longest start of `text` (at a word, with "...") that fits beside the kept lines."""

    def fits(candidate: str) -> bool:
        return count_segments("\n".join([candidate, *kept])).segments <= segments

    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if fits(text[:mid].rstrip() + ELLIPSIS):
            low = mid
        else:
            high = mid - 1
    cut = text[:low]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:\n") + ELLIPSIS
