"""Machines the API reaches (the spec's ``PublicHost`` enum), and the systems and services
its status routes report on.

``Machine`` (and ``Machines``, the name NERSC's earlier client's examples use) is an enum
with ``PublicHost``'s members, equal to them (``Machine.perlmutter == PublicHost.perlmutter``)
and taken wherever a machine is. It differs in one way: naming a retired machine
(``Machines.cori``, ``Machine("cori")``) raises RetiredMachineError naming the machine that
took over, where the generated enum would only say ``AttributeError: cori``. A type checker
sees ``PublicHost`` itself.
"""

from __future__ import annotations

import difflib
from enum import EnumType, StrEnum
from typing import TYPE_CHECKING, Any

from ._workflow_errors import RetiredMachineError
from .models import PublicHost

__all__ = ["Machine", "Machines", "Resource", "machine_from"]

#: Machines NERSC has retired, with the machine that took over their work.
RETIRED_MACHINES = {"cori": PublicHost.perlmutter, "edison": PublicHost.perlmutter}


def _retired(name: str) -> RetiredMachineError:
    successor = RETIRED_MACHINES[name]
    return RetiredMachineError(
        f"{name} is retired and no longer reachable through the API; "
        f"use {successor.value} (Machine.{successor.name}) instead"
    )


def machine_from(value: PublicHost | str) -> PublicHost:
    """The machine ``value`` names.

    Arguments:
        value: a machine, or its name (case and surrounding blanks do not matter).

    Raises:
        RetiredMachineError: for a retired machine, naming its successor.
        ValueError: for an unknown name, listing the valid ones.
    """
    if isinstance(value, PublicHost):
        return value
    name = str(value).strip().lower()
    if name in RETIRED_MACHINES:
        raise _retired(name)
    try:
        return PublicHost(name)
    except ValueError:
        names = [m.value for m in PublicHost]
        close = difflib.get_close_matches(name, names, n=1)
        guess = f"did you mean {close[0]!r}? " if close else ""
        raise ValueError(
            f"unknown machine {value!r}; {guess}valid machines: {', '.join(names)}"
        ) from None


class _MachineEnumType(EnumType):
    """The enum type of ``Machine``: a missing attribute that names a retired machine
    raises RetiredMachineError (an AttributeError, so ``hasattr`` answers False)."""

    def __getattr__(cls, name: str) -> Any:
        if name in RETIRED_MACHINES:
            raise _retired(name)
        if name.startswith("_"):
            raise AttributeError(name)
        valid = ", ".join(cls.__members__)
        raise AttributeError(f"no machine {name!r}; machines: {valid}", name=name, obj=cls)


class _MachineEnum(StrEnum, metaclass=_MachineEnumType):
    """The base of ``Machine``: looking up a retired machine's value names its successor."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str) and value.strip().lower() in RETIRED_MACHINES:
            raise _retired(value.strip().lower())
        return None


if TYPE_CHECKING:
    Machine = PublicHost
    Machines = PublicHost
else:
    #: A machine reachable through the API (``Machine.perlmutter``, ``Machine.dtns`` ...).
    # Shown (and pickled) under the public module that exports it, as in the earlier client.
    Machine = _MachineEnum(
        "Machine",
        [(member.name, member.value) for member in PublicHost],
        module=__name__.rpartition(".")[0] + ".compute",
    )
    Machine.__doc__ = (
        "A machine reachable through the API (Machine.perlmutter, Machine.dtns ...): the "
        "members of PublicHost, equal to them; a retired machine raises RetiredMachineError."
    )
    #: The name NERSC's earlier client's examples use for the same enum.
    Machines = Machine


class Resource(StrEnum):
    """A system or service of NERSC's status pages: ``client.resources.status(Resource.spin)``.

    The spec types these names as plain strings. The first members are the ones the
    status routes list now; the others are names the status pages listed earlier (as NERSC's
    earlier client has them), kept so that code naming them still runs: the service
    answers for them as it does for any name. Every method taking a Resource also takes a
    name as a string, so a system added later needs no new release.
    """

    perlmutter = "perlmutter"
    dtns = "dtns"
    dtn01 = "dtn01"
    cfs = "cfs"
    homes = "homes"
    globus = "globus"
    jupyter = "jupyter"
    spin = "spin"
    iris = "iris"
    # Names of earlier status pages.
    cori = "cori"
    dna = "dna"
    global_homes = "global_homes"
    global_common = "global_common"
    community_filesystem = "community_filesystem"
    nersc_center = "nersc_center"
    helpportal = "helpportal"
    website = "website"
    rstudio = "rstudio"
    sgns = "sgns"
    network = "network"
    ldap = "ldap"
    integ_datalanguage = "integ_datalanguage"
    mathematica = "mathematica"
    mongodb = "mongodb"
    matlab = "matlab"
    jgi_int_webservers = "jgi_int_webservers"
    jgidb = "jgidb"
    _int = "int"
    webservers = "webservers"
    ssh_proxy = "ssh-proxy"
    sciencedatabases = "sciencedatabases"
    myproxy = "myproxy"
    nomachine = "nomachine"
    newt = "newt"
    regent = "regent"
    archive = "archive"
