"""The key's life as the client follows it: its expiry looked up once, checked before
each token request, and the token endpoint's refusals explained.

``AsyncKeyLife`` is the token observer of the client's request pipeline. After the first
token of a client id it reads ``GET /account/clients`` once and keeps the ``expiresAt``
listed for that id (a key that carries its expiry needs no lookup); a lookup that fails
is not an error of the caller's request (it is given ``LOOKUP_LIMIT`` seconds at most):
it is tried again after the next token.
"""

from __future__ import annotations

import logging
from datetime import datetime

from .._auth import ClientCredentialsAuth, TokenRefusal
from .._credentials import Credentials
from .._deadline import time_limit
from .._key_expiry import KeyExpiry, parse_expiry
from .._package import LOGGER_NAME, PackageError
from .api_client import AsyncApiClient

__all__: list[str] = []

logger = logging.getLogger(LOGGER_NAME)

#: Seconds the lookup after a token may add to the call that fetched the token: it is
#: for information, so a slow or rate-limited service is not waited out for it.
LOOKUP_LIMIT = 10.0


class AsyncKeyLife:
    """Follows the key of one client: expiry, warnings, refusals.

    Arguments:
        api: the low-level client whose tokens it follows (it reads
            ``/account/clients`` through it).
        auth: that client's credentials auth.
        margin: warn when the key expires within this many seconds (0: never).
    """

    def __init__(self, api: AsyncApiClient, auth: ClientCredentialsAuth, margin: float) -> None:
        self._api = api
        self._auth = auth
        self.expiry = KeyExpiry(margin, auth.clock)
        """What is known of the keys' expiry."""
        self._looking_up: set[str] = set()

    def __repr__(self) -> str:
        return f"AsyncKeyLife(client_id={self._auth.credentials.client_id!r})"

    def before_token(self, auth: ClientCredentialsAuth) -> None:
        """Refuse a token request for a key known to have expired; warn when it expires
        soon."""
        self.expiry.check(auth)

    def refused(
        self, auth: ClientCredentialsAuth, refusal: TokenRefusal, error: PackageError
    ) -> PackageError:
        """The token endpoint's refusal in the SF API's terms."""
        return self.expiry.refused(auth, refusal, error)

    async def after_token(self, auth: ClientCredentialsAuth) -> None:
        """Look the key's expiry up once per client id, and warn when it is near."""
        credentials = auth.credentials
        if self.expiry.known(credentials) or credentials.client_id in self._looking_up:
            return
        try:
            with time_limit(LOOKUP_LIMIT):
                await self._look_up(credentials)
        except PackageError as exc:
            logger.debug("the expiry of API client %s is not known: %s", credentials.client_id, exc)
            return
        self.expiry.warn_if_near(credentials, str(auth.key_file.path) if auth.key_file else None)

    async def expires_at(self) -> datetime | None:
        """The expiry of the key in use, looked up now when it is not known yet."""
        credentials = self._auth.credentials
        if not self.expiry.known(credentials):
            await self._look_up(credentials)
            key_file = self._auth.key_file
            self.expiry.warn_if_near(credentials, str(key_file.path) if key_file else None)
        return self.expiry.expires_at(credentials)

    async def _look_up(self, credentials: Credentials) -> None:
        """Read ``/account/clients`` and keep the expiry listed for the client's id."""
        client_id = credentials.client_id
        self._looking_up.add(client_id)
        try:
            clients = await self._api.account.read_clients()
        finally:
            self._looking_up.discard(client_id)
        listed = next((c for c in clients if c.clientId == client_id), None)
        expiry = parse_expiry(listed.expiresAt) if listed is not None else None
        if listed is not None and expiry is None:
            logger.debug("API client %s has an expiresAt that is not a time", client_id)
        self.expiry.learn(client_id, expiry)
