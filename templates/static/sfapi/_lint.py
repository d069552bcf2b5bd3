"""Checking a batch script on this computer before it is submitted.

``lint_script`` reads a script as Perlmutter's sbatch reads it and reports what sbatch
or NERSC's policy would refuse (an error: the submission would fail) and what sbatch
would silently ignore or default (a warning: the job would run, maybe not as meant),
each with the line it concerns and how to fix it. The rules, their codes and their
sources are listed in ``RULES``; the sbatch options known are Slurm's sbatch manual's,
the QOS and their limits those of NERSC's "Queue Policies" page.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Finding", "LintRule", "Severity", "lint_script", "lint_summary"]


class Severity(StrEnum):
    """How much a finding matters."""

    #: sbatch or the scheduler's policy would refuse the script.
    ERROR = "error"
    #: The script would be accepted, but a line is ignored or a default applies.
    WARNING = "warning"


@dataclass(frozen=True)
class LintRule:
    """One check of the lint.

    Arguments:
        code: the rule's code (``SB...`` for sbatch's own rules, ``PM...`` for
            Perlmutter's policy).
        severity: ERROR when the rule means a refusal, WARNING otherwise.
        title: what the rule is about.
        source: where the rule is written (Slurm's sbatch manual, a NERSC page).
    """

    code: str
    severity: Severity
    title: str
    source: str


_SBATCH_MANUAL = "Slurm's sbatch manual (slurm.schedmd.com/sbatch.html)"
_QUEUE_POLICY = "NERSC's Queue Policies page (docs.nersc.gov/jobs/policy/)"
_PERLMUTTER_JOBS = "NERSC's Running Jobs on Perlmutter page (docs.nersc.gov/systems/perlmutter/)"
_E, _W = Severity.ERROR, Severity.WARNING
#: Every rule, by code.
RULES = {
    rule.code: rule
    for rule in (
        LintRule("SB001", _E, "the script does not start with #!", _SBATCH_MANUAL),
        LintRule("SB002", _E, "DOS line ends (CRLF)", _SBATCH_MANUAL),
        LintRule("SB003", _W, "an indented #SBATCH line (ignored)", _SBATCH_MANUAL),
        LintRule("SB004", _W, "an #SBATCH line after the first command (ignored)", _SBATCH_MANUAL),
        LintRule("SB005", _E, "an option sbatch does not know", _SBATCH_MANUAL),
        LintRule("SB006", _E, "an option without its value", _SBATCH_MANUAL),
        LintRule("SB007", _E, "a value sbatch cannot read", _SBATCH_MANUAL),
        LintRule("SB008", _E, "an empty script", _SBATCH_MANUAL),
        LintRule("PM001", _E, "no node constraint (-C cpu or -C gpu)", _PERLMUTTER_JOBS),
        LintRule("PM002", _E, "a node constraint Perlmutter does not have", _PERLMUTTER_JOBS),
        LintRule("PM003", _E, "a QOS Perlmutter does not have", _QUEUE_POLICY),
        LintRule("PM004", _E, "a time limit beyond the QOS's", _QUEUE_POLICY),
        LintRule("PM005", _E, "more nodes than the QOS allows", _QUEUE_POLICY),
        LintRule("PM006", _W, "no QOS (debug applies)", _QUEUE_POLICY),
        LintRule("PM007", _W, "no time limit (the QOS's default applies)", _QUEUE_POLICY),
    )
}
#: The rules of NERSC's policy that a lenient scheduler does not apply.
POLICY_ONLY = frozenset({"PM001", "PM004", "PM005"})


@dataclass(frozen=True)
class Finding:
    """One problem of a script; ``str()`` gives it on one line.

    Arguments:
        line: the line it concerns (1 is the first; 1 also for what the whole script
            lacks).
        code: the rule's code (see ``RULES`` and ``sfapi lint``'s table).
        message: what is wrong.
        fix: how to fix it.
    """

    line: int
    code: str
    message: str
    fix: str

    @property
    def severity(self) -> Severity:
        """ERROR when the script would be refused, WARNING otherwise."""
        return RULES[self.code].severity

    def __str__(self) -> str:
        return f"line {self.line}: {self.code} {self.message}; fix: {self.fix}"


# sbatch's options (its manual), by long name: "v" a value, "f" none, "o" a value only
# after "=". One-letter names in _SHORT.
_OPTIONS = dict.fromkeys(
    [
        "account",
        "acctg-freq",
        "array",
        "batch",
        "bb",
        "bbf",
        "begin",
        "chdir",
        "cluster-constraint",
        "clusters",
        "comment",
        "constraint",
        "container",
        "core-spec",
        "cores-per-socket",
        "cpu-bind",
        "cpu-freq",
        "cpus-per-gpu",
        "cpus-per-task",
        "deadline",
        "delay-boot",
        "dependency",
        "distribution",
        "error",
        "exclude",
        "export",
        "export-file",
        "extra-node-info",
        "gid",
        "gpu-bind",
        "gpu-freq",
        "gpus",
        "gpus-per-node",
        "gpus-per-socket",
        "gpus-per-task",
        "gres",
        "gres-flags",
        "hint",
        "input",
        "job-name",
        "kill-on-invalid-dep",
        "licenses",
        "mail-type",
        "mail-user",
        "mcs-label",
        "mem",
        "mem-bind",
        "mem-per-cpu",
        "mem-per-gpu",
        "mincpus",
        "network",
        "nodefile",
        "nodelist",
        "nodes",
        "ntasks",
        "ntasks-per-core",
        "ntasks-per-gpu",
        "ntasks-per-node",
        "ntasks-per-socket",
        "open-mode",
        "output",
        "partition",
        "power",
        "prefer",
        "priority",
        "profile",
        "qos",
        "reservation",
        "signal",
        "sockets-per-node",
        "switches",
        "thread-spec",
        "threads-per-core",
        "time",
        "time-min",
        "tmp",
        "uid",
        "wait-all-nodes",
        "wckey",
        "wrap",
        "image",
        "module",
        "volume",
    ],
    "v",
)
_OPTIONS.update(
    dict.fromkeys(
        [
            "contiguous",
            "hold",
            "ignore-pbs",
            "no-requeue",
            "overcommit",
            "oversubscribe",
            "parsable",
            "quiet",
            "reboot",
            "requeue",
            "spread-job",
            "test-only",
            "use-min-nodes",
            "verbose",
            "wait",
        ],
        "f",
    )
)
_OPTIONS.update(dict.fromkeys(["exclusive", "get-user-env", "nice", "no-kill", "propagate"], "o"))
_SHORT = {
    "A": "account",
    "a": "array",
    "b": "begin",
    "B": "extra-node-info",
    "C": "constraint",
    "c": "cpus-per-task",
    "D": "chdir",
    "d": "dependency",
    "e": "error",
    "F": "nodefile",
    "G": "gpus",
    "H": "hold",
    "i": "input",
    "J": "job-name",
    "k": "no-kill",
    "L": "licenses",
    "M": "clusters",
    "m": "distribution",
    "N": "nodes",
    "n": "ntasks",
    "O": "overcommit",
    "o": "output",
    "p": "partition",
    "Q": "quiet",
    "q": "qos",
    "S": "core-spec",
    "s": "oversubscribe",
    "t": "time",
    "v": "verbose",
    "W": "wait",
    "w": "nodelist",
    "x": "exclude",
}
_COUNT_OPTIONS = frozenset(
    [
        "ntasks",
        "cpus-per-task",
        "ntasks-per-node",
        "ntasks-per-core",
        "ntasks-per-socket",
        "ntasks-per-gpu",
        "cpus-per-gpu",
        "threads-per-core",
        "mincpus",
    ]
)
_TIME_FORMAT = re.compile(r"(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?")
_NODE_COUNT = re.compile(r"\d+(?:-\d+)?")
#: Perlmutter's QOS: the longest time limit (minutes) and the most nodes (None: no cap).
_QOS_LIMITS: dict[str, tuple[int, int | None]] = {
    "regular": (2880, None),
    "debug": (30, 8),
    "shared": (2880, 1),
    "preempt": (2880, 128),
    "debug_preempt": (30, 2),
    "premium": (2880, None),
    "overrun": (2880, None),
    "interactive": (240, 4),
    "shared_interactive": (240, 1),
    "jupyter": (360, 4),
    "realtime": (2880, None),
}
#: The QOS of a job that names none: debug on Perlmutter (the Queue Policies page).
DEFAULT_QOS = "debug"
_CONSTRAINTS = ("cpu", "gpu", "gpu&hbm40g", "gpu&hbm80g")
#: The longest time limit read (a year; the simulator's bound, far beyond any QOS's).
_MAX_MINUTES = 365 * 1440


def _minutes(text: str) -> float | None:
    """A time limit in minutes, or None when sbatch cannot read it."""
    match = _TIME_FORMAT.fullmatch(text.strip())
    if match is None:
        return None
    days, a, b, c = (int(g) if g is not None else None for g in match.groups())
    if days is not None:
        return days * 1440 + (a or 0) * 60 + (b or 0) + (c or 0) / 60
    if c is not None:
        return (a or 0) * 60 + (b or 0) + c / 60
    if b is not None:
        return (a or 0) + b / 60
    return float(a or 0)


@dataclass
class _Read:
    """What the lint gathered: the options sbatch would read (with their lines), and
    the ``#SBATCH`` lines it would ignore."""

    options: dict[str, tuple[str, int]]
    ignored: dict[str, tuple[str, int]]


