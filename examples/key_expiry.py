"""When the key expires: ask for its expiry, see the warning a day ahead, and catch
KeyExpiredError to say where to renew."""

import logging

from connection import options

from sfapi_client import Client
from sfapi_client.exceptions import AddressNotAllowedError, KeyExpiredError

logging.basicConfig(level=logging.WARNING)  # the warning a day before the key expires

with Client(**options()) as client:
    try:
        print("user", client.user().name)
        expires = client.key_expires_at()  # a UTC datetime, or None when not known
        print("key expires at", expires)
    except KeyExpiredError as error:
        print("expired at", error.expires_at, "-", error)  # names Iris, where to renew
    except AddressNotAllowedError as error:
        print("not from this address:", error)
