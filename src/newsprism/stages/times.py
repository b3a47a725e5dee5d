"""Times: temporal expressions resolved against the article date, and the events they date.

Expressions come from the patterns in :mod:`newsprism.stages.temporal` plus spaCy DATE/TIME
entities the patterns miss. Events are sentences' happenings found by trigger lemmas (verbs
and nouns: "killed", "death", "airstrike", "statement", "denied", ...), and any other happening
an expression of its own dates ("renamed the store in 2006": a main verb telling no state, or a
deverbal noun, of the class ``occurrence``, dated by that expression only), a past the report
tells of a named doer (or of the "I" of a letter it gives: :func:`_letter_start`; undated when an adverb places it
apart from the news, "soon after reassumed": :func:`_placed_apart`) or a future it tells in its own
voice (:func:`_told_generics`), what a verb of deciding takes as its infinitive, undated ("has chosen to
step down": :func:`_decided_generics`), a past or future a verb of
saying reports, undated, when it tells no state ("Jobs admitted that calls dropped", "Apple has claimed that
the iPhone will provide", not "said he lived in London", "said he was surprised" or "said the watch will start
at $349": :func:`_reported_generics`), and what an
event is done for or by, or a happening noun is a step to ("returned to the stage to reveal
iCloud", "started by hinting", "the decision to proceed"), or what an adverb places after an event, undated
("took six months off in early 2009, later revealing": :func:`_joined_generics`; the pluperfect it reveals is
at the event's time, "he had undergone a liver transplant": :func:`_revealed_at`), and a noun naming a happening that an event does or a verb of doing
performs ("settled its dispute", "made the decision", "launched a military operation":
:func:`_object_happenings`), and a request its asker holds ("At my request, the board has granted":
:func:`_owned_happenings`), and a present state of what the lead launched ("Apple unveiled iPhone 4 ...
iPhone 4 has a new stainless steel frame": :func:`_thing_states`), and the happening whose phase an event verb tells, its subject ("Pre-orders
began Tuesday", "construction began in 1795": :func:`_phase_subjects`) or what an event goes on with ("to
proceed with iPhone 4 development": :func:`_carries_on`). A word the tokenizer split at
its hyphen ("Pre-orders") is one word of the event's span. What a clause negates ("Apple did not respond") is no event, and words
in quotes, double or single, are not the report's own telling (but for a future the quote tells after a saying
outside it, the speaker's, undated: :func:`_reported_generics`). Each dated expression
is attached to the trigger nearest to it along the dependency tree, where crossing a clause
boundary (ccomp, advcl, relcl, ...) costs much more than a step inside a phrase; a trigger
without its own expression inherits one from a trigger it directly modifies or is modified
by ("killed in an airstrike ... in January 2020"). A trigger still without one takes the
nearest expression of its clause, else what its tense says (:func:`.time_anchor.tense_reading`):
the publication day for the present, the day the lead names for an unquoted past ("Yesterday,
Jobs unveiled ..."; in news, "X said" is news of the day), or the day named later for the same doer's
doings ("Jobs announced today ... He said": :func:`_told_days`); without one, the publication day, or
only its month for a simple past when the report names no day near publication: rule ``recent``,
:func:`names_near_day`; none when a vague expression of its clause places it in the past, "less than
two weeks ago", "at the time", or an argument of a case the lead tells decided: :func:`_argued_in_decided_case`),
no date for a future, a modal, what a condition supposes ("if the deal is completed"), a pluperfect or a past reported by a verb of saying ("Jobs admitted that calls dropped"; a present
perfect a present saying reports is news of now: "Nigeria says it has agreed a ceasefire"), except
that a future the report tells in its own voice is at the future day or month it last named
("will be available on June 24 ... will release the kit": rule ``continuity``). A happening named as something known ("the killing of Soleimani", "Mousavi's
death", "Moussavi, killed in ...": :func:`.time_anchor.referring_nominal`) takes only an
expression of its own phrase, else the date the article gives the same happening (same class,
a shared named party, dated by an expression: ``coreferent``), else, a noun, the rules above
as any word; a participle modifying a noun ("iPods sold in France", "the newly elected
parliament") is background and gets no date. These are the rules :func:`.time_words.date_word` applies to any word, which the
timeline evaluation scores. Which rule dated an event is kept in its confidence
(:data:`DATING_CONFIDENCE`, :func:`dating_rule`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any

from ..embeds import HANDLE, POST_SIGNATURE
from ..errors import PipelineError
from ..model import Analysis, Event, Mention, Span, TimeExpr
from ..pipeline import ArticleStage
from .temporal import (
    _NUMBERS,
    _add_months,
    find_times,
    future_context,
    holidays_told,
    name_deictic,
    named_day,
    resolve_full,
    street_number,
    value_range,
)
from .time_anchor import (
    _BLANK_RX,
    _BOUND_PREPS,
    _HAVE_NOW,
    _MOVED_ON,
    _TOPIC_PREPS,
    _UNPLACED,
    CLAUSAL,
    CLAUSE_COST,
    PERFORMING,
    RANK,
    WORD_MAX_COST,
    Paragraphs,
    clause_verb,
    counted,
    lead_expression,
    misread_month,
    nearest_time,
    own_phrase,
    paragraph_ids,
    path_cost,
    referring_nominal,
    reporting_verb,
    supposed,
    tense,
    tense_reading,
    told_direction,
    verb_lemma,
)

__all__ = [
    "BY_EXPRESSION",
    "DATING_CONFIDENCE",
    "EVENT_CLASSES",
    "OCCURRENCE",
    "PRESENT_BE",
    "PRESENT_HAVE",
    "SPEECH_CLASSES",
    "TimeStage",
    "dating_rule",
    "event_date",
    "future_reference",
    "names_near_day",
    "narrated_future",
    "narrative_times",
    "resolve_time",
]

# lemma -> event class. Verbs and nouns are kept apart: "attack" as a verb and a noun agree,
# but "strike" the verb is mostly "strike a deal".
_VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(("kill", "assassinate", "murder", "slay", "execute", "die", "behead", "martyr"), "killing"),
    **dict.fromkeys(("attack", "bomb", "shell", "raid", "invade", "shoot", "assault", "storm", "target"), "attack"),
    **dict.fromkeys(("say", "state", "announce", "claim", "declare", "note", "stress", "confirm", "warn",
                     "threaten", "assure", "tell", "add", "insist", "vow", "accuse", "report"), "statement"),
    **dict.fromkeys(("deny", "reject", "refute", "dismiss"), "denial"),
    **dict.fromkeys(("talk", "remark", "speak", "comment"), "remark"),
    **dict.fromkeys(("meet", "visit"), "meeting"),
    **dict.fromkeys(("elect", "vote"), "election"),
    **dict.fromkeys(("arrest", "detain", "capture"), "arrest"),
    **dict.fromkeys(("kidnap", "abduct"), "abduction"),
    **dict.fromkeys(("unveil", "launch", "introduce", "release", "ship", "debut", "demo", "demonstrate"), "launch"),
    **dict.fromkeys(("sue", "rule", "settle", "convict", "charge", "sentence"), "legal"),
    **dict.fromkeys(("resign", "appoint", "fire", "hire", "succeed", "retire", "oust"), "leadership"),
    **dict.fromkeys(("acquire", "buy", "sell", "merge", "sign", "found", "open", "close"), "business"),
    **dict.fromkeys(("injure", "wound", "hurt"), "injury"),
}
_NOUN_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(("killing", "death", "assassination", "murder", "martyrdom", "execution"), "killing"),
    **dict.fromkeys(("attack", "airstrike", "strike", "bombing", "raid", "invasion", "shelling", "offensive",
                     "shooting", "assault", "bombardment", "massacre"), "attack"),
    **dict.fromkeys(("statement", "announcement", "declaration", "claim", "warning"), "statement"),
    **dict.fromkeys(("denial", "rejection"), "denial"),
    **dict.fromkeys(("remark", "speech", "comment", "interview", "keynote", "address"), "remark"),
    **dict.fromkeys(("meeting", "summit", "visit", "talk"), "meeting"),
    **dict.fromkeys(("election", "vote", "referendum"), "election"),
    **dict.fromkeys(("arrest", "detention", "capture"), "arrest"),
    **dict.fromkeys(("launch", "release", "unveiling", "introduction", "debut"), "launch"),
    **dict.fromkeys(("lawsuit", "suit", "ruling", "verdict", "settlement", "trial", "breach"), "legal"),
    **dict.fromkeys(("resignation", "appointment", "retirement"), "leadership"),
    **dict.fromkeys(("acquisition", "merger", "deal", "agreement", "sale"), "business"),
    **dict.fromkeys(("leave", "sabbatical"), "absence"),
}
# A happening outside the lexicon ("filed a lawsuit in 2006", "the reduction on June 8") is an
# event of this class when an expression of its own is tied to it along the tree (:func:`_generic`).
OCCURRENCE = "occurrence"
# a "release" of people (:func:`_freed`): their freeing, of a class of its own
FREEING = "freeing"
EVENT_CLASSES: frozenset[str] = frozenset(_VERB_TRIGGERS.values()) | frozenset(_NOUN_TRIGGERS.values()) | {
    OCCURRENCE, FREEING}
# verbs telling a state or serving as a copula, not a happening ("has", "remains", "wants")
_STATIVE = frozenset({"be", "have", "seem", "appear", "become", "remain", "stay", "know", "want", "need", "like",
                      "love", "hate", "prefer", "believe", "think", "mean", "hope", "wish", "feel", "expect",
                      "own", "belong", "contain", "include", "consist", "exist", "lack", "deserve", "cost",
                      "weigh", "depend", "matter", "resemble", "understand", "fear", "doubt", "suppose", "tend",
                      "do", "let", "look", "sound"})
# deverbal nouns by their suffix ("filing" is not: -ing nouns are as often things, "building")
_DEVERBAL_RX = re.compile(r"(?:[a-z]{3}(?:tion|sion|ment)|[a-z]{3}(?:ival|oval|osal|usal|issal|wal|rral))$")
# nouns with those suffixes naming things, places, groups or states
_NOT_HAPPENINGS = frozenset({
    "nation", "station", "position", "population", "question", "portion", "section", "option", "organization",
    "organisation", "administration", "generation", "information", "relation", "condition", "tradition",
    "edition", "location", "institution", "foundation", "federation", "corporation", "constitution", "coalition",
    "commission", "division", "television", "version", "mission", "emotion", "motion", "notion", "fraction",
    "function", "region", "religion", "opinion", "government", "department", "apartment", "equipment",
    "document", "moment", "element", "parliament", "management", "environment", "instrument", "sentiment",
    "segment", "supplement", "implement", "compartment", "establishment", "movement", "entertainment",
    "festival", "interval", "rival", "attention", "situation", "competition", "direction", "collection",
    "application", "solution", "production", "expression", "impression", "tension", "pension", "dimension",
    "session", "profession", "confession", "possession", "permission", "percent", "statement", "reputation",
    "publication", "traction", "indication", "installation"})
SPEECH_CLASSES: frozenset[str] = frozenset({"statement", "denial", "remark"})
_VICTIM_CLASSES = frozenset({"killing", "arrest", "abduction", "injury", "birth"})
# those that happen once to whom they happen, whose first participant the timeline takes for that one
_ONCE_CLASSES = frozenset({"killing", "birth"})

_CLAUSAL = CLAUSAL
_CLAUSE_COST = CLAUSE_COST
_RANK = RANK
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# names that may do a relative clause's happening for its "which" or "that" ("Al-Shabab, which attacked the
# mall"): a place or a building is where ("the Westgate Mall in Nairobi, which killed 67 people" is the attack's)
_DOER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# what "they" may stand for: a group, not one person (:func:`_antecedent`)
_GROUP_LABELS = ("ORG", "GPE", "NORP")
_PRONOUNS = {"he": ("PERSON",), "she": ("PERSON",), "his": ("PERSON",), "her": ("PERSON",),
             "they": _GROUP_LABELS, "their": _GROUP_LABELS,
             "it": ("ORG", "GPE"), "its": ("ORG", "GPE"), "we": ("ORG", "GPE", "NORP")}
# how far back a pronoun's antecedent is looked for (characters), and the person of a subject "he" or
# "she" when none is that near (:func:`_antecedent`)
_NAME_REACH = 400
_PERSON_REACH = 1200
_LIGHT_VERBS = frozenset({"carry", "launch", "conduct", "perpetrate", "stage", "mount", "issue", "make", "release"})
# quoted words: double quotes, and single ones as British reports write speech ("'We were shot at,' he
# said"): opened after a blank, a colon or a dash before a capital, closed by a stop, comma or mark
# before a blank, or before a lowercase word when it closes within 300 characters with no other
# apostrophe ("that 'all four of our Chinooks took fire.'"); an apostrophe inside a word ("can't", "Jobs' phone") neither opens nor closes one
_QUOTE_RX = re.compile(r"“[^”]*”|\"[^\"\n]*\"|(?<![^\s(:—–-])['‘](?:(?=[A-Z])[^\n]*?|(?=[a-z]{2,}\s)[^\n'’]{8,300}?)"
                       r"[.,!?…]['’](?=\s|$)")
_GLUE_RX = re.compile(r"[a-z][A-Z]")
# a one-word "person" counted as a thing ("won an Oscar", "his second Oscar") or qualifying one ("Oscar winner
# Danny Boyle", "Oscar-winning actor", "a Grammy nominee") is an award called by a name: no one taking part
_AWARD_BEFORE_RX = re.compile(r"\b(?:an?|his|her|their|its|first|second|third|fourth|fifth)\s+$")
# (a verb after a name is the name's doing, "Obama nominated Sotomayor": only a hyphen joins a participle or "win")
_AWARD_AFTER_RX = re.compile(r"^(?:-(?:winn(?:er|ing)|win|nominee|nomination|nominated|award)|"
                             r"\s+(?:winner|nominee|nomination|award))\b", re.IGNORECASE)
# short words that extraction glues to the name before them ("Soleimaniin", "Moussavia")
_GLUED_WORDS = ("in", "a", "an", "of", "on", "at", "to", "and", "the", "is", "as", "by", "was")
# what names the quote after it as a title: "a story entitled", "a video titled", "the headline:"
# ("entitled" and "titled" only where :func:`_titled` reads them so)
# a link to another report: "Read more" over the teaser it closes, or before the headline it opens
_READ_MORE_RX = re.compile(r"^[ \t]*Read more\b(?P<rest>[^\n]*)$", re.MULTILINE | re.IGNORECASE)
# what may follow "Read more" on a line of the two words alone: an arrow or a bullet of the link
_LINK_MARKS = " \t:.…»›→>|-–—"
_TEASER_LINES = 2  # a related report's headline and opening line above its "Read more"
_TITLED_RX = re.compile(r"(?i)\b(?:(?P<named>entitled|titled)|headlined|headline(?:\s+(?:read|reading|said))?)[:,]?\s*$")
# the handle an embedded post's signature ends in before its date ("— Kavan (@KavKilledKenny) October 1, 2014"):
# that date is the post's, not its sentence's, even when extraction glues the next post to it ("2014My hair")
_SIGNED_RX = re.compile(HANDLE + r"\s*$")


def resolve_time(text: str, start: int, end: int, anchor: date | None, sentence_start: int = 0,
                 told: int = 0) -> tuple[str | None, str, str]:
    """Resolve ``text[start:end]`` against ``anchor``: ``(value, precision, label)``.

    ``told``, the tense of the verb it modifies (:func:`.time_anchor.told_direction`), decides whether a
    bare weekday, day or month looks forward or back; when it says nothing, the words before it in its
    sentence do ("plans to ..., the Post reported on Friday": the report's Friday is past).
    """
    direction = told or future_context(text[sentence_start:start])
    r = named_day(text, start, end, anchor, direction) or resolve_full(text[start:end], anchor, direction,
                                                    holidays_told(text, start, end))
    return r.value, r.precision, r.label


# How an event got its date, as its confidence: the rule is read back from it when an undated
# article gets a publication date later (:func:`newsprism.resolve.timeline.reanchor`).
DATING_CONFIDENCE: dict[str, float] = {
    "own": 0.8,  # an expression tied to the trigger along the tree
    "inherited": 0.6,  # from a trigger it modifies or is modified by ("killed in an airstrike")
    "coreferent": 0.58,  # a referring noun ("Soleimani's death"): the date the article gives that happening
    "sentence": 0.55,  # the nearest expression of its clause, not claimed by the trigger itself
    "none": 0.5,  # no date: future, infinitive, pluperfect, quoted past
    "supposed": 0.52,  # no date, told as supposed: a modal or a condition on its verb chain (``supposed``)
    "continuity": 0.45,  # a future without a time of its own: the future day or month the report last named
    "lead": 0.42,  # by its past tense: the day the lead names (``time`` is the lead's expression)
    "document": 0.4,  # by its tense: the publication day
    "recent": 0.38,  # by its past tense in a report naming no day near publication: the publication month
}
_KIND_OF = {v: k for k, v in DATING_CONFIDENCE.items()}
_LEAD_DAYS = 7


# the rules that date an event by an expression of its text (its own, one it inherits, its clause's),
# not by its tense, a telling elsewhere or the report's day
BY_EXPRESSION = frozenset({"own", "inherited", "sentence"})


def dating_rule(ev: Event) -> str:
    """Which rule dated ``ev`` (a key of :data:`DATING_CONFIDENCE`)."""
    return _KIND_OF.get(ev.confidence, "own" if ev.time is not None else "none")


def _told_now(tok: Any, label: str) -> bool:
    """A saying told in the simple present ("Taylor says", "Human Rights Watch says", "So denies"): the
    report's now, its own day or the week of its lead, not what it tells of. Not a present telling of a
    present (the historical present: "In 1963, Martin Luther King says he has a dream", "In June 2005,
    Jobs tells graduates to stay hungry"): what it tells is no past for the expression to date, which
    is the saying's own; one telling a past or a could-be ("says she met", "says could be prosecuted")
    or nothing told ("So denies any health problems") is the report's now."""
    if not (label in SPEECH_CLASSES and tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP")) or any(
            c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    told = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    return not told or any(c.tag_ in ("VBD", "VBN") or any(a.dep_ in ("aux", "auxpass") and a.tag_ in ("MD", "VBD")
                                                          for a in c.children) for c in told)


def _near_now(tx: TimeExpr, anchor: date | None) -> bool:
    """``tx`` starts within the week before the publication day ``anchor`` (the lead's days, :data:`_LEAD_DAYS`),
    or cannot be told: a present saying takes such a time only ("A rumor on Tuesday claims", "Today, both
    the PGA Tour and Woods's agent flatly deny the claim"); a month gone by, a year ("who Human Rights
    Watch says could be prosecuted for the mass killing ... in 2000", "In August 2014 Taylor says she met
    Michael Phelps", "Even if So denies any health problems, Kim has not been seen since Sept. 3", FNC-1
    bodies 171, 247, 40) or a time ahead is what it tells of."""
    if tx.value is None:
        return True
    if anchor is None:
        # an undated report's now is unknown, but a present saying's is a day of it, not a year or a month
        # told by name ("Mohammad Fazl, who Human Rights Watch says could be prosecuted ... in 2000", in
        # the undated Bergdahl reports of rd34's review: "2000 Human Rights Watch statement")
        return tx.precision in ("day", "week")
    return anchor - timedelta(days=_LEAD_DAYS) <= value_range(tx.value)[0] <= anchor


def event_date(rule: str, time: TimeExpr | None, anchor: date | None) -> tuple[str | None, str, float]:
    """The date an event dated by ``rule`` gets against the publication day ``anchor``.

    An expression's value for the expression rules (for ``continuity`` only when it is after
    publication); for ``lead`` the lead's day when it falls in
    the week before publication, else the publication day (as for ``document``); for ``recent``
    the month of publication.
    """
    conf = DATING_CONFIDENCE[rule]
    if rule == "continuity":
        if time is not None and time.value is not None and (anchor is None or value_range(time.value)[0] > anchor):
            return time.value, time.precision, conf
        return None, "vague", conf  # a time already past is no reference for the report's future
    if rule in ("own", "inherited", "coreferent", "sentence"):
        if time is not None and time.value is not None:
            return time.value, time.precision, conf
        return None, "vague", conf
    if rule == "recent" and anchor is not None:
        return f"{anchor.year:04d}-{anchor.month:02d}", "month", conf
    if rule in ("lead", "document") and anchor is not None:
        if rule == "lead" and time is not None and time.value is not None and time.precision == "day":
            day = date.fromisoformat(time.value)
            if anchor - timedelta(days=_LEAD_DAYS) <= day <= anchor:
                return time.value, "day", conf
        return anchor.isoformat(), "day", conf
    return None, "vague", conf


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_LATER_RX = re.compile(r"(?i)^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month|day)s?"
                       r"(\s+later)?$")
_LATER_AFTER_RX = re.compile(r"^\s*later\b")
_NEXT_DAY_RX = re.compile(r"(?i)^(next|previous)\s+day$")
_ANAPHOR_RX = re.compile(r"(?i)^(?:on\s+)?(?:the|that)\s+(same|following|next)\s+(day|week|month|year)$")
_FINER = {"day": ("day",), "week": ("day", "week"), "month": ("day", "month"), "year": ("day", "month", "year")}
_NARRATIVE_REACH = 600  # characters back to the time a "later" counts from


def narrative_times(text: str, times: Sequence[TimeExpr]) -> list[TimeExpr]:
    """Resolve "one year later", "two months later", "the next day" from the last dated expression before them.

    A narrative counts on from the time it last named ("... the Macintosh in 1984. One year
    later he was fired"; "the account's first tweet was on Sep 29 ... the next day it posted"): the
    document date is not the reference of "later" nor of "the next day". The last day named before
    it, not farther than :data:`_NARRATIVE_REACH`, dates "the next day" or "the previous day"; the
    last expression at least as fine dates "the same day" (or week, month, year), "that same year"
    and "the following year" or "the next year" ("in 2001 the iPod and the following year Mac OS X":
    2002; "By the next year Williams was claiming", FNC-1 body 110); without one they stay vague.
    """
    out = list(times)
    for k, tx in enumerate(out):
        if tx.value is not None:
            continue
        nd = _NEXT_DAY_RX.match(text[tx.start : tx.end])
        if nd is not None:
            # "first tweeted on Sep 29 ... the next day posted": the day after the day last named
            day = next((b for b in reversed(out[:k]) if b.value is not None and b.end <= tx.start
                        and tx.start - b.end < _NARRATIVE_REACH and b.precision == "day"), None)
            if day is not None:
                step = 1 if nd.group(1).lower() == "next" else -1
                value = (value_range(day.value or "")[0] + timedelta(days=step)).isoformat()
                out[k] = dataclasses.replace(tx, value=value, precision="day", anchored=True)
            continue
        an = _ANAPHOR_RX.match(text[tx.start : tx.end])
        if an is not None:
            # "his conviction came on Dec. 7, 2004. On the same day, he also pleaded guilty": that day
            unit = an.group(2).lower()
            base = next((b for b in reversed(out[:k]) if b.value is not None and b.end <= tx.start
                         and tx.start - b.end < _NARRATIVE_REACH and b.precision in _FINER[unit]), None)
            if base is not None:
                value = _unit_of(value_range(base.value or "")[0], unit, 0 if an.group(1).lower() == "same" else 1)
                out[k] = dataclasses.replace(tx, value=value, precision=unit, anchored=True)
            continue
        m = _LATER_RX.match(text[tx.start : tx.end])
        if m is None or (m.group(3) is None and not _LATER_AFTER_RX.match(text[tx.end : tx.end + 12])):
            continue
        base = next((b for b in reversed(out[:k]) if b.value is not None and b.end <= tx.start
                     and tx.start - b.end < _NARRATIVE_REACH and b.precision in ("day", "month", "year")), None)
        if base is None:
            continue
        g = m.group(1).lower()
        n = int(g) if g.isdigit() else _NUMBER_WORDS[g]
        unit = m.group(2).lower()
        start = value_range(base.value or "")[0]
        if unit == "year":
            value, precision = f"{start.year + n:04d}", "year"
        elif unit == "month" and base.precision in ("day", "month"):
            months = start.year * 12 + start.month - 1 + n
            value, precision = f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
        elif unit == "day" and base.precision == "day":
            value, precision = (start + timedelta(days=n)).isoformat(), "day"
        else:
            continue
        out[k] = dataclasses.replace(tx, value=value, precision=precision, anchored=True)
    return out


def _unit_of(day: date, unit: str, step: int) -> str:
    """The value of the day, week, month or year ``step`` units after the one holding ``day``."""
    if unit == "day":
        return (day + timedelta(days=step)).isoformat()
    if unit == "week":
        iso = (day + timedelta(weeks=step)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        months = day.year * 12 + day.month - 1 + step
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{day.year + step:04d}"


@dataclass
class _Trig:
    """A trigger token being turned into an event (mutable scratch)."""

    i: int
    label: str
    time: TimeExpr | None = None
    cost: float = 1e9
    inherited: bool = False
    referring: bool = False
    first: int | None = None  # the token the event's span starts at, when not ``i`` ("court case")
    reported: bool = False  # told as what someone said happened: dated by no expression outside it
    schedule: bool = False  # a plan as it stands (:func:`_schedules`): dated by the publication day


def _is_damaged(word: str, names: set[str]) -> bool:
    """Glued words ("accusedSoleimani", "Soleimaniin") are not names."""
    if _GLUE_RX.search(word):
        return True
    for glue in _GLUED_WORDS:
        if len(word) > len(glue) + 3 and word.endswith(glue) and word[: -len(glue)] in names:
            return True
    return False


def _an_award(text: str, start: int, end: int, label: str) -> bool:
    """A one-word PERSON name that is an award (:data:`_AWARD_BEFORE_RX`): "Danny Boyle, who won an Oscar in
    2008" and "Bale won an Oscar in 2011" (FNC-1 body 428) shared the participant "Oscar", and the two winnings
    of 2011 (Aaron Sorkin's, Bale's) were one entry."""
    if label != "PERSON" or " " in text[start:end].strip():
        return False
    return bool(_AWARD_BEFORE_RX.search(text, max(0, start - 12), start) or _AWARD_AFTER_RX.match(text[end : end + 16]))


def _teasers(text: str) -> list[tuple[int, int]]:
    """Spans of links to other reports (:data:`_READ_MORE_RX`): a line "Read more ..." and, when the line is
    the two words alone, the teaser it closes, the two lines above it within their paragraph ("Michael Phelps
    Wins His Second Medal in DUI / Olympic swimming star Michael Phelps was pulled over by Maryland police
    early this morning and… / Read more", FNC-1 body 23: an arrest of the other report's day in this one's
    timeline). The report's own lines above them stay its own."""
    out = []
    for m in _READ_MORE_RX.finditer(text):
        lo = m.start()
        if not m.group("rest").strip(_LINK_MARKS):
            # a teaser is its headline and opening: the two lines above, within their paragraph
            top = lo
            for _ in range(_TEASER_LINES):
                top = text.rfind("\n", 0, max(top - 1, 0)) + 1
            brk = max((b.end() for b in _BLANK_RX.finditer(text, 0, lo)), default=0)
            lo = max(top, brk)
        out.append((lo, m.end()))
    return out


def _chrome_line(text: str, at: int) -> bool:
    """The line holding ``at`` is in capitals, two words or more: page furniture, a section heading ("POLITICAL
    CRISIS", read as the subject of the sentence below it) or a commenter's signature ("J. PAUL GETTY'S EAR"
    over "AT 7:10 PM DECEMBER 13, 2014", the "he" of the next paragraph's spokesman, FNC-1 body 82), whose
    names are no one's in the report's news."""
    starts, chrome = _chrome_lines(text)
    return chrome[bisect_right(starts, at) - 1]


@lru_cache(maxsize=4)
def _chrome_lines(text: str) -> tuple[list[int], list[bool]]:
    """Where each line of ``text`` starts, and whether it is page furniture (:func:`_chrome_line`): read once per
    text, since reading the line anew for every name took time in the square of a long line's length (a 189k-
    character article on one line: 17 of the stage's 22 s)."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    ends = [*(k - 1 for k in starts[1:]), len(text)]
    lines = (text[lo:hi] for lo, hi in zip(starts, ends))
    return starts, [len(line.split()) > 1 and any(c.isalpha() for c in line) and not any(c.islower() for c in line)
                    for line in lines]


# a dateline: a place in capitals opening the report, perhaps its country after a comma, its agency in
# parentheses, and a dash ("SEOUL — Early signs yesterday indicated", "WASHINGTON (CBS DC) – Rep. Duncan Hunter
# ... says", "ABUJA, Nigeria — The leader of Nigeria's Islamist extremist group dashed hopes": not Nigeria's,
# rd34's review of FNC-1 body 2463); not a headline in capitals
# ending its line ("ISIS USES CHEMICAL WEAPONS—"), nor a name in capitals a pair of dashes sets a lower-case aside
# after ("NATO - which has 28 members - warned"); a sentence opening on a lower-case brand, a sign or a word after a
# dateline is one ("CUPERTINO — iPhone sales rose", "NEW YORK — $2 billion was wiped off")
_DATELINE_RX = re.compile(r"\s*[A-Z][A-Z.,'’ -]{1,40}?(?:,[ \t]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?"
                          r"(?:\s*\([^()\n]{1,30}\))?[ \t]*[—–-]{1,2}[ \t]+"
                          r"(?![a-z][^\n—–-]{0,80}\s[—–-]\s)(?=\S)")


@lru_cache(maxsize=4)
def _dateline_end(text: str) -> int:
    """Where the dateline opening ``text`` ends (:data:`_DATELINE_RX`), else 0: its place is where the report was
    filed, no party of its first sentence's news ("SEOUL" the doer of "Early signs yesterday indicated", FNC-1
    body 377; "WASHINGTON" the speaker of "Rep. Duncan Hunter, R-Calif., says", body 416)."""
    m = _DATELINE_RX.match(text)
    return m.end() if m is not None else 0


def _trigger_class(tok: Any) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        if lemma == "bear" and tok.text.lower() == "born":
            return "birth"
        if tok.tag_ == "VBG" and tok.dep_ == "amod" and _of_a_kind(tok):
            return None  # a present participle set before a noun as its kind ("the ruling Workers' Party")
        label = _VERB_TRIGGERS.get(lemma)
        if lemma == "execute" and _executed_thing(tok):
            return None
        if lemma == "release" and _freed(tok):
            return FREEING
        if lemma == "add" and _adds_a_thing(tok):
            return None
        if lemma == "announce" and _announced_thing(tok):
            return "launch"
        if label is not None and lemma in _OTHER_SENSES:
            return _verb_sense(tok, lemma, label)
        return label
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma == "talk" and any(c.lower_ == "about" for c in tok.children):
            return "remark"  # "Trump talks about ..." is tagged a noun now and then
        label = _NOUN_TRIGGERS.get(lemma) or _NOUN_TRIGGERS.get(tok.text.lower())
        if label == "absence" and not _taken_absence(tok):
            return None
        if lemma == "execution" and _executed_thing(tok):
            return None
        if lemma == "release" and _freed(tok):
            return FREEING
        if label is not None and _called_off(tok):
            return None
        if label == "attack" and any(c.dep_ in ("compound", "amod") and c.lower_ in _SEIZURES for c in tok.children):
            return None  # "rushed to the hospital on January 29 after a major heart attack" (FNC-1 body 11)
        if label is not None and _a_modifier(tok):
            return None
        if lemma == "address" and not _a_speech(tok):
            return None
        return label
    return None


# the kinds of speech an "address" is named by ("his keynote address", "the weekly papal address", "presidential
# addresses", "the State of the Union address"); any other word before it names the place one lives or is
# reached ("his old address in Aylmer", "her last known address", "the office building addresses")
_SPEECH_ADDRESSES = frozenset({"keynote", "weekly", "inaugural", "presidential", "farewell", "commencement", "papal",
                               "televised", "radio", "television", "tv", "video", "opening", "closing", "victory",
                               "concession", "acceptance", "graduation", "budget", "union", "nationwide", "christmas",
                               "easter", "memorial", "funeral"})


def _a_speech(tok: Any) -> bool:
    """An "address" is a speech when a word of its own says so: a kind of speech ("his keynote address", "his
    weekly address in St. Peter's Square", "presidential addresses"), the one addressed ("an address to the
    nation") or a verb of delivering it ("delivered an address"), unless what it is given as is a place ("gave
    his address as 12 Elm Street"); otherwise it is where one lives, as often as not ("his first name, age and
    address", "listed his address as being in Aylmer", "lives at the address", "his old address in Aylmer",
    "her last known address", FNC-1 bodies 32, 298, 229, 2349, all remarks)."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("give", "deliver", "make"):
        return not any(c.dep_ == "prep" and c.lower_ == "as" for c in (*tok.children, *tok.head.children))
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _SPEECH_ADDRESSES
               or c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def _a_modifier(tok: Any) -> bool:
    """A trigger noun set bare before another noun, as the kind of that noun ("the death penalty", "death
    threats", "an assault rifle", "a release date", "HBO's launch partners", "the comments section", FNC-1
    bodies 214, 114, 125, 75, 8): no happening. What a film or a picture shows is one ("the Haines
    execution video"), one a happening's noun names ("the shooting death of Michael Brown") and one whose
    time the noun is ("a February 2015 release date"); a trigger with words of its own heads its phrase,
    the parse's compound a misreading ("Foley's killing spread on Tuesday")."""
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.n_lefts + tok.n_rights == 0 and _of_a_kind(tok)


def _of_a_kind(tok: Any) -> bool:
    """``tok`` is set before the noun it hangs on as that noun's kind, the noun no film, happening or time
    of what ``tok`` names (:func:`_a_modifier`): "death threats", "the ruling party", "the founding
    president", "a charging station" (not "the shooting death", "beheading videos", "the release date")."""
    head = tok.head
    kind = head.lemma_.lower()
    return head.pos_ in ("NOUN", "PROPN") and head.i > tok.i and kind not in _FILMED and kind not in _NOUN_TRIGGERS \
        and kind not in _TIME_NOUNS and not (kind in _RUNS and (
            _NOUN_TRIGGERS.get(tok.lemma_.lower()) or _VERB_TRIGGERS.get(tok.lemma_.lower())) in ("attack", "killing"))


# nouns of the time of what a trigger noun set before them names ("the release date", "a launch day")
_TIME_NOUNS = frozenset({"date", "day", "time", "schedule", "timetable", "timeline", "deadline"})
# nouns of a run of the happenings a trigger noun set before them names: "a shooting rampage", "a killing spree",
# "a bombing campaign" are those shootings, killings and bombings (attacks and killings only: "the election
# campaign began" is no election)
_RUNS = frozenset({"spree", "rampage", "campaign", "wave", "blitz", "frenzy"})


def _announced_thing(tok: Any) -> bool:
    """A participle of announcing set before the name of a thing or a product noun ("the recently announced
    iPhone 4", "the newly announced device"): what it tells is the thing's announcement, its launch, not a
    saying (SemEval trial 16900's "Pre-orders of the recently announced iPhone 4" was a statement no
    entry took, the announcement its other reports date June 7). A person's, a place's or a people's name
    is no thing launched ("the announced Obama visit" is the visit's), nor a prize's, an event's, a law's
    or a work's ("the recently announced Nobel Peace Prize" is given, not launched)."""
    head = tok.head
    return tok.dep_ == "amod" and head.i != tok.i and (
        head.pos_ == "PROPN" and head.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC", "EVENT", "LAW", "WORK_OF_ART")
        and head.lower_ not in ("prize", "award", "medal")
        or head.pos_ == "NOUN" and head.lemma_.lower() in _PRODUCT_NOUNS)


# What is carried out, not put to death, when it is what "execute"/"execution" takes: a plan, an
# order, a trade, a strategy ... or a deverbal noun of the -tion/-ment kind ("executing the
# transaction"). SemEval trial 17677's "executing the exciting plans we have for 2011" was a killing
# dated 2011-01-17 by the memo's day; FNC-1 137's "actions criminals were executed with surgical
# precision" a killing at the publication month.
_EXECUTED_THINGS = frozenset({
    "plan", "order", "strategy", "trade", "deal", "action", "act", "move", "maneuver", "manoeuvre", "task",
    "project", "program", "programme", "code", "command", "contract", "search", "warrant", "will", "policy",
    "idea", "vision", "mission", "step", "play", "routine", "transaction", "swap", "merger", "buyback",
    "purchase", "sale", "operation", "scheme", "plot", "agenda", "blueprint", "roadmap", "change",
    "turnaround", "transition", "campaign", "script", "query", "instruction", "function", "job", "duty",
    "role", "design", "document", "deed", "agreement", "attack", "raid", "strike", "trick", "turn",
    "shot", "pass", "jump", "vault", "dive", "kick", "throw", "goal", "drill", "exercise",
})


# what an attack of the body is of: no one's attack
_SEIZURES = frozenset({"heart", "panic", "asthma", "anxiety", "epileptic", "migraine", "gout", "allergy", "allergic"})

# verbs that keep what they take from happening: (lemma, particle or "")
_CALLING_OFF = frozenset({("cancel", ""), ("postpone", ""), ("scrap", ""), ("rule", "out"), ("call", "off"),
                          ("reject", ""), ("refuse", ""), ("delay", ""), ("suspend", ""), ("shelve", "")})


def _called_off(tok: Any) -> bool:
    """A happening noun something keeps from happening, as its object ("Shekau has in a series of
    video messages since 2012 ruled out talks with the government": FNC-1 body 600's 'talk' entry
    at 2012; "cancelled the summit", "called off the meeting", "rejected the deal")."""
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    v = tok.head
    prts = {c.lower_ for c in v.children if c.dep_ == "prt"}
    return v.pos_ == "VERB" and any(v.lemma_.lower() == lemma and (not prt or prt in prts)
                                    for lemma, prt in _CALLING_OFF)


# people a "release" sets free: their freeing is no launch, and no video's or product's release is it ("a
# webpage created to rally support for his release", "the release of more than 200 schoolgirls", "five
# Taliban militants released from Guantanamo Bay": FNC-1 bodies 206, 308, 74, each one entry with a video's)
_CAPTIVES = frozenset({"hostage", "prisoner", "captive", "detainee", "inmate", "girl", "schoolgirl", "boy", "woman",
                       "man", "child", "people", "person", "soldier", "journalist", "militant", "fighter", "jihadist",
                       "islamist", "member", "nun", "citizen", "national", "pow", "suspect", "gunman", "rebel",
                       "terrorist", "insurgent", "leader", "mastermind", "wife", "husband", "son", "daughter",
                       "brother", "sister", "father", "mother", "relative", "family", "guy", "civilian", "tourist",
                       "force", "troop", "personnel", "agent", "police", "crew", "pilot"})
# words counting what they stand for, people as often as not ("several have already been captured", "captured
# ten of its soldiers"): the lexicon's class stands
_COUNTING = frozenset({"several", "many", "some", "few", "dozens", "hundreds", "thousands", "all", "both", "others"})
_PERSONAL = frozenset({"him", "her", "them", "me", "us", "his", "their", "my", "our"})
_SUBJECT_PERSONAL = frozenset({"he", "she", "they", "i", "we", "you", "who", "whom"})


def _a_person(o: Any) -> bool:
    """A person or people: a person's or a people's name, a personal pronoun of an object or a
    possessor, a noun of :data:`_CAPTIVES` or of staff."""
    return (o.ent_type_ in ("PERSON", "NORP") or o.lower_ in _PERSONAL or o.lemma_.lower() in _CAPTIVES
            or o.lemma_.lower() in _STAFF)


def _person_like(o: Any) -> bool:
    """A person or people, or what may be: :func:`_a_person`, a subject's personal pronoun, a number
    or a word of :data:`_COUNTING`."""
    return _a_person(o) or o.lower_ in _SUBJECT_PERSONAL or o.pos_ == "NUM" or o.lower_ in _COUNTING


# who may stand inverted after "added" as the parse's object ("... concentrated around the airport, added the
# official"; "'Kim Jong Un is in total control,' added the source"), and words one adds by saying them ("added
# some details"): a saying still
_SAYERS = frozenset({"source", "spokesman", "spokeswoman", "spokesperson", "statement", "report", "detail",
                     "information", "comment", "remark", "note", "caveat", "warning", "explanation", "context"})


# whom one adds to by saying more ("added to reporters", "added to CNN"): an audience, no thing added to (a
# family one adds to is no audience: "having problems adding to their family", FNC-1 body 135)
_AUDIENCES = frozenset({"reporter", "journalist", "client", "investor", "audience", "crowd", "viewer", "reader",
                        "listener", "supporter", "press", "media", "medium"})


def _adds_a_thing(tok: Any) -> bool:
    """"add" putting a thing to another, not saying more: passive ("New spaces will be added to Apple Stores",
    FNC-1 body 307, a statement of Apple Stores), with "to" a thing ("have added this 'option' to their menu";
    "added to reporters" says more to them), or with a thing for its object ("added some details", "added the
    blur"). An object after an "added" right behind a quote or a comma is the sayer inverted ('"It is over,"
    added the president'), whatever noun it is."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "to" and not any(
            g.ent_type_ in ("PERSON", "ORG") or g.lemma_.lower() in _AUDIENCES
            for g in c.children if g.dep_ == "pobj") for c in tok.children):
        return True
    if tok.i > 0 and tok.doc[tok.i - 1].is_punct:
        return False
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not _person_like(c)
               and c.lemma_.lower() not in _SAYERS for c in tok.children)


def _freed(tok: Any) -> bool:
    """A "release" whose object (a verb's, or a noun's possessor or "of") is a person or people
    (:func:`_a_person`): a freeing."""
    if tok.pos_ == "VERB":
        acted = _verb_objects(tok)
    else:
        acted = [c for c in tok.children if c.dep_ == "poss"] + [
            g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(_a_person(o) for o in acted)


def _verb_objects(tok: Any) -> list[Any]:
    """What a verb acts on: its direct object or passive subject, else the noun a relative clause or
    participle hangs on ("the plans we are executing", "11 shots fired in the recording")."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
        objs = [tok.head]
    return objs


# Lexicon verbs read in another sense by what they act on (FNC-1 bodies 0-800, times.v50: each
# such entry read): verb -> (object lemmas, the class the verb then is, None for none of the
# lexicon's). "Jeh Johnson shot down claims on Thursday" was an attack; "the video was shot while
# conducting a raid" an attack dated 2013; "a gunman fired multiple shots", "as many as 11 shots
# fired" a dismissal (leadership); "A gunman opened fire" a business opening; "HBO is targeting a
# launch for Now in early April" an attack.
_FILMED = frozenset({"video", "film", "footage", "movie", "scene", "photo", "picture", "episode",
                     "documentary", "clip", "commercial", "advert", "pilot", "series"})
_SHOT_DOWN = frozenset({"report", "claim", "rumor", "rumour", "idea", "suggestion", "proposal", "story",
                        "allegation", "speculation", "theory", "notion"})
_FIRED = frozenset({"shot", "round", "bullet", "missile", "rocket", "gun", "weapon", "shell", "salvo",
                    "volley", "gas", "cannon", "arrow", "torpedo", "mortar", "grenade", "gunshot", "fire"})
# what one visits on the web, no meeting ("For full coverage ..., visit our MWC 2015 page": FNC-1 body 13);
# no "forum" or "channel", which one visits as often in person (a forum for veterans)
_WEB_PLACES = frozenset({"page", "website", "webpage", "homepage", "web", "link", "url", "blog", "profile",
                         "feed", "portal", "app"})
# people one dismisses from a post ("proceedings to dismiss him were not begun until 2007": FNC-1 body 285)
_STAFF = frozenset({"employee", "worker", "official", "minister", "coach", "manager", "staff", "officer", "teacher",
                    "director", "chief", "executive", "general", "commander", "judge", "aide", "adviser", "advisor",
                    "secretary", "servant", "engineer", "head", "player", "prosecutor", "governor", "ambassador"})
_OTHER_SENSES: dict[str, tuple[frozenset[str], str | None]] = {
    "shoot": (_FILMED, None),
    "visit": (_WEB_PLACES, None),
    "fire": (_FIRED, "attack"),
    "open": (frozenset({"fire"}), "attack"),
    "target": (frozenset({"launch", "date", "release", "market", "audience", "consumer", "customer", "price",
                          "goal", "life", "hour", "user", "buyer", "segment", "demographic", "sale", "debut"}), None),
}


def _verb_sense(tok: Any, lemma: str, label: str) -> str | None:
    """The class of a lexicon verb read by what it acts on (:data:`_OTHER_SENSES`); "shoot down"
    a claim or report is a denial, "fire on/at" something an attack (no object: "a drone fired on
    his convoy"), and "rule out", "settle in" a place, "succeed in" doing, "demonstrate" a quality
    ("demonstrated professionalism and courage") none of the lexicon's."""
    words, other = _OTHER_SENSES[lemma]
    acted_on = _verb_objects(tok)
    objs = [o.lemma_.lower() for o in acted_on if o.pos_ in ("NOUN", "PROPN")]
    prts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma == "shoot" and "down" in prts and any(o in _SHOT_DOWN for o in objs):
        return "denial"
    if lemma == "visit":
        # a common noun no name is part of: "visited the World Economic Forum" is a meeting
        objs = [o.lemma_.lower() for o in acted_on if o.pos_ == "NOUN" and not o.ent_type_]
    if any(o in words for o in objs):
        return other
    if lemma == "fire" and not acted_on and preps & {"on", "at", "upon", "into"} and "from" not in preps:
        # not one "fired from his job at a prestigious accounting firm" (FNC-1 155)
        return "attack"
    if lemma == "capture" and objs and all(o in _PLACE_WORDS for o in objs) or lemma == "capture" and any(
            o.ent_type_ in ("GPE", "LOC", "FAC") for o in acted_on):
        # "fighters ... captured the airport", "cities ISIS fighters captured": a place taken, no arrest
        return None
    if lemma == "capture" and acted_on and not any(_person_like(o) for o in acted_on):
        # a thing taken or caught on film, no arrest: "capture 55 percent global marketshare this year" (FNC-1
        # body 406, an arrest of 2014), "Russians captured video footage", "captured American weapons"
        return None
    if lemma == "rule" and "out" in prts:
        return None
    if lemma == "settle" and not objs and (prts & {"down", "in"} or preps & {"in", "into", "at"}):
        return None
    if lemma == "succeed" and any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pcomp" for g in c.children)
                                  for c in tok.children):
        # "succeeded in killing the group's leader", not "succeeding his father, Kim Jong-il in 2011"
        return None
    if lemma == "demonstrate" and objs and all(_QUALITY_RX.search(o) or o in _QUALITIES for o in objs):
        return None
    if lemma == "dismiss" and not any(c.dep_ == "prep" and c.lower_ == "as" and not any(
            g.dep_ == "pobj" and g.lemma_.lower() in _STAFF for g in c.children)
            for t in (tok, *acted_on) for c in t.children) and any(
            o.lower_ in ("him", "her", "me", "them", "us") or o.ent_type_ == "PERSON" or o.lemma_.lower() in _STAFF
            for o in acted_on):
        # a person dismissed is removed from a post, not a claim rejected; one dismissed "as out of
        # touch", "as a crank" is brushed off, one dismissed "as manager" removed from that post
        return "leadership"
    return label


_PLACE_WORDS = frozenset({"city", "town", "village", "airport", "base", "territory", "area", "region", "province",
                          "district", "capital", "border", "crossing", "hill", "bridge", "port", "field", "oilfield",
                          "dam", "road", "highway", "building", "compound", "camp", "checkpoint", "stronghold",
                          "outpost", "garrison", "suburb", "neighbourhood", "neighborhood", "island", "land"})
_QUALITY_RX = re.compile(r"[a-z]{3}(?:ity|ness|ism|ence|ance|age)$")
_QUALITIES = frozenset({"skill", "commitment", "resolve", "support", "knowledge", "strength", "power", "need",
                        "value", "talent", "will", "determination", "leadership", "bravery", "heroism"})
for _lemma in ("rule", "settle", "succeed", "demonstrate", "capture", "dismiss"):
    _OTHER_SENSES[_lemma] = (frozenset(), None)


def _executed_thing(tok: Any) -> bool:
    """Whether "execute"/"execution" takes a thing carried out (:data:`_EXECUTED_THINGS`) as its
    object: the verb's direct object or passive subject (the head a relative clause hangs on when
    it has neither: "the plans we are executing"), the noun's "of" object or compound ("the
    execution of the plan", "trade execution"). A person put to death ("executed two Iraqi
    women", "Foley's execution", "executed by Islamic State") keeps the killing."""
    if tok.pos_ == "VERB":
        objs = _verb_objects(tok)
    else:
        objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
        objs += [c for c in tok.children if c.dep_ == "compound"]
    for o in objs:
        lemma = o.lemma_.lower()
        if o.pos_ in ("NOUN", "PROPN") and (lemma in _EXECUTED_THINGS or o.lower_ in _EXECUTED_THINGS or (
                _DEVERBAL_RX.search(lemma) is not None and lemma not in _NOT_HAPPENINGS)):
            return True
    return False


def _taken_absence(tok: Any) -> bool:
    """An absence told as it is taken: what someone is or goes "on" ("would be on medical leave",
    "went on leave in 1990") or what is taken or granted, its object ("has taken medical leave",
    "has granted me a medical leave"). Named as a span ("the beginning of Jobs' medical leave", "his
    third period of medical leave", "an extension of leave") it is a leave told before, dated where
    that telling is, not by the clause naming it."""
    if tok.dep_ in ("dobj", "nsubjpass"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "on"


_TRIGGER_WORDS = frozenset(_VERB_TRIGGERS) | frozenset(_NOUN_TRIGGERS) | {"bear"}


def _imperative(tok: Any) -> bool:
    """A bare verb heading its sentence with no subject nor auxiliary: what the report asks its reader to do."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in tok.children)


def _generic(tok: Any) -> bool:
    """A happening outside the lexicon: a main verb telling no state, or a deverbal noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        # a progressive or -ing participle tells a process in course ("were working", "dating back"); an
        # imperative asks the reader ("For full coverage of the Mobile World Congress, visit our MWC 2015 page");
        # a word of another script is a foreign text's, which the English parser misreads (an embedded Arabic post)
        return (lemma not in _STATIVE and tok.tag_ != "VBG" and tok.dep_ not in ("aux", "auxpass", "amod")
                and lemma.isascii() and lemma.isalpha() and not _imperative(tok))
    if tok.pos_ == "NOUN":
        return lemma.isalpha() and _DEVERBAL_RX.search(lemma) is not None and lemma not in _NOT_HAPPENINGS
    return False


def _nor(c: Any) -> bool:
    """The conjunction "nor" (a capitalised one only opening its sentence: "'We saw something,' Nor
    said" names a man, FNC-1 body 77)."""
    return c.dep_ == "cc" and (c.text == "nor" or c.lower_ == "nor" and c.i == c.sent.start)


# verbs whose infinitive did not happen: "He also declined to tell BuzzFeed News who had told him" (FNC-1
# body 76, a telling on the union's Thursday entry), "refused to comment", "failed to appear"
_WITHHELD = frozenset({"decline", "refuse", "fail"})
# modals of what may or may not be: "the aircraft could be used in an attack later this month" (FNC-1
# bodies 189, 396: an attack entry of September), "The purchase could close later this month"
_MAYBE = frozenset({"could", "might", "may"})
_PERCEIVING = frozenset({"see", "hear", "feel", "smell", "watch", "spot"})


def _maybe(tok: Any) -> bool:
    """A verb whose own modal tells it may happen or may have happened ("could be sold for 75 million",
    "may have been triggered by uncertainty", "you might experience on January 4, 2015"): what it tells
    is no happening of the time it names. Only its own auxiliary: what it takes took place ("may stem
    from the arrests in September"), and so does a clause of its ("may have been washed in acid before
    the box was reburied in 1855"), and what one "could" see or hear was perceived ("the group's black
    flag could clearly be seen above buildings", FNC-1 body 125)."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _MAYBE
        and not (c.lower_ == "could" and verb_lemma(tok) in _PERCEIVING) for c in tok.children if c.i < tok.i)


# the determiners of a noun that names any happening of its kind, not one of them, and the marks of the
# condition that tells what any of them is
_ANY_OF_KIND = frozenset({"a", "an", "any", "every", "each"})
_CONDITIONS = frozenset({"when", "whenever", "if", "unless"})


def _in_general(tok: Any) -> bool:
    """A happening noun told of in general: with "a", "any" or "every", the subject of a verb in the
    simple present with no auxiliary of its own, under a condition ("A breach is legal only when it
    breaks a bond", "A breach of contract occurs only if a party breaks its word"). Not one a present
    perfect, a progressive or a passive tells of ("a breach has been found", "a breach is being
    investigated"), one in the past ("A breach occurred on Friday"), nor one the present shows or tells
    without a condition: "here is a statement from ESPN", "an anti-terror raid is reportedly underway",
    "A comment on his profile picture reads: ..." (FNC-1 bodies 1699, 1688, 1380) are real ones."""
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or not any(
            c.dep_ == "det" and c.lower_ in _ANY_OF_KIND for c in tok.children):
        return False
    verb = tok.head
    return verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITIONS for m in c.children)
        for c in verb.children)


def _withheld(tok: Any) -> bool:
    """A verb one declined, refused or failed to do (:data:`_WITHHELD`), the infinitive or a bare verb
    joined to it ("declined to comment or confirm the arrests": neither was done). Not when the verb
    withholding it is negated: "did not fail to pay", "never refused to testify" tell it was done; nor
    a verb of a tense of its own joined to the infinitive ("declined to comment and left the building",
    which the parser joins to "comment": the leaving took place)."""
    while tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.pos_ == "VERB" and tok.head.i < tok.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        tok = tok.head
    head = tok.head
    return tok.dep_ == "xcomp" and verb_lemma(head) in _WITHHELD and not any(
        c.dep_ == "neg" for c in head.children)


# what tells a 'could' was a past ability achieved ("could finally reach the summit", "could only reach the
# village on Monday") and an expression told as past whatever its verb ("yesterday", "two days ago")
_ACHIEVED = frozenset({"finally", "eventually", "only", "last", "at last"})
_TOLD_PAST_RX = re.compile(r"(?i)\b(?:yesterday|ago|last|earlier|previous)\b")


def _past_ability(tok: Any, ev: Event, anchor: date | None) -> bool:
    """A past ability told with a date of its own before the report's: "the climbers could finally reach
    the summit on Tuesday" tells they did, on Tuesday; :func:`_maybe` undates another 'could'. Only an
    ability told as achieved (:data:`_ACHIEVED`) or at an expression told as past (yesterday, ago,
    last): a bare day is read as past for want of a tense ("The deal could close on Friday"). Not a
    'could have' (what did not happen: "could have died on Tuesday") nor a passive "could be" ("could
    be prosecuted in 2000"), and not a time to come ("could close later this month")."""
    tx = ev.time
    if tx is None or ev.date is None or dating_rule(ev) != "own" or anchor is None:
        return False
    could = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "could" and c.i < tok.i]
    if not could or any(c.dep_ in ("aux", "auxpass") and c.i > could[0].i and verb_lemma(c) in ("have", "be")
                        for c in tok.children if c.i < tok.i):
        return False
    achieved = any(c.dep_ == "advmod" and (c.lower_ in _ACHIEVED or c.lower_ == "last" and c.i > 0
                                           and tok.doc[c.i - 1].lower_ == "at") for c in tok.children)
    told_past = _TOLD_PAST_RX.search(tok.doc.text, tx.start, tx.end) is not None
    return (achieved or told_past) and value_range(ev.date)[1] < anchor


def _negated(tok: Any) -> bool:
    """A verb its clause negates ("Apple did not respond", "Hamas has not claimed"): what did not
    happen is no event. So is what one "has yet to" or "is yet to" do ("Apple has yet to publicly
    announce a specific launch date": FNC-1 body 414's 'Apple statement' entry at 2015, the year the
    quoted "Early 2015" names; "The FBI has yet to comment"), and what one declined, refused or
    failed to do (:data:`_WITHHELD`)."""
    if tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "neg" or c.lower_ == "neither" for c in tok.children):
        return True
    if any(_nor(c) for c in tok.children if c.i < tok.i) and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) or tok.dep_ == "conj" and (
            any(_nor(c) for c in tok.head.children if c.i < tok.i)
            or any(c.lower_ == "neither" and c.dep_ != "nsubj" for c in tok.head.children)):
        # "an Amazon spokeswoman neither confirmed nor denied the rumor" (FNC-1 body 10: a denial
        # entry and a statement entry), "did not confirm nor deny", "nor did he testify"
        return True
    if _withheld(tok):
        return True
    doc = tok.doc
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i >= 2 and doc[c.i - 1].lower_ == "yet"
               and verb_lemma(doc[c.i - 2]) in ("have", "be") for c in tok.children)


def _doc_array(doc: Any) -> Any:
    """The doc's token attributes the event finders read, one row a token: POS, LEMMA, ORTH, DEP,
    TAG, HEAD (building every token to ask it is most of the cost of finding them)."""
    from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, TAG

    return doc.to_array([POS, LEMMA, ORTH, DEP, TAG, HEAD])


def _triggers(doc: Any, arr: Any) -> list[tuple[int, str]]:
    """(token id, event class) of every trigger of ``doc``, in order: :func:`_trigger_class` asked only
    of verbs and nouns whose lowercased lemma or text is a trigger word (read off ``arr``,
    :func:`_doc_array`)."""
    import numpy as np
    from spacy.symbols import NOUN, PROPN, VERB

    strings = doc.vocab.strings
    pos = arr[:, 0]
    rows = np.flatnonzero((pos == VERB) | (pos == NOUN) | (pos == PROPN))
    known = _TRIGGER_HASHES
    if len(known) > _HASH_CACHE_MAX:
        known.clear()
    out: list[tuple[int, str]] = []
    # the columns as Python ints at once: indexing the array token by token costs more than the test
    for i, lemma, orth in zip(rows.tolist(), arr[rows, 1].tolist(), arr[rows, 2].tolist(), strict=True):
        hit = known.get(lemma)
        if hit is None:
            hit = known[lemma] = strings[lemma].lower() in _TRIGGER_WORDS
        if not hit:
            hit = known.get(orth)
            if hit is None:
                hit = known[orth] = strings[orth].lower() in _TRIGGER_WORDS
        if hit and (c := _trigger_class(tok := doc[i])) and not _negated(tok) and not _heading_word(tok):
            out.append((i, c))
    return out


def _heading_word(tok: Any) -> bool:
    """A capitalised word opening its line, sentence or parenthesis with a colon right after it: a
    caption's or a warning's heading ("Denial: Williams denied that he was ...", "Claim: Deandre Joshua
    was murdered ...", "(Warning: gory)", "Murdered: American journalist James Foley. Photo: AP", FNC-1
    bodies 110, 121, 230, 330), no happening; what follows tells it, if anything does."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":" or not tok.text[:1].isupper():
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is None or tok.is_sent_start or prev.is_space or prev.text in ("(", "[", "\n") or \
        prev.text.endswith("\n")


# hash -> its string, lowercased, is a trigger word. A string's hash is the same in every vocabulary
# (it is the hash of the text), so the answers hold across documents; kept for the process, and
# dropped when they grow past a bound (a long run meets ever new words, most of them once).
_TRIGGER_HASHES: dict[int, bool] = {}
_HASH_CACHE_MAX = 200_000


class TimeStage(ArticleStage):
    """Find temporal expressions and events, and date the events."""

    name = "times"
    version = 166
    requires = ("parse",)
    assigns = ("times", "events")

    def __call__(self, item: Analysis) -> Analysis:
        if item.parse is None:
            raise PipelineError("stage 'times' needs the spaCy parse; run the 'parse' stage before it")
        doc = item.parse
        times = self._times(item, doc)
        events = self._events(item, doc, times)
        from .time_words import corefer_within  # it reads this module's rules

        dated = corefer_within(dataclasses.replace(item, times=tuple(times), events=tuple(events)))
        return self.mark(item, times=tuple(times), events=dated)

    def pipe(self, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
        for item in items:
            yield self(item)

    # ------------------------------------------------------------------ expressions

    def _times(self, item: Analysis, doc: Any) -> list[TimeExpr]:
        text = item.text
        anchor = item.article.published
        # "May God preserve ...", "Governor Jan Brewer": month names the parse reads as other words
        spans: list[tuple[int, int, float]] = [(s, e, 0.9) for s, e in find_times(text)
                                               if not misread_month(doc, s, e)]
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(ent.start_char < e and s < ent.end_char for s, e, _ in spans):
                continue
            s, e = ent.start_char, ent.end_char
            # spaCy often includes a leading article ("the 1990s"); keep the span tight
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                spans.append((s, e, 0.6))
        # "1900 Seaport Blvd.", "told USA Today": an address's numbers and a name's word are no times
        spans = sorted(sp for sp in spans if not street_number(text, sp[0], sp[1])
                       and not name_deictic(text, sp[0], sp[1]))
        sent_starts = [s.start for s in item.sentences] or [0]
        in_order = all(a <= b for a, b in pairwise(sent_starts))
        out: list[TimeExpr] = []
        for s, e, conf in spans:
            if in_order:  # the last sentence starting at s or before (the sentences are in text order)
                k = bisect_right(sent_starts, s)
                sstart = sent_starts[k - 1] if k else 0
            else:
                sstart = max((x for x in sent_starts if x <= s), default=0)
            value, precision, label = resolve_time(text, s, e, anchor, sstart, told_direction(doc, s, e))
            if precision == "vague":
                conf = min(conf, 0.5)
            out.append(TimeExpr(start=s, end=e, label=label, stage=self.tag, confidence=conf,
                                value=value, precision=precision, anchored=value is not None))
        return narrative_times(text, out)

    # ------------------------------------------------------------------ events

    def _names(self, item: Analysis, doc: Any) -> list[Span]:
        """Name mentions: the mentions stage's when it ran, else spaCy's entities (damage filtered); none
        on a line of page furniture (:func:`_chrome_line`) or in the report's dateline (:func:`_dateline_end`)."""
        if item.mentions:
            return [m for m in item.mentions if m.kind == "name" and not _chrome_line(item.text, m.start)
                    and m.end > _dateline_end(item.text) and not _an_award(item.text, m.start, m.end, m.label)]
        words = {t.text for t in doc if t.text[:1].isupper()}
        out: list[Span] = []
        for ent in doc.ents:
            if ent.label_ not in _NAME_LABELS:
                continue
            if any(_is_damaged(t.text, words - {t.text}) for t in ent) or _chrome_line(item.text, ent.start_char) \
                    or ent.end_char <= _dateline_end(item.text):
                continue
            s, e = ent.start_char, ent.end_char
            if _an_award(item.text, s, e, ent.label_):
                continue
            if ent[0].lower_ == "the":
                s = ent[1].idx if len(ent) > 1 else s
            out.append(Mention(start=s, end=e, label=ent.label_, stage=self.tag, confidence=0.7,
                               key=item.text[s:e]))
        return out

    def _events(self, item: Analysis, doc: Any, times: Sequence[TimeExpr]) -> list[Event]:
        text = item.text
        anchor = item.article.published
        names = self._names(item, doc)
        by_start = _ByStart(names)
        quotes = list(_quote_spans(text))  # the same scan the pronouns read, found once per text
        titles = [(qs, qe) for qs, qe in quotes if _titled(doc, text, qs)] + _teasers(text)
        embeds = _embed_dates(text, self.tag)
        events: list[Event] = []
        trigger_at: list[int] = []  # each event's trigger token
        para = paragraph_ids(doc, text)
        lead = lead_expression(doc, text, times)
        near_day = names_near_day(text, times)
        told_days = _told_days(doc, text, times, lead, quotes, names, para)
        referring: list[tuple[int, tuple[TimeExpr | None, str]]] = []  # without an expression of their own
        doers: dict[int, set[tuple[str, bool]]] = {}  # event -> name words of its doer
        keys: dict[int, set[tuple[str, bool]]] = {}  # name words inside a noun's own phrase
        arr = _doc_array(doc)
        found = _triggers(doc, arr)
        told_at, perf_at, objs_at, reported_at, decided_at = _verb_lines(doc, arr)
        words_at = _content_words(doc, arr)
        owned_at = _owned_nouns(doc, arr)
        planned_at = _scheduling_words(doc, arr)
        states_at = _thing_states(doc, arr, found, quotes)
        letter = _Once(_letter_start, doc, text, quotes)
        starts = [tx.start for tx in times]
        if not all(a <= b for a, b in pairwise(starts)):
            starts = []  # not in text order: every sentence looks at them all
        for sent in doc.sents:
            trigs = [_Trig(i, c, referring=referring_nominal(doc[i]))
                     for i, c in found[bisect_left(found, (sent.start, "")) : bisect_left(found, (sent.end, ""))]]
            lo, hi = sent.start_char, sent.end_char
            near = times[bisect_left(starts, lo) : bisect_left(starts, hi)] if starts else times
            stimes = [tx for tx in near if lo <= tx.start < hi and tx.precision != "vague"
                      and not _SIGNED_RX.search(text, max(lo, tx.start - 40), tx.start) and not _limiting(doc, tx)]
            placers = [tx for tx in near if lo <= tx.start < hi and tx.precision == "vague"
                       and (m := _PAST_PLACER_RX.search(text, tx.start, tx.end + 12)) is not None
                       and m.start() < tx.end]
            told = told_at[bisect_left(told_at, sent.start) : bisect_left(told_at, sent.end)]
            objs = objs_at[bisect_left(objs_at, (sent.start, 0)) : bisect_left(objs_at, (sent.end, 0))]
            rep = reported_at[bisect_left(reported_at, sent.start) : bisect_left(reported_at, sent.end)]
            owned = owned_at[bisect_left(owned_at, sent.start) : bisect_left(owned_at, sent.end)]
            planned = planned_at[bisect_left(planned_at, sent.start) : bisect_left(planned_at, sent.end)]
            held = states_at[bisect_left(states_at, sent.start) : bisect_left(states_at, sent.end)]
            decided = decided_at[bisect_left(decided_at, sent.start) : bisect_left(decided_at, sent.end)]
            if not trigs and not stimes and not told and not objs and not rep and not owned and not held and not decided \
                    and not planned:
                continue
            trigs = _collapse(doc, trigs)
            reference = _Once(future_reference, doc, times, sent.start_char)
            _attach(doc, trigs, stimes, para)
            if stimes:
                words = words_at[bisect_left(words_at, sent.start) : bisect_left(words_at, sent.end)]
                trigs = sorted(trigs + _dated_generics(doc, words, trigs, stimes, para, anchor), key=lambda t: t.i)
            if rep and (opening := _letter_opening(doc, rep, letter())):
                told = sorted(told + opening)
            if told:
                trigs = sorted(trigs + _told_generics(doc, told, trigs, quotes, letter()), key=lambda t: t.i)
            if rep:
                trigs = sorted(trigs + _reported_generics(doc, rep, trigs, quotes), key=lambda t: t.i)
            if decided:
                trigs = sorted(trigs + _decided_generics(doc, decided, trigs, quotes), key=lambda t: t.i)
            if trigs:
                trigs = sorted(trigs + _joined_generics(doc, trigs, quotes), key=lambda t: t.i)
            if objs and (named := _object_happenings(doc, objs, perf_at, trigs, quotes)):
                trigs = sorted(trigs + named, key=lambda t: t.i)
                trigs = sorted(trigs + _joined_generics(doc, trigs, quotes, named), key=lambda t: t.i)
            if held:
                taken = {t.i for t in trigs}
                if held := [i for i in held if i not in taken]:
                    trigs = sorted(trigs + [_Trig(i, OCCURRENCE) for i in held], key=lambda t: t.i)
            if owned and (mine := _owned_happenings(doc, owned, trigs, quotes)):
                trigs = sorted(trigs + mine, key=lambda t: t.i)
            if trigs and (phase := _phase_subjects(doc, trigs, quotes)):
                trigs = sorted(trigs + phase, key=lambda t: t.i)
            if planned and (plans := _schedules(doc, planned, trigs, quotes)):
                trigs = sorted(trigs + plans, key=lambda t: t.i)
            if not trigs:
                continue
            sspan = Span(start=sent.start_char, end=sent.end_char, label="sentence", stage=self.tag)
            for tr in trigs:
                tok = doc[tr.i]
                if titles and _in_quotes(tok, titles):
                    # a title's words ("a story entitled 'Nasa Confirms Earth Will Go Dark'") and another report's
                    # teaser (:func:`_teasers`) tell nothing
                    continue
                quoted = _in_quotes(tok, quotes)
                time = tr.time
                # an occurrence is dated by its own expression (:func:`_dated_generics`) or, when its
                # report tells it (:func:`_told_generics`), by the fallback as any trigger; never by a post
                emb = None if tr.label == OCCURRENCE else _embed_for(embeds, tok.idx)
                if time is None and emb is not None and tr.label in SPEECH_CLASSES:
                    time = emb  # the post's date is when its words were said, not when what they tell happened
                rule = "inherited" if tr.inherited and time is tr.time else "own"
                # "In August 2014 Taylor says she met Michael Phelps": the saying is the report's now
                now = time is not None and time is tr.time and _told_now(tok, tr.label) and not _near_now(time, anchor)
                if now:
                    time, rule = _fallback(doc, tok, (), para, quoted, lead, near_day, reference, placers=placers)
                elif tr.schedule:
                    time, rule = None, "document"  # "is slated for a release on June 24": planned as of the report
                elif time is not None and _since_span(doc, tok, time):
                    time, rule = None, "none"  # happenings over a span ("killed since 2006"): no one date
                elif time is None and tr.reported and (revealed := _revealed_at(doc, tok, trigs)) is not None:
                    time, rule = revealed, "inherited"  # "took six months off in early 2009, later revealing he had"
                elif time is None and tr.reported and tense_reading(tok, quoted) != "lead":
                    rule = "none"  # some time before it was said (:func:`_reported_generics`)
                elif time is None and tr.reported:
                    # news a present saying tells in the perfect ("states: Apple has lost a visionary"):
                    # the report's now, as its own perfect is; the saying's expression is not its time
                    time, rule = _fallback(doc, tok, (), para, quoted, lead, near_day, reference, placers=placers)
                elif time is None:
                    time, rule = _fallback(doc, tok, stimes, para, quoted, lead, near_day, reference, placers=placers)
                    if tr.referring and rule == "none":
                        # dated as the article dates that happening, else a noun as any other word; a
                        # participle modifying a noun is background ("iPods sold in France", "the newly
                        # elected parliament"), not dated by the tense of the clause naming it
                        referring.append((len(events), (None, "none") if tok.pos_ == "VERB" else _fallback(
                            doc, tok, stimes, para, quoted, lead, near_day, reference, False, placers)))
                if tr.referring or tok.pos_ == "NOUN":
                    keys[len(events)] = _phrase_names(doc, tok, names, text)
                value, precision, conf = event_date(rule, time, anchor)
                roles = _roles(doc, tok, tr.label)
                if rule == "lead" and told_days and (doer := _doer_words(doc, roles.get("agent"), names, text)):
                    doers[len(events)] = doer
                parts = _participants(doc, tok, tr.label, roles, by_start, text, para)
                desc = _describe(doc, tok, tr.label, roles, parts, text)
                first = tok.i if tr.first is None else tr.first
                if first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ \
                        and not doc[first - 1].whitespace_:
                    first -= 2  # a word the tokenizer split at its hyphen ("Pre-orders", "re-election") is one word
                trigger_at.append(tok.i)
                events.append(Event(
                    start=doc[first].idx, end=tok.idx + len(tok.text), label=tr.label, stage=self.tag,
                    confidence=conf, sentence=sspan, time=time, date=value, precision=precision,
                    participants=tuple(parts), description=desc,
                ))
        for k, doer in doers.items():
            ev = events[k]
            # the day the doer's past was last told at, after the lead's ("Jobs announced today that ...
            # He said that ...": today, not the lead's Wednesday)
            day = next((tx for tx, theirs in reversed(told_days) if tx.start < ev.start and theirs & doer), None)
            if day is not None:
                value, precision, conf = event_date("lead", day, anchor)
                events[k] = dataclasses.replace(ev, time=day, date=value, precision=precision, confidence=conf)
        for k, (ptime, prule) in referring:
            co = _coreferent(events, k, keys, text)
            rule = "coreferent" if co is not None else prule
            ptime = co if co is not None else ptime
            value, precision, conf = event_date(rule, ptime, anchor)
            events[k] = dataclasses.replace(events[k], time=ptime, date=value, precision=precision, confidence=conf)
        for k, dated in _counted_from(doc, events, trigger_at).items():
            events[k] = dated
        for k, i in enumerate(trigger_at):
            if events[k].date is not None and dating_rule(events[k]) != "own" and _in_general(doc[i]):
                # "A breach is legal only when it breaks a bond": what any such happening is, not one that
                # took place on the day its tense or its sentence gives
                events[k] = dataclasses.replace(events[k], time=None, date=None, precision="vague",
                                                confidence=DATING_CONFIDENCE["none"])
            elif events[k].date is not None and _maybe(doc[i]) and not _past_ability(doc[i], events[k], anchor):
                events[k] = dataclasses.replace(events[k], time=None, date=None, precision="vague",
                                                confidence=DATING_CONFIDENCE["supposed"])
            elif events[k].date is None and dating_rule(events[k]) == "none" and supposed(doc[i]):
                # the timeline joins no undated supposed happening to what took place ("Boko Haram could
                # storm the village" is not April's storming)
                events[k] = dataclasses.replace(events[k], confidence=DATING_CONFIDENCE["supposed"])
        return events


# --------------------------------------------------------------------------- helpers


class _Once:
    """``fn(*args)``, computed the first time it is asked and kept."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        self.fn, self.args = fn, args
        self.done, self.value = False, None

    def __call__(self) -> Any:
        if not self.done:
            self.value, self.done = self.fn(*self.args), True
        return self.value


def _fallback(doc: Any, tok: Any, stimes: Sequence[TimeExpr], para: Paragraphs, quoted: bool,
              lead: TimeExpr | None, near_day: bool, reference: Callable[[], TimeExpr | None],
              refer: bool = True, placers: Sequence[TimeExpr] = ()) -> tuple[TimeExpr | None, str]:
    """A trigger no expression claimed: its clause's nearest expression, else its tense's reading.

    ``near_day``: the article names a day by its distance to publication (:func:`names_near_day`).
    ``reference``: gives :func:`future_reference` of its sentence (asked only of a future told in
    the report's own voice: most sentences never need it). ``refer=False``: as if it were not a
    :func:`.time_anchor.referring_nominal`. ``placers``: the vague expressions of its sentence placing
    a happening in the past (:data:`_PAST_PLACER_RX`): a past tied to one in its clause ("was
    introduced less than two weeks ago", "said at the time") is at a day the text leaves vague, not
    the lead's.
    """
    tx, cost = nearest_time(doc, tok, stimes, para, refer)
    if tx is not None and cost < WORD_MAX_COST:
        return tx, "sentence"
    reading = tense_reading(tok, quoted, refer)
    if reading is None and narrated_future(tok, quoted) and (ref := reference()) is not None:
        return ref, "continuity"
    if reading == "lead" and placers and nearest_time(doc, tok, placers, para, refer)[1] < _CLAUSE_COST:
        return None, "none"  # "was introduced less than two weeks ago": some past day the text leaves vague
    if reading == "lead" and _during_lasting(tok):
        return None, "none"  # "During the case Apple Corps showed the court": some day of the case, not the lead's
    if reading == "lead" and lead is not None and _argued_in_decided_case(doc, tok, lead):
        return None, "none"  # "lost its court case today ... Apple Corps argued that": argued before the ruling
    if reading == "lead" and lead is not None and lead.start < tok.idx:
        return lead, "lead"
    if reading == "lead" and not near_day and tense(tok) == "past":
        return None, "recent"  # a present perfect's time is the report's now: the publication day
    return None, "document" if reading is not None else "none"


# happenings that last for days or years: what is done "during" one is done on some day of it
_LASTING = frozenset({"case", "trial", "war", "campaign", "conflict", "occupation", "investigation", "proceedings",
                      "reign", "presidency", "tenure", "career", "siege", "crisis", "outbreak", "negotiations"})


def _during_lasting(tok: Any) -> bool:
    """The word's clause is placed "during" a lasting happening (:data:`_LASTING`) no expression dates:
    "During the case Apple Corps showed the court how many times the logo appeared". The happening
    named in that phrase is not placed by it ("During the trial, the prosecutor showed": the trial
    keeps its own date)."""
    v = clause_verb(tok)
    if v is None:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "during" and not c.left_edge.i <= tok.i <= c.right_edge.i and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _LASTING and not any(
            t.ent_type_ in ("DATE", "TIME") for t in g.subtree) for g in c.children) for c in v.children)


# verbs of a party's argument in a case, and nouns of a case a court decides
_ARGUING = frozenset({"argue", "contend", "plead"})
_CASES = frozenset({"case", "lawsuit", "suit", "trial", "appeal"})
# what a case's end is told by: its party wins or loses it, a court decides it ("filed a lawsuit", "heard
# the appeal", "the trial opened" tell a case running, whose arguments are that day's; "an appeal for
# flood victims" is no case at all)
_CASE_ENDS = frozenset({"lose", "win", "dismiss", "reject", "uphold", "overturn", "throw", "settle", "decide",
                        "drop", "deny", "grant", "end"})


def _argued_in_decided_case(doc: Any, tok: Any, lead: TimeExpr) -> bool:
    """The word is a verb of arguing (:data:`_ARGUING`) and the lead's clause, the one its day expression
    dates, tells what became of a case (a verb of :data:`_CASE_ENDS`, a noun of :data:`_CASES` its subject or
    object: "Apple Corps lost its court case against Apple Computer today", "The lawsuit was dismissed on
    Monday"): what a party argued was argued while the case ran, before the day it was decided, at a time
    the report does not give ("Apple Corps argued that the iTunes Music Store was a breach of the 1991
    settlement"). Without such a lead an argument is the day's news ("Erdogan argued that the weapons drop
    has harmed the fight"), as it is when the lead tells a case running ("The Supreme Court heard Google's
    appeal today")."""
    if tok.pos_ != "VERB" or verb_lemma(tok) not in _ARGUING:
        return False
    span = doc.char_span(lead.start, lead.end, alignment_mode="expand")
    v = clause_verb(span.root) if span is not None and len(span) else None
    return v is not None and v.i != tok.i and verb_lemma(v) in _CASE_ENDS and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _CASES for c in v.children)


def _doer_words(doc: Any, agent: Any, names: Sequence[Span], text: str) -> set[tuple[str, bool]]:
    """Name words (:func:`_name_words`) of the party an event's doer names, a pronoun's antecedent for a
    pronoun ("He said"); none when the doer names no party ("residents reported")."""
    if agent is None:
        return set()
    m = _mention_at(names, agent)
    if m is None and agent.pos_ == "PRON":
        m = _antecedent(names, agent, doc, text)
    return _name_words(text, [m]) if m is not None else set()


def _told_days(doc: Any, text: str, times: Sequence[TimeExpr], lead: TimeExpr | None,
               quotes: Sequence[tuple[int, int]], names: Sequence[Span],
               para: Paragraphs) -> list[tuple[TimeExpr, set[tuple[str, bool]]]]:
    """The days, after the lead's, a report tells a named party's doings at, with that party's name words
    (:func:`_doer_words`), in text order: a day named by its distance to publication (:data:`_NEAR_DAY_RX`:
    "today", "Wednesday", not "June 7"), outside quotes and not modifying a noun, dating a past or present
    perfect on the main line of its sentence (its root, or a verb joined to it) whose doer names a party.

    The time a news report tells a party's doings at holds for that party's next pasts told without a
    time of their own (Reichenbach's reference time): "Jobs announced today that ... He said that ...":
    today, not the lead's Wednesday. Not for other parties' ("Rep. Hunter said Tuesday that ...; Johnson
    said ...": Johnson's is still the lead's Thursday), nor for what a reported clause places ("said the
    militants tried to enter late on Sunday"). Read off the text, so that an undated article picks the
    same days once dated."""
    if lead is None:
        return []
    out: list[tuple[TimeExpr, set[tuple[str, bool]]]] = []
    for tx in times:
        if tx.start <= lead.start or tx.precision != "day":
            continue
        expr = text[tx.start : tx.end]
        if not _NEAR_DAY_RX.search(expr) or any(c.isdigit() for c in expr):
            continue
        if any(qs <= tx.start < qe for qs, qe in quotes):
            continue
        span = para.expression(tx.start, tx.end)
        if span is None or para.reach(span[2]) is not None:
            continue
        v = clause_verb(doc[span[2]])
        if v is None or tense(v) not in ("past", "perfect"):
            continue
        main = v
        while main.dep_ == "conj" and main.head.i != main.i:
            main = main.head
        if main.dep_ != "ROOT":
            continue
        doer = _doer_words(doc, _roles(doc, v, OCCURRENCE)["agent"], names, text)
        if doer:
            out.append((tx, doer))
    return out


def future_reference(doc: Any, times: Sequence[TimeExpr], sent_start: int) -> TimeExpr | None:
    """The future reference time a sentence starting at ``sent_start`` is told in, if any: the last
    expression before it, when that is a day or month dating a future clause ("iPhone 4 will be
    available on June 24"). A narrative's reference time holds until another time is named; a past
    or present one ends the future's. Whether it lies after publication is :func:`event_date`'s
    question, so that an undated article gets the same rule once dated."""
    last = max((tx for tx in times if tx.end <= sent_start and tx.precision != "vague"),
               key=lambda tx: tx.start, default=None)
    if last is None or last.precision not in ("day", "month"):
        return None
    toks = doc.char_span(last.start, last.end, alignment_mode="expand")
    if toks is None or len(toks) == 0 or tense(toks.root) != "future":
        return None
    return last


def narrated_future(tok: Any, quoted: bool) -> bool:
    """``tok``'s clause is a future the report tells in its own voice: outside quotes, the root clause
    of its sentence or one joined to it (not what someone is said to predict or hope: "the fund
    predicted that economies will grow"), and not negated ("will not be included" places no
    happening)."""
    if quoted or tense(tok) != "future":
        return False
    v = clause_verb(tok)
    if v is None or any(c.dep_ == "neg" for c in v.children):
        return False
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    return bool(v.dep_ == "ROOT")


# vague expressions placing a happening in the past: "less than two weeks ago", "at the time", "recently"
# ("hours ago" is the day of the report; "in the past week" a span of it)
_PAST_PLACER_RX = re.compile(
    r"(?i)\b(?:recently|in\s+recent\s+\w+|recent\s+(?:days|weeks|months|years)|at\s+the\s+time"
    r"|in\s+the\s+past(?!\s+(?:\d|few|several|day|week|month|year|hour))"
    r"|(?:days|weeks|months|years)\s+(?:after|later|earlier|before|ago)|the\s+(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|years)"
    r"|(?:less|more|fewer)\s+than\s+.*\b(?:days?|weeks?|months?|years?)\s+ago|over\s+.*\b(?:days?|weeks?|months?|years?)\s+ago"
    r"|the\s+\d{4}s)\b")
_NEAR_DAY_RX = re.compile(r"(?i)\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night"
                          r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def names_near_day(text: str, times: Sequence[TimeExpr]) -> bool:
    """The article names a day by where it stands from publication ("today", "yesterday", "on Monday").

    A report that does tells what happened in the days around publication; one that names none
    ("During a media event ..., Apple released the SDK") says only that its simple past is recent:
    the publication day would claim a day the text does not give, so such a past is dated to the
    publication month (rule ``recent``). A present perfect ("has begun to sell") is told from the
    report's now and keeps the publication day. Dates written out ("Monday, June 7") do not count.
    Read off the text alone, so that an undated article gets the same rules once dated.
    """
    for tx in times:
        if tx.precision == "day":
            expr = text[tx.start : tx.end]
            if _NEAR_DAY_RX.search(expr) and not any(c.isdigit() for c in expr):
                return True
    return False


_NOT_NAME_WORDS = frozenset({"general", "president", "former", "commander", "minister", "leader", "spokesman",
                             "spokesperson", "chief", "force", "forces", "group", "state", "states", "united"})


def _name_words(text: str, spans: Iterable[Span]) -> set[tuple[str, bool]]:
    """Lowercased words of names that can tell one party (no titles), each with whether it names a person."""
    out: set[tuple[str, bool]] = set()
    for p in spans:
        out.update((w, p.label == "PERSON") for w in re.findall(r"\w+", text[p.start : p.end].lower())
                   if len(w) >= 4 and w not in _NOT_NAME_WORDS)
    return out


def _phrase_names(doc: Any, tok: Any, names: Sequence[Span], text: str) -> set[tuple[str, bool]]:
    """Name words inside a noun's phrase or a participle's ("the death of Razi Moussavi")."""
    if tok.pos_ != "NOUN":
        tok = tok.head  # "Moussavi, killed in ...": the noun it modifies
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return _name_words(text, (m for m in names if lo <= m.start and m.end <= hi))


def _coreferent(events: list[Event], k: int, keys: dict[int, set[tuple[str, bool]]], text: str) -> TimeExpr | None:
    """The expression dating the happening a referring noun names ("his death", "the killing of
    Soleimani") elsewhere in the article: that of an event of the same class sharing a named party
    (a person when it names one), dated by an expression of its own; the most precise, the
    nearest on ties."""
    ev = events[k]
    mine = _name_words(text, ev.participants) | keys.get(k, set())
    best: tuple[int, int, Event] | None = None
    # the generic occurrence is no one happening by its class: only by its word too ("At my request"
    # and "took six months off in early 2009" are two of Jobs's doings, once "my" is known to be his)
    stem = text[ev.start : ev.end].lower()[:4] if ev.label == OCCURRENCE else None
    for persons in (True, False):  # the person it names first, then any name
        want = {w for w, person in mine if person or not persons}
        for j, o in enumerate(events):
            if not want or j == k or o.label != ev.label or o.date is None or dating_rule(o) not in (
                    "own", "inherited") or (stem is not None and text[o.start : o.end].lower()[:4] != stem):
                continue
            theirs = _name_words(text, o.participants) | keys.get(j, set())
            if not want & {w for w, person in theirs if person or not persons}:
                continue
            key = (_RANK.get(o.precision, 4), abs(o.start - ev.start))
            if best is None or key < best[:2]:
                best = (key[0], key[1], o)
        if best is not None:
            break
    return best[2].time if best is not None else None


def _collapse(doc: Any, trigs: list[_Trig]) -> list[_Trig]:
    """One event per happening: "said in a statement", "bombing raid" keep only the head trigger; not
    what an "of" phrase names, the other happening the head is of ("a breach of the 1991 settlement")."""
    by_i = {t.i: t for t in trigs}
    keep: list[_Trig] = []
    for t in trigs:
        tok = doc[t.i]
        head = tok.head
        drop = False
        if head.i in by_i and head.i != t.i and by_i[head.i].label == t.label and tok.dep_ in ("compound", "amod"):
            drop = True
        if tok.dep_ == "pobj" and head.lower_ != "of" and head.head.i in by_i and by_i[head.head.i].label == t.label:
            drop = True  # "said in a statement"
        if not drop:
            keep.append(t)
    return keep


def _in_subject(doc: Any, root: int, i: int) -> int:
    """1 when an expression lies inside the subject of the trigger at ``i`` (a step further than its
    path): there it tells of the subject, not of when the trigger happened ("the rapper — born Henry
    Jackson on Aug. 5, 1957, in the Bronx — died at about 2 a.m. Tuesday": FNC-1 body 1190's death
    dated 1957-08-05, its own Tuesday as near along the tree)."""
    for c in doc[i].children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= root <= c.right_edge.i and root != c.i:
            return 1
    return 0


# a trigger that is the object of one of these inherits no neighbour's time, nor gives one (:func:`_attach`)
_APART_PREPS = _BOUND_PREPS | _TOPIC_PREPS
# what a doing is for is sought or answered, not done with it: "reached a deal for the release of more than 200
# schoolgirls" on Friday (FNC-1 body 308) is no release of Friday, "arrested for the murder" no murder of the arrest
_SOUGHT_PREPS = frozenset({"for"})
_APART_OR_SOUGHT = _APART_PREPS | _SOUGHT_PREPS
# heads naming a happening of its own that bears on the one their "of" phrase names, at another time: a
# breach or a settlement of an agreement, a suit's trial or appeal, the inquiry into an attack, its
# anniversary ("a breach of the 1991 settlement" is no breach of 1991); unlike a phase of that happening
# ("the launch of the April 2010 offensive", of April 2010) (:func:`_attach`)
_OF_ANOTHER = frozenset({
    "breach", "violation", "infringement", "contravention", "settlement", "appeal", "trial", "retrial", "verdict",
    "ruling", "review", "investigation", "inquiry", "probe", "denial", "rejection", "condemnation", "anniversary",
    "aftermath", "commemoration"})


def _attach(doc: Any, trigs: list[_Trig], times: Sequence[TimeExpr], para: Paragraphs) -> None:
    """Give each trigger the dated expression nearest to it along the tree (see module doc).

    A paragraph break is a hard limit (see :mod:`.time_anchor`): the parser sometimes runs a
    title or dateline into the first sentence, and the dateline's date is not the date of what
    the sentence tells.
    """
    for tx in times:
        span = para.expression(tx.start, tx.end)
        if span is None:
            continue
        first, end, root = span
        reach = para.reach(root)
        best, best_cost = None, 1e9
        for tr in trigs:
            if first <= tr.i < end or (reach is not None and tr.i not in reach):
                continue
            if tr.referring and not own_phrase(doc, doc[tr.i], root):
                continue  # "revenge for the killing of Soleimani", said on Wednesday
            c = path_cost(doc, root, tr.i, para) + _in_subject(doc, root, tr.i)
            if c == best_cost and best is not None and abs(tr.i - root) < abs(best.i - root):
                best = tr
            if c < best_cost:
                best, best_cost = tr, c
        if best is None or best_cost >= 3 * _CLAUSE_COST:
            continue
        more_precise = best.time is not None and _RANK[tx.precision] < _RANK[best.time.precision]
        if best_cost < best.cost or (more_precise and best_cost <= best.cost + 2):
            best.time, best.cost = tx, best_cost
    for tr in trigs:
        if tr.time is not None:
            continue
        # inherit from a trigger this one directly hangs on or that hangs on it ("killed in an airstrike")
        # (not through a bound or a topic: "has unveiled since the introduction of the iPad in 2010" is not
        # 2010's, "spoke on Monday about the launch" no launch of Monday; nor a happening of its own from
        # the other one its "of" phrase names, :data:`_OF_ANOTHER`: "a breach of the 1991 settlement" is no
        # breach of 1991)
        cands = [o for o in trigs if o.time is not None and not o.inherited and o is not tr
                 and (_modifies(doc[tr.i], doc[o.i]) or _modifies(doc[o.i], doc[tr.i]))
                 and not any(t.dep_ == "pobj" and t.head.lower_ in _APART_OR_SOUGHT
                             for t in (doc[tr.i], doc[o.i]))
                 and not (doc[tr.i].lemma_.lower() in _OF_ANOTHER and doc[o.i].dep_ == "pobj"
                          and doc[o.i].head.lower_ == "of" and doc[o.i].head.head.i == tr.i)]
        if cands:
            tr.time, tr.inherited = cands[0].time, True


def _dated_generics(doc: Any, words: Sequence[int], trigs: list[_Trig], stimes: Sequence[TimeExpr],
                    para: Paragraphs, anchor: date | None) -> list[_Trig]:
    """Happenings outside the lexicon (:func:`_generic`) an expression of the sentence is tied to
    (other than a bound: :func:`_bounding`; not a past day for a future: "will respond to the
    death on Monday" is the death's Monday, which the parser may hang on the verb).

    The expressions are attached again over the lexicon's triggers and these words together
    (:func:`_attach`): a word becomes an ``occurrence`` only when an expression goes to it, not to
    a trigger ("said on Monday that sales grew": Monday is the saying's), and not by inheritance.
    The triggers keep the dates the first attachment gave them. A light verb of a trigger
    ("the attacks carried out by Hamas") is that trigger's happening, not another. ``words``: the
    sentence's verbs and nouns (the only words :func:`_generic` takes).
    """
    taken = {t.i for t in trigs}
    cands = [_Trig(t.i, OCCURRENCE, referring=referring_nominal(t)) for t in (doc[i] for i in words)
             if t.i not in taken and _generic(t) and not _negated(t) and not (
                 t.lemma_ in _LIGHT_VERBS and (t.head.i in taken or any(c.i in taken for c in t.children)))]
    if not cands:
        return []
    both = [dataclasses.replace(t, time=None, cost=1e9, inherited=False) for t in trigs] + cands
    _attach(doc, both, stimes, para)
    return [c for c in cands if c.time is not None and not c.inherited and not _bounding(doc, c.time)
            and not _past_for_future(doc[c.i], c.time, anchor) and not _prospect_dated_outside(doc, doc[c.i], c.time)
            and not _foretold_time(doc[c.i], c.time)]


def _content_words(doc: Any, arr: Any) -> list[int]:
    """Token ids of the verbs and nouns of ``arr`` (:func:`_doc_array`)."""
    import numpy as np

    strings = doc.vocab.strings
    pos = arr[:, 0]
    return np.flatnonzero((pos == strings["VERB"]) | (pos == strings["NOUN"])).tolist()  # type: ignore[no-any-return]


def _verb_lines(doc: Any, arr: Any) -> tuple[list[int], set[int], list[tuple[int, int]], list[int], list[int]]:
    """Read off ``arr`` (:func:`_doc_array`): the token ids of verbs that may tell a report's own
    happening (:func:`_told_generics`: past forms, VBD and VBN, and bare forms, "will release",
    "did respond", heading a sentence, joined to another verb or after a preposition), those of the verbs of
    :data:`.time_anchor.PERFORMING`, and (noun, its head) for each object or passive subject of a
    verb whose lemma may name a happening (:func:`_happening_noun`), for :func:`_object_happenings`; and the
    token ids of bare verbs a verb of :data:`_DECIDING` takes as its infinitive (:func:`_decided_generics`)."""
    import numpy as np

    strings = doc.vocab.strings
    pos, dep, tag = arr[:, 0], arr[:, 3], arr[:, 4]
    is_verb = pos == strings["VERB"]
    hit = is_verb & ((dep == strings["ROOT"]) | (dep == strings["conj"]) | (dep == strings["pcomp"])) & (
        (tag == strings["VBD"]) | (tag == strings["VBN"]) | (tag == strings["VB"]) | (tag == strings["VBG"]))
    told = np.flatnonzero(hit).tolist()
    reported = np.flatnonzero(is_verb & ((dep == strings["ccomp"]) | (dep == strings["conj"])) & (
        (tag == strings["VBD"]) | (tag == strings["VBN"]) | (tag == strings["VB"]))).tolist()
    performing = _performing_hashes(strings)
    verbs = np.flatnonzero(is_verb)
    perf = {i for i, lemma in zip(verbs.tolist(), arr[verbs, 1].tolist(), strict=True) if lemma in performing}
    nouns = np.flatnonzero((pos == strings["NOUN"]) & ((dep == strings["dobj"]) | (dep == strings["nsubjpass"])))
    heads = nouns + arr[nouns, 5].astype(np.int64)  # HEAD is the offset to the head
    verb_at = is_verb.tolist()
    objs: list[tuple[int, int]] = []
    for i, h, lemma in zip(nouns.tolist(), heads.tolist(), arr[nouns, 1].tolist(), strict=True):
        if h != i and verb_at[h] and _happening_noun(strings[lemma]):
            objs.append((i, h))
    inf = np.flatnonzero(is_verb & (dep == strings["xcomp"]) & (tag == strings["VB"]))
    deciding = _deciding_hashes(strings)
    decided = [i for i, h in zip(inf.tolist(), (inf + arr[inf, 5].astype(np.int64)).tolist(), strict=True)
               if int(arr[h, 1]) in deciding]
    return told, perf, objs, reported, decided


_PERF_HASHES: set[int] = set()


# verbs of deciding or committing to do something: the infinitive they take is the happening decided on
# ("has chosen to step down", "agreed to pay a fine", "vowed to fight on"); not "promise", as often what a
# thing is likely to do ("the mission also promises to increase scientific knowledge", FNC-1 body 885)
_DECIDING = frozenset({"choose", "decide", "opt", "agree", "vow", "pledge", "resolve", "elect", "volunteer"})
_DECIDING_HASHES: set[int] = set()


def _lemma_hashes(strings: Any, lemmas: frozenset[str], cache: set[int]) -> set[int]:
    """The hashes of ``lemmas`` (the same in every vocabulary), kept in ``cache`` once made."""
    if not cache:
        cache.update(strings[w] for w in lemmas)
    return cache


def _deciding_hashes(strings: Any) -> set[int]:
    """The hashes of the lemmas of :data:`_DECIDING`."""
    return _lemma_hashes(strings, _DECIDING, _DECIDING_HASHES)


def _decided_generics(doc: Any, cands: Sequence[int], trigs: list[_Trig],
                      quotes: Sequence[tuple[int, int]]) -> list[_Trig]:
    """The happening a verb of deciding takes as its infinitive (:data:`_DECIDING`; ``cands``:
    :func:`_verb_lines`): "Steve Jobs has chosen to step down", "Iran agreed to hold talks". Something decided
    on, to happen after the deciding: an occurrence its infinitive leaves undated, as a purpose clause's
    (:func:`_joined_generics`). Not one decided against ("did not agree to pay", "agreed not to sue"), a
    state ("chose to remain silent"), or one in quotes.

    Measured at times.v59: SemEval trial 18315's "step_down" (gold undated) an event on no entry (stage
    anchored 0.7092->0.7143, timeline 0.6990->0.7041), 4954's "have decided to take the case to the Court of
    Appeal" and 17174's "whether he decided to leave" besides. FNC-1 bodies 0-299: events 5186->5206, entries
    168 unchanged; read all 20, each a happening decided on ("decided to pursue a journalism career", "agreed
    to host the men", "vowing to descend on the town"), one a habit ("people who choose to spend their money
    clubbing"), one given the wrong party ("Images" for "pledging to stop sharing")."""
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for i in cands:
        v = doc[i]
        if i in taken or not _generic(v) or _negated(v) or _negated(v.head) or _in_quotes(v, quotes):
            continue
        if v.lemma_ in _LIGHT_VERBS and any(c.i in taken for c in v.children):
            continue
        out.append(_Trig(i, OCCURRENCE))
    return out


def _performing_hashes(strings: Any) -> set[int]:
    """The hashes of the lemmas of :data:`.time_anchor.PERFORMING`."""
    return _lemma_hashes(strings, PERFORMING, _PERF_HASHES)


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
_TELLING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_doer(v: Any, writer_from: int | None = None) -> bool:
    """The verb's subject (or passive agent) names a party or stands for one: "Jobs showed off",
    "He showed videos", "was praised by Jobs", a part of "us" as "we" (:func:`_some_of_us`), and
    "I" in the text of a letter the report gives from ``writer_from`` on (:func:`_letter_start`:
    "I have asked Tim Cook"); a joined verb without a subject shares its head's."""
    for _ in range(4):
        for c in v.children:
            if c.dep_ == "nsubj" or c.dep_ == "agent":
                t = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else c
                if t is not None and (t.pos_ == "PROPN" or t.ent_type_ in _TELLING_LABELS
                                      or t.lower_ in _SUBJECT_PRONOUNS or _some_of_us(t)
                                      or (t.lower_ == "i" and writer_from is not None and t.idx > writer_from)):
                    return True
        if v.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return False
        v = v.head
    return False


def _some_of_us(t: Any) -> bool:
    """A part of "us" as a subject ("Those of us who have been fortunate enough to know and work with
    Steve have lost a dear friend", "all of us"): a "we"."""
    return t.lower_ in ("those", "all", "many", "some", "each", "most", "both") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "us" for g in c.children) for c in t.children)


def _writers_own(v: Any) -> bool:
    """The verb's subject, outside quotes, is the newsroom's "we" ("We'll continue to update this story",
    "We will update this post accordingly"): the report's own plans, not news (an "I" outside quotes is as
    often a letter or an email the report gives unquoted, "I will continue as CEO"); a joined verb
    without a subject shares its head's."""
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj.lower_ == "we"
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


def _has_subject(v: Any) -> bool:
    """The verb has a subject of its own, or shares that of the verb it is joined to."""
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
            return True
        if v.dep_ != "conj":
            return False
        v = v.head
    return False


# what a report gives the text of: "Apple released the text of Jobs's email, which reads: Team, ..."
_WRITINGS = frozenset({"letter", "email", "e-mail", "memo", "note", "message", "post"})
_LETTER_RX = re.compile(r"(?i)\b(?:reads?|wrote|writes|says|said|stating|states)\s*:(?!\s*[\"“'‘])")


def _letter_start(doc: Any, text: str, quotes: Sequence[tuple[int, int]]) -> int | None:
    """Where the unquoted text of a letter the report gives starts: after the colon of "which reads:",
    "wrote:" in a sentence naming the writing (:data:`_WRITINGS`: "Apple released the text of Jobs's email,
    which reads: Team, At my request ..."), outside quotes and not opening one. Its "I" is the writer.

    Measured at times.v45: SemEval trial 17677's "I have asked Tim Cook" taken at the email's day (stage
    anchored 0.6837->0.6888, timeline anchored 0.6582->0.6633); FNC-1 300 bodies unchanged (5216 events).
    Any "I" outside quotes as a doer took 12 more there, nearly all speech the quote finder missed ("'Then I
    realised we had been serving her'"), dated at the publication month."""
    for m in _LETTER_RX.finditer(text):
        if any(qs <= m.start() < qe for qs, qe in quotes):
            continue
        span = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() in _WRITINGS or t.lower_ in _WRITINGS
                                    for t in span[0].sent if t.pos_ == "NOUN" and t.idx < m.start()):
            return m.end()
    return None


def _opens_letter(v: Any, writer_from: int | None) -> bool:
    """``v`` is a reported clause's verb opening the text of a letter the report gives from
    ``writer_from`` on (:func:`_letter_start`): after its start, hung on a verb before it."""
    return writer_from is not None and v.dep_ == "ccomp" and v.idx > writer_from > v.head.idx


def _letter_opening(doc: Any, cands: Sequence[int], writer_from: int | None) -> list[int]:
    """The verbs of ``cands`` (:func:`_verb_lines`' reported clauses) that open the text of a letter
    (:func:`_opens_letter`)."""
    return [i for i in cands if _opens_letter(doc[i], writer_from)]


def _told_generics(doc: Any, told: Sequence[int], trigs: list[_Trig], quotes: Sequence[tuple[int, int]],
                   writer_from: int | None = None) -> list[_Trig]:
    """Happenings outside the lexicon the report itself tells as its news, with no expression of
    their own: a verb (:func:`_verb_lines`) of the main line of a sentence (its root, or verbs
    joined to it), outside quotes and not negated ("Apple did not respond" tells no happening),
    that is either a past or present perfect, not reported, not a pluperfect nor "once"/"later"
    (:func:`.time_anchor.tense_reading` reads it as the lead's time) or a simple past an adverb places apart
    from the news (:func:`_placed_apart`: "soon after reassumed the role"), whose doer is named ("Jobs
    showed off iPhone 4's new video calling", "He showed videos", the "I" of a letter the report gives:
    :func:`_letter_start`; the clause the letter's text opens with, whatever its subject:
    :func:`_letter_opening`), or a future the report tells in
    its own voice of a subject (:func:`narrated_future`: "the iPhone 3G will be discontinued"); and
    a simple past of a named doer after a preposition ("for what Steve Jobs described as").
    They are dated by the fallback as a trigger is (its clause's expression, else the lead's day,
    the publication day or month; a future at the future day the report last named, else
    undated); a light verb of a trigger is that trigger's happening.
    """
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for i in told:
        tok = doc[i]
        if i in taken or not (_generic(tok) or _held_since(tok)) or _in_quotes(tok, quotes):
            continue
        if tok.lemma_ in _LIGHT_VERBS and any(c.i in taken for c in tok.children):
            continue
        v = tok
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if _negated(tok):
            continue
        if _opens_letter(v, writer_from):
            # the clause a letter's text opens with, which the parser hangs on the verb giving it ("which
            # reads: Team, At my request, the board of directors has granted me a medical leave"): the
            # writer's own telling of their news, whoever its subject
            if tense_reading(tok, False) == "lead" and _has_subject(tok):
                out.append(_Trig(i, OCCURRENCE))
            continue
        if v.dep_ not in ("ROOT", "pcomp"):
            continue
        if v.dep_ != "ROOT" and not (v.tag_ == "VBD" and tense_reading(tok, False) == "lead" and _named_doer(tok)):
            continue  # "for what Steve Jobs described as": a simple past of a named doer in a free relative
        if tense_reading(tok, False) == "lead" or _held_since(tok) or _placed_apart(tok):
            if not _named_doer(tok, writer_from):
                continue
        elif not (narrated_future(tok, False) and _has_subject(tok)) or _writers_own(tok):
            continue
        out.append(_Trig(i, OCCURRENCE))
    return out


# adverbs placing a past apart from the news, at a time the text does not give ("soon after reassumed the
# role", "later founded NeXT", "once worked"): those that make a simple past's tense reading none
# (:func:`.time_anchor.tense_reading`) but "ever" and "twice", which say whether or how often, not when
_APART = (_UNPLACED | _MOVED_ON) - {"ever", "twice"}


def _placed_apart(tok: Any) -> bool:
    """A simple past an adverb places before or after the news at no time the text gives ("Jobs returned to
    Apple and soon after reassumed the role of CEO"): its tense reading is none for that adverb alone
    (:func:`.time_anchor.tense_reading`), not for a pluperfect, a condition or a reported clause. Taken by
    :func:`_told_generics`, undated.

    Measured at times.v47: SemEval trial 18355's "reassumed" (gold undated) an event on no entry (timeline
    anchored 0.6888->0.6939); FNC-1 bodies 0-299 +1 event ("Emwazi later moved to Kuwait"), 301-800 +14, 13
    happenings with their doer ("Days later, Apple commentator John Gruber blogged", "North Korea previously
    banned anyone from sharing the name"), one not ("to take the role", talks that fell through). With a
    pronoun for a doer, +27 on 301-800, 7 of them given a wrong party ("he woke up" given the hospital)."""
    v = clause_verb(tok)
    if v is None or v.i != tok.i or tense(tok) != "past" or reporting_verb(tok) is not None:
        return False
    if any(c.dep_ == "aux" for c in v.children) or not any(c.dep_ == "advmod" and c.lower_ in _APART
                                                             for c in v.children):
        return False
    # its doer named, not a pronoun: the one a pronoun stands for is as often misread, and a past
    # told apart from the news has no lead to take it up from ("but they later discovered", "he woke up")
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return bool(subj.pos_ == "PROPN" or subj.ent_type_ in _TELLING_LABELS)
        if v.dep_ != "conj" or v.head.i == v.i:
            return False
        v = v.head
    return False


def _held_since(tok: Any) -> bool:
    """A perfect progressive holding "since" a time ("has been fighting pancreatic cancer since 2004"):
    a happening in course that began then, unlike a bare progressive ("were working"), which tells no
    start."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or tok.lemma_.lower() in _STATIVE or not tok.lemma_.isalpha():
        return False
    auxes = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    return "been" in auxes and any(w in _HAVE_NOW for w in auxes) and any(
        c.dep_ == "prep" and c.lower_ == "since" for c in tok.children)


def _since_span(doc: Any, tok: Any, tx: TimeExpr) -> bool:
    """``tx`` is a "since" bound and ``tok`` the verb of a simple perfect counting what happened over it
    ("100,000 Mexicans have been killed or gone missing since 2006", "has sold thousands of songs since
    2003"): happenings spread over the span, none of them at its start. One happening or activity begun
    then ("has been fighting cancer since 2004": :func:`_held_since`; "has anchored the news since
    December 2004") is dated by the bound."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBN":
        return False
    v = tok
    while v.dep_ == "conj" and v.head.i != v.i and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        v = v.head  # "have been killed or gone missing": the perfect's auxiliaries are on the first verb
    if not any(c.dep_ == "aux" and verb_lemma(c) == "have" for c in v.children):
        return False
    return counted(v) and _bounding(doc, tx, _SINCE)


# verbs of a state a report's clause often tells ("said he lived in London", "noted that he shared the
# name"), and verbs of feeling whose passive is one ("said she was surprised", "had been bothered by")
_HELD = frozenset({"live", "reside", "share", "last", "involve", "concern", "intend", "remain"})
# verbs a reported future tells a thing's make or price with, not a happening ("said the watch will
# require nightly charging", "the movie will be based on the biography", "will be priced at $500"), or a
# state to come ("we will solely rely on artificial light for the six days")
_FUTURE_STATES = frozenset({"require", "base", "divide", "price", "feature", "support", "offer", "measure", "rely"})
_FELT = frozenset({"bother", "surprise", "stun", "shock", "frustrate", "worry", "upset", "plague", "please",
                   "interest", "disappoint", "delight", "impress", "amaze", "puzzle", "concern", "trouble"})


def _reported_generics(doc: Any, cands: Sequence[int], trigs: list[_Trig], quotes: Sequence[tuple[int, int]]) -> list[
        _Trig]:
    """Happenings outside the lexicon a report tells as what someone said happened or will happen: a past,
    present perfect or future (VBD, VBN, "will" VB) of a clause reported by a verb of saying
    (:func:`.time_anchor.reporting_verb`: "Jobs admitted that the percentage of calls dropped was greater",
    "Apple said it has settled", "Apple has claimed that the 3G iPhone will provide"),
    with a subject of its own, not negated, telling no state (:data:`_HELD`: "said he
    lived in London"; the passive of a verb of feeling, :data:`_FELT`: "said he was surprised by the gap",
    though "the blast surprised everyone" is told). A future telling a price or a make is none either
    (:data:`_FUTURE_STATES`, :func:`_told_price`: "the watch will start at $349", "will require nightly
    charging"), nor what "no" one will do (:func:`_none_of`). Their tense gives them no time (some
    time before it was said, or after it) and an expression of the sentence is the saying's ("Jobs said
    on Monday that sales grew"): they are left undated (one of their own makes them a dated occurrence
    before, :func:`_dated_generics`). Outside quotes, but for a future a quote tells as what a saying outside
    it reports ('Art Levinson adds, "Steve will continue to serve Apple"'): the speaker's plan or forecast,
    as when the report gives it unquoted; a quote's pasts are the speaker's own account (FNC-1 bodies 0-299
    at times.v140: the quoted futures added 7 events, all undated, "every asset will be directed towards the
    girls' release", "will result in the bloodshed of your people"; its pasts and perfects would add about 90,
    witnesses' steps, "I heard a large blast", "we called Stan", "they kissed").

    The futures measured at times.v42: FNC-1 300 bodies 5192 -> 5208 events (+16, all undated, none
    removed or redated), 13 of them happenings ("said Nicaragua will ask international experts", "will
    be played onscreen by Seth Rogen"), 3 not ("will run on a single charge", a run-together headline,
    "will continue" given the wrong party); before the price and make filters, +26 with 12 not."""
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for i in cands:
        tok = doc[i]
        if i in taken or not _generic(tok) or _negated(tok):
            continue
        if tok.lemma_ in _LIGHT_VERBS and any(c.i in taken for c in tok.children):
            continue
        tns = tense(tok)
        if tns not in ("past", "perfect", "future") or not _has_subject(tok) or (
                sayer := reporting_verb(tok)) is None:
            continue
        if _in_quotes(tok, quotes) and (tns != "future" or _in_quotes(sayer, quotes)):
            continue  # a quote's own pasts are the speaker's account, not what the report tells happened
        if tok.lemma_.lower() in _HELD or (tok.lemma_.lower() in _FELT and any(c.dep_ == "auxpass" for c in tok.children)):
            continue  # "said he lived in Maida Vale", "said he had long been bothered by": a state, not a happening
        if tns == "future" and (tok.lemma_.lower() in _FUTURE_STATES or _told_price(tok) or _none_of(tok)):
            continue  # "said the watch will start at $349", "confirmed that no such panel will take place"
        out.append(_Trig(i, OCCURRENCE, reported=True))
    return out


def _in_quotes(tok: Any, quotes: Sequence[tuple[int, int]]) -> bool:
    """The token lies inside one of ``quotes`` (:func:`_quote_spans`)."""
    return any(qs <= tok.idx < qe for qs, qe in quotes)


def _told_price(v: Any) -> bool:
    """The verb's own complements hold an amount of money ("will start at $349", "will sell for $10"):
    it tells a price, not a happening."""
    for c in v.children:
        for t in (c, *(g for g in c.children if g.dep_ == "pobj")) if c.dep_ == "prep" else (c,):
            if t.ent_type_ == "MONEY" or any(g.text in ("$", "€", "£") for g in t.subtree):
                return True
    return False


def _none_of(v: Any) -> bool:
    """The verb's subject is "no" one ("no such panel will take place"): nothing of that kind happens."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
               for c in v.children)


def _joined_generics(doc: Any, trigs: list[_Trig], quotes: Sequence[tuple[int, int]],
                     among: Sequence[_Trig] | None = None) -> list[_Trig]:
    """Happenings outside the lexicon that an event of the sentence is done for or by: its purpose
    clause ("Jobs returned to the stage to reveal iCloud") or its means ("started by hinting at the
    incident"), outside quotes. The event's doer does them, at its time: they are dated by the
    fallback as the other occurrences told with no expression of their own (:func:`_told_generics`).
    A purpose clause is an infinitive (``to`` as its marker) hanging on the event as an adverbial
    clause; a means is the gerund after its ``by``; what a happening noun is a step to is its
    infinitive ("made the decision to proceed", "an agreement to sell"). Its sequel, a participle clause an
    adverb places after it ("took six months off in early 2009, later revealing he had undergone a liver
    transplant"), is done by its doer too, at a time the text does not give: undated, as what a report
    tells happened is (``reported``), not at the event's expression (measured at times.v60: SemEval trial
    17677's "revealing", gold undated, stage anchored 0.7143->0.7194; FNC-1 bodies 0-800 unchanged). Only the events' own
    dependents are read, of those of ``among`` when it is given.
    """
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for tr in trigs if among is None else among:
        tok = doc[tr.i]
        for c in tok.children:
            sequel = c.dep_ == "advcl" and c.tag_ == "VBG" and any(
                g.dep_ == "advmod" and g.lower_ in _SEQUEL for g in c.children)
            if sequel:
                verbs = [c]
            elif c.dep_ == "advcl" or (c.dep_ == "acl" and tok.pos_ == "NOUN"):
                v = c if c.tag_ == "VB" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) else None
                verbs = [v] if v is not None else []
            elif c.dep_ == "prep" and c.lower_ == "by":
                v = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                # means joined to the means: "by walking onto the stage and taking the iPhone out"
                verbs = [] if v is None else [v, *(g for g in v.children if g.dep_ == "conj" and g.tag_ == "VBG")]
            else:
                continue
            for v in verbs:
                if v.i in taken or v.pos_ != "VERB" or v.lemma_.lower() in _STATIVE or not v.lemma_.isalpha() \
                        or _negated(v):
                    continue
                if v.lemma_ in _LIGHT_VERBS and any(g.i in taken for g in v.children):
                    continue
                if _in_quotes(v, quotes):
                    continue
                taken.add(v.i)
                out.append(_Trig(v.i, OCCURRENCE, reported=sequel))
        for v in _there_and_then(tok):
            if v.i in taken or _in_quotes(v, quotes):
                continue
            t = _Trig(v.i, OCCURRENCE)
            if tr.time is not None:
                t.time, t.inherited = tr.time, True
            elif tense_reading(v, False) != tense_reading(tok, False):
                continue  # dated by its tense only when the event it is told at is dated so too
            taken.add(v.i)
            out.append(t)
    return out


# adverbs placing a participle clause after the event it hangs on ("later revealing", "subsequently joining")
_SEQUEL = _MOVED_ON - {"after"}


# units a count before "after"/"before" measures ("five years after its launch"), with the precision
# of a date so far from another
_COUNT_UNITS = {"year": "year", "month": "month", "week": "day", "day": "day"}


def _counted_from(doc: Any, events: Sequence[Event], trigger_at: Sequence[int]) -> dict[int, Event]:
    """Events a count of time parts ("Five years after its launch, the store in February passed
    Wal-Mart", "Two weeks after the attack, the army withdrew on March 3"): what the count is after or
    before is that count away from the event of the clause, not at its time — its attachment along the
    tree gave it the clause's expression ("the attack" on March 3). It is dated by the clause's event
    moved back (after) or ahead (before) by the count, at the unit's precision when that date is as
    precise ("launch" 2003 from February 2008), and undated when the count is vague ("years after") or
    finer than that date. When it is the one with an expression of its own ("Three days before the
    election on Sunday, the president resigned"), the clause's event, which inherited that expression,
    is the one moved (the resignation on Thursday). Index of the event -> the event redated."""
    at = {i: k for k, i in enumerate(trigger_at)}
    out: dict[int, Event] = {}
    for k, i in enumerate(trigger_at):
        tok = doc[i]
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("after", "before") or prep.head.i not in at:
            continue
        unit = next((c for c in prep.children if c.dep_ == "npadvmod" and c.lemma_.lower() in _COUNT_UNITS), None)
        if unit is None:
            continue
        u = unit.lemma_.lower()
        count = next((c.lower_ for c in unit.children if c.dep_ in ("nummod", "det")), "")
        n = int(count) if count.isdigit() else _NUMBERS.get(count)  # as temporal reads "two weeks ago"
        sign = -1 if prep.lower_ == "after" else 1
        ev, b = events[k], at[prep.head.i]
        own = ev.time is not None and tok.left_edge.idx <= ev.time.start < tok.right_edge.idx + len(tok.right_edge)
        if own:
            # "after the attack on March 1": the attack's day; the clause's event is the one counted from it
            if events[b].time is not ev.time:
                continue
            k, sign, frm = b, -sign, ev
        else:
            frm = events[b]
        value = _moved(frm.date, frm.precision, sign * n, u) if n is not None else None
        rule = "inherited" if value is not None else "none"
        out[k] = dataclasses.replace(events[k], time=frm.time if value is not None else None, date=value,
                                     precision=_COUNT_UNITS[u] if value is not None else "vague",
                                     confidence=DATING_CONFIDENCE[rule])
    return out


def _moved(value: str | None, precision: str, n: int, unit: str) -> str | None:
    """The date ``value`` (of ``precision``) moved by ``n`` units (year, month, week, day), at the unit's
    precision; None when the date is not as precise as the unit (a month moved by days)."""
    prec = _COUNT_UNITS[unit]
    if value is None or precision not in ("year", "month", "day") or _RANK[precision] > _RANK[prec]:
        return None
    start = value_range(value)[0]
    if unit == "year":
        return f"{start.year + n:04d}"
    if unit == "month":
        y, mo = _add_months(start, n)
        return f"{y:04d}-{mo:02d}"
    return (start + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()


# prepositions placing a happening over a span of its own ("for years", "since 2001", "until last week")
_SPAN_PREPS = frozenset({"for", "since", "until", "throughout", "over"})


def _revealed_at(doc: Any, tok: Any, trigs: Sequence[_Trig]) -> TimeExpr | None:
    """The time of the event a sequel telling explains, for the pluperfect it reports ("He took six months
    off in early 2009, later revealing he had undergone a liver transplant"): the telling came after the
    event (:func:`_joined_generics`), what it reveals had happened before it, and is read as what the event
    was for or about; it is at the event's own expression. Nothing checks what it is about: a pluperfect
    placed by words of its own ("later revealing he had taken bribes for years", "since 2001") has a
    time of its own, and is left undated, as is one whose telling is no sequel of a dated event of the
    sentence. Measured at times.v107: SemEval trial 17677's "undergone" (gold 2009); all FNC-1 bodies hold
    two sequel tellings ("later admitting he used", "later claiming he had seen"), neither of a dated event."""
    rv = reporting_verb(tok)
    if rv is None or rv.dep_ != "advcl" or rv.tag_ != "VBG" or not any(
            g.dep_ == "advmod" and g.lower_ in _SEQUEL for g in rv.children):
        return None
    v = clause_verb(tok)
    if v is None or not any(c.dep_ == "aux" and c.lower_ == "had" for c in v.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ in _SPAN_PREPS or c.ent_type_ in ("DATE", "TIME")
           or any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree) for c in v.children
           if c.dep_ not in ("ccomp", "xcomp", "advcl", "conj")):
        return None  # "he had taken bribes for years": placed by its own words, not at the event's time
    return next((t.time for t in trigs if t.i == rv.head.i and t.time is not None), None)


# gatherings: what happens "where" one is held happens at it
_GATHERINGS = frozenset({"conference", "event", "ceremony", "convention", "funeral", "hearing", "gathering"})


def _there_and_then(tok: Any) -> list[Any]:
    """Simple pasts of a relative clause on "when" or "where" hanging on the event's own noun or on
    its object or the object of its preposition: they happened at the event's time ("since December
    2004, when he replaced Tom Brokaw") or at the happening it names as a place ("announced the iPhone
    3G at a conference, where he promoted it", "an interview where he discussed"), not at a place's
    past ("visited the neighbourhood where Baghdadi spent his early years", "the firm where he
    worked"). With a subject of their own, telling no state, not negated."""
    nouns = [tok] if tok.pos_ == "NOUN" else []
    for c in tok.children:
        if c.dep_ == "dobj":
            nouns.append(c)
        elif c.dep_ == "prep":
            nouns += [g for g in c.children if g.dep_ == "pobj"]
    out = []
    for n in nouns:
        lemma = n.lemma_.lower()
        happening = lemma in _NOUN_TRIGGERS or lemma in _GATHERINGS or _happening_noun(lemma)
        for v in n.children:
            if v.dep_ != "relcl" or v.tag_ != "VBD" or not _generic(v) or _negated(v):
                continue
            rel = next((g.lower_ for g in v.children if g.dep_ == "advmod" and g.lower_ in ("when", "where")), None)
            if (rel == "when" or (rel == "where" and happening)) and any(g.dep_ == "nsubj" for g in v.children):
                out.append(v)
    return out


def _past_for_future(tok: Any, tx: TimeExpr, anchor: date | None) -> bool:
    """A future ("will respond") tied to a time wholly before publication, or to any time when the
    article has no date to tell (its "on Monday" may be the day of what is told before)."""
    if tense(tok) != "future":
        return False
    return anchor is None or tx.value is None or value_range(tx.value)[1] < anchor


# verbs of a prospect: what they take as an infinitive may never happen, and not at their time ("In mid-2014,
# many analysts expected Apple to use sapphire glass on the iPhone 6, but that didn't happen": FNC-1 body 287)
_PROSPECTS = frozenset({"expect", "hope", "want", "wish", "plan", "intend", "aim", "seek", "need", "like", "hate",
                        "love", "prefer", "await"})


def _prospect_dated_outside(doc: Any, tok: Any, tx: TimeExpr) -> bool:
    """``tok`` is the infinitive a verb of a prospect takes (:data:`_PROSPECTS`; "expected to use", "expected
    Apple to use") and ``tx`` lies outside
    its phrase: the time the prospect was held, not when what it looks to would happen ("expected in mid-2014
    to use sapphire"; "plans to release the watch in April" keeps its April)."""
    if tok.tag_ != "VB" or tok.dep_ not in ("xcomp", "ccomp") or tok.head.lemma_.lower() not in _PROSPECTS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    lo, hi = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)
    return not (lo <= tx.start and tx.end <= hi)


# verbs of foretelling: what they take is to come, and an expression after it is its time
_FORETELLING = frozenset({"forecast", "predict", "project", "foresee", "anticipate", "prophesy", "foretell"})


# what a foretelling is told in: a time past it is the telling's ("predicted a recession in a note to clients
# on Monday")
_TELLINGS = _WRITINGS | {"report", "statement", "interview", "speech", "briefing", "research", "study", "forecast"}


def _foretold_time(tok: Any, tx: TimeExpr) -> bool:
    """``tok`` foretells (:data:`_FORETELLING`) and ``tx`` comes after the start of what it foretells (its
    object or clause) and before any writing or talk it is told in (:data:`_TELLINGS`): the time of what is
    foretold, not of the foretelling ("a fake news story claiming that Nasa has forecast a total blackout of
    earth for six days in December", FNC-1 body 154, was a forecast of December 2013; "In December, Gene
    Munster projected unit sales of 8 million for 2015" keeps its December, and "predicted a recession in a
    note to clients on Monday" its Monday)."""
    if tok.lemma_.lower() not in _FORETELLING:
        return False
    told = [c.left_edge.i for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass")
            and c.left_edge.i > tok.i]
    if not told or tx.start <= tok.doc[min(told)].idx:
        return False
    return not any(t.dep_ == "prep" and t.lower_ in ("in", "during") and t.idx < tx.start and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _TELLINGS for g in t.children) for t in tok.doc[min(told):tok.sent.end])


# "missing since August 2013", "until June": an expression bounding a state does not date a happening
_BOUNDS = frozenset({"since", "until", "till", "before", "after", "by"})
# the bounds that date nothing they bound: "to leave U.S. forces in the country after 2011", "held until June"
# ("since 2004" dates a state begun then, "by June" a sum reached then)
_LIMITS = frozenset({"until", "till", "before", "after"})
_SINCE = frozenset({"since"})


def _limiting(doc: Any, tx: TimeExpr) -> bool:
    """``tx`` is a limit (:data:`_LIMITS`) of what it is tied to, and dates nothing of its sentence: "to leave
    U.S. forces in the country after 2011" (FNC-1 body 34) was an agreement of 2011, "did not confirm that
    Godane had been killed until Friday" (body 226, the parse hanging "until Friday" on "killed") his
    killing's Friday. A negated verb "until" a time happened then: "proceedings were not begun until 2007"."""
    toks = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return False
    root = toks.root
    # the bound's own object ("after 2011"), not a noun's in it ("a week after the 26 September attack")
    bound = root if root.lower_ in _LIMITS else root.head if root.dep_ == "pobj" else None
    if bound is None or bound.lower_ not in _LIMITS:
        return False
    return not (bound.lower_ in ("until", "till") and _negated(bound.head))


def _bounding(doc: Any, tx: TimeExpr, words: frozenset[str] = _BOUNDS) -> bool:
    """``tx`` is a bound ("since 2011", "until June": one of ``words`` opens it or comes right before
    it), not the time of what it is tied to."""
    toks = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return False
    first = toks[0]
    return first.lower_ in words or (first.i > 0 and doc[first.i - 1].lower_ in words)


def _modifies(a: Any, b: Any) -> bool:
    """``a`` directly modifies ``b``: "killed [in an airstrike]", "[bombing] raid", "attack [that killed]"."""
    if a.dep_ == "pobj" and a.head.head.i == b.i:
        return True
    if a.head.i == b.i and a.dep_ in ("nsubj", "nsubjpass") and a.pos_ == "NOUN":
        return True  # "an Israeli airstrike killed ..."
    return a.head.i == b.i and a.dep_ in ("compound", "nmod", "acl", "npadvmod")


# verbs whose object does what the infinitive after it tells ("asked him to demonstrate", "prompting
# Apple Corps to file suit", "could encourage other content providers to introduce similar offerings")
_OBJECT_CONTROL = frozenset({"ask", "tell", "urge", "force", "allow", "permit", "persuade", "prompt", "order",
                             "encourage", "invite", "require", "convince", "commission", "enable", "cause",
                             "instruct", "advise", "pressure", "compel", "oblige", "authorize", "forbid", "inspire",
                             "get", "want", "expect"})


def _shared_subject(v: Any) -> Any:
    """The doer a verb without a subject of its own shares with the verb it hangs on: a verb joined
    to another ("Jobs welcomed everyone and announced"), an infinitive or a participle it governs
    ("Jobs moved on to talk about", "hinting at the incident, saying"), or a gerund after its "by"
    ("started by hinting"); the active subject of that verb, climbing joined verbs, else None. An
    infinitive after an object is the object's ("prompting Apple Corps to file suit")."""
    for _ in range(4):
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in v.children):
            return None
        came_as = v.dep_
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.lower_ == "by":
            v = v.head.head
        elif v.dep_ == "conj" or v.dep_ == "xcomp" or (v.dep_ == "advcl" and (
                v.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))):
            v = v.head
        else:
            return None
        if v.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return None
        if came_as == "xcomp" and v.lemma_ in _OBJECT_CONTROL and \
                (obj := next((c for c in v.children if c.dep_ == "dobj"), None)) is not None:
            # an infinitive after the object of a verb of asking or causing is its object's doing
            # ("prompting Apple Corps to file suit", "asked Williams to stop telling the story"); after
            # other verbs it tells a purpose, the subject's ("had surgery to treat fractures", "used
            # suicide bombers to kill")
            return None if obj.lower_ in ("which", "that", "who") else obj
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return None if subj.lower_ in ("which", "that", "who") else subj
    return None


def _roles(doc: Any, tok: Any, label: str) -> dict[str, Any]:
    """Agent and patient tokens of a trigger, from its dependents."""
    agent = patient = None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    for c in tok.children:
        d = c.dep_
        if d in ("nsubj", "nsubjpass"):
            c = _relative_head(tok, c)
        if d == "nsubj" and not passive:
            agent = agent or c
        elif d == "nsubjpass" or d == "dobj":
            patient = patient or c
        elif d == "agent":
            agent = agent or next((g for g in c.children if g.dep_ == "pobj"), None)
        elif d == "poss" or d in ("compound", "amod") and (c.ent_type_ in _NAME_LABELS or c.pos_ == "PROPN"):
            if label == "killing":
                patient = patient or c
            else:
                agent = agent or c
        elif d == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            p = c.lower_
            if p == "of":
                if label in ("killing", "attack", "arrest", "abduction", "injury"):
                    patient = patient or obj
                else:
                    agent = agent or obj
            elif p == "by" or p == "from" and tok.pos_ != "VERB":
                # "a statement from the ministry"; a verb's "from" is where ("a soldier speaking from Derik")
                agent = agent or obj
            elif p in ("on", "against") and obj.ent_type_ in _NAME_LABELS:
                patient = patient or obj
    if agent is None and not passive and tok.pos_ == "VERB":
        agent = _shared_subject(tok)
    if agent is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        agent = tok.head  # "a former U.S. Army soldier speaking from Derik, Syria" (FNC-1 body 352): he speaks
    stood = (tok.head.i, tok.head.head.i) if tok.head.dep_ == "appos" else (tok.head.i,)
    if tok.dep_ in ("acl", "relcl") and tok.pos_ == "VERB" and patient is None and (agent is None or agent.i not in stood):
        # "Moussavi, killed in the Israeli bombing"; not "Bary, who went" nor "Olsen, a 48-year-old who
        # played": the doer (:func:`_relative_head`)
        patient = tok.head
    if label in _VICTIM_CLASSES and tok.dep_ == "advcl" and tok.tag_ == "VBN" and patient is None and agent is None:
        # a participle clause with no subject of its own tells of the subject of the clause it
        # modifies: "Born in 1971, al-Baghdadi comes from ...", "Arrested in 2004, he spent ..."
        # ("Captured on a helmet camera, the video shows": a thing, not a victim — names and
        # personal pronouns only)
        patient = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and (
            c.ent_type_ in _NAME_LABELS or c.pos_ == "PROPN" or c.tag_ == "PRP")), None)
    if tok.pos_ == "NOUN" and agent is None:
        # "the attacks carried out by Hamas", "a bombing carried out ... by the United States"
        verbs = [c for c in tok.children if c.dep_ == "acl" and c.lemma_ in _LIGHT_VERBS]
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head.lemma_ in _LIGHT_VERBS:
            verbs.append(tok.head)
        for v in verbs:
            for c in v.children:
                if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    agent = agent or next((g for g in c.children if g.dep_ == "pobj"), None)
                elif c.dep_ == "nsubj" and v is tok.head and tok.dep_ == "dobj":
                    agent = agent or c
        if agent is None and label not in _HARMS:
            agent = _holder(tok)
    if tok.pos_ == "NOUN" and (given := _granted_to(tok)) is not None:
        agent = given  # the one granted it ("granted me a medical leave of absence"), not what it is "of"
    return {"agent": agent, "patient": patient}


def _relative_head(verb: Any, subj: Any) -> Any:
    """The one a relative clause's pronoun subject stands for: "Danny Boyle, who won an Oscar in
    2008", "Sotloff, who was kidnapped in August 2013", "Al-Shabab, which attacked the mall" are
    Boyle's winning, Sotloff's kidnapping, Al-Shabab's attack (FNC-1 bodies), not nobody's (a "who"
    is no name, and the names of the clause are what was won or where). "who" stands for the noun
    the clause hangs on, whatever it is ("a man who was killed"); "which" and "that" only for the
    name of a doer (:data:`_DOER_LABELS`), as they stand as often for a thing, whose phrase's
    names are not the doer ("the Westgate Mall massacre ... that killed 67 people", "the attack on
    the Westgate Mall in Nairobi, which killed 67 people"). A noun set beside another ("Olsen, a
    48-year-old who last played on the Tour in 2011", FNC-1 body 147: the age's "old" played) stands
    for the one it is set beside, a name for itself ("Another man, Joseph Miller, who claimed").
    Any other subject is itself."""
    if verb.dep_ != "relcl" or subj.tag_ not in ("WP", "WDT"):
        return subj
    if any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return subj  # "a woman who ISIS had claimed to have abducted": the pronoun is what the subject did to
    head = verb.head
    if subj.tag_ == "WP" and subj.lower_ in ("who", "whom") or head.ent_type_ in _DOER_LABELS:
        return head.head if head.dep_ == "appos" and head.ent_type_ not in ("PERSON", "ORG") else head
    return subj


# verbs whose object names the happening their subject does or is in ("Jobs extended an invitation",
# "he has taken medical leave", "Apple gave a demonstration", "the board held a meeting"), themselves no
# happening ("filed a suit", "announced the launch": the verb is the stage's event, and holds its subject)
_SUPPORT_VERBS = frozenset({"take", "extend", "give", "hold", "have", "make", "begin", "start", "deliver", "pay",
                            "lead", "place"})
# verbs of a state a happening's noun after "on", "in" or "from" names ("he would be on medical
# leave", "went on strike", "remain in talks", "returned from leave")
_STATE_VERBS = frozenset({"be", "go", "remain", "stay", "return", "come"})
# classes whose participants are a doer and a victim: the subject beside them is as often either
_HARMS = _VICTIM_CLASSES | {"attack"}


def _set_off_subject(verb: Any) -> Any:
    """The subject the parser hung on a participle set off by commas between it and its finite verb
    ("that Jobs, aged 55, has taken medical leave": 'Jobs' the subject of 'aged'), else None."""
    if not any(c.dep_ == "aux" for c in verb.children):
        return None  # a verb with no auxiliary may be a participle or an imperative, which have none
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.sent.start, verb.i - 12) - 1, -1):
        t = doc[i]
        part = t.head
        if t.dep_ == "nsubj" and part.tag_ in ("VBN", "VBG") and t.i < part.i < verb.i and \
                doc[part.i - 1].text == "," and not any(c.dep_ in ("aux", "auxpass") for c in part.children):
            return t
    return None


# verbs granting what their object names to the one their dative names ("granted me a medical leave",
# "awarded him a pardon"): that one holds it, the subject only allows it
_GRANTING = frozenset({"grant", "award", "allow", "permit"})


def _granted_to(tok: Any) -> Any:
    """The one a happening's noun is granted to, the dative of a verb of granting it is the object of
    ("the board of directors has granted me a medical leave of absence": "me", not the subject, nor
    the "absence" the leave is of): a name or a pronoun, else None."""
    if tok.dep_ != "dobj" or tok.head.lemma_ not in _GRANTING:
        return None
    return next((c for c in tok.head.children if c.dep_ == "dative" and c.pos_ in ("PRON", "PROPN")), None)


# verbs of a value moving: their subject is what moved (a market, a price, a share), no one telling
_MOVES = frozenset({"fall", "rise", "drop", "climb", "gain", "lose", "jump", "slide", "slip", "surge", "plunge",
                    "soar", "tumble", "sink", "dip", "rally", "rebound", "decline"})


def _holder(tok: Any) -> Any:
    """The subject of the clause a happening's noun is the object of a support verb in ("Jobs
    extended an invitation"), or the state of ("he would be on medical leave"): the one doing it
    or in it, and the subject of the clause a telling's noun is told in ("In an interview with NBC,
    Mr Obama said"). Only those frames: the subject of a verb of which the noun is any object is as
    often another party ("Israel condemned the attack", "Apple denied the report")."""
    if tok.dep_ == "dobj":
        verb = tok.head
        if verb_lemma(verb) not in _SUPPORT_VERBS or any(c.dep_ == "dative" for c in verb.children):
            return None  # "granted me a leave", "gave him an award": the one given it is not the subject
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and tok.head.dep_ == "prep" and \
            _NOUN_TRIGGERS.get(tok.lemma_.lower()) in SPEECH_CLASSES:
        # a telling's noun the clause tells in ("In an interview with NBC, Mr Obama said", "said during an
        # interview on Fox News"): its speaker is the clause's subject, when one may speak (not "his caliphate
        # was expanding ... in the speech", the parse hanging the phrase on the said clause's verb)
        verb = tok.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and verb_lemma(verb) in _MOVES and not (
                subj.ent_type_ == "PERSON" or _person_like(subj) or subj.lower_ in ("he", "she", "i", "we", "they")):
            return None  # "During the speech on Monday, the Dow fell 200 points": what moved, no speaker
        if subj is None or not (subj.ent_type_ in _DOER_LABELS or subj.pos_ in ("PRON", "PROPN")
                                or _person_like(subj) or subj.lemma_.lower() in _SAYERS):
            return None
    elif tok.dep_ == "pobj" and tok.head.lower_ in ("on", "in", "from") and tok.head.dep_ == "prep":
        verb = tok.head.head
        if verb_lemma(verb) not in _STATE_VERBS or (tok.head.lower_ == "from") != (verb.lemma_ in ("return", "come")):
            return None
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        # a verb joined to another, or one it governs ("Jobs moved on to give a demonstration"), has
        # its subject; an infinitive of purpose is as often another's ("turned the case over to the
        # coroner's office to make a final ruling")
        if verb.dep_ in ("conj", "xcomp"):
            return _shared_subject(verb)
        subj = _set_off_subject(verb)
        if subj is None:
            return None
    return None if subj.lower_ in ("which", "that", "who", "it", "this", "there") else subj


def _local(doc: Any, tok: Any, depth: int = 4) -> set[int]:
    """Token ids in the trigger's own phrase: its dependents, not crossing clauses or appositions.

    Each child's label is read once, and the tokens at the depth limit are taken without being
    opened (their children are not looked at): each ``Token`` spaCy hands out is built anew."""
    seen = {tok.i}
    frontier = [tok] if depth > 0 else []
    level = [0]
    while frontier:
        t = frontier.pop()
        d = level.pop() + 1
        for c in t.children:
            dep = c.dep_
            if dep in _CLAUSAL or dep == "appos" or dep == "punct":
                continue
            if dep == "prep" and c.lower_ in ("according", "via"):
                continue  # the relaying source is not a participant
            i = c.i
            if i in seen:
                continue
            seen.add(i)
            if d < depth:
                frontier.append(c)
                level.append(d)
    return seen


def _mention_at(names: Sequence[Span], tok: Any) -> Span | None:
    for m in names:
        if m.start <= tok.idx < m.end:
            return m
    return None


def _antecedent(names: Sequence[Span], tok: Any, doc: Any, text: str) -> Span | None:
    """The preceding name a pronoun most likely stands for: a recent subject first, persons first.
    A definite noun stands for the name before it that ends in that noun ("the iTunes Music Store
    ... The store currently sells", "the High Court ... the court ruled").

    "He" and "she" stand for persons only (:data:`_PRONOUNS`): the nearest organisation is no "he"
    ("after she sneezed" was done by Cumbria Police, "'He injured his ankle,' the source told Reuters"
    by the agency, "The AFP news agency reports that he makes unannounced visits" by AFP, FNC-1 body
    225). Their person is looked for further back (:data:`_PERSON_REACH`) when none is near, as a
    report tells of the one it follows as "she" for paragraphs on end, but not past a speaker named
    by no name (:func:`_unnamed_speaker`); a possessive's is not ("Following his statement he beheads
    the kneeling man": no person named far back is the one of "his"). A name quoted where the pronoun
    is not is the quoted speaker's, not the pronoun's ("'The murder of martyr Moussavi is a crime,' he
    stressed": not Moussavi; "'We have confirmed that Ahmed Godane has been killed,' Kirby said. He
    called the death ...").

    "They" stands for a group, an organisation, a place's government or a people, not one person named
    before ("Forensic audio expert Paul Ginsberg analyzed the recording ... 'it's how they're fired'"),
    and only for one a clause tells as its subject: the name last before it otherwise is as often a
    place or an outlet the report mentions on the way ("Witnesses in Ottawa said they heard shots",
    "told Business Insider ... they started telling their friends"), and the group it stands for is
    one the report names by a noun ("the teachers", "A team of Russians").

    A subject "it" after a sentence about a named thing (:func:`_subject_before`) stands for that thing: the
    organisation its name holds, else none of the names told on the way ("the company's Worldwide Developer's
    Conference" is not the iPhone 4 that "It is slated" goes on about), unless that sentence tells a named
    speaker's saying (:func:`_named_sayer`).

    A dummy "it" (:func:`_dummy_it`: "It was widely reported that he became ill") and, outside quotes,
    the newsroom's "we" ("We've seen online reports": the report's own voice, the "we" whose plans
    :func:`_writers_own` takes for no news) stand for no one: the name last told before them is no
    party of theirs."""
    if tok.pos_ == "NOUN":
        return _named_as(names, tok, text)
    if tok.lower_ in _FIRST_PERSON:
        return _writer(names, tok, doc, text)
    labels = _PRONOUNS.get(tok.lower_)
    if not labels:
        return None
    # names in parentheses are credits and glosses ("(WANA/Reuters)"), not antecedents, nor are names
    # quoted where the pronoun is not; a quoted pronoun is no speaker's own ("'He limped,' the source
    # said": the speaker would say "I"), so no speaker bounds how far back its person is looked for
    spans = _quote_spans(text)
    quotes = [q for q in spans if not q[0] <= tok.idx < q[1]]
    quoted = len(quotes) < len(spans)
    if tok.lower_ == "we" and not quoted or tok.lower_ == "it" and _dummy_it(tok):
        return None
    if tok.lower_ == "it" and (subj := _subject_before(tok)) is not None and not any(
            tok.sent.start_char <= m.start < tok.idx for m in names) and not _named_sayer(names, subj.sent, labels):
        # (a name before it in its own sentence is its nearer antecedent: "when the incident was reported the next
        # day by the New York Daily News it stated", FNC-1 body 110, is not the sentence before's NBC)
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
        held = [m for m in names if m.start < hi and m.end > lo]
        if not held:
            return None  # the thing the sentence before is about, named by no mention ("iPhone 4")
        if own := [m for m in held if m.label in labels]:
            # the name the subject's head word is in ("US website National Report": the website, not the US)
            return next((m for m in own if m.start <= subj.idx < m.end), own[0])
    before: list[Span] = []
    for reach in (_NAME_REACH, _PERSON_REACH) if tok.lower_ in ("he", "she") else (_NAME_REACH,):
        lo = tok.idx - reach if reach == _NAME_REACH or quoted else _unnamed_speaker(doc, tok, reach)
        before = [m for m in names if m.end <= tok.idx and m.end > lo and m.label in labels
                  and not (text[m.start - 1 : m.start] == "(" or text[m.end : m.end + 1] == ")")
                  and not any(qs <= m.start < qe for qs, qe in quotes)]
        if before:
            break
    if not before:
        return None

    def subject(m: Span) -> bool:
        sp = doc.char_span(m.start, m.end, alignment_mode="expand")
        return sp is not None and len(sp) > 0 and sp.root.dep_ in ("nsubj", "nsubjpass", "ROOT")

    para_start = text.rfind("\n\n", 0, tok.idx)
    before = [m for m in before if m.start > para_start] or before
    for lab in labels:
        subj = [m for m in before if m.label == lab and subject(m)]
        if subj:
            return subj[-1]
    return None if tok.lower_ in ("they", "their") else before[-1]


def _subject_before(tok: Any) -> Any | None:
    """For a subject "it" opening its clause, the subject of the sentence before when that is a name (a proper
    noun) and the sentence's root has it: "it" goes on about what that sentence is about ("The newest iPhone,
    iPhone 4 was introduced by Apple CEO Steve Jobs at the company's Worldwide Developer's Conference. It is
    slated for a U.S. release": the phone, not the conference, the organisation last named before it; SemEval
    trial 16900). A subject the sentence before names by a common noun or a pronoun tells nothing of it."""
    sent = tok.sent
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i != sent.root.i or sent.start == 0:
        return None
    prev = tok.doc[sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.pos_ == "PROPN" else None


def _named_sayer(names: Sequence[Span], sent: Any, labels: Sequence[str]) -> bool:
    """The sentence ``sent`` has a saying verb whose subject a name of ``labels`` holds ("Ebola has killed 700
    people in Liberia, the World Health Organization said on Monday. It said the outbreak was still spreading"):
    a subject "it" after it goes on with that speaker's telling as often as with the thing told of, so the
    sentence's subject (:func:`_subject_before`) tells nothing of it and "it" takes the name last told, as
    any other "it" does."""
    for t in sent:
        if t.pos_ != "VERB" or _VERB_TRIGGERS.get(t.lemma_.lower()) not in SPEECH_CLASSES:
            continue
        for c in t.children:
            if c.dep_ == "nsubj" and any(m.start <= c.idx < m.end and m.label in labels for m in names):
                return True
    return False


def _dummy_it(tok: Any) -> bool:
    """An "it" that stands for nothing, holding a subject's place for a clause after its verb: the passive
    subject of a verb taking a clause ("It was widely reported that he became ill", "it is claimed that";
    not "It's said to cut power", whose "it" is the feature said to), "it took" a span of time or an effort
    to do something ("It took the Pentagon four days to determine"; not "it took steps to protect users",
    whose "it" took the steps) and "it turned out" that something was so (not "it turned out 5,000 cars",
    whose "it" made them)."""
    v = tok.head
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "ccomp" for c in v.children) and not any(c.dep_ == "xcomp" for c in v.children)
    if tok.dep_ != "nsubj":
        return False
    lemma = v.lemma_.lower()
    if lemma == "take":
        measures = [c for c in v.children if _taken_measure(c)]
        # the parse often hangs the infinitive on the effort's noun ("a lot of effort to find", "much effort to")
        done = [c for c in v.children if c.dep_ in ("xcomp", "advcl")] + [
            g for m in measures for g in m.subtree if g.dep_ == "acl"]
        return bool(measures) and any(any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in done)
    return lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children) \
        and any(c.dep_ == "ccomp" for c in v.children)


# what "it takes" to do something when the "it" is no one: time, effort, money ("It took a while to find",
# "it takes courage to")
_MEASURES = frozenset({"time", "while", "effort", "work", "courage", "patience", "money", "minute", "hour", "day",
                       "week", "month", "year", "decade"})


# words of an amount only, whose measure is the noun after "of" ("a lot of time"; "a lot of steps" is things)
_AMOUNTS = frozenset({"lot", "much"})


def _taken_measure(c: Any) -> bool:
    """``c``, a word hanging on "take", is the span of time, the effort or the sum it takes ("four days",
    "years of work", "$5 million", "a lot of time", "much of the year"). An amount (:data:`_AMOUNTS`) is
    one when nothing follows it ("it took a lot to") or its "of" names one: "it took a lot of steps to
    protect users" tells what the "it" did."""
    if c.dep_ not in ("dobj", "npadvmod"):
        return False
    if c.lemma_.lower() in _AMOUNTS:
        of = [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return not of or any(_measure(g) for g in of)
    return _measure(c)


def _measure(c: Any) -> bool:
    """``c`` names a span of time, an effort or a sum (:data:`_MEASURES`, a date, a time, money or a figure)."""
    return c.ent_type_ in ("DATE", "TIME", "MONEY") or c.tag_ == "CD" or c.lemma_.lower() in _MEASURES


def _unnamed_speaker(doc: Any, tok: Any, reach: int) -> int:
    """Where the names a pronoun may stand for from ``reach`` characters back start: after the last
    speaker before it named by no name ("The spokesperson noted ... / '...,' he stressed": he is the
    spokesperson, not a person named before), else ``reach`` back."""
    lo = tok.idx - reach
    for sent in _sentences_back(doc, tok):
        if sent.end_char <= lo:
            break
        for w in sent:
            if w.i < tok.i and w.idx > lo and w.dep_ == "nsubj" and w.pos_ == "NOUN" \
                    and _VERB_TRIGGERS.get(w.head.lemma_.lower()) in SPEECH_CLASSES:
                lo = w.idx
    return lo


@lru_cache(maxsize=4)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The quoted stretches of ``text`` (:data:`_QUOTE_RX`), found once for its events and pronouns."""
    return tuple(m.span() for m in _QUOTE_RX.finditer(text))


# the writer's first person in a writing the report gives (:data:`_WRITINGS`)
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})


def _writer(names: Sequence[Span], tok: Any, doc: Any, text: str) -> Span | None:
    """Whom a first-person pronoun stands for in a person's writing the report gives: the person
    a writing noun before it names as its writer, by a possessive or "from"/"by" ("Apple released
    the text of Jobs's email, which reads: Team, At my request, the board of directors has granted
    me a medical leave": "me" is Jobs), in its sentence or one of the sentences before it when none
    between names the writer again (a report telling of him in the third person is out of his text).
    None in the report's own voice or a quote of a speaker not named so."""
    back = list(_sentences_back(doc, tok))
    for k, sent in enumerate(back):
        hi = tok.i if k == 0 else sent.end
        for w in reversed(doc[sent.start : hi]):
            if w.lower_ not in _WRITINGS or w.pos_ != "NOUN":
                continue
            by = [c for c in w.children if c.dep_ == "poss"] + [
                g for c in w.children if c.dep_ == "prep" and c.lower_ in ("from", "by") for g in c.children
                if g.dep_ == "pobj"]
            for b in by:
                m = _mention_at(names, b)
                if m is None or m.label != "PERSON":
                    continue
                words = set(text[m.start : m.end].lower().split())
                lo, hi_char = sent.end_char, tok.sent.start_char
                if any(lo <= n.start < hi_char and words & set(text[n.start : n.end].lower().split())
                       for n in names if n.label == "PERSON"):
                    return None  # the report names the writer again between: its own voice
                return m
    return None


def _sentences_back(doc: Any, tok: Any, limit: int = 8) -> Iterator[Any]:
    """The token's sentence and up to ``limit`` sentences before it, nearest first."""
    sent = tok.sent
    for _ in range(limit + 1):
        yield sent
        if sent.start == 0:
            return
        sent = doc[sent.start - 1].sent


def _named_as(names: Sequence[Span], tok: Any, text: str) -> Span | None:
    """The name a definite noun ("the store", "this court") takes up: the last name before it, in
    its paragraph or the one before, of an organisation, place or thing whose last word is the noun
    (a name told as "the store" is the one whose kind the name itself says; a noun the name does not
    end in may be any of the story's parties)."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    word = tok.lower_
    brk = text.rfind("\n\n", 0, tok.idx)
    lo = text.rfind("\n\n", 0, brk) if brk > 0 else 0
    found = [m for m in names if lo <= m.start and m.end <= tok.idx and m.end - m.start > len(word)
             and m.label in ("ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT")
             and text[m.start : m.end].split()[-1].lower() == word]
    return max(found, key=lambda m: m.start, default=None)


class _ByStart:
    """A document's name mentions, with where to look for those holding a given offset."""

    def __init__(self, names: Sequence[Span]):
        self.names = names
        starts = [m.start for m in names]
        self._starts = starts if all(a <= b for a, b in pairwise(starts)) else None
        self._longest = max((m.end - m.start for m in names), default=0)

    def around(self, lo: int, hi: int) -> Sequence[Span]:
        """The mentions, in order, that may hold an offset from ``lo`` to ``hi``: all of them
        unless they are in text order."""
        if self._starts is None:
            return self.names
        return self.names[bisect_left(self._starts, lo - self._longest) : bisect_right(self._starts, hi)]


# the kin and the aides of one named in their phrase: "detained a wife and daughter of Islamic State leader Abu
# Bakr al-Baghdadi" (FNC-1 body 273) is their arrest, not his, and "the death of his son" the son's
_KIN = frozenset({"wife", "husband", "son", "daughter", "child", "mother", "father", "brother", "sister", "family",
                  "relative", "parent", "niece", "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter",
                  "grandfather", "grandmother", "widow", "fiancee", "girlfriend", "boyfriend", "friend", "aide",
                  "bodyguard", "driver", "lawyer", "associate", "companion"})


# prepositions whose object names some of those a plural victim's noun stands for ("four Americans, including
# Ambassador J. Christopher Stevens", "hostages like Alan Henning")
_AMONG_PREPS = frozenset({"including", "like"})


def _victim_offsets(r: Any) -> list[int]:
    """Where a victim's noun ("the leader of the al-Shabab terrorist group", "al-Shabab's top explosives
    expert", "an American journalist") may name whom it stands for, sorted: the name it is set beside
    ("Sami Hafez Al-Abdullah, an Albanian national killed in Syria"), its apposition ("the journalist,
    Steven Sotloff"), the ones it counts among ("four Americans, including Ambassador Stevens") and, for
    a count, what it counts ("dozens of Kurds"), each with whom that stands for in turn ("two members of
    the group, including an aide to ISIS leader Abu Bakr Al-Baghdadi": the aide, no name). Not its
    modifiers, possessor or "of" phrase: those name the group, the people or the place the victim belongs
    to, whose names are no victim's (FNC-1 bodies 77, 226: the ones U.S. strikes killed were the group's
    leader, its intelligence officer, its explosives expert, three killings that were one "al-Shabab
    killed"), nor its clauses ("six people killed in a U.S. airstrike near the al-Shabab stronghold"). A
    person the parse sets beside a name in the "of" phrase is it ("the head of the Quds Force, Qassem
    Soleimani": the parse hangs the apposition on "Force")."""
    offs = [r.head.idx] if r.dep_ == "appos" else []
    counts = r.pos_ == "NUM" or r.lower_ in _COUNTING
    for c in r.children:
        told = []
        if c.dep_ == "appos":
            told = [c]
        elif c.dep_ == "prep" and (c.lower_ in _AMONG_PREPS or c.lower_ == "of" and counts):
            told = [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ == "of":
            told = [a for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"
                    for a in g.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
        for t in told:
            offs.append(t.idx)
            offs.extend(o for o in _victim_offsets(t) if o != r.idx)
    return sorted(offs)


# nouns of telling whose "to" phrase names whom they are aimed at, a party of them ("a warning to Hamas"),
# not an outlet they are given to ("a statement to MailOnline", "comments to Fox")
_AIMED = frozenset({"warning", "threat", "ultimatum", "appeal", "challenge"})


def _participants(doc: Any, tok: Any, label: str, roles: dict[str, Any], mentions: _ByStart,
                  text: str, para: Paragraphs) -> list[Span]:
    """Names taking part: the patient (for killings, first) and agent, then others in the phrase.

    The passive subject of a saying is what is said of, no party to the saying: "Godane, who was born in
    1977 ..., was said to be a quiet boy", "Bary, 24, is said to have left home" (FNC-1 bodies 226, 34)
    were Godane's and Bary's sayings. A killing or a birth whose victim a noun tells and no name
    (:func:`_victim_offsets`) has no participant: its first would be taken for the victim."""
    local = _local(doc, tok)
    topic = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) if (
        label in SPEECH_CLASSES and tok.pos_ == "VERB") else None
    if topic is not None:
        local -= {t.i for t in topic.subtree}
    if label in SPEECH_CLASSES and tok.pos_ == "NOUN":
        # whom a telling's noun is told to, an outlet most often ("an interview with CNN", "a speech to
        # Congress", "an interview on Fox News"), is no party of it: the outlet two speakers' interviews are
        # with made them one (FNC-1 bodies 343, 271: "In an interview with Israel Radio ..., Rosenberg said")
        local -= {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "on", "to")
                  and not (c.lower_ == "to" and tok.lemma_.lower() in _AIMED)
                  for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "ORG" for t in g.subtree}
    idx = para.offsets()
    at = tok.idx

    # a mention holding the trigger itself ("the Oct. 7 Hamas attacks" as an EVENT) is the event, not a party
    def first(lo: int, hi: int, holds: Any) -> Span | None:
        """The first name, in order, holding an offset from ``lo`` to ``hi`` as ``holds`` asks."""
        return next((n for n in mentions.around(lo, hi) if not (n.start <= at < n.end) and holds(n)), None)

    out: list[Span] = []
    for role in ("patient", "agent"):
        r = roles.get(role)
        if r is None or topic is not None and r.i == topic.i:
            continue
        ri = r.idx
        m = first(ri, ri, lambda n, ri=ri: n.start <= ri < n.end)
        kin = role == "patient" and label in _VICTIM_CLASSES and r.lemma_.lower() in _KIN
        if kin and m is None:
            # ... but the one a kin noun is set beside: "the death of his father, longtime ruler Kim Jong-il"
            offs = sorted(t.idx for c in r.children if c.dep_ == "appos" for t in c.subtree)
            m = first(offs[0], offs[-1], lambda n, offs=offs: n.label == "PERSON" and _holds_any(n, offs)) if offs else None
        victim = role == "patient" and label in _VICTIM_CLASSES and not kin
        if victim and (m is None or m.label != "PERSON"):
            # "the death of the head of the Quds Force, Qassem Soleimani": the person is the victim
            # ... or the people it counts ("dozens of Kurds")
            offs = _victim_offsets(r)
            if offs:
                m = first(offs[0], offs[-1], lambda n, offs=offs: n.label == "PERSON" and _holds_any(n, offs)) or m or \
                    first(offs[0], offs[-1], lambda n, offs=offs: n.label == "NORP" and _holds_any(n, offs))
        if m is None and r.pos_ == "PRON":
            m = _antecedent([n for n in mentions.names if not (n.start <= at < n.end)], r, doc, text)
        if m is None and not kin and not victim:
            # the role's phrase may hold the name ("the commander of the Al Quds force"); a victim's holds
            # the group or the people it belongs to (:func:`_victim_offsets`)
            offs = sorted(idx[i] for i in _local(doc, r, depth=3))
            m = first(offs[0], offs[-1], lambda n, offs=offs: _holds_any(n, offs))
        if m is None and r.pos_ == "NOUN":
            m = _antecedent(mentions.around(max(0, ri - 4000), ri), r, doc, text)  # "the store": the name it takes up
        if m is None and victim and label in _ONCE_CLASSES and r.pos_ in ("NOUN", "NUM") and tok.lemma_.lower() != "die":
            # a killing or a birth whose victim a noun tells and no name ("killed the leader of the al-Shabab
            # terrorist group", "U.S. drone strikes killed a boy"): the timeline takes a killing's first
            # name for its victim, and one of the doer's, or of the group or the place named beside, would
            # make it every killing of theirs (what one "died of" is no victim: the one who died is its subject)
            return []
        if m is not None and m not in out:
            out.append(m)
    local_offs = sorted(idx[i] for i in local)
    for m in mentions.around(local_offs[0], local_offs[-1]):
        if _holds_any(m, local_offs) and not (m.start <= at < m.end) and m not in out:
            out.append(m)
    return out


def _holds_any(m: Span, offs: Sequence[int]) -> bool:
    """Some offset of the sorted ``offs`` lies inside ``m``."""
    k = bisect_left(offs, m.start)
    return k < len(offs) and offs[k] < m.end


def _phrase(doc: Any, tok: Any, text: str, max_tokens: int = 6) -> str:
    """A short noun phrase for a role token (its compounds, adjectives and an "of" complement)."""
    m_left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "poss") and c.pos_ != "PRON"]
    start = min([tok.i] + [c.left_edge.i for c in m_left])
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.right_edge.i + 1 - start <= max_tokens:
            end = max(end, c.right_edge.i + 1)
    words = [t.text for t in doc[start:end] if not t.is_space and not t.is_punct]
    while words and words[0].lower() in ("the", "a", "an", "his", "her", "its", "their"):
        words = words[1:]
    return " ".join(words)


def _role_text(doc: Any, r: Any, names: Sequence[Span], text: str, person_first: bool = False) -> str:
    if r is None:
        return ""
    m = _mention_at(names, r)
    if person_first and (m is None or m.label != "PERSON"):
        # a kin noun's own person is the one set beside it, not one its phrase names (:data:`_KIN`); a
        # victim's noun's, one it is told as (:func:`_victim_offsets`)
        offs = sorted(t.idx for c in r.children if c.dep_ == "appos" for t in c.subtree) if (
            r.lemma_.lower() in _KIN) else _victim_offsets(r)
        m = next((n for n in names if n.label == "PERSON" and _holds_any(n, offs)), m)
    if m is None and r.pos_ == "PRON":
        m = _antecedent(names, r, doc, text)
        if m is None:
            return ""
    if m is None and r.pos_ == "NOUN":
        m = _antecedent(names, r, doc, text)
    if m is not None:
        return text[m.start : m.end]
    return _phrase(doc, r, text)


_NOUN_FORM = {"statement": "statement", "denial": "denial", "remark": "remarks", "killing": "killed",
              "attack": "attack", "meeting": "meeting", "election": "election", "arrest": "arrested",
              "launch": "launch", "legal": "ruling", "leadership": "leadership change", "business": "deal",
              "injury": "injured", "birth": "born", "abduction": "kidnapped"}
# one taken is told as its trigger tells it: police arrest or detain, militants kidnap, abduct or capture
# ("girls kidnapped", "Bergdahl captured", not "arrested": rd34's review of 45 FNC-1 bodies)
_TAKEN_FORM = {"arrest": "arrested", "detain": "detained", "detention": "detained", "capture": "captured",
               "kidnap": "kidnapped", "kidnapping": "kidnapped", "abduct": "abducted", "abduction": "abducted"}


def _describe(doc: Any, tok: Any, label: str, roles: dict[str, Any], parts: Sequence[Span], text: str) -> str:
    """A short factual phrase: "Qasem Soleimani killed", "Hamas attack on Israel", "IRGC statement".

    A role on a line of page furniture the trigger is not on is the heading the parse ran into the
    sentence below it ("POLITICAL CRISIS" over "On Monday, Libya's newly elected parliament asked ...",
    FNC-1 body 55: the heading's "CRISIS" the subject): no one's words for the doer; so is one in the
    dateline (:func:`_dateline_end`: "WASHINGTON (CBS DC) – Rep. Duncan Hunter ... says")."""
    names = list(parts)
    plain = not _chrome_line(text, tok.idx)

    def role(name: str) -> Any:
        r = roles.get(name)
        return None if r is not None and (plain and _chrome_line(text, r.idx) or r.idx + len(r) <= _dateline_end(text)) \
            else r

    agent = _role_text(doc, role("agent"), names, text)
    patient = _role_text(doc, role("patient"), names, text, person_first=label in _VICTIM_CLASSES)
    if label in _VICTIM_CLASSES:
        # a victim is a person or a group, not the place named beside it ("born in Quebec")
        victim = next((n for n in names if n.label not in ("GPE", "LOC", "FAC", "DATE", "TIME")), None)
        who = patient or (text[victim.start:victim.end] if victim is not None else "")
        # one who "died of kidney complications" or "of cancer" was not killed: the entry says "died",
        # of its subject, not what it died "of" (FNC-1: 'heart attack killed', 'stomach cancer killed')
        died = label == "killing" and tok.pos_ == "VERB" and tok.lemma_.lower() == "die"
        if died:
            cause = roles.get("patient") is not None and roles["patient"].head.lower_ in ("of", "from")
            victims = [n for n in names if n.label not in ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "NORP")
                       and not (cause and text[n.start:n.end] == patient)]
            who = agent or ("" if cause else patient) or (text[victims[0].start:victims[0].end] if victims else "")
        noun = "died" if died else _TAKEN_FORM.get(tok.lemma_.lower(), _NOUN_FORM[label])
        out = f"{who} {noun}" if who else (tok.lower_ if tok.pos_ == "VERB" else tok.lemma_.lower())
    elif label == "attack":
        verb = tok.lemma_.lower()
        if verb in ("fire", "open"):
            # "A gunman opened fire", "fired multiple shots": the fire or the shots are no target
            verb = "opens fire"
            patient = "" if patient and patient.split()[-1].lower().rstrip("s") in _FIRED else patient
        out = f"{agent} {verb}" if agent else verb
        if patient and patient != agent:
            out += f" on {patient}"
    elif label in SPEECH_CLASSES:
        if label == "denial" and agent and patient:
            out = f"{agent} denies {patient}"
        else:
            out = f"{agent} {_NOUN_FORM[label]}" if agent else _NOUN_FORM[label]
    else:
        verb = tok.text if tok.pos_ == "VERB" else tok.lemma_.lower()
        out = " ".join(x for x in (agent, verb, patient) if x)
    return " ".join(out.split())[:120]


def _titled(doc: Any, text: str, qs: int) -> bool:
    """The quote opening at ``qs`` is a title (:data:`_TITLED_RX`). "Headline(d)" always names one;
    "entitled" and "titled" only after a noun or a figure ("a story entitled", "his blog, aptly titled",
    "a commentary Monday titled"), a form of "be" ("The video is titled", "It was entitled") or opening
    the sentence ("Titled "A Message to America," the video ..."): after another verb the word is the
    adjective of what one is owed, and the quote a speaker's ('Workers felt entitled, "We won the strike
    on Monday," the union said')."""
    m = _TITLED_RX.search(text, max(0, qs - 24), qs)
    if m is None:
        return False
    if m.group("named") is None:
        return True
    span = doc.char_span(m.start("named"), m.end("named"), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    w = span[0]
    i = w.i - 1
    while i >= w.sent.start and (doc[i].is_punct or doc[i].is_space or doc[i].tag_ == "RB"):
        i -= 1  # "The story, entitled", "is now titled", "aptly titled"
    return i < w.sent.start or doc[i].pos_ in ("NOUN", "PROPN", "NUM") or doc[i].lemma_ == "be" \
        or doc[i].dep_ == "auxpass"  # "It’s titled", whose curly "’s" the lemmatizer leaves as it is


def _embed_dates(text: str, tag: str) -> list[tuple[int, int, TimeExpr]]:
    """Paragraphs ending with an embedded post's dated signature: (para start, para end, its date)."""
    out: list[tuple[int, int, TimeExpr]] = []
    if "(@" not in text:
        return out  # every signature holds "(@": most articles embed no post
    pos = 0
    for para in text.split("\n"):
        m = POST_SIGNATURE.search(para)
        if m:
            s = pos + m.start("date")
            e = pos + m.end("date")
            r = resolve_full(text[s:e], None)
            if r.value is not None:
                out.append((pos, pos + len(para), TimeExpr(
                    start=s, end=e, label="DATE", stage=tag, confidence=0.8,
                    value=r.value, precision=r.precision, anchored=True)))
        pos += len(para) + 1
    return out


def _embed_for(embeds: Sequence[tuple[int, int, TimeExpr]], offset: int) -> TimeExpr | None:
    for s, e, tx in embeds:
        if s <= offset < e:
            return tx
    return None


# happenings named by nouns without a deverbal suffix ("settled its dispute", "lost its court case")
_HAPPENING_NOUNS = frozenset({"dispute", "decision", "fight", "battle", "crash", "protest", "strike", "sale",
                              "launch", "purchase", "bid", "trip", "tour", "rally", "war", "campaign", "deal",
                              "appearance", "request"})


@lru_cache(maxsize=65536)
def _happening_noun(lemma: str) -> bool:
    """A noun lemma that may name a happening: deverbal (as :func:`_generic` reads it), one of
    :data:`_HAPPENING_NOUNS`, or "case" (a court case, asked of its compound later)."""
    return lemma in _HAPPENING_NOUNS or lemma == "case" or (
        lemma.isalpha() and _DEVERBAL_RX.search(lemma) is not None and lemma not in _NOT_HAPPENINGS)


def _object_happenings(doc: Any, objs: Sequence[tuple[int, int]], perf: set[int], trigs: list[_Trig],
                       quotes: Sequence[tuple[int, int]]) -> list[_Trig]:
    """Happenings named by a noun that an event of the sentence does, or a verb of doing performs:
    the object ("settled its dispute", "lost its court case") or the passive subject of an event
    verb, or the object of a verb performing it ("extended an invitation", "made the decision":
    :data:`.time_anchor.PERFORMING`), a noun that may name a happening (:func:`_happening_noun`;
    "case" only as a court case), lowercase, not "no" one ("made no mention") and outside quotes,
    its verb not negated nor a foretelling (:data:`_FORETELLING`: "predicted a recession in a note to
    clients on Monday" gave the recession that Monday). ``objs``: (noun, head verb) candidates of the sentence
    (:func:`_verb_lines`); ``perf``: the doc's performing verbs. They take the time their verb's
    event was given (inherited), else the fallback as any trigger; a known happening
    (:func:`.time_anchor.referring_nominal`: "settled its decades-long dispute", "cut short their
    trip") only when its verb's event has a time to give. The span holds the compound right before
    the noun ("court case")."""
    by_i = {t.i: t for t in trigs}
    out: list[_Trig] = []
    for i, h in objs:
        tv = by_i.get(h)
        if i in by_i or (tv is None and h not in perf):
            continue
        c, v = doc[i], doc[h]
        if c.dep_ == "nsubjpass" and tv is None or v.lemma_.lower() in _FORETELLING:
            continue  # what is foretold is to come, not done by the foretelling ("predicted a recession")
        if not c.text[:1].islower() or _negated(v) or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children):
            continue  # "made no mention of": none was made; a capital is a name the tagger missed
        compounds = [g for g in c.lefts if g.dep_ == "compound" and g.pos_ == "NOUN"]
        if c.lemma_.lower() == "case" and not any(g.lower_ == "court" for g in compounds):
            continue
        if _in_quotes(c, quotes):
            continue
        referring = referring_nominal(c)
        if referring and (tv is None or tv.time is None):
            continue  # a known happening ("settled its decades-long dispute") its verb's time does not date
        t = _Trig(i, OCCURRENCE, referring=referring)
        if compounds and compounds[-1].i == i - 1:
            t.first = i - 1
        if tv is not None and tv.time is not None:
            t.time, t.inherited = tv.time, True
        out.append(t)
        by_i[i] = t
    return out



_LEAD_SENTENCES = 3  # the title, the dateline and the lead's first sentence, as the parser splits them


def _launched_words(doc: Any, found: Sequence[tuple[int, str]]) -> tuple[set[str], bool]:
    """Words of what the lead presents: the object of the first launch the article's first sentences tell
    ("Apple unveils iPhone 4, iOS 4": {"iphone", "ios"}; "Apple has released an application that limits
    the volume": {"application"}), lowercased, without its determiners and clauses; and whether it is a
    product (a name, "iPhone 4", or a noun of :data:`_PRODUCT_NOUNS`, "program"), which a definite
    product noun may stand for ("The phone has two cameras")."""
    sents = list(itertools.islice(doc.sents, _LEAD_SENTENCES))
    if not sents:
        return set(), False
    end = sents[-1].end
    for i, c in found:
        if i >= end:
            break
        tok = doc[i]
        if c != "launch" or tok.pos_ != "VERB":
            continue
        obj = next((g for g in tok.children if g.dep_ == "dobj"), None)
        if obj is not None:
            phrase = [doc[k] for k in _local(doc, obj, depth=2)]
            words = {t.lower_ for t in phrase if t.is_alpha and len(t.text) >= 3 and not t.is_stop
                     and t.pos_ in ("NOUN", "PROPN")}
            return words, obj.lemma_.lower() in _PRODUCT_NOUNS or any(
                t.pos_ == "PROPN" for t in obj.subtree if t.dep_ in ("compound", "nummod") or t is obj)
    return set(), False


# nouns of a product a report presents, which "the" makes the one it launched ("The phone has two cameras",
# "The software update works with the iPod Nano")
_PRODUCT_NOUNS = frozenset({"phone", "smartphone", "handset", "device", "gadget", "tablet", "computer", "laptop",
                            "notebook", "player", "watch", "smartwatch", "console", "software", "program",
                            "application", "app", "update"})


def _stands_for_product(subj: Any) -> bool:
    """A definite product noun ("the phone", "this device"), not a name's part nor a possessed one."""
    return subj.pos_ == "NOUN" and subj.lemma_.lower() in _PRODUCT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children)


