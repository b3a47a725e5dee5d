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
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import accumulate, chain, repeat
from pathlib import Path
from typing import Any

from .quote_lexicon import CUE_CLASSES, DOCUMENT_NOUNS, GROUP_NOUNS, PERSON_ROLE_NOUNS, PRONOUNS

__all__ = ["ROLES", "DocView", "QuoteModel", "cue_candidates", "cue_features", "load_model", "role_batch"]

ROLES = ("O", "content", "source", "cue")
_MODEL_DIR = Path(__file__).resolve().parent.parent / "models"


# --------------------------------------------------------------------------- features


# Hash -> string of the vocabulary's strings already met: a hash names one string in every
# spaCy vocabulary (it is the string's own hash), and the store's look-up is slow.
_STRINGS: dict[int, str] = {}


_LEMMAS: dict[int, str] = {}  # lemma hash -> the lemma in lower case


def _strings_of(hashes: list[int], table: dict[int, str], make: Callable[[int], Any]) -> list[str]:
    """The strings of ``hashes`` from ``table``, made by ``make`` for the hashes it lacks."""
    try:
        return list(map(table.__getitem__, hashes))
    except KeyError:
        if len(table) > 1_000_000:
            table.clear()
        for h in set(hashes):
            if h not in table:
                table[h] = str(make(h))
        return list(map(table.__getitem__, hashes))


class DocView:
    """Per-token attributes of a parsed document as plain lists (spaCy token access is slow)."""

    __slots__ = (
        "_clauses",
        "_marks",
        "_tree",
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
        from spacy.attrs import (
            DEP,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_PUNCT,
            IS_SPACE,
            LEMMA,
            LENGTH,
            LOWER,
            POS,
            SENT_START,
            TAG,
        )

        self.n = n = len(doc)
        self.text = doc.text if text is None else text
        strings = doc.vocab.strings
        import numpy as np

        arr = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, ENT_TYPE,
                            SENT_START])
        if n == 0:
            arr = np.zeros((0, 12), dtype=np.uint64)
        # The six string columns: hashes name the same strings in every vocabulary, so one
        # table (_STRINGS) serves every doc; a doc with hashes it lacks fills them first.
        hashes = arr[:, [0, 1, 2, 3, 4, 10]].T.reshape(-1).tolist()
        cols = _strings_of(hashes, _STRINGS, strings.__getitem__)
        self.lower = cols[:n]
        self.lemma = _strings_of(hashes[n:2 * n], _LEMMAS, lambda h: _STRINGS[h].lower())
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
        # commas[i]: commas before token i (so commas between two tokens is a difference);
        # spaCy's StringStore gives the hash (or symbol) a string is stored under.
        comma = arr[:, 0] == strings[","]
        self.commas = np.concatenate([zero, np.cumsum(comma, dtype=np.int64)]).tolist()
        # speech_before[i]: speech verbs (lexicon lemmas tagged VERB) before token i.
        speech = arr[:, 2] == strings["VERB"]
        lemma = self.lemma
        for k in np.flatnonzero(speech).tolist():
            speech[k] = lemma[k] in CUE_CLASSES
        self.speech_before = np.concatenate([zero, np.cumsum(speech, dtype=np.int64)]).tolist()
        # Kept for :meth:`tree`: the speech verbs, and the heads of clauses (_CLAUSE_DEPS).
        self._marks = (speech, np.isin(arr[:, 4], [strings[x] for x in sorted(_CLAUSE_DEPS)]))
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
        self._tree: _Tree | None = None
        self._clauses: dict[int, str] = {}

    def tree(self) -> _Tree:
        """The per-document tree facts the role features read for every cue (made on first use)."""
        got = self._tree
        if got is None:
            got = self._tree = _Tree(self)
        return got

    def clause_of(self, x: int) -> str:
        """The clause headed by ``x`` (its relation, a clause one of ``_CLAUSE_DEPS``) and its
        marker, as the role feature ``mk`` names it: "advcl:although", "conj:and", "ccomp:-"."""
        got = self._clauses.get(x)
        if got is None:
            dep, lower = self.dep, self.lower
            ms = [k for k in self.children[x] if k < x and dep[k] in _MARK_DEPS]
            got = self._clauses[x] = dep[x] + ":" + (lower[ms[0]] if ms else "-")
        return got

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


# The deepest tree the run-time role rows read in one pass: the reference walks of
# :func:`_role_parts` stop after 40 steps up from the cue and 60 from a token; in a tree this
# shallow no walk reaches its cap, so both give the same answers (deeper trees take the walks).
_FLAT_MAX_DEPTH = 40


