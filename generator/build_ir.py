"""Stage 3: build the intermediate representation from a normalised document.

All naming decisions happen here, with collisions checked, so templates only print.
"""

from __future__ import annotations

from typing import Any

from .config import Config
from .ir import Api, Body, BodyField, BodyKind, Operation, Param, Response, SecurityRequirement, Tag
from .naming import PATH_PARAMETER, operation_name, pascal_case, snake_case
from .normalise import iter_operations
from .problems import GeneratorError, Level, Problem, pointer_join
from .types import TypeNamer

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
# Attributes of the generated low-level client that a tag may not take.
CLIENT_ATTRIBUTES = frozenset(
    {"aclose", "close", "base_url", "http_client", "request", "send", "auth", "headers", "timeout"}
)
_BODY_PREFERENCE: tuple[tuple[str, BodyKind], ...] = (
    ("application/json", "json"),
    ("application/x-www-form-urlencoded", "form"),
    ("multipart/form-data", "multipart"),
    ("application/octet-stream", "binary"),
    ("text/plain", "text"),
)
DEFAULT_TAG = "default"


def build_api(
    document: dict[str, Any],
    config: Config,
    model_names: tuple[str, ...],
    job_model_names: tuple[str, ...],
    inputs: tuple[str, ...],
) -> Api:
    """Build the IR; raise GeneratorError listing every naming conflict found."""
    builder = _Builder(document, config)
    tags = builder.tags()
    if builder.problems:
        raise GeneratorError(builder.problems)
    info = document.get("info", {})
    return Api(
        title=info.get("title", config.title),
        version=str(info.get("version", "")),
        description=info.get("description", ""),
        package=config.package,
        client_class=config.client_class,
        default_base_url=config.default_base_url or _first_server(document),
        token_url=_token_url(document),
        tags=tags,
        model_names=model_names,
        job_model_names=job_model_names,
        inputs=inputs,
    )


def _first_server(document: dict[str, Any]) -> str:
    servers = document.get("servers") or [{}]
    return str(servers[0].get("url", "")) if isinstance(servers[0], dict) else ""


def _token_url(document: dict[str, Any]) -> str:
    schemes = document.get("components", {}).get("securitySchemes", {})
    for scheme in schemes.values():
        flow = (
            scheme.get("flows", {}).get("clientCredentials") if isinstance(scheme, dict) else None
        )
        if isinstance(flow, dict) and flow.get("tokenUrl"):
            return str(flow["tokenUrl"])
    return ""


def _literal(value: Any, class_name: str | None) -> str | None:
    """A Python literal for a spec default, or None when none fits a signature."""
    if value is None:
        return "None"
    if isinstance(value, bool | int | float | str):
        return f"{class_name}({value!r})" if class_name else repr(value)
    return None


