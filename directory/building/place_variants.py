"""Writing the misspelling index (place_variant) from the places and prisons just written."""

from __future__ import annotations

import sqlite3

from directory.text.variants import deletions

# Towns smaller than this are not guessed from a misspelling: a small village one letter away
# from a common word would be a false place more often than a help.
MIN_POPULATION = 5000
MIN_LENGTH = 4  # "Hul" -> "Hull" is a guess too far


def write_place_variants(conn: sqlite3.Connection) -> int:
    """Fill place_variant; return the number of names indexed."""
    keys = {
        key
        for (key,) in conn.execute(
            "SELECT key FROM place WHERE kind = 'town' AND population >= ? "
            "UNION SELECT key FROM prison_alias",
            (MIN_POPULATION,),
        )
        if key and len(key) >= MIN_LENGTH
    }
    conn.executemany(
        "INSERT INTO place_variant (variant, key) VALUES (?, ?)",
        ((variant, key) for key in sorted(keys) for variant in deletions(key)),
    )
    return len(keys)
