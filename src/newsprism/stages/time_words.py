"""Dating any word of an article: what the times stage's rules give the happening it tells.

The times stage dates the events it finds (its trigger words). :func:`date_word` answers for any
word, with the same tree rule plus the tense of the word's clause, the day the lead names, and
the date a coreferent mention of the same happening has (same kind of happening, same thing
acted on: "unveiled iPhone 4" yesterday, "introducing iPhone 4" later on).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from ..model import Analysis, TimeExpr
from .temporal import compatible
from .time_anchor import CLAUSE_COST, Paragraphs, clause_verb, modifier_reach, paragraph_ids, path_cost, tense
from .times import _QUOTE_RX, _RANK, _trigger_class

__all__ = ["EventIndex", "anchor_token", "date_word", "lead_day"]


def anchor_token(analysis: Analysis, start: int) -> tuple[str | None, str]:
    """The date the stage's rules give the word at ``start`` (see :func:`date_word`)."""
    value, precision, _ = date_word(analysis, start)
    return value, precision


# A time expression dates words of its own clause and of clauses hanging directly on it.
_WORD_MAX_COST = 2 * CLAUSE_COST


def _nearest_time(doc: Any, tok: Any, stimes: Sequence[TimeExpr], para: Paragraphs) -> tuple[
        TimeExpr | None, float]:
    """The dated expression nearest to ``tok`` along the tree, ties to the more precise."""
    best, best_cost = None, 1e9
    for tx in stimes:
        toks = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if toks is None or len(toks) == 0 or toks.start <= tok.i < toks.end:
            continue
        reach = modifier_reach(doc, toks.root.i)
        if reach is not None and tok.i not in reach:
            continue
        c = path_cost(doc, toks.root.i, tok.i, para)
        if c < best_cost or (c == best_cost and best is not None and _RANK[tx.precision] < _RANK[best.precision]):
            best, best_cost = tx, c
    return best, best_cost


_LEAD_DAYS = 7


def lead_day(analysis: Analysis) -> TimeExpr | None:
    """The day the lead says the news happened: "Yesterday, ... Jobs unveiled iPhone 4".

    The lead is the first paragraph that reads as a sentence (eight words or more, closing
    punctuation), past titles and datelines. Its first expression naming a day of the week
    before publication, and dating a clause rather than a noun ("the Oct. 7 attacks"), is the
    reference time the rest of a news report tells its past in (Reichenbach's reference point).
    """
    dct = analysis.article.published
    doc = analysis.parse
    if dct is None or doc is None:
        return None
    text = analysis.text
    pos = 0
    for para in text.split("\n\n"):
        body = para.strip()
        if len(body.split()) >= 8 and body[-1:] in ".!?\"”'’":
            lo, hi = pos, pos + len(para)
            for tx in analysis.times:
                if not (lo <= tx.start < hi) or tx.precision != "day" or tx.value is None:
                    continue
                day = date.fromisoformat(tx.value)
                if not (dct - timedelta(days=_LEAD_DAYS) <= day <= dct):
                    continue
                toks = doc.char_span(tx.start, tx.end, alignment_mode="expand")
                if toks is not None and len(toks) and modifier_reach(doc, toks.root.i) is None:
                    return tx
            return None
        pos += len(para) + 2
    return None


def _kind(tok: Any) -> str:
    return _trigger_class(tok) or tok.lemma_.lower()


def _theme(tok: Any) -> str | None:
    """The named thing a happening acts on ("unveiled iPhone 4", "the launch of iTunes"), lowercased."""
    obj = None
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            obj = c
            break
        if tok.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            break
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN":
        obj = tok.head  # "iPhone 4, introduced by Jobs at ..."
    if obj is None or obj.pos_ == "PRON":
        return None
    words = [c for c in obj.lefts if c.dep_ in ("compound", "nmod", "nummod")] + [obj]
    words += [c for c in obj.rights if c.dep_ in ("nummod", "compound")]
    if not any(w.pos_ == "PROPN" for w in words):
        return None  # "the device", "the price": too common to tell one happening
    return " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))


class EventIndex:
    """Happenings of a set of articles by (kind, theme), for coreference between mentions."""

    def __init__(self, analyses: Sequence[Analysis]):
        self._by_key: dict[tuple[str, str], list[tuple[Analysis, int]]] = {}
        for a in analyses:
            if a.parse is None:
                continue
            for t in a.parse:
                if t.pos_ not in ("VERB", "NOUN"):
                    continue
                th = _theme(t)
                if th is not None:
                    self._by_key.setdefault((_kind(t), th), []).append((a, t.i))

    def date_of(self, analysis: Analysis, tok: Any, within: str | None = None) -> tuple[str, str] | None:
        """The date a coreferent mention dated by an expression has: own article first, then the
        most frequent, then the most precise; ``within``: only dates compatible with it."""
        th = _theme(tok)
        if th is None:
            return None
        votes: dict[tuple[str, str], list[int]] = {}
        for a, i in self._by_key.get((_kind(tok), th), []):
            if a is analysis and i == tok.i:
                continue
            got = _expression_date(a, a.parse[i])
            if got is None or got[1] not in ("day", "month") or (within is not None and not compatible(got[0], within)):
                continue
            v = votes.setdefault(got, [0, 0])
            v[0] += a is analysis
            v[1] += 1
        if not votes:
            return None
        return min(votes, key=lambda k: (-votes[k][0], -votes[k][1], _RANK[k[1]], k[0]))


