"""An import plan: the directory an import would produce, and what it changes.

Shared by the spreadsheet importer (exchange.importer) and the HSDS one (exchange.hsds.importer):
both read their source into records, then finish the plan here the same way.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from directory.building.records import (
    MetadataRecord,
    OrganizationRecord,
    ServiceRecord,
    Sources,
    TranslationRecord,
)
from directory.exchange.import_diff import ChangeSet, organization_changes, service_changes
from directory.exchange.spreadsheet import now_stamp


@dataclass
class ImportPlan:
    """The directory an import would produce, and what it changes."""

    sources: Sources
    changes: ChangeSet
    history: list[MetadataRecord] = dataclasses.field(default_factory=list)


def carried_translations(
    current: Sources, services: list[ServiceRecord]
) -> list[TranslationRecord]:
    """The current translations, following renamed services and dropping removed ones."""
    old_refs = {s.uuid: s.ref for s in current.services}
    renamed = {old_refs[s.uuid]: s.ref for s in services if s.uuid in old_refs}
    out = []
    for t in current.translations:
        if t.table != "service":
            out.append(t)
        elif t.record_ref in renamed:
            out.append(dataclasses.replace(t, record_ref=renamed[t.record_ref]))
    return out


def finish_plan(
    current: Sources,
    organizations: list[OrganizationRecord],
    services: list[ServiceRecord],
    translations: list[TranslationRecord],
) -> ImportPlan:
    """Work out the changes, stamp changed services and build the new directory's records."""
    org_names = {o.ref: o.name for o in organizations}
    changes = ChangeSet(
        organization_changes(current.organizations, organizations)
        + service_changes(current.services, services, org_names)
    )
    stamp = now_stamp()
    touched = {c.uuid for c in changes.changes if c.action != "delete"}
    for s in services:
        if s.uuid in touched:
            s.last_modified = stamp
    key = lambda t: (t.table, t.record_ref, t.field, t.language, t.value)  # noqa: E731
    before, after = {key(t) for t in current.translations}, {key(t) for t in translations}
    changes.translations_added = len(after - before)
    changes.translations_removed = len(before - after)
    sources = dataclasses.replace(
        current, organizations=organizations, services=services, translations=translations
    )
    return ImportPlan(sources, changes)