class _Builder:
    def __init__(self, document: dict[str, Any], config: Config) -> None:
        self.doc = document
        self.config = config
        self.types = TypeNamer(document)
        self.problems: list[Problem] = []

    def error(self, message: str, *pointer: str | int) -> None:
        self.problems.append(
            Problem(Level.ERROR, message, str(self.config.spec), pointer_join(*pointer))
        )

    def tags(self) -> tuple[Tag, ...]:
        grouped: dict[str, list[Operation]] = {}
        for path, method, raw in iter_operations(self.doc):
            tag = (raw.get("tags") or [DEFAULT_TAG])[0]
            grouped.setdefault(tag, []).append(self.operation(path, method, raw))
        if not grouped:
            self.error("the document has no operations: there is no client to generate", "paths")
        descriptions = {t.get("name"): t.get("description", "") for t in self.doc.get("tags", [])}
        tags: list[Tag] = []
        used: dict[str, str] = {}
        for name, operations in grouped.items():
            python_name = snake_case(name, "default")
            if python_name in CLIENT_ATTRIBUTES or python_name.startswith("_"):
                python_name += "_api"
            if python_name in used:
                self.error(
                    f"tags {used[python_name]!r} and {name!r} both map to {python_name!r}", "tags"
                )
            used[python_name] = name
            self._check_unique_operations(name, operations)
            tags.append(
                Tag(
                    name=name,
                    python_name=python_name,
                    class_name=f"Async{pascal_case(python_name)}Api",
                    description=descriptions.get(name, ""),
                    operations=tuple(operations),
                )
            )
        return tuple(tags)

    def _check_unique_operations(self, tag: str, operations: list[Operation]) -> None:
        seen: dict[str, Operation] = {}
        for op in operations:
            if op.name in seen:
                other = seen[op.name]
                self.error(
                    f"operations {other.method} {other.path} and {op.method} {op.path} of tag {tag!r} "
                    f"are both named {op.name!r}; set a name override in the config",
                    "paths",
                    op.path,
                )
            seen[op.name] = op

    def operation(self, path: str, method: str, raw: dict[str, Any]) -> Operation:
        name = operation_name(
            raw.get("operationId"), path, method, self.config.strip_fastapi_suffix
        )
        override = self.config.overrides.get(name)
        if override and override.name:
            name = override.name
        upper = method.upper()
        params = self.params(path, method, raw)
        body = self.body(raw.get("requestBody"), ("paths", path, method, "requestBody"))
        self._check_signature(params, body, path, method)
        success, errors = self.responses(raw.get("responses", {}))
        security_raw = raw.get("security", self.doc.get("security", []))
        security = tuple(SecurityRequirement(tuple(sorted(req))) for req in security_raw or [])
        idempotent = upper in IDEMPOTENT_METHODS
        if override and override.idempotent is not None:
            idempotent = override.idempotent
        return Operation(
            name=name,
            constant=f"_{name.upper()}",
            operation_id=raw.get("operationId") or name,
            method=upper,
            path=path,
            summary=raw.get("summary", ""),
            description=raw.get("description", ""),
            params=params,
            body=body,
            success=success,
            errors=errors,
            security=security,
            idempotent=idempotent,
            inband_error=self._inband(success),
            deprecated=bool(raw.get("deprecated")),
        )

    def params(self, path: str, method: str, raw: dict[str, Any]) -> tuple[Param, ...]:
        shared = self.doc["paths"][path].get("parameters", [])
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for param in [*shared, *raw.get("parameters", [])]:
            param = self.types.resolve(param) if "$ref" in param else param
            merged[(param.get("in", ""), param.get("name", ""))] = param
        result: list[Param] = []
        for (location, wire_name), param in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            schema = param.get("schema", {})
            result.append(
                Param(
                    name=wire_name,
                    python_name=snake_case(wire_name),
                    location=location,  # type: ignore[arg-type]
                    annotation=self.types.annotation(schema),
                    required=bool(param.get("required")) or location == "path",
                    default=_literal(
                        self.types.resolve(schema).get("default"), self.types.ref_class(schema)
                    )
                    if "default" in self.types.resolve(schema)
                    else None,
                    description=param.get("description", ""),
                    allow_slash=location == "path" and wire_name in self.config.slash_allowed,
                )
            )
        # Required parameters first, each group in document order.
        return tuple(sorted(result, key=lambda p: not p.required))

    def body(self, raw: Any, pointer: tuple[str, ...]) -> Body | None:
        if not isinstance(raw, dict):
            return None
        raw = self.types.resolve(raw) if "$ref" in raw else raw
        content = raw.get("content", {})
        for media_type, kind in _BODY_PREFERENCE:
            if media_type not in content:
                continue
            schema = content[media_type].get("schema", {})
            required = bool(raw.get("required"))
            if kind in ("form", "multipart"):
                fields = self.body_fields(schema, kind)
                # Without declared fields the caller passes the form as a mapping.
                annotation = "" if fields else "dict[str, str]"
                return Body(
                    media_type, kind, annotation, required, fields, raw.get("description", "")
                )
            annotation = {"binary": "bytes", "text": "str"}.get(kind) or self.types.annotation(
                schema
            )
            return Body(media_type, kind, annotation, required, (), raw.get("description", ""))
        if content:
            self.error(f"no supported media type among {sorted(content)}", *pointer, "content")
        return None

    def body_fields(self, schema: Any, kind: str) -> tuple[BodyField, ...]:
        resolved = self.types.resolve(schema)
        required = set(resolved.get("required", []))
        fields: list[BodyField] = []
        for name, prop in resolved.get("properties", {}).items():
            prop_resolved = self.types.resolve(prop)
            is_file = kind == "multipart" and prop_resolved.get("format") == "binary"
            fields.append(
                BodyField(
                    name=name,
                    python_name=snake_case(name),
                    annotation="FileContent" if is_file else self.types.annotation(prop),
                    required=name in required,
                    default=_literal(prop_resolved["default"], self.types.ref_class(prop))
                    if "default" in prop_resolved
                    else None,
                    description=prop_resolved.get("description", ""),
                    is_file=is_file,
                )
            )
        return tuple(sorted(fields, key=lambda f: not f.required))

    def _check_signature(
        self, params: tuple[Param, ...], body: Body | None, path: str, method: str
    ) -> None:
        names = [p.python_name for p in params]
        if body is not None:
            names += [f.python_name for f in body.fields] if body.fields else ["body"]
        in_template = set(PATH_PARAMETER.findall(path))
        declared = {p.name for p in params if p.location == "path"}
        for name in sorted(in_template - declared):
            self.error(f"path parameter {{{name}}} is not declared", "paths", path, method)
        for name in sorted(declared - in_template):
            self.error(
                f"path parameter {name!r} does not appear in the path", "paths", path, method
            )
        duplicates = sorted({n for n in names if names.count(n) > 1})
        for name in duplicates:
            self.error(
                f"two parameters of the operation are both named {name!r} in Python",
                "paths",
                path,
                method,
            )
        if "self" in names:
            self.error("a parameter named 'self' cannot be generated", "paths", path, method)

    def responses(self, raw: dict[str, Any]) -> tuple[Response, tuple[Response, ...]]:
        parsed = [self.response(str(status), r) for status, r in raw.items() if isinstance(r, dict)]
        success = sorted((r for r in parsed if r.status.startswith("2")), key=lambda r: r.status)
        errors = tuple(r for r in parsed if not r.status.startswith("2"))
        if success:
            return success[0], errors
        return Response("200", "empty", "None", ""), errors

    def response(self, status: str, raw: dict[str, Any]) -> Response:
        raw = self.types.resolve(raw) if "$ref" in raw else raw
        content = raw.get("content") or {}
        description = raw.get("description", "")
        for media_type, media in content.items():
            schema = (media or {}).get("schema", {})
            if media_type == "application/json" or media_type.endswith("+json"):
                return Response(
                    status, "json", self.types.annotation(schema), description, media_type
                )
        for media_type, media in content.items():
            schema = self.types.resolve((media or {}).get("schema", {}))
            if media_type.startswith("text/") and schema.get("format") != "binary":
                return Response(status, "text", "str", description, media_type)
            return Response(status, "binary", "bytes", description, media_type)
        return Response(status, "empty", "None", description)

    def _inband(self, success: Response) -> tuple[str, str, str] | None:
        rules = self.config.inband_errors
        if rules is None or success.kind != "json" or not success.annotation.isidentifier():
            return None
        schema = self.types.resolve({"$ref": f"#/components/schemas/{success.annotation}"})
        props = schema.get("properties", {})
        status = self.types.resolve(props.get(rules.status_property, {}))
        if rules.message_property in props and rules.error_value in status.get("enum", []):
            return (rules.status_property, rules.error_value, rules.message_property)
        return None
