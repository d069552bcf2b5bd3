"""Errors are shown under the public module users import them from
(``sfapi_client.exceptions``), never under the private module that defines them."""

from __future__ import annotations

import importlib
import traceback

import pytest

import sfapi_client
import sfapi_client.exceptions

EXPORTED_ERRORS = sorted(
    (
        value
        for value in (getattr(sfapi_client, name) for name in sfapi_client.__all__)
        if isinstance(value, type) and issubclass(value, BaseException)
    ),
    key=lambda cls: cls.__name__,
)


def _raised(cls: type[BaseException]) -> BaseException:
    """An instance of ``cls`` as the package raises it (some take keyword details)."""
    detail = {"detail": []} if cls.__name__ == "RequestValidationError" else {}
    try:
        raise cls("something went wrong", **detail)
    except BaseException as caught:
        return caught


def test_every_exported_error_is_checked() -> None:
    assert len(EXPORTED_ERRORS) >= 20
    assert set(sfapi_client.exceptions.__all__) >= {c.__name__ for c in EXPORTED_ERRORS}


@pytest.mark.parametrize("cls", EXPORTED_ERRORS, ids=lambda c: c.__name__)
def test_reprs_and_tracebacks_name_the_public_module(cls: type[BaseException]) -> None:
    assert cls.__module__ == "sfapi_client.exceptions"
    assert repr(cls) == f"<class 'sfapi_client.exceptions.{cls.__name__}'>"
    error = _raised(cls)
    assert repr(type(error)) == repr(cls)
    shown = "".join(traceback.format_exception(error))
    assert f"sfapi_client.exceptions.{cls.__name__}: something went wrong" in shown
    assert "sfapi_client._" not in shown.splitlines()[-1]


@pytest.mark.parametrize("cls", EXPORTED_ERRORS, ids=lambda c: c.__name__)
def test_the_shown_path_is_the_class_itself(cls: type[BaseException]) -> None:
    module = importlib.import_module(cls.__module__)
    assert getattr(module, cls.__qualname__) is cls
    assert getattr(sfapi_client.exceptions, cls.__name__) is cls
    assert getattr(sfapi_client, cls.__name__) is cls


def test_a_users_subclass_keeps_its_own_module() -> None:
    class MyError(sfapi_client.exceptions.SfApiError):
        pass

    assert MyError.__module__ == __name__
