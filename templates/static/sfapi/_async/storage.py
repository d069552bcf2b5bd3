"""Globus transfers between NERSC machines."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .._deadline import waiting
from .._exceptions import WaitTimeoutError
from .._machines import Machine, machine_from
from .._polling import checked_timeout
from .._wait_timeouts import DEFAULT_TRANSFER_TIMEOUT
from .._workflow_errors import TaskFailedError
from ..models import GlobusStatus, GlobusTransferResult, SystemStatus
from .paths import AsyncRemotePath

if TYPE_CHECKING:
    from .context import AsyncContext

__all__ = ["AsyncGlobus", "AsyncStorage", "AsyncTransfer"]

_ENDED = frozenset({GlobusStatus.SUCCEEDED, GlobusStatus.FAILED, GlobusStatus.CANCELED})


class AsyncStorage:
    """Data movement services; ``globus()`` gives Globus transfers.

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
    """

    def __init__(self, context: AsyncContext) -> None:
        self._context = context

    async def globus(self) -> AsyncGlobus:
        """Globus transfers between machines, with the Globus service's current status."""
        status = await self._context.api.status.read_status_for_system("globus")
        return AsyncGlobus(self._context, status)


class AsyncGlobus:
    """Start and follow Globus transfers between machines.

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
        service: the Globus service's status when it was obtained.
    """

    def __init__(self, context: AsyncContext, service: SystemStatus | None = None) -> None:
        self._context = context
        self.service = service
        """The Globus service's status when it was obtained (or None)."""

    async def start_transfer(
        self,
        source_machine: Machine | str,
        target_machine: Machine | str,
        source_dir: str | os.PathLike[str] | AsyncRemotePath,
        target_dir: str | os.PathLike[str] | AsyncRemotePath,
        label: str | None = None,
    ) -> AsyncTransfer:
        """Start copying ``source_dir`` on one machine to ``target_dir`` on another.

        Arguments:
            source_machine: the machine to copy from.
            target_machine: the machine to copy to.
            source_dir: the folder to copy: an absolute path (a string, a
                ``PurePosixPath`` or a remote path).
            target_dir: the folder to copy into, likewise.
            label: a label for the transfer, shown by Globus.
        """
        source, target = machine_from(source_machine), machine_from(target_machine)
        folders = {"source_dir": _folder(source_dir), "target_dir": _folder(target_dir)}
        for name, value in folders.items():
            if not value.startswith("/"):
                raise ValueError(f"{name} must be an absolute path, not {value!r}")
        answer = await self._context.api.storage.start_globus_transfer(
            source_uuid=source.value,
            target_uuid=target.value,
            source_dir=folders["source_dir"],
            target_dir=folders["target_dir"],
            label=label or "",
        )
        return AsyncTransfer(self._context, answer.transfer_id)

    async def transfer(self, transfer_id: str) -> AsyncTransfer:
        """An existing transfer, with its current state.

        Arguments:
            transfer_id: the transfer's id.
        """
        if not transfer_id:
            raise ValueError("give the transfer id")
        transfer = AsyncTransfer(self._context, transfer_id)
        await transfer.update()
        return transfer


def _folder(value: str | os.PathLike[str] | AsyncRemotePath) -> str:
    if isinstance(value, AsyncRemotePath):
        return str(value.path)
    return os.fspath(value) if value else ""


class AsyncTransfer:
    """A Globus transfer; ``result`` holds the last state read (``globus_status`` its
    Globus status).

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
        transfer_id: the transfer's id.
    """

    def __init__(self, context: AsyncContext, transfer_id: str) -> None:
        self._context = context
        self.transfer_id = transfer_id
        """The transfer's id."""
        self.result: GlobusTransferResult | None = None
        """The transfer's state as last read (None before the first read)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(transfer_id={self.transfer_id!r}, status={self.status!r})"

    @property
    def status(self) -> GlobusStatus | None:
        """The transfer's Globus status as last read."""
        return self.result.globus_status if self.result else None

    @property
    def globus_status(self) -> GlobusStatus | None:
        """The same as ``status``."""
        return self.status

    async def update(self) -> GlobusStatus | None:
        """Read the transfer's state."""
        self.result = await self._context.api.storage.check_globus_transfer(self.transfer_id)
        return self.status

    async def complete(self, timeout: float | None = None) -> GlobusStatus:
        """Wait until the transfer ends, and return its status.

        Arguments:
            timeout: seconds to wait, every request included (default a day).

        Raises:
            TaskFailedError: the transfer failed or was cancelled.
            WaitTimeoutError: after ``timeout``.
        """
        limit = checked_timeout(timeout, DEFAULT_TRANSFER_TIMEOUT)

        def timed_out() -> str:
            return f"transfer {self.transfer_id} did not end within {limit:.3g} s"

        with waiting(limit, timed_out, self._context.clock) as deadline:
            while True:
                status = await self.update()
                if status in _ENDED:
                    break
                if deadline.expired:
                    raise WaitTimeoutError(timed_out())
                await self._context.sleep(deadline.next_sleep(self._context.wait_interval))
        assert status is not None
        if status is not GlobusStatus.SUCCEEDED:
            reason = self.result.reason if self.result else None
            raise TaskFailedError(
                f"transfer {self.transfer_id} {status.value.lower()}: {reason or 'no reason given'}"
            )
        return status
