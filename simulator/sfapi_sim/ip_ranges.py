"""IP ranges a client may be limited to, as Iris lets users choose them (CIDR)."""

from __future__ import annotations

import ipaddress

IpRange = ipaddress.IPv4Network | ipaddress.IPv6Network


def ip_range(text: str) -> IpRange:
    """An IP range in CIDR notation (a single address is a range of one); ValueError
    naming the text otherwise."""
    try:
        return ipaddress.ip_network(text.strip(), strict=False)
    except ValueError:
        raise ValueError(f"{text!r} is not an IP range (such as 192.0.2.0/24)") from None


def in_ranges(address: str | None, ranges: tuple[IpRange, ...]) -> bool:
    """Whether ``address`` lies in one of ``ranges`` (any address when there are none;
    no unreadable address ever)."""
    if not ranges:
        return True
    try:
        host = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(host in network for network in ranges)
