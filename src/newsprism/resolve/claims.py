"""Claim groups across articles: the same proposition in other words; a denial joins what it denies.

Propositions become weighted bags of concept keys: content words with spelling variants
folded ("Qassem" = "Qasem"), news-frame words mapped to one concept (revenge = retaliation,
killing = death = martyrdom = assassination, attack = operation = storm = flood), dates
("Oct. 7" = "October 7") and, when ``entity_of`` is given, cross-document entity ids for the
names inside them. Claims sharing rare keys are compared (an inverted index gives the
candidates, never all pairs) and merged when their weighted cosine is high enough on
average across the two groups. A denial whose words point at another statement ("Hamas
denied the Iranian version") joins the group of the assertion it refers to.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..model import Analysis, Claim
from ..stages.temporal import MONTHS
from .speakers import speaker_entity
from .vectors import unit_rows

__all__ = ["EntityOf", "claim_groups", "concept_keys", "conflicts", "group_claims"]

EntityOf = Callable[[str, int, int], "str | None"]

# News-frame words: different words, one concept.
_FRAMES: dict[str, tuple[str, ...]] = {
    "revenge": ("revenge", "revenges", "retaliation", "retaliations", "retaliate", "retaliated",
                "retaliatory", "reprisal", "reprisals", "vengeance", "avenge", "avenged", "avenging",
                "payback"),
    "death": ("killing", "killings", "killed", "kill", "kills", "death", "deaths", "died", "martyrdom",
              "martyred", "martyr", "assassination", "assassinated", "assassinate", "murder", "murdered",
              "slaying", "slain", "elimination", "eliminated"),
    "attack": ("attack", "attacks", "attacked", "operation", "operations", "storm", "flood", "assault",
               "offensive", "raid", "raids", "incursion", "massacre", "onslaught"),
    "strike": ("strike", "strikes", "airstrike", "airstrikes", "bombing", "bombings", "bombed", "drone"),
    "motive": ("motive", "motives", "reason", "reasons", "motivation", "motivations"),
    "response": ("respond", "responds", "response", "responses", "reaction", "react", "reacted"),
    "threat": ("threat", "threats", "threaten", "threatened", "warn", "warned", "warning"),
    "ally": ("ally", "allies", "proxy", "proxies", "partner", "partners"),
    "withdrawal": ("withdrawal", "withdraw", "leave", "leaving", "exit", "pullout"),
}
FRAME_OF: dict[str, str] = {w: f"F:{f}" for f, words in _FRAMES.items() for w in words}

# Multi-word names written several ways, folded before tokenising.
_ALIASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:islamic\s+)?revolutionary\s+guards?(?:\s+corps?)?(?:\s*\(irgc\))?", re.IGNORECASE),
     " irgc "),
    (re.compile(r"\bal[\s-]+(?=aqsa|quds)", re.IGNORECASE), " "),
    (re.compile(r"\bu\.\s?s\.(?:\s?a\.)?|\bunited\s+states\b", re.IGNORECASE), " usa "),
)
_MONTHS = MONTHS
_DATE = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})\b",
                   re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "for", "at", "by", "with", "from", "and", "or", "but", "as",
     "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
     "their", "there", "they", "them", "he", "she", "his", "her", "him", "we", "our", "us", "i", "you",
     "your", "which", "who", "whom", "what", "when", "where", "while", "also", "one", "some", "any", "all",
     "more", "most", "other", "such", "than", "then", "so", "not", "no", "nor", "only", "own", "same", "too",
     "very", "can", "could", "would", "should", "will", "may", "might", "must", "has", "have", "had", "do",
     "does", "did", "into", "over", "under", "about", "after", "before", "between", "during", "against",
     "through", "up", "down", "out", "off", "again", "further", "once", "here", "just", "said", "says", "say",
     "claim", "claims", "claimed", "claiming", "state", "stated", "statement", "remarks", "remark", "version",
     "according", "report", "reported", "deny", "denies", "denied", "denial", "validity"]
)
_DENY_REFERENCE = frozenset(
    ["version", "statement", "statements", "remark", "remarks", "claim", "claims", "report", "reports",
     "allegation", "allegations", "account", "comment", "comments", "assertion", "assertions", "accusation",
     "accusations", "story", "narrative", "validity", "truth", "accuracy", "veracity", "stated", "said"]
)

FRAME_WEIGHT = 1.5
ENTITY_WEIGHT = 1.5
THRESHOLD = 0.30  # weighted cosine for a candidate pair
GROUP_THRESHOLD = 0.22  # mean cosine across two groups before they merge (limits chaining)
MAX_POSTING = 2000  # keys shared by more claims than this are too common to propose candidates


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Spelling variants of names: doubled letters and a plural/possessive tail removed."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s")
    w = w.rstrip("'")
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def concept_keys(text: str, entities: Sequence[str] = ()) -> Counter[str]:
    """Concept keys of a proposition (frames, folded words, dates, given entity ids)."""
    keys: Counter[str] = Counter()
    for m in _DATE.finditer(text):
        keys[f"D:{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"] += 1
    text = _DATE.sub(" ", text)
    for pat, rep in _ALIASES:
        text = pat.sub(rep, text)
    for m in _WORD.finditer(text):
        raw = m.group(0)
        low = raw.lower().replace("’", "'")
        low = low.removesuffix("'s")
        if low in _STOP or len(low) < 2:
            continue
        frame = FRAME_OF.get(low)
        if frame is not None:
            keys[frame] += 1
        elif not low.isdigit() or len(low) == 4:
            keys[_fold(low)] += 1
    for e in entities:
        keys[f"E:{e}"] += 1
    return keys


def _weight(key: str) -> float:
    if key.startswith("F:"):
        return FRAME_WEIGHT
    if key.startswith("E:"):
        return ENTITY_WEIGHT
    return 1.0


_CLAUSE_WORDS = frozenset(["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
                           "did", "does", "do", "can", "could", "may", "might"])


def _is_reference(claim: Claim, evidence: str) -> bool:
    """A denial that names a statement ("the Iranian version", "the validity of the remarks ... regarding X")
    rather than restating its content."""
    words = [w.lower() for w in _WORD.findall(claim.proposition)]
    if len(words) > 12 or any(w in _CLAUSE_WORDS for w in words):
        return False
    return any(w.lower() in _DENY_REFERENCE for w in _WORD.findall(evidence)) or len(words) <= 4


class _Item:
    __slots__ = ("article", "claim", "keys", "norm", "order", "ref_keys", "reference", "vec")

    def __init__(self, article: str, claim: Claim, order: int):
        self.article = article
        self.claim = claim
        self.order = order
        self.keys: Counter[str] = Counter()
        self.ref_keys: Counter[str] = Counter()
        self.vec: dict[str, float] = {}
        self.norm = 1.0
        self.reference = False


def _entities_in(an: Analysis, start: int, end: int, entity_of: EntityOf | None) -> list[str]:
    if entity_of is None:
        return []
    out = []
    for m in an.mentions:
        if start <= m.start and m.end <= end:
            e = entity_of(an.id, m.start, m.end)
            if e:
                out.append(e)
    return out


def _prop_range(an: Analysis, c: Claim) -> tuple[int, int]:
    pos = an.text.find(c.proposition, c.start, c.end + 1)
    return (pos, pos + len(c.proposition)) if pos >= 0 else (c.start, c.end)


def _vectorise(items: list[_Item], df: Counter[str]) -> None:
    n = len(items)
    for it in items:
        vec = {k: _weight(k) * math.log(1.0 + n / df[k]) for k in it.keys}
        it.vec = vec
        it.norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0


@functools.lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[str]:
    """Concept keys of a holder's name; cached, since a denial is compared with every assertion."""
    return frozenset(concept_keys(name))


