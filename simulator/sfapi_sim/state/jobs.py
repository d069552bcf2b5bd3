"""Slurm on a clock: jobs go PENDING → RUNNING → COMPLETED, FAILED, TIMEOUT or CANCELLED
(or the end state a script names: ``# sim: end=NODE_FAIL``).

A job waits its pending time, then its script runs (through the login node's shell, by
the runner attached to the scheduler); it stays RUNNING at least its run time (``# sim:
runtime=``, else the server's default) and as long as its script runs, up to its time
limit. The script's exit code decides COMPLETED or FAILED unless ``# sim: exit=`` or
``end=`` says otherwise. Rows have exactly the keys of the job samples (``JobSqueue`` and
``JobSacct``).
"""

from __future__ import annotations

import posixpath
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from sfapi_client.models import JobSacct, JobSqueue

from .filesystem import Account, Filesystem
from .scripts import ScriptSpec

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
#: How long a listing waits for scripts it just started (quick scripts end within it).
START_GRACE_SECONDS = 0.5
#: The most job scripts running at once per machine; later jobs start as others end.
MAX_RUNNING_SCRIPTS = 256


class JobRunner(Protocol):
    """Runs a job's script when the job starts (in the background); ``finish`` is
    called by the runner with the script's exit code and the simulated time it ended."""

    def start(self, job: Job) -> threading.Thread: ...


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
    submit_dir: str
    submitted: float
    pending: float
    runtime: float
    time_limit: float
    spec: ScriptSpec
    script: str = ""
    args: list[str] = field(default_factory=list)
    cancelled_at: float | None = None
    options: dict[str, str] = field(default_factory=dict)
    #: False for a job seeded without a script to run: it ends by its run time alone.
    runs_script: bool = True
    #: Set when the script has been handed to the runner.
    launched: bool = False
    #: The simulated time the script ended, its exit code, and why it was stopped.
    finished_at: float | None = None
    script_exit: int | None = None
    stopped: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def start(self) -> float:
        return self.submitted + self.pending

    def finish(self, exit_code: int, at: float, stopped: str | None) -> None:
        """Record the end of the script (called by the runner's thread)."""
        self.script_exit = exit_code
        self.stopped = stopped
        self.finished_at = at

    def timeline(self, now: float) -> tuple[str, float | None, float | None]:
        """(state, start, end) at ``now``."""
        start = self.start
        limit_end = start + self.time_limit
        if self.cancelled_at is not None and now >= self.cancelled_at:
            began = start if self.cancelled_at >= start else None
            return "CANCELLED", began, self.cancelled_at
        if now < start:
            return "PENDING", None, None
        if self.runtime > self.time_limit:
            return ("RUNNING", start, None) if now < limit_end else ("TIMEOUT", start, limit_end)
        if self.finished_at is None:
            return ("RUNNING", start, None) if now < limit_end else ("TIMEOUT", start, limit_end)
        end = min(max(start + self.runtime, self.finished_at), limit_end)
        if now < end:
            return "RUNNING", start, None
        if self.stopped == "time":
            return "TIMEOUT", start, end
        if self.spec.end_state is not None:
            return self.spec.end_state, start, end
        return ("FAILED" if self.exit_code else "COMPLETED"), start, end

    @property
    def exit_code(self) -> int:
        """The directive's exit code if the script names one, else the script's."""
        if self.spec.exit_code is not None:
            return self.spec.exit_code
        return self.script_exit or 0

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


class Scheduler:
    """The jobs of one machine."""

    def __init__(self, machine: str, filesystem: Filesystem, first_jobid: int) -> None:
        self.machine = machine
        self.filesystem = filesystem
        self._jobs: dict[str, Job] = {}
        self._waiting: dict[str, Job] = {}
        self._next = first_jobid
        self._lock = threading.Lock()
        self._runner: JobRunner | None = None
        self._running: list[threading.Thread] = []

    def attach_runner(self, runner: JobRunner) -> None:
        """The runner of job scripts (the login node's shell); without one scripts do not run."""
        self._runner = runner

    def submit(
        self,
        account: Account,
        *,
        command: str,
        work_dir: str,
        submit_dir: str,
        script: str,
        args: list[str],
        spec: ScriptSpec,
        now: float,
        default_runtime: float,
        default_pending: float,
        run_script: bool = True,
    ) -> Job:
        """A new job; with ``run_script=False`` (tests seeding many jobs) its script is
        never run, and the job ends after its run time with exit code 0."""
        with self._lock:
            jobid = str(self._next)
            self._next += 1
            job = Job(
                jobid=jobid,
                machine=self.machine,
                account=account,
                # A script read on sbatch's standard input (no file) is named "sbatch".
                name=spec.options.get("job-name") or posixpath.basename(command) or "sbatch",
                command=command,
                work_dir=work_dir,
                submit_dir=submit_dir,
                submitted=now,
                pending=spec.pending if spec.pending is not None else default_pending,
                runtime=spec.runtime if spec.runtime is not None else default_runtime,
                time_limit=spec.time_limit or DEFAULT_TIME_LIMIT,
                spec=spec,
                script=script,
                args=list(args),
                options=dict(spec.options),
                runs_script=run_script,
            )
            self._jobs[jobid] = job
            self._waiting[jobid] = job
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
            job.cancel.set()
        return job

    def settle(self, now: float) -> None:
        """Start the script of every job whose pending time is over. A job whose run time
        is already over too (the clock was moved on) gets a moment for its script to end,
        so that a listing right after shows it ended; others are not waited for."""
        with self._lock:
            self._running = [t for t in self._running if t.is_alive()]
            room = MAX_RUNNING_SCRIPTS - len(self._running)
            due = []
            for job in sorted(
                (j for j in self._waiting.values() if j.start <= now), key=lambda j: int(j.jobid)
            ):
                if self._runner is not None and job.runs_script:
                    if room <= 0:
                        continue
                    room -= 1
                due.append(job)
            for job in due:
                del self._waiting[job.jobid]
        threads = []
        overdue = []  # scripts whose job could already have ended: worth a moment's wait
        for job in due:
            if job.cancelled_at is not None and job.cancelled_at <= job.start:
                continue
            job.launched = True
            if self._runner is None or not job.runs_script:
                job.finish(0, job.start, None)
                continue
            thread = self._runner.start(job)
            threads.append(thread)
            if now >= job.start + job.runtime:
                overdue.append(thread)
        with self._lock:
            self._running += threads
        deadline = time.monotonic() + START_GRACE_SECONDS
        for thread in overdue:
            thread.join(max(0.0, deadline - time.monotonic()))

    def listing(
        self,
        *,
        now: float,
        sacct: bool,
        jobids: set[str] | None,
        user: str | None,
        partition: str | None,
        as_of: float | None = None,
    ) -> list[dict[str, str]]:
        """squeue (pending and running jobs) or sacct (all) rows, filtered.

        With ``as_of`` (a cached listing), the rows are those of that earlier moment:
        jobs submitted since are missing and every state is the one it had then.
        """
        self.settle(now)
        seen = now if as_of is None else min(as_of, now)
        rows = []
        for job in sorted(self.all(), key=lambda j: int(j.jobid)):
            if job.submitted > seen:
                continue
            if jobids is not None and job.jobid not in jobids:
                continue
            if user is not None and job.account.name != user:
                continue
            row = job.sacct_row(seen) if sacct else job.squeue_row(seen)
            if partition is not None and row.get("partition") != partition:
                continue
            if not sacct and row["state"] not in ("PENDING", "RUNNING"):
                continue
            rows.append(row)
        return rows
