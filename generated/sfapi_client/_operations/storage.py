# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``storage`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

START_GLOBUS_TRANSFER = OperationInfo(
    name="start_globus_transfer",
    method="POST",
    path="/storage/globus/transfer",
    secured=True,
    idempotent=False,
)
CHECK_GLOBUS_TRANSFER = OperationInfo(
    name="check_globus_transfer",
    method="GET",
    path="/storage/globus/transfer/{transfer_id}",
    secured=True,
    idempotent=True,
)
