"""How the articles of one story differ: shared facts, unique facts, conflicts, sources, wording.

A *fact* is a sentence of an article, described by the entities it names, its
numbers, and its content words. Sentences of different articles are aligned
when they share enough of these (TF-IDF cosine over words + entity ids +
number tokens), inside the story only — the story is the candidate block.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..model import Analysis, Claim, Entity, Story, TimelineEntry
from .vectors import unit_rows

__all__ = ["ALIGN_THRESHOLD", "LOADED_TERMS", "Count", "compare_story", "counts"]

STAGE = "compare.v2"
ALIGN_THRESHOLD = 0.18
MAX_FACT_CHARS = 220

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|million|billion|thousand))?"
)
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as that this these those it its is are was
    were be been being has have had do does did not no will would can could should may might also than
    then there their they them he she his her we our you your i who whom which what when where while
    after before during about into over under said says say according told statement one two out up
    more most other such some any all both each very""".split()  # noqa: SIM905
)

# Evaluative labels whose use differs by outlet; the phrase around them is reported, not the word alone.
LOADED_TERMS = frozenset(
    """terror terrorist terrorists terrorism proxy proxies regime militia militias martyr martyrs martyrdom
    resistance zionist zionists occupation occupier occupiers aggression massacre massacres assassination
    murder murdered slaughter genocide extremist extremists jihadist jihadists radical radicals thug thugs
    invasion invaders liberation freedom fighters puppet""".split()  # noqa: SIM905
)


def _tokens(text: str) -> list[str]:
    return [w.lower().strip("'’-") for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2]


def _numbers(text: str) -> list[str]:
    out = []
    for m in _NUMBER.finditer(text):
        n = m.group(1).replace(",", "")
        if len(n) == 4 and n.startswith(("19", "20")):  # years are dates, compared by the timeline
            continue
        out.append(n + (m.group(2) or ""))
    return out


_MONTH = (r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|April|May"
          r"|June|July|August|September|October|November|December")
# A count: an optional qualifier, a number that is no ordinal ("7th"), part of no date ("Sept. 26",
# "26 September") or clock time ("10:30"), and the plural noun it counts ("276 schoolgirls",
# "more than 200 kidnapped girls", "43 of the students"), or a percentage or a sum of money.
_COUNT = re.compile(
    r"(?<![\w.,:$€£])(?P<qual>(?:(?:more|fewer|less) than|over|at least|at most|up to|nearly|almost|about"
    r"|around|some|roughly|approximately|an estimated)\s+)?(?P<cur>[$€£])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w:]|[.,]\d)"
    r"(?:\s*(?P<mult>million|billion|thousand|hundred))?"
    r"(?:\s*(?P<pct>%|percent|per cent)"
    r"|(?P<noun>(?:\s+(?:of\s+(?:the|them|those)\s+)?(?:[a-z]+-)*[a-z]+){1,3}))?",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTH})\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s*(?:{_MONTH})\b|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC)", re.IGNORECASE)
_MULT = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_NOT_HEAD = frozenset({"of", "the", "them", "those", "and", "or", "in", "on", "at", "to", "from", "for", "by",
                       "with", "who", "were", "are", "was", "have", "had", "has", "more", "other", "its",
                       "this", "his", "as", "is", "us", "less", "across"})
_UNITS = frozenset({"km", "kg", "mph", "ft", "cm", "mm", "lb", "lbs"})
_PLURALS = frozenset({"people", "children", "men", "women", "police", "personnel", "cattle", "staff"})
_APPROX = {"nearly": "about", "almost": "about", "around": "about", "some": "about", "roughly": "about",
           "approximately": "about", "an estimated": "about", "over": "more than", "at least": "more than",
           "fewer than": "less than", "up to": "less than", "at most": "less than"}


class Count:
    """A figure a sentence gives: its value, the noun head it counts (or "%", or the currency), and its
    qualifier ("about", "more than", "less than" or "")."""

    __slots__ = ("end", "head", "qual", "start", "text", "value")

    def __init__(self, value: float, head: str, qual: str, text: str, start: int, end: int):
        self.value, self.head, self.qual = value, head, qual
        self.text, self.start, self.end = text, start, end

    def same_thing(self, other: Count) -> bool:
        """Both count the same noun ("276 schoolgirls", "219 girls": girls)."""
        a, b = self.head, other.head
        return a == b or (min(len(a), len(b)) >= 4 and (a.endswith(b) or b.endswith(a)))

    def agrees(self, other: Count) -> bool:
        """The figures are equal, or one's qualifier admits the other ("more than 200" and "219")."""
        if self.value == other.value:
            return True
        for x, y in ((self, other), (other, self)):
            if x.qual == "more than" and y.value > x.value or x.qual == "less than" and y.value < x.value:
                return True
            if x.qual == "about" and abs(y.value - x.value) <= 0.1 * x.value:
                return True
        return False


