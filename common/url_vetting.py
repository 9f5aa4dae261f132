"""Outbound URLs (file URLs, webhook callbacks) reach only public addresses, unless
FETCH_ALLOW_PRIVATE says otherwise, and connect to the very address that was vetted."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit, urlunsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeUrl(Exception):
    """The URL may not be fetched or posted to, and retrying will not change that."""


def check_scheme(url: str) -> None:
    """Refuses anything but an http or https URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeUrl(f"{url!r} is not an http or https URL")


async def vet(url: str, allow_private: bool) -> Address | None:
    """The address to connect to, once every address of the host proved public
    (None when private addresses are allowed: then the name is used as it is).
    A DNS hiccup (EAI_AGAIN) raises socket.gaierror: worth a retry."""
    check_scheme(url)
    if allow_private:
        return None
    parts = urlsplit(url)
    assert parts.hostname is not None  # check_scheme refused a URL without one
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            parts.hostname, parts.port or 443, type=socket.SOCK_STREAM
        )
    except socket.gaierror as error:
        if error.errno == socket.EAI_AGAIN:
            raise
        raise UnsafeUrl(f"cannot resolve {parts.hostname}: {error}") from None
    addresses = [ipaddress.ip_address(address[0]) for *_, address in infos]
    for ip in addresses:
        if not ip.is_global:
            raise UnsafeUrl(
                f"{parts.hostname} resolves to {ip}, a private or local address; "
                "set FETCH_ALLOW_PRIVATE=true to allow such URLs"
            )
    return addresses[0]


def pin_to_address(url: str, address: Address | None) -> tuple[str, dict[str, Any]]:
    """The URL and request options that connect to the vetted `address` rather than
    resolving the name again, which a DNS answer changed in between (DNS rebinding) could
    point at a private address. The name still goes in the Host header and the TLS SNI,
    and certificates are checked against it."""
    if address is None:
        return url, {}
    parts = urlsplit(url)
    host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    options = {
        "headers": {"host": parts.netloc.rsplit("@", 1)[-1]},
        "extensions": {"sni_hostname": parts.hostname},
    }
    return urlunsplit(parts._replace(netloc=netloc)), options
