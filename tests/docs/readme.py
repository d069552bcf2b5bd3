"""The parts of README.md a new user copies, found by their code blocks' labels.

README's user section labels its code blocks after the language: ```` ```sh install ````
(the install commands), ```` ```sh simulator ```` (the command that starts the
simulator) and ```` ```python first_job.py ```` (the first script). Tests read the
blocks from README itself, so the README and what the tests run cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

_FENCE = re.compile(r"^(`{3,})(.*)$")


def labelled_blocks(text: str) -> dict[str, str]:
    """Each fenced block whose info string has a label after its language, by label
    (``"sh install"`` gives ``"install"``)."""
    blocks: dict[str, str] = {}
    label: str | None = None
    fence = ""
    lines: list[str] = []
    inside = False
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line.rstrip("\n"))
        if not inside and match:
            inside, fence, lines = True, match.group(1), []
            words = match.group(2).split()
            label = words[1] if len(words) > 1 else None
        elif inside and line.rstrip("\n") == fence:
            inside = False
            if label is not None:
                if label in blocks:
                    raise AssertionError(f"README.md labels two code blocks {label!r}")
                blocks[label] = "".join(lines)
        elif inside:
            lines.append(line)
    assert not inside, "README.md: a code block is not closed"
    return blocks


def readme_block(label: str) -> str:
    blocks = labelled_blocks(README.read_text(encoding="utf-8"))
    assert label in blocks, f"README.md has no code block labelled {label!r}"
    return blocks[label]


def commands(block: str) -> list[str]:
    """The command lines of a shell block: every line but blanks and comments."""
    return [
        line.strip() for line in block.splitlines() if line.strip() and not line.startswith("#")
    ]


def install_commands() -> list[str]:
    """README's three ways to install: from a clone, a git URL and a built wheel."""
    found = commands(readme_block("install"))
    assert all(line.startswith("pip install ") for line in found), found
    return found


def simulator_command() -> str:
    (line,) = commands(readme_block("simulator"))
    return line
