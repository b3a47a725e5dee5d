"""Claims: propositions with a holder and a stance, from quotes, reported speech and the outlet's voice.

Three sources, in order of strength:

- reported speech found in the parse: a speech verb with a subject and a clause
  ("Iran is claiming [the Oct. 7 attacks were revenge ...]", "Hamas denied the IRGC's
  statement [that ...]"); denials of a reference ("Hamas denied the Iranian version",
  "We deny the validity of what was stated ... regarding X") keep what they point at;
- quotes from the quotes stage not already covered (stance from the cue class);
- the outlet's own declarative sentences (holder = the outlet, or the source named by
  "according to X"), at low confidence.

The evidence span is the sentence (or the quote); ``proposition`` is the claimed content,
trimmed of attribution tails and quote marks.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import PipelineError
from ..model import Analysis, Article, Claim, Quote, Span
from ..pipeline import ArticleStage

__all__ = ["CUE_STANCE", "SPEECH_STANCE", "ClaimStage", "extract_claims", "repair_holder"]

# Speech verbs (lemma) and the stance their subject takes toward the reported clause.
SPEECH_STANCE: dict[str, str] = {
    **{v: "denies" for v in (
        "deny", "reject", "refute", "dispute", "dismiss", "rebut", "contradict", "disavow")},
    **{v: "asserts" for v in (
        "claim", "say", "state", "note", "insist", "assert", "allege", "argue", "maintain", "affirm",
        "declare", "confirm", "stress", "emphasize", "emphasise", "assure", "announce", "report", "tell",
        "add", "write", "explain", "indicate", "warn", "believe", "accuse", "charge", "acknowledge",
        "admit", "reiterate", "contend", "highlight", "threaten", "vow", "promise", "reveal", "conclude",
    )},
    **{v: "discusses" for v in ("suggest", "speculate", "wonder", "question", "ask")},
}
# Quote cue classes (newsprism.stages.quote_lexicon) to stances; unlisted classes make no claim.
CUE_STANCE: dict[str, str] = {
    "deny": "denies",
    **{c: "asserts" for c in ("say", "state", "claim", "confirm", "stress", "note", "assure", "announce",
                              "accuse", "warn", "threaten", "tell", "think")},
}
# Nouns a denial points at instead of restating the proposition.
REFERENCE_NOUNS = frozenset(
    ["version", "statement", "statements", "remark", "remarks", "claim", "claims", "report", "reports",
     "allegation", "allegations", "account", "comment", "comments", "assertion", "assertions", "accusation",
     "accusations", "story", "narrative", "validity", "truth", "accuracy", "veracity", "rumor", "rumour",
     "rumors", "rumours"]
)
# A clause in which its subject says they know nothing of something: a denial of knowing it.
_NO_KNOWLEDGE = re.compile(
    r"(?:\w+\s+){1,3}?(?:(?:had|has|have)\s+no\s+(?:idea|knowledge)|(?:did|does|do)\s+not\s+know"
    r"|(?:didn't|doesn't|don't|didn’t|doesn’t|don’t)\s+know|never\s+(?:knew|met)|(?:was|were|is|are)\s+"
    r"(?:not\s+aware|unaware))\b",
    re.IGNORECASE,
)
_ABOUT = frozenset({"regarding", "concerning", "about", "over", "on"})
_ABOUT_STRONG = frozenset({"regarding", "concerning", "about"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "this", "that"})
_FIRST_PERSON = frozenset({"we", "i"})
# A story's dateline: "Abuja (AFP) - ", "ABUJA, Nigeria — ", "MAIDUGURI, Nigeria (AP) — ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Za-z.'’ -]{1,30}?(?:,\s*[A-Z][A-Za-z.' ]{1,30}?)?\s*\([A-Za-z .]{1,30}\)"  # Abuja (AFP)
    r"|[A-Z][A-Z.'’ -]{1,30}?(?:,\s*[A-Z][A-Za-z.' ]{1,30}?)?)"  # ABUJA, Nigeria
    r"\s*[-—–]{1,2}\s+"
)
_NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_ATTRIBUTION_TAIL = re.compile(
    r"[,;]?\s*(?:according to|as reported by|as reported in|reported by|as cited by|citing|as quoted by|"
    r"said\b|says\b|told\b)[^.]*$",
    re.IGNORECASE,
)
_EDGE = " \t\n\"'“”‘’«»,;:.-–—()"
_GLUED = re.compile(r"[a-z]{2,}(?=[A-Z][a-z])")
_NOISE = re.compile(r"pic\.twitter\.com|https?://|www\.|@\w", re.IGNORECASE)

CONF_REPORTED = 0.8
CONF_QUOTE = 0.75
CONF_OUTLET = 0.45
CONF_ACCORDING = 0.55


@dataclass
class _Draft:
    start: int
    end: int
    stance: str
    proposition: str
    confidence: float
    holder: tuple[int, int] | None
    verb: tuple[int, int] | None = None
    quote: int | None = None
    pronoun: bool = False
    prop: tuple[int, int] | None = None


def repair_holder(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a holder span to the name inside a token glued by extraction ("ZionistsSharif" -> "Sharif"),
    or after the story's dateline ("Abuja (AFP) - Nigeria" -> "Nigeria")."""
    seg = text[start:end]
    last = None
    for m in _GLUED.finditer(seg):
        last = m
    if last is not None:
        start = start + last.end()
    dateline = _DATELINE.match(text, text.rfind("\n", 0, start) + 1)
    if dateline is not None and start < dateline.end():
        # "Abuja (AFP) - Nigeria on Friday claimed ...": the place and agency heading a story are
        # no holder; the name after the dash is.
        if end <= dateline.end():
            named = _NAME_RUN.match(text, dateline.end())
            end = named.end() if named else dateline.end()
        start = min(end, dateline.end())
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim an attribution tail ("..., according to X") and edge punctuation/quote marks."""
    seg = text[start:end]
    # The tail holds no full stop, so it starts after the segment's last one: searching from
    # there finds the same match without trying the pattern at every earlier position (that
    # search was about a quarter of the stage).
    m = _ATTRIBUTION_TAIL.search(seg, seg.rfind(".") + 1)
    if m and m.start() > 10:
        end = start + m.start()
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _span_of(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(tok: Any) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _subject(verb: Any) -> Any | None:
    # Subjects may follow the verb: "“...,” said a statement from the group".
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ in ("conj", "xcomp"):
        # "X went on to deny ...": the subject of the governing verb.
        return _subject(verb.head)
    return None


def _holder_span(subj: Any, verb: Any, text: str) -> tuple[tuple[int, int], bool]:
    """The holder's span and whether it is a pronoun to resolve."""
    if subj.lower_ in _FIRST_PERSON and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH_STANCE:
        # "“We deny ...,” said a statement from the group": the speaker of the enclosing verb.
        outer = _subject(verb.head)
        if outer is not None and outer.lower_ not in _PRONOUNS:
            return _holder_span(outer, verb.head, text)
    if subj.lower_ in _PRONOUNS:
        # "The Iranian Revolutionary Guard He stated": a name left before the pronoun by translation.
        for c in verb.children:
            if c.dep_ == "npadvmod" and c.i < subj.i and c.pos_ == "PROPN":
                return repair_holder(text, *_subtree_span(c)), False
        return (subj.idx, subj.idx + len(subj.text)), True
    # Keep the subject without trailing relative clauses or appositions ("X, who ..., said").
    toks = [t for t in subj.subtree
            if t.i <= subj.i or t.dep_ in ("prep", "pobj", "compound", "poss", "case")]
    toks = [t for t in subj.subtree if toks[0].i <= t.i <= max(subj.i, toks[-1].i)]
    # An apposition or a line break ends the name: "Mohamed Hassan, a former official who ...".
    cut = [t.i for t in toks if t.i > subj.i and (t.text == "," or "\n" in t.text)]
    if cut:
        toks = [t for t in toks if t.i < cut[0]]
    lead = [t.i for t in toks if t.i < subj.i and "\n" in t.text]
    if lead:
        toks = [t for t in toks if t.i > lead[-1]]
    start, end = _span_of(toks)
    return repair_holder(text, start, end), False


