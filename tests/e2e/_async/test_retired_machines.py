"""Retired machines (Cori, Edison): named, they fail with an error naming the successor."""

from __future__ import annotations

import pytest

from sfapi_client import AsyncClient, Machine, Machines, PublicHost
from sfapi_client.exceptions import RetiredMachineError, SfApiError
from sfapi_sim.testing import RunningSimulator


@pytest.mark.parametrize("name", ["cori", "edison"])
def test_a_retired_machine_as_an_attribute_names_its_successor(name: str) -> None:
    for enum in (Machines, Machine):
        with pytest.raises(RetiredMachineError, match=rf"{name} is retired.*use perlmutter"):
            getattr(enum, name)
        assert not hasattr(enum, name)
    error = RetiredMachineError("x")
    assert isinstance(error, AttributeError | ValueError | SfApiError)


def test_the_machine_enum_still_behaves_as_the_enum() -> None:
    assert Machines is Machine
    assert Machines.perlmutter == PublicHost.perlmutter == "perlmutter"
    assert Machine("perlmutter") is Machine.perlmutter
    assert hash(Machine.perlmutter) == hash(PublicHost.perlmutter)
    assert [m.value for m in Machines] == [m.value for m in PublicHost]
    assert Machines["dtns"] == PublicHost.dtns
    assert isinstance(Machine.dtns, str)
    with pytest.raises(RetiredMachineError, match="use perlmutter"):
        Machine("cori")
    with pytest.raises(AttributeError, match=r"no machine 'perlmuter'; machines: .*perlmutter"):
        _ = Machines.perlmuter


async def test_a_retired_machine_by_name_fails_before_any_request(
    async_client: AsyncClient, sim: RunningSimulator
) -> None:
    by_enum = await async_client.compute(Machines.perlmutter)  # the token, done
    assert by_enum.machine is PublicHost.perlmutter
    before = sim.stats()["requests"]
    with pytest.raises(RetiredMachineError, match=r"cori is retired.*perlmutter") as caught:
        await async_client.compute("cori")
    assert isinstance(caught.value, ValueError)
    with pytest.raises(ValueError, match="unknown machine 'corii'"):
        await async_client.compute("corii")
    with pytest.raises(ValueError, match="unknown machine 'perlmuter'; did you mean 'perlmutter'"):
        await async_client.compute("perlmuter")
    assert sim.stats()["requests"] == before


def test_the_compute_module_names_machines_as_the_package_does() -> None:
    """``from sfapi_client.compute import Machines`` works as ``Machine`` does there."""
    from sfapi_client import compute

    assert compute.Machines is compute.Machine is Machine
    with pytest.raises(RetiredMachineError, match="use perlmutter"):
        _ = compute.Machines.cori
