-- Content database: an Open Referral HSDS 3.0 subset plus Waypost's own tables.
-- Written once by `waypost build` (or import/sync) and then opened read-only.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organization (
    id          TEXT PRIMARY KEY,            -- UUID (HSDS)
    ref         TEXT NOT NULL UNIQUE,        -- short key volunteers use, e.g. "samaritans"
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    email       TEXT,
    website     TEXT
);

CREATE TABLE service (
    rowid                   INTEGER PRIMARY KEY,  -- static order for search; FTS and geo index key
    id                      TEXT NOT NULL UNIQUE, -- UUID (HSDS)
    ref                     TEXT NOT NULL UNIQUE, -- short key, e.g. "samaritans-helpline"
    organization_id         TEXT NOT NULL REFERENCES organization(id),
    name                    TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'active'
                            CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    description             TEXT,
    url                     TEXT,
    email                   TEXT,
    eligibility_description TEXT,
    application_process     TEXT,
    fees_description        TEXT,
    minimum_age             INTEGER,
    maximum_age             INTEGER,
    alert                   TEXT,
    assured_date            TEXT,                 -- ISO date a person last checked it; NULL = unverified
    assurer_email           TEXT,
    last_modified           TEXT,
    scope                   TEXT NOT NULL DEFAULT 'local' CHECK (scope IN ('local', 'national')),
    hours_text              TEXT,                 -- readable hours as entered, e.g. "Mon-Fri 09:00-17:00"
    hours_note              TEXT,                 -- what the hours grammar cannot say, in words
    assured_by              TEXT,                 -- who checked it (a name, not an email)
    notes                   TEXT,                 -- for volunteers only, never shown to families
    source                  TEXT NOT NULL,        -- where the entry came from (document or page)
    source_url              TEXT
);
CREATE INDEX service_organization ON service(organization_id);

CREATE TABLE location (
    id                       TEXT PRIMARY KEY,
    location_type            TEXT NOT NULL CHECK (location_type IN ('physical', 'postal', 'virtual')),
    name                     TEXT,
    description              TEXT,
    transportation           TEXT,
    latitude                 REAL,
    longitude                REAL,
    external_identifier      TEXT,
    external_identifier_type TEXT
);

CREATE TABLE address (
    id             TEXT PRIMARY KEY,
    location_id    TEXT NOT NULL REFERENCES location(id),
    attention      TEXT,
    address_1      TEXT NOT NULL,
    address_2      TEXT,
    city           TEXT NOT NULL,
    region         TEXT,
    state_province TEXT NOT NULL,
    postal_code    TEXT NOT NULL,
    country        TEXT NOT NULL,
    address_type   TEXT NOT NULL DEFAULT 'physical'
);
CREATE INDEX address_location ON address(location_id);

CREATE TABLE service_at_location (
    id          TEXT PRIMARY KEY,
    service_id  TEXT NOT NULL REFERENCES service(id),
    location_id TEXT NOT NULL REFERENCES location(id)
);
CREATE INDEX sal_service ON service_at_location(service_id);

