"""Per-site state: the outbox, SMS sessions, opt-outs, rate limits, usage counts, backups."""
