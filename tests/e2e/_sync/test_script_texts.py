# Generated from tests/e2e/_async/test_script_texts.py by `python -m generator unasync` (make codegen). Do not edit: change the _async test and regenerate.
"""A script text is sent as it is: nothing is left in the user's home, and the job is
named by ``name=``, by the script's ``#SBATCH -J``, or ``sfapi-job``."""

from __future__ import annotations

import re

import pytest

from sfapi_client import Client, JobCommand, JobState
from sfapi_client.exceptions import InvalidArgumentError
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


def _home_names(sim: RunningSimulator) -> set[str]:
    return set(sim.world.filesystems["perlmutter"].names(HOME, "alice"))


@pytest.mark.parametrize(
    ("script", "name", "expected"),
    [
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n",
            None,
            "sfapi-job",
        ),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -J own-name\necho hi\n",
            None,
            "own-name",
        ),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH --job-name=own\necho hi\n",
            None,
            "own",
        ),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -J own-name\necho hi\n",
            "given_1",
            "given_1",
        ),
        (  # sbatch ignores an indented line: the job gets the default name
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n  #SBATCH -J indented\necho hi\n",
            None,
            "sfapi-job",
        ),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n#SBATCH -J too-late\n",
            None,
            "sfapi-job",
        ),
    ],
)
def test_a_script_text_leaves_nothing_behind_and_is_named(
    client: Client,
    sim: RunningSimulator,
    script: str,
    name: str | None,
    expected: str,
) -> None:
    perlmutter = client.compute("perlmutter")
    before = _home_names(sim)
    job = perlmutter.submit_job(script + "# sim: runtime=0.1 pending=0\n", name=name)
    assert job.complete(timeout=30) is JobState.COMPLETED
    accounted = perlmutter.job(job.jobid or "", command=JobCommand.sacct)
    assert accounted.jobname == expected
    assert accounted.comment.startswith("sfapi-")
    # Only job outputs are new in the home folder (jobs of earlier tests may still be
    # ending meanwhile): no staged script.
    new = _home_names(sim) - before
    assert f"slurm-{job.jobid}.out" in new
    assert [name for name in new if not re.fullmatch(r"slurm-\d+\.out", name)] == []


def test_a_name_is_refused_where_it_cannot_apply(client: Client, sim: RunningSimulator) -> None:
    perlmutter = client.compute("perlmutter")
    before = sim.stats()["requests"]
    with pytest.raises(InvalidArgumentError, match="names the job of a script text"):
        perlmutter.submit_job(f"{HOME}/job.sh", name="x")
    for bad in ["", "two words", "a%j", "x" * 129, "q'uote", "-J"]:
        with pytest.raises(InvalidArgumentError, match="must be one word"):
            perlmutter.submit_job(
                "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n",
                name=bad,
            )
    assert sim.stats()["requests"] == before
