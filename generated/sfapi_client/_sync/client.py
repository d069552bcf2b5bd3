# Copied from templates/static/sfapi/_async/client.py by `python -m generator codegen`. Do not edit here.
"""The client users start from: credentials, machines, accounts, status and storage."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Any, Self

import httpx2

from .._auth import BearerTokenAuth, ClientCredentialsAuth
from .._concurrency import sleep
from .._constants import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_TIMEOUT
from .._credentials import ClientKeyError, Credentials
from .._machines import Machine, machine_from
from .._polling import checked_interval
from .._retry import RetryConfig
from .._spec_info import DEFAULT_BASE_URL, DEFAULT_TOKEN_URL
from .._version import user_agent
from .account import Group, Project, User
from .api_client import ApiClient
from .compute import Compute
from .resources import Api, Resources
from .storage import Storage
from .tasks import TaskHandle

__all__ = ["Client"]

#: How long a job submitted by this client may be missing from (cached) queue answers.
QUEUE_GRACE = 60.0


def make_auth(
    client_id: str | None,
    secret: str | dict[str, Any] | None,
    key: str | Any | None,
    access_token: str | None,
    token_url: str,
) -> ClientCredentialsAuth | httpx2.Auth | None:
    """The auth for the first credential source given, in the documented order.

    ``access_token=None`` means no token (public operations only); an empty or
    malformed token is refused with ValueError here, before any request.
    """
    if client_id is not None or secret is not None:
        if client_id is None or secret is None:
            raise ClientKeyError("client_id and secret go together: give both, or use key=")
        return ClientCredentialsAuth(Credentials.from_secret(client_id, secret), token_url)
    if key is not None:
        return ClientCredentialsAuth(Credentials.from_key_file(key), token_url)
    if access_token is not None:
        return BearerTokenAuth(access_token)
    return None


class Client:
    """A client of the Superfacility API.

    Credentials are taken from the first of: ``client_id`` and ``secret`` (a PEM text,
    a JWK dict or JWK JSON); ``key``, a key file path or a name under
    ``~/.superfacility/``; an ``access_token``. Without any, public operations
    (status, outages, notes, changelog, config) work and others raise
    MissingCredentialsError before sending anything.

    Arguments:
        api_base_url: the API's base URL.
        token_url: the OAuth2 token endpoint.
        wait_interval: seconds between polls while waiting for jobs.
        timeout: seconds one API call may take in all, retries and token requests
            included (default 180); waits (``complete()``, ``submit_job``) have their own.
        retry: the retry policy of idempotent requests (default: retried for up to
            120 s); a submission is never sent twice blindly.
        max_answer_bytes: the largest answer read (default 256 MiB, decompressed).
        transport: an ``httpx2`` transport for the HTTP layer.

    README.md shows the workflow: machines, jobs, files.
    """

    def __init__(
        self,
        client_id: str | None = None,
        secret: str | dict[str, Any] | None = None,
        key: str | Any | None = None,
        api_base_url: str = DEFAULT_BASE_URL,
        token_url: str = DEFAULT_TOKEN_URL,
        access_token: str | None = None,
        wait_interval: float = 10,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryConfig | None = None,
        transport: httpx2.BaseTransport | None = None,
        task_interval: float = 1.0,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        self.wait_interval = checked_interval(wait_interval)
        self.task_interval = checked_interval(task_interval)
        self.api_client = ApiClient(
            api_base_url,
            auth=make_auth(client_id, secret, key, access_token, token_url),
            timeout=timeout,
            retry=retry,
            transport=transport,
            user_agent=user_agent(),
            max_answer_bytes=max_answer_bytes,
        )
        self.token_url = token_url
        self._clock = time.monotonic
        self._sleep = sleep
        self._computes: dict[Machine, Compute] = {}
        self._user_name: str | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(api_base_url={self.api_client.base_url!r})"

    def _task(self, task_id: str) -> TaskHandle:
        return TaskHandle(self, task_id)

    def _within_grace(self, submitted_at: float | None) -> bool:
        """True while a job this client submitted may still be missing from queue answers."""
        return submitted_at is not None and self._clock() - submitted_at < QUEUE_GRACE

    def _username(self) -> str:
        if self._user_name is None:
            self._user_name = (self.api_client.account.read_user()).name
        return self._user_name

    def compute(self, machine: Machine | str) -> Compute:
        """The machine ``machine`` with its current status (ValueError for unknown names).

        The same client returns one shared object per machine, so waits on its jobs
        share one monitor.
        """
        resolved = machine_from(machine)
        status = self.api_client.status.read_status_for_system(resolved.value)
        compute = self._computes.get(resolved)
        if compute is None:
            compute = self._computes[resolved] = Compute(self, resolved, status)
        else:
            compute._status = status
        return compute

    def user(self, username: str | None = None) -> User:
        """A user: the owner of the credentials by default."""
        return User(self, self.api_client.account.read_user(username=username))

    def group(self, name: str) -> Group:
        """A Unix group the user can manage."""
        return Group(self, self.api_client.account.read_group(name))

    def projects(self) -> list[Project]:
        """The projects of the credentials' owner."""
        return [Project(self, p) for p in self.api_client.account.read_projects()]

    @property
    def resources(self) -> Resources:
        """Status of systems and services: status, outages, planned outages, notes."""
        return Resources(self)

    @property
    def api(self) -> Api:
        """Facts about the API itself: changelog and configuration."""
        return Api(self)

    @property
    def storage(self) -> Storage:
        """Data movement between machines (Globus)."""
        return Storage(self)

    def close(self) -> None:
        """Close the client's connections."""
        self.api_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
