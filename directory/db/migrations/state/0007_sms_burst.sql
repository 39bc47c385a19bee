-- The SMS line's burst guard: when a sender's last texts arrived, faster than anyone types.
-- recent: arrival times (Unix seconds) of the sender's last few texts, ';'-separated.
-- warned: 1 once this burst got its one "please wait"; reset when the burst ends.
CREATE TABLE sms_burst (
    sender_hash  TEXT PRIMARY KEY,
    recent       TEXT NOT NULL DEFAULT '',
    last_at      REAL NOT NULL,
    warned       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX sms_burst_age ON sms_burst(last_at);
