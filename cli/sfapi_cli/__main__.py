"""``python -m sfapi_cli``: the ``sfapi`` command without its console script."""

from .launch import main

main()
