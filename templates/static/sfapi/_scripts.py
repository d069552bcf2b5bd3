"""Batch scripts as the submission endpoint takes them, checked before anything is sent."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ._remote_paths import checked_remote_path
from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

#: The comment that tags an inline script so its job can be found again after an
#: ambiguous failure (a timeout or 5xx once the request may have reached the server).
TAG_PREFIX = "sfapi-"


@dataclass(frozen=True)
class InlineScript:
    """A script given as text, with the tag line this package adds to it."""

    text: str
    tag: str


def is_inline(script: str) -> bool:
    """True when ``script`` is the text of a script (it starts with ``#!``)."""
    return script.lstrip().startswith("#!")


def tagged(script: str) -> InlineScript:
    """The script with an ``#SBATCH --comment=<tag>`` line after its shebang.

    InvalidArgumentError (a ValueError) for an empty script, one that does not start with ``#!``, or one that is
    not valid Unicode text (a lone surrogate).
    """
    text = checked_text(script, "the job script").lstrip()
    if not text.strip():
        raise InvalidArgumentError("the job script is empty")
    if not text.startswith("#!"):
        raise InvalidArgumentError("an inline job script must start with '#!' (e.g. #!/bin/bash)")
    tag = TAG_PREFIX + uuid.uuid4().hex
    shebang, _, rest = text.partition("\n")
    return InlineScript(f"{shebang}\n#SBATCH --comment={tag}\n{rest}", tag)


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


def checked_path(script: str) -> str:
    """A script path on the machine: absolute, without NUL, control characters or
    ``.``/``..`` segments (refused, not resolved); InvalidArgumentError otherwise."""
    path = script.strip()
    if not path:
        raise InvalidArgumentError(
            "the job script is empty: give a path on the machine or a script text"
        )
    if not path.startswith("/"):
        raise InvalidArgumentError(
            f"job script {script!r} is neither an absolute path on the machine "
            "nor a script text (which starts with '#!')"
        )
    return checked_remote_path(path, "job script path")
