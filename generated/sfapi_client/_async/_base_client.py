# Copied from templates/static/runtime/_async/_base_client.py by `python -m generator codegen`. Do not edit here.
"""The request pipeline of the low-level client: one place for auth, retries, deadlines,
answer sizes and errors.

Generated endpoint methods build the URL and the parameters, then call
``send``; everything else about talking HTTP happens here.

Every call has one deadline (the client's ``timeout``, or less inside a
``time_limit``): its token request, every attempt, every wait between
attempts and every network read end by then, or the call raises CallTimeoutError.
Every answer body is read within ``max_answer_bytes`` (decompressed bytes counted), or
the call raises ``ResponseTooLargeError``.

A connection failure is ridden out (retried for the retry budget, with a warning
logged at the first retry) once the client has reached that server before: an outage
in the middle of a workflow passes. A server this client has never reached is most
likely a wrong URL or a server not started: that is reported after
``RetryConfig.first_contact_budget`` seconds (one or two quick retries) with a
``ServerUnreachableError`` naming the URL and the setting it came from.

No error raised here chains an error of the HTTP library: those hold the request, and
the request holds the credentials (an Authorization header, a signed assertion).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Self

import httpx2

from .. import _deadline
from .._auth import ClientCredentialsAuth, TokenRefusal
from .._concurrency import AsyncLock, AsyncSignal, async_loop_key, async_sleep
from .._constants import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_ANSWER_BYTES,
    DEFAULT_READ_TIMEOUT,
    DEFAULT_TIMEOUT,
    FIRST_CONTACT_CONNECT_TIMEOUT,
)
from .._endpoints import Endpoint, checked_url
from .._exceptions import (
    CallTimeoutError,
    MissingCredentialsError,
    ResponseDecodeError,
    ResponseTooLargeError,
    ServerUnreachableError,
    TransportError,
    error_from_response,
)
from .._network import AsyncBodyStreamBase, buffered, environment_proxies
from .._operation import OperationInfo
from .._package import LOGGER_NAME, PackageError
from .._polling import Deadline
from .._retry import (
    RetryConfig,
    error_is_retryable,
    is_connection_failure,
    parse_retry_after,
    retry_delay,
    status_is_retryable,
)
from .._tls import CertSetting, VerifySetting
from ._token_observer import AsyncTokenObserver
from ._transport import AsyncDeadlineTransport, AsyncSizeLimitedStream

logger = logging.getLogger(LOGGER_NAME)

#: Each network operation's own limit, before it is cut to the call's deadline.
PHASE_TIMEOUTS = httpx2.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
_PHASES = tuple(PHASE_TIMEOUTS.as_dict().items())
#: The same for a server this client has not reached yet: a connect that hangs (a host
#: that drops packets) is given up sooner, so that a wrong URL is reported in seconds.
_FIRST_CONTACT_PHASES = tuple(
    httpx2.Timeout(DEFAULT_READ_TIMEOUT, connect=FIRST_CONTACT_CONNECT_TIMEOUT).as_dict().items()
)


#: What a "needs credentials" error advises by default.
DEFAULT_CREDENTIALS_ADVICE = (
    "create the client with auth= (a ClientCredentialsAuth, a BearerTokenAuth or another "
    "httpx2.Auth), or with an Authorization header in headers="
)


#: An origin as the client tracks which servers it has reached: scheme, host, port.
Origin = tuple[str, str, int | None]


def origin_of(url: httpx2.URL) -> Origin:
    """The server a URL points at."""
    return (url.scheme, url.host, url.port)


def checked_size(value: object) -> int:
    """A byte count; ValueError unless it is a positive integer."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"max_answer_bytes must be a positive number of bytes, not {value!r}")
    return value


def token_operation(token_url: str) -> OperationInfo:
    """The token request as the pipeline sees it: safe to send again (each attempt signs
    a new assertion, and a token nobody uses does no harm)."""
    return OperationInfo("token", "POST", token_url, secured=False, idempotent=True, public=True)


