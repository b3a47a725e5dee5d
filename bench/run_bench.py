"""Whole-pipeline benchmark: throughput, per-stage times, memory and overhead over bare spaCy.

Usage: .venv/bin/python bench/run_bench.py [--sizes 1000 10000] [--full] [--quick] [--workers 2]
       [--data ../shared/data]
Writes bench/results/pipeline-SIZE.json and bench/results/summary.md (see newsprism.benchmark).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.benchmark import run_bench


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (articles)")
    ap.add_argument(
        "--full", action="store_true", help="run the per-article pipeline at every size (10k: ~1 h)"
    )
    ap.add_argument(
        "--quick", action="store_true", help="a smoke run: 100 and 1000 articles, pipeline at 100 only"
    )
    ap.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared" / "data", help="folder holding fnc-1/"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument(
        "--workers", type=int, default=None, help="processes for the parallel runs (default min(2, cores))"
    )
    args = ap.parse_args()
    sizes = [100, 1000] if args.quick else args.sizes
    pipeline_max = max(sizes) if args.full else (100 if args.quick else 1000)
    res = run_bench(
        sizes,
        args.data,
        args.out,
        pipeline_max=pipeline_max,
        workers=args.workers,
        progress=lambda m: print(m, file=sys.stderr, flush=True),
    )
    print(json.dumps({k: v for k, v in res.items() if k != "sizes"}, indent=2))
    print((args.out / "summary.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()  # the guard matters: the worker processes are spawned and import this file again
