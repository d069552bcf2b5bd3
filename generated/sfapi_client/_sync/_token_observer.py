# Copied from templates/static/runtime/_async/_token_observer.py by `python -m generator codegen`. Do not edit here.
"""What an API's own layer may add to the token requests of the pipeline.

The pipeline knows the OAuth2 grant; an API knows more about its clients: when their
keys expire, what its token endpoint's refusals mean, where keys are renewed. An
observer given to the client (``AsyncBaseClient.observe_tokens``) is consulted at the
three moments where that knowledge matters: before a token request is sent (to refuse
one known to fail), when the token endpoint refuses (to say why in the API's words),
and after a new token arrived (to learn about the key while it works).
"""

from __future__ import annotations

from typing import Protocol

from .._auth import ClientCredentialsAuth, TokenRefusal
from .._package import PackageError

__all__: list[str] = []


class TokenObserver(Protocol):
    """Follows the token requests of one client."""

    def before_token(self, auth: ClientCredentialsAuth) -> None:
        """Called before a token request is signed and sent, with the credentials it will
        use (``auth.credentials``); raise to refuse it (the error reaches the caller)."""
        ...

    def refused(
        self, auth: ClientCredentialsAuth, refusal: TokenRefusal, error: PackageError
    ) -> PackageError:
        """The error to raise for a token request the endpoint refused: ``error`` (the
        pipeline's own) or a more specific one."""
        ...

    def after_token(self, auth: ClientCredentialsAuth) -> None:
        """Called once a new token is stored, outside the token request and its lock;
        requests sent from here use that token. Errors must not escape."""
        ...
