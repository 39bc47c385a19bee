"""The reply Twilio sends to an exact HELP or INFO under Advanced Opt-Out (docs/sms-help.md).

Twilio answers those words itself, before the webhook; the line stays silent for them. The text
lives here so that `waypost sms try HELP` shows what the phone will get, and a test keeps the
copy in the docs the same.
"""

from __future__ import annotations

TWILIO_HELP_REPLY = (
    "Waypost helps families of people in prison. Text a topic and your town, e.g. HOUSING "
    "LEEDS, or MENU. To talk now: Samaritans 116 123. STOP to end."
)
