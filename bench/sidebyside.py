"""Ours against a peer in the same run: runs alternate, ours then theirs, so a load
that changes during the run weighs on both sides alike.

Each comparison gives ``{"ours", "peer", "peer_name", "ratio"}``: medians with min and
max, and the ratio of the medians (ours / peer; below 1 means ours is smaller). Without
the peer, ``peer`` and ``ratio`` are null and ``peer_missing`` says why.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peers import Peer, Unavailable

from generator import timeline

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SPEC = ROOT / "spec" / "openapi.json"
OURS_BIN = Path(sys.executable).parent

# The line of the issue for our package; sfapi_client 0.6.0 exports ``Client`` at the
# top but keeps ``Machine`` in ``sfapi_client.compute``: the same two names, its way.
OURS_STARTUP = "from sfapi_client import Client, Machine"
PEER_STARTUP = "from sfapi_client import Client; from sfapi_client.compute import Machine"
RSS_LINE = "; import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"

Measure = Callable[[], float]


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def alternate(
    ours: Measure, theirs: Measure | None, repeats: int
) -> tuple[list[float], list[float]]:
    """``repeats`` figures of each side, taken ours, theirs, ours, theirs, ..."""
    samples = rounds({"ours": ours} | ({"peer": theirs} if theirs else {}), repeats)
    return samples["ours"], samples.get("peer", [])


def rounds(measures: dict[str, Measure], repeats: int) -> dict[str, list[float]]:
    """``repeats`` figures of each measure, taken in turn round by round, so that a load
    that changes during the run weighs on every side alike."""
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(repeats):
        for name, measure in measures.items():
            samples[name].append(measure())
    return samples


def compared(
    mine: list[float], peer: list[float], outcome: Peer | Unavailable | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {"ours": summary(mine), "peer": None, "peer_name": None, "ratio": None}
    if isinstance(outcome, Peer) and peer:
        entry["peer"] = summary(peer)
        entry["peer_name"] = outcome.requirement
        entry["ratio"] = statistics.median(mine) / statistics.median(peer)
    elif isinstance(outcome, Unavailable):
        entry["peer_name"] = outcome.requirement
        entry["peer_missing"] = outcome.reason
    return entry


def wall(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    before: Callable[[], None] | None = None,
    cpu: list[float] | None = None,
) -> Measure:
    """A measure: the wall time of one run of ``command`` in a fresh process (``before``
    runs first, untimed). With ``cpu``, the CPU time (user and system) of each run, its
    worker processes included, is appended to it."""

    def run() -> float:
        if before is not None:
            before()
        used = _children_cpu()
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True, timeout=300)
        elapsed = time.perf_counter() - started
        if cpu is not None:
            cpu.append(_children_cpu() - used)
        return elapsed

    return run


def _children_cpu() -> float:
    """CPU seconds of the finished child processes so far (and of the processes they
    waited for, such as worker pools)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def installed(outcome: Peer | Unavailable) -> Peer | None:
    return outcome if isinstance(outcome, Peer) else None


def codegen(generator_peer: Peer | Unavailable, repeats: int) -> dict[str, Any]:
    """Codegen against openapi-python-client on the same spec, byte-code cached on both
    sides, as for an installed tool (a warm-up run of each writes the caches); nothing
    else is kept between runs (neither side keeps a cache of its own).

    Each round runs, in turn: ours (``--force``) and the peer, which always regenerates
    everything. Wall time and CPU time (user and system, child processes included: the
    peer's ruff, ours) are compared. Then ours on unchanged
    inputs, which has no counterpart in the peer.
    """
    peer = installed(generator_peer)
    with (
        tempfile.TemporaryDirectory() as scratch,
        cached_env(dict(os.environ)) as ours_env,
        cached_env(peer.env() if peer else {}) as peer_env,
    ):
        ours_out, peer_out = Path(scratch) / "ours", Path(scratch) / "peer"
        generate = [sys.executable, "-m", "generator", "codegen", "--out", str(ours_out)]
        ours_cpu: list[float] = []
        peer_cpu: list[float] = []
        sides = {
            "ours": wall([*generate, "--force"], env=ours_env, cpu=ours_cpu),
        }
        if peer is not None:
            command = [str(peer.bin / "openapi-python-client"), "generate", "--path", str(SPEC)]
            command += ["--output-path", str(peer_out), "--overwrite"]
            sides["peer"] = wall(command, env=peer_env, cpu=peer_cpu)
        for measure in sides.values():  # warm-up: byte-code caches
            measure()
        ours_cpu.clear()
        peer_cpu.clear()
        samples = rounds(sides, repeats)
        theirs = samples.get("peer", [])
        cold = compared(samples["ours"], theirs, generator_peer)
        cold["files"] = {"ours": _python_files(ours_out), "peer": _python_files(peer_out)}
        cpu = compared(ours_cpu, peer_cpu, generator_peer)
        stages_file = Path(scratch) / "timeline.jsonl"
        wall([*generate, "--force", "--timeline", str(stages_file)], env=ours_env)()
        cpu["timeline"] = codegen_timeline(stages_file)
        again = wall(generate, env=ours_env)
        unchanged = compared(alternate(again, None, repeats)[0], [], None)
    return {
        "codegen_cold_s": cold,
        "codegen_cold_cpu_s": cpu,
        "codegen_unchanged_s": unchanged,
    }


