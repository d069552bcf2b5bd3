"""The simulator from Python, without pytest: start it, point a client at it, stop it.

Handy for notebooks, demos and trying a workflow offline. The simulator serves on a
free port of 127.0.0.1 for as long as the with-block runs.
"""

from sfapi_client import Machine
from sfapi_sim.testing import running_simulator

with running_simulator() as sim, sim.client() as client:
    print("simulator at", sim.base_url)
    perlmutter = client.compute(Machine.perlmutter)

    # "# sim:" lines steer a job in the simulator: no queueing, one second of running.
    job = perlmutter.submit_job(
        "#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n# sim: pending=0 runtime=1\necho hi\n"
    )
    print("job", job.jobid, job.complete().value)

    # Faults reproduce a bad day of the service: here a third of the requests are
    # answered 503. Reads are retried, so the listing still arrives.
    sim.set_faults(error_rate=0.3)
    print(len(perlmutter.ls("/global/homes/a/alice")), "entries in alice's home")
    print("faults injected:", sim.stats()["faults"])
