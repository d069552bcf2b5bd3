"""Whether the package's ``sim`` extra is installed, told from a missing module.

The simulator's console script and its pytest plugin are installed with the package
whatever its extras; without the ``sim`` extra they say which extra to install rather
than fail on an import.
"""

from __future__ import annotations

#: The top-level modules the ``sim`` extra brings; a missing one means the extra is not
#: installed (any other missing module is a real error and is raised as it is).
SIM_EXTRA_MODULES = frozenset(
    {
        "fastapi",
        "starlette",
        "uvicorn",
        "multipart",
        "python_multipart",
        "joserfc",
        "tree_sitter",
        "tree_sitter_bash",
        "regex",
    }
)

#: How to install it, after what needs it ("the sim fixture needs", "sfapi-sim needs").
INSTALL_HINT = (
    "{what} the simulator's dependencies, which are not installed "
    "(No module named {name!r}); install the package with its sim extra: "
    "pip install 'sfapi-client-codegen[sim]' (or the same extra after a checkout's "
    "path or a wheel's file name, as you installed the package)"
)


def missing_extra_module(exc: ModuleNotFoundError) -> str | None:
    """The sim extra's module whose absence ``exc`` reports, or None for any other."""
    top = (exc.name or "").partition(".")[0]
    return top if top in SIM_EXTRA_MODULES else None