def lint_script(text: str, *, policy: bool = True) -> list[Finding]:
    """The problems of a batch script for Perlmutter, in line order.

    Findings of severity ERROR mean that sbatch or the scheduler would refuse the
    script; WARNING, that it would run but something in it is ignored or defaulted.
    Nothing is sent anywhere: the check runs on this computer.

    Arguments:
        text: the script's text.
        policy: False to leave out the checks of NERSC's policy that a lenient
            scheduler skips (a node constraint required, the time and node limits of
            each QOS), as ``sfapi-sim serve --lenient-sbatch`` does.

    Raises:
        TypeError: when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError("lint_script takes the script's text (a str)")
    findings: list[Finding] = []
    if not text.strip():
        return [_finding(1, "SB008", "the script is empty", "write a script starting with #!")]
    if "\r\n" in text:
        line = text[: text.index("\r\n")].count("\n") + 1
        findings.append(
            _finding(
                line,
                "SB002",
                "the script has DOS line ends (\\r\\n), which sbatch refuses",
                "save it with UNIX line ends (dos2unix, or text.replace('\\r\\n', '\\n'))",
            )
        )
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines[0].startswith("#!"):
        findings.append(
            _finding(
                1,
                "SB001",
                "the first line is not '#!' and an interpreter",
                "make the first line '#!/bin/bash'",
            )
        )
    read = _read_header(lines, findings)
    findings += _policy(read, policy)
    # By line; on one line, what sbatch does with it before what the policy makes of it.
    return sorted(findings, key=lambda f: (f.line, not f.code.startswith("SB"), f.code))


def _finding(line: int, code: str, message: str, fix: str) -> Finding:
    return Finding(line, code, message, fix)


def _read_header(lines: list[str], findings: list[Finding]) -> _Read:
    read = _Read({}, {})
    in_header = True
    for number, line in enumerate(lines[1:], start=2):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            in_header = False
        if not _is_directive(stripped):
            continue
        if not line.startswith("#SBATCH"):
            findings.append(
                _finding(
                    number,
                    "SB003",
                    "this #SBATCH line is indented, so sbatch ignores it",
                    "remove the spaces before #SBATCH",
                )
            )
            _gather(stripped, number, read.ignored, [])
        elif not in_header:
            findings.append(
                _finding(
                    number,
                    "SB004",
                    "this #SBATCH line comes after the first command, so sbatch ignores it",
                    "move it above the first command (sbatch reads options only before it)",
                )
            )
            _gather(stripped, number, read.ignored, [])
        else:
            _gather(line, number, read.options, findings)
    return read


def _is_directive(stripped: str) -> bool:
    return stripped.startswith("#SBATCH") and (stripped == "#SBATCH" or stripped[7].isspace())


def _gather(
    line: str, number: int, into: dict[str, tuple[str, int]], findings: list[Finding]
) -> None:
    """The options of one ``#SBATCH`` line into ``into``; problems into ``findings``."""
    try:
        words = shlex.split(line[len("#SBATCH") :], comments=True)
    except ValueError:
        words = line[len("#SBATCH") :].split("#", 1)[0].split()
    while words:
        word = words.pop(0)
        if word == "--" and not words:  # the end of the options, and nothing after it
            return
        problem = _one_option(word, words, number, into)
        if problem is not None:
            findings.append(problem)
            return


