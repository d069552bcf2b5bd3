# Copied from templates/static/sfapi/_async/account.py by `python -m generator codegen`. Do not edit here.
"""Users, groups and projects of the credentials' owner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import (
    ApiClientInfo,
    BatchGroupAction,
    GroupStats,
    ProjectStats,
    RoleStats,
    UserInfo,
    UserStats,
)

if TYPE_CHECKING:
    from .client import AsyncClient

__all__ = ["AsyncGroup", "AsyncProject", "AsyncUser"]


def _usernames(users: list[str] | str) -> str:
    names = [users] if isinstance(users, str) else list(users)
    if not names or not all(isinstance(n, str) and n.strip() and "," not in n for n in names):
        raise ValueError("give one or more user names (non-empty, without commas)")
    return ",".join(n.strip() for n in names)


class AsyncUser:
    """A NERSC user. ``info`` holds the account record (``name``, ``uid``, ``email`` ...)."""

    def __init__(self, client: AsyncClient, info: UserInfo) -> None:
        self._client = client
        self.info = info

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def uid(self) -> int:
        return self.info.uid

    async def groups(self) -> list[AsyncGroup]:
        """Groups the credentials' owner belongs to or manages."""
        answer = await self._client.api_client.account.read_groups()
        return [AsyncGroup(self._client, g) for g in answer.groups or []]

    async def projects(self) -> list[AsyncProject]:
        """Projects of the credentials' owner."""
        return await self._client.projects()

    async def roles(self) -> list[RoleStats]:
        """Roles of the credentials' owner in projects."""
        return await self._client.api_client.account.read_roles()

    async def clients(self) -> list[ApiClientInfo]:
        """API clients registered by the credentials' owner."""
        return await self._client.api_client.account.read_clients()


class AsyncGroup:
    """A Unix group: ``name``, ``gid`` and ``members``."""

    def __init__(self, client: AsyncClient, stats: GroupStats) -> None:
        self._client = client
        self.stats = stats

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, gid={self.gid})"

    @property
    def name(self) -> str:
        return self.stats.name

    @property
    def gid(self) -> int:
        return self.stats.gid

    @property
    def members(self) -> list[UserStats]:
        return list(self.stats.users or [])

    async def _change(self, users: list[str] | str, action: BatchGroupAction) -> AsyncGroup:
        self.stats = await self._client.api_client.account.update_group_membership(
            self.name, usernames=_usernames(users), action=action
        )
        return self

    async def add(self, users: list[str] | str) -> AsyncGroup:
        """Add users to the group; the group's ``members`` are updated."""
        return await self._change(users, BatchGroupAction.batch_add)

    async def remove(self, users: list[str] | str) -> AsyncGroup:
        """Remove users from the group; the group's ``members`` are updated."""
        return await self._change(users, BatchGroupAction.batch_remove)


class AsyncProject:
    """A project (repository) with its allocation figures in ``stats``."""

    def __init__(self, client: AsyncClient, stats: ProjectStats) -> None:
        self._client = client
        self.stats = stats

    def __repr__(self) -> str:
        return f"{type(self).__name__}(repo_name={self.repo_name!r})"

    @property
    def repo_name(self) -> str:
        return self.stats.repo_name

    @property
    def description(self) -> str:
        return self.stats.description

    async def create_group(self, name: str) -> AsyncGroup:
        """Create a Unix group in this project."""
        if not name or not name.strip():
            raise ValueError("the group name is empty")
        stats = await self._client.api_client.account.create_group(
            name=name, repo_name=self.repo_name
        )
        return AsyncGroup(self._client, stats)
