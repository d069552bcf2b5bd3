"""Batch scripts as the submission endpoint takes them, checked before anything is sent."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from ._job_keys import key_comment
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
    #: True when the tag is a submission key's comment (matched exactly, never re-drawn).
    keyed: bool = False


def is_inline(script: str) -> bool:
    """True when ``script`` is the text of a script (it starts with ``#!``)."""
    return script.lstrip().startswith("#!")


def tagged(
    script: str,
    name: str | None = None,
    *,
    key: str | None = None,
    chdir: str | None = None,
    default_name: str = DEFAULT_JOB_NAME,
) -> InlineScript:
    """The script with the directives this package adds to a script text.

    ``#SBATCH --comment=<tag>`` goes after the shebang. With a submission ``key``
    (checked by the caller), the comment carries the key instead
    (``sfapi-key:<key>``) and goes after the script's own ``#SBATCH`` lines, so that
    it wins over a comment the script sets; ``chdir`` adds ``#SBATCH --chdir`` there
    too. The job is named
    ``name`` when given (its directive goes after the script's own ``#SBATCH`` lines, so
    that it wins), else by the script's own ``-J``/``--job-name``, else
    ``default_name``: never after whatever file the service may keep the text in.

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
    lines = text.split("\n")
    header_end = _directives_end(lines)
    if key is not None:
        tag = key_comment(key)
        lines.insert(header_end, f"#SBATCH --comment={tag}")
        if chdir is not None and not _sets_option(lines[1:header_end], "-D", "--chdir"):
            lines.insert(header_end, f"#SBATCH --chdir={chdir}")
    if name is not None:
        lines.insert(header_end, f"#SBATCH --job-name={name}")
    elif not _names_job(lines[1:header_end]):
        lines.insert(1, f"#SBATCH --job-name={default_name}")
    if key is None:
        tag = TAG_PREFIX + uuid.uuid4().hex
        lines.insert(1, f"#SBATCH --comment={tag}")
    return InlineScript("\n".join(lines), tag, keyed=key is not None)


def _directives_end(lines: list[str]) -> int:
    """The index after the last ``#SBATCH`` line that sbatch reads: those before the
    first line that is neither blank nor a comment (1, after the shebang, if none)."""
    end = 1
    for index, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        if stripped.startswith("#SBATCH"):
            end = index + 1
    return end


def _names_job(header: list[str]) -> bool:
    """True when one of these ``#SBATCH`` lines sets the job name (``-J``, ``--job-name``)."""
    return _sets_option(header, "-J", "--job-name")


def _sets_option(header: list[str], short: str, long: str) -> bool:
    """True when one of these ``#SBATCH`` lines gives the option ``short``/``long``."""
    for line in header:
        stripped = line.strip()
        if not stripped.startswith("#SBATCH"):
            continue
        for word in stripped[len("#SBATCH") :].split():
            if word.startswith("#"):
                break
            if word.startswith(short) or word == long or word.startswith(long + "="):
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
