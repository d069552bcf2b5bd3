"""The low-level client: every operation of the API as a typed method, one request each.

The ergonomic Client is built on it; use it for an operation the ergonomic layer does
not wrap, or to see exactly which request is sent. Answers are the generated pydantic
models. It reads no environment variable: the script passes every setting (here the
ones the simulator's export lines set).
"""

import os

from sfapi_client import (
    DEFAULT_BASE_URL,
    DEFAULT_TOKEN_URL,
    ApiClient,
    ClientCredentialsAuth,
    Credentials,
)

setting = os.environ.get
credentials = Credentials.from_key_file(setting("SFAPI_KEY", "mykey.pem"))
auth = ClientCredentialsAuth(credentials, setting("SFAPI_TOKEN_URL", DEFAULT_TOKEN_URL))

with ApiClient(setting("SFAPI_BASE_URL", DEFAULT_BASE_URL), auth=auth) as api:
    # Methods are grouped by the API's tags: status, account, compute, utilities ...
    perlmutter = api.status.read_status_for_system("perlmutter")
    print(perlmutter.name, perlmutter.status.value)

    user = api.account.read_user()
    print("user", user.name)

    # Jobs of the user from sacct; the answer's rows are dicts of sacct's columns.
    jobs = api.compute.read_jobs("perlmutter", sacct=True, kwargs=[f"user={user.name}"])
    print(len(jobs.output), "jobs in the accounting")

    # A command starts a task; tasks are read back by id.
    started = api.utilities.run_command("perlmutter", executable="hostname")
    print("task", started.task_id, api.tasks.read_task(started.task_id).status)
