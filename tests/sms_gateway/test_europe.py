"""The SMS line in the five UpFamilies countries, through the public webhook with signed
requests: "visitas Madrid" and the like get that country's services in the sender's language,
never a UK-only line (fixture directory: tests/directory/fixtures/europe)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sms_gateway import templates as t
from sms_gateway.templates import Wording
from sms_gateway.web.app import create_app
from tests.directory.europe_fixture import CAPITALS, UK_ONLY, build_europe_db
from tests.sms_gateway.conftest import make_settings, message_texts, sign, twilio_form


@pytest.fixture(scope="module")
def europe_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_europe_db(tmp_path_factory.mktemp("europe-sms"))


@pytest.fixture
def client(europe_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(make_settings(europe_db, tmp_path / "state.db"))) as test_client:
        yield test_client


def reply(client: TestClient, body: str, sender: str, country: str) -> str:
    form = twilio_form(body, sender, FromCountry=country)
    response = client.post("/sms", data=form, headers={"X-Twilio-Signature": sign(form)})
    assert response.status_code == 200
    texts = message_texts(response.text)
    assert len(texts) == 1, response.text
    return texts[0]


NATIONAL = {country: name for _text, country, name, _local in CAPITALS}
LOCAL = {country: local for _text, country, _name, local in CAPITALS}


@pytest.mark.parametrize(
    ("body", "sender", "country", "language"),
    [
        ("visitas Madrid", "+34600000001", "ES", "es"),
        ("Besuch Berlin", "+4915100000001", "DE", "de"),
        ("επίσκεψη Αθήνα", "+306900000001", "GR", "el"),
        ("vizita Bucuresti", "+40700000001", "RO", "ro"),
        ("visitas Lisboa", "+351910000001", "PT", "pt"),
    ],
)
def test_visits_in_a_capital_get_that_countrys_services_in_the_senders_language(
    client: TestClient, body: str, sender: str, country: str, language: str
) -> None:
    text = reply(client, body, sender, country)
    w = Wording(language)
    assert w.clean(LOCAL[country] or NATIONAL[country]) in text
    assert w.clean(UK_ONLY) not in text
    for other, name in NATIONAL.items():
        if other != country:
            assert w.clean(name) not in text
    assert w(t.UNCHECKED) in text  # the fixture entries are unverified: the footnote, translated
    for english in (t.UNCHECKED, t.NUMBER_HINT, t.MORE_HINT):
        assert english not in text
