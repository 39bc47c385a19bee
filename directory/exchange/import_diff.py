"""What an import would add, change and remove, and the HSDS metadata rows that record it."""

from __future__ import annotations

from dataclasses import dataclass, field

from directory.building.records import MetadataRecord, OrganizationRecord, ServiceRecord
from directory.exchange.spreadsheet import MANAGED_COLUMNS, flat_row

ORGANIZATION_FIELDS = ("name", "description", "email", "website", "source")
# HSDS requires previous_value and replacement_value; this stands for "there was none".
NO_VALUE = "(empty)"


@dataclass(frozen=True)
class FieldChange:
    """One field of one record: its old and new value, as the spreadsheet shows them."""

    field: str
    old: str
    new: str


@dataclass
class RecordChange:
    """A record that was added, changed or removed."""

    kind: str  # "service" or "organization"
    action: str  # "create", "update" or "delete"
    ref: str
    uuid: str
    name: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangeSet:
    """Everything an import does, in the order it was found."""

    changes: list[RecordChange] = field(default_factory=list)
    translations_added: int = 0
    translations_removed: int = 0

    def of(self, action: str, kind: str | None = None) -> list[RecordChange]:
        """The changes of one action ("create", "update", "delete"), optionally of one kind."""
        return [c for c in self.changes if c.action == action and kind in (None, c.kind)]

    @property
    def empty(self) -> bool:
        """True when the import would change nothing."""
        return not (self.changes or self.translations_added or self.translations_removed)

    def summary(self) -> str:
        """One line: how many services are added, changed and removed."""
        parts = [
            f"{len(self.of('create', 'service'))} service(s) added",
            f"{len(self.of('update', 'service'))} changed",
            f"{len(self.of('delete', 'service'))} removed",
        ]
        orgs = len(self.of("create", "organization")) + len(self.of("update", "organization"))
        if orgs:
            parts.append(f"{orgs} organisation(s) added or changed")
        if self.translations_added or self.translations_removed:
            parts.append(
                f"translations: {self.translations_added} added, "
                f"{self.translations_removed} removed"
            )
        return ", ".join(parts) + "."

    def lines(self, limit: int | None = None) -> list[str]:
        """Readable lines, one per record plus one per changed field (for --dry-run)."""
        out = []
        signs = {"create": "+ add", "update": "~ change", "delete": "- remove"}
        for change in self.changes[:limit]:
            out.append(f"{signs[change.action]} {change.kind} {change.ref}: {change.name}")
            for f in change.fields if change.action == "update" else []:
                out.append(f"    {f.field}: {_short(f.old)!r} -> {_short(f.new)!r}")
        if limit is not None and len(self.changes) > limit:
            out.append(f"... and {len(self.changes) - limit} more")
        return out

    def metadata(self, updated_by: str, when: str) -> list[MetadataRecord]:
        """HSDS metadata rows for every change: who, when, which field, old and new value."""
        rows: list[MetadataRecord] = []
        for c in self.changes:
            if c.action == "update":
                rows.extend(
                    MetadataRecord(
                        c.uuid, c.kind, when, "update", f.field, f.old, f.new, updated_by
                    )
                    for f in c.fields
                )
            elif c.action == "create":
                rows.append(
                    MetadataRecord(c.uuid, c.kind, when, "create", "*", NO_VALUE, c.ref, updated_by)
                )
            else:
                rows.append(
                    MetadataRecord(c.uuid, c.kind, when, "delete", "*", c.ref, NO_VALUE, updated_by)
                )
        return rows


def _short(text: str) -> str:
    return text if len(text) <= 50 else text[:47] + "..."


def diff_fields(old: dict[str, str], new: dict[str, str]) -> list[FieldChange]:
    """The fields whose text differs."""
    return [FieldChange(k, old.get(k, ""), v) for k, v in new.items() if old.get(k, "") != v]


def service_changes(
    old: list[ServiceRecord], new: list[ServiceRecord], org_names: dict[str, str]
) -> list[RecordChange]:
    """Services added, changed (field by field) and removed, matched by their UUID."""
    before = {s.uuid: s for s in old}
    after = {s.uuid for s in new}
    out = []
    for s in new:
        prior = before.get(s.uuid)
        if prior is None:
            out.append(RecordChange("service", "create", s.ref, s.uuid, s.name))
            continue
        if prior == s:
            continue  # the same record (most rows of a large import): nothing to compare
        a, b = flat_row(prior, org_names), flat_row(s, org_names)
        for column in MANAGED_COLUMNS:
            a.pop(column), b.pop(column)
        fields = diff_fields(a, b)
        if fields:
            out.append(RecordChange("service", "update", s.ref, s.uuid, s.name, fields))
    out.extend(
        RecordChange("service", "delete", s.ref, s.uuid, s.name) for s in old if s.uuid not in after
    )
    return out


def organization_changes(
    old: list[OrganizationRecord], new: list[OrganizationRecord]
) -> list[RecordChange]:
    """Organisations added or changed (an import never removes one)."""
    before = {o.ref: o for o in old}
    out = []
    for o in new:
        prior = before.get(o.ref)
        if prior is None:
            out.append(RecordChange("organization", "create", o.ref, o.uuid, o.name))
            continue
        fields = diff_fields(
            {f: str(getattr(prior, f)) for f in ORGANIZATION_FIELDS},
            {f: str(getattr(o, f)) for f in ORGANIZATION_FIELDS},
        )
        if fields:
            out.append(RecordChange("organization", "update", o.ref, o.uuid, o.name, fields))
    return out
