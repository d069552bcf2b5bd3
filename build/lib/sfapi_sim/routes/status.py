"""Public routes: status, outages, notes (tag ``status``), changelog and config (``meta``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from sfapi_client.models import Changelog, Config, Note, Outage, SystemStatus

from ..state import seed
from .deps import WorldDep

router = APIRouter()


def _known(world: WorldDep, name: str) -> None:
    if name not in world.status:
        raise HTTPException(404, detail=f"no system or service named {name!r}")


@router.get("/status", response_model=list[SystemStatus], tags=["status"])
def read_status(world: WorldDep) -> list[dict[str, Any]]:
    return list(world.status.values())


@router.get("/status/notes", response_model=list[list[Note]], tags=["status"])
def read_notes(world: WorldDep) -> list[list[dict[str, Any]]]:
    return [world.notes.get(name, []) for name in world.status if world.notes.get(name)]


@router.get("/status/notes/{name}", response_model=list[Note], tags=["status"])
def read_notes_for_system(world: WorldDep, name: str) -> list[dict[str, Any]]:
    _known(world, name)
    return world.notes.get(name, [])


@router.get("/status/outages", response_model=list[list[Outage]], tags=["status"])
def read_outages(world: WorldDep) -> list[list[dict[str, Any]]]:
    return [group for group in world.outages.values() if group]


@router.get("/status/outages/planned", response_model=list[list[Outage]], tags=["status"])
def read_planned_outages(world: WorldDep) -> list[list[dict[str, Any]]]:
    return [group for group in world.planned_outages.values() if group]


@router.get("/status/outages/planned/{name}", response_model=list[Outage], tags=["status"])
def read_planned_outages_for_system(world: WorldDep, name: str) -> list[dict[str, Any]]:
    _known(world, name)
    return world.planned_outages.get(name, [])


@router.get("/status/outages/{name}", response_model=list[Outage], tags=["status"])
def read_outages_for_system(world: WorldDep, name: str) -> list[dict[str, Any]]:
    _known(world, name)
    return world.outages.get(name, [])


@router.get("/status/{name}", response_model=SystemStatus, tags=["status"])
def read_status_for_system(world: WorldDep, name: str) -> dict[str, Any]:
    _known(world, name)
    return world.status[name]


@router.get("/meta/changelog", response_model=list[Changelog], tags=["meta"])
def read_changelog() -> list[dict[str, Any]]:
    return seed.changelog()


@router.get("/meta/config", response_model=list[Config], tags=["meta"])
def read_config() -> list[dict[str, Any]]:
    return seed.config()
