"""Codegen on a large public description: GitHub's whole REST API (``bench/corpus/github``),
ours against openapi-python-client.

Per side, for each round: the wall time of ``codegen`` in a fresh process, its CPU time
(user and system, the processes it waits for included: ruff on both sides) and its peak
memory (the largest resident set of the process and of those it waited for, from
``wait4``). Then, once per side, what a script pays for its first answer from the
generated package: a fresh interpreter imports the package, creates a client and calls
one operation (``GET /``, ``meta/root``) over its HTTP library's ``MockTransport``,
answered with the document's own example; timed from outside, as wall time. Last, how
many of the document's examples of JSON answers parse into our models
(``tests/generator/example_parse.py``): with the smallest configuration, and with
``[schemas] lenient_answers = true``, the option for documents whose answers leave out
keys they call required (ours only: the peer's models have no such reading).

The document is large (1,223 operations, 969 schemas): a run takes about a minute, so
``make bench`` runs one round by default (``--large-repeats``).
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the generator, which sidebyside reads
    sys.path.insert(1, str(ROOT))

from peers import Peer, Unavailable  # noqa: E402
from sidebyside import cached_env, compared, installed  # noqa: E402

DOCUMENT = ROOT / "bench" / "corpus" / "github" / "api.github.com.json.gz"
PACKAGE = "github_client"
#: The operation of the first call, and the example of its answer in the document.
PATH, EXAMPLE = "/", "root"
TIMEOUT_S = 900.0

#: One run of a command: wall seconds, CPU seconds, peak resident set (MiB).
Run = tuple[float, float, float]


def measured(command: list[str], env: dict[str, str], cwd: Path) -> Run:
    """Run ``command`` to its end; its wall time, CPU time and peak memory, its children
    (those it waited for) included, as ``wait4`` reports them."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    errors = process.stderr.read()  # drained so the child never blocks on a full pipe
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = errors.decode(errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"{command[0]} failed ({process.returncode}): {' | '.join(tail)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _unpacked(folder: Path) -> Path:
    target = folder / "api.github.com.json"
    target.write_bytes(gzip.decompress(DOCUMENT.read_bytes()))
    return target


def _ours_config(folder: Path, document: Path, extra: str = "") -> Path:
    """The smallest configuration a user writes for the document (and ``extra``)."""
    config = folder / ("codegen.toml" if not extra else "codegen-extra.toml")
    config.write_text(f'[package]\nname = "{PACKAGE}"\n\n[inputs]\nspec = "{document}"\n{extra}')
    return config


#: The configuration's addition for answers that leave out required keys.
LENIENT = "\n[schemas]\nlenient_answers = true\n"


def examples_parsed(document: Path, out: Path, env: dict[str, str], scratch: Path) -> Any:
    """The counts of the document's examples that parse into the package in ``out``."""
    summary = scratch / "examples.json"
    command = [sys.executable, "-m", "tests.generator.example_parse", str(document), str(out)]
    command += [PACKAGE, "--summary", str(summary)]
    subprocess.run(
        command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL, timeout=TIMEOUT_S
    )
    return json.loads(summary.read_text(encoding="utf-8"))


def _peer_config(folder: Path) -> Path:
    """The peer's configuration: the same package name as ours."""
    config = folder / "peer.json"
    name = PACKAGE.replace("_", "-")
    config.write_text(json.dumps({"project_name_override": name, "package_name_override": PACKAGE}))
    return config


FIRST_CALL_OURS = """
import json, sys
import httpx2
from {package} import ApiClient
body = json.loads(sys.argv[1])
def answer(request):
    return httpx2.Response(200, json=body)
with ApiClient("https://api.example.org", transport=httpx2.MockTransport(answer)) as client:
    client.meta.meta_root()
"""

FIRST_CALL_PEER = """
import json, sys
import httpx
from {package} import Client
from {package}.api.meta import metaroot
body = json.loads(sys.argv[1])
def answer(request):
    return httpx.Response(200, json=body)
client = Client(base_url="https://api.example.org", httpx_args={{"transport": httpx.MockTransport(answer)}})
with client:
    assert metaroot.sync(client=client) is not None
"""


def _example(document: Path) -> str:
    examples = json.loads(document.read_text(encoding="utf-8"))["components"]["examples"]
    return json.dumps(examples[EXAMPLE]["value"])


def measure(generator_peer: Peer | Unavailable, repeats: int) -> dict[str, Any]:
    """The large-document figures: codegen wall, CPU and peak memory, and first-call
    wall time, ours against the peer's."""
    peer = installed(generator_peer)
    with (
        tempfile.TemporaryDirectory() as scratch,
        cached_env(dict(os.environ)) as ours_env,
        cached_env(peer.env() if peer else {}) as peer_env,
    ):
        folder = Path(scratch)
        document = _unpacked(folder)
        ours_out, peer_out = folder / "ours", folder / "peer"
        ours_command = [sys.executable, "-m", "generator", "codegen", "--force"]
        ours_command += ["--config", str(_ours_config(folder, document)), "--out", str(ours_out)]
        sides: dict[str, Callable[[], Run]] = {
            "ours": lambda: measured(ours_command, ours_env, ROOT)
        }
        if peer is not None:
            command = [str(peer.bin / "openapi-python-client"), "generate"]
            command += ["--path", str(document), "--output-path", str(peer_out), "--overwrite"]
            command += ["--config", str(_peer_config(folder))]
            sides["peer"] = lambda: measured(command, peer_env, folder)
        runs: dict[str, list[Run]] = {name: [] for name in sides}
        for _ in range(repeats):
            for name, run in sides.items():
                runs[name].append(run())
        body = _example(document)
        first: dict[str, list[float]] = {name: [] for name in sides}
        calls = {
            "ours": (
                [sys.executable, "-c", FIRST_CALL_OURS.format(package=PACKAGE), body],
                ours_env,
                ours_out,
            ),
        }
        if peer is not None:
            calls["peer"] = (
                [str(peer.python), "-c", FIRST_CALL_PEER.format(package=PACKAGE), body],
                peer_env,
                peer_out,
            )
        for command, env, cwd in calls.values():
            measured(command, env, cwd)  # warm-up: writes the byte-code caches
        for _ in range(max(repeats, 3)):
            for name, (command, env, cwd) in calls.items():
                first[name].append(measured(command, env, cwd)[0])
        strict = examples_parsed(document, ours_out, ours_env, folder)
        lenient_out = folder / "lenient"
        lenient_command = [sys.executable, "-m", "generator", "codegen", "--force", "--config"]
        lenient_command += [str(_ours_config(folder, document, LENIENT)), "--out", str(lenient_out)]
        measured(lenient_command, ours_env, ROOT)
        lenient = examples_parsed(document, lenient_out, ours_env, folder)
    mine, theirs = runs["ours"], runs.get("peer", [])
    figures = {
        "large_codegen_wall_s": compared(
            [r[0] for r in mine], [r[0] for r in theirs], generator_peer
        ),
        "large_codegen_cpu_s": compared(
            [r[1] for r in mine], [r[1] for r in theirs], generator_peer
        ),
        "large_codegen_rss_mib": compared(
            [r[2] for r in mine], [r[2] for r in theirs], generator_peer
        ),
        "large_first_call_s": compared(first["ours"], first.get("peer", []), generator_peer),
    }
    share = 100 * lenient["parsed"] / lenient["examples"]
    figures["large_examples_parsed_pct"] = {
        "ours": {"median": share, "min": share, "max": share},
        "peer": None,
        "ratio": None,
        "counts": {"lenient_answers": lenient, "smallest_config": strict},
    }
    figures["large_codegen_wall_s"]["document"] = str(DOCUMENT.relative_to(ROOT))
    figures["large_codegen_wall_s"]["rounds"] = repeats
    return figures


def record(figures: dict[str, Any], load_before: tuple[float, ...], repeats: int) -> None:
    """Put the figures of a run of this script alone into bench/results.json in place of
    the last ones, dated and with the load (``metadata.large_run``), and rewrite the
    performance page's tables."""
    import datetime

    import results_table
    from targets import judge

    judge(figures)
    path = ROOT / "bench" / "results.json"
    results: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    kept = {k: v for k, v in results["figures"].items() if not k.startswith("large_")}
    results["figures"] = kept | figures
    results["metadata"]["large_run"] = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "rounds": repeats,
    }
    path.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    results_table.rewrite()


if __name__ == "__main__":
    import argparse

    import peers

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument(
        "--record",
        action="store_true",
        help="replace the large-document figures of bench/results.json and rewrite the page",
    )
    args = parser.parse_args()
    load_before = os.getloadavg()
    result = measure(peers.prepare(peers.OPENAPI_PYTHON_CLIENT), args.repeats)
    summary = {"load_before": load_before, "load_after": os.getloadavg(), **result}
    print(json.dumps(summary, indent=2))
    if args.record:
        record(result, load_before, args.repeats)
