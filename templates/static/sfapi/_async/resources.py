"""Status of NERSC systems and services, and facts about the API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._machines import Resource
from ..models import Changelog, Config, Note, Outage, SystemStatus

if TYPE_CHECKING:
    from .client import AsyncClient

__all__ = ["AsyncApi", "AsyncResources"]


class AsyncResources:
    """Status, outages and notes of every system and service (no credentials needed)."""

    def __init__(self, client: AsyncClient) -> None:
        self._status = client.api_client.status

    async def status(self, name: Resource | str | None = None) -> list[SystemStatus]:
        """The status of one system or service (``name``) or of all of them."""
        if name is None:
            return await self._status.read_status()
        return [await self._status.read_status_for_system(str(name))]

    async def outages(self, name: Resource | str | None = None) -> list[list[Outage]]:
        """Past and current outages, one list per system (one list for ``name``)."""
        if name is None:
            return await self._status.read_outages()
        return [await self._status.read_outages_for_system(str(name))]

    async def planned_outages(self, name: Resource | str | None = None) -> list[list[Outage]]:
        """Planned outages, one list per system (one list for ``name``)."""
        if name is None:
            return await self._status.read_planned_outages()
        return [await self._status.read_planned_outages_for_system(str(name))]

    async def notes(self, name: Resource | str | None = None) -> list[list[Note]]:
        """Notes, one list per system (one list for ``name``)."""
        if name is None:
            return await self._status.read_notes()
        return [await self._status.read_notes_for_system(str(name))]


class AsyncApi:
    """The API's changelog and configuration."""

    def __init__(self, client: AsyncClient) -> None:
        self._meta = client.api_client.meta

    async def changelog(self) -> list[Changelog]:
        """Changes to the API, newest first."""
        return await self._meta.read_changelog()

    async def config(self) -> list[Config]:
        """The API's public configuration values."""
        return await self._meta.read_config()
