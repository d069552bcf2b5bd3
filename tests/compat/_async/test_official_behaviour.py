"""What code written for NERSC's sfapi_client 0.6.0 relies on, against the simulator.

Return types (dicts by system name, one object for one system), job listings as models
with every row field, the task and state enums, the token, list commands, uploads of
named buffers, credentials as key objects, and the error phrases code matches on.
"""

from __future__ import annotations

import io
import json
import re
import uuid
import warnings

import pytest
from joserfc.jwk import import_key

from sfapi_client import AsyncClient, SfApiError, StatusValue
from sfapi_client._async.compute import command_line
from sfapi_client.compute import AsyncCommandTask, Machine, TaskStatus
from sfapi_client.jobs import AsyncJobSacct, AsyncJobSqueue, JobCommand, JobState
from sfapi_client.resources import Resource
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
QUICK = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -N 2\n# sim: pending=0 runtime=0.2\necho quick\n"


def _pem(sim: RunningSimulator) -> tuple[str, str]:
    client_id, pem = sim.key_file.read_text().split("\n", 1)
    return client_id, pem


async def test_status_outages_and_notes_by_name_or_for_one(
    async_public_client: AsyncClient,
) -> None:
    resources = async_public_client.resources
    everything = await resources.status()
    assert isinstance(everything, dict) and everything["perlmutter"].name == "perlmutter"
    one = await resources.status(Resource.spin)
    assert not isinstance(one, dict)
    assert Resource.spin.value in one.name and one.status in StatusValue
    outages = await resources.outages()
    assert isinstance(outages, dict) and outages[Machine.perlmutter.value][0].name == "perlmutter"
    flat = await resources.outages(Machine.perlmutter)
    assert isinstance(flat, list) and flat[0].name == Machine.perlmutter
    assert isinstance(await resources.planned_outages(), dict)
    assert isinstance(await resources.planned_outages(Machine.perlmutter), list)
    assert isinstance(await resources.notes(), dict)
    assert isinstance(await resources.notes(Machine.perlmutter), list)


async def test_api_config_is_a_dict_and_the_changelog_a_list(
    async_public_client: AsyncClient,
) -> None:
    config = await async_public_client.api.config()
    assert isinstance(config, dict) and config and all(isinstance(k, str) for k in config)
    assert len(await async_public_client.api.changelog()) > 0


