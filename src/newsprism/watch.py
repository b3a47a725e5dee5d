"""Watch: poll folders, files and feeds, and ingest what is new so stories update as news arrives.

Each pass lists the files under the watched folders (the same extensions
``ingest`` reads) and ingests those that are new or whose size or modification
time changed since they were last ingested. Feeds given as URLs are re-read on
every pass; the store's idempotence skips the items it already holds. What was
seen is kept in the store (layer ``watch_state``), so a restarted watcher does
not re-read old files, and it is saved only after the pass's ingest finished —
a crash mid-pass means the next pass reads those files again, which changes
nothing that was stored.

A file modified less than ``settle`` seconds ago may still be being written;
it is left for a later pass.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .corpus import AnalyzeOptions, Corpus, RunReport
from .errors import NewsprismError
from .ingest import KNOWN_EXTENSIONS

__all__ = ["WatchState", "scan", "watch", "watch_once"]

log = logging.getLogger(__name__)

STATE_LAYER = "watch_state"


def _is_url(path: str) -> bool:
    head = path.split("://", 1)[0]
    return "://" in path and head.isalpha()


@dataclass(frozen=True)
class WatchState:
    """What one pass found: files to ingest, URLs to re-read, and every file's (mtime_ns, size)."""

    new_files: tuple[str, ...]
    urls: tuple[str, ...]
    seen: dict[str, tuple[int, int]]
    unsettled: int = 0


def _files(path: str) -> Iterator[str]:
    """Files with known extensions under ``path`` (itself when a file), sorted, hidden entries skipped."""
    if os.path.isfile(path):
        yield os.path.abspath(path)
        return
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                yield os.path.abspath(os.path.join(root, name))


def scan(
    paths: Sequence[str], known: dict[str, tuple[int, int]], *, settle: float = 1.0, now: float | None = None
) -> WatchState:
    """Compare what is on disk under ``paths`` with ``known``: which files are new or changed."""
    now = time.time() if now is None else now
    seen = dict(known)
    new: list[str] = []
    urls: list[str] = []
    unsettled = 0
    for path in paths:
        if _is_url(path):
            urls.append(path)
            continue
        if not os.path.exists(path):
            raise NewsprismError(f"{path}: no such file or folder to watch")
        for f in _files(path):
            try:
                st = os.stat(f)
            except OSError:
                continue  # removed between listing and stat: nothing to read
            mark = (st.st_mtime_ns, st.st_size)
            if known.get(f) == mark:
                continue
            if now - st.st_mtime < settle:
                unsettled += 1
                continue
            seen[f] = mark
            new.append(f)
    return WatchState(tuple(new), tuple(urls), seen, unsettled)


def _load_state(corpus: Corpus) -> dict[str, tuple[int, int]]:
    raw = corpus.store.layer(STATE_LAYER, default={}, raw=True) or {}
    return {k: (int(v[0]), int(v[1])) for k, v in raw.items()}


def watch_once(
    corpus: Corpus,
    paths: Sequence[str],
    options: AnalyzeOptions | None = None,
    *,
    settle: float = 1.0,
) -> RunReport:
    """One pass: ingest new or changed files and re-read feeds; returns the run's report."""
    state = scan(paths, _load_state(corpus), settle=settle)
    todo = list(state.new_files) + list(state.urls)
    if not todo:
        return RunReport()
    report = corpus.ingest(todo, options or AnalyzeOptions())
    # Saved after the ingest: a crash before this line means the files are read again (harmlessly).
    corpus.store.put_layer(STATE_LAYER, {k: list(v) for k, v in state.seen.items()})
    return report


def watch(
    corpus: Corpus,
    paths: Sequence[str],
    interval: float = 30.0,
    *,
    once: bool = False,
    options: AnalyzeOptions | None = None,
    settle: float = 1.0,
    on_report: Callable[[RunReport], None] | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Poll ``paths`` every ``interval`` seconds until ``stop`` is set (or one pass with ``once``).

    ``on_report`` gets the report of every pass that ingested something.
    Returns the number of passes made.
    """
    if interval <= 0:
        raise NewsprismError(f"--interval must be positive, got {interval:g}")
    if not paths:
        raise NewsprismError("give at least one folder, file or feed URL to watch")
    stop = stop or threading.Event()
    passes = 0
    while not stop.is_set():
        report = watch_once(corpus, paths, options, settle=settle)
        passes += 1
        if on_report is not None and (report.added or report.rejected or report.stage_failures):
            on_report(report)
        if once:
            break
        stop.wait(interval)
    return passes
