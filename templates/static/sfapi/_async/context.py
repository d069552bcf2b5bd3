"""What the ergonomic objects share: the low-level client, the clock, and the poll settings.

A client makes one context and hands it to every machine, job, task, path
and transfer it creates. They read time, sleep and poll through it, never through the
client, so a test can give them a fake clock and sleep, and a second client's settings
never leak into the first one's objects.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._concurrency import AsyncSleep, async_sleep
from .._polling import checked_interval
from .api_client import AsyncApiClient

if TYPE_CHECKING:
    from .tasks import AsyncTaskHandle

__all__: list[str] = []

#: How long a job submitted by this client may be missing from (cached) queue answers.
QUEUE_GRACE = 60.0


class AsyncContext:
    """The collaborators of the ergonomic layer.

    Attributes: ``api`` (the low-level client), ``clock`` (monotonic seconds), ``sleep``,
    ``wait_interval`` (seconds between job polls), ``task_interval`` (seconds between
    task polls), ``queue_grace`` (how long a freshly submitted job may be missing
    from queue answers before it counts as unknown) and ``wall_clock`` (seconds since
    the epoch: what a job record written for another process says times in, since
    ``clock`` means nothing outside this one).
    """

    def __init__(
        self,
        api: AsyncApiClient,
        *,
        wait_interval: float,
        task_interval: float,
        queue_grace: float = QUEUE_GRACE,
        clock: Callable[[], float] = time.monotonic,
        sleep: AsyncSleep = async_sleep,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.api = api
        self.wait_interval = checked_interval(wait_interval)
        self.task_interval = checked_interval(task_interval)
        self.queue_grace = queue_grace
        self.clock = clock
        self.sleep = sleep
        self.wall_clock = wall_clock
        self._user_name: str | None = None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(wait_interval={self.wait_interval:g}, "
            f"task_interval={self.task_interval:g})"
        )

    def within_grace(self, submitted_at: float | None) -> bool:
        """True while a job submitted at ``submitted_at`` may still be missing from queues."""
        return submitted_at is not None and self.clock() - submitted_at < self.queue_grace

    def task(self, task_id: str) -> AsyncTaskHandle:
        """A handle on the API task ``task_id``."""
        from .tasks import AsyncTaskHandle  # loaded with the first task a script makes

        return AsyncTaskHandle(self, task_id)

    async def username(self) -> str:
        """The name of the credentials' owner (read once, then remembered)."""
        if self._user_name is None:
            self._user_name = (await self.api.account.read_user()).name
        return self._user_name