def _singular(word: str) -> str:
    w = word.lower()
    if w in _PLURALS:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def counts(text: str) -> list[Count]:
    """The figures ``text`` gives with what they count; ordinals, dates, times, years and bare numbers
    (no noun after them) are not counts."""
    out = []
    for m in _COUNT.finditer(text):
        num = m.group("num").replace(",", "")
        if _DATE_BEFORE.search(text[max(0, m.start("num") - 12):m.start("num")]) \
                or _DATE_AFTER.match(text[m.end("num"):m.end("num") + 12]):
            continue
        if len(num) == 4 and num.startswith(("19", "20")) and not m.group("pct") and not m.group("cur"):
            continue  # a year
        head, end = "", m.end("mult") if m.group("mult") else m.end("num")
        if m.group("pct"):
            head, end = "%", m.end("pct")
        elif m.group("cur"):
            head = m.group("cur")
        elif m.group("noun"):
            words = list(re.finditer(r"[a-z-]+", m.group("noun"), re.IGNORECASE))
            if words and words[0].group(0).lower() == "of":
                words = words[2:]
            for w in words:
                lw = w.group(0).lower()
                if lw in _NOT_HEAD:
                    break
                if lw in _UNITS or lw.rsplit("-", 1)[-1] in _PLURALS \
                        or (len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is"))):
                    head, end = _singular(lw.rsplit("-", 1)[-1]), m.start("noun") + w.end()
                    break
        if not head:
            continue
        value = float(num) * _MULT.get((m.group("mult") or "").lower(), 1.0)
        qual = (m.group("qual") or "").strip().lower()
        qual = _APPROX.get(qual, qual)
        out.append(Count(value, head, qual, " ".join(text[m.start():end].split()), m.start(), end))
    return out


def _is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"”’'").endswith("?")


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_FACT_CHARS else text[: MAX_FACT_CHARS - 1] + "…"


class _Sentence:
    __slots__ = ("article", "counts", "end", "entities", "norm", "numbers", "start", "text", "vec")

    def __init__(self, article: str, start: int, end: int, text: str, entities: set[str]):
        self.article, self.start, self.end, self.text = article, start, end, text
        self.entities = entities
        self.numbers = _numbers(text)
        self.counts = counts(text)
        self.vec: dict[str, float] = {}
        self.norm = 0.0


def _sentences(a: Analysis, entity_of: Callable[[str, int, int], str | None],
               mentions: dict[str, list[tuple[int, int, str]]]) -> list[_Sentence]:
    spans = a.sentences or ((0, len(a.text)),)
    out = []
    seen: set[str] = set()
    for span in spans:
        s, e = (span[0], span[1]) if isinstance(span, tuple) else (span.start, span.end)
        text = a.text[s:e]
        if len(text.split()) < 4:
            continue
        flat = " ".join(text.split()).casefold()
        if flat in seen:  # a line printed twice (a repeated page heading) is one fact
            continue
        seen.add(flat)
        ents = {eid for ms, me, eid in mentions.get(a.id, ()) if s <= ms and me <= e}
        out.append(_Sentence(a.id, s, e, text, ents))
    return out


def _vectorise(sents: list[_Sentence]) -> None:
    docs = [Counter(_tokens(s.text) + [f"ENT:{e}" for e in s.entities] + [f"NUM:{n}" for n in s.numbers])
            for s in sents]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    for s, d in zip(sents, docs):
        vec = {}
        for t, c in d.items():
            w = (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) + 1.0
            if t.startswith("ENT:"):
                w *= 1.5  # shared actors weigh more than shared words: translations keep names
            vec[t] = w
        s.vec = vec
        s.norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0