def codegen_timeline(path: Path) -> dict[str, Any]:
    """One run's stages (``--timeline``), and the same ordered by CPU, largest first:
    what the run spends its time on."""
    records = timeline.read(path)
    return {
        "stages": records,
        "cpu_by_stage": {
            r["stage"]: {"cpu": r["cpu"], "wall": r["wall"]}
            for r in sorted(records, key=lambda r: -r["cpu"])
        },
    }


def _python_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.py")) if folder.is_dir() else 0


@contextmanager
def cached_env(base: dict[str, str]) -> Iterator[dict[str, str]]:
    """``base`` with byte-code caches in a scratch folder (written by a warm-up run)."""
    with tempfile.TemporaryDirectory() as caches:
        env = {k: v for k, v in base.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = caches
        yield env


def startup(client_peer: Peer | Unavailable, repeats: int) -> dict[str, Any]:
    """Start-up against sfapi_client 0.6.0, byte-code cached: the import line, what a
    script pays up to its first answer, peak memory of the import; and ``sfapi --help``."""
    peer = installed(client_peer)
    results: dict[str, Any] = {}
    with (
        cached_env(dict(os.environ)) as ours_env,
        cached_env(peer.env() if peer else {}) as peer_env,
    ):
        sides = {
            "startup_import_s": (
                [sys.executable, "-c", OURS_STARTUP],
                [str(peer.python), "-c", PEER_STARTUP] if peer else None,
            ),
            "startup_first_call_s": (
                [sys.executable, "first_call.py", "ours"],
                [str(peer.python), "first_call.py", "official"] if peer else None,
            ),
        }
        for key, (ours_cmd, peer_cmd) in sides.items():
            ours = wall(ours_cmd, env=ours_env, cwd=BENCH)
            theirs = wall(peer_cmd, env=peer_env, cwd=BENCH) if peer_cmd else None
            ours()  # warm-up: writes the byte-code caches
            if theirs:
                theirs()
            results[key] = compared(*alternate(ours, theirs, repeats), client_peer)
        rss = alternate(
            _rss([sys.executable, "-c", OURS_STARTUP + RSS_LINE], ours_env),
            _rss([str(peer.python), "-c", PEER_STARTUP + RSS_LINE], peer_env) if peer else None,
            min(repeats, 3),
        )
        results["startup_import_rss_mib"] = compared(*rss, client_peer)
        cli_help = wall([str(OURS_BIN / "sfapi"), "--help"], env=ours_env)
        cli_help()
        results["cli_help_s"] = compared(alternate(cli_help, None, repeats)[0], [], None)
    return results


def _rss(command: list[str], env: dict[str, str]) -> Measure:
    def run() -> float:
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
        return int(done.stdout.split()[-1]) / 1024

    return run


def overhead(client_peer: Peer | Unavailable, calls: int, repeats: int) -> dict[str, Any]:
    """Microseconds per ``resources.status`` call and per floor call (raw HTTP client,
    ``json()``, pydantic), each client on its own HTTP library's ``MockTransport``."""
    from overhead import measure

    peer = installed(client_peer)
    names = ("sync_floor", "sync_ergonomic", "async_floor", "async_ergonomic")
    mine: dict[str, list[float]] = {name: [] for name in names}
    theirs: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(repeats):
        for name, values in measure(calls, 1).items():
            if name in mine:
                mine[name] += values
        if peer is not None:
            command = [str(peer.python), "official_client.py", "overhead", str(calls)]
            done = subprocess.run(command, cwd=BENCH, check=True, capture_output=True, text=True)
            for name, value in json.loads(done.stdout).items():
                theirs[name].append(value)
    results: dict[str, Any] = {}
    for name in names:
        results[f"call_{name}_us"] = compared(mine[name], theirs[name], client_peer)
    for side in ("sync", "async"):
        over_floor = [
            c / f for c, f in zip(mine[f"{side}_ergonomic"], mine[f"{side}_floor"], strict=True)
        ]
        peer_over_floor = [
            c / f for c, f in zip(theirs[f"{side}_ergonomic"], theirs[f"{side}_floor"], strict=True)
        ]
        results[f"call_{side}_over_floor"] = compared(over_floor, peer_over_floor, client_peer)
    return results


def monitoring(
    client_peer: Peer | Unavailable,
    jobs: int,
    spread_s: float,
    interval_s: float,
    queued_s: float,
    repeats: int,
) -> dict[str, Any]:
    """Status requests while waiting on ``jobs`` jobs at once, both clients on the same
    in-memory job table (``answers.JobTable``): every job queued for ``queued_s``, then
    ending over ``spread_s``."""
    from monitoring import measure

    peer = installed(client_peer)
    mine: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(repeats):
        mine.append(measure(jobs, spread_s, interval_s, queued_s))
        if peer is not None:
            theirs.append(_peer_monitor(peer, jobs, spread_s, interval_s, queued_s))
    results: dict[str, Any] = {
        "monitor_setup": {
            "jobs": jobs,
            "queued_s": queued_s,
            "finish_spread_s": spread_s,
            "wait_interval_s": interval_s,
        }
    }
    # While every job is queued (the figure the target is about), then over the whole run.
    results["monitor_requests_per_round"] = compared(
        [m["queued_requests_per_round"] for m in mine],
        [t["queued_requests_per_round"] for t in theirs],
        client_peer,
    )
    results["monitor_requests_per_round_overall"] = compared(
        [m["requests_per_round"] for m in mine],
        [t["requests_per_round"] for t in theirs],
        client_peer,
    )
    for key in ("requests", "rounds", "wall_s"):
        results[f"monitor_{key}"] = compared(
            [m[key] for m in mine], [t[key] for t in theirs], client_peer
        )
    return results


def _peer_monitor(
    peer: Peer, jobs: int, spread_s: float, interval_s: float, queued_s: float
) -> dict[str, float]:
    command = [str(peer.python), "official_client.py", "monitor"]
    command += [str(jobs), str(spread_s), str(interval_s), str(queued_s)]
    done = subprocess.run(command, cwd=BENCH, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout))