def _quoted_clause(text: str, pos: int) -> tuple[int, int] | None:
    """``text[pos:]`` opens a quotation: its span to the closing mark, which may lie past a sentence break."""
    if pos >= len(text) or text[pos] not in "“\"":
        return None
    close = text.find("”" if text[pos] == "“" else "\"", pos + 1, pos + 600)
    if close < 0 or "\n" in text[pos:close]:
        return None
    return pos + 1, close


def _proposition(verb: Any, stance: str, sent: Any, text: str) -> tuple[int, int] | None:
    """Character span of what the speech verb reports, or None when it reports no clause."""
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not comps:
        # "“The Al-Aqsa Storm was ...,” an IRGC spokesperson said": the clause before the verb.
        comps = [c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i < verb.i]
    if comps:
        first = min(c.left_edge.i for c in comps)
        last = max(c.right_edge.i for c in comps)
        toks = [t for t in sent.doc[first : last + 1]]
        while toks and (toks[0].dep_ == "mark" or toks[0].is_punct):
            toks = toks[1:]
        return _span_of(toks) if toks else None
    nxt = verb.nbor(1) if verb.i + 1 < sent.end else None
    if nxt is not None and nxt.lower_ == "that" and nxt.i + 1 < sent.end:
        return _quoted_clause(text, sent.doc[nxt.i + 1].idx) or (sent.doc[nxt.i + 1].idx, sent.end_char)
    if stance != "denies":
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i]
    if not objs:
        return None
    obj = objs[0]
    # "the IRGC's statement that the attacks were revenge ..."
    for c in obj.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            toks = [t for t in c.subtree if t.dep_ != "mark" or t.head != c]
            return _span_of(toks)
    # "the validity of the remarks ... regarding X": X is what is denied. The parser may hang
    # "regarding" on an enclosing "said", so look up to that verb too.
    limit = verb.head.i if verb.dep_ == "ccomp" and verb.head.i > verb.i else sent.end
    inside = {t.i for t in verb.subtree}
    for t in sent.doc[obj.i + 1 : limit]:
        if t.dep_ == "prep" and (t.lower_ in _ABOUT_STRONG or (t.lower_ in _ABOUT and t.i in inside)):
            pobj = [c for c in t.children if c.dep_ == "pobj"]
            if pobj:
                return _subtree_span(pobj[0])
    return _subtree_span(obj)


