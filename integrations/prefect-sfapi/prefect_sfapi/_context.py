"""What a task knows of the Prefect run it belongs to: the flow run and the task run."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from prefect.context import FlowRunContext, TaskRunContext

__all__: list[str] = []


@dataclass(frozen=True)
class RunIdentity:
    """The flow run (id and attempt) and the task run a submission is made in."""

    flow_run_id: str
    flow_run_count: int
    task_run_id: UUID


def current_run() -> RunIdentity | None:
    """The identity of the task run this code runs in, or None outside a flow run."""
    task_context = TaskRunContext.get()
    if task_context is None or task_context.task_run.flow_run_id is None:
        return None
    flow_context = FlowRunContext.get()
    run_count = 1
    if flow_context is not None and flow_context.flow_run is not None:
        run_count = max(flow_context.flow_run.run_count, 1)
    return RunIdentity(
        flow_run_id=str(task_context.task_run.flow_run_id),
        flow_run_count=run_count,
        task_run_id=task_context.task_run.id,
    )
