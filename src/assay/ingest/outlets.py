"""Which outlet published a document: from its URL's domain, else from its site name."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from assay.records import ParsedDocument


@dataclass(frozen=True, slots=True)
class OutletIdentity:
    """The key an outlet is stored under, and what is known of it from one document."""

    outlet_key: str
    domain: str | None
    name: str


def domain_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without a leading ``www.``, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.lower().removeprefix("www.")


def outlet_identity(parsed: ParsedDocument) -> OutletIdentity | None:
    """The outlet of ``parsed``, or None when neither a domain nor a site name is known."""
    domain = domain_of(parsed.url)
    if domain:
        return OutletIdentity(domain, domain, parsed.site_name or domain)
    if parsed.site_name:
        return OutletIdentity(f"name:{parsed.site_name.casefold()}", None, parsed.site_name)
    return None