def _expression_date(analysis: Analysis, tok: Any) -> tuple[str, str] | None:
    """Rules 1-2 of :func:`date_word` only: a date some expression gives the token."""
    for ev in analysis.events:
        if ev.start <= tok.idx < ev.end:
            if ev.date is not None and ev.time is not None:
                return ev.date, ev.precision
            break
    doc = analysis.parse
    sent = tok.sent
    stimes = [tx for tx in analysis.times if sent.start_char <= tx.start < sent.end_char and tx.precision != "vague"
              and tx.value is not None]
    if not stimes:
        return None
    tx, cost = _nearest_time(doc, tok, stimes, paragraph_ids(doc, analysis.text))
    if tx is not None and tx.value is not None and cost < _WORD_MAX_COST:
        return tx.value, tx.precision
    return None


def date_word(analysis: Analysis, start: int, index: EventIndex | None = None) -> tuple[str | None, str, str]:
    """The date the stage gives the happening told by the word at ``start``: (value, precision, rule).

    Any word can be asked (the evaluation asks for gold event words the stage may not have
    taken as triggers). In the order tried:

    1. ``event``: a stage event at the word dated by an expression of its own;
    2. ``sentence``: the dated expression of its sentence nearest to the word along the tree,
       within its clause or a clause hanging directly on it (no competition between words:
       one expression dates every happening of its clause); an expression modifying a noun
       ("the 1991 settlement") dates only that noun's phrase;
    3. ``coreference`` (when an :class:`EventIndex` is given): the date a mention of the same
       happening has by rules 1-2, in this article or another of the index;
    4. by the tense of the word's clause (TimeML's reading: the present overlaps the
       document time, the past precedes it, the future and the irreal have no time):
       ``document`` for the present ("sells", "is branded", "has"): the publication day;
       for a past or a present perfect outside quotes that is not a pluperfect ("had filed"):
       ``lead``, the day the lead names (:func:`lead_day`) when the word comes after it, else
       ``document``, the publication day (news tells what just happened; its present perfect
       is the "hot news" perfect: "Jobs has chosen to step down"). Futures, modals,
       infinitives ("will be discontinued", "to proceed"), pluperfects and quoted pasts are
       ``none``: unknown. Without a publication date only rules 1-3 apply.
    """
    found: tuple[str, str, str] | None = None
    for ev in analysis.events:
        if ev.start <= start < ev.end:
            if ev.date is not None and ev.time is not None:
                found = (ev.date, ev.precision, "event")
            break
    doc = analysis.parse
    if doc is None:
        return found or (None, "vague", "none")
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return found or (None, "vague", "none")
    tok = span[0]
    if found is None:
        sent = tok.sent
        stimes = [tx for tx in analysis.times if sent.start_char <= tx.start < sent.end_char
                  and tx.precision != "vague" and tx.value is not None]
        if stimes:
            tx, cost = _nearest_time(doc, tok, stimes, paragraph_ids(doc, analysis.text))
            if tx is not None and tx.value is not None and cost < _WORD_MAX_COST:
                found = (tx.value, tx.precision, "sentence")
    if found is not None:
        if index is not None and found[1] in ("month", "year"):
            # "launched the store in 2003" here, "on April 28, 2003" in another report
            finer = index.date_of(analysis, tok, within=found[0])
            if finer is not None and _RANK[finer[1]] < _RANK[found[1]]:
                return finer[0], finer[1], "coreference"
        return found
    if index is not None:
        got = index.date_of(analysis, tok)
        if got is not None:
            return got[0], got[1], "coreference"
    dct = analysis.article.published
    if dct is None:
        return None, "vague", "none"
    tns = tense(tok)
    if tns == "present":
        return dct.isoformat(), "day", "document"
    if tns in ("past", "perfect"):
        v = clause_verb(tok)
        pluperfect = v is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children)
        quoted = any(qs <= start < qe for qs, qe in (m.span() for m in _QUOTE_RX.finditer(analysis.text)))
        if not pluperfect and not quoted:
            ref = lead_day(analysis)
            if ref is not None and ref.value is not None and ref.start < start:
                return ref.value, ref.precision, "lead"
            return dct.isoformat(), "day", "document"
    return None, "vague", "none"
