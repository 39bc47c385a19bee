"""Waypost categories as HSDS taxonomy terms, with their Open Eligibility and AIRS cross-references.

Each category is a term of the Waypost taxonomy; its cross-reference codes are terms of those
taxonomies, attached to the same services as `cross_reference` attributes.
"""

from __future__ import annotations

from directory.building.records import Sources, stable_uuid
from directory.building.writer import TAXONOMY_ID
from directory.exchange.hsds import Tables

CROSS_TAXONOMIES = {
    "open_eligibility": ("Open Eligibility", "https://openeligibility.org"),
    "airs": ("AIRS/211 LA County Taxonomy (top level)", "https://211taxonomy.org"),
}


def taxonomy_tables(sources: Sources, t: Tables) -> dict[str, str]:
    """Taxonomies and terms; returns term code -> term id for the cross-references."""
    t.add(
        "taxonomy",
        id=TAXONOMY_ID,
        name="Waypost categories",
        description="Needs of families of people in prison, cross-referenced to Open "
        "Eligibility and AIRS.",
        uri="",
        version="1",
    )
    for c in sources.categories:
        t.add(
            "taxonomy_term",
            id=stable_uuid("taxonomy_term", c.key),
            code=c.key,
            name=c.labels.get("en", c.key),
            description=c.labels.get("en", c.key),
            taxonomy="waypost",
            language="en",
            taxonomy_id=TAXONOMY_ID,
        )
    cross: dict[str, str] = {}
    for column, (name, uri) in CROSS_TAXONOMIES.items():
        tax_id = stable_uuid("taxonomy", column)
        t.add(
            "taxonomy",
            id=tax_id,
            name=name,
            description=f"{name}: cross-references of the Waypost categories.",
            uri=uri,
            version="",
        )
        for c in sources.categories:
            for code in filter(None, (x.strip() for x in getattr(c, column).split(";"))):
                key = f"{column}:{code}"
                if key not in cross:
                    cross[key] = stable_uuid("taxonomy_term", key)
                    t.add(
                        "taxonomy_term",
                        id=cross[key],
                        code=key,
                        name=f"{name} {code}",
                        description=f"{name} code {code}",
                        taxonomy=column,
                        language="en",
                        taxonomy_id=tax_id,
                    )
    return cross


def cross_terms(sources: Sources, cross: dict[str, str]) -> dict[str, list[str]]:
    """Category key -> the ids of its cross-reference terms."""
    out: dict[str, list[str]] = {}
    for c in sources.categories:
        ids = []
        for column in CROSS_TAXONOMIES:
            for code in filter(None, (x.strip() for x in getattr(c, column).split(";"))):
                ids.append(cross[f"{column}:{code}"])
        out[c.key] = ids
    return out
