"""Job callbacks: the service calls a URL of yours when the job ends, instead of being polled.

The receiver below listens on this machine (127.0.0.1), which the local simulator can
call; NERSC's service needs a URL it can reach from the internet: give your own
endpoint's URL to ``callback_url`` there.
"""

import json
import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from connection import options

from sfapi_client import Client, Machine

SCRIPT = """#!/bin/bash
#SBATCH -C cpu
#SBATCH -q debug
#SBATCH -t 5
#SBATCH -N 1
echo "hello from job $SLURM_JOB_ID"
"""

# What the receiver was told: one JSON document per job end.
calls: "queue.Queue[dict[str, Any]]" = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        calls.put(json.loads(self.rfile.read(length) or b"{}"))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the script prints what it received."""


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/job-ended"

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)
    job = perlmutter.submit_job(SCRIPT, name="callback-demo", callback_url=url, callback_timeout=10)
    print("submitted job", job.jobid, "- no polling, waiting for its callback")
    ended = calls.get(timeout=600)
    print("job", ended["jobid"], "ended:", ended["state"], "exit code", ended["exit_code"])

server.shutdown()
