"""Machines the API reaches (the spec's ``PublicHost`` enum), and the systems and services
its status routes report on."""

from __future__ import annotations

from enum import StrEnum

from .models import PublicHost

__all__ = ["Machine", "Machines", "Resource", "machine_from"]

#: A machine reachable through the API (``Machine.perlmutter``, ``Machine.dtns`` ...).
Machine = PublicHost
#: The name NERSC's earlier client used for the same enum.
Machines = PublicHost


def machine_from(value: PublicHost | str) -> PublicHost:
    """The machine ``value`` names.

    Arguments:
        value: a machine, or its name (case and surrounding blanks do not matter).

    Raises:
        ValueError: for an unknown name, listing the valid ones.
    """
    if isinstance(value, PublicHost):
        return value
    try:
        return PublicHost(str(value).strip().lower())
    except ValueError:
        valid = ", ".join(m.value for m in PublicHost)
        raise ValueError(f"unknown machine {value!r}; valid machines: {valid}") from None


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
