"""Routes of the ``compute`` tag: job listings, submission, one job, cancellation."""

from __future__ import annotations

import posixpath
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Query

from sfapi_client.models import (
    ComputeCommandOutput,
    JobOutput,
    PublicHost,
    QueueOutput,
    SubmitJobBody,
)

from ..callbacks import CallbackRefused, Registration, checked_callback_url
from ..state.filesystem import FileError, home_of
from ..state.scripts import ScriptError
from ..world import World
from .deps import Reader, WorldDep, Writer, account_of

router = APIRouter(tags=["compute"])


def _filters(kwargs: list[str] | None) -> dict[str, str]:
    filters: dict[str, str] = {}
    for item in kwargs or []:
        name, sep, value = item.partition("=")
        if not sep or name not in ("jobid", "user", "partition"):
            message = f"unsupported filter {item!r}; use jobid=, user= or partition="
            raise HTTPException(
                422, detail=[{"loc": ["query", "kwargs"], "msg": message, "type": "value_error"}]
            )
        filters[name] = value
    return filters


def _seen_at(world: World, cached: bool | None) -> float | None:
    """The moment a listing describes: ``queue_lag`` seconds ago for a cached answer (the
    service's listing cache), None (now) for a fresh one (``cached=false``)."""
    lag = world.config.faults.queue_lag
    return world.clock.now() - lag if cached is not False and lag > 0 else None


def _refused(field: str, message: str) -> HTTPException:
    """A 422 naming the body field and what is wrong, as FastAPI's validation errors do."""
    return HTTPException(
        422, detail=[{"loc": ["body", field], "msg": message, "type": "value_error"}]
    )


@router.get("/compute/jobs/{machine}", response_model=QueueOutput)
def read_jobs(
    world: WorldDep,
    client: Reader,
    machine: PublicHost,
    index: int | None = 0,
    limit: int | None = None,
    sacct: bool | None = False,
    cached: bool | None = True,
    kwargs: Annotated[list[str] | None, Query()] = None,
) -> dict[str, Any]:
    filters = _filters(kwargs)
    jobids = {j for j in filters["jobid"].split(",") if j} if "jobid" in filters else None
    rows = world.schedulers[machine.value].listing(
        now=world.clock.now(),
        sacct=bool(sacct),
        jobids=jobids,
        user=filters.get("user"),
        partition=filters.get("partition"),
        as_of=_seen_at(world, cached),
    )
    start = max(index or 0, 0)
    rows = rows[start : start + limit] if limit is not None else rows[start:]
    return {"status": "OK", "output": rows, "error": None}


@router.post("/compute/jobs/{machine}", response_model=ComputeCommandOutput)
def submit_job(
    world: WorldDep,
    client: Writer,
    machine: PublicHost,
    isPath: Annotated[bool, Form()],
    job: Annotated[str, Form()],
    args: Annotated[list[str] | None, Form()] = None,
    callbackTimeout: Annotated[int | None, Form()] = None,
    callbackEmail: Annotated[str | None, Form()] = None,
    callbackUrl: Annotated[str | None, Form()] = None,
) -> dict[str, Any]:
    body = SubmitJobBody(
        isPath=isPath,
        job=job,
        args=args or [],
        callbackTimeout=callbackTimeout,
        callbackEmail=callbackEmail,
        callbackUrl=callbackUrl,
    )
    if body.callbackUrl is not None:
        try:
            checked_callback_url(body.callbackUrl)
        except CallbackRefused as exc:
            raise _refused("callbackUrl", str(exc)) from None
    if body.callbackTimeout is not None and body.callbackTimeout < 1:
        raise _refused("callbackTimeout", "callbackTimeout must be at least 1 second")
    account = account_of(world, client)
    filesystem = world.filesystems[machine.value]
    login = world.logins[machine.value]
    now = world.clock.now()
    try:
        if body.isPath:
            script_path: str | None = body.job
            if not filesystem.is_file(body.job, account.name):
                raise ScriptError(f"sbatch: error: Unable to open file {body.job}")
            text = filesystem.read(body.job, account.name).decode("utf-8", errors="replace")
            work_dir = posixpath.dirname(body.job)
        else:
            script_path, text, work_dir = None, body.job, home_of(account.name)
        created = login.submit_job(
            account.name,
            script=text,
            script_path=script_path,
            work_dir=work_dir,
            args=list(body.args or []),
        )
    except (ScriptError, FileError) as exc:
        message = str(exc) if isinstance(exc, ScriptError) else f"sbatch: error: {exc}"
        task = world.tasks.create(
            account.name,
            {"status": "error", "jobid": None, "error": message},
            ready_at=now + world.config.task_delay,
            failed=True,
        )
        return {"task_id": task.id, "status": "OK", "error": None}
    world.stats.count_submission(client.client_id)
    if body.callbackUrl is not None or body.callbackEmail is not None:
        world.callbacks.register(
            Registration(
                machine=machine.value,
                jobid=created.jobid,
                user=account.name,
                url=body.callbackUrl,
                email=body.callbackEmail,
                timeout=body.callbackTimeout,
            )
        )
    task = world.tasks.create(
        account.name,
        {"status": "ok", "jobid": created.jobid, "error": None},
        ready_at=now + world.config.task_delay,
    )
    return {"task_id": task.id, "status": "OK", "error": None}


@router.get("/compute/jobs/{machine}/{jobid}", response_model=JobOutput)
def read_job(
    world: WorldDep,
    client: Reader,
    machine: PublicHost,
    jobid: str,
    sacct: bool | None = False,
    cached: bool | None = True,
) -> dict[str, Any]:
    rows = world.schedulers[machine.value].listing(
        now=world.clock.now(),
        sacct=bool(sacct),
        jobids={jobid},
        user=None,
        partition=None,
        as_of=_seen_at(world, cached),
    )
    if not rows and not sacct:
        return {
            "status": "ERROR",
            "output": [],
            "error": "slurm_load_jobs error: Invalid job id specified",
        }
    return {"status": "OK", "output": rows, "error": None}


@router.delete("/compute/jobs/{machine}/{jobid}", response_model=ComputeCommandOutput)
def cancel_job(world: WorldDep, client: Writer, machine: PublicHost, jobid: str) -> dict[str, Any]:
    account = account_of(world, client)
    now = world.clock.now()
    scheduler = world.schedulers[machine.value]
    job = scheduler.get(jobid)
    if job is None or job.account.name != account.name:
        result: dict[str, Any] = {
            "status": "error",
            "output": "",
            "error": f"scancel: error: Invalid job id {jobid}",
        }
    elif job.timeline(now)[0] not in ("PENDING", "RUNNING"):
        result = {
            "status": "error",
            "output": "",
            "error": f"scancel: error: Kill job error on job id {jobid}: Job/step already completing or completed",
        }
    else:
        scheduler.cancel(jobid, now)
        result = {"status": "ok", "output": "", "error": None}
    task = world.tasks.create(
        account.name,
        result,
        ready_at=now + world.config.task_delay,
        failed=result["status"] != "ok",
    )
    return {"task_id": task.id, "status": "OK", "error": None}