def _thing_states(doc: Any, arr: Any, found: Sequence[tuple[int, str]],
                  quotes: Sequence[tuple[int, int]]) -> list[int]:
    """Token ids of the present states a launch report tells of what it launched: the root verb of a
    sentence in the simple present (not "is", not negated, outside quotes) whose subject names what the
    lead presents (:func:`_launched_words`: "iPhone 4 has a new stainless steel frame") or is "it" right after
    a sentence whose subject did ("It also has a new screen", "It comes in two colors"), and a present clause
    of such a state whose subject is "it" ("Even though it now uses Apple's A4 processor, iPhone 4 has"; not
    one it supposes, "If it breaks"). The report's news is
    what the thing is as it is presented: the publication day (their present tense's reading).

    Measured at times.v44: SemEval trial 16844's "has" (three times) and "comes" taken, gold the publication
    day (stage_events anchored 0.6633->0.6837; every present state was not: the stage's lexicon leaves
    them out as they flood other news). FNC-1 300 bodies: 5210->5216 events, all of a video or a watch
    the lead released ("The video then switches to the man in black", "It links to your iPhone"), three
    states of it ("contains a threat") and three happenings in it, all at the publication day. Its clauses
    of "it" (times.v46): 16844's "uses" (stage anchored 0.6888->0.6939), FNC-1 unchanged. A definite product
    noun as its subject (times.v58, :func:`_stands_for_product`: "The phone has two cameras" after "Apple
    unveiled iPhone 4", "The software update works with" after "Apple releases program"): 16844's "has" and
    4678's "works" (stage anchored 0.6990->0.7092; 11212's "the program costs $99" and 7343's "The device
    appears", states of what the lead presents, besides), FNC-1 bodies 0-299 unchanged."""
    import numpy as np

    words, product = _launched_words(doc, found)
    if not words:
        return []
    strings = doc.vocab.strings
    pos, dep, tag = arr[:, 0], arr[:, 3], arr[:, 4]
    roots = np.flatnonzero(((pos == strings["VERB"]) | (pos == strings["AUX"])) & (dep == strings["ROOT"]))
    out: list[int] = []
    last = -1  # the root whose subject was the thing, of the sentence before
    for i in roots.tolist():
        v = doc[i]
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None:
            last = -1
            continue
        names = subj.lower_ == "it" and last >= 0 and doc[last].sent.end == v.sent.start
        names = names or bool(words & {t.lower_ for t in subj.subtree if t.is_alpha})
        names = names or (product and _stands_for_product(subj))
        last = i if names else -1
        if not names or int(tag[i]) not in (strings["VBZ"], strings["VBP"]) or verb_lemma(v) == "be" or _negated(v):
            continue
        if any(c.dep_ in ("aux", "auxpass") for c in v.children) or _in_quotes(v, quotes):
            continue
        out.append(i)
        # a clause of the state told of the same thing: "Even though it now uses the A4 processor, iPhone 4 has"
        for c in v.children:
            if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB" and c.tag_ in ("VBZ", "VBP") and verb_lemma(c) != "be" \
                    and not _negated(c) and not any(g.dep_ in ("aux", "auxpass", "mark") and g.lower_ not in (
                        "though", "while", "as") for g in c.children) \
                    and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children):
                out.append(c.i)
    return sorted(out)


