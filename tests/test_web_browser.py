"""The web app in a real headless Chromium: click an entity, see its mentions highlighted.

Chromium is driven through the DevTools protocol over ``--remote-debugging-pipe``
(null-terminated JSON on file descriptors 3 and 4), so no client library and no
browser download is needed: only Debian's ``chromium`` package
(``scripts/ensure-chromium.sh`` installs it). The page is served by uvicorn on
127.0.0.1 from a store whose articles carry hostile markup.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from test_web import build_store

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--mute-audio",
]
WIDTH, HEIGHT = 1000, 700
HL_RGB = (255, 64, 160)  # .hl background in app.css


def _need_chromium() -> str:
    if not os.path.exists(CHROMIUM):
        pytest.skip("no chromium at /usr/bin/chromium; run scripts/ensure-chromium.sh"
                    " (apt-get install chromium)")
    return CHROMIUM


# --------------------------------------------------------------------------- server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsprism.web import create_app

    db = tmp_path_factory.mktemp("browser") / "web.db"
    build_store(db)
    app = create_app(str(db))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                        lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.data.corpus.close()


# --------------------------------------------------------------------------- DevTools protocol over a pipe


class Browser:
    """A headless Chromium spoken to over ``--remote-debugging-pipe``."""

    def __init__(self, user_data_dir: Path):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4; a tiny launcher moves the
        # pipes there (dash cannot redirect descriptors above 9, and preexec_fn is unsafe with threads).
        launcher = ("import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4);"
                    " os.execv(sys.argv[3], sys.argv[3:])")
        cmd = [
            sys.executable,
            "-c",
            launcher,
            str(to_browser_r),
            str(from_browser_w),
            _need_chromium(),
            *FLAGS,
            f"--user-data-dir={user_data_dir}",
            f"--window-size={WIDTH},{HEIGHT}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self.log = user_data_dir.parent / "chromium.log"
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                cmd, pass_fds=(to_browser_r, from_browser_w), stdout=log, stderr=subprocess.STDOUT
            )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def log_tail(self) -> str:
        lines = [ln for ln in self.log.read_text(errors="replace").splitlines() if "dbus" not in ln]
        return " | ".join(lines[-5:])

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise ConnectionError(f"chromium closed the DevTools pipe: {self.log_tail()}")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg: dict[str, Any] = json.loads(raw)
        return msg

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        try:
            os.write(self._to_browser, json.dumps(msg).encode() + b"\0")
        except BrokenPipeError:
            raise ConnectionError(f"chromium exited ({self.proc.poll()}): {self.log_tail()}") from None
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_event(self, method: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            for k, ev in enumerate(self.events):
                if ev.get("method") == method:
                    del self.events[k]
                    return ev
            self.events.append(self._read(deadline))

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError, ConnectionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


class Tab:
    """One page of the browser, attached with a flat session."""

    def __init__(self, browser: Browser):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget",
                                    {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.b.send(method, params, session=self.session)

    def open(self, url: str) -> None:
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired")
        deadline = time.monotonic() + 10
        while self.js("document.body && document.body.dataset.ready") != "1":
            assert time.monotonic() < deadline, "app.js did not run (blocked by the CSP or not served?)"
            time.sleep(0.05)

    def js(self, expression: str) -> Any:
        res = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in res, res
        return res["result"].get("value")

    def click(self, selector: str) -> None:
        x, y = self.js(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    _need_chromium()
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


# --------------------------------------------------------------------------- PNG, decoded in pure Python


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """(width, height, unfiltered rows, bytes per pixel) of an 8-bit RGB/RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def pixel_stats(png: bytes, colour: tuple[int, int, int]) -> tuple[float, int, int]:
    """(luminance variance, distinct colours, pixels of exactly ``colour``) of a screenshot."""
    width, height, rows, bpp = decode_png(png)
    total = total_sq = 0.0
    colours: set[bytes] = set()
    hits = 0
    target = bytes(colour)
    for row in rows:
        for x in range(0, width * bpp, bpp):
            px = row[x : x + 3]
            lum = (299 * px[0] + 587 * px[1] + 114 * px[2]) / 1000
            total += lum
            total_sq += lum * lum
            if len(colours) < 5000:
                colours.add(px)
            if px == target:
                hits += 1
    n = width * height
    return total_sq / n - (total / n) ** 2, len(colours), hits


