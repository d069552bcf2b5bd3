# Copied from templates/static/sfapi/_async/resources.py by `python -m generator codegen`. Do not edit here.
"""Status of NERSC systems and services, and facts about the API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._machines import Resource
from ..models import Changelog, Config, Note, Outage, SystemStatus

if TYPE_CHECKING:
    from .client import Client

__all__ = ["Api", "Resources"]


class Resources:
    """Status, outages and notes of every system and service (no credentials needed)."""

    def __init__(self, client: Client) -> None:
        self._status = client.api_client.status

    def status(self, name: Resource | str | None = None) -> list[SystemStatus]:
        """The status of one system or service (``name``) or of all of them."""
        if name is None:
            return self._status.read_status()
        return [self._status.read_status_for_system(str(name))]

    def outages(self, name: Resource | str | None = None) -> list[list[Outage]]:
        """Past and current outages, one list per system (one list for ``name``)."""
        if name is None:
            return self._status.read_outages()
        return [self._status.read_outages_for_system(str(name))]

    def planned_outages(self, name: Resource | str | None = None) -> list[list[Outage]]:
        """Planned outages, one list per system (one list for ``name``)."""
        if name is None:
            return self._status.read_planned_outages()
        return [self._status.read_planned_outages_for_system(str(name))]

    def notes(self, name: Resource | str | None = None) -> list[list[Note]]:
        """Notes, one list per system (one list for ``name``)."""
        if name is None:
            return self._status.read_notes()
        return [self._status.read_notes_for_system(str(name))]


class Api:
    """The API's changelog and configuration."""

    def __init__(self, client: Client) -> None:
        self._meta = client.api_client.meta

    def changelog(self) -> list[Changelog]:
        """Changes to the API, newest first."""
        return self._meta.read_changelog()

    def config(self) -> list[Config]:
        """The API's public configuration values."""
        return self._meta.read_config()
