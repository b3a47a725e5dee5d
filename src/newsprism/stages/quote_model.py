"""A small learned attribution model: which tokens are speech cues, and which words are their
source and content.

Two linear models trained on PolNeAR's train split by ``scripts/train_quotes.py`` and shipped
as ``models/quotes.npz`` (weights) with ``models/quotes.json`` (feature names, classes, metrics):

* **cue**: one score per token — is this the head of an attribution cue ("said", "according",
  "statement", "believes", "called for")? Features: word, lemma, tags, dependency label, the
  head and the children's relations, neighbours, quotation context.
* **role**: for a cue and each token of its sentence, one of ``O``/``content``/``source``/``cue``.
  Features: the dependency path from the cue to the token, the cue's child whose subtree holds
  the token, direction and distance, quotation context — a linear semantic-role labeller.

Both are plain dot products over named features (no pickle, no sklearn at run time).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any

from .quote_lexicon import CUE_CLASSES, DOCUMENT_NOUNS, GROUP_NOUNS, PERSON_ROLE_NOUNS, PRONOUNS

__all__ = ["ROLES", "DocView", "QuoteModel", "cue_candidates", "cue_features", "load_model", "role_batch"]

ROLES = ("O", "content", "source", "cue")
_MODEL_DIR = Path(__file__).resolve().parent.parent / "models"


# --------------------------------------------------------------------------- features


class DocView:
    """Per-token attributes of a parsed document as plain lists (spaCy token access is slow)."""

    __slots__ = (
        "children",
        "commas",
        "dep",
        "ent",
        "head",
        "idx",
        "inq",
        "lemma",
        "length",
        "lower",
        "n",
        "pos",
        "punct",
        "sent_of",
        "sents",
        "space",
        "speech_before",
        "sstart",
        "tag",
        "text",
    )

    def __init__(self, doc: Any, regions: Sequence[tuple[int, int]] = (), text: str | None = None):
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, POS, SENT_START, TAG

        self.n = n = len(doc)
        self.text = doc.text if text is None else text
        strings = doc.vocab.strings
        import numpy as np

        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, ENT_TYPE, SENT_START])
        if n == 0:
            arr = np.zeros((0, 12), dtype=np.uint64)
        sst = arr[:, 11].astype(np.int64).tolist()

        def column(k: int, lower: bool = False) -> list[str]:
            uniq, inv = np.unique(arr[:, k], return_inverse=True)
            names = [strings[int(u)] for u in uniq]
            if lower:
                names = [x.lower() for x in names]
            return [names[j] for j in inv.reshape(-1).tolist()]

        self.lower = column(0)
        self.lemma = column(1, lower=True)
        self.pos = column(2)
        self.tag = column(3)
        self.dep = column(4)
        self.ent = column(10)
        self.head = (np.arange(n, dtype=np.int64) + arr[:, 5].astype(np.int64)).tolist()
        self.idx = arr[:, 6].astype(np.int64).tolist()
        self.punct = arr[:, 7].astype(bool).tolist()
        self.space = arr[:, 8].astype(bool).tolist()
        self.length = arr[:, 9].astype(np.int64).tolist()
        # commas[i]: commas before token i (so commas between two tokens is a difference).
        self.commas = [0] * (n + 1)
        k = 0
        for i, w in enumerate(self.lower):
            self.commas[i] = k
            if w == ",":
                k += 1
        self.commas[n] = k
        # speech_before[i]: speech verbs (lexicon lemmas tagged VERB) before token i.
        self.speech_before = [0] * (n + 1)
        k = 0
        for i in range(n):
            self.speech_before[i] = k
            if self.pos[i] == "VERB" and self.lemma[i] in CUE_CLASSES:
                k += 1
        self.speech_before[n] = k
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        # Sentences are the parse trees (what spaCy's doc.sents gives for a parsed doc); the
        # parser marks their first tokens.
        starts = [0] + [i for i in range(1, n) if sst[i] == 1] if n else []
        self.sents = [(a, b) for a, b in zip(starts, starts[1:] + [n])]
        self.sent_of = [0] * n
        for k, (a, b) in enumerate(self.sents):
            for i in range(a, b):
                self.sent_of[i] = k
        self.sstart = [False] * n
        for a in starts:
            self.sstart[a] = True
        self.inq = [0] * self.n
        rs = sorted(regions)
        ri = 0
        for i, pos in enumerate(self.idx):
            while ri < len(rs) and rs[ri][1] <= pos:
                ri += 1
            if ri < len(rs) and rs[ri][0] <= pos < rs[ri][1]:
                self.inq[i] = 1

    def ancestors(self, i: int) -> list[int]:
        out = [i]
        head = self.head
        for _ in range(40):
            h = head[i]
            if h == i:
                break
            out.append(h)
            i = h
        return out


def cue_features(v: DocView, i: int) -> list[str]:
    """Features of token ``i`` as a possible cue head."""
    lem = v.lemma[i]
    low = v.lower[i]
    pos = v.pos[i]
    dep = v.dep[i]
    h = v.head[i]
    q = str(v.inq[i])
    f = [
        "b",
        "w=" + low,
        "l=" + lem,
        "p=" + pos,
        "t=" + v.tag[i],
        "d=" + dep,
        "ld=" + lem + "|" + dep,
        "lp=" + lem + "|" + pos,
        "pd=" + pos + "|" + dep,
        "hl=" + v.lemma[h],
        "hp=" + v.pos[h] + "|" + dep,
        "q=" + q,
        "lq=" + lem + "|" + q,
    ]
    cls = CUE_CLASSES.get(lem)
    if cls is not None:
        f.append("lex=" + cls)
        f.append("lexd=" + cls + "|" + dep)
    if lem in DOCUMENT_NOUNS:
        f.append("docn")
    kids: set[str] = set()
    for c in v.children[i]:
        cd = v.dep[c]
        if cd == "punct":
            continue
        kids.add(cd)
        if cd == "prep" or cd == "prt" or cd == "agent":
            f.append("kp=" + lem + "|" + v.lower[c])
            f.append("kpw=" + v.lower[c])
        elif cd == "mark":
            f.append("km=" + v.lower[c])
        elif cd == "nsubj" or cd == "nsubjpass":
            f.append("ks=" + v.pos[c])
    for cd in kids:
        f.append("k=" + cd)
        f.append("lk=" + lem + "|" + cd)
    if not kids:
        f.append("nokids")
    pw = v.lower[i - 1] if i > 0 else "<s>"
    nw = v.lower[i + 1] if i + 1 < v.n else "</s>"
    f.append("pw=" + pw)
    f.append("nw=" + nw)
    f.append("lnw=" + lem + "|" + nw)
    f.append("lpw=" + lem + "|" + pw)
    near = "0"
    inq = v.inq
    for k in range(max(0, i - 3), min(v.n, i + 4)):
        if k != i and inq[k]:
            near = "1"
            break
    f.append("nq=" + near)
    f.append("lnq=" + lem + "|" + near)
    if v.sstart[i]:
        f.append("ss")
    # Who holds it and what it governs: the kind of subject/possessor/agent ("Trump's claim",
    # "endorsed by dozens of papers"), the clauses and objects below it with their markers.
    f.append("lt=" + lem + "|" + v.tag[i])
    f.append("lhl=" + lem + "|" + v.lemma[h] + "|" + dep)
    children, vdep = v.children, v.dep
    for c in children[i]:
        cd = vdep[c]
        if cd == "nsubj" or cd == "nsubjpass" or cd == "poss" or cd == "agent":
            kind = _holder_kind(v, c)
            if cd == "agent":
                objs = [g for g in children[c] if vdep[g] == "pobj"]
                if objs:
                    kind = _holder_kind(v, objs[0])
            f.append("sk=" + cd + "|" + kind)
            f.append("lsk=" + lem + "|" + cd + "|" + kind)
        elif cd in _GOVERNED:
            f.append("kc=" + cd + "|" + v.pos[c])
            f.append("lkc=" + lem + "|" + cd + "|" + v.lemma[c])
            for g in children[c]:
                if g < c and (vdep[g] == "mark" or vdep[g] == "aux"):
                    f.append("km2=" + cd + "|" + v.lower[g])
                    f.append("lkm2=" + lem + "|" + cd + "|" + v.lower[g])
        elif cd == "prep":
            objs = [g for g in children[c] if vdep[g] == "pobj"]
            if objs:
                f.append("kpo=" + v.lower[c] + "|" + _holder_kind(v, objs[0]))
    return f


_GOVERNED = frozenset({"ccomp", "xcomp", "acl", "relcl", "dobj", "advcl"})


def _holder_kind(v: DocView, t: int) -> str:
    """What a subject or possessor is: an entity type, a pronoun, a role or group noun, or its tag."""
    e = v.ent[t]
    if e:
        return "E" + e
    if v.lemma[t] in PRONOUNS or v.lower[t] in PRONOUNS:
        return "PR"
    if v.lemma[t] in PERSON_ROLE_NOUNS:
        return "ROLE"
    if v.lemma[t] in GROUP_NOUNS:
        return "GRP"
    return v.pos[t]


_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "conj"})
_MARK_DEPS = frozenset({"mark", "cc", "advmod"})

# Branches whose first word tells what they hold ("for" a demand, "on" a date, "that" a clause).
_WORD_BRANCHES = frozenset({"prep", "agent", "dative", "advmod", "npadvmod", "mark", "prt", "advcl"})


def role_batch(v: DocView, c: int, toks: Sequence[int], lem: str) -> list[list[str]]:
    """Role features of tokens ``toks`` towards cue ``c`` (one feature list per token).

    The tree walks from the cue are shared by all of its tokens: the features are the path
    between token and cue through their lowest common ancestor, its shape and direction,
    distance band, quote states, and the token's tag and dependency.
    """
    return _role_parts(v, c, toks, lem, list)


def _role_parts(v: DocView, c: int, toks: Sequence[int], lem: str,
                conv: Callable[[list[str]], list[Any]]) -> list[list[Any]]:
    """:func:`role_batch` with each group of features passed through ``conv`` (names to model
    rows at run time). The features of the token's branch (its path to the cue and that
    path's words) are the same for every token of the branch: built and converted once."""
    anc = v.ancestors(c)
    cue_pos = {a: k for k, a in enumerate(anc)}
    dep, head, pos = v.dep, v.head, v.pos
    ups = [[dep[a] for a in anc[:k]] for k in range(len(anc))]
    up2 = ["/".join(u[:2]) for u in ups]
    up3 = ["/".join(u[:3]) for u in ups]
    memo: dict[int, tuple[int, tuple[str, ...], int, int]] = {}

    def info(t: int) -> tuple[int, tuple[str, ...], int, int]:
        chain = []
        cur = t
        res = None
        for _ in range(60):
            got = memo.get(cur)
            if got is not None:
                res = got
                break
            k = cue_pos.get(cur)
            if k is not None:
                res = (k, (), 0, -1)
                memo[cur] = res
                break
            h = head[cur]
            if h == cur:
                res = (-1, (dep[cur],), 1, cur)
                memo[cur] = res
                break
            chain.append(cur)
            cur = h
        if res is None:
            res = (-1, (), 0, -1)
        for node in reversed(chain):
            lca, d3, n_down, br = res
            if n_down == 0:
                res = (lca, (dep[node],), 1, node)
            else:
                res = (lca, (d3 + (dep[node],))[:3], n_down + 1, br)
            memo[node] = res
        return res

    # Other speech verbs: how many stand between the token and the cue, and whether one
    # governs the token below their common ancestor (the content of another report);
    # the marker of the nearest clause holding the token ("although", "when", "and").
    lemma = v.lemma
    sv_before = v.speech_before
    children = v.children
    under_memo: dict[int, bool] = {}
    mark_memo: dict[int, str] = {}

    def up(x: int, memo: dict[int, Any], found: Callable[[int], Any], default: Any) -> Any:
        """The first ``found`` value from x up the head chain, stopping at the cue's path (``default``);
        every token walked is memoised with the answer."""
        path = []
        res = default
        for _ in range(60):
            if x in cue_pos:
                break
            got = memo.get(x)
            if got is not None:
                res = got
                break
            hit = found(x)
            if hit is not None:
                res = hit
                break
            path.append(x)
            hx = head[x]
            if hx == x:
                break
            x = hx
        for y in path:
            memo[y] = res
        return res

    def speech_verb(x: int) -> bool | None:
        return True if pos[x] == "VERB" and lemma[x] in CUE_CLASSES else None

    def clause_of(x: int) -> str | None:
        if dep[x] not in _CLAUSE_DEPS:
            return None
        ms = [k for k in children[x] if k < x and dep[k] in _MARK_DEPS]
        return dep[x] + ":" + (v.lower[ms[0]] if ms else "-")

    def governed(x: int) -> bool:  # a speech verb at x or above it, below the cue's path
        return bool(up(x, under_memo, speech_verb, False))

    def clause_mark(x: int) -> str:  # the clause x sits in and its marker, below the cue's path
        return str(up(x, mark_memo, clause_of, ""))

    inq, lower, punct, ent, commas = v.inq, v.lower, v.punct, v.ent, v.commas
    qc = str(inq[c])
    lf = "l=" + lem
    ldl, ldr = "ld=" + lem + "|L", "ld=" + lem + "|R"
    # Does the cue have a reported clause of its own? Its other branches are then adjuncts.
    hc = "1" if any(dep[k] == "ccomp" for k in v.children[c]) else "0"
    out: list[list[Any]] = []
    shared: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}
    for t in toks:
        if t == c:
            out.append(conv(["b", "self"]))
            continue
        lca_up, d3, n_down, branch = info(t)
        direction = "L" if t < c else "R"
        key = (lca_up, d3, n_down > 0, branch, direction)
        got = shared.get(key)
        if got is None:
            bd = (dep[branch] + "/" + pos[branch]) if branch >= 0 else "?"
            if lca_up == 0:
                top = "D:" + bd
            elif lca_up < 0:
                top = "N:" + bd
            elif not n_down:
                top = "A:" + up2[lca_up]
            else:
                top = "S:" + up2[lca_up] + ">" + bd
            path = (up3[lca_up] if lca_up > 0 else "") + "|" + "/".join(d3)
            fa = [
                "b",
                "top=" + top,
                "topl=" + top + "|" + lem,
                "topd=" + top + "|" + direction,
                "path=" + path,
                "pathd=" + path + "|" + direction,
                lf,
                ldl if direction == "L" else ldr,
                "hct=" + hc + "|" + top,
            ]
            if branch >= 0 and dep[branch] in _WORD_BRANCHES:
                fa.append("bw=" + lower[branch] + "|" + top[:1])
                fa.append("bwl=" + lem + "|" + lower[branch])
            got = shared[key] = (top, conv(fa))
        top = got[0]
        dist = t - c if t > c else c - t
        db = "1" if dist == 1 else "2" if dist <= 3 else "5" if dist <= 6 else "x" if dist <= 15 else "X"
        q = str(inq[t]) + qc
        n_comma = commas[t] - commas[c + 1] if t > c else commas[c] - commas[t + 1]
        cb = "0" if n_comma <= 0 else "1" if n_comma == 1 else "2"
        f = [
            "dir=" + direction + db,
            "tp=" + pos[t] + "|" + top,
            "td=" + dep[t],
            "q=" + q,
            "qt=" + q + "|" + top,
            "cm=" + cb + direction,
            "cmt=" + cb + "|" + top,
        ]
        if ent[t] == "DATE" or ent[t] == "TIME":
            f.append("te=" + top)
        if punct[t]:
            f.append("punct=" + lower[t])
        if dist == 1:
            f.append("adj=" + direction + "|" + lower[t])
        if n_down <= 1 and lca_up <= 1:
            f.append("near=" + lower[t] + "|" + direction)
        if t > c:
            n_sv = sv_before[t] - sv_before[c + 1]
        else:
            n_sv = sv_before[c] - sv_before[t + 1]
        f.append("oc=" + ("0" if n_sv <= 0 else "1" if n_sv == 1 else "2") + direction)
        if t in cue_pos:
            under, mark = "0", ""
        else:
            ht = head[t]
            under = "1" if ht != t and governed(ht) else "0"
            mark = clause_mark(t)
        f.append("under=" + under)
        if mark:
            f.append("mk=" + mark)
            f.append("mkd=" + mark + direction)
        out.append(got[1] + conv(f))
    return out


