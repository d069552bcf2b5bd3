"""A task that runs a command on a machine's login node and returns its output."""

from __future__ import annotations

from prefect import task
from prefect.cache_policies import NO_CACHE

from .credentials import SfApiCredentials

__all__ = ["run_command"]


@task(name="sfapi-run-command", cache_policy=NO_CACHE)
def run_command(
    command: str | list[str],
    *,
    credentials: SfApiCredentials | None = None,
    machine: str = "perlmutter",
    timeout: float = 300.0,
) -> str:
    """Run ``command`` on a login node of ``machine`` and return its output.

    A command may change things, so the task does not retry by itself; give it
    ``retries`` (``run_command.with_options(retries=2)``) for commands that may run twice.

    Arguments:
        command: a command line, or a list of arguments (quoted for the shell).
        credentials: the SF API credentials (default: the ``SFAPI_*`` variables).
        machine: the machine whose login node runs it.
        timeout: seconds to wait for the command to end.

    Raises:
        TaskFailedError: the command failed.
        WaitTimeoutError: it had not ended after ``timeout``.
    """
    credentials = credentials or SfApiCredentials()
    with credentials.get_client() as client:
        return client.compute(machine).run(command, timeout=timeout)
