"""What a release proposes: the drift, the package's API diff and the next version.

The version follows the stricter of two verdicts: the API diff's (what changes for
code written against the current package) and the drift report's (what already fails
for clients of the current package against the live API, such as an answer carrying
an enum value their models do not know). Documentation alone is a patch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..assemble import intermediate
from ..config import Config
from ..drift.model import DriftResult
from .api_diff import ApiChange, Verdict, diff_surfaces
from .surface import surface_of
from .version import Bump, NextVersion, next_version


@dataclass(frozen=True)
class Proposal:
    """Everything the changelog entry and the pull request body are written from."""

    package: str
    live: str
    committed: str
    drift: DriftResult
    api_changes: tuple[ApiChange, ...]
    version: NextVersion
    api_versions: tuple[str, str]

    @property
    def breaking(self) -> bool:
        """True when code or clients of the current package break."""
        return bool(self.drift.breaking) or any(c.breaking for c in self.api_changes)


def propose(
    config: Config,
    committed_doc: dict[str, Any],
    live_doc: dict[str, Any],
    drift: DriftResult,
    *,
    live: str,
    committed: str,
) -> Proposal:
    """The proposal for taking ``live_doc`` in place of ``committed_doc``."""
    old = surface_of(*intermediate(config, committed_doc))
    new = surface_of(*intermediate(config, live_doc))
    changes = tuple(diff_surfaces(old, new))
    return Proposal(
        package=config.package,
        live=live,
        committed=committed,
        drift=drift,
        api_changes=changes,
        version=next_version(config.version, bump_for(changes, drift)),
        api_versions=(_api_version(committed_doc), _api_version(live_doc)),
    )


def bump_for(changes: tuple[ApiChange, ...], drift: DriftResult) -> Bump:
    """The version number a release raises for these changes."""
    if drift.breaking or any(c.verdict is Verdict.BREAKING for c in changes):
        return Bump.MAJOR
    if any(c.verdict is Verdict.FEATURE for c in changes) or any(
        not c.is_documentation for c in drift.changes
    ):
        return Bump.MINOR
    return Bump.PATCH


def _api_version(document: dict[str, Any]) -> str:
    info = document.get("info")
    return str(info.get("version", "")) if isinstance(info, dict) else ""
