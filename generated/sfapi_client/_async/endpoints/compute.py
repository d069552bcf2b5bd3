# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``compute`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._exceptions import inband_error
from ..._operations import compute as _operations
from ...models import ComputeCommandOutput, JobOutput, PublicHost, QueueOutput
from .._base_client import AsyncBaseClient


class AsyncComputeApi:
    """Operations of the ``compute`` tag, reached as ``client.compute``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def read_jobs(
        self,
        machine: PublicHost,
        *,
        index: int | None = 0,
        limit: int | None = None,
        sacct: bool | None = False,
        cached: bool | None = True,
        kwargs: list[str] | None = None,
    ) -> QueueOutput:
        """Read Jobs

        Jobs on a machine, from squeue (default) or sacct.

        ``GET /compute/jobs/{machine}``; needs credentials.

        Args:
            machine: The machine to act on.
            index: Index of the first job to return.
            limit: How many jobs to return.
            sacct: Use sacct instead of squeue.
            cached: Allow an answer from the queue cache.
            kwargs: Filters in the form name=value, e.g. user=alice or jobid=1,2,3.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.READ_JOBS,
            f"/compute/jobs/{_encoding.path_segment(machine)}",
            params=_encoding.query_params(
                [
                    ("index", index),
                    ("limit", limit),
                    ("sacct", sacct),
                    ("cached", cached),
                    ("kwargs", kwargs),
                ]
            ),
        )
        _result: QueueOutput = _responses.parse_json(_response, QueueOutput, "read_jobs")
        _error = inband_error(
            _response,
            "read_jobs",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def submit_job(
        self,
        machine: PublicHost,
        *,
        is_path: bool,
        job: str,
        args: list[str] | None = None,
        callback_timeout: int | None = None,
        callback_email: str | None = None,
        callback_url: str | None = None,
    ) -> ComputeCommandOutput:
        """Submit Job

        Submit a batch job. Returns a task id; the task's result holds the job id once the scheduler accepts it.

        ``POST /compute/jobs/{machine}``; needs credentials.

        Args:
            machine: The machine to act on.
            is_path: the ``isPath`` field of the request body.
            job: A path to a batch script on the machine, or the script itself.
            args: the ``args`` field of the request body.
            callback_timeout: the ``callbackTimeout`` field of the request body.
            callback_email: the ``callbackEmail`` field of the request body.
            callback_url: the ``callbackUrl`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.SUBMIT_JOB,
            f"/compute/jobs/{_encoding.path_segment(machine)}",
            data=_encoding.form_fields(
                {
                    "isPath": is_path,
                    "job": job,
                    "args": args,
                    "callbackTimeout": callback_timeout,
                    "callbackEmail": callback_email,
                    "callbackUrl": callback_url,
                }
            ),
        )
        _result: ComputeCommandOutput = _responses.parse_json(
            _response, ComputeCommandOutput, "submit_job"
        )
        _error = inband_error(
            _response,
            "submit_job",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def read_job(
        self,
        machine: PublicHost,
        jobid: str,
        *,
        sacct: bool | None = False,
        cached: bool | None = True,
    ) -> JobOutput:
        """Read Job

        ``GET /compute/jobs/{machine}/{jobid}``; needs credentials.

        Args:
            machine: The machine to act on.
            jobid: the ``jobid`` path parameter.
            sacct: the ``sacct`` query parameter.
            cached: the ``cached`` query parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.READ_JOB,
            f"/compute/jobs/{_encoding.path_segment(machine)}/{_encoding.path_segment(jobid)}",
            params=_encoding.query_params(
                [
                    ("sacct", sacct),
                    ("cached", cached),
                ]
            ),
        )
        _result: JobOutput = _responses.parse_json(_response, JobOutput, "read_job")
        _error = inband_error(
            _response,
            "read_job",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def cancel_job(
        self,
        machine: PublicHost,
        jobid: str,
    ) -> ComputeCommandOutput:
        """Cancel Job

        ``DELETE /compute/jobs/{machine}/{jobid}``; needs credentials.

        Args:
            machine: The machine to act on.
            jobid: the ``jobid`` path parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.CANCEL_JOB,
            f"/compute/jobs/{_encoding.path_segment(machine)}/{_encoding.path_segment(jobid)}",
        )
        _result: ComputeCommandOutput = _responses.parse_json(
            _response, ComputeCommandOutput, "cancel_job"
        )
        _error = inband_error(
            _response,
            "cancel_job",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result
