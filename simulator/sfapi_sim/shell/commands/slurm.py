"""Slurm's commands, wired to the simulated scheduler: sbatch, squeue, sacct, scancel,
and srun (which runs its command here, once per task)."""

from __future__ import annotations

from ...state import sbatch_options
from ..errors import ShellError
from ..session import SlurmError, SlurmPort
from . import Command, Context

#: srun options that take a value, by their short and long names.
_VALUED = {
    "-A": "account",
    "--account": "account",
    "-J": "job-name",
    "--job-name": "job-name",
    "-o": "output",
    "--output": "output",
    "-e": "error",
    "--error": "error",
    "-t": "time",
    "--time": "time",
    "-D": "chdir",
    "--chdir": "chdir",
    "-q": "qos",
    "--qos": "qos",
    "-p": "partition",
    "--partition": "partition",
    "-N": "nodes",
    "--nodes": "nodes",
    "-n": "ntasks",
    "--ntasks": "ntasks",
    "-c": "cpus-per-task",
    "--cpus-per-task": "cpus-per-task",
    "-C": "constraint",
    "--constraint": "constraint",
    "-G": "gpus",
    "--gpus": "gpus",
    "-d": "dependency",
    "--dependency": "dependency",
    "--export": "export",
    "--mem": "mem",
    "--comment": "comment",
    "--wrap": "wrap",
    "--ntasks-per-node": "ntasks-per-node",
    "--gpus-per-node": "gpus-per-node",
    "--mail-type": "mail-type",
    "--mail-user": "mail-user",
    "-L": "licenses",
    "--licenses": "licenses",
    "--cpu-bind": "cpu-bind",
    "--gpu-bind": "gpu-bind",
}
_FLAGS = {"--parsable", "--exclusive", "--test-only", "-l", "--label", "-u", "--unbuffered"}
#: The most copies of a command ``srun -n N`` runs.
MAX_SRUN_TASKS = 256


def _split_options(args: list[str]) -> tuple[dict[str, str], set[str], list[str]]:
    """(options by long name, flags, the rest) of srun's arguments."""
    options: dict[str, str] = {}
    flags: set[str] = set()
    rest = list(args)
    while rest and rest[0].startswith("-"):
        arg = rest.pop(0)
        name, sep, value = arg.partition("=")
        if name in _VALUED:
            if not sep:
                if len(arg) > 2 and not arg.startswith("--") and arg[:2] in _VALUED:
                    name, value = arg[:2], arg[2:]
                elif rest:
                    value = rest.pop(0)
                else:
                    raise ShellError(f"option '{arg}' requires an argument")
            options[_VALUED[name]] = value
        elif arg[:2] in _VALUED and not arg.startswith("--"):
            options[_VALUED[arg[:2]]] = arg[2:]
        else:
            flags.add(name)
    return options, flags, rest


def _port(inv: Context) -> SlurmPort:
    if inv.session.slurm is None:
        raise ShellError("Slurm is not available on this machine")
    return inv.session.slurm


def _sbatch(inv: Context) -> int:
    try:
        port = _port(inv)
    except ShellError as exc:
        return inv.fail(f"error: {exc.message}")
    try:
        options, rest = sbatch_options.read_options(list(inv.args))
    except sbatch_options.OptionError as exc:
        inv.err(f"{exc}\n")
        return 1
    flags = {f"--{name}" for name, value in options.items() if not value}
    for name in ("parsable", "test-only", "wait", "hold", "quiet", "verbose"):
        options.pop(name, None)
    wrap = options.pop("wrap", None)
    script_path: str | None = None
    if wrap is not None:
        script = f"#!/bin/sh\n{wrap}\n"
        args: list[str] = []
    elif rest:
        script_path = inv.path(rest[0])
        try:
            script = inv.read_text(rest[0])
        except ShellError:
            return inv.fail(f"error: Unable to open file {rest[0]}")
        args = rest[1:]
    else:
        script = inv.io.stdin.read()
        args = []
    work_dir = inv.path(options.pop("chdir")) if "chdir" in options else inv.cwd
    try:
        jobid = port.submit(
            inv.user,
            script=script,
            script_path=script_path,
            work_dir=work_dir,
            args=args,
            options=options,
        )
    except SlurmError as exc:
        inv.err(f"{exc}\n")
        return 1
    inv.out(f"{jobid}\n" if "--parsable" in flags else f"Submitted batch job {jobid}\n")
    return 0


def _ids(value: str) -> set[str]:
    return {item.strip() for item in value.split(",") if item.strip()}


