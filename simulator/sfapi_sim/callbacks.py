"""Job callbacks: the URL a submission names is called once when its job ends.

A submission may carry ``callbackUrl``, ``callbackEmail`` and ``callbackTimeout``. The
simulator keeps them with the job; a watcher thread moves every machine's scheduler on
(as a real scheduler runs whether or not anyone lists its jobs) and, when a job with a
callback reaches a terminal state, hands one delivery to a small pool of sender threads:
an HTTP POST of a JSON payload (``payload``) to the URL, retried a bounded number of
times with a doubling pause when the receiver cannot be reached, times out, or answers
408, 429 or 5xx. Nothing here waits on the network inside the watcher or a request.

The simulator only calls receivers on this machine: a URL whose host is not a loopback
address (``127.0.0.0/8``, ``::1``) or ``localhost`` is refused at submission. E-mail is
never sent: the message that would go out is recorded (``emails``), as every delivery is
(``deliveries``), and logged on the ``sfapi_sim.callbacks`` logger.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import logging
import socket
import threading
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from .clock import Clock
from .config import CallbackSettings
from .state.jobs import Job, Scheduler

__all__ = ["CallbackDispatcher", "CallbackRefused", "Registration", "checked_callback_url"]

logger = logging.getLogger("sfapi_sim.callbacks")

#: States after which a job changes no more.
TERMINAL = frozenset({"COMPLETED", "FAILED", "TIMEOUT", "CANCELLED", "NODE_FAIL", "OUT_OF_MEMORY"})
#: Real seconds between two looks at the jobs waiting for their end.
WATCH_INTERVAL = 0.1
#: Deliveries and e-mails remembered for the admin route and tests (the oldest go first).
MAX_RECORDS = 1000
#: Sender threads: deliveries beyond these wait their turn in the pool's queue.
SENDERS = 4
#: Answers after which a delivery is tried again (with 5xx); others end it.
RETRIED_STATUSES = frozenset({408, 429})
#: The content type of a delivery, and the header telling which attempt it is.
CONTENT_TYPE = "application/json"
ATTEMPT_HEADER = "X-Sfapi-Sim-Attempt"


class CallbackRefused(ValueError):
    """A callback the simulator will not make (the message says why)."""


def checked_callback_url(url: str) -> str:
    """``url`` when the simulator may call it: http(s), no credentials, a loopback host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        raise CallbackRefused(f"callbackUrl is not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise CallbackRefused("callbackUrl must be an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise CallbackRefused("callbackUrl must not carry a user or password")
    host = parts.hostname or ""
    if not _loopback(host):
        raise CallbackRefused(
            f"callbackUrl's host {host or '(none)'} is not a loopback address: the simulator "
            "only calls receivers on this machine (127.0.0.1, ::1 or localhost)"
        )
    return url


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class Registration:
    """The callbacks of one job, kept until the job ends."""

    machine: str
    jobid: str
    user: str
    url: str | None
    email: str | None
    timeout: int | None


@dataclass
class Delivery:
    """What became of one callback: its payload, each attempt's outcome, the result."""

    machine: str
    jobid: str
    url: str
    payload: dict[str, Any]
    attempts: list[str] = field(default_factory=list)
    result: str = "pending"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def payload(job: Job, state: str, started: float | None, ended: float | None) -> dict[str, Any]:
    """The JSON body POSTed to a job's callback URL when it ends (see BEHAVIOUR.md)."""
    exitcode = job.sacct_row(ended if ended is not None else job.submitted)["exitcode"]
    return {
        "event": "job_ended",
        "jobid": job.jobid,
        "machine": job.machine,
        "user": job.account.name,
        "name": job.name,
        "state": state,
        "exit_code": int(exitcode.split(":", 1)[0]) if state in ("COMPLETED", "FAILED") else None,
        "submitted_at": _iso(job.submitted),
        "started_at": _iso(started),
        "ended_at": _iso(ended),
    }


def _iso(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class CallbackDispatcher:
    """Watches the jobs that have callbacks and makes each callback once, when its job ends.

    Arguments:
        clock: the simulator's clock (tests move it on; the watcher follows).
        schedulers: the schedulers by machine.
        settings: how deliveries are bounded (read at each delivery, so that a test can
            change them).
    """

    def __init__(
        self,
        clock: Clock,
        schedulers: Mapping[str, Scheduler],
        settings: Callable[[], CallbackSettings],
    ) -> None:
        self._clock = clock
        self._schedulers = schedulers
        self._settings = settings
        self._lock = threading.Lock()
        self._pending: dict[tuple[str, str], Registration] = {}
        self._deliveries: deque[Delivery] = deque(maxlen=MAX_RECORDS)
        self._emails: deque[dict[str, Any]] = deque(maxlen=MAX_RECORDS)
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._senders: ThreadPoolExecutor | None = None
        self._in_flight = 0

    def register(self, registration: Registration) -> None:
        """Make ``registration``'s callbacks when its job ends (the watcher starts with
        the first one)."""
        with self._lock:
            if self._stop.is_set():
                return
            self._pending[(registration.machine, registration.jobid)] = registration
            if self._watcher is None:
                self._senders = ThreadPoolExecutor(SENDERS, thread_name_prefix="sfapi-sim-callback")
                self._watcher = threading.Thread(
                    target=self._watch, name="sfapi-sim-callbacks", daemon=True
                )
                self._watcher.start()

    @property
    def waiting(self) -> int:
        """Jobs whose end is still awaited."""
        with self._lock:
            return len(self._pending)

    @property
    def in_flight(self) -> int:
        """Deliveries handed to the senders and not finished yet."""
        with self._lock:
            return self._in_flight

    def deliveries(self) -> list[dict[str, Any]]:
        """Every delivery remembered, oldest first."""
        with self._lock:
            return [d.as_json() for d in self._deliveries]

    def emails(self) -> list[dict[str, Any]]:
        """The e-mails that would have been sent, oldest first."""
        with self._lock:
            return list(self._emails)

    def close(self) -> None:
        """Stop watching; deliveries under way end their current attempt and stop."""
        self._stop.set()
        watcher, senders = self._watcher, self._senders
        if watcher is not None:
            watcher.join(timeout=5)
        if senders is not None:
            senders.shutdown(wait=False, cancel_futures=True)

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_INTERVAL):
            try:
                self._check()
            except Exception:  # a job the watcher cannot read must not stop the others
                logger.exception("callback watcher: a round failed")

    def _check(self) -> None:
        """Hand on the callbacks of every job that has ended since the last look."""
        now = self._clock.now()
        with self._lock:
            machines = {machine for machine, _ in self._pending}
        for machine in machines:
            self._schedulers[machine].settle(now)
        ended: list[tuple[Registration, Job, str, float | None, float | None]] = []
        with self._lock:
            for key, registration in list(self._pending.items()):
                job = self._schedulers[registration.machine].get(registration.jobid)
                if job is None:
                    del self._pending[key]
                    continue
                state, started, end = job.timeline(now)
                if state in TERMINAL:
                    del self._pending[key]  # once: the job changes no more
                    ended.append((registration, job, state, started, end))
        for registration, job, state, started, end in ended:
            body = payload(job, state, started, end)
            if registration.email is not None:
                self._record_email(registration, body)
            if registration.url is not None:
                self._hand_on(registration, registration.url, body)

    def _record_email(self, registration: Registration, body: dict[str, Any]) -> None:
        message = {
            "to": registration.email,
            "subject": f"Job {body['jobid']} on {body['machine']} ended: {body['state']}",
            "payload": body,
        }
        with self._lock:
            self._emails.append(message)
        logger.info("callback e-mail recorded (not sent): %s", message["subject"])

    def _hand_on(self, registration: Registration, url: str, body: dict[str, Any]) -> None:
        delivery = Delivery(registration.machine, registration.jobid, url, body)
        with self._lock:
            self._deliveries.append(delivery)
            senders = self._senders
            self._in_flight += 1
        try:
            if senders is None:
                raise RuntimeError("no senders")
            senders.submit(self._deliver, delivery, registration.timeout)
        except RuntimeError:  # shut down meanwhile
            self._finish(delivery, "not sent: the simulator stopped")

    def _deliver(self, delivery: Delivery, asked_timeout: int | None) -> None:
        """POST the payload, retried within the settings' bounds."""
        settings = self._settings()
        data = json.dumps(delivery.payload).encode()
        pause = settings.backoff
        for attempt in range(1, settings.attempts + 1):
            if self._stop.is_set():
                self._finish(delivery, "not sent: the simulator stopped")
                return
            outcome, retry = _post(
                delivery.url, data, attempt, settings.attempt_timeout(asked_timeout)
            )
            with self._lock:
                delivery.attempts.append(outcome)
            if not retry:
                self._finish(delivery, "delivered" if outcome.startswith("2") else "failed")
                return
            if attempt < settings.attempts and self._stop.wait(pause):
                self._finish(delivery, "not sent: the simulator stopped")
                return
            pause *= 2
        self._finish(delivery, f"failed after {settings.attempts} attempts")

    def _finish(self, delivery: Delivery, result: str) -> None:
        with self._lock:
            delivery.result = result
            self._in_flight -= 1
        logger.info(
            "callback of job %s on %s: %s (%s)",
            delivery.jobid,
            delivery.machine,
            result,
            ", ".join(delivery.attempts) or "no attempt",
        )


def _post(url: str, data: bytes, attempt: int, timeout: float) -> tuple[str, bool]:
    """One attempt: (its outcome, whether to try again), within ``timeout`` seconds in all.

    A watchdog shuts the socket down when the time is up, so that a receiver that sends
    its answer a byte at a time cannot hold the attempt longer. Redirects are not
    followed and no proxy is used: the request goes to the URL's own loopback host. The
    status line decides; the answer's body is not read.
    """
    parts = urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = kind(parts.hostname or "", parts.port, timeout=timeout)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    expired = threading.Event()

    def abort() -> None:
        expired.set()
        sock = connection.sock
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(timeout, abort)
    watchdog.daemon = True
    watchdog.start()
    try:
        connection.connect()
        if expired.is_set():
            raise TimeoutError("connected too late")
        connection.request(
            "POST",
            target,
            body=data,
            headers={"Content-Type": CONTENT_TYPE, ATTEMPT_HEADER: str(attempt)},
        )
        status = connection.getresponse().status
        watchdog.cancel()
        if expired.is_set():  # the head was cut short: a shut socket reads as its end
            raise TimeoutError("answer incomplete")
    except (OSError, http.client.HTTPException) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            return f"timed out after {timeout:g} s", True
        return f"not reached: {type(exc).__name__}", True
    finally:
        watchdog.cancel()
        connection.close()
    return str(status), status >= 500 or status in RETRIED_STATUSES
