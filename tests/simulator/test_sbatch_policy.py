"""The simulator's sbatch and Perlmutter's policy against the shared table of scripts
(``tests/sbatch_scripts.py``), and the lint against the simulator: both must agree on
every row, strict and lenient. One row per rule; each row names its source."""

from __future__ import annotations

import pytest

from sfapi_client import Severity, lint_script
from sfapi_sim.cli import _parser
from sfapi_sim.state import policy
from sfapi_sim.state.scripts import ScriptError, parse_script
from sfapi_sim.testing import RunningSimulator
from tests.sbatch_scripts import CASES, HEADER, Case

from .sim_api import SimApi

REFUSED_OVER_HTTP = [c for c in CASES if not c.accepted and c.script]


def sbatch(script: str, *, lenient: bool) -> str | None:
    """The simulator's answer to a script: sbatch's error message, or None if taken."""
    try:
        spec = parse_script(script)
        policy.check(spec.options, lenient=lenient)
    except (ScriptError, policy.PolicyError) as exc:
        return str(exc)
    return None


def lint_refuses(script: str, *, lenient: bool) -> bool:
    return any(f.severity is Severity.ERROR for f in lint_script(script, policy=not lenient))


@pytest.fixture
def api(sim: RunningSimulator) -> SimApi:
    return SimApi(sim)


def test_every_rule_has_a_row_with_its_source() -> None:
    from sfapi_client._lint import RULES

    covered = {c.code for c in CASES}
    assert set(RULES) - covered <= {"PM007"}  # the missing time: with PM006 in one row
    assert all(c.source for c in CASES)
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_simulator_decides_as_the_table_says(case: Case) -> None:
    strict = sbatch(case.script, lenient=False)
    if case.accepted:
        assert strict is None, strict
    else:
        assert strict is not None and case.message in strict, strict
        assert strict.startswith("sbatch: ")
    assert (sbatch(case.script, lenient=True) is None) is case.lenient_accepted


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_the_lint_agrees_with_the_simulator(case: Case) -> None:
    for lenient in (False, True):
        assert lint_refuses(case.script, lenient=lenient) is (
            sbatch(case.script, lenient=lenient) is not None
        ), (case.name, lenient, lint_script(case.script, policy=not lenient))
    if case.code is not None:
        assert case.code in {f.code for f in lint_script(case.script)}


def test_refusals_over_http_carry_sbatchs_message(api: SimApi) -> None:
    api.sim.configure(task_delay=0.0)
    try:
        for case in REFUSED_OVER_HTTP:
            error = api.submit_error(case.script)
            assert case.message is not None and case.message in error, (case.name, error)
    finally:
        api.sim.configure(task_delay=0.2)


def test_an_indented_constraint_fails_over_http_as_on_perlmutter(api: SimApi) -> None:
    script = "#!/bin/bash\n    #SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\necho hi\n"
    assert api.submit_error(script) == (
        "sbatch: error: No architecture specified, cannot estimate job costs.\n"
        "sbatch: error: Batch job submission failed: Unspecified error"
    )
    jobid = api.submit(script.replace("    #SBATCH", "#SBATCH"))
    assert api.wait_state(jobid, "COMPLETED")["qos"] == "debug"


def test_a_lenient_server_skips_only_nersc_policy(api: SimApi) -> None:
    no_constraint = "#!/bin/bash\n#SBATCH -q debug -t 45 -N 20\necho lenient\n"
    assert "No architecture specified" in api.submit_error(no_constraint)
    api.sim.configure(lenient_sbatch=True)
    try:
        jobid = api.submit(no_constraint)
        assert api.wait_state(jobid, "COMPLETED")
        assert "invalid node count" in api.submit_error(HEADER + "#SBATCH -N two\n")
        assert "Invalid qos" in api.submit_error(HEADER + "#SBATCH -q reglar\n")
    finally:
        api.sim.configure(lenient_sbatch=False)


def test_sbatch_on_the_command_line_is_checked_as_in_a_script(api: SimApi) -> None:
    api.run("printf '#!/bin/bash\\necho from the shell\\n' > plain.sh")
    refused = api.run("sbatch plain.sh")
    assert refused["exit_code"] == 1 and "No architecture specified" in refused["error"]
    bad = api.run("sbatch --nodes=two -C cpu plain.sh")
    assert bad["exit_code"] == 1 and "invalid node count `two'" in bad["error"]
    unknown = api.run("sbatch --tme=5 -C cpu plain.sh")
    assert unknown["exit_code"] == 1 and "unrecognized option '--tme'" in unknown["error"]
    taken = api.run("sbatch --parsable -C cpu -q debug -t 5 -N 1 plain.sh")
    assert taken["exit_code"] == 0 and taken["output"].strip().isdigit(), taken
    late = api.run("sbatch -q debug -t 31 -C cpu plain.sh")
    assert late["exit_code"] == 1 and "does not match any supported policy" in late["error"]


def test_serve_takes_lenient_sbatch() -> None:
    assert _parser().parse_args(["serve", "--lenient-sbatch"]).lenient_sbatch is True
    assert _parser().parse_args(["serve"]).lenient_sbatch is False
