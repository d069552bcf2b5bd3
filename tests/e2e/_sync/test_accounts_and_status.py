# Generated from tests/e2e/_async/test_accounts_and_status.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""Accounts, groups, projects, status, outages, notes, changelog, config and Globus."""

from __future__ import annotations

import pytest

from sfapi_client import (
    Client,
    MachineUnavailableError,
    MissingCredentialsError,
    Resource,
    StatusValue,
)
from sfapi_sim.testing import RunningSimulator


def test_user_projects_roles_clients(client: Client, sim: RunningSimulator) -> None:
    user = client.user()
    assert user.name == "alice" and user.uid == 12345
    assert {p.repo_name for p in client.projects()} == {"m1234", "m5678"}
    assert {r.repo_name for r in user.roles()} == {"m1234", "m5678"}
    assert {p.repo_name for p in user.projects()} == {"m1234", "m5678"}
    assert sim.client_id in {c.clientId for c in user.clients()}
    assert (client.user("bob")).name == "bob"


def test_groups(client: Client) -> None:
    user = client.user()
    assert "m1234" in {g.name for g in user.groups()}
    (project,) = [p for p in client.projects() if p.repo_name == "m5678"]
    group = project.create_group(f"team{id(project) % 100000}")
    group.add(["bob"])
    assert {m.name for m in group.members} == {"alice", "bob"}
    group.remove("bob")
    assert {m.name for m in (client.group(group.name)).members} == {"alice"}


def test_status_without_credentials(public_client: Client) -> None:
    statuses = public_client.resources.status()
    assert isinstance(statuses, dict)
    assert {"perlmutter", "dtns", "globus"} <= set(statuses)
    perlmutter = public_client.resources.status("perlmutter")
    assert not isinstance(perlmutter, dict) and perlmutter.status is StatusValue.active
    outages = public_client.resources.outages()
    assert isinstance(outages, dict)
    assert all(o.name == name for name, listed in outages.items() for o in listed)
    assert public_client.resources.planned_outages("perlmutter")
    assert public_client.resources.notes()
    assert (public_client.api.changelog())[0].date is not None
    assert public_client.api.config()


def test_every_resource_has_a_status_outages_and_notes(
    public_client: Client,
) -> None:
    listed = public_client.resources.status()
    assert set(listed) <= {r.value for r in Resource}
    for resource in map(Resource, listed):
        status = public_client.resources.status(resource)
        assert not isinstance(status, dict) and status.name == resource.value
    spin = public_client.resources.status(Resource.spin)
    assert not isinstance(spin, dict) and spin.status is StatusValue.degraded
    outages = public_client.resources.outages(Resource.perlmutter)
    assert outages and {o.name for o in outages} == {"perlmutter"}
    planned = public_client.resources.planned_outages(Resource.dtns)
    assert {o.name for o in planned} == {"dtns"}
    notes = public_client.resources.notes(Resource.spin)
    assert isinstance(notes, list) and notes[0].notes == "Rancher UI is slow"


def test_protected_call_without_credentials_sends_nothing(
    public_client: Client, sim: RunningSimulator
) -> None:
    sim.reset_stats()
    with pytest.raises(MissingCredentialsError, match="needs credentials"):
        public_client.user()
    assert sim.stats()["total_requests"] == 0


def test_unavailable_machine_refuses_work(client: Client, sim: RunningSimulator) -> None:
    status = sim.world.status["dtn01"]
    saved = dict(status)
    status.update(status="unavailable", notes=["maintenance until 18:00"])
    try:
        dtn = client.compute("dtn01")
        with pytest.raises(MachineUnavailableError, match="maintenance until 18:00"):
            dtn.ls("/global/homes/a/alice")
    finally:
        status.clear()
        status.update(saved)


def test_globus_transfer_copies_between_machines(client: Client, sim: RunningSimulator) -> None:
    source = sim.world.filesystems["perlmutter"]
    source.mkdir("/pscratch/sd/a/alice/run1", "alice", parents=True)
    source.write("/pscratch/sd/a/alice/run1/result.dat", "alice", b"x" * 1000)
    globus = client.storage.globus()
    transfer = globus.start_transfer(
        "perlmutter",
        "dtns",
        "/pscratch/sd/a/alice/run1",
        "/global/homes/a/alice/run1",
        label="results",
    )
    transfer.complete(timeout=30)
    assert transfer.result is not None and transfer.result.bytes_transferred == 1000
    assert (
        sim.world.filesystems["dtns"].read("/global/homes/a/alice/run1/result.dat", "alice")
        == b"x" * 1000
    )
    again = globus.transfer(transfer.transfer_id)
    assert again.status == transfer.status
    assert again.update() == transfer.status
