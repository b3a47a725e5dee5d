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
from itertools import accumulate, chain, repeat
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
        # The six string columns in one pass: each distinct hash is looked up once.
        uniq, inv = np.unique(arr[:, [0, 1, 2, 3, 4, 10]].T, return_inverse=True)
        inv = inv.reshape(-1)
        names = [strings[int(u)] for u in uniq]
        cols = list(map(names.__getitem__, inv.tolist()))
        lemmas = [x.lower() for x in names]
        self.lower = cols[:n]
        self.lemma = list(map(lemmas.__getitem__, inv[n:2 * n].tolist()))
        self.pos = cols[2 * n:3 * n]
        self.tag = cols[3 * n:4 * n]
        self.dep = cols[4 * n:5 * n]
        self.ent = cols[5 * n:]
        self.head = (np.arange(n, dtype=np.int64) + arr[:, 5].astype(np.int64)).tolist()
        idx = arr[:, 6].astype(np.int64)
        self.idx = idx.tolist()
        self.punct = arr[:, 7].astype(bool).tolist()
        self.space = arr[:, 8].astype(bool).tolist()
        self.length = arr[:, 9].astype(np.int64).tolist()
        zero = np.zeros(1, dtype=np.int64)
        # commas[i]: commas before token i (so commas between two tokens is a difference).
        comma = np.asarray([x == "," for x in names], dtype=bool)[inv[:n]]
        self.commas = np.concatenate([zero, np.cumsum(comma, dtype=np.int64)]).tolist()
        # speech_before[i]: speech verbs (lexicon lemmas tagged VERB) before token i.
        speech = (np.asarray([x in CUE_CLASSES for x in lemmas], dtype=bool)[inv[n:2 * n]]
                  & np.asarray([x == "VERB" for x in names], dtype=bool)[inv[2 * n:3 * n]])
        self.speech_before = np.concatenate([zero, np.cumsum(speech, dtype=np.int64)]).tolist()
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        # Sentences are the parse trees (what spaCy's doc.sents gives for a parsed doc); the
        # parser marks their first tokens.
        first = arr[:, 11].astype(np.int64) == 1
        if n:
            first[0] = True
        starts = np.flatnonzero(first).tolist()
        self.sents = [(a, b) for a, b in zip(starts, starts[1:] + [n])]
        self.sent_of = (np.cumsum(first, dtype=np.int64) - 1).tolist()
        self.sstart = first.tolist()
        # inq[i]: token i starts inside a quoted region (tokens are in text order).
        inq = np.zeros(n, dtype=np.int64)
        for r0, r1 in regions:
            inq[int(np.searchsorted(idx, r0, "left")):int(np.searchsorted(idx, r1, "left"))] = 1
        self.inq = inq.tolist()

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
    return _role_parts(v, c, toks, lem, _branch_names, _token_names)


_QS = ("00", "01", "10", "11")  # the quote states of token and cue, str(inq[t]) + str(inq[c])

# What the per-token emitter is given: direction ("L"/"R"), distance band, the token's tag and
# dependency, the branch's shape (``top``), quote states (index into _QS), comma band, whether
# it is a date or time, its word when punctuation / when next to the cue / when near the cue's
# path (else None), other speech verbs between (band), governed by one ("0"/"1"), clause marker.
_EmitBranch = Callable[[str, str, str, str, "tuple[str, ...]", str, "str | None"], list[Any]]
_Emit = Callable[[str, str, str, str, str, int, str, bool, "str | None", "str | None", "str | None", str, str, str],
                 list[Any]]


_SELF = "self"  # the branch of the cue itself: its features are "b" and "self"


def _branch_names(top: str, lem: str, direction: str, up3: str, d3: tuple[str, ...], hc: str,
                  word: str | None) -> list[str]:
    """The role features of a token's branch: its shape (``top``) and path up (``up3``, the
    cue's side) and down (``d3``) through the lowest common ancestor, with the branch's first
    word when it is a prepositional, adverbial or marker branch."""
    if top is _SELF:
        return ["b", "self"]
    path = up3 + "|" + "/".join(d3)
    fa = [
        "b",
        "top=" + top,
        "topl=" + top + "|" + lem,
        "topd=" + top + "|" + direction,
        "path=" + path,
        "pathd=" + path + "|" + direction,
        "l=" + lem,
        "ld=" + lem + "|" + direction,
        "hct=" + hc + "|" + top,
    ]
    if word is not None:
        fa.append("bw=" + word + "|" + top[:1])
        fa.append("bwl=" + lem + "|" + word)
    return fa


