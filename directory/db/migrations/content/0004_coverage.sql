-- Where things are and whether they are open (issue 14): a prison's status with its source,
-- and the visitor centres families go to first. A service's coverage area codes (GB-SCT, ES,
-- EU...) are HSDS service_area rows whose uri is the ISO 3166 code page (see lookup/areas.py).
ALTER TABLE prison ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'closed', 'temporarily closed'));
ALTER TABLE prison ADD COLUMN status_source TEXT NOT NULL DEFAULT '';

CREATE TABLE visitor_centre (
    prison       TEXT NOT NULL REFERENCES prison(nomis),
    position     INTEGER NOT NULL DEFAULT 0,
    operator     TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    hours        TEXT NOT NULL DEFAULT '',   -- as the source prints them, in words
    offers       TEXT NOT NULL DEFAULT '',
    source_url   TEXT NOT NULL,
    checked_date TEXT NOT NULL DEFAULT '',   -- when a person last checked it; '' = unverified
    notes        TEXT NOT NULL DEFAULT '',   -- for volunteers only, never shown
    PRIMARY KEY (prison, position)
);
CREATE INDEX service_area_name ON service_area(name, service_id);
