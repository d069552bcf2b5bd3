"""Stage 3: the intermediate representation that templates read (and nothing else).

Frozen dataclasses with every Python name already resolved and checked for collisions.
Type annotations are strings of Python source that refer to model class names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .types import optional

ParamLocation = Literal["path", "query", "header", "cookie"]
BodyKind = Literal["json", "form", "multipart", "binary", "text"]
ResponseKind = Literal["json", "binary", "text", "empty"]


@dataclass(frozen=True)
class Param:
    """A path, query, header or cookie parameter of an operation."""

    name: str
    python_name: str
    location: ParamLocation
    annotation: str
    required: bool
    default: str | None
    description: str
    allow_slash: bool = False
    #: A query parameter's ``style`` and ``explode`` where the document sets them
    #: (``form``, ``deepObject`` ...); empty when it leaves OpenAPI's default.
    style: str = ""
    explode: bool = False

    @property
    def signature(self) -> str:
        """The parameter as written in a method signature."""
        if self.required:
            return f"{self.python_name}: {self.annotation}"
        annotation = self.annotation
        if self.default in (None, "None"):
            annotation = optional(annotation)
        return f"{self.python_name}: {annotation} = {self.default or 'None'}"


@dataclass(frozen=True)
class BodyField:
    """One field of a form or multipart body, passed as a keyword argument."""

    name: str
    python_name: str
    annotation: str
    required: bool
    default: str | None
    description: str
    is_file: bool
    #: How the Encoding Object says the field is serialised (``form``, ``deepObject``
    #: ...), with its ``explode``; empty when it says nothing.
    style: str = ""
    explode: bool = False


@dataclass(frozen=True)
class Body:
    """The request body of an operation, by media type."""

    media_type: str
    kind: BodyKind
    annotation: str
    required: bool
    fields: tuple[BodyField, ...] = ()
    description: str = ""
    #: The ``Content-Type`` header to send, where the HTTP library would not send the
    #: declared media type by itself (raw bytes, text, a JSON type other than
    #: ``application/json``).
    content_type: str = ""


@dataclass(frozen=True)
class Response:
    """One documented response."""

    status: str
    kind: ResponseKind
    annotation: str
    description: str
    media_type: str = ""


@dataclass(frozen=True)
class SecurityRequirement:
    """One alternative of an operation's security: schemes that must all be satisfied."""

    schemes: tuple[str, ...]


@dataclass(frozen=True)
class Operation:
    """An API operation, ready to render as a method."""

    name: str
    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    params: tuple[Param, ...]
    body: Body | None
    success: Response
    errors: tuple[Response, ...]
    security: tuple[SecurityRequirement, ...]
    idempotent: bool
    inband_error: tuple[str, str, str] | None
    deprecated: bool
    #: The document says the operation takes no credentials: a client's ``auth`` is
    #: not applied to it (see ``build_ir.operation_is_public``).
    public: bool = False

    @property
    def constant(self) -> str:
        """The name of its ``OperationInfo`` in the tag's ``_operations`` module."""
        return self.name.upper()

    @property
    def requires_auth(self) -> bool:
        """True when every alternative of the security requirement names a scheme."""
        return bool(self.security) and all(req.schemes for req in self.security)

    @property
    def form_styles(self) -> tuple[tuple[str, str, bool], ...]:
        """``(field, style, explode)`` of the body fields with a style of their own."""
        fields = self.body.fields if self.body is not None else ()
        return tuple((f.name, f.style, f.explode) for f in fields if f.style and not f.is_file)

    @property
    def query_styles(self) -> tuple[tuple[str, str, bool], ...]:
        """``(name, style, explode)`` of the query parameters with a style of their own."""
        return tuple((p.name, p.style, p.explode) for p in self.query_params if p.style)

    @property
    def path_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == "path")

    @property
    def query_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == "query")

    @property
    def header_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == "header")

    @property
    def cookie_params(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.location == "cookie")


@dataclass(frozen=True)
class Tag:
    """A group of operations: one endpoint module and one attribute of the client."""

    name: str
    python_name: str
    class_name: str
    description: str
    operations: tuple[Operation, ...]
    #: True for a group of operations without tags, named after their paths' segment.
    by_path: bool = False


@dataclass(frozen=True)
class Api:
    """The whole API as the templates see it."""

    title: str
    version: str
    description: str
    package: str
    client_class: str
    error_class: str
    default_base_url: str
    token_url: str
    tags: tuple[Tag, ...]
    model_names: tuple[str, ...]
    job_model_names: tuple[str, ...]
    inputs: tuple[str, ...]
    #: The package's own version (``__version__``), not the API's.
    package_version: str = "0.0.0"
    #: The module reprs and tracebacks name for the package's errors (``pkg.exceptions``,
    #: or the package itself): the public module that exports them.
    errors_module: str = ""

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for tag in self.tags for op in tag.operations)
