"""A temporary git clone of this repository, holding the working tree as it is.

The clone shares the repository's objects (``git clone --shared``, no copy of the
history); files changed or added in the working tree and not yet committed are
copied over and committed in the clone, so the tests run the code as it is on disk.
Between uses the clone goes back to that commit (``git reset --hard``, ``git clean``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Seconds a git command, or one run of the generator in the clone, may take.
GIT_TIMEOUT = 60
RUN_TIMEOUT = 300


def git(where: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=release tests", "-c", "user.email=tests@localhost", *args],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=GIT_TIMEOUT,
        check=True,
    )
    return result.stdout


@dataclass(frozen=True)
class Run:
    """What one command in the clone did."""

    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Clone:
    """A clone at one commit, and how to run this venv's Python in it."""

    path: Path
    head: str

    def reset(self) -> None:
        git(self.path, "reset", "--quiet", "--hard", self.head)
        git(self.path, "clean", "--quiet", "-fd")

    def generator(self, *args: str) -> Run:
        """``python -m generator ARGS`` with the clone's generator and this venv's Python."""
        result = subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=self.path,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )
        return Run(result.returncode, result.stdout, result.stderr)

    def status(self) -> str:
        """``git status --porcelain``: empty when the clone is as committed."""
        return git(self.path, "status", "--porcelain")

    def read(self, relative: str) -> str:
        return (self.path / relative).read_text(encoding="utf-8")


def clone_working_tree(destination: Path) -> Clone:
    """Clone this repository into ``destination`` and commit the working tree there."""
    git(ROOT, "clone", "--quiet", "--shared", str(ROOT), str(destination))
    changed = git(ROOT, "ls-files", "-z", "--modified", "--others", "--exclude-standard")
    for relative in filter(None, changed.split("\0")):
        source, target = ROOT / relative, destination / relative
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif target.exists():
            target.unlink()  # deleted in the working tree
    git(destination, "add", "--all")
    git(destination, "commit", "--quiet", "--allow-empty", "-m", "the working tree under test")
    return Clone(destination, git(destination, "rev-parse", "HEAD").strip())
