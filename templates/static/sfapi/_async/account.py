"""Users, groups and projects of the credentials' owner.

Each is the API's model of it (every field an attribute, ``model_dump()`` its data)
with the context it was read through, for the calls it makes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from pydantic import BaseModel, PrivateAttr

from .._package import SfApiError
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


class _WithContext(BaseModel):
    """A model of the API read through ``context``."""

    _context: AsyncContext = PrivateAttr()

    @classmethod
    def from_model(cls, context: AsyncContext, model: BaseModel) -> Self:
        """This class's object for the API's ``model``, working through ``context``."""
        made = cls.model_validate(model.model_dump(by_alias=True))
        made._context = context
        return made

    def _take(self, model: BaseModel) -> None:
        """Take every field of a fresh answer about the same thing."""
        self.__dict__.update(type(self).model_validate(model.model_dump(by_alias=True)).__dict__)

    def __hash__(self) -> int:
        return hash((type(self).__name__, getattr(self, "name", None)))


def _usernames(users: Users) -> str:
    given: list[str | AsyncUser] = [users] if isinstance(users, str | AsyncUser) else list(users)
    names = [u.name if isinstance(u, AsyncUser) else u for u in given]
    if not names or not all(isinstance(n, str) and n.strip() and "," not in n for n in names):
        raise ValueError("give one or more user names (non-empty, without commas)")
    return ",".join(n.strip() for n in names)


class AsyncUser(_WithContext, UserInfo):
    """A NERSC user: the account record's fields (``name``, ``uid``, ``email`` ...)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    @property
    def info(self) -> UserInfo:
        """The account record."""
        return self

    async def _check_owner(self, what: str) -> None:
        """SfApiError unless this user owns the credentials (the API answers only for them)."""
        if self.name != await self._context.username():
            raise SfApiError(f"Can only fetch {what} for authenticated user ({self.name} is not)")

    async def groups(self) -> list[AsyncGroup]:
        """Groups this user, the credentials' owner, belongs to or manages."""
        await self._check_owner("groups")
        answer = await self._context.api.account.read_groups()
        return [AsyncGroup.from_model(self._context, g) for g in answer.groups or []]

    async def projects(self) -> list[AsyncProject]:
        """Projects of this user, the credentials' owner."""
        await self._check_owner("projects")
        projects = await self._context.api.account.read_projects()
        return [AsyncProject.from_model(self._context, p) for p in projects]

    async def roles(self) -> list[RoleStats]:
        """Roles of this user, the credentials' owner, in projects."""
        await self._check_owner("roles")
        return await self._context.api.account.read_roles()

    async def clients(self) -> list[ApiClientInfo]:
        """API clients registered by the credentials' owner."""
        return await self._context.api.account.read_clients()


#: Users as group changes take them: names or users, one or a list.
Users = list[str] | list[AsyncUser] | str | AsyncUser


class AsyncGroupMember(_WithContext, UserStats):
    """A member of a group: ``name`` and ``uid``; ``user()`` reads the user's account."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"

    async def user(self) -> AsyncUser:
        """The member's user account."""
        info = await self._context.api.account.read_user(username=self.name)
        return AsyncUser.from_model(self._context, info)


class AsyncGroup(_WithContext, GroupStats):
    """A Unix group: ``name``, ``gid``, and its ``members``."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, gid={self.gid})"

    @property
    def stats(self) -> GroupStats:
        """The group as the API describes it."""
        return self

    @property
    def members(self) -> list[AsyncGroupMember]:
        """The group's members (``name``, ``uid``; ``user()`` reads the account)."""
        return [AsyncGroupMember.from_model(self._context, u) for u in self.users or []]

    async def update(self) -> AsyncGroup:
        """Read the group again."""
        self._take(await self._context.api.account.read_group(self.name))
        return self

    async def _change(self, users: Users, action: BatchGroupAction) -> AsyncGroup:
        self._take(
            await self._context.api.account.update_group_membership(
                self.name, usernames=_usernames(users), action=action
            )
        )
        return self

    async def add(self, users: Users) -> AsyncGroup:
        """Add users to the group; the group's ``members`` are updated.

        Arguments:
            users: user names or users, one or many.
        """
        return await self._change(users, BatchGroupAction.batch_add)

    async def remove(self, users: Users) -> AsyncGroup:
        """Remove users from the group; the group's ``members`` are updated.

        Arguments:
            users: user names or users, one or many.
        """
        return await self._change(users, BatchGroupAction.batch_remove)


class AsyncProject(_WithContext, ProjectStats):
    """A project (repository): its allocation figures (``hours_used`` ...) and groups."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(repo_name={self.repo_name!r})"

    @property
    def stats(self) -> ProjectStats:
        """The project as the API describes it."""
        return self

    @property
    def name(self) -> str:
        """The project's name (its ``repo_name``)."""
        return self.repo_name

    async def create_group(self, name: str) -> AsyncGroup:
        """Create a Unix group in this project.

        Arguments:
            name: the new group's name.
        """
        if not name or not name.strip():
            raise ValueError("the group name is empty")
        stats = await self._context.api.account.create_group(name=name, repo_name=self.repo_name)
        return AsyncGroup.from_model(self._context, stats)
