-- What import/export needs to give back everything `waypost build` was given (issue 7):
-- an organisation's source, and a prison's aliases and booking flag, which were not stored.
ALTER TABLE organization ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE prison ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
ALTER TABLE prison ADD COLUMN booking_enabled INTEGER NOT NULL DEFAULT 0;
