"""Tree distance and tense: what the times stage uses to tie a word to a date.

The parser sometimes runs a title or dateline into the first sentence of a paragraph below it
(no full stop ends a headline). A paragraph break is therefore a cut in the tree: climbing from a
token stops at the last token of its own paragraph, and two such local roots of one paragraph
are joined as if both hung on one main clause.
"""

from __future__ import annotations

import re
from typing import Any

from .temporal import MONTHS

__all__ = ["CLAUSAL", "CLAUSE_COST", "RANK", "WORD_MAX_COST", "Paragraphs", "clause_verb", "lead_expression",
           "misread_month", "modifier_reach", "nearest_time", "own_phrase", "paragraph_ids", "path_cost",
           "referring_nominal", "supposed", "tense", "tense_reading", "told_direction"]

CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "xcomp", "conj", "acl"})
CLAUSE_COST = 6
_JOIN_COST = 1  # between two local roots of one paragraph


class Paragraphs:
    """Paragraph number of each token, by index (a blank line starts a new paragraph).

    The numbers are read off the doc's offsets at once, the first time one is asked (indexing
    the doc builds a ``Token`` each time), and it keeps what was asked of an expression's span
    (:meth:`expression`, :meth:`reach`): dating each word asks it of every expression of the
    sentence again. The doc must not change meanwhile.
    """

    def __init__(self, doc: Any, text: str | None = None):
        self._doc = doc
        self._text = text
        self._breaks = [m.end() for m in _BLANK_RX.finditer(doc.text if text is None else text)]
        self._ids: list[int] | None = None
        self._offsets: list[int] = []
        self._spans: dict[tuple[int, int], tuple[int, int, int] | None] = {}
        self._reach: dict[int, set[int] | None] = {}

    def __getitem__(self, i: int) -> int:
        ids = self._ids
        if ids is None:
            ids = self._read()
        return ids[i]

    def _read(self) -> list[int]:
        import numpy as np
        from spacy.attrs import IDX

        offsets = self._doc.to_array([IDX]).reshape(-1)
        self._offsets = offsets.tolist()
        ids = self._ids = np.searchsorted(np.array(self._breaks, dtype=np.int64), offsets,
                                          side="right").tolist()
        return ids  # type: ignore[no-any-return]

    def offsets(self) -> list[int]:
        """Each token's character offset (``Token.idx``), by index."""
        if self._ids is None:
            self._read()
        return self._offsets

    def expression(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The tokens of the characters ``start``-``end`` (expanded to whole tokens) as (first,
        end, root) indexes, or None when they are none (``doc.char_span``)."""
        key = (start, end)
        if key in self._spans:
            return self._spans[key]
        toks = self._doc.char_span(start, end, alignment_mode="expand")
        got = None if toks is None or len(toks) == 0 else (toks.start, toks.end, toks.root.i)
        self._spans[key] = got
        return got

    def reach(self, root: int) -> set[int] | None:
        """:func:`modifier_reach` of the expression rooted at ``root`` (the same set each time: read it
        only)."""
        if root not in self._reach:
            self._reach[root] = modifier_reach(self._doc, root)
        return self._reach[root]


_BLANK_RX = re.compile(r"\n[ \t]*\n")


def paragraph_ids(doc: Any, text: str | None = None) -> Paragraphs:
    """Paragraph number of every token; ``text`` is the doc's text when the caller has it.

    The last one made is kept and given again for the same doc and text: the stage and the word
    rule ask for it once per word they date, and what it reads off the doc is then read once per
    document (it holds that one doc until another is asked about)."""
    last = _LAST[0]
    if last is not None and last._doc is doc and (last._text is text or last._text == text):
        return last
    para = _LAST[0] = Paragraphs(doc, text)
    return para


_LAST: list[Paragraphs | None] = [None]


def _climb(doc: Any, i: int, para: Paragraphs) -> dict[int, float]:
    """Ancestors of token ``i`` inside its paragraph with the cost to reach each."""
    out: dict[int, float] = {}
    cost, t = 0.0, doc[i]
    while True:
        out[t.i] = cost
        h = t.head
        if h.i == t.i or para[h.i] != para[t.i]:
            break
        cost += CLAUSE_COST if t.dep_ in CLAUSAL else 1
        t = h
    return out


_ENCLOSED = frozenset({"ccomp", "acl", "relcl"})
# conjunctions opening a clause that bounds a span of another's time: what it dates is the bound, not the
# clause it bounds ("the first American journalist known to be executed since the conflict began in early
# 2011": no execution of 2011). Not "after", whose clause is as often just before the other ("captured ...
# after he left a remote outpost in June 2009", FNC-1 body 74)
_BOUND_MARKS = frozenset({"before", "since", "until", "till"})


def _reported_apart(doc: Any, a: int, b: int, para: Paragraphs) -> bool:
    """Token ``a`` lies in a reported clause that ``b`` is outside of, or ``b`` is an inserted
    "he said" beside ``a``'s clause: "Jobs said [that his company sold 13.7 million Macs last
    year]", "This switch, he said, would happen next year". What is reported is not when it was
    said. Likewise a clause modifying a noun dates that noun, not the clause around it: "Jobs,
    [born ... on February 24, 1955], has built"."""
    t = doc[a]
    for _ in range(12):
        h = t.head
        if h.i == t.i or para[h.i] != para[t.i]:
            break
        if t.dep_ in _ENCLOSED and not (t.left_edge.i <= b <= t.right_edge.i) and not (
                t.dep_ != "ccomp" and b == h.i):  # "a bombing [carried out in January 2020]"
            return True
        if t.dep_ == "advcl" and not (t.left_edge.i <= b <= t.right_edge.i) and any(
                c.dep_ == "mark" and c.lower_ in _BOUND_MARKS for c in t.children):
            return True  # "known to be executed [since the conflict began in early 2011]"
        t = h
    tb = doc[b]
    if _in_topic(doc, b, a, para):
        return True
    return tb.dep_ == "parataxis" and para[tb.head.i] == para[b] and (
        tb.head.left_edge.i <= a <= tb.head.right_edge.i) and not (tb.left_edge.i <= a <= tb.right_edge.i)


