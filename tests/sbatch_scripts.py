"""Job scripts Perlmutter accepts and refuses, each with the rule that decides and where
that rule is written: the table both the lint (``sfapi_client.lint_script``) and the
simulator's sbatch are checked against, so that the two agree on every row.

Sources:
    SBATCH: Slurm's sbatch manual, https://slurm.schedmd.com/sbatch.html ("DESCRIPTION"
        for the ``#!`` line and where ``#SBATCH`` lines are read, "OPTIONS" for the
        options and the forms of their values).
    POLICY: NERSC's "Queue Policies" page, https://docs.nersc.gov/jobs/policy/ (the QOS
        of Perlmutter's CPU and GPU nodes, their time and node limits).
    NODES: NERSC's "Running Jobs on Perlmutter" page,
        https://docs.nersc.gov/systems/perlmutter/running-jobs/ (a job names its node
        type with ``-C cpu`` or ``-C gpu``; without one sbatch answers "No architecture
        specified").
"""

from __future__ import annotations

from dataclasses import dataclass

SBATCH = "Slurm's sbatch manual"
POLICY = "NERSC's Queue Policies page"
NODES = "NERSC's Running Jobs on Perlmutter page"

#: The header of every script Perlmutter accepts in this project's tests and examples.
HEADER = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"


@dataclass(frozen=True)
class Case:
    """A script, whether Perlmutter takes it, the words of sbatch's refusal (None when
    accepted), the lint rule that explains it, whether a lenient scheduler (which skips
    NERSC's policy) takes it, and where the rule is written."""

    name: str
    script: str
    accepted: bool
    message: str | None
    code: str | None
    lenient_accepted: bool
    source: str


def _ok(name: str, script: str, source: str, code: str | None = None) -> Case:
    return Case(name, script, True, None, code, True, source)


def _sbatch(name: str, script: str, message: str, code: str) -> Case:
    """Refused by sbatch itself: lenient or not."""
    return Case(name, script, False, message, code, False, SBATCH)


def _policy(name: str, script: str, message: str, code: str, source: str = POLICY) -> Case:
    """Refused by NERSC's policy: a lenient scheduler takes it."""
    return Case(name, script, False, message, code, True, source)


NO_ARCHITECTURE = "No architecture specified"
NO_POLICY = "Job request does not match any supported policy"

