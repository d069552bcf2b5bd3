"""The credentials block: how a flow reaches the SF API, saved on a Prefect server.

A block holds what ``sfapi_client.Client`` takes: a key (the client id and its private
key), the service's URLs and the wait interval. Every field is optional, and a field
left empty falls back to the environment variable the client reads itself
(``SFAPI_KEY``, ``SFAPI_BASE_URL``, ``SFAPI_TOKEN_URL``, ``SFAPI_WAIT_INTERVAL``), so
``SfApiCredentials()`` follows the shell exactly as ``Client()`` does.

The private key is a ``SecretStr``: Prefect stores it encrypted, shows it as ``**********``
in its UI, API answers and logs, and the block's repr never holds it.
"""

from __future__ import annotations

import json
from pathlib import Path

from prefect.blocks.core import Block
from pydantic import Field, SecretStr

from sfapi_client import AsyncClient, Client, ClientKeyError, Credentials

__all__ = ["SfApiCredentials"]


class SfApiCredentials(Block):
    """Credentials and endpoints of NERSC's Superfacility API.

    Give either ``client_id`` with ``private_key`` (what a saved block carries to a
    worker that has no key file), or ``key_file`` (a path on the computer that runs the
    flow); with neither, the client takes the key file ``SFAPI_KEY`` names.

    Example:
        ```python
        from prefect_sfapi import SfApiCredentials

        SfApiCredentials.from_key_file("~/.superfacility/key.pem").save("nersc")
        credentials = SfApiCredentials.load("nersc")
        ```
    """

    _block_type_name = "SF API Credentials"
    _block_type_slug = "sfapi-credentials"
    _description = "Credentials and endpoints of NERSC's Superfacility API."
    _documentation_url = None

    client_id: str | None = Field(
        default=None,
        description="The SF API client's id (13 letters and digits); goes with private_key.",
    )
    private_key: SecretStr | None = Field(
        default=None,
        description="The client's private key: PEM text or JWK JSON. Stored encrypted.",
    )
    key_file: str | None = Field(
        default=None,
        description=(
            "A key file on the computer that runs the flow (client id, then the PEM). "
            "Default: the file SFAPI_KEY names."
        ),
    )
    api_base_url: str | None = Field(
        default=None, description="The API's base URL. Default: SFAPI_BASE_URL, else NERSC's."
    )
    token_url: str | None = Field(
        default=None,
        description="The OAuth2 token endpoint. Default: SFAPI_TOKEN_URL, else NERSC's.",
    )
    wait_interval: float | None = Field(
        default=None,
        gt=0,
        description="Seconds between two looks at the queue. Default: SFAPI_WAIT_INTERVAL, else 10.",
    )

    @classmethod
    def from_key_file(cls, path: str | Path, **fields: object) -> SfApiCredentials:
        """A block holding the client id and private key read from a key file, so that it
        can be saved and used where the file is not.

        Arguments:
            path: the key file (``~`` expanded); it must be readable by its owner only.
            fields: other fields of the block (``api_base_url``...).

        Raises:
            ClientKeyError: the file is missing, readable by others or malformed.
        """
        key_path = Path(path).expanduser()
        # The client's own reading checks the file (owner-only, client id, a usable key).
        credentials = Credentials.from_key_file(key_path)
        return cls(
            client_id=credentials.client_id,
            private_key=SecretStr(_private_key_text(key_path.read_text())),
            **fields,
        )

    def _client_options(self) -> dict[str, object]:
        """The arguments of the client; the ones left empty follow the environment."""
        if (self.client_id is None) != (self.private_key is None):
            raise ClientKeyError(
                "SfApiCredentials: client_id and private_key go together; give both, or "
                "key_file, or neither (then SFAPI_KEY names the key file)"
            )
        if self.private_key is not None and self.key_file is not None:
            raise ClientKeyError(
                "SfApiCredentials: give client_id with private_key, or key_file, not both"
            )
        options: dict[str, object] = {
            "api_base_url": self.api_base_url,
            "token_url": self.token_url,
            "wait_interval": self.wait_interval,
        }
        if self.private_key is not None:
            options["client_id"] = self.client_id
            options["secret"] = self.private_key.get_secret_value()
        elif self.key_file is not None:
            options["key"] = str(Path(self.key_file).expanduser())
        return options

    def get_client(self) -> Client:
        """A new client with these credentials; close it (``with``) when done."""
        return Client(**self._client_options())  # type: ignore[arg-type]

    def get_async_client(self) -> AsyncClient:
        """A new async client with these credentials; close it (``async with``) when done."""
        return AsyncClient(**self._client_options())  # type: ignore[arg-type]


def _private_key_text(text: str) -> str:
    """The private key of a key file's text (already checked by the client): the PEM after
    the client id's line, or the ``secret`` of a JSON key file (a JWK kept as JSON)."""
    text = text.strip()
    if text.startswith("{"):
        secret = json.loads(text)["secret"]
        return secret if isinstance(secret, str) else json.dumps(secret)
    return text.partition("\n")[2].strip()