def _best_counterparts(
    sents: list[_Sentence], threshold: float
) -> dict[int, dict[str, tuple[float, _Sentence]]]:
    """For each sentence, its most similar sentence in every other article (cosine >= ``threshold``).

    ``sents`` come article by article. Rows of the similarity matrix are computed a block at a
    time with sparse products, so memory stays bounded and the work is numpy's, not Python's
    (a story of 100 reports holds 1,500 sentences: two million pairs). The first of equally
    similar candidates wins.
    """
    best: dict[int, dict[str, tuple[float, _Sentence]]] = defaultdict(dict)
    n = len(sents)
    if n < 2:
        return best
    x = unit_rows((s.vec, s.norm) for s in sents)
    xt = x.T.tocsr()
    starts = [0] + [i for i in range(1, n) if sents[i].article != sents[i - 1].article]
    lens = np.diff(starts + [n])
    seg_of = np.repeat(np.arange(len(starts)), lens)
    col = np.arange(n)
    step = max(1, 2_000_000 // n)
    for lo in range(0, n, step):
        # Rounded so that values equal in exact arithmetic tie.
        block = np.round((x[lo : lo + step] @ xt).toarray(), 12)
        top = np.maximum.reduceat(block, starts, axis=1)
        first = np.minimum.reduceat(np.where(block >= np.repeat(top, lens, axis=1), col, n), starts, axis=1)
        for r, g in zip(*np.nonzero(top >= threshold)):
            i = lo + int(r)
            if g != seg_of[i]:
                c = sents[int(first[r, g])]
                best[i][c.article] = (float(top[r, g]), c)
    return best


def _span(s: _Sentence) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end, "text": _trim(s.text)}


def compare_story(
    story: Story,
    members: Sequence[Analysis],
    entities: Sequence[Entity],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry] = (),
    threshold: float = ALIGN_THRESHOLD,
) -> dict[str, Any]:
    """The ``comparison`` object of a story (see the JSON contract)."""
    from ..corpus import _entity_lookup

    entity_of = _entity_lookup(entities)
    ids = {a.id for a in members}
    names = {e.id: e.name for e in entities}
    mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for e in entities:
        for m in e.mentions:
            if m.article in ids:
                mentions[m.article].append((m.start, m.end, e.id))

    copies = {c for c, _ in story.copies}
    reports = [a for a in members if a.id not in copies]  # a copy adds nothing of its own
    sents = [s for a in reports for s in _sentences(a, entity_of, mentions)]
    _vectorise(sents)
    by_article: dict[str, list[_Sentence]] = defaultdict(list)
    for s in sents:
        by_article[s.article].append(s)

    best = _best_counterparts(sents, threshold)

    n_reports = len(by_article)
    shared, unique, number_conflicts = [], defaultdict(list), []
    seen_shared: set[tuple[str, int]] = set()
    reported: set[tuple[str, str, str, str, str]] = set()
    for i, s in enumerate(sents):
        matches = best.get(i, {})
        # A question ("Who are Boko Haram?", a page heading) reports nothing.
        if n_reports > 1 and len(matches) == n_reports - 1 and not _is_question(s.text):
            key = (s.article, s.start)
            if key in seen_shared:
                continue
            group = [s] + [c for _, c in matches.values()]
            seen_shared.update((g.article, g.start) for g in group)
            common = set.intersection(*(g.entities for g in group)) if group else set()
            fact = ", ".join(sorted(names.get(e, e) for e in common)) if common else ""
            shared.append({"fact": _trim(s.text) if not fact else f"{fact}: {_trim(s.text)}",
                           "entities": sorted(common), "mentions": [_span(g) for g in group]})
        elif not matches and (s.numbers or s.entities):
            unique[s.article].append({"fact": _trim(s.text), "entities": sorted(s.entities),
                                      "numbers": s.numbers, "start": s.start, "end": s.end,
                                      "text": _trim(s.text)})
        for other, (_score, c) in matches.items():
            if s.article < other and (s.entities & c.entities):
                number_conflicts.extend(_count_conflicts(s, c, names, reported))

    # Embedded posts are kept out of the text, but what an article chose to embed is part of its coverage.
    for a in reports:
        for r in a.article.removed:
            if r.kind == "embed":
                unique[a.id].append({"fact": f"embeds a social-media post: {_trim(r.text)}", "kind": "embed",
                                     "entities": [], "numbers": [], "start": None, "end": None,
                                     "text": _trim(r.text)})

    conflicts = number_conflicts + _claim_conflicts(claims, ids) + _date_conflicts(members, timeline)
    return {
        "stage": STAGE,
        "shared": shared,
        "unique": {k: v for k, v in unique.items()},
        "conflicts": conflicts,
        "sources": _sources(members),
        "wording": _wording(members, mentions, names, {e.id: e.type for e in entities}),
    }


