# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``account`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operations import account as _operations
from ...models import (
    ApiClientInfo,
    BatchGroupAction,
    GroupList,
    GroupStats,
    ProjectStats,
    RoleStats,
    UserInfo,
)
from .._base_client import BaseClient


class AccountApi:
    """Operations of the ``account`` tag, reached as ``client.account``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def read_user(
        self,
        *,
        username: str | None = None,
    ) -> UserInfo:
        """Read User

        The user that owns the credentials, or another user by name.

        ``GET /account/``; needs credentials.

        Args:
            username: the ``username`` query parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_USER,
            "/account/",
            params=_encoding.query_params(
                [
                    ("username", username),
                ]
            ),
        )
        _result: UserInfo = _responses.parse_json(_response, UserInfo, "read_user")
        return _result

    def read_projects(
        self,
    ) -> list[ProjectStats]:
        """Read Projects

        Projects of the user, with allocation usage.

        ``GET /account/projects``; needs credentials.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_PROJECTS,
            "/account/projects",
        )
        _result: list[ProjectStats] = _responses.parse_json(
            _response, list[ProjectStats], "read_projects"
        )
        return _result

    def read_roles(
        self,
    ) -> list[RoleStats]:
        """Read Roles

        ``GET /account/roles``; needs credentials.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_ROLES,
            "/account/roles",
        )
        _result: list[RoleStats] = _responses.parse_json(_response, list[RoleStats], "read_roles")
        return _result

    def read_clients(
        self,
    ) -> list[ApiClientInfo]:
        """Read Clients

        API clients registered by the user.

        ``GET /account/clients``; needs credentials.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_CLIENTS,
            "/account/clients",
        )
        _result: list[ApiClientInfo] = _responses.parse_json(
            _response, list[ApiClientInfo], "read_clients"
        )
        return _result

    def read_groups(
        self,
    ) -> GroupList:
        """Read Groups

        ``GET /account/groups``; needs credentials.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_GROUPS,
            "/account/groups",
        )
        _result: GroupList = _responses.parse_json(_response, GroupList, "read_groups")
        return _result

    def create_group(
        self,
        *,
        name: str,
        repo_name: str,
    ) -> GroupStats:
        """Create Group

        ``POST /account/groups``; needs credentials.

        Args:
            name: the ``name`` field of the request body.
            repo_name: the ``repo_name`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.CREATE_GROUP,
            "/account/groups",
            data=_encoding.form_fields(
                {
                    "name": name,
                    "repo_name": repo_name,
                }
            ),
        )
        _result: GroupStats = _responses.parse_json(_response, GroupStats, "create_group")
        return _result

    def read_group(
        self,
        group: str,
    ) -> GroupStats:
        """Read Group

        ``GET /account/groups/{group}``; needs credentials.

        Args:
            group: the ``group`` path parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_GROUP,
            f"/account/groups/{_encoding.path_segment(group)}",
        )
        _result: GroupStats = _responses.parse_json(_response, GroupStats, "read_group")
        return _result

    def update_group_membership(
        self,
        group: str,
        *,
        usernames: str,
        action: BatchGroupAction,
    ) -> GroupStats:
        """Update Group Membership

        ``PUT /account/groups/{group}``; needs credentials.

        Args:
            group: the ``group`` path parameter.
            usernames: Comma-separated usernames.
            action: the ``action`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.UPDATE_GROUP_MEMBERSHIP,
            f"/account/groups/{_encoding.path_segment(group)}",
            data=_encoding.form_fields(
                {
                    "usernames": usernames,
                    "action": action,
                }
            ),
        )
        _result: GroupStats = _responses.parse_json(
            _response, GroupStats, "update_group_membership"
        )
        return _result
