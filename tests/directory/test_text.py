"""Folding, the hours grammar and the phones field."""

from __future__ import annotations

import pytest

from directory.text.folding import fold
from directory.text.hours import HoursError, format_hours, parse_hours
from directory.text.phones import PhoneError, parse_phones


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Habitação", "habitacao"),
        ("ΣΤΈΓΑΣΗ", "στεγαση"),
        ("Στέγαση", "στεγαση"),
        ("Straße", "strasse"),
        ("LOCUINȚĂ", "locuinta"),
        ("locuinţă", "locuinta"),
        ("  HOUSING,  bn7!! ", "housing bn7"),
        ("ﬁnd", "find"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text",
    [
        "Mon-Fri 09:00-17:00; Sat 10:00-13:00",
        "24 hours",
        "Sat 09:30-11:30, 14:00-16:00",
        "Mon,Wed 13:45-15:45",
        "Daily 08:00-20:00",
        "Tue-Thu 18:00-20:00",
    ],
)
def test_hours_round_trip(text: str) -> None:
    assert format_hours(parse_hours(text)) == text


def test_hours_byday() -> None:
    (opening,) = parse_hours("Mon-Wed 09:00-12:00")
    assert opening.byday == "MO,TU,WE" and opening.opens_at == "09:00"


@pytest.mark.parametrize(
    "text",
    ["Mondays 9-5", "Mon-Fri 9am-5pm", "Funday 09:00-10:00", "Mon 25:00-26:00", "09:00-17:00"],
)
def test_bad_hours(text: str) -> None:
    with pytest.raises(HoursError):
        parse_hours(text)


def test_phones() -> None:
    phones = parse_phones("0808 808 2003 (helpline, free); 116 123; +33 1 42 53 71 85 (Paris)")
    assert [p.number for p in phones] == ["0808 808 2003", "116 123", "+33 1 42 53 71 85"]
    assert phones[0].description == "helpline, free"


@pytest.mark.parametrize("text", ["0500 839 383", "0800 CALL NOW", "12345678901234567", "(office)"])
def test_bad_phones(text: str) -> None:
    with pytest.raises(PhoneError):
        parse_phones(text)


@pytest.mark.parametrize("key", ["samaritans", "", "ștefan-αβγ", "a:b:c", "x" * 300])
def test_stable_uuid_is_uuid5(key: str) -> None:
    import uuid

    from directory.building.records import NAMESPACE, stable_uuid

    assert stable_uuid("service", key) == str(uuid.uuid5(NAMESPACE, f"service:{key}"))
