"""Routes of the ``utilities`` tag: ls, download, upload, and shell commands (run by the
simulated login node's shell, in a task that can be cancelled while it runs).

``{path}`` holds an absolute path whose ``/`` arrive unencoded, hence ``{path:path}``.
Failures of the file operation itself answer HTTP 200 with ``status: ERROR``, as the
live service does.
"""

from __future__ import annotations

import base64
import json
import posixpath
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Form, Response, UploadFile

from sfapi_client.models import (
    DirectoryOutput,
    FileDownload,
    PublicHost,
    RunCommandBody,
    UploadResult,
    UtilsCommandOutput,
)

from ..shell import Limits, login_state, run_script
from ..state.filesystem import FileError
from ..state.tasks import TaskLimitError
from .deps import Reader, WorldDep, Writer, account_of

router = APIRouter(tags=["utilities"])


@router.get("/utilities/ls/{machine}/{path:path}", response_model=DirectoryOutput)
def ls(world: WorldDep, client: Reader, machine: PublicHost, path: str) -> Response:
    try:
        entries = world.filesystems[machine.value].ls(path, client.user)
    except FileError as exc:
        return _listing({"status": "ERROR", "entries": [], "error": str(exc)})
    return _listing({"status": "OK", "entries": entries, "error": None})


def _listing(payload: dict[str, Any]) -> Response:
    """A listing as a service written in Python sends it: a file name whose bytes are not
    UTF-8 (planted in the data folder from the host) holds lone surrogates, written as
    ``"\\udcff"`` escapes instead of failing the whole answer with a server error."""
    model = DirectoryOutput.model_validate(payload)
    return Response(json.dumps(model.model_dump(by_alias=True)), media_type="application/json")


@router.get("/utilities/download/{machine}/{path:path}", response_model=FileDownload)
def download_file(
    world: WorldDep, client: Reader, machine: PublicHost, path: str, binary: bool | None = False
) -> dict[str, Any]:
    try:
        data = world.filesystems[machine.value].read(path, client.user)
    except FileError as exc:
        return {"status": "ERROR", "file": None, "is_binary": bool(binary), "error": str(exc)}
    if binary:
        return {
            "status": "OK",
            "file": base64.b64encode(data).decode(),
            "is_binary": True,
            "error": None,
        }
    try:
        return {"status": "OK", "file": data.decode("utf-8"), "is_binary": False, "error": None}
    except UnicodeDecodeError:
        return {
            "status": "ERROR",
            "file": None,
            "is_binary": False,
            "error": f"{path}: not a text file; download it with binary=true",
        }


@router.put("/utilities/upload/{machine}/{path:path}", response_model=UploadResult)
async def upload_file(
    world: WorldDep, client: Writer, machine: PublicHost, path: str, file: UploadFile
) -> dict[str, Any]:
    filesystem = world.filesystems[machine.value]
    limit = world.config.max_file_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        return {
            "status": "ERROR",
            "output": None,
            "error": f"upload exceeds the {limit}-byte limit",
        }
    try:
        target = path
        if filesystem.is_dir(path, client.user):
            name = posixpath.basename(file.filename or "")
            if not name or name in (".", ".."):
                return {
                    "status": "ERROR",
                    "output": None,
                    "error": f"{path} is a directory and the upload has no file name",
                }
            target = posixpath.join(path, name)
        written = filesystem.write(target, client.user, data)
    except FileError as exc:
        return {"status": "ERROR", "output": None, "error": str(exc)}
    return {"status": "OK", "output": f"wrote {len(data)} bytes to {written}", "error": None}


@router.post("/utilities/command/{machine}", response_model=UtilsCommandOutput)
def run_command_(
    world: WorldDep, client: Writer, machine: PublicHost, executable: Annotated[str, Form()]
) -> dict[str, Any]:
    body = RunCommandBody(executable=executable)
    account = account_of(world, client)
    now = world.clock.now()
    config = world.config
    login = world.logins[machine.value]
    limits = Limits(
        max_output=config.max_command_output,
        max_seconds=config.max_command_seconds,
        max_wall_seconds=config.max_command_seconds,
        max_memory=config.max_shell_memory,
        max_written=config.max_shell_written,
    )

    def work(cancel: threading.Event) -> dict[str, Any]:
        session = login.session(account.name, limits=limits, cancel=cancel)
        result = run_script(body.executable, session, login_state(session))
        ok = result.exit_code == 0
        return {
            "status": "ok" if ok else "error",
            "output": result.stdout,
            "error": result.stderr,
            "exit_code": result.exit_code,
        }

    try:
        task = world.tasks.start(
            account.name,
            work,
            ready_at=now + config.task_delay,
            now=now,
            max_running=config.max_running_commands,
        )
    except TaskLimitError as exc:
        task = world.tasks.create(
            account.name,
            {"status": "error", "output": "", "error": str(exc), "exit_code": 1},
            ready_at=now + config.task_delay,
            failed=True,
        )
    return {"task_id": task.id, "status": "OK", "error": None}
