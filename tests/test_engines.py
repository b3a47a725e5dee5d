"""Engines: local worker processes and the Dask engine give exactly the in-process analyses, in input
order."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from datetime import date

import pytest

from conftest import SEED_000, SEED_004, local_cluster, need_data
from newsprism import engines as engines_mod
from newsprism import pipeline as pipeline_mod
from newsprism.engines import DaskEngine, LocalEngine, default_workers, get_engine
from newsprism.errors import NewsprismError
from newsprism.model import Analysis, Article, to_dict
from newsprism.pipeline import DEFAULT_STAGES, ArticleStage, StageFailure

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="the dask extra is not installed"
)


def _seed_articles() -> list[Article]:
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    a0 = Article(id="000", text="\n".join(lines[1:]).strip(), published=date(2023, 12, 27),
                 author="Jake Smith", outlet="Daily Caller")  # fmt: skip
    lines = SEED_004.read_text(encoding="utf-8").split("\n")
    a4 = Article(id="004", text="\n".join(lines[1:]).strip(), title=lines[0].strip(), outlet="Infobae")
    return [a0, a4]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    fnc = need_data("fnc-1") / "train_bodies.csv"
    with fnc.open(encoding="utf-8", newline="") as fh:
        rows = [r for _, r in zip(range(20), csv.DictReader(fh))]
    # Seeds in the middle, so order is tested across batch boundaries.
    bodies = [Article(id=f"fnc-{r['Body ID']}", text=r["articleBody"]) for r in rows]
    return bodies[:9] + _seed_articles() + bodies[9:]


@pytest.fixture(scope="module")
def local_results(articles) -> list[dict]:
    return [to_dict(a) for a in LocalEngine().run(DEFAULT_STAGES, articles, batch_size=8)]


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes, as a real deployment runs them."""
    with local_cluster(2) as c:
        yield c


@needs_dask
def test_dask_on_a_cluster_equals_local(articles, local_results, cluster):
    engine = DaskEngine(scheduler=cluster.scheduler_address, batch_size=3, in_flight=2)
    got = [to_dict(a) for a in engine.run(DEFAULT_STAGES, articles)]
    assert [a["article"]["id"] for a in got] == [a.id for a in articles]
    assert got == local_results
    seeds = {a["article"]["id"]: a for a in got if a["article"]["id"] in ("000", "004")}
    assert seeds["000"]["mentions"] and seeds["004"]["quotes"]
    assert all(not a["errors"] for a in got)


@needs_dask
def test_scheduler_from_environment(articles, local_results, cluster, monkeypatch):
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
    engine = get_engine("dask", batch_size=4)
    assert isinstance(engine, DaskEngine) and engine.scheduler == cluster.scheduler_address
    got = [to_dict(a) for a in engine.run(DEFAULT_STAGES, articles[5:13])]
    assert got == local_results[5:13]


@needs_dask
def test_own_local_cluster_is_started_and_closed(articles, local_results):
    # Threads in this process: quick, and the pipeline cache is shared with LocalEngine.
    engine = DaskEngine(n_workers=2, batch_size=5, processes=False)
    got = [to_dict(a) for a in engine.run(DEFAULT_STAGES, articles[:11])]
    assert got == local_results[:11]


class _Boom(ArticleStage):
    name = "boom"
    requires = ("article",)
    assigns = ()

    def __call__(self, item: Analysis) -> Analysis:
        if "BOOM" in item.text:
            raise ValueError("exploded on purpose")
        return self.mark(item)


@needs_dask
def test_stage_failures_come_back_and_order_holds(monkeypatch):
    monkeypatch.setitem(pipeline_mod._REGISTRY, "boom", _Boom)
    arts = [
        Article(id=f"a{i}", text=("BOOM " if i in (2, 5) else "") + f"Article number {i}.") for i in range(7)
    ]
    failures: list[StageFailure] = []
    engine = DaskEngine(n_workers=1, batch_size=3, processes=False)
    got = list(engine.run(["boom"], arts, failures=failures))
    assert [a.id for a in got] == [a.id for a in arts]
    assert sorted(f.article for f in failures) == ["a2", "a5"]
    assert all(f.stage == "boom" and "exploded" in f.message for f in failures)
    assert [bool(a.errors) for a in got] == [i in (2, 5) for i in range(7)]
    with pytest.raises(ValueError, match="exploded"):
        list(DaskEngine(n_workers=1, batch_size=3, processes=False).run(["boom"], arts, fail_fast=True))


@needs_dask
def test_unreachable_scheduler_is_one_line():
    engine = DaskEngine(scheduler="tcp://127.0.0.1:9", timeout=2)
    with pytest.raises(NewsprismError) as info:
        list(engine.run(DEFAULT_STAGES, [Article(id="x", text="Some text.")]))
    msg = str(info.value)
    assert "\n" not in msg and "tcp://127.0.0.1:9" in msg and "dask scheduler" in msg