# participles a copula makes a plan ("It is slated for a release on June 24", "is scheduled to perform
# Saturday", "are set to shoot the film in spring 2015"), by their form: the lemmatizer makes "slated" "slat"
_SCHEDULING = frozenset({"slated", "scheduled", "set"})
# the copula of a plan that stands at the report's now ("is slated", "has been scheduled"); the timeline
# reads the same words in the text
PRESENT_BE = frozenset({"is", "are", "am", "'s", "’s", "'re", "’re"})
PRESENT_HAVE = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})


def _scheduling_words(doc: Any, arr: Any) -> list[int]:
    """Token ids of the past participles of :data:`_SCHEDULING` in any case ("IS SCHEDULED FOR RELEASE"),
    the participles read off ``arr`` (:func:`_doc_array`)."""
    import numpy as np

    vbn = np.flatnonzero(arr[:, 4] == doc.vocab.strings["VBN"])
    return [i for i in vbn.tolist() if doc[i].lower_ in _SCHEDULING]


def _schedules(doc: Any, cands: Sequence[int], trigs: list[_Trig], quotes: Sequence[tuple[int, int]]) -> list[_Trig]:
    """A plan told as it stands at the report's now: a participle of scheduling (:data:`_SCHEDULING`) after
    a present copula ("It is slated for a U.S. release on June 24", "The film has been scheduled for release in
    December") taking what is planned, an infinitive or a "for" phrase. The planning is a state of the
    report's day, not of the day planned: that day is what is planned's (the release keeps its June 24), and
    the plan is dated by the publication day as a present is. A plan told in the past ("Talks were scheduled
    to continue on Monday") or negated is not read so, nor one in quotes, nor "set" as a verb of its own ("an
    inquiry is set up", "prices are set by the market": no plan taken). A participle another rule took
    (:func:`_dated_generics`: "is scheduled for public release in June") is the plan, dated so.

    Measured at times.v120: SemEval trial 16900's "slated" (gold the publication day) an event on no entry
    (stage_events trigger recall 0.8724->0.8776, anchored 0.7449->0.7500; timeline unchanged), 11212's
    "scheduled" off June's release. FNC-1 bodies 0-299: events 5163->5170, entries 752, one entry a member
    fewer (body 193's "has been scheduled for release in December" left to its release); read all 8, each a
    plan ("is set to play Steve Wozniak", "is scheduled to perform Saturday", "are set to shoot the film in
    spring 2015")."""
    by_i = {t.i: t for t in trigs}
    out: list[_Trig] = []
    for i in cands:
        v = doc[i]
        be = [c for c in v.children if c.dep_ == "auxpass"]
        if not be or _in_quotes(v, quotes) or _negated(v):
            continue
        if be[0].lower_ not in PRESENT_BE and not (
                be[0].lower_ == "been" and any(c.dep_ == "aux" and c.lower_ in PRESENT_HAVE for c in v.children)):
            continue
        if any(c.dep_ == "prt" for c in v.children) or not any(
                c.dep_ == "xcomp" and c.tag_ == "VB" or c.dep_ == "prep" and c.lower_ == "for" and any(
                    g.dep_ == "pobj" for g in c.children) for c in v.children):
            continue
        if i in by_i:
            by_i[i].schedule = True
        else:
            out.append(_Trig(i, OCCURRENCE, schedule=True))
    return out