# prepositions naming what is told or asked of, not when: "ran a story on Thursday about the purported
# comment by Francis" (FNC-1 body 82) is no comment of Thursday
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})


def _topic_prep(tok: Any) -> Any | None:
    """The topic preposition (:data:`_TOPIC_PREPS`) whose object ``tok`` lies in, if any (not across a
    clause :data:`_ENCLOSED` in that object)."""
    t = tok
    for _ in range(12):
        h = t.head
        if h.i == t.i or t.dep_ in _ENCLOSED:
            return None
        if h.dep_ == "prep" and h.lower_ in _TOPIC_PREPS and t.dep_ in ("pobj", "pcomp"):
            return h
        t = h
    return None


def _in_topic(doc: Any, b: int, a: int, para: Paragraphs) -> bool:
    """Token ``b`` lies in the object of a topic preposition (:data:`_TOPIC_PREPS`) that ``a`` is outside
    of."""
    h = _topic_prep(doc[b])
    return h is not None and para[h.i] == para[b] and not (h.left_edge.i <= a <= h.right_edge.i)


def path_cost(doc: Any, a: int, b: int, para: Paragraphs) -> float:
    """Dependency-path length from a time expression's root ``a`` to token ``b``; a step across a
    clause boundary costs more; a reported clause does not date the reporting verb."""
    if para[a] != para[b] or _reported_apart(doc, a, b, para):
        return 1e9
    anc_a = _climb(doc, a, para)
    anc_b = _climb(doc, b, para)
    common = [anc_a[k] + v for k, v in anc_b.items() if k in anc_a]
    if common:
        got = min(common)
        return 1e9 if (got >= CLAUSE_COST and _born(doc[b])) or _told_apart(doc[a], doc[b]) else got
    # different local roots of one paragraph (the parser ran a title into it)
    return max(anc_a.values()) + max(anc_b.values()) + _JOIN_COST


def _born(tok: Any) -> bool:
    """A birth, which an expression dates only from inside its own clause: one is born once, and an
    undated birth is told as who one is, not as the news ("Fighting also continued Friday in Vimtin, the
    nearby village where Badeh was born": no birth of Friday, rd34's review of FNC-1 bodies 2139, 2272)."""
    return tok.lower_ == "born" and tok.lemma_ == "bear"


def _told_apart(a: Any, b: Any) -> bool:
    """``b``'s clause is what a noun of telling tells (:func:`_told_content`), and expression root ``a``
    lies outside it: the clause is what was told, not what happened at the time of the clause around it
    ("A video handed to Nigerian media Friday showed Shekau laughing away government reports that he had
    died": no death of Friday, rd34's review of FNC-1 body 1630; "reports on Friday that he died")."""
    v = clause_verb(b)
    return v is not None and not (v.left_edge.i <= a.i <= v.right_edge.i) and _told_content(v) is not None


_PREMODIFIER = frozenset({"compound", "nmod", "amod", "nummod", "poss"})
_SETTING_PREPS = frozenset({"in", "at", "during"})


def modifier_reach(doc: Any, root: int) -> set[int] | None:
    """Tokens a time expression can date when it only modifies a noun, else None (no limit).

    "the 1991 settlement", "this year's conference", "the Oct. 7 attacks": the expression
    dates the noun and what is inside its phrase, not the clause around it.
    """
    r = doc[root]
    h = r.head
    if r.dep_ not in _PREMODIFIER or h.i == r.i or h.pos_ not in ("NOUN", "PROPN") or h.i < r.i:
        return _bound_reach(r)
    if h.dep_ == "pobj" and h.head.lower_ in _SETTING_PREPS and h.head.head.pos_ in ("VERB", "AUX"):
        return None  # "In a Wednesday media event, Apple released ...": the occasion dates its clause
    out = {h.i}
    stack = list(h.children)
    while stack:
        c = stack.pop()
        if c.dep_ in CLAUSAL or c.dep_ in ("relcl", "acl", "appos"):
            continue
        out.add(c.i)
        stack.extend(c.children)
    return out


_BOUND_PREPS = frozenset({"since", "until", "till"})


