"""Reading batch scripts as sbatch would: ``#SBATCH`` options and ``# sim:`` directives."""

from __future__ import annotations

import math
import re
import shlex
from dataclasses import dataclass, field

from . import sbatch_options

#: A Slurm state name as ``# sim: end=`` takes it (upper-case letters and underscores).
_STATE_NAME = re.compile(r"^[A-Z][A-Z_]*$")
#: The word that starts a line of options for sbatch.
MAGIC = "#SBATCH"
DOS_LINE_BREAKS = (
    "sbatch: error: Batch script contains DOS line breaks (\\r\\n)\n"
    "sbatch: error: instead of expected UNIX line breaks (\\n)."
)
#: The longest time limit, queue wait or run time a script may ask for (seconds): a year.
MAX_SECONDS = sbatch_options.MAX_TIME_SECONDS


class ScriptError(Exception):
    """sbatch's error for a script it refuses (the message is sbatch's)."""


@dataclass
class ScriptSpec:
    """What a script asks for, and how the simulated job will behave."""

    options: dict[str, str] = field(default_factory=dict)
    time_limit: float | None = None
    runtime: float | None = None
    pending: float | None = None
    #: The exit code ``# sim: exit=`` gives (None: the script's own decides).
    exit_code: int | None = None
    #: The state the job ends in instead of COMPLETED/FAILED (``# sim: end=NODE_FAIL``).
    end_state: str | None = None


def parse_time(text: str) -> float:
    """Slurm's time formats (``M``, ``M:S``, ``H:M:S``, ``D-H``, ``D-H:M``,
    ``D-H:M:S``) in seconds; ScriptError with sbatch's message otherwise."""
    try:
        return sbatch_options.parse_time(text)
    except sbatch_options.OptionError as exc:
        raise ScriptError(str(exc)) from None


def parse_script(text: str) -> ScriptSpec:
    """The script's options and directives; ScriptError for what sbatch would refuse.

    As sbatch: a script must start with ``#!`` and must not have DOS line ends; its
    options are read from ``#SBATCH`` lines that start the line (an indented one is a
    comment) up to the first line that is neither blank nor a comment (a later one is
    a comment too). The simulator's own ``# sim:`` directives count anywhere.
    """
    if not text.strip():
        raise ScriptError("sbatch: error: Batch script is empty!")
    if "\r\n" in text:
        raise ScriptError(DOS_LINE_BREAKS)
    lines = text.split("\n")
    if not lines[0].startswith("#!"):
        raise ScriptError(
            "sbatch: error: This does not look like a batch script.  The first line must "
            "start with #! followed by the path to an interpreter."
        )
    spec = ScriptSpec()
    in_header = True
    for line in lines[1:]:
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            in_header = False
        if in_header and _is_directive(line):
            _read_options(line[len(MAGIC) :], spec)
        elif stripped.startswith("# sim:"):
            _read_directive(stripped[len("# sim:") :], spec)
    return spec


def _is_directive(line: str) -> bool:
    """True for an ``#SBATCH`` line sbatch reads: the word starts the line."""
    return line.startswith(MAGIC) and (len(line) == len(MAGIC) or line[len(MAGIC)].isspace())


def _read_options(text: str, spec: ScriptSpec) -> None:
    """The options of one ``#SBATCH`` line (words as the shell splits them, up to a
    ``#`` that starts a comment)."""
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        words = text.split("#", 1)[0].split()
    try:
        options, rest = sbatch_options.read_options(words)
    except sbatch_options.OptionError as exc:
        raise ScriptError(str(exc)) from None
    if rest:
        raise ScriptError(f"sbatch: error: unexpected argument '{rest[0]}' in #SBATCH line")
    for name, value in options.items():
        spec.options[name] = value
        if name == "time":
            spec.time_limit = parse_time(value)


def _read_directive(text: str, spec: ScriptSpec) -> None:
    for item in text.split():
        key, _, value = item.partition("=")
        try:
            if key == "runtime":
                spec.runtime = _seconds(value)
            elif key == "pending":
                spec.pending = _seconds(value)
            elif key == "exit":
                spec.exit_code = int(value)
                if not 0 <= spec.exit_code <= 255:
                    raise ValueError(value)
            elif key == "end":
                if not _STATE_NAME.match(value):
                    raise ValueError(value)
                spec.end_state = value
        except ValueError:
            raise ScriptError(
                f"sbatch: error: invalid simulator directive '{item}' (runtime= and pending= take "
                f"seconds from 0 to {MAX_SECONDS:.0f}, exit= a code from 0 to 255, end= a state)"
            ) from None


def _seconds(text: str) -> float:
    """A directive's duration: a finite number of seconds within ``MAX_SECONDS``."""
    value = float(text)
    if not math.isfinite(value) or not 0 <= value <= MAX_SECONDS:
        raise ValueError(text)
    return value
