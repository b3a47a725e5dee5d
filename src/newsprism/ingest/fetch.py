"""Safe fetching of explicitly given http(s) URLs.

Policy: only http and https; the host must resolve to public addresses unless
``allow_private`` (loopback, private, link-local, multicast, reserved and
unspecified addresses are refused, so a URL cannot reach the local machine or
cloud metadata services); redirects are followed by hand, at most 5, each hop
checked again; the body is read in chunks and refused past ``max_bytes``;
``timeout`` bounds every network wait and ``fetch_deadline`` the whole fetch
(every hop, every byte), so a server that drips a byte at a time cannot hold a
run; environment proxies are ignored so the check applies to the real peer.
The check and the connection resolve the name separately, so a DNS server
that changes its answer in between (rebinding) is not defended against.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    from . import IngestOptions

__all__ = ["MAX_REDIRECTS", "Fetched", "check_url", "fetch_url"]

MAX_REDIRECTS = 5
_CHUNK = 65536
_USER_AGENT = "newsprism/0.1 (+https://github.com/newsprism)"


@dataclass(frozen=True)
class Fetched:
    """A fetched document: its bytes, content type and final URL after redirects."""

    url: str
    data: bytes
    content_type: str


def _refused(address: str) -> str | None:
    """Why an IP address may not be fetched from, or None when it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, what in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_unspecified", "unspecified"),
        ("is_multicast", "multicast"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attr):
            return what
    return None


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise :class:`InputError` when ``url`` may not be fetched under the policy above."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(url, f"bad URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(url, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    host = parts.hostname
    if not host:
        raise InputError(url, "URL has no host")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(
            host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise InputError(url, f"cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        address = str(info[4][0])
        why = _refused(address)
        if why:
            raise InputError(
                url,
                f"host {host!r} resolves to a {why} address ({address}); refused "
                "(use --allow-private to fetch from local networks)",
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back to the caller, which checks the next hop first."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def fetch_url(url: str, options: IngestOptions) -> Fetched:
    """Fetch ``url`` under the policy above; raise :class:`InputError` with the reason otherwise."""
    opener = _opener()
    current = url
    deadline = time.monotonic() + options.fetch_deadline
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            check_url(current, options.allow_private)
        except InputError as err:
            if current == url:
                raise
            raise InputError(url, f"redirected to {current}, which is refused: {err.reason}") from None
        request = urllib.request.Request(
            current, headers={"User-Agent": _USER_AGENT, "Accept": "text/html,application/xml,*/*;q=0.5"}
        )
        try:
            response = opener.open(request, timeout=min(options.timeout, _left(deadline, url, options)))
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if exc.code in (301, 302, 303, 307, 308) and location:
                current = urllib.parse.urljoin(current, location)
                continue
            raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(url, f"fetch failed ({reason})") from None
        with response:
            length = response.headers.get("Content-Length")
            # ASCII digits only: str.isdigit also takes "²", which int() refuses; any other length is
            # ignored and the cap below holds while the body is read
            if length and length.isascii() and length.isdigit() and int(length) > options.max_bytes:
                raise InputError(url, _too_big(options.max_bytes))
            chunks: list[bytes] = []
            size = 0
            try:
                while chunk := response.read1(_CHUNK):
                    _left(deadline, url, options)
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise InputError(url, _too_big(options.max_bytes))
                    chunks.append(chunk)
            except (OSError, ValueError) as exc:
                raise InputError(url, f"fetch failed while reading ({exc})") from None
            return Fetched(
                url=current,
                data=b"".join(chunks),
                content_type=response.headers.get("Content-Type", "") or "",
            )
    raise InputError(url, f"more than {MAX_REDIRECTS} redirects")


def _left(deadline: float, url: str, options: IngestOptions) -> float:
    """Seconds left before ``deadline``; InputError when none are."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(
            url,
            f"fetch took longer than {options.fetch_deadline:g} s in all (the server is too slow); not read",
        )
    return left


def _too_big(limit: int) -> str:
    return f"larger than the {limit:,}-byte limit (raise it with --max-bytes)"
