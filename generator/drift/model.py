"""The data a drift check produces: changes, grouped and classified."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Flag, IntEnum
from typing import Any

#: The detail of every change that only touches documentation.
DOCUMENTATION = "documentation"


class Direction(Flag):
    """Which way a schema's data travels; decides whether a change breaks a client.

    A client *sends* request data (a newly required field breaks it) and *parses*
    response data (a new enum value breaks it). A schema used both ways is judged
    by the stricter of the two.
    """

    REQUEST = 1
    RESPONSE = 2
    BOTH = REQUEST | RESPONSE


class ExitCode(IntEnum):
    """``python -m generator drift`` exit codes (documented in the README)."""

    NO_DRIFT = 0
    NON_BREAKING = 1
    BREAKING = 2
    UNAVAILABLE = 3


@dataclass(frozen=True)
class Change:
    """One semantic difference between the committed and the live document.

    ``group`` is the operation (``GET /compute/jobs/{machine}``), the schema name or
    ``document``; ``pointer`` locates the change in the live document, or in the
    committed one for something removed.
    """

    group_kind: str  # "operation", "schema" or "document"
    group: str
    kind: str
    pointer: str
    detail: str
    breaking: bool

    @property
    def is_documentation(self) -> bool:
        """True for a changed description, summary or title (``--include-docs``)."""
        return self.detail == DOCUMENTATION

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DriftResult:
    """Every change found, plus notes that are not changes (moved schemas, affected operations)."""

    changes: list[Change] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.breaking]

    @property
    def exit_code(self) -> ExitCode:
        if self.breaking:
            return ExitCode.BREAKING
        return ExitCode.NON_BREAKING if self.changes else ExitCode.NO_DRIFT

    def groups(self) -> dict[tuple[str, str], list[Change]]:
        """Changes by (group kind, group), document first, then operations, then schemas."""
        order = {"document": 0, "operation": 1, "schema": 2}
        grouped: dict[tuple[str, str], list[Change]] = {}
        for change in sorted(
            self.changes, key=lambda c: (order[c.group_kind], c.group, c.pointer, c.kind)
        ):
            grouped.setdefault((change.group_kind, change.group), []).append(change)
        return grouped