def _count_conflicts(s: _Sentence, c: _Sentence, names: dict[str, str],
                     reported: set[tuple[str, str, str, str, str]]) -> list[dict[str, Any]]:
    """Figures two aligned sentences of one event give for the same thing and that disagree.

    Only counts of one noun are compared ("276 schoolgirls" and "219 girls", not "the 7th Division"
    and "200 girls" or "50 miles" and "200 girls"); a qualifier that admits the other figure
    ("more than 200", "219") is no difference. Each difference between two articles is given once.
    """
    out = []
    done: set[int] = set()
    for i, x in enumerate(s.counts):
        if i in done:
            continue
        xs = [(k, y) for k, y in enumerate(s.counts) if y.same_thing(x)]
        done.update(k for k, _ in xs)
        ys = [y for y in c.counts if any(y.same_thing(z) for _, z in xs)]
        if not ys or any(z.agrees(y) for _, z in xs for y in ys):
            continue
        mine, theirs = "; ".join(z.text for _, z in xs), "; ".join(y.text for y in ys)
        key = (s.article, c.article, x.head, mine, theirs)
        if key in reported:
            continue
        reported.add(key)
        on = ", ".join(sorted(names.get(e, e) for e in s.entities & c.entities))
        out.append({
            "kind": "number",
            "description": f"figures differ on {on}: {mine} ({s.article}) vs {theirs} ({c.article})",
            "sides": [{"article": s.article, "value": mine, "start": s.start, "end": s.end,
                       "text": _trim(s.text)},
                      {"article": c.article, "value": theirs, "start": c.start, "end": c.end,
                       "text": _trim(c.text)}],
        })
    return out


def _claim_conflicts(claims: Sequence[Claim], ids: set[str]) -> list[dict[str, Any]]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.article in ids and c.group:
            groups[c.group].append(c)
    out = []
    for gid, cs in groups.items():
        stances = {c.label for c in cs}
        if "asserts" in stances and "denies" in stances:
            out.append({
                "kind": "claim",
                "group": gid,
                "description": next((c.proposition for c in cs if c.proposition), ""),
                "sides": [{"article": c.article, "value": f"{c.holder_name or 'unknown'} {c.label}",
                           "start": c.start, "end": c.end, "text": ""} for c in cs],
            })
    return out


_PRECISION_RANK = {"year": 1, "month": 2, "week": 2, "day": 3}


def _date_conflicts(members: Sequence[Analysis], timeline: Sequence[TimelineEntry]) -> list[dict[str, Any]]:
    """Where articles date one timeline event differently.

    Each article's date for an entry is the most precise date of its events
    inside the entry's mentions, counting only events of the entry's kind (the
    label most of those events carry: a mention of a killing may hold the attack
    it is blamed for) dated by their own or an inherited expression (not guessed
    from tense or a nearby date). Different days are a conflict; the same date
    at different precision ("January 2020" vs "January 4, 2020") is a
    compatible difference in detail, reported with ``compatible: true``.
    """
    from ..stages.times import dating_rule

    by_id = {a.id: a for a in members}
    out: list[dict[str, Any]] = []
    for t in timeline:
        inside: list[tuple[Any, Any]] = []  # (mention, event)
        for m in t.mentions:
            a = by_id.get(m.article)
            if a is not None:
                inside.extend((m, ev) for ev in a.events if m.start <= ev.start and ev.end <= m.end)
        kinds = Counter(ev.label for _, ev in inside)
        if not kinds:
            continue
        kind = max(kinds, key=lambda k: (kinds[k], k))
        per_article: dict[str, tuple[str, str, int, int]] = {}
        for m, ev in inside:
            a = by_id[m.article]
            if ev.label != kind or not ev.date or dating_rule(ev) not in ("own", "inherited"):
                continue
            rank = _PRECISION_RANK.get(ev.precision, 0)
            old = per_article.get(a.id)
            if old is None or rank > _PRECISION_RANK.get(old[1], 0):
                per_article[a.id] = (ev.date, ev.precision, m.start, m.end)
        if len(per_article) < 2:
            continue
        dates = {d for d, *_ in per_article.values()}
        if len(dates) < 2:
            continue
        ordered = sorted(dates, key=len)
        compatible = all(d.startswith(ordered[0]) for d in ordered) and all(
            longer.startswith(shorter) for shorter, longer in itertools.pairwise(ordered)
        )
        out.append({
            "kind": "date",
            "compatible": compatible,
            "description": f"{t.description}: "
            + ", ".join(f"{aid} says {d}" for aid, (d, *_r) in sorted(per_article.items()))
            + (" (compatible, different precision)" if compatible else ""),
            "sides": [{"article": aid, "value": d, "start": s, "end": e,
                       "text": by_id[aid].text[s:e] if aid in by_id else ""}
                      for aid, (d, _p, s, e) in sorted(per_article.items())],
        })
    return out