def _reason(exc: httpx2.TransportError) -> str:
    """What the network layer said, in one line (its errors may carry several)."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _spent(started: float, slept: float, deadline: Deadline) -> tuple[float, float]:
    """Seconds spent on a request's attempts so far, and seconds left of its deadline.

    Backoff asked for counts as spent even when the sleep returned early, so retries
    end by the budget and the deadline whatever the clock says.
    """
    elapsed = max(time.monotonic() - started, slept)
    return elapsed, min(deadline.remaining(), deadline.timeout - slept)


class AsyncTokenFlight:
    """A token request on its way, which concurrent calls wait for (each up to its own
    deadline) instead of sending their own."""

    def __init__(self) -> None:
        self.done = AsyncSignal()
        self.error: BaseException | None = None


class AsyncBaseClient:
    """Owns the HTTP client, the base URL, default headers, auth and the retry policy.

    The constructor's arguments are documented on ``__init__``, which the generated
    clients inherit (and with it, their documentation).
    """

    #: Where requests go when no ``base_url`` is given.
    default_base_url: str = ""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        auth: ClientCredentialsAuth | httpx2.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryConfig | None = None,
        transport: httpx2.AsyncBaseTransport | None = None,
        user_agent: str | None = None,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
        base_url_origin: str | None = None,
        proxy: str | httpx2.URL | httpx2.Proxy | None = None,
        verify: VerifySetting = True,
        cert: CertSetting = None,
        trust_env: bool = True,
        credentials_advice: str | None = None,
    ) -> None:
        """The connection's settings, and the bounds of every call.

        Arguments:
            base_url: where the API lives, e.g. ``https://api.example.org/v1``;
                ``default_base_url`` of the class when not given. It must be an absolute
                http(s) URL (``InvalidUrlError``, a ValueError, otherwise).
            base_url_origin: the setting ``base_url`` came from, as connection errors name
                it (default: "the base_url argument", or "the default base URL").
            auth: a ``ClientCredentialsAuth`` (tokens fetched by this pipeline) or an
                ``httpx2.Auth``, applied to every operation but those the API document
                declares public (``security: []``, or no requirement where the document
                states one for others).
            headers: extra headers sent with every request.
            timeout: seconds one call may take in all (default 180): connect, token request,
                every retry and every read included. Must be positive.
            retry: the retry policy (``RetryConfig``); ``RetryConfig(max_attempts=1)``
                disables retries.
            transport: an ``httpx2`` transport (for tests or mounts). The default
                transport cuts every socket operation to the call's deadline; another one
                gets the deadline only between its operations. ``proxy``, ``verify``,
                ``cert`` and ``trust_env`` configure the default transport only.
            proxy: an HTTP(S) proxy for every request (a URL or an ``httpx2.Proxy``).
                Without it, the ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and
                ``NO_PROXY`` environment variables are followed when ``trust_env``.
            verify: certificate verification: True (the system's CA bundle), a CA bundle
                path, an ``ssl.SSLContext``, or False (not verified: testing only).
            cert: a client certificate: a PEM file, or (certificate, key) paths.
            trust_env: follow the proxy environment variables (and ``SSL_CERT_FILE``/
                ``SSL_CERT_DIR`` for verification); default True.
            user_agent: the ``User-Agent`` header.
            max_answer_bytes: the largest answer body read, counted after decompression
                (default 256 MiB); a larger one raises ``ResponseTooLargeError``.
            credentials_advice: what ``MissingCredentialsError`` tells a user to do, for a
                client made without ``auth`` (default: ``DEFAULT_CREDENTIALS_ADVICE``).
        """
        if base_url is None:
            base_url = self.default_base_url
            origin = base_url_origin or "the default base URL"
        else:
            origin = base_url_origin or "the base_url argument"
        #: The API's base URL (no trailing slash) and the setting it came from.
        self.endpoint = Endpoint(checked_url(base_url, "base URL", origin).rstrip("/"), origin)
        self.base_url = self.endpoint.url
        #: Seconds one call may take in all.
        self.timeout = _deadline.checked_seconds(timeout)
        #: The largest answer body read, in bytes after decompression.
        self.max_answer_bytes = checked_size(max_answer_bytes)
        if auth is not None and not isinstance(auth, ClientCredentialsAuth | httpx2.Auth):
            raise TypeError("auth must be a ClientCredentialsAuth or an httpx2.Auth")
        self._auth = auth
        #: What a "needs credentials" error advises.
        self.credentials_advice = credentials_advice or DEFAULT_CREDENTIALS_ADVICE
        self._retry = retry or RetryConfig()
        # The servers that have answered this client at least once.
        self._reached: set[Origin] = set()
        self._flight: AsyncTokenFlight | None = None
        self._token_observer: AsyncTokenObserver | None = None
        self._flight_lock = AsyncLock()
        # The event loop the token lock belongs to: a client used under a new loop (a
        # second ``asyncio.run``) gets a new one.
        self._flight_loop = async_loop_key()
        default_headers = {"Accept": "application/json"}
        if user_agent:
            default_headers["User-Agent"] = user_agent
        default_headers.update(headers or {})
        mounts: dict[str, httpx2.AsyncBaseTransport | None] = {}
        if transport is None:
            transport = AsyncDeadlineTransport(
                proxy=proxy, verify=verify, cert=cert, trust_env=trust_env
            )
            if proxy is None and trust_env:
                mounts = self._environment_mounts(verify, cert)
        self._http = httpx2.AsyncClient(
            base_url=self.base_url + "/",
            headers=default_headers,
            timeout=PHASE_TIMEOUTS,
            transport=transport,
            mounts=mounts,
            trust_env=False,
        )

    @staticmethod
    def _environment_mounts(
        verify: VerifySetting, cert: CertSetting
    ) -> dict[str, httpx2.AsyncBaseTransport | None]:
        """A transport per URL pattern the proxy environment variables name (None where
        ``NO_PROXY`` exempts it); ValueError naming the variables for a proxy the
        transport cannot speak, rather than ignoring it."""
        mounts: dict[str, httpx2.AsyncBaseTransport | None] = {}
        for pattern, proxy_url in environment_proxies().items():
            if proxy_url is None:
                mounts[pattern] = None
                continue
            try:
                mounts[pattern] = AsyncDeadlineTransport(proxy=proxy_url, verify=verify, cert=cert)
            except ValueError as exc:
                raise ValueError(
                    f"the proxy environment variables (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY) "
                    f"ask for {proxy_url!r} for {pattern}: {exc}; pass proxy= or "
                    "trust_env=False to connect otherwise"
                ) from None
        return mounts

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    @property
    def retry(self) -> RetryConfig:
        """The retry policy; a layer built on this client may follow it for its own
        retries."""
        return self._retry

    def observe_tokens(self, observer: AsyncTokenObserver | None) -> None:
        """Have ``observer`` follow this client's token requests (None: no observer).

        An API's own layer uses it to check a key before a token request, to explain a
        refusal of the token endpoint, and to learn about the key after a new token.
        """
        self._token_observer = observer

    @property
    def has_credentials(self) -> bool:
        """True when secured operations can be called (an auth flow or a token header)."""
        return self._auth is not None or "authorization" in self._http.headers

    async def send(
        self,
        operation: OperationInfo,
        url: str,
        *,
        params: list[tuple[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, Any] | None = None,
        files: list[tuple[str, Any]] | None = None,
        json: Any = None,
        content: bytes | str | None = None,
    ) -> httpx2.Response:
        """Send one operation's request, retrying where that is safe; return a 2xx answer.

        Raises MissingCredentialsError before sending when the operation needs
        credentials the client lacks, ValueError before sending when a value cannot be
        encoded (a lone surrogate), CallTimeoutError when the deadline passed,
        ``TransportError`` when no answer came, ``ResponseTooLargeError`` for an answer above
        ``max_answer_bytes``, and the error mapped from the status otherwise.
        """
        if operation.secured and not self.has_credentials:
            raise MissingCredentialsError(
                f"{operation.name} needs credentials: {self.credentials_advice}",
                method=operation.method,
                operation=operation.name,
            )
        try:
            request = self._http.build_request(
                operation.method,
                url.lstrip("/"),
                params=tuple(params) if params else None,
                headers=headers,
                data=data,
                files=files,
                json=json,
                content=content,
            )
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"{operation.name}: a value cannot be sent: it is not valid Unicode text "
                f"({exc.reason} at position {exc.start})"
            ) from None
        deadline = _deadline.nested(self.timeout)
        with _deadline.bounded(deadline):
            answer = await self._retrying(operation, lambda: request, deadline, self.endpoint)
        if not 200 <= answer.status_code < 300:
            raise error_from_response(answer, operation.name)
        return answer

    async def _retrying(
        self,
        operation: OperationInfo,
        build: Callable[[], httpx2.Request],
        deadline: Deadline,
        endpoint: Endpoint,
    ) -> httpx2.Response:
        """Send ``build()`` until an answer needs no retry (or none is allowed); return it,
        whatever its status.

        ``endpoint`` is the configured URL the request goes to, named when its server
        cannot be reached. Raises CallTimeoutError once the deadline passed,
        ``ServerUnreachableError`` when no connection could be made and ``TransportError`` when
        no answer came otherwise; ``ResponseTooLargeError`` and ``ResponseDecodeError`` for a
        body it cannot read; a token request's own errors.
        """
        started = time.monotonic()
        # Seconds of backoff asked for so far: time spent, even where sleeping is faked.
        slept = 0.0
        attempt = 1
        while True:
            request = build()
            sent_at = time.monotonic()
            failure: PackageError | None = None
            try:
                response = await self._attempt(operation, request, deadline)
            except httpx2.TransportError as exc:
                # The error is summarised, never chained: it holds the request, and the
                # request its credentials. It is raised after this block, so that it
                # carries no context either.
                failure, delay = self._after_failure(
                    exc, operation, request, deadline, endpoint, attempt, started, slept
                )
                self._log(request, sent_at, type(exc).__name__, delay)
            else:
                self._reached.add(origin_of(request.url))
                status = response.status_code
                delay = None
                if status_is_retryable(status, operation.idempotent):
                    delay = retry_delay(
                        attempt,
                        self._retry,
                        parse_retry_after(response.headers.get("retry-after")),
                        *_spent(started, slept, deadline),
                    )
                self._log(request, sent_at, str(status), delay)
                if delay is None:
                    return response
            if failure is not None:
                raise failure
            assert delay is not None
            await async_sleep(delay)
            slept += delay
            attempt += 1

    def _after_failure(
        self,
        exc: httpx2.TransportError,
        operation: OperationInfo,
        request: httpx2.Request,
        deadline: Deadline,
        endpoint: Endpoint,
        attempt: int,
        started: float,
        slept: float,
    ) -> tuple[PackageError | None, float | None]:
        """After an attempt that got no answer: the error to raise (None to retry) and the
        wait before the next attempt."""
        if deadline.expired:
            return self._timed_out(operation, request, deadline), None
        connecting = is_connection_failure(exc)
        first_contact = connecting and origin_of(request.url) not in self._reached
        delay = None
        if error_is_retryable(exc, operation.idempotent):
            policy = self._retry.for_first_contact() if first_contact else self._retry
            elapsed, time_left = _spent(started, slept, deadline)
            delay = retry_delay(attempt, policy, None, elapsed, time_left)
            if delay is not None and connecting and attempt == 1:
                left = min(policy.budget - elapsed, time_left)
                logger.warning(
                    "cannot connect to %s (%s): retrying for up to %.0f s%s",
                    endpoint.url,
                    _reason(exc),
                    max(left, delay),
                    " (this client has not reached it yet)" if first_contact else "",
                )
        if delay is not None:
            return None, delay
        if connecting:
            return self._unreachable(operation, request, endpoint, exc, attempt, started), None
        return (
            TransportError(
                f"{operation.name} failed: {type(exc).__name__}: {_reason(exc)}",
                method=request.method,
                url=str(request.url),
                operation=operation.name,
            ),
            None,
        )

    def _unreachable(
        self,
        operation: OperationInfo,
        request: httpx2.Request,
        endpoint: Endpoint,
        exc: httpx2.TransportError,
        attempts: int,
        started: float,
    ) -> ServerUnreachableError:
        tried = "1 attempt" if attempts == 1 else f"{attempts} attempts"
        reason = _reason(exc)
        if "certificate" in reason.lower():
            advice = (
                "Check that the URL is right and that its server's certificate is trusted "
                "here (verify= takes a CA bundle)"
            )
        else:
            advice = (
                "Check that the URL is right and that the server is running and reachable "
                "from here (proxy, VPN, firewall)"
            )
        return ServerUnreachableError(
            f"cannot connect to {endpoint.url} (set by {endpoint.origin}): {reason}; "
            f"{tried} in {time.monotonic() - started:.1f} s. {advice}",
            method=request.method,
            url=str(request.url),
            operation=operation.name,
        )

    async def _attempt(
        self, operation: OperationInfo, request: httpx2.Request, deadline: Deadline
    ) -> httpx2.Response:
        """One attempt: the request with its credentials, once more after a 401 when a
        fresh token may help."""
        source = None if operation.public else self._auth
        if not isinstance(source, ClientCredentialsAuth):
            return await self._exchange(request, source, deadline)
        token = await self._token(source, deadline)
        request.headers["Authorization"] = f"Bearer {token}"
        response = await self._exchange(request, None, deadline)
        if response.status_code != 401:
            return response
        source.forget(token)
        token = await self._token(source, deadline)
        request.headers["Authorization"] = f"Bearer {token}"
        return await self._exchange(request, None, deadline)

    async def _exchange(
        self, request: httpx2.Request, auth: httpx2.Auth | None, deadline: Deadline
    ) -> httpx2.Response:
        """Send ``request`` and read its answer whole, within the deadline and the size."""
        left = deadline.remaining()
        phases = _PHASES if origin_of(request.url) in self._reached else _FIRST_CONTACT_PHASES
        request.extensions["timeout"] = {
            name: left if value is None or value > left else value for name, value in phases
        }
        response = await self._http.send(request, auth=auth, stream=True)
        try:
            return await self._read_body(response)
        finally:
            await response.aclose()

    async def _read_body(self, response: httpx2.Response) -> httpx2.Response:
        """The answer with its body read; ``ResponseTooLargeError`` as soon as the body (counted
        after decompression) passes ``max_answer_bytes``."""
        limit = self.max_answer_bytes
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding in ("", "identity"):
            if declared.isdigit() and int(declared) > limit:
                raise self._too_large(response, f"it announces {int(declared)} bytes")
            assert isinstance(response.stream, AsyncBodyStreamBase)
            # The stream's callback must not hold the response: that cycle would keep
            # every answer alive until the garbage collector's next full pass.
            status, request = response.status_code, response.request
            response.stream = AsyncSizeLimitedStream(
                response.stream,
                limit,
                lambda: self._too_large_answer(status, request, f"more than {limit} bytes arrived"),
            )
            if len(await response.aread()) > limit:  # a body the transport had read already
                raise self._too_large(response, f"it holds {len(response.content)} bytes")
            return response
        # Compressed: count the bytes as they are inflated, so that a small answer that
        # inflates to gigabytes stops at the limit.
        chunks: list[bytes] = []
        size = 0
        undecodable = None
        try:
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise self._too_large(response, f"more than {limit} bytes arrived")
                chunks.append(chunk)
        except httpx2.DecodingError as exc:
            undecodable = str(exc)
        if undecodable is not None:
            # Raised here, not in the except block: the decoding error holds the request.
            raise ResponseDecodeError(
                f"the answer's body cannot be decoded: {undecodable}",
                status=response.status_code,
                method=response.request.method,
                url=str(response.request.url),
            )
        return buffered(response, b"".join(chunks))

    def _too_large(self, response: httpx2.Response, why: str) -> ResponseTooLargeError:
        return self._too_large_answer(response.status_code, response.request, why)

    def _too_large_answer(
        self, status: int, request: httpx2.Request, why: str
    ) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"the answer is larger than max_answer_bytes ({self.max_answer_bytes}): {why}; "
            "reading stopped",
            status=status,
            method=request.method,
            url=str(request.url),
        )

    async def _token(self, source: ClientCredentialsAuth, deadline: Deadline) -> str:
        """A fresh token: the cached one, or one token request shared by concurrent calls.

        No lock is held while the token request is on the network: one call sends it,
        the others wait for its outcome, each no longer than its own deadline.
        """
        loop = async_loop_key()
        if loop is not self._flight_loop:
            self._flight_loop, self._flight_lock, self._flight = loop, AsyncLock(), None
        while True:
            token = source.current_token
            if token is not None:
                return token
            async with self._flight_lock:
                flight = self._flight
                leading = flight is None
                if flight is None:
                    flight = self._flight = AsyncTokenFlight()
            if leading:
                try:
                    token = await self._fetch_token(source, deadline)
                except BaseException as exc:
                    flight.error = exc
                    raise
                finally:
                    self._flight = None
                    flight.done.set()
                if self._token_observer is not None:
                    await self._token_observer.after_token(source)
                return token
            if not await flight.done.wait(deadline.remaining()):
                raise CallTimeoutError(
                    f"no token within the call's {deadline.timeout:.3g} s deadline",
                    method="POST",
                    url=source.token_url,
                    operation="token",
                )
            if isinstance(flight.error, PackageError) and not isinstance(
                flight.error, CallTimeoutError
            ):
                raise flight.error

    async def _fetch_token(self, source: ClientCredentialsAuth, deadline: Deadline) -> str:
        """A token request through this client's transport, deadline and retry policy.

        The credentials are refreshed first (a replaced key file is read again), and the
        token observer, when there is one, may refuse the request before it is sent and
        explain a refusal of the token endpoint.
        """
        source.refresh_credentials()
        observer = self._token_observer
        if observer is not None:
            observer.before_token(source)

        def build() -> httpx2.Request:
            return self._http.build_request(
                "POST",
                source.token_url,
                data=source.token_form(),
                headers={"Accept": "application/json"},
            )

        operation = token_operation(source.token_url)
        answer = await self._retrying(operation, build, deadline, source.endpoint)
        if answer.status_code != 200:
            error = source.token_error(answer)
            if observer is not None:
                error = observer.refused(source, TokenRefusal.of(answer), error)
            raise error
        return source.store(answer)

    def _timed_out(
        self, operation: OperationInfo, request: httpx2.Request, deadline: Deadline
    ) -> CallTimeoutError:
        return CallTimeoutError(
            f"{operation.name} did not finish within its {deadline.timeout:.3g} s deadline",
            method=request.method,
            url=str(request.url),
            operation=operation.name,
        )

    def _log(
        self, request: httpx2.Request, sent_at: float, outcome: str, delay: float | None
    ) -> None:
        if not logger.isEnabledFor(logging.DEBUG):
            return
        logger.debug(
            "%s %s → %s in %.3fs%s",
            request.method,
            request.url,
            outcome,
            time.monotonic() - sent_at,
            f"; retrying in {delay:.2f}s" if delay is not None else "",
        )

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
