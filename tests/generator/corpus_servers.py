"""Real servers for ten corpus documents, written from the documents by hand: each
route answers what its operation documents, and records what the request carried (its
form as the server parsed it, its raw body, its ``Authorization`` header).

One FastAPI app mounts them under a prefix each (``/petstore``, ``/uspto``, ...), so one
uvicorn server on 127.0.0.1 serves them all.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile

#: Where each document is served, by corpus file name.
PREFIXES = {
    "petstore-expanded.json": "/petstore",
    "uspto.json": "/uspto",
    "link-example.yaml": "/links",
    "api-with-examples.yaml": "/versions",
    "file-uploads.yaml": "/uploads",
    "split-droplets.yaml": "/split",
    "no-security-schemes.yaml": "/nosec",
    "form-styles.yaml": "/forms",
    "empty-enums.yaml": "/empty",
    "read-write-only.yaml": "/rw",
}

USER = {"username": "alice", "uuid": "0b0c5fd4-9d4c-4b59-8a3f-5c7d1b2a0e11"}
REPOSITORY = {"slug": "tools", "owner": USER}
PULL_REQUEST = {"id": 3, "title": "Fix it", "repository": REPOSITORY, "author": USER}


async def _record(seen: list[dict[str, Any]], request: Request) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "method": request.method,
        "path": request.url.path,
        "query": list(request.query_params.multi_items()),
        "authorization": request.headers.get("authorization"),
        "body": await request.body(),
    }
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        async with request.form() as form:
            entry["form"] = list(form.multi_items())
    elif content_type.startswith("multipart/form-data"):
        async with request.form() as form:
            entry["parts"] = [
                (name, value.filename, len(await value.read()))
                if isinstance(value, UploadFile)
                else (name, value)
                for name, value in form.multi_items()
            ]
    elif content_type.startswith("application/json"):
        entry["json"] = await request.json()
    seen.append(entry)
    return entry


def _petstore(seen: list[dict[str, Any]]) -> APIRouter:
    router = APIRouter()
    pets: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "Rex", "tag": "dog"}}

    @router.get("/pets")
    async def find_pets(request: Request) -> Any:
        entry = await _record(seen, request)
        tags = [v for k, v in entry["query"] if k == "tags"]
        limit = int(request.query_params.get("limit", "100"))
        found = [p for p in pets.values() if not tags or p.get("tag") in tags]
        return found[:limit]

    @router.post("/pets")
    async def add_pet(request: Request) -> Any:
        entry = await _record(seen, request)
        pet = {"id": max(pets) + 1, **entry["json"]}
        pets[pet["id"]] = pet
        return pet

    @router.get("/pets/{pet_id}")
    async def find_pet(request: Request, pet_id: int) -> Any:
        await _record(seen, request)
        if pet_id not in pets:
            return JSONResponse({"code": 404, "message": "no such pet"}, 404)
        return pets[pet_id]

    @router.delete("/pets/{pet_id}")
    async def delete_pet(request: Request, pet_id: int) -> Response:
        await _record(seen, request)
        pets.pop(pet_id, None)
        return Response(status_code=204)

    return router


def _uspto(seen: list[dict[str, Any]]) -> APIRouter:
    router = APIRouter()

    @router.get("/")
    async def list_data_sets(request: Request) -> Any:
        await _record(seen, request)
        api = {"apiKey": "oa_citations", "apiVersionNumber": "v1"}
        return {"total": 1, "apis": [{**api, "apiUrl": "/oa_citations/v1/fields"}]}

    @router.get("/{dataset}/{version}/fields")
    async def list_fields(request: Request, dataset: str, version: str) -> Any:
        await _record(seen, request)
        return f"fields of {dataset} {version}"

    @router.post("/{dataset}/{version}/records")
    async def perform_search(request: Request, dataset: str, version: str) -> Any:
        entry = await _record(seen, request)
        form = dict(entry["form"])
        return [{"record": {"dataset": dataset, "criteria": form["criteria"]}}]

    return router


def _links(seen: list[dict[str, Any]]) -> APIRouter:
    router = APIRouter(prefix="/2.0")

    @router.get("/users/{username}")
    async def user(request: Request, username: str) -> Any:
        await _record(seen, request)
        return {**USER, "username": username}

    @router.get("/repositories/{username}")
    async def repositories(request: Request, username: str) -> Any:
        await _record(seen, request)
        return [REPOSITORY]

    @router.get("/repositories/{username}/{slug}")
    async def repository(request: Request, username: str, slug: str) -> Any:
        await _record(seen, request)
        return {**REPOSITORY, "slug": slug}

    @router.get("/repositories/{username}/{slug}/pullrequests")
    async def pull_requests(request: Request, username: str, slug: str) -> Any:
        await _record(seen, request)
        return [PULL_REQUEST]

    @router.get("/repositories/{username}/{slug}/pullrequests/{pid}")
    async def pull_request(request: Request, username: str, slug: str, pid: str) -> Any:
        await _record(seen, request)
        return {**PULL_REQUEST, "id": int(pid)}

    @router.post("/repositories/{username}/{slug}/pullrequests/{pid}/merge")
    async def merge(request: Request, username: str, slug: str, pid: str) -> Response:
        await _record(seen, request)
        return Response(status_code=204)

    return router


def _versions(seen: list[dict[str, Any]]) -> APIRouter:
    router = APIRouter()
    version = {"id": "v2.0", "status": "CURRENT", "updated": "2011-01-21T11:33:21Z"}

    @router.get("/")
    async def list_versions(request: Request) -> Any:
        await _record(seen, request)
        return {"versions": [version]}

    @router.get("/v2")
    async def version_details(request: Request) -> Any:
        await _record(seen, request)
        return {"version": version}

    return router


def _uploads(seen: list[dict[str, Any]]) -> APIRouter:
    """ReadMe's file uploads (3.0 form, ``format: binary``): the document declares no answer
    body, so the server answers an empty 200 and the test reads the parts it recorded."""
    router = APIRouter()

    @router.post("/anything/multipart-formdata")
    @router.put("/anything/multipart-formdata")
    async def multipart(request: Request) -> Response:
        await _record(seen, request)
        return Response(status_code=200)

    return router


def _split(seen: list[dict[str, Any]]) -> APIRouter:
    """The droplets of the document split over several files."""
    router = APIRouter()
    region = {"slug": "nyc3", "available": True}
    droplets: dict[int, dict[str, Any]] = {1: {"id": 1, "name": "web-1", "region": region}}

    @router.get("/droplets")
    async def list_droplets(request: Request) -> Any:
        await _record(seen, request)
        per_page = int(request.query_params["per_page"])
        links = {"href": "/droplets?page=1", "children": [{"href": "/droplets?page=2"}]}
        return {"droplets": list(droplets.values())[:per_page], "links": links}

    @router.post("/droplets", status_code=201)
    async def create_droplet(request: Request) -> Any:
        body = (await _record(seen, request))["json"]
        droplet = {"id": max(droplets) + 1, **body, "region": {"slug": body["region"]}}
        droplets[droplet["id"]] = droplet
        return droplet

    @router.get("/droplets/{droplet_id}")
    async def get_droplet(request: Request, droplet_id: int) -> Any:
        await _record(seen, request)
        if droplet_id not in droplets:
            return JSONResponse({"id": "not_found", "message": "no such droplet"}, 404)
        return droplets[droplet_id]

    return router


def _no_security(seen: list[dict[str, Any]]) -> APIRouter:
    """The document without security schemes: answers whoever asks."""
    router = APIRouter()

    @router.get("/user")
    async def user(request: Request) -> Any:
        entry = await _record(seen, request)
        return {"login": "alice" if entry["authorization"] else "anonymous"}

    @router.get("/meta")
    async def meta(request: Request) -> Any:
        await _record(seen, request)
        return {"version": "1"}

    return router


def _forms(seen: list[dict[str, Any]]) -> APIRouter:
    """Form and multipart bodies, and a query: answers what it parsed."""
    router = APIRouter()

    @router.post("/v1/customers")
    async def create_customer(request: Request) -> Any:
        entry = await _record(seen, request)
        return {"form": entry["form"]}

    @router.get("/v1/customers/{customer}")
    async def retrieve_customer(request: Request, customer: str) -> Any:
        entry = await _record(seen, request)
        return {"query": entry["query"], "raw": request.url.query}

    @router.post("/v1/files")
    async def upload_file(request: Request) -> Any:
        entry = await _record(seen, request)
        return {"parts": entry["parts"]}

    return router


def _empty_enums(seen: list[dict[str, Any]]) -> APIRouter:
    router = APIRouter()

    @router.get("/channels/{channel_id}")
    async def channel(request: Request, channel_id: str) -> Any:
        await _record(seen, request)
        return {"id": channel_id}

    return router


def _read_write(seen: list[dict[str, Any]]) -> APIRouter:
    """Answers without the write-only properties, as the document says answers are."""
    router = APIRouter()

    @router.get("/accounts/{account_id}")
    async def get_account(request: Request, account_id: int) -> Any:
        await _record(seen, request)
        return {"id": account_id, "login": "alice"}

    @router.post("/sessions")
    async def open_session(request: Request) -> Response:
        await _record(seen, request)
        return Response(status_code=204)

    @router.put("/widgets/{widget_id}")
    async def put_widget(request: Request, widget_id: int) -> Any:
        entry = await _record(seen, request)
        sent = entry["json"]
        return {
            "id": widget_id,
            "name": sent["name"],
            "colour": sent["colour"],
            "stamp": {"by": "server"},
        }

    return router


def make_app(seen: list[dict[str, Any]]) -> FastAPI:
    """The servers in one app; ``seen`` collects every request."""
    app = FastAPI()
    routers = {
        "petstore-expanded.json": _petstore,
        "uspto.json": _uspto,
        "link-example.yaml": _links,
        "api-with-examples.yaml": _versions,
        "file-uploads.yaml": _uploads,
        "split-droplets.yaml": _split,
        "no-security-schemes.yaml": _no_security,
        "form-styles.yaml": _forms,
        "empty-enums.yaml": _empty_enums,
        "read-write-only.yaml": _read_write,
    }
    for document, make in routers.items():
        app.include_router(make(seen), prefix=PREFIXES[document])
    return app
