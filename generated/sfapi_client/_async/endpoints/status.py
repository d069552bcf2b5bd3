# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``status`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operation import OperationInfo
from ...models import Note, Outage, SystemStatus
from .._base_client import AsyncBaseClient

_READ_STATUS = OperationInfo(
    name="read_status",
    method="GET",
    path="/status",
    secured=False,
    idempotent=True,
)
_READ_NOTES = OperationInfo(
    name="read_notes",
    method="GET",
    path="/status/notes",
    secured=False,
    idempotent=True,
)
_READ_NOTES_FOR_SYSTEM = OperationInfo(
    name="read_notes_for_system",
    method="GET",
    path="/status/notes/{name}",
    secured=False,
    idempotent=True,
)
_READ_OUTAGES = OperationInfo(
    name="read_outages",
    method="GET",
    path="/status/outages",
    secured=False,
    idempotent=True,
)
_READ_PLANNED_OUTAGES = OperationInfo(
    name="read_planned_outages",
    method="GET",
    path="/status/outages/planned",
    secured=False,
    idempotent=True,
)
_READ_PLANNED_OUTAGES_FOR_SYSTEM = OperationInfo(
    name="read_planned_outages_for_system",
    method="GET",
    path="/status/outages/planned/{name}",
    secured=False,
    idempotent=True,
)
_READ_OUTAGES_FOR_SYSTEM = OperationInfo(
    name="read_outages_for_system",
    method="GET",
    path="/status/outages/{name}",
    secured=False,
    idempotent=True,
)
_READ_STATUS_FOR_SYSTEM = OperationInfo(
    name="read_status_for_system",
    method="GET",
    path="/status/{name}",
    secured=False,
    idempotent=True,
)


class AsyncStatusApi:
    """Operations of the ``status`` tag, reached as ``client.status``."""

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def read_status(
        self,
    ) -> list[SystemStatus]:
        """Read Status

        Status of every NERSC system and service.

        ``GET /status``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_STATUS,
            "/status",
        )
        _result: list[SystemStatus] = _responses.parse_json(
            _response, list[SystemStatus], "read_status"
        )
        return _result

    async def read_notes(
        self,
    ) -> list[list[Note]]:
        """Read Notes

        Notes for every system, one list per system.

        ``GET /status/notes``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_NOTES,
            "/status/notes",
        )
        _result: list[list[Note]] = _responses.parse_json(_response, list[list[Note]], "read_notes")
        return _result

    async def read_notes_for_system(
        self,
        name: str,
    ) -> list[Note]:
        """Read Notes For System

        ``GET /status/notes/{name}``; public.

        Args:
            name: A system or service name, as listed by GET /status.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_NOTES_FOR_SYSTEM,
            f"/status/notes/{_encoding.path_segment(name)}",
        )
        _result: list[Note] = _responses.parse_json(_response, list[Note], "read_notes_for_system")
        return _result

    async def read_outages(
        self,
    ) -> list[list[Outage]]:
        """Read Outages

        Past and current outages, one list per system.

        ``GET /status/outages``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_OUTAGES,
            "/status/outages",
        )
        _result: list[list[Outage]] = _responses.parse_json(
            _response, list[list[Outage]], "read_outages"
        )
        return _result

    async def read_planned_outages(
        self,
    ) -> list[list[Outage]]:
        """Read Planned Outages

        ``GET /status/outages/planned``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_PLANNED_OUTAGES,
            "/status/outages/planned",
        )
        _result: list[list[Outage]] = _responses.parse_json(
            _response, list[list[Outage]], "read_planned_outages"
        )
        return _result

    async def read_planned_outages_for_system(
        self,
        name: str,
    ) -> list[Outage]:
        """Read Planned Outages For System

        ``GET /status/outages/planned/{name}``; public.

        Args:
            name: A system or service name, as listed by GET /status.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_PLANNED_OUTAGES_FOR_SYSTEM,
            f"/status/outages/planned/{_encoding.path_segment(name)}",
        )
        _result: list[Outage] = _responses.parse_json(
            _response, list[Outage], "read_planned_outages_for_system"
        )
        return _result

    async def read_outages_for_system(
        self,
        name: str,
    ) -> list[Outage]:
        """Read Outages For System

        ``GET /status/outages/{name}``; public.

        Args:
            name: A system or service name, as listed by GET /status.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_OUTAGES_FOR_SYSTEM,
            f"/status/outages/{_encoding.path_segment(name)}",
        )
        _result: list[Outage] = _responses.parse_json(
            _response, list[Outage], "read_outages_for_system"
        )
        return _result

    async def read_status_for_system(
        self,
        name: str,
    ) -> SystemStatus:
        """Read Status For System

        ``GET /status/{name}``; public.

        Args:
            name: A system or service name, as listed by GET /status.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _READ_STATUS_FOR_SYSTEM,
            f"/status/{_encoding.path_segment(name)}",
        )
        _result: SystemStatus = _responses.parse_json(
            _response, SystemStatus, "read_status_for_system"
        )
        return _result
