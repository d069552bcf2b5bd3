"""Globus: copy a folder from one machine to another and wait for the copy to end."""

from connection import options

from sfapi_client import Client, Machine

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)
    home = perlmutter.run("printenv HOME").strip()

    # Something to copy: a folder with one file, made on Perlmutter.
    perlmutter.run(["mkdir", "-p", f"{home}/run1"])
    (run1,) = perlmutter.ls(f"{home}/run1", directory=True)
    run1.upload(b"0.1 0.2 0.3\n", filename="result.dat")

    # Globus copies between endpoints; the machines name theirs.
    globus = client.storage.globus()
    transfer = globus.start_transfer(
        Machine.perlmutter, Machine.dtns, run1, f"{home}/run1-copy", label="results"
    )
    print("transfer", transfer.transfer_id, "started")

    # complete() polls until the copy has ended (TaskFailedError if it failed).
    print("transfer ended:", transfer.complete())

    # A transfer started elsewhere is followed by its id.
    print("read again:", globus.transfer(transfer.transfer_id).status)
