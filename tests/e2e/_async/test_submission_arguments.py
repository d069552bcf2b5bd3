"""Bad job script arguments fail before any request as errors that are both SfApiError
(as NERSC's earlier client raised) and the built-in kind (ValueError, FileNotFoundError)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sfapi_client import AsyncClient
from sfapi_client.exceptions import (
    InvalidArgumentError,
    JobScriptIsADirectoryError,
    JobScriptNotFoundError,
    SfApiError,
)
from sfapi_sim.testing import RunningSimulator

HOME = "/global/homes/a/alice"


@pytest.mark.parametrize(
    ("script", "args", "message"),
    [
        ("job.sh", None, "neither an absolute path on the machine nor a script text"),
        ("./job.sh", None, "neither an absolute path"),
        ("", None, "the job script is empty"),
        (f"{HOME}/../bob/job.sh", None, r"'\.' or '\.\.' segment"),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n",
            ["one"],
            "args can only be given with a script path",
        ),
        (
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho \udcff\n",
            None,
            "not valid Unicode text",
        ),
    ],
)
async def test_argument_errors_are_sfapi_errors_and_value_errors(
    async_client: AsyncClient,
    sim: RunningSimulator,
    script: str,
    args: list[str] | None,
    message: str,
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    before = sim.stats()["requests"]
    with pytest.raises(SfApiError, match=message) as caught:
        await perlmutter.submit_job(script, args=args)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, InvalidArgumentError)
    assert sim.stats()["requests"] == before  # refused before any request


async def test_a_missing_script_is_an_sfapi_error_and_a_file_not_found_error(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    jobs_before = sim.stats()["jobs"]["perlmutter"]
    with pytest.raises(SfApiError, match=r"job script .*absent\.sh not found") as caught:
        await perlmutter.submit_job(f"{HOME}/absent.sh")
    assert isinstance(caught.value, FileNotFoundError)
    assert isinstance(caught.value, JobScriptNotFoundError)
    with pytest.raises(SfApiError, match="is a directory") as directory:
        await perlmutter.submit_job(HOME)
    assert isinstance(directory.value, IsADirectoryError)
    assert isinstance(directory.value, JobScriptIsADirectoryError)
    assert sim.stats()["jobs"]["perlmutter"] == jobs_before


async def test_a_relative_remote_path_is_refused_as_both(async_client: AsyncClient) -> None:
    perlmutter = await async_client.compute("perlmutter")
    with pytest.raises(SfApiError, match="absolute") as caught:
        await perlmutter.ls("data/file.txt")
    assert isinstance(caught.value, ValueError)


async def test_a_relative_path_naming_a_local_file_says_how_to_submit_it(
    async_client: AsyncClient,
    sim: RunningSimulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("hello.sh").write_text(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n"
    )
    perlmutter = await async_client.compute("perlmutter")
    sim.reset_stats()
    with pytest.raises(InvalidArgumentError) as caught:
        await perlmutter.submit_job("hello.sh")
    assert str(caught.value).endswith(
        "; hello.sh is a file on this computer: pass its text, Path('hello.sh').read_text()"
    )
    with pytest.raises(InvalidArgumentError) as absent:
        await perlmutter.submit_job("absent.sh")
    assert "file on this computer" not in str(absent.value)
    assert sim.stats()["total_requests"] == 0
