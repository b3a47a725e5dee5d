"""Benchmark ``check_claims``: 1,000 FNC-1 headlines x 1,000 FNC-1 bodies on this machine.

    .venv/bin/python bench/bench_check.py [--data ../shared/data/fnc-1] [--claims 1000] [--articles 1000]

Writes bench/results/check.json: wall time, pairs scored by the stance model, and the
retrieval recall (share of gold related pairs inside the sample that come back related).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.check import check_claims
from newsprism.stance.model import StanceModel
from newsprism.stance.split import SEED, load_fnc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "fnc-1")
    ap.add_argument("--claims", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--top-k", type=int, default=50)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "check.json")
    args = ap.parse_args()
    data = load_fnc(args.data)
    rng = np.random.default_rng(SEED)
    body_ids = sorted(data.bodies)
    chosen = sorted(int(b) for b in rng.choice(body_ids, size=min(args.articles, len(body_ids)),
                                               replace=False))
    chosen_set = set(chosen)
    # Prefer headlines that have a related body in the sample, so recall is measurable.
    related = sorted({h for h, b, s in data.pairs if b in chosen_set and s != "unrelated"})
    others = sorted({h for h, _, _ in data.pairs} - set(related))
    pool = related + [others[i] for i in rng.permutation(len(others))]
    claims = pool[: args.claims]
    articles = [(str(b), data.bodies[b]) for b in chosen]
    t_load = time.perf_counter()
    model = StanceModel.load()
    load_s = time.perf_counter() - t_load
    t0 = time.perf_counter()
    out = check_claims(claims, articles, top_k=args.top_k, model=model)
    elapsed = time.perf_counter() - t0
    found = {(c["claim"], a["article"]) for c in out["checks"] for a in c["articles"]}
    claim_set = set(claims)
    gold = {(h, str(b)) for h, b, s in data.pairs if b in chosen_set and h in claim_set and s != "unrelated"}
    result = {
        "claims": len(claims),
        "articles": len(articles),
        "top_k": args.top_k,
        "seconds": round(elapsed, 2),
        "model_load_seconds": round(load_s, 2),
        "related_found": len(found),
        "gold_related_pairs": len(gold),
        "gold_related_recall": round(len(gold & found) / len(gold), 4) if gold else None,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
