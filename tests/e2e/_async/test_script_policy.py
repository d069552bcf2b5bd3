"""Scripts Perlmutter refuses, through the library: linted before they are sent (a
WARNING, or a refusal with ``check="refuse"``), and the scheduler's refusal as a typed
error carrying how to fix the script."""

from __future__ import annotations

import logging

import pytest

from sfapi_client import AsyncClient, InvalidArgumentError, lint_script
from sfapi_client.exceptions import JobPolicyError, JobSubmissionError
from sfapi_sim.testing import RunningSimulator

INDENTED = (
    "#!/bin/bash\n    #SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho hi\n"
)
FIX = "start line 2 with #SBATCH, unindented and above the first command"


async def test_an_indented_constraint_is_refused_with_the_lints_hint(
    async_client: AsyncClient, sim: RunningSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    with (
        caplog.at_level(logging.WARNING, logger="sfapi_client"),
        pytest.raises(JobPolicyError) as caught,
    ):
        await perlmutter.submit_job(INDENTED)
    error = caught.value
    assert isinstance(error, JobSubmissionError)
    assert "No architecture specified, cannot estimate job costs" in str(error)
    assert error.fix == f"line 2: {FIX}"
    assert f"fix: line 2: {FIX}" in str(error)
    assert [f.code for f in error.findings] == [f.code for f in lint_script(INDENTED)]
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "would be refused" in warnings[0].getMessage()
    assert "line 2: SB003" in warnings[0].getMessage()


async def test_refuse_raises_before_any_request(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    sim.reset_stats()
    with pytest.raises(JobPolicyError, match="not sent to perlmutter") as caught:
        await perlmutter.submit_job(INDENTED, check="refuse")
    assert caught.value.fix == FIX
    with pytest.raises(JobSubmissionError, match="SB007") as bad:
        await perlmutter.submit_job(
            "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH --nodes=two\necho hi\n", check="refuse"
        )
    assert not isinstance(bad.value, JobPolicyError)
    with pytest.raises(InvalidArgumentError, match="check must be one of warn, refuse, off"):
        await perlmutter.submit_job(INDENTED, check="never")  # type: ignore[arg-type]
    assert sim.stats()["total_requests"] == 0


async def test_a_clean_script_is_sent_without_a_warning(
    async_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    script = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\necho ok\n"
    with caplog.at_level(logging.WARNING, logger="sfapi_client"):
        job = await perlmutter.submit_job(script, check="refuse")
    assert job.jobid
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_check_off_sends_and_the_policy_error_names_the_fix(
    async_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    script = "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 45\necho long\n"
    with (
        caplog.at_level(logging.WARNING, logger="sfapi_client"),
        pytest.raises(JobPolicyError, match="does not match any supported policy") as caught,
    ):
        await perlmutter.submit_job(script, check="off")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert caught.value.fix is not None and caught.value.fix.startswith("line 4: ")
    assert "at most 30 minutes" in caught.value.fix


async def test_a_script_path_refused_gets_the_general_fix(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    perlmutter = await async_client.compute("perlmutter")
    home = "/global/homes/a/alice"
    await perlmutter.run(f"printf '#!/bin/bash\\necho hi\\n' > {home}/no-constraint.sh")
    with pytest.raises(JobPolicyError) as caught:
        await perlmutter.submit_job(f"{home}/no-constraint.sh")
    assert caught.value.fix is not None and "#SBATCH -C cpu" in caught.value.fix
    assert caught.value.findings == ()
