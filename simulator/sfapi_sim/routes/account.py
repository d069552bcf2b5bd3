"""Routes of the ``account`` tag: the caller, projects, roles, clients, groups."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException

from sfapi_client.models import (
    ApiClientInfo,
    BatchGroupAction,
    CreateGroupBody,
    GroupList,
    GroupStats,
    ProjectStats,
    RoleStats,
    UpdateGroupMembershipBody,
    UserInfo,
)

from ..state import seed
from .deps import Reader, WorldDep, Writer

router = APIRouter(tags=["account"])


@router.get("/account/", response_model=UserInfo)
def read_user(world: WorldDep, client: Reader, username: str | None = None) -> dict[str, Any]:
    name = username or client.user
    if name not in world.accounts:
        raise HTTPException(404, detail=f"no user named {name!r}")
    return {"uid": world.account(name).uid, "name": name, **seed.USER_DETAILS.get(name, {})}


def _project(repo: str, role: str) -> dict[str, Any]:
    facts = seed.PROJECTS[repo]
    return {
        "id": facts["id"],
        "description": facts["description"],
        "repo_name": repo,
        "iris_role": role,
        "hours_given": facts["hours_given"],
        "hours_used": round(facts["hours_given"] * 0.37, 1),
        "project_hours_given": facts["hours_given"],
        "project_hours_used": round(facts["hours_given"] * 0.41, 1),
    }


@router.get("/account/projects", response_model=list[ProjectStats])
def read_projects(world: WorldDep, client: Reader) -> list[dict[str, Any]]:
    return [_project(repo, "member") for repo in world.account(client.user).projects]


@router.get("/account/roles", response_model=list[RoleStats])
def read_roles(world: WorldDep, client: Reader) -> list[dict[str, Any]]:
    return [
        {
            "id": seed.PROJECTS[r]["id"],
            "description": seed.PROJECTS[r]["description"],
            "repo_name": r,
            "iris_role": "member",
        }
        for r in world.account(client.user).projects
    ]


@router.get("/account/clients", response_model=list[ApiClientInfo])
def read_clients(world: WorldDep, client: Reader) -> list[dict[str, Any]]:
    return [
        {
            "name": c.name,
            "clientId": c.client_id,
            "expiresAt": c.expires_at_text,
            "comments": "read-only" if c.read_only else None,
        }
        for c in world.authority.clients_of(client.user)
    ]


def _group_view(world: WorldDep, name: str) -> dict[str, Any]:
    group = world.groups[name]
    return {
        "gid": group["gid"],
        "name": name,
        "users": [{"uid": world.account(u).uid, "name": u} for u in group["members"]],
    }


@router.get("/account/groups", response_model=GroupList)
def read_groups(world: WorldDep, client: Reader) -> dict[str, Any]:
    with world.groups_lock:
        names = [n for n, g in world.groups.items() if client.user in g["members"]]
        return {"groups": [_group_view(world, n) for n in names]}


@router.post("/account/groups", response_model=GroupStats)
def create_group(
    world: WorldDep, client: Writer, name: Annotated[str, Form()], repo_name: Annotated[str, Form()]
) -> dict[str, Any]:
    body = CreateGroupBody(name=name, repo_name=repo_name)
    if body.repo_name not in world.account(client.user).projects:
        raise HTTPException(
            403, detail=f"{client.user} is not a member of project {body.repo_name}"
        )
    with world.groups_lock:
        if body.name in world.groups:
            raise HTTPException(409, detail=f"group {body.name!r} exists")
        gid = 80000 + len(world.groups)
        world.groups[body.name] = {
            "gid": gid,
            "members": [client.user],
            "repo": body.repo_name,
            "owner": client.user,
        }
        return _group_view(world, body.name)


@router.get("/account/groups/{group}", response_model=GroupStats)
def read_group(world: WorldDep, client: Reader, group: str) -> dict[str, Any]:
    with world.groups_lock:
        if group not in world.groups:
            raise HTTPException(404, detail=f"no group named {group!r}")
        return _group_view(world, group)


@router.put("/account/groups/{group}", response_model=GroupStats)
def update_group_membership(
    world: WorldDep,
    client: Writer,
    group: str,
    usernames: Annotated[str, Form()],
    action: Annotated[BatchGroupAction, Form()],
) -> dict[str, Any]:
    body = UpdateGroupMembershipBody(usernames=usernames, action=action)
    names = [n.strip() for n in body.usernames.split(",") if n.strip()]
    unknown = [n for n in names if n not in world.accounts]
    if unknown:
        raise HTTPException(404, detail=f"unknown user(s): {', '.join(unknown)}")
    with world.groups_lock:
        if group not in world.groups:
            raise HTTPException(404, detail=f"no group named {group!r}")
        owner = world.groups[group]["owner"]
        if owner != client.user:
            raise HTTPException(
                403, detail=f"only the owner of group {group!r} ({owner}) may change its members"
            )
        members: list[str] = world.groups[group]["members"]
        for name in names:
            if body.action is BatchGroupAction.batch_add and name not in members:
                members.append(name)
            elif body.action is BatchGroupAction.batch_remove and name in members:
                members.remove(name)
        return _group_view(world, group)