CREATE TABLE phone (
    id          TEXT PRIMARY KEY,
    service_id  TEXT REFERENCES service(id),
    location_id TEXT REFERENCES location(id),
    number      TEXT NOT NULL,
    extension   TEXT,
    type        TEXT,
    description TEXT,
    languages   TEXT,
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX phone_service ON phone(service_id, position);

CREATE TABLE schedule (
    id                     TEXT PRIMARY KEY,
    service_id             TEXT REFERENCES service(id),
    service_at_location_id TEXT REFERENCES service_at_location(id),
    freq                   TEXT,
    byday                  TEXT,
    opens_at               TEXT,
    closes_at              TEXT,
    valid_from             TEXT,
    valid_to               TEXT,
    description            TEXT,
    position               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX schedule_service ON schedule(service_id, position);

CREATE TABLE language (
    id         TEXT PRIMARY KEY,
    service_id TEXT REFERENCES service(id),
    name       TEXT,
    code       TEXT
);
CREATE INDEX language_service ON language(service_id);

CREATE TABLE service_area (
    id          TEXT PRIMARY KEY,
    service_id  TEXT REFERENCES service(id),
    name        TEXT,
    description TEXT,
    extent      TEXT,
    extent_type TEXT,
    uri         TEXT
);
CREATE INDEX service_area_service ON service_area(service_id);

CREATE TABLE taxonomy (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    uri         TEXT,
    version     TEXT
);

CREATE TABLE taxonomy_term (
    id          TEXT PRIMARY KEY,
    code        TEXT,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    parent_id   TEXT,
    taxonomy    TEXT,
    language    TEXT,
    taxonomy_id TEXT REFERENCES taxonomy(id),
    term_uri    TEXT
);

CREATE TABLE attribute (
    id               TEXT PRIMARY KEY,
    link_id          TEXT NOT NULL,
    taxonomy_term_id TEXT NOT NULL REFERENCES taxonomy_term(id),
    link_type        TEXT,
    link_entity      TEXT NOT NULL,
    value            TEXT,
    label            TEXT
);
CREATE INDEX attribute_link ON attribute(link_id);

CREATE TABLE metadata (
    id                TEXT PRIMARY KEY,
    resource_id       TEXT NOT NULL,
    resource_type     TEXT NOT NULL,
    last_action_date  TEXT NOT NULL,
    last_action_type  TEXT NOT NULL,
    field_name        TEXT NOT NULL,
    previous_value    TEXT NOT NULL,
    replacement_value TEXT NOT NULL,
    updated_by        TEXT NOT NULL
);
CREATE INDEX metadata_resource ON metadata(resource_id);

-- Waypost's own tables -------------------------------------------------------

CREATE TABLE category (
    key              TEXT PRIMARY KEY,
    position         INTEGER NOT NULL,
    icon             TEXT NOT NULL DEFAULT '',
    open_eligibility TEXT NOT NULL DEFAULT '',
    airs             TEXT NOT NULL DEFAULT '',
    taxonomy_term_id TEXT NOT NULL
);

CREATE TABLE category_label (
    category_key TEXT NOT NULL REFERENCES category(key),
    language     TEXT NOT NULL,
    label        TEXT NOT NULL,
    short_label  TEXT NOT NULL,
    PRIMARY KEY (category_key, language)
);

-- SMS keywords and synonyms; `folded` is the text-folded form matched against messages.
CREATE TABLE keyword (
    folded       TEXT NOT NULL,
    keyword      TEXT NOT NULL,
    language     TEXT NOT NULL,
    category_key TEXT NOT NULL REFERENCES category(key),
    PRIMARY KEY (folded, language)
);

-- Denormalised copy of the category attributes, for the search paths.
CREATE TABLE service_category (
    service_rowid INTEGER NOT NULL REFERENCES service(rowid),
    category_key  TEXT NOT NULL REFERENCES category(key),
    PRIMARY KEY (category_key, service_rowid)
) WITHOUT ROWID;
CREATE INDEX service_category_service ON service_category(service_rowid);

CREATE TABLE translation (
    table_name TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    field      TEXT NOT NULL,
    language   TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id, field, language)
) WITHOUT ROWID;

-- Gazetteer: outward codes, towns, EU postal codes. `key` is the normalised lookup form.
CREATE TABLE place (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('outcode', 'town', 'eu_postcode')),
    key        TEXT NOT NULL,
    name       TEXT NOT NULL,
    country    TEXT NOT NULL,
    region     TEXT NOT NULL DEFAULT '',
    latitude   REAL NOT NULL,
    longitude  REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX place_key ON place(key, kind, population DESC);
CREATE INDEX place_position ON place(kind, latitude);

CREATE TABLE prison (
    nomis         TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    name_cy       TEXT,
    display_name  TEXT NOT NULL,
    types         TEXT NOT NULL DEFAULT '',
    address_1     TEXT,
    address_2     TEXT,
    town          TEXT,
    county        TEXT,
    postcode      TEXT,
    country       TEXT,
    latitude      REAL NOT NULL,
    longitude     REAL NOT NULL,
    latlon_source TEXT NOT NULL,
    visits_phone  TEXT,
    visits_email  TEXT,
    visit_slots   TEXT,
    service_ref   TEXT,
    source        TEXT NOT NULL
);

CREATE TABLE prison_alias (
    key   TEXT PRIMARY KEY,  -- folded alias, e.g. "hmp lewes"
    nomis TEXT NOT NULL REFERENCES prison(nomis)
);

-- Search indexes. Text is folded by Waypost before it is indexed (accents, Greek tonos, ß).
CREATE VIRTUAL TABLE service_fts USING fts5(
    name, body, content='', tokenize='unicode61 remove_diacritics 0'
);

-- Category labels and keywords in every language, one row per category (rowid = position).
CREATE VIRTUAL TABLE category_fts USING fts5(key UNINDEXED, words, tokenize='unicode61 remove_diacritics 0');

-- One row per (service location, category), plus one with category 0 ("any"). A covering
-- B-tree on (category, latitude) reads only the band of one category inside the search box:
-- measured ~3x faster than an R*Tree with a category dimension at 100k services.
CREATE TABLE service_point (
    category      INTEGER NOT NULL,
    lat           REAL NOT NULL,
    lon           REAL NOT NULL,
    service_rowid INTEGER NOT NULL,
    PRIMARY KEY (category, lat, lon, service_rowid)
) WITHOUT ROWID;
CREATE INDEX service_point_service ON service_point(service_rowid, category);

CREATE INDEX prison_postcode ON prison(postcode);
