# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``utilities`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

LS = OperationInfo(
    name="ls",
    method="GET",
    path="/utilities/ls/{machine}/{path}",
    secured=True,
    idempotent=True,
)
DOWNLOAD_FILE = OperationInfo(
    name="download_file",
    method="GET",
    path="/utilities/download/{machine}/{path}",
    secured=True,
    idempotent=True,
)
UPLOAD_FILE = OperationInfo(
    name="upload_file",
    method="PUT",
    path="/utilities/upload/{machine}/{path}",
    secured=True,
    idempotent=True,
)
RUN_COMMAND = OperationInfo(
    name="run_command",
    method="POST",
    path="/utilities/command/{machine}",
    secured=True,
    idempotent=False,
)
