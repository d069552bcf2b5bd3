"""The pull request's description: what changed for users first, the drift report folded."""

from __future__ import annotations

from ..drift.report import render
from .api_diff import SECTIONS
from .proposal import Proposal


def pull_request_body(proposal: Proposal, spec: str) -> str:
    """Markdown: a summary, the breaking changes, the other changes by section, and the
    drift report in a ``<details>`` block."""
    version, drift = proposal.version, proposal.drift
    package = f"`{proposal.package}`"
    lines = [
        f"## {proposal.package} {version.previous} → {version.version}",
        "",
        f"The live OpenAPI document `{proposal.live}` differs from `{spec}`: "
        f"{len(drift.changes)} change(s), {len(drift.breaking)} breaking for clients of "
        f"{version.previous}. This pull request takes it into `{spec}`, regenerates "
        f"{package}, sets the version to **{version.version}** ({version.reason}) and adds "
        "the entry to `CHANGELOG.md`.",
    ]
    breaking = [change.text for change in proposal.api_changes if change.breaking]
    breaking += [
        f"clients of {version.previous} against the live API: {change.group_kind} "
        f"`{change.group}`: {change.kind}" + (f": {change.detail}" if change.detail else "")
        for change in drift.breaking
    ]
    if breaking:
        lines += ["", "### Breaking changes", ""] + [f"- {text}" for text in breaking]
    for section in SECTIONS:
        items = [
            change.text
            for change in proposal.api_changes
            if change.section == section and not change.breaking
        ]
        if items:
            lines += ["", f"### {section}", ""] + [f"- {text}" for text in items]
    if not proposal.api_changes:
        lines += ["", f"The public API of {package} does not change."]
    lines += [
        "",
        "<details>",
        f"<summary>Drift report: {len(drift.changes)} change(s), "
        f"{len(drift.breaking)} breaking</summary>",
        "",
        *_demoted(render(drift, "markdown", live=proposal.live, committed=proposal.committed)),
        "",
        "</details>",
    ]
    return "\n".join(lines) + "\n"


def _demoted(report: str) -> list[str]:
    """The report's lines without its title, every other heading at level 4 (below
    the body's own)."""
    lines = report.rstrip("\n").splitlines()
    if lines and lines[0].startswith("#"):
        lines = lines[1:]  # the report's title; the summary line names it
    while lines and not lines[0].strip():
        lines = lines[1:]
    return ["#### " + line.lstrip("#").lstrip() if line.startswith("#") else line for line in lines]
