# Generated from tests/e2e/_async/test_callbacks.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Job callbacks end to end: the submission carries them, the simulator calls a real
receiver on 127.0.0.1 once when the job ends, with the documented payload, and its
tries are bounded when the receiver fails. Bad callback arguments never leave the client.
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

import httpx2
import pytest

from sfapi_client import Client, JobState
from sfapi_client.exceptions import InvalidArgumentError, RequestValidationError, SfApiError
from sfapi_sim.config import CallbackSettings
from sfapi_sim.testing import RunningSimulator
from tests.e2e.callback_receiver import ARRIVAL_BOUND, receiving

#: A job script Perlmutter accepts; the simulator runs it at once for a fifth of a second.
HEADER = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
QUICK = HEADER + "# sim: runtime=0.2 pending=0\n"
#: The keys of the payload BEHAVIOUR.md documents.
PAYLOAD_KEYS = {
    "event",
    "jobid",
    "machine",
    "user",
    "name",
    "state",
    "exit_code",
    "submitted_at",
    "started_at",
    "ended_at",
}


def settled(sim: RunningSimulator, within: float = ARRIVAL_BOUND) -> None:
    """Wait until no job awaits its callback and no delivery is under way: from then on
    no callback can arrive any more."""
    callbacks = sim.world.callbacks
    deadline = time.monotonic() + within
    while callbacks.waiting or callbacks.in_flight:
        assert time.monotonic() < deadline, "callbacks still under way"
        time.sleep(0.02)


def admin(sim: RunningSimulator) -> dict[str, Any]:
    """The simulator's record of callbacks and e-mails (its admin route)."""
    answer = httpx2.get(sim.base_url.split("/api/")[0] + "/_sim/callbacks")
    answer.raise_for_status()
    return dict(answer.json())


def deliveries_of(sim: RunningSimulator, jobid: str | None) -> list[dict[str, Any]]:
    return [d for d in admin(sim)["deliveries"] if d["jobid"] == jobid]


def _iso(text: object) -> datetime:
    assert isinstance(text, str) and text.endswith("Z")
    return datetime.fromisoformat(text)


