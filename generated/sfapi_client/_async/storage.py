# Copied from templates/static/sfapi/_async/storage.py by `python -m generator codegen`. Do not edit here.
"""Globus transfers between NERSC machines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._deadline import waiting
from .._exceptions import TaskFailedError, WaitTimeoutError
from .._machines import Machine, machine_from
from .._polling import DEFAULT_TRANSFER_TIMEOUT, checked_timeout
from ..models import GlobusStatus, GlobusTransferResult

if TYPE_CHECKING:
    from .client import AsyncClient

__all__ = ["AsyncGlobus", "AsyncStorage", "AsyncTransfer"]

_ENDED = frozenset({GlobusStatus.SUCCEEDED, GlobusStatus.FAILED, GlobusStatus.CANCELED})


class AsyncStorage:
    """Data movement services; ``globus()`` gives Globus transfers."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def globus(self) -> AsyncGlobus:
        """Globus transfers between machines."""
        return AsyncGlobus(self._client)


class AsyncGlobus:
    """Start and follow Globus transfers between machines."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def start_transfer(
        self,
        source_machine: Machine | str,
        target_machine: Machine | str,
        source_dir: str,
        target_dir: str,
        label: str | None = None,
    ) -> AsyncTransfer:
        """Start copying ``source_dir`` on one machine to ``target_dir`` on another."""
        source, target = machine_from(source_machine), machine_from(target_machine)
        for name, value in (("source_dir", source_dir), ("target_dir", target_dir)):
            if not value or not value.startswith("/"):
                raise ValueError(f"{name} must be an absolute path, not {value!r}")
        answer = await self._client.api_client.storage.start_globus_transfer(
            source_uuid=source.value,
            target_uuid=target.value,
            source_dir=source_dir,
            target_dir=target_dir,
            label=label or "",
        )
        return AsyncTransfer(self._client, answer.transfer_id)

    async def transfer(self, transfer_id: str) -> AsyncTransfer:
        """An existing transfer, with its current state."""
        transfer = AsyncTransfer(self._client, transfer_id)
        await transfer.update()
        return transfer


class AsyncTransfer:
    """A Globus transfer; ``result`` holds the last state read."""

    def __init__(self, client: AsyncClient, transfer_id: str) -> None:
        self._client = client
        self.transfer_id = transfer_id
        self.result: GlobusTransferResult | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(transfer_id={self.transfer_id!r}, status={self.status!r})"

    @property
    def status(self) -> GlobusStatus | None:
        return self.result.globus_status if self.result else None

    async def update(self) -> GlobusStatus | None:
        """Read the transfer's state."""
        self.result = await self._client.api_client.storage.check_globus_transfer(self.transfer_id)
        return self.status

    async def complete(self, timeout: float | None = None) -> GlobusStatus:
        """Wait until the transfer ends; TaskFailedError if it failed or was cancelled.

        WaitTimeoutError after ``timeout`` seconds (default a day), every request included.
        """
        limit = checked_timeout(timeout, DEFAULT_TRANSFER_TIMEOUT)

        def timed_out() -> str:
            return f"transfer {self.transfer_id} did not end within {limit:.3g} s"

        with waiting(limit, timed_out) as deadline:
            while True:
                status = await self.update()
                if status in _ENDED:
                    break
                if deadline.expired:
                    raise WaitTimeoutError(timed_out())
                await self._client._sleep(deadline.next_sleep(self._client.wait_interval))
        assert status is not None
        if status is not GlobusStatus.SUCCEEDED:
            reason = self.result.reason if self.result else None
            raise TaskFailedError(
                f"transfer {self.transfer_id} {status.value.lower()}: {reason or 'no reason given'}"
            )
        return status
