"""Testing your own code against the simulator: with the package installed with its
``sim`` extra, pytest finds the ``sim`` fixture by itself (no conftest needed).

Run it with ``pytest test_with_simulator.py``.
"""

import asyncio

import pytest

from sfapi_client import JobState, Machine, TaskFailedError


def count_lines(client, path):
    """The code under test: how many lines a file on Perlmutter has."""
    perlmutter = client.compute(Machine.perlmutter)
    return int(perlmutter.run(["wc", "-l", path]).split()[0])


def test_count_lines(sim):
    # sim.client() is a Client already pointed at the simulator, with a key.
    with sim.client() as client:
        perlmutter = client.compute(Machine.perlmutter)
        (home,) = perlmutter.ls("/global/homes/a/alice", directory=True)
        home.upload(b"one\ntwo\nthree\n", filename="three.txt")
        assert count_lines(client, "/global/homes/a/alice/three.txt") == 3


def test_a_missing_file_fails(sim):
    with sim.client() as client, pytest.raises(TaskFailedError):
        count_lines(client, "/global/homes/a/alice/absent.txt")


def test_jobs_complete_under_faults(sim):
    # Faults last for this test only: one request in five is answered 503.
    sim.set_faults(error_rate=0.2)
    with sim.client() as client:
        perlmutter = client.compute(Machine.perlmutter)
        job = perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho ok\n"
        )
        assert job.complete() == JobState.COMPLETED


def test_the_async_client(sim):
    # sim.async_client() is the AsyncClient twin (here without any async test plugin).
    async def scenario():
        async with sim.async_client() as client:
            perlmutter = await client.compute(Machine.perlmutter)
            return await perlmutter.run("echo hi")

    assert asyncio.run(scenario()) == "hi\n"
