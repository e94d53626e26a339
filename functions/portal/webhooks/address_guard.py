"""Where a webhook may go: an https URL whose host resolves only to public addresses. The address is
resolved once and pinned (the connection goes to that address, so a DNS answer changed in between - DNS
rebinding - cannot send it elsewhere). Private, loopback, link-local, multicast and reserved addresses are
refused, and so is an IPv6 address that embeds one (6to4, Teredo, NAT64); loopback is allowed only where
the settings say so (local runs and tests, never prod), and then plain http to it too."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from portal.errors import InvalidInput

MAX_URL_LENGTH = 2048
Resolver = Callable[[str, int], list[str]]


class RefusedAddress(InvalidInput):
    pass


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # as in the URL: the Host header and TLS server name
    address: str  # the pinned IP address
    port: int
    path: str  # path and query


def system_resolver(host: str, port: int) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def _refused(why: str, why_en: str) -> RefusedAddress:
    return RefusedAddress.for_field("url", why, why_en)


NAT64_PREFIXES = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries to a gateway: mapped (::ffff:a.b.c.d), 6to4 (2002::/16,
    which Python's is_global calls public), Teredo (2001::/32: server and client) and NAT64 (RFC 6052)."""
    embedded = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        embedded.extend(ip.teredo)
    if any(ip in prefix for prefix in NAT64_PREFIXES):
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return embedded


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if ip.ipv4_mapped is not None:
            return _is_public(ip.ipv4_mapped)
        if any(not _is_public(inner) for inner in embedded):
            return False  # a gateway would carry it to a private address
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_link_local or ip.is_private)


def check_url(url: str, allow_loopback: bool = False) -> tuple[str, str, int, str]:
    """(scheme, host, port, path) of an acceptable URL, before resolution."""
    if len(url) > MAX_URL_LENGTH:
        raise _refused("Địa chỉ quá dài.", "The URL is too long.")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.username or parts.password:
        raise _refused("Địa chỉ phải là https://máy-chủ/đường-dẫn.", "The URL must be https://host/path.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise _refused("Cổng không hợp lệ.", "The port is not valid.") from None
    if parts.scheme == "http" and not allow_loopback:
        raise _refused("Chỉ nhận https.", "Only https is accepted.")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port, path


def resolve(url: str, allow_loopback: bool = False, resolver: Resolver = system_resolver) -> Target:
    """The URL's target, its address pinned; RefusedAddress for anything not public."""
    scheme, host, port, path = check_url(url, allow_loopback)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolver(host, port)]
        except (OSError, ValueError):
            raise _refused("Không phân giải được tên máy chủ.", "The host name does not resolve.") from None
    if not addresses:
        raise _refused("Không phân giải được tên máy chủ.", "The host name does not resolve.")
    for ip in addresses:
        if _is_public(ip) or (allow_loopback and ip.is_loopback):
            continue
        raise _refused(
            "Không gửi đến địa chỉ nội bộ, loopback hay link-local.",
            "Private, loopback and link-local addresses are refused.",
        )
    if scheme == "http" and not all(ip.is_loopback for ip in addresses):
        raise _refused("Chỉ nhận https.", "Only https is accepted.")
    return Target(scheme, host, str(addresses[0]), port, path)
