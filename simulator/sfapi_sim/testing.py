"""Running the simulator from Python: on a free loopback port, in a background thread.

Used by the test suite, the benchmarks and anyone who wants an SF API in a script::

    with running_simulator() as sim, sim.client() as client:
        print(client.compute("perlmutter").status)
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx2
import uvicorn

from sfapi_client import AsyncClient, Client
from sfapi_client._credentials import Credentials

from .auth import ASSERTION_TYPE
from .config import API_PREFIX, TOKEN_PATH, Faults, SimConfig
from .ip_ranges import ip_range
from .keys import write_key_file
from .state.filesystem import home_of
from .state.scripts import ScriptSpec
from .world import World

__all__ = ["RunningSimulator", "free_port", "running_simulator"]

#: The script of seeded jobs: one Perlmutter accepts (CPU nodes, the default QOS and time
#: limit, so that a seeded job may run as long as a test asks), and the options it gives.
SEEDED_SCRIPT = "#!/bin/bash\n#SBATCH -C cpu\necho seeded\n"
SEEDED_OPTIONS = (("constraint", "cpu"),)

#: Poll intervals for clients of a simulator, whose jobs and commands take fractions
#: of a second where the live service's take minutes.
FAST_POLLING: dict[str, float] = {"wait_interval": 0.1, "task_interval": 0.02}


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class RunningSimulator:
    """A simulator serving on ``base_url``, with key files for a read-write and a
    read-only client of user ``alice``."""

    base_url: str
    token_url: str
    world: World
    key_file: Path
    read_only_key_file: Path
    client_id: str
    read_only_client_id: str
    root: Path

    def stats(self) -> dict[str, Any]:
        """Requests per route, submissions per client, faults injected, jobs, tokens."""
        snapshot = self.world.stats.snapshot()
        snapshot["jobs"] = {m: len(s.all()) for m, s in self.world.schedulers.items()}
        snapshot["tokens_issued"] = self.world.authority.tokens_issued
        return snapshot

    def access_token(self, key_file: Path | None = None) -> str:
        """A token from the token endpoint, asked for as a client asks: a client assertion
        signed with the key of ``key_file`` (default: the read-write client's)."""
        credentials = Credentials.from_key_file(key_file or self.key_file)
        answer = httpx2.post(
            self.token_url,
            data={
                "grant_type": "client_credentials",
                "client_assertion_type": ASSERTION_TYPE,
                "client_assertion": credentials.assertion(self.token_url),
            },
        )
        answer.raise_for_status()
        return str(answer.json()["access_token"])

    def client(self, **options: Any) -> Client:
        """A client of this simulator with alice's read-write key, polling quickly;
        ``options`` go to ``Client`` (``key=sim.read_only_key_file``, ``timeout=``...)."""
        return Client(**self._client_options(options))

    def async_client(self, **options: Any) -> AsyncClient:
        """The async twin of ``client()``."""
        return AsyncClient(**self._client_options(options))

    def _client_options(self, options: dict[str, Any]) -> dict[str, Any]:
        defaults = {
            "key": self.key_file,
            "api_base_url": self.base_url,
            "token_url": self.token_url,
        }
        return {**defaults, **FAST_POLLING, **options}

    def user_key(
        self,
        user: str,
        *,
        read_only: bool = False,
        lifetime: float | None = None,
        ip_ranges: Sequence[str] = (),
    ) -> Path:
        """A key file of a new client of ``user`` (``bob``, or one the simulator was
        started with), for tests of what one user may see of another's files; the
        client lives ``lifetime`` simulated seconds (default: the simulator's key
        lifetime) and may be used from ``ip_ranges`` (CIDR) only, when some are given."""
        if user not in self.world.accounts:
            raise ValueError(
                f"no user {user!r}; the simulator knows {', '.join(self.world.accounts)}"
            )
        client, pem = self.world.authority.register(
            user,
            read_only=read_only,
            lifetime=lifetime,
            ip_ranges=tuple(ip_range(text) for text in ip_ranges),
        )
        kind = "ro" if read_only else "rw"
        return write_key_file(
            self.root / "keys" / f"{user}-{kind}-{client.client_id}.pem", client.client_id, pem
        )

    def reset_stats(self) -> None:
        self.world.stats.reset()

    def seed_jobs(
        self,
        runtimes: Sequence[float],
        *,
        user: str = "alice",
        pending: float = 0.0,
        machine: str = "perlmutter",
        run_script: bool = True,
    ) -> list[str]:
        """Jobs of ``user`` put straight into ``machine``'s scheduler, one per run time,
        each queued for ``pending`` simulated seconds; their ids, in order.

        Faster than submitting through the API when a test needs thousands of jobs; with
        ``run_script=False`` no script runs either, and each job ends after its run time.
        """
        scheduler = self.world.schedulers[machine]
        account = self.world.account(user)
        home = home_of(user)
        now = self.world.clock.now()
        return [
            scheduler.submit(
                account,
                command=f"{home}/seeded.sh",
                work_dir=home,
                submit_dir=home,
                script=SEEDED_SCRIPT,
                args=[],
                spec=ScriptSpec(options=dict(SEEDED_OPTIONS)),
                now=now,
                default_runtime=runtime,
                default_pending=pending,
                run_script=run_script,
            ).jobid
            for runtime in runtimes
        ]

    def set_faults(self, **changes: Any) -> None:
        """Replace the injected faults (``set_faults()`` turns them all off)."""
        self.world.set_faults(replace(self.world.config, faults=Faults(**changes), route_faults=()))

    def configure(self, **changes: Any) -> None:
        """Change other settings (``job_runtime``, ``task_delay``, ``token_lifetime`` ...)."""
        self.world.set_faults(replace(self.world.config, **changes))
        if "token_lifetime" in changes:
            self.world.authority.token_lifetime = changes["token_lifetime"]
        if "key_lifetime" in changes:  # for the clients registered from now on
            self.world.authority.key_lifetime = changes["key_lifetime"]


@contextmanager
def running_simulator(
    config: SimConfig | None = None, host: str = "127.0.0.1", port: int = 0
) -> Iterator[RunningSimulator]:
    """Start a simulator (admin routes on), yield it, stop it."""
    from .app import create_app

    config = config or SimConfig(admin=True)
    port = port or free_port(host)
    token_urls = [f"http://{host}:{port}{TOKEN_PATH}", f"http://localhost:{port}{TOKEN_PATH}"]
    with tempfile.TemporaryDirectory(prefix="sfapi-sim-") as scratch:
        root = Path(scratch)
        app = create_app(config, root / "machines", token_urls)
        world: World = app.state.world
        ranges = tuple(ip_range(text) for text in config.key_ip_ranges)
        rw, rw_pem = world.authority.register("alice", ip_ranges=ranges)
        ro, ro_pem = world.authority.register("alice", read_only=True, ip_ranges=ranges)
        server = uvicorn.Server(
            uvicorn.Config(
                app,
                host=host,
                port=port,
                log_level="warning",
                lifespan="off",
                timeout_keep_alive=30,
                backlog=4096,
            )
        )
        thread = threading.Thread(target=server.run, name="sfapi-sim", daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the simulator did not start on {host}:{port}")
            time.sleep(0.01)
        try:
            yield RunningSimulator(
                base_url=f"http://{host}:{port}{API_PREFIX}",
                token_url=token_urls[0],
                world=world,
                key_file=write_key_file(root / "keys" / "alice-rw.pem", rw.client_id, rw_pem),
                read_only_key_file=write_key_file(
                    root / "keys" / "alice-ro.pem", ro.client_id, ro_pem
                ),
                client_id=rw.client_id,
                read_only_client_id=ro.client_id,
                root=root,
            )
        finally:
            server.should_exit = True
            thread.join(timeout=15)
            world.callbacks.close()