def _same(x: list[str]) -> list[str]:
    return x


# Tags whose tokens the cue model never scores over the threshold (none on PolNeAR dev, 3 in
# 35,000 on train): the run time does not score them.
_NEVER_CUE_POS = frozenset({"ADP", "PUNCT", "PART", "SCONJ"})


def cue_candidates(v: DocView, extra: frozenset[str] | set[str],
                   known: frozenset[str] | set[str] | None = None, prune: bool = False) -> list[int]:
    """Tokens that may head a cue: verbs and auxiliaries, and words seen as cues in training
    (``known``, when given, keeps only lemmas that headed a cue in training; ``prune`` leaves
    out the tags and auxiliaries the model never takes, see ``_NEVER_CUE_POS``)."""
    out = []
    lemma, pos = v.lemma, v.pos
    for i in range(v.n):
        p = pos[i]
        if (p == "VERB" or p == "AUX" or (lemma[i] in extra and not v.space[i])) and (
                known is None or lemma[i] in known):
            if prune and (p in _NEVER_CUE_POS or (p == "AUX" and lemma[i] != "be")):
                continue
            out.append(i)
    return out


# --------------------------------------------------------------------------- the model


class _Linear:
    """A linear model over named features; rows of ``coef`` are features, columns classes."""

    def __init__(self, classes: Sequence[str], names: Sequence[str], coef: Any):
        import numpy as np

        self.classes = tuple(classes)
        self.index = {n: k for k, n in enumerate(names)}
        # One all-zero row at the end stands for features the model never saw.
        self.coef = np.vstack([np.asarray(coef, dtype=np.float32), np.zeros((1, coef.shape[1]), np.float32)])
        # A one-column model is summed in Python: cheaper than a gather for a few dozen features.
        self.weight: dict[str, float] | None = (
            dict(zip(names, np.asarray(coef, dtype=np.float64)[:, 0].tolist())) if coef.shape[1] == 1 else None)

    def scores(self, batch: Sequence[Sequence[str]]) -> Any:
        """(len(batch), n_classes) scores."""
        import numpy as np

        if self.weight is not None:
            w = self.weight.get
            return np.asarray([[sum(map(w, feats, repeat(0.0, len(feats))))] for feats in batch],
                              dtype=np.float64).reshape(len(batch), 1)
        get = self.index.get
        unk = len(self.coef) - 1
        rows: list[int] = []
        starts: list[int] = []
        for feats in batch:
            starts.append(len(rows))
            rows.extend(map(get, feats, repeat(unk, len(feats))))
        if not rows:
            return np.zeros((0, self.coef.shape[1]), np.float32)
        return np.add.reduceat(self.coef[np.asarray(rows)], np.asarray(starts), axis=0)


