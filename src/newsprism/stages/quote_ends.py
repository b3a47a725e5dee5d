"""Where reported content ends: a learned chooser among the places its sentence could end it.

The quote stage's rules end an indirect content where the parse's clause ends, then cut off
closing asides ("..., which ..."), appositives, dashed comments and the phrases placing the act;
each cut is right more often than not, and each is wrong in its own share of cases. This module
lists the other places the content could end — before each comma, conjunction, preposition,
relative pronoun or participle of the content's sentence, and at the sentence's end — names each
by the words around it, and scores them with one linear model (a conditional logit over the
candidates of one content) trained on PolNeAR's train split by ``scripts/train_content_ends.py``
and shipped as ``models/content_ends.json`` (feature weights, no pickle). The rules' own end is
one of the candidates, marked as such, so the model learns when to keep it; only a candidate past
it replaces it (the content runs on), and only by a margin (:func:`best_end`).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

__all__ = ["EndChoice", "best_end", "end_candidates", "load_weights"]

_MODEL = Path(__file__).resolve().parent.parent / "models" / "content_ends.json"

# The parts of speech whose words name a place the content could end before (their own words,
# not their part of speech, name them in the features: ", which", "and", "in", "to").
_OPENERS = frozenset({"CCONJ", "SCONJ", "ADP"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "that", "where", "when", "while", "as"})
# Content never ends on these (the stage's _no_dangling drops them).
_NO_END_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "SYM"})
_CLOSE_MARKS = frozenset({'"', "”", "’", "'", "''", "»", "›"})
_KEEP_WORDS = _OPENERS | {"PUNCT", "PRON", "DET", "PART", "AUX"}

EndChoice = tuple[int, list[str]]  # a candidate's last token and its features

# Set to a list by scripts/train_content_ends.py: the stage then appends each content's candidates
# (start char, rules' last token, [(last token, end char, features)]) and keeps the rules' ends.
_RECORD: list[tuple[int, int, list[tuple[int, int, list[str]]]]] | None = None


def _word(v: Any, t: int) -> str:
    """The name of token ``t`` in the features: its own word for the closed classes, else its tag."""
    if v.pos[t] in _KEEP_WORDS or v.lower[t] in _RELATIVES:
        return v.lower[t]
    return v.tag[t] if v.pos[t] in ("VERB", "AUX") else v.pos[t]


def _bucket(d: int) -> str:
    a = abs(d)
    b = ("0" if a == 0 else "1" if a == 1 else "2-3" if a <= 3 else "4-7" if a <= 7
         else "8-15" if a <= 15 else "16+")
    return ("+" if d > 0 else "-" if d < 0 else "") + b


def _tail_head(doc: Any, v: Any, a: int, stop: int) -> int:
    """The head of the largest subtree opening on token ``a`` that ends before ``stop``."""
    h = a
    while True:
        up = v.head[h]
        if up == h or up < a or up >= stop or doc[up].left_edge.i < a:
            return h
        h = up


def end_candidates(doc: Any, v: Any, k: int, last: int, stop: int, cue: int) -> list[EndChoice]:
    """The places content running from token ``k`` could end — its current last token ``last``
    among them — before token ``stop`` (its sentence's end, or the next act's words), each with
    its features; ``cue``: the act's cue token."""
    out: list[EndChoice] = []
    sent_end = v.sents[v.sent_of[last]][1]
    stop = min(stop, sent_end)
    final = stop - 1
    while final > k and v.punct[final] and v.lower[final] not in _CLOSE_MARKS:
        final -= 1
    side = "after" if cue < k else "before"
    for j in range(k + 1, stop):
        if j != last and j != final:
            if v.pos[j] in _NO_END_POS and v.lower[j] not in _CLOSE_MARKS:
                continue
            if v.lower[j] in _RELATIVES:
                continue
            n = j + 1
            if n >= stop or not (v.punct[n] or v.pos[n] in _OPENERS or v.lower[n] in _RELATIVES
                                 or v.tag[n] in ("VBG", "VBN") or v.lower[n] == "to"):
                continue
        b = "cur" if j == last else "ext" if j > last else "cut"
        n1 = _word(v, j + 1) if j + 1 < stop else ("EOS" if j + 1 >= sent_end else "STOP")
        n2 = _word(v, j + 2) if j + 2 < stop and v.punct[j + 1] else "-"
        f = [b, f"{b}|n1={n1}", f"{b}|n12={n1} {n2}", f"n1={n1}", f"n12={n1} {n2}",
             f"{b}|d={_bucket(j - last)}", f"{b}|{side}"]
        if j == final:
            f.append(f"{b}|final")
        if j + 1 < stop:
            h = _tail_head(doc, v, j + 1, stop)
            at = v.head[h]
            where = "cue" if at == cue else "in" if k <= at <= j else "out"
            f += [f"{b}|tdep={v.dep[h]}", f"{b}|tat={where}", f"{b}|tdep={v.dep[h]}|{where}"]
            if v.inq[j] and v.inq[j + 1]:
                f.append(f"{b}|inquote")
        out.append((j, f))
    return out


@functools.lru_cache(maxsize=2)
def load_weights(path: str | None = None) -> tuple[dict[str, float], float]:
    """The shipped model's feature weights and margin (no weights when the file is missing: the
    rules' ends stand)."""
    p = Path(path) if path else _MODEL
    if not p.exists():
        return {}, 0.0
    meta = json.loads(p.read_text(encoding="utf-8"))
    return {str(k): float(w) for k, w in meta["weights"].items()}, float(meta.get("margin", 0.0))


def best_end(cands: list[EndChoice], last: int, weights: dict[str, float], margin: float = 0.0) -> int:
    """The last token of the best scored candidate when it lies past the rules' end ``last`` and
    scores ``margin`` over it; else ``last``. The model only runs content on: letting a best
    candidate before ``last`` cut it too moved PolNeAR content F1 (overlap) by nothing on train
    (0.7989 either way) and train-heldout (0.7472), and lost on dev (0.7762 -> 0.7743)."""
    scores = {j: sum(weights.get(x, 0.0) for x in f) for j, f in cands}
    best = max(scores, key=lambda j: (scores[j], j == last))
    return best if best > last and scores[best] > scores.get(last, 0.0) + margin else last