# nouns of asking a possessor holds as the asker ("at my request", "at the President's invitation")
_OWNED_HAPPENINGS = frozenset({"request", "invitation", "behest"})


def _owned_nouns(doc: Any, arr: Any) -> list[int]:
    """Token ids of the nouns a possessor holds ("his decision", "Jobs' request"), read off ``arr``
    (:func:`_doc_array`), whose lemma may name a happening (:func:`_happening_noun`)."""
    import numpy as np

    strings = doc.vocab.strings
    pos, dep = arr[:, 0], arr[:, 3]
    poss = np.flatnonzero(dep == strings["poss"])
    heads = (poss + arr[poss, 5].astype(np.int64)).tolist()
    noun = (pos == strings["NOUN"]).tolist()
    return sorted({h for h in heads if noun[h] and strings[int(arr[h, 1])] in _OWNED_HAPPENINGS})


def _owned_happenings(doc: Any, owned: Sequence[int], trigs: list[_Trig],
                      quotes: Sequence[tuple[int, int]]) -> list[_Trig]:
    """A request or invitation its asker holds ("At my request, the board has granted me a leave", "performed
    at his family's request"): a happening, the asking, told as the cause of the clause it is in, outside
    quotes and its clause not negated (:data:`_OWNED_HAPPENINGS`; ``owned``: :func:`_owned_nouns`). Dated
    as any known happening a noun names (:func:`.time_anchor.referring_nominal`).

    Only nouns of asking: every happening noun a possessor holds (:func:`_happening_noun`: "his decision",
    "Syria's civil war", "his trip") measured over times.v42 added 79 events on FNC-1's 300 bodies, about a
    third of them no happening ("his interpretation", "their house payments", "Washington's involvement")
    and most dated by the tense of the clause naming them ("Martin Scorsese's decision to cast Jonah Hill"
    at the publication day); and "his decision" took the year of another decision the article dates
    (SemEval trial 17677: 2009 for gold 2011-01-17), the word rule 0.8316->0.8265. The nouns of asking
    alone: 2 events on those bodies, both happenings."""
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for i in owned:
        c = doc[i]
        if i in taken or not c.text[:1].islower() or _in_quotes(c, quotes):
            continue
        if _negated(clause_verb(c) or c):
            continue
        out.append(_Trig(i, OCCURRENCE, referring=referring_nominal(c)))
    return out


