"""``sfapi-sim serve``: run the simulator in the foreground."""

from __future__ import annotations

import argparse
import errno
import math
import shlex
import shutil
import signal
import socket
import sys
import tempfile
from pathlib import Path
from types import FrameType

from .config import (
    API_PREFIX,
    DEFAULT_DISK_QUOTA,
    TOKEN_PATH,
    CallbackSettings,
    Faults,
    SimConfig,
    UserSpec,
)
from .extra import INSTALL_HINT, missing_extra_module
from .ip_ranges import ip_range
from .keys import write_key_file
from .state import seed
from .state.quota import BLOCK

#: Multipliers of the size suffixes ``--disk-quota`` takes.
SIZE_SUFFIXES = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
#: Letters a user name may hold (as useradd accepts by default), and its longest length.
NAME_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
MAX_NAME = 32


def _size(text: str) -> int:
    """Bytes from ``500M``, ``2G`` or ``1048576`` (argparse type)."""
    number, suffix = text.strip(), ""
    if number and number[-1].upper() in SIZE_SUFFIXES:
        number, suffix = number[:-1], number[-1].upper()
    if not number.isdigit():
        raise argparse.ArgumentTypeError(f"not a size in bytes: {text!r} (say 500M or 2G)")
    value = int(number) * SIZE_SUFFIXES[suffix]
    if value < BLOCK:
        raise argparse.ArgumentTypeError(f"a disk quota is at least {BLOCK} bytes, not {text}")
    return value


def _user(text: str) -> UserSpec:
    """A ``--user`` value: ``NAME`` or ``NAME:PROJECT,PROJECT`` (argparse type)."""
    name, _, projects = text.partition(":")
    if (
        not name
        or len(name) > MAX_NAME
        or not set(name) <= NAME_LETTERS
        or not (name[0].isalpha() or name[0] == "_")
    ):
        raise argparse.ArgumentTypeError(
            f"not a user name: {name!r} (lower-case letters, digits, _ and -, "
            f"starting with a letter, at most {MAX_NAME})"
        )
    chosen = tuple(p for p in projects.split(",") if p) if projects else ("m1234",)
    unknown = [p for p in chosen if p not in seed.PROJECTS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown project {', '.join(unknown) or '(none)'} for {name}; "
            f"use {', '.join(seed.PROJECTS)}"
        )
    return UserSpec(name, chosen)


#: Seconds a cached job listing lags behind the scheduler by default: the refresh
#: period the simulated service advertises (``queue_cache_seconds`` in /meta/config).
DEFAULT_QUEUE_LAG = 10.0
#: Not 8000, which documentation servers and many web frameworks take by default.
DEFAULT_PORT = 8766
#: The SFAPI_WAIT_INTERVAL printed for clients: the simulator's jobs take seconds, not
#: the minutes the client's default interval of 10 s is made for.
CLIENT_WAIT_INTERVAL = "1"


