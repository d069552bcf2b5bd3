"""How a job ended, told the way a user needs it: state, exit code, and output file.

Slurm records a job's exit status in sacct's ``exitcode`` (``<code>:<signal>``) and its
working directory in ``workdir`` (squeue: ``work_dir``). Neither view names the output
file: Slurm writes ``slurm-<jobid>.out`` in the working directory unless the script's
``#SBATCH --output`` (``-o``) says otherwise, so the path is the working directory joined
with that pattern, read from the script when ``sfapi`` sent its text.
"""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

#: Where sbatch writes a job's output when the script does not say.
DEFAULT_OUTPUT = "slurm-%j.out"

#: How many lines of a script are searched for ``#SBATCH`` directives.
MAX_DIRECTIVE_LINES = 1000


@dataclass(frozen=True)
class JobOutcome:
    """One job at the end of a wait: ``state`` as Slurm wrote it, or ``error`` when it
    could not be followed (unknown id, API error, the wait's timeout)."""

    jobid: str
    state: str
    ended: bool = False
    completed: bool = False
    exit_code: int | None = None
    signal: int | None = None
    output: str | None = None
    #: True when the script was read (``output`` is its ``--output``, or for certain
    #: Slurm's default); False when ``output`` is the default the script may have changed.
    output_known: bool = False
    error: str | None = None
    timed_out: bool = False

    def as_json(self) -> dict[str, Any]:
        """The object ``--json`` prints for this job."""
        data: dict[str, Any] = {
            "jobid": self.jobid,
            "state": self.state,
            "exit_code": self.exit_code,
            "signal": self.signal,
            "output": self.output,
            "output_known": self.output_known,
        }
        if self.error is not None:
            data["error"] = self.error
        return data

    def summary(self) -> str:
        """One line: ``job 12 ended: FAILED (exit code 3)``, or why it was not followed."""
        if self.error is not None:
            return f"job {self.jobid}: {self.error}"
        if not self.ended:
            return f"job {self.jobid}: {self.state}"
        details = []
        if self.exit_code is not None and (self.exit_code != 0 or not self.completed):
            details.append(f"exit code {self.exit_code}")
        if self.signal:
            details.append(f"signal {self.signal}")
        extra = f" ({', '.join(details)})" if details else ""
        return f"job {self.jobid} ended: {self.state}{extra}"

    def output_line(self) -> str | None:
        """Where the job's output went, or None when the working directory is unknown."""
        if self.output is None:
            return None
        note = "" if self.output_known else " (Slurm's default; the script may set --output)"
        return f"  output: {self.output}{note}"


def exit_status(text: str | None) -> tuple[int | None, int | None]:
    """sacct's ``exitcode`` (``3:0``) as (exit code, signal); None for what is not there."""
    if not text:
        return None, None
    code, _, signal = text.partition(":")
    return (
        int(code) if code.strip().isdigit() else None,
        int(signal) if signal.strip().isdigit() else None,
    )


def output_pattern(script: str) -> str | None:
    """The ``--output`` (``-o``) of a script's ``#SBATCH`` directives, or None.

    sbatch reads directives up to the first line that is neither blank nor a comment;
    the last ``--output`` given wins.
    """
    found: str | None = None
    for number, line in enumerate(script.splitlines()):
        if number >= MAX_DIRECTIVE_LINES:
            break
        stripped = line.strip()
        if number == 0 and stripped.startswith("#!"):
            continue
        if stripped and not stripped.startswith("#"):
            break
        if not stripped.startswith("#SBATCH"):
            continue
        try:
            words = shlex.split(stripped[len("#SBATCH") :], comments=True)
        except ValueError:
            continue  # an unbalanced quote: sbatch rejects the line too
        found = _output_option(words) or found
    return found


def _output_option(words: list[str]) -> str | None:
    """The value of ``-o``/``--output`` among one directive's words."""
    value: str | None = None
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word in ("-o", "--output"):
            value = following or value
        elif word.startswith("--output="):
            value = word.partition("=")[2] or value
        elif word.startswith("-o") and not word.startswith("--"):
            value = word[2:] or value
    return value


def expand_pattern(pattern: str, fields: dict[str, str]) -> str:
    """sbatch's filename pattern with the fields known from the job's row filled in:
    ``%j``/``%A`` job id, ``%x`` name, ``%u`` user, ``%%`` percent; others kept."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "%" and index + 1 < len(pattern):
            code = pattern[index + 1]
            if code == "%":
                out.append("%")
                index += 2
                continue
            if code in fields:
                out.append(fields[code])
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


def outcome_of(
    jobid: str,
    state: str,
    ended: bool,
    completed: bool,
    row: BaseModel | None,
    script: str | None = None,
) -> JobOutcome:
    """The outcome of a job from its last squeue or sacct row (and the script text sent)."""
    fields = row.model_dump() if row is not None else {}
    exit_code, signal = exit_status(fields.get("exitcode"))
    workdir = fields.get("workdir") or fields.get("work_dir")
    pattern = output_pattern(script) if script is not None else None
    output = None
    if workdir:
        values = {
            "j": jobid,
            "A": jobid,
            "x": fields.get("jobname") or fields.get("name") or "",
            "u": fields.get("user") or "",
        }
        expanded = expand_pattern(pattern or DEFAULT_OUTPUT, values)
        output = posixpath.normpath(posixpath.join(workdir, expanded))
    return JobOutcome(
        jobid=jobid,
        state=state,
        ended=ended,
        completed=completed,
        exit_code=exit_code if ended else None,
        signal=signal if ended else None,
        output=output,
        output_known=script is not None,
    )
