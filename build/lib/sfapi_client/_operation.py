# Copied from templates/static/runtime/_operation.py by `python -m generator codegen`. Do not edit here.
"""What the request pipeline needs to know about an operation, beyond its URL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OperationInfo:
    """Static facts about one API operation, emitted by codegen for every endpoint.

    ``secured`` says whether the operation needs a token; ``idempotent`` whether sending
    it twice is harmless, which decides whether an ambiguous failure may be retried.
    """

    name: str
    method: str
    path: str
    secured: bool
    idempotent: bool
