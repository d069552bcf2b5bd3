"""What a script pays before its first answer: import, create a client, one request.

``python first_call.py ours`` or ``python first_call.py official`` (in the peer's
environment); timed from outside as the wall time of the whole process. Each side
imports only what such a script would, over a ``MockTransport`` of the same answer.
"""

from __future__ import annotations

import sys


def ours() -> None:
    import httpx2
    from answers import BASE, MACHINE, STATUS_BODY

    from sfapi_client import Client

    def answer(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            200, content=STATUS_BODY, headers={"content-type": "application/json"}
        )

    with Client(api_base_url=BASE, transport=httpx2.MockTransport(answer)) as client:
        client.resources.status(MACHINE)


def official() -> None:
    from official_client import MACHINE, _status, httpx, sync_client

    with sync_client(httpx.MockTransport(_status)) as client:
        client.resources.status(MACHINE)


if __name__ == "__main__":
    {"ours": ours, "official": official}[sys.argv[1]]()
