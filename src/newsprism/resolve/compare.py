"""How the articles of one story differ: shared facts, unique facts, conflicts, sources, wording.

A *fact* is a sentence of an article, described by the entities it names, its
numbers, and its content words. Sentences of different articles are aligned
when they share enough of these (TF-IDF cosine over words + entity ids +
number tokens), inside the story only — the story is the candidate block.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from ..model import Analysis, Claim, Entity, Story

__all__ = ["compare_story", "ALIGN_THRESHOLD", "LOADED_TERMS"]

STAGE = "compare.v1"
ALIGN_THRESHOLD = 0.18
MAX_FACT_CHARS = 220

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|million|billion|thousand))?")
_STOP = frozenset(
    """a an the and or but of in on at to for from by with as that this these those it its is are was were be been
    being has have had do does did not no will would can could should may might also than then there their they them
    he she his her we our you your i who whom which what when where while after before during about into over under
    said says say according told statement one two out up more most other such some any all both each very""".split()
)

# Evaluative labels whose use differs by outlet; the phrase around them is reported, not the word alone.
LOADED_TERMS = frozenset(
    """terror terrorist terrorists terrorism proxy proxies regime militia militias martyr martyrs martyrdom
    resistance zionist zionists occupation occupier occupiers aggression massacre massacres assassination
    murder murdered slaughter genocide extremist extremists jihadist jihadists radical radicals thug thugs
    invasion invaders liberation freedom fighters puppet""".split()
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


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_FACT_CHARS else text[: MAX_FACT_CHARS - 1] + "…"


class _Sentence:
    __slots__ = ("article", "start", "end", "text", "entities", "numbers", "vec", "norm")

    def __init__(self, article: str, start: int, end: int, text: str, entities: set[str]):
        self.article, self.start, self.end, self.text = article, start, end, text
        self.entities = entities
        self.numbers = _numbers(text)
        self.vec: dict[str, float] = {}
        self.norm = 0.0


def _sentences(a: Analysis, entity_of: Callable[[str, int, int], str | None], mentions: dict[str, list[tuple[int, int, str]]]) -> list[_Sentence]:
    spans = a.sentences or ((0, len(a.text)),)
    out = []
    for sp in spans:
        s, e = (sp.start, sp.end) if hasattr(sp, "start") else sp  # type: ignore[misc]
        text = a.text[s:e]
        if len(text.split()) < 4:
            continue
        ents = {eid for ms, me, eid in mentions.get(a.id, ()) if s <= ms and me <= e}
        out.append(_Sentence(a.id, s, e, text, ents))
    return out


def _vectorise(sents: list[_Sentence]) -> None:
    docs = [Counter(_tokens(s.text) + [f"ENT:{e}" for e in s.entities] + [f"NUM:{n}" for n in s.numbers]) for s in sents]
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


def _cos(a: _Sentence, b: _Sentence) -> float:
    if len(a.vec) > len(b.vec):
        a, b = b, a
    return sum(w * b.vec.get(t, 0.0) for t, w in a.vec.items()) / (a.norm * b.norm)


def _span(s: _Sentence) -> dict[str, Any]:
    return {"article": s.article, "start": s.start, "end": s.end, "text": _trim(s.text)}


def compare_story(
    story: Story,
    members: Sequence[Analysis],
    entities: Sequence[Entity],
    claims: Sequence[Claim],
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

    # Best counterpart of each sentence in every other article.
    best: dict[int, dict[str, tuple[float, _Sentence]]] = defaultdict(dict)
    for i, s in enumerate(sents):
        for other, cands in by_article.items():
            if other == s.article:
                continue
            top = max(((_cos(s, c), c) for c in cands), key=lambda x: x[0], default=None)
            if top and top[0] >= threshold:
                best[i][other] = top

    n_reports = len(by_article)
    shared, unique, number_conflicts = [], defaultdict(list), []
    seen_shared: set[tuple[str, int]] = set()
    for i, s in enumerate(sents):
        matches = best.get(i, {})
        if n_reports > 1 and len(matches) == n_reports - 1:
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
            unique[s.article].append({"fact": _trim(s.text), "entities": sorted(s.entities), "numbers": s.numbers,
                                      "start": s.start, "end": s.end, "text": _trim(s.text)})
        for other, (score, c) in matches.items():
            if s.article < other and s.numbers and c.numbers and set(s.numbers).isdisjoint(c.numbers) \
                    and (s.entities & c.entities):
                number_conflicts.append({
                    "kind": "number",
                    "description": f"figures differ on {', '.join(sorted(names.get(e, e) for e in s.entities & c.entities))}",
                    "sides": [{"article": s.article, "value": ", ".join(s.numbers), "start": s.start, "end": s.end,
                               "text": _trim(s.text)},
                              {"article": c.article, "value": ", ".join(c.numbers), "start": c.start, "end": c.end,
                               "text": _trim(c.text)}],
                })

    # Embedded posts are kept out of the text, but what an article chose to embed is part of its coverage.
    for a in reports:
        for r in a.article.removed:
            if r.kind == "embed":
                unique[a.id].append({"fact": f"embeds a social-media post: {_trim(r.text)}", "kind": "embed",
                                     "entities": [], "numbers": [], "start": None, "end": None, "text": _trim(r.text)})

    conflicts = number_conflicts + _claim_conflicts(claims, ids) + _date_conflicts(members)
    return {
        "stage": STAGE,
        "shared": shared,
        "unique": {k: v for k, v in unique.items()},
        "conflicts": conflicts,
        "sources": _sources(members),
        "wording": _wording(members, mentions, names),
    }


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


def _date_conflicts(members: Sequence[Analysis]) -> list[dict[str, Any]]:
    """Events of one class with the same participants dated on different days by different articles."""
    seen: dict[tuple[str, frozenset[str]], list[tuple[str, str, int, int, str]]] = defaultdict(list)
    for a in members:
        for ev in a.events:
            if not ev.date or ev.precision != "day":
                continue
            who = frozenset(a.text[p.start:p.end].split()[-1].lower() for p in ev.participants if a.text[p.start:p.end].split())
            if who:
                seen[(ev.label, who)].append((a.id, ev.date, ev.start, ev.end, ev.description))
    out = []
    for (label, who), items in seen.items():
        days = {d for _, d, *_ in items}
        arts = {x[0] for x in items}
        if len(days) > 1 and len(arts) > 1:
            out.append({"kind": "date", "description": f"{label} of {', '.join(sorted(who))} dated differently",
                        "sides": [{"article": aid, "value": d, "start": s, "end": e, "text": desc}
                                  for aid, d, s, e, desc in items]})
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


_PHRASE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|iran[’']s|[A-Z][a-z]+[’']s)\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+", re.I)


def _wording(members: Sequence[Analysis], mentions: dict[str, list[tuple[int, int, str]]], names: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Loaded labels each article uses, in its own voice or inside quotes, with the actor they attach to."""
    out: dict[str, list[dict[str, Any]]] = {}
    for a in members:
        text = a.text
        quote_spans = [(q.start, q.end, q) for q in a.quotes if q.label == "direct"]
        items = []
        seen = set()
        for m in re.finditer(r"[A-Za-z]+", text):
            w = m.group(0).lower()
            if w not in LOADED_TERMS:
                continue
            phrase_s, phrase_e = _phrase_around(text, m.start(), m.end())
            label = " ".join(text[phrase_s:phrase_e].split())
            inside = next((q for s, e, q in quote_spans if s <= m.start() < e), None)
            actor = _actor_for(a, m.start(), mentions, names, inside)
            key = (label.lower(), actor, inside is not None)
            if key in seen:
                continue
            seen.add(key)
            items.append({"label": label, "term": w, "name": actor or "", "voice": "quoted" if inside else "own",
                          "start": phrase_s, "end": phrase_e})
        out[a.id] = items
    return out


