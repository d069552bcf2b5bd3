"""The repository a release writes into: it must have nothing uncommitted.

A release rewrites the spec, the package, the version and the changelog; on a tree
with other edits, those would end up in the same commit, or be overwritten.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

#: Seconds any git command may take.
GIT_TIMEOUT = 30


class WorktreeError(Exception):
    """The repository cannot take a release; the message says why."""


def repository_root(inside: Path) -> Path:
    """The top folder of the git work tree that holds ``inside``."""
    return Path(_git(inside, "rev-parse", "--show-toplevel").strip())


def require_clean(root: Path) -> None:
    """Raise :class:`WorktreeError` naming the files when ``root`` has uncommitted
    changes or untracked files that git does not ignore."""
    status = _git(root, "status", "--porcelain", "--untracked-files=normal")
    dirty = [line[3:] for line in status.splitlines() if line.strip()]
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise WorktreeError(
            f"the working tree has uncommitted changes ({shown}); commit or stash them first"
        )


def _git(where: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WorktreeError(f"could not run git in {where}: {exc}") from None
    if result.returncode != 0:
        message = result.stderr.strip().splitlines()
        raise WorktreeError(
            f"{where} is not a git work tree ({message[-1] if message else 'git failed'})"
        )
    return result.stdout