def _same_holder(a: Claim, b: Claim) -> bool:
    if a.holder_entity and a.holder_entity == b.holder_entity:
        return True
    ka = _holder_keys(a.holder_name or "")
    return bool(ka) and ka == _holder_keys(b.holder_name or "")


@functools.lru_cache(maxsize=65536)
def _holder_keys(name: str) -> frozenset[str]:
    return frozenset(k for k in _name_keys(name) if not k.startswith("F:"))


def _target_keys(target: _Item) -> set[str]:
    """The keys a denial can name a target by: its proposition's and its holder's."""
    return set(target.keys) | _name_keys(target.claim.holder_name or "")


def _ref_score(denial: _Item, tk: set[str]) -> float:
    """How well a denial's own words (its whole sentence) name a target claim (keys ``tk``) and its holder."""
    shared = [k for k in denial.ref_keys if k in tk]
    return (sum(denial.vec.get(k, 1.0) if k in denial.vec else 1.0 for k in shared)
            / (1.0 + len(denial.ref_keys)) ** 0.5)


def _twins(items: list[_Item], copies: Mapping[str, str]) -> dict[int, int]:
    """Item of a copy -> the same claim (label, holder, proposition, keys) in its original."""
    if not copies:
        return {}
    first: dict[tuple[str, str, str, str | None], int] = {}
    for j, it in enumerate(items):
        if it.article not in copies:
            first.setdefault((it.article, it.claim.label, it.claim.proposition, it.claim.holder_name), j)
    out: dict[int, int] = {}
    for j, it in enumerate(items):
        orig = copies.get(it.article)
        if orig is None:
            continue
        k = first.get((orig, it.claim.label, it.claim.proposition, it.claim.holder_name))
        if k is not None and items[k].keys == it.keys and items[k].ref_keys == it.ref_keys \
                and items[k].reference == it.reference:
            out[j] = k
    return out


