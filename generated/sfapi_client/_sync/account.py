# Copied from templates/static/sfapi/_async/account.py by `python -m generator codegen`. Do not edit here.
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
    from .context import Context

__all__ = ["Group", "GroupMember", "Project", "User"]


def _usernames(users: Users) -> str:
    given: list[str | User] = [users] if isinstance(users, str | User) else list[str | User](users)
    names = [u.name if isinstance(u, User) else u for u in given]
    if not names or not all(isinstance(n, str) and n.strip() and "," not in n for n in names):
        raise ValueError("give one or more user names (non-empty, without commas)")
    return ",".join(n.strip() for n in names)


class User:
    """A NERSC user. ``info`` holds the account record (``name``, ``uid``, ``email`` ...)."""

    def __init__(self, context: Context, info: UserInfo) -> None:
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
        return isinstance(other, User) and other.info == self.info

    def __hash__(self) -> int:
        return hash(self.name)

    def _check_owner(self, what: str) -> None:
        """SfApiError unless this user owns the credentials (the API answers only for them)."""
        if self.name != self._context.username():
            raise SfApiError(f"Can only fetch {what} for authenticated user ({self.name} is not)")

    def groups(self) -> list[Group]:
        """Groups this user, the credentials' owner, belongs to or manages."""
        self._check_owner("groups")
        answer = self._context.api.account.read_groups()
        return [Group(self._context, g) for g in answer.groups or []]

    def projects(self) -> list[Project]:
        """Projects of this user, the credentials' owner."""
        self._check_owner("projects")
        projects = self._context.api.account.read_projects()
        return [Project(self._context, p) for p in projects]

    def roles(self) -> list[RoleStats]:
        """Roles of this user, the credentials' owner, in projects."""
        self._check_owner("roles")
        return self._context.api.account.read_roles()

    def clients(self) -> list[ApiClientInfo]:
        """API clients registered by the credentials' owner."""
        return self._context.api.account.read_clients()


#: Users as group changes take them: names or users, one or a list.
Users = list[str] | list[User] | str | User


class Group:
    """A Unix group: ``name``, ``gid`` and ``members``."""

    def __init__(self, context: Context, stats: GroupStats) -> None:
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
    def members(self) -> list[GroupMember]:
        """The group's members (``name``, ``uid``; ``user()`` reads the account)."""
        return [GroupMember(self._context, u) for u in self.stats.users or []]

    def update(self) -> Group:
        """Read the group again."""
        self.stats = self._context.api.account.read_group(self.name)
        return self

    def _change(self, users: Users, action: BatchGroupAction) -> Group:
        self.stats = self._context.api.account.update_group_membership(
            self.name, usernames=_usernames(users), action=action
        )
        return self

    def add(self, users: Users) -> Group:
        """Add users (names or users) to the group; the group's ``members`` are updated."""
        return self._change(users, BatchGroupAction.batch_add)

    def remove(self, users: Users) -> Group:
        """Remove users from the group; the group's ``members`` are updated."""
        return self._change(users, BatchGroupAction.batch_remove)


class GroupMember:
    """A member of a group: ``name`` and ``uid``; ``user()`` reads the user's account."""

    def __init__(self, context: Context, stats: UserStats) -> None:
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

    def user(self) -> User:
        """The member's user account."""
        return User(self._context, self._context.api.account.read_user(username=self.name))


class Project:
    """A project (repository) with its allocation figures in ``stats``."""

    def __init__(self, context: Context, stats: ProjectStats) -> None:
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

    def create_group(self, name: str) -> Group:
        """Create a Unix group in this project."""
        if not name or not name.strip():
            raise ValueError("the group name is empty")
        stats = self._context.api.account.create_group(name=name, repo_name=self.repo_name)
        return Group(self._context, stats)
