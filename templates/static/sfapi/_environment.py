"""The settings a client takes from the environment when its arguments leave them out.

The package, the ``sfapi`` command and the examples share one convention: ``SFAPI_KEY``
names the key file, ``SFAPI_BASE_URL`` and ``SFAPI_TOKEN_URL`` the service, and
``SFAPI_WAIT_INTERVAL`` the seconds between two looks at the queue, and
``SFAPI_KEY_EXPIRY_MARGIN`` how long before a key expires the client warns. A script that
passes nothing runs unchanged against NERSC or against the simulator, whichever the
shell points at. An argument always wins over its variable; a variable that is set
but cannot be used (empty, naming no file, not a number) is an error naming the
variable, raised when the client is built, before any request.

The URL variables are read with the URLs themselves (``_endpoints``); this module reads
the key, the wait interval and the key expiry margin.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

from ._credentials import ClientKeyError
from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

KEY_VARIABLE = "SFAPI_KEY"
WAIT_INTERVAL_VARIABLE = "SFAPI_WAIT_INTERVAL"
KEY_EXPIRY_MARGIN_VARIABLE = "SFAPI_KEY_EXPIRY_MARGIN"
#: Warn this many seconds before a key expires when neither argument nor variable says:
#: a day, time enough to create a new client in Iris.
DEFAULT_KEY_EXPIRY_MARGIN = 24 * 3600.0
#: Seconds between two looks at the queue when neither argument nor variable says:
#: NERSC's queue answers change every few seconds and its jobs run for minutes.
DEFAULT_WAIT_INTERVAL = 10.0
#: How much of an unusable value an error quotes.
_SHOWN = 40


@dataclass(frozen=True)
class KeySetting:
    """A key file named by the environment, and the variable that named it."""

    key: str
    origin: str


def key_from_environment(environ: Mapping[str, str] | None = None) -> KeySetting | None:
    """The key file ``SFAPI_KEY`` names, or None when it is not set.

    ``ClientKeyError`` naming the variable when it is set but empty.
    """
    env = os.environ if environ is None else environ
    value = env.get(KEY_VARIABLE)
    if value is None:
        return None
    if not value.strip():
        raise ClientKeyError(
            f"the {KEY_VARIABLE} environment variable is set but empty: set it to your key "
            f"file's path, or unset it (unset {KEY_VARIABLE}) to use public operations only"
        )
    return KeySetting(value, f"the {KEY_VARIABLE} environment variable")


def wait_interval_setting(
    argument: float | None, environ: Mapping[str, str] | None = None
) -> float:
    """The wait interval: ``argument`` when given (checked by the context), else
    ``SFAPI_WAIT_INTERVAL`` when set, else ``DEFAULT_WAIT_INTERVAL``.

    ``InvalidArgumentError`` (a ValueError) naming the variable when it is set but is
    not a positive number of seconds.
    """
    if argument is not None:
        return argument
    env = os.environ if environ is None else environ
    value = env.get(WAIT_INTERVAL_VARIABLE)
    if value is None:
        return DEFAULT_WAIT_INTERVAL
    if not value.strip():
        raise InvalidArgumentError(
            f"the {WAIT_INTERVAL_VARIABLE} environment variable is set but empty: set it to "
            f"the seconds between two looks at the queue (such as 10), or unset it"
        )
    try:
        seconds = float(value)
    except ValueError:
        raise InvalidArgumentError(
            f"the {WAIT_INTERVAL_VARIABLE} environment variable is {value[:_SHOWN]!r}, "
            "not a number of seconds"
        ) from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise InvalidArgumentError(
            f"the {WAIT_INTERVAL_VARIABLE} environment variable is {value[:_SHOWN]!r}; "
            "it must be a positive number of seconds"
        )
    return seconds


def key_expiry_margin_setting(
    argument: float | None, environ: Mapping[str, str] | None = None
) -> float:
    """Seconds before a key's expiry from which the client warns: ``argument`` when
    given, else ``SFAPI_KEY_EXPIRY_MARGIN`` when set, else ``DEFAULT_KEY_EXPIRY_MARGIN``
    (a day). Zero turns the warning off.

    ``InvalidArgumentError`` (a ValueError), naming the argument or the variable, for a
    value that is not a finite number of seconds from zero up.
    """
    if argument is not None:
        if isinstance(argument, bool) or not isinstance(argument, int | float):
            raise InvalidArgumentError(
                f"key_expiry_margin must be a number of seconds, not {type(argument).__name__}"
            )
        if not math.isfinite(argument) or argument < 0:
            raise InvalidArgumentError(
                f"key_expiry_margin must be a finite number of seconds from 0 up, not {argument}"
            )
        return float(argument)
    env = os.environ if environ is None else environ
    value = env.get(KEY_EXPIRY_MARGIN_VARIABLE)
    if value is None:
        return DEFAULT_KEY_EXPIRY_MARGIN
    try:
        seconds = float(value)
    except ValueError:
        raise InvalidArgumentError(
            f"the {KEY_EXPIRY_MARGIN_VARIABLE} environment variable is {value[:_SHOWN]!r}, "
            "not a number of seconds"
        ) from None
    if not math.isfinite(seconds) or seconds < 0:
        raise InvalidArgumentError(
            f"the {KEY_EXPIRY_MARGIN_VARIABLE} environment variable is {value[:_SHOWN]!r}; "
            "it must be a number of seconds from 0 up (0: no warning)"
        )
    return seconds
