"""Routes of the ``tasks`` tag: list, read and cancel the caller's tasks."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from sfapi_client.models import Task, Tasks

from .deps import Reader, WorldDep, Writer

router = APIRouter(tags=["tasks"])


@router.get("/tasks", response_model=Tasks)
def read_tasks(world: WorldDep, client: Reader) -> dict[str, Any]:
    now = world.clock.now()
    return {"tasks": [t.view(now) for t in world.tasks.of(client.user)]}


@router.get("/tasks/{id}", response_model=Task)
def read_task(world: WorldDep, client: Reader, id: str) -> dict[str, Any]:
    task = world.tasks.get(id, client.user)
    if task is None:
        raise HTTPException(404, detail=f"no task {id}")
    return task.view(world.clock.now())


@router.delete("/tasks/{id}", response_model=Task)
def cancel_task(world: WorldDep, client: Writer, id: str) -> dict[str, Any]:
    now = world.clock.now()
    task = world.tasks.cancel(id, client.user, now)
    if task is None:
        raise HTTPException(404, detail=f"no task {id}")
    return task.view(now)
