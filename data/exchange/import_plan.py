"""What an import will do and what it did: the plan, record by record, and
the report of added, merged and skipped records with their lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass
class PlannedContact:
    """A contact the import will add."""

    line: int
    fields: dict[str, Any]
    channels: list[dict[str, Any]]


@dataclass
class PlannedMerge:
    """Changes to a contact already in the book."""

    contact_id: str
    changes: dict[str, Any] = field(default_factory=dict)
    channels: list[dict[str, Any]] = field(default_factory=list)


Target = str | PlannedContact


class Outcome(StrEnum):
    ADDED = "added"
    MERGED = "merged"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class ReportLine:
    line: int
    outcome: Outcome
    text: str


@dataclass
class ImportPlan:
    """What an import will do, record by record."""

    source: str
    format: str
    new: list[PlannedContact] = field(default_factory=list)
    merges: dict[str, PlannedMerge] = field(default_factory=dict)
    lines: list[ReportLine] = field(default_factory=list)

    def report(self, *, dry_run: bool) -> ImportReport:
        return ImportReport(self.source, self.format, list(self.lines), dry_run=dry_run)

    @property
    def writes_anything(self) -> bool:
        return bool(self.new) or any(m.changes or m.channels for m in self.merges.values())


@dataclass
class ImportReport:
    """Added, merged and skipped records, each with its line and reason."""

    source: str
    format: str
    lines: list[ReportLine]
    dry_run: bool = False

    def count(self, outcome: Outcome) -> int:
        return sum(1 for line in self.lines if line.outcome is outcome)

    @property
    def added(self) -> int:
        return self.count(Outcome.ADDED)

    @property
    def merged(self) -> int:
        return self.count(Outcome.MERGED)

    @property
    def skipped(self) -> int:
        return self.count(Outcome.SKIPPED)

    def summary(self) -> str:
        verb = "would import" if self.dry_run else "imported"
        counts = f"{self.added} added, {self.merged} merged, {self.skipped} skipped"
        return f"{verb} {self.source} ({self.format}): {counts}"

    def render(self) -> str:
        """The summary, then one line per record, in file order."""
        lines = [self.summary()]
        if self.dry_run:
            lines.append("dry run: nothing was written")
        lines.extend(
            f"line {line.line}: {line.outcome.value}: {line.text}"
            for line in sorted(self.lines, key=lambda item: item.line)
        )
        return "\n".join(lines)