def _token_names(direction: str, db: str, pos: str, dep: str, top: str, qi: int, cb: str, te: bool,
                 punct: str | None, adj: str | None, near: str | None, oc: str, under: str,
                 mark: str) -> list[str]:
    """The per-token role features (after the branch's): the names the model was trained on."""
    q = _QS[qi]
    f = [
        "dir=" + direction + db,
        "tp=" + pos + "|" + top,
        "td=" + dep,
        "q=" + q,
        "qt=" + q + "|" + top,
        "cm=" + cb + direction,
        "cmt=" + cb + "|" + top,
    ]
    if te:
        f.append("te=" + top)
    if punct is not None:
        f.append("punct=" + punct)
    if adj is not None:
        f.append("adj=" + direction + "|" + adj)
    if near is not None:
        f.append("near=" + near + "|" + direction)
    f.append("oc=" + oc + direction)
    f.append("under=" + under)
    if mark:
        f.append("mk=" + mark)
        f.append("mkd=" + mark + direction)
    return f


def _role_parts(v: DocView, c: int, toks: Sequence[int], lem: str,
                emit_branch: _EmitBranch, emit: _Emit) -> list[list[Any]]:
    """:func:`role_batch` with each branch's features made by ``emit_branch`` and each
    token's own by ``emit`` (names for training, model rows at run time, see
    :class:`_RoleRows`). The features of the token's branch (its path to the cue and that
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
    qc = inq[c]
    # Does the cue have a reported clause of its own? Its other branches are then adjuncts.
    hc = "1" if any(dep[k] == "ccomp" for k in v.children[c]) else "0"
    out: list[list[Any]] = []
    shared: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}
    for t in toks:
        if t == c:
            out.append(emit_branch(_SELF, lem, "", "", (), "", None))
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
            got = shared[key] = (top, emit_branch(
                top, lem, direction, up3[lca_up] if lca_up > 0 else "", d3, hc,
                lower[branch] if branch >= 0 and dep[branch] in _WORD_BRANCHES else None))
        top = got[0]
        dist = t - c if t > c else c - t
        db = "1" if dist == 1 else "2" if dist <= 3 else "5" if dist <= 6 else "x" if dist <= 15 else "X"
        n_comma = commas[t] - commas[c + 1] if t > c else commas[c] - commas[t + 1]
        cb = "0" if n_comma <= 0 else "1" if n_comma == 1 else "2"
        e = ent[t]
        word = lower[t]
        if t > c:
            n_sv = sv_before[t] - sv_before[c + 1]
        else:
            n_sv = sv_before[c] - sv_before[t + 1]
        if t in cue_pos:
            under, mark = "0", ""
        else:
            ht = head[t]
            under = "1" if ht != t and governed(ht) else "0"
            mark = clause_mark(t)
        out.append(got[1] + emit(
            direction, db, pos[t], dep[t], top, 2 * inq[t] + qc, cb, e == "DATE" or e == "TIME",
            word if punct[t] else None, word if dist == 1 else None,
            word if n_down <= 1 and lca_up <= 1 else None,
            "0" if n_sv <= 0 else "1" if n_sv == 1 else "2", under, mark))
    return out


_MEMO_LIMIT = 200_000


class _TopRows:
    """Rows of the features of one branch shape (``top``)."""

    __slots__ = ("cmt", "hct", "qt", "te", "top", "topd", "tp")

    def __init__(self, top: str, index: dict[str, int], unk: int):
        get = index.get
        self.top = get("top=" + top, unk)
        self.topd = {d: get("topd=" + top + "|" + d, unk) for d in "LR"}
        self.hct = {h: get("hct=" + h + "|" + top, unk) for h in "01"}
        self.qt = [get("qt=" + q + "|" + top, unk) for q in _QS]
        self.cmt = {b: get("cmt=" + b + "|" + top, unk) for b in "012"}
        self.te = get("te=" + top, unk)
        self.tp: dict[str, int] = {}  # by the token's tag, filled on first use


class _LemmaRows:
    """Rows of the features of one cue lemma."""

    __slots__ = ("b", "bwl", "l", "ld", "topl")

    def __init__(self, lem: str, index: dict[str, int], unk: int):
        get = index.get
        self.b = get("b", unk)
        self.l = get("l=" + lem, unk)
        self.ld = {d: get("ld=" + lem + "|" + d, unk) for d in "LR"}
        self.topl: dict[str, int] = {}  # by branch shape, filled on first use
        self.bwl: dict[str, int] = {}  # by the branch's first word, filled on first use


class _Memo(dict):  # type: ignore[type-arg]
    """Key to value of one feature template, the feature's name made and looked up on first
    use (emptied past ``_MEMO_LIMIT`` entries)."""

    __slots__ = ("lookup", "make")

    def __init__(self, make: Callable[[Any], str], lookup: Callable[[str], Any]):
        super().__init__()
        self.make = make
        self.lookup = lookup

    def __missing__(self, key: Any) -> Any:
        if len(self) > _MEMO_LIMIT:
            self.clear()
        got = self[key] = self.lookup(self.make(key))
        return got


class _CueLemma:
    """Weights of the cue features of one lemma (see :func:`cue_features`)."""

    __slots__ = ("docn", "kp", "l", "lex", "lexd", "lhl", "lk", "lkc", "lkm2", "lnq", "lnw", "lp", "lpw", "lq",
                 "lsk", "lt", "ld")

    def __init__(self, lem: str, weight: Callable[[str], float]):
        self.l = weight("l=" + lem)
        self.lq = [weight("lq=" + lem + "|" + q) for q in "01"]
        self.lnq = {q: weight("lnq=" + lem + "|" + q) for q in "01"}
        cls = CUE_CLASSES.get(lem)
        self.lex = None if cls is None else weight("lex=" + cls)
        self.lexd = _Memo(lambda d: "lexd=" + str(cls) + "|" + d, weight)
        self.docn = lem in DOCUMENT_NOUNS
        self.ld = _Memo(lambda d: "ld=" + lem + "|" + d, weight)
        self.lp = _Memo(lambda p: "lp=" + lem + "|" + p, weight)
        self.lt = _Memo(lambda t: "lt=" + lem + "|" + t, weight)
        self.lk = _Memo(lambda d: "lk=" + lem + "|" + d, weight)
        self.kp = _Memo(lambda w: "kp=" + lem + "|" + w, weight)
        self.lnw = _Memo(lambda w: "lnw=" + lem + "|" + w, weight)
        self.lpw = _Memo(lambda w: "lpw=" + lem + "|" + w, weight)
        self.lhl = _Memo(lambda k: "lhl=" + lem + "|" + k[0] + "|" + k[1], weight)
        self.lsk = _Memo(lambda k: "lsk=" + lem + "|" + k[0] + "|" + k[1], weight)
        self.lkc = _Memo(lambda k: "lkc=" + lem + "|" + k[0] + "|" + k[1], weight)
        self.lkm2 = _Memo(lambda k: "lkm2=" + lem + "|" + k[0] + "|" + k[1], weight)


class _CueWeights:
    """The one-column cue model's weights of the features of :func:`cue_features` without
    building their names: the same numbers in the same order, so the same sums (a feature the
    model never saw weighs 0.0, as in :meth:`_Linear.scores`). Words are looked up in tables
    read off the model's names at load, the rest in tables filled on first use."""

    def __init__(self, weights: dict[str, float]):
        get = weights.get

        def weight(name: str) -> float:
            return get(name, 0.0)

        self.b = weight("b")
        self.docn = weight("docn")
        self.nokids = weight("nokids")
        self.ss = weight("ss")
        self.q = [weight("q=" + q) for q in "01"]
        self.nq = {q: weight("nq=" + q) for q in "01"}
        words: dict[str, dict[str, float]] = {k: {} for k in ("w=", "hl=", "kpw=", "km=", "pw=", "nw=")}
        for n, x in weights.items():
            k = n[:n.find("=") + 1]
            if k in words:
                words[k][n[len(k):]] = x
        self.w, self.hl, self.kpw, self.km, self.pw, self.nw = (words[k] for k in ("w=", "hl=", "kpw=", "km=", "pw=", "nw="))
        self.p = _Memo(lambda x: "p=" + x, weight)
        self.t = _Memo(lambda x: "t=" + x, weight)
        self.d = _Memo(lambda x: "d=" + x, weight)
        self.ks = _Memo(lambda x: "ks=" + x, weight)
        self.k = _Memo(lambda x: "k=" + x, weight)
        self.pd = _Memo(lambda k: "pd=" + k[0] + "|" + k[1], weight)
        self.hp = _Memo(lambda k: "hp=" + k[0] + "|" + k[1], weight)
        self.sk = _Memo(lambda k: "sk=" + k[0] + "|" + k[1], weight)
        self.kc = _Memo(lambda k: "kc=" + k[0] + "|" + k[1], weight)
        self.km2 = _Memo(lambda k: "km2=" + k[0] + "|" + k[1], weight)
        self.kpo = _Memo(lambda k: "kpo=" + k[0] + "|" + k[1], weight)
        self.lems = _Memo(lambda lem: lem, lambda lem: _CueLemma(lem, weight))

    def of(self, v: DocView, i: int) -> list[float]:
        """The weights of :func:`cue_features` ``(v, i)``, in its order."""
        lem = v.lemma[i]
        pos = v.pos[i]
        dep = v.dep[i]
        h = v.head[i]
        qi = v.inq[i]
        tag = v.tag[i]
        lower, vdep, vpos, children = v.lower, v.dep, v.pos, v.children
        lt = self.lems[lem]
        f = [self.b, self.w.get(lower[i], 0.0), lt.l, self.p[pos], self.t[tag], self.d[dep], lt.ld[dep],
             lt.lp[pos], self.pd[pos, dep], self.hl.get(v.lemma[h], 0.0), self.hp[vpos[h], dep], self.q[qi],
             lt.lq[qi]]
        if lt.lex is not None:
            f.append(lt.lex)
            f.append(lt.lexd[dep])
        if lt.docn:
            f.append(self.docn)
        kids: set[str] = set()
        for c in children[i]:
            cd = vdep[c]
            if cd == "punct":
                continue
            kids.add(cd)
            if cd == "prep" or cd == "prt" or cd == "agent":
                f.append(lt.kp[lower[c]])
                f.append(self.kpw.get(lower[c], 0.0))
            elif cd == "mark":
                f.append(self.km.get(lower[c], 0.0))
            elif cd == "nsubj" or cd == "nsubjpass":
                f.append(self.ks[vpos[c]])
        for cd in kids:
            f.append(self.k[cd])
            f.append(lt.lk[cd])
        if not kids:
            f.append(self.nokids)
        pw = lower[i - 1] if i > 0 else "<s>"
        nw = lower[i + 1] if i + 1 < v.n else "</s>"
        f.append(self.pw.get(pw, 0.0))
        f.append(self.nw.get(nw, 0.0))
        f.append(lt.lnw[nw])
        f.append(lt.lpw[pw])
        near = "0"
        inq = v.inq
        for k in range(max(0, i - 3), min(v.n, i + 4)):
            if k != i and inq[k]:
                near = "1"
                break
        f.append(self.nq[near])
        f.append(lt.lnq[near])
        if v.sstart[i]:
            f.append(self.ss)
        f.append(lt.lt[tag])
        f.append(lt.lhl[v.lemma[h], dep])
        for c in children[i]:
            cd = vdep[c]
            if cd == "nsubj" or cd == "nsubjpass" or cd == "poss" or cd == "agent":
                kind = _holder_kind(v, c)
                if cd == "agent":
                    objs = [g for g in children[c] if vdep[g] == "pobj"]
                    if objs:
                        kind = _holder_kind(v, objs[0])
                f.append(self.sk[cd, kind])
                f.append(lt.lsk[cd, kind])
            elif cd in _GOVERNED:
                f.append(self.kc[cd, vpos[c]])
                f.append(lt.lkc[cd, v.lemma[c]])
                for g in children[c]:
                    if g < c and (vdep[g] == "mark" or vdep[g] == "aux"):
                        f.append(self.km2[cd, lower[g]])
                        f.append(lt.lkm2[cd, lower[g]])
            elif cd == "prep":
                objs = [g for g in children[c] if vdep[g] == "pobj"]
                if objs:
                    f.append(self.kpo[lower[c], _holder_kind(v, objs[0])])
        return f


