"""The next version from the verdicts, and writing it into ``pyproject.toml``.

Semantic versioning: a breaking change raises the major number (the minor one while
the version is 0.x, where the major stays 0 by convention), a feature the minor one,
documentation alone the patch number.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from ..problems import fail

#: ``MAJOR.MINOR.PATCH``, each a number without leading zeros (pre-releases are not proposed).
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")
#: The ``version = "..."`` line of a TOML table.
_VERSION_LINE = re.compile(r'^version\s*=\s*"[^"]*"\s*$')


class Bump(IntEnum):
    """Which number of the version a release raises."""

    PATCH = 1
    MINOR = 2
    MAJOR = 3


@dataclass(frozen=True)
class NextVersion:
    """The proposed version and why."""

    previous: str
    version: str
    bump: Bump
    reason: str


def parse_version(version: str) -> tuple[int, int, int]:
    """The three numbers of ``version``; a GeneratorError when it is not MAJOR.MINOR.PATCH."""
    match = _VERSION.fullmatch(version)
    if match is None:
        raise fail(f"version {version!r} is not MAJOR.MINOR.PATCH; set it by hand first")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def next_version(previous: str, bump: Bump) -> NextVersion:
    """The version after ``previous`` for a release of kind ``bump``."""
    major, minor, patch = parse_version(previous)
    if bump is Bump.MAJOR and major == 0:
        return NextVersion(
            previous, f"0.{minor + 1}.0", bump, "minor: breaking changes, while the version is 0.x"
        )
    if bump is Bump.MAJOR:
        return NextVersion(previous, f"{major + 1}.0.0", bump, "major: breaking changes")
    if bump is Bump.MINOR:
        return NextVersion(previous, f"{major}.{minor + 1}.0", bump, "minor: additions")
    return NextVersion(previous, f"{major}.{minor}.{patch + 1}", bump, "patch: documentation only")


def with_version(pyproject: str, version: str, source: str) -> str:
    """``pyproject`` (the text of a ``pyproject.toml``) with ``[project] version`` set.

    Only that line changes, so comments and layout stay as they are.
    """
    lines = pyproject.splitlines(keepends=True)
    table = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[") and not stripped.startswith("[["):
            table = stripped
        elif table == "[project]" and _VERSION_LINE.match(stripped):
            end = line[len(line.rstrip("\r\n")) :]
            lines[index] = f'version = "{version}"{end}'
            text = "".join(lines)
            if tomllib.loads(text).get("project", {}).get("version") != version:
                break
            return text
    raise fail('has no [project] line `version = "..."` to update', source=source)


def write_version(path: Path, version: str) -> None:
    """Set ``[project] version`` in the ``pyproject.toml`` at ``path``."""
    text = with_version(path.read_text(encoding="utf-8"), version, str(path))
    path.write_text(text, encoding="utf-8")
