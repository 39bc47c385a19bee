-- The SMS line's short-lived state. Senders appear only as keyed HMAC hashes; no message body
-- or phone number is stored here.

-- One conversation per sender: the last search (for MORE and "INFO n") or a keyword waiting
-- for its place. Expires after about an hour.
CREATE TABLE sms_session (
    sender_hash  TEXT PRIMARY KEY,
    updated_at   REAL NOT NULL,          -- Unix time
    expires_at   REAL NOT NULL,
    language     TEXT NOT NULL DEFAULT 'en',
    category     TEXT,                   -- category key of the last search, or the pending one
    pending      INTEGER NOT NULL DEFAULT 0,  -- 1: a keyword is waiting for its place
    place_name   TEXT,                   -- the gazetteer's name, never the sender's text
    latitude     REAL,
    longitude    REAL,
    outcode      TEXT,
    country      TEXT,
    page_offset  INTEGER NOT NULL DEFAULT 0,   -- local results already shown
    has_more     INTEGER NOT NULL DEFAULT 0,   -- 1: MORE has another page
    result_ids   TEXT NOT NULL DEFAULT ''      -- service ids shown, ';'-separated, for "INFO n"
) WITHOUT ROWID;
CREATE INDEX sms_session_expiry ON sms_session(expires_at);

-- Opted-out senders get nothing until they opt back in.
CREATE TABLE sms_optout (
    sender_hash  TEXT PRIMARY KEY,
    opted_out_at REAL NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('exact', 'near', 'carrier'))
) WITHOUT ROWID;

-- MessageSid de-duplication (also the replay guard: signatures carry no timestamp). The stored
-- reply is what a retried delivery gets back; rows are pruned after a day.
CREATE TABLE sms_message (
    message_sid  TEXT PRIMARY KEY,
    received_at  REAL NOT NULL,
    reply        TEXT                    -- the TwiML answered, NULL while being handled
) WITHOUT ROWID;
CREATE INDEX sms_message_age ON sms_message(received_at);

-- Per-sender rate limit and loop guard: texts in the current fixed window.
CREATE TABLE sms_rate (
    sender_hash  TEXT PRIMARY KEY,
    window_start REAL NOT NULL,
    count        INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
