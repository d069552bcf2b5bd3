# Copied from templates/static/sfapi/_async/resources.py by `python -m generator codegen`. Do not edit here.
"""Status of NERSC systems and services, and facts about the API."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from .._machines import Resource
from ..models import PublicHost

# The models load with the first answer that needs them, not with the client.
if TYPE_CHECKING:
    from ..models import Changelog, Note, Outage, SystemStatus
    from .context import AsyncContext

__all__ = ["AsyncApi", "AsyncResources"]

Named = TypeVar("Named", "Outage", "Note")


def by_name(groups: Sequence[Sequence[Named]]) -> dict[str, list[Named]]:
    """Entries the API lists one group per system, keyed by the system's name."""
    result: dict[str, list[Named]] = {}
    for group in groups:
        for entry in group:
            result.setdefault(entry.name, []).append(entry)
    return result


def _name(name: Resource | PublicHost | str) -> str:
    text = name.value if isinstance(name, Resource | PublicHost) else str(name)
    if not text.strip():
        raise ValueError("the system name is empty")
    return text


class AsyncResources:
    """Status, outages and notes of every system and service (no credentials needed).

    Without a name, each method answers a dict keyed by system name; with a name
    (a ``Resource``, a machine or a string), that system's entry or list.

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
    """

    def __init__(self, context: AsyncContext) -> None:
        self._status = context.api.status

    async def status(
        self, name: Resource | PublicHost | str | None = None
    ) -> dict[str, SystemStatus] | SystemStatus:
        """The status of every system by name, or of the system ``name``.

        Arguments:
            name: one system (a resource, a machine or its name).
        """
        if name is None:
            return {s.name: s for s in await self._status.read_status()}
        return await self._status.read_status_for_system(_name(name))

    async def outages(
        self, name: Resource | PublicHost | str | None = None
    ) -> dict[str, list[Outage]] | list[Outage]:
        """Past and current outages: by system name, or the list of the system ``name``.

        Arguments:
            name: one system (a resource, a machine or its name).
        """
        if name is None:
            return by_name(await self._status.read_outages())
        return await self._status.read_outages_for_system(_name(name))

    async def planned_outages(
        self, name: Resource | PublicHost | str | None = None
    ) -> dict[str, list[Outage]] | list[Outage]:
        """Planned outages: by system name, or the list of the system ``name``.

        Arguments:
            name: one system (a resource, a machine or its name).
        """
        if name is None:
            return by_name(await self._status.read_planned_outages())
        return await self._status.read_planned_outages_for_system(_name(name))

    async def notes(
        self, name: Resource | PublicHost | str | None = None
    ) -> dict[str, list[Note]] | list[Note]:
        """Notes: by system name, or the list of the system ``name``.

        Arguments:
            name: one system (a resource, a machine or its name).
        """
        if name is None:
            return by_name(await self._status.read_notes())
        return await self._status.read_notes_for_system(_name(name))


class AsyncApi:
    """The API's changelog and configuration.

    Arguments:
        context: the client's shared state (connections, poll intervals), which the
            client passes.
    """

    def __init__(self, context: AsyncContext) -> None:
        self._meta = context.api.meta

    async def changelog(self) -> list[Changelog]:
        """Changes to the API, newest first."""
        return await self._meta.read_changelog()

    async def config(self) -> dict[str, str | None]:
        """The API's public configuration values, by key."""
        return {item.key: item.value for item in await self._meta.read_config()}
