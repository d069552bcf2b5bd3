# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""The operations of the ``account`` tag as the client sends them: method, path,
whether they need credentials and whether sending one twice is harmless. The async and
the sync endpoint modules of the tag share them."""

from .._operation import OperationInfo

READ_USER = OperationInfo(
    name="read_user",
    method="GET",
    path="/account/",
    secured=True,
    idempotent=True,
)
READ_PROJECTS = OperationInfo(
    name="read_projects",
    method="GET",
    path="/account/projects",
    secured=True,
    idempotent=True,
)
READ_ROLES = OperationInfo(
    name="read_roles",
    method="GET",
    path="/account/roles",
    secured=True,
    idempotent=True,
)
READ_CLIENTS = OperationInfo(
    name="read_clients",
    method="GET",
    path="/account/clients",
    secured=True,
    idempotent=True,
)
READ_GROUPS = OperationInfo(
    name="read_groups",
    method="GET",
    path="/account/groups",
    secured=True,
    idempotent=True,
)
CREATE_GROUP = OperationInfo(
    name="create_group",
    method="POST",
    path="/account/groups",
    secured=True,
    idempotent=False,
)
READ_GROUP = OperationInfo(
    name="read_group",
    method="GET",
    path="/account/groups/{group}",
    secured=True,
    idempotent=True,
)
UPDATE_GROUP_MEMBERSHIP = OperationInfo(
    name="update_group_membership",
    method="PUT",
    path="/account/groups/{group}",
    secured=True,
    idempotent=True,
)
