"""Engines: the Dask engine gives exactly the local engine's analyses, in input order."""

from __future__ import annotations

import csv
import sys
from datetime import date

import pytest

from conftest import SEED_000, SEED_004, local_cluster, need_data
from newsprism import pipeline as pipeline_mod
from newsprism.engines import DaskEngine, LocalEngine, get_engine
from newsprism.errors import NewsprismError
from newsprism.model import Analysis, Article, to_dict
from newsprism.pipeline import DEFAULT_STAGES, ArticleStage, StageFailure

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")


def _seed_articles() -> list[Article]:
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    a0 = Article(id="000", text="\n".join(lines[1:]).strip(), published=date(2023, 12, 27), author="Jake Smith",
                 outlet="Daily Caller")  # fmt: skip
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


def test_dask_on_a_cluster_equals_local(articles, local_results, cluster):
    engine = DaskEngine(scheduler=cluster.scheduler_address, batch_size=3, in_flight=2)
    got = [to_dict(a) for a in engine.run(DEFAULT_STAGES, articles)]
    assert [a["article"]["id"] for a in got] == [a.id for a in articles]
    assert got == local_results
    seeds = {a["article"]["id"]: a for a in got if a["article"]["id"] in ("000", "004")}
    assert seeds["000"]["mentions"] and seeds["004"]["quotes"]
    assert all(not a["errors"] for a in got)


def test_scheduler_from_environment(articles, local_results, cluster, monkeypatch):
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
    engine = get_engine("dask", batch_size=4)
    assert isinstance(engine, DaskEngine) and engine.scheduler == cluster.scheduler_address
    got = [to_dict(a) for a in engine.run(DEFAULT_STAGES, articles[5:13])]
    assert got == local_results[5:13]


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


def test_engine_choice_errors():
    with pytest.raises(NewsprismError, match="choose one of: local, dask"):
        get_engine("spark")
    with pytest.raises(NewsprismError, match="--engine dask"):
        get_engine("local", "tcp://host:8786")
    with pytest.raises(NewsprismError, match="unknown stage 'nope'"):
        list(DaskEngine(processes=False).run(["parse", "nope"], [Article(id="x", text="Text.")]))
    assert isinstance(get_engine("local"), LocalEngine)
