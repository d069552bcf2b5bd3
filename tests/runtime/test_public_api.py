"""The package's public surface: documented, typed, and the same on both twins."""

from __future__ import annotations

import inspect

import sfapi_client

PUBLIC = [getattr(sfapi_client, name) for name in sfapi_client.__all__]


def _public_members(cls: type) -> list[tuple[str, object]]:
    return [
        (name, member)
        for name, member in vars(cls).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    ]


def test_every_public_class_and_method_has_a_docstring() -> None:
    missing = []
    for obj in PUBLIC:
        if not inspect.isclass(obj) or obj.__module__.startswith("sfapi_client.models"):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(obj.__qualname__)
        for name, member in _public_members(obj):
            function = member.fget if isinstance(member, property) else member
            if (
                function is not None
                and not (function.__doc__ or "").strip()
                and not isinstance(member, property)
            ):
                missing.append(f"{obj.__qualname__}.{name}")
    assert missing == []


def test_async_and_sync_twins_have_the_same_methods() -> None:
    for name in sfapi_client.__all__:
        if not name.startswith("Async") or name[5:] not in sfapi_client.__all__:
            continue
        async_cls, sync_cls = getattr(sfapi_client, name), getattr(sfapi_client, name[5:])
        async_methods = {n for n, _ in _public_members(async_cls)}
        sync_methods = {
            n.replace("close", "aclose") if n == "close" else n
            for n, _ in _public_members(sync_cls)
        }
        assert async_methods == sync_methods, name


def test_sync_docstrings_read_naturally() -> None:
    for name in sfapi_client.__all__:
        obj = getattr(sfapi_client, name)
        if (
            not inspect.isclass(obj)
            or name.startswith("Async")
            or obj.__module__.startswith("sfapi_client.models")
        ):
            continue
        for member_name, member in _public_members(obj):
            doc = inspect.getdoc(member) or ""
            assert "await " not in doc, f"{name}.{member_name}"
