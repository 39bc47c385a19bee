"""A service as a vCard 3.0 contact card, for "Save contact" (RFC 6350 escaping)."""

from __future__ import annotations

import re

from directory import ServiceDetail

NOT_DIALLED = re.compile(r"[^\d+]")


def _escape(text: str) -> str:
    text = " ".join(text.split())  # no line breaks: a newline would start a new property
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def vcard(detail: ServiceDetail) -> str:
    """The contact card: organisation name, phones, email, website, address, and a note."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(detail.name)}"]
    lines.append(f"ORG:{_escape(detail.organization or detail.name)}")
    for phone in detail.phones:
        number = NOT_DIALLED.sub("", phone.number)
        if number:
            lines.append(f"TEL;TYPE=VOICE:{number}")
    if detail.email:
        lines.append(f"EMAIL:{_escape(detail.email)}")
    if detail.url.startswith(("https://", "http://")):
        lines.append(f"URL:{_escape(detail.url)}")
    if detail.address:
        a = detail.address
        street = ", ".join(x for x in (a.address_1, a.address_2) if x)
        parts = ["", "", street, a.city, a.region, a.postal_code, a.country]
        lines.append("ADR;TYPE=WORK:" + ";".join(_escape(p or "") for p in parts))
    if detail.description:
        lines.append(f"NOTE:{_escape(detail.description[:300])}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"
