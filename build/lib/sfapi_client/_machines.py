# Copied from templates/static/sfapi/_machines.py by `python -m generator codegen`. Do not edit here.
"""Machines the API reaches, from the spec's ``PublicHost`` enum."""

from __future__ import annotations

from .models import PublicHost

__all__ = ["Machine", "Machines", "machine_from"]

#: A machine reachable through the API (``Machine.perlmutter``, ``Machine.dtns`` ...).
Machine = PublicHost
#: The name NERSC's earlier client used for the same enum.
Machines = PublicHost


def machine_from(value: PublicHost | str) -> PublicHost:
    """The machine ``value`` names; ValueError listing the valid names otherwise."""
    if isinstance(value, PublicHost):
        return value
    try:
        return PublicHost(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(m.value for m in PublicHost)
        raise ValueError(f"unknown machine {value!r}; valid machines: {valid}") from None
