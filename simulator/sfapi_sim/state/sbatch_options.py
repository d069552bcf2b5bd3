"""sbatch's options as Slurm's sbatch manual lists them, and the checks sbatch makes on
their values before it sends a job to the controller.

A script's ``#SBATCH`` lines and sbatch's command line are read alike: each option by
its long name (``--nodes``) or its one-letter name (``-N``), its value after ``=``, in the
next word, or (for a one-letter name) stuck to it (``-N1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Arity(Enum):
    """Whether an option takes a value."""

    REQUIRED = "required"
    NONE = "none"
    #: A value only after ``=`` (``--exclusive``, ``--exclusive=user``).
    OPTIONAL = "optional"


@dataclass(frozen=True)
class Option:
    """One of sbatch's options: its long name (without ``--``), its one-letter name."""

    name: str
    short: str | None = None
    arity: Arity = Arity.REQUIRED


def _options(*items: Option) -> dict[str, Option]:
    return {item.name: item for item in items}


_N, _O = Arity.NONE, Arity.OPTIONAL
#: sbatch's options (Slurm's sbatch manual, "OPTIONS"), by long name.
OPTIONS = _options(
    Option("account", "A"),
    Option("acctg-freq"),
    Option("array", "a"),
    Option("batch"),
    Option("bb"),
    Option("bbf"),
    Option("begin", "b"),
    Option("chdir", "D"),
    Option("cluster-constraint"),
    Option("clusters", "M"),
    Option("comment"),
    Option("constraint", "C"),
    Option("container"),
    Option("contiguous", arity=_N),
    Option("core-spec", "S"),
    Option("cores-per-socket"),
    Option("cpu-bind"),
    Option("cpu-freq"),
    Option("cpus-per-gpu"),
    Option("cpus-per-task", "c"),
    Option("deadline"),
    Option("delay-boot"),
    Option("dependency", "d"),
    Option("distribution", "m"),
    Option("error", "e"),
    Option("exclude", "x"),
    Option("exclusive", arity=_O),
    Option("export"),
    Option("export-file"),
    Option("extra-node-info", "B"),
    Option("get-user-env", arity=_O),
    Option("gid"),
    Option("gpu-bind"),
    Option("gpu-freq"),
    Option("gpus", "G"),
    Option("gpus-per-node"),
    Option("gpus-per-socket"),
    Option("gpus-per-task"),
    Option("gres"),
    Option("gres-flags"),
    Option("hint"),
    Option("hold", "H", _N),
    Option("ignore-pbs", arity=_N),
    Option("input", "i"),
    Option("job-name", "J"),
    Option("kill-on-invalid-dep"),
    Option("licenses", "L"),
    Option("mail-type"),
    Option("mail-user"),
    Option("mcs-label"),
    Option("mem"),
    Option("mem-bind"),
    Option("mem-per-cpu"),
    Option("mem-per-gpu"),
    Option("mincpus"),
    Option("network"),
    Option("nice", arity=_O),
    Option("no-kill", "k", _O),
    Option("no-requeue", arity=_N),
    Option("nodefile", "F"),
    Option("nodelist", "w"),
    Option("nodes", "N"),
    Option("ntasks", "n"),
    Option("ntasks-per-core"),
    Option("ntasks-per-gpu"),
    Option("ntasks-per-node"),
    Option("ntasks-per-socket"),
    Option("open-mode"),
    Option("output", "o"),
    Option("overcommit", "O", _N),
    Option("oversubscribe", "s", _N),
    Option("parsable", arity=_N),
    Option("partition", "p"),
    Option("power"),
    Option("prefer"),
    Option("priority"),
    Option("profile"),
    Option("propagate", arity=_O),
    Option("qos", "q"),
    Option("quiet", "Q", _N),
    Option("reboot", arity=_N),
    Option("requeue", arity=_N),
    Option("reservation"),
    Option("signal"),
    Option("sockets-per-node"),
    Option("spread-job", arity=_N),
    Option("switches"),
    Option("test-only", arity=_N),
    Option("thread-spec"),
    Option("threads-per-core"),
    Option("time", "t"),
    Option("time-min"),
    Option("tmp"),
    Option("uid"),
    Option("use-min-nodes", arity=_N),
    Option("verbose", "v", _N),
    Option("wait", "W", _N),
    Option("wait-all-nodes"),
    Option("wckey"),
    Option("wrap"),
    # NERSC's additions (Perlmutter's shifter and module plugins).
    Option("image"),
    Option("module"),
    Option("volume"),
)
#: One-letter names → long names.
SHORT = {option.short: option.name for option in OPTIONS.values() if option.short}


