# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``storage`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operations import storage as _operations
from ...models import GlobusTransfer, GlobusTransferResult
from .._base_client import AsyncBaseClient


class AsyncStorageApi:
    """Operations of the ``storage`` tag, reached as ``client.storage``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def start_globus_transfer(
        self,
        *,
        source_uuid: str,
        target_uuid: str,
        source_dir: str,
        target_dir: str,
        label: str | None = "",
    ) -> GlobusTransfer:
        """Start Globus Transfer

        ``POST /storage/globus/transfer``; needs credentials.

        Args:
            source_uuid: the ``source_uuid`` field of the request body.
            target_uuid: the ``target_uuid`` field of the request body.
            source_dir: the ``source_dir`` field of the request body.
            target_dir: the ``target_dir`` field of the request body.
            label: the ``label`` field of the request body.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.START_GLOBUS_TRANSFER,
            "/storage/globus/transfer",
            data=_encoding.form_fields(
                {
                    "source_uuid": source_uuid,
                    "target_uuid": target_uuid,
                    "source_dir": source_dir,
                    "target_dir": target_dir,
                    "label": label,
                }
            ),
        )
        _result: GlobusTransfer = _responses.parse_json(
            _response, GlobusTransfer, "start_globus_transfer"
        )
        return _result

    async def check_globus_transfer(
        self,
        transfer_id: str,
    ) -> GlobusTransferResult:
        """Check Globus Transfer

        ``GET /storage/globus/transfer/{transfer_id}``; needs credentials.

        Args:
            transfer_id: the ``transfer_id`` path parameter.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.CHECK_GLOBUS_TRANSFER,
            f"/storage/globus/transfer/{_encoding.path_segment(transfer_id)}",
        )
        _result: GlobusTransferResult = _responses.parse_json(
            _response, GlobusTransferResult, "check_globus_transfer"
        )
        return _result
