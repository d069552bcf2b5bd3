"""Render a drift result as text (a terminal), JSON (tools) or Markdown (a CI summary)."""

from __future__ import annotations

import json

from .model import DriftResult, ExitCode

VERDICTS = {
    ExitCode.NO_DRIFT: "no drift",
    ExitCode.NON_BREAKING: "non-breaking drift",
    ExitCode.BREAKING: "BREAKING drift",
}


def _summary(result: DriftResult) -> str:
    total, breaking = len(result.changes), len(result.breaking)
    verdict = VERDICTS[result.exit_code]
    return f"{verdict}: {total} change(s), {breaking} breaking"


def render(result: DriftResult, fmt: str, *, live: str, committed: str) -> str:
    """The report of ``result`` in ``fmt`` (``text``, ``json`` or ``markdown``)."""
    if fmt == "json":
        return json.dumps(
            {
                "live": live,
                "committed": committed,
                "exit_code": int(result.exit_code),
                "summary": {"changes": len(result.changes), "breaking": len(result.breaking)},
                "changes": [change.as_json() for change in result.changes],
                "notes": result.notes,
            },
            indent=2,
        )
    if fmt == "markdown":
        return _markdown(result, live, committed)
    return _text(result, live, committed)


def render_failure(reason: str, fmt: str, *, live: str) -> str:
    """The report when the live document could not be fetched or parsed (exit code 3)."""
    if fmt == "json":
        return json.dumps(
            {"live": live, "exit_code": int(ExitCode.UNAVAILABLE), "error": reason}, indent=2
        )
    if fmt == "markdown":
        return f"## SF API drift check\n\n**Could not check for drift:** {reason}\n"
    return f"drift: {reason}"


def _text(result: DriftResult, live: str, committed: str) -> str:
    lines = [f"{live} against {committed}: {_summary(result)}"]
    for (kind, group), changes in result.groups().items():
        lines += ["", f"{kind} {group}"]
        for change in changes:
            mark = "BREAKING" if change.breaking else "ok      "
            detail = f": {change.detail}" if change.detail else ""
            lines.append(f"  {mark} {change.kind}{detail}  [#{change.pointer}]")
    for title, notes in result.notes.items():
        lines += ["", f"{title}:"] + [f"  {note}" for note in notes]
    return "\n".join(lines)


def _markdown(result: DriftResult, live: str, committed: str) -> str:
    lines = [
        "## SF API drift check",
        "",
        f"`{live}` against `{committed}`: **{_summary(result)}**",
    ]
    for (kind, group), changes in result.groups().items():
        lines += [
            "",
            f"### {kind} `{group}`",
            "",
            "| | change | detail | where |",
            "|---|---|---|---|",
        ]
        for change in changes:
            mark = "**breaking**" if change.breaking else "non-breaking"
            detail = change.detail.replace("|", "\\|")
            lines.append(f"| {mark} | {change.kind} | {detail} | `#{change.pointer}` |")
    for title, notes in result.notes.items():
        lines += ["", f"**{title}**", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