class QuoteModel:
    """The cue and role models with their decision thresholds."""

    def __init__(self, cue: _Linear, role: _Linear, meta: dict[str, Any]):
        self.cue = cue
        self.role = role
        self.meta = meta
        self.cue_threshold: float = float(meta.get("cue_threshold", 0.5))
        # For a cue the rules read too (the model then only gives it PolNeAR's boundaries).
        self.shared_cue_threshold: float = float(meta.get("shared_cue_threshold", self.cue_threshold))
        # A reported clause only the model reads needs this mean content probability.
        self.min_content_sure: float = float(meta.get("min_content_sure", 0.0))
        # A cue under cue_threshold but over this one stands when its reported clause is sure.
        self.weak_cue_threshold: float = float(meta.get("weak_cue_threshold", self.cue_threshold))
        self.weak_cue_min_sure: float = float(meta.get("weak_cue_min_sure", 1.0))
        # The rules' reported speech (no quote) stands only where the model scores the cue this much.
        self.rules_cue_floor: float = float(meta.get("rules_cue_floor", 0.0))
        self.extra_cues: frozenset[str] = frozenset(meta.get("extra_cue_lemmas", ()))
        known = meta.get("cue_lemmas")
        self.known_cues: frozenset[str] | None = frozenset(known) if known else None

    def cue_probs(self, batch: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        s = self.cue.scores(batch)[:, 0]
        return 1.0 / (1.0 + np.exp(-s))

    def role_probs_of(self, v: DocView, c: int, toks: Sequence[int], lem: str) -> Any:
        """:meth:`role_probs` of :func:`role_batch`, the shared features looked up once."""
        import numpy as np

        get = self.role.index.get
        unk = len(self.role.coef) - 1
        per_tok = _role_parts(v, c, toks, lem, _same)
        lens = list(map(len, per_tok))
        names = list(chain.from_iterable(per_tok))
        flat = list(map(get, names, repeat(unk, len(names))))
        starts = np.zeros(len(per_tok), dtype=np.int64)
        if len(lens) > 1:
            np.cumsum(lens[:-1], out=starts[1:])
        s = np.add.reduceat(self.role.coef[np.asarray(flat, dtype=np.int64)], starts, axis=0)
        s = s - s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def role_probs(self, batch: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        s = self.role.scores(batch)
        s = s - s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)


@functools.lru_cache(maxsize=2)
def load_model(path: str | None = None) -> QuoteModel | None:
    """Load the shipped model, or None when it is missing (the rules then work alone)."""
    import numpy as np

    path = path or os.environ.get("NEWSPRISM_QUOTES_MODEL") or None
    base = Path(path) if path else _MODEL_DIR / "quotes"
    meta_p = base.with_suffix(".json")
    npz_p = base.with_suffix(".npz")
    if not meta_p.exists() or not npz_p.exists():
        return None
    meta = json.loads(meta_p.read_text(encoding="utf-8"))
    with np.load(npz_p, allow_pickle=False) as z:
        cue = _Linear(meta["cue_classes"], [str(x) for x in z["cue_features"]], z["cue_coef"])
        role = _Linear(meta["role_classes"], [str(x) for x in z["role_features"]], z["role_coef"])
    return QuoteModel(cue, role, meta)
