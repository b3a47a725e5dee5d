"""The scale commands through the real CLI: --engine dask, watch, table exports and bench."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEED_000, SEED_004, local_cluster, need_data

CLI = [sys.executable, "-m", "newsprism.cli"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    full_env.update(env or {})
    return subprocess.run([*CLI, *args], check=False, capture_output=True, text=True, timeout=600,
                          env=full_env)


def _export(db: Path) -> dict:
    res = run("export", "--db", str(db), "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)


def _findings(doc: dict) -> dict:
    """What a user compares between engines: stories, entities, quotes, claims, timeline (ids included)."""
    return {k: doc[k] for k in ("articles", "stories", "entities", "quotes", "claims", "timeline")}


@pytest.fixture(scope="module")
def local_doc(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("local") / "local.db"
    res = run("ingest", str(EXAMPLES), "--db", str(db))
    assert res.returncode == 0, res.stderr
    return _export(db)


@pytest.fixture(scope="module")
def scheduler():
    with local_cluster(1) as cluster:
        yield cluster.scheduler_address


def test_dask_on_an_existing_scheduler_gives_the_local_results(tmp_path, local_doc, scheduler):
    db = tmp_path / "dask.db"
    res = run("ingest", str(EXAMPLES), "--db", str(db), "--engine", "dask", "--scheduler", scheduler)
    assert res.returncode == 0, res.stderr
    assert "2 added" in res.stderr
    assert "Traceback" not in res.stderr and "INFO" not in res.stderr
    doc = _export(db)
    assert _findings(doc) == _findings(local_doc)
    assert len(doc["stories"]) == 1 and doc["quotes"] and doc["entities"]


def test_scheduler_from_the_environment(tmp_path, local_doc, scheduler):
    db = tmp_path / "env.db"
    res = run("analyze", str(EXAMPLES), "--db", str(db), "--engine", "dask", "-q",
              env={"DASK_SCHEDULER_ADDRESS": scheduler})  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert _findings(_export(db)) == _findings(local_doc)


def test_environment_scheduler_is_ignored_by_the_local_engine(tmp_path):
    # A shell that exports DASK_SCHEDULER_ADDRESS for other tools must not break local runs.
    db = tmp_path / "l.db"
    res = run("ingest", str(SEED_000), "--db", str(db), env={"DASK_SCHEDULER_ADDRESS": "tcp://127.0.0.1:9"})
    assert res.returncode == 0, res.stderr


def test_engine_mistakes_are_one_line_usage_errors(tmp_path):
    db = str(tmp_path / "x.db")
    for args, needle in (
        (("--engine", "spark"), "unknown engine 'spark'"),
        (("--scheduler", "tcp://127.0.0.1:9"), "needs --engine dask"),
        (("--engine", "dask", "--workers", "0"), "at least 1"),
    ):
        res = run("ingest", str(SEED_000), "--db", db, *args)
        assert res.returncode == 2, (args, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0] and "Traceback" not in res.stderr


def test_unreachable_scheduler_is_one_clear_line(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    # Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    res = run("ingest", str(SEED_000), "--db", str(tmp_path / "x.db"), "--engine", "dask",
              "--scheduler", "tcp://127.0.0.1:9")  # fmt: skip
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in lines[0]


def test_usage_mistake_is_exit_2_not_an_internal_error():
    res = run("stories", "--no-such-flag")
    assert res.returncode == 2
    assert res.stderr.startswith("usage error:") and "internal error" not in res.stderr


def test_export_tables_parquet_jsonl_csv(tmp_path, local_doc):
    pq = pytest.importorskip("pyarrow.parquet", reason="the dask extra (pyarrow) is not installed")
    db = tmp_path / "t.db"
    assert run("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    for fmt in ("parquet", "jsonl", "csv"):
        folder = tmp_path / fmt
        res = run("export", "--db", str(db), "--format", fmt, "--out", str(folder))
        assert res.returncode == 0, res.stderr
        assert f"wrote 10 {fmt} file(s)" in res.stderr
        assert {p.stem for p in folder.iterdir()} >= {"articles", "stories", "entities", "mentions", "quotes",
                                                      "removed"}
    quotes = pq.read_table(tmp_path / "parquet" / "quotes.parquet").to_pylist()
    assert len(quotes) == len(local_doc["quotes"])
    articles = {r["id"]: r["text"]
                for r in pq.read_table(tmp_path / "parquet" / "articles.parquet").to_pylist()}
    posts = {(r["article"], r["index"]): r["text"]
             for r in pq.read_table(tmp_path / "parquet" / "removed.parquet").to_pylist()}
    assert any(q["embed"] is not None for q in quotes)
    for q in quotes:  # offsets index the articles table's text, or the removed table's for an embed's quote
        text = articles[q["article"]] if q["embed"] is None else posts[q["article"], q["embed"]]
        assert text[q["start"]:q["end"]] == q["text"]
    lines = (tmp_path / "jsonl" / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(local_doc["entities"])
    res = run("export", "--db", str(db), "--format", "parquet")
    assert res.returncode == 2 and "give a folder with --out" in res.stderr


def test_watch_once_picks_up_new_files_and_updates_the_story(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "w.db"
    inbox.mkdir()
    shutil.copy(SEED_000, inbox / SEED_000.name)
    os.utime(inbox / SEED_000.name, (1_700_000_000, 1_700_000_000))  # settled long ago
    res = run("watch", str(inbox), "--db", str(db), "--once")
    assert res.returncode == 0, res.stderr
    assert "1 added" in res.stderr
    res = run("watch", str(inbox), "--db", str(db), "--once")
    assert res.returncode == 0 and "added" not in res.stderr  # nothing new: nothing read
    shutil.copy(SEED_004, inbox / SEED_004.name)
    os.utime(inbox / SEED_004.name, (1_700_000_000, 1_700_000_000))
    res = run("watch", str(inbox), "--db", str(db), "--once")
    assert "1 added" in res.stderr
    doc = _export(db)
    assert len(doc["articles"]) == 2 and len(doc["stories"]) == 1  # the new article joined the story


def test_watch_bad_interval_and_missing_folder(tmp_path):
    res = run("watch", str(tmp_path), "--interval", "0", "--db", str(tmp_path / "w.db"))
    assert res.returncode == 2 and "--interval" in res.stderr
    res = run("watch", str(tmp_path / "absent"), "--once", "--db", str(tmp_path / "w.db"))
    assert res.returncode == 1 and "no such file or folder to watch" in res.stderr


def test_bench_command_writes_results(tmp_path):
    need_data("fnc-1")
    out = tmp_path / "results"
    res = run("bench", "--size", "24", "--out", str(out))
    assert res.returncode == 0, res.stderr
    result = json.loads((out / "pipeline-24.json").read_text(encoding="utf-8"))
    assert result["size"] == 24 and result["pipeline"]["articles_per_s"] > 0
    assert set(result["pipeline"]["stages"]) >= {"parse", "mentions", "quotes", "times", "claims"}
    assert result["overhead"]["pipeline_over_spacy"] > 0
    assert "pipeline / spaCy" in res.stdout  # the summary table is printed
    res = run("bench", "--size", "10", "--data", str(tmp_path / "nowhere"))
    assert res.returncode == 1 and "no FNC-1 bodies" in res.stderr


def _age_stage(db: Path, article_suffix: str) -> None:
    """Make one stored analysis look as if an older quotes stage had made it."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        (aid, stages) = conn.execute(
            "SELECT article_id, stages FROM analyses WHERE article_id LIKE ?", (f"%{article_suffix}",)
        ).fetchone()
        old = [s if not s.startswith("quotes.") else "quotes.v0" for s in json.loads(stages)]
        conn.execute(
            "UPDATE analyses SET stages=?1, data=json_set(data, '$.quotes', json('[]'), '$.stages', json(?1))"
            " WHERE article_id=?2",
            (json.dumps(old), aid),
        )


def test_reanalyze_redoes_only_stale_articles_and_equals_a_clean_run(tmp_path, local_doc):
    db = tmp_path / "r.db"
    assert run("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    res = run("reanalyze", "--db", str(db))
    assert res.returncode == 0 and "up to date" in res.stderr
    _age_stage(db, SEED_004.name)
    assert len(_export(db)["quotes"]) < len(local_doc["quotes"])  # the aged article lost its quotes
    res = run("reanalyze", "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "1 re-analysed" in res.stderr
    assert _findings(_export(db)) == _findings(local_doc)


def test_reanalyze_on_dask_reads_the_store(tmp_path, local_doc, scheduler):
    db = tmp_path / "rd.db"
    assert run("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    res = run("reanalyze", "--db", str(db), "--all", "--engine", "dask", "--scheduler", scheduler)
    assert res.returncode == 0, res.stderr
    assert "2 re-analysed" in res.stderr
    assert _findings(_export(db)) == _findings(local_doc)
