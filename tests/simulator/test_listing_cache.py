"""The service's listing cache, as the simulator models it: a cached squeue or sacct
answer shows the scheduler as it was ``queue_lag`` seconds ago (jobs submitted since are
missing, every state is the one it had then); ``cached=false`` answers now."""

from __future__ import annotations

from sfapi_sim.testing import RunningSimulator
from tests.simulator.sim_api import MACHINE, SimApi

SCRIPT = (
    "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n"
    "# sim: pending=5 runtime=100\n"
)


def _states(api: SimApi, jobid: str, *, sacct: bool, cached: bool) -> list[str]:
    answer = api.get(
        f"/compute/jobs/{MACHINE}",
        sacct=str(sacct).lower(),
        cached=str(cached).lower(),
        kwargs=f"jobid={jobid}",
    )
    return [row["state"] for row in answer["output"]]


def test_cached_listings_lag_and_fresh_ones_do_not(sim: RunningSimulator) -> None:
    api = SimApi(sim)
    sim.set_faults(queue_lag=30.0)
    clock = sim.world.clock
    jobid = api.submit(SCRIPT)
    submitted = float(sim.world.schedulers[MACHINE].get(jobid).submitted)  # type: ignore[union-attr]
    for sacct in (False, True):
        assert _states(api, jobid, sacct=sacct, cached=True) == []
        assert _states(api, jobid, sacct=sacct, cached=False) == ["PENDING"]
    # Ten seconds on, the job runs; the cache still shows the queue before it came.
    clock.advance(submitted + 10 - clock.now())
    assert _states(api, jobid, sacct=False, cached=False) == ["RUNNING"]
    assert _states(api, jobid, sacct=False, cached=True) == []
    # Thirty-two seconds on, the cache shows it as it was two seconds after submission.
    clock.advance(submitted + 32 - clock.now())
    assert _states(api, jobid, sacct=False, cached=True) == ["PENDING"]
    assert _states(api, jobid, sacct=True, cached=True) == ["PENDING"]
    assert _states(api, jobid, sacct=True, cached=False) == ["RUNNING"]
    # The one-job route lags alike: squeue answers as for an unknown job meanwhile.
    sim.set_faults(queue_lag=60.0)
    one = api.get(f"/compute/jobs/{MACHINE}/{jobid}")
    assert one["status"] == "ERROR" and "Invalid job id" in one["error"]
    fresh = api.get(f"/compute/jobs/{MACHINE}/{jobid}", cached="false")
    assert [row["state"] for row in fresh["output"]] == ["RUNNING"]
    sim.set_faults()
    api.cancel_job(jobid)
