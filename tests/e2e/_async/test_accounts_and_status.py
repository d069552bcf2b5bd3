"""Accounts, groups, projects, status, outages, notes, changelog, config and Globus."""

from __future__ import annotations

import pytest

from sfapi_client import (
    AsyncClient,
    MachineUnavailableError,
    MissingCredentialsError,
    Resource,
    StatusValue,
)
from sfapi_sim.testing import RunningSimulator


async def test_user_projects_roles_clients(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    user = await async_client.user()
    assert user.name == "alice" and user.uid == 12345
    assert {p.repo_name for p in await async_client.projects()} == {"m1234", "m5678"}
    assert {r.repo_name for r in await user.roles()} == {"m1234", "m5678"}
    assert {p.repo_name for p in await user.projects()} == {"m1234", "m5678"}
    assert sim.client_id in {c.clientId for c in await user.clients()}
    assert (await async_client.user("bob")).name == "bob"


async def test_groups(async_client: AsyncClient) -> None:
    user = await async_client.user()
    assert "m1234" in {g.name for g in await user.groups()}
    (project,) = [p for p in await async_client.projects() if p.repo_name == "m5678"]
    group = await project.create_group(f"team{id(project) % 100000}")
    await group.add(["bob"])
    assert {m.name for m in group.members} == {"alice", "bob"}
    await group.remove("bob")
    assert {m.name for m in (await async_client.group(group.name)).members} == {"alice"}


async def test_status_without_credentials(async_public_client: AsyncClient) -> None:
    statuses = await async_public_client.resources.status()
    assert isinstance(statuses, dict)
    assert {"perlmutter", "dtns", "globus"} <= set(statuses)
    perlmutter = await async_public_client.resources.status("perlmutter")
    assert not isinstance(perlmutter, dict) and perlmutter.status is StatusValue.active
    outages = await async_public_client.resources.outages()
    assert isinstance(outages, dict)
    assert all(o.name == name for name, listed in outages.items() for o in listed)
    assert await async_public_client.resources.planned_outages("perlmutter")
    assert await async_public_client.resources.notes()
    assert (await async_public_client.api.changelog())[0].date is not None
    assert await async_public_client.api.config()


async def test_every_resource_has_a_status_outages_and_notes(
    async_public_client: AsyncClient,
) -> None:
    listed = await async_public_client.resources.status()
    assert set(listed) <= {r.value for r in Resource}
    for resource in map(Resource, listed):
        status = await async_public_client.resources.status(resource)
        assert not isinstance(status, dict) and status.name == resource.value
    spin = await async_public_client.resources.status(Resource.spin)
    assert not isinstance(spin, dict) and spin.status is StatusValue.degraded
    outages = await async_public_client.resources.outages(Resource.perlmutter)
    assert outages and {o.name for o in outages} == {"perlmutter"}
    planned = await async_public_client.resources.planned_outages(Resource.dtns)
    assert {o.name for o in planned} == {"dtns"}
    notes = await async_public_client.resources.notes(Resource.spin)
    assert isinstance(notes, list) and notes[0].notes == "Rancher UI is slow"


async def test_protected_call_without_credentials_sends_nothing(
    async_public_client: AsyncClient, sim: RunningSimulator
) -> None:
    sim.reset_stats()
    with pytest.raises(MissingCredentialsError, match="needs credentials"):
        await async_public_client.user()
    assert sim.stats()["total_requests"] == 0


async def test_unavailable_machine_refuses_work(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    status = sim.world.status["dtn01"]
    saved = dict(status)
    status.update(status="unavailable", notes=["maintenance until 18:00"])
    try:
        dtn = await async_client.compute("dtn01")
        with pytest.raises(MachineUnavailableError, match="maintenance until 18:00"):
            await dtn.ls("/global/homes/a/alice")
    finally:
        status.clear()
        status.update(saved)


async def test_globus_transfer_copies_between_machines(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    source = sim.world.filesystems["perlmutter"]
    source.mkdir("/pscratch/sd/a/alice/run1", "alice", parents=True)
    source.write("/pscratch/sd/a/alice/run1/result.dat", "alice", b"x" * 1000)
    globus = await async_client.storage.globus()
    transfer = await globus.start_transfer(
        "perlmutter",
        "dtns",
        "/pscratch/sd/a/alice/run1",
        "/global/homes/a/alice/run1",
        label="results",
    )
    await transfer.complete(timeout=30)
    assert transfer.result is not None and transfer.result.bytes_transferred == 1000
    assert (
        sim.world.filesystems["dtns"].read("/global/homes/a/alice/run1/result.dat", "alice")
        == b"x" * 1000
    )
    again = await globus.transfer(transfer.transfer_id)
    assert again.status == transfer.status
    assert await again.update() == transfer.status