class OptionError(Exception):
    """sbatch refused an option or its value; the message is sbatch's."""


_TIME = re.compile(r"^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$")
_NODE_COUNT = re.compile(r"^\d+(?:-\d+)?$")
#: Options whose value sbatch reads as a positive whole number.
_COUNTS = (
    "ntasks",
    "cpus-per-task",
    "ntasks-per-node",
    "ntasks-per-core",
    "ntasks-per-socket",
    "ntasks-per-gpu",
    "cpus-per-gpu",
    "threads-per-core",
    "mincpus",
)
#: The longest time limit read: a year (Slurm's own bound is far larger).
MAX_TIME_SECONDS = 365 * 86400.0


def parse_time(text: str) -> float:
    """Slurm's time formats in seconds: ``M``, ``M:S``, ``H:M:S``, ``D-H``, ``D-H:M``,
    ``D-H:M:S`` (the sbatch manual, ``--time``); OptionError otherwise."""
    match = _TIME.match(text.strip())
    if not match:
        raise OptionError(f"sbatch: error: Invalid --time specification: {text}")
    days, first, second, third = match.groups()
    if days is not None:
        seconds = int(days) * 86400 + int(first) * 3600
        seconds += int(second or 0) * 60 + int(third or 0)
    elif third is not None:
        seconds = int(first) * 3600 + int(second) * 60 + int(third)
    elif second is not None:
        seconds = int(first) * 60 + int(second)
    else:
        seconds = int(first) * 60
    if seconds > MAX_TIME_SECONDS:
        raise OptionError(
            f"sbatch: error: Invalid --time specification: {text} "
            f"(at most {int(MAX_TIME_SECONDS // 86400)} days here)"
        )
    return float(seconds)


def check_value(name: str, value: str) -> None:
    """OptionError with sbatch's message when ``value`` is not one sbatch takes for
    ``--name`` (counts, node counts, time limits); other values are the controller's."""
    if name == "nodes" and not _NODE_COUNT.match(value):
        raise OptionError(f"sbatch: error: invalid node count `{value}'")
    if name in _COUNTS and not (value.isdigit() and int(value) > 0):
        raise OptionError(f'sbatch: error: Invalid numeric value "{value}" for --{name}.')
    if name in ("time", "time-min"):
        parse_time(value)


def read_options(words: list[str]) -> tuple[dict[str, str], list[str]]:
    """The options at the start of ``words`` (by long name, flags with the value ""),
    and the words after them; OptionError for an unknown option or a missing or bad
    value. A word ``--`` ends the options."""
    options: dict[str, str] = {}
    rest = list(words)
    while rest and rest[0].startswith("-") and rest[0] != "-":
        word = rest.pop(0)
        if word == "--":
            break
        name, value = _one(word, rest)
        if value is not None:
            check_value(name, value)
        options[name] = value if value is not None else ""
    return options, rest


def _one(word: str, rest: list[str]) -> tuple[str, str | None]:
    """The long name and value of the option ``word`` (taking its value from ``rest``
    when it is the next word)."""
    if word.startswith("--"):
        name, sep, value = word[2:].partition("=")
        option = OPTIONS.get(name)
        if option is None:
            raise OptionError(f"sbatch: error: unrecognized option '--{name}'")
        if option.arity is Arity.NONE:
            if sep:
                raise OptionError(f"sbatch: error: option '--{name}' doesn't allow an argument")
            return name, None
        if sep or option.arity is Arity.OPTIONAL:
            return name, value if sep else None
        if not rest:
            raise OptionError(f"sbatch: error: option '--{name}' requires an argument")
        return name, rest.pop(0)
    letter = word[1:2]
    long_name = SHORT.get(letter)
    if long_name is None:
        raise OptionError(f"sbatch: error: invalid option -- '{letter}'")
    option = OPTIONS[long_name]
    attached = word[2:]
    if option.arity is not Arity.REQUIRED:
        if attached:
            raise OptionError(f"sbatch: error: invalid option -- '{attached[0]}'")
        return long_name, None
    if attached:
        return long_name, attached
    if not rest:
        raise OptionError(f"sbatch: error: option requires an argument -- '{letter}'")
    return long_name, rest.pop(0)
