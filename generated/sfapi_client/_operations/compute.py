# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``compute`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

READ_JOBS = OperationInfo(
    name="read_jobs",
    method="GET",
    path="/compute/jobs/{machine}",
    secured=True,
    idempotent=True,
)
SUBMIT_JOB = OperationInfo(
    name="submit_job",
    method="POST",
    path="/compute/jobs/{machine}",
    secured=True,
    idempotent=False,
)
READ_JOB = OperationInfo(
    name="read_job",
    method="GET",
    path="/compute/jobs/{machine}/{jobid}",
    secured=True,
    idempotent=True,
)
CANCEL_JOB = OperationInfo(
    name="cancel_job",
    method="DELETE",
    path="/compute/jobs/{machine}/{jobid}",
    secured=True,
    idempotent=True,
)
