"""What the request pipeline needs to know about an operation, beyond its URL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OperationInfo:
    """Static facts about one API operation, emitted by codegen for every endpoint.

    ``secured`` says whether the operation needs credentials (a call without them fails
    before anything is sent); ``idempotent`` whether sending it twice is harmless, which
    decides whether an ambiguous failure may be retried; ``public`` whether the API
    document says the operation takes no credentials, so that the client's ``auth`` is
    not applied to it. An operation neither secured nor public (a document that says
    nothing of its security, or makes credentials optional) gets the client's ``auth``
    when it has one. ``query_styles`` and ``form_styles`` hold ``(name, style,
    explode)`` for the query parameters and the form fields whose serialisation the
    document sets (``_encoding.query_params``, ``_encoding.form_fields``).
    """

    name: str
    method: str
    path: str
    secured: bool
    idempotent: bool
    public: bool = False
    query_styles: tuple[tuple[str, str, bool], ...] = ()
    form_styles: tuple[tuple[str, str, bool], ...] = ()
