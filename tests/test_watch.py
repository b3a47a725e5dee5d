"""Watch: new files are picked up pass by pass, only once, and stories update incrementally."""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

from conftest import SEED_000, SEED_004
from newsprism.corpus import Corpus
from newsprism.errors import NewsprismError
from newsprism.watch import scan, watch, watch_once

OTHER = (
    "An earthquake of magnitude 6.1 struck off the coast of Chile on Tuesday, the national seismic "
    "office said. No damage was reported in the port city of Valparaiso, and officials lifted a "
    "tsunami warning two hours later. Schools in the region will open as usual on Wednesday."
)


def test_passes_ingest_only_what_is_new(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SEED_000, inbox / "000.txt")
    (inbox / "quake.txt").write_text(OTHER, encoding="utf-8")
    (inbox / "notes.csv").write_text("not an article", encoding="utf-8")  # not a known extension
    db = str(tmp_path / "w.db")
    with Corpus(db) as corpus:
        first = watch_once(corpus, [str(inbox)], settle=0)
        assert sorted(first.added) == ["000.txt", "quake.txt"]
        assert len(corpus.stories()) == 2
        # Nothing changed: nothing is read.
        assert watch_once(corpus, [str(inbox)], settle=0).added == []
        # The second seed arrives: only it is ingested, and it joins the first seed's story.
        shutil.copy(SEED_004, inbox / "004.txt")
        third = watch_once(corpus, [str(inbox)], settle=0)
        assert third.added == ["004.txt"] and third.unchanged == []
        stories = {frozenset(s.articles) for s in corpus.stories()}
        assert frozenset({"000.txt", "004.txt"}) in stories
        assert frozenset({"quake.txt"}) in stories
    # A restarted watcher remembers what it saw (kept in the store).
    with Corpus(db) as corpus:
        again = watch_once(corpus, [str(inbox)], settle=0)
        assert again.added == [] and again.unchanged == []
        assert corpus.store.count() == 3


def test_file_still_being_written_waits(tmp_path):
    (tmp_path / "fresh.txt").write_text(OTHER, encoding="utf-8")
    state = scan([str(tmp_path)], {}, settle=60)
    assert state.new_files == () and state.unsettled == 1
    old = time.time() - 120
    os.utime(tmp_path / "fresh.txt", (old, old))
    state = scan([str(tmp_path)], {}, settle=60)
    assert state.new_files == (str(tmp_path / "fresh.txt"),)
    # A changed file (size or mtime) is offered again.
    (tmp_path / "fresh.txt").write_text(OTHER + " More.", encoding="utf-8")
    os.utime(tmp_path / "fresh.txt", (old + 5, old + 5))
    assert scan([str(tmp_path)], state.seen, settle=60).new_files == (str(tmp_path / "fresh.txt"),)


def test_loop_until_stopped(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stop = threading.Event()
    reports = []

    def arrived(report):
        reports.append(report)
        stop.set()

    def drop_file():
        time.sleep(0.3)
        (inbox / "quake.txt").write_text(OTHER, encoding="utf-8")

    with Corpus(str(tmp_path / "w.db")) as corpus:
        t = threading.Thread(target=drop_file)
        t.start()
        passes = watch(corpus, [str(inbox)], interval=0.05, settle=0, on_report=arrived, stop=stop)
        t.join()
        assert passes >= 2  # at least one empty pass before the file arrived
        assert [r.added for r in reports] == [["quake.txt"]]


def test_bad_arguments_are_one_line(tmp_path):
    with Corpus(str(tmp_path / "w.db")) as corpus:
        with pytest.raises(NewsprismError, match="no such file or folder"):
            watch(corpus, [str(tmp_path / "missing")], once=True)
        with pytest.raises(NewsprismError, match="interval"):
            watch(corpus, [str(tmp_path)], interval=0)
