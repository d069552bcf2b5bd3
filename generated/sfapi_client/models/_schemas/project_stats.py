# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import BaseModel, Field
from .storage_stats import StorageStats


class ProjectStats(BaseModel):
    id: int = Field(..., title="Id")
    description: str = Field(..., title="Description")
    repo_name: str = Field(..., title="Repo Name")
    iris_role: str | None = Field(None, title="Iris Role")
    hours_given: float | None = Field(None, title="Hours Given")
    hours_used: float | None = Field(None, title="Hours Used")
    project_hours_given: float | None = Field(None, title="Project Hours Given")
    project_hours_used: float | None = Field(None, title="Project Hours Used")
    cpu_hours_given: float | None = Field(None, title="Cpu Hours Given")
    cpu_hours_used: float | None = Field(None, title="Cpu Hours Used")
    cpu_project_hours_given: float | None = Field(None, title="Cpu Project Hours Given")
    cpu_project_hours_used: float | None = Field(None, title="Cpu Project Hours Used")
    gpu_hours_given: float | None = Field(None, title="Gpu Hours Given")
    gpu_hours_used: float | None = Field(None, title="Gpu Hours Used")
    gpu_project_hours_given: float | None = Field(None, title="Gpu Project Hours Given")
    gpu_project_hours_used: float | None = Field(None, title="Gpu Project Hours Used")
    projdir_usage: list[StorageStats] | None = Field(None, title="Projdir Usage")
    project_projdir_usage: StorageStats | None = None
    hpss_usage: list[StorageStats] | None = Field(None, title="Hpss Usage")
