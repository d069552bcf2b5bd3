# Copied from templates/static/sfapi/projects.py by `python -m generator codegen`. Do not edit here.
"""``sfapi_client.projects``: projects (repositories) and the user's roles in them."""

from ._async.account import AsyncProject
from ._sync.account import Project
from .models import RoleStats

#: A role of the user in a project (``user.roles()`` lists them).
Role = RoleStats
AsyncRole = RoleStats

__all__ = ["AsyncProject", "AsyncRole", "Project", "Role"]
