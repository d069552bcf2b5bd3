# Generated from tests/reliability/_async/test_secrets_in_logs.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""With DEBUG logging on for the package, httpx2 and httpcore2, a whole workflow over
real HTTP (token flow, refresh after a 401, submission, files, an error) leaves no
token, client assertion or key material in the log, the reprs or the errors."""

from __future__ import annotations

import logging

import pytest

from sfapi_client import Client, SfApiError
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


def test_debug_log_of_a_workflow_holds_no_secret(
    sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("sfapi_client", "httpx2", "httpcore2"):
        caplog.set_level(logging.DEBUG, logger=name)  # restored after the test
    sim.configure(token_lifetime=60.0)
    tokens: list[str] = []
    shown: list[str] = []
    with Client(
        key=sim.key_file,
        api_base_url=sim.base_url,
        token_url=sim.token_url,
        wait_interval=0.1,
        task_interval=0.05,
    ) as client:
        auth = client.api_client._auth
        perlmutter = client.compute("perlmutter")
        assert (client.user()).name == "alice"  # the first token
        tokens.append(str(getattr(auth, "_token", "")))
        sim.world.clock.advance(120)  # the server expires the token; the client learns by a 401
        assert (client.user()).name == "alice"
        tokens.append(str(getattr(auth, "_token", "")))
        # Back to real time (the new token stays valid), so that the tasks and jobs
        # made below are due now and not two minutes ahead, for this test and the next.
        sim.world.clock.offset = 0.0
        job = perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -t 1\necho logged\n"
        )
        job.complete(timeout=60)
        (output,) = perlmutter.ls(f"{HOME}/slurm-{job.jobid}.out")
        assert (output.download()).read() == "logged\n"
        with pytest.raises(SfApiError) as caught:
            perlmutter.ls(f"{HOME}/no-such-file")
        shown += [repr(client), repr(client.api_client), repr(auth), repr(job)]
        shown += [str(caught.value), repr(caught.value)]

    assert "None" not in tokens and tokens[0] != tokens[1]  # a refresh happened
    text = "\n".join(record.getMessage() for record in caplog.records) + "\n".join(shown)
    loggers = {record.name.split(".")[0] for record in caplog.records}
    assert {"httpx2", "httpcore2"} <= loggers  # the transport did log, at DEBUG
    assert "/compute/jobs/perlmutter" in text  # and the log does describe the requests
    for token in tokens:
        assert token not in text
    assert "eyJ" not in text  # no JWT of any kind: neither a token nor an assertion
    key_lines = sim.key_file.read_text().splitlines()[2:-1]
    assert key_lines and not any(line in text for line in key_lines)
    assert "client_assertion" not in text and "Bearer " not in text
