"""One timeline per story: events merged across articles, undated articles dated from their story.

- :func:`build_timeline` merges the articles' events into :class:`~newsprism.model.TimelineEntry`
  values. Two events are one when they have the same class, compatible dates ("2020-01" and
  "2020-01-04") and share a participant — or, for happenings that are not speech (killings,
  attacks), when both are dated to the month or better in the same story. A killing (or birth)
  of the same person dated to incompatible days stays one entry and records the conflict.
  Undated events join an entry they share a participant with (not one told as repeated, "has twice
  before sued": :func:`_repeated`; not a visit or meeting of a year's entry by its doer alone:
  :func:`_only_doer`; not one told as supposed, "could storm", but for a plan's entry
  dated after its report: :func:`_supposed`); alone they are left out. An event dated by its tense is a
  past of its report's day and joins no entry of a later day; dated so to a day, a telling joins no
  coarser entry that only other reports' events are in. A speech
  or an occurrence dated by the day the lead names, its doer named ("Jobs announced", "Jobs
  showed off" under a lead of Monday), starts one entry per doer, kind and day; in a report whose
  lead names no day but whose dateline names its publication day, one dated by that day does, when
  its doer is a doer of the lead's happenings (:func:`_dateline_leads`); a launch told past the lead
  by such a doer ("He demoed the widget") joins his entry of that day. Entries
  made only of plain statements dated by the publication-day fallback are left out, and so
  are occurrences (happenings outside the trigger lexicon) naming no person or organisation, but
  for the lead's news dated to a day by its own expression (:func:`_lead_news`); occurrences
  are one entry only when they share a participant and their word.
  Besides: an event dated by its clause or tense joins only an entry of a compatible date (or one of
  its class told in its sentence), but a happening at the expression of its doer's other happening
  ("he was fired and he founded NeXT") is dated by it (:func:`_clause_mates`), and a doer's
  tellings running on, sentence after sentence, from one dated by its own expression keep its day
  ("Jobs announced today ... / He said ...": not the lead's Wednesday, :func:`_speaker_runs`); a
  doerless telling of the lead's day waits for the entries and
  joins its doer's (a member in its sentence, or a doer's name right before its word); one doer's
  lead-day sayings in two reports a few days apart are one entry; an occurrence sharing its own
  expression (or its clause's) with a happening of the lexicon beside it is that happening ("file
  suit in 1989", "stormed the school in April and snatched"); one told at listed times ("an
  appearance in March and June") is a mention on an entry of each (:func:`_conjoined`);
  the same words in two reports are one happening; what a report tells in the present of the thing
  its lead acts on ("iPhone 4 has", "It also has") is one entry of the report's day
  (:func:`_thing_states`); credit lines ("X contributed to this report")
  make no entry, and a name in a quote (double or single marks) is no doer. A happening of the
  lexicon another report dates by an expression (same class, same named thing acted on: "launched
  the iTunes Music Store on April 28, 2003") takes that date when its own report dates it only by
  its tense (or not at all, from its own story's reports), or refines its own year or month by it
  (:func:`_corpus_dates`), the corpus's reports
  read once for all its stories (:func:`corpus_redating`, :func:`story_timelines`).
  An event is scored only against the entries that may take it (those naming one of its names, or
  told in its sentence; for happenings of the lexicon, those of its class): :func:`same_name` is
  asked only of the pairs of a story's names that can match (:func:`_name_matches`), so a story's
  merge grows about linearly with its events. :func:`timeline_members` gives each entry with the
  events it holds (an entry shows a phrase once, so its mentions cannot tell two events of one phrase).
- :func:`infer_published` dates an undated article from its relative expressions and its
  siblings' dated events; :func:`reanchor` re-resolves an article's times against a new date.
- :func:`render_svg` draws entries on a compressed time axis; :func:`timeline_to_json` follows
  the JSON contract; :func:`embed_events` dates removed embedded posts by their signatures.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice, pairwise
from typing import Any
from xml.sax.saxutils import escape

from rapidfuzz import fuzz, process

from ..embeds import POST_SIGNATURE
from ..model import Analysis, Article, EntityMention, Event, Span, Story, TimeExpr, TimelineEntry
from ..stages.temporal import compatible as _compatible
from ..stages.temporal import resolve_full, value_range
from ..stages.time_anchor import told_direction
from ..stages.times import (
    _PRODUCT_NOUNS,
    _QUOTE_RX,
    _SCHEDULING,
    BY_EXPRESSION,
    DATING_CONFIDENCE,
    OCCURRENCE,
    PRESENT_BE,
    PRESENT_HAVE,
    SPEECH_CLASSES,
    dating_rule,
    event_date,
    narrative_times,
    resolve_time,
)

__all__ = [
    "build_timeline",
    "corpus_redating",
    "embed_events",
    "infer_published",
    "reanchor",
    "redating_digest",
    "render_svg",
    "same_name",
    "story_timelines",
    "timeline_members",
    "timeline_to_json",
]

# two ISO values can name the same time: asked for the same few dates against every entry of a story
compatible = functools.lru_cache(maxsize=1 << 14)(_compatible)
_PREC_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "vague": 4}
_UNIQUE = frozenset({"killing", "birth"})  # happens once per person: different days are a conflict
# happenings one named thing undergoes once, so that an undated mention of them is the dated one its story
# tells (:func:`_corpus_dates`): a product's launch, a person's death; not an attack on him or a suit
# against it ("a series of drone missile strikes ..., including attacks reportedly targeting Godane",
# FNC-1 body 1256)
_ONCE = _UNIQUE | {"launch"}
_TITLES = frozenset({"gen", "general", "brigadier", "president", "then", "former", "late", "mr", "mrs", "ms",
                     "dr", "the", "sayyed", "seyyed", "commander", "spokesman", "spokesperson", "us", "prime",
                     "minister", "sen", "senator", "rep", "gov", "governor", "ceo", "chief"})
_DATED_BY_REPORT = frozenset({"statement", "denial"})
# happenings one doer does again and again in a year (:func:`_only_doer`)
_AGAIN = frozenset({"meeting"})
# classes whose members are one happening only by a shared participant, never by the date alone:
# speech, and the generic occurrence (which is also one only for the same word: :func:`_stem`)
_BY_NAME = SPEECH_CLASSES | {OCCURRENCE}
# happenings a doer shows on the day of an appearance (a keynote's demos and releases), unlike the
# killings, arrests and rulings a report tells in the past as the story's background
_SHOWN = frozenset({"launch"})
_STOP = frozenset({"of", "the", "and", "for", "de", "al"})


# --------------------------------------------------------------------------- names


@functools.lru_cache(maxsize=1 << 14)
def _norm_tokens(name: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    toks = re.findall(r"[A-Za-z0-9]+", s)
    return tuple(t.lower() for t in toks)


@dataclass(frozen=True)
class _Name:
    """What :func:`same_name` reads of a name, read once per name."""

    tokens: tuple[str, ...]
    acronym: str  # the name itself when it is an acronym of 3 letters or more ("IRGC", "U.N.O."), else ""
    # the initials of its tokens but "of", "the", ... ("IRGC" for Islamic Revolutionary Guard Corps)
    initials: str
    joined: str
    content: tuple[str, ...]  # its tokens but titles ("Gen.", "President")


@functools.lru_cache(maxsize=1 << 14)
def _name(name: str) -> _Name:
    toks = _norm_tokens(name)
    acro = re.sub(r"[^A-Z]", "", name)
    content = tuple(t for t in toks if t not in _TITLES)
    return _Name(tokens=toks,
                 acronym=acro if len(acro) >= 3 and acro == name.strip().replace(".", "") else "",
                 initials="".join(t[0] for t in toks if t not in _STOP).upper(), joined=" ".join(toks),
                 content=content)


@functools.lru_cache(maxsize=1 << 16)
def same_name(a: str, b: str) -> bool:
    """Loose match of two surface names: spelling variants, surnames, acronyms (IRGC ~ Iranian
    Revolutionary Guard).

    Pure in its two strings and asked again and again for the same pairs while a story's events are
    merged (each event against each entry's names): its answers are kept, and what it reads of
    each name is read once (:func:`_name`)."""
    na, nb = _name(a), _name(b)
    if not na.tokens or not nb.tokens:
        return False
    if na.tokens == nb.tokens:
        return True
    for x, y in ((na, nb), (nb, na)):
        if x.acronym and len(y.tokens) >= 3 and (
                y.initials.startswith(x.acronym) or x.acronym.startswith(y.initials)):
            return True
    if _demonym(na.joined, nb.joined):
        return False
    ca, cb = na.content, nb.content
    if not ca or not cb:
        return False
    short, long_ = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    # a word and its people's are no spelling variants either ("Italian" is not "Sportex Italia", "Israeli"
    # not "Times of Israel"); an "s" more is one word by this test ("Reuter", "Reuters"), the whole names'
    # asked above
    if any(len(t) >= 4 for t in short) and _in_order(short, long_):
        return True
    return fuzz.ratio(" ".join(ca), " ".join(cb)) >= 90


def _in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Each word of ``short`` is a spelling of a word of ``long_`` (``fuzz.ratio`` 85, no people's
    word for its place's), the words in the same order: "Razi Moussavi" is "Seyyed Razi Mousavi",
    but "Mohamed Hassan", an intelligence official, is not President "Hassan Sheikh Mohamud" (FNC-1
    body 226), a given name and a surname the other way round. The earliest match of each word
    after the one before is taken: a later one leaves the next words no more to match."""
    k = 0
    for t in short:
        k = next((j + 1 for j in range(k, len(long_))
                  if fuzz.ratio(t, long_[j]) >= 85 and not _demonym(t, long_[j], _PEOPLE_ENDINGS)), -1)
        if k < 0:
            return False
    return True


_PEOPLE_ENDINGS = ("i", "ian", "n", "an", "ese", "is")  # what a place's name takes to name its people


def _demonym(a: str, b: str, endings: tuple[str, ...] = (*_PEOPLE_ENDINGS, "s")) -> bool:
    """"Israel" and "Israeli", "Iran" and "Iranian" name different things (``endings``: what the
    longer adds to the shorter)."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and long_[len(short):] in endings


def _fuzzy_pairs(words: Iterable[str], cutoff: float) -> list[tuple[str, str]]:
    """Pairs of the words (each word with itself too) whose ``fuzz.ratio`` may reach ``cutoff``:
    each word is scored only against the words of a length such a ratio allows (the ratio is at
    most 200 * shorter / (sum of the lengths))."""
    by_len: dict[int, list[str]] = {}
    for w in sorted(set(words)):
        by_len.setdefault(len(w), []).append(w)
    floor = cutoff / (200 - cutoff) - 0.02  # the shorter's least share of the longer's length, a little under
    out: list[tuple[str, str]] = []
    for n, ws in by_len.items():
        pool = [u for m in range(n, int(n / floor) + 1) for u in by_len.get(m, ())]
        for w in ws:
            out.extend((w, u) for u, _, _ in process.extract(w, pool, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                              limit=None))
    return out


def _name_matches(names: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each of the names -> the names among them :func:`same_name` takes for it, either way round.

    Asking same_name of every pair of a story's names made merging its events quadratic in them;
    a pair it takes shares one of these, so only such pairs are asked: the same words; an acronym
    and a name of three words or more whose initials start with its letter (or have none); a word
    but titles of each within ``fuzz.ratio`` 84 of the other (the word test asks 85 of each word
    of the shorter name); their words but titles joined within ratio 89 (the whole test asks 90)."""
    info = {n: _name(n) for n in set(names)}
    groups: dict[tuple[Any, ...], list[str]] = {}
    acronyms: dict[str, list[str]] = {}
    longs: dict[str, list[str]] = {}
    for n, x in info.items():
        if not x.tokens:
            continue
        groups.setdefault(("tokens", x.tokens), []).append(n)
        if x.acronym:
            acronyms.setdefault(x.acronym[0], []).append(n)
        if len(x.tokens) >= 3:
            longs.setdefault(x.initials[:1], []).append(n)
        for t in x.content:
            groups.setdefault(("word", t), []).append(n)
        if x.content:
            groups.setdefault(("joined", " ".join(x.content)), []).append(n)
    candidates: set[tuple[str, str]] = set()
    for key, ns in groups.items():
        if key[0] == "tokens":
            candidates.update((a, b) for a in ns for b in ns)
    for letter, ns in acronyms.items():
        for ys in (longs.get(letter, ()), longs.get("", ())):
            candidates.update((a, b) for a in ns for b in ys)
    for kind, cutoff in (("word", 84.0), ("joined", 89.0)):
        for w, u in _fuzzy_pairs((k[1] for k in groups if k[0] == kind), cutoff):
            candidates.update((a, b) for a in groups[(kind, w)] for b in groups[(kind, u)])
    out: dict[str, set[str]] = {n: set() for n in info}
    for a, b in candidates:
        if same_name(a, b) or same_name(b, a):
            out[a].add(b)
            out[b].add(a)
    return {n: frozenset(ms) for n, ms in out.items()}


# --------------------------------------------------------------------------- building


@dataclass
class _Cluster:
    label: str
    value: str | None
    precision: str
    names: list[str] = field(default_factory=list)
    members: list[tuple[str, Event, bool]] = field(default_factory=list)  # (article, event, explicit)
    conflicts: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)  # first participant of each killing/birth member
    stems: set[str] = field(default_factory=set)  # :func:`_stem` of each member
    told: bool = False  # a member is a doer's happening dated by its tense (:func:`_told_day`)
    lead: dict[str, str] = field(default_factory=dict)  # article -> the lead's day it started or joined it by
    doers: list[str] = field(default_factory=list)  # first person or organisation of each member
    # its members' names but whom they tell (:func:`_party_names`)
    parties: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)  # whose speakers its tellings name (:func:`_owners`)
    n: int = 0  # its place among the story's clusters (the order they were made in)
    # what its report tells its lead's thing is, at the report's day (:func:`_thing_states`)
    state: bool = False

    def victim(self, name: str) -> bool:
        return any(same_name(name, v) for v in self.victims)

    @property
    def explicit(self) -> bool:
        return any(ex for _, _, ex in self.members)

    def owned(self) -> list[str]:
        """Its names but the owners of its speakers (:func:`_owners`)."""
        return [n for n in self.names if n not in self.owners]