def _candidate_sims(
    items: list[_Item], skip: set[int], mult: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, cosine) with a < b for every pair of claims sharing a key that at most MAX_POSTING
    of them carry (item i counting ``mult[i]`` times), leaving out denials that refer to a
    statement and the items in ``skip``; the cosine is over the claims' whole vectors."""
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    x = unit_rows((it.vec, it.norm) for it in items)
    if not x.nnz:
        return empty
    keep_row = np.array([not it.reference and j not in skip for j, it in enumerate(items)], dtype=np.float64)
    b = sp.diags(keep_row) @ (x != 0).astype(np.float64)
    postings = b.T @ mult
    b = b @ sp.diags((postings <= MAX_POSTING).astype(np.float64))
    b.eliminate_zeros()
    pairs = sp.triu(b @ b.T, k=1).tocoo()
    a_idx, b_idx = pairs.row.astype(np.int64), pairs.col.astype(np.int64)
    if not len(a_idx):
        return empty
    vals = np.empty(len(a_idx))
    step = 200_000
    for lo in range(0, len(a_idx), step):
        ra, rb = a_idx[lo : lo + step], b_idx[lo : lo + step]
        vals[lo : lo + step] = np.asarray(x[ra].multiply(x[rb]).sum(axis=1)).ravel()
    # Rounded so that pairs equal in exact arithmetic tie (and sort by their indices).
    return a_idx, b_idx, np.round(vals, 12)


# How far from a quote's cue a claim's holder may lie and still be the quote's source phrase
# ("..., said a statement from the terrorist group" is 1 character after its cue).
QUOTE_HOLDER_REACH = 80