def _in_quote(pos: int, quotes: Sequence[Quote]) -> int | None:
    for qi, q in enumerate(quotes):
        if q.start <= pos < q.end:
            return qi
    return None


def _speech_lemmas(doc: Any) -> list[int]:
    """Indices of the tokens whose lemma is a speech verb, in order.

    Read off the lemma column at once: making a Token for every word of every sentence to
    look at its lemma was most of :func:`_reported`'s time, and few words are speech verbs.
    """
    lemmas = doc.to_array("LEMMA").tolist()
    strings = doc.vocab.strings
    wanted = {h for h in set(lemmas) if strings[h].lower() in SPEECH_STANCE}
    return [i for i, h in enumerate(lemmas) if h in wanted]


def _reported(doc: Any, text: str, quotes: Sequence[Quote]) -> list[_Draft]:
    drafts: list[_Draft] = []
    speech = _speech_lemmas(doc)
    k = 0
    for sent in doc.sents:
        while k < len(speech) and speech[k] < sent.start:
            k += 1
        if k == len(speech) or speech[k] >= sent.end:
            continue  # no speech verb in this sentence
        sent_span = _clean(text, sent.start_char, sent.end_char)
        s_start = sent.start_char
        while s_start < sent.end_char and text[s_start].isspace():
            s_start += 1
        while k < len(speech) and speech[k] < sent.end:
            verb = doc[speech[k]]
            k += 1
            stance = SPEECH_STANCE[verb.lemma_.lower()]
            if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj", "ccomp", "xcomp"):
                continue
            subj = _subject(verb)
            # What is said holds no view ("told CNN that all these claims contradict those made ...":
            # the claim is the teller's, not the claims').
            if subj is None or subj.lemma_.lower() in REFERENCE_NOUNS or subj.lower_ in REFERENCE_NOUNS:
                continue
            prop = _proposition(verb, stance, sent, text)
            if prop is None:
                continue
            p_start, p_end = _clean(text, *prop)
            if p_end - p_start < 8:
                continue
            if stance == "asserts" and _NO_KNOWLEDGE.match(text, p_start, p_end):
                # "Shekau said he had no idea who the negotiator was" is the position of "Shekau
                # denied knowing the negotiator": the two must not stand as opposed.
                stance = "denies"
            holder, pronoun = _holder_span(subj, verb, text)
            vspan = (verb.idx, verb.idx + len(verb.text))
            drafts.append(_Draft(
                start=s_start,
                end=max(sent_span[1], p_end),
                stance=stance,
                proposition=text[p_start:p_end],
                confidence=CONF_REPORTED,
                holder=holder if holder[1] > holder[0] else None,
                verb=vspan,
                quote=_in_quote(verb.idx, quotes),
                pronoun=pronoun,
                prop=(p_start, p_end),
            ))
    # "“Hamas denies X,” Hamas said": the inner speech act is the claim, not the outer report of it.
    return [d for d in drafts if not any(
        o is not d and o.verb is not None and d.prop is not None and d.prop[0] <= o.verb[0] < d.prop[1]
        for o in drafts)]


