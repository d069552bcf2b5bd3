"""Stage 3: build the intermediate representation from a normalised document.

All naming decisions happen here, so templates only print. Clashes are resolved
deterministically, each one reported as a warning naming its pointer:

* two parameters (or body fields) with one Python name, or one that meets a name the
  method itself uses (``self``, ``body``), take their location as a suffix
  (``id_path``, ``id_query``), then numbers;
* an operation without tags joins the group of its path (``grouping.py``);
* two operations of a tag with one method name, or two tags with one attribute name,
  take numbers (``list_items``, ``list_items_2``); a tag whose name is an attribute of
  the base client (``send``, ``has_credentials``) gets an ``_api`` suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from .config import Config
from .defaults import InvalidDefault, checked_default, ignored_default
from .fmt import python_literal
from .grouping import path_groups
from .ir import Api, Body, BodyField, BodyKind, Operation, Param, Response, SecurityRequirement, Tag
from .media import body_kind, essence, is_file_schema, is_json
from .naming import PATH_PARAMETER, numbered, operation_name, pascal_case, snake_case
from .normalise import iter_operations
from .problems import GeneratorError, Level, Problem, pointer_join
from .types import TypeNamer

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
#: Names an endpoint method's own code uses beside its arguments: ``self``, the body
#: argument, and the builtins that annotations name inside the method.
METHOD_NAMES = frozenset({"self", "body", "str", "int", "float", "bool", "bytes", "list", "dict"})
#: Media types of a request body, most wanted first, when an operation offers several.
_KIND_PREFERENCE: tuple[BodyKind, ...] = ("json", "form", "multipart", "binary", "text")
#: A response status: a code, a range such as ``2XX``, or ``default``.
_STATUS = re.compile(r"[1-5](?:\d\d|XX)|default")
#: The styles the Encoding Object gives form and multipart fields (OpenAPI 3.0 and 3.1).
FORM_STYLES = frozenset({"form", "spaceDelimited", "pipeDelimited", "deepObject"})


def build_api(
    document: dict[str, Any],
    config: Config,
    model_names: tuple[str, ...],
    job_model_names: tuple[str, ...],
    inputs: tuple[str, ...],
    *,
    client_attributes: frozenset[str],
) -> tuple[Api, list[Problem]]:
    """Build the IR and the warnings of the clashes it resolved; raise GeneratorError
    listing every error found.

    ``client_attributes`` are the names the base client class already defines, which
    no tag may take.
    """
    builder = _Builder(document, config, client_attributes)
    tags = builder.tags()
    if builder.problems:
        raise GeneratorError(builder.problems)
    info = document.get("info", {})
    api = Api(
        title=info.get("title", config.title),
        version=str(info.get("version", "")),
        description=info.get("description", ""),
        package=config.package,
        client_class=config.client_class,
        error_class=config.error_class,
        default_base_url=config.default_base_url or _first_server(document),
        token_url=_token_url(document),
        tags=tags,
        model_names=model_names,
        job_model_names=job_model_names,
        inputs=inputs,
        package_version=config.version,
        errors_module=".".join(p for p in (config.package, config.errors_module) if p),
    )
    return api, builder.warnings


def _first_server(document: dict[str, Any]) -> str:
    """The first server's URL, its variables (``{scheme}://``) set to their defaults."""
    servers = document.get("servers") or [{}]
    server = servers[0] if isinstance(servers[0], dict) else {}
    variables = server.get("variables") or {}

    def value(match: re.Match[str]) -> str:
        variable = variables.get(match.group(1))
        return (
            str(variable["default"])
            if isinstance(variable, dict) and "default" in variable
            else match.group(0)
        )

    return PATH_PARAMETER.sub(value, str(server.get("url", "")))


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
        return f"{class_name}({python_literal(value)})" if class_name else python_literal(value)
    return None


