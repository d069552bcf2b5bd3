"""Slurm on a clock: jobs go PENDING → RUNNING → COMPLETED, FAILED, TIMEOUT or CANCELLED
(or the end state a script names: ``# sim: end=NODE_FAIL``).

A job's state is computed from the clock whenever it is read, from the times its script
asks for (``#SBATCH --time``, ``# sim: runtime=3 exit=1 pending=0``) or the server's
defaults. When a job ends, ``slurm-<jobid>.out`` appears in its working directory. Rows
have exactly the keys of the job samples (``JobSqueue`` and ``JobSacct``).
"""

from __future__ import annotations

import logging
import posixpath
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sfapi_client.models import JobSacct, JobSqueue

from .filesystem import Account, FileError, Filesystem
from .scripts import ScriptSpec

logger = logging.getLogger("sfapi_sim")

SQUEUE_KEYS = tuple(f.alias or name for name, f in JobSqueue.model_fields.items())
SACCT_KEYS = tuple(f.alias or name for name, f in JobSacct.model_fields.items())
SHORT = {
    "PENDING": "PD",
    "RUNNING": "R",
    "COMPLETED": "CD",
    "FAILED": "F",
    "TIMEOUT": "TO",
    "CANCELLED": "CA",
}
DEFAULT_TIME_LIMIT = 30 * 60.0