def _export_lines(base_url: str, token_url: str, key_file: Path | None) -> list[str]:
    """Shell lines pointing the client, the examples and ``sfapi`` at this simulator."""
    lines = [f"export SFAPI_BASE_URL={base_url}", f"export SFAPI_TOKEN_URL={token_url}"]
    if key_file is not None:
        lines.append(f"export SFAPI_KEY={shlex.quote(str(key_file.resolve()))}")
    lines.append(f"export SFAPI_WAIT_INTERVAL={CLIENT_WAIT_INTERVAL}")
    return lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sfapi-sim", description="A local SF API for tests and offline work."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the API and a token endpoint")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: loopback only)"
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="default: %(default)s")
    serve.add_argument(
        "--key-out",
        type=Path,
        help="write a read-write client's key file here (printed as SFAPI_KEY)",
    )
    serve.add_argument(
        "--read-only-key-out", type=Path, help="write a read-only client's key file here"
    )
    serve.add_argument("--token-lifetime", type=float, default=600.0, help="seconds a token lives")
    serve.add_argument(
        "--key-lifetime",
        type=_lifetime,
        default=SimConfig.key_lifetime,
        metavar="SECONDS",
        help="seconds each client (key) lives after the simulator starts; then the token "
        "endpoint refuses it as expired (default: 30 days; NERSC's clients that may submit "
        "jobs live 2 days: 172800)",
    )
    serve.add_argument(
        "--key-ip-range",
        action="append",
        type=_ip_range,
        default=[],
        metavar="CIDR",
        help="the keys written may be used only from addresses in this range (such as "
        "127.0.0.0/8); repeatable; default: any address",
    )
    serve.add_argument("--job-runtime", type=float, default=5.0, help="default seconds a job runs")
    serve.add_argument("--job-pending", type=float, default=1.0, help="default seconds a job waits")
    serve.add_argument(
        "--data-dir", type=Path, help="where the simulated files live (default: a temporary folder)"
    )
    serve.add_argument("--seed", type=int, default=12345, help="seed of the fault injection")
    users = serve.add_argument_group("users and files")
    users.add_argument(
        "--user",
        action="append",
        type=_user,
        default=[],
        metavar="NAME[:PROJECT,...]",
        help="add a user besides alice and bob, in their own private group and in the "
        f"projects named (default m1234; known: {', '.join(seed.PROJECTS)}); repeatable",
    )
    users.add_argument(
        "--key-dir",
        type=Path,
        help="write a read-write key file for every user here, named NAME.key",
    )
    users.add_argument(
        "--disk-quota",
        type=_size,
        default=DEFAULT_DISK_QUOTA,
        metavar="BYTES",
        help="disk space each user's files may take, all machines together "
        "(suffixes K, M, G; default 1G)",
    )
    users.add_argument(
        "--max-file-bytes",
        type=int,
        default=SimConfig.max_file_bytes,
        help="largest upload accepted, in bytes (default: 5 MiB)",
    )
    serve.add_argument("--admin", action="store_true", help="enable the /_sim admin routes")
    serve.add_argument(
        "--strict-commands",
        action="store_true",
        help="in job scripts, programs the simulator cannot run fail with 127 "
        "(default: they succeed and say on stderr what would have run)",
    )
    serve.add_argument(
        "--lenient-sbatch",
        action="store_true",
        help="accept jobs Perlmutter's policy refuses: no -C constraint, a time or node "
        "count beyond the QOS's limits (sbatch's own option checks still apply)",
    )
    budgets = serve.add_argument_group("shell budgets (every command and job script)")
    budgets.add_argument(
        "--shell-memory",
        type=_positive,
        default=16 * 1024 * 1024,
        help="characters values may hold",
    )
    budgets.add_argument(
        "--shell-written", type=_positive, default=64 * 1024 * 1024, help="bytes a run may write"
    )
    faults = serve.add_argument_group("faults")
    faults.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    faults.add_argument(
        "--error-rate", type=float, default=0.0, help="share of requests answered 503"
    )
    faults.add_argument("--drop-rate", type=float, default=0.0, help="share of connections dropped")
    faults.add_argument(
        "--ambiguous-rate", type=float, default=0.0, help="share answered 504 after processing"
    )
    faults.add_argument(
        "--inband-error-rate", type=float, default=0.0, help="share of GETs answered status ERROR"
    )
    faults.add_argument(
        "--rate-limit-every", type=int, default=0, help="every Nth request starts a 429 burst"
    )
    faults.add_argument("--rate-limit-burst", type=int, default=0, help="length of a 429 burst")
    faults.add_argument("--retry-after", type=float, default=1.0, help="Retry-After of 429 answers")
    faults.add_argument(
        "--queue-lag",
        type=float,
        default=DEFAULT_QUEUE_LAG,
        help="seconds cached job listings lag behind the scheduler: newer jobs are missing "
        "and states are those of that moment; cached=false answers are fresh "
        "(default: %(default)s; 0 for always fresh)",
    )
    callbacks = serve.add_argument_group("job callbacks (loopback URLs only)")
    callbacks.add_argument(
        "--callback-attempts",
        type=int,
        default=CallbackSettings.attempts,
        help="tries of a callback in all (default: %(default)s)",
    )
    callbacks.add_argument(
        "--callback-backoff",
        type=float,
        default=CallbackSettings.backoff,
        help="seconds before the second try, doubling after (default: %(default)s)",
    )
    callbacks.add_argument(
        "--callback-timeout-cap",
        type=float,
        default=CallbackSettings.timeout_cap,
        help="seconds a try waits for the receiver at most, whatever callbackTimeout says "
        "(default: %(default)s)",
    )
    faults.add_argument(
        "--token-latency", type=float, default=0.0, help="seconds added to the token endpoint"
    )
    return parser


