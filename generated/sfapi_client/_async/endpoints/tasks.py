# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``tasks`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operations import tasks as _operations
from ...models import Task, Tasks
from .._base_client import AsyncBaseClient


class AsyncTasksApi:
    """Operations of the ``tasks`` tag, reached as ``client.tasks``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def read_tasks(
        self,
    ) -> Tasks:
        """Read Tasks

        ``GET /tasks``; needs credentials.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.READ_TASKS,
            "/tasks",
        )
        _result: Tasks = _responses.parse_json(_response, Tasks, "read_tasks")
        return _result

    async def read_task(
        self,
        id: str,
    ) -> Task:
        """Read Task

        ``GET /tasks/{id}``; needs credentials.

        Args:
            id: the ``id`` path parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.READ_TASK,
            f"/tasks/{_encoding.path_segment(id)}",
        )
        _result: Task = _responses.parse_json(_response, Task, "read_task")
        return _result

    async def cancel_task(
        self,
        id: str,
    ) -> Task:
        """Cancel Task

        ``DELETE /tasks/{id}``; needs credentials.

        Args:
            id: the ``id`` path parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.CANCEL_TASK,
            f"/tasks/{_encoding.path_segment(id)}",
        )
        _result: Task = _responses.parse_json(_response, Task, "cancel_task")
        return _result
