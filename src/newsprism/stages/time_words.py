"""Dating any word of an article: what the times stage's rules give the happening it tells.

The times stage dates the events it finds (its trigger words). :func:`date_word` answers for any
word, with the same tree rule plus the tense of the word's clause, the day the lead names, and
the date a coreferent mention of the same happening has (same kind of happening, same thing
acted on: "unveiled iPhone 4" yesterday, "introducing iPhone 4" later on).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..model import Analysis, Event, TimeExpr
from .temporal import compatible
from .time_anchor import (
    WORD_MAX_COST,
    clause_verb,
    lead_expression,
    nearest_time,
    paragraph_ids,
    referring_nominal,
    tense,
    tense_reading,
)
from .times import (
    _NOUN_TRIGGERS,
    _QUOTE_RX,
    _RANK,
    _VERB_TRIGGERS,
    BY_EXPRESSION,
    _trigger_class,
    dating_rule,
    event_date,
    future_reference,
    names_near_day,
    narrated_future,
)

__all__ = ["EventIndex", "anchor_token", "corefer_within", "date_word", "lead_day"]


def anchor_token(analysis: Analysis, start: int) -> tuple[str | None, str]:
    """The date the stage's rules give the word at ``start`` (see :func:`date_word`)."""
    value, precision, _ = date_word(analysis, start)
    return value, precision


def lead_day(analysis: Analysis) -> TimeExpr | None:
    """The day the lead says the news happened: "Yesterday, ... Jobs unveiled iPhone 4".

    The lead's first day expression dating a clause (:func:`.time_anchor.lead_expression`), when
    it falls in the week before publication: the reference time the rest of a news report tells
    its past in (Reichenbach's reference point).
    """
    dct = analysis.article.published
    if dct is None or analysis.parse is None:
        return None
    tx = lead_expression(analysis.parse, analysis.text, analysis.times)
    if tx is None or event_date("lead", tx, dct)[0] != tx.value:
        return None
    return tx


