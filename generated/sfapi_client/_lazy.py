# Copied from templates/static/runtime/_lazy.py by `python -m generator codegen`. Do not edit here.
"""Module attributes imported when first read (PEP 562), so that a script pays only for
what it uses: ``from package import Client`` loads the client's modules, not every model,
endpoint group and the async twin besides.

A lazy module lists its names for type checkers and editors with ordinary imports under
``if TYPE_CHECKING:``, and at run time installs the ``__getattr__`` and ``__dir__`` made
here from a table saying which module defines each name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Any

__all__: list[str] = []  # used by the generated package modules, not exported


def lazy_attributes(
    namespace: dict[str, Any],
    origins: Mapping[str, str],
    submodules: Collection[str] = (),
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of the module whose globals are ``namespace``.

    ``origins`` maps each name to the module that defines it, relative to this module's
    package (``"._sync.client"``); ``submodules`` are names that are modules of this
    package themselves (``models``). A name is imported on first read and then kept in
    ``namespace``, so later reads cost what any module attribute costs.
    """
    anchor = namespace["__name__"]
    if namespace.get("__path__") is None:  # a plain module: relative to its package
        anchor = anchor.rpartition(".")[0]
    listed = set(origins) | set(submodules)

    def __getattr__(name: str) -> Any:
        if name in submodules:
            value: Any = importlib.import_module(f".{name}", anchor)
        elif name in origins:
            value = getattr(importlib.import_module(origins[name], anchor), name)
        else:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(listed | set(namespace))

    return __getattr__, __dir__
