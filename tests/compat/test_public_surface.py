"""Every public module and name of NERSC's sfapi_client 0.6.0 imports from this package.

The lists below are the public surface of that release (its modules' exports); each
name must resolve here to one of this package's own classes, not to a second copy.
"""

from __future__ import annotations

import importlib
import inspect

import pytest

import sfapi_client
from sfapi_client import AsyncClient, Client
from sfapi_client._async.compute import AsyncCompute
from sfapi_client._async.jobs import AsyncJob
from sfapi_client._sync.compute import Compute
from sfapi_client._sync.jobs import Job

#: module → the names NERSC's 0.6.0 exports from it.
OFFICIAL_SURFACE = {
    "sfapi_client": [
        "AsyncClient",
        "Client",
        "SfApiError",
        "OutageStatusValue",
        "StatusValue",
        "Resource",
    ],
    "sfapi_client.client": [
        "AsyncApi",
        "AsyncResources",
        "AsyncClient",
        "Api",
        "Resources",
        "Client",
    ],
    "sfapi_client.compute": [
        "AsyncCompute",
        "AsyncCommandTask",
        "AsyncCommandTaskResult",
        "Compute",
        "CommandTask",
        "CommandTaskResult",
        "Machine",
        "TaskStatus",
    ],
    "sfapi_client.exceptions": ["SfApiError", "ClientKeyError"],
    "sfapi_client.groups": ["AsyncGroup", "AsyncGroupMember", "Group", "GroupMember"],
    "sfapi_client.jobs": [
        "JobCommand",
        "JobStateResponse",
        "JobState",
        "TERMINAL_STATES",
        "AsyncJob",
        "AsyncJobSacct",
        "AsyncJobSqueue",
        "Job",
        "JobSacct",
        "JobSqueue",
    ],
    "sfapi_client.paths": ["AsyncRemotePath", "RemotePath"],
    "sfapi_client.projects": ["AsyncProject", "AsyncRole", "Project", "Role"],
    "sfapi_client.resources": ["Resource"],
    "sfapi_client.storage": ["AsyncGlobusStorage", "Globus"],
    "sfapi_client.users": ["AsyncUser", "User"],
}


@pytest.mark.parametrize("module", sorted(OFFICIAL_SURFACE))
def test_every_official_name_imports(module: str) -> None:
    imported = importlib.import_module(module)
    missing = [name for name in OFFICIAL_SURFACE[module] if not hasattr(imported, name)]
    assert not missing, f"{module} lacks {missing}"


def test_public_modules_are_thin_views_of_one_implementation() -> None:
    from sfapi_client import client, compute, jobs, paths, storage

    assert client.AsyncClient is AsyncClient and client.Client is Client
    assert compute.AsyncCompute is AsyncCompute and compute.Compute is Compute
    assert jobs.AsyncJob is AsyncJob and jobs.Job is Job
    assert issubclass(jobs.AsyncJobSqueue, AsyncJob) and issubclass(jobs.JobSacct, Job)
    assert paths.RemotePath is sfapi_client.RemotePath
    assert storage.Globus is sfapi_client.Globus
    assert compute.Machine is sfapi_client.Machine


def test_the_job_listing_classes_are_pydantic_models_of_the_rows() -> None:
    from sfapi_client.jobs import AsyncJobSacct, AsyncJobSqueue, JobSacct, JobSqueue

    for job_class, row_model in (
        (AsyncJobSqueue, sfapi_client.models.JobSqueue),
        (JobSqueue, sfapi_client.models.JobSqueue),
        (AsyncJobSacct, sfapi_client.models.JobSacct),
        (JobSacct, sfapi_client.models.JobSacct),
    ):
        assert issubclass(job_class, row_model)
        assert set(row_model.model_fields) <= set(job_class.model_fields)


def test_enums_print_as_the_official_ones() -> None:
    from sfapi_client.compute import Machine, TaskStatus
    from sfapi_client.jobs import JobState

    assert str(JobState.COMPLETED) == "JobState.COMPLETED" == f"{JobState.COMPLETED}"
    assert JobState.COMPLETED == "COMPLETED" and JobState("RUNNING") is JobState.RUNNING
    assert str(TaskStatus.COMPLETED) == "TaskStatus.COMPLETED"
    assert str(Machine.perlmutter) == "perlmutter"


def test_the_waiting_methods_are_coroutines_on_the_async_side() -> None:
    from sfapi_client.compute import AsyncCommandTask
    from sfapi_client.paths import AsyncRemotePath
    from sfapi_client.storage import AsyncGlobusStorage

    for method in (
        AsyncJob.complete,
        AsyncJob.running,
        AsyncJob.update,
        AsyncJob.cancel,
        AsyncCommandTask.update,
        AsyncCommandTask.cancel,
        AsyncRemotePath.is_dir,
        AsyncRemotePath.is_file,
        AsyncRemotePath.is_symlink,
        AsyncGlobusStorage.start_transfer,
        AsyncGlobusStorage.transfer,
        sfapi_client.AsyncStorage.globus,
        AsyncClient.close,
    ):
        assert inspect.iscoroutinefunction(method), method


def test_remote_paths_made_by_hand_join_like_pure_paths() -> None:
    from sfapi_client.paths import RemotePath

    a, b = RemotePath("/a", compute=None), RemotePath("b", compute=None)
    joined = a / b
    assert isinstance(joined, RemotePath) and str(joined) == "/a/b"
    assert joined.name == "b" and joined.group is None and joined.perms is None
    assert str("c" / b) == "c/b" and isinstance("c" / b, RemotePath)
    assert [str(p) for p in RemotePath("/x/y").parents] == ["/x", "/"]
    assert RemotePath("/x/data.tar.gz").suffixes == [".tar", ".gz"]
    with pytest.raises(ValueError, match="no machine"):
        joined.download()


#: The members of sfapi_client 0.6.0's ``Resource``, by value.
OFFICIAL_RESOURCES = {
    "perlmutter", "cori", "dna", "dtns", "global_homes", "global_common",
    "community_filesystem", "iris", "globus", "jupyter", "nersc_center", "helpportal",
    "website", "rstudio", "sgns", "network", "ldap", "integ_datalanguage", "mathematica",
    "spin", "mongodb", "matlab", "jgi_int_webservers", "jgidb", "int", "webservers",
    "ssh-proxy", "sciencedatabases", "myproxy", "nomachine", "newt", "regent", "archive",
}  # fmt: skip


def test_every_official_resource_is_a_member() -> None:
    from sfapi_client.resources import Resource

    assert {r.value for r in Resource} >= OFFICIAL_RESOURCES
    assert Resource.ssh_proxy == "ssh-proxy" and str(Resource.spin) == "spin"
