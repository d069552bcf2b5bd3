# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``status`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operations import status as _operations
from ...models import Note, Outage, SystemStatus
from .._base_client import BaseClient


class StatusApi:
    """Operations of the ``status`` tag, reached as ``client.status``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: BaseClient) -> None:
        self._client = client

    def read_status(
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
        _response = self._client.send(
            _operations.READ_STATUS,
            "/status",
        )
        _result: list[SystemStatus] = _responses.parse_json(
            _response, list[SystemStatus], "read_status"
        )
        return _result

    def read_notes(
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
        _response = self._client.send(
            _operations.READ_NOTES,
            "/status/notes",
        )
        _result: list[list[Note]] = _responses.parse_json(_response, list[list[Note]], "read_notes")
        return _result

    def read_notes_for_system(
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
        _response = self._client.send(
            _operations.READ_NOTES_FOR_SYSTEM,
            f"/status/notes/{_encoding.path_segment(name)}",
        )
        _result: list[Note] = _responses.parse_json(_response, list[Note], "read_notes_for_system")
        return _result

    def read_outages(
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
        _response = self._client.send(
            _operations.READ_OUTAGES,
            "/status/outages",
        )
        _result: list[list[Outage]] = _responses.parse_json(
            _response, list[list[Outage]], "read_outages"
        )
        return _result

    def read_planned_outages(
        self,
    ) -> list[list[Outage]]:
        """Read Planned Outages

        ``GET /status/outages/planned``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = self._client.send(
            _operations.READ_PLANNED_OUTAGES,
            "/status/outages/planned",
        )
        _result: list[list[Outage]] = _responses.parse_json(
            _response, list[list[Outage]], "read_planned_outages"
        )
        return _result

    def read_planned_outages_for_system(
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
        _response = self._client.send(
            _operations.READ_PLANNED_OUTAGES_FOR_SYSTEM,
            f"/status/outages/planned/{_encoding.path_segment(name)}",
        )
        _result: list[Outage] = _responses.parse_json(
            _response, list[Outage], "read_planned_outages_for_system"
        )
        return _result

    def read_outages_for_system(
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
        _response = self._client.send(
            _operations.READ_OUTAGES_FOR_SYSTEM,
            f"/status/outages/{_encoding.path_segment(name)}",
        )
        _result: list[Outage] = _responses.parse_json(
            _response, list[Outage], "read_outages_for_system"
        )
        return _result

    def read_status_for_system(
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
        _response = self._client.send(
            _operations.READ_STATUS_FOR_SYSTEM,
            f"/status/{_encoding.path_segment(name)}",
        )
        _result: SystemStatus = _responses.parse_json(
            _response, SystemStatus, "read_status_for_system"
        )
        return _result
