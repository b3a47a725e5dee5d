"""URL fetching: http(s) only, timeouts, size caps, and no redirect into private or loopback addresses.

Every server here listens on 127.0.0.1 only and is stopped by its fixture.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest

from conftest import loopback_server
from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, fetch
from newsprism.ingest.fetch import fetch_url

PAGE = (
    b"<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    b"<p>Officials said on Wednesday that the talks would resume next week in Geneva, after a pause.</p>"
    b"<p>The delegations are expected to arrive on Monday, a spokesperson said.</p></article></body></html>"
)


class _Handler(http.server.BaseHTTPRequestHandler):
    redirects: ClassVar[dict[str, str]] = {}
    requested: ClassVar[list[str]] = []
    stop: ClassVar[threading.Event] = threading.Event()

    def do_GET(self) -> None:
        self.requested.append(self.path)
        if self.path in self.redirects:
            self.send_response(302)
            self.send_header("Location", self.redirects[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/page":
            self._send(PAGE)
        elif self.path == "/stream":
            # No Content-Length: the size cap must hold while the body streams in.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"word " * 200)
            except OSError:  # the client stopped reading at its cap
                pass
        elif self.path == "/drip":
            # One byte at a time, each well inside the per-read timeout, for as long as the client listens.
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                while not self.stop.wait(0.05):
                    self.wfile.write(b"x")
                    self.wfile.flush()
            except OSError:
                pass
        elif self.path == "/odd-length":
            # A Content-Length of a digit Python's str.isdigit takes and int() refuses (latin-1 "²")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "1\u00b2")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self._send(b"missing", 404)

    def _send(self, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    with loopback_server(_Handler) as base:
        port = int(base.rsplit(":", 1)[1])
        _Handler.requested = []
        _Handler.stop = threading.Event()
        _Handler.redirects = {
            "/to-loopback": f"http://127.0.0.2:{port}/page",
            "/to-metadata": "http://169.254.169.254/latest/meta-data/",
            "/to-file": "file:///etc/passwd",
            "/to-ftp": f"ftp://127.0.0.1:{port}/page",
            "/to-page": "/page",
        }
        try:
            yield base
        finally:
            _Handler.stop.set()  # a dripping response ends before the server shuts down


@pytest.fixture
def public_127_0_0_1(monkeypatch):
    """Let 127.0.0.1 stand in for a public server, so the first hop passes and the redirect is what is judged.

    Only the address classification changes; every other loopback address
    (127.0.0.2 here) and every private range is still refused by the real check.
    """
    real = fetch._refused
    monkeypatch.setattr(fetch, "_refused", lambda address: None if address == "127.0.0.1" else real(address))


def test_redirect_to_loopback_is_refused_without_allow_private(server, public_127_0_0_1):
    # The stand-in works: a plain page on the "public" server is fetched.
    assert fetch_url(f"{server}/page", IngestOptions()).data == PAGE
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/to-loopback", IngestOptions())
    err = info.value
    assert err.source == f"{server}/to-loopback"  # the input the user gave, not the hop
    assert "redirected to http://127.0.0.2:" in err.reason and "loopback" in err.reason
    assert "--allow-private" in err.reason
    assert _Handler.requested == ["/page", "/to-loopback"]  # nothing was asked of the refused hop


def test_redirect_to_cloud_metadata_is_refused(server, public_127_0_0_1):
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/to-metadata", IngestOptions())
    assert "169.254.169.254" in info.value.reason and "link-local" in info.value.reason


def test_allow_private_lets_the_redirect_through(server):
    # The policy no longer stops the hop; it fails only because nothing listens on 127.0.0.2.
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/to-loopback", IngestOptions(allow_private=True, timeout=5))
    assert "refused:" not in info.value.reason and "fetch failed" in info.value.reason
    # And a redirect to a page on the allowed local server is followed.
    got = fetch_url(f"{server}/to-page", IngestOptions(allow_private=True, timeout=5))
    assert got.data == PAGE and got.url == f"{server}/page"


@pytest.mark.parametrize("path, scheme", [("/to-file", "file"), ("/to-ftp", "ftp")])
def test_redirect_off_http_is_refused_even_with_allow_private(server, path, scheme):
    with pytest.raises(InputError) as info:
        fetch_url(server + path, IngestOptions(allow_private=True, timeout=5))
    assert f"not '{scheme}'" in info.value.reason and "only http and https" in info.value.reason


def test_streamed_body_is_cut_at_the_size_cap(server):
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/stream", IngestOptions(allow_private=True, timeout=5, max_bytes=10_000))
    assert "10,000-byte limit" in info.value.reason and "--max-bytes" in info.value.reason


def test_a_length_header_that_is_no_number_is_ignored_and_the_cap_still_holds(server):
    # "1²" passed str.isdigit and made int() raise a ValueError out of fetch_url
    page = fetch_url(f"{server}/odd-length", IngestOptions(allow_private=True, timeout=5))
    assert page.data == PAGE
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/odd-length", IngestOptions(allow_private=True, timeout=5, max_bytes=100))
    assert "100-byte limit" in info.value.reason


def test_silent_server_times_out():
    """A server that accepts the connection and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # the kernel completes the handshake; nobody ever reads or writes
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        with pytest.raises(InputError) as info:
            fetch_url(url, IngestOptions(allow_private=True, timeout=0.5))
    assert info.value.source == url and "timed out" in info.value.reason


def test_dripping_server_hits_the_whole_fetch_deadline(server):
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/drip", IngestOptions(allow_private=True, timeout=5, fetch_deadline=1.0))
    assert "longer than 1 s in all" in info.value.reason


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "javascript:alert(1)"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(InputError) as info:
        fetch_url(url, IngestOptions(allow_private=True))
    assert "only http and https" in info.value.reason or "no host" in info.value.reason
