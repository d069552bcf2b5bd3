# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""NERSC SuperFacility API: typed models, a low-level client (async and sync),
and the hand-written layer built on them.
"""

__version__ = "0.1.0"

from . import models
from ._async.api_client import AsyncApiClient
from ._spec_info import API_VERSION, DEFAULT_BASE_URL, DEFAULT_TOKEN_URL
from ._sync.api_client import ApiClient
from ._async.account import (
    AsyncGroup,
    AsyncGroupMember,
    AsyncProject,
    AsyncUser,
)
from ._sync.account import (
    Group,
    GroupMember,
    Project,
    User,
)
from ._async.client import (
    AsyncClient,
)
from ._sync.client import (
    Client,
)
from ._async.compute import (
    AsyncCompute,
)
from ._sync.compute import (
    Compute,
)
from ._async.jobs import (
    AsyncJob,
)
from ._sync.jobs import (
    Job,
)
from ._async.paths import (
    AsyncRemotePath,
)
from ._sync.paths import (
    RemotePath,
)
from ._async.resources import (
    AsyncApi,
    AsyncResources,
)
from ._sync.resources import (
    Api,
    Resources,
)
from ._async.storage import (
    AsyncGlobus,
    AsyncStorage,
    AsyncTransfer,
)
from ._sync.storage import (
    Globus,
    Storage,
    Transfer,
)
from ._async.tasks import (
    AsyncCommandTask,
)
from ._sync.tasks import (
    CommandTask,
)
from ._auth import (
    BearerTokenAuth,
    ClientCredentialsAuth,
    TokenRequestError,
)
from ._credentials import (
    ClientKeyError,
    Credentials,
)
from ._deadline import (
    time_limit,
)
from ._exceptions import (
    ApiErrorStatus,
    AuthenticationError,
    CallTimeoutError,
    ConflictError,
    JobNotCreatedError,
    JobNotFoundError,
    JobSubmissionError,
    MachineUnavailableError,
    MissingCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    ResponseDecodeError,
    ResponseTooLargeError,
    ServerError,
    SfApiError,
    SubmissionOutcomeUnknownError,
    TaskFailedError,
    TransportError,
    WaitTimeoutError,
)
from ._job_state import (
    JobCommand,
    JobState,
)
from ._machines import (
    Machine,
    Machines,
    Resource,
    machine_from,
)
from ._retry import (
    RetryConfig,
)
from ._task_results import (
    CommandResult,
    SubmissionResult,
)
from .models import (
    ApiClientInfo,
    BatchGroupAction,
    Changelog,
    ComputeCommandOutput,
    ComputeStatus,
    Config,
    CreateGroupBody,
    DirectoryEntry,
    DirectoryOutput,
    FileDownload,
    GlobusStatus,
    GlobusTransfer,
    GlobusTransferResult,
    GroupList,
    GroupStats,
    HTTPValidationError,
    JobOutput,
    JobSacct,
    JobSqueue,
    Note,
    Outage,
    OutageStatusValue,
    ProjectStats,
    PublicHost,
    QueueOutput,
    RoleStats,
    RunCommandBody,
    StartGlobusTransferBody,
    StatusValue,
    StorageStats,
    StorageStatus,
    SubmitJobBody,
    SystemStatus,
    Task,
    Tasks,
    TaskStatus,
    UpdateGroupMembershipBody,
    UploadFileBody,
    UploadResult,
    UserInfo,
    UserStats,
    UtilsCommandOutput,
    UtilsStatus,
    ValidationError,
)

__all__ = [
    "API_VERSION",
    "Api",
    "ApiClient",
    "ApiClientInfo",
    "ApiErrorStatus",
    "AsyncApi",
    "AsyncApiClient",
    "AsyncClient",
    "AsyncCommandTask",
    "AsyncCompute",
    "AsyncGlobus",
    "AsyncGroup",
    "AsyncGroupMember",
    "AsyncJob",
    "AsyncProject",
    "AsyncRemotePath",
    "AsyncResources",
    "AsyncStorage",
    "AsyncTransfer",
    "AsyncUser",
    "AuthenticationError",
    "BatchGroupAction",
    "BearerTokenAuth",
    "CallTimeoutError",
    "Changelog",
    "Client",
    "ClientCredentialsAuth",
    "ClientKeyError",
    "CommandResult",
    "CommandTask",
    "Compute",
    "ComputeCommandOutput",
    "ComputeStatus",
    "Config",
    "ConflictError",
    "CreateGroupBody",
    "Credentials",
    "DEFAULT_BASE_URL",
    "DEFAULT_TOKEN_URL",
    "DirectoryEntry",
    "DirectoryOutput",
    "FileDownload",
    "Globus",
    "GlobusStatus",
    "GlobusTransfer",
    "GlobusTransferResult",
    "Group",
    "GroupList",
    "GroupMember",
    "GroupStats",
    "HTTPValidationError",
    "Job",
    "JobCommand",
    "JobNotCreatedError",
    "JobNotFoundError",
    "JobOutput",
    "JobSacct",
    "JobSqueue",
    "JobState",
    "JobSubmissionError",
    "Machine",
    "MachineUnavailableError",
    "Machines",
    "MissingCredentialsError",
    "NotFoundError",
    "Note",
    "Outage",
    "OutageStatusValue",
    "PermissionDeniedError",
    "Project",
    "ProjectStats",
    "PublicHost",
    "QueueOutput",
    "RateLimitError",
    "RemotePath",
    "RequestValidationError",
    "Resource",
    "Resources",
    "ResponseDecodeError",
    "ResponseTooLargeError",
    "RetryConfig",
    "RoleStats",
    "RunCommandBody",
    "ServerError",
    "SfApiError",
    "StartGlobusTransferBody",
    "StatusValue",
    "Storage",
    "StorageStats",
    "StorageStatus",
    "SubmissionOutcomeUnknownError",
    "SubmissionResult",
    "SubmitJobBody",
    "SystemStatus",
    "Task",
    "TaskFailedError",
    "TaskStatus",
    "Tasks",
    "TokenRequestError",
    "Transfer",
    "TransportError",
    "UpdateGroupMembershipBody",
    "UploadFileBody",
    "UploadResult",
    "User",
    "UserInfo",
    "UserStats",
    "UtilsCommandOutput",
    "UtilsStatus",
    "ValidationError",
    "WaitTimeoutError",
    "machine_from",
    "models",
    "time_limit",
]