# a telling's word followed by whom it is told to ("told The Daily Beast", "telling ESPN.com")
_TOLD_RX = re.compile(r"tell|tells|telling|told", re.IGNORECASE)
_TO_WHOM_RX = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)


def _names_of(text: str, ev: Event) -> list[str]:
    return [text[p.start : p.end] for p in ev.participants]


def _party_names(text: str, ev: Event) -> list[str]:
    """The event's names but whom a telling is told to ("told The Telegraph"): in news mostly the
    outlet, which two sources of one report both tell ("the Pentagon told the Telegraph on Monday",
    "Abu Ibrahim al-Raqqawi, an anti-Isil activist ..., told The Telegraph"): two tellings, not one."""
    told = ev.label in SPEECH_CLASSES and _TOLD_RX.fullmatch(text, ev.start, ev.end) is not None
    return [text[p.start : p.end] for p in ev.participants
            if not (told and p.start > ev.end and _TO_WHOM_RX.fullmatch(text, ev.end, p.start))]


# a name owning the word after it ("Horner's mother", "Woods's agent"): the owner, not who it is
# (not a contracted verb: "McDonald's has decided")
_OWNED_RX = re.compile(r"\s?['’]s?\s+(?!(?:has|had|is|was|will|would)\b)[a-z]")
# nouns an "-ly" word may be that a name owns ("Foley's family said"), no adverb
_LY_NOUNS = frozenset({"family", "ally", "assembly", "supply", "rally", "monopoly"})


def _owns_word(text: str, end: int, ev: Event) -> bool:
    """Whether the name ending at ``end`` owns the word after it, which is not the telling's own noun
    ("Foley's speech": the owner is its speaker) nor only adverbs before the telling: "Sainsbury's
    also said", "McDonald's recently said" are the names' own tellings (an "'s" of the name, or "is"/
    "has" contracted), not someone's of theirs ("Horner's only son said" is the son's)."""
    m = _OWNED_RX.match(text, end)
    if m is None or m.end() - 1 == ev.start:
        return False
    between = text[m.end() - 1 : ev.start].split()
    return not between or not all(w in _STATE_ADVERBS or w.endswith("ly") and w not in _LY_NOUNS
                                  for w in between)


def _owners(text: str, ev: Event) -> list[str]:
    """The names of a telling that own its speaker ("Horner's mother said"): the speaker is the
    mother, and another happening of Horner's that day ("Horner immediately broke down into
    tears") is not her appearance. An occurrence's too, which is one kind with the tellings of a
    day (:func:`_kind`): "Mr. Bibeau's name was first broadcast by CBS" is CBS's, not one of Bibeau's
    doings that day ("Mr. Zehaf-Bibeau listed his address", FNC-1 body 298)."""
    if ev.label not in _BY_NAME:
        return []
    return [text[p.start : p.end] for p in ev.participants
            if _owns_word(text, p.end, ev)]


def _key_parts(ev: Event) -> list[Span]:
    """Participants that identify a happening: people and organisations, not places or nationalities."""
    return [p for i, p in enumerate(ev.participants)
            if p.label in ("PERSON", "ORG") or (i == 0 and ev.label in _UNIQUE)]


def _key_names(text: str, ev: Event) -> list[str]:
    return [text[p.start : p.end] for p in _key_parts(ev)]


def _stem(text: str, ev: Event) -> str:
    """A crude stem of the event's word ("filed", "files", "filing": "fil"), told apart for occurrences."""
    return text[ev.start : ev.end].lower()[:4]


def _kind(label: str) -> str:
    """Speech and the generic occurrence are one kind for happenings told by their tense: "Jobs
    welcomed everyone and announced", "Jobs called it" and "he showed off" on the lead's day are one
    appearance, not an entry per verb."""
    return "told" if label in _BY_NAME else label


# a credit line: who helped write the report ("CNN's Jeff Greene contributed to this report.",
# "Associated Press writer Lolita C. Baldor contributed.", "Reporting by Jane Doe; editing by ...")
_CREDIT_RX = re.compile(r"^[^!?\n]{0,160}?\bcontributed(?:\s+(?:reporting"
                        r"|to\s+(?:this|the)\s+(?:report|story|article)"
                        r"|from\s[^.!?\n]{0,60}))*\s*[.!]?\s*$"
                        r"|^\s*\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b", re.IGNORECASE)
# a single-quoted quote ('We will respond,' he said; ‘the martyr Moussavi ...’): the times stage's
# quote pattern reads double quotes only. An opening mark follows no letter and a closing one is followed
# by none, so the apostrophes of "Horner's" and "Jobs' keynote" open or close nothing.
_SQUOTE_RX = re.compile(r"‘[^‘’\n]{1,400}?’(?!\w)|(?<!\w)'(?=\S)[^'\n]{1,400}?(?<=\S)'(?!\w)")
# words before a name that make it the report's source or the story's past, not the doer of the lead's day
_NOT_DOER_RX = re.compile(r"(?:reported by|according to|quoted by|cited by|agency)\s+(?:the\s+)?[\w\s]{0,30}$"
                          r"|\b[Tt]hen[- ][\w\s.-]{0,30}$")


def _quotes(text: str, ev: Event) -> list[tuple[int, int]]:
    """The quotes of the event's sentence, in double or single marks."""
    sent = ev.sentence
    if sent is None:
        return []
    return [m.span() for rx in (_QUOTE_RX, _SQUOTE_RX) for m in rx.finditer(text, sent.start, sent.end)]


def _doers(text: str, ev: Event) -> list[str]:
    """The event's people and organisations that can be the doer of a happening of the lead's day:
    not a name quoted ("'The murder of martyr Moussavi ...,' he stressed"), not the outlet it is
    reported by ("as reported by the news agency Maan") and not a then-holder ("Then-US President
    Donald Trump claimed", the story's past)."""
    quotes = _quotes(text, ev)
    out = []
    for p in _key_parts(ev):
        if any(a <= p.start and p.end <= b for a, b in quotes):
            continue
        if _NOT_DOER_RX.search(text, max(0, p.start - 45), p.start):
            continue
        out.append(text[p.start : p.end])
    return out


# before a word in its clause (no comma or semicolon between): a subordinator opening a clause that is
# the background of another happening ("after his mother called 9-1-1"), or the writer or reader as its
# doer ("Today, we get confirmation", "the video we posted")
_SIDE_CLAUSE_RX = re.compile(r"(?:\b(?i:after|before|when|while|as|since|until|because|if|once|though"
                             r"|although|we|you)"
                             r"|\bI)\b[^,;]*$")


def _lead_news(text: str, ev: Event, lead: tuple[int, int]) -> bool:
    """The event is the news of its report's lead: told in the lead's opening sentences
    (:func:`_lead_line`), dated to a day, and not in a clause that is another happening's background
    or the writer's own doing (:data:`_SIDE_CLAUSE_RX`). Whether it is dated by an expression of its
    own is the caller's to ask."""
    if ev.precision != "day" or not lead[0] <= ev.start < lead[1]:
        return False
    sent = ev.sentence
    lo = sent.start if sent is not None else lead[0]
    return _SIDE_CLAUSE_RX.search(text, lo, ev.start) is None


def _credit(text: str, ev: Event) -> bool:
    """The event is told in a credit line (:data:`_CREDIT_RX`): the report's making, not a happening."""
    sent = ev.sentence
    return sent is not None and _CREDIT_RX.search(text[sent.start : sent.end].strip()) is not None


def _known_doers(events: Sequence[tuple[str, Event, str]],
                 doers_of: Mapping[int, list[str]]) -> dict[str, list[str]]:
    """Per article, the people and organisations its events name as doers (``doers_of``: id of an
    event -> its :func:`_doers`)."""
    out: dict[str, list[str]] = {}
    for aid, ev, _text in events:
        names = out.setdefault(aid, [])
        for n in doers_of[id(ev)]:
            if n not in names:
                names.append(n)
    return out


# what may stand between a subject and its verb: adverbs and auxiliaries ("Jobs also noted", "Jobs has
# since said")
_SUBJECT_GAP_RX = re.compile(r"\s+(?:(?:also|then|later|again|further|once|first|finally|still|even|since|"
                             r"previously|recently|quickly|repeatedly|subsequently|has|had|have|was|is|will"
                             r"|would)\s+)*")


def _text_doer(text: str, ev: Event, known: Sequence[str]) -> list[str]:
    """The doer of a happening the stage found none for, read off its sentence: a name the article
    gives a doer elsewhere standing right before its word, adverbs and auxiliaries aside ("Jobs also
    noted", the sentence run on from "in the U.S."), not quoted and not a report's source
    (:data:`_NOT_DOER_RX`). Only that: the nearest name before a word is as often what it is said
    to or of ("confirmed the story to the Gateway Pundit and added", "al-Baghdadi's child, the
    official said"). Used to join the doer's entry of the day, never to start one."""
    sent = ev.sentence
    if sent is None or not known:
        return []
    lo = max(sent.start, ev.start - 100)
    quotes = _quotes(text, ev)
    for name in known:
        for m in re.compile(rf"(?<!\w){re.escape(name)}(?!\w)").finditer(text, lo, ev.start):
            if not _SUBJECT_GAP_RX.fullmatch(text, m.end(), ev.start):
                continue
            if any(a <= m.start() < b for a, b in quotes) or _NOT_DOER_RX.search(
                    text, max(0, m.start() - 45), m.start()):
                continue  # quoted, or a report's source
            return [name]
    return []


# the tense rules by which the times stage dates a past of a report whose lead names no day: the
# publication day (``document``), or its month (``recent``: "Apple released the long awaited SDK"
# under the dateline "March 06, 2008")
_DATELINE_RULES = frozenset({"document", "recent"})


def _told_day(text: str, ev: Event, datelined: bool = False,
              lead: tuple[int, int] | None = None) -> str | None:
    """The date of a happening dated by its tense whose doer the report names (a person or an
    organisation): "Jobs announced", "Apple Corps argued" in a report whose lead names Monday.

    Such a happening is what a report tells of the day its lead names, so it may start an entry by
    that date; without a named doer ("it was reported", "he added") it only joins one. Dated by
    the publication day alone (rule ``document``: the report names no day) it starts none: 300
    FNC-1 bodies gave 220 more entries, mostly a background "X claimed" put on the report's day,
    for 3 more gold mentions of 114 on SemEval trial-a. A killing, an attack or a launch told in
    the past with no day of its own ("Soleimani was killed" in a report of December 2023) is
    mostly the story's background, not the day's news: it joins the entry of that happening and
    starts none. An outlet's report ("the Guardian reports") is where the story comes from, not a
    happening. Whether the doer is named is read by :func:`_doers`.

    ``datelined``: the report's lead names no day but its dateline names the publication day
    (:func:`_dateline_leads`): a happening dated by its tense to that day (rule ``document``) is
    told of the dateline's day as one of a lead naming it is of the lead's day.

    ``lead``: where the report's lead stands (:func:`_lead_line`). A happening of the lexicon
    told in the lead itself ("Apple CEO Steve Jobs introduced the next generation of software" in
    the lead of a report of June 7) is the report's news, not its background: it is told of the
    lead's day as a saying is.
    """
    rule = dating_rule(ev)
    if ev.date is None or not (rule == "lead" or (datelined and rule in _DATELINE_RULES)):
        return None
    if ev.label not in _BY_NAME and (lead is None or not lead[0] <= ev.start < lead[1]):
        return None
    if ev.label in SPEECH_CLASSES and text[ev.start : ev.end].lower().startswith("report"):
        return None
    return ev.date