class _Tree:
    """What :func:`_role_parts` walks up the heads to find, for every token at once.

    ``speech_above[t]``: the nearest speech verb at or above ``t``'s head (-1 for none, or for a
    root); ``clause_at[t]``: the nearest clause head at or above ``t`` (-1 for none). A walk that
    stops at the cue's path finds them too unless they lie on that path (its ancestors are on it
    as well), so one look-up replaces each walk. ``shallow``: no token deeper than
    ``_FLAT_MAX_DEPTH`` (pointer doubling: ``P`` jumps 1, 2, 4, ... heads up, ``S``/``K`` hold
    the nearest hit short of ``P``, ``D`` the steps to ``P``).
    """

    __slots__ = ("clause_at", "shallow", "speech_above")

    def __init__(self, v: DocView):
        import numpy as np

        speech, clause = v._marks
        ar = np.arange(v.n, dtype=np.int64)
        head = np.asarray(v.head, dtype=np.int64).reshape(-1)
        p = head
        d = (p != ar).astype(np.int64)
        s = np.where(speech, ar, -1)
        k = np.where(clause, ar, -1)
        done = False
        for _ in range(64):
            pp = p[p]
            s = np.where(s >= 0, s, s[p])
            k = np.where(k >= 0, k, k[p])
            d = d + d[p]
            if np.array_equal(pp, p):
                done = True
                break
            p = pp
        self.shallow = done and (v.n == 0 or int(d.max()) <= _FLAT_MAX_DEPTH)
        self.speech_above: list[int] = np.where(head != ar, s[head], -1).tolist()
        self.clause_at: list[int] = k.tolist()


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
            objs = [g for g in children[c] if vdep[g] == "pobj" or vdep[g] == "pcomp"]
            if objs:
                f.append("kpo=" + v.lower[c] + "|" + _holder_kind(v, objs[0]))
                if vdep[objs[0]] == "pcomp":
                    # "her refusal of releasing ...", "accused him of lying": a clause of its own.
                    f.append("lkpc=" + lem + "|" + v.lower[c])
        if cd == "dobj" or cd == "pobj" or cd == "attr":
            # The object tells a light verb's act ("took heat", "shed light on", "made the
            # reference", "In the statement, ..."): its lemma, with the cue's and alone.
            ol = v.lemma[c]
            f.append("ko=" + cd + "|" + ol)
            f.append("lko=" + lem + "|" + ol)
            if ol in DOCUMENT_NOUNS:
                f.append("kodoc=" + lem + "|" + cd)
    # A copula's predicate holds the attitude ("has been critical of", "are afraid that ...",
    # "was sure Trump would triumph"): the adjective, and what it governs.
    for c in children[i]:
        cd = vdep[c]
        if cd == "acomp":
            al = v.lemma[c]
            f.append("ka=" + al)
            f.append("lka=" + lem + "|" + al)
            for g in children[c]:
                gd = vdep[g]
                if gd == "prep":
                    f.append("kap=" + v.lower[g])
                elif gd in _GOVERNED:
                    f.append("kac=" + gd)
        elif cd == "nsubj" or cd == "nsubjpass":
            # What the subject is ("The implication is clear: ...", "his message was ...").
            f.append("ksl=" + v.lemma[c])
    # A word inside what a speech verb above it reports is mostly part of that report
    # (PolNeAR does not nest attributions): the class of the nearest such verb.
    sa = _reporting_verb(v, i)
    f.append("sa=" + (CUE_CLASSES[v.lemma[sa]] if sa >= 0 else "-"))
    f.append("psa=" + pos + "|" + (v.dep[i] if sa >= 0 else "-"))
    if (pos == "NOUN" or pos == "ADJ") and len(lem) > 5:
        # Derived nouns and adjectives share their endings ("-tion", "-ment", "-ful").
        f.append("suf=" + pos + "|" + lem[-3:])
    return f


_GOVERNED = frozenset({"ccomp", "xcomp", "acl", "relcl", "dobj", "advcl"})


def _reporting_verb(v: DocView, i: int) -> int:
    """The nearest speech verb of the lexicon above ``i`` whose report holds it (-1 for none): one
    reached from a verb coordinated with it is not ("agreed with him and seemed to think ...":
    "think" is no part of what was agreed), and the walk goes on above it; nor is one in
    another paragraph (a parse that runs on past a paragraph's end: '... favors a “strongman
    approach.”' then 'Under the new program, ... leaders could call on ...')."""
    head, dep = v.head, v.dep
    above = v.tree().speech_above
    x = i
    for _ in range(_FLAT_MAX_DEPTH):
        s = above[x]
        if s < 0:
            return -1
        lo, hi = (s, i) if s < i else (i, s)
        if v.text.find("\n", v.idx[lo], v.idx[hi]) >= 0:
            return -1
        # The path's last step into ``s``: the child of ``s`` at or above ``x``.
        y = x
        while head[y] != s:
            y = head[y]
        if dep[y] != "conj":
            return s
        x = s
    return -1


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
    return _role_parts(v, c, toks, lem, _names_of)


_QS = ("00", "01", "10", "11")  # the quote states of token and cue, str(inq[t]) + str(inq[c])

_SELF = "self"  # the branch of the cue itself: its features are "b" and "self"

# An emitter pair for one cue: the features of a token's branch, from its shape (``top``),
# direction ("L"/"R"), the path up (``up3``, the cue's side) and down (``d3``) through the
# lowest common ancestor and the branch's first word (or None); and a token's own, from the
# token, direction, distance, branch shape, quote states (index into _QS), commas and other
# speech verbs between it and the cue, whether a word near the cue's path, governed by another
# speech verb ("0"/"1") and the marker of its clause.
_EmitBranch = Callable[[str, str, str, "tuple[str, ...]", "str | None"], list[Any]]
_Emit = Callable[[int, str, int, str, int, int, int, bool, str, str], list[Any]]
_Emitters = Callable[["DocView", str, str], "tuple[_EmitBranch, _Emit]"]