def test_decode_png_roundtrip() -> None:
    # A 2x2 RGB image written with filter 1 (Sub) and 4 (Paeth) rows; decoded back exactly.
    pixels = [[(10, 20, 30), (40, 50, 60)], [(70, 80, 90), (100, 110, 120)]]
    row0 = bytes([1, 10, 20, 30, 30, 30, 30])
    raw1 = bytes(c for px in pixels[1] for c in px)
    prev = bytes(c for px in pixels[0] for c in px)
    filt = bytearray([4])
    for i, v in enumerate(raw1):
        a = raw1[i - 3] if i >= 3 else 0
        b, c = prev[i], prev[i - 3] if i >= 3 else 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        filt.append((v - (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 255)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(row0 + bytes(filt))) + chunk(b"IEND", b""))
    w, h, rows, bpp = decode_png(png)
    assert (w, h, bpp) == (2, 2, 3)
    assert rows == [prev, raw1]
    var, n_colours, hits = pixel_stats(png, (70, 80, 90))
    assert var > 0 and n_colours == 4 and hits == 1


# --------------------------------------------------------------------------- the tests


def test_click_entity_highlights_all_its_mentions(server: str, browser: Browser) -> None:
    tab = Tab(browser)
    tab.open(f"{server}/stories/s-1")
    assert tab.js("document.querySelectorAll('.ent.hl').length") == 0
    before = pixel_stats(tab.screenshot(), HL_RGB)
    assert before[2] == 0, "nothing is highlighted before the click"

    tab.click('.body .ent[data-ref="e-ali"]')
    marked = tab.js("[...document.querySelectorAll('.ent.hl')].map(e => e.dataset.ref + ':' + e.textContent)")
    assert marked == ["e-ali:Ali Reza"] * 3  # both articles, every mention, nothing else
    assert tab.js("document.querySelector('.entity-pick[data-ref=\"e-ali\"]').classList.contains('hl')")
    assert tab.js("location.search") == "?entity=e-ali"  # the view is shareable
    variance, colours, hits = pixel_stats(tab.screenshot(), HL_RGB)
    assert variance > 100 and colours > 50, "the screenshot is blank"
    assert hits > 200, "no highlighted mention is visible in the screenshot"

    # clicking an entity in the list switches the highlight to it
    tab.click('.entity-pick[data-ref="e-guard"]')
    assert tab.js("[...document.querySelectorAll('.ent.hl')].map(e => e.dataset.ref)") == ["e-guard"] * 2
    # clicking it again clears it
    tab.click('.entity-pick[data-ref="e-guard"]')
    assert tab.js("document.querySelectorAll('.hl').length") == 0


def test_hostile_article_text_stays_text(server: str, browser: Browser) -> None:
    tab = Tab(browser)
    tab.open(f"{server}/stories/s-1")
    assert tab.js("document.querySelectorAll('script').length") == 1  # only /static/app.js
    assert tab.js("document.querySelectorAll('img').length") == 0
    assert "<script>alert(1)</script>" in tab.js("document.querySelector('#art-a1 .body').textContent")
    tab.open(f"{server}/entities/e-guard")
    tab.open(f"{server}/search?q=alert")
    assert tab.js("document.querySelectorAll('mark').length") >= 2
    kinds = {e.get("method") for e in browser.events}
    assert "Page.javascriptDialogOpening" not in kinds, "an alert() from article text ran"
    assert "Runtime.exceptionThrown" not in kinds, [e for e in browser.events
                                                    if e.get("method") == "Runtime.exceptionThrown"]
    errors = [e["params"]["entry"]["text"] for e in browser.events
              if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"
              and "favicon" not in e["params"]["entry"].get("url", "")]
    assert not errors, errors  # no CSP violation: our own assets all load under the policy


def test_command_line_chromium_dump_dom_and_screenshot(server: str, tmp_path: Path) -> None:
    """The no-protocol path: --dump-dom runs app.js; --screenshot gives a non-blank image."""
    chromium = _need_chromium()
    url = f"{server}/stories/s-1?entity=e-ali"
    base = [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=3000"]
    dom = subprocess.run([*base, "--dump-dom", url], capture_output=True, text=True, timeout=90,
                         check=True).stdout
    assert 'data-highlighted="3"' in dom and 'data-ready="1"' in dom  # app.js ran and counted the marks
    assert dom.count('class="ent ent-person hl"') == 3
    shot = tmp_path / "story.png"
    subprocess.run([*base, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}", url],
                   capture_output=True, timeout=90, check=True)
    variance, colours, hits = pixel_stats(shot.read_bytes(), HL_RGB)
    assert variance > 100 and colours > 50 and hits > 200