def _own_news(events: Sequence[tuple[str, Event, str]], leads: Mapping[str, tuple[int, int]],
              doers_of: Mapping[int, list[str]]) -> set[int]:
    """Ids of the happenings a doer's saying of a day tells of themselves in the lead ("Steve Jobs
    announced Monday in an internal memo that he would be on medical leave"): dated by the saying's
    expression (rule ``sentence``, a day), their doer the sayer. They are the lead's news of that day,
    as the saying is; a happening of another the saying tells of ("said Wednesday that civilians
    have been burned in an Islamic State attack") is not. ``doers_of``: id of an event -> its
    :func:`_doers`."""
    out: set[int] = set()
    sayers: dict[tuple[str, int], list[str]] = {}
    for aid, ev, _text in events:
        if ev.label in SPEECH_CLASSES and ev.sentence is not None and dating_rule(ev) in ("own", "inherited"):
            sayers.setdefault((aid, ev.sentence.start), []).extend(doers_of[id(ev)])
    for aid, ev, _text in events:
        lead = leads.get(aid)
        if (ev.label in _BY_NAME or ev.precision != "day" or dating_rule(ev) != "sentence"
                or ev.sentence is None
                or lead is None or not lead[0] <= ev.start < lead[1]):
            continue
        if _shared(doers_of[id(ev)][:1], sayers.get((aid, ev.sentence.start), [])):
            out.add(id(ev))
    return out


def _lead_paragraph(text: str) -> tuple[int, int]:
    """Where the lead stands: the first paragraph that reads as a sentence (eight words or more,
    closing punctuation), past titles and datelines, as the times stage reads the lead."""
    pos = 0
    for para in text.split("\n\n"):
        body = para.strip()
        if len(body.split()) >= 8 and body[-1:] in ".!?\"”'’":
            return pos, pos + len(para)
        pos += len(para) + 2
    return len(text), len(text)


_SENTENCE_END_RX = re.compile(r"[.!?][\"”’']?(?=\s)")


def _lead_line(text: str) -> tuple[int, int]:
    """The lead's news: the first two sentences of its first line (:func:`_lead_paragraph` up to its
    first line break) — a report whose paragraphs are broken by single newlines, or by none, reads
    as one paragraph, and past its opening sentences a body tells background ("Rosenberg's capture"
    far down a one-line report of a denial)."""
    lo, hi = _lead_paragraph(text)
    while lo < hi and text[lo].isspace():
        lo += 1
    nl = text.find("\n", lo, hi)
    hi = nl if nl >= 0 else hi
    ends = [m.end() for m in islice(_SENTENCE_END_RX.finditer(text, lo, hi), 2)]
    return lo, ends[1] if len(ends) == 2 else hi


def _dateline_leads(a: Analysis) -> list[str] | None:
    """For a report whose lead names no day but whose dateline names its publication day, the
    doers of its lead's happenings (:func:`_doers`); None for any other report.

    A dateline is a paragraph before the lead that is only a day expression of the publication day
    ("Apple announces Mac OS X Lion, iOS 5, and iCloud / June 07, 2011 / At the company's own
    Worldwide Developers Conference keynote ..., Apple CEO Steve Jobs introduced ..."). The times
    stage dates such a lead's pasts by the publication day (rule ``document``: its lead names no
    day); the dateline says that day is the report's own, not a date the article was stored or
    crawled under. Its lead names no day when no event is dated by the lead's day (rule ``lead``).
    The report's news is its lead's: a doer of a happening there ("Apple CEO Steve Jobs
    introduced") may start entries of that day, the others' tellings only join them: 300 FNC-1
    bodies (no datelines) gave 37 more entries when any report could start them so, mostly
    outlets' reports and background ("NBC claims", "Times says")."""
    pub = a.article.published
    if pub is None:
        return None
    day = pub.isoformat()
    days = [tx for tx in a.times if tx.value == day and tx.precision == "day"]
    if not days or any(dating_rule(ev) == "lead" for ev in a.events):
        return None
    text = a.text
    lo, hi = _lead_paragraph(text)
    for tx in days:
        if tx.start >= lo:
            continue
        start = text.rfind("\n\n", 0, tx.start) + 1
        end = text.find("\n\n", tx.end)
        if text[start : end if end >= 0 else len(text)].strip(" \n\t.,;:-–—") == (
                text[tx.start : tx.end].strip()):
            return [n for ev in a.events if lo <= ev.start < hi for n in _doers(text, ev)]
    return None


# words telling a happening as repeated, several happenings in one mention
_REPEATED_RX = re.compile(r"\b(?:twice|three times|several times|many times|repeatedly|again and again)\b",
                          re.IGNORECASE)


def _repeated(text: str, ev: Event) -> bool:
    """The event is told as repeated near its word ("Apple Corps has twice before sued Apple Computer"):
    it names several happenings, not the one of an entry it shares a name with (the 1991 settlement)."""
    sent = ev.sentence
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(text))
    return _REPEATED_RX.search(text, max(lo, ev.start - 40), min(hi, ev.end + 40)) is not None


# an adverb telling a happening before some other time, unnamed ("Apple previously stated", "had earlier
# said")
_BEFORE_RX = re.compile(r"\b(?:previously|formerly|earlier|in the past)\s+(?:(?:has|had|have|been)\s+)?$",
                        re.IGNORECASE)


def _told_before(text: str, ev: Event) -> bool:
    """The event is told as before another time, not named (:data:`_BEFORE_RX`): "Apple previously stated
    that the Watch's battery should last only a normal day" (FNC-1 body 232) is some saying before the
    report's, not the announcement of September its undated mention joined by the name it shares."""
    return _BEFORE_RX.search(text, max(0, ev.start - 30), ev.start) is not None


def _supposed(ev: Event) -> bool:
    """The event is undated and told as supposed (the times stage's rule ``supposed``: a modal or a
    condition on its verb chain): the stage leaves such a happening undated, as it does a noun no
    expression or tense dates ("the shooting"), and undated it joined the entry of its class it shares a
    name with: on 300 FNC-1 bodies "Asked whether Nigeria would consider releasing captured Boko Haram
    militants" joined the deal for the schoolgirls' release, "Neither the U.S. Army nor the Pentagon
    would comment" a soldier's remarks."""
    return ev.date is None and dating_rule(ev) == "supposed"


def _told_as(text: str, ev: Event) -> tuple[str, int, str] | None:
    """The words telling the event: its sentence (spaces folded), where its word stands in it, its class."""
    sent = ev.sentence
    if sent is None:
        return None
    return " ".join(text[sent.start : sent.end].split()), len(text[sent.start : ev.start].split()), ev.label


def _phrased(text: str, ev: Event) -> tuple[str, str, str]:
    """The event's phrase (:func:`_phrase_span`, case and spaces folded), its class and its date."""
    s, e = _phrase_span(ev)
    return " ".join(text[s:e].lower().split()), ev.label, ev.date or ""


# what joins two expressions of one happening's time into a list of its times: "in March and June",
# "Thursday and Friday", "in 2017 and 2019"; not a comma before "and" (", and in 1984 the first Macintosh
# was released": another clause) and not "or" ("late August or early September": one time, unsure which)
_AND_TIMES_RX = re.compile(r"\s+and\s+(?:(?:in|on)\s+)?")
# what opens a span between two expressions ("between February 9th and February 16th"): one stretch of
# time, not two times
_SPAN_OPENER_RX = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
# what may follow a listed time in its happening's clause: the clause's end or punctuation (not the
# apostrophe of a possessive: "Tuesday's hearing"), a preposition or conjunction going on with it ("in
# March and June to unveil the iPad 2", "Thursday and Friday near Kobani", "in March and June of 2011"),
# a participle ("on Thursday and Friday targeting militants") or an adverb of the list; any other word
# (a noun, a determiner, a pronoun, a verb) opens a new clause the time is the first word of ("on Monday
# and Tuesday prosecutors charged him", "in 2010 and 2012 saw a second lawsuit"). A participle is a small
# word in -ing that is no pronoun or noun of the kind ("on Monday and Tuesday nothing moved", "in 2008 and
# 2012 Beijing hosted": _ING_NOT_PARTICIPLE; "on Monday and Tuesday evening" goes on)
_ING_NOT_PARTICIPLE = r"(?:no|some|any|every)thing|spring|king|ring|wing|string|ceiling|sibling"
_LIST_GOES_ON_RX = re.compile(
    r"\s*(?:$|[^\w\s'’]|(?:about|across|after|against|along|amid|among|around|as|at|before|behind|beyond|by"
    r"|despite|during|for|from|in|inside|into|near|of|off|on|onto|outside|over|since|through|throughout|to"
    r"|toward|towards|under|until|upon|via|with|within|without|and|or|but|while|when|whereas|because|although"
    r"|though|if|unless|once|where|again|alone|also|too|each|both|together|only"
    r"|(?!(?:" + _ING_NOT_PARTICIPLE + r")\b)[a-z]+ing)\b)")
# a list of times each of a list of things had in turn: one time each, not all at each time
_RESPECTIVELY_RX = re.compile(r"\brespectively\b", re.IGNORECASE)
# a participant's name with another joined to it ("Senators Smith and Jones", "Apple, Google and
# Samsung"): the event's participants hold the first name only
_AND_NAME_RX = re.compile(r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)*,?\s+(?:and|&)\s+"
                          r"(?:(?:the|his|her|its|their)\s+)?[A-Z]")


def _conjoined(text: str, ev: Event, times: Sequence[TimeExpr]) -> list[Event]:
    """The event again at each later time its own expression is listed with ("He briefly made an
    appearance in March and June to unveil the iPad 2 and the iCloud", "launched four airstrikes
    Thursday and Friday"): one mention of a happening at each of the times, so one on each of their
    entries. ``times``: the article's expressions, in text order. Only an event dated by its
    expression (:data:`~newsprism.stages.times.BY_EXPRESSION`), each listed time of its precision and
    after the one before (the stage's "Wednesday and Thursday" read as last Thursday is no second
    day of the fighting), and not a span's two ends (:data:`_SPAN_OPENER_RX`). A time the next
    clause opens with is not listed, though "and" joins it (:data:`_LIST_GOES_ON_RX`): "Police
    arrested the suspect on Monday and Tuesday prosecutors charged him" told no arrest on Tuesday
    (the parser ties "Tuesday" to "Monday" there as in a list, and a report's parse is not kept for
    its timeline). Not a killing or a birth naming its victim: one per person, its listed times are
    its victims' each ("Ali Hassan and Omar Said were killed on Monday and Tuesday"), which its
    entry, one of its first victim, read as one killing told at two days, a conflict; nor, for the
    same reason, any happening of several named participants joined by "and" (:data:`_AND_NAME_RX`:
    "Senators Smith and Jones resigned in 2017 and 2019", its participant Smith), or told as the
    times of things in turn ("respectively")."""
    tx, sent = ev.time, ev.sentence
    if (tx is None or ev.date is None or tx.value != ev.date
            or dating_rule(ev) not in BY_EXPRESSION
            or ev.label in _UNIQUE and ev.participants
            or any(_AND_NAME_RX.match(text, p.end) for p in ev.participants)
            or _SPAN_OPENER_RX.search(text, max(0, tx.start - 20), tx.start)
            or _RESPECTIVELY_RX.search(text, tx.end, sent.end if sent is not None else len(text))):
        return []
    out: list[Event] = []
    end, until = tx.end, value_range(ev.date)[1]
    for other in times:
        if other.start < end:
            continue
        if not _AND_TIMES_RX.fullmatch(text, end, other.start) or other.value is None \
                or other.precision != tx.precision or value_range(other.value)[0] <= until \
                or other.slice(text).endswith(("'s", "’s")) or not _LIST_GOES_ON_RX.match(text, other.end):
            break
        out.append(dataclasses.replace(ev, time=other, date=other.value))
        end, until = other.end, value_range(other.value)[1]
    return out