def _sources(members: Sequence[Analysis]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in members:
        names: list[str] = []
        for q in a.quotes:
            for v in q.via:
                if v.label and v.label not in names:
                    names.append(v.label)
        for c in a.article.credits:
            if c not in names:
                names.append(c)
        out[a.id] = names
    return out


_FUNCTION = frozenset({"and", "or", "but", "that", "which", "was", "is", "were", "are", "said", "of", "to",
                       "for", "from", "by", "with", "in", "on", "at", "against", "behind", "through", "as",
                       "than", "into"})
_HEADS = frozenset({"group", "groups", "network", "organization", "organisation", "regime", "militia",
                    "militias", "state", "forces", "army", "movement", "attack", "attacks", "proxy", "leader",
                    "leaders", "fighters"})
_FREEDOM_FIGHTERS = re.compile(r"\bfreedom\s+fighters\b", re.IGNORECASE)
_ACTOR_TYPES = frozenset({"ORG", "PERSON"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW"})


def _wording(members: Sequence[Analysis], mentions: dict[str, list[tuple[int, int, str]]],
             names: dict[str, str], types: dict[str, str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Loaded labels each article uses for an actor, in its own voice or inside quotes.

    ``name`` is the actor the label describes; ``speaker`` (quoted voice) is who used it.
    Loaded words inside proper names ("Axis of Resistance") are not labels.
    """
    types = types or {}
    salience = Counter(eid for ms in mentions.values() for _s, _e, eid in ms)
    outlets = {a.article.outlet for a in members if a.article.outlet}
    outlets.update(n for ns in _sources(members).values() for n in ns)
    out: dict[str, list[dict[str, Any]]] = {}
    for a in members:
        text = a.text
        ments = sorted(mentions.get(a.id, ()))
        quotes = [q for q in a.quotes if q.label == "direct" and q.embed is None]
        items: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        spans_seen: set[tuple[int, int]] = set()
        for m in re.finditer(r"[A-Za-z]+", text):
            w = m.group(0).lower()
            if w not in LOADED_TERMS:
                continue
            # "freedom" and "fighters" are loaded only together ("Boko Haram fighters", "the girls’
            # freedom" label no one)
            if w in ("freedom", "fighters") and not _FREEDOM_FIGHTERS.search(
                    text, max(0, m.start() - 12), m.end() + 12):
                continue
            if any(ms <= m.start() < me and types.get(eid) in _NAME_TYPES for ms, me, eid in ments):
                continue
            ps, pe = _phrase_around(text, m.start(), m.end())
            label = " ".join(text[ps:pe].split())
            inside = next((q for q in quotes if q.start <= m.start() < q.end), None)
            voice = "quoted" if inside or _within_marks(text, a, m.start()) else "own"
            if (w, voice) in seen or (ps, pe) in spans_seen:
                continue
            seen.add((w, voice))
            spans_seen.add((ps, pe))
            actor = _labelled_actor(a, ps, pe, ments, names, types, salience, outlets)
            speaker = None
            if inside is not None and inside.speaker is not None:
                speaker = (_entity_at(ments, inside.speaker.start, inside.speaker.end, names)
                           or inside.speaker.slice(text))
            items.append({"label": label, "term": w, "name": actor or "", "voice": voice, "speaker": speaker,
                          "start": ps, "end": pe})
        out[a.id] = items
    return out


_OPEN, _CLOSE = "“\"‘", "”\"’"


def _within_marks(text: str, a: Analysis, pos: int) -> bool:
    """True when ``pos`` sits between quotation marks within its sentence (scare quotes count)."""
    sent = next(((s.start, s.end) for s in a.sentences if s.start <= pos < s.end), (max(0, pos - 200), pos))
    before = text[sent[0]:pos]
    opens = sum(before.count(c) for c in "“") + before.count('"') % 2
    closes = sum(before.count(c) for c in "”")
    return opens > closes


def _entity_at(ments: list[tuple[int, int, str]], s: int, e: int, names: dict[str, str]) -> str | None:
    for ms, me, eid in ments:
        if ms < e and s < me:
            return names.get(eid, eid)
    return None


def _phrase_around(text: str, s: int, e: int) -> tuple[int, int]:
    """The loaded word's short noun phrase: a determiner or possessor and up to two modifiers, plus a head
    noun."""
    left = s
    for _ in range(3):
        m = re.search(r"([A-Za-z’'-]+)\s+$", text[max(0, left - 40):left])
        if not m or m.group(1).lower() in _FUNCTION:
            break
        left -= len(m.group(0))
        if m.group(1).lower() in {"the", "a", "an", "its", "their", "his", "her"} \
                or m.group(1).endswith(("’s", "'s")):
            break
    right = e
    for _ in range(2):
        m = re.match(r"\s+([a-z-]+)", text[right:right + 30])
        if not m or m.group(1) not in _HEADS:
            break
        right += len(m.group(0))
    return left, right


def _labelled_actor(a: Analysis, ps: int, pe: int, ments: list[tuple[int, int, str]], names: dict[str, str],
                    types: dict[str, str], salience: Counter[str], outlets: set[str]) -> str | None:
    """Who a label describes: its possessor ("Iran’s terror proxy network"), the speaker it names
    ("said a statement from the terrorist group"), the organisation a nominal refers back to,
    or the actor it governs ("the martyrdom of Qasem Soleimani")."""
    text = a.text
    phrase = text[ps:pe]
    poss = re.match(r"([A-Z][\w-]+)[’']s\b", phrase)
    if poss:
        found = _entity_at(ments, ps, ps + len(poss.group(1)), names)
        if found:
            return found
    for q in a.quotes:
        # A label after the cue names the speaker ("...," said a statement from the terrorist
        # group), unless it is in what was said ("He added that the extremist group could ...").
        if q.embed is None and q.speaker is not None and q.cue is not None \
                and q.cue.end <= ps <= q.cue.end + 40 and not q.start <= ps < q.end:
            found = _entity_at(ments, q.speaker.start, q.speaker.end, names) \
                or (names.get(q.speaker_entity) if q.speaker_entity else None)
            if found:
                return found
    named = re.match(r"\s+(?=[A-Z])", text[pe:pe + 3])
    if named:  # an apposition: "the extremist group Boko Haram"
        found = next((names.get(eid, eid) for ms, me, eid in ments if ms == pe + named.end()), None)
        if found:
            return found
    after = re.match(r"\s+of\s+", text[pe:pe + 6])
    if after:
        found = next((names.get(eid, eid) for ms, me, eid in ments
                      if pe + after.end() <= ms <= pe + after.end() + 40), None)
        if found:
            return found
    if re.match(r"(the|this|that)\b", phrase, re.IGNORECASE):
        # A descriptive nominal ("the terrorist group", "the jihadists") refers back to the story's
        # main actor among those the narrative named before it, not to the nearest name ("the
        # Nigerian military", "reports the Associated Press"): not to a place or a nationality, an
        # outlet reporting the story, or an actor named inside someone else's quotation ("... the
        # Iranian Revolutionary Guard ..."). Entity types are too unreliable to tell a group from
        # a person ("Boko Haram" is tagged PERSON), so the story's mention counts decide.
        quoted = [(q.start, q.end) for q in a.quotes
                  if q.label == "direct" and q.embed is None and q.end <= ps]
        last: dict[str, int] = {}
        for ms, me, eid in ments:
            if me <= ps and types.get(eid) in _ACTOR_TYPES and names.get(eid, eid) not in outlets \
                    and not any(qs <= ms < qe for qs, qe in quoted):
                last[eid] = ms
        if last:
            eid = max(last, key=lambda e: (salience.get(e, 0), last[e]))
            return names.get(eid, eid)
    sent = next(((s.start, s.end) for s in a.sentences if s.start <= ps < s.end),
                (max(0, ps - 150), pe + 150))
    cands = [(abs((ms + me) // 2 - ps), eid) for ms, me, eid in ments
             if sent[0] <= ms < sent[1] and not (ps <= ms < pe)]
    return names.get(min(cands)[1]) if cands else None
