"""ECB+ story grouping: B-cubed and pairwise F1 of stories against ``subtopic_cluster``.

All documents of the split are grouped together (topics are not given to the
grouper: it has to separate them itself). The documents have no dates or
outlets. The grouper runs on text alone (no spaCy parse: names come from the
capitalisation fallback), which is the fast path. A plain TF-IDF cosine +
average-link baseline, with its cut tuned on the same split, is scored in the
same run for reference.

The grouper's options were tuned on ``--split dev``; ``--split train`` (topics
the tuning never looked at) is the held-out check. ``--split all`` scores both.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataMissing
from ..model import Analysis, Article
from ..resolve.stories import StoryGrouper, StoryOptions

__all__ = ["bcubed", "detokenize", "evaluate", "load_documents", "pairwise"]


def detokenize(sentences: Sequence[str]) -> str:
    """Rebuild readable text from ECB+ space-joined tokens (one sentence per line)."""
    out = []
    for s in sentences:
        s = re.sub(r"(?<=\d) ([.:]) (?=\d)", r"\1", s)
        s = re.sub(r"(?<=\d) , (?=\d{3}(?!\d))", ",", s)  # 1 , 200 -> 1,200 but not 11 , 2011
        s = s.replace("`` ", '"').replace(" ''", '"')
        s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
        s = re.sub(r"([(\[$]) ", r"\1", s)
        s = re.sub(r" ('s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", s)
        out.append(s)
    return "\n".join(out)


def load_documents(data_dir: Path, split: str = "dev") -> list[tuple[str, str, str, int]]:
    """(doc id, text, gold story, topic) for every document of ``split``, sorted by id."""
    docs_path, clusters_path = data_dir / "ecbplus_docs.jsonl", data_dir / "doc_clusters.tsv"
    for path in (docs_path, clusters_path):
        if not path.exists():
            raise DataMissing(f"ECB+ file {path} is missing; point NEWSPRISM_DATA at the shared data folder")
    gold: dict[str, tuple[str, str, int]] = {}
    with clusters_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            gold[row["doc_id"]] = (row["subtopic_cluster"], row["split"], int(row["topic"]))
    out = []
    with docs_path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            g = gold.get(d["doc_id"])
            if g is None or (split != "all" and g[1] != split):
                continue
            out.append((d["doc_id"], detokenize(d["sentences"]), g[0], g[2]))
    if not out:
        raise DataMissing(f"no ECB+ documents in split {split!r}; splits are train, dev, all")
    return sorted(out)


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (one label per item)."""
    pc: dict[Hashable, set[int]] = defaultdict(set)
    gc: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        pc[p].add(i)
        gc[g].add(i)
    n = len(gold)
    prec = rec = 0.0
    for i in range(n):
        a, b = pc[pred[i]], gc[gold[i]]
        inter = len(a & b)
        prec += inter / len(a)
        rec += inter / len(b)
    prec, rec = prec / n, rec / n
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def pairwise(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1 (pairs of items put in the same cluster)."""

    def pairs(labels: Sequence[Hashable]) -> set[tuple[int, int]]:
        groups: dict[Hashable, list[int]] = defaultdict(list)
        for i, lab in enumerate(labels):
            groups[lab].append(i)
        return {(a, b) for g in groups.values() for i, a in enumerate(g) for b in g[i + 1 :]}

    pp, gp = pairs(pred), pairs(gold)
    tp = len(pp & gp)
    prec = tp / len(pp) if pp else 0.0
    rec = tp / len(gp) if gp else 0.0
    return {"precision": prec, "recall": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}


def _baseline(texts: Sequence[str], gold: Sequence[str]) -> dict[str, Any]:
    """Plain TF-IDF cosine + average-link, cut tuned with hindsight on these labels."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    sims = np.asarray((x @ x.T).todense())
    dist = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    z = linkage(squareform(dist, checks=False), method="average")
    best: dict[str, Any] = {}
    for cut in np.arange(0.05, 0.61, 0.025):
        labels = list(fcluster(z, t=1.0 - cut, criterion="distance"))
        b3 = bcubed(labels, gold)
        if not best or b3["f1"] > best["bcubed"]["f1"]:
            best = {"threshold": round(float(cut), 3), "bcubed": b3, "pairwise": pairwise(labels, gold)}
    return best


def evaluate(
    data_dir: Path,
    split: str = "dev",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    options: StoryOptions | None = None,
) -> dict[str, Any]:
    """Group all documents of ``split`` into stories and score them against the gold stories."""
    docs = load_documents(Path(data_dir), split)
    if limit is not None:
        # Whole topics, so the limited run still has both stories of each topic.
        topics = sorted({t for *_, t in docs})
        keep: set[int] = set()
        for t in topics:
            if len(keep) and sum(1 for d in docs if d[3] in keep) >= limit:
                break
            keep.add(t)
        docs = [d for d in docs if d[3] in keep]
    analyses = [Analysis(article=Article(id=doc_id, text=text)) for doc_id, text, _, _ in docs]
    gold = [g for _, _, g, _ in docs]
    opts = options or StoryOptions()
    # The reported partition is the one-shot one (all documents in one add); the same
    # documents added in batches of 50 are scored too, to show what idf drift costs.
    grouper = StoryGrouper(opts)
    start = time.perf_counter()
    grouper.add(analyses)
    stories = grouper.stories()
    elapsed = time.perf_counter() - start
    if progress is not None:
        progress(len(analyses) // 2, len(analyses))
    inc = StoryGrouper(opts)
    for i in range(0, len(analyses), 50):
        inc.add(analyses[i : i + 50])
    if progress is not None:
        progress(len(analyses), len(analyses))
    label = {a: s.id for s in stories for a in s.articles}
    pred = [label[a.id] for a in analyses]
    inc_label = {a: n for n, part in enumerate(inc.partition()) for a in part}
    inc_pred = [inc_label[a.id] for a in analyses]
    return {
        "split": split,
        "documents": len(docs),
        "topics": len({t for *_, t in docs}),
        "gold_stories": len(set(gold)),
        "stories": len(stories),
        "bcubed": bcubed(pred, gold),
        "pairwise": pairwise(pred, gold),
        "incremental_bcubed": bcubed(inc_pred, gold),
        "baseline_tfidf": _baseline([t for _, t, _, _ in docs], gold),
        "seconds": round(elapsed, 3),
        "articles_per_second": round(len(docs) / elapsed, 1) if elapsed else None,
        "parse": "none (text-only fast path: names from capitalisation)",
        "anchors": {
            "target": "B3 F1 >= 0.95 on dev (newsprism issue 7); train is held out (never tuned on)",
            "tfidf_hindsight": "a TF-IDF baseline tuned with hindsight reaches about 0.87 (issue 7)",
        },
    }