def _band(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2"


def _names_of(v: DocView, lem: str, hc: str) -> tuple[_EmitBranch, _Emit]:
    """The emitters of the names the model was trained on, for a cue of lemma ``lem``
    (``hc``: "1" when it has a reported clause of its own)."""
    pos, dep, lower, punct, ent = v.pos, v.dep, v.lower, v.punct, v.ent

    def branch(top: str, direction: str, up3: str, d3: tuple[str, ...], word: str | None) -> list[str]:
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

    def token(t: int, direction: str, dist: int, top: str, qi: int, n_comma: int, n_sv: int, near: bool,
              under: str, mark: str) -> list[str]:
        db = "1" if dist == 1 else "2" if dist <= 3 else "5" if dist <= 6 else "x" if dist <= 15 else "X"
        q = _QS[qi]
        cb = _band(n_comma)
        f = [
            "dir=" + direction + db,
            "tp=" + pos[t] + "|" + top,
            "td=" + dep[t],
            "q=" + q,
            "qt=" + q + "|" + top,
            "cm=" + cb + direction,
            "cmt=" + cb + "|" + top,
        ]
        e = ent[t]
        if e == "DATE" or e == "TIME":
            f.append("te=" + top)
        if punct[t]:
            f.append("punct=" + lower[t])
        if dist == 1:
            f.append("adj=" + direction + "|" + lower[t])
        if near:
            f.append("near=" + lower[t] + "|" + direction)
        f.append("oc=" + _band(n_sv) + direction)
        f.append("under=" + under)
        if mark:
            f.append("mk=" + mark)
            f.append("mkd=" + mark + direction)
        return f

    return branch, token


def _role_parts(v: DocView, c: int, toks: Sequence[int], lem: str, emitters: _Emitters) -> list[list[Any]]:
    """:func:`role_batch` with each branch's features and each token's own made by the
    ``emitters`` (names for training, :func:`_names_of`; model rows at run time,
    :meth:`_RoleRows.emitters`). The features of the token's branch (its path to the cue and that
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

    inq, lower, commas = v.inq, v.lower, v.commas
    qc = inq[c]
    # Does the cue have a reported clause of its own? Its other branches are then adjuncts.
    hc = "1" if any(dep[k] == "ccomp" for k in v.children[c]) else "0"
    emit_branch, emit = emitters(v, lem, hc)
    out: list[list[Any]] = []
    shared: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}
    for t in toks:
        if t == c:
            out.append(emit_branch(_SELF, "", "", (), None))
            continue
        it = memo.get(t)
        lca_up, d3, n_down, branch = it if it is not None else info(t)
        direction = "L" if t < c else "R"
        key = (lca_up, d3, n_down > 0, branch, direction)
        got = shared.get(key)
        if got is None:
            top = _path_top(lca_up, n_down, branch, dep, pos, up2)
            got = shared[key] = (top, emit_branch(
                top, direction, up3[lca_up] if lca_up > 0 else "", d3,
                lower[branch] if branch >= 0 and dep[branch] in _WORD_BRANCHES else None))
        if t > c:
            dist = t - c
            n_comma = commas[t] - commas[c + 1]
            n_sv = sv_before[t] - sv_before[c + 1]
        else:
            dist = c - t
            n_comma = commas[c] - commas[t + 1]
            n_sv = sv_before[c] - sv_before[t + 1]
        if t in cue_pos:
            under, mark = "0", ""
        else:
            # The memo's answers first (what up() would give for them), then the walk.
            ht = head[t]
            if ht == t:
                under = "0"
            else:
                g = under_memo.get(ht)
                under = "1" if (g if g is not None else governed(ht)) else "0"
            mk = mark_memo.get(t)
            mark = mk if mk is not None else clause_mark(t)
        out.append(got[1] + emit(t, direction, dist, got[0], 2 * inq[t] + qc, n_comma, n_sv,
                                 n_down <= 1 and lca_up <= 1, under, mark))
    return out


_MEMO_LIMIT = 200_000


def _path_top(lca_up: int, n_down: int, branch: int, dep: Sequence[str], pos: Sequence[str],
              up2: Sequence[str]) -> str:
    """The name of the top of a token's path from the cue, the feature its role rows start from.

    ``D:`` the token is below the cue (in the branch ``dep/pos``), ``N:`` not in the cue's
    sentence tree, ``A:`` an ancestor of the cue (``up2`` of its climb), ``S:`` a sibling branch
    reached by climbing and going down. Both the named features and the fast rows use it, so the
    two cannot name a path differently.
    """
    bd = (dep[branch] + "/" + pos[branch]) if branch >= 0 else "?"
    if lca_up == 0:
        return "D:" + bd
    if lca_up < 0:
        return "N:" + bd
    if not n_down:
        return "A:" + up2[lca_up]
    return "S:" + up2[lca_up] + ">" + bd


class _TopRows:
    """Rows of the features of one branch shape (``top``)."""

    __slots__ = ("cmt", "hct", "qt", "te", "top", "topd", "tp")

    def __init__(self, top: str, index: dict[str, int], unk: int):
        get = index.get
        self.top = get("top=" + top, unk)
        self.topd = {d: get("topd=" + top + "|" + d, unk) for d in "LR"}
        self.hct = {h: get("hct=" + h + "|" + top, unk) for h in "01"}
        self.qt = [get("qt=" + q + "|" + top, unk) for q in _QS]
        self.cmt = [get("cmt=" + b + "|" + top, unk) for b in "012"]
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


class _RoleRows:
    """The role model's rows of the features of :func:`_names_of` without building their names.

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
        # By distance (0-16, 16 for all further), by comma and speech-verb band (0, 1, 2).
        bands = ["?", "1", "2", "2", "5", "5", "5"] + ["x"] * 9 + ["X"]
        self.dir = {d: [get("dir=" + d + band, unk) for band in bands] for d in "LR"}
        self.q = [get("q=" + q, unk) for q in _QS]
        self.cm = {d: [get("cm=" + b + d, unk) for b in "012"] for d in "LR"}
        self.oc = {d: [get("oc=" + b + d, unk) for b in "012"] for d in "LR"}
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
        # The rows of a branch by everything they depend on (cue lemma, its reported clause,
        # the branch's shape, direction and path, its first word): the same branches come back
        # cue after cue.
        self.branches: dict[tuple[Any, ...], list[int]] = {}
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

    def emitters(self, v: DocView, lem: str, hc: str) -> tuple[_EmitBranch, _Emit]:
        """Emitters of the rows of :func:`_names_of`'s names, same arguments, same order."""
        unk = self.unk
        get = self.index.get
        pos, dep, lower, punct, ent = v.pos, v.dep, v.lower, v.punct, v.ent
        tops, paths, td = self.tops, self.paths, self.td
        lt = self.lems.get(lem)
        if lt is None:
            lt = self._lemma(lem)
        b, l_row, ld, topl, bwl = lt.b, lt.l, lt.ld, lt.topl, lt.bwl
        self_rows, bw, top_of = self.self_rows, self.bw, self._top
        dir_rows, q_rows, cm, oc, under_rows = self.dir, self.q, self.cm, self.oc, self.under
        punct_rows, adj, near_rows, mk_rows, mkd = self.punct, self.adj, self.near, self.mk, self.mkd

        def branch(top: str, direction: str, up3: str, d3: tuple[str, ...], word: str | None) -> list[int]:
            if top is _SELF:
                return self_rows
            tt = tops.get(top)
            if tt is None:
                tt = top_of(top)
            r_topl = topl.get(top)
            if r_topl is None:
                if len(topl) > _MEMO_LIMIT:
                    topl.clear()
                r_topl = topl[top] = get("topl=" + top + "|" + lem, unk)
            pk = (up3, d3)
            pr = paths.get(pk)
            if pr is None:
                if len(paths) > _MEMO_LIMIT:
                    paths.clear()
                path = up3 + "|" + "/".join(d3)
                pr = paths[pk] = (get("path=" + path, unk),
                                  {d: get("pathd=" + path + "|" + d, unk) for d in "LR"})
            f = [b, tt.top, r_topl, tt.topd[direction], pr[0], pr[1][direction], l_row, ld[direction],
                 tt.hct[hc]]
            if word is not None:
                f.append(bw[top[:1]].get(word, unk))
                r_bwl = bwl.get(word)
                if r_bwl is None:
                    if len(bwl) > _MEMO_LIMIT:
                        bwl.clear()
                    r_bwl = bwl[word] = get("bwl=" + lem + "|" + word, unk)
                f.append(r_bwl)
            return f

        def token(t: int, direction: str, dist: int, top: str, qi: int, n_comma: int, n_sv: int, near: bool,
                  under: str, mark: str) -> list[int]:
            tt = tops.get(top)
            if tt is None:
                tt = top_of(top)
            p = pos[t]
            r_tp = tt.tp.get(p)
            if r_tp is None:
                r_tp = tt.tp[p] = get("tp=" + p + "|" + top, unk)
            d = dep[t]
            r_td = td.get(d)
            if r_td is None:
                if len(td) > _MEMO_LIMIT:
                    td.clear()
                r_td = td[d] = get("td=" + d, unk)
            cb = 0 if n_comma <= 0 else 1 if n_comma == 1 else 2
            f = [dir_rows[direction][min(16, dist)], r_tp, r_td, q_rows[qi], tt.qt[qi],
                 cm[direction][cb], tt.cmt[cb]]
            e = ent[t]
            if e == "DATE" or e == "TIME":
                f.append(tt.te)
            if punct[t]:
                f.append(punct_rows.get(lower[t], unk))
            if dist == 1:
                f.append(adj[direction].get(lower[t], unk))
            if near:
                f.append(near_rows[direction].get(lower[t], unk))
            f.append(oc[direction][0 if n_sv <= 0 else 1 if n_sv == 1 else 2])
            f.append(under_rows[under])
            if mark:
                f.append(mk_rows.get(mark, unk))
                f.append(mkd[direction].get(mark, unk))
            return f

        return branch, token

    def flat(self, v: DocView, c: int, toks: Sequence[int], lem: str) -> tuple[list[int], list[int]] | None:
        """The rows of :func:`_role_parts` with :meth:`emitters`, all tokens in one list, with
        where each token's rows start (and the end): the same rows in the same order, so the
        same sums. None for a tree deeper than ``_FLAT_MAX_DEPTH`` (the caller takes
        :func:`_role_parts`).

        Why a second pass: in :func:`_role_parts` most of the time goes to the calls per token
        (the emitter, two walks up the heads for ``under`` and ``mk``) and to lists joined per
        token. Here the walks are one look-up each in :meth:`DocView.tree` (a walk stopping at
        the cue's path finds the same as the nearest hit, unless that hit is on the path), each
        branch's rows and shape are found once per cue (tokens of one branch share them), and
        the token's rows go straight into one list.
        """
        tree = v.tree()
        if not tree.shallow:
            return None
        anc = v.ancestors(c)
        cue_pos = {a: k for k, a in enumerate(anc)}
        dep, head, pos, lower, punct, ent = v.dep, v.head, v.pos, v.lower, v.punct, v.ent
        ups = [[dep[a] for a in anc[:k]] for k in range(len(anc))]
        up2 = ["/".join(u[:2]) for u in ups]
        up3 = ["/".join(u[:3]) for u in ups]
        hc = "1" if any(dep[k] == "ccomp" for k in v.children[c]) else "0"
        emit_branch, _ = self.emitters(v, lem, hc)
        unk = self.unk
        get = self.index.get
        tops, top_of = self.tops, self._top
        # A branch group: [rows going left, rows going right (both filled on first use), top,
        # the up3 and d3 of its path, its first word, its _TopRows, near the cue's path, on it,
        # (lca_up, d3, n_down, branch) as _role_parts' info() gives them, n_down capped at 3,
        # the groups one relation further down, and its _TopRows' tp, qt and cmt].
        # Each group is made once: a walk reaches a node once (then it is in the memo below),
        # and the groups further down a branch are kept by relation on their parent group.
        def group(lca_up: int, d3: tuple[str, ...], n_down: int, branch: int) -> list[Any]:
            top = _path_top(lca_up, n_down, branch, dep, pos, up2)
            tt = tops.get(top)
            if tt is None:
                tt = top_of(top)
            return [None, None, top, up3[lca_up] if lca_up > 0 else "", d3,
                    lower[branch] if branch >= 0 and dep[branch] in _WORD_BRANCHES else None,
                    tt, n_down <= 1 and lca_up <= 1, n_down == 0, (lca_up, d3, n_down, branch), {}, tt.tp,
                    tt.qt, tt.cmt]

        branches = self.branches

        def branch_rows(g: list[Any], r: int) -> list[int]:
            bkey = (lem, hc, g[2], r, g[3], g[4], g[5])
            got = branches.get(bkey)
            if got is None:
                if len(branches) > _MEMO_LIMIT:
                    branches.clear()
                got = branches[bkey] = emit_branch(g[2], "LR"[r], g[3], g[4], g[5])
            g[r] = got
            return got

        # Each token's group, found by the walk up to the cue's path (or the root) and handed
        # down the walked chain: a token's group is its head's with its relation added to d3
        # (three at most; below that a branch's tokens share one group).
        memo: dict[int, list[Any]] = {}

        def walk(t: int) -> list[Any]:
            chain = []
            cur = t
            g = None
            while True:
                g = memo.get(cur)
                if g is not None:
                    break
                k = cue_pos.get(cur)
                if k is not None:
                    g = memo[cur] = group(k, (), 0, -1)
                    break
                chain.append(cur)
                h = head[cur]
                if h == cur:
                    g = None  # a root off the cue's path: a tree of its own
                    break
                cur = h
            for node in reversed(chain):
                if g is None:
                    g = group(-1, (dep[node],), 1, node)
                else:
                    lca, d3, n_down, br = g[9]
                    if n_down == 0:
                        g = group(lca, (dep[node],), 1, node)
                    elif n_down < 3:
                        # The groups one relation further down, by that relation.
                        down = g[10]
                        dn = dep[node]
                        gd = down.get(dn)
                        if gd is None:
                            gd = down[dn] = group(lca, d3 + (dn,), n_down + 1, br)
                        g = gd
                memo[node] = g
            assert g is not None
            return g

        inq, commas, sv_before = v.inq, v.commas, v.speech_before
        speech_above, clause_at = tree.speech_above, tree.clause_at
        qc = inq[c]
        c1 = c + 1
        td, q_rows, punct_rows, mk_rows = self.td, self.q, self.punct, self.mk
        dir_lr = (self.dir["L"], self.dir["R"])
        cm_lr = (self.cm["L"], self.cm["R"])
        oc_lr = (self.oc["L"], self.oc["R"])
        adj_lr = (self.adj["L"], self.adj["R"])
        near_lr = (self.near["L"], self.near["R"])
        mkd_lr = (self.mkd["L"], self.mkd["R"])
        under0, under1 = self.under["0"], self.under["1"]
        marks: dict[int, tuple[int, int, int]] = {}  # a clause head's mk, mkd (L), mkd (R) rows
        flat: list[int] = []
        starts: list[int] = []
        for t in toks:
            starts.append(len(flat))
            if t == c:
                flat += self.self_rows
                continue
            g = memo.get(t)
            if g is None:
                g = walk(t)
            if t > c:
                r = 1
                dist = t - c
                n_comma = commas[t] - commas[c1]
                n_sv = sv_before[t] - sv_before[c1]
            else:
                r = 0
                dist = c - t
                n_comma = commas[c] - commas[t + 1]
                n_sv = sv_before[c] - sv_before[t + 1]
            br = g[r]
            if br is None:
                br = branch_rows(g, r)
            flat += br
            p = pos[t]
            tp = g[11]
            r_tp = tp.get(p)
            if r_tp is None:
                r_tp = tp[p] = get("tp=" + p + "|" + g[2], unk)
            d = dep[t]
            r_td = td.get(d)
            if r_td is None:
                if len(td) > _MEMO_LIMIT:
                    td.clear()
                r_td = td[d] = get("td=" + d, unk)
            qi = 2 * inq[t] + qc
            cb = 0 if n_comma <= 0 else 1 if n_comma == 1 else 2
            flat += (dir_lr[r][min(16, dist)], r_tp, r_td, q_rows[qi], g[12][qi], cm_lr[r][cb], g[13][cb])
            e = ent[t]
            if e == "DATE" or e == "TIME":
                flat.append(g[6].te)
            if punct[t]:
                flat.append(punct_rows.get(lower[t], unk))
            if dist == 1:
                flat.append(adj_lr[r].get(lower[t], unk))
            if g[7]:
                flat.append(near_lr[r].get(lower[t], unk))
            flat.append(oc_lr[r][0 if n_sv <= 0 else 1 if n_sv == 1 else 2])
            if g[8]:  # the token is on the cue's path: not governed, no clause of its own
                flat.append(under0)
                continue
            sa = speech_above[t]
            flat.append(under1 if sa >= 0 and sa not in cue_pos else under0)
            m = clause_at[t]
            if m >= 0 and m not in cue_pos:
                got = marks.get(m)
                if got is None:
                    mark = v.clause_of(m)
                    got = marks[m] = (mk_rows.get(mark, unk), mkd_lr[0].get(mark, unk),
                                      mkd_lr[1].get(mark, unk))
                flat.append(got[0])
                flat.append(got[1 + r])
        starts.append(len(flat))
        return flat, starts


class _CueLemma:
    """The cue model's weights of the features of one lemma, by their other part (filled on first use)."""

    __slots__ = (
        "docn",
        "kodoc",
        "kp",
        "l",
        "ld",
        "lex",
        "lexd",
        "lhl",
        "lk",
        "lka",
        "lkc",
        "lkm2",
        "lko",
        "lkpc",
        "lnq",
        "lnw",
        "lp",
        "lpw",
        "lq",
        "lsk",
        "lt",
    )

    def __init__(self, lem: str, w: Callable[[str, float], float]):
        self.l = w("l=" + lem, 0.0)
        cls = CUE_CLASSES.get(lem)
        self.lex = w("lex=" + cls, 0.0) if cls is not None else None
        self.docn = w("docn", 0.0) if lem in DOCUMENT_NOUNS else None
        self.ld: dict[str, float] = {}
        self.lp: dict[str, float] = {}
        self.lq: dict[str, float] = {}
        self.lexd: dict[str, float] = {}
        self.kp: dict[str, float] = {}
        self.lk: dict[str, float] = {}
        self.lnw: dict[str, float] = {}
        self.lpw: dict[str, float] = {}
        self.lnq: dict[str, float] = {}
        self.lt: dict[str, float] = {}
        self.lhl: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.lsk: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.lkc: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.lkm2: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.lkpc: dict[str, float] = {}
        self.lko: dict[str, float] = {}
        self.lka: dict[str, float] = {}
        self.kodoc: dict[str, float] = {}


class _CueWeights:
    """The one-column cue model's weights of :func:`cue_features`' features, in their order,
    without building their names.

    Each feature's weight is kept in a table by the token's words and labels it is made of
    (by lemma first for the features with the cue's lemma), filled on first use with the
    weight of the name :func:`cue_features` gives (0.0 for a name the model never saw, as in
    :meth:`_Linear.scores`): a look-up by strings already made instead of a name built and
    hashed. The weights come in the names' order, so their sum is the same number. All tables
    are emptied together past ``_MEMO_LIMIT`` fills.
    """

    def __init__(self, weight: dict[str, float]):
        self.weight = weight
        w = weight.get
        self.b = w("b", 0.0)
        self.nokids = w("nokids", 0.0)
        self.ss = w("ss", 0.0)
        self.q = {q: w("q=" + q, 0.0) for q in "01"}
        self.nq = {q: w("nq=" + q, 0.0) for q in "01"}
        self._empty()

    def _empty(self) -> None:
        self.fills = 0
        self.lems: dict[str, _CueLemma] = {}
        self.word: dict[str, float] = {}
        self.p: dict[str, float] = {}
        self.t: dict[str, float] = {}
        self.d: dict[str, float] = {}
        self.hl: dict[str, float] = {}
        self.kpw: dict[str, float] = {}
        self.km: dict[str, float] = {}
        self.ks: dict[str, float] = {}
        self.k: dict[str, float] = {}
        self.pw: dict[str, float] = {}
        self.nw: dict[str, float] = {}
        self.pd: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.hp: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.sk: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.kc: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.km2: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.kpo: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.ko: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.ka: dict[str, float] = {}
        self.kap: dict[str, float] = {}
        self.kac: dict[str, float] = {}
        self.ksl: dict[str, float] = {}
        self.sa: dict[str, float] = {}
        self.psa: defaultdict[str, dict[str, float]] = defaultdict(dict)
        self.suf: defaultdict[str, dict[str, float]] = defaultdict(dict)

    def _fill(self, table: dict[str, float], key: str, name: str) -> float:
        self.fills += 1
        got = table[key] = self.weight.get(name, 0.0)
        return got

    def of(self, v: DocView, i: int) -> list[float]:
        """The weights of ``cue_features(v, i)``, in its order (each line below is one of its features)."""
        if self.fills > _MEMO_LIMIT:
            self._empty()
        fill = self._fill
        lem = v.lemma[i]
        low = v.lower[i]
        pos = v.pos[i]
        dep = v.dep[i]
        tag = v.tag[i]
        h = v.head[i]
        hlem = v.lemma[h]
        hpos = v.pos[h]
        q = "1" if v.inq[i] else "0"
        lt = self.lems.get(lem)
        if lt is None:
            lt = self.lems[lem] = _CueLemma(lem, self.weight.get)
        x = self.word.get(low)
        f = [self.b, x if x is not None else fill(self.word, low, "w=" + low), lt.l]
        x = self.p.get(pos)
        f.append(x if x is not None else fill(self.p, pos, "p=" + pos))
        x = self.t.get(tag)
        f.append(x if x is not None else fill(self.t, tag, "t=" + tag))
        x = self.d.get(dep)
        f.append(x if x is not None else fill(self.d, dep, "d=" + dep))
        x = lt.ld.get(dep)
        f.append(x if x is not None else fill(lt.ld, dep, "ld=" + lem + "|" + dep))
        x = lt.lp.get(pos)
        f.append(x if x is not None else fill(lt.lp, pos, "lp=" + lem + "|" + pos))
        tab = self.pd[pos]
        x = tab.get(dep)
        f.append(x if x is not None else fill(tab, dep, "pd=" + pos + "|" + dep))
        x = self.hl.get(hlem)
        f.append(x if x is not None else fill(self.hl, hlem, "hl=" + hlem))
        tab = self.hp[hpos]
        x = tab.get(dep)
        f.append(x if x is not None else fill(tab, dep, "hp=" + hpos + "|" + dep))
        f.append(self.q[q])
        x = lt.lq.get(q)
        f.append(x if x is not None else fill(lt.lq, q, "lq=" + lem + "|" + q))
        if lt.lex is not None:
            f.append(lt.lex)
            x = lt.lexd.get(dep)
            f.append(x if x is not None else fill(lt.lexd, dep, "lexd=" + CUE_CLASSES[lem] + "|" + dep))
        if lt.docn is not None:
            f.append(lt.docn)
        children, vdep, lower, vpos = v.children, v.dep, v.lower, v.pos
        kids: set[str] = set()
        for c in children[i]:
            cd = vdep[c]
            if cd == "punct":
                continue
            kids.add(cd)
            if cd == "prep" or cd == "prt" or cd == "agent":
                lc = lower[c]
                x = lt.kp.get(lc)
                f.append(x if x is not None else fill(lt.kp, lc, "kp=" + lem + "|" + lc))
                x = self.kpw.get(lc)
                f.append(x if x is not None else fill(self.kpw, lc, "kpw=" + lc))
            elif cd == "mark":
                lc = lower[c]
                x = self.km.get(lc)
                f.append(x if x is not None else fill(self.km, lc, "km=" + lc))
            elif cd == "nsubj" or cd == "nsubjpass":
                pc = vpos[c]
                x = self.ks.get(pc)
                f.append(x if x is not None else fill(self.ks, pc, "ks=" + pc))
        for cd in kids:
            x = self.k.get(cd)
            f.append(x if x is not None else fill(self.k, cd, "k=" + cd))
            x = lt.lk.get(cd)
            f.append(x if x is not None else fill(lt.lk, cd, "lk=" + lem + "|" + cd))
        if not kids:
            f.append(self.nokids)
        pw = lower[i - 1] if i > 0 else "<s>"
        nw = lower[i + 1] if i + 1 < v.n else "</s>"
        x = self.pw.get(pw)
        f.append(x if x is not None else fill(self.pw, pw, "pw=" + pw))
        x = self.nw.get(nw)
        f.append(x if x is not None else fill(self.nw, nw, "nw=" + nw))
        x = lt.lnw.get(nw)
        f.append(x if x is not None else fill(lt.lnw, nw, "lnw=" + lem + "|" + nw))
        x = lt.lpw.get(pw)
        f.append(x if x is not None else fill(lt.lpw, pw, "lpw=" + lem + "|" + pw))
        near = "0"
        inq = v.inq
        for k in range(max(0, i - 3), min(v.n, i + 4)):
            if k != i and inq[k]:
                near = "1"
                break
        f.append(self.nq[near])
        x = lt.lnq.get(near)
        f.append(x if x is not None else fill(lt.lnq, near, "lnq=" + lem + "|" + near))
        if v.sstart[i]:
            f.append(self.ss)
        x = lt.lt.get(tag)
        f.append(x if x is not None else fill(lt.lt, tag, "lt=" + lem + "|" + tag))
        tab = lt.lhl[hlem]
        x = tab.get(dep)
        f.append(x if x is not None else fill(tab, dep, "lhl=" + lem + "|" + hlem + "|" + dep))
        for c in children[i]:
            cd = vdep[c]
            if cd == "nsubj" or cd == "nsubjpass" or cd == "poss" or cd == "agent":
                hk = _holder_kind(v, c)
                if cd == "agent":
                    objs = [g for g in children[c] if vdep[g] == "pobj"]
                    if objs:
                        hk = _holder_kind(v, objs[0])
                tab = self.sk[cd]
                x = tab.get(hk)
                f.append(x if x is not None else fill(tab, hk, "sk=" + cd + "|" + hk))
                tab = lt.lsk[cd]
                x = tab.get(hk)
                f.append(x if x is not None else fill(tab, hk, "lsk=" + lem + "|" + cd + "|" + hk))
            elif cd in _GOVERNED:
                pc = vpos[c]
                tab = self.kc[cd]
                x = tab.get(pc)
                f.append(x if x is not None else fill(tab, pc, "kc=" + cd + "|" + pc))
                lc = v.lemma[c]
                tab = lt.lkc[cd]
                x = tab.get(lc)
                f.append(x if x is not None else fill(tab, lc, "lkc=" + lem + "|" + cd + "|" + lc))
                for g in children[c]:
                    if g < c and (vdep[g] == "mark" or vdep[g] == "aux"):
                        lg = lower[g]
                        tab = self.km2[cd]
                        x = tab.get(lg)
                        f.append(x if x is not None else fill(tab, lg, "km2=" + cd + "|" + lg))
                        tab = lt.lkm2[cd]
                        x = tab.get(lg)
                        f.append(x if x is not None else fill(tab, lg, "lkm2=" + lem + "|" + cd + "|" + lg))
            elif cd == "prep":
                objs = [g for g in children[c] if vdep[g] == "pobj" or vdep[g] == "pcomp"]
                if objs:
                    lc = lower[c]
                    hk = _holder_kind(v, objs[0])
                    tab = self.kpo[lc]
                    x = tab.get(hk)
                    f.append(x if x is not None else fill(tab, hk, "kpo=" + lc + "|" + hk))
                    if vdep[objs[0]] == "pcomp":
                        x = lt.lkpc.get(lc)
                        f.append(x if x is not None else fill(lt.lkpc, lc, "lkpc=" + lem + "|" + lc))
            if cd == "dobj" or cd == "pobj" or cd == "attr":
                ol = v.lemma[c]
                tab = self.ko[cd]
                x = tab.get(ol)
                f.append(x if x is not None else fill(tab, ol, "ko=" + cd + "|" + ol))
                x = lt.lko.get(ol)
                f.append(x if x is not None else fill(lt.lko, ol, "lko=" + lem + "|" + ol))
                if ol in DOCUMENT_NOUNS:
                    x = lt.kodoc.get(cd)
                    f.append(x if x is not None else fill(lt.kodoc, cd, "kodoc=" + lem + "|" + cd))
        vlemma = v.lemma
        for c in children[i]:
            cd = vdep[c]
            if cd == "acomp":
                al = vlemma[c]
                x = self.ka.get(al)
                f.append(x if x is not None else fill(self.ka, al, "ka=" + al))
                x = lt.lka.get(al)
                f.append(x if x is not None else fill(lt.lka, al, "lka=" + lem + "|" + al))
                for g in children[c]:
                    gd = vdep[g]
                    if gd == "prep":
                        lg = lower[g]
                        x = self.kap.get(lg)
                        f.append(x if x is not None else fill(self.kap, lg, "kap=" + lg))
                    elif gd in _GOVERNED:
                        x = self.kac.get(gd)
                        f.append(x if x is not None else fill(self.kac, gd, "kac=" + gd))
            elif cd == "nsubj" or cd == "nsubjpass":
                sl = vlemma[c]
                x = self.ksl.get(sl)
                f.append(x if x is not None else fill(self.ksl, sl, "ksl=" + sl))
        sa = _reporting_verb(v, i)
        cls = CUE_CLASSES[vlemma[sa]] if sa >= 0 else "-"
        x = self.sa.get(cls)
        f.append(x if x is not None else fill(self.sa, cls, "sa=" + cls))
        tab = self.psa[pos]
        sd = dep if sa >= 0 else "-"
        x = tab.get(sd)
        f.append(x if x is not None else fill(tab, sd, "psa=" + pos + "|" + sd))
        if (pos == "NOUN" or pos == "ADJ") and len(lem) > 5:
            tab = self.suf[pos]
            sf = lem[-3:]
            x = tab.get(sf)
            f.append(x if x is not None else fill(tab, sf, "suf=" + pos + "|" + sf))
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
            dict(zip(names, np.asarray(coef, dtype=np.float64)[:, 0].tolist())) if coef.shape[1] == 1
            else None)

    def scores(self, batch: Sequence[Sequence[str]]) -> Any:
        """(len(batch), n_classes) scores."""
        import numpy as np

        if self.weight is not None:
            w = self.weight.get
            return np.fromiter((sum(map(w, feats, repeat(0.0, len(feats)))) for feats in batch),
                               dtype=np.float64, count=len(batch)).reshape(len(batch), 1)
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
        # A cue only the model reads, and that finds no source, stands from this score on.
        self.sourceless_cue_threshold: float = float(meta.get("sourceless_cue_threshold", 0.0))
        self.extra_cues: frozenset[str] = frozenset(meta.get("extra_cue_lemmas", ()))
        known = meta.get("cue_lemmas")
        self.known_cues: frozenset[str] | None = frozenset(known) if known else None
        # A candidate whose lemma is not among ``known_cues`` stands from this score on.
        self.unseen_cue_threshold: float = float(meta.get("unseen_cue_threshold", 2.0))
        self.role_rows = _RoleRows(role.names)
        self.cue_weights = _CueWeights(cue.weight) if cue.weight is not None else None

    def cue_probs(self, batch: Sequence[Sequence[str]]) -> Any:
        import numpy as np

        s = self.cue.scores(batch)[:, 0]
        return 1.0 / (1.0 + np.exp(-s))

    def cue_probs_of(self, v: DocView, cands: Sequence[int]) -> Any:
        """``cue_probs([cue_features(v, i) for i in cands])``: the same sums of the same weights
        in the same order (see :class:`_CueWeights`), the names mostly not built."""
        import numpy as np

        cw = self.cue_weights
        if cw is None:  # a cue model of more than one column is scored by its rows
            return self.cue_probs([cue_features(v, i) for i in cands])
        s = np.fromiter((sum(cw.of(v, i)) for i in cands), dtype=np.float64, count=len(cands))
        return 1.0 / (1.0 + np.exp(-s))

    def role_probs_of(self, v: DocView, c: int, toks: Sequence[int], lem: str) -> Any:
        """:meth:`role_probs` of :func:`role_batch`: the same sums, the rows found without names."""
        import numpy as np

        rows = self.role_rows
        got = rows.flat(v, c, toks, lem)
        if got is not None:
            starts = np.fromiter(got[1], dtype=np.int64, count=len(got[1]))
            flat = np.fromiter(got[0], dtype=np.int64, count=len(got[0]))
        else:
            per_tok = _role_parts(v, c, toks, lem, rows.emitters)
            starts = np.fromiter(accumulate(map(len, per_tok), initial=0), dtype=np.int64,
                                 count=len(per_tok) + 1)
            flat = np.fromiter(chain.from_iterable(per_tok), dtype=np.int64, count=int(starts[-1]))
        s = np.add.reduceat(self.role.coef.take(flat, axis=0), starts[:-1], axis=0)
        # role_probs' softmax, in place (the same operations on the same numbers).
        s -= s.max(axis=1, keepdims=True)
        np.exp(s, out=s)
        s /= s.sum(axis=1, keepdims=True)
        return s

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
