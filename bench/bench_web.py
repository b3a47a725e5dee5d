"""Benchmark the web app: p50/p95 latency of the story page and of search on a 5,000-article store.

The store: the FNC-1 training bodies (1,683, distinct texts kept), reused under suffixed ids (each copy
gets a one-line marker so its text, and so its hash, differs) until there are
``--n`` articles, with random 2017 dates. No per-article NLP stage runs (that is
not what is measured); instead every capitalised phrase (``[A-Z]\\w+( [A-Z]\\w+)*``)
becomes a mention, and each phrase seen in two or more articles becomes one
entity across the corpus, so story pages carry real highlighting and entity
lookups (frequent phrases have thousands of mentions). Stories come from
``newsprism.resolve.stories.group_stories`` (copies fold together), else one
story per article.

Latency is measured over ``--requests`` requests each, after a warm-up:
in-process (httpx ASGI transport, no socket) and over real HTTP to uvicorn on
127.0.0.1 (a separate process, keep-alive client).

Usage: .venv/bin/python bench/bench_web.py [--n 5000] [--requests 200] [--data ../shared/data]
Writes bench/results/web.json.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import httpx

from newsprism.model import Analysis, Article, Entity, EntityMention, Mention, Story, content_hash
from newsprism.store import Store

PHRASE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
STOP = {"The", "A", "An", "In", "On", "It", "He", "She", "They", "We", "But", "And", "This", "That", "I",
        "His", "Her"}


def read_bodies(data: Path) -> list[str]:
    path = data / "fnc-1" / "train_bodies.csv"
    if not path.exists():
        sys.exit(f"bench_web: {path} is missing (the FNC-1 gold data lives in ../shared/data)")
    with path.open(encoding="utf-8", newline="") as fh:
        bodies = [row["articleBody"] for row in csv.DictReader(fh) if row["articleBody"].strip()]
    # a few bodies repeat; the store keeps one text once, so keep them distinct here
    return list({content_hash(b): b for b in bodies}.values())


def build_store(db: Path, n: int, data: Path, rng: random.Random) -> dict[str, object]:
    bodies = read_bodies(data)
    analyses = []
    for k in range(n):
        body = bodies[k % len(bodies)]
        copy = k // len(bodies)
        text = body if copy == 0 else f"{body}\n\nRepublished copy {copy}."
        art = Article(id=f"fnc-{k % len(bodies)}-{copy}", text=text, title=text.split("\n")[0][:90],
                      outlet=f"Outlet {rng.randrange(40)}",
                      published=date(2017, 1, 1) + timedelta(rng.randrange(365)))
        mentions = tuple(
            Mention(start=m.start(), end=m.end(), label="ORG", stage="bench.v1", key=m.group())
            for m in PHRASE.finditer(text)
            if m.group() not in STOP
        )
        analyses.append(Analysis(article=art, mentions=mentions, stages=("bench.v1",)))
    t0 = time.perf_counter()
    try:
        from newsprism.resolve.stories import group_stories

        stories = group_stories(analyses)
        how = "newsprism.resolve.stories.group_stories"
    except ImportError:
        stories = [Story(id=f"s-{a.id}", title=a.article.title or a.id, articles=(a.id,)) for a in analyses]
        how = "one story per article (group_stories not importable)"
    t_stories = time.perf_counter() - t0
    by_key: dict[str, list[EntityMention]] = defaultdict(list)
    for a in analyses:
        for m in a.mentions:
            by_key[m.key].append(EntityMention(article=a.id, start=m.start, end=m.end))
    entities = [
        Entity(id=f"e-{i}", name=key, type="ORG", mentions=tuple(ms))
        for i, (key, ms) in enumerate(sorted(by_key.items()))
        if len({m.article for m in ms}) >= 2
    ]
    with Store(db) as store:
        for a in analyses:
            assert store.put(a).status == "added", a.id
        store.replace_stories(stories)
        store.replace_entities(entities)
        store.put_layer("claims", [])
        store.put_layer("timeline", [])
    sizes = [len(s.articles) for s in stories]
    return {
        "articles": n,
        "stories": len(stories),
        "stories_from": how,
        "story_grouping_seconds": round(t_stories, 1),
        "largest_story": max(sizes),
        "multi_article_stories": sum(1 for x in sizes if x > 1),
        "entities": len(entities),
        "largest_entity_mentions": max(len(e.mentions) for e in entities),
        "mentions": sum(len(a.mentions) for a in analyses),
        "db_mb": round(os.path.getsize(db) / 1e6, 1),
    }


def pick_paths(db: Path, count: int, bodies: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    with Store(db, readonly=True) as store:
        stories = store.stories()
    story_paths = [f"/stories/{quote(s.id, safe='')}" for s in rng.choices(stories, k=count)]
    words = [w for b in rng.sample(bodies, 200) for w in re.findall(r"[A-Za-z]{5,}", b)]
    queries = []
    for _ in range(count):
        q = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
        queries.append(f"/search?q={quote(q)}")
    return story_paths, queries


def stats(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    q = statistics.quantiles(ms, n=100)
    return {"p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "max_ms": round(ms[-1], 1), "n": len(ms)}


async def _in_process(db: str, paths: list[str]) -> tuple[list[float], float]:
    from newsprism.web import create_app

    app = create_app(db)
    transport = httpx.ASGITransport(app=app)
    times = []
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        t0 = time.perf_counter()
        r = await client.get(paths[0])
        first = (time.perf_counter() - t0) * 1000
        assert r.status_code == 200, (paths[0], r.status_code)
        for p in paths[:10]:  # warm-up
            await client.get(p)
        for p in paths:
            t0 = time.perf_counter()
            r = await client.get(p)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, (p, r.status_code, r.text[:200])
    app.state.data.corpus.close()
    return times, first


def over_http(db: str, story_paths: list[str], search_paths: list[str]) -> dict[str, object]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "import sys; from newsprism.web import serve; serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code, db, str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise SystemExit("bench_web: uvicorn did not start") from None
                    time.sleep(0.1)
            out: dict[str, object] = {}
            for name, paths in (("story_page", story_paths), ("search", search_paths)):
                for p in paths[:10]:
                    client.get(p)
                times = []
                for p in paths:
                    t0 = time.perf_counter()
                    r = client.get(p)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert r.status_code == 200, (p, r.status_code)
                out[name] = stats(times)
            return out
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "web.json")
    ap.add_argument("--keep", type=Path, help="Build the store here and keep it; reuse it when it exists.")
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        info_file = db.with_name(db.name + ".info.json")
        if args.keep and db.exists() and info_file.exists():
            store_info = json.loads(info_file.read_text())
        else:
            store_info = build_store(db, args.n, args.data, rng)
            store_info["build_seconds"] = round(time.perf_counter() - t0, 1)
            if args.keep:
                info_file.write_text(json.dumps(store_info))
        print(f"store: {store_info}", file=sys.stderr)
        story_paths, search_paths = pick_paths(db, args.requests, read_bodies(args.data), rng)
        story_ms, story_first = asyncio.run(_in_process(str(db), story_paths))
        search_ms, search_first = asyncio.run(_in_process(str(db), search_paths))
        api_paths = [p.replace("/stories/", "/api/stories/", 1) for p in story_paths]
        api_ms, api_first = asyncio.run(_in_process(str(db), api_paths))
        in_process = {
            "story_page": {**stats(story_ms), "first_request_ms": round(story_first, 1)},
            "search": {**stats(search_ms), "first_request_ms": round(search_first, 1)},
            "api_story_whole (not a target)": {**stats(api_ms), "first_request_ms": round(api_first, 1)},
        }
        print(f"in-process: {in_process}", file=sys.stderr)
        http = over_http(str(db), story_paths, search_paths)
        print(f"http: {http}", file=sys.stderr)
    meminfo = Path("/proc/meminfo").read_text().splitlines() if Path("/proc/meminfo").exists() else []
    mem_kb = next((int(line.split()[1]) for line in meminfo if line.startswith("MemTotal")), 0)
    result = {
        "target": "p95 under 100 ms for the story page and for search",
        "store": store_info,
        "in_process": in_process,
        "http_uvicorn_127.0.0.1": http,
        "meets_target": all(
            d[k]["p95_ms"] < 100 for d in (in_process, http) for k in ("story_page", "search")  # type: ignore[index]
        ),
        "machine": {
            "nproc": os.cpu_count(),
            "ram_gb": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "note": "2 cores shared with other jobs while measuring",
        },
        "requests_per_measure": args.requests,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