def _one_option(
    word: str, words: list[str], number: int, into: dict[str, tuple[str, int]]
) -> Finding | None:
    if not word.startswith("-") or word in ("-", "--"):
        return _finding(
            number,
            "SB005",
            f"'{word}' is not an option",
            "give options as -X value or --name=value; put commands below the #SBATCH lines",
        )
    if word.startswith("--"):
        name, sep, value = word[2:].partition("=")
        kind = _OPTIONS.get(name)
        if kind is None:
            return _finding(number, "SB005", f"sbatch has no option '--{name}'", _spelling(name))
        if kind == "f" and sep:
            return _finding(number, "SB007", f"'--{name}' takes no value", f"write --{name} alone")
        if kind == "v" and not sep:
            if not words:
                return _finding(
                    number, "SB006", f"'--{name}' needs a value", f"write --{name}=VALUE"
                )
            value = words.pop(0)
    else:
        letter, attached = word[1:2], word[2:]
        long_name = _SHORT.get(letter)
        if long_name is None:
            return _finding(
                number,
                "SB005",
                f"sbatch has no option '-{letter}'",
                "see 'sbatch --help' for the options",
            )
        name, kind, value = long_name, _OPTIONS[long_name], attached
        if kind != "v" and attached:
            return _finding(
                number,
                "SB005",
                f"sbatch has no option '-{attached[0]}' (in '{word}')",
                f"write -{letter} alone, and each other option as a word of its own",
            )
        if kind == "v" and not value:
            if not words:
                return _finding(
                    number, "SB006", f"'-{letter}' needs a value", f"write -{letter} VALUE"
                )
            value = words.pop(0)
    problem = _value_problem(name, value, number) if kind == "v" else None
    if problem is None or problem.code.startswith("PM"):
        into[name] = (value, number)
    return problem


