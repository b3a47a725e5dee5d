"""Features for stance detection: TF-IDF similarity of a claim to a body and its sentences, word
overlap, and refuting / hedging / negation cues near the sentences that match the claim.

Everything here is plain numpy/scipy so the shipped model loads from arrays (no pickles).
Terms outside the trained vocabulary are hashed into extra columns with the highest idf,
so names never seen in training ("Soleimani") still count towards similarity.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = [
    "HAND_FEATURES",
    "BodyInfo",
    "HeadInfo",
    "Vocabulary",
    "content_tokens",
    "pair_matrix",
    "prepare_body",
    "prepare_head",
    "sentence_spans",
    "tokenize",
]

HASH_BUCKETS = 1 << 18
TOP_SENTENCES = 3

_TOKEN = re.compile(r"[a-z0-9]+")
# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace, or at a newline.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "st", "jan", "feb",
     "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vol", "vs", "etc", "inc", "corp",
     "co", "ltd", "jr", "sr", "rep", "sen", "gov", "prof", "pres", "gov", "rev", "fig", "approx", "dept",
     "univ"]
)

STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
     "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
     "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
     "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
     "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "now", "of",
     "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same",
     "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
     "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
     "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
     "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "said", "says", "say",
     "also", "new", "one", "two", "after", "year", "years"]
)
# Cue words; stems as produced by :func:`tokenize`.
REFUTE = frozenset(
    ["fake", "fraud", "hoax", "false", "falsely", "deny", "denie", "denied", "denial", "debunk", "debunked",
     "bogus", "untrue", "nope", "despite", "doubt", "doubts", "dismiss", "dismissed", "retract", "retracted",
     "fabricated", "fabrication", "fiction", "prank", "pranks", "satire", "satirical", "myth", "rumour",
     "rumor", "rejected", "reject", "refute", "refuted", "refutes", "contrary", "wrong", "misleading",
     "baseless", "unfounded", "incorrect", "lie", "lies", "lied", "nonsense", "spoof", "parody", "invented"]
)
HEDGE = frozenset(
    ["alleged", "allegedly", "reportedly", "report", "reported", "claim", "claimed", "claiming",
     "purportedly", "purported", "apparently", "according", "may", "might", "could", "possibly", "perhaps",
     "rumored", "rumoured", "unconfirmed", "unverified", "suggest", "suggested", "suggests", "appear",
     "appears", "appeared", "believed", "seem", "seems", "seemingly", "supposedly", "speculation",
     "speculate", "speculated", "likely", "unclear", "if", "whether"]
)
NEGATION = frozenset(
    ["not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "without", "didn", "doesn", "isn",
     "wasn", "aren", "weren", "don", "won", "hasn", "haven", "hadn", "couldn", "shouldn", "wouldn", "cannot"]
)

HAND_FEATURES: tuple[str, ...] = (
    "cos_body",
    "max_sent",
    "mean_top_sent",
    "lead_sent",
    "frac_sent_gt_0.1",
    "frac_head_in_body",
    "frac_head_in_best",
    "jaccard",
    "bigram_overlap",
    "log_head_len",
    "head_refute",
    "head_hedge",
    "head_neg",
    "body_refute_density",
    "body_hedge_density",
    "body_neg_density",
    "top_refute",
    "top_hedge",
    "top_neg",
    "best_refute",
    "best_neg",
    "log_body_len",
    "head_question",
    "log_n_sent",
    "top_refute_x_sim",
    "top_hedge_x_sim",
    "idf_cover_body",
    "idf_cover_best",
    "idf_cover_top",
    "max_missing_idf",
)


def _stem(tok: str) -> str:
    # A light plural fold is enough for overlap ("attacks" = "attack") and keeps the code tiny.
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss") and not tok.endswith("us"):
        return tok[:-1]
    return tok


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens with a light plural fold."""
    text = text.lower().replace("’", "'")
    return [_stem(t) for t in _TOKEN.findall(text)]


