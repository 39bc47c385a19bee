"""The reply composer and the dialogue's rules, as pure functions: no database, no server."""

from __future__ import annotations

import dataclasses

import pytest

from directory.models import Address, Phone, PrisonVisiting, ServiceResult, VisitorCentre
from directory.state.sms_sessions import Session
from sms_gateway import replies
from sms_gateway import templates as t
from sms_gateway.dialogue import choose_language, parse_language_hint
from sms_gateway.gsm import count_segments
from sms_gateway.parser import Command
from sms_gateway.templates import Wording


def _result(
    number: int, *, km: float | None = 1.0, checked: str | None = "2025-01-01"
) -> ServiceResult:
    return ServiceResult(
        service_id=f"svc-{number}",
        name=f"Fixture Service Number {number} With A Long Name",
        organization="Fixture Org",
        distance_km=km,
        phones=[Phone(f"01234 56789{number % 10}")],
        categories=["housing"],
        schedule_text="",
        assured_date=checked,
    )


def _page(language: str, country: str, **kwargs: object) -> str:
    values: dict[str, object] = {
        "topic": "Housing",
        "place": "Lewes",
        "local": [_result(i) for i in range(3)],
        "national": [],
        "first_number": 1,
        "has_more": True,
        "country": country,
    }
    values.update(kwargs)
    return replies.results_page(Wording(language), **values)  # type: ignore[arg-type]


def test_a_page_gives_distances_in_miles_in_britain_and_km_elsewhere() -> None:
    assert "0.6mi" in _page("en", "GB")
    assert "1.0km" in _page("en", "IE")


def test_a_page_numbers_results_and_marks_the_unchecked() -> None:
    page = _page("en", "GB", local=[_result(1), _result(2, checked=None)], first_number=4)
    lines = page.splitlines()
    assert lines[0] == "Housing near Lewes:"
    assert lines[1].startswith("4. ") and lines[2].startswith("5. ")
    assert "*" in lines[2] and "*" not in lines[1]
    assert Wording("en")(t.UNCHECKED) in page
    assert lines[-1] == Wording("en")(t.MORE_HINT)


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_a_full_page_always_fits_two_segments(language: str) -> None:
    page = _page(language, "GB", local=[_result(i) for i in range(5)], national=[_result(9)])
    assert count_segments(page).segments <= replies.PAGE_SEGMENTS


def test_no_local_results_say_so() -> None:
    page = _page("en", "GB", local=[], national=[_result(1, km=None)], has_more=False)
    assert page.startswith("No Housing services found near Lewes yet.")


def _national(number: int, areas: list[str]) -> ServiceResult:
    return dataclasses.replace(_result(number, km=None), scope="national", areas=areas)


def test_national_results_say_where_they_serve_in_the_senders_language() -> None:
    national = [_national(1, ["GB-SCT"]), _national(2, ["GB"]), _national(3, ["GB"])]
    page = _page("en", "GB", local=[], national=national, area="GB-SCT")
    lines = page.splitlines()
    assert "Across Scotland:" in lines and "Across the UK:" in lines
    assert lines.index("Across Scotland:") < lines.index("Across the UK:")
    assert page.count("Across the UK:") == 1  # one heading for the two UK-wide lines
    assert "UK-wide" not in page
    spanish = _page("es", "ES", local=[], national=[_national(4, ["ES", "PT"])], area="ES")
    assert "En toda España:" in spanish and "Reino Unido" not in spanish
    wales = _page("cy", "GB", local=[], national=[_national(5, ["GB-ENG", "GB-WLS"])])
    assert "Ledled Cymru a Lloegr:" in wales


def test_truncate_cuts_at_a_word_within_budget() -> None:
    text = " ".join(["word"] * 200)
    cut = replies.truncate(text, 1)
    assert cut.endswith("...") and count_segments(cut).segments == 1
    assert replies.truncate("short", 1) == "short"


def test_distress_puts_the_helpline_first() -> None:
    helpline = _result(7, km=None)
    combined = replies.with_distress(Wording("en"), helpline, "the reply")
    assert combined.splitlines()[0].startswith("Please call Fixture Service Number 7")
    assert combined.endswith("the reply")
    assert replies.with_distress(Wording("en"), None, "the reply") == "the reply"


def _command(**kwargs: object) -> Command:
    return Command(action="query", **kwargs)  # type: ignore[arg-type]


def test_the_reply_language_rules() -> None:
    session = Session(sender_hash="h", language="pl")
    # A language word in the text wins, then the session's, then the country's, then default.
    assert choose_language(_command(language="es"), session, "en") == "es"
    assert choose_language(_command(), session, "en") == "pl"
    assert choose_language(_command(country_language="pt"), None, "en") == "pt"
    assert choose_language(_command(), None, "cy") == "cy"


def test_a_sender_s_country_hints_at_a_language() -> None:
    assert parse_language_hint("es") == "es"
    assert parse_language_hint("") is None
    assert parse_language_hint("ZZ") is None


def _visiting(**changes: object) -> PrisonVisiting:
    base = PrisonVisiting(
        "DAI",
        "HMP Dartmoor",
        "Dartmoor",
        Address("Tavistock Road", "", "Princetown", "", "PL20 6RR", "GB"),
        50.5,
        -4.0,
        "01822 322000",
        "",
        "Sat 14:00-16:00",
        "prison-visits-dai",
        "seed",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", t.LANGUAGES)
def test_a_closed_prison_offers_no_booking_line_or_slots(language: str) -> None:
    closed = _visiting(status="temporarily closed", visits_phone="", visit_slots="")
    page = replies.prison_page(Wording(language), closed, ["HOUSING"], "PL20")
    assert "HMP Dartmoor" in page and "01822" not in page
    if language == "en":
        assert page.startswith("HMP Dartmoor is closed; people were moved to other prisons.")
        assert "Prisoners' Families Helpline" in page


def test_the_prison_answer_names_its_visitor_centre() -> None:
    centre = VisitorCentre("BMI", "Pact", "0121 000 0000", "", "", "", "https://x.example", None)
    page = replies.prison_page(Wording("en"), _visiting(visitor_centre=centre), ["HOUSING"], "B1")
    assert "Visitors' centre: run by Pact 0121 000 0000" in page
