# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Operations of the ``meta`` tag."""

from __future__ import annotations

from ... import _encoding, _responses
from ..._operations import meta as _operations
from ...models import Changelog, Config
from .._base_client import AsyncBaseClient


class AsyncMetaApi:
    """Operations of the ``meta`` tag, reached as ``client.meta``.

    Args:
        client: the low-level client whose connection and settings the operations use.
    """

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client

    async def read_changelog(
        self,
    ) -> list[Changelog]:
        """Read Changelog

        Changes to this API, newest first.

        ``GET /meta/changelog``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.READ_CHANGELOG,
            "/meta/changelog",
        )
        _result: list[Changelog] = _responses.parse_json(
            _response, list[Changelog], "read_changelog"
        )
        return _result

    async def read_config(
        self,
    ) -> list[Config]:
        """Read Config

        ``GET /meta/config``; public.

        Returns:
            Successful Response

        Raises:
            SfApiError: on a non-2xx answer (a subclass per status) or no answer at all.
        """
        _response = await self._client.send(
            _operations.READ_CONFIG,
            "/meta/config",
        )
        _result: list[Config] = _responses.parse_json(_response, list[Config], "read_config")
        return _result