def _time_mates(events: Sequence[tuple[str, Event, str]]) -> dict[int, Event]:
    """Occurrences (happenings outside the trigger lexicon) dated by an expression of their own, or
    by their clause's (rule ``sentence``), that is the own expression of a happening of the lexicon
    in their sentence, within 60 characters: id of the occurrence -> that happening. They are one
    happening told twice ("file suit again in 1989", "detained ... as they crossed from Syria nine
    days ago", "stormed the school in April and snatched nearly 300 students", "made an
    appearance in March ... to unveil the iPad 2"). Dated by its clause alone, such an occurrence
    only joined an entry by a name it shares, and mostly was on none."""
    by_time: dict[tuple[str, int, int], list[Event]] = {}
    for aid, ev, _ in events:
        if ev.time is not None and ev.label != OCCURRENCE and dating_rule(ev) in ("own", "inherited"):
            by_time.setdefault((aid, ev.time.start, ev.time.end), []).append(ev)
    out: dict[int, Event] = {}
    for aid, ev, _ in events:
        if ev.label != OCCURRENCE or ev.time is None or dating_rule(ev) not in ("own", "sentence"):
            continue
        near = [m for m in by_time.get((aid, ev.time.start, ev.time.end), [])
                if abs(m.start - ev.start) <= 60]
        if near:
            out[id(ev)] = min(near, key=lambda m: abs(m.start - ev.start))
    return out


def _clause_mates(events: Sequence[tuple[str, Event, str]]) -> set[int]:
    """Happenings of the lexicon dated by their clause's expression (rule ``sentence``) that is the
    expression of its own of another happening of the lexicon in their sentence, of another class,
    that names one of their people or organisations: ids of the events. One doer's two happenings
    at one time ("One year later he was fired from the company and he founded NeXT": the firing's
    "One year later" dates the founding too) — the clause's expression is the founding's as much as
    the firing's, so it dates it as its own would."""
    by_time: dict[tuple[str, int, int], list[Event]] = {}
    for aid, ev, _ in events:
        if ev.time is not None and ev.label not in _BY_NAME and dating_rule(ev) in ("own", "inherited"):
            by_time.setdefault((aid, ev.time.start, ev.time.end), []).append(ev)
    out: set[int] = set()
    for aid, ev, text in events:
        if ev.label in _BY_NAME or ev.time is None or ev.date is None or dating_rule(ev) != "sentence":
            continue
        names = _key_names(text, ev)
        if any(m.label != ev.label and m.sentence == ev.sentence and _shared(names, _key_names(text, m))
               for m in by_time.get((aid, ev.time.start, ev.time.end), ())):
            out.add(id(ev))
    return out


# what a perfect progressive's word follows ("has been fighting", "have long been working"), and the
# "since" its clause's expression follows, past the word's object ("fighting pancreatic cancer since")
_PERFECT_PROGRESSIVE_RX = re.compile(r"\b(?:has|have|'s|'ve)\s+(?:\w+ly\s+|long\s+)?been\s+$", re.IGNORECASE)
_SINCE_RX = re.compile(r"[^,;:.!?\"“”]{0,60}\bsince\s+", re.IGNORECASE)


def _held_since(text: str, ev: Event) -> bool:
    """A happening in course the times stage dates by the "since" of its clause (rule ``sentence``):
    a perfect progressive holding a time ("Steve Jobs has been fighting pancreatic cancer since
    2004", the stage's ``_held_since``). The expression is when it began, its own as much as the
    stage's attached ones: it starts an entry at that date as an explicit event does. Dated by its
    clause alone it only joined an entry by a name it shares, and was on none (two trial gold
    mentions of 2004)."""
    tx, sent = ev.time, ev.sentence
    if tx is None or sent is None or ev.date is None or dating_rule(ev) != "sentence" or tx.start < ev.end:
        return False
    if not text[ev.start : ev.end].endswith("ing") or tx.end > sent.end:
        return False
    return (_PERFECT_PROGRESSIVE_RX.search(text, max(sent.start, ev.start - 40), ev.start) is not None
            and _SINCE_RX.fullmatch(text, ev.end, tx.start) is not None)


def _speaker_runs(events: Sequence[tuple[str, Event, str]],
                  doers_of: Mapping[int, list[str]]) -> dict[int, Event]:
    """Tellings dated by the lead's day (rule ``lead``) that go on a run of one doer's tellings
    opened by one dated by an expression of its own, each in the sentence right after the last:
    id of the telling -> the run's first. The run tells of its day ("Jobs announced today that
    ... / He said that ... / Jobs also announced that ...": the lead's Wednesday is not theirs).
    ``doers_of``: id of an event -> its :func:`_doers`."""
    by_article: dict[str, list[tuple[Event, Span, str]]] = {}
    for aid, ev, text in events:
        if ev.sentence is not None:
            by_article.setdefault(aid, []).append((ev, ev.sentence, text))
    out: dict[int, Event] = {}
    for evs in by_article.values():
        evs.sort(key=lambda x: x[0].start)
        # (its first, its doers, where its last sentence ends)
        run: tuple[Event, list[str], int] | None = None
        for ev, sent, text in evs:
            rule = dating_rule(ev)
            if run is not None and sent.start < run[2]:
                continue  # the sentence of the run's last telling
            if ev.label not in SPEECH_CLASSES:
                run = None
            elif ev.date is not None and rule == "own":
                doers = doers_of[id(ev)]
                run = (ev, doers, sent.end) if doers else None
            elif run is not None and rule == "lead" and not text[run[2] : sent.start].strip() and \
                    _shared(doers_of[id(ev)][:1], run[1]):
                out[id(ev)] = run[0]
                run = (run[0], run[1], sent.end)
            else:
                run = None
    return out


def _near_days(a: str | None, b: str | None, days: int = 3) -> bool:
    """Two days (``YYYY-MM-DD``) at most ``days`` apart."""
    if a is None or b is None or len(a) != 10 or len(b) != 10:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= days


def _same_sentence(aid: str, ev: Event, c: _Cluster) -> bool:
    """A member of ``c`` is told in the sentence of ``ev`` in its article."""
    return ev.sentence is not None and any(
        a == aid and m.sentence is not None
        and (m.sentence.start, m.sentence.end) == (ev.sentence.start, ev.sentence.end)
        for a, m, _ in c.members)


def _shared(a: Sequence[str], b: Sequence[str]) -> int:
    return sum(1 for x in a if any(same_name(x, y) for y in b))


def _only_doer(names: Sequence[str], doer: Sequence[str], c: _Cluster) -> bool:
    """What a happening shares with a cluster is only its doer: none of its names but the doer is one of
    the cluster's but its doers' ("Kim visiting various facilities" and Kim's 2011 "visit to the Kumsusan
    mausoleum in Pyongyang", FNC-1 bodies 63 and 377). One visits and meets many times a year: at a year's
    precision, the doer and the kind are no one happening; the place or the party visited must be one too."""
    others = [n for n in names if not _shared([n], doer)]
    return not _shared(others, [n for n in c.names if not _shared([n], c.doers)])


def _phrase_span(ev: Event) -> tuple[int, int]:
    """The event's phrase in its sentence: trigger, nearby participants and its time."""
    s, e = ev.start, ev.end
    sent = ev.sentence
    parts: list[Span] = list(ev.participants)
    if ev.time is not None:
        parts.append(ev.time)
    for p in parts:
        if sent is not None and not (sent.start <= p.start and p.end <= sent.end):
            continue
        if abs(p.start - ev.start) > 160:
            continue
        s, e = min(s, p.start), max(e, p.end)
    return s, e


# words before the name a happening acts on ("launched the iTunes Music Store", "introduced its new
# iPhone"), and the auxiliaries of a passive whose subject names it ("iOS 4 was first introduced")
_THEME_SKIP = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "new", "first", "latest",
                         "newest", "own", "long-awaited", "much-anticipated"})
# before a participle qualifying the noun after it ("the recently announced", "its newly unveiled")
_ATTRIBUTIVE_RX = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# the irregular past participles of the trigger verbs (times' lexicon): the others end in -ed
_IRREGULAR_PARTICIPLES = frozenset({"slain", "shot", "bought", "sold", "hurt"})
_PASSIVE_RX = re.compile(r"(?:\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+|first\s+)?)$", re.IGNORECASE)
# words that do not make a name before them a modifier ("launched iPhone 4 in June", "iTunes and")
_FUNCTION_WORDS = frozenset({"in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "as", "since",
                             "after", "before", "during", "of", "that", "which", "who", "is", "was", "are",
                             "were", "has", "had", "have", "will", "would", "last", "this", "next", "earlier",
                             "today", "yesterday", "but", "than", "into", "onto", "over", "through", "when",
                             "while", "along"})
# "U.S.", "iPhone 2.0": dots inside
_THEME_WORD_RX = re.compile(r"[^\s,;:!?()\"“”]*[^\s,;:.!?()\"“”]")


_DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                         "january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"})


def _name_word(w: str) -> bool:
    """A word of a name: a capital in it ("iTunes", "3G", "Apple") or a number ("iPhone 4"), not a
    day's or month's name ("election Tuesday": a time, not a thing acted on)."""
    return (any(c.isupper() for c in w) or w.isdigit()) and w.lower() not in _DATE_WORDS


def _name_run(words: list[str]) -> tuple[str, ...]:
    """The name a run of words opens with, past determiners and possessors ("the", "Apple 's", "its")."""
    k = 0
    while k < len(words) and (words[k].lower() in _THEME_SKIP or words[k] in ("'s", "’s")
                              or (k + 1 < len(words) and words[k + 1] in ("'s", "’s"))):
        k += 1
    run: list[str] = []
    for w in words[k:]:
        if not _name_word(w) or w in ("'s", "’s"):
            break
        run.append(w)
    rest = words[k + len(run) :]
    # (a day's or a month's name is no name after it: "iPhone 4 began Tuesday")
    lower = next((j for j, w in enumerate(rest[:3])
                  if any(c.isupper() for c in w) and w.lower() not in _DATE_WORDS), None)
    if run and lower and not any(w in _FUNCTION_WORDS for w in rest[:lower]):
        # a name modifying a common noun that a name follows: that name is the thing ("American
        # journalist Steven Sotloff", "Apple CEO Steve Jobs"), not the modifier
        return _name_run(rest[lower:])
    if not any(any(c.isupper() for c in w) for w in run):
        return ()  # numbers only
    out = tuple(w.lower() for w in run if w.lower() not in _TITLES)
    if out and rest and rest[0].isalpha() and rest[0].islower() and rest[0] not in _FUNCTION_WORDS:
        # a name modifying a common noun: "the iTunes store" is a thing, "U.S. journalist" a kind; the
        # caller tells them apart only by the dates (:func:`_corpus_dates`), so it is marked
        return (*out, "*" + rest[0].lower())
    return out


def _theme(text: str, ev: Event) -> tuple[str, ...]:
    """The named thing a happening acts on, as its lowercased words, read off its sentence: the
    name its word opens on ("unveiled iPhone 4", "the launch of the iTunes Music Store", "the recently
    announced iPhone 4"), else the name a passive's subject ends on, past a comma or a quote before it
    ("The newest iPhone, iPhone 4 was introduced"; "Formerly 'iPhone OS,' iOS 4 was first introduced"
    is iOS 4's, not the iPhone's), else, for "its" before the word, the name nearest before it ("the
    iTunes store since its launch"). () when none: "the device", "the price" are too common to tell
    one happening."""
    sent = ev.sentence
    lo, hi = ((sent.start, sent.end) if sent is not None
              else (max(0, ev.start - 200), min(len(text), ev.end + 200)))
    head = text[ev.end : min(hi, ev.end + 80)]
    cut = re.search(r"[,;:!?()\"“”]|\.(?=\s+[A-Z\"“]|\s*$)|\n", head)
    words = _THEME_WORD_RX.findall(head[: cut.start()] if cut else head)
    if words and words[0].lower() == "of":
        words = words[1:]
    run = _name_run(words)
    before = text[lo : ev.start]
    if run and run[-1].startswith("*") and _ATTRIBUTIVE_RX.search(before) \
            and text[ev.end : ev.end + 1] == " " \
            and _participle(text[ev.start : ev.end]):
        # a participle set before the name it qualifies ("the recently announced iPhone 4 began Tuesday"):
        # the name is the thing, the word after it as often the clause's verb as a noun it qualifies; a noun
        # there is what the name does ("the launch Apple delayed": the thing is delayed, not Apple)
        return run[:-1]
    if run:
        return run
    if passive := _PASSIVE_RX.search(before):
        subject = before[: passive.start()]
        back = _THEME_WORD_RX.findall(subject, max(subject.rfind(c) for c in ',;:"“”()') + 1)
        tail: list[str] = []
        for w in reversed(back):
            if not _name_word(w):
                break
            tail.insert(0, w)
        if any(not w.isdigit() for w in tail):
            return tuple(w.lower() for w in tail)
    if re.search(r"\b(?:its|their)\s+$", before, re.IGNORECASE):
        back = _THEME_WORD_RX.findall(before)[:-1]
        for k in range(len(back) - 1, -1, -1):
            if any(c.isupper() for c in back[k]):
                j = k
                while j > 0 and _name_word(back[j - 1]):
                    j -= 1
                return tuple(w.lower() for w in back[j : k + 1])
    return ()


