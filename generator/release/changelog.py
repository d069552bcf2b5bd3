"""The ``CHANGELOG.md`` entry of a release, in the Keep a Changelog format (1.1.0).

The entry lists the package's API changes under Added, Changed, Deprecated and
Removed, breaking ones marked, and under Changed what fails for clients of the
previous version against the live API (the drift report's breaking changes). New
entries go below ``## [Unreleased]``, newest first; what ``[Unreleased]`` held moves into
the new entry, section by section, and ``[Unreleased]`` is left empty.
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


#: Keep a Changelog's sections, in its order; others follow in the order they come.
SECTION_ORDER = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")


def entry(proposal: Proposal, date: dt.date, pending: str = "") -> str:
    """The entry for ``proposal``, released on ``date``, with ``pending`` (what
    ``[Unreleased]`` held, see ``unreleased``) merged in: its text before any section
    after the summary, its items after the generated ones of the same section."""
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
    preamble, written = _sections(pending)
    if preamble:
        lines += ["", preamble]
    sections: dict[str, list[str]] = {}
    for section in SECTIONS:
        items = [_line(change) for change in proposal.api_changes if change.section == section]
        if section == "Changed":
            items += [
                f"**Breaking for {version.previous} against the live API:** "
                f"{change.group_kind} `{change.group}`: {change.kind}"
                + (f": {change.detail}" if change.detail else "")
                for change in drift.breaking
            ]
        sections[section] = [f"- {item}." for item in items]
    for section, items in written.items():
        sections[section] = sections.get(section, []) + items
    known = [name for name in SECTION_ORDER if name in sections]
    for section in known + [name for name in sections if name not in SECTION_ORDER]:
        if sections[section]:
            lines += ["", f"### {section}", ""] + sections[section]
    return "\n".join(lines) + "\n"


def _sections(text: str) -> tuple[str, dict[str, list[str]]]:
    """The text before the first ``###`` heading, and the items of each section (an item
    is a ``- `` line with the lines that continue it)."""
    preamble: list[str] = []
    sections: dict[str, list[str]] = {}
    items: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("### "):
            items = sections.setdefault(line[4:].strip(), [])
        elif items is None:
            preamble.append(line)
        elif line.startswith("- ") or (line.strip() and not items):
            items.append(line)
        elif line.strip():
            items[-1] += "\n" + line
    return "\n".join(preamble).strip(), sections


def unreleased(changelog: str | None) -> str:
    """What ``changelog`` holds under ``[Unreleased]``, up to the next release."""
    if not changelog or UNRELEASED not in changelog:
        return ""
    start = changelog.index(UNRELEASED) + len(UNRELEASED)
    end = changelog.find("\n## [", start)
    return changelog[start:] if end < 0 else changelog[start : end + 1]


def _line(change: ApiChange) -> str:
    return f"**Breaking:** {change.text}" if change.breaking else change.text


def with_entry(changelog: str | None, new_entry: str) -> str:
    """``changelog`` (or a new one) with ``new_entry`` as its newest release, right below
    an emptied ``[Unreleased]`` (``new_entry`` holds what it held, see ``entry``)."""
    text = changelog if changelog else HEADER
    start = text.find(UNRELEASED)
    if start < 0:
        raise fail(f"has no {UNRELEASED!r} heading to add the entry below", source="CHANGELOG.md")
    head = text[: start + len(UNRELEASED)]
    end = text.find("\n## [", start + len(UNRELEASED))
    tail = "" if end < 0 else text[end + 1 :]
    return f"{head}\n\n{new_entry}" + (f"\n{tail}" if tail else "")


def write_entry(path: Path, proposal: Proposal, date: dt.date) -> None:
    """Add the entry of ``proposal`` to the changelog at ``path`` (created when missing),
    taking in what its ``[Unreleased]`` held."""
    current = path.read_text(encoding="utf-8") if path.exists() else None
    new_entry = entry(proposal, date, unreleased(current))
    path.write_text(with_entry(current, new_entry), encoding="utf-8")
