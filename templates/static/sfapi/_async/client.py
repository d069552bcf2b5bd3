"""The client users start from: credentials, machines, accounts, status and storage."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx2

from .. import __version__
from .._auth import BearerTokenAuth, ClientCredentialsAuth
from .._client_keys import credentials_from_secret, watched_key_file
from .._closing import AsyncClosing
from .._constants import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_TIMEOUT
from .._credentials import ClientKeyError
from .._endpoints import Endpoint, endpoint
from .._environment import (
    KeySetting,
    key_expiry_margin_setting,
    key_from_environment,
    wait_interval_setting,
)
from .._machines import Machine, machine_from
from .._retry import RetryConfig
from .._spec_info import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL
from .._tls import CertSetting, VerifySetting
from .api_client import AsyncApiClient
from .context import AsyncContext
from .key_life import AsyncKeyLife
from .resources import AsyncApi, AsyncResources

# Machines, accounts and storage (with their models) load when a script first uses them.
if TYPE_CHECKING:
    from .account import AsyncGroup, AsyncProject, AsyncUser
    from .compute import AsyncCompute
    from .storage import AsyncStorage

__all__ = ["AsyncClient"]

#: What a "needs credentials" error advises a user of this client.
CREDENTIALS_ADVICE = (
    "create the client with key=, client_id= and secret=, or access_token=, or set "
    "SFAPI_KEY to your key file's path (then Client() uses it)"
)

#: The environment variables the client's URLs come from when not given.
BASE_URL_VARIABLE = "SFAPI_BASE_URL"
TOKEN_URL_VARIABLE = "SFAPI_TOKEN_URL"


def make_auth(
    client_id: str | None,
    secret: Any,
    key: str | Any | None,
    access_token: str | None,
    token_url: Endpoint,
) -> ClientCredentialsAuth | httpx2.Auth | None:
    """The auth for the first credential source given, in the documented order; with
    none given, the key file ``SFAPI_KEY`` names, when it is set.

    No source at all means public operations only; an empty or malformed token is
    refused with ValueError here, before any request.
    """
    if client_id is None and secret is None and key is None and access_token is None:
        setting = key_from_environment()
        return None if setting is None else environment_key_auth(setting, token_url)
    if client_id is not None or secret is not None:
        if client_id is None or secret is None:
            raise ClientKeyError("client_id and secret go together: give both, or use key=")
        return ClientCredentialsAuth(
            credentials_from_secret(client_id, secret),
            token_url.url,
            token_url_origin=token_url.origin,
        )
    if key is not None:
        return ClientCredentialsAuth(
            watched_key_file(key), token_url.url, token_url_origin=token_url.origin
        )
    if access_token is not None:
        return BearerTokenAuth(access_token)
    return None


def environment_key_auth(setting: KeySetting, token_url: Endpoint) -> ClientCredentialsAuth:
    """The auth of the key file an environment variable names; a key that cannot be
    used is reported with the variable that named it, the setting to fix."""
    try:
        watch = watched_key_file(setting.key)
    except ClientKeyError as exc:
        raise ClientKeyError(f"{exc} (the key file set by {setting.origin})") from None
    return ClientCredentialsAuth(watch, token_url.url, token_url_origin=token_url.origin)


class AsyncClient(AsyncClosing):
    """A client of the Superfacility API.

    Credentials are taken from the first source given: ``client_id`` with ``secret``,
    then ``key``, then ``access_token``. When none of them is given, the key file the
    ``SFAPI_KEY`` environment variable names is used, when that is set. Without any,
    public operations (status, outages, notes, changelog, config) work and others raise
    ``MissingCredentialsError`` before sending anything.

    With no arguments, the client follows the environment: ``SFAPI_KEY``,
    ``SFAPI_BASE_URL``, ``SFAPI_TOKEN_URL`` and ``SFAPI_WAIT_INTERVAL`` (the lines
    ``sfapi-sim serve`` prints), so one script runs against NERSC or the simulator
    unchanged. An argument always wins over its variable.

    Arguments:
        client_id: the id of an SF API client (the credentials' owner); goes with
            ``secret``.
        secret: that client's private key: a PEM text, a JWK dict or JWK JSON, or a
            key object of joserfc or authlib.
        key: a key file holding the client id and private key: a path, or a name
            under ``~/.superfacility/``; by default ``SFAPI_KEY`` when that is set and
            no other credentials are given.
        api_base_url: the API's base URL; by default ``SFAPI_BASE_URL`` when that is
            set, else NERSC's. An absolute http(s) URL (``InvalidUrlError``, a ValueError,
            otherwise; an empty ``SFAPI_BASE_URL`` too).
        token_url: the OAuth2 token endpoint; by default ``SFAPI_TOKEN_URL`` when that
            is set, else NERSC's.
        access_token: a bearer token to use as it is (it is not renewed).
        wait_interval: seconds between polls while waiting for jobs; by default
            ``SFAPI_WAIT_INTERVAL`` when that is set, else 10.
        timeout: seconds one API call may take in all, retries and token requests
            included (default 180); waits (``complete()``, ``submit_job``) have their own.
        retry: the retry policy of idempotent requests (default: retried for up to
            120 s); a submission is never sent twice blindly.
        transport: an ``httpx2`` transport for the HTTP layer.
        task_interval: seconds between polls while waiting for tasks (commands,
            uploads, submissions).
        max_answer_bytes: the largest answer read (default 256 MiB, decompressed).
        proxy: an HTTP(S) proxy URL for every request; without it ``HTTPS_PROXY``,
            ``HTTP_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` are followed (``trust_env``).
        verify: True (the system's CA bundle), a CA bundle path, an ``ssl.SSLContext``,
            or False (no verification: testing only).
        cert: a client certificate: a PEM file, or (certificate, key) paths.
        trust_env: follow the proxy and CA bundle environment variables (default True).
        key_expiry_margin: seconds before the key expires from which a WARNING is logged
            (once per client and key); by default ``SFAPI_KEY_EXPIRY_MARGIN`` when that
            is set, else a day (86400). 0 turns the warning off.

    The key's expiry is read once per client id from ``/account/clients`` after the
    first token (or from the key itself, a JWK with ``exp``); ``key_expires_at()``
    returns it. A key known to have expired raises ``KeyExpiredError`` before any
    request is sent; the token endpoint's refusal of an expired key raises it too, and
    its refusal of an address outside the key's IP ranges ``AddressNotAllowedError``.
    A key file (``key=`` or ``SFAPI_KEY``) replaced while the client runs is read again
    when the next token is needed; a replacement that cannot be used (half written,
    malformed, readable by others) is reported with a WARNING and the old key stays in
    use until a valid file appears.

    A server this client has never reached is reported quickly (``ServerUnreachableError``
    naming the URL and its setting); once it has answered, a connection failure is
    ridden out within the retry budget, with a warning logged.

    Raises:
        InvalidUrlError: for a base or token URL that is not an absolute http(s) URL
            (also a ValueError), before any request.
        ValueError: for an empty or malformed ``access_token``, before any request.
        ClientKeyError: for a key that cannot be read or used, or a ``client_id``
            without a ``secret`` (or the reverse), before any request; for a key file
            set by ``SFAPI_KEY``, the error names the variable (an empty one too).
        InvalidArgumentError: for an ``SFAPI_WAIT_INTERVAL`` that is empty or not a
            positive number of seconds (also a ValueError), before any request.

    The guides of the documentation site show the workflow: machines, jobs, files.
    """

    def __init__(
        self,
        client_id: str | None = None,
        secret: Any = None,
        key: str | Any | None = None,
        api_base_url: str | None = None,
        token_url: str | None = None,
        access_token: str | None = None,
        wait_interval: float | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryConfig | None = None,
        transport: httpx2.AsyncBaseTransport | None = None,
        task_interval: float = 1.0,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        proxy: str | httpx2.URL | httpx2.Proxy | None = None,
        verify: VerifySetting = True,
        cert: CertSetting = None,
        trust_env: bool = True,
        key_expiry_margin: float | None = None,
    ) -> None:
        interval = wait_interval_setting(wait_interval)
        margin = key_expiry_margin_setting(key_expiry_margin)
        base = endpoint(
            api_base_url,
            what="base URL",
            argument_name="api_base_url",
            variable=BASE_URL_VARIABLE,
            default=DEFAULT_BASE_URL,
        )
        token = endpoint(
            token_url,
            what="token URL",
            argument_name="token_url",
            variable=TOKEN_URL_VARIABLE,
            default=DEFAULT_TOKEN_URL,
        )
        self._auth = make_auth(client_id, secret, key, access_token, token)
        self.api_client = AsyncApiClient(
            base.url,
            base_url_origin=base.origin,
            auth=self._auth,
            timeout=timeout,
            retry=retry,
            transport=transport,
            user_agent=f"sfapi_client/{__version__}",
            max_answer_bytes=max_answer_bytes,
            proxy=proxy,
            verify=verify,
            cert=cert,
            trust_env=trust_env,
            credentials_advice=CREDENTIALS_ADVICE,
        )
        """The low-level client under this one: every operation of the API as a method."""
        self._key_life: AsyncKeyLife | None = None
        if isinstance(self._auth, ClientCredentialsAuth):
            self._key_life = AsyncKeyLife(self.api_client, self._auth, margin)
            self.api_client.observe_tokens(self._key_life)
        #: What every machine, job, task and path of this client works with.
        self.context = AsyncContext(
            self.api_client,
            wait_interval=interval,
            task_interval=task_interval,
        )
        self.token_url = token.url
        """The OAuth2 token endpoint the credentials are exchanged at."""
        self._computes: dict[Machine, AsyncCompute] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_base_url={self.api_client.base_url!r})"

    @property
    def wait_interval(self) -> float:
        """Seconds between polls while waiting for jobs."""
        return self.context.wait_interval

    @property
    def task_interval(self) -> float:
        """Seconds between polls while waiting for tasks."""
        return self.context.task_interval

    @property
    async def token(self) -> str | None:
        """The access token in use (None without credentials); fetched if none is yet.

        Helpful for trying requests by hand; never log it.
        """
        if isinstance(self._auth, BearerTokenAuth):
            return self._auth.current_token
        if isinstance(self._auth, ClientCredentialsAuth):
            if self._auth.current_token is None:
                await self.context.username()  # any authenticated request fetches one
            return self._auth.current_token
        return None

    async def key_expires_at(self) -> datetime | None:
        """When the key in use expires (a UTC datetime), or None when that is not known.

        Read from the key itself when it says (a JWK's ``exp``), else from
        ``/account/clients``, once per client id (this call reads it when no token was
        fetched yet). None for a client made with ``access_token`` or without
        credentials, and for a client id the list does not hold. A key file replaced
        since the last token counts once the next token is fetched.
        """
        if self._key_life is None:
            return None
        return await self._key_life.expires_at()

    async def compute(self, machine: Machine | str) -> AsyncCompute:
        """The machine ``machine`` with its current status.

        The same client returns one shared object per machine, so waits on its jobs
        share one monitor.

        Arguments:
            machine: a ``Machine`` or its name (``"perlmutter"``);
                an unknown name raises ValueError before any request.
        """
        from .compute import AsyncCompute

        resolved = machine_from(machine)
        status = await self.api_client.status.read_status_for_system(resolved.value)
        compute = self._computes.get(resolved)
        if compute is None:
            compute = self._computes[resolved] = AsyncCompute(self.context, resolved, status)
        else:
            compute.absorb_status(status)
        return compute

    async def user(self, username: str | None = None) -> AsyncUser:
        """A user and their account details.

        Arguments:
            username: whose account; the owner of the credentials by default.
        """
        from .account import AsyncUser

        info = await self.api_client.account.read_user(username=username)
        return AsyncUser.from_model(self.context, info)

    async def group(self, name: str) -> AsyncGroup:
        """A Unix group the user can manage.

        Arguments:
            name: the group's name.
        """
        from .account import AsyncGroup

        return AsyncGroup.from_model(self.context, await self.api_client.account.read_group(name))

    async def projects(self) -> list[AsyncProject]:
        """The projects of the credentials' owner."""
        from .account import AsyncProject

        projects = await self.api_client.account.read_projects()
        return [AsyncProject.from_model(self.context, p) for p in projects]

    @property
    def resources(self) -> AsyncResources:
        """Status of systems and services: status, outages, planned outages, notes."""
        return AsyncResources(self.context)

    @property
    def api(self) -> AsyncApi:
        """Facts about the API itself: changelog and configuration."""
        return AsyncApi(self.context)

    @property
    def storage(self) -> AsyncStorage:
        """Data movement between machines (Globus)."""
        from .storage import AsyncStorage

        return AsyncStorage(self.context)

    async def aclose(self) -> None:
        """Close the client's connections."""
        await self.api_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