def _participle(word: str) -> bool:
    """``word`` has a past participle's form ("announced", "slain"), what qualifies the name after it in
    "the recently announced iPhone 4"; a trigger noun ("the launch Apple delayed") does not."""
    w = word.lower()
    return w.endswith("ed") or w in _IRREGULAR_PARTICIPLES


def _same_theme(a: tuple[str, ...], b: tuple[str, ...], loose: bool) -> bool:
    """Two themes name one thing: the same words, or one of two words or more the other holds all of
    ("iTunes store" and "iTunes Music Store" would not: "store" is not a name word; "iPhone 4" and
    "the iPhone 4 device" do); ``loose``: one word the other holds is enough."""
    if not a or not b:
        return False
    if (a[-1].startswith("*") or b[-1].startswith("*")) and not loose:
        return False  # a name as a modifier ("U.S. journalist"): a kind, one of many happenings
    a, b = tuple(w.lstrip("*") for w in a), tuple(w.lstrip("*") for w in b)
    if a == b:
        return True
    small, big = (set(a), set(b)) if len(a) <= len(b) else (set(b), set(a))
    return (len(small) >= 2 or loose) and small < big


# what opens a clause before its subject ("Even though it now uses"), and what stands between a
# subject and its verb ("It also has", "The store currently sells")
_CLAUSE_OPENERS = frozenset({"even", "though", "although", "while", "as", "because", "since", "and", "but",
                             "so"})