def _squeue(inv: Context) -> int:
    args = list(inv.args)
    users: set[str] | None = None
    jobids: set[str] | None = None
    header = True
    while args:
        arg = args.pop(0)
        name, sep, value = arg.partition("=")
        if arg == "--me":
            users = {inv.user}
        elif name in ("-u", "--user"):
            users = _ids(value if sep else (args.pop(0) if args else ""))
        elif name in ("-j", "--jobs"):
            jobids = _ids(value if sep else (args.pop(0) if args else ""))
        elif arg in ("-h", "--noheader"):
            header = False
        elif name in ("-t", "--states", "-p", "--partition", "-A", "--account", "-o", "--format"):
            if not sep and args:
                args.pop(0)
        elif arg.startswith("-u") and len(arg) > 2:
            users = _ids(arg[2:])
        elif arg.startswith("-j") and len(arg) > 2:
            jobids = _ids(arg[2:])
    try:
        rows = _port(inv).rows(inv.user, sacct=False, jobids=jobids, users=users)
    except ShellError as exc:
        return inv.fail(f"error: {exc.message}")
    if header:
        inv.out(
            f"{'JOBID':>18} {'PARTITION':<9} {'NAME':<8} {'USER':<8} {'ST':<2} "
            f"{'TIME':>10} {'NODES':>6} NODELIST(REASON)\n"
        )
    for row in rows:
        time = row["time"].removeprefix("00:").lstrip("0") or "0:00"
        if time.startswith(":"):
            time = "0" + time
        inv.out(
            f"{row['jobid']:>18} {row['partition'][:9]:<9} {row['name'][:8]:<8} "
            f"{row['user'][:8]:<8} {row['st']:<2} {time:>10} {row['nodes']:>6} "
            f"{row['nodelist(reason)']}\n"
        )
    return 0


_SACCT_DEFAULT = ["jobid", "jobname", "partition", "account", "alloccpus", "state", "exitcode"]
_SACCT_TITLES = {
    "jobid": "JobID",
    "jobname": "JobName",
    "partition": "Partition",
    "account": "Account",
    "alloccpus": "AllocCPUS",
    "state": "State",
    "exitcode": "ExitCode",
    "elapsed": "Elapsed",
    "start": "Start",
    "end": "End",
    "submit": "Submit",
    "user": "User",
    "workdir": "WorkDir",
    "timelimit": "Timelimit",
    "nnodes": "NNodes",
}


def _sacct(inv: Context) -> int:
    args = list(inv.args)
    jobids: set[str] | None = None
    users: set[str] | None = {inv.user}
    columns = list(_SACCT_DEFAULT)
    header = True
    parsable = False
    while args:
        arg = args.pop(0)
        name, sep, value = arg.partition("=")
        given = value if sep else ""
        if name in ("-j", "--jobs"):
            jobids = _ids(given or (args.pop(0) if args else ""))
        elif name in ("-u", "--user"):
            users = _ids(given or (args.pop(0) if args else ""))
        elif name in ("-a", "--allusers"):
            users = None
        elif name in ("-o", "--format"):
            columns = [c.split("%")[0].lower() for c in (given or args.pop(0)).split(",")]
        elif name in ("-n", "--noheader"):
            header = False
        elif name in ("-P", "--parsable2", "-p", "--parsable"):
            parsable = True
        elif name in ("-S", "--starttime", "-E", "--endtime", "-s", "--state") and not sep:
            args = args[1:]
    unknown = [c for c in columns if c not in _SACCT_TITLES]
    if unknown:
        return inv.fail(f'Invalid field requested: "{unknown[0]}"')
    try:
        rows = _port(inv).rows(inv.user, sacct=True, jobids=jobids, users=users)
    except ShellError as exc:
        return inv.fail(f"error: {exc.message}")
    titles = [_SACCT_TITLES[c] for c in columns]
    if parsable:
        lines = ["|".join(titles)] if header else []
        lines += ["|".join(row.get(c, "") for c in columns) for row in rows]
        inv.out("".join(line + "\n" for line in lines))
        return 0
    width = 12
    if header:
        inv.out(" ".join(f"{t:>{width}}" for t in titles) + "\n")
        inv.out(" ".join("-" * width for _ in titles) + "\n")
    for row in rows:
        inv.out(" ".join(f"{row.get(c, '')[:width]:>{width}}" for c in columns) + "\n")
    return 0


def _scancel(inv: Context) -> int:
    jobids = [a for a in inv.args if not a.startswith("-")]
    if not jobids:
        return inv.fail("error: No job identification provided")
    status = 0
    for jobid in jobids:
        try:
            _port(inv).cancel(inv.user, jobid)
        except (SlurmError, ShellError) as exc:
            inv.err(f"{exc}\n")
            status = 1
    return status


def _srun(inv: Context) -> int:
    try:
        options, _, command = _split_options(inv.args)
    except ShellError as exc:
        return inv.fail(f"error: {exc.message}")
    if not command:
        return inv.fail("fatal: No command given to execute.")
    try:
        tasks = int(options.get("ntasks", "1"))
    except ValueError:
        return inv.fail(f'error: Invalid numeric value "{options["ntasks"]}" for ntasks')
    if not 1 <= tasks <= MAX_SRUN_TASKS:
        return inv.fail(f"error: at most {MAX_SRUN_TASKS} tasks here, not {tasks}")
    status = 0
    for rank in range(tasks):
        overlay = {**inv.overlay, "SLURM_PROCID": str(rank), "SLURM_NTASKS": str(tasks)}
        status = max(status, inv.run(list(command), overlay))
    return status


COMMANDS: dict[str, Command] = {
    "sbatch": _sbatch,
    "squeue": _squeue,
    "sacct": _sacct,
    "scancel": _scancel,
    "srun": _srun,
}
