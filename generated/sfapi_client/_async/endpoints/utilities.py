# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``utilities`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._encoding import FileContent
from ..._exceptions import inband_error
from ..._operations import utilities as _operations
from ...models import DirectoryOutput, FileDownload, PublicHost, UploadResult, UtilsCommandOutput
from .._base_client import AsyncBaseClient


class AsyncUtilitiesApi:
    """Operations of the ``utilities`` tag, reached as ``client.utilities``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def ls(
        self,
        machine: PublicHost,
        path: str,
    ) -> DirectoryOutput:
        """Ls

        List a directory, or stat a file.

        ``GET /utilities/ls/{machine}/{path}``; needs credentials.

        Args:
            machine: The machine to act on.
            path: Absolute path on the machine. It may contain '/' characters, which are sent as they are.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.LS,
            f"/utilities/ls/{_encoding.path_segment(machine)}/{_encoding.path_value(path)}",
        )
        _result: DirectoryOutput = _responses.parse_json(_response, DirectoryOutput, "ls")
        _error = inband_error(
            _response,
            "ls",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def download_file(
        self,
        machine: PublicHost,
        path: str,
        *,
        binary: bool | None = False,
    ) -> FileDownload:
        """Download File

        Download a small file.

        ``GET /utilities/download/{machine}/{path}``; needs credentials.

        Args:
            machine: The machine to act on.
            path: Absolute path on the machine. It may contain '/' characters, which are sent as they are.
            binary: Return base64 contents.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.DOWNLOAD_FILE,
            f"/utilities/download/{_encoding.path_segment(machine)}/{_encoding.path_value(path)}",
            params=_encoding.query_params(
                [
                    ("binary", binary),
                ]
            ),
        )
        _result: FileDownload = _responses.parse_json(_response, FileDownload, "download_file")
        _error = inband_error(
            _response,
            "download_file",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def upload_file(
        self,
        machine: PublicHost,
        path: str,
        *,
        file: FileContent,
    ) -> UploadResult:
        """Upload File

        Upload a small file.

        ``PUT /utilities/upload/{machine}/{path}``; needs credentials.

        Args:
            machine: The machine to act on.
            path: Absolute path on the machine. It may contain '/' characters, which are sent as they are.
            file: the ``file`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.UPLOAD_FILE,
            f"/utilities/upload/{_encoding.path_segment(machine)}/{_encoding.path_value(path)}",
            files=_encoding.file_fields(
                {
                    "file": file,
                }
            ),
        )
        _result: UploadResult = _responses.parse_json(_response, UploadResult, "upload_file")
        _error = inband_error(
            _response,
            "upload_file",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result

    async def run_command(
        self,
        machine: PublicHost,
        *,
        executable: str,
    ) -> UtilsCommandOutput:
        """Run Command

        Run a command on a login node. Returns a task id; the task's result holds the output.

        ``POST /utilities/command/{machine}``; needs credentials.

        Args:
            machine: The machine to act on.
            executable: the ``executable`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
            ApiErrorStatus: when the answer's ``status`` is 'ERROR'.
        """
        _response = await self._client.send(
            _operations.RUN_COMMAND,
            f"/utilities/command/{_encoding.path_segment(machine)}",
            data=_encoding.form_fields(
                {
                    "executable": executable,
                }
            ),
        )
        _result: UtilsCommandOutput = _responses.parse_json(
            _response, UtilsCommandOutput, "run_command"
        )
        _error = inband_error(
            _response,
            "run_command",
            _result.status,
            _result.error,
            "ERROR",
        )
        if _error is not None:
            raise _error
        return _result