# trigger class -> the words that can give it (verbs and nouns, and the two words
# :func:`.times._trigger_class` reads by context: "born" is "bear", "talk" about is a remark)
_TRIGGERS_OF: dict[str, set[str]] = {}
for _w, _c in (*_VERB_TRIGGERS.items(), *_NOUN_TRIGGERS.items(), ("bear", "birth"), ("talk", "remark")):
    _TRIGGERS_OF.setdefault(_c, set()).add(_w)


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
    if obj is None and tok.pos_ == "NOUN":
        pron = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"
                     and c.lower_ in ("its", "their")), None)
        if pron is not None:
            obj = _antecedent_thing(pron)  # "since its launch": the launch of the thing it stands for
    if obj is None or obj.pos_ == "PRON":
        return None
    named = next((c for c in obj.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:
        obj = named  # "the newest iPhone, iPhone 4": the apposition names which one
    words = [c for c in obj.lefts if c.dep_ in ("compound", "nmod", "nummod")] + [obj]
    words += [c for c in obj.rights if c.dep_ in ("nummod", "compound")]
    if not any(w.pos_ == "PROPN" for w in words):
        return None  # "the device", "the price": too common to tell one happening
    return " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))


def _of_kinds(doc: Any, kinds: frozenset[str]) -> list[Any]:
    """The verbs and nouns of ``doc`` whose :func:`_kind` is one of ``kinds``: a token's kind is its
    trigger class (of a trigger word its lemma or text is) or its lemma, so only tokens whose
    lowercased lemma or text is one of the kinds or a trigger word of one are asked (read off the
    doc's arrays)."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.symbols import NOUN, VERB

    words = set(kinds).union(*(_TRIGGERS_OF.get(k, ()) for k in kinds))
    lower = {_hash(w) for w in words}
    lemmas = lower | {_hash(w.capitalize()) for w in words}  # a lemma keeps a capital now and then
    arr = doc.to_array([POS, LEMMA, LOWER])
    rows = np.flatnonzero((arr[:, 0] == VERB) | (arr[:, 0] == NOUN))
    # set look-ups on the columns as ints: np.isin costs more than these few hundred rows
    hit = [i for i, lemma, low in zip(rows.tolist(), arr[rows, 1].tolist(), arr[rows, 2].tolist(),
                                      strict=True)
           if lemma in lemmas or low in lower]
    return [t for t in (doc[i] for i in hit) if _kind(t) in kinds]


@lru_cache(maxsize=65536)
def _hash(word: str) -> int:
    """The hash spaCy's string store gives ``word`` (the same in every vocabulary)."""
    from spacy.strings import hash_string  # type: ignore[attr-defined]

    return int(hash_string(word))


def _names_thing(t: Any) -> bool:
    return t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and (
        t.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in t.children))


def _antecedent_thing(pron: Any) -> Any:
    """The named thing "its" stands for: the nearest name heading a phrase before it in its sentence
    and paragraph, else the first subject naming one after it ("Five years after its launch,
    Apple's iTunes service passed ...")."""
    sent = pron.sent
    for t in reversed(sent[: pron.i - sent.start]):
        if "\n\n" in t.text:
            break  # a title the parser ran into the sentence
        if _names_thing(t):
            return t
    for t in sent[pron.i - sent.start + 1 :]:
        if "\n\n" in t.text:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and _names_thing(t):
            return t
    return None


class EventIndex:
    """Happenings of a set of articles by (kind, theme), for coreference between mentions."""

    def __init__(self, analyses: Sequence[Analysis], kinds: frozenset[str] | None = None,
                 loose: bool = False):
        """``kinds``: index only happenings of these kinds (all the answers a question about them
        can get, found without asking every token: :func:`_of_kinds`); ``loose``: expressions an
        undated article cannot resolve count too (:func:`_expression_time`)."""
        self.loose = loose
        self._by_key: dict[tuple[str, str], list[tuple[Analysis, int]]] = {}
        self._by_kind: dict[tuple[int, str], list[int]] = {}  # (article, kind) -> token ids
        for a in analyses:
            if a.parse is None:
                continue
            for t in (a.parse if kinds is None else _of_kinds(a.parse, kinds)):
                if t.pos_ not in ("VERB", "NOUN"):
                    continue
                th = _theme(t)
                if th is not None:
                    self._by_key.setdefault((_kind(t), th), []).append((a, t.i))
                if _trigger_class(t) is not None:
                    self._by_kind.setdefault((id(a), _kind(t)), []).append(t.i)

    def date_of(self, analysis: Analysis, tok: Any, within: str | None = None) -> tuple[str, str] | None:
        """The date a coreferent mention dated by an expression has: own article first, then the
        most frequent, then the most precise; ``within``: only dates compatible with it."""
        tx = self.time_of(analysis, tok, within)
        return (tx.value, tx.precision) if tx is not None and tx.value is not None else None

    def time_of(self, analysis: Analysis, tok: Any, within: str | None = None) -> TimeExpr | None:
        """:meth:`date_of`, as the expression that dates that mention (the first met of its date)."""
        th = _theme(tok)
        if th is None:
            return self._told_before(analysis, tok) if within is None else None
        votes: dict[tuple[str, str], list[int]] = {}
        times: dict[tuple[str, str], TimeExpr] = {}
        for a, i in self._tellings(_kind(tok), th):
            if a is analysis and i == tok.i:
                continue
            tx = _expression_time(a, a.parse[i], self.loose)
            if (tx is None or (tx.value is None and not self.loose) or tx.precision not in ("day", "month")
                    or (within is not None and (tx.value is None or not compatible(tx.value, within)))):
                continue
            got = _date_key(a, tx)
            times.setdefault(got, tx)
            v = votes.setdefault(got, [0, 0])
            v[0] += a is analysis
            v[1] += 1
        if not votes:
            return None
        return times[min(votes, key=lambda k: (-votes[k][0], -votes[k][1], _RANK[k[1]], k[0]))]

    def _tellings(self, kind: str, theme: str) -> list[tuple[Analysis, int]]:
        """Mentions of the same kind acting on the same thing: the same name, or one of two or more
        words the other holds all of ("the iTunes store", "the iTunes Music Store")."""
        out = list(self._by_key.get((kind, theme), []))
        words = set(theme.split())
        for (k, th), found in self._by_key.items():
            if k != kind or th == theme:
                continue
            other = set(th.split())
            small, big = (words, other) if len(words) <= len(other) else (other, words)
            if len(small) >= 2 and small < big:
                out.extend(found)
        return out

    def _told_before(self, analysis: Analysis, tok: Any) -> TimeExpr | None:
        """"Since its launch": a happening named by a pronoun's possession refers back to the one
        of its kind the article told before, when all its dated tellings agree on one date."""
        if tok.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return None
        found: dict[tuple[str, str], TimeExpr] = {}
        for i in self._by_kind.get((id(analysis), _kind(tok)), []):
            if i >= tok.i:
                break
            tx = _expression_time(analysis, analysis.parse[i], self.loose)
            if tx is not None and (tx.value is not None or self.loose) and tx.precision in ("day", "month"):
                found.setdefault(_date_key(analysis, tx), tx)
        return next(iter(found.values())) if len(found) == 1 else None


def _expression_date(analysis: Analysis, tok: Any) -> tuple[str, str] | None:
    """Rules 1-2 of :func:`date_word` only: a date some expression gives the token."""
    tx = _expression_time(analysis, tok)
    return (tx.value, tx.precision) if tx is not None and tx.value is not None else None


def _expression_time(analysis: Analysis, tok: Any, loose: bool = False) -> TimeExpr | None:
    """:func:`_expression_date`, as the expression giving that date; ``loose``: also an expression
    the article's date would resolve ("on Monday" in an undated article), so that the expression
    chosen does not depend on whether the article is dated yet."""
    for ev in analysis.events:
        if ev.start <= tok.idx < ev.end:
            if (ev.date is not None or loose) and ev.time is not None and dating_rule(ev) in BY_EXPRESSION:
                return ev.time
            break
    doc = analysis.parse
    sent = tok.sent
    stimes = [tx for tx in analysis.times
              if sent.start_char <= tx.start < sent.end_char and tx.precision != "vague"
              and (loose or tx.value is not None)]
    if not stimes:
        return None
    tx, cost = nearest_time(doc, tok, stimes, paragraph_ids(doc, analysis.text))
    if tx is not None and (loose or tx.value is not None) and cost < WORD_MAX_COST:
        return tx
    return None


def _date_key(analysis: Analysis, tx: TimeExpr) -> tuple[str, str]:
    """What tells two expressions' dates apart: the value, else (unresolved) the words."""
    return (tx.value if tx.value is not None else "~" + analysis.text[tx.start : tx.end].lower(),
            tx.precision)


_NOW_AUX = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})


