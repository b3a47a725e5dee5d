"""``newsprism check``: the stance of every stored article toward each claim.

A TF-IDF index over the articles (built once) narrows the candidates; only the
``top_k`` best-matching articles per claim go through the stance model. Articles
left out of a claim's list are unrelated to it.

The stance model learnt FNC-1's headlines; toward a whole-sentence claim it answers
"discusses" for nearly every related news body. So when the articles come with their
analyses (a store's), the claims stage's positions decide first: a claim in the article
whose proposition (with its holder) covers the checked claim gives the article's stance
and who holds it, a denial outranking an assertion; a negation in the matched clause
turns an assertion into a denial. The model's answer stands when no position matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from .errors import NewsprismError
from .model import Analysis, Article, Claim
from .stance.features import NEGATION, Vocabulary, content_tokens, tokenize
from .stance.model import StanceModel, decide

__all__ = ["SCHEMA", "check_claims", "read_claims_file"]

SCHEMA = "newsprism/1"
# Below this retrieval similarity a claim and an article share too little to be related.
MIN_RETRIEVAL = 0.04
# Share of the checked claim's (idf-weighted) words a stored claim's proposition and holder
# must hold to count as a position on it; some of them must be what is claimed (its
# lower-case words), not only whom it is about (its names).
MIN_COVER = 0.5
# Words that make a clause a condition or a question, not a position ("if Boko Haram wanted ...").
_CONDITIONAL = frozenset({"if", "whether", "unless"})
_CLAUSE = re.compile(r"[,;:()]|\s[-–—]\s|\bbut\b", re.IGNORECASE)
_HYPHEN = re.compile(r"(?<=[A-Za-z])-(?=[A-Za-z])")
_FLIP = {"asserts": "denies", "denies": "asserts"}
# The claims stage's denial verbs and a refusal, folded as _fold does ("denied" -> "deni").
_DENIAL = frozenset({"deny", "deni", "reject", "refut", "disput", "dismiss", "rebut", "contradict",
                     "disavow", "refus"})
_ORDER = {"denies": 0, "asserts": 1}


def read_claims_file(text: str) -> list[str]:
    """Claims from a file's text: one per line, blank lines and ``#`` comments skipped."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _articles(
    articles: Iterable[Article] | Iterable[Analysis] | Iterable[tuple[str, str]],
    positions: dict[str, tuple[Claim, ...]],
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for a in articles:
        if isinstance(a, Analysis):
            out.append((a.article.id, a.article.text))
            positions[a.article.id] = a.claims
        elif isinstance(a, Article):
            out.append((a.id, a.text))
        elif isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], str) and isinstance(a[1], str):
            out.append(a)
        else:
            raise NewsprismError(f"check needs Articles or (id, text) pairs, got {type(a).__name__}")
    return out


