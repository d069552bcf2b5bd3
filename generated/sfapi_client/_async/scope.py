# Copied from templates/static/sfapi/_async/scope.py by `python -m generator codegen`. Do not edit here.
"""What the objects of one machine need of it, and nothing more.

Jobs, paths, command tasks, submission and key lookups work on one machine. They
need four things of it: which machine it is, the client's context (the low-level
client, the clock, the poll settings), the machine's job monitor, and a listing of
its paths (``ls``). The machine object (``client.compute(...)``) builds this scope once and
hands it to each of them, so none of them depends on the whole machine object, and a
test can give them a scope of its own making.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..models import PublicHost
    from .context import AsyncContext
    from .monitor import AsyncJobMonitor
    from .paths import AsyncRemotePath

__all__ = ["AsyncMachineScope"]


class AsyncListing(Protocol):
    """``ls`` of a path on the machine: a directory's entries, or the path itself
    (``directory=True``), as the machine object's ``ls`` gives them."""

    async def __call__(
        self, path: str | AsyncRemotePath, directory: bool = False
    ) -> list[AsyncRemotePath]: ...


class AsyncScopeOwner(Protocol):
    """Something that has a machine scope (the machine object, ``client.compute(...)``)."""

    @property
    def scope(self) -> AsyncMachineScope: ...


class AsyncMachineScope:
    """One machine as the objects working on it see it.

    Attributes: ``machine`` (the machine, as the API names it), ``context`` (the
    client's shared state), ``monitor`` (what batches the waits on the machine's jobs);
    ``ls()`` lists a path.

    Arguments:
        machine: the machine.
        context: the client's context.
        monitor: the machine's job monitor.
        listing: ``ls`` on the machine.
    """

    def __init__(
        self,
        machine: PublicHost,
        context: AsyncContext,
        monitor: AsyncJobMonitor,
        listing: AsyncListing,
    ) -> None:
        self.machine = machine
        self.context = context
        self.monitor = monitor
        self._listing = listing

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.machine.value!r})"

    async def ls(
        self, path: str | AsyncRemotePath, directory: bool = False
    ) -> list[AsyncRemotePath]:
        """``ls -l`` of ``path`` on the machine, as the machine object's ``ls`` gives it.

        Arguments:
            path: a path on the machine.
            directory: return a directory as itself rather than list its entries.
        """
        return await self._listing(path, directory)


def scope_of(machine: AsyncMachineScope | AsyncScopeOwner | None) -> AsyncMachineScope | None:
    """The scope of ``machine``: a scope itself, or the scope of a machine object."""
    if machine is None or isinstance(machine, AsyncMachineScope):
        return machine
    scope = getattr(machine, "scope", None)
    if not isinstance(scope, AsyncMachineScope):
        raise TypeError(f"expected a machine (client.compute(...)), not {type(machine).__name__}")
    return scope
