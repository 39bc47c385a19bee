-- "This was wrong" (kiosk) and WRONG (SMS) about a guide section (issue 15): counts only, per
-- section and channel, never who said it. `subject` is a NOMIS code or a stage key; `section`
-- is a section key, or for a stage the nation key.
CREATE TABLE guide_wrong (
    kind     TEXT NOT NULL CHECK (kind IN ('prison', 'nation', 'stage')),
    subject  TEXT NOT NULL,
    section  TEXT NOT NULL,
    channel  TEXT NOT NULL,
    count    INTEGER NOT NULL DEFAULT 0,
    last_day TEXT NOT NULL,
    PRIMARY KEY (kind, subject, section, channel)
);