# verbs of a happening's phase: their subject is the happening ("Pre-orders began Tuesday", "the war ended")
_PHASE_VERBS = frozenset({"begin", "start", "end", "continue", "resume", "finish", "conclude", "commence"})
# prefixes that make verbs ("re-elect", "pre-order", "co-produce"): a noun they form names an action
_VERB_PREFIXES = frozenset({"re", "pre", "co", "counter", "mis", "out", "over", "under", "cross"})


def _prefixed_action(doc: Any, tok: Any) -> bool:
    """A noun formed with a verbal prefix split off at its hyphen ("Pre-orders", "re-launch")."""
    i = tok.i
    return (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
            and doc[i - 2].lower_ in _VERB_PREFIXES)


_CARRY_ON = frozenset({"proceed", "continue", "resume"})
_CARRY_ON_PARTICLES = frozenset({"ahead", "forward", "on"})


def _carries_on(v: Any) -> bool:
    """A verb of carrying something through: "proceed", "continue", "resume", or "go ahead", "press on",
    "move forward": what it goes on "with" is the happening carried on ("to proceed with iPhone 4
    development", "went ahead with the strike")."""
    lemma = v.lemma_.lower()
    return lemma in _CARRY_ON or (lemma in ("go", "press", "push", "move", "forge") and any(
        c.dep_ in ("advmod", "prt") and c.lower_ in _CARRY_ON_PARTICLES for c in v.children))


