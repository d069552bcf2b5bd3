"""Commands on a login node: run and read the output, or start a task and follow it."""

from connection import options

from sfapi_client import Client, Machine, TaskFailedError

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)

    # run() waits for the command and returns its output.
    print(perlmutter.run("echo hello from $(hostname)"), end="")

    # A list of arguments is quoted for the shell, so spaces stay inside arguments.
    print(perlmutter.run(["echo", "two words", "and more"]), end="")

    # A command that fails raises TaskFailedError with its error output.
    try:
        perlmutter.run("ls /no/such/folder")
    except TaskFailedError as error:
        print("failed as expected:", error)

    # run_task() returns at once; the task is followed while other work goes on.
    task = perlmutter.run_task("sleep 1; echo done")
    print("task", task.task_id, "started")
    print(task.complete(), end="")
