"""The FastAPI application: routes of every operation of the spec, the token endpoint,
fault injection, and (when enabled) the admin routes."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from . import __version__
from .body_limit import BodyLimit
from .config import API_PREFIX, SimConfig
from .faults import FaultInjector
from .routes import account, admin, compute, status, storage, tasks, token, utilities
from .world import World


def create_app(config: SimConfig, root: Path, token_urls: list[str]) -> FastAPI:
    """A simulator application keeping its files under ``root``."""
    world = World(config, root, token_urls)
    app = FastAPI(
        title="NERSC SuperFacility API (simulator)",
        version=__version__,
        docs_url=f"{API_PREFIX}/docs",
        openapi_url=f"{API_PREFIX}/simulator-openapi.json",
    )
    app.state.world = world
    for module in (status, account, compute, utilities, tasks, storage):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(token.router)
    if config.admin:
        app.include_router(admin.router)
    app.add_middleware(FaultInjector, world=world)
    app.add_middleware(BodyLimit, world=world)
    app.add_exception_handler(RecursionError, _too_deep)
    return app


async def _too_deep(request: Request, exc: Exception) -> JSONResponse:
    """A body nested too deeply to parse (JSON of thousands of levels) is bad input."""
    return JSONResponse({"detail": "the request is nested too deeply to be read"}, status_code=400)
