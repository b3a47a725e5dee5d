"""Train the content-end chooser (stages/quote_ends.py) on PolNeAR's train split.

    .venv/bin/python scripts/train_content_ends.py [--data ../shared/data/polnear] [--cache F.spacy]

Runs the quote stage with the shipped end weights set aside over the train articles (those whose
index in the sorted train list is ``0 mod 10`` are held out, as for the attribution model), lists
the candidate ends of each indirect content (:func:`~newsprism.stages.quote_ends.end_candidates`),
marks those where the gold content that overlaps it most ends (the first annotator's, as the
eval's gold), and fits a conditional logit with an L2 penalty (L-BFGS to convergence, so one run
writes the same ``src/newsprism/models/content_ends.json`` each time). ``--cache``: a DocBin of
the train split's parses, made on the first run and read on the next (the parse takes minutes).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.eval import polnear
from newsprism.nlp import load_nlp
from newsprism.stages import quote_ends
from newsprism.stages.mentions import find_mentions
from newsprism.stages.quotes import extract_attributions

# PolNeAR content F1 (overlap) at L2 1 / 3 / 10, margin 0: train 0.7993 / 0.7989 / 0.7983 (rules 0.7985);
# the margin keeps the rules' cuts a candidate beats by little (0 undid the tested channel, dash and
# ", who" cuts on short sentences; 0.5 / 1 / 1.5 at L2 1 and 3: train 0.7993 / 0.7990 / 0.7987).
L2 = 3.0  # the penalty on the weights' squares
BETA = 0.0  # the gain of a candidate matching the gold by half overlap, beside 1 for its exact end
MARGIN = 1.5  # how much better than the rules' end a candidate must score to replace it
OUT = ROOT / "src" / "newsprism" / "models" / "content_ends.json"


def _docs(nlp: object, texts: list[str], cache: Path | None) -> list[object]:
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))  # type: ignore[attr-defined]
    docs = list(nlp.pipe(texts, batch_size=16))  # type: ignore[attr-defined]
    if cache is not None:
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


Example = tuple[list[list[str]], list[bool], list[bool], int]


def examples(data: Path, cache: Path | None) -> list[Example]:
    """Per indirect content of the training articles: its candidates' features, which of them end
    where the gold does, which overlap it by half (the eval's match), and which is the rules' own
    end; contents with no candidate of either kind are left out."""
    files = [x for i, x in enumerate(polnear._files(data, "train")) if i % polnear.HELDOUT_MOD != 0]
    nlp = load_nlp()
    texts = [p.read_text(encoding="utf-8") for p, _ in polnear._files(data, "train")]
    docs = _docs(nlp, texts, cache)
    keep = [i for i in range(len(texts)) if i % polnear.HELDOUT_MOD != 0]
    out = []
    for (_txt, ann), i in zip(files, keep):
        text, doc = texts[i], docs[i]
        gold = [g.content for g in polnear.read_ann(ann, text) if g.content]
        quote_ends._RECORD = rec = []
        try:
            extract_attributions(doc, find_mentions(doc, text), text=text, nlp=nlp)
        finally:
            quote_ends._RECORD = None
        for s, last, cands in rec:
            cur_end = next(e for j, e, _f in cands if j == last)
            mine = frozenset(polnear._chars(text, [(s, cur_end)]))
            near = [(polnear._overlap(g, mine), g) for g in gold if g & mine]
            if not near:
                continue
            g = max(near, key=lambda t: t[0])[1]
            g_end = max(g) + 1
            spans = [frozenset(polnear._chars(text, [(s, e)])) for _j, e, _f in cands]
            exact = [max(x, default=-2) + 1 == g_end for x in spans]
            hit = [polnear._overlap(g, x) >= 0.5 for x in spans]
            if any(exact) or any(hit):
                out.append(([f for _j, _e, f in cands], exact, hit, [j for j, _e, _f in cands].index(last)))
    return out


def fit(exs: list[Example], l2: float = L2, beta: float = BETA) -> dict[str, float]:
    """The weights (feature name -> weight) of the conditional logit over ``exs`` maximising each
    content's expected gain: 1 for a candidate ending where the gold does, ``beta`` for one
    matching it by the eval's half overlap (both for one that does both)."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    exs = [x for x in exs if any(x[1]) or beta and any(x[2])]  # a content some candidate gains on
    names = sorted({x for fs, _e, _h, _c in exs for f in fs for x in f})
    col = {n: k for k, n in enumerate(names)}
    rows, cols, group, pos = [], [], [], []
    r = 0
    for gi, (fs, exact, hit, _c) in enumerate(exs):
        for f, e, h in zip(fs, exact, hit):
            for x in f:
                rows.append(r)
                cols.append(col[x])
            group.append(gi)
            pos.append(float(e) + beta * float(h))
            r += 1
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(names)))
    g = np.asarray(group)
    gain = np.asarray(pos)
    P = gain > 0
    log_gain = np.log(np.where(P, gain, 1.0))
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])

    def seg_lse(s: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        z = np.where(mask, s, -np.inf)
        m = np.maximum.reduceat(z, starts)
        e = np.where(mask, np.exp(z - m[g]), 0.0)
        tot = np.add.reduceat(e, starts)
        return m + np.log(tot), e / tot[g]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = X @ w
        all_lse, p_all = seg_lse(s, np.ones_like(P))
        pos_lse, p_pos = seg_lse(s + log_gain, P)
        val = float(np.sum(all_lse - pos_lse)) + 0.5 * l2 * float(w @ w)
        grad = X.T @ (p_all - p_pos) + l2 * w
        return val, grad

    res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                   options={"maxiter": 5000, "gtol": 1e-7})
    return {n: round(float(w), 5) for n, w in zip(names, res.x) if abs(w) >= 1e-5}


def accuracy(exs: list[Example], w: dict[str, float], margin: float = MARGIN) -> dict[str, float]:
    """The shares of ``exs`` whose chosen end is the gold's, and matches it, for the model and the rules."""
    picks = [quote_ends.best_end(list(enumerate(fs)), c, w, margin) for fs, _e, _h, c in exs]
    n = len(exs)
    return {"model_exact": round(sum(e[j] for (_f, e, _h, _c), j in zip(exs, picks)) / n, 4),
            "rules_exact": round(sum(e[c] for _f, e, _h, c in exs) / n, 4),
            "model_match": round(sum(h[j] for (_f, _e, h, _c), j in zip(exs, picks)) / n, 4),
            "rules_match": round(sum(h[c] for _f, _e, h, c in exs) / n, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--beta", type=float, default=BETA)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    quote_ends.load_weights.cache_clear()
    saved = quote_ends._MODEL
    quote_ends._MODEL = Path("/nonexistent")  # the rules' own ends while the examples are read
    try:
        exs = examples(args.data, args.cache)
    finally:
        quote_ends._MODEL = saved
        quote_ends.load_weights.cache_clear()
    w = fit(exs, args.l2, args.beta)
    acc = accuracy(exs, w)
    print(f"{len(exs)} contents, {len(w)} weights; {acc}")
    meta = {
        "_note": "Content-end chooser (stages/quote_ends.py), written by scripts/train_content_ends.py.",
        "trained_on": "PolNeAR train, articles with index % 10 != 0, first annotator",
        "contents": len(exs),
        "l2": args.l2,
        "margin": MARGIN,
        "beta": args.beta,
        "train_choices": acc,
        "weights": dict(sorted(w.items())),
    }
    args.out.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
