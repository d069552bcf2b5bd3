"""``sfapi-sim serve``: run the simulator in the foreground."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .config import API_PREFIX, TOKEN_PATH, Faults, SimConfig
from .keys import write_key_file


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sfapi-sim", description="A local SF API for tests and offline work."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the API and a token endpoint")
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: loopback only)"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--key-out", type=Path, help="write a read-write client's key file here")
    serve.add_argument(
        "--read-only-key-out", type=Path, help="write a read-only client's key file here"
    )
    serve.add_argument("--token-lifetime", type=float, default=600.0, help="seconds a token lives")
    serve.add_argument("--job-runtime", type=float, default=5.0, help="default seconds a job runs")
    serve.add_argument("--job-pending", type=float, default=1.0, help="default seconds a job waits")
    serve.add_argument(
        "--data-dir", type=Path, help="where the simulated files live (default: a temporary folder)"
    )
    serve.add_argument("--seed", type=int, default=12345, help="seed of the fault injection")
    serve.add_argument(
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
        default=0.0,
        help="seconds new jobs are missing from cached listings",
    )
    faults.add_argument(
        "--token-latency", type=float, default=0.0, help="seconds added to the token endpoint"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    import uvicorn

    from .app import create_app

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
    except ValueError as exc:
        print(f"sfapi-sim: {exc}", file=sys.stderr)
        return 2
    config = SimConfig(
        token_lifetime=args.token_lifetime,
        job_runtime=args.job_runtime,
        job_pending=args.job_pending,
        seed=args.seed,
        max_file_bytes=args.max_file_bytes,
        admin=args.admin,
        strict_commands=args.strict_commands,
        faults=faults,
    )
    shown_host = "localhost" if args.host in ("0.0.0.0", "::") else args.host
    token_urls = [
        f"http://{shown_host}:{args.port}{TOKEN_PATH}",
        f"http://127.0.0.1:{args.port}{TOKEN_PATH}",
        f"http://localhost:{args.port}{TOKEN_PATH}",
    ]
    scratch = tempfile.TemporaryDirectory(prefix="sfapi-sim-") if args.data_dir is None else None
    root = args.data_dir or Path(scratch.name if scratch else ".")
    app = create_app(config, root, token_urls)
    world = app.state.world
    print(f"SF API simulator: base URL http://{shown_host}:{args.port}{API_PREFIX}")
    print(f"token URL: {token_urls[0]}")
    for path, read_only in ((args.key_out, False), (args.read_only_key_out, True)):
        if path is not None:
            client, pem = world.authority.register("alice", read_only=read_only)
            write_key_file(path, client.client_id, pem)
            print(f"{'read-only' if read_only else 'read-write'} key for user alice: {path}")
    sys.stdout.flush()
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning", lifespan="off")
    finally:
        if scratch is not None:
            scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
