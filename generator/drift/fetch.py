"""Get the live OpenAPI document: from a URL with a deadline and bounded retries, or a file."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

DEFAULT_URL = "https://api.nersc.gov/api/v1.2/openapi.json"
RETRY_DELAYS = (0.5, 1.0, 2.0)  # between attempts after a 5xx or a refused connection


class FetchError(Exception):
    """The live document could not be had; the message says where and why."""


def fetch_document(source: str, *, timeout: float = 10.0) -> tuple[str, dict[str, Any]]:
    """The text and parsed JSON of the document at ``source`` (URL or path).

    A URL gets at most ``len(RETRY_DELAYS) + 1`` attempts, all within ``timeout``
    seconds in total, so an unreachable host fails fast and a silent one never hangs.
    """
    if source.startswith(("http://", "https://")):
        text = _fetch_url(source, timeout)
    else:
        path = Path(source.removeprefix("file://"))
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise FetchError(f"could not read {path}: {exc}") from None
    return text, parse_document(text, source)


def parse_document(text: str, source: str) -> dict[str, Any]:
    """Parse ``text`` as an OpenAPI 3 document, or say why it is not one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FetchError(
            f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    if not isinstance(document, dict):
        raise FetchError(f"{source} is not an OpenAPI document: the JSON is not an object")
    version = document.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        raise FetchError(f"{source} is not an OpenAPI 3 document: 'openapi' is {version!r}")
    if not isinstance(document.get("paths"), dict):
        raise FetchError(f"{source} is not an OpenAPI document: it has no 'paths' object")
    return document


def _fetch_url(url: str, timeout: float) -> str:
    import httpx2

    deadline = time.monotonic() + timeout
    reason = "no attempt made"
    with httpx2.Client(follow_redirects=True, headers={"Accept": "application/json"}) as client:
        for delay in (*RETRY_DELAYS, None):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                response = client.get(url, timeout=remaining)
            except httpx2.TimeoutException:
                reason = f"no answer within {timeout:g}s"
                break
            except httpx2.TransportError as exc:
                reason = f"could not reach the URL ({type(exc).__name__}: {exc})"
            else:
                if response.status_code < 400:
                    return response.text
                reason = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
                if response.status_code < 500:
                    break  # a 4xx will not change on a retry
            if delay is None or time.monotonic() + delay >= deadline:
                break
            time.sleep(delay)
    raise FetchError(f"could not fetch {url}: {reason}")
