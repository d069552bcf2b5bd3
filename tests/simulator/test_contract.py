"""Property-based contract run: every operation of spec/openapi.json, driven with
generated requests against the running simulator, answers within the spec and never 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from sfapi_sim.testing import RunningSimulator

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.json"
schema = schemathesis.openapi.from_path(str(SPEC))


@pytest.fixture(scope="module")
def bearer(sim_session: RunningSimulator) -> dict[str, str]:
    """A real token for the read-write client, from the simulator's token endpoint."""
    return {"Authorization": f"Bearer {sim_session.access_token()}"}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_operation_honours_the_contract(
    case: schemathesis.Case, sim: RunningSimulator, bearer: dict[str, str]
) -> None:
    case.call_and_validate(
        base_url=sim.base_url,
        headers=bearer,
        checks=[not_a_server_error, response_schema_conformance],
        timeout=10,
    )
