-- The volunteers' desk on the kiosk (staff mode). No family data in either table.

-- What staff did, when, and (if they typed it) the volunteer's name. Pruned after
-- staff_audit_days (a kiosk setting).
CREATE TABLE staff_audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,              -- UTC, ISO 8601
    action    TEXT NOT NULL,              -- e.g. 'enter', 'print-sheet', 'check', 'sync', 'leave'
    detail    TEXT NOT NULL DEFAULT '',   -- a service id, a job id, an outcome: never family data
    volunteer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX staff_audit_at ON staff_audit(at);

-- Checks made from the desk's call list that the directory's keepers still have to apply
-- (on a site that syncs a central release, a local edit would be overwritten by the next sync).
-- Written to a report file by `waypost checks export`, applied with `waypost import-checks`.
CREATE TABLE staff_check (
    id          INTEGER PRIMARY KEY,
    made_at     TEXT NOT NULL,            -- UTC, ISO 8601
    day         TEXT NOT NULL,            -- the day of the check (YYYY-MM-DD)
    service_id  TEXT NOT NULL,            -- the service's ref in the directory
    outcome     TEXT NOT NULL CHECK (outcome IN ('still_right', 'changed', 'gone')),
    note        TEXT NOT NULL DEFAULT '',
    volunteer   TEXT NOT NULL DEFAULT '',
    applied     INTEGER NOT NULL DEFAULT 0, -- 1: applied here directly (a standalone site)
    exported_at TEXT                      -- when it went into a report for the keepers
);
CREATE INDEX staff_check_waiting ON staff_check(exported_at, applied);
