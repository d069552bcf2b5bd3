"""The ``CHANGELOG.md`` entry of a release, in the Keep a Changelog format (1.1.0).

The entry lists the package's API changes under Added, Changed, Deprecated and
Removed, breaking ones marked, and under Changed what fails for clients of the
previous version against the live API (the drift report's breaking changes). New
entries go below ``## [Unreleased]``, newest first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..problems import fail
from .api_diff import SECTIONS, ApiChange
from .proposal import Proposal

HEADER = """# Changelog

All notable changes to this project are documented in this file.

The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).

## [Unreleased]
"""
UNRELEASED = "## [Unreleased]"


def entry(proposal: Proposal, date: dt.date) -> str:
    """The entry for ``proposal``, released on ``date``."""
    version = proposal.version
    old_api, new_api = proposal.api_versions
    api = f"API version {new_api}" + (f" (was {old_api})" if old_api != new_api else "")
    drift = proposal.drift
    lines = [
        f"## [{version.version}] - {date.isoformat()}",
        "",
        f"Regenerated from the live OpenAPI document ({api}): {len(drift.changes)} change(s) "
        f"in the document, {len(drift.breaking)} breaking for clients of {version.previous}.",
    ]
    for section in SECTIONS:
        items = [_line(change) for change in proposal.api_changes if change.section == section]
        if section == "Changed":
            items += [
                f"**Breaking for {version.previous} against the live API:** "
                f"{change.group_kind} `{change.group}`: {change.kind}"
                + (f": {change.detail}" if change.detail else "")
                for change in drift.breaking
            ]
        if items:
            lines += ["", f"### {section}", ""] + [f"- {item}." for item in items]
    return "\n".join(lines) + "\n"


def _line(change: ApiChange) -> str:
    return f"**Breaking:** {change.text}" if change.breaking else change.text


def with_entry(changelog: str | None, new_entry: str) -> str:
    """``changelog`` (or a new one) with ``new_entry`` as its newest release: after what
    ``[Unreleased]`` holds, before the release above it."""
    text = changelog if changelog else HEADER
    start = text.find(UNRELEASED)
    if start < 0:
        raise fail(f"has no {UNRELEASED!r} heading to add the entry below", source="CHANGELOG.md")
    end = text.find("\n## [", start + len(UNRELEASED))
    head, tail = (text, "") if end < 0 else (text[: end + 1], text[end + 1 :])
    return f"{head.rstrip(chr(10))}\n\n{new_entry}" + (f"\n{tail}" if tail else "")


def write_entry(path: Path, new_entry: str) -> None:
    """Add ``new_entry`` to the changelog at ``path`` (created when missing)."""
    current = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(with_entry(current, new_entry), encoding="utf-8")