def _spelling(name: str) -> str:
    close = [known for known in _OPTIONS if _near(known, name)]
    if close:
        return f"did you mean --{close[0]}?"
    return "remove it, or see 'sbatch --help' for the options"


def _near(known: str, name: str) -> bool:
    """True when ``name`` is ``known`` with one letter changed, added or dropped."""
    if abs(len(known) - len(name)) > 1 or known == name:
        return False
    if len(known) == len(name):
        return sum(a != b for a, b in zip(known, name, strict=True)) == 1
    short, long = sorted((known, name), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _value_problem(name: str, value: str, number: int) -> Finding | None:
    if name == "nodes" and not _NODE_COUNT.fullmatch(value):
        return _finding(
            number,
            "SB007",
            f"'{value}' is not a node count",
            "give a number of nodes in digits, e.g. --nodes=2 (or a range, 2-4)",
        )
    if name in _COUNT_OPTIONS and not (value.isdigit() and int(value) > 0):
        return _finding(
            number,
            "SB007",
            f"'{value}' is not a number for --{name}",
            f"give a positive whole number, e.g. --{name}=4",
        )
    minutes = _minutes(value) if name in ("time", "time-min") else 0.0
    if minutes is None or minutes > _MAX_MINUTES:
        return _finding(
            number,
            "SB007",
            f"'{value}' is not a time sbatch reads",
            "write minutes (30), HH:MM:SS (01:30:00) or D-HH:MM:SS (1-12:00:00)",
        )
    if name == "qos" and value not in _QOS_LIMITS:
        return _finding(
            number,
            "PM003",
            f"Perlmutter has no QOS '{value}'",
            _choice(value, _QOS_LIMITS, "QOS"),
        )
    if name == "constraint" and value.strip("\"'") not in _CONSTRAINTS:
        return _finding(
            number,
            "PM002",
            f"Perlmutter has no node type '{value}'",
            "write '-C cpu' for CPU nodes or '-C gpu' for GPU nodes",
        )
    return None


def _choice(value: str, known: Iterable[str], what: str) -> str:
    names = sorted(known)
    close = [n for n in names if _near(n, value) or n.startswith(value[:3])]
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}Perlmutter's {what}: {', '.join(names)}"


