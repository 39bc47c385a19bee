"""The issue 13 table through the SMS line (`waypost sms try --json`): right answers, and what was
understood in the JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sms_gateway.test_cli import try_json


def test_book_a_visit_to_brixton_gets_brixtons_visiting(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("how do i book a visit to brixton", built_db, state_path, tmp_path)
    assert data["understood"]["topics"] == ["visiting"]
    assert data["understood"]["place"]["kind"] == "prison"
    assert data["understood"]["prison"] == "HMP Brixton"
    assert "Brixton" in data["reply"].split("\n")[0] and "How" not in data["reply"].split("\n")[0]
    assert "Deerbolt" not in data["reply"]


def test_money_for_the_train_is_travel_to_wandsworth(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    text = "need money for the train to visit my son in wandsworth"
    data = try_json(text, built_db, state_path, tmp_path)
    assert data["understood"]["topics"][0] == "travel"
    assert data["understood"]["place"]["kind"] == "prison"
    first = data["reply"].split("\n")[0]
    assert "Wandsworth" in first and "Train" not in first


def test_talk_to_someone_gets_helplines_without_a_place(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("talk to someone", built_db, state_path, tmp_path)
    assert data["understood"] == {
        "topics": ["helplines"], "place": None, "prison": None, "language": "en"
    }  # fmt: skip
    assert "Samaritans" in data["reply"] and " To" not in data["reply"]
    detail = try_json("1", built_db, state_path, tmp_path)
    assert "116 123" in detail["reply"]


def test_my_kid_is_upset_asks_where_for_children(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("my kid is upset dad is in prison", built_db, state_path, tmp_path)
    assert data["understood"]["topics"][0] == "children"
    assert data["understood"]["place"] is None
    assert " Is " not in data["reply"] and "near Is" not in data["reply"]
    page = try_json("Leeds", built_db, state_path, tmp_path)
    assert "Leeds" in page["reply"].split("\n")[0]


def test_just_sent_to_hmp_lewes_gets_that_prison_not_the_menu(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    text = "my husband just got sent to HMP Lewes what do i do"
    data = try_json(text, built_db, state_path, tmp_path)
    assert data["understood"]["topics"] == [] and data["understood"]["prison"] == "HMP & YOI Lewes"
    assert "Lewes" in data["reply"] and "01273 785271" in data["reply"]  # how to book there
    assert "Prisoners' Families Helpline" in data["reply"] and data["segments"] <= 2


def test_petrol_to_visit_swaleside_is_travel_costs(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    text = "I need help paying for petrol to visit HMP Swaleside"
    data = try_json(text, built_db, state_path, tmp_path)
    assert data["understood"]["topics"][0] == "travel"
    first = data["reply"].split("\n")[0]
    assert "Travel" in first and "Swaleside" in first
    assert "Help with Prison Visits" in data["reply"]  # help with the costs, not visiting slots


def test_romanian_visit_in_bucharest_is_understood(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("vizita penitenciar Bucuresti", built_db, state_path, tmp_path)
    assert data["understood"]["topics"] == ["visiting"]
    assert data["understood"]["place"]["kind"] == "town"
    assert data["understood"]["language"] == "ro"
    assert "We could not find" not in data["reply"]
    assert "Vizite" in data["reply"].split("\n")[0]


@pytest.mark.parametrize("text", ["how", "to", "is", "hello there", "church tomorrow"])
def test_no_word_is_echoed_as_a_place(
    built_db: Path, state_path: Path, tmp_path: Path, text: str
) -> None:
    data = try_json(text, built_db, state_path, tmp_path)
    assert data["understood"]["place"] is None
    for word in text.split():
        assert f"near {word.title()}" not in data["reply"]


def test_help_prints_twilios_reply_from_the_docs(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    from sms_gateway.gsm import count_segments
    from sms_gateway.twilio_help import TWILIO_HELP_REPLY

    data = try_json("HELP", built_db, state_path, tmp_path)
    assert data["answered_by"] == "twilio" and data["reply"] == TWILIO_HELP_REPLY
    assert count_segments(TWILIO_HELP_REPLY).segments == 1
    docs = (Path(__file__).resolve().parents[2] / "docs" / "sms-help.md").read_text("utf-8")
    assert TWILIO_HELP_REPLY in docs


def test_a_picture_without_words_gets_one_segment(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    from sms_gateway.gsm import count_segments

    data = try_json("", built_db, state_path, tmp_path)
    assert "words only" in data["reply"] and data["segments"] == 1
    assert count_segments(data["reply"]).segments == 1


def test_nothing_understood_is_one_segment_with_an_example_and_a_helpline(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("lol whatever", built_db, state_path, tmp_path)
    assert data["segments"] == 1 and "116 123" in data["reply"] and "e.g." in data["reply"]
    menu = try_json("MENU", built_db, state_path, tmp_path)
    assert "Topics:" in menu["reply"] and menu["segments"] <= 2


def test_two_topics_answer_the_first_and_say_how_to_ask_the_other(
    built_db: Path, state_path: Path, tmp_path: Path
) -> None:
    data = try_json("money manchester and housing", built_db, state_path, tmp_path)
    assert data["understood"]["topics"][:2] == ["money", "housing"]
    assert data["reply"].startswith(("Money", "No Money"))
    assert "For Housing, text HOUSING" in data["reply"] and data["segments"] <= 2
