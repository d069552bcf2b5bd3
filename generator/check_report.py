"""A readable report of how a package on disk differs from a fresh generation."""

from __future__ import annotations

import difflib
from pathlib import Path

MAX_DIFF_LINES = 40


def report(actual_dir: Path, expected_dir: Path, differing: list[str]) -> str:
    """List the differing files, each with the start of a unified diff."""
    lines = [
        f"{actual_dir} differs from what spec/, templates/ and generator/ produce "
        f"({len(differing)} file(s)); run `make codegen` and commit the result:"
    ]
    for relative in differing:
        actual, expected = actual_dir / relative, expected_dir / relative
        if not actual.exists():
            lines.append(f"  missing: {relative}")
            continue
        if not expected.exists():
            lines.append(f"  not produced by codegen (stale): {relative}")
            continue
        lines.append(f"  changed: {relative}")
        diff = list(
            difflib.unified_diff(
                expected.read_text(encoding="utf-8").splitlines(),
                actual.read_text(encoding="utf-8").splitlines(),
                fromfile=f"generated (fresh)/{relative}",
                tofile=f"on disk/{relative}",
                lineterm="",
            )
        )
        lines += ["    " + line for line in diff[:MAX_DIFF_LINES]]
        if len(diff) > MAX_DIFF_LINES:
            lines.append(f"    … {len(diff) - MAX_DIFF_LINES} more diff lines")
    return "\n".join(lines)