def _arranged(tok: Any, tx: TimeExpr, analysis: Analysis) -> bool:
    """"It is slated for a release on June 24": a present passive (a state holding now) is not
    dated by a day after publication; that day is the arranged happening's."""
    dct = analysis.article.published
    if dct is None or tx.value is None or tok.tag_ != "VBN":
        return False
    if not any(c.dep_ == "auxpass" and c.lower_ in _NOW_AUX for c in tok.children):
        return False
    from .temporal import value_range

    return value_range(tx.value)[0] > dct
_AT_ONCE = frozenset({"when", "as"})


def _when_date(analysis: Analysis, tok: Any, index: EventIndex) -> TimeExpr | None:
    """"When Jobs first introduced iPhone 4, he praised ...": a clause placed at the time of a
    "when" clause it holds has that clause's date, when an expression or a telling of the same
    happening dates it (not its tense)."""
    v = clause_verb(tok)
    if v is None:
        return None
    for c in v.children:
        if c.dep_ == "advcl" and any(g.dep_ in ("advmod", "mark") and g.lower_ in _AT_ONCE and g.i < c.i
                                     for g in c.children):
            got = _expression_time(analysis, c, index.loose) or index.time_of(analysis, c)
            if got is not None:
                return got
    return None


def _negated(v: Any) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _since_date(analysis: Analysis, tok: Any, index: EventIndex) -> TimeExpr | None:
    """"Since its launch the store has sold 3 billion songs": a present perfect holding since a
    happening began with it (the continuative perfect), so it has that happening's date when an
    expression or a telling of it dates it. A "since" clause counts only in the past ("since the
    iPhone was released"), not as a reason ("since it sells well"); a present ("is witnessing its
    worst violence since 2011") is now, the "since" bounding a comparison; a negated perfect ("has
    not mentioned her since") tells of no happening to place."""
    v = clause_verb(tok)
    if v is None or tense(v) != "perfect" or _negated(v):
        return None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN":
                got = _expression_time(analysis, obj, index.loose) or index.time_of(analysis, obj)
                if got is not None:
                    return got
        if c.dep_ == "advcl" and tense(c) == "past" and any(
                g.dep_ == "mark" and g.lower_ == "since" and g.i < c.i for g in c.children):
            got = _expression_time(analysis, c, index.loose) or index.time_of(analysis, c)
            if got is not None:
                return got
    return None


