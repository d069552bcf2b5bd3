"""A machine's login node: shell sessions for its users, job submission (from the API
and from ``sbatch`` alike), the Slurm commands' view of the scheduler, and the runner
that executes job scripts when their jobs start."""

from __future__ import annotations

import contextlib
import logging
import posixpath
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from .clock import Clock
from .config import SimConfig
from .shell import Limits, Session, SlurmError, login_state, run_script
from .shell.budget import Budget
from .shell.errors import ShellError, Stopped
from .shell.session import UnknownCommands
from .shell.streams import Discard, FileSink, Sink
from .state import policy
from .state.filesystem import Account, FileError, Filesystem
from .state.jobs import Job, Scheduler
from .state.scripts import ScriptError, parse_script, parse_time

logger = logging.getLogger("sfapi_sim")
#: The compute node every simulated job runs on.
COMPUTE_NODE = "nid001234"


@dataclass
class LoginNode:
    """One machine as a user reaches it: files, scheduler, clock, accounts, groups."""

    filesystem: Filesystem
    scheduler: Scheduler
    clock: Clock
    accounts: dict[str, Account]
    groups_of: Callable[[str], tuple[tuple[int, str], ...]]
    config: Callable[[], SimConfig]

    @property
    def machine(self) -> str:
        return self.filesystem.machine

    def session(
        self,
        user: str,
        *,
        unknown: UnknownCommands = "missing",
        limits: Limits | None = None,
        cancel: threading.Event | None = None,
        host: str = "",
        start: float | None = None,
    ) -> Session:
        """A shell session of ``user`` on this machine (a compute node's with ``host``),
        stopped by ``cancel``, its simulated time starting at ``start`` (default: now)."""
        account = self.accounts[user]
        return Session(
            filesystem=self.filesystem,
            user=user,
            uid=account.uid,
            clock=self.clock,
            groups=self.groups_of(user),
            limits=limits or Limits(),
            unknown=unknown,
            slurm=self,
            cancel=cancel or threading.Event(),
            host=host,
            cursor=self.clock.now() if start is None else start,
        )

    # Submission ----------------------------------------------------------------------

    def submit_job(
        self,
        user: str,
        *,
        script: str,
        script_path: str | None,
        work_dir: str,
        args: list[str],
        options: dict[str, str] | None = None,
    ) -> Job:
        """Submit a batch script as sbatch does; ScriptError with sbatch's message.

        ``script_path`` is the script's file; None when sbatch reads the text on its
        standard input, as the API hands over a script text and as ``sbatch <<EOF`` does:
        no file is written anywhere, and the job is named by its ``#SBATCH -J`` or, as
        Slurm names such jobs, ``sbatch``. Slurm keeps its own copy of every job's
        script from submission on (the runner runs that copy). Command line
        ``options`` override the script's ``#SBATCH`` lines. The job must then pass
        Perlmutter's policy (``state.policy``; its NERSC-specific rules are skipped
        when the server runs with ``lenient_sbatch``).
        """
        spec = parse_script(script)
        for key, value in (options or {}).items():
            spec.options[key] = value
            if key == "time":
                spec.time_limit = parse_time(value)
        config = self.config()
        try:
            policy.check(spec.options, lenient=config.lenient_sbatch)
        except policy.PolicyError as exc:
            raise ScriptError(str(exc)) from None
        account = self.accounts[user]
        run_dir = work_dir
        if "chdir" in spec.options:
            run_dir = posixpath.normpath(posixpath.join(work_dir, spec.options["chdir"]))
        return self.scheduler.submit(
            account,
            command=script_path or "",
            work_dir=run_dir,
            submit_dir=work_dir,
            script=script,
            args=args,
            spec=spec,
            now=self.clock.now(),
            default_runtime=config.job_runtime,
            default_pending=config.job_pending,
        )

    # The Slurm commands' port ----------------------------------------------------------

    def submit(
        self,
        user: str,
        *,
        script: str,
        script_path: str | None,
        work_dir: str,
        args: list[str],
        options: dict[str, str],
    ) -> str:
        try:
            return self.submit_job(
                user,
                script=script,
                script_path=script_path,
                work_dir=work_dir,
                args=args,
                options=options,
            ).jobid
        except ScriptError as exc:
            raise SlurmError(str(exc)) from None

    def rows(
        self, user: str, *, sacct: bool, jobids: set[str] | None, users: set[str] | None
    ) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for name in sorted(users) if users is not None else [None]:
            rows += self.scheduler.listing(
                now=self.clock.now(),
                sacct=sacct,
                jobids=jobids,
                user=name,
                partition=None,
            )
        return rows

    def cancel(self, user: str, jobid: str) -> None:
        job = self.scheduler.get(jobid)
        if job is None or job.account.name != user:
            raise SlurmError(
                f"scancel: error: Kill job error on job id {jobid}: Invalid job id specified"
            )
        if job.timeline(self.clock.now())[0] not in ("PENDING", "RUNNING"):
            raise SlurmError(
                f"scancel: error: Kill job error on job id {jobid}: "
                "Job/step already completing or completed"
            )
        self.scheduler.cancel(jobid, self.clock.now())

    # Running job scripts ---------------------------------------------------------------

    def start(self, job: Job) -> threading.Thread:
        """Run ``job``'s script in a thread, from the job's start time (the runner)."""
        thread = threading.Thread(
            target=self._run_job_safely, args=(job,), name=f"job-{job.jobid}", daemon=True
        )
        thread.start()
        return thread

    def _run_job_safely(self, job: Job) -> None:
        try:
            self._run_job(job)
        except Exception:  # a defect of the simulator: the job fails rather than hangs
            logger.exception("job %s failed inside the simulator", job.jobid)
            job.finish(1, job.start, None)

    def _run_job(self, job: Job) -> None:
        config = self.config()
        session = self.session(
            job.account.name,
            unknown="missing" if config.strict_commands else "pretend",
            limits=Limits(
                max_output=config.max_file_bytes,
                max_seconds=job.time_limit,
                max_wall_seconds=config.max_job_wall_seconds,
                max_memory=config.max_shell_memory,
                max_written=config.max_shell_written,
            ),
            cancel=job.cancel,
            host=COMPUTE_NODE,
            start=job.start,
        )
        state = login_state(session, cwd=job.work_dir)
        state.script_name = f"/var/spool/slurmd/job{job.jobid}/slurm_script"
        state.positional = list(job.args)
        for name, value in self._job_environment(job).items():
            state.set(name, value, export=True)
        stdout, stderr = self._job_outputs(job, session.budget)
        outputs = [s for s in {id(stdout): stdout, id(stderr): stderr}.values()]
        session.before_wait = lambda: _flush(outputs)
        result = run_script(
            job.script, session, state, stdout=stdout, stderr=stderr, report_stop=False
        )
        if result.stopped in ("cancelled", "time"):
            moment = datetime.fromtimestamp(job.cancelled_at or session.cursor, UTC).strftime(
                "%Y-%m-%dT%H:%M:%S"
            )
            reason = " DUE TO TIME LIMIT" if result.stopped == "time" else ""
            with contextlib.suppress(Stopped):
                stderr.write(
                    f"slurmstepd: error: *** JOB {job.jobid} ON {COMPUTE_NODE} "
                    f"CANCELLED AT {moment}{reason} ***\n"
                )
        _flush(outputs)
        job.finish(result.exit_code, session.cursor, result.stopped)

    def _job_environment(self, job: Job) -> dict[str, str]:
        environment = {
            "SLURM_JOB_ID": job.jobid,
            "SLURM_JOBID": job.jobid,
            "SLURM_JOB_NAME": job.name,
            "SLURM_SUBMIT_DIR": job.submit_dir,
            "SLURM_JOB_USER": job.account.name,
            "SLURM_CLUSTER_NAME": self.machine,
            "SLURM_JOB_NUM_NODES": job.options.get("nodes", "1"),
            "SLURM_NNODES": job.options.get("nodes", "1"),
            "SLURM_JOB_NODELIST": COMPUTE_NODE,
            "SLURM_JOB_PARTITION": job.options.get("partition", "regular_milan_ss11"),
            "SLURM_JOB_ACCOUNT": job.options.get("account", job.account.projects[0]),
            "SLURM_CPUS_ON_NODE": "256",
        }
        if "ntasks" in job.options:
            environment["SLURM_NTASKS"] = job.options["ntasks"]
        return environment

    def _job_outputs(self, job: Job, budget: Budget) -> tuple[Sink, Sink]:
        """The files stdout and stderr go to (``-o``/``-e`` patterns, default
        ``slurm-%j.out``), written within the run's ``budget``; a file that cannot be
        opened is lost, as with Slurm."""
        stdout = self._open_output(job, job.options.get("output", "slurm-%j.out"), budget)
        if "error" not in job.options:
            return stdout, stdout
        return stdout, self._open_output(job, job.options["error"], budget)

    def _open_output(self, job: Job, pattern: str, budget: Budget) -> Sink:
        path = posixpath.normpath(posixpath.join(job.work_dir, expand_output_pattern(pattern, job)))
        if path == "/dev/null":
            return Discard()
        try:
            return FileSink(self.filesystem, path, job.account.name, append=False, budget=budget)
        except (FileError, ShellError):
            return Discard()  # as with Slurm: output to a missing folder is lost


def _flush(outputs: list[Sink]) -> None:
    """Write a job's output files as they stand (while it runs, and when it ends)."""
    for sink in outputs:
        try:
            sink.close()
        except (ShellError, Stopped):
            continue  # as with Slurm, a lost output file does not change the job's end


def expand_output_pattern(pattern: str, job: Job) -> str:
    """``%j`` (job id), ``%x`` (name), ``%u`` (user), ``%A`` (array job id), ``%N`` (node),
    ``%%`` (a percent sign), as sbatch fills ``--output`` and ``--error``."""
    values = {
        "j": job.jobid,
        "x": job.name,
        "u": job.account.name,
        "A": job.jobid,
        "a": "4294967294",
        "N": COMPUTE_NODE,
        "%": "%",
    }
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "%" and i + 1 < len(pattern) and pattern[i + 1] in values:
            out.append(values[pattern[i + 1]])
            i += 2
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)
