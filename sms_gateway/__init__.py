"""The SMS keyword line: a Twilio webhook (FastAPI)."""