CASES = [
    _ok("the project's header", HEADER + "echo hi\n", NODES),
    _ok(
        "long names",
        "#!/bin/bash\n#SBATCH --constraint=gpu --qos=regular\n"
        "#SBATCH --time=48:00:00 --nodes=4\necho hi\n",
        POLICY,
    ),
    _ok(
        "a one-letter option with its value attached",
        "#!/bin/bash\n#SBATCH -Ccpu -qdebug -t5 -N1\necho hi\n",
        SBATCH,
    ),
    _ok(
        "several options and a comment on one line",
        "#!/bin/bash\n#SBATCH -C cpu -q debug -t 00:30:00 # half an hour\necho hi\n",
        SBATCH,
    ),
    _ok(
        "D-HH:MM time in the shared QOS",
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q shared\n"
        "#SBATCH -t 1-12:00\n#SBATCH -n 4 -c 2\necho hi\n",
        POLICY,
    ),
    _ok(
        "flags and options taking an optional value",
        "#!/bin/bash\n#SBATCH -C gpu -q regular"
        " -t 60\n#SBATCH --exclusive --requeue\n#SBATCH --exclusive=user\necho hi\n",
        SBATCH,
    ),
    _ok(
        "comments and blank lines before the options",
        "#!/bin/bash\n\n# a comment\n#SBATCH -C cpu -q debug -t 5\necho hi\n",
        SBATCH,
    ),
    _ok(
        "no QOS nor time: the defaults apply (a warning)",
        "#!/bin/bash\n#SBATCH -C cpu\necho hi\n",
        POLICY,
        "PM006",
    ),
    _ok(
        "an indented #SBATCH line is ignored, even a bad one",
        HEADER + "  #SBATCH --nodes=two\necho hi\n",
        SBATCH,
        "SB003",
    ),
    _ok(
        "an #SBATCH line after the first command is ignored, even a bad one",
        HEADER + "echo hi\n#SBATCH -q reglar\n",
        SBATCH,
        "SB004",
    ),
    _ok(
        "an #SBATCH line after the first command does not raise the time limit",
        HEADER + "echo hi\n#SBATCH -t 48:00:00\n",
        SBATCH,
        "SB004",
    ),
    _ok(
        "the largest debug job",
        "#!/bin/bash\n#SBATCH -C cpu -q debug -t 30 -N 8\necho hi\n",
        POLICY,
    ),
    _sbatch(
        "no #! line", "#SBATCH -C cpu\necho hi\n", "does not look like a batch script", "SB001"
    ),
    _sbatch(
        "DOS line ends", HEADER.replace("\n", "\r\n") + "echo hi\r\n", "DOS line breaks", "SB002"
    ),
    _sbatch(
        "an unknown long option",
        HEADER + "#SBATCH --tme=5\necho hi\n",
        "unrecognized option '--tme'",
        "SB005",
    ),
    _sbatch(
        "an unknown one-letter option",
        HEADER + "#SBATCH -Z 1\necho hi\n",
        "invalid option",
        "SB005",
    ),
    _sbatch(
        "an option without its value",
        "#!/bin/bash\n#SBATCH -C cpu -q debug -t\necho hi\n",
        "requires an argument",
        "SB006",
    ),
    _sbatch(
        "a node count in words",
        HEADER + "#SBATCH --nodes=two\necho hi\n",
        "invalid node count",
        "SB007",
    ),
    _sbatch(
        "a task count in words",
        HEADER + "#SBATCH --ntasks=four\necho hi\n",
        "Invalid numeric value",
        "SB007",
    ),
    _sbatch(
        "a time sbatch cannot read",
        HEADER + "#SBATCH -t 5min\necho hi\n",
        "Invalid --time specification",
        "SB007",
    ),
    _sbatch("an empty script", "", "Batch script is empty", "SB008"),
    _sbatch(
        "an unknown QOS",
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q reglar\necho hi\n",
        "Invalid qos specification",
        "PM003",
    ),
    _sbatch(
        "an unknown node type",
        "#!/bin/bash\n#SBATCH -C knl\n#SBATCH -q debug\necho hi\n",
        "Invalid feature specification",
        "PM002",
    ),
    _policy(
        "no constraint",
        "#!/bin/bash\n#SBATCH -q debug\n#SBATCH -t 5\necho hi\n",
        NO_ARCHITECTURE,
        "PM001",
        NODES,
    ),
    _policy(
        "the constraint on an indented line",
        "#!/bin/bash\n    #SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\necho hi\n",
        NO_ARCHITECTURE,
        "PM001",
        NODES,
    ),
    _policy(
        "the whole header indented (as a Python f-string's)",
        "#!/bin/bash\n    #SBATCH -C cpu\n    #SBATCH -q debug\n    #SBATCH -t 5\n    echo hi\n",
        NO_ARCHITECTURE,
        "PM001",
        NODES,
    ),
    _policy(
        "the constraint after the first command",
        "#!/bin/bash\n#SBATCH -q debug\necho hi\n#SBATCH -C cpu\n",
        NO_ARCHITECTURE,
        "PM001",
        NODES,
    ),
    _policy(
        "debug for longer than 30 minutes",
        "#!/bin/bash\n#SBATCH -C cpu -q debug -t 31\necho hi\n",
        NO_POLICY,
        "PM004",
    ),
    _policy(
        "regular for longer than 48 hours",
        "#!/bin/bash\n#SBATCH -C cpu -q regular\n#SBATCH -t 2-00:01:00\necho hi\n",
        NO_POLICY,
        "PM004",
    ),
    _policy(
        "debug on more than 8 nodes",
        "#!/bin/bash\n#SBATCH -C gpu -q debug -t 5 -N 9\necho hi\n",
        NO_POLICY,
        "PM005",
    ),
    _policy(
        "shared on more than one node",
        "#!/bin/bash\n#SBATCH -C cpu -q shared -t 5 -N 2\necho hi\n",
        NO_POLICY,
        "PM005",
    ),
    _ok(
        "'--' ending the options of a line",
        HEADER + "#SBATCH --exclusive --\necho hi\n",
        SBATCH,
    ),
    _sbatch(
        "a flag given a value",
        HEADER + "#SBATCH --requeue=yes\necho hi\n",
        "doesn't allow an argument",
        "SB007",
    ),
    _sbatch(
        "a one-letter flag with letters stuck to it",
        HEADER + "#SBATCH -Hx\necho hi\n",
        "invalid option -- 'x'",
        "SB005",
    ),
    _sbatch(
        "a word that is no option",
        HEADER + "#SBATCH -- -N 2\necho hi\n",
        "unexpected argument",
        "SB005",
    ),
    _sbatch(
        "a time limit past a year",
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -t 400-00:00:00\necho hi\n",
        "Invalid --time specification",
        "SB007",
    ),
]
