"""The lint applied to submissions: before a script text is sent (``check=``), and to
the scheduler's answer when it refuses a job (the error says how to fix the script)."""

from __future__ import annotations

import logging
from typing import Literal

from ._lint import Finding, Severity, lint_script, lint_summary
from ._package import LOGGER_NAME
from ._workflow_errors import InvalidArgumentError, JobPolicyError, JobSubmissionError

__all__: list[str] = []

logger = logging.getLogger(LOGGER_NAME)

#: What ``submit_job`` does with a script text the lint finds would be refused.
ScriptCheck = Literal["warn", "refuse", "off"]
CHECKS: tuple[str, ...] = ("warn", "refuse", "off")

#: Words of the scheduler's messages → the lint rule that explains them (first match).
_MESSAGES = (
    ("No architecture specified", "PM001"),
    ("Invalid feature specification", "PM002"),
    ("Invalid qos specification", "PM003"),
    ("does not match any supported policy", ("PM004", "PM005")),
    ("DOS line breaks", "SB002"),
    ("does not look like a batch script", "SB001"),
    ("unrecognized option", "SB005"),
    ("invalid option", "SB005"),
    ("requires an argument", "SB006"),
    ("invalid node count", "SB007"),
    ("Invalid numeric value", "SB007"),
    ("Invalid --time specification", "SB007"),
    ("Batch script is empty", "SB008"),
)
#: How to fix a refusal when the script's text is not at hand (a script path).
_GENERIC_FIXES = {
    "PM001": "give a node constraint, '#SBATCH -C cpu' (or -C gpu), unindented and above "
    "the script's first command",
    "PM002": "write '-C cpu' for CPU nodes or '-C gpu' for GPU nodes",
    "PM003": "use one of Perlmutter's QOS (debug, regular, shared, preempt, premium, ...)",
    "PM004": "keep the time limit and node count within the QOS's limits (debug: 30 minutes "
    "and 8 nodes; regular: 48 hours)",
    "PM005": "keep the node count within the QOS's limit (debug: 8 nodes, shared: 1)",
    "SB001": "make the first line '#!/bin/bash'",
    "SB002": "save the script with UNIX line ends",
    "SB005": "remove the unknown option or correct its spelling",
    "SB006": "give the option its value",
    "SB007": "give the option a value sbatch reads (counts in digits, times as minutes or "
    "HH:MM:SS)",
    "SB008": "write a script starting with #!",
}
_POLICY_CODES = frozenset({"PM001", "PM002", "PM003", "PM004", "PM005"})


def checked_mode(check: object) -> ScriptCheck:
    """``check`` if it is one of the modes; InvalidArgumentError otherwise."""
    if check == "warn":
        return "warn"
    if check == "refuse":
        return "refuse"
    if check == "off":
        return "off"
    raise InvalidArgumentError(f"check must be one of {', '.join(CHECKS)}, not {check!r}")


def precheck(text: str, check: ScriptCheck, machine: str) -> None:
    """Lint a script text before it is sent: log a WARNING (``warn``) or raise
    (``refuse``: JobPolicyError, or JobSubmissionError for sbatch's own rules) when it
    would be refused; nothing with ``off`` or when nothing would refuse it."""
    if check == "off":
        return
    findings = lint_script(text)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if not errors:
        return
    summary = lint_summary(findings)
    if check == "warn":
        logger.warning(
            "the job script for %s would be refused (sending it anyway; check='refuse' "
            "stops it, check='off' silences this):\n%s",
            machine,
            summary,
        )
        return
    error_class = JobPolicyError if errors[0].code in _POLICY_CODES else JobSubmissionError
    raise _with_fix(
        error_class(
            f"the job script would be refused, so it was not sent to {machine} "
            f"(check='refuse'):\n{summary}"
        ),
        errors[0].fix,
        findings,
    )


def rejection(message: str, text: str | None) -> JobSubmissionError:
    """The error for the scheduler's refusal ``message``: JobPolicyError for NERSC's
    policy, JobSubmissionError otherwise; with how to fix it when the message is one the
    lint knows (from the lint of the script ``text`` when given, naming its line)."""
    codes = _codes(message)
    findings = lint_script(text) if text is not None else []
    fix = None
    for finding in findings:
        if finding.code in codes:
            fix = f"line {finding.line}: {finding.fix}"
            break
    if fix is None and codes:
        fix = _GENERIC_FIXES.get(codes[0])
    error_class = JobPolicyError if set(codes) & _POLICY_CODES else JobSubmissionError
    shown = f"job submission failed: {message}"
    if fix is not None:
        shown += f"\nfix: {fix}"
    return _with_fix(error_class(shown), fix, findings)


def _codes(message: str) -> tuple[str, ...]:
    for words, codes in _MESSAGES:
        if words.lower() in message.lower():
            return codes if isinstance(codes, tuple) else (codes,)
    return ()


def _with_fix(
    error: JobSubmissionError, fix: str | None, findings: list[Finding]
) -> JobSubmissionError:
    error.fix = fix
    error.findings = tuple(findings)
    return error
