"""Benchmark story grouping: time at N and 10×N articles (target: 10× the articles in ≤ 12× the time).

Articles are the 1,683 FNC-1 bodies plus the 772 ECB+ documents. The 10× set
holds every base article once as is and nine more times with light random edits
(about one word in 100 dropped, duplicated or swapped for a filler word, and in
a third of the copies one random sentence dropped) under new ids, so it has the shape of a wire feed:
many near-duplicates, each a copy to fold. The N set is a random sample of
the 10× set (same mix), so both runs see the same kind of data.

Two timings per size: one-shot (all articles in one ``add``: the scaling target)
and incremental (``add`` in batches of ``--batch``: each batch re-clusters the
stories it touches, so with ever-growing stories this costs more).

Usage: .venv/bin/python bench/bench_stories.py [--n 1000] [--data ../shared/data]
Writes bench/results/stories.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsprism.eval.ecbplus_stories import detokenize
from newsprism.model import Analysis, Article
from newsprism.resolve.stories import StoryGrouper

FILLERS = ["also", "reportedly", "meanwhile", "however", "the", "officials"]


def base_articles(data: Path) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    with (data / "fnc-1" / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append((f"fnc-{row['Body ID']}", row["articleBody"]))
    with (data / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out.append((f"ecb-{d['doc_id']}", detokenize(d["sentences"])))
    return out


def light_edit(text: str, rng: random.Random) -> str:
    """Touch about one word in 100 and sometimes drop a sentence, as a wire copy is edited."""
    sents = text.split(". ")
    if len(sents) > 3 and rng.random() < 0.33:
        del sents[rng.randrange(len(sents))]
    toks = ". ".join(sents).split(" ")
    out = []
    for t in toks:
        r = rng.random()
        if r < 0.003:
            continue
        if r < 0.006:
            out.extend([t, t])
        elif r < 0.01:
            out.append(rng.choice(FILLERS))
        else:
            out.append(t)
    return " ".join(out)


def corpus(base: list[tuple[str, str]], copies: int, seed: int = 7) -> list[Analysis]:
    rng = random.Random(seed)
    arts = [Article(id=i, text=t) for i, t in base]
    for k in range(1, copies):
        arts.extend(Article(id=f"{i}~{k}", text=light_edit(t, rng)) for i, t in base)
    return [Analysis(article=a) for a in arts]


def time_grouping(items: list[Analysis], batch: int) -> tuple[float, StoryGrouper]:
    """CPU seconds to group ``items`` (CPU, not wall time: the machine is shared)."""
    grouper = StoryGrouper()
    start = time.process_time()
    for i in range(0, len(items), batch):
        grouper.add(items[i : i + batch])
    grouper.stories()
    return time.process_time() - start, grouper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--n", type=int, default=1000, help="articles in the small run (10× in the large)")
    ap.add_argument("--batch", type=int, default=500, help="articles per add() call (incremental batches)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "stories.json")
    args = ap.parse_args()

    base = base_articles(args.data)
    big_n = 10 * args.n
    copies = -(-big_n // len(base))
    pool = corpus(base, copies)
    rng = random.Random(11)
    big = rng.sample(pool, big_n)
    small = rng.sample(big, args.n)

    t_small, g_small = time_grouping(small, len(small))
    t_big, g_big = time_grouping(big, len(big))
    ti_small, gi_small = time_grouping(small, args.batch)
    ti_big, gi_big = time_grouping(big, args.batch)
    state_bytes = len(g_big.to_json().encode("utf-8"))
    result = {
        "n_small": len(small),
        "n_large": len(big),
        "one_shot": {
            "seconds_small": round(t_small, 2),
            "seconds_large": round(t_big, 2),
            "time_ratio": round(t_big / t_small, 2),
            "articles_per_second_small": round(len(small) / t_small, 1),
            "articles_per_second_large": round(len(big) / t_big, 1),
            "seconds_per_1k_articles_large": round(1000 * t_big / len(big), 2),
        },
        "incremental": {
            "batch": args.batch,
            "seconds_small": round(ti_small, 2),
            "seconds_large": round(ti_big, 2),
            "time_ratio": round(ti_big / ti_small, 2),
            "same_partition_as_one_shot": gi_small.partition() == g_small.partition()
            and gi_big.partition() == g_big.partition(),
        },
        "target_ratio": 12.0,
        "stories_small": len(g_small.stories()),
        "stories_large": len(g_big.stories()),
        "copies_large": sum(len(s.copies) for s in g_big.stories()),
        "state_bytes_per_article": round(state_bytes / len(big)),
        "corpus": "FNC-1 train bodies + ECB+ docs; copies with light random edits (see docstring)",
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}, "
        "2 cores shared with other jobs; times are CPU seconds of this process",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
