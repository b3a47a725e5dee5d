"""Story grouping: which articles report the same story, with wire copies folded.

How it works (all steps work on candidate blocks, never on all pairs):

1. Each article becomes a :class:`~newsprism.resolve.story_index.Signature`: sparse
   counts of content words, names (NER mentions, else spaCy entities, and
   capitalisation), numbers and dates, plus a MinHash of its word 5-shingles.
2. A new article queries the inverted index with its rarest terms; articles that
   share at least ``min_shared`` of them are candidates (at most ``max_candidates``).
3. Candidate pairs are scored with a TF-IDF cosine whose idf comes from the live
   document frequencies (namespaces weighted: names and dates count more than
   words). Pairs anchored to different years, or published far apart, are damped.
4. Articles linked by pairs scoring at least ``topic_threshold`` form blocks; each
   block is clustered in two levels (:mod:`~newsprism.resolve.story_cluster`):
   average link cut at ``topic_threshold`` gathers a topic, then clear bisections
   split it into stories (two earthquakes share a topic's words; their places,
   names, numbers and dates pull the split apart). Average link can only merge
   clusters that have some pair above the cut, so clustering the blocks
   separately gives the same partition as clustering everything at once — which
   is what makes incremental adds cheap: only the blocks that new articles touch
   are clustered again.
5. Within a story, pairs whose estimated shingle Jaccard is at least
   ``copy_jaccard`` (0.8: same text with light edits) are near-duplicates; each is
   reported as (copy, original) where the original is the earliest-published
   (then smallest id) article of its duplicate group.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..errors import NewsprismError
from ..model import Analysis, Story
from .story_cluster import SplitRule, cluster_block
from .story_index import Signature, TermIndex, signature

__all__ = ["StoryGrouper", "StoryOptions", "group_stories"]

STAGE = "stories.v2"
STATE_VERSION = 2


@dataclass(frozen=True)
class StoryOptions:
    """Knobs of story grouping (tuned on ECB+ dev; ECB+ train is kept as the held-out check)."""

    threshold: float = 0.2  # average-link cut of a story too small to split by bisection
    topic_threshold: float = 0.15  # average-link cut that gathers a topic (and links blocks)
    split_ratio: float = 0.7  # a topic splits when across-sides similarity < this x within-sides
    min_part: int = 3  # a bisection side smaller than this is not split off
    small_story: int = 4  # topics of fewer distinct reports are cut at ``threshold`` instead
    word_weight: float = 1.0
    name_weight: float = 3.0
    number_weight: float = 1.0
    date_weight: float = 1.0
    year_conflict: float = 0.7  # similarity factor when two articles are anchored to different years
    date_window_days: int = 30  # published dates further apart than this damp similarity...
    date_conflict: float = 0.5  # ...by this factor
    copy_jaccard: float = 0.8  # estimated word-5-shingle Jaccard for a near-duplicate
    query_terms: int = 40  # rarest terms of a new article used to query the index
    min_shared: int = 2  # shared query terms to become a candidate
    max_candidates: int = 20
    max_postings: int = 500  # terms in more articles than this are not used to find candidates

    @property
    def split_rule(self) -> SplitRule:
        return SplitRule(
            topic_cut=self.topic_threshold,
            story_cut=self.threshold,
            split_ratio=self.split_ratio,
            min_part=self.min_part,
            small_story=self.small_story,
        )

    def namespace_weight(self, term: str) -> float:
        ns = term.split(":", 1)[0]
        if ns == "w":
            return self.word_weight
        if ns == "e":
            return self.name_weight
        if ns == "n":
            return self.number_weight
        return self.date_weight


@dataclass
class _Doc:
    sig: Signature
    tids: np.ndarray  # term ids (ascending), aligned with tfs
    tfs: np.ndarray  # sublinear term frequencies


@dataclass
class StoryGrouper:
    """Incremental story grouping over an inverted index of article signatures."""

    options: StoryOptions = field(default_factory=StoryOptions)

    def __post_init__(self) -> None:
        self._docs: list[_Doc] = []
        self._pos: dict[str, int] = {}
        self._index = TermIndex()
        self._edges: dict[int, set[int]] = {}  # candidate pairs ever found (both directions)
        self._label: list[int] = []  # story label per doc (a representative doc position)
        self._stories: dict[int, set[int]] = {}  # label -> member positions

    # ------------------------------------------------------------------ adding

    def add(self, analyses: Sequence[Analysis]) -> None:
        """Add articles: each joins an existing story or starts a new one.

        Re-adding an article id already present is a no-op (so re-runs are safe).
        """
        new: list[int] = []
        for a in analyses:
            if not isinstance(a, Analysis):
                raise NewsprismError(f"story grouping needs Analysis values, got {type(a).__name__}")
            if a.id in self._pos:
                continue
            self._add_signature(signature(a))
            new.append(len(self._docs) - 1)
        if new:
            self._link(new)

    def _add_signature(self, sig: Signature) -> None:
        pos = len(self._docs)
        tids = np.array(self._index.add(pos, sig.terms), dtype=np.int64)
        tfs = 1.0 + np.log(np.fromiter(sig.terms.values(), dtype=np.float64, count=len(sig.terms)))
        order = np.argsort(tids)  # rows of a CSR matrix are then built in column order
        self._docs.append(_Doc(sig, tids[order], tfs[order]))
        self._pos[sig.id] = pos
        self._label.append(pos)
        self._stories[pos] = {pos}
        self._edges[pos] = set()

    def _candidates(self, pos: int, df: np.ndarray, idf: np.ndarray, weights: np.ndarray) -> list[int]:
        """Articles sharing ``pos``'s rarest terms, ranked by the weight they share.

        The walk reads at most ``query_terms`` postings lists of at most
        ``max_postings`` entries each (``df`` holds their lengths), so its cost does
        not grow with the corpus. Each found article's weight is summed in query
        order (``bincount`` adds in input order), as a walk term by term would.
        """
        doc = self._docs[pos]
        o = self.options
        lens = df[doc.tids]
        usable = (lens > 1) & (lens <= o.max_postings)
        if not usable.any():
            return []
        tids = doc.tids[usable]
        # Query with the rarest terms (plain idf), rank what they find by the weight shared.
        order = np.lexsort((tids, -(idf[tids] * doc.tfs[usable])))[: o.query_terms]
        query = tids[order]
        counts = lens[usable][order]
        found = np.concatenate([self._index.postings_array(t) for t in query.tolist()])
        shared = np.repeat((weights[tids] * doc.tfs[usable])[order], counts)
        other = found != pos
        found = found[other]
        # Each postings list is ascending, so a stable sort only merges up to ``query_terms`` runs.
        perm = np.argsort(found, kind="stable")
        run = found[perm]
        starts = np.empty(len(run), dtype=bool)
        starts[:1] = True
        np.not_equal(run[1:], run[:-1], out=starts[1:])
        inv = np.empty(len(run), dtype=np.intp)
        inv[perm] = np.cumsum(starts) - 1
        ids = run[starts]
        hits = np.bincount(inv, minlength=len(ids))
        score = np.bincount(inv, weights=shared[other], minlength=len(ids))
        keep = hits >= o.min_shared
        ids, score = ids[keep], score[keep]
        return ids[np.lexsort((ids, -score))[: o.max_candidates]].tolist()

    def _link(self, new: list[int]) -> None:
        df = self._index.df_array()
        idf = self._index.idf_array(df)
        weights = self._weights(idf)
        for pos in new:
            for other in self._candidates(pos, df, idf, weights):
                self._edges[pos].add(other)
                self._edges[other].add(pos)
        # The region to cluster again: the new articles, the stories they touch, and
        # everything reachable from them over strong links (whole blocks, so the result
        # equals clustering all articles at once).
        region: set[int] = set()
        frontier: set[int] = set(new)
        strong: set[tuple[int, int]] = set()
        while frontier:
            for p in list(frontier):
                frontier.update(self._stories[self._label[p]])
            done = region
            region = region | frontier
            # Each pair is scored once: links back into earlier waves were scored with them.
            pairs = [
                (p, q) for p in frontier for q in self._edges[p]
                if q not in done and (q not in frontier or q > p)
            ]
            frontier = set()
            if pairs:
                for (p, q), v in zip(pairs, self._pair_sims(pairs, weights)):
                    if v >= self.options.topic_threshold:
                        strong.add((p, q))
                        if q not in region:
                            frontier.add(q)
        self._recluster(region, strong, weights)

    def _pair_sims(self, pairs: Sequence[tuple[int, int]], weights: np.ndarray) -> np.ndarray:
        """Undamped cosine of each pair (an upper bound of the damped one)."""
        nodes = sorted({p for pair in pairs for p in pair})
        local = {p: i for i, p in enumerate(nodes)}
        x = self._matrix(nodes, weights)
        a = np.fromiter((local[p] for p, _ in pairs), dtype=np.int64, count=len(pairs))
        b = np.fromiter((local[q] for _, q in pairs), dtype=np.int64, count=len(pairs))
        return np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel()

    # ------------------------------------------------------------------ scoring

    def _weights(self, idf: np.ndarray) -> np.ndarray:
        ns = np.fromiter(
            (self.options.namespace_weight(t) for t in self._index.vocab), dtype=np.float64, count=len(idf)
        )
        return idf * ns

    def _matrix(self, members: Sequence[int], weights: np.ndarray) -> sp.csr_matrix:
        if not members:
            return sp.csr_matrix((0, len(weights)))
        docs = [self._docs[p] for p in members]
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(np.fromiter((len(d.tids) for d in docs), dtype=np.int64, count=len(docs)), out=indptr[1:])
        cols = np.concatenate([d.tids for d in docs])
        x = sp.csr_matrix(
            (np.concatenate([d.tfs for d in docs]) * weights[cols], cols, indptr),
            shape=(len(members), len(weights)),
        )
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms) @ x)

    def _damp(self, members: Sequence[int], sims: np.ndarray) -> np.ndarray:
        """Damp similarities of articles anchored to different years or published far apart."""
        o = self.options
        sigs = [self._docs[p].sig for p in members]
        day = np.array([s.published.toordinal() if s.published else -1 for s in sigs], dtype=np.int64)
        pub_year = np.array([s.published.year if s.published else -1 for s in sigs], dtype=np.int64)
        latest = np.array([max(s.years) if s.years else -1 for s in sigs], dtype=np.int64)
        dated = day >= 0
        both = dated[:, None] & dated[None, :]
        far = both & (np.abs(day[:, None] - day[None, :]) > o.date_window_days)
        # Year conflicts, when at least one is undated: the latest year an article writes is a lower
        # bound of its date: an undated article writing a year after the other's publication is
        # later; two undated articles whose latest years differ are taken as different years.
        has = latest >= 0
        later = (dated[:, None] & has[None, :] & ~dated[None, :]) & (latest[None, :] > pub_year[:, None])
        undated = ~dated & has
        differ = undated[:, None] & undated[None, :] & (latest[:, None] != latest[None, :])
        year = (later | later.T | differ) & ~both
        factor = np.where(far, o.date_conflict, 1.0) * np.where(year, o.year_conflict, 1.0)
        return sims * factor

    def _block_sims(self, members: list[int], weights: np.ndarray) -> np.ndarray:
        x = self._matrix(members, weights)
        sims = np.asarray((x @ x.T).todense())
        return self._damp(members, sims)

    # ------------------------------------------------------------------ clustering

    def _recluster(self, region: set[int], strong: set[tuple[int, int]], weights: np.ndarray) -> None:
        """Recompute the stories of ``region`` (whole blocks: closed under ``strong`` links)."""
        members = sorted(region, key=lambda p: self._docs[p].sig.id)
        local = {p: i for i, p in enumerate(members)}
        parent = list(range(len(members)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for p, q in strong:
            ri, rj = find(local[p]), find(local[q])
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
        blocks: dict[int, list[int]] = {}
        for i, p in enumerate(members):
            blocks.setdefault(find(i), []).append(p)
        for p in members:
            self._stories.pop(self._label[p], None)
        for block in blocks.values():
            for cluster in self._average_link(block, weights):
                rep = min(cluster, key=lambda p: self._docs[p].sig.id)
                for p in cluster:
                    self._label[p] = rep
                self._stories[rep] = set(cluster)

    def _average_link(self, block: list[int], weights: np.ndarray) -> list[list[int]]:
        """Two-level clustering of one block, near-duplicates folded into one node first.

        A wire copy repeated by ten outlets is one report: folding copies keeps it
        from outweighing the rest of the story, and keeps the (quadratic) linkage
        as small as the number of distinct reports.
        """
        if len(block) == 1:
            return [block]
        groups = self._copy_groups(block)
        if len(groups) == 1:
            return [block]
        sims = self._block_sims([g[0] for g in groups], weights)
        return [[p for i in part for p in groups[i]] for part in cluster_block(sims, self.options.split_rule)]

    def _copy_groups(self, block: list[int]) -> list[list[int]]:
        """Near-duplicate groups of a block (over its candidate links), each led by its smallest id."""
        local = {p: i for i, p in enumerate(block)}
        parent = list(range(len(block)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        pairs = [(p, q) for p in block for q in self._edges[p] if q in local and local[q] > local[p]]
        if pairs:
            mh = np.array([self._docs[p].sig.minhash for p in block], dtype=np.int64)
            a = np.fromiter((local[p] for p, _ in pairs), dtype=np.int64, count=len(pairs))
            b = np.fromiter((local[q] for _, q in pairs), dtype=np.int64, count=len(pairs))
            jac = (mh[a] == mh[b]).mean(axis=1)
            for i, j in zip(a[jac >= self.options.copy_jaccard], b[jac >= self.options.copy_jaccard]):
                ri, rj = find(int(i)), find(int(j))
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
        groups: dict[int, list[int]] = {}
        for i, p in enumerate(block):  # block is sorted by id, so each group's first is its smallest
            groups.setdefault(find(i), []).append(p)
        return list(groups.values())

    # ------------------------------------------------------------------ results

    def __len__(self) -> int:
        return len(self._docs)

    def partition(self) -> list[list[str]]:
        """Article ids per story (each sorted), stories sorted by their first id."""
        groups: dict[int, list[str]] = {}
        for p, lab in enumerate(self._label):
            groups.setdefault(lab, []).append(self._docs[p].sig.id)
        return sorted(sorted(g) for g in groups.values())

    def stories(self) -> list[Story]:
        """The current stories, largest first (then by id)."""
        groups: dict[int, list[int]] = {}
        for p, lab in enumerate(self._label):
            groups.setdefault(lab, []).append(p)
        if not groups:
            return []
        weights = self._weights(self._index.idf_array())
        out = [self._story(sorted(g, key=lambda p: self._docs[p].sig.id), weights) for g in groups.values()]
        out.sort(key=lambda s: (-len(s.articles), s.id))
        return out

    def _story(self, members: list[int], weights: np.ndarray) -> Story:
        """Build the Story of ``members`` (sorted by id); linear in the story's size and links."""
        sigs = [self._docs[p].sig for p in members]
        first = min(sigs, key=_age_key)
        sid = "s-" + hashlib.sha1(first.id.encode("utf-8")).hexdigest()[:10]
        if len(members) == 1:
            return Story(id=sid, title=sigs[0].title, articles=(sigs[0].id,), confidence=1.0, stage=STAGE)
        x = self._matrix(members, weights)
        centroid = np.asarray(x.mean(axis=0)).ravel()
        central = x @ centroid / max(float(np.linalg.norm(centroid)), 1e-12)
        # The most representative article is the one closest to the story's centroid; on a
        # tie, one with a title of its own beats one whose first sentence stands in.
        untitled = np.array([not s.titled for s in sigs])
        best = int(np.lexsort((np.arange(len(members)), untitled, -np.round(central, 3)))[0])
        # Confidence: how far each article's best link inside the story stands above the cut.
        local = {p: i for i, p in enumerate(members)}
        pairs = [(p, q) for p in members for q in self._edges[p] if q in local and local[q] > local[p]]
        link = np.zeros(len(members))
        if pairs:
            for (p, q), v in zip(pairs, self._pair_sims(pairs, weights)):
                link[local[p]] = max(link[local[p]], v)
                link[local[q]] = max(link[local[q]], v)
        thr = self.options.threshold
        conf = float(np.clip(np.mean(0.5 + 0.5 * (link - thr) / max(1e-9, 1.0 - thr)), 0.0, 1.0))
        copies: list[tuple[str, str]] = []
        for group in self._copy_groups(members):
            if len(group) > 1:
                orig = min((self._docs[p].sig for p in group), key=_age_key)
                copies.extend((self._docs[p].sig.id, orig.id) for p in group if p != self._pos[orig.id])
        return Story(
            id=sid,
            title=sigs[best].title,
            articles=tuple(s.id for s in sigs),
            copies=tuple(sorted(copies)),
            confidence=round(conf, 3),
            stage=STAGE,
        )

    # ------------------------------------------------------------------ state

    def state(self) -> dict[str, Any]:
        """A JSON-able snapshot (signatures, candidate links, story labels) to resume from."""
        return {
            "version": STATE_VERSION,
            "options": asdict(self.options),
            "articles": [d.sig.to_json() for d in self._docs],
            "edges": sorted([p, q] for p, qs in self._edges.items() for q in qs if q > p),
            "labels": list(self._label),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> StoryGrouper:
        """Rebuild a grouper from :meth:`state` without re-reading any article."""
        try:
            version = state.get("version")
            if version == 1:
                # Version 1 clustered in one level with other defaults; its signatures are
                # still good, so they are regrouped with today's options (no article re-read).
                grouper = cls()
                for data in state["articles"]:
                    grouper._add_signature(Signature.from_json(data))
                grouper._link(list(range(len(grouper._docs))))
                return grouper
            if version != STATE_VERSION:
                raise NewsprismError(
                    f"story state version {version!r} is not {STATE_VERSION}; regroup the articles"
                )
            grouper = cls(StoryOptions(**state.get("options", {})))
            for data in state["articles"]:
                grouper._add_signature(Signature.from_json(data))
            for p, q in state["edges"]:
                grouper._edges[int(p)].add(int(q))
                grouper._edges[int(q)].add(int(p))
            labels = [int(x) for x in state["labels"]]
        except (KeyError, TypeError, ValueError) as exc:
            raise NewsprismError(
                f"story state is malformed ({type(exc).__name__}: {exc}); regroup the articles"
            ) from None
        if len(labels) != len(grouper._docs):
            raise NewsprismError(
                "story state is malformed (labels do not match articles); regroup the articles"
            )
        grouper._label = labels
        grouper._stories = {}
        for p, lab in enumerate(labels):
            grouper._stories.setdefault(lab, set()).add(p)
        return grouper

    def to_json(self) -> str:
        return json.dumps(self.state(), separators=(",", ":"))


def _age_key(sig: Signature) -> tuple[date, str]:
    return (sig.published or date.max, sig.id)


def group_stories(analyses: Sequence[Analysis], options: StoryOptions | None = None) -> list[Story]:
    """Group articles into stories in one go."""
    grouper = StoryGrouper(options or StoryOptions())
    grouper.add(analyses)
    return grouper.stories()