def _stamp(seconds: float | None) -> str:
    if seconds is None:
        return "Unknown"
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@dataclass
class Job:
    """One submitted job and the facts its state is computed from."""

    jobid: str
    machine: str
    account: Account
    name: str
    command: str
    work_dir: str
    submitted: float
    pending: float
    runtime: float
    time_limit: float
    exit_code: int
    spec: ScriptSpec
    cancelled_at: float | None = None
    output_written: bool = False
    options: dict[str, str] = field(default_factory=dict)

    def timeline(self, now: float) -> tuple[str, float | None, float | None]:
        """(state, start, end) at ``now``."""
        start = self.submitted + self.pending
        natural_end = start + min(self.runtime, self.time_limit)
        if self.cancelled_at is not None and self.cancelled_at < natural_end:
            began = start if self.cancelled_at >= start else None
            if now >= self.cancelled_at:
                return "CANCELLED", began, self.cancelled_at
        if now < start:
            return "PENDING", None, None
        if now < natural_end:
            return "RUNNING", start, None
        if self.runtime > self.time_limit:
            return "TIMEOUT", start, natural_end
        if self.spec.end_state is not None:
            return self.spec.end_state, start, natural_end
        return ("FAILED" if self.exit_code else "COMPLETED"), start, natural_end

    def squeue_row(self, now: float) -> dict[str, str]:
        state, start, _ = self.timeline(now)
        elapsed = now - start if start is not None else 0.0
        values = {
            "account": self.options.get("account", self.account.projects[0]),
            "jobid": self.jobid,
            "array_job_id": self.jobid,
            "array_task_id": "N/A",
            "name": self.name,
            "user": self.account.name,
            "group": self.account.name,
            "uid": str(self.account.uid),
            "state": state,
            "st": SHORT.get(state, state[:2]),
            "partition": self.options.get("partition", "regular_milan_ss11"),
            "qos": self.options.get("qos", "regular_1"),
            "time_limit": _duration(self.time_limit),
            "time": _duration(elapsed),
            "time_left": _duration(self.time_limit - elapsed),
            "submit_time": _stamp(self.submitted),
            "start_time": _stamp(start) if start else "N/A",
            "end_time": _stamp((start or self.submitted + self.pending) + self.time_limit),
            "command": self.command,
            "work_dir": self.work_dir,
            "comment": self.options.get("comment", "(null)"),
            "nodes": self.options.get("nodes", "1"),
            "cpus": "128",
            "reason": "None" if state == "RUNNING" else "Priority",
            "nodelist": "nid001234" if state == "RUNNING" else "",
            "nodelist(reason)": "nid001234" if state == "RUNNING" else "(Priority)",
            "exec_host": "nid001234" if state == "RUNNING" else "n/a",
        }
        return {key: values.get(key, "") for key in SQUEUE_KEYS}

    def sacct_row(self, now: float) -> dict[str, str]:
        state, start, end = self.timeline(now)
        elapsed = ((end or now) - start) if start is not None else 0.0
        shown = f"CANCELLED by {self.account.uid}" if state == "CANCELLED" else state
        exit_code = f"{self.exit_code}:0" if state in ("FAILED", "COMPLETED") else "0:0"
        values = {
            "account": self.options.get("account", self.account.projects[0]),
            "jobid": self.jobid,
            "jobidraw": self.jobid,
            "jobname": self.name,
            "user": self.account.name,
            "group": self.account.name,
            "uid": str(self.account.uid),
            "gid": str(self.account.uid),
            "cluster": self.machine,
            "state": shown,
            "partition": self.options.get("partition", "regular_milan_ss11"),
            "qos": self.options.get("qos", "regular_1"),
            "submit": _stamp(self.submitted),
            "eligible": _stamp(self.submitted),
            "start": _stamp(start) if start else "Unknown",
            "end": _stamp(end) if end else "Unknown",
            "elapsed": _duration(elapsed),
            "elapsedraw": str(int(elapsed)),
            "timelimit": _duration(self.time_limit),
            "timelimitraw": str(int(self.time_limit // 60)),
            "exitcode": exit_code,
            "derivedexitcode": exit_code,
            "workdir": self.work_dir,
            "comment": self.options.get("comment", ""),
            "nnodes": self.options.get("nodes", "1"),
            "ncpus": "128",
            "alloccpus": "128",
            "allocnodes": self.options.get("nodes", "1"),
        }
        return {key: values.get(key, "") for key in SACCT_KEYS}

    def output_text(self) -> str:
        lines = list(self.spec.echoes) or [f"job {self.jobid} ran {self.command}"]
        return "\n".join(lines) + "\n"


class Scheduler:
    """The jobs of one machine."""

    def __init__(self, machine: str, filesystem: Filesystem, first_jobid: int) -> None:
        self.machine = machine
        self.filesystem = filesystem
        self._jobs: dict[str, Job] = {}
        self._next = first_jobid
        self._lock = threading.Lock()

    def submit(
        self,
        account: Account,
        *,
        command: str,
        work_dir: str,
        spec: ScriptSpec,
        now: float,
        default_runtime: float,
        default_pending: float,
    ) -> Job:
        with self._lock:
            jobid = str(self._next)
            self._next += 1
            job = Job(
                jobid=jobid,
                machine=self.machine,
                account=account,
                name=spec.options.get("job-name") or posixpath.basename(command),
                command=command,
                work_dir=work_dir,
                submitted=now,
                pending=spec.pending if spec.pending is not None else default_pending,
                runtime=spec.runtime if spec.runtime is not None else default_runtime,
                time_limit=spec.time_limit or DEFAULT_TIME_LIMIT,
                exit_code=spec.exit_code,
                spec=spec,
                options=dict(spec.options),
            )
            self._jobs[jobid] = job
        return job

    def get(self, jobid: str) -> Job | None:
        with self._lock:
            return self._jobs.get(jobid)

    def all(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())

    def cancel(self, jobid: str, now: float) -> Job | None:
        job = self.get(jobid)
        if (
            job is not None
            and job.cancelled_at is None
            and job.timeline(now)[0] in ("PENDING", "RUNNING")
        ):
            job.cancelled_at = now
        return job

    def settle(self, now: float) -> None:
        """Write the output file of every job that has ended."""
        for job in self.all():
            if job.output_written:
                continue
            state, start, _ = job.timeline(now)
            if state in ("PENDING", "RUNNING") or start is None:
                continue
            job.output_written = True
            path = posixpath.join(job.work_dir, f"slurm-{job.jobid}.out")
            try:
                self.filesystem.write(path, job.account.name, job.output_text().encode())
            except FileError as exc:
                # The working directory vanished: Slurm could not write either.
                logger.info("job %s: no output file: %s", job.jobid, exc)

    def listing(
        self,
        *,
        now: float,
        sacct: bool,
        jobids: set[str] | None,
        user: str | None,
        partition: str | None,
        hide_newer_than: float | None,
    ) -> list[dict[str, str]]:
        """squeue (pending and running jobs) or sacct (all) rows, filtered."""
        self.settle(now)
        rows = []
        for job in sorted(self.all(), key=lambda j: int(j.jobid)):
            if hide_newer_than is not None and job.submitted > hide_newer_than:
                continue
            if jobids is not None and job.jobid not in jobids:
                continue
            if user is not None and job.account.name != user:
                continue
            row = job.sacct_row(now) if sacct else job.squeue_row(now)
            if partition is not None and row.get("partition") != partition:
                continue
            if not sacct and row["state"] not in ("PENDING", "RUNNING"):
                continue
            rows.append(row)
        return rows
