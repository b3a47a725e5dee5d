"""Benchmark entity resolution: time ``resolve_entities`` at 1k and 10k articles.

Articles are the 1,683 FNC-1 bodies, run once through parse + mentions (that time is
reported too, per 1k articles). The 1k set is the first 1,000 bodies; the 10k set reuses
the 1,683 bodies again and again under suffixed ids ("fnc-12#3") until it holds 10,000,
so repeated names are exactly as frequent as in a corpus that keeps reporting the same
actors. Only resolve_entities is timed for the two sizes (target: 10x the articles in
well under 12x the time, i.e. near-linear thanks to blocking).

Usage: .venv/bin/python bench/bench_entities.py [--data ../shared/data] [--cache FILE]
Writes bench/results/entities.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.model import Analysis, Article, from_dict, to_dict
from newsprism.pipeline import Pipeline
from newsprism.resolve.entities import resolve_entities


def load_bodies(data: Path) -> list[Article]:
    out: list[Article] = []
    with (data / "fnc-1" / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(Article(id=f"fnc-{row['Body ID']}", text=row["articleBody"]))
    return out


def analyse(arts: list[Article], cache: Path | None) -> tuple[list[Analysis], float | None]:
    """Parse + mentions once (or read them from ``cache``); returns analyses and seconds taken."""
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return [from_dict(d) for d in data], None
    pipe = Pipeline.from_names(["parse", "mentions"])
    t0 = time.perf_counter()
    analyses = list(pipe.run(arts, batch_size=64))
    took = time.perf_counter() - t0
    if cache is not None:
        cache.write_text(json.dumps([to_dict(a) for a in analyses]), encoding="utf-8")
    return analyses, took


def grow(analyses: list[Analysis], n: int) -> list[Analysis]:
    """``n`` analyses, reusing the base ones under suffixed ids."""
    out: list[Analysis] = []
    rnd = 0
    while len(out) < n:
        for a in analyses:
            if len(out) >= n:
                break
            if rnd == 0:
                out.append(a)
            else:
                art = Article(id=f"{a.id}#{rnd}", text=a.text)
                out.append(Analysis(article=art, mentions=a.mentions))
        rnd += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--cache", type=Path, default=None, help="JSON file to keep parse+mentions output in")
    args = ap.parse_args()
    arts = load_bodies(args.data)
    analyses, parse_s = analyse(arts, args.cache)
    n_mentions = sum(len(a.mentions) for a in analyses)
    results: dict[str, object] = {
        "bench": "entities",
        "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
        "base_articles": len(analyses),
        "base_mentions": n_mentions,
        "note": "10k set reuses the 1,683 FNC-1 bodies under suffixed ids; only resolve_entities is timed",
    }
    if parse_s is not None:
        words = sum(len(a.text.split()) for a in analyses)
        results["parse_mentions"] = {
            "seconds": round(parse_s, 1),
            "seconds_per_1k_articles": round(parse_s * 1000 / len(analyses), 1),
            "words_per_second": round(words / parse_s),
        }
    sizes = {}
    for n in (1000, 10000):
        batch = grow(analyses, n)
        t0 = time.perf_counter()
        ents = resolve_entities(batch)
        took = time.perf_counter() - t0
        sizes[str(n)] = {
            "articles": n,
            "mentions": sum(len(a.mentions) for a in batch),
            "entities": len(ents),
            "seconds": round(took, 2),
            "articles_per_second": round(n / took, 1),
        }
        print(f"{n} articles: {took:.2f} s, {len(ents)} entities", flush=True)
    results["resolve"] = sizes
    results["ratio_10k_over_1k"] = round(sizes["10000"]["seconds"] / sizes["1000"]["seconds"], 2)
    out = ROOT / "bench" / "results" / "entities.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
