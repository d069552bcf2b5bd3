"""Checking a job script before Perlmutter refuses it, and reading the fix when it does."""

from pathlib import Path

from connection import options

from sfapi_client import Client, Machine, lint_script
from sfapi_client.exceptions import JobPolicyError

HERE = Path(__file__).parent
# Its "#SBATCH -C cpu" line is indented, so sbatch ignores it: no node type, refused.
INDENTED = (HERE / "indented_job.sbatch").read_text()
GOOD = (HERE / "perlmutter_job.sbatch").read_text()

# The lint runs here, without the API: each finding has a line, a code, a message, a fix.
for finding in lint_script(INDENTED):
    print(finding.severity.value, finding)
assert not lint_script(GOOD)

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)

    # check="refuse": the lint's verdict stops the submission before any request.
    try:
        perlmutter.submit_job(INDENTED, check="refuse")
    except JobPolicyError as error:
        print("not sent:", error.fix)

    # check="off" sends it: the scheduler refuses it, and the error says what to change.
    try:
        perlmutter.submit_job(INDENTED, check="off")
    except JobPolicyError as error:
        print("refused:", error.message.splitlines()[0])
        print("fix:", error.fix)

    job = perlmutter.submit_job(GOOD)
    print("job", job.jobid, "ended", job.complete().value)