def _phrase_around(text: str, s: int, e: int) -> tuple[int, int]:
    """Expand a loaded word to its short noun phrase: up to two words before (stopping at punctuation) and one after."""
    left = s
    words_before = 0
    while words_before < 2:
        m = re.search(r"([A-Za-z’'-]+)\s+$", text[max(0, left - 40):left])
        if not m:
            break
        w = m.group(1)
        if w.lower() in {"and", "or", "but", "that", "which", "was", "is", "were", "are", "said", "of"}:
            break
        left = left - len(m.group(0))
        words_before += 1
    right = e
    m = re.match(r"\s+([a-z-]+)", text[e:e + 30])
    if m and m.group(1) in {"group", "groups", "network", "organization", "organisation", "regime", "militia", "state", "forces", "army", "movement", "attack", "attacks", "proxy", "leader"}:
        right = e + len(m.group(0))
    return left, right


def _actor_for(a: Analysis, pos: int, mentions: dict[str, list[tuple[int, int, str]]], names: dict[str, str], quote: Any) -> str | None:
    """The actor a label attaches to: a name inside the phrase's sentence, else the quote's speaker."""
    sent = next(((s.start, s.end) for s in a.sentences if s.start <= pos < s.end), (max(0, pos - 150), pos + 150))
    cands = [(abs(((ms + me) // 2) - pos), eid) for ms, me, eid in mentions.get(a.id, ()) if sent[0] <= ms < sent[1]]
    if quote is not None and quote.speaker is not None:
        for ms, me, eid in mentions.get(a.id, ()):
            if ms <= quote.speaker.start < me or quote.speaker.start <= ms < quote.speaker.end:
                return names.get(eid, eid)
    if cands:
        return names.get(min(cands)[1])
    return None
