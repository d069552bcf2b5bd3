# Generated from tests/compat/_async/test_official_behaviour.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
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

from sfapi_client import Client, SfApiError, StatusValue
from sfapi_client._sync.compute import command_line
from sfapi_client.compute import CommandTask, Machine, TaskStatus
from sfapi_client.jobs import JobSacct, JobSqueue, JobCommand, JobState
from sfapi_client.resources import Resource
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"
QUICK = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -N 2\n# sim: pending=0 runtime=0.2\necho quick\n"


def _pem(sim: RunningSimulator) -> tuple[str, str]:
    client_id, pem = sim.key_file.read_text().split("\n", 1)
    return client_id, pem


def test_status_outages_and_notes_by_name_or_for_one(
    public_client: Client,
) -> None:
    resources = public_client.resources
    everything = resources.status()
    assert isinstance(everything, dict) and everything["perlmutter"].name == "perlmutter"
    one = resources.status(Resource.spin)
    assert not isinstance(one, dict)
    assert Resource.spin.value in one.name and one.status in StatusValue
    outages = resources.outages()
    assert isinstance(outages, dict) and outages[Machine.perlmutter.value][0].name == "perlmutter"
    flat = resources.outages(Machine.perlmutter)
    assert isinstance(flat, list) and flat[0].name == Machine.perlmutter
    assert isinstance(resources.planned_outages(), dict)
    assert isinstance(resources.planned_outages(Machine.perlmutter), list)
    assert isinstance(resources.notes(), dict)
    assert isinstance(resources.notes(Machine.perlmutter), list)


def test_api_config_is_a_dict_and_the_changelog_a_list(
    public_client: Client,
) -> None:
    config = public_client.api.config()
    assert isinstance(config, dict) and config and all(isinstance(k, str) for k in config)
    assert len(public_client.api.changelog()) > 0


