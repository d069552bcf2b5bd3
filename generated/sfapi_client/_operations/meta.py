# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``meta`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

READ_CHANGELOG = OperationInfo(
    name="read_changelog",
    method="GET",
    path="/meta/changelog",
    secured=False,
    idempotent=True,
    public=True,
)
READ_CONFIG = OperationInfo(
    name="read_config",
    method="GET",
    path="/meta/config",
    secured=False,
    idempotent=True,
    public=True,
)
