"""Reading batch scripts as sbatch would: ``#SBATCH`` options and ``# sim:`` directives."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

KNOWN_OPTIONS = {
    "-A": "account",
    "--account": "account",
    "-C": "constraint",
    "--constraint": "constraint",
    "-J": "job-name",
    "--job-name": "job-name",
    "-N": "nodes",
    "--nodes": "nodes",
    "-n": "ntasks",
    "--ntasks": "ntasks",
    "-p": "partition",
    "--partition": "partition",
    "-q": "qos",
    "--qos": "qos",
    "-t": "time",
    "--time": "time",
    "-o": "output",
    "--output": "output",
    "-e": "error",
    "--error": "error",
    "-c": "cpus-per-task",
    "--cpus-per-task": "cpus-per-task",
    "-G": "gpus",
    "--gpus": "gpus",
    "--comment": "comment",
    "--mail-type": "mail-type",
    "--mail-user": "mail-user",
    "--mem": "mem",
    "--exclusive": "exclusive",
    "--licenses": "licenses",
    "-L": "licenses",
    "--gpus-per-node": "gpus-per-node",
    "--ntasks-per-node": "ntasks-per-node",
    "-D": "chdir",
    "--chdir": "chdir",
    "-d": "dependency",
    "--dependency": "dependency",
    "--export": "export",
    "--signal": "signal",
    "--requeue": "requeue",
    "--open-mode": "open-mode",
    "--image": "image",
    "--module": "module",
    "--cpu-bind": "cpu-bind",
    "--gpu-bind": "gpu-bind",
    "--mem-per-cpu": "mem-per-cpu",
}
#: A Slurm state name as ``# sim: end=`` takes it (upper-case letters and underscores).
_STATE_NAME = re.compile(r"^[A-Z][A-Z_]*$")
#: The longest time limit, queue wait or run time a script may ask for (seconds): a year.
MAX_SECONDS = 365 * 86400.0
_TIME = re.compile(r"^(?:(\d+)-)?(?:(\d+):)?(\d+)(?::(\d+))?$")


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
    """Slurm's time formats (``MM``, ``MM:SS``, ``HH:MM:SS``, ``D-HH:MM:SS``) in seconds."""
    match = _TIME.match(text.strip())
    if not match:
        raise ScriptError(f"sbatch: error: Invalid --time specification: {text}")
    seconds = _time_seconds(*match.groups())
    if seconds > MAX_SECONDS:
        raise ScriptError(
            f"sbatch: error: Invalid --time specification: {text} "
            f"(at most {int(MAX_SECONDS // 86400)} days here)"
        )
    return seconds


def _time_seconds(days: str | None, first: str | None, second: str, third: str | None) -> float:
    if third is not None:  # [D-]HH:MM:SS or MM:SS
        hours = int(first) if first is not None else 0
        return int(days or 0) * 86400 + hours * 3600 + int(second) * 60 + int(third)
    if first is not None:  # MM:SS (or D-HH:MM)
        if days is not None:
            return int(days) * 86400 + int(first) * 3600 + int(second) * 60
        return int(first) * 60 + int(second)
    return int(days or 0) * 86400 + int(second) * 60


def parse_script(text: str) -> ScriptSpec:
    """The script's options and directives; ScriptError for what sbatch would refuse.

    As sbatch, reads ``#SBATCH`` lines up to the first line that is neither blank nor a
    comment; the simulator's own ``# sim:`` directives count anywhere.
    """
    lines = text.splitlines()
    if not lines or not lines[0].startswith("#!"):
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
        if stripped.startswith("#SBATCH") and in_header:
            _read_option(stripped[len("#SBATCH") :].strip(), spec)
        elif stripped.startswith("# sim:"):
            _read_directive(stripped[len("# sim:") :], spec)
    return spec


def _read_option(text: str, spec: ScriptSpec) -> None:
    if not text:
        return
    name, sep, value = text.partition("=")
    if not sep:
        name, _, value = text.partition(" ")
    name, value = name.strip(), value.strip()
    if name not in KNOWN_OPTIONS:
        raise ScriptError(f"sbatch: error: unrecognized option '{name}'")
    key = KNOWN_OPTIONS[name]
    spec.options[key] = value
    if key == "time":
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
