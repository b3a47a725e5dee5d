"""``newsprism check``: the stance of every stored article toward each claim.

A TF-IDF index over the articles (built once) narrows the candidates; only the
``top_k`` best-matching articles per claim go through the stance model. Articles
left out of a claim's list are unrelated to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from .errors import NewsprismError
from .model import Article
from .stance.features import Vocabulary, content_tokens, tokenize
from .stance.model import StanceModel, decide

__all__ = ["SCHEMA", "check_claims", "read_claims_file"]

SCHEMA = "newsprism/1"
# Below this retrieval similarity a claim and an article share too little to be related.
MIN_RETRIEVAL = 0.04


def read_claims_file(text: str) -> list[str]:
    """Claims from a file's text: one per line, blank lines and ``#`` comments skipped."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _articles(articles: Iterable[Article] | Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for a in articles:
        if isinstance(a, Article):
            out.append((a.id, a.text))
        elif isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], str) and isinstance(a[1], str):
            out.append(a)
        else:
            raise NewsprismError(f"check needs Articles or (id, text) pairs, got {type(a).__name__}")
    return out


def check_claims(
    claims: Sequence[str],
    articles: Iterable[Article] | Iterable[tuple[str, str]],
    *,
    top_k: int = 50,
    model: StanceModel | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Stance of each article toward each claim, as the ``newsprism/1`` check JSON.

    ``{"schema", "checks": [{"claim", "articles": [{"article", "stance", "confidence",
    "evidence": [{"start", "end"}]}]}]}``; unrelated articles are left out.
    """
    if isinstance(claims, str):
        raise NewsprismError("check_claims takes a list of claims, not one string")
    claims = [c.strip() for c in claims]
    if any(not c for c in claims):
        raise NewsprismError("a claim to check is empty; give the claim's text")
    docs = _articles(articles)
    checks: list[dict[str, Any]] = [{"claim": c, "articles": []} for c in claims]
    if not claims or not docs:
        return {"schema": SCHEMA, "checks": checks}
    model = model or StanceModel.load()

    # Retrieval: an index with the collection's own idf, so rare names weigh most.
    doc_tokens = [content_tokens(tokenize(t)) for _, t in docs]
    index = Vocabulary.fit(doc_tokens)
    D = index.transform(doc_tokens)
    Q = index.transform([content_tokens(tokenize(c)) for c in claims])
    S = (Q @ D.T).tocsr()
    candidates: dict[int, list[int]] = {}  # article -> claims
    for qi in range(len(claims)):
        row = S.getrow(qi)
        if row.nnz == 0:
            continue
        keep = row.data >= MIN_RETRIEVAL
        cols, vals = row.indices[keep], row.data[keep]
        if len(cols) > top_k:
            part = np.argpartition(-vals, top_k - 1)[:top_k]
            cols = cols[part]
        for di in cols:
            candidates.setdefault(int(di), []).append(qi)

    heads: dict[int, Any] = {}
    results: list[list[tuple[float, dict[str, Any]]]] = [[] for _ in claims]
    for n, (di, qis) in enumerate(sorted(candidates.items())):
        art_id, text = docs[di]
        body = model.body(text)
        hs = [heads.setdefault(q, model.head(claims[q])) for q in qis]
        probs, sims = model.score(hs, body)
        for row, q in enumerate(qis):
            stance, conf, spans = decide(probs[row], sims[row], body)
            if stance == "unrelated":
                continue
            results[q].append((conf, {
                "article": art_id,
                "stance": stance,
                "confidence": round(conf, 4),
                "evidence": [{"start": s, "end": e} for s, e in spans],
            }))
        if progress is not None:
            progress(n + 1, len(candidates))
    for q, res in enumerate(results):
        # Strongest first; ties by article id so the output is deterministic.
        res.sort(key=lambda r: (-r[0], r[1]["article"]))
        checks[q]["articles"] = [r[1] for r in res]
    return {"schema": SCHEMA, "checks": checks}
