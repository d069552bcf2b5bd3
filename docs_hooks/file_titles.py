"""A build hook of the documentation site: a code block that shows a file carries the
file's name as its title.

Every code block of the pages is included from a file (``--8<-- "jobs.py"``); when the
block is that file, a reader copying it wants to know what to call it. Blocks of shell
commands are typed at a prompt, not saved, and keep no title; so does a block whose
fence already has one.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
OPENING = re.compile(r"^(?P<indent>\s*)(?P<fence>```+|~~~+)(?P<info>.*)$")
INCLUDE = re.compile(r'^\s*--8<-- "(?P<name>[^"]+)"\s*$')
#: Languages of blocks typed at a prompt rather than saved in a file.
PROMPT_LANGUAGES = frozenset({"sh", "bash", "shell", "console", "text", ""})


def file_title(include: str) -> str:
    """The title of a block showing ``include`` (``name`` or ``name:section``): an
    example's own file name, or a repository file's path."""
    name = include.split(":", 1)[0]
    return Path(name).name if (EXAMPLES / name).is_file() else name


def titled(markdown: str) -> str:
    """``markdown`` with a title on each fence whose whole block is one included file."""
    lines = markdown.split("\n")
    index = 0
    while index < len(lines):
        opening = OPENING.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, info = opening["fence"], opening["info"].strip()
        end = next(
            (i for i in range(index + 1, len(lines)) if lines[i].strip() == fence), len(lines)
        )
        body = [line for line in lines[index + 1 : end] if line.strip()]
        language = info.split()[0] if info else ""
        include = INCLUDE.match(body[0]) if len(body) == 1 else None
        if include and language not in PROMPT_LANGUAGES and "title=" not in info:
            title = file_title(include["name"])
            lines[index] = f'{opening["indent"]}{fence}{info} title="{title}"'
        index = end + 1
    return "\n".join(lines)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """mkdocs' hook for each page's Markdown, before it is rendered."""
    return titled(markdown)
