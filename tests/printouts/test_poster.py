"""The SMS poster: one or two languages side by side, keywords read back, the QR starts a text."""

from __future__ import annotations

from typing import Any

import pytest

from directory import ContentDB
from directory.lookup.categories import list_categories
from directory.lookup.keywords import primary_keyword
from printouts.poster import poster_column, poster_pdf
from printouts.qr import dial_string
from printouts.translations import translator

pytestmark = pytest.mark.usefixtures("pdf_tools")
SMS = "07700 900123"


@pytest.mark.parametrize("languages", [("en",), ("el", "en"), ("ro", "de"), ("es", "pt")])
def test_poster_in_one_or_two_languages(
    content: ContentDB, languages: tuple[str, ...], read_pdf: Any
):
    columns = [poster_column(content, lang, "BN7 1EA") for lang in languages]
    pdf = poster_pdf(columns, sms_number=SMS, centre_name="Lewes Visitor Centre")
    sizes = read_pdf["sizes"](pdf)
    assert sizes == [(pytest.approx(210, abs=0.1), pytest.approx(297, abs=0.1))]
    text = read_pdf["text"](pdf, 1)
    assert SMS in text
    for lang in languages:
        assert translator(lang)("Help by text message") in text
        assert f"{primary_keyword(content, 'housing', lang)} BN7 1EA" in text
        for category in list_categories(content, lang):
            assert primary_keyword(content, category.key, lang) in text
    assert read_pdf["qr"](pdf, 1, dpi=150) == [f"SMSTO:{dial_string(SMS)}:"]
    for name, embedded in read_pdf["fonts"](pdf):
        assert "DejaVuSans" in name and embedded


def test_poster_has_at_most_two_languages(content: ContentDB):
    columns = [poster_column(content, lang, "BN7") for lang in ("en", "el", "ro")]
    with pytest.raises(ValueError, match="one or two"):
        poster_pdf(columns, sms_number=SMS)
