"""A small FastAPI service whose OpenAPI document (3.1, written by FastAPI itself) the
generator has never seen before the test asks for it: constrained fields, an enum with
a default, a file upload and lists of files in FastAPI's current form (``contentMediaType``), text and raw
bytes bodies, header and cookie parameters, a vendor JSON answer."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Body, Cookie, FastAPI, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field


class Colour(StrEnum):
    red = "red"
    green = "green"


class NewWidget(BaseModel):
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}-\d+$", max_length=12)]
    count: Annotated[int, Field(ge=0, le=1000)] = 1
    colour: Colour = Colour.green
    parts: list[Widget] = []


class Widget(NewWidget):
    id: int


class Uploaded(BaseModel):
    name: str
    size: int
    label: str


def make_app() -> FastAPI:
    app = FastAPI(title="Widgets", version="1.0")
    widgets: dict[int, Widget] = {}

    @app.post("/widgets", status_code=201, tags=["widgets"])
    def create_widget(widget: NewWidget) -> Widget:
        created = Widget(id=len(widgets) + 1, **widget.model_dump())
        widgets[created.id] = created
        return created

    @app.get("/widgets/{widget_id}", tags=["widgets"])
    def read_widget(widget_id: int) -> Widget:
        if widget_id not in widgets:
            raise HTTPException(404, "no such widget")
        return widgets[widget_id]

    @app.get("/widgets", tags=["widgets"])
    def list_widgets(
        colour: Colour = Colour.green,
        x_tenant: Annotated[str | None, Header()] = None,
        session: Annotated[str | None, Cookie()] = None,
    ) -> list[Widget]:
        if x_tenant != "acme" or session != "s-1":
            raise HTTPException(403, "tenant header and session cookie expected")
        return [w for w in widgets.values() if w.colour == colour]

    @app.post("/files", tags=["files"])
    async def upload(
        file: Annotated[UploadFile, File()], label: Annotated[str, Form()]
    ) -> Uploaded:
        data = await file.read()
        return Uploaded(name=file.filename or "", size=len(data), label=label)

    @app.post("/files/many", tags=["files"])
    async def upload_many(
        files: Annotated[list[UploadFile], File()],
        extras: Annotated[list[UploadFile] | None, File()] = None,
    ) -> list[Uploaded]:
        answer = []
        for field, uploads in (("files", files), ("extras", extras or [])):
            for upload in uploads:
                data = await upload.read()
                answer.append(Uploaded(name=upload.filename or "", size=len(data), label=field))
        return answer

    @app.post(
        "/echo/text",
        tags=["echo"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"text/plain": {"schema": {"type": "string"}}},
            }
        },
    )
    async def echo_text(request: Request) -> str:
        if request.headers.get("content-type") != "text/plain":
            raise HTTPException(415, "text/plain expected")
        return (await request.body()).decode().upper()

    @app.put(
        "/echo/bytes",
        tags=["echo"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
        responses={200: {"content": {"application/octet-stream": {}}}},
        response_class=Response,
    )
    async def echo_bytes(request: Request) -> Response:
        if request.headers.get("content-type") != "application/octet-stream":
            raise HTTPException(415, "application/octet-stream expected")
        return Response(
            bytes(reversed(await request.body())), media_type="application/octet-stream"
        )

    @app.post(
        "/echo/vendor",
        tags=["echo"],
        responses={
            200: {
                "content": {
                    "application/vnd.widgets+json": {
                        "schema": {"$ref": "#/components/schemas/Widget-Output"}
                    }
                }
            }
        },
        response_class=JSONResponse,
    )
    def echo_vendor(widget: Annotated[Widget, Body()]) -> JSONResponse:
        return JSONResponse(
            widget.model_dump(mode="json"), media_type="application/vnd.widgets+json"
        )

    return app
