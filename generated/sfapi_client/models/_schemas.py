# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.

from __future__ import annotations

from pydantic import AwareDatetime, BaseModel, Field
from datetime import date as date_aliased
from ._enums import (
    BatchGroupAction,
    GlobusStatus,
    OutageStatusValue,
    StatusValue,
    TaskStatus,
    ComputeStatus,
    StorageStatus,
    UtilsStatus,
)


class CreateGroupBody(BaseModel):
    name: str = Field(..., title="Name")
    repo_name: str = Field(..., title="Repo Name")


class RunCommandBody(BaseModel):
    executable: str = Field(..., title="Executable")


class StartGlobusTransferBody(BaseModel):
    source_uuid: str = Field(..., title="Source Uuid")
    target_uuid: str = Field(..., title="Target Uuid")
    source_dir: str = Field(..., title="Source Dir")
    target_dir: str = Field(..., title="Target Dir")
    label: str | None = Field("", title="Label")


class SubmitJobBody(BaseModel):
    isPath: bool = Field(..., title="Ispath")
    job: str = Field(..., title="Job")
    """
    A path to a batch script on the machine, or the script itself.
    """
    args: list[str] | None = Field([], title="Args")
    callbackTimeout: int | None = Field(None, title="Callbacktimeout")
    callbackEmail: str | None = Field(None, title="Callbackemail")
    callbackUrl: str | None = Field(None, title="Callbackurl")


class UpdateGroupMembershipBody(BaseModel):
    usernames: str = Field(..., title="Usernames")
    """
    Comma-separated usernames.
    """
    action: BatchGroupAction


class UploadFileBody(BaseModel):
    file: bytes = Field(..., title="File")


class Changelog(BaseModel):
    date: date_aliased | None = Field(None, title="Date")
    change: str | None = Field(None, title="Change")


class ApiClientInfo(BaseModel):
    name: str = Field(..., title="Name")
    clientId: str = Field(..., title="Clientid")
    expiresAt: str = Field(..., title="Expiresat")
    comments: str | None = Field(None, title="Comments")


class Config(BaseModel):
    key: str = Field(..., title="Key")
    value: str | None = Field(None, title="Value")


class DirectoryEntry(BaseModel):
    perms: str | None = Field(None, title="Perms")
    hardlinks: int | None = Field(0, title="Hardlinks")
    user: str | None = Field(None, title="User")
    group: str | None = Field(None, title="Group")
    size: float | None = Field(0, title="Size")
    date: str | None = Field(None, title="Date")
    name: str | None = Field(None, title="Name")


class Note(BaseModel):
    name: str = Field(..., title="Name")
    notes: str | None = Field(None, title="Notes")
    active: bool | None = Field(False, title="Active")
    timestamp: AwareDatetime | None = Field(None, title="Timestamp")


class RoleStats(BaseModel):
    id: int = Field(..., title="Id")
    description: str = Field(..., title="Description")
    repo_name: str = Field(..., title="Repo Name")
    iris_role: str | None = Field(None, title="Iris Role")


class StorageStats(BaseModel):
    name: str = Field(..., title="Name")
    bytes_given: float | None = Field(None, title="Bytes Given")
    bytes_used: float | None = Field(None, title="Bytes Used")
    bytes_given_human: str | None = Field(None, title="Bytes Given Human")
    bytes_used_human: str | None = Field(None, title="Bytes Used Human")
    files_given: float | None = Field(None, title="Files Given")
    files_used: float | None = Field(None, title="Files Used")


class UserInfo(BaseModel):
    uid: int = Field(..., title="Uid")
    name: str = Field(..., title="Name")
    firstname: str | None = Field(None, title="Firstname")
    lastname: str | None = Field(None, title="Lastname")
    middlename: str | None = Field(None, title="Middlename")
    workphone: str | None = Field(None, title="Workphone")
    otherPhones: str | None = Field(None, title="Otherphones")
    email: str | None = Field(None, title="Email")