def monitoring_scale(
    client_peer: Peer | Unavailable, sizes: tuple[int, ...], interval_s: float, queued_s: float
) -> dict[str, Any]:
    """Requests per round while ``sizes`` jobs wait, queued, then end at once: one run a
    size and side (the counts do not vary from run to run)."""
    from monitoring import measure

    peer = installed(client_peer)
    results: dict[str, Any] = {}
    for jobs in sizes:
        mine = measure(jobs, 0.0, interval_s, queued_s)
        theirs: list[dict[str, float]] = []
        failure = None
        if peer is not None:
            try:
                theirs.append(_peer_monitor(peer, jobs, 0.0, interval_s, queued_s))
            except subprocess.CalledProcessError as exc:
                failure = (exc.stderr or "").strip().splitlines()[-1:] or ["no output"]
        for key, figure in (
            ("requests_per_round", "queued_requests_per_round"),
            ("requests", "requests"),
        ):
            entry = compared([mine[figure]], [t[figure] for t in theirs], client_peer)
            if failure:
                entry["peer_failed"] = failure[0]
            results[f"monitor_{jobs}_{key}"] = entry
    return results


def monitoring_memory(jobs: int, rounds: tuple[int, ...]) -> dict[str, Any]:
    """Our process's peak memory while waiting on ``jobs`` queued jobs, after each of the
    ``max(rounds)`` rounds (a process of its own, so nothing else is counted)."""
    command = [sys.executable, "monitoring.py", "memory", str(jobs), str(max(rounds))]
    done = subprocess.run(command, cwd=BENCH, check=True, capture_output=True, text=True)
    run = json.loads(done.stdout)
    peaks = run["peak_rss_mib"]
    return {
        "jobs": jobs,
        "rss_before_waits_mib": round(run["rss_before_waits_mib"], 1),
        "peak_rss_mib_after_rounds": {str(k): round(peaks[k - 1], 1) for k in rounds},
        "requests": run["requests"],
        "rounds": run["rounds"],
    }