class _RoleRows:
    """The role model's rows of the features of :func:`_branch_names` and :func:`_token_names`
    without building their names.

    The features of words (punctuation, the cue's neighbour, a word near its path, a clause
    marker, a branch's first word) are looked up in tables read off the model's feature names
    at load; those of labels (tag, dependency, the branch's shape and path, the cue's lemma) in
    tables filled on first use: combinations of the parser's labels and the cue lemmas, so
    few (each table is emptied past ``_MEMO_LIMIT`` entries all the same). A feature the model
    never saw has the model's all-zero row, as in :meth:`_Linear.scores`; the rows come in the
    order of the names, so their sums are the same numbers.
    """

    def __init__(self, names: Sequence[str]):
        self.index = {n: k for k, n in enumerate(names)}
        self.unk = unk = len(names)
        get = self.index.get
        self.self_rows = [get("b", unk), get("self", unk)]
        self.dir = {d: {b: get("dir=" + d + b, unk) for b in "125xX"} for d in "LR"}
        self.q = [get("q=" + q, unk) for q in _QS]
        self.cm = {d: {b: get("cm=" + b + d, unk) for b in "012"} for d in "LR"}
        self.oc = {d: {b: get("oc=" + b + d, unk) for b in "012"} for d in "LR"}
        self.under = {u: get("under=" + u, unk) for u in "01"}
        self.td: dict[str, int] = {}
        self.tops: dict[str, _TopRows] = {}
        self.paths: dict[tuple[str, tuple[str, ...]], tuple[int, dict[str, int]]] = {}
        self.lems: dict[str, _LemmaRows] = {}
        self.punct: dict[str, int] = {}
        self.adj: dict[str, dict[str, int]] = {"L": {}, "R": {}}
        self.near: dict[str, dict[str, int]] = {"L": {}, "R": {}}
        self.mk: dict[str, int] = {}
        self.mkd: dict[str, dict[str, int]] = {"L": {}, "R": {}}
        self.bw: dict[str, dict[str, int]] = {k: {} for k in "DNAS"}
        for n, k in self.index.items():
            if n.startswith("punct="):
                self.punct[n[6:]] = k
            elif n.startswith("adj=") and n[4:5] in ("L", "R") and n[5:6] == "|":
                self.adj[n[4]][n[6:]] = k
            elif n.startswith("near=") and n[-2:] in ("|L", "|R"):
                self.near[n[-1]][n[5:-2]] = k
            elif n.startswith("mk="):
                self.mk[n[3:]] = k
            elif n.startswith("mkd=") and n[-1:] in ("L", "R"):
                self.mkd[n[-1]][n[4:-1]] = k
            elif n.startswith("bw=") and n[-2:-1] == "|" and n[-1] in self.bw:
                self.bw[n[-1]][n[3:-2]] = k

    def _top(self, top: str) -> _TopRows:
        if len(self.tops) > _MEMO_LIMIT:
            self.tops.clear()
        got = self.tops[top] = _TopRows(top, self.index, self.unk)
        return got

    def _lemma(self, lem: str) -> _LemmaRows:
        if len(self.lems) > _MEMO_LIMIT:
            self.lems.clear()
        got = self.lems[lem] = _LemmaRows(lem, self.index, self.unk)
        return got

    def branch(self, top: str, lem: str, direction: str, up3: str, d3: tuple[str, ...], hc: str,
               word: str | None) -> list[int]:
        """The rows of :func:`_branch_names` of the same arguments."""
        if top is _SELF:
            return self.self_rows
        unk = self.unk
        tt = self.tops.get(top)
        if tt is None:
            tt = self._top(top)
        lt = self.lems.get(lem)
        if lt is None:
            lt = self._lemma(lem)
        topl = lt.topl.get(top)
        if topl is None:
            if len(lt.topl) > _MEMO_LIMIT:
                lt.topl.clear()
            topl = lt.topl[top] = self.index.get("topl=" + top + "|" + lem, unk)
        pk = (up3, d3)
        pr = self.paths.get(pk)
        if pr is None:
            if len(self.paths) > _MEMO_LIMIT:
                self.paths.clear()
            path = up3 + "|" + "/".join(d3)
            get = self.index.get
            pr = self.paths[pk] = (get("path=" + path, unk), {d: get("pathd=" + path + "|" + d, unk) for d in "LR"})
        f = [lt.b, tt.top, topl, tt.topd[direction], pr[0], pr[1][direction], lt.l, lt.ld[direction], tt.hct[hc]]
        if word is not None:
            f.append(self.bw[top[:1]].get(word, unk))
            bwl = lt.bwl.get(word)
            if bwl is None:
                if len(lt.bwl) > _MEMO_LIMIT:
                    lt.bwl.clear()
                bwl = lt.bwl[word] = self.index.get("bwl=" + lem + "|" + word, unk)
            f.append(bwl)
        return f

    def token(self, direction: str, db: str, pos: str, dep: str, top: str, qi: int, cb: str, te: bool,
              punct: str | None, adj: str | None, near: str | None, oc: str, under: str,
              mark: str) -> list[int]:
        """The rows of :func:`_token_names` of the same arguments."""
        unk = self.unk
        tt = self.tops.get(top)
        if tt is None:
            tt = self._top(top)
        tp = tt.tp.get(pos)
        if tp is None:
            tp = tt.tp[pos] = self.index.get("tp=" + pos + "|" + top, unk)
        td = self.td.get(dep)
        if td is None:
            td = self.td[dep] = self.index.get("td=" + dep, unk)
        f = [self.dir[direction][db], tp, td, self.q[qi], tt.qt[qi], self.cm[direction][cb], tt.cmt[cb]]
        if te:
            f.append(tt.te)
        if punct is not None:
            f.append(self.punct.get(punct, unk))
        if adj is not None:
            f.append(self.adj[direction].get(adj, unk))
        if near is not None:
            f.append(self.near[direction].get(near, unk))
        f.append(self.oc[direction][oc])
        f.append(self.under[under])
        if mark:
            f.append(self.mk.get(mark, unk))
            f.append(self.mkd[direction].get(mark, unk))
        return f


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
        self.names = list(names)
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
        self.role_rows = _RoleRows(role.names)
        # The one-column cue model's weights, found without names (a wider one goes by name).
        self.cue_rows = _CueWeights(cue.weight) if cue.weight is not None else None

    def cue_probs(self, batch: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        s = self.cue.scores(batch)[:, 0]
        return 1.0 / (1.0 + np.exp(-s))

    def cue_probs_of(self, v: DocView, cands: Sequence[int]) -> Any:
        """:meth:`cue_probs` of the :func:`cue_features` of tokens ``cands``: the same numbers."""
        import numpy as np

        if self.cue_rows is None:
            return self.cue_probs([cue_features(v, i) for i in cands])
        of = self.cue_rows.of
        s = np.asarray([sum(of(v, i)) for i in cands], dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-s))

    def role_probs_of(self, v: DocView, c: int, toks: Sequence[int], lem: str) -> Any:
        """:meth:`role_probs` of :func:`role_batch`: the same sums, the rows found without names."""
        import numpy as np

        rows = self.role_rows
        per_tok = _role_parts(v, c, toks, lem, rows.branch, rows.token)
        starts = np.fromiter(accumulate(map(len, per_tok), initial=0), dtype=np.int64, count=len(per_tok) + 1)
        flat = np.fromiter(chain.from_iterable(per_tok), dtype=np.int64, count=int(starts[-1]))
        s = np.add.reduceat(self.role.coef.take(flat, axis=0), starts[:-1], axis=0)
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