def _resolve_pronouns(drafts: list[_Draft], doc: Any, text: str, quotes: Sequence[Quote]) -> None:
    """First person inside a quote is the quote's speaker; other pronouns the last named holder."""
    drafts.sort(key=lambda d: (d.start, d.verb or (0, 0)))
    last_named: tuple[int, int] | None = None
    for d in drafts:
        if d.pronoun and d.holder is not None:
            word = text[d.holder[0] : d.holder[1]].lower()
            q = quotes[d.quote] if d.quote is not None else None
            same_sent = [o for o in drafts if o is not d and o.start == d.start and not o.pronoun and o.holder
                         and o.quote is None]
            if word in _FIRST_PERSON and q is not None and q.speaker is not None:
                d.holder = repair_holder(text, q.speaker.start, q.speaker.end)
                d.pronoun = False
            elif word in _FIRST_PERSON and same_sent:
                # "“We deny ...,” said a statement from the group": the speaker outside the quote.
                d.holder = same_sent[0].holder
                d.pronoun = False
            elif last_named is not None:
                d.holder = last_named
                d.pronoun = False
                d.confidence *= 0.8
        if d.holder is not None and not d.pronoun:
            last_named = d.holder


# Accuse-class cues whose object is the one accused, and what follows it the deed: "accused Hamas of
# war crimes", "charged him with fraud", "blamed the police for the deaths".
_ACCUSING = frozenset({"accuse", "accusation", "charge", "blame"})
_DEED_PREPS = frozenset({"of", "with", "for"})
# What an accuse-class cue blames or labels its target for or as, hung on the cue's verb or another verb.
_LABEL_PREPS = frozenset({"for", "as"})
# Dependencies of a verb that modifies a noun rather than telling what the accused did: "condemned IS,
# which has conquered vast areas", "the attack carried out on Saturday".
_NOUN_CLAUSE = frozenset({"relcl", "acl", "amod", "compound"})


