"""What every error about the API carries: the request asked and the answer received.

The package's own error base (named in its configuration, rendered into
``_package.py``) derives from ``ApiError``, and every error of the runtime derives from
that base, so ``except <Package>Error`` catches them all.
"""

from __future__ import annotations


class ApiError(Exception):
    """An error about the API, with what was asked and what came back.

    Attributes: ``status`` (HTTP status, or None when no answer came), ``method``,
    ``url``, ``operation`` (the operation's Python name) and ``body`` (the answer's text,
    possibly cut).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        method: str | None = None,
        url: str | None = None,
        operation: str | None = None,
        body: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.method = method
        self.url = url
        self.operation = operation
        self.body = body

    def __str__(self) -> str:
        parts = [self.message]
        if self.url:
            request = " ".join(p for p in (self.method, self.url) if p)
            parts.append(f"[{request}" + (f" → {self.status}" if self.status else "") + "]")
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status={self.status!r})"
