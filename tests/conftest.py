"""Shared fixtures: the gold data folder, the seed articles, one spaCy pipeline per session."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "000_75d8648a647aa147.txt"
SEED_004 = EXAMPLES / "004_b0a8d3d4ea4ee59b.txt"


def need_data(name: str) -> Path:
    """Return ``../shared/data/NAME`` or skip the test with the reason."""
    path = DATA / name
    if not path.exists():
        pytest.skip(f"gold data {path} is absent (it lives in ../shared/data beside the repo)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsprism.nlp import load_nlp

    return load_nlp()


@contextmanager
def loopback_server(handler: type) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (a free port) in a thread; yields the base URL, then shuts down."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def local_cluster(n_workers: int) -> Any:
    """A Dask LocalCluster of single-threaded worker processes (as a deployment runs them), quiet,
    with its HTTP server on a free loopback port; skips the test when the dask extra is absent."""
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    return distributed.LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=50,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )
