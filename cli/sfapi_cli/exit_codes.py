"""Exit codes of ``sfapi``, documented in ``sfapi --help`` and the README."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the process's exit status means."""

    OK = 0
    #: The API answered with an error, or no answer came.
    API_ERROR = 1
    #: The command line was wrong: unknown machine, system or service, missing file, bad option.
    USAGE = 2
    #: No usable credentials (missing, malformed, refused).
    CREDENTIALS = 3
    #: A wait reached its timeout.
    TIMEOUT = 4
    #: ``lint``: only warnings (a line sbatch ignores, a default that applies).
    LINT_WARNINGS = 5
    #: ``lint``: sbatch or the scheduler's policy would refuse the script.
    LINT_ERRORS = 6
    #: ``submit --wait``, ``wait``: a job ended in a state other than COMPLETED.
    JOB_FAILED = 10


EPILOG = (
    "Exit codes: 0 success; 1 the API reported an error or did not answer; 2 bad usage "
    "(unknown machine, system or service, missing file); 3 missing or refused credentials; "
    "4 a wait timed out; 5 lint found warnings only; 6 lint found that the script would be "
    "refused; 10 a job followed with submit --wait or wait ended in a state "
    "other than COMPLETED. Global options may also follow the command name."
)
