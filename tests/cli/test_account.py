"""``sfapi whoami``, ``projects``, ``groups``: the owner of the credentials."""

from __future__ import annotations

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
