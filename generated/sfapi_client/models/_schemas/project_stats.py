# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from typing import Annotated
from pydantic import BaseModel, Field
from .storage_stats import StorageStats


class ProjectStats(BaseModel):
    id: Annotated[int, Field(title="Id")]
    description: Annotated[str, Field(title="Description")]
    repo_name: Annotated[str, Field(title="Repo Name")]
    iris_role: Annotated[str | None, Field(title="Iris Role")] = None
    hours_given: Annotated[float | None, Field(title="Hours Given")] = None
    hours_used: Annotated[float | None, Field(title="Hours Used")] = None
    project_hours_given: Annotated[float | None, Field(title="Project Hours Given")] = None
    project_hours_used: Annotated[float | None, Field(title="Project Hours Used")] = None
    cpu_hours_given: Annotated[float | None, Field(title="Cpu Hours Given")] = None
    cpu_hours_used: Annotated[float | None, Field(title="Cpu Hours Used")] = None
    cpu_project_hours_given: Annotated[float | None, Field(title="Cpu Project Hours Given")] = None
    cpu_project_hours_used: Annotated[float | None, Field(title="Cpu Project Hours Used")] = None
    gpu_hours_given: Annotated[float | None, Field(title="Gpu Hours Given")] = None
    gpu_hours_used: Annotated[float | None, Field(title="Gpu Hours Used")] = None
    gpu_project_hours_given: Annotated[float | None, Field(title="Gpu Project Hours Given")] = None
    gpu_project_hours_used: Annotated[float | None, Field(title="Gpu Project Hours Used")] = None
    projdir_usage: Annotated[list[StorageStats] | None, Field(title="Projdir Usage")] = None
    project_projdir_usage: StorageStats | None = None
    hpss_usage: Annotated[list[StorageStats] | None, Field(title="Hpss Usage")] = None