def _resolve_clashes(
    names: Sequence[str], taken: frozenset[str], suffixes: Sequence[str] | None = None
) -> list[str]:
    """Unique names for ``names``, in order: a name met twice (or in ``taken``) gets its
    suffix from ``suffixes`` (a location) when given; a name still taken, a number."""
    result: list[str] = []
    used = set(taken)
    for index, name in enumerate(names):
        if suffixes is not None and (names.count(name) > 1 or name in taken):
            name = f"{name}_{suffixes[index]}"
        name = numbered(name, used, separator="_")
        used.add(name)
        result.append(name)
    return result


class _Builder:
    def __init__(
        self, document: dict[str, Any], config: Config, client_attributes: frozenset[str]
    ) -> None:
        self.doc = document
        self.config = config
        self.client_attributes = client_attributes
        self.types = TypeNamer(document)
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.states_security = states_security(document)

    def error(self, message: str, *pointer: str | int) -> None:
        self.problems.append(
            Problem(Level.ERROR, message, str(self.config.spec), pointer_join(*pointer))
        )

    def warn(self, message: str, *pointer: str | int) -> None:
        self.warnings.append(Problem(Level.WARNING, message, "", pointer_join(*pointer)))

    def _renamed(
        self,
        wanted: Sequence[str],
        taken: frozenset[str],
        what: Callable[[int], str],
        pointer: Sequence[str | int],
        suffixes: Sequence[str] | None = None,
    ) -> list[str]:
        """``_resolve_clashes`` with a warning for every name it changed."""
        names = _resolve_clashes(wanted, taken, suffixes)
        for index, (old, new) in enumerate(zip(wanted, names, strict=True)):
            if old != new:
                self.warn(f"{what(index)} is named {new!r}: {old!r} is taken", *pointer)
        return names

    def tags(self) -> tuple[Tag, ...]:
        grouped: dict[str, list[Operation]] = {}
        untagged = path_groups(p for p, _, raw in iter_operations(self.doc) if not raw.get("tags"))
        tagged: set[str] = set()
        for path, method, raw in iter_operations(self.doc):
            if raw.get("tags"):
                tag = str(raw["tags"][0])
                tagged.add(tag)
            else:
                tag = untagged[path]
            grouped.setdefault(tag, []).append(self.operation(path, method, raw))
        descriptions = {t.get("name"): t.get("description", "") for t in self.doc.get("tags", [])}
        wanted = []
        for name in grouped:
            python_name = snake_case(name, "default")
            if python_name in self.client_attributes:
                self.warn(
                    f"tag {name!r} is named {python_name + '_api'!r}: the client's "
                    f"{python_name!r} is taken",
                    "tags",
                )
                python_name += "_api"
            wanted.append(python_name)
        names = self._renamed(
            wanted,
            frozenset(self.client_attributes),
            lambda i: f"tag {list(grouped)[i]!r}",
            ["tags"],
        )
        tags: list[Tag] = []
        for (name, operations), python_name in zip(grouped.items(), names, strict=True):
            tags.append(
                Tag(
                    name=name,
                    python_name=python_name,
                    class_name=f"Async{pascal_case(python_name)}Api",
                    description=descriptions.get(name, ""),
                    operations=self._unique_operations(operations),
                    by_path=name not in tagged,
                )
            )
        return tuple(tags)

    def _unique_operations(self, operations: list[Operation]) -> tuple[Operation, ...]:
        names = [op.name for op in operations]
        unique = _resolve_clashes(names, frozenset())
        renamed: list[Operation] = []
        for op, name in zip(operations, unique, strict=True):
            if name != op.name:
                self.warn(
                    f"operation {op.method} {op.path} is named {name!r}: another operation of "
                    f"its tag is {op.name!r} (set a name override in the config to choose)",
                    "paths",
                    op.path,
                    op.method.lower(),
                )
                op = Operation(**{**op.__dict__, "name": name})
            renamed.append(op)
        return tuple(renamed)

    def operation(self, path: str, method: str, raw: dict[str, Any]) -> Operation:
        name = operation_name(
            raw.get("operationId"), path, method, self.config.strip_fastapi_suffix
        )
        override = self.config.overrides.get(name)
        if override and override.name:
            name = override.name
        upper = method.upper()
        pointer = ("paths", path, method)
        params = self.params(path, method, raw)
        body = self.body(raw.get("requestBody"), (*pointer, "requestBody"))
        params, body = self._unique_arguments(params, body, pointer)
        self._check_path_template(params, path, method)
        success, errors = self.responses(raw.get("responses", {}), (*pointer, "responses"))
        security_raw = raw.get("security", self.doc.get("security"))
        security = tuple(SecurityRequirement(tuple(sorted(req))) for req in security_raw or [])
        idempotent = upper in IDEMPOTENT_METHODS
        if override and override.idempotent is not None:
            idempotent = override.idempotent
        return Operation(
            name=name,
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
            public=operation_is_public(security_raw, self.states_security),
        )

    def params(self, path: str, method: str, raw: dict[str, Any]) -> tuple[Param, ...]:
        """The operation's parameters merged with its path's: the operation's win (same
        name and location), as OpenAPI says."""
        shared = self.doc["paths"][path].get("parameters", [])
        merged: dict[tuple[str, str], tuple[dict[str, Any], tuple[str | int, ...]]] = {}
        sources = [
            (shared, ("paths", path, "parameters")),
            (raw.get("parameters", []), ("paths", path, method, "parameters")),
        ]
        for params, base in sources:
            for index, param in enumerate(params):
                if isinstance(param, dict):
                    merged[(param.get("in", ""), param.get("name", ""))] = (param, (*base, index))
        result: list[Param] = []
        for (location, wire_name), (param, pointer) in merged.items():
            if location not in ("path", "query", "header", "cookie"):
                continue
            if location == "path" and param.get("required") is not True:
                self.error("a path parameter must have required: true", *pointer)
            schema = param.get("schema") or self._content_schema(param)
            resolved = self.types.resolve(schema)
            default = None
            if "default" in resolved:
                default = self._default(resolved, schema, (*pointer, "schema", "default"))
            result.append(
                Param(
                    name=wire_name,
                    python_name=snake_case(wire_name),
                    location=location,  # type: ignore[arg-type]
                    annotation=self.types.annotation(schema),
                    required=bool(param.get("required")) or location == "path",
                    default=default,
                    description=param.get("description", ""),
                    allow_slash=location == "path" and wire_name in self.config.slash_allowed,
                    **(self._query_style(param, pointer) if location == "query" else {}),
                )
            )
        # Required parameters first, each group in document order.
        return tuple(sorted(result, key=lambda p: not p.required))

    def _query_style(self, param: dict[str, Any], pointer: tuple[str | int, ...]) -> dict[str, Any]:
        """``style`` and ``explode`` of a query parameter that sets either, as ``Param``
        fields (``explode`` defaults to true for ``form`` only, as OpenAPI says); none
        for one that leaves the default (``form``, exploded) or names a style a query
        cannot take (a warning)."""
        if not {"style", "explode"} & set(param):
            return {}
        style = str(param.get("style", "form"))
        if style not in FORM_STYLES:
            self.warn(
                f"style {style!r} does not apply to a query parameter; it is sent with "
                "the default style (form, exploded)",
                *pointer,
                "style",
            )
            return {}
        return {"style": style, "explode": bool(param.get("explode", style == "form"))}

    @staticmethod
    def _content_schema(param: dict[str, Any]) -> Any:
        """The schema of a parameter given by ``content`` (one media type) instead."""
        content = param.get("content")
        if isinstance(content, dict):
            for media in content.values():
                if isinstance(media, dict):
                    return media.get("schema", {})
        return {}

    def _default(
        self, resolved: dict[str, Any], schema: Any, pointer: tuple[str | int, ...]
    ) -> str | None:
        ignored = ignored_default(resolved["default"], resolved)
        if ignored is not None:
            self.warn(ignored, *pointer)
            return None
        try:
            value = checked_default(resolved["default"], resolved)
        except InvalidDefault as exc:
            self.error(str(exc), *pointer)
            return None
        return _literal(value, self.types.ref_class(schema))

    def _unique_arguments(
        self, params: tuple[Param, ...], body: Body | None, pointer: tuple[str | int, ...]
    ) -> tuple[tuple[Param, ...], Body | None]:
        """Every argument of the method with a Python name of its own."""
        fields = body.fields if body is not None else ()
        wanted = [p.python_name for p in params] + [f.python_name for f in fields]
        locations = [p.location for p in params] + ["body"] * len(fields)
        labels = [f"{p.location} parameter {p.name!r}" for p in params] + [
            f"body field {f.name!r}" for f in fields
        ]
        taken = METHOD_NAMES - ({"body"} if body is None or fields else set())
        names = self._renamed(wanted, taken, lambda i: labels[i], pointer, locations)
        params = tuple(
            Param(**{**p.__dict__, "python_name": n}) for p, n in zip(params, names, strict=False)
        )
        if body is not None and fields:
            renamed = tuple(
                BodyField(**{**f.__dict__, "python_name": n})
                for f, n in zip(fields, names[len(params) :], strict=True)
            )
            body = Body(**{**body.__dict__, "fields": renamed})
        return params, body

    def body(self, raw: Any, pointer: tuple[str | int, ...]) -> Body | None:
        if not isinstance(raw, dict):
            return None
        content = raw.get("content", {})
        offered = [(media_type, body_kind(media_type)) for media_type in content]
        if not offered:
            return None
        media_type, kind = min(offered, key=lambda offer: _KIND_PREFERENCE.index(offer[1]))
        media = content[media_type] if isinstance(content[media_type], dict) else {}
        schema = media.get("schema", {})
        required = bool(raw.get("required"))
        description = raw.get("description", "")
        if kind in ("form", "multipart"):
            fields = self.body_fields(schema, kind, (*pointer, "content", media_type, "schema"))
            fields = self._encoded(fields, media.get("encoding"), (*pointer, "content", media_type))
            # Without declared fields the caller passes the form as a mapping.
            annotation = "" if fields else "dict[str, str]"
            return Body(media_type, kind, annotation, required, fields, description)
        annotation = {"binary": "bytes", "text": "str"}.get(kind) or self.types.annotation(schema)
        content_type = "" if essence(media_type) == "application/json" else media_type
        return Body(media_type, kind, annotation, required, (), description, content_type)

    def body_fields(
        self, schema: Any, kind: str, pointer: tuple[str | int, ...]
    ) -> tuple[BodyField, ...]:
        resolved = self.types.resolve(schema)
        required = set(resolved.get("required", []))
        fields: list[BodyField] = []
        for name, prop in resolved.get("properties", {}).items():
            prop_resolved = self.types.resolve(prop)
            shape = self.file_shape(prop_resolved) if kind == "multipart" else None
            is_file = shape is not None
            annotation = shape or self.types.annotation(prop)
            default = None
            if "default" in prop_resolved and not is_file:
                default = self._default(
                    prop_resolved, prop, (*pointer, "properties", name, "default")
                )
            fields.append(
                BodyField(
                    name=name,
                    python_name=snake_case(name),
                    annotation=annotation,
                    required=name in required,
                    default=default,
                    description=prop_resolved.get("description", ""),
                    is_file=is_file,
                )
            )
        return tuple(sorted(fields, key=lambda f: not f.required))

    def _encoded(
        self, fields: tuple[BodyField, ...], encoding: Any, pointer: tuple[str | int, ...]
    ) -> tuple[BodyField, ...]:
        """``fields`` with the ``style`` and ``explode`` their Encoding Object gives.

        ``explode`` defaults to true for ``form``, false otherwise, as for parameters;
        an Encoding Object with neither (only a ``contentType``) sets no style. A style
        forms cannot take (``simple``, ``matrix``, ``label``) is a warning and left out.
        """
        if not isinstance(encoding, dict):
            return fields
        result: list[BodyField] = []
        for field in fields:
            entry = encoding.get(field.name)
            if (
                not isinstance(entry, dict)
                or field.is_file
                or not ({"style", "explode"} & set(entry))
            ):
                result.append(field)
                continue
            style = str(entry.get("style", "form"))
            if style not in FORM_STYLES:
                self.warn(
                    f"encoding style {style!r} does not apply to a form field; the field is "
                    "sent with the form defaults",
                    *pointer,
                    "encoding",
                    field.name,
                    "style",
                )
                result.append(field)
                continue
            explode = bool(entry.get("explode", style == "form"))
            result.append(BodyField(**{**field.__dict__, "style": style, "explode": explode}))
        return tuple(result)

    def file_shape(self, schema: dict[str, Any]) -> str | None:
        """``FileContent`` for a multipart field holding one file, ``list[FileContent]`` for
        one holding a list of files (one part per file under the field's name), ``None``
        otherwise. A union with ``null`` (an optional field) is read as its other member,
        and so is a 3.1 type list with ``null`` (``type: [array, "null"]``)."""
        union = schema.get("anyOf", schema.get("oneOf"))
        members = (
            [self.types.resolve(member) for member in union or ()]
            if isinstance(union, list)
            else []
        )
        not_null = [member for member in members if member.get("type") != "null"]
        if len(not_null) == 1 and len(members) == 2:
            schema = not_null[0]
        if is_file_schema(schema):
            return "FileContent"
        if _types_besides_null(schema) == ["array"] and is_file_schema(
            self.types.resolve(schema.get("items"))
        ):
            return "list[FileContent]"
        return None

    def _check_path_template(self, params: tuple[Param, ...], path: str, method: str) -> None:
        in_template = set(PATH_PARAMETER.findall(path))
        declared = {p.name for p in params if p.location == "path"}
        for name in sorted(in_template - declared):
            self.error(f"path parameter {{{name}}} is not declared", "paths", path, method)
        for name in sorted(declared - in_template):
            self.error(
                f"path parameter {name!r} does not appear in the path", "paths", path, method
            )

    def responses(
        self, raw: dict[str, Any], pointer: tuple[str | int, ...]
    ) -> tuple[Response, tuple[Response, ...]]:
        parsed: list[Response] = []
        for status, response in raw.items():
            if not _STATUS.fullmatch(str(status)):
                self.error(
                    f"response status {status!r} is not a code (200), a range (2XX) or 'default'",
                    *pointer,
                    status,
                )
            elif isinstance(response, dict):
                parsed.append(self.response(str(status), response))
        success = sorted((r for r in parsed if r.status.startswith("2")), key=lambda r: r.status)
        errors = tuple(r for r in parsed if not r.status.startswith("2"))
        if success:
            return success[0], errors
        return Response("200", "empty", "None", ""), errors

    def response(self, status: str, raw: dict[str, Any]) -> Response:
        content = raw.get("content") or {}
        description = raw.get("description", "")
        for media_type, media in content.items():
            if is_json(media_type):
                schema = (media or {}).get("schema", {})
                return Response(
                    status, "json", self.types.annotation(schema), description, media_type
                )
        for media_type, media in content.items():
            schema = self.types.resolve((media or {}).get("schema", {}))
            if media_type.startswith("text/") and not is_file_schema(schema):
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


def states_security(document: dict[str, Any]) -> bool:
    """Whether the document states a security requirement anywhere (at its top or on
    an operation); ``security: []`` alone states none."""
    if document.get("security"):
        return True
    return any(raw.get("security") for _, _, raw in iter_operations(document))


def operation_is_public(security: Any, document_states_security: bool) -> bool:
    """Whether a client's credentials are kept from an operation whose requirement (its
    own, else the document's) is ``security``, ``None`` when neither gives one.

    An explicit ``security: []`` makes it public. Without any requirement, it is public
    when the document states requirements for other operations (OpenAPI's reading: no
    requirement, no credentials), but not in a document that says nothing of security
    (no ``securitySchemes``, or schemes no operation names): there the user's ``auth``
    is the only word on it, and it is sent.
    """
    if security is None:
        return document_states_security
    return isinstance(security, list) and not security


def _types_besides_null(schema: dict[str, Any]) -> list[str]:
    """The ``type`` of a schema as a list (3.1 writes ``[array, "null"]``), ``null`` left out."""
    kind = schema.get("type")
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return [k for k in kinds if k != "null"]
