"""SMS guide words (issue 15): BRING LEWES, GETTING THERE, COSTS, stage words, WRONG."""

from __future__ import annotations

from pathlib import Path

import pytest

from sms_gateway.gsm import count_segments
from tests.sms_gateway.conftest import Sender, message_texts, state_rows

_senders = iter(range(100, 1000))


def one_reply(send: Sender, body: str, sender: str = "", **kw: str) -> str:
    # A new sender for each text unless a conversation is meant (the rate limit is per sender).
    response = send(body, sender=sender or f"+4477009{next(_senders):05d}", **kw)
    assert response.status_code == 200
    texts = message_texts(response.text)
    assert len(texts) == 1, response.text
    assert count_segments(texts[0]).segments <= 2, texts[0]
    return texts[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("BRING LEWES", ["Lewes", "ID and what to bring", "16"]),
        ("llevar lewes", ["Lewes", "Identificacion y qué llevar", "16 años"]),
        ("ADUC LEWES", ["Lewes", "Act de identitate", "16 ani"]),
        ("zabrac HMP Lewes", ["Lewes", "Dokument tozsamosci", "16 lat"]),
        ("MITBRINGEN LEWES", ["Lewes", "Ausweis", "16 Jahren"]),
    ],
)
def test_bring_lewes_in_five_languages_fits_two_segments(
    text: Sender, body: str, expected: list[str]
) -> None:
    reply = one_reply(text, body)
    for part in expected:
        assert part in reply, reply


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("COURT", ["At court (England and Wales)", "magistrates"]),
        ("juzgado", ["En el juzgado", "magistrados"]),
        ("GERICHT", ["Vor Gericht", "Magistrates"]),
        ("INSTANTA", ["La tribunal", "magistrates"]),
        ("ΔΙΚΑΣΤΗΡΙΟ", ["ΔIKAΣTHPIO", "(AΓΓΛIA KAI OYAΛIA)"]),
    ],
)
def test_court_in_five_languages_fits_two_segments(
    text: Sender, body: str, expected: list[str]
) -> None:
    reply = one_reply(text, body)
    for part in expected:
        assert part in reply, reply


def test_other_guide_words_answer_for_a_prison_or_a_stage(text: Sender) -> None:
    assert "0300 063 2100" in one_reply(text, "COSTS LEWES")
    there = one_reply(text, "GETTING THERE LEWES")
    assert "1 Brighton Road" in there and "BN7 1EA" in there
    assert "police station" in one_reply(text, "ARRESTED")
    assert "new prison" in one_reply(text, "MOVED")
    assert "resettlement" in one_reply(text, "RELEASE")


def test_section_word_without_a_prison_asks_which(text: Sender) -> None:
    reply = one_reply(text, "BRING")
    assert "which prison" in reply and "BRING LEWES" in reply
    assert count_segments(reply).segments == 1


def test_visits_lewes_keeps_its_booking_answer(text: Sender) -> None:
    reply = one_reply(text, "VISITS LEWES")
    assert "Lewes: visits" in reply


def test_stage_word_with_an_ordinary_place_is_still_a_search(text: Sender) -> None:
    reply = one_reply(text, "COURT BN7")
    assert "near" in reply and "At court" not in reply


def test_wrong_after_an_answer_is_counted_once(text: Sender, state_path: Path) -> None:
    me = "+447700900123"
    one_reply(text, "BRING LEWES", sender=me)
    assert "Thank you" in one_reply(text, "WRONG", sender=me)
    assert "straight after" in one_reply(text, "WRONG", sender=me)  # nothing left to count
    one_reply(text, "juzgado", sender="+447700900999")
    assert "Gracias" in one_reply(text, "INCORRECTO", sender="+447700900999")
    rows = state_rows(state_path, "SELECT kind, subject, section, channel, count FROM guide_wrong")
    assert sorted(rows) == [
        ("prison", "LWI", "bring", "sms", 1),
        ("stage", "court", "england_wales", "sms", 1),
    ]
    dumped = " ".join(str(r) for r in state_rows(state_path, "SELECT * FROM guide_wrong"))
    assert "7700" not in dumped


def test_wrong_with_nothing_before_explains(text: Sender) -> None:
    assert "straight after" in one_reply(text, "WRONG")
