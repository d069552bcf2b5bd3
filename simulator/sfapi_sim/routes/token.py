"""The OAuth2 token endpoint (client credentials grant, private-key JWT assertion)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ..auth import OAuthError
from ..config import TOKEN_PATH
from .deps import world_of

router = APIRouter()


@router.post(TOKEN_PATH, include_in_schema=False)
async def token(request: Request) -> Any:
    world = world_of(request)
    delay = world.config.faults.token_latency
    if delay:
        await asyncio.sleep(delay)
    form = {key: str(value) for key, value in (await request.form()).items()}
    try:
        return world.authority.issue(form, request.client.host if request.client else None)
    except OAuthError as exc:
        return JSONResponse(
            {"error": exc.error, "error_description": exc.description},
            status_code=exc.status,
            headers={"Cache-Control": "no-store"},
        )
