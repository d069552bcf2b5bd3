# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``status`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

READ_STATUS = OperationInfo(
    name="read_status",
    method="GET",
    path="/status",
    secured=False,
    idempotent=True,
    public=True,
)
READ_NOTES = OperationInfo(
    name="read_notes",
    method="GET",
    path="/status/notes",
    secured=False,
    idempotent=True,
    public=True,
)
READ_NOTES_FOR_SYSTEM = OperationInfo(
    name="read_notes_for_system",
    method="GET",
    path="/status/notes/{name}",
    secured=False,
    idempotent=True,
    public=True,
)
READ_OUTAGES = OperationInfo(
    name="read_outages",
    method="GET",
    path="/status/outages",
    secured=False,
    idempotent=True,
    public=True,
)
READ_PLANNED_OUTAGES = OperationInfo(
    name="read_planned_outages",
    method="GET",
    path="/status/outages/planned",
    secured=False,
    idempotent=True,
    public=True,
)
READ_PLANNED_OUTAGES_FOR_SYSTEM = OperationInfo(
    name="read_planned_outages_for_system",
    method="GET",
    path="/status/outages/planned/{name}",
    secured=False,
    idempotent=True,
    public=True,
)
READ_OUTAGES_FOR_SYSTEM = OperationInfo(
    name="read_outages_for_system",
    method="GET",
    path="/status/outages/{name}",
    secured=False,
    idempotent=True,
    public=True,
)
READ_STATUS_FOR_SYSTEM = OperationInfo(
    name="read_status_for_system",
    method="GET",
    path="/status/{name}",
    secured=False,
    idempotent=True,
    public=True,
)
