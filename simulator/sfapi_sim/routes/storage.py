"""Routes of the ``storage`` tag: Globus transfers between the simulated machines."""

from __future__ import annotations

import posixpath
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException

from sfapi_client.models import GlobusTransfer, GlobusTransferResult, StartGlobusTransferBody

from ..state.copying import copy_tree
from ..state.filesystem import FileError
from ..state.transfers import Transfer, new_transfer_id
from ..world import World
from .deps import Reader, WorldDep, Writer

router = APIRouter(tags=["storage"])
#: How long a simulated transfer stays ACTIVE (seconds of the simulator's clock).
TRANSFER_SECONDS = 1.0


@router.post("/storage/globus/transfer", response_model=GlobusTransfer)
def start_globus_transfer(
    world: WorldDep,
    client: Writer,
    source_uuid: Annotated[str, Form()],
    target_uuid: Annotated[str, Form()],
    source_dir: Annotated[str, Form()],
    target_dir: Annotated[str, Form()],
    label: Annotated[str | None, Form()] = "",
) -> dict[str, Any]:
    body = StartGlobusTransferBody(
        source_uuid=source_uuid,
        target_uuid=target_uuid,
        source_dir=source_dir,
        target_dir=target_dir,
        label=label,
    )
    for endpoint in (body.source_uuid, body.target_uuid):
        if endpoint not in world.filesystems:
            return {
                "transfer_id": "",
                "status": "ERROR",
                "reason": f"unknown endpoint {endpoint!r}; use one of {', '.join(world.filesystems)}",
            }
    if body.source_uuid == body.target_uuid and _inside(body.target_dir, body.source_dir):
        return {
            "transfer_id": "",
            "status": "ERROR",
            "reason": f"the target {body.target_dir} lies inside the source {body.source_dir}; "
            "a folder cannot be copied into itself",
        }
    transfer = world.transfers.start(
        Transfer(
            id=new_transfer_id(),
            user=client.user,
            source=body.source_uuid,
            target=body.target_uuid,
            source_dir=body.source_dir,
            target_dir=body.target_dir,
            label=body.label or "",
            started=world.clock.now(),
            duration=TRANSFER_SECONDS,
        )
    )
    return {"transfer_id": transfer.id, "status": "OK", "reason": None}


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or below it (both normalised first)."""
    path, folder = posixpath.normpath("/" + path), posixpath.normpath("/" + folder)
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _settle(world: World, transfer: Transfer) -> None:
    now = world.clock.now()
    if transfer.status != "ACTIVE" or now < transfer.started + transfer.duration:
        return
    source, target = world.filesystems[transfer.source], world.filesystems[transfer.target]
    try:
        transfer.bytes_transferred = copy_tree(
            source, transfer.source_dir, target, transfer.target_dir, transfer.user
        )
        transfer.status = "SUCCEEDED"
    except FileError as exc:
        transfer.status, transfer.reason = "FAILED", str(exc)
    transfer.completed_at = now


@router.get("/storage/globus/transfer/{transfer_id}", response_model=GlobusTransferResult)
def check_globus_transfer(world: WorldDep, client: Reader, transfer_id: str) -> dict[str, Any]:
    transfer = world.transfers.get(transfer_id, client.user)
    if transfer is None:
        raise HTTPException(404, detail=f"no transfer {transfer_id}")
    _settle(world, transfer)
    done = transfer.completed_at
    return {
        "status": "OK",
        "reason": transfer.reason,
        "globus_status": transfer.status,
        "bytes_transferred": transfer.bytes_transferred,
        "completion_time": datetime.fromtimestamp(done, UTC).isoformat() if done else None,
        "effective_bytes_per_second": int(transfer.bytes_transferred / transfer.duration)
        if done
        else None,
    }
