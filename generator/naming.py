"""Python names from API names: identifiers, snake_case, PascalCase, operation names."""

from __future__ import annotations

import keyword
import re
from collections.abc import Collection

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_IDENTIFIER = re.compile(r"[^0-9a-zA-Z_]+")
#: A parameter of an OpenAPI path template: ``{machine}`` in ``/compute/jobs/{machine}``.
PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


def _words(name: str) -> list[str]:
    spaced = _WORD_BOUNDARY.sub("_", name)
    return [word for word in _NON_IDENTIFIER.sub("_", spaced).split("_") if word]


def safe_identifier(name: str, fallback: str = "value") -> str:
    """Make ``name`` a valid, non-keyword identifier (``class`` → ``class_``, ``1x`` → ``n1x``)."""
    if not name:
        name = fallback
    if name[0].isdigit():
        name = f"n{name}"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name = f"{name}_"
    return name


def snake_case(name: str, fallback: str = "value") -> str:
    """``isPath`` → ``is_path``, ``nodelist(reason)`` → ``nodelist_reason``, ``s:c:t`` → ``s_c_t``."""
    return safe_identifier("_".join(word.lower() for word in _words(name)), fallback)


def pascal_case(name: str, fallback: str = "Model") -> str:
    """``read_jobs`` → ``ReadJobs``, ``publicHost`` → ``PublicHost``."""
    return safe_identifier("".join(word[:1].upper() + word[1:] for word in _words(name)), fallback)


def numbered(name: str, taken: Collection[str], start: int = 2, separator: str = "") -> str:
    """``name`` itself if free, else the first free ``name2``, ``name3``… (``name_2`` with
    ``separator="_"``): the deterministic way every clash of generated names is resolved."""
    if name not in taken:
        return name
    number = start
    while f"{name}{separator}{number}" in taken:
        number += 1
    return f"{name}{separator}{number}"


def fastapi_suffix(path: str, method: str) -> str:
    """The suffix FastAPI appends to a route's function name to make its operationId."""
    return re.sub(r"\W", "_", path) + "_" + method.lower()


def operation_name(operation_id: str | None, path: str, method: str, strip_fastapi: bool) -> str:
    """The Python method name of an operation.

    ``read_jobs_compute_jobs__machine__get`` → ``read_jobs`` when FastAPI's suffix is
    stripped; an operation without an operationId is named from its method and path
    (``get /items/{id}`` → ``get_items_id``).
    """
    if not operation_id:
        return snake_case(f"{method}_{path}")
    if strip_fastapi:
        suffix = fastapi_suffix(path, method)
        if operation_id.endswith(suffix) and len(operation_id) > len(suffix):
            operation_id = operation_id[: -len(suffix)]
    return snake_case(operation_id)


#: The mark by which the sync twin's rewrite finds a name to rewrite (``AsyncClient`` →
#: ``Client``): ``Async`` and a capital.
ASYNC_MARK = re.compile(r"^Async(?=[A-Z])")


def free_class_name(name: str, reserved: Collection[str]) -> tuple[str, str]:
    """A class name the package can hold, and why it differs from ``name`` (else "").

    A name the sync twin would rewrite (``AsyncInvokeRequest`` would become
    ``InvokeRequest`` there) spells its prefix out (``AsynchronousInvokeRequest``); a
    name the package already holds (its runtime's exports, the names its modules
    import) gets ``Model`` appended (``Credentials`` → ``CredentialsModel``).
    """
    reasons: list[str] = []
    if ASYNC_MARK.match(name):
        name = "Asynchronous" + name[len("Async") :]
        reasons.append("the sync twin rewrites names that start with Async")
    if name in reserved:
        name += "Model"
        reasons.append(f"the package already holds {name[: -len('Model')]!r}")
    return name, "; ".join(reasons)