def _bound_reach(r: Any) -> set[int] | None:
    """The words of the bounding phrase an expression dates the object of, else None (no limit):
    "resumed air strikes for the first time since the end of the US occupation in 2011" (FNC-1 bodies
    60, 311): 2011 is the occupation's end, what "since" counts from, not the strikes' year. Only an
    expression inside the phrase of the bound's object, up to the clause's verb; one right after the
    bound ("since 2011", "after Monday") is the bound itself, read where it dates ("has anchored the
    news since December 2004") or not (:func:`.times._bounding`)."""
    t = r
    for _ in range(12):
        h = t.head
        if h.i == t.i or h.pos_ in ("VERB", "AUX") or t.dep_ in CLAUSAL:
            return None
        if h.dep_ == "prep" and h.lower_ in _BOUND_PREPS and t.dep_ == "pobj":
            if t.i == r.i:
                return None  # the bound's own object: "since 2011"
            return {h.i} | {c.i for c in h.subtree}
        t = h
    return None


# verbs whose object noun is the happening done or told now: "announced his resignation", "gave his keynote"
PERFORMING = frozenset({"announce", "confirm", "report", "reveal", "make", "give", "deliver", "hold",
                         "extend", "issue", "launch", "conduct", "carry", "stage", "mount", "complete",
                         "begin", "start", "submit", "tender", "undergo", "open", "unveil", "host"})


def referring_nominal(tok: Any) -> bool:
    """A happening named as something known rather than told as news: a noun with a possessor or
    an "of" argument ("Soleimani's death", "the killing of Soleimani", "its launch"), or a
    participle modifying a noun ("Moussavi, killed in the Israeli bombing", "the recently
    announced iPhone 4").

    Its referent is told elsewhere or is background, not what its clause reports: "Iran claimed
    on Wednesday that the attacks were revenge for the killing of Soleimani" does not date the
    killing, nor does the tense of the clause naming it. Only an expression inside its own
    phrase ("the death on Monday of Razi Moussavi") dates it. A noun that is the object of a
    verb doing or telling it ("announced his resignation") is news.
    """
    if tok.pos_ in ("VERB", "AUX"):
        return (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
    if tok.pos_ != "NOUN" or tok.dep_ == "ROOT":
        return False
    if tok.dep_ == "dobj" and tok.head.lemma_ in PERFORMING:
        return False
    for c in tok.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children):
            return True
    return False


def own_phrase(doc: Any, tok: Any, root: int) -> bool:
    """Token ``root`` lies inside ``tok``'s own phrase (its subtree)."""
    return tok.left_edge.i <= root <= tok.right_edge.i


_UNPLACED = frozenset({"before", "ever", "previously", "twice", "once", "formerly"})
_MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
                     "’ll"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
_MODALS_OR_D = _MODALS | {"'d", "’d"}  # "'d" as "would"
_PRESENT_AUX = frozenset({"is", "are", "am", "has", "have", "does", "do", "'s", "’s", "'re", "’re", "'ve",
                          "’ve"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "'d", "’d"})
# the lemmatizer gives the straight contractions their words ("'ve" have, "'re" be) but leaves the curly
# ones as they are, so "we’ve seen" would be no perfect and "it’s a phone" no form of "be"
_CURLY_LEMMAS = {"’ve": "have", "’ll": "will", "’re": "be", "’m": "be", "’s": "be"}


def verb_lemma(tok: Any) -> str:
    """``tok``'s lemma, a curly contracted verb's the one its straight form takes: "’d" the modal
    "would" or else "have", "’s" "be" as the straight "'s" is (a possessive or the "us" of "let’s"
    keeps its own)."""
    w = tok.lower_
    if w == "’d":
        return "would" if tok.tag_ == "MD" else "have"
    if w in _CURLY_LEMMAS and tok.pos_ in ("AUX", "VERB"):
        return _CURLY_LEMMAS[w]
    return tok.lemma_  # type: ignore[no-any-return]


# verbs whose infinitive complement happens when they do: "began to sell", "went on to say"
_PHASE = frozenset({"begin", "start", "continue", "go", "move", "proceed", "return", "turn", "come"})


