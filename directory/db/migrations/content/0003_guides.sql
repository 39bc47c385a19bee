-- Visit guides and stage guides (issue 15): texts a volunteer edits in data/guides/, each row with
-- its sources (URLs separated by spaces) and the day a person last checked it ('' = never).
-- `subject` is a nation key (england_wales, scotland, northern_ireland) for the facts that hold
-- in every prison of a nation, or a prison's NOMIS code for that prison's own facts (which win).
CREATE TABLE guide_section (
    subject  TEXT NOT NULL,
    section  TEXT NOT NULL,
    language TEXT NOT NULL,
    text     TEXT NOT NULL,
    sources  TEXT NOT NULL DEFAULT '',
    checked  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (subject, section, language)
);
CREATE TABLE guide_stage (
    stage    TEXT NOT NULL,
    nation   TEXT NOT NULL,
    language TEXT NOT NULL,
    text     TEXT NOT NULL,
    sources  TEXT NOT NULL DEFAULT '',
    checked  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (stage, nation, language)
);
-- Which categories of service help at each stage, in the order shown.
CREATE TABLE guide_stage_help (
    stage        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    category_key TEXT NOT NULL,
    PRIMARY KEY (stage, position)
);
-- Titles and fixed phrases of the guides in every language ("section.booking", "ask", ...).
CREATE TABLE guide_label (
    key      TEXT NOT NULL,
    language TEXT NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (key, language)
);
