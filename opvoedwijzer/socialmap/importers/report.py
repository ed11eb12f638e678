"""What an import says back: what was created, updated, refused (and why), ignored; and the error for a
file that cannot be read at all."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Refusal:
    table: str
    row: str  # a row number (lists, CSV files) or the record's id
    reasons: list


@dataclass
class ImportReport:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    refused: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    imported: bool = False
    services: int = 0

    def refuse(self, table, row, *reasons):
        self.refused.append(Refusal(table, str(row), list(reasons)))

    @property
    def ok(self):
        return not self.refused

    def written(self):
        """[(table, new, updated, unchanged)] for the report page."""
        tables = list(dict.fromkeys([*self.created, *self.updated, *self.unchanged]))
        return [(t, self.created[t], self.updated[t], self.unchanged[t]) for t in tables]

    def ignored_tables(self):
        return sorted(self.ignored.items())

    def summary(self):
        return {
            "imported": self.imported,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "refused": [{"table": r.table, "row": r.row, "reasons": r.reasons} for r in self.refused],
            "warnings": self.warnings,
            "ignored": dict(self.ignored),
        }


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong format, not JSON, no header …)."""
