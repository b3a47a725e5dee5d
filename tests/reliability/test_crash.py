"""Crash safety: ``kill -9`` during ``ingest`` then the same ingest again equals one clean run;
readers (the store API, and a real ``newsprism serve``) keep answering while an ingest writes."""

from __future__ import annotations

import csv
import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, need_data
from newsprism.store import Store

N_BODIES = 34  # more than one pipeline batch (32), so a kill can land between batches


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    fnc = need_data("fnc-1") / "train_bodies.csv"
    folder = tmp_path_factory.mktemp("crash") / "inbox"
    folder.mkdir()
    with fnc.open(encoding="utf-8", newline="") as fh:
        # Real bodies of 100-250 words (in file order) keep each run short.
        rows = [r for r in csv.DictReader(fh) if 100 <= len(r["articleBody"].split()) <= 250][:N_BODIES]
    for row in rows:
        (folder / f"fnc-{row['Body ID']}.txt").write_text(row["articleBody"], encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", "ingest", str(folder), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


def _finish(proc: subprocess.Popen[bytes], timeout: float = 240) -> None:
    _, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err.decode("utf-8", "replace")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything in the store but the timestamps."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        q = {
            "articles": "SELECT id, hash, title, outlet, url, author, published, published_inferred,"
            " language, origin, text, data FROM articles ORDER BY id",
            "analyses": "SELECT article_id, stages, errors, data FROM analyses ORDER BY article_id",
            "stories": "SELECT id, title, data FROM stories ORDER BY id",
            "story_articles": "SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id",
            "entities": "SELECT id, name, type, data FROM entities ORDER BY id",
            "entity_mentions": "SELECT entity_id, article_id, start, end FROM entity_mentions"
            " ORDER BY entity_id, article_id, start",
            "layers": "SELECT name, data FROM layers ORDER BY name",
            "input_errors": "SELECT source, line, reason FROM input_errors ORDER BY source",
        }
        return {name: conn.execute(sql).fetchall() for name, sql in q.items()}


@pytest.fixture(scope="module")
def clean_run(inbox, tmp_path_factory):
    """One uninterrupted ingest — with a reader querying the store all the while it writes."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = _ingest(inbox, db)
    answers, counts, errors = 0, [], []
    reader = None
    while proc.poll() is None:
        if reader is None and db.exists() and _count(db) > 0:
            reader = Store(db, readonly=True)
        if reader is not None:
            try:
                counts.append(reader.count())
                reader.analyses(reader.article_ids()[:5])
                reader.search("police")
                reader.stories()
                answers += 1
            except sqlite3.Error as exc:  # recorded, asserted on below
                errors.append(repr(exc))
        time.sleep(0.02)
    if reader is not None:
        reader.close()
    _finish(proc)
    return db, answers, counts, errors


def test_reader_keeps_answering_while_ingest_writes(clean_run):
    _db, answers, counts, errors = clean_run
    assert errors == []
    assert answers >= 5, "the reader should have answered many times during the ingest"
    assert counts == sorted(counts)  # never sees articles vanish (or a half-written article)
    assert counts[-1] == N_BODIES or counts[0] < N_BODIES


def test_kill_9_then_rerun_equals_a_clean_run(inbox, clean_run, tmp_path):
    clean_db = clean_run[0]
    db = tmp_path / "crashed.db"
    proc = _ingest(inbox, db)
    deadline = time.monotonic() + 240
    while _count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stored = _count(db)
    assert 0 < stored < N_BODIES, f"the kill should land mid-ingest ({stored} of {N_BODIES} stored)"
    # Every stored article is whole: its analysis row came with it.
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (orphans,) = conn.execute(
            "SELECT COUNT(*) FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " WHERE n.article_id IS NULL"
        ).fetchone()
    assert orphans == 0
    _finish(_ingest(inbox, db))
    assert _snapshot(db) == _snapshot(clean_db)
    # And running it once more changes nothing.
    _finish(_ingest(inbox, db))
    assert _snapshot(db) == _snapshot(clean_db)


def test_kill_9_during_refresh_then_rerun_equals_a_clean_run(inbox, clean_run, tmp_path):
    """Killed after every article is stored, while the cross-article steps run."""
    clean_db = clean_run[0]
    db = tmp_path / "crashed.db"
    proc = _ingest(inbox, db)
    deadline = time.monotonic() + 240
    while _count(db) < N_BODIES and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)  # into the refresh: stories, entities, claims, timeline are written one by one
    assert proc.poll() is None, "the ingest ended before the kill; nothing was tested"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    _finish(_ingest(inbox, db))
    assert _snapshot(db) == _snapshot(clean_db)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


def test_serve_keeps_answering_while_ingest_writes(inbox, tmp_path):
    """A real `newsprism serve` (uvicorn on 127.0.0.1) polled all through a real `newsprism ingest`."""
    db = tmp_path / "served.db"
    first = tmp_path / "first"
    first.mkdir()
    one = min(inbox.iterdir())
    (first / one.name).write_bytes(one.read_bytes())
    _finish(_ingest(first, db))  # the store exists before the server opens it
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsprism.cli",
            "serve",
            "--db",
            str(db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get_json(f"{base}/api/stories")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.2)
        _, start = _get_json(f"{base}/api/stories")
        proc = _ingest(inbox, db)
        statuses, totals, hits = [], [], []
        while proc.poll() is None:
            for path in ("/api/stories", "/api/search?q=police", "/"):
                if path == "/":
                    with urllib.request.urlopen(base + path, timeout=30) as r:
                        statuses.append(r.status)
                    continue
                status, body = _get_json(base + path)
                statuses.append(status)
                if path == "/api/stories":
                    totals.append(body.get("total"))
                else:
                    hits.append(len(body.get("results", [])))
            time.sleep(0.05)
        _finish(proc)
        status, end = _get_json(f"{base}/api/stories")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert statuses and set(statuses) == {200}, statuses
    assert len(totals) >= 3, "the server should have answered all through the ingest"
    assert totals == sorted(totals)  # stories are never seen to vanish mid-write
    assert status == 200 and end["total"] > start["total"]  # and the new articles show without a restart


def test_rerun_with_bad_inputs_records_each_rejection_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b.jsonl").write_text(
        '{"text": "A good line about the talks."}\n{"bad": 1}\n', encoding="utf-8"
    )
    db = tmp_path / "bad.db"
    for _ in range(2):
        proc = _ingest(folder, db)
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 2, err.decode("utf-8", "replace")
    assert _snapshot(db)["input_errors"] == [
        (str(folder / "a-empty.txt"), None, "empty file"),
        (str(folder / "b.jsonl"), 2,
         "text: missing (every article needs a non-empty 'text', or 'body', 'articleBody' or 'story_text')"),
    ]