def _labels_target(as_: Any, cue: Any) -> bool:
    """A labelling "as" the parse hung below the cue rather than on it: on the cue's object ("slammed
    the decision as a betrayal of voters") or on a phrase the cue governs ("slammed the mayor as out of
    touch", 'as' the adverb of 'out'). Not "as well as", "as soon as", "groups such as the Red Cross",
    whose "as" hangs on another word."""
    head = as_.head
    if head.i > as_.i:  # "as out of touch": the adverb of the phrase after it
        return as_.dep_ == "advmod" and head.pos_ in ("ADP", "ADJ") and head.dep_ != "advmod" \
            and head.head.i in range(cue.start, cue.end)
    return as_.dep_ == "prep" and head.dep_ == "dobj" and head.head.i in range(cue.start, cue.end)


def _accusation(doc: Any, q: Quote) -> bool:
    """An accuse-class quote (cue class "accuse") states a proposition: the cue accuses someone of a
    deed ("accused Hamas of attacking civilians", "accused the military of war crimes"), blames or
    labels its target for or as something ("criticised the police for their response", "denounced IS
    as monsters"), or its content tells a deed in a clause of its own ("slammed Obama, saying he had
    failed"). Not when the content is only what the cue's act was aimed at: "Gunmen attacked the
    mall", "Officials condemned the attack on the base", "condemned the beheading of David Haines":
    an act or a target, no claim."""
    if q.cue is None:
        return True
    cue = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
    content = doc.char_span(q.start, q.end, alignment_mode="expand")
    if cue is None or content is None or not len(content):
        return True
    if any(t.lemma_.lower() in _ACCUSING for t in cue):
        return any(t.lower_ in _DEED_PREPS for t in content) or any(t.lower_ in _DEED_PREPS for t in cue)
    for t in content:
        if t.lower_ in _LABEL_PREPS and t.dep_ == "prep" and (
                not content.start <= t.head.i < content.end or t.head.pos_ in ("VERB", "AUX")):
            return True
        if t.lower_ == "as" and t.pos_ == "ADP" and _labels_target(t, cue):
            return True
        if t.pos_ not in ("VERB", "AUX"):
            continue
        # inside a clause that modifies a noun of the content: no deed of the accused
        if not any(a.dep_ in _NOUN_CLAUSE and content.start <= a.i < content.end
                   for a in itertools.chain([t], t.ancestors)):
            return True
    return False


def _from_quotes(drafts: list[_Draft], doc: Any, text: str, quotes: Sequence[Quote]) -> list[_Draft]:
    out: list[_Draft] = []
    for qi, q in enumerate(quotes):
        inside = [d for d in drafts if d.verb is not None and q.start <= d.verb[0] < q.end]
        by_cue = [d for d in drafts if d.verb is not None and q.cue is not None
                  and q.cue.start <= d.verb[0] < q.cue.end]
        if inside or by_cue:
            for d in inside + by_cue:
                if d.quote is None:
                    d.quote = qi
                if d.pronoun and q.speaker is not None:
                    d.holder = repair_holder(text, q.speaker.start, q.speaker.end)
                    d.pronoun = False
            continue
        stance = CUE_STANCE.get(q.cue_class or "say")
        # An act ("Police have shown video of the attack") states no proposition (quote_category).
        if stance is None or q.category == "act" or (q.cue_class == "accuse" and not _accusation(doc, q)):
            continue
        p_start, p_end = _clean(text, q.start, q.end)
        # A two-word scare quote ("a “hostile act”") labels something; it states no proposition.
        if p_end - p_start < 8 or len(text[p_start:p_end].split()) < 3:
            continue
        holder = repair_holder(text, q.speaker.start, q.speaker.end) if q.speaker is not None else None
        if stance == "asserts" and _NO_KNOWLEDGE.match(text, p_start, p_end):
            stance = "denies"
        out.append(_Draft(start=q.start, end=q.end, stance=stance, proposition=text[p_start:p_end],
                          confidence=CONF_QUOTE * (q.confidence or 1.0), holder=holder, quote=qi))
    return out


