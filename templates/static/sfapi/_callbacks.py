"""The callbacks of a job submission, checked before anything is sent.

The submission body takes three optional fields: ``callbackUrl`` (called when the job
ends), ``callbackEmail`` (told when the job ends) and ``callbackTimeout`` (seconds the
service waits for the URL to answer). The API's schema says only that the first two are
strings and the last a whole number, so the checks here are the client's own: an
absolute ``http``/``https`` URL without credentials, an address that has the shape of an
e-mail address, and a timeout from 1 to ``MAX_CALLBACK_TIMEOUT`` seconds that goes with
a URL. A URL often carries a token of its own (in its path or query), so no message
here repeats it.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ._workflow_errors import InvalidArgumentError

__all__: list[str] = []

#: The longest callback URL accepted (what browsers and proxies reliably carry).
MAX_URL_LENGTH = 2048
#: The longest e-mail address (RFC 5321's limit on a path) and local part.
MAX_EMAIL_LENGTH = 254
MAX_LOCAL_PART = 64
#: The longest label of a host name (RFC 1035).
MAX_LABEL = 63
#: Seconds a callback timeout may be at most: an hour. The schema sets no bound; a
#: receiver slower than this is better told by e-mail.
MAX_CALLBACK_TIMEOUT = 3600
#: Characters an e-mail address's local part may hold besides letters and digits
#: (RFC 5322's unquoted "atext", with the dot between words).
LOCAL_PART_SYMBOLS = frozenset("!#$%&'*+-/=?^_`{|}~.")
LETTERS_DIGITS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True)
class Callbacks:
    """The checked callback fields of one submission (each None when not asked for).

    The URL is left out of the repr: it may carry a token.
    """

    url: str | None = field(default=None, repr=False)
    email: str | None = None
    timeout: int | None = None


#: How the messages name the three arguments (the CLI names its options instead).
ARGUMENT_NAMES = ("callback_url", "callback_email", "callback_timeout")


def checked_callbacks(
    url: str | None = None,
    email: str | None = None,
    timeout: int | None = None,
    *,
    names: tuple[str, str, str] = ARGUMENT_NAMES,
) -> Callbacks:
    """The callback fields, or InvalidArgumentError (a ValueError) naming what is wrong.

    Arguments:
        url: called when the job ends: an absolute ``http://`` or ``https://`` URL with a
            host and without user or password.
        email: told when the job ends: ``name@domain.tld``.
        timeout: seconds the service waits for ``url`` to answer, a whole number from 1 to
            ``MAX_CALLBACK_TIMEOUT``; only with ``url``.
        names: how messages name the URL, e-mail and timeout arguments.
    """
    url_name, email_name, timeout_name = names
    if timeout is not None and url is None:
        raise InvalidArgumentError(
            f"{timeout_name} is how long the callback URL may take to answer: give it "
            f"with {url_name}"
        )
    return Callbacks(
        url=None if url is None else checked_url(url, url_name),
        email=None if email is None else checked_email(email, email_name),
        timeout=None if timeout is None else checked_timeout_seconds(timeout, timeout_name),
    )


def checked_url(url: object, name: str = "callback_url") -> str:
    """``url`` when it is an absolute http(s) URL with a host and no credentials."""
    if not isinstance(url, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(url).__name__}")
    if not url:
        raise InvalidArgumentError(f"{name} is empty")
    if len(url) > MAX_URL_LENGTH:
        raise InvalidArgumentError(
            f"{name} is {len(url)} characters long; at most {MAX_URL_LENGTH} are accepted"
        )
    if any(ch.isspace() or not ch.isprintable() for ch in url):
        raise InvalidArgumentError(
            f"{name} holds a blank or control character; percent-encode it (%20)"
        )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidArgumentError(f"{name} is not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise InvalidArgumentError(f"{name} must start with http:// or https:// (it has {shown})")
    if parts.username is not None or parts.password is not None:
        raise InvalidArgumentError(
            f"{name} must not carry a user or password (user:password@host): the "
            "service would send them on every call; put a token in the path or query instead"
        )
    host = parts.hostname or ""
    if not host:
        raise InvalidArgumentError(f"{name} has no host (say http://host:port/path)")
    if port == 0:
        raise InvalidArgumentError(f"{name} names port 0, which nothing listens on")
    if not _plausible_host(host):
        raise InvalidArgumentError(
            f"{name}'s host {host!r} is neither a host name nor an IP address"
        )
    return url


def checked_email(email: object, name: str = "callback_email") -> str:
    """``email`` when it has the shape of an address: ``local@domain.tld``."""
    if not isinstance(email, str):
        raise InvalidArgumentError(f"{name} must be a string, not {type(email).__name__}")
    if not email:
        raise InvalidArgumentError(f"{name} is empty")
    if len(email) > MAX_EMAIL_LENGTH:
        raise InvalidArgumentError(
            f"{name} is {len(email)} characters long; at most {MAX_EMAIL_LENGTH}"
        )
    local, at, domain = email.rpartition("@")
    if not at or not local or not domain:
        raise InvalidArgumentError(
            f"{name} {email!r} is not an e-mail address (say name@example.org)"
        )
    if len(local) > MAX_LOCAL_PART or not _plausible_local_part(local):
        raise InvalidArgumentError(
            f"{name} {email!r}: the part before '@' may hold letters, digits and "
            f"{''.join(sorted(LOCAL_PART_SYMBOLS))} (no blanks, no '..', at most "
            f"{MAX_LOCAL_PART} characters)"
        )
    labels = domain.split(".")
    if len(labels) < 2 or not all(_plausible_label(label) for label in labels):
        raise InvalidArgumentError(
            f"{name} {email!r}: the domain must be a host name with a dot "
            "(letters, digits and '-' between the dots)"
        )
    return email


def checked_timeout_seconds(timeout: object, name: str = "callback_timeout") -> int:
    """``timeout`` when it is a whole number of seconds from 1 to MAX_CALLBACK_TIMEOUT."""
    if isinstance(timeout, bool) or not isinstance(timeout, int):
        raise InvalidArgumentError(f"{name} must be a whole number of seconds, not {timeout!r}")
    if not 1 <= timeout <= MAX_CALLBACK_TIMEOUT:
        raise InvalidArgumentError(
            f"{name} must be from 1 to {MAX_CALLBACK_TIMEOUT} seconds, not {timeout}"
        )
    return timeout


def _plausible_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return all(_plausible_label(label) for label in host.rstrip(".").split("."))
    return True


def _plausible_label(label: str) -> bool:
    return (
        0 < len(label) <= MAX_LABEL
        and set(label) <= LETTERS_DIGITS | {"-"}
        and not label.startswith("-")
        and not label.endswith("-")
    )


def _plausible_local_part(local: str) -> bool:
    return (
        set(local) <= LETTERS_DIGITS | LOCAL_PART_SYMBOLS
        and not local.startswith(".")
        and not local.endswith(".")
        and ".." not in local
    )