def test_missing_dask_is_one_line(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(NewsprismError, match=r"pip install 'newsprism\[dask\]'"):
        list(DaskEngine().run(DEFAULT_STAGES, [Article(id="x", text="Some text.")]))


@needs_dask
def test_engine_choice_errors():
    with pytest.raises(NewsprismError, match="choose one of: local, dask"):
        get_engine("spark")
    with pytest.raises(NewsprismError, match="--engine dask"):
        get_engine("local", "tcp://host:8786")
    with pytest.raises(NewsprismError, match="unknown stage 'nope'"):
        list(DaskEngine(processes=False).run(["parse", "nope"], [Article(id="x", text="Text.")]))
    assert isinstance(get_engine("local"), LocalEngine)


# --------------------------------------------------------------------------- local worker processes


def test_local_workers_equal_one_process(articles, local_results):
    # 22 articles in batches of 4: six batches over two spawned workers, two batches in flight.
    got = [
        to_dict(a) for a in LocalEngine(workers=2, batch_size=4, in_flight=2).run(DEFAULT_STAGES, articles)
    ]
    assert [a["article"]["id"] for a in got] == [a.id for a in articles]
    assert got == local_results


class _SlowHeadPool:
    """A stand-in worker pool whose first batch finishes last: every other batch is done at once."""

    names = tuple(DEFAULT_STAGES)
    n = 2

    def __init__(self) -> None:
        self.submitted = 0
        self.submitted_when_head_done: int | None = None
        self.head: Future | None = None

    def submit(self, batch, batch_size, fail_fast):
        self.submitted += 1
        fut: Future = Future()
        if self.head is None:
            self.head = fut

            def finish() -> None:
                self.submitted_when_head_done = self.submitted
                fut.set_result(batch)

            threading.Timer(0.3, finish).start()
        else:
            fut.set_result(batch)
        return fut

    def collect(self, future, failures):
        for art in future.result():
            yield Analysis(article=art)


def test_a_slow_first_batch_does_not_stop_the_others_being_sent():
    # Two batches may be unfinished at once and four held: while the slow first batch runs, the
    # finished ones behind it wait, so four batches are out before it is done (waiting on the
    # oldest, the engine sent two and a worker idled); the analyses still come out in input order.
    pool = _SlowHeadPool()
    arts = [Article(id=f"a{i}", text=f"Text number {i}.") for i in range(12)]
    got = [a.id for a in LocalEngine(pool=pool, batch_size=2, in_flight=2).run(DEFAULT_STAGES, arts)]
    assert got == [a.id for a in arts]
    assert pool.submitted_when_head_done == 4
    assert pool.submitted == 6


def test_short_input_runs_here_without_starting_workers(articles, local_results, monkeypatch):
    def no_pool(*_a, **_k):
        raise AssertionError("a worker pool was started for one batch")

    monkeypatch.setattr(engines_mod, "WorkerPool", no_pool)
    got = [to_dict(a) for a in LocalEngine(workers=2, batch_size=8).run(DEFAULT_STAGES, articles[:8])]
    assert got == local_results[:8]
    assert 1 <= default_workers() <= 2


class _Die(ArticleStage):
    name = "die"
    requires = ("article",)
    assigns = ()

    def __call__(self, item: Analysis) -> Analysis:
        if "DIE" in item.text:
            os._exit(3)  # a worker killed mid-batch (the OOM killer, kill -9)
        return self.mark(item)


def _broken() -> ArticleStage:
    raise NewsprismError("spaCy model 'xx' is not installed; run 'make install'")


def test_local_workers_report_failures_in_order_and_errors_as_one_line(monkeypatch):
    # Factories registered at run time reach the spawned workers by reference.
    monkeypatch.setitem(pipeline_mod._REGISTRY, "boom", _Boom)
    monkeypatch.setitem(pipeline_mod._REGISTRY, "die", _Die)
    monkeypatch.setitem(pipeline_mod._REGISTRY, "broken", _broken)
    arts = [
        Article(id=f"a{i}", text=("BOOM " if i in (2, 5) else "") + f"Article number {i}.") for i in range(7)
    ]
    failures: list[StageFailure] = []
    got = list(LocalEngine(workers=2, batch_size=2).run(["boom"], arts, failures=failures))
    assert [a.id for a in got] == [a.id for a in arts]
    assert sorted(f.article for f in failures) == ["a2", "a5"]
    assert all(f.stage == "boom" and "exploded" in f.message for f in failures)
    assert [bool(a.errors) for a in got] == [i in (2, 5) for i in range(7)]
    with pytest.raises(ValueError, match="exploded"):
        list(LocalEngine(workers=2, batch_size=2).run(["boom"], arts, fail_fast=True))
    with pytest.raises(NewsprismError, match="spaCy model 'xx' is not installed") as info:
        list(LocalEngine(workers=2, batch_size=2).run(["broken"], arts))
    assert "\n" not in str(info.value)
    dying = [Article(id=f"d{i}", text=("DIE " if i == 4 else "") + "Text.") for i in range(6)]
    with pytest.raises(NewsprismError, match="worker process of the local engine stopped") as info:
        list(LocalEngine(workers=2, batch_size=2).run(["die"], dying))
    assert "\n" not in str(info.value)
    with pytest.raises(NewsprismError, match="unknown stage 'nope'"):
        list(LocalEngine(workers=2, batch_size=1).run(["parse", "nope"], arts))


def test_pool_start_returns_once_every_worker_has_loaded(monkeypatch):
    """start() waits at a barrier: each worker takes one of its tasks, and a load error comes back at once."""
    from newsprism.engines import WorkerPool

    monkeypatch.setitem(pipeline_mod._REGISTRY, "boom", _Boom)
    monkeypatch.setitem(pipeline_mod._REGISTRY, "broken", _broken)
    with WorkerPool(("boom",), 2) as pool:
        pids = pool.start()
        assert len(set(pids)) == 2 and pids == pool.pids()
        assert [
            a.id for a in LocalEngine(pool=pool, batch_size=2).run(["boom"], [Article(id="x", text="Fine.")])
        ] == ["x"]
    t = time.monotonic()
    with WorkerPool(("broken",), 2) as pool, pytest.raises(NewsprismError, match="'xx' is not installed"):
        pool.start(timeout=120)
    assert time.monotonic() - t < 60  # not the barrier's timeout


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (the benchmark's /proc walk)."""
    from newsprism.benchmark import descendants

    return set(descendants(pid))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to find the worker processes")
def test_ctrl_c_stops_the_workers_and_leaves_no_orphans(tmp_path, articles):
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for k in range(6):  # enough work to still be running when interrupted
            for a in articles:
                fh.write(json.dumps({"id": f"{a.id}-{k}", "text": a.text}) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsprism.cli", "ingest", str(src), "--db", str(tmp_path / "c.db"),
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A background job may inherit Ctrl-C ignored; the CLI must see it as a terminal would send it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - one signal call
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.5)
        kids = _children(proc.pid)
        assert len(kids) >= 2, "the workers never started"
        time.sleep(4)  # let them load and take a batch
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=60)  # stopped now, not after the workers' batches
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err, err
    assert "interrupted; what was stored before stays stored" in err, err
    time.sleep(0.5)
    assert not [k for k in kids if os.path.exists(f"/proc/{k}") and _state(k) != "Z"]


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    return subprocess.run([sys.executable, "-m", "newsprism.cli", *args], check=False,
                          capture_output=True, text=True, timeout=600, env=env)  # fmt: skip


def test_ingest_with_workers_gives_the_one_process_results(tmp_path, articles):
    """Through the real CLI: 44 inputs (two batches, so the workers start; each text twice) give the same
    findings, and the second copies are still caught as duplicates though the workers read ahead."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for k in range(2):
            for a in articles:
                row = {"id": f"{a.id}-{k}", "text": a.text, "outlet": a.outlet, "title": a.title,
                       "published": a.published.isoformat() if a.published else None}  # fmt: skip
                fh.write(json.dumps(row) + "\n")
    docs = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        res = _cli("ingest", str(src), "--db", str(db), "--workers", workers)
        assert res.returncode == 0, res.stderr
        assert "22 added, 22 duplicate text under another id" in res.stderr and "Traceback" not in res.stderr
        res = _cli("export", "--db", str(db), "--format", "json")
        assert res.returncode == 0, res.stderr
        doc = json.loads(res.stdout)
        docs.append({k: doc[k] for k in ("articles", "stories", "entities", "quotes", "claims", "timeline")})
    assert docs[0] == docs[1]
    assert docs[1]["stories"] and docs[1]["entities"] and docs[1]["quotes"] and docs[1]["claims"]


def test_bench_parallel_measures_both_sides_with_the_same_processes(tmp_path, nlp):
    from newsprism.benchmark import bench_parallel, build_corpus, fnc_bodies

    arts = build_corpus(fnc_bodies(need_data("fnc-1").parent), 26)
    spacy, pipe = bench_parallel(nlp, ["parse"], arts, str(tmp_path / "b.db"), 2, 2, lambda _m: None)
    # Chunks of 6 batches of 2: three chunks, each side's run through one started worker pool.
    assert spacy["processes"] == pipe["workers"] == 2 and spacy["calls"] == 3
    assert pipe["start_seconds"] > 0 and spacy["start_seconds"] > 0
    assert spacy["articles_per_s"] > 0 and pipe["articles_per_s"] > 0 and pipe["stage_failures"] == 0
    # The peak memory adds up the parent and its workers: more than one process was seen.
    assert pipe["peak_memory_mb"]["processes"] >= 3 and pipe["peak_memory_mb"]["pss"] > 0
    assert spacy["peak_memory_mb"]["processes"] >= 2