def _phase_subjects(doc: Any, trigs: list[_Trig], quotes: Sequence[tuple[int, int]]) -> list[_Trig]:
    """The subject noun of an event verb of phase, when it may name a happening: "Pre-orders of the
    iPhone began Tuesday", "construction on the Capitol began in 1795" (not "shares closed at"); and
    the happening noun an event verb of carrying on goes on "with" (:func:`_carries_on`). Both take the
    event's time. Outside quotes, unless the event is a quote's future (a saying outside it reports it:
    :func:`_reported_generics`, '"Steve will continue to serve Apple"'; or dated: '"discussions will
    continue in Chad next week"', FNC-1 body 1139): a quote's past phase is the speaker's own account,
    as its other pasts are ('"Construction began in 1795," the guide said' tells no construction of
    1795; '"I started drinking them about 40 years ago"', body 1897)."""
    taken = {t.i for t in trigs}
    out: list[_Trig] = []
    for tr in trigs:
        v = doc[tr.i]
        if v.pos_ != "VERB":
            continue
        nouns: list[Any] = []
        if _carries_on(v):
            nouns += [c for p in v.children if p.dep_ == "prep" and p.lower_ == "with" for c in p.children
                      if c.dep_ == "pobj" and c.pos_ == "NOUN" and _happening_noun(c.lemma_.lower())]
        if v.lemma_.lower() in _PHASE_VERBS and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in v.children):
            nouns += [c for c in v.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                      and (_happening_noun(c.lemma_.lower()) or _prefixed_action(doc, c))]
        if v.lemma_.lower() in _PHASE_VERBS:
            # what the phase is of: "will continue to steer the company", "began selling the phone"
            nouns += [c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and (c.tag_ == "VBG" or any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children)) and c.lemma_.lower() not in _STATIVE
                and c.lemma_.isalpha() and not _negated(c)]
        for c in nouns:
            if c.i in taken or _in_quotes(c, quotes) and not (
                    _in_quotes(v, quotes) and (tr.reported or tense(v) == "future")):
                continue
            t = _Trig(c.i, OCCURRENCE, referring=referring_nominal(c))
            if tr.time is not None:
                t.time, t.inherited = tr.time, True
            taken.add(c.i)
            out.append(t)
    return out