def test_a_callback_reaches_the_receiver_once_per_job_end(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    with receiving(200, path="/hook?token=abc") as receiver:
        failing = perlmutter.submit_job(
            QUICK + "exit 3\n",
            name="cb-fail",
            callback_url=receiver.url,
            callback_email="alice@example.org",
            callback_timeout=5,
        )
        cancelled = perlmutter.submit_job(
            HEADER + "# sim: runtime=600 pending=0\n",
            callback_url=receiver.url,
        )
        assert failing.complete(timeout=30) is JobState.FAILED
        cancelled.cancel(wait=True, timeout=30)
        received = receiver.wait_for(2)
        settled(sim)
        by_job = {r.body["jobid"]: r for r in receiver.received}
    # Exactly once per job end, nothing for any other job.
    assert len(receiver.received) == 2
    assert set(by_job) == {failing.jobid, cancelled.jobid}
    first = by_job[failing.jobid]
    assert first.path == "/hook?token=abc"
    assert first.attempt == "1"
    assert first.content_type == "application/json"
    assert set(first.body) == PAYLOAD_KEYS
    assert first.body["event"] == "job_ended"
    assert first.body["machine"] == "perlmutter"
    assert first.body["user"] == "alice"
    assert first.body["name"] == "cb-fail"
    assert first.body["state"] == "FAILED"
    assert first.body["exit_code"] == 3
    submitted, started = _iso(first.body["submitted_at"]), _iso(first.body["started_at"])
    assert submitted <= started <= _iso(first.body["ended_at"])
    other = by_job[cancelled.jobid].body
    assert other["state"] == "CANCELLED" and other["exit_code"] is None
    assert _iso(other["ended_at"]) >= _iso(other["submitted_at"])
    assert received[0].body["jobid"] in by_job
    # The simulator's record: one delivery each, and the e-mail kept, not sent.
    for job in (failing, cancelled):
        [delivery] = deliveries_of(sim, job.jobid)
        assert delivery["result"] == "delivered" and delivery["attempts"] == ["200"]
    emails = [e for e in admin(sim)["emails"] if e["payload"]["jobid"] == failing.jobid]
    assert len(emails) == 1
    assert emails[0]["to"] == "alice@example.org"
    assert emails[0]["subject"] == f"Job {failing.jobid} on perlmutter ended: FAILED"


def test_a_failing_receiver_is_tried_a_bounded_number_of_times(
    client: Client, sim: RunningSimulator
) -> None:
    sim.configure(callbacks=CallbackSettings(attempts=3, backoff=0.05))
    perlmutter = client.compute("perlmutter")
    with receiving(503) as failing, receiving(404) as missing:
        retried = perlmutter.submit_job(QUICK, callback_url=failing.url)
        refused = perlmutter.submit_job(QUICK, callback_url=missing.url)
        retried.complete(timeout=30)
        refused.complete(timeout=30)
        failing.wait_for(3)
        missing.wait_for(1)
        settled(sim)
    # 503 is tried again, up to the bound; 404 is an answer, not tried again.
    assert [r.attempt for r in failing.received] == ["1", "2", "3"]
    assert all(r.body == failing.received[0].body for r in failing.received)
    assert [r.attempt for r in missing.received] == ["1"]
    [gave_up] = deliveries_of(sim, retried.jobid)
    assert gave_up["attempts"] == ["503", "503", "503"]
    assert gave_up["result"] == "failed after 3 attempts"
    [answered] = deliveries_of(sim, refused.jobid)
    assert answered["attempts"] == ["404"] and answered["result"] == "failed"


def test_a_receiver_that_never_answers_times_out_within_the_cap(
    client: Client, sim: RunningSimulator
) -> None:
    sim.configure(callbacks=CallbackSettings(attempts=2, backoff=0.05, timeout_cap=0.3))
    perlmutter = client.compute("perlmutter")
    with receiving(hang=True) as silent, receiving(drip=True) as dripping:
        # callbackTimeout asks for a minute; the simulator's cap makes each try 0.3 s,
        # also against a receiver that keeps sending its answer's head a line at a time.
        quiet = perlmutter.submit_job(QUICK, callback_url=silent.url, callback_timeout=60)
        slow = perlmutter.submit_job(QUICK, callback_url=dripping.url, callback_timeout=60)
        quiet.complete(timeout=30)
        slow.complete(timeout=30)
        silent.wait_for(2)
        dripping.wait_for(2)
        started = time.monotonic()
        settled(sim)
        assert time.monotonic() - started < 5.0  # tries of 0.3 s, not minutes
    for job in (quiet, slow):
        [delivery] = deliveries_of(sim, job.jobid)
        assert delivery["attempts"] == ["timed out after 0.3 s"] * 2
        assert delivery["result"] == "failed after 2 attempts"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"callback_url": "ftp://127.0.0.1/x"}, "must start with http:// or https://"),
        ({"callback_url": "/relative/hook"}, "must start with http:// or https://"),
        ({"callback_url": "http:///nohost"}, "has no host"),
        ({"callback_url": "http://u:s3cret@127.0.0.1/x"}, "must not carry a user or password"),
        ({"callback_url": "http://127.0.0.1:99999/x"}, "not a valid URL"),
        ({"callback_url": "http://127.0.0.1/a b"}, "blank or control character"),
        ({"callback_url": "http://" + "a" * 2100}, "at most 2048"),
        ({"callback_url": 5}, "must be a string"),
        ({"callback_email": "alice"}, "is not an e-mail address"),
        ({"callback_email": "alice@localhost"}, "the domain must be a host name with a dot"),
        ({"callback_email": "al ice@example.org"}, "the part before '@'"),
        ({"callback_timeout": 5}, "give it with callback_url"),
        ({"callback_url": "http://127.0.0.1/x", "callback_timeout": 0}, "from 1 to 3600"),
        ({"callback_url": "http://127.0.0.1/x", "callback_timeout": 3601}, "from 1 to 3600"),
        ({"callback_url": "http://127.0.0.1/x", "callback_timeout": 2.5}, "whole number"),
        ({"callback_url": "http://127.0.0.1/x", "callback_timeout": True}, "whole number"),
    ],
)
def test_bad_callback_arguments_are_refused_before_any_request(
    client: Client,
    sim: RunningSimulator,
    arguments: dict[str, object],
    message: str,
) -> None:
    perlmutter = client.compute("perlmutter")
    before = sim.stats()["total_requests"]
    with pytest.raises(InvalidArgumentError, match=message) as caught:
        perlmutter.submit_job(QUICK, **arguments)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, SfApiError)
    assert "s3cret" not in str(caught.value)  # a URL's secret is never repeated
    assert sim.stats()["total_requests"] == before


def test_the_simulator_refuses_a_receiver_off_this_machine(
    client: Client, sim: RunningSimulator
) -> None:
    perlmutter = client.compute("perlmutter")
    jobs_before = sim.stats()["jobs"]["perlmutter"]
    with pytest.raises(RequestValidationError, match="not a loopback address") as caught:
        perlmutter.submit_job(QUICK, callback_url="http://192.0.2.7:8080/hook")
    assert "only calls receivers on this machine" in str(caught.value)
    assert sim.stats()["jobs"]["perlmutter"] == jobs_before
