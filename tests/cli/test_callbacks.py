"""``sfapi submit --callback-url/--callback-email/--callback-timeout``: sent with the
submission, and refused as usage errors before any request when they cannot be used."""

from __future__ import annotations

from pathlib import Path

import pytest

from sfapi_sim.testing import RunningSimulator
from tests.e2e.callback_receiver import receiving

from .conftest import Sfapi

SCRIPT = (
    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
    "# sim: runtime=0.2 pending=0\necho done\n"
)


def _script(folder: Path) -> str:
    path = folder / "job.sh"
    path.write_text(SCRIPT, encoding="utf-8")
    return str(path)


def test_submit_sends_the_callbacks(sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path) -> None:
    with receiving(200) as receiver:
        out = sfapi(
            "--json",
            "submit",
            "perlmutter",
            _script(tmp_path),
            "--local",
            "--wait",
            "--callback-url",
            receiver.url,
            "--callback-email",
            "alice@example.org",
            "--callback-timeout",
            "5",
        )
        assert out.exit_code == 0, out.stderr
        jobid = out.json()["jobid"]
        [received] = receiver.wait_for(1)
    assert received.body["jobid"] == jobid and received.body["state"] == "COMPLETED"
    assert received.body["exit_code"] == 0
    emails = [e for e in sim.world.callbacks.emails() if e["payload"]["jobid"] == jobid]
    assert [e["to"] for e in emails] == ["alice@example.org"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--callback-url", "ftp://127.0.0.1/x"], "--callback-url must start with http://"),
        (["--callback-email", "nobody"], "--callback-email 'nobody' is not an e-mail address"),
        (["--callback-timeout", "5"], "--callback-timeout is how long"),
        (
            ["--callback-url", "http://127.0.0.1/x", "--callback-timeout", "0"],
            "--callback-timeout must be from 1 to 3600 seconds, not 0",
        ),
    ],
)
def test_unusable_callbacks_are_usage_errors_before_any_request(
    sfapi: Sfapi, sim: RunningSimulator, tmp_path: Path, options: list[str], message: str
) -> None:
    before = sim.stats()["total_requests"]
    out = sfapi("submit", "perlmutter", _script(tmp_path), "--local", *options)
    assert out.exit_code == 2
    assert out.stderr.startswith(f"error: {message}"), out.stderr
    assert sim.stats()["total_requests"] == before


def test_a_receiver_off_this_machine_is_refused_by_the_simulator(
    sfapi: Sfapi, tmp_path: Path
) -> None:
    out = sfapi(
        "submit", "perlmutter", _script(tmp_path), "--local", "--callback-url", "http://192.0.2.7/x"
    )
    assert out.exit_code == 1
    assert "invalid request: body.callbackUrl: callbackUrl's host 192.0.2.7 is not a " in (
        out.stderr
    )
    assert "only calls receivers on this machine" in out.stderr
