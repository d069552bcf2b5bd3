"""Reading a job's exit status and output file from its sacct row and its script."""

from __future__ import annotations

from sfapi_cli.job_outcome import exit_status, expand_pattern, outcome_of, output_pattern
from sfapi_client.models import JobSacct


def test_exit_status_reads_code_and_signal() -> None:
    assert exit_status("3:0") == (3, 0)
    assert exit_status("0:15") == (0, 15)
    assert exit_status("") == (None, None)
    assert exit_status(None) == (None, None)


def test_output_pattern_reads_every_spelling_and_the_last_wins() -> None:
    assert output_pattern("#!/bin/bash\n#SBATCH -o a.out\n") == "a.out"
    assert output_pattern("#!/bin/bash\n#SBATCH -ob.out\n") == "b.out"
    assert output_pattern("#!/bin/bash\n#SBATCH --output=c.out\n") == "c.out"
    assert output_pattern("#!/bin/bash\n#SBATCH --output 'd e.out' # why\n") == "d e.out"
    assert output_pattern("#!/bin/bash\n#SBATCH -o x\n#SBATCH -q debug -o y\n") == "y"
    assert output_pattern("#!/bin/bash\n#SBATCH -q debug\n") is None


def test_output_pattern_stops_at_the_first_command() -> None:
    script = "#!/bin/bash\n\n# a comment\necho hi\n#SBATCH -o late.out\n"
    assert output_pattern(script) is None
    assert output_pattern("#!/bin/bash\n#SBATCH -o 'unbalanced\n") is None


def test_expand_pattern_fills_the_known_fields_only() -> None:
    fields = {"j": "42", "A": "42", "x": "probe", "u": "alice"}
    assert expand_pattern("%x-%j.%u.%A.out", fields) == "probe-42.alice.42.out"
    assert expand_pattern("100%%-%N-%", fields) == "100%-%N-%"


def test_outcome_of_a_failed_job() -> None:
    row = JobSacct(exitcode="3:0", workdir="/home/a", jobname="probe", user="alice")
    outcome = outcome_of("42", "FAILED", True, False, row, "#!/bin/sh\n#SBATCH -o logs/%x-%j\n")
    assert outcome.summary() == "job 42 ended: FAILED (exit code 3)"
    assert outcome.output == "/home/a/logs/probe-42"
    assert outcome.output_line() == "  output: /home/a/logs/probe-42"
    unread = outcome_of("42", "FAILED", True, False, row)
    assert unread.output == "/home/a/slurm-42.out"
    assert "Slurm's default; the script may set --output" in (unread.output_line() or "")
    plain = outcome_of("42", "FAILED", True, False, row, "#!/bin/sh\necho\n")
    assert plain.output_line() == "  output: /home/a/slurm-42.out"  # the script sets none
    done = JobSacct(exitcode="0:0", workdir="/home/a")
    absolute = outcome_of("42", "COMPLETED", True, True, done, "#!/bin/sh\n#SBATCH -o /tmp/o\n")
    assert absolute.output == "/tmp/o" and absolute.summary() == "job 42 ended: COMPLETED"
    assert outcome_of("42", "FAILED", True, False, None).output is None
