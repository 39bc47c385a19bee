-- Misspellings of towns and prisons: every one-deletion variant of each name worth guessing
-- (prison names and aliases, towns of 5,000+ people, other-language names of big towns), so a
-- misspelt word is looked up by its own variants instead of compared with every name.
CREATE TABLE place_variant (
    variant TEXT NOT NULL,  -- the folded name with one character deleted, or the name itself
    key     TEXT NOT NULL   -- the folded name (a place.key of a town or a prison_alias.key)
);
CREATE INDEX place_variant_by_variant ON place_variant (variant);
