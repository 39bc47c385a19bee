"""Composing replies within their segment budget: pages in two segments, prompts in one.

Pure functions over the core's dataclasses and a `Wording`; nothing here reads a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlparse

from directory.models import PrisonVisiting, ServiceDetail, ServiceResult
from directory.text.details_message import details_message
from directory.text.presentation import presentation
from sms_gateway import templates as t
from sms_gateway.gsm import count_segments
from sms_gateway.templates import Wording

PAGE_SEGMENTS = 2
PROMPT_SEGMENTS = 1


def truncate(text: str, segments: int) -> str:
    """Cut a text at a word so that it fits in `segments` (a last resort; budgets come first)."""
    if count_segments(text).segments <= segments:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix (plus "...") that fits
        mid = (low + high + 1) // 2
        if count_segments(text[:mid].rstrip() + "...").segments <= segments:
            low = mid
        else:
            high = mid - 1
    cut = text[:low]
    if " " in cut[len(cut) // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:") + "..."


def prompt(w: Wording, msgid: str, **values: object) -> str:
    """A prompt or error: one segment."""
    return truncate(w(msgid, **values), PROMPT_SEGMENTS)


def _contact(result: ServiceResult) -> str:
    if result.phones:
        return result.phones[0].number
    if result.url:
        host = urlparse(result.url).netloc or result.url
        return host.removeprefix("www.")
    return ""


def _short(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "."


def _line(w: Wording, number: int | None, r: ServiceResult, limit: int, country: str) -> str:
    parts = [f"{number}." if number is not None else "-", _short(w.clean(r.name), limit)]
    if not r.assured_date:
        parts[-1] += "*"
    distance = presentation(w.language).distance_short(r.distance_km, country)
    if distance:
        parts.append(distance)
    contact = _contact(r)
    if contact:
        parts.append(w.clean(contact))
    return " ".join(parts)


def results_page(
    w: Wording,
    *,
    topic: str,
    place: str,
    local: Sequence[ServiceResult],
    national: Sequence[ServiceResult],
    first_number: int,
    has_more: bool,
    country: str,
    area: str | None = None,
) -> str:
    """One page of results, nearest first, national ones after under where they serve ("Across
    Scotland:"); always within two segments."""
    attempts = [(40, len(national)), (28, len(national)), (28, 1), (22, 1), (22, 0), (16, 0)]
    text = ""
    for limit, national_count in attempts:
        lines = [w(t.RESULTS_HEAD, topic=topic, place=place)]
        if not local:
            lines = [w(t.NONE_FOUND, topic=topic, place=place)]
        number = first_number
        for r in local:
            lines.append(_line(w, number, r, limit, country))
            number += 1
        shown_national = list(national[:national_count])
        lines += _national_lines(w, shown_national, number, limit, country, area)
        number += len(shown_national)
        if any(not r.assured_date for r in [*local, *shown_national]):
            lines.append(w(t.UNCHECKED))
        if number > first_number:
            lines.append(w(t.MORE_HINT if has_more else t.NUMBER_HINT))
        text = "\n".join(lines)
        if count_segments(text).segments <= PAGE_SEGMENTS:
            return text
    return truncate(text, PAGE_SEGMENTS)


def _national_lines(
    w: Wording,
    national: list[ServiceResult],
    first_number: int,
    limit: int,
    country: str,
    area: str | None,
) -> list[str]:
    """Numbered national lines under where they serve ("Across Scotland:"), one heading per
    run of lines that serve the same area."""
    words = presentation(w.language)
    lines: list[str] = []
    heading = None
    for number, r in enumerate(national, start=first_number):
        label = words.area_label(r.areas, area)
        if label != heading:
            lines.append(w.clean(f"{label}:"))
            heading = label
        lines.append(_line(w, number, r, limit, country))
    return lines


def national_page(
    w: Wording, *, topic: str, national: Sequence[ServiceResult], country: str
) -> str:
    """National services of a topic that needs no place (helplines); within two segments."""
    text = ""
    for limit, count in ((40, len(national)), (28, len(national)), (22, 2), (16, 1)):
        lines = [topic, *_national_lines(w, list(national[:count]), 1, limit, country, None)]
        if any(not r.assured_date for r in national[:count]):
            lines.append(w(t.UNCHECKED))
        lines.append(w(t.NUMBER_HINT))
        text = "\n".join(lines)
        if count_segments(text).segments <= PAGE_SEGMENTS:
            return text
    return truncate(text, PAGE_SEGMENTS)


def details(w: Wording, d: ServiceDetail) -> str:
    """Full details of one service: the core's one composer, as "Text me this" sends them."""
    return details_message(d, w.language, segments=PAGE_SEGMENTS)


def helpline_line(w: Wording, msgid: str, helpline: ServiceResult, **more: object) -> str:
    """ "To talk now: Samaritans 116 123" (or the distress wording)."""
    phone = helpline.phones[0].number if helpline.phones else _contact(helpline)
    return w(msgid, name=w.clean(helpline.name), phone=phone, **more)


def menu(w: Wording, example: str, topics: Sequence[str], helpline: ServiceResult | None) -> str:
    """The short menu with an example, and one national helpline; two segments."""
    tail = "\n" + helpline_line(w, t.TALK_NOW, helpline) if helpline else ""
    shown = list(topics)
    while True:
        text = w(t.MENU, example=example, topics=", ".join(shown)) + tail
        if count_segments(text).segments <= PAGE_SEGMENTS or len(shown) <= 3:
            return truncate(text, PAGE_SEGMENTS)
        shown.pop()


def topics_near(w: Wording, place: str, topics: Sequence[str], example: str) -> str:
    """The topics with services near a place; two segments."""
    shown = list(topics)
    while True:
        text = w(t.TOPICS_NEAR, place=place, topics=", ".join(shown), example=example)
        if count_segments(text).segments <= PAGE_SEGMENTS or len(shown) <= 3:
            return truncate(text, PAGE_SEGMENTS)
        shown.pop()


def prison_page(w: Wording, visiting: PrisonVisiting, topics: Sequence[str], place: str) -> str:
    """A prison's visits booking line and times first, then a short menu; two segments."""
    name = w.clean(visiting.display_name)
    words = presentation(w.language)
    if not visiting.is_open:
        head = w.clean(words.prison_closed(visiting.display_name, visiting.area))
    elif visiting.visits_phone:
        slots = w.clean(words.hours_short(visiting.visit_slots))
        head = w(t.PRISON_VISITS, prison=name, phone=visiting.visits_phone, slots=slots).rstrip()
    else:
        head = w(t.PRISON_NO_PHONE, prison=name)
    centre = visiting.visitor_centre
    if centre is not None and visiting.is_open:
        head += "\n" + w.clean(" ".join([words.visitor_centre(centre.operator), centre.phone]))
    text = head.rstrip() + "\n" + w(t.PRISON_MENU, topics=", ".join(topics), place=place)
    return text if count_segments(text).segments <= PAGE_SEGMENTS else truncate(head, 2)


def first_steps(
    w: Wording, visiting: PrisonVisiting, topics: Sequence[str], place: str, talk: str | None
) -> str:
    """Someone new to prison names one: how to book a visit there, and the families helpline
    ("To talk now: ..."), then what else to ask if there is room; two segments."""
    page = prison_page(w, visiting, topics, place)
    if not talk:
        return page
    head, _, menu = page.partition("\n")
    for text in (f"{head}\n{talk}\n{menu}".rstrip(), f"{head}\n{talk}"):
        if count_segments(text).segments <= PAGE_SEGMENTS:
            return text
    return page


def with_distress(w: Wording, helpline: ServiceResult | None, reply: str) -> str:
    """Put the 24-hour helpline first; keep the reply's first part if there is room."""
    if helpline is None:
        return reply
    first = helpline_line(w, t.DISTRESS, helpline)
    combined = first + ("\n" + reply if reply else "")
    return combined if count_segments(combined).segments <= PAGE_SEGMENTS else first
