"""Admin routes for tests and benchmarks (mounted only when enabled): counters, faults,
the clock, and the job callbacks made (and e-mails recorded)."""

from __future__ import annotations

from dataclasses import asdict, fields, replace
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from ..config import Faults
from .deps import WorldDep

router = APIRouter(prefix="/_sim", include_in_schema=False)


class Advance(BaseModel):
    seconds: float


@router.get("/stats")
def stats(world: WorldDep) -> dict[str, Any]:
    snapshot = world.stats.snapshot()
    snapshot["jobs"] = {m: len(s.all()) for m, s in world.schedulers.items()}
    snapshot["tokens_issued"] = world.authority.tokens_issued
    return snapshot


@router.get("/callbacks")
def callbacks(world: WorldDep) -> dict[str, Any]:
    """Every callback delivery remembered (payload, attempts, result) and the e-mails
    that would have been sent, oldest first."""
    return {
        "deliveries": world.callbacks.deliveries(),
        "emails": world.callbacks.emails(),
        "waiting": world.callbacks.waiting,
    }


@router.post("/reset")
def reset(world: WorldDep) -> dict[str, str]:
    world.stats.reset()
    return {"status": "reset"}


@router.get("/faults")
def read_faults(world: WorldDep) -> dict[str, Any]:
    return asdict(world.config.faults)


@router.post("/faults")
def set_faults(world: WorldDep, changes: dict[str, Any]) -> dict[str, Any]:
    known = [spec.name for spec in fields(Faults)]
    unknown = sorted(set(changes) - set(known))
    if unknown:
        raise HTTPException(
            422, detail=f"unknown fault settings {unknown}; known: {', '.join(known)}"
        )
    try:
        faults = replace(Faults(), **changes)
    except (TypeError, ValueError) as exc:
        raise HTTPException(422, detail=str(exc)) from None
    world.set_faults(replace(world.config, faults=faults, route_faults=()))
    return asdict(faults)


@router.post("/clock/advance")
def advance(world: WorldDep, body: Advance) -> dict[str, float]:
    try:
        world.clock.advance(body.seconds)
    except ValueError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    return {"offset": world.clock.offset}
