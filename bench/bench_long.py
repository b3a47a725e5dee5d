"""Benchmark one long article: does each stage's time grow with the text's length, or faster?

A pasted page or a bad export can arrive as one article of hundreds of thousands of characters on
one line (the ingest limit is 1,000,000). The article here is FNC-1 bodies ``0..n-1`` joined on one
line, at ``n`` and ``2n`` bodies; per stage, the CPU seconds of each and their ratio. A stage whose
work is linear in the text shows a ratio near 2; one near 4 reads every name or quote against every
other. The same bodies as ``n`` separate articles are timed too, the baseline for the one-liner.

Usage: .venv/bin/python bench/bench_long.py [--n 40] [--data ../shared/data]
Writes bench/results/long.json.
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

from newsprism.model import Analysis, Article
from newsprism.pipeline import create_stage

STAGES = ("parse", "mentions", "quotes", "times", "claims")


def bodies(data: Path, n: int) -> list[str]:
    path = data / "fnc-1" / "train_bodies.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r["articleBody"] for _, r in zip(range(n), csv.DictReader(f))]
    if len(rows) < n:
        raise SystemExit(f"bench_long: {path} holds {len(rows)} bodies, fewer than {n}")
    return rows


def run(texts: list[str], stages: list[tuple[str, object]]) -> dict[str, float]:
    """CPU seconds per stage over ``texts``, each an article (CPU, not wall time: the machine is shared)."""
    spent = dict.fromkeys(STAGES, 0.0)
    for k, text in enumerate(texts):
        item = Analysis(article=Article(id=f"long-{k}", text=text))
        for name, stage in stages:
            t0 = time.process_time()
            item = stage(item)  # type: ignore[operator]
            spent[name] += time.process_time() - t0
    return {name: round(s, 2) for name, s in spent.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=40, help="bodies in the short article (2n in the long one)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "long.json")
    args = ap.parse_args()

    texts = bodies(args.data, 2 * args.n)
    one_line = [" ".join(t.split()) for t in texts]
    stages = [(name, create_stage(name)) for name in STAGES]
    run(one_line[:2], stages)  # loads the models outside the timings
    short = " ".join(one_line[: args.n])
    long = " ".join(one_line)
    separate = run(texts[: args.n], stages)
    at_n = run([short], stages)
    at_2n = run([long], stages)
    result = {
        "bench": "one long article",
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}, "
                   f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC",
        "characters": {"n": len(short), "2n": len(long)},
        "cpu_seconds": {"separate_n": separate, "one_line_n": at_n, "one_line_2n": at_2n},
        "ratio_2n_over_n": {s: round(at_2n[s] / at_n[s], 2) if at_n[s] else None for s in STAGES},
        "ratio_one_line_over_separate": {s: round(at_n[s] / separate[s], 2) if separate[s] else None
                                         for s in STAGES},
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