def _lifetime(text: str) -> float:
    """A key lifetime: a finite number of seconds above zero."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, not {text}")
    return value


def _ip_range(text: str) -> str:
    """An IP range in CIDR notation, checked."""
    try:
        return str(ip_range(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(text: str) -> int:
    """A budget: a whole number above zero."""
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be above zero, not {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        import uvicorn

        from .app import create_app
    except ModuleNotFoundError as exc:
        name = missing_extra_module(exc)
        if name is None:
            raise
        print(INSTALL_HINT.format(what="sfapi-sim needs", name=name), file=sys.stderr)
        return 2

    try:
        faults = Faults(
            latency=args.latency,
            error_rate=args.error_rate,
            drop_rate=args.drop_rate,
            ambiguous_rate=args.ambiguous_rate,
            inband_error_rate=args.inband_error_rate,
            rate_limit_every=args.rate_limit_every,
            rate_limit_burst=args.rate_limit_burst,
            rate_limit_retry_after=args.retry_after,
            queue_lag=args.queue_lag,
            token_latency=args.token_latency,
        )
        callback_settings = CallbackSettings(
            attempts=args.callback_attempts,
            backoff=args.callback_backoff,
            timeout_cap=args.callback_timeout_cap,
        )
    except ValueError as exc:
        print(f"sfapi-sim: {exc}", file=sys.stderr)
        return 2
    names = [a.name for a in seed.ACCOUNTS] + [u.name for u in args.user]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        print(f"sfapi-sim: user {', '.join(repeated)} given twice", file=sys.stderr)
        return 2
    config = SimConfig(
        token_lifetime=args.token_lifetime,
        key_lifetime=args.key_lifetime,
        key_ip_ranges=tuple(args.key_ip_range),
        job_runtime=args.job_runtime,
        job_pending=args.job_pending,
        seed=args.seed,
        max_file_bytes=args.max_file_bytes,
        admin=args.admin,
        strict_commands=args.strict_commands,
        lenient_sbatch=args.lenient_sbatch,
        disk_quota=args.disk_quota,
        users=tuple(args.user),
        max_shell_memory=args.shell_memory,
        max_shell_written=args.shell_written,
        callbacks=callback_settings,
        faults=faults,
    )
    shown_host = "localhost" if args.host in ("0.0.0.0", "::") else args.host
    token_urls = [
        f"http://{shown_host}:{args.port}{TOKEN_PATH}",
        f"http://127.0.0.1:{args.port}{TOKEN_PATH}",
        f"http://localhost:{args.port}{TOKEN_PATH}",
    ]
    # Take the port before anything else: with the port taken (a simulator already running),
    # writing a key file would replace the one that simulator's users hold, and export
    # lines would point scripts at the other server.
    try:
        bound = bind(args.host, args.port)
    except OSError as exc:
        print(f"sfapi-sim: {cannot_bind(args.host, args.port, exc)}", file=sys.stderr)
        return 2
    # SIGTERM (what CI runners and ``docker stop`` send) ends the server as Ctrl-C does, so
    # that the temporary data folder is removed either way.
    previous = signal.signal(signal.SIGTERM, _terminate)
    scratch: str | None = None
    try:
        if args.data_dir is None:
            scratch = tempfile.mkdtemp(prefix="sfapi-sim-")
        root = args.data_dir or Path(scratch or ".")
        app = create_app(config, root, token_urls)
        world = app.state.world
        base_url = f"http://{shown_host}:{args.port}{API_PREFIX}"
        shown = [f"SF API simulator: base URL {base_url}", f"token URL: {token_urls[0]}"]
        if scratch is not None:
            shown.append(f"data folder (removed on exit): {scratch}")
        ranges = tuple(ip_range(text) for text in config.key_ip_ranges)
        for path, read_only in ((args.key_out, False), (args.read_only_key_out, True)):
            if path is not None:
                client, pem = world.authority.register(
                    "alice", read_only=read_only, ip_ranges=ranges
                )
                write_key_file(path, client.client_id, pem)
                shown.append(
                    f"{'read-only' if read_only else 'read-write'} key for user alice: {path}"
                )
        if args.key_dir is not None:
            for name in world.accounts:
                client, pem = world.authority.register(name, ip_ranges=ranges)
                key = write_key_file(args.key_dir / f"{name}.key", client.client_id, pem)
                shown.append(f"read-write key for user {name}: {key}")
        shown.append("\nTo point the client, the examples and sfapi at it, run in your shell:")
        shown.extend(_export_lines(base_url, token_urls[0], args.key_out))
        shown.append("Ctrl-C stops the simulator.")
        print("\n".join(shown))
        sys.stdout.flush()
        server_config = uvicorn.Config(app, log_level="warning", lifespan="off")
        try:
            uvicorn.Server(server_config).run(sockets=[bound])
        finally:
            world.callbacks.close()
    except Terminated:
        return 128 + signal.SIGTERM
    except OSError as exc:  # a key file or the data folder cannot be written
        print(f"sfapi-sim: {exc.strerror or exc}", file=sys.stderr)
        return 2
    finally:
        bound.close()
        if scratch is not None:
            _remove(Path(scratch))
        signal.signal(signal.SIGTERM, previous)
    return 0


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, for the server to take over; OSError when the
    address is taken or cannot be used.

    It listens only once the server starts (asyncio calls ``listen``), so that a client
    that waits for the port to accept finds the key files written.
    """
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, protocol, _name, address = info[0]
    bound = socket.socket(family, kind, protocol)
    try:
        bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        bound.bind(address)
    except OSError:
        bound.close()
        raise
    return bound


def cannot_bind(host: str, port: int, error: OSError) -> str:
    """Why the simulator cannot listen, and what to do about it."""
    if error.errno == errno.EADDRINUSE:
        return (
            f"port {port} on {host} is already in use (another simulator, or another "
            f"server); stop that one, or choose a free port with --port, such as "
            f"--port {port + 1}"
        )
    return f"cannot listen on {host}:{port}: {error.strerror or error}"


def _remove(folder: Path) -> None:
    """Remove the temporary data folder; again if a job still writing meanwhile made
    something inside it (files are made through open folders, so nothing reappears once
    the folder itself is gone)."""
    for _attempt in range(5):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return


class Terminated(Exception):
    """SIGTERM arrived: the server stops and cleans up as after Ctrl-C."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


if __name__ == "__main__":
    sys.exit(main())