def content_tokens(tokens: Sequence[str]) -> list[str]:
    """Tokens minus stop words and one-letter tokens."""
    return [t for t in tokens if t not in STOPWORDS and len(t) > 1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (a fast rule split, whitespace trimmed).

    A stop ends a sentence when a capital letter or an opening quote follows and the word
    before it is not an abbreviation ("Oct. 7", "Gen. Soleimani", "U.S. forces").
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if "\n" not in m.group(0) and not _breaks(text, m):
            continue
        end = m.start() + len(m.group(0).rstrip())
        _add_span(text, pos, end, spans)
        pos = m.end()
    _add_span(text, pos, len(text), spans)
    return spans


def _breaks(text: str, m: re.Match[str]) -> bool:
    nxt = text[m.end() : m.end() + 1]
    if not nxt or not (nxt.isupper() or nxt in "\"“‘'(["):
        return False
    if text[m.start() - 1] != ".":
        return True
    stop = m.start() - 1
    begin = max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop)) + 1
    w = text[begin:stop].lower().lstrip("\"'“‘(")
    return not (w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w)


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        spans.append((start, end))


class Vocabulary:
    """Term ids and idf weights; unknown terms hash into extra columns with the highest idf."""

    def __init__(self, terms: Sequence[str], idf: np.ndarray):
        self.terms = list(terms)
        self.index = {t: i for i, t in enumerate(self.terms)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.oov_idf = float(self.idf.max()) if len(self.idf) else 1.0
        self.dim = len(self.terms) + HASH_BUCKETS

    @classmethod
    def fit(cls, docs: Sequence[Sequence[str]], min_df: int = 1) -> Vocabulary:
        """Build from tokenised documents; terms ordered by document frequency (most frequent first)."""
        df: dict[str, int] = {}
        for doc in docs:
            for t in set(doc):
                df[t] = df.get(t, 0) + 1
        terms = sorted((t for t, c in df.items() if c >= min_df), key=lambda t: (-df[t], t))
        n = len(docs)
        idf = np.array([math.log((n + 1) / (df[t] + 1)) + 1.0 for t in terms], dtype=np.float32)
        return cls(terms, idf)

    def idf_of(self, term: str) -> float:
        """The term's idf (the highest idf for unknown terms)."""
        i = self.index.get(term)
        return float(self.idf[i]) if i is not None else self.oov_idf

    def _ids(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        base = len(self.terms)
        for t in tokens:
            i = self.index.get(t)
            if i is None:
                i = base + zlib.crc32(t.encode("utf-8")) % HASH_BUCKETS
            counts[i] = counts.get(i, 0) + 1
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        return ids, tf

    def transform(self, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """L2-normalised sublinear TF-IDF rows."""
        indptr = [0]
        all_ids: list[np.ndarray] = []
        all_vals: list[np.ndarray] = []
        base = len(self.terms)
        for doc in docs:
            ids, tf = self._ids(doc)
            idf = np.where(ids < base, self.idf[np.minimum(ids, max(base - 1, 0))], self.oov_idf)
            vals = (1.0 + np.log(tf)) * idf
            norm = float(np.sqrt((vals * vals).sum()))
            if norm > 0:
                vals = vals / norm
            all_ids.append(ids)
            all_vals.append(vals.astype(np.float32))
            indptr.append(indptr[-1] + len(ids))
        data = np.concatenate(all_vals) if all_vals else np.zeros(0, np.float32)
        idx = np.concatenate(all_ids) if all_ids else np.zeros(0, np.int64)
        m = sp.csr_matrix((data, idx, np.array(indptr)), shape=(len(docs), self.dim))
        m.sort_indices()
        return m


@dataclass
class HeadInfo:
    """A claim (headline), tokenised and vectorised once."""

    text: str
    tokens: list[str]
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    vec: sp.csr_matrix
    cues: np.ndarray  # refute, hedge, negation counts
    weights: dict[str, float]  # idf of each content token, for coverage


@dataclass
class BodyInfo:
    """A body, its sentences, their vectors and cue counts, computed once and reused for every claim."""

    text: str
    spans: list[tuple[int, int]]
    content: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    sent_content: list[frozenset[str]]
    vec: sp.csr_matrix
    sent_vecs: sp.csr_matrix
    sent_cues: np.ndarray  # (n_sent, 3): refute, hedge, negation counts
    n_tokens: int


def _cues(tokens: Sequence[str]) -> np.ndarray:
    return np.array(
        [sum(t in REFUTE for t in tokens), sum(t in HEDGE for t in tokens),
         sum(t in NEGATION for t in tokens)],
        dtype=np.float32,
    )


def _bigrams(tokens: Sequence[str]) -> frozenset[tuple[str, str]]:
    c = content_tokens(tokens)
    return frozenset(itertools.pairwise(c))


def prepare_head(text: str, vocab: Vocabulary) -> HeadInfo:
    """Tokenise and vectorise one claim."""
    toks = tokenize(text)
    return HeadInfo(
        text=text,
        tokens=toks,
        content=frozenset(content_tokens(toks)),
        bigrams=_bigrams(toks),
        vec=vocab.transform([toks]),
        cues=_cues(toks),
        weights={t: vocab.idf_of(t) for t in content_tokens(toks)},
    )


def prepare_body(text: str, vocab: Vocabulary) -> BodyInfo:
    """Split a body into sentences and vectorise it and each sentence."""
    spans = sentence_spans(text) or [(0, len(text))]
    sent_toks = [tokenize(text[s:e]) for s, e in spans]
    toks = [t for st in sent_toks for t in st]
    return BodyInfo(
        text=text,
        spans=spans,
        content=frozenset(content_tokens(toks)),
        bigrams=_bigrams(toks),
        sent_content=[frozenset(content_tokens(st)) for st in sent_toks],
        vec=vocab.transform([toks]),
        sent_vecs=vocab.transform(sent_toks),
        sent_cues=np.stack([_cues(st) for st in sent_toks]) if sent_toks else np.zeros((1, 3), np.float32),
        n_tokens=len(toks),
    )


def pair_matrix(
    heads: Sequence[HeadInfo], body: BodyInfo, block: int
) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """Features of several claims against one body.

    Returns the hand features (n, len(HAND_FEATURES)), the TF-IDF of each claim's best
    sentences restricted to the first ``block`` vocabulary columns (n, block), and the
    sentence similarities (n, n_sent) used to pick evidence.
    """
    n = len(heads)
    H = sp.vstack([h.vec for h in heads]).tocsr()
    cos_body = np.asarray((H @ body.vec.T).todense()).ravel()
    sims = np.asarray((H @ body.sent_vecs.T).todense(), dtype=np.float32)  # (n, S)
    n_sent = sims.shape[1]
    k = min(TOP_SENTENCES, n_sent)
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    top_sims = np.take_along_axis(sims, order, axis=1)
    lead = sims[:, : min(2, n_sent)].max(axis=1)
    body_cues = body.sent_cues.sum(axis=0) * (100.0 / max(body.n_tokens, 1))
    feats = np.zeros((n, len(HAND_FEATURES)), dtype=np.float32)
    rows, cols, vals = [], [], []
    for i, h in enumerate(heads):
        top = order[i]
        best = int(top[0])
        top_cues = body.sent_cues[top].sum(axis=0)
        hc = h.content
        nh = max(len(hc), 1)
        total = sum(h.weights.values()) or 1.0
        top_content = frozenset().union(*(body.sent_content[int(j)] for j in top))
        missing = [w for t, w in h.weights.items() if t not in body.content]
        feats[i] = (
            cos_body[i],
            top_sims[i, 0],
            top_sims[i].mean(),
            lead[i],
            float((sims[i] > 0.1).mean()),
            len(hc & body.content) / nh,
            len(hc & body.sent_content[best]) / nh,
            len(hc & body.content) / max(len(hc | body.content), 1),
            len(h.bigrams & body.bigrams) / max(len(h.bigrams), 1),
            math.log1p(len(h.tokens)),
            h.cues[0],
            h.cues[1],
            h.cues[2],
            body_cues[0],
            body_cues[1],
            body_cues[2],
            top_cues[0],
            top_cues[1],
            top_cues[2],
            body.sent_cues[best, 0],
            body.sent_cues[best, 2],
            math.log1p(body.n_tokens),
            float("?" in h.text),
            math.log1p(n_sent),
            top_cues[0] * top_sims[i, 0],
            top_cues[1] * top_sims[i, 0],
            sum(w for t, w in h.weights.items() if t in body.content) / total,
            sum(w for t, w in h.weights.items() if t in body.sent_content[best]) / total,
            sum(w for t, w in h.weights.items() if t in top_content) / total,
            max(missing, default=0.0) / 10.0,
        )
        for j in top:
            rows.append(i)
            cols.append(int(j))
            vals.append(1.0)
    W = sp.csr_matrix((vals, (rows, cols)), shape=(n, n_sent), dtype=np.float32)
    top_vec = (W @ body.sent_vecs[:, :block]).tocsr()
    norms = np.sqrt(np.asarray(top_vec.multiply(top_vec).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    top_vec = sp.diags(1.0 / norms).astype(np.float32) @ top_vec
    return feats, top_vec.tocsr(), sims
