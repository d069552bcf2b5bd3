# Copied from templates/static/sfapi/_closing.py by `python -m generator codegen`. Do not edit here.
"""``await client.close()`` on the async side, beside ``aclose()``; nothing on the sync side.

NERSC's earlier client spelt closing its async client ``close()``. The async client
inherits :class:`AsyncClosing`; codegen's async→sync renaming turns that base into
:class:`Closing`, which adds nothing, since the sync client's own method is ``close()``.
"""

from __future__ import annotations

__all__: list[str] = []


class AsyncClosing:
    """Makes ``await obj.close()`` the same as ``await obj.aclose()``."""

    async def aclose(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        """Close the client's connections (the same as ``aclose()``)."""
        await self.aclose()


class Closing:
    """The sync counterpart: the class's own ``close()`` is the method."""