def claim_groups(
    analyses: Sequence[Analysis], entity_of: EntityOf | None = None, copies: Mapping[str, str] | None = None
) -> list[tuple[str, Claim]]:
    """(article id, claim) pairs in input order, every claim with ``group`` (and ``holder_entity``) set.

    ``copies`` maps an article that copies another (a story's near-duplicates) to its original:
    a claim of the copy with the same label, holder, proposition and keys as one of the
    original's joins that claim's group and takes no part in the pairwise comparison (in a
    wire feed most reports of a big story are copies, and the pairs grow with the square).
    Group ids are derived from the members, so they do not depend on input order.
    """
    by_id = {an.id: an for an in analyses}
    flat: list[tuple[str, Claim]] = [(an.id, c) for an in analyses for c in an.claims]
    order = sorted(range(len(flat)), key=lambda i: (flat[i][0], flat[i][1].start, flat[i][1].end,
                                                     flat[i][1].label, flat[i][1].proposition))
    items = [_Item(flat[i][0], flat[i][1], i) for i in order]
    df: Counter[str] = Counter()
    for it in items:
        an = by_id[it.article]
        ps, pe = _prop_range(an, it.claim)
        it.keys = concept_keys(it.claim.proposition, _entities_in(an, ps, pe, entity_of))
        if it.claim.label == "denies":
            ev = an.text[it.claim.start : it.claim.end]
            it.ref_keys = concept_keys(ev, _entities_in(an, it.claim.start, it.claim.end, entity_of))
            it.reference = _is_reference(it.claim, ev)
        df.update(set(it.keys))
    _vectorise(items, df)
    twin_of = _twins(items, copies or {})

    # Candidate pairs: claims sharing a key that at most MAX_POSTING claims carry (denials that
    # refer to a statement join through it, below). Sparse products keep this linear in the
    # pairs: a story of 500 reports holds 10,000 claims and millions of pairs.
    # A claim stands for itself and its twins: it weighs their number in every sum and count.
    mult = np.ones(len(items))
    for k in twin_of.values():
        mult[k] += 1
    a_idx, b_idx, vals = _candidate_sims(items, set(twin_of), mult)
    strong = vals >= THRESHOLD
    sa, sb, sv = a_idx[strong], b_idx[strong], vals[strong]
    # Only a claim in some strong pair ever starts or joins a merge, so the group-to-group sums
    # need the pairs (weak ones too) between such claims only.
    active = np.zeros(len(items), dtype=bool)
    active[sa] = active[sb] = True
    linked = active[a_idx] & active[b_idx]
    between: dict[int, dict[int, float]] = defaultdict(dict)
    weighted = vals[linked] * mult[a_idx[linked]] * mult[b_idx[linked]]
    for a, b, v in zip(a_idx[linked].tolist(), b_idx[linked].tolist(), weighted.tolist()):
        between[a][b] = between[b][a] = v
    size = mult.tolist()
    track = True  # the sums are needed while strong pairs merge, not for the denials after

    parent = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        # ``between`` holds the summed similarity of each pair of groups, kept as groups merge:
        # the mean across two groups is then one lookup, not |A| x |B| of them.
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        if ra > rb:
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        size[ra] += size[rb]
        if not track:
            return
        links = between.pop(rb, {})
        links.pop(ra, None)
        into = between[ra]
        into.pop(rb, None)
        for k, v in links.items():
            into[k] = into.get(k, 0.0) + v
            other = between[k]
            other[ra] = other.get(ra, 0.0) + other.pop(rb)

    # Strongest pairs first (ties by pair), down to THRESHOLD.
    by_strength = np.lexsort((sb, sa, -sv))
    for a, b in zip(sa[by_strength].tolist(), sb[by_strength].tolist()):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if between[ra].get(rb, 0.0) / (size[ra] * size[rb]) >= GROUP_THRESHOLD:
            union(a, b)
    track = False

    # A denial left without an assertion in its group joins the assertion its words point at:
    # same article first (it usually answers a claim reported just before), any article next.
    targets: list[tuple[int, _Item, set[str]]] | None = None
    for i, it in enumerate(items):
        if not it.reference or i in twin_of:
            continue
        if targets is None:
            targets = [(j, o, _target_keys(o)) for j, o in enumerate(items)
                       if o.claim.label == "asserts" and o.claim.holder is not None]
        best: tuple[float, int] | None = None
        for j, other, tk in targets:
            if _same_holder(it.claim, other.claim):
                continue  # nobody denies their own statement
            score = _ref_score(it, tk) + (0.5 if other.article == it.article else 0.0)
            if other.article == it.article and other.claim.start > it.claim.start:
                score -= 0.25
            if best is None or score > best[0]:
                best = (score, j)
        if best is not None and best[0] > 0.5:
            union(i, best[1])
    # A copy's claim is its original's claim: same group (a twin may have been a denial's target).
    for j, k in twin_of.items():
        union(j, k)

    gid: dict[int, str] = {}
    for root, mem in members.items():
        first = min((items[m].article, items[m].claim.start, items[m].claim.end, items[m].claim.proposition)
                    for m in mem)
        gid[root] = "g-" + hashlib.sha1(repr(first).encode("utf-8")).hexdigest()[:10]
    out: list[tuple[str, Claim] | None] = [None] * len(flat)
    for i, it in enumerate(items):
        c = it.claim
        holder_entity = c.holder_entity
        if entity_of is not None and c.holder is not None and holder_entity is None:
            holder_entity = (entity_of(it.article, c.holder.start, c.holder.end)
                             or _quote_speaker(by_id[it.article], c, entity_of))
        out[it.order] = (it.article, dataclasses.replace(c, group=gid[find(i)], holder_entity=holder_entity))
    return [o for o in out if o is not None]


