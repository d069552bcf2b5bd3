# Generated from tests/runtime/_async/test_transport_http.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Retries over real HTTP on 127.0.0.1: Retry-After honoured on a GET, a POST answered
503 never sent twice, a POST whose connection was refused sent once it can be."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import ExitStack

import pytest

from sfapi_client import ApiClient, RetryConfig, ServerError
from sfapi_sim.testing import free_port
from tests.runtime.answering_server import Answer, AnsweringServer, serving

STATUS = {"name": "perlmutter", "status": "active"}
TASK = {"task_id": "7", "status": "OK", "error": None}
#: Short backoff, so that a Retry-After is what decides each wait.
QUICK = RetryConfig(backoff_base=0.01, backoff_cap=0.05)
TOKEN = {"Authorization": "Bearer t"}


class StartServerOnRefusal(logging.Handler):
    """Starts an answering server on ``port`` when the client logs a refused connection.

    The server listens before the log call returns, that is before the client's backoff
    sleep, so the retry finds it there.
    """

    def __init__(self, port: int, script: list[Answer], stack: ExitStack) -> None:
        super().__init__(logging.DEBUG)
        self.port = port
        self.script = script
        self.stack = stack
        self.refusals = 0
        self.server: AnsweringServer | None = None

    def emit(self, record: logging.LogRecord) -> None:
        # The request log (DEBUG) has one line per attempt; the warning at the first
        # retry is not an attempt.
        if record.levelno != logging.DEBUG or "ConnectError" not in record.getMessage():
            return
        self.refusals += 1
        if self.refusals == 1:
            self.server, _ = self.stack.enter_context(serving(self.script, self.port))


@pytest.fixture
def package_log() -> Iterator[logging.Logger]:
    logger = logging.getLogger("sfapi_client")
    level = logger.level
    logger.setLevel(logging.DEBUG)
    yield logger
    logger.setLevel(level)


def test_get_answered_503_twice_waits_each_retry_after_then_succeeds() -> None:
    script = [
        Answer(503, {"detail": "busy"}, {"Retry-After": "0.4"}),
        Answer(503, {"detail": "busy"}, {"Retry-After": "0.3"}),
        Answer(200, STATUS),
    ]
    with serving(script) as (server, base_url):
        with ApiClient(base_url, retry=QUICK) as client:
            status = client.status.read_status_for_system("perlmutter")
    assert status.name == "perlmutter"
    first, second, third = server.arrivals
    assert first.path == third.path == "/api/v1.2/status/perlmutter"
    assert second.at - first.at >= 0.4
    assert third.at - second.at >= 0.3


def test_post_answered_503_raises_and_is_not_sent_again() -> None:
    script = [Answer(503, {"detail": "gateway restarting"}), Answer(200, TASK)]
    with serving(script) as (server, base_url):
        with ApiClient(base_url, retry=QUICK, headers=TOKEN) as client:
            with pytest.raises(ServerError) as caught:
                client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
    assert [a.method for a in server.arrivals] == ["POST"]
    assert caught.value.status == 503 and "gateway restarting" in str(caught.value)


def test_post_whose_connection_was_refused_is_sent_when_the_server_is_up(
    package_log: logging.Logger,
) -> None:
    port = free_port()  # nothing listens there until the client has been refused once
    with ExitStack() as stack:
        starter = StartServerOnRefusal(port, [Answer(200, TASK)], stack)
        package_log.addHandler(starter)
        try:
            base_url = f"http://127.0.0.1:{port}/api/v1.2"
            with ApiClient(base_url, retry=QUICK, headers=TOKEN) as client:
                answer = client.compute.submit_job("perlmutter", is_path=True, job="/x/job.sh")
        finally:
            package_log.removeHandler(starter)
        assert answer.task_id == "7"
        assert starter.refusals == 1 and starter.server is not None
        assert [(a.method, a.path) for a in starter.server.arrivals] == [
            ("POST", "/api/v1.2/compute/jobs/perlmutter")
        ]
