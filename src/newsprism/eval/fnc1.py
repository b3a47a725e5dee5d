"""FNC-1 stance evaluation on the fixed held-out 20% of training bodies (never used in training).

Metrics: the FNC score (0.25 for related-vs-unrelated right, +0.75 for the right
agree/disagree/discuss) as % of the maximum, per-class P/R/F1, macro-F1, the confusion matrix,
and the reliability of the confidence ``newsprism check`` shows for a related stance
(expected calibration error over 10 bins, with the bins).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..stance.model import FNC_LABELS, StanceModel, classify, confidence
from ..stance.split import load_fnc, split_bodies

__all__ = ["ANCHORS", "evaluate", "fnc_report", "fnc_score", "reliability"]

ANCHORS = {
    "fnc1_baseline": {"fnc_score": 79.5, "source": "FNC-1 organisers' gradient-boosting baseline"},
    "third_place": {"fnc_score": 81.72, "source": "UCL Machine Reading (Riedel et al. 2017), FNC-1 test set"},
    "best_published": {"fnc_score": 90.73, "source": "Sepúlveda-Torres et al. 2021, FNC-1 test set"},
    "note": "anchors are on the official FNC-1 test set; our number is on held-out training bodies",
}

RELATED = frozenset({"agree", "disagree", "discuss"})


def fnc_score(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float]:
    """(score, maximum) with the official FNC-1 weighting."""
    score = 0.0
    best = 0.0
    for g, p in zip(gold, pred):
        best += 1.0 if g in RELATED else 0.25
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g in RELATED and p in RELATED:
            score += 0.25
    return score, best


def fnc_report(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """FNC score (% of max), per-class P/R/F1, macro-F1, accuracy and confusion matrix."""
    score, best = fnc_score(gold, pred)
    per: dict[str, dict[str, float]] = {}
    confusion = {g: {p: 0 for p in FNC_LABELS} for g in FNC_LABELS}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    for c in FNC_LABELS:
        tp = confusion[c][c]
        fp = sum(confusion[g][c] for g in FNC_LABELS) - tp
        fn = sum(confusion[c].values()) - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                  "support": sum(confusion[c].values())}
    n = len(gold)
    return {
        "pairs": n,
        "fnc_score": round(100.0 * score / best, 2) if best else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per.values()) / len(per), 4),
        "accuracy": round(sum(confusion[c][c] for c in FNC_LABELS) / n, 4) if n else 0.0,
        "per_class": per,
        "confusion": confusion,
    }


def reliability(conf: Sequence[float], right: Sequence[bool], bins: int = 10) -> dict[str, Any]:
    """Expected calibration error of confidences against correctness, and the filled bins."""
    c = np.asarray(conf, dtype=np.float64)
    ok = np.asarray(right, dtype=np.float64)
    table = []
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        m = (c > lo) & (c <= hi) if b else (c >= lo) & (c <= hi)
        if m.any():
            ece += float(m.sum()) / len(c) * abs(float(c[m].mean()) - float(ok[m].mean()))
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "pairs": int(m.sum()),
                          "confidence": round(float(c[m].mean()), 4),
                          "accuracy": round(float(ok[m].mean()), 4)})
    return {"pairs": len(c), "ece": round(ece, 4), "bins": table}


def evaluate(
    data_dir: Path,
    split: str = "heldout",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score the shipped stance model on one part of the fixed split ("heldout" by default)."""
    data = load_fnc(Path(data_dir))
    parts = split_bodies(data.bodies)
    if split not in parts:
        split = "heldout"
    ids = parts[split]
    pairs = [p for p in data.pairs if p[1] in ids]
    if limit is not None:
        pairs = pairs[:limit]
    t0 = time.perf_counter()
    model = StanceModel.load()
    by_body: dict[int, list[int]] = {}
    for i, (_, b, _) in enumerate(pairs):
        by_body.setdefault(b, []).append(i)
    pred: list[str] = [""] * len(pairs)
    conf: list[float] = [0.0] * len(pairs)
    heads: dict[str, Any] = {}
    done = 0
    for b, idx in by_body.items():
        body = model.body(data.bodies[b])
        hs = [heads.setdefault(pairs[i][0], model.head(pairs[i][0])) for i in idx]
        probs, _ = model.score(hs, body)
        labels = classify(probs)
        for row, k, c in zip(idx, labels, confidence(probs, labels)):
            pred[row] = FNC_LABELS[int(k)]
            conf[row] = float(c)
        done += len(idx)
        if progress is not None:
            progress(done, len(pairs))
    elapsed = time.perf_counter() - t0
    gold = [p[2] for p in pairs]
    report = fnc_report(gold, pred)
    related = [i for i, p in enumerate(pred) if p in RELATED]
    report["confidence"] = reliability([conf[i] for i in related], [gold[i] == pred[i] for i in related])
    report.update(
        split=split,
        bodies=len(by_body),
        seconds=round(elapsed, 2),
        pairs_per_second=round(len(pairs) / elapsed, 1) if elapsed else None,
        anchors=ANCHORS,
    )
    return report
