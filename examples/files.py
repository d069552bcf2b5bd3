"""Files on a machine: list a folder, upload, download, open like a local file."""

import io

from connection import options

from sfapi_client import Client, Machine

with Client(**options()) as client:
    perlmutter = client.compute(Machine.perlmutter)
    home = perlmutter.run("printenv HOME").strip()

    # ls of a folder lists its entries; directory=True gives the folder itself.
    (folder,) = perlmutter.ls(home, directory=True)
    for entry in folder.ls():
        kind = "dir " if entry.is_dir() else "file"
        print(kind, entry.name, entry.size)

    # Upload bytes, an open file or a local path; into a folder, name it.
    notes = folder.upload(io.BytesIO(b"first line\n"), filename="notes.txt")
    print("uploaded", notes)

    # Download as text (default) or binary; both give a file-like object.
    print(notes.download().read(), end="")

    # open() reads by downloading and writes by uploading when the block ends.
    with (folder / "results.csv").open("w") as handle:
        handle.write("step,value\n1,0.5\n")
    with (folder / "results.csv").open("r") as handle:
        print(handle.read(), end="")

    # Remote paths behave like pathlib's: name, suffix, parent, joining with /.
    print(notes.name, notes.suffix, notes.parent)
