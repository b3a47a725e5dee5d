"""Benchmark the cross-article refresh at 1k and 10k stored articles, step by step.

``newsprism bench`` times the refresh only at sizes it runs the per-article pipeline for
(1,000 by default): at 10,000 the pipeline takes 10-15 minutes on 2 cores. This script
analyses the 10,000-article corpus once into a store (``--store``, kept between runs;
the same corpus as ``newsprism bench``: the 1,683 FNC-1 bodies, then edited copies under
``fnc-ID~K``), then for each size copies the first N - 20 stored analyses into a fresh store
and times

- a full refresh (stories from scratch, dates, entities, claims, timeline, comparison), and
- an incremental one: the last 20 articles are added and ``refresh(new=...)`` runs, as one
  pass of ``newsprism watch`` or a small ``ingest`` into a big store does.

The ratio of the full refreshes (10k over 1k) is reported: 10x the articles should take
about 10x the time (the story-grouping target is <= 12x).

Usage: .venv/bin/python bench/bench_refresh.py [--data ../shared/data] [--store FILE] [--workers 2]
Writes bench/results/refresh.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.benchmark import build_corpus, fnc_bodies, machine_info, peak_rss_mb, timed_refresh
from newsprism.corpus import AnalyzeOptions, Corpus
from newsprism.ingest import IngestOptions
from newsprism.store import Store

LATE = 20  # articles added by the incremental refresh


def build_store(data: Path, path: Path, size: int, workers: int) -> list[str]:
    """Analyse the ``size``-article corpus into ``path`` (once); returns the ids in corpus order."""
    articles = build_corpus(fnc_bodies(data), size)
    ids = [a.id for a in articles]
    if path.exists():
        with Store(path, readonly=True) as st:
            if st.count() >= size - size // 20:  # exact duplicates among the copies are not stored
                return ids
    src = path.with_suffix(".jsonl")
    with src.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text}) + "\n")
    print(f"analysing {size} articles into {path} with {workers} workers (once)", flush=True)
    t = time.perf_counter()
    ingest = IngestOptions(max_bytes=max(IngestOptions().max_bytes, src.stat().st_size + 1))
    options = AnalyzeOptions(workers=workers, ingest=ingest)
    with Corpus(str(path)) as corpus:
        corpus.ingest([str(src)], options, refresh=False)
    print(f"  {time.perf_counter() - t:.0f} s", flush=True)
    return ids


def bench_size(source: Path, ids: list[str], size: int) -> dict[str, object]:
    with Store(source, readonly=True) as st:
        stored = set(st.article_ids())
        keep = [i for i in ids[:size] if i in stored]
        first, late = keep[:-LATE], keep[-LATE:]
        analyses = {a.id: a for a in st.analyses(keep)}
    with tempfile.TemporaryDirectory(prefix="newsprism-refresh-") as tmp, \
            Corpus(os.path.join(tmp, "r.db")) as corpus:
        for i in first:
            corpus.store.put(analyses[i])
        full = timed_refresh(corpus, None)
        stories = corpus.stories()
        for i in late:
            corpus.store.put(analyses[i])
        incremental = timed_refresh(corpus, late)
        return {
            "articles": len(keep),
            "full": {**full, "articles": len(first), "stories": len(stories),
                     "largest_story": max(len(s.articles) for s in stories),
                     "copies": sum(len(s.copies) for s in stories),
                     "claims": len(corpus.claims()), "entities": len(corpus.store.entities())},
            "incremental": {**incremental, "added": len(late)},
            "peak_rss_mb": peak_rss_mb(),
        }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "newsprism-bench-10000.db",
                    help="store holding the analysed 10,000-article corpus (built when missing)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    ids = build_store(args.data, args.store, 10000, args.workers)
    results: dict[str, object] = {
        "bench": "refresh",
        "machine": machine_info(),
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "corpus": "the 1,683 FNC-1 train bodies, then edited copies (fnc-ID~K: sentences rotated by K,"
                  " one dropped)",
        "sizes": {},
    }
    sizes: dict[str, dict[str, object]] = {}
    for n in (1000, 10000):
        print(f"{n} articles: full refresh, then {LATE} more articles", flush=True)
        sizes[str(n)] = bench_size(args.store, ids, n)
        print(json.dumps(sizes[str(n)], indent=2), flush=True)
    results["sizes"] = sizes
    full = {k: v["full"]["seconds"] for k, v in sizes.items()}  # type: ignore[index]
    results["full_ratio_10k_over_1k"] = round(full["10000"] / full["1000"], 2)
    out = ROOT / "bench" / "results" / "refresh.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}; full refresh 10k / 1k = {results['full_ratio_10k_over_1k']}x")


if __name__ == "__main__":
    main()
