"""Tasks that move small files between the flow's computer and a machine."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from sfapi_client import RemotePath

from .credentials import SfApiCredentials

__all__ = ["download_file", "upload_file"]


@task(name="sfapi-upload-file", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=10)
def upload_file(
    source: str | Path | bytes,
    remote_path: str,
    *,
    credentials: SfApiCredentials | None = None,
    machine: str = "perlmutter",
) -> str:
    """Write a local file (or bytes) to ``remote_path`` on ``machine``; the path written.

    Writing the same content again gives the same file, so the task retries a failed
    upload (twice).

    Arguments:
        source: a local file's path, or the content itself as bytes.
        remote_path: the absolute path of the file to write on the machine.
        credentials: the SF API credentials (default: the ``SFAPI_*`` variables).
        machine: the machine to write to.

    Raises:
        UploadTooLargeError: the content is over the API's limit (5 MiB), before
            anything is sent.
    """
    credentials = credentials or SfApiCredentials()
    content: bytes | Path = source if isinstance(source, bytes) else Path(source).expanduser()
    with credentials.get_client() as client:
        target = RemotePath(remote_path, client.compute(machine))
        return str(target.upload(content).path)


@task(name="sfapi-download-file", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=10)
def download_file(
    remote_path: str,
    local_path: str | Path | None = None,
    *,
    credentials: SfApiCredentials | None = None,
    machine: str = "perlmutter",
) -> bytes | str:
    """Read the file ``remote_path`` of ``machine``.

    Arguments:
        remote_path: the absolute path of a file on the machine.
        local_path: where to write it on this computer; then the task returns that
            path. Without it, the task returns the content as bytes.
        credentials: the SF API credentials (default: the ``SFAPI_*`` variables).
        machine: the machine to read from.
    """
    credentials = credentials or SfApiCredentials()
    with credentials.get_client() as client:
        source = RemotePath(remote_path, client.compute(machine))
        content = source.download(binary=True).read()
    if local_path is None:
        return bytes(content)
    target = Path(local_path).expanduser()
    target.write_bytes(content)
    return str(target)