def _policy(read: _Read, policy: bool) -> list[Finding]:
    options = read.options
    findings: list[Finding] = []
    qos = options.get("qos", (DEFAULT_QOS, 0))[0]
    if "qos" not in options:
        findings.append(
            _finding(
                1,
                "PM006",
                "no QOS is given, so the debug QOS applies (at most 30 minutes and 8 nodes)",
                "add '#SBATCH -q regular' (or debug, shared, ...) below the #! line",
            )
        )
    if "time" not in options:
        findings.append(
            _finding(
                1,
                "PM007",
                "no time limit is given, so the QOS's default applies",
                "add '#SBATCH -t 5' (minutes, or HH:MM:SS) below the #! line",
            )
        )
    if not policy:
        return [f for f in findings if f.code not in POLICY_ONLY]
    if "constraint" not in options:
        findings.append(_no_constraint(read))
    limits = _QOS_LIMITS.get(qos)
    if limits is None:
        return findings
    max_minutes, max_nodes = limits
    if "time" in options:
        value, number = options["time"]
        minutes = _minutes(value)
        if minutes is not None and minutes > max_minutes:
            findings.append(
                _finding(
                    number,
                    "PM004",
                    f"the time limit {value} is beyond the {qos} QOS's {_hours(max_minutes)} "
                    "(the service answers: Job request does not match any supported policy)",
                    f"ask for at most {max_minutes} minutes, or use a QOS that allows more "
                    "(regular: 48 hours)",
                )
            )
    if "nodes" in options and max_nodes is not None:
        value, number = options["nodes"]
        if _NODE_COUNT.fullmatch(value) and int(value.split("-")[0]) > max_nodes:
            findings.append(
                _finding(
                    number,
                    "PM005",
                    f"{value} nodes are more than the {qos} QOS allows ({max_nodes}) "
                    "(the service answers: Job request does not match any supported policy)",
                    f"ask for at most {max_nodes} nodes, or use the regular QOS",
                )
            )
    return findings


def _no_constraint(read: _Read) -> Finding:
    ignored = read.ignored.get("constraint")
    message = (
        "no node constraint is read, so Perlmutter refuses the job "
        "(No architecture specified, cannot estimate job costs)"
    )
    if ignored is not None:
        value, number = ignored
        return _finding(
            number,
            "PM001",
            message + f"; line {number} sets -C {value} but sbatch ignores that line",
            f"start line {number} with #SBATCH, unindented and above the first command",
        )
    return _finding(1, "PM001", message, "add '#SBATCH -C cpu' (or -C gpu) below the #! line")


def _hours(minutes: int) -> str:
    return f"{minutes} minutes" if minutes < 120 else f"{minutes // 60} hours"


def lint_summary(findings: Iterable[Finding]) -> str:
    """The findings, one per line, for a message or a log record.

    Arguments:
        findings: what ``lint_script`` found.
    """
    return "\n".join(str(f) for f in findings)
