"""``sfapi lint``: check a local batch script for what Perlmutter's sbatch would refuse or
ignore, without contacting the API (no credentials needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sfapi_client import Finding, Severity, lint_script

from .. import state
from ..errors import reported
from ..exit_codes import ExitCode
from ..failures import CommandError
from ..global_options import CommandWithGlobals
from ..output import emit_json, say

#: The longest script read (job scripts are small; a larger file is not one).
MAX_SCRIPT_BYTES = 1024 * 1024


def register(app: typer.Typer) -> None:
    app.command(cls=CommandWithGlobals)(reported(state.debug)(lint))


def lint(
    script: Annotated[Path, typer.Argument(help="A job script on this computer.")],
    no_policy: Annotated[
        bool,
        typer.Option(
            "--no-policy",
            help="Leave out NERSC's policy rules that a lenient scheduler skips "
            "(node constraint required, the QOS's time and node limits).",
        ),
    ] = False,
) -> None:
    """Check a job script as Perlmutter's sbatch reads it: each problem with its line,
    its rule code and how to fix it. Exit 0: nothing found; 5: warnings only (a line
    sbatch ignores, a default that applies); 6: the script would be refused."""
    findings = lint_script(_read(script), policy=not no_policy)
    if state.current.json:
        emit_json(
            {
                "script": str(script),
                "findings": [
                    {
                        "line": f.line,
                        "code": f.code,
                        "severity": f.severity.value,
                        "message": f.message,
                        "fix": f.fix,
                    }
                    for f in findings
                ],
            }
        )
    else:
        for finding in findings:
            say(_line(script, finding), multiline=True)
        if not findings:
            say(f"{script}: no problems found")
    code = exit_code(findings)
    if code is not ExitCode.OK:
        raise typer.Exit(int(code))


def exit_code(findings: list[Finding]) -> ExitCode:
    """LINT_ERRORS when a finding means a refusal, LINT_WARNINGS when there are only
    warnings, OK when there is nothing."""
    if any(f.severity is Severity.ERROR for f in findings):
        return ExitCode.LINT_ERRORS
    return ExitCode.LINT_WARNINGS if findings else ExitCode.OK


def _line(script: Path, finding: Finding) -> str:
    return (
        f"{script}:{finding.line}: {finding.severity.value} {finding.code} {finding.message}\n"
        f"    fix: {finding.fix}"
    )


def _read(path: Path) -> str:
    if not path.is_file():
        raise CommandError(f"{path} does not exist or is not a file", ExitCode.USAGE)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SCRIPT_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}", ExitCode.USAGE) from None
    if len(data) > MAX_SCRIPT_BYTES:
        raise CommandError(
            f"{path} is larger than {MAX_SCRIPT_BYTES} bytes: not a job script", ExitCode.USAGE
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path} is not UTF-8 text: byte {exc.object[exc.start]:#04x} at position "
            f"{exc.start} (convert it, e.g. iconv -f latin1 -t utf-8)",
            ExitCode.USAGE,
        ) from None
