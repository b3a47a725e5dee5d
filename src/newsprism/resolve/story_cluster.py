"""Two-level clustering of one block of articles into stories.

Articles about the same *kind* of event (two earthquakes, two arrests of one
player) share most of their vocabulary, so one similarity cut cannot both keep
a story's loosely written pieces together and keep two such events apart. The
block is therefore clustered twice:

1. **Topics**: average link cut at a low similarity (``topic_cut``) gathers
   everything on one subject, short and loosely worded pieces included.
2. **Stories**: each topic is split by recursive bisection. A split is kept
   only when it is *relative*-ly clear: every article ends up on the side it is
   on average most similar to, and the mean similarity across the two sides is
   below ``split_ratio`` times the mean similarity within them. Sides smaller
   than ``min_part`` are not split off (a stray short piece stays with its
   topic). Topics too small for that statistic (fewer than ``small_story``
   articles) are cut by plain average link at the story cut ``story_cut``.

All functions take a dense, symmetric similarity matrix and return lists of
row indices; the result depends only on the matrix (ties broken by index), so
the same block always gives the same stories.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

__all__ = ["SplitRule", "average_link", "bisect", "cluster_block"]


@dataclass(frozen=True)
class SplitRule:
    """Cuts and guards of the two-level clustering (see the module docstring)."""

    topic_cut: float = 0.15
    story_cut: float = 0.2
    split_ratio: float = 0.7
    min_part: int = 3
    small_story: int = 4


def _linkage(sims: np.ndarray) -> np.ndarray:
    dist = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(dist, 0.0)
    dist = np.maximum(dist, dist.T)  # exact symmetry, whatever rounding did
    return linkage(squareform(dist, checks=False), method="average")


def average_link(sims: np.ndarray, cut: float, idx: list[int] | None = None) -> list[list[int]]:
    """Average-link clusters of ``idx`` (default: all rows) whose mean similarity is at least ``cut``."""
    idx = list(range(len(sims))) if idx is None else idx
    if len(idx) < 2:
        return [idx]
    labels = fcluster(_linkage(sims[np.ix_(idx, idx)]), t=1.0 - cut, criterion="distance")
    out: dict[int, list[int]] = {}
    for i, lab in zip(idx, labels):
        out.setdefault(int(lab), []).append(i)
    return sorted(out.values())


def _mean_off_diagonal(sub: np.ndarray) -> float:
    k = len(sub)
    return float((sub.sum() - np.trace(sub)) / (k * (k - 1))) if k > 1 else float("nan")


def bisect(sub: np.ndarray, iterations: int = 20) -> np.ndarray:
    """Two-way split of ``sub``: the top average-link split, then refined by reassignment.

    Each article moves to the side it is on average most similar to (a kernel
    k-means step on the similarity matrix) until nothing moves. All labels come
    back 0 when no stable two-way split exists.
    """
    n = len(sub)
    if n < 2:
        return np.zeros(n, dtype=np.int64)
    lab = fcluster(_linkage(sub), 2, criterion="maxclust").astype(np.int64) - 1
    if lab.min() == lab.max():
        return np.zeros(n, dtype=np.int64)
    diag = np.diag(sub)
    for _ in range(iterations):
        means = np.full((n, 2), -np.inf)
        for side in (0, 1):
            mask = lab == side
            total = sub[:, mask].sum(axis=1) - np.where(mask, diag, 0.0)
            count = mask.sum() - mask.astype(np.int64)
            means[:, side] = np.where(count > 0, total / np.maximum(count, 1), -np.inf)
        new = np.argmax(means, axis=1).astype(np.int64)
        if (new == lab).all():
            break
        lab = new
        if lab.min() == lab.max():
            return np.zeros(n, dtype=np.int64)
    return lab


def _split_ratio(sub: np.ndarray, lab: np.ndarray) -> float:
    """Mean similarity across the two sides over the mean similarity within them."""
    a, b = lab == 0, lab == 1
    within = [_mean_off_diagonal(sub[np.ix_(m, m)]) for m in (a, b)]
    within = [w for w in within if not np.isnan(w)]
    if not within:
        return 1.0
    return float(sub[np.ix_(a, b)].mean()) / max(float(np.mean(within)), 1e-9)


def _split(sims: np.ndarray, idx: list[int], rule: SplitRule) -> list[list[int]]:
    if len(idx) < rule.small_story:
        return average_link(sims, rule.story_cut, idx)
    if len(idx) < 2 * rule.min_part:
        return [idx]
    sub = sims[np.ix_(idx, idx)]
    lab = bisect(sub)
    sizes = int((lab == 0).sum()), int((lab == 1).sum())
    if min(sizes) < rule.min_part or _split_ratio(sub, lab) >= rule.split_ratio:
        return [idx]
    left = [i for i, v in zip(idx, lab) if v == 0]
    right = [i for i, v in zip(idx, lab) if v == 1]
    return _split(sims, left, rule) + _split(sims, right, rule)


def cluster_block(sims: np.ndarray, rule: SplitRule) -> list[list[int]]:
    """Stories of one block: topics by a low average-link cut, each split by clear bisections."""
    out: list[list[int]] = []
    for topic in average_link(sims, rule.topic_cut):
        out.extend(_split(sims, topic, rule))
    return sorted(sorted(s) for s in out)
