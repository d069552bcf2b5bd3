"""``python -m sfapi_cli``: the ``sfapi`` command without its console script."""

from .app import main

main()
