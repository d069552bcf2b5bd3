"""``sfapi ls``, ``download``, ``upload``, ``run``: files and commands on a machine."""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated

import typer

from sfapi_client import ApiErrorStatus

from .. import state
from ..arguments import MachineArg
from ..errors import reported
from ..failures import doing
from ..global_options import CommandWithGlobals
from ..output import emit_json, say, table, transfer

if TYPE_CHECKING:
    from sfapi_client import Compute, RemotePath


def register(app: typer.Typer) -> None:
    for command in (ls, download, upload):
        app.command(cls=CommandWithGlobals)(reported(state.debug)(command))
    app.command(cls=CommandWithGlobals, context_settings={"allow_interspersed_args": False})(
        reported(state.debug)(run)
    )


def ls(
    machine: MachineArg, path: Annotated[str, typer.Argument(help="Absolute path on the machine.")]
) -> None:
    """List a directory (or show a file) like ls -l.

    With --json, one object per entry: name (the file name), path (the full path),
    perms, hardlinks, user, group, size (bytes), date.
    """
    with state.current.client() as client, doing(f"cannot list {path} on {machine.value}"):
        entries = client.compute(machine).ls(path)
    if state.current.json:
        emit_json([_entry(e) for e in entries])
        return
    table(
        None,
        ["perms", "user", "group", "size", "date", "name"],
        [(e.perms, e.user, e.group, int(e.size or 0), e.date, e.name) for e in entries],
    )


def _entry(path: RemotePath) -> dict[str, object]:
    """One ``ls --json`` entry: the listing's fields, named as ``RemotePath`` names them."""
    entry = path.entry
    return {
        "name": path.name,
        "path": str(path),
        "perms": path.perms,
        "hardlinks": entry.hardlinks if entry else None,
        "user": path.user,
        "group": path.group,
        "size": None if path.size is None else int(path.size),
        "date": path.date,
    }


def download(
    machine: MachineArg,
    remote: Annotated[str, typer.Argument(help="File on the machine.")],
    local: Annotated[
        str | None,
        typer.Argument(help="Where to write it: a file, or a folder (default: its name here)."),
    ] = None,
) -> None:
    """Copy a (small) file from the machine; nothing is half-written on failure."""
    name = PurePosixPath(remote).name
    target = _download_target(local, name)
    with state.current.client() as client, doing(f"cannot download {remote} from {machine.value}"):
        (entry,) = client.compute(machine).ls(remote, directory=True)
        if entry.is_dir():
            raise IsADirectoryError(f"{remote} is a directory; download files one at a time")
        with transfer(f"downloading {remote}", int(entry.size or 0)):
            data = entry.download(binary=True).read()
    fd, scratch = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(scratch, target)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
    if state.current.json:
        emit_json({"remote": remote, "local": str(target), "bytes": len(data)})
    else:
        say(f"{remote} → {target} ({len(data)} bytes)")


def _download_target(local: str | None, name: str) -> Path:
    """The local file a download writes: ``local``, or ``name`` inside it when it is a
    folder (an argument ending in ``/`` always means a folder, which must exist)."""
    if local is None:
        return Path(name)
    target = Path(local)
    if local.endswith(("/", os.sep)) and not target.is_dir():
        raise FileNotFoundError(f"local folder {local} does not exist")
    if target.is_dir():
        target = target / name
    if not target.parent.is_dir():
        raise FileNotFoundError(f"local folder {target.parent} does not exist")
    return target


def upload(
    machine: MachineArg,
    local: Annotated[Path, typer.Argument(help="Local file.")],
    remote: Annotated[str, typer.Argument(help="Target file or directory on the machine.")],
) -> None:
    """Copy a (small) local file to the machine."""
    if local.is_dir():
        raise IsADirectoryError(f"{local} is a directory; upload files one at a time")
    if not local.exists():
        raise FileNotFoundError(f"local file {local} does not exist")
    if not local.is_file():
        raise FileNotFoundError(f"local file {local} is not a regular file")
    with state.current.client() as client, doing(f"cannot upload {local} to {machine.value}"):
        destination = _destination(client.compute(machine), remote)
        with transfer(f"uploading {local}", local.stat().st_size):
            written = destination.upload(local)
    if state.current.json:
        emit_json({"local": str(local), "remote": str(written)})
    else:
        say(f"{local} → {machine.value}:{written}")


def _destination(compute: Compute, remote: str) -> RemotePath:
    """The existing directory or file ``remote`` names, else a new file in its parent."""
    try:
        (existing,) = compute.ls(remote, directory=True)
    except ApiErrorStatus:  # ls found nothing there: a new file in an existing directory
        path = PurePosixPath(remote)
        (folder,) = compute.ls(str(path.parent), directory=True)
        return folder / path.name
    return existing


def run(
    machine: MachineArg,
    command: Annotated[list[str], typer.Argument(help="The command and its arguments (after --).")],
) -> None:
    """Run a command on a login node and print its output."""
    if command[:1] == ["--"]:  # the separator stays in the arguments after MACHINE
        command = command[1:]
    if not command:
        raise ValueError("no command given: sfapi run MACHINE -- COMMAND [ARGS...]")
    with state.current.client() as client, doing(f"{command[0]} on {machine.value} failed"):
        output = client.compute(machine).run(shlex.join(command))
    if state.current.json:
        emit_json({"output": output})
    else:
        say(output.removesuffix("\n"), multiline=True)
