-- State database: short-lived, per-site state. Senders appear only as keyed HMAC hashes.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Outbox for texts sent out through Twilio's REST API (e.g. the kiosk's "Text me this").
-- The number is kept only until the message is sent or abandoned, then erased.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    created_at      TEXT NOT NULL,
    to_number       TEXT,                -- cleared once sent or abandoned
    sender_hash     TEXT NOT NULL,
    body            TEXT,                -- cleared once sent or abandoned
    language        TEXT NOT NULL DEFAULT 'en',
    origin          TEXT NOT NULL DEFAULT 'kiosk',
    status          TEXT NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    error_code      TEXT,
    error_message   TEXT,
    provider_sid    TEXT,
    segments        INTEGER,
    finished_at     TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

-- Anonymous daily counts: no sender, no body. One row per (day, channel, event, dimensions).
CREATE TABLE usage_count (
    day       TEXT NOT NULL,
    channel   TEXT NOT NULL,     -- 'sms' | 'kiosk'
    event     TEXT NOT NULL,     -- e.g. 'search', 'reply', 'optout', 'view', 'print', 'text'
    keyword   TEXT NOT NULL DEFAULT '',
    area      TEXT NOT NULL DEFAULT '',   -- outward code only
    language  TEXT NOT NULL DEFAULT '',
    found     INTEGER NOT NULL DEFAULT -1, -- 1 found, 0 not found, -1 n/a
    count     INTEGER NOT NULL DEFAULT 0,
    segments  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel, event, keyword, area, language, found)
) WITHOUT ROWID;
