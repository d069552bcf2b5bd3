"""The daily drift workflow has the steps that turn drift into a pull request.

Read as YAML (the workflow as GitHub reads it): a schedule, a fetch of the live
document, the release command writing the body to a file, a pull-request step from a
fixed branch with that file as its body, the breaking label, CI started on the branch,
and the scheduled job failing on breaking drift.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"


def _workflow(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    return data


@pytest.fixture(scope="module")
def drift() -> dict[Any, Any]:
    return _workflow("drift.yml")


def _steps(workflow: dict[Any, Any]) -> dict[str, dict[str, Any]]:
    (job,) = workflow["jobs"].values()
    return {step["id"]: step for step in job["steps"] if "id" in step}


def test_it_runs_daily(drift: dict[Any, Any]) -> None:
    triggers = drift[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"][0]["cron"]
    assert "workflow_dispatch" in triggers


def test_it_fetches_the_live_document(drift: dict[Any, Any]) -> None:
    fetch = _steps(drift)["fetch"]
    assert "$SFAPI_SPEC_URL" in fetch["run"]
    assert '--output "$RUNNER_TEMP/live-openapi.json"' in fetch["run"]
    assert "--fail" in fetch["run"] and "--max-time" in fetch["run"]
    assert drift["env"]["SFAPI_SPEC_URL"].startswith("https://")


def test_it_runs_the_release_command_with_a_body_file(drift: dict[Any, Any]) -> None:
    run = _steps(drift)["release"]["run"]
    assert "python -m generator release" in run
    assert '--against "$RUNNER_TEMP/live-openapi.json"' in run
    assert '--body-file "$RUNNER_TEMP/release-body.md"' in run
    for code, drift_kind in (("0", "none"), ("1", "non-breaking"), ("2", "breaking")):
        assert f'{code}) echo "drift={drift_kind}" >> "$GITHUB_OUTPUT"' in run
    assert "exit 1" in run  # any other exit code fails the job


def test_it_opens_or_updates_one_pull_request_with_that_body(drift: dict[Any, Any]) -> None:
    step = _steps(drift)["pull-request"]
    assert step["uses"].startswith("peter-evans/create-pull-request@")
    assert step["if"] == "steps.release.outputs.drift != 'none'"
    assert step["with"]["body-path"] == "${{ runner.temp }}/release-body.md"
    assert step["with"]["branch"] == "${{ env.PROPOSAL_BRANCH }}"
    assert drift["env"]["PROPOSAL_BRANCH"] == "release/spec-drift"
    assert {"contents", "pull-requests", "actions"} <= {
        key for key, value in drift["permissions"].items() if value == "write"
    }


def test_it_labels_breaking_drift_and_starts_ci_on_the_branch(drift: dict[Any, Any]) -> None:
    (job,) = drift["jobs"].values()
    label = next(step for step in job["steps"] if "gh pr edit" in step.get("run", ""))
    assert "--add-label breaking" in label["run"] and "--remove-label breaking" in label["run"]
    assert 'gh workflow run ci.yml --ref "$PROPOSAL_BRANCH"' in label["run"]
    assert "workflow_dispatch" in _workflow("ci.yml")[True]


def test_breaking_drift_fails_the_scheduled_job(drift: dict[Any, Any]) -> None:
    (job,) = drift["jobs"].values()
    last = job["steps"][-1]
    assert last["if"] == "steps.release.outputs.drift == 'breaking'"
    assert "exit 1" in last["run"]


def test_ci_runs_make_test_on_pull_requests() -> None:
    ci = _workflow("ci.yml")
    assert "pull_request" in ci[True]
    (job,) = ci["jobs"].values()
    assert any("make test" in step.get("run", "") for step in job["steps"])