def clause_verb(tok: Any) -> Any:
    """The verb whose clause ``tok`` belongs to (itself when it is one)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


_MEMO: list[tuple[Any, dict[tuple[Any, ...], Any]] | None] = [None]


def _answers(doc: Any) -> dict[tuple[Any, ...], Any]:
    """What was worked out about the tokens of ``doc`` (by question and token index), kept while
    the same doc is asked about: the stage and the word rule ask the tense of one clause for each
    word in it. One doc at a time, swapped whole (a thread asking of another doc gets its own)."""
    got = _MEMO[0]
    if got is None or got[0] is not doc:
        got = _MEMO[0] = (doc, {})
    return got[1]


def tense(tok: Any) -> str:
    """:func:`_tense`, worked out once per token of a doc."""
    memo = _answers(tok.doc)
    key = ("tense", tok.i)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _tense(tok)
    return got  # type: ignore[no-any-return]


def _tense(tok: Any) -> str:
    """Tense of ``tok``'s clause: future, modal, infinitive, present, past, or none.

    From the auxiliaries of the clause verb and its tag: "will launch" future, "could face"
    modal, "to proceed" infinitive, "has chosen"/"is branded"/"sells" present, "said"/"was
    praised"/"had been" past. A participle or gerund without auxiliaries that modifies a noun
    or another verb takes the tense of what it hangs on.
    """
    v = clause_verb(tok)
    if v is None:
        return "none"
    for _ in range(4):
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        words = [c.lower_ for c in auxes]
        if any(w in _MODALS for w in words):
            return "future" if any(w in _FUTURE_AUX for w in words) else "modal"
        if any(w == "to" for w in words) or (v.tag_ == "VB" and not words):
            if v.dep_ == "xcomp" and v.head.pos_ in ("VERB", "AUX") and v.head.lemma_ in _PHASE:
                # "has begun to sell", "moved on to talk": the selling holds when the beginning does
                v = v.head
                continue
            if v.dep_ == "advcl" and v.head.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ == "mark" and c.lower_ != "to" for c in v.children):
                v = v.head  # "returned to the stage to reveal iCloud": a purpose carried out there and then
                continue
            return "infinitive"
        if any(w in _PRESENT_AUX for w in words):
            if v.tag_ == "VBN" and any(c.dep_ == "aux" and verb_lemma(c) == "have" for c in auxes):
                return "perfect"
            return "present"
        if any(w in _PAST_AUX for w in words):
            return "past"
        if v.tag_ in ("VBZ", "VBP"):
            return "present"
        if v.tag_ == "VBD":
            return "past"
        h = _participle_host(v)
        if h is None:
            return "none"
        v = h
    return "none"


_FINITE = frozenset({"VBD", "VBZ"})  # "May saw", "May sales rose": no bare verb of a wish


def misread_month(doc: Any, start: int, end: int) -> bool:
    """The expression ``start``-``end`` is a lone month name the parse reads as another word: the modal
    of a wish ("May God preserve the scholars") or part of a person's name ("Arizona Governor Jan
    Brewer").

    The tag alone does not make a wish: the parser tags "May" opening any sentence a modal ("May saw
    record sales", "May sales rose"), a month whose verb is finite. A wish's modal comes before the
    subject of a verb that is not: a bare one, a passive ("May his memory be blessed", "May she be
    remembered") or one the tagger takes for a noun ("May their souls rest in peace"), whether the
    parser hangs the modal on it as its auxiliary or not."""
    toks = doc.char_span(start, end, alignment_mode="expand")
    if toks is None or len(toks) != 1:
        return False
    t = toks[0]
    if t.text.rstrip(".").lower() not in MONTHS:
        return False
    if t.ent_type_ == "PERSON":
        return True
    v = t.head
    if t.tag_ != "MD" or v.i <= t.i or v.tag_ in _FINITE or doc[t.i + 1].tag_ in _FINITE:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and t.i < c.i < v.i for c in v.children)


_HAVE_NOW = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
# verbs that set or move the date of what they name: the date after "for", "to", "until" is the one set,
# which their tense does not place ("The vote was scheduled for November 4": the coming one)
_DATE_SETTERS = frozenset({"schedule", "reschedule", "postpone", "delay", "move", "set", "push", "put",
                           "slate", "plan", "adjourn", "defer", "extend", "bring", "book", "call", "fix",
                           "arrange", "shift"})
_SET_FOR = frozenset({"for", "to", "until", "till"})


def told_direction(doc: Any, start: int, end: int) -> int:
    """Which way the verb an expression directly modifies tells it: +1 for a future ("On January 4th,
    Pluto will pass behind Jupiter", or told in the past: "said on Monday that the phone would ship in
    March", the March after the saying, which the sentence's "said" turned back), -1 for a past or a
    present perfect ("In October, a time capsule was opened"; "On 14 November she announced"), else 0.

    Only an expression hanging on its verb, itself, through a preposition or as its subject ("This
    Christmas was quiet": the one gone by in a January report), counts: one inside a
    noun's phrase is the time of that noun, and so may be one right after a noun, whatever the parser
    hangs it on ("will respond to the death on Monday"); a participle or an infinitive tells no tense
    of its own; nor does a verb setting a date tell the date it sets ("was postponed until November 3",
    :data:`_DATE_SETTERS`)."""
    toks = doc.char_span(start, end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return 0
    r = toks.root
    h = r.head
    first = toks[0]
    prep = None
    if h.pos_ == "ADP" and r.dep_ == "pobj" and h.head.i != h.i:
        first = h if h.i < first.i else first
        if h.lower_ in _SET_FOR and h.head.lemma_ in _DATE_SETTERS:
            return 0
        prep = h.lower_
        h = h.head
    if first.i > 0 and doc[first.i - 1].pos_ == "NOUN":
        return 0
    if h.pos_ not in ("VERB", "AUX") or h.i == r.i or r.dep_ not in (
            "npadvmod", "pobj", "prep", "advmod", "nmod", "obl", "dep", "tmod", "nsubj", "dobj"):
        return 0
    h = _closing_clause(doc, h, first)
    auxes = [c.lower_ for c in h.children if c.dep_ in ("aux", "auxpass")]
    if any(w in _FUTURE_AUX for w in auxes):
        return 1
    if "would" in auxes and h.dep_ == "ccomp" and h.head.lemma_.lower() in _REPORTING:
        return 1  # a future told in the past: "saying it would ship in March" is the March after the saying
    if _may_yet(h) and not _before_subject(h, first, toks[-1]):
        return 1
    if any(w in _MODALS or w == "to" for w in auxes):
        return 0
    if h.tag_ == "VBD" or any(w in _PAST_AUX for w in auxes) or (
            h.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _HAVE_NOW for c in h.children)):
        return -1
    present = (h.tag_ in ("VBZ", "VBP") and not auxes) or (h.tag_ == "VB" and auxes and all(
        w in ("do", "does") for w in auxes))
    if present and any(t.text.rstrip(".").lower() in MONTHS for t in toks) and (
            verb_lemma(h) in _SCHEDULED
            or (prep in ("until", "till") and any(c.dep_ == "neg" for c in h.children))):
        # "the sale, which begins Feb. 19", "doesn't bust them out until November": a present of what is
        # timetabled, dated by the calendar, is a schedule; other presents are a caption's or a
        # headline's past as often ("Protesters march in Hong Kong on September 28")
        return 1
    return 0


# modals of what may yet happen, and what tells a "could" was a past ability ("could finally reach the
# summit", "could only reach the village") or a perception ("could be seen on Monday"); "ca" is the
# tokenizer's "can" of "can't"
_MAY_YET = frozenset({"can", "could", "may", "might", "ca"})
_ABILITY_ACHIEVED = frozenset({"finally", "eventually", "only", "last", "already", "barely", "hardly"})
_PERCEIVED = frozenset({"see", "hear", "feel", "smell", "watch", "spot"})


def _may_yet(v: Any) -> bool:
    """Verb ``v`` is told as what may yet happen: a modal of possibility before its bare form ("the deal
    could close on Friday", "talks may resume on Monday", "the bill can pass on Thursday"), so a bare day
    it names is the coming one. Not what may have happened ("could have died on Tuesday"), nor a past
    ability or inability ("could finally reach the summit on Tuesday", "could not be reached on
    Monday"), nor what one could perceive ("could be seen on Monday")."""
    modal = next((c for c in v.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _MAY_YET
                  and c.i < v.i), None)
    if modal is None or not _bare_after(v, modal):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.i > modal.i and verb_lemma(c) == "have" for c in v.children):
        return False
    return modal.lower_ != "could" or not (verb_lemma(v) in _PERCEIVED or any(
        c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in _ABILITY_ACHIEVED for c in v.children))


def _closing_clause(doc: Any, h: Any, first: Any) -> Any:
    """The verb whose clause ends right before an expression the parser hung on an earlier verb ``h``,
    else ``h``: "will secure the release of the girls, who were kidnapped from a secondary school in
    Chibok, northeast Nigeria, in April" is April of the kidnapping, told in the past (rd34's review of
    FNC-1 body 1821: 2015-04), as the expression sits at that clause's end."""
    i = first.i - 1
    while i > h.i and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i <= h.i:
        return h
    t = doc[i]
    for _ in range(12):
        if t.i == h.i or t.head.i == t.i:
            return h
        if t.dep_ in ("relcl", "advcl", "acl") and t.pos_ in ("VERB", "AUX") and h.i < t.i < first.i \
                and t.right_edge.i == i:
            return t
        t = t.head
    return h


def _before_subject(v: Any, first: Any, last: Any) -> bool:
    """An expression (``first`` to ``last``) the parser hung on clause verb ``v`` lies between the verb
    ``v``'s clause depends on and ``v``'s subject: "The company said on Monday it could cut 500 jobs" is
    the saying's Monday, the one gone by, not a Monday of the cutting."""
    return v.head.i < first.i and v.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > last.i for c in v.children)


# verbs of what a timetable sets: told in the present with a date, they name what is arranged
_SCHEDULED = frozenset({"begin", "start", "open", "close", "end", "run", "resume", "reopen", "kick", "launch",
                        "debut", "premiere", "air", "expire", "arrive", "depart", "return", "finish",
                        "conclude", "commence"})


def _participle_host(v: Any) -> Any:
    """The clause verb a participle or gerund ``v`` that modifies a noun or another verb hangs on, whose
    tense it takes (:func:`_tense`, :func:`_tense_giver`); None when ``v`` is no such participle or
    hangs on no other verb."""
    if v.tag_ not in ("VBN", "VBG") or v.dep_ not in (
            "acl", "relcl", "advcl", "xcomp", "conj", "amod", "pcomp", "pobj") or v.head.i == v.i:
        return None
    h = clause_verb(v.head)
    return None if h is None or h.i == v.i else h


# --------------------------------------------------------------------------- dating a word

# adverbs of a verb putting it after a time told before, on a day the text does not give; "since" as one
# ("the company has since said", FNC-1 body 470), not opening a phrase or a clause (a bound: "since 2011")
_MOVED_ON = frozenset({"later", "afterwards", "afterward", "subsequently", "eventually", "after", "since"})
RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "vague": 4}
# A time expression dates words of its own clause and of clauses hanging directly on it.
WORD_MAX_COST = 2 * CLAUSE_COST


def nearest_time(doc: Any, tok: Any, stimes: Any, para: Paragraphs, refer: bool = True) -> tuple[Any, float]:
    """The dated expression of ``stimes`` nearest to ``tok`` along the tree, ties to the more precise.

    An expression modifying a noun ("the 1991 settlement") reaches only that noun's phrase; with
    ``refer``, only one inside its own phrase dates a :func:`referring_nominal`.
    """
    best, best_cost = None, 1e9
    v = clause_verb(tok)
    # "took six months off in early 2009, later revealing ...": a later step has no date of its own
    moved = v if v is not None and any(c.dep_ == "advmod" and c.lower_ in _MOVED_ON
                                       for c in v.children) else None
    referring = refer and referring_nominal(tok)
    for tx in stimes:
        span = para.expression(tx.start, tx.end)
        if span is None or span[0] <= tok.i < span[1]:
            continue
        root = span[2]
        if referring and not own_phrase(doc, tok, root):
            continue
        if moved is not None and not (moved.left_edge.i <= root <= moved.right_edge.i):
            continue
        reach = para.reach(root)
        if reach is not None and tok.i not in reach:
            continue
        c = path_cost(doc, root, tok.i, para)
        if c < best_cost or (
                c == best_cost and best is not None and RANK[tx.precision] < RANK[best.precision]):
            best, best_cost = tx, c
    return best, best_cost


def lead_expression(doc: Any, text: str, times: Any) -> Any:
    """The lead's first day expression dating a clause: "Yesterday, ... Jobs unveiled iPhone 4".

    The lead is the first paragraph that reads as a sentence (eight words or more, closing
    punctuation), past titles and datelines. An expression modifying a noun ("the Oct. 7
    attacks") does not count. Its value may be unresolved (an undated article's "on Monday").
    """
    pos = 0
    for para in text.split("\n\n"):
        body = para.strip()
        if len(body.split()) >= 8 and body[-1:] in ".!?\"”'’":
            lo, hi = pos, pos + len(para)
            for tx in times:
                if not (lo <= tx.start < hi) or tx.precision != "day":
                    continue
                toks = doc.char_span(tx.start, tx.end, alignment_mode="expand")
                if toks is not None and len(toks) and modifier_reach(doc, toks.root.i) is None:
                    return tx
            return None
        pos += len(para) + 2
    return None


# verbs that report what someone says or grants: the statement class's and those of argument
_REPORTING = frozenset({"say", "state", "announce", "claim", "declare", "note", "stress", "confirm", "warn",
                        "tell", "add", "insist", "report", "deny", "admit", "acknowledge", "argue", "allege",
                        "contend", "concede", "explain", "write", "reveal", "conclude"})


def reporting_verb(v: Any) -> Any:
    """The verb of saying whose reported clause (its ``ccomp``) holds verb ``v``, else None:
    "Jobs admitted [that the percentage of calls dropped ... was greater]". A verb joined by a
    conjunction without a subject of its own is not taken as reported: it may share the sayer
    ("Jobs acknowledged that users had issues, but dismissed ...", which parsers attach to the
    reported clause)."""
    t = v
    for _ in range(10):
        h = t.head
        if h.i == t.i:
            return None
        if t.dep_ == "ccomp" and h.pos_ in ("VERB", "AUX"):
            return h if h.lemma_.lower() in _REPORTING else None
        if "\n\n" in h.text or t.dep_ == "parataxis":
            return None
        if t.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None  # "acknowledged that users had issues, but dismissed ...": may share the sayer
        t = h
    return None


# nouns of telling whose "that" clause is what was told ("reports that he had died", "claims that")
_TELLING_NOUNS = frozenset({"report", "claim", "rumor", "rumour", "allegation", "statement", "announcement",
                            "news", "suggestion", "speculation", "word", "assertion", "story", "accusation",
                            "denial", "confirmation", "admission", "reporting"})


def _told_content(v: Any) -> Any:
    """The noun of telling (:data:`_TELLING_NOUNS`) whose "that" clause holds verb ``v`` (through the
    verbs joined to it: "reports that he had died or that his group had begun peace talks or signed a
    truce"), else None: what the clause tells is what was told, at no time the telling gives, as a
    verb of saying's reported clause (:func:`reporting_verb`). The parser reads some such clauses as
    relative ones ("Rumors on Sunday that Macaulay Culkin died"): a "that" that is a conjunction, not the
    clause's subject or object, tells them apart."""
    t = v
    for _ in range(6):
        h = t.head
        if h.i == t.i:
            return None
        if t.dep_ in ("acl", "ccomp", "relcl") and h.pos_ == "NOUN" and h.lemma_.lower() in _TELLING_NOUNS:
            return h if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) else None
        if t.dep_ != "conj" or h.pos_ not in ("VERB", "AUX"):
            return None
        t = h
    return None


def tense_reading(tok: Any, quoted: bool, refer: bool = True) -> str | None:
    """:func:`_tense_reading`, worked out once per token of a doc and question."""
    memo = _answers(tok.doc)
    key = ("reading", tok.i, quoted, refer)
    if key in memo:
        return memo[key]  # type: ignore[no-any-return]
    got = memo[key] = _tense_reading(tok, quoted, refer)
    return got


def _tense_reading(tok: Any, quoted: bool, refer: bool = True) -> str | None:
    """What the tense of ``tok``'s clause says of its time (TimeML's reading).

    ``"document"``: the present overlaps the publication day; ``"lead"``: a past or a present
    perfect outside quotes that is not a pluperfect ("had filed") falls on the day the lead
    names (news tells what just happened; its present perfect is the "hot news" perfect);
    None: futures, modals, infinitives, conditions (:func:`_conditional`), pluperfects, pasts
    quoted or reported ("Jobs admitted that calls dropped": before it was said, not when) and the
    experiential past ("has twice before sued") have no time. A present perfect a present saying
    reports is news told from now, as the report's own perfect is ("Nigeria says it has agreed a
    ceasefire", "a statement states that Apple has lost a visionary"): ``"lead"`` (:func:`_news_now`).
    """
    if refer and referring_nominal(tok):
        return None  # a known happening: not dated by the tense of the clause naming it
    if tok.pos_ in ("NOUN", "PROPN") and _topic_prep(tok) is not None:
        # "ran a story about the comment", "claims about his death": what is told of, at no time told
        return None
    if _conditional(tok):
        return None  # "If the deal is completed, it would ...": a supposed happening, at no time
    tns = tense(tok)
    if tns == "present":
        return "document"
    if tns in ("past", "perfect") and not quoted:
        v = clause_verb(tok)
        if v is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children):
            return None
        if v is not None and any(c.dep_ == "advmod" and c.lower_ in _UNPLACED | _MOVED_ON
                                 for c in v.children):
            return None  # "has twice before sued", "once worked": some earlier time, not the news
        if v is not None and (g := _tense_giver(v)) is not v and any(
                c.dep_ == "advmod" and c.lower_ in _UNPLACED for c in g.children):
            return None  # "has previously published a fake report, claiming that ...": the claim is as early
        if v is not None and _born(v):
            return None  # an undated birth is who one is (:func:`_born`)
        if tns == "perfect" and v is not None and counted(v):
            return None  # "Boko Haram has killed thousands of people": a sum over some time, not the news
        rv = reporting_verb(v) if v is not None else None
        if rv is not None and not (tns == "perfect" and _news_now(v, rv)):
            return None  # "Jobs admitted that calls dropped ...": some time before it was said
        if v is not None and _told_content(v) is not None:
            return None  # "laughing away government reports that ... his group had signed a truce"
        return "lead"
    return None


# nouns of a large round count ("thousands of people", "dozens of militants"), and the count in figures
# from which a perfect sums up many happenings ("more than 3,400 people have been killed by the outbreak";
# "A bomb has killed at least 20 people" is the day's news)
_COUNTS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens"})
_SUM_COUNT = 1000
# happenings that strike once, whose toll, however large, is what that one blow did ("A powerful earthquake
# has killed more than 2,000 people"), unlike an outbreak, a war or a group's campaign going on for months
_ONE_BLOWS = frozenset({
    "earthquake", "quake", "tremor", "aftershock", "tsunami", "eruption", "avalanche", "landslide",
    "mudslide", "explosion", "blast", "bomb", "bombing", "fire", "blaze", "crash", "collision", "derailment",
    "accident", "attack", "airstrike", "shooting", "massacre", "stampede", "collapse", "sinking", "tornado",
    "typhoon", "hurricane", "cyclone", "storm"})


def counted(v: Any) -> bool:
    """What the verb acts on is counted in the plural by a large count (:data:`_COUNTS`, :data:`_SUM_COUNT`:
    "has killed thousands of people", "has executed hundreds", "have been killed", of "more than 3,400
    people", "has distributed over 3,000 units"): a perfect summing up happenings over some time, not one
    of the day. Not when the doer is one blow (:data:`_ONE_BLOWS`): "A powerful earthquake has killed more
    than 2,000 people" tells that day's earthquake."""
    if any(_one_blow(c) for c in v.children if c.dep_ == "nsubj") or any(
            _one_blow(g) for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
        return False
    for c in v.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.lower_ in _COUNTS or c.tag_ in ("NNS", "NNPS") and any(
                g.dep_ == "nummod" and (g.lower_ in _COUNTS or _figure(g.text) >= _SUM_COUNT)
                for g in c.children):
            return True
    return False


def _one_blow(noun: Any) -> bool:
    """A singular noun naming a happening that strikes once (:data:`_ONE_BLOWS`)."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in _ONE_BLOWS


def _figure(word: str) -> int:
    """The number a figure in digits writes ("3,400"), 0 for anything else: words, and digits no integer
    reads ("10³", whose superscript str.isdigit takes for a digit)."""
    digits = word.replace(",", "")
    return int(digits) if digits.isdecimal() else 0


def _tense_giver(v: Any) -> Any:
    """The verb whose tense ``v`` has: ``v``, or for a participle with no auxiliary of its own hanging on a
    verb ("has previously published a fake report, claiming that ..."), the verb it hangs on, as
    :func:`_tense` reads it."""
    for _ in range(4):
        h = None if any(c.dep_ in ("aux", "auxpass") for c in v.children) else _participle_host(v)
        if h is None:
            return v
        v = h
    return v


_SUPPOSING = frozenset({"if", "unless"})
# where a gerund stands as a noun ("without triggering an arrest", "by also taking strikes")
_NOMINAL_DEPS = frozenset({"pcomp", "pobj", "dobj", "nsubj", "nsubjpass"})
# a condition a noun phrase sets ("In the event of his death", "in case of an attack")
_CASE_NOUNS = frozenset({"event", "case"})


def _bare_after(v: Any, modal: Any) -> bool:
    """The verb chain of ``v`` goes on in the bare form after ``modal``, as a modal's does ("could storm",
    "could be used"); not "Will Ross saw the attack", whose "Will" the parse takes for one."""
    after = [a for a in v.children if a.dep_ in ("aux", "auxpass") and a.i > modal.i]
    return min(after + [v], key=lambda t: t.i).tag_ == "VB"


# the marks of a clause telling when its verb's happening is ("by the time it gets launched", "when the army
# leaves"): a supposed happening's time is supposed too
_WHEN_MARKS = frozenset({"when", "before", "after", "until", "once"})


def _when_of(v: Any) -> bool:
    """Verb ``v`` heads a clause telling when or what for the happening of the verb it hangs on is: an
    adverbial clause marked by :data:`_WHEN_MARKS` or an infinitive ("may use a law to charge citizens"),
    or a relative clause of "the time"."""
    if v.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _WHEN_MARKS or c.dep_ == "aux" and c.lower_ == "to"
                   for c in v.children)
    return v.dep_ == "relcl" and v.head.lemma_.lower() == "time"


def supposed(tok: Any) -> bool:
    """``tok`` is told as supposed, not as taking place: a modal auxiliary before it on its own verb chain
    (its verb, through a gerund standing as a noun, and the verbs that verb is the infinitive, the
    conjunct sharing its subject, or the time or purpose clause of: "Boko Haram could storm the village",
    "the aircraft could be used in an attack", "might want to launch an attack", "might introduce 100,000
    apps by the time it gets launched"), or a condition ("if", "unless" or "in the event of" on that
    chain); not a happening a verb of saying tells of ("cannot confirm her capture"). Read in the parse, so
    a modal of another clause is none of its ("Officials who would not give their names said the attack
    killed 12"), nor is "'d" for "had" ("He'd planned the attack"), the noun "will" or the name "Will"
    (:func:`_bare_after`); and a subject before its modal is taken to be real ("The attack could spark
    reprisals")."""
    if _conditional(tok):
        return True
    w = tok
    for _ in range(12):
        if w.pos_ in ("VERB", "AUX") and not (w.tag_ == "VBG" and w.dep_ in _NOMINAL_DEPS):
            if w is not tok and w.lemma_.lower() in _REPORTING:
                return False  # "I cannot confirm [the report of her capture]": the capture is what is told of
            for c in w.children:
                if c.dep_ == "aux" and c.i < tok.i and c.tag_ == "MD" and c.lower_ in _MODALS_OR_D \
                        and _bare_after(w, c):
                    return True
                if c.dep_ == "mark" and c.lower_ in _SUPPOSING:
                    return True
            if not (w.dep_ == "xcomp" or _when_of(w) or w.dep_ == "conj" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in w.children)) or w.head.i == w.i:
                return False
        elif w.dep_ == "pobj" and w.head.lower_ == "of" and w.head.head.lower_ in _CASE_NOUNS \
                and w.head.head.head.lower_ == "in":
            return True
        if w.head.i == w.i:
            return False
        w = w.head
    return False


def _conditional(tok: Any) -> bool:
    """``tok`` is the verb of a clause that is the condition of another ("If the deal is completed, it
    would take years", "unless Apple settles"), or of a verb joined to one, or that verb's subject ("if a
    deal is made"): what it supposes has no time of its own. What it acts on may be real ("unless the
    U.S. stops its attacks": the attacks go on)."""
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = clause_verb(tok)
    for _ in range(3):
        if v is None:
            return False
        if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in v.children):
            return True
        if v.dep_ != "conj" or v.head.i == v.i:
            return False
        v = v.head
    return False


# adverbs of a perfect that sums up or sets apart its time ("has only received", "have already been captured")
_SUMMING = frozenset({"only", "already", "ever", "never", "always", "yet", "long", "often", "repeatedly"})
_SPEAKERS = frozenset({"i", "we", "you"})


def _news_now(v: Any, rv: Any) -> bool:
    """The present perfect ``v`` a verb of saying ``rv`` reports is news told from now: ``rv`` is a present
    on the main line of its sentence ("Nigeria says it has agreed a ceasefire"; not "which Republicans say
    has created"), ``v``'s subject is no speaker's "I" or "we" (words of the speaker's own, quoted or not:
    "She says: I have endured a lot"), and no adverb sums its time up ("has only received", "have already
    been captured")."""
    if tense(rv) != "present":
        return False
    main = rv
    while main.dep_ == "conj" and main.head.i != main.i:
        main = main.head
    if main.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SPEAKERS for c in v.children):
        return False
    return not any(c.dep_ == "advmod" and c.lower_ in _SUMMING for c in v.children)
