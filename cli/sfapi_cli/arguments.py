"""Argument types shared by several commands."""

from __future__ import annotations

from typing import Annotated

import typer

from sfapi_client import Machine

#: A compute machine, by its name in the API (completion offers the valid ones).
MachineArg = Annotated[Machine, typer.Argument(help="The machine.", show_default=False)]
