"""A small HTTP driver of the simulator for its own tests: submit, read jobs and tasks,
run commands, with the clock moved forward instead of waiting."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx2

from sfapi_sim.testing import RunningSimulator

MACHINE = "perlmutter"
HOME = "/global/homes/a/alice"
#: How long a test waits for work that should end at once (a bound on hangs only).
DEADLINE = 20.0


class SimApi:
    """Requests of a read-write client: user alice's, or the owner's of ``key_file``."""

    def __init__(self, sim: RunningSimulator, key_file: Path | None = None) -> None:
        self.sim = sim
        self.headers = {"Authorization": f"Bearer {sim.access_token(key_file)}"}

    def get(self, path: str, **params: Any) -> Any:
        answer = httpx2.get(f"{self.sim.base_url}{path}", headers=self.headers, params=params)
        answer.raise_for_status()
        return answer.json()

    def task(self, task_id: str) -> dict[str, Any]:
        return dict(self.get(f"/tasks/{task_id}"))

    def wait_task(self, task_id: str) -> dict[str, Any]:
        """The task once it is no longer ``new`` (the clock moves on meanwhile)."""
        deadline = time.monotonic() + DEADLINE
        while True:
            task = self.task(task_id)
            if task["status"] != "new":
                return task
            assert time.monotonic() < deadline, f"task {task_id} still new"
            self.sim.world.clock.advance(1.0)
            time.sleep(0.01)

    def submit(self, script: str, *, args: list[str] | None = None, is_path: bool = False) -> str:
        data: dict[str, Any] = {"job": script, "isPath": str(is_path).lower()}
        if args:
            data["args"] = args
        answer = httpx2.post(
            f"{self.sim.base_url}/compute/jobs/{MACHINE}", data=data, headers=self.headers
        )
        answer.raise_for_status()
        result = json.loads(self.wait_task(answer.json()["task_id"])["result"])
        assert result["status"] == "ok", result
        return str(result["jobid"])

    def submit_error(self, script: str) -> str:
        answer = httpx2.post(
            f"{self.sim.base_url}/compute/jobs/{MACHINE}",
            data={"job": script, "isPath": "false"},
            headers=self.headers,
        )
        answer.raise_for_status()
        result = json.loads(self.wait_task(answer.json()["task_id"])["result"])
        assert result["status"] == "error", result
        return str(result["error"])

    def submit_error_path(self, path: str) -> str:
        """The error of submitting the script at ``path`` (which must fail)."""
        answer = httpx2.post(
            f"{self.sim.base_url}/compute/jobs/{MACHINE}",
            data={"job": path, "isPath": "true"},
            headers=self.headers,
        )
        answer.raise_for_status()
        result = json.loads(self.wait_task(answer.json()["task_id"])["result"])
        assert result["status"] == "error", result
        return str(result["error"])

    def sacct(self, jobid: str) -> dict[str, str]:
        rows = self.get(f"/compute/jobs/{MACHINE}/{jobid}", sacct="true")["output"]
        return dict(rows[0])

    def wait_state(self, jobid: str, *states: str) -> dict[str, str]:
        """The job's sacct row once its state starts with one of ``states``."""
        deadline = time.monotonic() + DEADLINE
        while True:
            row = self.sacct(jobid)
            if row["state"].startswith(states):
                return row
            assert time.monotonic() < deadline, f"job {jobid} is {row['state']}"
            self.sim.world.clock.advance(0.5)
            time.sleep(0.01)

    def cancel_job(self, jobid: str) -> dict[str, Any]:
        answer = httpx2.delete(
            f"{self.sim.base_url}/compute/jobs/{MACHINE}/{jobid}", headers=self.headers
        )
        answer.raise_for_status()
        return json.loads(self.wait_task(answer.json()["task_id"])["result"])

    def command(self, line: str) -> str:
        answer = httpx2.post(
            f"{self.sim.base_url}/utilities/command/{MACHINE}",
            data={"executable": line},
            headers=self.headers,
        )
        answer.raise_for_status()
        return str(answer.json()["task_id"])

    def run(self, line: str) -> dict[str, Any]:
        """A command's result once it ended."""
        task = self.wait_task(self.command(line))
        assert task["status"] == "completed", task
        return dict(json.loads(task["result"]))

    def cancel_task(self, task_id: str) -> dict[str, Any]:
        answer = httpx2.delete(f"{self.sim.base_url}/tasks/{task_id}", headers=self.headers)
        answer.raise_for_status()
        return dict(answer.json())

    def read(self, path: str) -> str:
        return self.sim.world.filesystems[MACHINE].read(path, "alice").decode()

    def wait_output(self, path: str, expected: str) -> bool:
        """Wait until the file ``path`` reads ``expected`` (written by a running job)."""
        filesystem = self.sim.world.filesystems[MACHINE]
        deadline = time.monotonic() + DEADLINE
        while not (filesystem.is_file(path, "alice") and self.read(path) == expected):
            assert time.monotonic() < deadline, f"{path} never read {expected!r}"
            time.sleep(0.02)
        return True

    def script_end(self, jobid: str) -> tuple[int | None, str | None]:
        """Wait until the job's script has ended: (its exit code, why it was stopped)."""
        job = self.sim.world.schedulers[MACHINE].get(jobid)
        assert job is not None
        deadline = time.monotonic() + DEADLINE
        while job.finished_at is None:
            assert time.monotonic() < deadline, f"the script of job {jobid} kept running"
            time.sleep(0.02)
        return job.script_exit, job.stopped
