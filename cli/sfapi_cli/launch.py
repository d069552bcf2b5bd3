"""The ``sfapi`` console script: the command, or, without the package's ``cli`` extra,
one line saying how to install it (never a traceback about a missing module).

The console script is installed with the package whatever its extras, so it must start
without them to say what is missing.
"""

from __future__ import annotations

import sys

#: The top-level modules the ``cli`` extra brings (with what they need); a missing one
#: means the extra is not installed. Any other missing module is a real error.
CLI_EXTRA_MODULES = frozenset({"typer", "rich", "click", "shellingham", "markdown_it", "mdurl"})

INSTALL_HINT = (
    "sfapi: the command needs the package's cli extra, which is not installed "
    "(No module named {name!r}); install it: pip install 'sfapi-client-codegen[cli]' "
    "(or the same extra after a checkout's path or a wheel's file name, as you "
    "installed the package)"
)


def main() -> None:
    """Run ``sfapi``; exit 2 with the install hint when the cli extra is missing."""
    try:
        from .app import main as run
    except ModuleNotFoundError as exc:
        name = (exc.name or "").partition(".")[0]
        if name not in CLI_EXTRA_MODULES:
            raise
        print(INSTALL_HINT.format(name=name), file=sys.stderr)
        raise SystemExit(2) from None
    run()
