"""Argument types shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from sfapi_client import Machine
from sfapi_client._machines import machine_from


def parse_machine(value: str | Machine) -> Machine:
    """The machine ``value`` names, read as the library reads it: a retired machine's
    error names its successor, a near miss suggests the name meant (a usage error)."""
    try:
        return machine_from(value)
    except ValueError as exc:  # RetiredMachineError included
        raise typer.BadParameter(str(exc)) from None


def complete_machine(incomplete: str) -> list[str]:
    """The machine names that start with what was typed."""
    return [m.value for m in Machine if m.value.startswith(incomplete.lower())]


#: A compute machine, by its name in the API (completion offers the valid ones).
MachineArg = Annotated[
    Machine,
    typer.Argument(
        help="The machine.",
        show_default=False,
        parser=parse_machine,
        autocompletion=complete_machine,
        metavar="MACHINE",
    ),
]
