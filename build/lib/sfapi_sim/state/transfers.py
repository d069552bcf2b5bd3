"""Globus transfers between machines: ACTIVE for a moment, then SUCCEEDED (files copied)."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass


@dataclass
class Transfer:
    """One transfer request and its outcome, decided when it completes."""

    id: str
    user: str
    source: str
    target: str
    source_dir: str
    target_dir: str
    label: str
    started: float
    duration: float
    status: str = "ACTIVE"
    bytes_transferred: int = 0
    reason: str | None = None
    completed_at: float | None = None


class TransferStore:
    def __init__(self) -> None:
        self._transfers: dict[str, Transfer] = {}
        self._lock = threading.Lock()

    def start(self, transfer: Transfer) -> Transfer:
        with self._lock:
            self._transfers[transfer.id] = transfer
        return transfer

    def get(self, transfer_id: str, user: str) -> Transfer | None:
        with self._lock:
            transfer = self._transfers.get(transfer_id)
        return transfer if transfer is not None and transfer.user == user else None


def new_transfer_id() -> str:
    return str(uuid.uuid4())
