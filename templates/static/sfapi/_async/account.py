"""Users, groups and projects of the credentials' owner."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._exceptions import SfApiError
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
    from .context import AsyncContext

__all__ = ["AsyncGroup", "AsyncGroupMember", "AsyncProject", "AsyncUser"]


def _usernames(users: Users) -> str:
    given: list[str | AsyncUser] = (
        [users] if isinstance(users, str | AsyncUser) else list[str | AsyncUser](users)
    )
    names = [u.name if isinstance(u, AsyncUser) else u for u in given]
    if not names or not all(isinstance(n, str) and n.strip() and "," not in n for n in names):
        raise ValueError("give one or more user names (non-empty, without commas)")
    return ",".join(n.strip() for n in names)


class AsyncUser:
    """A NERSC user. ``info`` holds the account record (``name``, ``uid``, ``email`` ...)."""

    def __init__(self, context: AsyncContext, info: UserInfo) -> None:
        self._context = context
        self.info = info

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def uid(self) -> int:
        return self.info.uid

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AsyncUser) and other.info == self.info

    def __hash__(self) -> int:
        return hash(self.name)

    async def _check_owner(self, what: str) -> None:
        """SfApiError unless this user owns the credentials (the API answers only for them)."""
        if self.name != await self._context.username():
            raise SfApiError(f"Can only fetch {what} for authenticated user ({self.name} is not)")

    async def groups(self) -> list[AsyncGroup]:
        """Groups this user, the credentials' owner, belongs to or manages."""
        await self._check_owner("groups")
        answer = await self._context.api.account.read_groups()
        return [AsyncGroup(self._context, g) for g in answer.groups or []]

    async def projects(self) -> list[AsyncProject]:
        """Projects of this user, the credentials' owner."""
        await self._check_owner("projects")
        projects = await self._context.api.account.read_projects()
        return [AsyncProject(self._context, p) for p in projects]

    async def roles(self) -> list[RoleStats]:
        """Roles of this user, the credentials' owner, in projects."""
        await self._check_owner("roles")
        return await self._context.api.account.read_roles()

    async def clients(self) -> list[ApiClientInfo]:
        """API clients registered by the credentials' owner."""
        return await self._context.api.account.read_clients()


#: Users as group changes take them: names or users, one or a list.
Users = list[str] | list[AsyncUser] | str | AsyncUser


class AsyncGroup:
    """A Unix group: ``name``, ``gid`` and ``members``."""

    def __init__(self, context: AsyncContext, stats: GroupStats) -> None:
        self._context = context
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
    def members(self) -> list[AsyncGroupMember]:
        """The group's members (``name``, ``uid``; ``user()`` reads the account)."""
        return [AsyncGroupMember(self._context, u) for u in self.stats.users or []]

    async def update(self) -> AsyncGroup:
        """Read the group again."""
        self.stats = await self._context.api.account.read_group(self.name)
        return self

    async def _change(self, users: Users, action: BatchGroupAction) -> AsyncGroup:
        self.stats = await self._context.api.account.update_group_membership(
            self.name, usernames=_usernames(users), action=action
        )
        return self

    async def add(self, users: Users) -> AsyncGroup:
        """Add users (names or users) to the group; the group's ``members`` are updated."""
        return await self._change(users, BatchGroupAction.batch_add)

    async def remove(self, users: Users) -> AsyncGroup:
        """Remove users from the group; the group's ``members`` are updated."""
        return await self._change(users, BatchGroupAction.batch_remove)


class AsyncGroupMember:
    """A member of a group: ``name`` and ``uid``; ``user()`` reads the user's account."""

    def __init__(self, context: AsyncContext, stats: UserStats) -> None:
        self._context = context
        self.stats = stats

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    @property
    def name(self) -> str:
        return self.stats.name

    @property
    def uid(self) -> int:
        return self.stats.uid

    async def user(self) -> AsyncUser:
        """The member's user account."""
        return AsyncUser(
            self._context, await self._context.api.account.read_user(username=self.name)
        )


class AsyncProject:
    """A project (repository) with its allocation figures in ``stats``."""

    def __init__(self, context: AsyncContext, stats: ProjectStats) -> None:
        self._context = context
        self.stats = stats

    def __repr__(self) -> str:
        return f"{type(self).__name__}(repo_name={self.repo_name!r})"

    @property
    def repo_name(self) -> str:
        return self.stats.repo_name

    @property
    def name(self) -> str:
        """The project's name (its ``repo_name``)."""
        return self.stats.repo_name

    @property
    def description(self) -> str:
        return self.stats.description

    async def create_group(self, name: str) -> AsyncGroup:
        """Create a Unix group in this project."""
        if not name or not name.strip():
            raise ValueError("the group name is empty")
        stats = await self._context.api.account.create_group(name=name, repo_name=self.repo_name)
        return AsyncGroup(self._context, stats)