class UserStats(BaseModel):
    uid: int = Field(..., title="Uid")
    name: str = Field(..., title="Name")


class ValidationError(BaseModel):
    loc: list[str | int] = Field(..., title="Location")
    msg: str = Field(..., title="Message")
    type: str = Field(..., title="Error Type")


class SystemStatus(BaseModel):
    name: str = Field(..., title="Name")
    full_name: str | None = Field(None, title="Full Name")
    description: str | None = Field(None, title="Description")
    system_type: str | None = Field(None, title="System Type")
    notes: list[str] | None = Field(None, title="Notes")
    status: StatusValue
    updated_at: AwareDatetime | None = Field(None, title="Updated At")


class DirectoryOutput(BaseModel):
    status: UtilsStatus
    entries: list[DirectoryEntry] = Field(..., title="Entries")
    error: str | None = Field(None, title="Error")
    file: str | None = Field(None, title="File")
    is_binary: bool | None = Field(False, title="Is Binary")


class FileDownload(BaseModel):
    """
    File contents; when is_binary is true, `file` holds base64.
    """

    status: UtilsStatus
    file: str | None = Field(None, title="File")
    is_binary: bool | None = Field(False, title="Is Binary")
    error: str | None = Field(None, title="Error")


class GlobusTransfer(BaseModel):
    transfer_id: str = Field(..., title="Transfer Id")
    status: StorageStatus
    reason: str | None = Field(..., title="Reason")


class GlobusTransferResult(BaseModel):
    status: StorageStatus
    reason: str | None = Field(..., title="Reason")
    globus_status: GlobusStatus | None = None
    bytes_transferred: int | None = Field(None, title="Bytes Transferred")
    completion_time: AwareDatetime | None = Field(None, title="Completion Time")
    effective_bytes_per_second: int | None = Field(None, title="Effective Bytes Per Second")


class GroupStats(BaseModel):
    gid: int = Field(..., title="Gid")
    name: str = Field(..., title="Name")
    users: list[UserStats] | None = Field(None, title="Users")


class HTTPValidationError(BaseModel):
    detail: list[ValidationError] | None = Field(None, title="Detail")


class JobOutput(BaseModel):
    status: ComputeStatus
    output: list[dict[str, str]] = Field(..., title="Output")
    error: str | None = Field(None, title="Error")


class Outage(BaseModel):
    name: str = Field(..., title="Name")
    start_at: AwareDatetime | None = Field(None, title="Start At")
    end_at: AwareDatetime | None = Field(None, title="End At")
    description: str | None = Field(None, title="Description")
    notes: str | None = Field(None, title="Notes")
    status: OutageStatusValue | None = None
    swo: str | None = Field(None, title="Swo")
    update_at: AwareDatetime | None = Field(None, title="Update At")


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


class QueueOutput(BaseModel):
    status: ComputeStatus
    output: list[dict[str, str]] = Field(..., title="Output")
    error: str | None = Field(None, title="Error")


class Task(BaseModel):
    id: str = Field(..., title="Id")
    status: TaskStatus | None
    result: str | None = Field(..., title="Result")
    """
    JSON document, encoded as a string, written by the task when it ends.
    """


class Tasks(BaseModel):
    tasks: list[Task] | None = Field(..., title="Tasks")


class UploadResult(BaseModel):
    status: UtilsStatus
    output: str | None = Field(None, title="Output")
    error: str | None = Field(None, title="Error")


class ComputeCommandOutput(BaseModel):
    task_id: str = Field(..., title="Task Id")
    status: ComputeStatus
    error: str | None = Field(None, title="Error")


class UtilsCommandOutput(BaseModel):
    task_id: str = Field(..., title="Task Id")
    status: UtilsStatus
    error: str | None = Field(None, title="Error")


class GroupList(BaseModel):
    groups: list[GroupStats] | None = Field(None, title="Groups")