def _quote_speaker(an: Analysis, c: Claim, entity_of: EntityOf) -> str | None:
    """The entity of the speaker of the quote claim ``c`` was read from, when ``c``'s holder is
    that quote's source phrase (outside the quoted words, within QUOTE_HOLDER_REACH characters of
    its cue): the quote stage resolves "said a statement from the terrorist group" to Hamas through
    the article, where no entity mention covers the words."""
    if c.quote is None or c.holder is None or not 0 <= c.quote < len(an.quotes):
        return None
    q, h = an.quotes[c.quote], c.holder
    if q.embed is not None or q.speaker is None or q.cue is None or (h.start < q.end and q.start < h.end):
        return None
    if h.end < q.cue.start - QUOTE_HOLDER_REACH or q.cue.end + QUOTE_HOLDER_REACH < h.start:
        return None
    return speaker_entity(an, q, entity_of)


def group_claims(analyses: Sequence[Analysis], entity_of: EntityOf | None = None) -> list[Claim]:
    """The claims of ``analyses`` (in order) with ``group`` set; see :func:`claim_groups`."""
    return [c for _, c in claim_groups(analyses, entity_of)]


def _holder(article: str, c: Claim) -> dict[str, Any]:
    return {
        "holder": c.holder_name,
        "entity": c.holder_entity,
        "article": article,
        "start": c.start,
        "end": c.end,
        "holder_span": {"start": c.holder.start, "end": c.holder.end} if c.holder is not None else None,
        "confidence": c.confidence,
    }


def conflicts(items: Sequence[Analysis] | Sequence[tuple[str, Claim]]) -> list[dict[str, Any]]:
    """Groups whose claims take opposed stances (asserts vs denies), with who holds which.

    Takes grouped analyses or the (article id, claim) pairs from :func:`claim_groups`.
    """
    pairs: list[tuple[str, Claim]] = []
    for x in items:
        if isinstance(x, Analysis):
            pairs.extend((x.id, c) for c in x.claims)
        else:
            pairs.append(x)
    groups: dict[str, list[tuple[str, Claim]]] = defaultdict(list)
    for art, c in pairs:
        if c.group is not None:
            groups[c.group].append((art, c))
    out: list[dict[str, Any]] = []
    for g in sorted(groups):
        mem = sorted(groups[g], key=lambda p: (p[0], p[1].start, p[1].end))
        asserted = [p for p in mem if p[1].label == "asserts"]
        denied = [p for p in mem if p[1].label == "denies"]
        if not asserted or not denied:
            continue
        # The proposition as its most confident named holder put it.
        rep = max(asserted, key=lambda p: (p[1].holder is not None, p[1].confidence, -p[1].start))[1]
        out.append({
            "group": g,
            "proposition": rep.proposition,
            "asserted_by": [_holder(a, c) for a, c in asserted],
            "denied_by": [_holder(a, c) for a, c in denied],
            "articles": sorted({a for a, _ in mem}),
        })
    return out