def test_a_machine_reports_its_outages(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    assert perlmutter.status in ["active", "unavailable", "degraded", "other"]
    assert perlmutter.name == Machine.perlmutter.value
    assert len(perlmutter.outages()) > 0
    assert isinstance(perlmutter.planned_outages(), list)


def test_job_listings_are_models_with_every_row_field(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    submitted = perlmutter.submit_job(QUICK)
    assert isinstance(submitted, JobSqueue) and submitted.jobid
    queued = perlmutter.jobs(user="alice")
    assert queued and all(isinstance(j, JobSqueue) for j in queued)
    mine = next(j for j in queued if j.jobid == submitted.jobid)
    assert mine.nodes == "2" and mine.dict()["jobid"] == submitted.jobid
    assert "compute" not in mine.model_dump()
    json.dumps([j.dict() for j in queued])  # what the notebooks print
    submitted.complete(timeout=30)
    accounted = perlmutter.jobs(jobids=[submitted.jobid], command="sacct")
    assert [type(j) for j in accounted] == [JobSacct]
    assert accounted[0].state is JobState.COMPLETED and accounted[0].exitcode == "0:0"
    looked_up = perlmutter.job(jobid=submitted.jobid)
    assert isinstance(looked_up, JobSacct) and looked_up.jobid == submitted.jobid
    squeue_view = perlmutter.job(submitted.jobid, JobCommand.squeue)
    assert isinstance(squeue_view, JobSqueue)


def test_a_job_built_like_the_official_tests_build_it(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    submitted = perlmutter.submit_job(QUICK)
    job = JobSqueue(jobid=submitted.jobid, compute=perlmutter)
    assert job.complete(timeout=30) == JobState.COMPLETED
    assert job.state == JobState.COMPLETED


def test_an_unknown_state_keeps_its_text_and_ends_a_wait(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: runtime=0 pending=0 end=WARPED\n"
    )
    with pytest.raises(TimeoutError):
        job.complete(timeout=0.5)  # not a terminal state: the wait ends at its timeout
    again = perlmutter.job(job.jobid or "")
    assert again.state is JobState.UNKNOWN and again.raw_state == "WARPED"
    assert str(again.state) == "JobState.UNKNOWN" and again.dict()["state"] == "UNKNOWN"


def test_an_unknown_job_says_job_not_found(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    with pytest.raises(SfApiError) as raised:
        perlmutter.job(999)
    match = re.search(r"Job not found: (\d+)", str(raised.value))
    assert match is not None and match.group(1) == "999"


def test_running_raises_when_the_job_ended_unseen(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job(QUICK)
    job.complete(timeout=30)
    with pytest.raises(SfApiError, match="never entered the running state"):
        job.running(timeout=30)


def test_the_token_of_the_client(client: Client, sim: RunningSimulator) -> None:
    token = client.token
    assert isinstance(token, str) and token
    with Client(api_base_url=sim.base_url, access_token=token) as by_token:
        assert by_token.token == token
        assert (by_token.user()).name == "alice"


def test_commands_as_a_list_a_string_or_a_remote_path(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    assert perlmutter.run(["echo", "two words"]) == "two words\n"
    assert perlmutter.run(f"echo {HOME}") == f"{HOME}\n"
    [hostname] = perlmutter.ls("/usr/bin/hostname")
    assert command_line(hostname) == "/usr/bin/hostname"
    assert command_line(["ls", "a b"]) == "ls 'a b'"


def test_a_command_task_reports_status_and_result(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    task = perlmutter.run_task("echo hello")
    assert isinstance(task, CommandTask) and task.id
    assert task.status is None and task.result is None
    task.settle()
    assert task.status is TaskStatus.COMPLETED
    assert task.result is not None and task.result.output == "hello\n" and not task.result.error
    failing = (perlmutter.run_task("cat /no/such/file")).settle()
    assert (
        failing.status in (TaskStatus.COMPLETED, TaskStatus.FAILED) and failing.result is not None
    )
    assert failing.result.status == "error" and failing.result.exit_code == 1


def test_uploads_name_the_file_from_its_filename(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    [home] = perlmutter.ls(HOME, directory=True)
    buffer = io.BytesIO(b"hello world!")
    name = f"hello-{uuid.uuid4().hex[:8]}.txt"
    buffer.filename = name  # type: ignore[attr-defined]
    remote = home.upload(buffer)
    assert remote.name == name
    assert (remote.download()).read() == "hello world!"
    rewritten = remote.upload(io.BytesIO(b"goodbye"))
    assert (rewritten.download()).read() == "goodbye"


def test_open_modes_of_a_remote_file(client: Client) -> None:
    perlmutter = client.compute(Machine.perlmutter)
    [home] = perlmutter.ls(HOME, directory=True)
    target = home / f"opened-{uuid.uuid4().hex[:8]}.txt"
    with target.open("wb") as out:
        out.write(b"hi")
    with target.open("br") as binary:
        assert binary.read() == b"hi"
    for bad in ("dse", "rr", "ww", "wr"):
        with pytest.raises(ValueError):
            with target.open(bad):
                pass
    [found] = perlmutter.ls(str(target))
    assert found.is_file() and not found.is_dir()
    with pytest.raises(IsADirectoryError):
        home.download()
    with pytest.raises(ValueError, match="absolute"):
        perlmutter.ls("relative/path")


def test_globus_transfer_through_the_official_names(client: Client, sim: RunningSimulator) -> None:
    scratch = f"/pscratch/sd/a/alice/globus-{uuid.uuid4().hex[:8]}"
    sim.world.filesystems["perlmutter"].mkdir(scratch, "alice", parents=True)
    sim.world.filesystems["perlmutter"].write(f"{scratch}/a.dat", "alice", b"x" * 10)
    globus = client.storage.globus()
    started = globus.start_transfer(
        Machine.perlmutter, Machine.perlmutter, scratch, f"{scratch}-copy", "compat"
    )
    started.complete(timeout=30)
    checked = globus.transfer(started.transfer_id)
    assert checked.transfer_id == started.transfer_id and checked.globus_status == "SUCCEEDED"


def test_users_groups_projects_and_roles(client: Client) -> None:
    me = client.user()
    assert me.name == "alice" and (client.user("alice")).name == "alice"
    assert me.groups() and me.projects() and me.roles()
    projects = me.projects()
    assert [p.name for p in projects] == [p.repo_name for p in projects]
    assert "hours_used" in projects[0].model_dump() and projects[0].description
    assert me.model_dump()["name"] == "alice" and me.email is not None
    assert me.clients()
    bob = client.user("bob")
    for listing in (bob.groups, bob.projects, bob.roles):
        with pytest.raises(SfApiError, match="Can only fetch"):
            listing()
    group = client.group("m1234")
    assert group.name == "m1234"
    member = next(m for m in group.members if m.name == "bob")
    assert (member.user()) == bob


def test_credentials_as_key_objects_and_an_id_with_a_newline(
    sim: RunningSimulator,
) -> None:
    client_id, pem = _pem(sim)
    for secret in (
        import_key(pem, "RSA"),
        json.dumps(import_key(pem, "RSA").as_dict(private=True)),
    ):
        with Client(
            client_id + "\n", secret, api_base_url=sim.base_url, token_url=sim.token_url
        ) as client:
            assert (client.user()).name == "alice"


def test_authlib_key_objects_are_accepted(sim: RunningSimulator) -> None:
    with warnings.catch_warnings():
        # authlib announces its jose module's retirement (through an "always" filter it
        # installs on import, hence ours after it); users still pass its keys.
        import authlib.deprecate

        warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
        from authlib.jose import JsonWebKey

    client_id, pem = _pem(sim)
    with Client(
        client_id, JsonWebKey.import_key(pem), api_base_url=sim.base_url, token_url=sim.token_url
    ) as client:
        assert (client.user()).name == "alice"


def test_protected_calls_without_credentials_raise_sf_api_error(
    public_client: Client,
) -> None:
    machine = public_client.compute(Machine.perlmutter)
    with pytest.raises(SfApiError):
        machine.jobs()
