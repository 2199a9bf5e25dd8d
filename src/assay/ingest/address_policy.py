"""Which network addresses a fetch may reach.

The fetcher resolves every host itself and asks the policy before it connects, on
the first request and on every redirect hop. The command line allows any address
(an analyst fetching from their own intranet archive is normal); a shared web
server uses :class:`PublicAddressesOnly` so that a submitted URL cannot make it
reach the machines behind it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from typing import Protocol

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressForbiddenError(Exception):
    """The policy refuses one of the addresses a host resolves to."""


class AddressPolicy(Protocol):
    """Decides whether a host's resolved addresses may be contacted."""

    def check(self, host: str, addresses: Sequence[IPAddress]) -> None:
        """Raise AddressForbiddenError when any address may not be contacted."""


class AllowAllAddresses:
    """Any address may be contacted: the default for a single analyst's command line."""

    def check(self, host: str, addresses: Sequence[IPAddress]) -> None:
        """Allow everything."""


class PublicAddressesOnly:
    """Only globally routable addresses: no loopback, private, link-local or reserved ranges."""

    def check(self, host: str, addresses: Sequence[IPAddress]) -> None:
        """Refuse the host if any of its addresses is not public."""
        for address in addresses:
            mapped = getattr(address, "ipv4_mapped", None) or address
            if not mapped.is_global or mapped.is_multicast:
                raise AddressForbiddenError(
                    f"{host} resolves to {address}, a non-public address this policy forbids"
                )