def _outlet_voice(doc: Any, text: str, covered: list[tuple[int, int]],
                  quotes: Sequence[Quote]) -> list[_Draft]:
    out: list[_Draft] = []
    # A sentence overlaps a span when a span starting before its end ends after its start:
    # the spans by start, with the running maximum of their ends, tell in one bisection.
    spans = sorted(covered + [(q.start, q.end) for q in quotes])
    starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for sent in doc.sents:
        s, e = _clean(text, sent.start_char, sent.end_char)
        if e - s < 30 or text[sent.start_char : sent.end_char].rstrip().endswith("?"):
            continue
        before = bisect.bisect_left(starts, sent.end_char)
        if (before and reach[before - 1] > sent.start_char) or _NOISE.search(text[s:e]):
            continue
        # Sentences that carry a quote mark are someone's words, not the outlet's.
        if any(ch in text[s:e] for ch in "\"“”"):
            continue
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or _subject(root) is None:
            continue
        holder = None
        conf = CONF_OUTLET
        # Only a sentence whose text has the word can have the token: the rest are not walked.
        for tok in sent if "according" in text[sent.start_char : sent.end_char].lower() else ():
            if tok.lower_ == "according" and tok.i + 2 < sent.end and tok.nbor(1).lower_ == "to":
                pobj = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
                if pobj:
                    holder = repair_holder(text, *_subtree_span(pobj[0]))
                    conf = CONF_ACCORDING
        start = sent.start_char
        while text[start].isspace():
            start += 1
        out.append(_Draft(start=start, end=max(e, start + 1), stance="asserts", proposition=text[s:e],
                          confidence=conf, holder=holder))
    return out


def extract_claims(
    doc: Any,
    article: Article,
    quotes: Sequence[Quote] = (),
    *,
    stage: str = "claims.v6",
    outlet_voice: bool = True,
) -> list[Claim]:
    """Claims of one article from its spaCy parse and its quotes, sorted by position."""
    text = article.text
    drafts = _reported(doc, text, quotes)
    _resolve_pronouns(drafts, doc, text, quotes)
    drafts += _from_quotes(drafts, doc, text, quotes)
    if outlet_voice:
        drafts += _outlet_voice(doc, text, [(d.start, d.end) for d in drafts], quotes)
    claims: list[Claim] = []
    seen: set[tuple[int, int, str, str]] = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.end, d.proposition)):
        key = (d.start, d.end, d.stance, d.proposition)
        if key in seen or d.end <= d.start:
            continue
        seen.add(key)
        holder_span = None
        holder_name = article.outlet
        if d.holder is not None and d.holder[1] > d.holder[0]:
            holder_span = Span(start=d.holder[0], end=d.holder[1], label="holder", stage=stage,
                               confidence=d.confidence)
            holder_name = text[d.holder[0] : d.holder[1]]
        claims.append(Claim(
            start=d.start,
            end=d.end,
            label=d.stance,
            stage=stage,
            confidence=round(d.confidence, 3),
            holder=holder_span,
            holder_name=holder_name,
            proposition=" ".join(d.proposition.split()),
            quote=d.quote,
        ))
    return claims


class ClaimStage(ArticleStage):
    """Claims from quotes, reported speech and the outlet's own voice."""

    name = "claims"
    version = 6
    requires = ("parse", "quotes")
    assigns = ("claims",)

    def __init__(self, *, outlet_voice: bool = True):
        self.outlet_voice = outlet_voice

    def __call__(self, item: Analysis) -> Analysis:
        if item.parse is None:
            raise PipelineError(f"claims needs the parse of article {item.id!r}; run the parse stage first")
        # Claims are evidence in the article's text: an embedded post's quotes (last, their spans in
        # the post's text) are left out, and the article's keep their indexes (``Claim.quote``).
        quotes = tuple(q for q in item.quotes if q.embed is None)
        claims = extract_claims(item.parse, item.article, quotes, stage=self.tag,
                                outlet_voice=self.outlet_voice)
        return self.mark(item, claims=tuple(claims))
