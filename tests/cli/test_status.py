"""``sfapi status``, ``outages``, ``notes``, ``changelog``: public, so they need no key."""

from __future__ import annotations

from .conftest import Sfapi

NO_KEY = {"SFAPI_KEY": None}


def test_status_table_lists_every_system(sfapi: Sfapi) -> None:
    out = sfapi("status", env=NO_KEY)
    assert out.exit_code == 0, out.stderr
    assert out.stdout.startswith("Status")
    for name in ("perlmutter", "dtns", "spin", "globus"):
        assert name in out.stdout
    assert "degraded" in out.stdout and "UTC" in out.stdout


def test_status_of_one_system_as_json_is_one_object(sfapi: Sfapi) -> None:
    out = sfapi("--json", "status", "spin", env=NO_KEY)
    assert out.exit_code == 0, out.stderr
    system = out.json()
    assert isinstance(system, dict)
    assert system["name"] == "spin" and system["status"] == "degraded"
    every = sfapi("--json", "status", env=NO_KEY).json()
    assert isinstance(every, list) and "spin" in {s["name"] for s in every}


def test_an_unknown_system_is_a_usage_error_for_every_command(sfapi: Sfapi) -> None:
    for command in (["status"], ["outages"], ["outages", "--planned"], ["notes"]):
        out = sfapi(*command, "cori", env=NO_KEY)
        assert out.exit_code == 2, (command, out.stderr)
        first, hint = out.stderr.splitlines()
        assert first == "error: unknown system or service 'cori'"
        assert hint == "hint: sfapi status lists every system and service"
        assert out.stdout == ""
    machine_commands = (
        ["jobs", "cori"],
        ["job", "cori", "1"],
        ["wait", "cori", "1"],
        ["submit", "cori", "/x.sh"],
        ["ls", "cori", "/tmp"],
    )
    for args in machine_commands:
        out = sfapi(*args)
        assert out.exit_code == 2, (args, out.stderr)
        assert "cori is retired" in out.stderr and "use perlmutter" in out.stderr
    typo = sfapi("jobs", "perlmuter")
    assert typo.exit_code == 2
    assert "did you mean 'perlmutter'?" in typo.stderr and "Traceback" not in typo.stderr
    assert sfapi("--json", "jobs", "PERLMUTTER").exit_code == 0


def test_outages_past_and_planned(sfapi: Sfapi) -> None:
    past = sfapi("--json", "outages", env=NO_KEY)
    planned = sfapi("--json", "outages", "--planned", env=NO_KEY)
    assert past.exit_code == planned.exit_code == 0
    assert {o["status"] for o in past.json()} == {"Completed"}
    assert {o["status"] for o in planned.json()} == {"Planned"}
    table = sfapi("outages", "--planned", "dtns", env=NO_KEY)
    assert table.stdout.startswith("Planned outages")
    assert "Network upgrade" in table.stdout and "perlmutter" not in table.stdout


def test_notes(sfapi: Sfapi) -> None:
    out = sfapi("notes", "perlmutter", env=NO_KEY)
    assert out.exit_code == 0, out.stderr
    assert "GPU nodes drained for testing" in out.stdout
    assert [n["name"] for n in sfapi("--json", "notes", env=NO_KEY).json()] == [
        "perlmutter",
        "spin",
    ]


def test_changelog(sfapi: Sfapi) -> None:
    out = sfapi("changelog", env=NO_KEY)
    assert out.exit_code == 0, out.stderr
    assert "2024-03-04" in out.stdout and "sacct views of finished jobs" in out.stdout
    entries = sfapi("--json", "changelog", env=NO_KEY).json()
    assert entries[0]["date"] == "2026-09-01"