_BY_TENSE = frozenset({"lead", "document", "recent", "none"})


def _answerable(tok: Any, clauses: bool) -> bool:
    """Whether :func:`corefer_within` can find a date for ``tok`` at all: it names the thing it acts
    on (:func:`_theme`), or is a noun a possessive pronoun ties to one told before, or (with
    ``clauses``) its clause holds a "when"/"as" clause or a "since" (the questions rules 2b-2c ask);
    most events, statements above all, ask none, and the index is not built for them."""
    if _theme(tok) is not None:
        return True
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
        return True
    v = clause_verb(tok) if clauses else None
    return v is not None and any(
        (c.dep_ == "advcl" and any(g.lower_ in _AT_ONCE or g.lower_ == "since" for g in c.children))
        or (c.dep_ == "prep" and c.lower_ == "since") for c in v.children)


def _text_length(doc: Any) -> int:
    """``len(doc.text)``, without joining the text (``Doc.text`` builds every token to join them)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx) + len(last.text_with_ws)


def _first_token(doc: Any, offsets: Sequence[int], start: int, end: int, length: int) -> Any:
    """The first token of ``doc.char_span(start, end, alignment_mode="expand")``, or None when that
    is none. ``offsets``: the tokens' starts, in order; ``length``: that of the doc's text. An event
    starts where a token does, and that token is found by bisection, without building the span."""
    k = bisect_right(offsets, start) - 1
    if k >= 0 and offsets[k] == start and start < end <= length:
        return doc[k]
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) > 0 else None


def corefer_within(analysis: Analysis) -> tuple[Event, ...]:
    """The stage's events, with rules 2-2c of :func:`date_word` applied inside the article.

    An event the stage dated only by its tense (or left undated), or a known happening dated only
    by its clause's neighbour (:func:`.time_anchor.referring_nominal`), takes the expression that
    dates a telling of the same happening in the article (same kind, same named thing acted on:
    :class:`EventIndex`), else that of a "when" clause it holds, else that of the happening a
    perfect holds "since"; its rule becomes ``coreferent``, so the date follows that expression
    when the article is dated again. Events dated by an expression of their own keep it (the
    word rule refines their year or month from a finer telling; the stage does not, so that an
    explicit event stays explicit). Other reports' tellings are the story's, not the stage's.
    """
    events = analysis.events
    doc = analysis.parse
    if doc is None or not events:
        return events
    asked: list[tuple[int, Any, str]] = []
    offsets = paragraph_ids(doc, analysis.text).offsets()  # the stage's own, kept (token starts, in order)
    length = _text_length(doc)
    for n, ev in enumerate(events):
        rule = dating_rule(ev)
        if rule not in _BY_TENSE and rule != "sentence":
            continue
        tok = _first_token(doc, offsets, ev.start, ev.end, length)
        if tok is None:
            continue
        if rule == "sentence" and not referring_nominal(tok):
            continue
        if _answerable(tok, rule != "sentence"):
            asked.append((n, tok, rule))
    if not asked:
        return events
    # the kinds the questions below ask about: the events' own, their "when" clauses', "since" objects'
    kinds = {_kind(tok) for _, tok, _ in asked}
    for _, tok, rule in asked:
        v = clause_verb(tok) if rule != "sentence" else None
        for c in v.children if v is not None else ():
            if c.dep_ == "advcl":
                kinds.add(_kind(c))
            elif c.dep_ == "prep" and c.lower_ == "since":
                kinds.update(_kind(g) for g in c.children if g.dep_ == "pobj")
    # unresolved expressions count: an undated article picks the expression it picks once dated
    index = EventIndex([analysis], frozenset(kinds), loose=True)
    out = list(events)
    for k, tok, rule in asked:
        ev = events[k]
        tx = index.time_of(analysis, tok)
        if tx is None and rule != "sentence":
            tx = _when_date(analysis, tok, index) or _since_date(analysis, tok, index)
        if tx is None:
            continue
        value, precision, conf = event_date("coreferent", tx, analysis.article.published)
        out[k] = dataclasses.replace(ev, time=tx, date=value, precision=precision, confidence=conf)
    return tuple(out)


def _future_reference(analysis: Analysis, tok: Any, quoted: bool) -> tuple[str, str] | None:
    """The stage's ``continuity`` rule for any word: a future the report tells without a time of its
    own is at the future day or month it last named (:func:`.times.future_reference`)."""
    if analysis.parse is None or not narrated_future(tok, quoted):
        return None
    ref = future_reference(analysis.parse, analysis.times, tok.sent.start_char)
    value, precision, _ = event_date("continuity", ref, analysis.article.published)
    return (value, precision) if value is not None else None


def date_word(analysis: Analysis, start: int, index: EventIndex | None = None) -> tuple[str | None, str, str]:
    """The date the stage gives the happening told by the word at ``start``: (value, precision, rule).

    Any word can be asked (the evaluation asks for gold event words the stage may not have
    taken as triggers). A word the stage took as an event trigger has the date the stage gave
    it; any other word is dated by the same rules. In the order tried:

    1. ``event``: the trigger's own expression, one inherited from a trigger it hangs on, else
       ``sentence``: the dated expression of its sentence nearest to the word along the tree,
       within its clause or a clause hanging directly on it (no competition between words:
       one expression dates every happening of its clause); an expression modifying a noun
       ("the 1991 settlement") dates only that noun's phrase;
    2. ``coreference`` (when an :class:`EventIndex` is given): the date a mention of the same
       happening has by rule 1, in this article or another of the index; it also refines a
       year or month of rule 1 to a finer compatible date;
    2b. ``coreference`` too: the date rules 1-2 give a "when"/"as" clause the word's clause holds
       ("When Jobs first introduced iPhone 4, he praised ...");
    2c. ``since``: a present perfect holding "since" a happening has the date rules 1-2 give
       that happening ("Since its launch the store has sold ...": the continuative perfect starts
       with it);
    3. by the tense of the word's clause (:func:`.time_anchor.tense_reading`): ``document``,
       the publication day, for the present; ``lead``, the day the lead names
       (:func:`lead_day`) for a past or present perfect after it, else ``document`` (or ``recent``,
       the publication month, for a simple past when the article names no day near publication:
       :func:`.times.names_near_day`); ``none``
       for futures, modals, infinitives, pluperfects and quoted or reported pasts, except that a
       future outside quotes is at the last expression before its sentence when that is a day or
       month dating a future clause (``continuity``: "will be available on June 24 ... the 3G will
       be discontinued"). Without a
       publication date only rules 1-2 apply. A present passive ("is slated for a release on
       June 24") is not dated in rule 1 by a day after publication.

    A happening named as something known (:func:`.time_anchor.referring_nominal`: "the killing
    of Soleimani", "since its launch") is dated in rule 1 only by an expression of its own phrase
    or by the stage's in-article coreference, then by rule 2, and only then by its clause's
    nearest expression and its tense as any other word.
    """
    found: tuple[str, str, str] | None = None
    by_tense: tuple[str | None, str, str] | None = None
    for ev in analysis.events:
        if ev.start <= start < ev.end:
            rule = dating_rule(ev)
            if rule in BY_EXPRESSION or rule in ("coreferent", "continuity"):
                if ev.date is not None:
                    found = (ev.date, ev.precision, {"sentence": "sentence", "coreferent": "coreference",
                                                     "continuity": "continuity"}.get(rule, "event"))
            else:
                by_tense = (ev.date, ev.precision if ev.date is not None else "vague",
                            rule if ev.date is not None else "none")
            break
    doc = analysis.parse
    if doc is None:
        return found or by_tense or (None, "vague", "none")
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return found or by_tense or (None, "vague", "none")
    tok = span[0]
    if found is None and by_tense is None:
        sent = tok.sent
        stimes = [tx for tx in analysis.times if sent.start_char <= tx.start < sent.end_char
                  and tx.precision != "vague" and tx.value is not None]
        if stimes:
            tx, cost = nearest_time(doc, tok, stimes, paragraph_ids(doc, analysis.text))
            if tx is not None and tx.value is not None and cost < WORD_MAX_COST and not _arranged(
                    tok, tx, analysis):
                found = (tx.value, tx.precision, "sentence")
    if found is not None and found[2] == "sentence" and index is not None and referring_nominal(tok):
        # a known happening dated only by its neighbour ("Five years after its launch, ... in February"):
        # the date a telling of it has, in this article or another
        got = index.date_of(analysis, tok)
        if got is not None:
            return got[0], got[1], "coreference"
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
        when = _when_date(analysis, tok, index)
        if when is not None and when.value is not None:
            return when.value, when.precision, "coreference"
        since = _since_date(analysis, tok, index)
        if since is not None and since.value is not None:
            return since.value, since.precision, "since"
    quoted = any(qs <= start < qe for qs, qe in (m.span() for m in _QUOTE_RX.finditer(analysis.text)))
    if by_tense is not None:
        return by_tense
    refer = referring_nominal(tok)
    if refer:  # a known happening no telling dates: dated as any other word
        sent = tok.sent
        stimes = [tx for tx in analysis.times if sent.start_char <= tx.start < sent.end_char
                  and tx.precision != "vague" and tx.value is not None]
        tx, cost = nearest_time(doc, tok, stimes, paragraph_ids(doc, analysis.text), False)
        if tx is not None and tx.value is not None and cost < WORD_MAX_COST:
            return tx.value, tx.precision, "sentence"
    dct = analysis.article.published
    if dct is None:
        return None, "vague", "none"
    reading = tense_reading(tok, quoted, False)
    if reading is None:
        got = _future_reference(analysis, tok, quoted)
        if got is not None:
            return got[0], got[1], "continuity"
        return None, "vague", "none"
    if reading == "lead":
        ref = lead_day(analysis)
        if ref is not None and ref.value is not None and ref.start < start:
            return ref.value, ref.precision, "lead"
        if tense(tok) == "past" and not names_near_day(analysis.text, analysis.times):
            return f"{dct.year:04d}-{dct.month:02d}", "month", "recent"
    return dct.isoformat(), "day", "document"