def _fold(token: str) -> str:
    for suffix in ("ment", "ion", "ing", "ed", "er"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            token = token[: -len(suffix)]
            break
    return token[:-1] if len(token) > 4 and token.endswith("e") else token


def _roots(text: str) -> list[str]:
    """Content words folded for matching a claim to a proposition: "cease-fire" = "ceasefire",
    "agreed" = "agreeing" = "agreement" = "agree", "deserted" = "deserter" = "desertion"."""
    return [_fold(t) for t in content_tokens(tokenize(_HYPHEN.sub("", text)))]


def _negates(clause: str, weights: Mapping[str, float]) -> bool:
    """An odd number of negations or denial verbs before a word of the claim ("we have not made
    a ceasefire", "Shekau also denied having agreed to a ceasefire"; not "agreed there will be
    no more attacks")."""
    flips, last = 0, 0
    for t in tokenize(_HYPHEN.sub("", clause)):
        if t in NEGATION or _fold(t) in _DENIAL:
            flips += 1
        elif _fold(t) in weights:
            last = flips
    return last % 2 == 1


def _cover(weights: Mapping[str, float], words: Iterable[str]) -> float:
    have = set(words)
    total = sum(weights.values()) or 1.0
    return sum(w for t, w in weights.items() if t in have) / total


def _position(
    weights: Mapping[str, float], predicate: frozenset[str], negated: bool, claim: Claim, text: str
) -> tuple[str, float] | None:
    """(stance toward the checked claim, how much of it is covered) of one stored claim, or None."""
    if claim.label not in _FLIP:
        return None
    holder = text[claim.holder.start : claim.holder.end] if claim.holder else ""
    said = _roots(claim.proposition)
    # What is claimed must be in what the holder says: the holder's own words ("Residents of the
    # desert town said Bergdahl was a good man") assert nothing of "Bergdahl deserted".
    if predicate.isdisjoint(said):
        return None
    words = said + _roots(holder)
    # Names count anywhere in the evidence: a denial of "claims by the Nigerian government that
    # it has signed a truce" keeps whose claim it denies outside the proposition.
    names = [t for w in text[claim.start : claim.end].split() if w[:1].isupper() for t in _roots(w)]
    cover = _cover(weights, words + names)
    if cover < MIN_COVER:
        return None
    # The clause holding most of the claim is the one whose negation or condition counts
    # ("Boko Haram had agreed to a ceasefire, and he did not give details" asserts it).
    clauses = [c for c in _CLAUSE.split(claim.proposition) if c.strip()] or [claim.proposition]
    main = max(clauses, key=lambda c: _cover(weights, _roots(c)))
    if any(w in _CONDITIONAL for w in tokenize(main)):
        return None
    stance = claim.label
    if negated != _negates(main, weights):
        stance = _FLIP[stance]
    return stance, cover


def _holder_name(claim: Claim, text: str) -> str | None:
    if claim.holder is not None:
        return " ".join(text[claim.holder.start : claim.holder.end].split())
    return claim.holder_name


def _from_positions(
    query: str, index: Vocabulary, stored: Sequence[Claim], text: str
) -> dict[str, Any] | None:
    """The article's stance from its stored claims that take a position on ``query``.

    ``index`` holds the collection's idf over :func:`_roots`.
    """
    weights = {t: index.idf_of(t) for t in _roots(query) if t not in NEGATION and t not in _DENIAL}
    predicate = frozenset(t for w in query.split() if w[:1].islower() for t in _roots(w)) & weights.keys()
    # "X did not agree to ..." and "Y denied that X agreed ..." read every position the other way.
    negated = sum(w in NEGATION or _fold(w) in _DENIAL for w in tokenize(query)) % 2 == 1
    found = []
    for c in stored:
        pos = _position(weights, predicate, negated, c, text)
        if pos is not None:
            found.append((pos[0], pos[1] * c.confidence, c))
    if not found:
        return None
    # A denial is what a fact-checker looks for: a stored denial outranks the assertions
    # beside it, whichever way the checked claim is worded ("X agreed" or "X denied agreeing"),
    # so the same position leads the article.
    found.sort(key=lambda f: (f[2].label != "denies", -f[1], f[2].start))
    stance, conf, best = found[0]
    return {
        "stance": stance,
        "confidence": round(conf, 4),
        "holder": _holder_name(best, text),
        "evidence": [{"start": best.start, "end": best.end}],
        "positions": [{"stance": s, "holder": _holder_name(c, text), "start": c.start, "end": c.end}
                      for s, _, c in sorted(found, key=lambda f: f[2].start)],
    }


def check_claims(
    claims: Sequence[str],
    articles: Iterable[Article] | Iterable[Analysis] | Iterable[tuple[str, str]],
    *,
    top_k: int = 50,
    model: StanceModel | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Stance of each article toward each claim, as the ``newsprism/1`` check JSON.

    ``{"schema", "checks": [{"claim", "articles": [{"article", "stance", "confidence",
    "holder", "evidence": [{"start", "end"}], "positions": [{"stance", "holder", "start",
    "end"}]}]}]}``; unrelated articles are left out. ``holder`` (who in the article takes the
    stance; None when the stance model decided) and ``positions`` come from the claims of
    articles given as analyses.
    """
    if isinstance(claims, str):
        raise NewsprismError("check_claims takes a list of claims, not one string")
    claims = [c.strip() for c in claims]
    if any(not c for c in claims):
        raise NewsprismError("a claim to check is empty; give the claim's text")
    positions: dict[str, tuple[Claim, ...]] = {}
    docs = _articles(articles, positions)
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

    # The positions' index folds words further (see _roots); built only when there are positions.
    root_index = Vocabulary.fit([_roots(t) for _, t in docs]) if positions else index
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
            found = _from_positions(claims[q], root_index, positions.get(art_id, ()), text)
            if found is not None:
                results[q].append((found["confidence"], {"article": art_id, **found}))
                continue
            results[q].append((conf, {
                "article": art_id,
                "stance": stance,
                "confidence": round(conf, 4),
                "holder": None,
                "evidence": [{"start": s, "end": e} for s, e in spans],
                "positions": [],
            }))
        if progress is not None:
            progress(n + 1, len(candidates))
    for q, res in enumerate(results):
        # Denials, then assertions, then the rest; strongest first within each; ties by
        # article id so the output is deterministic.
        res.sort(key=lambda r: (_ORDER.get(r[1]["stance"], 2), -r[0], r[1]["article"]))
        checks[q]["articles"] = [r[1] for r in res]
    return {"schema": SCHEMA, "checks": checks}
