# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``tasks`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

READ_TASKS = OperationInfo(
    name="read_tasks",
    method="GET",
    path="/tasks",
    secured=True,
    idempotent=True,
)
READ_TASK = OperationInfo(
    name="read_task",
    method="GET",
    path="/tasks/{id}",
    secured=True,
    idempotent=True,
)
CANCEL_TASK = OperationInfo(
    name="cancel_task",
    method="DELETE",
    path="/tasks/{id}",
    secured=True,
    idempotent=True,
)
