"""Dependencies shared by the routes: the world, the caller, in-band error answers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from ..auth import OAuthError, RegisteredClient
from ..state.filesystem import Account
from ..world import World


def world_of(request: Request) -> World:
    world: World = request.app.state.world
    return world


WorldDep = Annotated[World, Depends(world_of)]


def _caller(request: Request, write: bool) -> RegisteredClient:
    world = world_of(request)
    try:
        client = world.authority.client_for(request.headers.get("authorization"))
    except OAuthError as exc:
        raise HTTPException(
            401, detail=exc.description, headers={"WWW-Authenticate": "Bearer"}
        ) from None
    if write and client.read_only:
        raise HTTPException(
            403, detail="this client is read-only; the operation needs a read-write client"
        )
    return client


def reader(request: Request) -> RegisteredClient:
    """The client of a valid bearer token (401 otherwise)."""
    return _caller(request, write=False)


def writer(request: Request) -> RegisteredClient:
    """A read-write client (403 for a read-only one)."""
    return _caller(request, write=True)


Reader = Annotated[RegisteredClient, Depends(reader)]
Writer = Annotated[RegisteredClient, Depends(writer)]


def account_of(world: World, client: RegisteredClient) -> Account:
    return world.account(client.user)
