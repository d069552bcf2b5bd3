# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Every model of the API: one class per schema, and the job models.

Each name is imported when first used (``_lazy.py``): a model is built, with the
models it refers to, the first time a script needs it; the enums need no pydantic.
"""

import typing as _typing

__all__ = [
    "ApiClientInfo",
    "BatchGroupAction",
    "Changelog",
    "ComputeCommandOutput",
    "ComputeStatus",
    "Config",
    "CreateGroupBody",
    "DirectoryEntry",
    "DirectoryOutput",
    "FileDownload",
    "GlobusStatus",
    "GlobusTransfer",
    "GlobusTransferResult",
    "GroupList",
    "GroupStats",
    "HTTPValidationError",
    "JobOutput",
    "JobSacct",
    "JobSqueue",
    "Note",
    "Outage",
    "OutageStatusValue",
    "ProjectStats",
    "PublicHost",
    "QueueOutput",
    "RoleStats",
    "RunCommandBody",
    "StartGlobusTransferBody",
    "StatusValue",
    "StorageStats",
    "StorageStatus",
    "SubmitJobBody",
    "SystemStatus",
    "Task",
    "TaskStatus",
    "Tasks",
    "UpdateGroupMembershipBody",
    "UploadFileBody",
    "UploadResult",
    "UserInfo",
    "UserStats",
    "UtilsCommandOutput",
    "UtilsStatus",
    "ValidationError",
]

if _typing.TYPE_CHECKING:
    from ._schemas.api_client_info import ApiClientInfo
    from ._enums import BatchGroupAction
    from ._schemas.changelog import Changelog
    from ._schemas.compute_command_output import ComputeCommandOutput
    from ._enums import ComputeStatus
    from ._schemas.config import Config
    from ._schemas.create_group_body import CreateGroupBody
    from ._schemas.directory_entry import DirectoryEntry
    from ._schemas.directory_output import DirectoryOutput
    from ._schemas.file_download import FileDownload
    from ._enums import GlobusStatus
    from ._schemas.globus_transfer import GlobusTransfer
    from ._schemas.globus_transfer_result import GlobusTransferResult
    from ._schemas.group_list import GroupList
    from ._schemas.group_stats import GroupStats
    from ._schemas.http_validation_error import HTTPValidationError
    from ._schemas.job_output import JobOutput
    from ._jobs import JobSacct
    from ._jobs import JobSqueue
    from ._schemas.note import Note
    from ._schemas.outage import Outage
    from ._enums import OutageStatusValue
    from ._schemas.project_stats import ProjectStats
    from ._enums import PublicHost
    from ._schemas.queue_output import QueueOutput
    from ._schemas.role_stats import RoleStats
    from ._schemas.run_command_body import RunCommandBody
    from ._schemas.start_globus_transfer_body import StartGlobusTransferBody
    from ._enums import StatusValue
    from ._schemas.storage_stats import StorageStats
    from ._enums import StorageStatus
    from ._schemas.submit_job_body import SubmitJobBody
    from ._schemas.system_status import SystemStatus
    from ._schemas.task import Task
    from ._enums import TaskStatus
    from ._schemas.tasks import Tasks
    from ._schemas.update_group_membership_body import UpdateGroupMembershipBody
    from ._schemas.upload_file_body import UploadFileBody
    from ._schemas.upload_result import UploadResult
    from ._schemas.user_info import UserInfo
    from ._schemas.user_stats import UserStats
    from ._schemas.utils_command_output import UtilsCommandOutput
    from ._enums import UtilsStatus
    from ._schemas.validation_error import ValidationError
else:
    from .._lazy import lazy_attributes as _lazy_attributes

    __getattr__, __dir__ = _lazy_attributes(
        globals(),
        {
            "ApiClientInfo": "._schemas.api_client_info",
            "BatchGroupAction": "._enums",
            "Changelog": "._schemas.changelog",
            "ComputeCommandOutput": "._schemas.compute_command_output",
            "ComputeStatus": "._enums",
            "Config": "._schemas.config",
            "CreateGroupBody": "._schemas.create_group_body",
            "DirectoryEntry": "._schemas.directory_entry",
            "DirectoryOutput": "._schemas.directory_output",
            "FileDownload": "._schemas.file_download",
            "GlobusStatus": "._enums",
            "GlobusTransfer": "._schemas.globus_transfer",
            "GlobusTransferResult": "._schemas.globus_transfer_result",
            "GroupList": "._schemas.group_list",
            "GroupStats": "._schemas.group_stats",
            "HTTPValidationError": "._schemas.http_validation_error",
            "JobOutput": "._schemas.job_output",
            "JobSacct": "._jobs",
            "JobSqueue": "._jobs",
            "Note": "._schemas.note",
            "Outage": "._schemas.outage",
            "OutageStatusValue": "._enums",
            "ProjectStats": "._schemas.project_stats",
            "PublicHost": "._enums",
            "QueueOutput": "._schemas.queue_output",
            "RoleStats": "._schemas.role_stats",
            "RunCommandBody": "._schemas.run_command_body",
            "StartGlobusTransferBody": "._schemas.start_globus_transfer_body",
            "StatusValue": "._enums",
            "StorageStats": "._schemas.storage_stats",
            "StorageStatus": "._enums",
            "SubmitJobBody": "._schemas.submit_job_body",
            "SystemStatus": "._schemas.system_status",
            "Task": "._schemas.task",
            "TaskStatus": "._enums",
            "Tasks": "._schemas.tasks",
            "UpdateGroupMembershipBody": "._schemas.update_group_membership_body",
            "UploadFileBody": "._schemas.upload_file_body",
            "UploadResult": "._schemas.upload_result",
            "UserInfo": "._schemas.user_info",
            "UserStats": "._schemas.user_stats",
            "UtilsCommandOutput": "._schemas.utils_command_output",
            "UtilsStatus": "._enums",
            "ValidationError": "._schemas.validation_error",
        },
    )
