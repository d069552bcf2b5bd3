"""Batch scripts as the submission endpoint takes them, checked before anything is sent."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from ._remote_paths import checked_remote_path
from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

#: The comment that tags an inline script so its job can be found again after an
#: ambiguous failure (a timeout or 5xx once the request may have reached the server).
TAG_PREFIX = "sfapi-"
#: The name of a job whose script text names none (``#SBATCH -J``) and was given none.
DEFAULT_JOB_NAME = "sfapi-job"
#: Job names this package writes into a script: one word, no quotes or ``%`` patterns.
JOB_NAME_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._+-]{0,127}")


@dataclass(frozen=True)
class InlineScript:
    """A script given as text, with the tag line this package adds to it."""

    text: str
    tag: str


def is_inline(script: str) -> bool:
    """True when ``script`` is the text of a script (it starts with ``#!``)."""
    return script.lstrip().startswith("#!")


def tagged(script: str, name: str | None = None) -> InlineScript:
    """The script with the directives this package adds to a script text.

    ``#SBATCH --comment=<tag>`` goes after the shebang. The job is named
    ``name`` when given (its directive goes after the script's own ``#SBATCH`` lines, so
    that it wins), else by the script's own ``-J``/``--job-name``, else
    ``DEFAULT_JOB_NAME``: never after whatever file the service may keep the text in.

    InvalidArgumentError (a ValueError) for an empty script, one that does not start
    with ``#!``, one that is not valid Unicode text (a lone surrogate), or a name that
    is not one word of letters, digits and ``._+-``.
    """
    text = checked_text(script, "the job script").lstrip()
    if not text.strip():
        raise InvalidArgumentError("the job script is empty")
    if not text.startswith("#!"):
        raise InvalidArgumentError("an inline job script must start with '#!' (e.g. #!/bin/bash)")
    if name is not None and not (isinstance(name, str) and JOB_NAME_PATTERN.fullmatch(name)):
        raise InvalidArgumentError(
            f"job name {name!r} must be one word of letters, digits and '._+-' "
            "(at most 128 characters)"
        )
    tag = TAG_PREFIX + uuid.uuid4().hex
    lines = text.split("\n")
    header_end = _directives_end(lines)
    if name is not None:
        lines.insert(header_end, f"#SBATCH --job-name={name}")
    elif not _names_job(lines[1:header_end]):
        lines.insert(1, f"#SBATCH --job-name={DEFAULT_JOB_NAME}")
    lines.insert(1, f"#SBATCH --comment={tag}")
    return InlineScript("\n".join(lines), tag)


def _directives_end(lines: list[str]) -> int:
    """The index after the last ``#SBATCH`` line that sbatch reads: those that start
    their line (an indented one is a comment to sbatch) before the first line that is
    neither blank nor a comment (1, after the shebang, if none)."""
    end = 1
    for index, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if line.startswith("#SBATCH"):
            end = index + 1
    return end


def _names_job(header: list[str]) -> bool:
    """True when one of these ``#SBATCH`` lines, as sbatch reads them (unindented), sets
    the job name (``-J``, ``--job-name``)."""
    for line in header:
        if not line.startswith("#SBATCH"):
            continue
        for word in line[len("#SBATCH") :].split():
            if word.startswith("#"):
                break
            if word.startswith("-J") or word == "--job-name" or word.startswith("--job-name="):
                return True
    return False


def checked_text(text: str, what: str) -> str:
    """``text`` if it can be sent as UTF-8; InvalidArgumentError (a ValueError) naming
    ``what`` otherwise."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidArgumentError(
            f"{what} is not valid Unicode text: {exc.reason} at position {exc.start} "
            "(a lone surrogate, as left by decoding bytes with errors='surrogateescape')"
        ) from None
    return text


#: The longest name looked up as a local file (a script text is never one).
_LOCAL_NAME_LIMIT = 4096


def local_file_advice(name: str) -> str:
    """When ``name`` is a file on this computer (a script path given as it is named
    here), how to submit it; else nothing. Only a local lookup, never a read."""
    if len(name) > _LOCAL_NAME_LIMIT or "\n" in name or "\0" in name:
        return ""
    try:
        is_file = Path(name).is_file()
    except OSError:
        return ""
    if not is_file:
        return ""
    return f"; {name} is a file on this computer: pass its text, Path({name!r}).read_text()"


def checked_path(script: str) -> str:
    """A script path on the machine: absolute, without NUL, control characters or
    ``.``/``..`` segments (refused, not resolved); InvalidArgumentError otherwise."""
    path = script.strip()
    if not path:
        raise InvalidArgumentError(
            "the job script is empty: give a path on the machine or a script text"
        )
    if not path.startswith("/"):
        here = local_file_advice(path)
        raise InvalidArgumentError(
            f"job script {script!r} is neither an absolute path on the machine "
            f"nor a script text (which starts with '#!'){here}"
        )
    return checked_remote_path(path, "job script path")