_STATE_ADVERBS = frozenset({"also", "now", "still", "currently", "already", "only", "even", "just",
                            "actually", "reportedly", "supposedly", "further", "additionally", "really"})


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the clause ending at ``end`` opens: past the last comma, semicolon, colon or bracket of
    ``text[start:end]``, or at ``start``."""
    return max([start] + [text.rfind(c, start, end) + 1 for c in ",;:()"])


def _state_subject(text: str, ev: Event, end: int | None = None) -> list[str]:
    """The subject of a verb read off its clause (from the last comma, semicolon, colon or bracket
    of its sentence before it, or before an aside between commas right before it), lowercased words,
    past the clause's opener and the adverbs before the verb: "Even though it now uses" -> ["it"],
    "Structure-wise, iPhone 4 has" -> ["iphone", "4"], "The software update, iPod Software 1.1.1,
    works" -> ["the", "software", "update"]. ``end``: where the verb's words open, when before its word
    (the copula of "It is slated")."""
    sent = ev.sentence
    if sent is None:
        return []
    end = ev.start if end is None else end
    lo = _clause_start(text, sent.start, end)
    words = [w.lower() for w in _THEME_WORD_RX.findall(text, lo, end)]
    if not words and text[lo - 1 : lo] == "," and (aside := text.rfind(",", sent.start, lo - 1)) >= 0:
        words = [w.lower()
                 for w in _THEME_WORD_RX.findall(text, _clause_start(text, sent.start, aside), aside)]
    while words and words[0] in _CLAUSE_OPENERS:
        words.pop(0)
    while words and words[-1] in _STATE_ADVERBS:
        words.pop()
    return words


def _copula_rx(words: Iterable[str]) -> str:
    """An alternation of the words of a copula as they stand in the text: a contraction ("'s", "’re")
    right after the word before it, a word of its own after a word boundary."""
    return "|".join(re.escape(w) if w[0] in "'’" else rf"\b{re.escape(w)}" for w in sorted(words))


# the present copula of a plan as it stands, in the times stage's words (PRESENT_BE, or PRESENT_HAVE
# before "been", as its :func:`~newsprism.stages.times._schedules` reads them): "It is slated for a U.S.
# release on June 24", "has been scheduled for release in December"
_STANDING_PLAN_RX = re.compile(
    rf"(?:{_copula_rx(PRESENT_BE)}|(?:{_copula_rx(PRESENT_HAVE)})\s+(?:\w+ly\s+)?been)"
    r"\s+(?:\w+ly\s+|now\s+|also\s+|still\s+)?$", re.IGNORECASE)


def _thing_states(events: Sequence[tuple[str, Event, str]],
                  leads: Mapping[str, tuple[int, int]]) -> dict[int, tuple[str, tuple[str, ...]]]:
    """What a report tells its lead's thing is, in the present: id of the event -> (article, the
    thing, as lowercased words).

    The thing is what a happening of the lexicon in the lead acts on, by its name (:func:`_theme`:
    "Steve Jobs unveiled iPhone 4" -> iPhone 4), or a name of the lead a definite noun past it stands
    for ("the store" the stage reads as the lead's "iTunes Music Store": the name's last word). Its
    states are the report's verbs of the present past its headline (a third person's "-s": "has",
    "uses", "sells"; a plan as it stands, :data:`_STANDING_PLAN_RX`: "It is slated for a U.S. release on
    June 24"), dated by the publication day (rule ``document``), whose subject is the thing:
    its name, that noun, a definite product noun for what the lead launched, named or not ("The phone
    has two cameras" after "unveiled iPhone 4", "The software update ... works with" after "released
    an application"; the stage's :data:`~newsprism.stages.times._PRODUCT_NOUNS`), or "it" in a
    sentence naming it or right after one ("iPhone 4 has a new stainless steel frame", "It also has
    a new screen"). Another nameless thing is left to its report ("ISIS released a video ... The
    video also contains a threat": what the video shows is no point of the story's timeline). They
    are what the thing is as the report tells it, one point of the report's day: not the launch's
    day before it, and not one per verb. Left to the other rules they were on no entry (occurrences
    naming no person, or a business happening that starts none by its tense): 8 SemEval trial gold
    mentions of the report's day.
    300 FNC-1 bodies, each given a day, gave one entry more ("Apple Watch is a smartwatch device
    ... It links to your iPhone to display alerts"). Plans, SemEval trial 16900's "slated" (gold the report's
    day), once its lead's "recently announced iPhone 4" was a launch: anchored 0.7857 -> 0.7908."""
    # article -> the themes of its lead's happenings of the lexicon
    things: dict[str, list[tuple[str, ...]]] = {}
    launched: set[str] = set()  # the articles whose lead launches something
    for aid, ev, text in events:
        lead = leads.get(aid)
        if lead is None or ev.label in _BY_NAME or not lead[0] <= ev.start < lead[1]:
            continue
        if ev.label == "launch":
            launched.add(aid)
        th = _theme(text, ev)
        known = things.setdefault(aid, [])
        if th and not th[-1].startswith("*") and th not in known:
            known.append(th)  # a name as a modifier ("U.S. journalist") is a kind, not the thing
    out: dict[int, tuple[str, tuple[str, ...]]] = {}
    for aid, ev, text in events:
        sent = ev.sentence
        word = text[ev.start : ev.end]
        plan = (_STANDING_PLAN_RX.search(text, max(0, ev.start - 40), ev.start)
                if word.lower() in _SCHEDULING else None)
        if (aid not in things or sent is None or ev.label in SPEECH_CLASSES or ev.date is None
                or dating_rule(ev) != "document" or not (re.fullmatch(r"[a-z]+[^s]s", word) or plan)
                or ev.start < leads[aid][0]):
            continue
        raw = _state_subject(text, ev, plan.start() if plan else None)
        k = 1 if raw[:1] == ["this"] else 0
        while k < len(raw) and raw[k] in _THEME_SKIP:
            k += 1
        subject = tuple(raw[k:])
        lo, hi = leads[aid]
        thing = next((th for th in things[aid] if th == subject), None)
        if thing is None and raw[:1] in (["the"], ["this"]) and subject:
            if subject[-1] in _PRODUCT_NOUNS and aid in launched:
                # "The phone has two cameras" after "unveiled iPhone 4", "The software update ... works
                # with" after "Apple has released an application"
                thing = things[aid][0] if things[aid] else ()  # the lead's thing, named or not
            elif len(subject) == 1 and any(
                    _norm_tokens(n)[-1:] == subject
                    and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text[lo:hi])
                    for n in _key_names(text, ev)):
                thing = subject  # "The store" the stage reads as the lead's "iTunes Music Store"
        elif thing is None and subject == ("it",):
            before = re.split(r"(?<=[.!?\"”])\s+", text[max(0, sent.start - 300) : sent.start].strip())[-1]
            told = {w.lower() for w in _THEME_WORD_RX.findall(f"{before} {text[sent.start : sent.end]}")}
            thing = next((th for th in things[aid] if set(th) <= told), None)
        if thing is not None:
            out[id(ev)] = (aid, thing)
    return out


_TOLD_BY_TENSE = frozenset({"lead", "document", "recent"})


def _corpus_dates(analyses: Sequence[Analysis], story_of: Mapping[str, int]) -> dict[int, Event]:
    """Happenings of the lexicon re-dated by a telling of the same happening in another report:
    same class, same named thing acted on (:func:`_theme`), the telling dated to a day or month by
    an expression (rules ``own``, ``inherited``, ``coreferent``). Id of the event -> the event as
    re-dated. A report tells a happening another report dates ("launched the iTunes Music Store in
    2003" here, "on April 28, 2003" there; "When Jobs first introduced iPhone 4" in a report of
    August, "Jobs unveiled iPhone 4" yesterday in June's): an event dated by its tense (rule
    ``lead``, ``document``, ``recent``) takes the telling's date, as a ``coreferent`` one, when it
    falls on or before its report's day, and so does an undated launch, killing or birth (:data:`_ONCE`),
    but only from its own story's tellings ("Pre-orders of the recently announced iPhone 4" under the
    June report's "unveiled iPhone 4"; another story's "introduced the iPhone" is as often another
    launch of the name); one dated by an expression of its own to a year or month takes a finer date
    within it. The tellings of its own story are asked first, then those of the
    others; they must agree on one date (several are several happenings: "released an update").
    The reports read are those given: the corpus gives all of its reports once
    (:func:`corpus_redating`) and hands the result to each story's build (:func:`story_timelines`),
    so a story's events are re-dated by any report of the corpus, its own story's first."""
    # (class, a word of the theme) -> the tellings: an event is asked only against those sharing a word
    tellings: dict[tuple[str, str], list[tuple[tuple[str, ...], int, Event]]] = {}
    themes: dict[int, tuple[str, ...]] = {}
    for a in analyses:
        for ev in a.events:
            if ev.label in _BY_NAME:
                continue
            th = _theme(a.text, ev)
            if not th:
                continue
            themes[id(ev)] = th
            if ev.date is not None and ev.precision in ("day", "month") and \
                    dating_rule(ev) in ("own", "inherited", "coreferent"):
                for w in {w.lstrip("*") for w in th}:
                    tellings.setdefault((ev.label, w), []).append((th, story_of[a.id], ev))
    out: dict[int, Event] = {}
    for a in analyses:
        for ev in a.events:
            theme = themes.get(id(ev))
            rule = dating_rule(ev)
            if theme is None:
                continue
            coarse = (ev.date is not None and rule in ("own", "inherited")
                      and ev.precision in ("month", "year"))
            if not coarse and rule not in _TOLD_BY_TENSE and (ev.date is not None or ev.label not in _ONCE
                                                               or rule != "none"):
                # an undated launch told as supposed ("could launch iPhone 4 in India") is none of the story's
                continue
            pool = {id(m): (t, s, m) for w in {w.lstrip("*") for w in theme}
                    for t, s, m in tellings.get((ev.label, w), ())}
            found = [(s, m) for t, s, m in pool.values()
                     if m is not ev and _same_theme(theme, t, loose=coarse)]
            if coarse:
                found = [(s, m) for s, m in found if _PREC_RANK[m.precision] < _PREC_RANK[ev.precision]
                         and compatible(m.date or "", ev.date or "")]
            own = story_of[a.id]
            mine = [m for s, m in found if s == own]
            if ev.date is None and not mine:
                # an undated mention has no time of its own to bound another story's telling by: a product's
                # name in another story is as often another launch of it (the iPhone of 2007 and of 2008)
                continue
            dates = {(m.date or "", m.precision) for m in (mine or [m for _, m in found])}
            if len(dates) != 1:
                continue
            ((value, precision),) = dates
            if not coarse and (precision != "day" or a.article.published is None
                               or value_range(value)[0] > a.article.published):
                # a tense's date is taken only from a day (a month is as often a plan: "a February release")
                continue
            if coarse:
                out[id(ev)] = dataclasses.replace(ev, date=value, precision=precision)
            else:
                out[id(ev)] = dataclasses.replace(ev, date=value, precision=precision,
                                                  confidence=DATING_CONFIDENCE["coreferent"])
    for a in analyses:
        out.update(_at_once(a, out))
    return out


# a clause opening its sentence that places the clause after it at its time ("When Jobs first
# introduced iPhone 4, he praised ..."): up to the word, no comma or semicolon
_AT_ONCE_RX = re.compile(r"^\W*(?:When|As)\b[^,;]*$")


def _at_once(a: Analysis, redated: Mapping[int, Event]) -> dict[int, Event]:
    """The clause a "when"/"as" clause opening its sentence places at its time: when that clause's
    happening is re-dated by another report (:func:`_corpus_dates`), the first event past its
    comma dated only by its tense takes the date too ("When Apple CEO Steve Jobs first introduced
    iPhone 4, he praised the device's antenna design": the praise is the introduction's day). The
    times stage does this inside its article (rule ``coreferent``); the other report is not its."""
    out: dict[int, Event] = {}
    events = sorted(a.events, key=lambda e: e.start)
    for k, ev in enumerate(events):
        m = redated.get(id(ev))
        sent = ev.sentence
        if m is None or sent is None or dating_rule(m) != "coreferent" or not _AT_ONCE_RX.match(
                a.text[sent.start : ev.start]):
            continue
        comma = a.text.find(",", ev.end, sent.end)
        if comma < 0:
            continue
        nxt = next((e for e in events[k + 1 :] if e.start > comma), None)
        if nxt is not None and nxt.sentence == sent and id(nxt) not in redated and \
                dating_rule(nxt) in _TOLD_BY_TENSE:
            out[id(nxt)] = dataclasses.replace(nxt, date=m.date, precision=m.precision,
                                               confidence=DATING_CONFIDENCE["coreferent"])
    return out


def _cluster(events: list[tuple[str, Event, str]],
             datelined: Mapping[str, Sequence[str]] | None = None,
             leads: Mapping[str, tuple[int, int]] | None = None,
             published: Mapping[str, date] | None = None) -> list[_Cluster]:
    """Merge (article, event, article text) triples into clusters, most precise first.

    Only an event dated by an expression of its own (or inherited from a trigger it hangs on) is
    explicit. One dated by the nearest expression of its clause, or by its tense (the lead's day,
    the publication day), is a weaker reading: it joins an entry as an undated event would, by
    the victim or a name it shares, and starts none — except a statement or a denial, which in
    news is dated by its own report ("X said" is news of the day), and a telling the stage dated
    by the expression of another telling of the same happening in its article (rule
    ``coreferent``: "iPhone 4 was introduced by Jobs at the conference" after "introduced iPhone 4
    on Monday"), whose date is that expression's, and a happening whose clause's expression is its
    doer's other happening's own (:func:`_clause_mates`). A happening dated by its tense that joins
    nothing joins the entry of its day and kind (:func:`_kind`) sharing its doer or a person or
    organisation it names, else starts an entry by that date when its doer is named
    (:func:`_told_day`): the lead's day is one point per doer and kind, not one per verb.
    ``datelined``: article -> the doers of its lead (:func:`_dateline_leads`), for the reports whose
    dateline names the day their lead does not: their happenings dated by the publication day are
    told of it, and start an entry only by a doer of the lead.
    ``published``: article -> its publication day. An event dated by its tense (rules ``lead``,
    ``document``, ``recent``) is a past of its report's day: it joins no entry of a later day ("Anwar
    Muslim told Time magazine" in a report of October 2, dated to its month, is not his telling AFP on
    Friday, October 24, in a report of October 28). An undated one told as supposed (:func:`_supposed`)
    joins none of its report's day or before: what may happen is not what took place.
    """
    datelined = datelined or {}
    leads = leads or {}
    published = published or {}
    # read on every try of a waiting event
    doers_of = {id(ev): _doers(text, ev) for _, ev, text in events}
    parties_of = {id(ev): _party_names(text, ev) for _, ev, text in events}
    clocked = _clause_mates(events) | {id(ev) for _, ev, text in events if _held_since(text, ev)}
    announced = _own_news(events, leads, doers_of)
    states = _thing_states(events, leads)
    stated: dict[tuple[str, tuple[str, ...]], _Cluster] = {}  # (article, thing) -> the cluster of its states

    def explicit(ev: Event) -> bool:
        return ev.date is not None and (dating_rule(ev) in ("own", "inherited") or id(ev) in clocked)

    def usable(ev: Event) -> str | None:
        # a telling the stage dated by another telling's expression in its article has that date to match by
        return ev.date if (explicit(ev) or ev.label in _DATED_BY_REPORT
                           or dating_rule(ev) == "coreferent") else None

    order = sorted(events, key=lambda x: (usable(x[1]) is None, not explicit(x[1]),
                                          _PREC_RANK.get(x[1].precision, 4), x[0], x[1].start))
    known = _known_doers(events, doers_of)
    mates = _time_mates(events) | _speaker_runs(events, doers_of)
    clusters: list[_Cluster] = []
    by_label: dict[str, list[_Cluster]] = {}
    # what a cluster can be found by, so that an event is scored only against the clusters that may take
    # it: the names its members name (every rule of speech and occurrences asks a shared name or a
    # member in the event's sentence), as (article, sentence) the sentences its members are told in
    matches = _name_matches(n for _, ev, text in events for n in _names_of(text, ev))
    holders: dict[str, set[int]] = {}
    told_in: dict[tuple[str, int, int], set[int]] = {}
    home: dict[int, _Cluster] = {}  # id of a placed event -> its cluster
    said_as: dict[tuple[str, int, str], _Cluster] = {}  # :func:`_told_as` of a placed event -> its cluster
    # :func:`_phrased` of a placed happening -> its cluster
    phrased: dict[tuple[str, str, str], _Cluster] = {}

    def named(qs: Iterable[str]) -> set[int]:
        """The clusters a member of which names one of ``qs`` (by :func:`same_name`, either way round)."""
        out: set[int] = set()
        for q in qs:
            for m in matches.get(q, ()):
                out |= holders.get(m, set())
        return out

    def in_sentence(aid: str, ev: Event) -> set[int]:
        sent = ev.sentence
        return set(told_in.get((aid, sent.start, sent.end), ())) if sent is not None else set()

    def ordered(found: set[int]) -> list[_Cluster]:
        return [clusters[i] for i in sorted(found)]

    def place(aid: str, ev: Event, text: str, last: bool) -> bool:
        """Put the event in a cluster (or leave it out); False when it waits for the others."""
        names = _names_of(text, ev)
        thing = states.get(id(ev))
        if thing is not None:
            # the lead's thing as its report tells it is: one point of the report's day
            c = stated.get(thing)
            if c is None:
                c = stated[thing] = _Cluster(ev.label, ev.date, ev.precision, n=len(clusters), state=True)
                clusters.append(c)
                by_label.setdefault(c.label, []).append(c)
            _join(c, aid, ev, text, False, names)
            return True
        when = usable(ev)
        told_as = _told_as(text, ev)
        copy = said_as.get(told_as) if told_as is not None else None
        if copy is None and ev.label not in _BY_NAME and ev.date is not None:
            copy = phrased.get(_phrased(text, ev))
        if copy is not None and all(a != aid for a, _, _ in copy.members) and (
                ev.date is None or copy.value is None or compatible(ev.date, copy.value)):
            # another report of the story tells it in the same words (a wire copy, a shared paragraph),
            # or names a happening of the lexicon in the same phrase at the same date ("his father died
            # of a heart attack in 2011" in two reports: no name to merge them by, and only a year)
            _join(copy, aid, ev, text, explicit(ev), names)
            return True
        mate = mates.get(id(ev))
        if mate is not None:
            # an occurrence told with a happening, both at one expression ("Apple Corps to file suit
            # again in 1989", "detained ... as they crossed from Syria nine days ago"), or a telling
            # running on from its doer's telling of a day ("Jobs announced today ... / He said"): its entry
            c = home.get(id(mate))
            if c is None and not last:
                return False
            if c is not None:
                _join(c, aid, ev, text, explicit(ev), names)
                return True
        best: _Cluster | None = None
        best_score, conflict = 0.0, False
        # speech and occurrences join only by a shared name or a member in their sentence; the
        # happenings of the lexicon also by their date alone
        pool = (ordered(named(names) | in_sentence(aid, ev)) if ev.label in _BY_NAME
                else by_label.get(ev.label, []))
        party = parties_of[id(ev)]
        told_to = bool(party) and len(party) < len(names)
        pub = published.get(aid)
        past = dating_rule(ev) in _TOLD_BY_TENSE  # a past of its report's day (or month)
        supposed = _supposed(ev)
        for c in pool:
            if c.label != ev.label or (ev.label == OCCURRENCE and _stem(text, ev) not in c.stems):
                continue
            later = (past or supposed) and pub is not None and c.value is not None and (
                value_range(c.value)[0] > pub)
            if past and later:
                continue  # told by its tense, it is no happening of a day after its report's
            if past and ev.label in SPEECH_CLASSES and \
                    _PREC_RANK.get(ev.precision, 4) < _PREC_RANK.get(c.precision, 4) and \
                    all(a != aid for a, _, _ in c.members):
                # a telling its report dates by its own day or month ("An Apple spokeswoman told CNET",
                # "Apple says") is a saying of that time, not another report's telling of a coarser time by
                # the same name ("Apple announced its watch in September": FNC-1 bodies 407, 418, 41 and 105
                # made one "Apple statement" of 20 tellings; "Sorkin told Business Insider earlier this
                # year" took three October reports' "Sorkin said", bodies 234, 454, 458)
                continue
            shared = _shared(names, c.names)
            if told_to and c.parties:
                # a telling to someone and an entry that both name a party of their own are one by it, not
                # by an outlet both are told to; naming none, "he told Fox News" is found by the outlet
                shared = _shared(party, c.parties)
            score, is_conflict = 0.0, False
            # a year and a doer are no one happening of a kind one does again and again (:func:`_only_doer`)
            again = bool(shared) and ev.label in _AGAIN and "year" in (c.precision, ev.precision) and \
                _only_doer(names, doers_of[id(ev)][:1], c)
            if when is not None and c.value is not None:
                if compatible(when, c.value):
                    if shared and not again:
                        score = 2 + shared
                    elif ev.label not in _BY_NAME and ev.precision in ("day", "month") and \
                            c.precision in ("day", "month"):
                        score = 1
                elif ev.label in _UNIQUE and names and c.victim(names[0]) and explicit(ev):
                    score, is_conflict = 0.5, True
            elif ev.label in _UNIQUE:
                if names and c.victim(names[0]):
                    score = 1.0 + shared  # an undated killing joins the killing of the same person
            elif not again and _shared(_key_names(text, ev), c.names) and (
                    ev.date is None or c.value is None or compatible(ev.date, c.value)) and not (
                    ev.date is None
                    and (_repeated(text, ev) or _told_before(text, ev) or supposed and not later)):
                # an undated mention joins by a person or organisation it shares (not one told as
                # repeated: "has twice before sued" is more happenings than one entry's, nor as before another
                # time: "Apple previously stated"; not one told as supposed, but for a plan dated after its
                # report: "Boko Haram could storm the village" is not the storming of April); one the stage
                # dated by its clause or its tense only an entry of a date compatible with its own
                score = float(shared)
            elif ev.date is not None and c.value is not None and compatible(ev.date, c.value) and \
                    _same_sentence(aid, ev, c):
                score = 0.5  # or one of its class told in its sentence ("filed a lawsuit ... the lawsuit")
            if score > best_score:
                best, best_score, conflict = c, score, is_conflict
        told = _told_day(text, ev, aid in datelined, leads.get(aid))
        if told is None and id(ev) in announced:
            told = ev.date
        keys = doers_of[id(ev)] if told is not None else []
        # by the dateline's day, only a doer of the lead starts an entry; the others only join
        starts = (not keys or dating_rule(ev) not in _DATELINE_RULES
                  or _shared(keys[:1], datelined.get(aid, ())) > 0)
        if best is None and told is not None and (when is None or ev.label == "statement"):
            # (a denial or a dated remark is an entry of its own: it does not turn into the doer's "said")
            # the lead's day, its doer or a person or organisation it names ("Revolutionary Guard
            # spokesman Ramzan Sharif noted" joins "the IRGC noted in their statement on Wednesday"),
            # or, naming none, a member in its sentence ("Jobs welcomed everyone and announced",
            # "Jobs started by hinting at the incident, saying": the doer of the clause it hangs on)
            def day(found: set[int]) -> list[_Cluster]:
                return [c for c in ordered(found)
                        if told in (c.value, c.lead.get(aid)) and _kind(c.label) == _kind(ev.label)]

            best = next((c for c in day(named(keys) if keys else in_sentence(aid, ev))
                         if (_shared(keys, c.doers + c.owned()) if keys else _same_sentence(aid, ev, c))),
                        None)
            if best is None and keys:
                # the same doer on the lead's day of another article of the story, a few days apart
                # ("said Saturday" in one report, "said Sunday" in the next): one appearance, dated
                # by the earliest of its days (news tells a saying after it is made)
                # (of its own class, and its doer the entry's: "Woods underwent surgery" is not his agent's
                # saying)
                # (and one no member dates by an expression of its own: "Olsen said on Monday" is that day,
                # and another report's "Olsen is walking back everything he said" under Thursday is not it)
                best = next((c for c in ordered(named(keys[:1]))
                             if c.lead and not c.explicit and aid not in c.lead
                             and _near_days(told, c.value)
                             and c.label == ev.label and _shared(keys[:1], c.doers)), None)
                if best is not None and best.value is not None and told < best.value:
                    best.value = told
            if best is None and not keys:
                # or the doer its sentence names before it, as another event's doer in its article
                near = _text_doer(text, ev, known.get(aid, ()))
                best = next((c for c in day(named(near)) if _shared(near, c.doers + c.owned())), None)
                if best is None and not last:
                    return False  # it only joins: it waits for the entries all events make
            if best is not None or (keys and starts):
                when = told
        if best is None and told is None and ev.label in _SHOWN and dating_rule(ev) == "lead" and \
                text[ev.start : ev.end].lower().endswith("ed"):
            # a launch told in the past tense of the lead's day, past the lead, that no launch takes ("He
            # demoed the widget" down a keynote report) is its doer's appearance that day: it joins the
            # doer's tellings' entry of the day, never starts one (past the lead a launch is as often
            # background); a noun is not it ("Bergdahl's release" in an FNC-1 body: a prisoner's, years on)
            doer = doers_of[id(ev)][:1]
            best = next((c for c in ordered(named(doer)) if _kind(c.label) == "told"
                         and ev.date in (c.value, c.lead.get(aid)) and _shared(doer, c.doers)), None)
            if best is None and doer and not last:
                return False  # it waits for the entries all events make
        if best is None:
            if when is None:
                return True
            best = _Cluster(ev.label, when, ev.precision, n=len(clusters))
            clusters.append(best)
            by_label.setdefault(best.label, []).append(best)
        elif conflict:
            best.conflicts.append(f"{aid} says {ev.date}")
        elif when is not None and best.value is not None and explicit(ev) and \
                _PREC_RANK.get(ev.precision, 4) < _PREC_RANK.get(best.precision, 4):
            best.value, best.precision = when, ev.precision
        _join(best, aid, ev, text, explicit(ev), names)
        best.told |= bool(keys) and starts  # a doerless one only joins
        if told is not None and when == told and not explicit(ev):
            best.lead.setdefault(aid, told)
        return True

    def _join(c: _Cluster, aid: str, ev: Event, text: str, ex: bool, names: list[str]) -> None:
        c.members.append((aid, ev, ex))
        home[id(ev)] = c
        for n in names:
            holders.setdefault(n, set()).add(c.n)
        if ev.sentence is not None:
            told_in.setdefault((aid, ev.sentence.start, ev.sentence.end), set()).add(c.n)
        key = _told_as(text, ev)
        if key is not None:
            said_as.setdefault(key, c)
        if ev.label not in _BY_NAME and ev.date is not None:
            phrased.setdefault(_phrased(text, ev), c)
        owners = _owners(text, ev)
        c.doers.extend([n for n in _key_names(text, ev) if n not in owners][:1])
        c.owners.extend(n for n in dict.fromkeys(owners) if n not in c.owners)  # each once, as its parties
        c.stems.add(_stem(text, ev))
        if ev.label in _UNIQUE and names:
            c.victims.append(names[0])
        for n in names:
            if not any(same_name(n, m) for m in c.names):
                c.names.append(n)
        # each once, as its names, but by the string (_shared asks same_name of each, which is not transitive)
        c.parties.extend(n for n in dict.fromkeys(parties_of[id(ev)]) if n not in c.parties)

    waiting = [x for x in order if not place(*x, last=False)]
    while waiting:  # one that waited may be what another waits for ("welcomed" for "... and announced")
        still = [x for x in waiting if not place(*x, last=False)]
        if len(still) == len(waiting):
            break
        waiting = still
    for x in waiting:
        place(*x, last=True)
    return clusters


def _conflict_text(c: _Cluster) -> tuple[str, ...]:
    if not c.conflicts:
        return ()
    firsts: dict[str, str] = {}
    for aid, ev, ex in c.members:
        if ex and ev.date is not None and compatible(ev.date, c.value or ev.date):
            firsts.setdefault(aid, ev.date)
    main = ", ".join(f"{a} says {d}" for a, d in sorted(firsts.items()))
    return tuple(f"{main}, {x}" if main else x for x in c.conflicts)


def corpus_redating(analyses: Sequence[Analysis], stories: Sequence[Story] = ()) -> dict[int, Event]:
    """The corpus's re-dating over all its reports at once (:func:`_corpus_dates`): id of an event
    -> the event as another report's telling of its happening dates it, its own story's tellings
    asked first. Each story's timeline is built from its own reports, but a happening a report of
    another story dates ("launched the iTunes Music Store on April 28, 2003", "Jobs unveiled iPhone 4"
    yesterday in June's report) re-dates it there too: :func:`story_timelines` hands this to every
    story's build. On the SemEval trial, 5 gold mentions were dated only so (timeline anchored
    0.6378 -> 0.6633 when the corpus's re-dating reached each story's build).

    A report is read in the timeline :func:`story_timelines` builds it in (:func:`_timeline_groups`): its
    story's, or its own when it is in no story, whether or not the others are: a report's undated launch
    takes no other report's date then ("Pre-orders of the recently announced iPhone 4" is no story's
    "unveiled iPhone 4"); the one timeline of all the analyses is :func:`timeline_members`'s."""
    return _corpus_dates(analyses, _group_keys(_timeline_groups(analyses, stories)))


def _timeline_groups(analyses: Sequence[Analysis],
                     stories: Sequence[Story]) -> list[tuple[Story | None, list[Analysis]]]:
    """The reports each timeline is built from, (story or None, its reports): each story's, in story
    order (none, for a story none of whose reports are given), then each report in no story alone."""
    by_id = {a.id: a for a in analyses}
    groups: list[tuple[Story | None, list[Analysis]]] = []
    seen: set[str] = set()
    for st in stories:
        members = [by_id[x] for x in st.articles if x in by_id]
        seen.update(a.id for a in members)
        groups.append((st, members))
    groups.extend((None, [a]) for a in analyses if a.id not in seen)
    return groups


def _group_keys(groups: Sequence[tuple[Story | None, Sequence[Analysis]]]) -> dict[str, int]:
    """Report id -> the timeline it is built in, by its place in ``groups``: the story :func:`_corpus_dates`
    asks first (a report of two stories is read in the later)."""
    return {a.id: k for k, (_, members) in enumerate(groups) for a in members}


def redating_digest(members: Iterable[Analysis], redated: Mapping[int, Event]) -> str:
    """What a story's build reads of the corpus's re-dating, as a short digest ("" when none of its
    events is re-dated): each re-dated event's (article, span, date, precision, confidence). A
    story's timeline depends on the other stories' reports only through this, so an incremental
    refresh keeps a story's stored timeline only while it is unchanged (``corpus._Kept``)."""
    told = sorted((a.id, m.start, m.end, m.date or "", m.precision, m.confidence)
                  for a in members for ev in a.events if (m := redated.get(id(ev))) is not None)
    if not told:
        return ""
    return hashlib.sha1(repr(told).encode()).hexdigest()[:16]


def story_timelines(
    analyses: Sequence[Analysis],
    stories: Sequence[Story],
    entity_of: Callable[[str, int, int], str | None] | None = None,
    *,
    redated: Mapping[int, Event] | None = None,
    kept: Mapping[str, Sequence[TimelineEntry]] | None = None,
) -> list[tuple[TimelineEntry, tuple[tuple[str, int], ...]]]:
    """The corpus's timeline as the product builds it (``Corpus._timeline``, and the timeline eval
    through the same call): each story's entries from its own reports, in story order, then one
    timeline per report in no story, the corpus's re-dating (``redated``, else
    :func:`corpus_redating` of the analyses) read by every build. Each entry comes with the events
    it holds (:func:`timeline_members`); ``kept``: story id -> its stored entries, taken as they are
    (holding no events) instead of building the story again."""
    if redated is None:
        redated = corpus_redating(analyses, stories)
    out: list[tuple[TimelineEntry, tuple[tuple[str, int], ...]]] = []
    for st, members in _timeline_groups(analyses, stories):
        if st is not None and kept is not None and st.id in kept:
            out.extend((e, ()) for e in kept[st.id])
        else:
            out.extend(timeline_members(members, [st] if st is not None else (), entity_of, redated=redated))
    return out


def build_timeline(
    analyses: Sequence[Analysis],
    stories: Sequence[Story] = (),
    entity_of: Callable[[str, int, int], str | None] | None = None,
    *,
    redated: Mapping[int, Event] | None = None,
) -> list[TimelineEntry]:
    """Merge the analyses' events into timeline entries, per story when stories are given.

    ``redated``: the corpus's re-dating (:func:`corpus_redating`) when the analyses are some of a
    corpus's reports; without it the re-dating reads these analyses only."""
    return [entry for entry, _ in timeline_members(analyses, stories, entity_of, redated=redated)]


def timeline_members(
    analyses: Sequence[Analysis],
    stories: Sequence[Story] = (),
    entity_of: Callable[[str, int, int], str | None] | None = None,
    *,
    redated: Mapping[int, Event] | None = None,
) -> list[tuple[TimelineEntry, tuple[tuple[str, int], ...]]]:
    """:func:`build_timeline`'s entries, each with the events it holds as (article, event start).

    An entry shows each of its events by its phrase, once per phrase (:func:`_phrase_span`): two
    events of one phrase ("Jobs gave his annual opening keynote") are one mention; this tells
    which events an entry holds, for what measures them. ``redated``: as for build_timeline."""
    by_id = {a.id: a for a in analyses}
    # with no stories the analyses are one story, one timeline
    groups = _timeline_groups(analyses, stories) if stories else [(None, list(analyses))]
    entries: list[tuple[TimelineEntry, tuple[tuple[str, int], ...]]] = []
    if redated is None:
        redated = _corpus_dates(analyses, _group_keys(groups))
    for story, members in groups:
        story_id = story.id if story is not None else None
        triples: list[tuple[str, Event, str]] = []
        for a in members:
            times = sorted(a.times, key=lambda tx: tx.start)
            for ev in a.events:
                if not _credit(a.text, ev):
                    told = redated.get(id(ev), ev)
                    # a happening told at listed times is a mention at each (:func:`_conjoined`)
                    triples.extend((a.id, x, a.text) for x in (told, *_conjoined(a.text, told, times)))
        dated = {a.id: d for a in members if (d := _dateline_leads(a)) is not None}
        leads = {a.id: _lead_line(a.text) for a in members}
        published = {a.id: a.article.published for a in members if a.article.published is not None}
        for c in _cluster(triples, dated, leads, published):
            if _makes_no_entry(c, by_id, leads):
                continue
            entries.append((_entry(c, by_id, story_id, entity_of),
                            tuple((aid, ev.start) for aid, ev, _ in c.members)))
    entries.sort(key=lambda x: entry_order(x[0]))
    return entries


def _makes_no_entry(c: _Cluster, by_id: Mapping[str, Analysis], leads: Mapping[str, tuple[int, int]]) -> bool:
    """Whether a cluster is left off the timeline: no date, a statement with no date or speaker of
    its own, or a happening outside the lexicon with no named party that is not the lead's news."""
    if c.value is None:
        return True
    if c.state:
        return False  # what the lead's thing is, as its report tells it (:func:`_thing_states`)
    if c.label == "statement" and (not (c.explicit or c.told) or not c.names):
        return True  # "X said" with no date or no speaker of its own is not a point on a timeline
    # "the deadline passed on Sunday": a happening outside the lexicon needs a person or organisation,
    # unless it is the lead's news at a day of its own ("A meteorite crashed down in Managua late
    # Saturday night", "Pre-orders of the iPhone 4 began Tuesday")
    return c.label == OCCURRENCE and not any(
        _key_names(by_id[aid].text, ev) for aid, ev, _ in c.members) and not any(
        ex and _lead_news(by_id[aid].text, ev, leads[aid]) for aid, ev, ex in c.members)


def entry_order(e: TimelineEntry) -> tuple[date, int, str]:
    """Timeline order: earliest first, the more precise first on the same start, then by description."""
    return (value_range(e.date)[0], _PREC_RANK.get(e.precision, 4), e.description)


def _entry(c: _Cluster, by_id: Mapping[str, Analysis], story: str | None,
           entity_of: Callable[[str, int, int], str | None] | None) -> TimelineEntry:
    def rank(m: tuple[str, Event, bool]) -> tuple[int, int, int, int, int, float]:
        # a member of the entry's own class names it: a denial joined by the doer's "highlighted" stays a
        # denial; a thing's states are named by the first, which names the thing ("iPhone has new
        # stainless steel frame"), not by one the stage gave a party ("Apple has new screen" for "It also
        # has a new screen")
        _, ev, ex = m
        person = bool(ev.participants) and ev.participants[0].label == "PERSON"
        return (0 if ex else 1, ev.label != c.label, ev.date is None, 0 if ev.participants or c.state else 1,
                0 if person or c.state else 1, -ev.confidence)

    desc = min(c.members, key=rank)[1].description or c.label
    ents: list[str] = []
    if entity_of is not None:
        for aid, ev, _ in c.members:
            for p in ev.participants:
                eid = entity_of(aid, p.start, p.end)
                if eid and eid not in ents:
                    ents.append(eid)
    else:
        for n in c.names:
            # keep the fullest spelling of each name
            same = [m for m in c.names if m == n or same_name(n, m)]
            best = max(same, key=len)
            if best not in ents:
                ents.append(best)
    mentions = []
    shown: set[tuple[str, int, int]] = set()
    for aid, ev, _ in sorted(c.members, key=lambda m: (m[0], m[1].start)):
        s, e = _phrase_span(ev)
        if (aid, s, e) in shown:
            continue  # two words of one phrase ("gave his annual opening keynote"): the phrase is shown once
        shown.add((aid, s, e))
        mentions.append(EntityMention(article=aid, start=s, end=e, label=ev.label, confidence=ev.confidence))
    return TimelineEntry(date=c.value or "", precision=c.precision, description=desc, entities=tuple(ents),
                         mentions=tuple(mentions), story=story, conflicts=_conflict_text(c))


# --------------------------------------------------------------------------- undated articles


def _candidate_anchors(expr: str, target: str, direction: int) -> set[date]:
    """Publication dates under which ``expr`` resolves to the day ``target``."""
    t = date.fromisoformat(target)
    out: set[date] = set()
    for k in range(-8, 9):
        d = t + timedelta(days=k)
        if resolve_full(expr, d, direction).value == target:
            out.add(d)
    return out


def infer_published(analysis: Analysis, siblings: Sequence[Analysis]) -> tuple[date, float] | None:
    """An undated article's publication date from its relative expressions and its story siblings.

    A relative day ("this Wednesday", "on Monday", "yesterday") on one of its events is matched
    to a sibling's event of the same class (sharing a participant, or not speech) dated to a day:
    the publication dates under which the expression gives that day are votes. The most voted
    date wins, ties going to the date nearest the siblings' own dates. Without such a match, a
    "today"/"this <weekday>" agreeing with a sibling's publication day is weaker evidence.
    """
    text = analysis.text
    dated = [s for s in siblings if s.article.published is not None and s.id != analysis.id]
    if not dated:
        return None
    rel_times = [tx for tx in analysis.times
                 if tx.precision == "day" and resolve_full(text[tx.start:tx.end], None).relative]
    if not rel_times:
        return None
    sib_events = [(s, ev) for s in dated for ev in s.events
                  if ev.date is not None and ev.precision == "day" and ev.time is not None]
    votes: dict[date, float] = {}
    for ev in analysis.events:
        tx = ev.time
        # another clause's time
        if tx is None or tx not in rel_times or dating_rule(ev) in ("lead", "continuity"):
            continue
        names = _names_of(text, ev)
        expr = text[tx.start : tx.end]
        matched: set[date] = set()
        for sib, sev in sib_events:
            same_class = sev.label == ev.label or (sev.label in SPEECH_CLASSES and ev.label in SPEECH_CLASSES)
            if not same_class:
                continue
            shared = _shared(names, _names_of(sib.text, sev))
            if not shared and ev.label in _BY_NAME:
                continue
            matched |= _candidate_anchors(expr, sev.date or "", 0)
        for d in matched:
            votes[d] = votes.get(d, 0.0) + 1.0
    sib_days = [s.article.published for s in dated if s.article.published is not None]
    if votes:
        top = max(votes.values())
        best = min((d for d, v in votes.items() if v == top),
                   key=lambda d: (min(abs((d - s).days) for s in sib_days), d))
        return best, min(0.9, 0.5 + 0.15 * top)
    # weak evidence: "today"/"this Wednesday" agreeing with a sibling's own publication day
    for tx in rel_times:
        expr = text[tx.start : tx.end].lower()
        if not (expr.startswith("this ") or expr in ("today", "tonight")):
            continue
        fits = sorted(d for d in sib_days if resolve_full(expr, d).value == d.isoformat())
        if fits:
            return fits[0], 0.4
    return None


def reanchor(analysis: Analysis, published: date) -> Analysis:
    """Re-resolve the article's time expressions and event dates against ``published`` (no re-parse).

    Gives what the times stage gives on the same article dated ``published``; also sets
    ``article.published`` (the caller sets ``published_inferred``).
    """
    text = analysis.text
    sent_starts = [s.start for s in analysis.sentences] or [0]
    new_times: dict[tuple[int, int], TimeExpr] = {}
    times = []
    for tx in analysis.times:
        sstart = max((x for x in sent_starts if x <= tx.start), default=0)
        told = told_direction(analysis.parse, tx.start, tx.end) if analysis.parse is not None else 0
        value, precision, label = resolve_time(text, tx.start, tx.end, published, sstart, told)
        nt = dataclasses.replace(tx, value=value, precision=precision, label=label,
                                 anchored=value is not None)
        times.append(nt)
    times = narrative_times(text, times)
    new_times = {(tx.start, tx.end): tx for tx in times}
    events = []
    for ev in analysis.events:
        t = ev.time
        if t is not None:
            t = new_times.get((t.start, t.end), t)  # embed signatures are absolute and stay
        value, precision, conf = event_date(dating_rule(ev), t, published)
        events.append(dataclasses.replace(ev, time=t, date=value, precision=precision, confidence=conf))
    article = analysis.article
    if article.published != published:
        article = dataclasses.replace(article, published=published)
    return dataclasses.replace(analysis, article=article, times=tuple(times), events=tuple(events))


def embed_events(article: Article) -> list[tuple[str, str, str]]:
    """``(date, precision, description)`` for removed embedded posts that end with a dated signature."""
    out: list[tuple[str, str, str]] = []
    for r in article.removed:
        if r.kind != "embed":
            continue
        body = r.text.strip()
        m = POST_SIGNATURE.search(body)
        if not m:
            continue
        res = resolve_full(m["date"], None)
        if res.value is None:
            continue
        first = re.split(r"(?<=[.!?])\s", body[: m.start()].strip(), maxsplit=1)[0]
        first = re.sub(r"pic\.twitter\.com/\S+|https?://\S+|#\w+", "", first).strip()
        out.append((res.value, res.precision, first[:120] or "embedded post"))
    return out


# --------------------------------------------------------------------------- output


def timeline_to_json(entries: Sequence[TimelineEntry], texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """Entries as the JSON contract's timeline list; ``texts`` maps article id -> its text."""
    out = []
    for e in entries:
        out.append({
            "date": e.date,
            "precision": e.precision,
            "description": e.description,
            "entities": list(e.entities),
            "mentions": [{"article": m.article, "start": m.start, "end": m.end, "label": m.label,
                          "text": texts[m.article][m.start : m.end] if m.article in texts else None}
                         for m in e.mentions],
            "story": e.story,
            "conflicts": list(e.conflicts),
        })
    return out


def _axis(days: Sequence[int]) -> list[float]:
    """Positions in [0, 1] for sorted day numbers: gaps grow with the log of their length."""
    if not days:
        return []
    pos = [0.0]
    for a, b in pairwise(days):
        gap = b - a
        pos.append(pos[-1] + (0.0 if gap <= 0 else 1.0 + math.log1p(gap)))
    span = pos[-1] or 1.0
    return [p / span for p in pos]


def _trim(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def render_svg(entries: Sequence[TimelineEntry], width: int = 900) -> str:
    """A self-contained SVG (no scripts, no external references) of the entries on a time axis."""
    char_w, lane_h, margin = 6.2, 30, 60
    if not entries:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" role="img">'
                '<text x="10" y="24" font-family="sans-serif" font-size="13">No dated events</text></svg>')
    items = sorted(entries, key=lambda e: value_range(e.date)[0])
    keys = sorted({value_range(e.date)[0].toordinal() for e in items})
    xs = dict(zip(keys, _axis(keys)))
    inner = width - 2 * margin
    placed: list[tuple[float, float, int]] = []  # (x0, x1, lane): lanes alternate above/below the axis
    marks = []
    for e in items:
        x = margin + xs[value_range(e.date)[0].toordinal()] * inner
        label = _trim(f"{e.date} {e.description}", 48)
        w = len(label) * char_w
        x0 = min(max(x - w / 2, 4), width - w - 4)
        lane = 0
        while any(l == lane and not (x0 + w + 6 < a or x0 > b + 6) for a, b, l in placed):
            lane += 1
        placed.append((x0, x0 + w, lane))
        marks.append((e, x, x0, lane, label))
    above = max((lane for *_, lane, _ in marks if lane % 2 == 0), default=0) // 2 + 1
    below = max((lane for *_, lane, _ in marks if lane % 2 == 1), default=-1) // 2 + 1
    axis_y = 20 + above * lane_h
    height = axis_y + below * lane_h + 40
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="11">'),
           "<title>Timeline</title>",
           (f'<line x1="{margin - 20}" y1="{axis_y}" x2="{width - margin + 20}" y2="{axis_y}" '
            'stroke="#444" stroke-width="1.5"/>')]
    # compressed gaps get a break mark so the axis does not pretend to be linear
    for a, b in pairwise(keys):
        if b - a > 60:
            mx = margin + (xs[a] + xs[b]) / 2 * inner
            out.append(f'<text x="{mx:.1f}" y="{axis_y + 4}" text-anchor="middle" fill="#888">//</text>')
    for e, x, x0, lane, label in marks:
        up = lane % 2 == 0
        level = lane // 2 + 1
        ty = axis_y - level * lane_h + 12 if up else axis_y + level * lane_h - 4
        colour = "#c0392b" if e.conflicts else "#1f5f99"
        tip = escape(f"{e.date} ({e.precision}): {e.description}"
                     + (" — conflict: " + "; ".join(e.conflicts) if e.conflicts else "")
                     + (f" — {len(e.mentions)} mention(s)" if e.mentions else ""))
        out.append(f'<g><title>{tip}</title>')
        out.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{ty - (4 if up else 10)}" '
                   'stroke="#bbb" stroke-width="1"/>')
        r = 5 if e.precision == "day" else 7
        fill = colour if e.precision == "day" else "white"
        out.append(f'<circle cx="{x:.1f}" cy="{axis_y}" r="{r}" fill="{fill}" stroke="{colour}" '
                   'stroke-width="2"/>')
        out.append(f'<text x="{x0:.1f}" y="{ty:.1f}" fill="{colour}">{escape(label)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
