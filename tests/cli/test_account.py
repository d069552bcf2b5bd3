"""``sfapi whoami``, ``projects``, ``groups``: the owner of the credentials."""

from __future__ import annotations

import re
import time
from datetime import datetime

from sfapi_sim.testing import RunningSimulator

from .conftest import Sfapi


def test_whoami(sfapi: Sfapi) -> None:
    table = sfapi("whoami")
    assert table.exit_code == 0, table.stderr
    assert "alice" in table.stdout and "Alice Liddell" in table.stdout
    info = sfapi("--json", "whoami").json()
    assert info["name"] == "alice" and info["uid"] == 12345


def test_projects(sfapi: Sfapi) -> None:
    table = sfapi("projects")
    assert table.exit_code == 0, table.stderr
    assert "m1234" in table.stdout and "Simulated climate ensembles" in table.stdout
    assert {p["repo_name"] for p in sfapi("--json", "projects").json()} == {"m1234", "m5678"}


def test_groups(sfapi: Sfapi) -> None:
    table = sfapi("groups")
    assert table.exit_code == 0, table.stderr
    assert "alice, bob" in table.stdout
    groups = {g["name"]: g for g in sfapi("--json", "groups").json()}
    assert groups["m1234"]["gid"] == 70001


def test_whoami_shows_the_key_expiry_and_warns_within_a_day(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    key = sim.user_key("alice", lifetime=3 * 3600)
    table = sfapi("whoami", env={"SFAPI_KEY": str(key)})
    assert table.exit_code == 0, table.stderr
    assert "key expires" in table.stdout and "time left" in table.stdout
    assert "UTC" in table.stdout and re.search(r"\b(2 h 59|3 h 0) min\b", table.stdout), (
        table.stdout
    )
    warnings = [line for line in table.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "iris.nersc.gov" in warnings[0], table.stderr
    info = sfapi("--json", "whoami", env={"SFAPI_KEY": str(key)}).json()
    client_id = key.read_text().splitlines()[0]
    (client,) = [c for c in sim.world.authority.clients_of("alice") if c.client_id == client_id]
    assert datetime.fromisoformat(info["key_expires_at"]).timestamp() == client.expires_at
    assert abs(info["key_seconds_left"] - (client.expires_at - time.time())) < 5


def test_whoami_without_a_near_expiry_does_not_warn(sfapi: Sfapi) -> None:
    table = sfapi("whoami")
    assert table.exit_code == 0, table.stderr
    assert "warning" not in table.stderr
    assert re.search(r"\b(29|30) days\b", table.stdout), table.stdout


def test_an_expired_key_is_reported_with_where_to_renew(
    sfapi: Sfapi, sim: RunningSimulator
) -> None:
    key = sim.user_key("alice", lifetime=60)
    sim.world.clock.advance(120)  # the simulator's clock: the key expired a minute ago
    out = sfapi("whoami", env={"SFAPI_KEY": str(key)})
    assert out.exit_code == 3, out.stderr  # refused credentials
    assert "expired" in out.stderr and "iris.nersc.gov" in out.stderr, out.stderr
    assert "".join(key.read_text().splitlines()[2:4]) not in out.stderr + out.stdout
