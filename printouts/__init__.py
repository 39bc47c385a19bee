"""Printouts: pure builders that turn directory data into PDF bytes; printer.py alone prints."""

from printouts.card_face import CardText, PhoneLine
from printouts.poster import PosterColumn, poster_column, poster_pdf
from printouts.printer import PrintError, print_pdf
from printouts.sheet import LAYOUTS, calibration_pdf, sheet_pdf
from printouts.wallet_card import CARD_MEDIA, card_pdf, card_text, wallet_card_pdf

__all__ = [
    "CARD_MEDIA",
    "LAYOUTS",
    "CardText",
    "PhoneLine",
    "PosterColumn",
    "PrintError",
    "calibration_pdf",
    "card_pdf",
    "card_text",
    "poster_column",
    "poster_pdf",
    "print_pdf",
    "sheet_pdf",
    "wallet_card_pdf",
]
