"""Volunteers' spreadsheets and Open Referral HSDS packages, in and out."""
