"""The example flow, killed with SIGKILL while it waits for its 20 jobs, completes them
all when run again, and no job is submitted twice.

The example runs as a user runs it: its own Python process, pointed at the simulator
by the SFAPI_* variables and at the session's Prefect server by PREFECT_API_URL. The
simulator's jobs run for 120 simulated seconds; the test moves the simulator's clock
past their end only once the second run waits, so the first run is killed mid-wait and
the second run re-attaches to jobs that are still running.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from sfapi_sim.testing import RunningSimulator

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "prefect_flow.py"
#: Each step ends well within this; it bounds a hang, it is not a speed target.
STEP_LIMIT = 120.0
WAITING = re.compile(r"^waiting for (\d+) jobs: ([\d, ]+)$")


class ExampleRun:
    """The example flow running in a process of its own, its output read as it comes."""

    def __init__(self, env: dict[str, str], cwd: Path, log: Path) -> None:
        self.log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(EXAMPLE)],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=self.log,
            text=True,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        assert self.process.stdout is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, pattern: re.Pattern[str]) -> re.Match[str]:
        """The first output line matching ``pattern`` (AssertionError if the run ends or
        STEP_LIMIT passes first)."""
        deadline = time.monotonic() + STEP_LIMIT
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                raise AssertionError(f"no {pattern.pattern!r} in time: {self.output()}") from None
            if line is None:
                raise AssertionError(f"ended without {pattern.pattern!r}: {self.output()}")
            self.seen.append(line)
            match = pattern.match(line)
            if match:
                return match

    def finish(self) -> int:
        """Wait for the process to end; its exit code, with the rest of its output read."""
        code = self.process.wait(timeout=STEP_LIMIT)
        while (line := self.lines.get(timeout=STEP_LIMIT)) is not None:
            self.seen.append(line)
        assert self.process.stdout is not None
        self.process.stdout.close()
        self.log.close()
        return code

    def output(self) -> str:
        self.log.flush()
        return "\n".join(self.seen) + "\n--- stderr:\n" + Path(self.log.name).read_text()[-4000:]


def example_environment(sim: RunningSimulator, prefect_api_url: str) -> dict[str, str]:
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return {
        **os.environ,
        "PATH": path,
        "SFAPI_KEY": str(sim.key_file),
        "SFAPI_BASE_URL": sim.base_url,
        "SFAPI_TOKEN_URL": sim.token_url,
        "SFAPI_WAIT_INTERVAL": "0.1",
        "PREFECT_API_URL": prefect_api_url,
    }


def jobs_made(sim: RunningSimulator) -> int:
    return int(sim.stats()["jobs"]["perlmutter"])


def test_the_example_killed_mid_wait_completes_every_job_once_when_run_again(
    sim: RunningSimulator, prefect_api_url: str, tmp_path: Path
) -> None:
    sim.configure(job_runtime=120.0, job_pending=0.2)
    env = example_environment(sim, prefect_api_url)
    before = jobs_made(sim)

    first = ExampleRun(env, tmp_path, tmp_path / "first.log")
    waiting = first.wait_for(WAITING)
    assert int(waiting[1]) == 20
    first_ids = waiting[2].split(", ")
    assert len(set(first_ids)) == 20
    assert jobs_made(sim) - before == 20

    first.process.send_signal(signal.SIGKILL)
    assert first.finish() == -signal.SIGKILL
    assert not any("completed" in line for line in first.seen)
    with sim.client() as client:
        states = {job.state.value for job in client.compute("perlmutter").jobs(first_ids)}
    assert states <= {"PENDING", "RUNNING"}, states

    second = ExampleRun(env, tmp_path, tmp_path / "second.log")
    again = second.wait_for(WAITING)
    assert again[2].split(", ") == first_ids
    sim.world.clock.offset += 300.0  # past the jobs' 120 simulated seconds
    second.wait_for(re.compile(r"^20 jobs completed$"))
    code = second.finish()
    assert code == 0, second.output()
    assert any(line.startswith("part 0 done on ") for line in second.seen), second.output()

    assert jobs_made(sim) - before == 20