async def test_a_machine_reports_its_outages(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    assert perlmutter.status in ["active", "unavailable", "degraded", "other"]
    assert perlmutter.name == Machine.perlmutter.value
    assert len(await perlmutter.outages()) > 0
    assert isinstance(await perlmutter.planned_outages(), list)


async def test_job_listings_are_models_with_every_row_field(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    submitted = await perlmutter.submit_job(QUICK)
    assert isinstance(submitted, AsyncJobSqueue) and submitted.jobid
    queued = await perlmutter.jobs(user="alice")
    assert queued and all(isinstance(j, AsyncJobSqueue) for j in queued)
    mine = next(j for j in queued if j.jobid == submitted.jobid)
    assert mine.nodes == "2" and mine.dict()["jobid"] == submitted.jobid
    assert "compute" not in mine.model_dump()
    json.dumps([j.dict() for j in queued])  # what the notebooks print
    await submitted.complete(timeout=30)
    accounted = await perlmutter.jobs(jobids=[submitted.jobid], command="sacct")
    assert [type(j) for j in accounted] == [AsyncJobSacct]
    assert accounted[0].state is JobState.COMPLETED and accounted[0].exitcode == "0:0"
    looked_up = await perlmutter.job(jobid=submitted.jobid)
    assert isinstance(looked_up, AsyncJobSacct) and looked_up.jobid == submitted.jobid
    squeue_view = await perlmutter.job(submitted.jobid, JobCommand.squeue)
    assert isinstance(squeue_view, AsyncJobSqueue)


async def test_a_job_built_like_the_official_tests_build_it(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    submitted = await perlmutter.submit_job(QUICK)
    job = AsyncJobSqueue(jobid=submitted.jobid, compute=perlmutter)
    assert await job.complete(timeout=30) == JobState.COMPLETED
    assert job.state == JobState.COMPLETED


async def test_an_unknown_state_keeps_its_text_and_ends_a_wait(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    job = await perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0 pending=0 end=WARPED\n"
    )
    with pytest.raises(TimeoutError):
        await job.complete(timeout=0.5)  # not a terminal state: the wait ends at its timeout
    again = await perlmutter.job(job.jobid or "")
    assert again.state is JobState.UNKNOWN and again.raw_state == "WARPED"
    assert str(again.state) == "JobState.UNKNOWN" and again.dict()["state"] == "UNKNOWN"


async def test_an_unknown_job_says_job_not_found(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    with pytest.raises(SfApiError) as raised:
        await perlmutter.job(999)
    match = re.search(r"Job not found: (\d+)", str(raised.value))
    assert match is not None and match.group(1) == "999"


async def test_running_raises_when_the_job_ended_unseen(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    job = await perlmutter.submit_job(QUICK)
    await job.complete(timeout=30)
    with pytest.raises(SfApiError, match="never entered the running state"):
        await job.running(timeout=30)


async def test_the_token_of_the_client(async_client: AsyncClient, sim: RunningSimulator) -> None:
    token = await async_client.token
    assert isinstance(token, str) and token
    async with AsyncClient(api_base_url=sim.base_url, access_token=token) as by_token:
        assert await by_token.token == token
        assert (await by_token.user()).name == "alice"


async def test_commands_as_a_list_a_string_or_a_remote_path(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    assert await perlmutter.run(["echo", "two words"]) == "two words\n"
    assert await perlmutter.run(f"echo {HOME}") == f"{HOME}\n"
    [hostname] = await perlmutter.ls("/usr/bin/hostname")
    assert command_line(hostname) == "/usr/bin/hostname"
    assert command_line(["ls", "a b"]) == "ls 'a b'"


async def test_a_command_task_reports_status_and_result(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    task = await perlmutter.run_task("echo hello")
    assert isinstance(task, AsyncCommandTask) and task.id
    assert task.status is None and task.result is None
    await task.settle()
    assert task.status is TaskStatus.COMPLETED
    assert task.result is not None and task.result.output == "hello\n" and not task.result.error
    failing = await (await perlmutter.run_task("cat /no/such/file")).settle()
    assert (
        failing.status in (TaskStatus.COMPLETED, TaskStatus.FAILED) and failing.result is not None
    )
    assert failing.result.status == "error" and failing.result.exit_code == 1


async def test_uploads_name_the_file_from_its_filename(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    [home] = await perlmutter.ls(HOME, directory=True)
    buffer = io.BytesIO(b"hello world!")
    name = f"hello-{uuid.uuid4().hex[:8]}.txt"
    buffer.filename = name  # type: ignore[attr-defined]
    remote = await home.upload(buffer)
    assert remote.name == name
    assert (await remote.download()).read() == "hello world!"
    rewritten = await remote.upload(io.BytesIO(b"goodbye"))
    assert (await rewritten.download()).read() == "goodbye"


async def test_open_modes_of_a_remote_file(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute(Machine.perlmutter)
    [home] = await perlmutter.ls(HOME, directory=True)
    target = home / f"opened-{uuid.uuid4().hex[:8]}.txt"
    async with target.open("wb") as out:
        out.write(b"hi")
    async with target.open("br") as binary:
        assert binary.read() == b"hi"
    for bad in ("dse", "rr", "ww", "wr"):
        with pytest.raises(ValueError):
            async with target.open(bad):
                pass
    [found] = await perlmutter.ls(str(target))
    assert await found.is_file() and not await found.is_dir()
    with pytest.raises(IsADirectoryError):
        await home.download()
    with pytest.raises(ValueError, match="absolute"):
        await perlmutter.ls("relative/path")


async def test_globus_transfer_through_the_official_names(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    scratch = f"/pscratch/sd/a/alice/globus-{uuid.uuid4().hex[:8]}"
    sim.world.filesystems["perlmutter"].mkdir(scratch, "alice", parents=True)
    sim.world.filesystems["perlmutter"].write(f"{scratch}/a.dat", "alice", b"x" * 10)
    globus = await async_client.storage.globus()
    started = await globus.start_transfer(
        Machine.perlmutter, Machine.perlmutter, scratch, f"{scratch}-copy", "compat"
    )
    await started.complete(timeout=30)
    checked = await globus.transfer(started.transfer_id)
    assert checked.transfer_id == started.transfer_id and checked.globus_status == "SUCCEEDED"


async def test_users_groups_projects_and_roles(async_client: AsyncClient) -> None:
    me = await async_client.user()
    assert me.name == "alice" and (await async_client.user("alice")).name == "alice"
    assert await me.groups() and await me.projects() and await me.roles()
    projects = await me.projects()
    assert [p.name for p in projects] == [p.repo_name for p in projects]
    assert "hours_used" in projects[0].model_dump() and projects[0].description
    assert me.model_dump()["name"] == "alice" and me.email is not None
    assert await me.clients()
    bob = await async_client.user("bob")
    for listing in (bob.groups, bob.projects, bob.roles):
        with pytest.raises(SfApiError, match="Can only fetch"):
            await listing()
    group = await async_client.group("m1234")
    assert group.name == "m1234"
    member = next(m for m in group.members if m.name == "bob")
    assert (await member.user()) == bob


async def test_credentials_as_key_objects_and_an_id_with_a_newline(
    sim: RunningSimulator,
) -> None:
    client_id, pem = _pem(sim)
    for secret in (
        import_key(pem, "RSA"),
        json.dumps(import_key(pem, "RSA").as_dict(private=True)),
    ):
        async with AsyncClient(
            client_id + "\n", secret, api_base_url=sim.base_url, token_url=sim.token_url
        ) as client:
            assert (await client.user()).name == "alice"


async def test_authlib_key_objects_are_accepted(sim: RunningSimulator) -> None:
    with warnings.catch_warnings():
        # authlib announces its jose module's retirement (through an "always" filter it
        # installs on import, hence ours after it); users still pass its keys.
        import authlib.deprecate

        warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
        from authlib.jose import JsonWebKey

    client_id, pem = _pem(sim)
    async with AsyncClient(
        client_id, JsonWebKey.import_key(pem), api_base_url=sim.base_url, token_url=sim.token_url
    ) as client:
        assert (await client.user()).name == "alice"


async def test_protected_calls_without_credentials_raise_sf_api_error(
    async_public_client: AsyncClient,
) -> None:
    machine = await async_public_client.compute(Machine.perlmutter)
    with pytest.raises(SfApiError):
        await machine.jobs()
