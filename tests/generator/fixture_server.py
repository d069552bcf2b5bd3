"""A small real server for the fixture API: it records what each request carried."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

ITEM = {
    "id": 7,
    "created": "2026-11-01",
    "name": "anvil",
    "size": "L",
    "priority": 2,
    "owner": {"name": "acme"},
    "grid": [[1.0, 2.5]],
    "attributes": {"colour": "black"},
    "note": None,
    "date": "2026-11-25",
}


def make_app(seen: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()

    async def record(request: Request) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "method": request.method,
            "raw_path": request.scope["raw_path"].decode(),
            "query": list(request.query_params.multi_items()),
            "headers": dict(request.headers),
        }
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("multipart/", "application/x-www-form-urlencoded")):
            async with request.form() as form:
                entry["form"] = [
                    (k, v if isinstance(v, str) else ("file", v.filename, await v.read()))
                    for k, v in form.multi_items()
                ]
        elif content_type.startswith("application/json"):
            entry["json"] = await request.json()
        seen.append(entry)
        return entry

    @app.get("/v0/items")
    async def list_items(request: Request) -> Any:
        entry = await record(request)
        if ("limit", "0") in entry["query"]:
            return JSONResponse(
                {
                    "detail": [
                        {
                            "loc": ["query", "limit"],
                            "msg": "must be positive",
                            "type": "value_error",
                        }
                    ]
                },
                422,
            )
        return [ITEM]

    @app.post("/v0/items")
    async def create_item(request: Request) -> Any:
        entry = await record(request)
        return JSONResponse({**ITEM, "name": entry["json"]["name"]}, 201)

    @app.get("/v0/items/{item_id}")
    async def get_item(request: Request, item_id: int) -> Any:
        await record(request)
        if item_id == 0:
            return JSONResponse({"detail": "no such item"}, 404)
        return {**ITEM, "id": item_id}

    @app.put("/v0/items/{item_id}")
    async def rename_item(request: Request, item_id: int) -> Any:
        entry = await record(request)
        name = dict(entry["form"])["name"]
        if name == "bad":
            return {"status": "ERROR", "error": "names may not be bad"}
        return {"status": "OK", "error": None, "item": {**ITEM, "id": item_id, "name": name}}

    @app.delete("/v0/items/{item_id}")
    async def delete_item(request: Request, item_id: int) -> Response:
        await record(request)
        return Response(status_code=204)

    @app.put("/v0/files/{area}/{path:path}")
    async def upload(request: Request, area: str, path: str) -> Any:
        entry = await record(request)
        form = dict((k, v) for k, v in entry["form"])
        stored = form["file"]
        return {"path": f"{area}:{path}", "bytes": len(stored[2]), "comment": form.get("comment")}

    @app.get("/v0/files/{area}/{path:path}")
    async def download(request: Request, area: str, path: str) -> Response:
        await record(request)
        return Response(
            content=b"\x00\x01binary" + path.encode(), media_type="application/octet-stream"
        )

    @app.get("/v0/ping")
    async def ping(request: Request) -> Any:
        await record(request)
        return PlainTextResponse("pong")

    return app
