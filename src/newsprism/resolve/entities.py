"""Entity resolution: one entity per real actor, within and across articles.

Two steps. Within an article, mentions with the same key are one local entity, and
acronyms ("IRGC"), partial names ("Sharif", "Revolutionary Guard") and surnames join
the full name they abbreviate when the article holds exactly one candidate. Across
articles, local entities are compared only inside blocks that share a key (exact
key, acronym/initials, transliteration skeleton, head-word skeleton), never all pairs:
exact keys and acronyms merge; transliteration variants ("Qasem"/"Qassem") merge when
their skeletons agree and the spellings are close; a lone surname joins a full name
only when the block holds exactly one person with that surname. Types are fixed by the
majority of all mentions. The result does not depend on the order of the articles.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from ..model import Analysis, Entity, EntityMention, Mention, Span
from ..stages.temporal import MONTHS
from .names import (
    ROLE_WORDS,
    TITLES,
    acronym_of,
    fold,
    initials,
    is_acronym,
    loose_tokens,
    name_key,
    skeleton,
)

__all__ = ["KNOWN_EVENT_DATES", "STAGE", "entity_at", "entity_of", "resolve_entities"]

STAGE = "entities.v5"

# Blocks bigger than this skip the pairwise (fuzzy) rules; exact keys still merge.
MAX_BLOCK = 400

# A small gazetteer of named-event aliases: operations whose date is public knowledge, so
# "Oct. 7 attacks" (key "10-07 attack") and "Al-Aqsa Flood" can be one event even when no
# article writes the date next to the name. Keys are name_key(..., "EVENT") forms. The
# evidence-driven path needs no table: an event name in a sentence holding exactly one
# month-and-day date ("Hamas launched Operation Al-Aqsa Flood on October 7") takes that date.
KNOWN_EVENT_DATES: dict[str, str] = {
    "aqsa flood": "10-07",
    "desert storm": "01-17",
    "barbarossa": "06-22",
    "overlord": "06-06",
}

_GROUP = {
    "PERSON": "P",
    "ORG": "O",
    "NORP": "N",
    "GPE": "L",
    "LOC": "L",
    "FAC": "L",
    "EVENT": "E",
    "PRODUCT": "X",
    "WORK_OF_ART": "W",
    "LAW": "W",
    "MISC": "*",
}


def _group(label: str) -> str:
    return _GROUP.get(label, "*")


def _compatible(a: str, b: str) -> bool:
    ga, gb = _group(a), _group(b)
    return ga == gb or "*" in (ga, gb)


# The small model often tags a team, a ship or a brand as PRODUCT or WORK_OF_ART and the
# fuller name as ORG ("Chargers" PRODUCT, "San Diego Chargers" ORG): for partial names these
# groups do not keep two names apart.
_ORGLIKE = frozenset("OXW*")


def _loosely_compatible(a: str, b: str) -> bool:
    return _compatible(a, b) or (_group(a) in _ORGLIKE and _group(b) in _ORGLIKE)


@dataclass
class _Local:
    """Mentions of one actor inside one article (or one existing entity)."""

    uid: int
    article: str
    mentions: list[tuple[Mention, float]] = field(default_factory=list)  # (mention, link confidence)
    surfaces: Counter[str] = field(default_factory=Counter)
    keys: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    acronyms: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)  # "MM-DD" written next to an event name
    existing: Entity | None = None
    link: float = 1.0  # confidence of the cross-article link that joined it
    fixed: str = ""  # label fixed by the votes of every article using the same name
    locative: bool = False  # some mention follows "in", "at", "near"... (a place, not a person)
    common: bool = False  # a one-word name the article also writes in lower case
    titled: bool = False  # a one-word name written after a title ("Mullah Omar", "Mr Graham")
    place_cues: int = 0  # mentions whose context reads as a place ("border with Niger", "Guerrero state")
    strong_cues: int = 0  # place cues that no organisation takes ("border with", "state of")
    group_cues: int = 0  # mentions whose context reads as a group ("Boko Haram militants")

    @property
    def label(self) -> str:
        return self.fixed or self.own_label

    @functools.cached_property
    def own_label(self) -> str:
        votes = Counter({k: v for k, v in self.labels.items() if k != "MISC"})
        if not votes:
            return "MISC"
        return max(sorted(votes), key=lambda lab: votes[lab])

    def maximal(self) -> list[tuple[str, ...]]:
        """Loose token tuples of this entity's names not contained as a suffix in a longer one."""
        return self._maximal

    @functools.cached_property
    def _maximal(self) -> list[tuple[str, ...]]:
        forms = {loose_tokens(k) for k in self.keys if k not in self.acronyms}
        if self.own_label == "PERSON":
            # "Arcade Joseph Comeaux Jr." is "Arcade Joseph Comeaux".
            forms = {f[:-1] if len(f) > 2 and f[-1] in _NAME_SUFFIXES else f for f in forms}
            # A role inside the span: "Colts QB Andrew Luck" is "Andrew Luck".
            forms = {_after_role(f) for f in forms}
        # A score cut into the name ("Evansville 51 - 50"): two numbers at its end are no name.
        forms = {_without_score(f) for f in forms}
        out = []
        for f in forms:
            if any(len(g) > len(f) and g[-len(f) :] == f for g in forms):
                continue
            # A given name used alone ("Tara" of "Tara Reid") is no name to match others by.
            if len(f) == 1 and any(len(g) > 1 and g[0] == f[0] for g in forms):
                continue
            out.append(f)
        return sorted(out)

    def first(self) -> tuple[str, int]:
        return (self.article, min((m.start for m, _ in self.mentions), default=0))


_ROLES_INSIDE = (
    TITLES | ROLE_WORDS | {"qb", "rb", "wr", "quarterback", "linebacker", "cornerback", "receiver"}
)


def _after_role(form: tuple[str, ...]) -> tuple[str, ...]:
    for k in range(len(form) - 2, 0, -1):
        if form[k] in _ROLES_INSIDE:
            return form[k + 1 :]
    return form


def _plural_word(key: str) -> bool:
    """One word written as a plural ("colts"): a team or a people, hardly a person's name."""
    return " " not in key and len(key) > 4 and key.endswith("s") and not key.endswith("ss")


_LOWER_WORD = re.compile(r"(?<!\w)[a-z]+(?!\w)")
_SCORE = re.compile(r"\d+(?:[-–]\d+)?")


def _without_score(form: tuple[str, ...]) -> tuple[str, ...]:
    n, numbers = len(form), 0
    while n and _SCORE.fullmatch(form[n - 1]):
        n -= 1
        numbers += 1 + form[n].count("-") + form[n].count("–")
    return form[:n] if n and numbers >= 2 else form


def _ends_with(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` is the head of ``long``: its last words, or the words before "of".

    "Academy" heads "Academy of Arts"; "Surgeon General" does not head "Office of the
    Surgeon General", nor "Aden" "Gulf of Aden" (a complement after "of" is another thing);
    a coordination has no single head: "Cheeks" does not abbreviate "Philly and Cheeks".
    """
    if len(long) <= len(short):
        return False
    head = long[: long.index("of")] if "of" in long else long
    if len(head) < len(short) or head[-len(short) :] != short:
        return False
    return not any(t in _COORD for t in head[: len(head) - len(short)])


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """``short`` (2+ words) sits inside ``long`` as a run ("Ellen DeGeneres Returns")."""
    n = len(short)
    if n < 2 or len(long) <= n:
        return False
    # Compare singular forms: the head's plural is folded in one form and not in the other.
    long, short = tuple(map(_singular, long)), tuple(map(_singular, short))
    for i in range(len(long) - n + 1):
        if long[i : i + n] == short:
            rest = long[:i] + long[i + n :]
            # "Office of the Surgeon General" is not a badly cut "Surgeon General".
            return not any(t in _NAME_SUFFIXES or t in _LINKING for t in rest)
    return False


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_COORD = frozenset({"and", "&", "or"})
_PLACE_WORDS = [[w] for w in ("in", "at", "near", "into", "across", "outside")]
_LINKING = frozenset({"of", "the", "for", "and", "&", "or", "de", "du", "la", "at", "in", "on"})


def _titled(surface: str) -> bool:
    """A title then one word ("Mullah Omar", "Mr. Graham"): the name the person goes by, no given name."""
    toks = surface.replace(".", " ").split()
    return len(toks) >= 2 and all(fold(t) in TITLES for t in toks[:-1])


_BEFORE_PLACE = frozenset(
    {"in", "near", "into", "across", "outside", "neighbouring", "neighboring", "northern", "southern",
     "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern"}
)
_BEFORE_PLACE_2 = frozenset(
    {"border with", "town of", "village of", "city of", "state of", "province of", "region of",
     "north of", "south of", "east of", "west of", "capital of"}
)
_AFTER_PLACE = frozenset({"state", "province", "region", "border", "town", "village", "district", "county"})
_AFTER_GROUP = frozenset(
    {"militants", "fighters", "gunmen", "insurgents", "insurgency", "members", "militia", "militiamen",
     "rebels", "extremists", "sect", "commanders", "camps"}
)
_BEFORE_GROUP = frozenset({"militants", "militant", "insurgents", "sect", "movement", "extremists"})
_BEFORE_GROUP_2 = frozenset(
    {"members of", "the group", "militant group", "islamist group", "terrorist group"}
)
# Cues that hold for an organisation too ("in Congress"): only these overrule an ORG as a place.
_WEAK_PLACE = frozenset({"in", "near", "into", "across", "outside"})
_WORD = re.compile(r"[\w'’-]+")


def _context_cues(text: str, start: int, end: int) -> tuple[int, int, int]:
    """(place, strong place, group) cue of one mention from the words just around it.

    A person is not written "in Niger", "the border with Cameroon", "Guerrero state" or
    "Boko Haram militants": the words around a name overrule the small model's PERSON.
    """
    if text[end : end + 2] in ("'s", "’s"):
        return 0, 0, 0  # "in Obama's speech"
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])][-2:]
    after = [w.lower() for w in _WORD.findall(text[end : end + 30])][:1]
    if text[max(0, start - 40) : start].rstrip()[-1:] in ".,;:!?\"“”\n":
        before = []  # the words before belong to another clause
    if end < len(text) and text[end : end + 1] in ",.;:!?":
        after = []
    last = before[-1] if before else ""
    two = " ".join(before) if len(before) == 2 else ""
    strong = int(two in _BEFORE_PLACE_2 or (last in _BEFORE_PLACE and last not in _WEAK_PLACE)
                 or bool(after and after[0] in _AFTER_PLACE))
    place = int(strong or last in _WEAK_PLACE)
    group = int(bool(after and after[0] in _AFTER_GROUP) or last in _BEFORE_GROUP or two in _BEFORE_GROUP_2)
    return place, strong, group


def _singular(token: str) -> str:
    return token[:-1] if len(token) > 4 and token.endswith("s") and not token.endswith("ss") else token


class _UF:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.conf = [1.0] * n

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int, conf: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # The smaller root wins, so the final forest does not depend on the order of unions.
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.conf[lo] = min(self.conf[lo], self.conf[hi], conf)


# --------------------------------------------------------------------------- within an article


_MONTH_DAY = re.compile(
    r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.? (\d{1,2})(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)


def _sentence_dates(text: str, start: int, end: int, sentences: Sequence[Span]) -> set[str]:
    """The one month-and-day date written in the sentence around ``text[start:end]`` (none if 0 or 2+)."""
    lo, hi = max(0, start - 200), min(len(text), end + 200)
    for s in sentences:
        if s.start <= start and end <= s.end:
            lo, hi = s.start, s.end
            break
    found = set()
    for m in _MONTH_DAY.finditer(text, lo, hi):
        if m.start() <= start < m.end() or not m.group(1)[:1].isupper():
            continue
        day = int(m.group(2))
        if 1 <= day <= 31:
            found.add(f"{MONTHS[m.group(1).lower()]:02d}-{day:02d}")
    return found if len(found) == 1 else set()


def _local_entities(
    article: str, mentions: Sequence[Mention], text: str, start_uid: int, sentences: Sequence[Span] = ()
) -> list[_Local]:
    """Group one article's name mentions into local entities."""
    ms = sorted((m for m in mentions if m.kind == "name" and m.key), key=lambda m: (m.start, m.end))
    if not ms:
        return []
    uf = _UF(len(ms))
    link = [1.0] * len(ms)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        by_key[m.key].append(i)
    for idx in by_key.values():
        for j in idx[1:]:
            uf.union(idx[0], j, 1.0)
    surf = [text[m.start : m.end] for m in ms]
    loose = {k: loose_tokens(k) for k in by_key}
    # Acronyms: "IRGC" joins "Islamic Revolutionary Guard Corp" in the same article.
    inits: dict[str, set[str]] = defaultdict(set)
    for k, idx in by_key.items():
        if not is_acronym(surf[idx[0]]):
            for a in initials(k.split()):
                inits[a].add(k)
    for k, idx in by_key.items():
        if is_acronym(surf[idx[0]]):
            targets = sorted(
                t
                for t in inits.get(acronym_of(surf[idx[0]]), ())
                if _compatible(ms[by_key[t][0]].label, ms[idx[0]].label)
            )
            for t in targets:
                uf.union(idx[0], by_key[t][0], 0.9)
    # Partial names: "Sharif" -> "Ramzan Sharif", "Revolutionary Guard" -> "Iranian Revolutionary Guard".
    # Longest partial names first, so "Revolutionary Guard" has joined its full name before "Guard" looks.
    # Keys by the last word of their head, so a partial name is compared only with the
    # names it could end (not with every name of the article).
    by_head: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        toks = loose[k]
        head = toks[: toks.index("of")] if "of" in toks else toks
        if head:
            by_head[head[-1]].append(k)
    for k, idx in sorted(by_key.items(), key=lambda kv: (-len(loose[kv[0]]), kv[0])):
        short = loose[k]
        m0 = ms[idx[0]]
        if is_acronym(surf[idx[0]]) or m0.label == "EVENT" or not short:
            continue
        cands = []
        for other in by_head.get(short[-1], ()):
            oidx = by_key[other]
            long = loose[other]
            if not _ends_with(long, short):
                continue
            lab = ms[oidx[0]].label
            # A surname the model types PERSON ends a two-word name it typed ORG once ("said Rona
            # Peligal, Human Rights Watch deputy director" ... "Peligal says"): the person's.
            person_named = len(short) == 1 and len(long) == 2 and m0.label == "PERSON" and _group(lab) == "O"
            if len(short) == 1 and not (
                lab == "PERSON" or person_named or (_group(lab) == "O" and _group(m0.label) in "O*")
            ):
                continue
            if _compatible(lab, m0.label) or (len(short) == 1 and lab == "PERSON") or person_named:
                cands.append(other)
        roots = sorted({uf.find(by_key[c][0]) for c in cands})
        if len(roots) == 1:
            uf.union(idx[0], roots[0], 0.85)
            for i in idx:
                link[i] = 0.85
        elif len(roots) > 1 and m0.label in ("PERSON", "MISC"):
            # Ambiguous surname ("Trump" with Donald and Ivanka): each mention takes the
            # nearest full name before it, if any.
            for i in idx:
                before = [
                    (ms[by_key[c][j]].start, by_key[c][j])
                    for c in cands
                    for j in range(len(by_key[c]))
                    if ms[by_key[c][j]].start < ms[i].start
                ]
                if before:
                    uf.union(i, max(before)[1], 0.6)
                    link[i] = 0.6
    # A given name alone ("Tara" after "Tara Reid", "Reid"): the one person of the article
    # called so, when the article also names that person by surname alone. The small model
    # tags "Tony Awards" or "Bloomington Sam's Club" PERSON; a surname used alone is the
    # evidence that the full name is someone's.
    keys_of_root: Counter[int] = Counter(uf.find(idx[0]) for idx in by_key.values())
    firsts: dict[str, set[int]] = defaultdict(set)
    for k, idx in by_key.items():
        root = uf.find(idx[0])
        if (
            len(loose[k]) >= 2
            and ms[idx[0]].label == "PERSON"
            and keys_of_root[root] > 1
            and any(
                len(loose[o]) == 1 and loose[o][0] == loose[k][-1] and uf.find(by_key[o][0]) == root
                for o in by_head.get(loose[k][-1], ())
            )
        ):
            firsts[k.split()[0]].add(root)
    for k, idx in sorted(by_key.items()):
        # The key as written: "Roberts" is no plural of "Robert".
        if " " in k or ms[idx[0]].label != "PERSON" or is_acronym(surf[idx[0]]):
            continue
        given = firsts.get(k, set())
        if len(given) == 1 and keys_of_root[uf.find(idx[0])] == 1:
            uf.union(idx[0], next(iter(given)), 0.6)
            for i in idx:
                link[i] = 0.6
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ms)):
        groups[uf.find(i)].append(i)
    out: list[_Local] = []
    for n, root in enumerate(sorted(groups)):
        loc = _Local(uid=start_uid + n, article=article)
        for i in groups[root]:
            m = ms[i]
            loc.mentions.append((m, link[i]))
            loc.surfaces[surf[i]] += 1
            loc.keys[m.key] += 1
            loc.labels[m.label] += 1
            if is_acronym(surf[i]):
                loc.acronyms.add(m.key)
            if m.label == "EVENT" and not m.key[:1].isdigit():
                loc.dates |= _sentence_dates(text, m.start, m.end, sentences)
        # A word set in capitals ("COLTS", "DRAKE") that the article also writes as a word
        # ("Colts") is that word, not an acronym; short ones ("NATO" / "Nato") stay acronyms.
        for key in list(loc.acronyms):
            if (
                len(key) >= 5
                and " " not in key
                and any(not is_acronym(sf) and name_key(sf) == key for sf in loc.surfaces)
            ):
                loc.acronyms.discard(key)
        out.append(loc)
    return out


def _from_existing(ent: Entity, uid: int) -> _Local:
    loc = _Local(uid=uid, article="", existing=ent)
    for name in (ent.name, *ent.aliases):
        key = name_key(name, ent.type)
        if key:
            loc.keys[key] += 1
            loc.surfaces[name] += 1
            if is_acronym(name):
                loc.acronyms.add(key)
    loc.labels[ent.type] += max(1, len(ent.mentions))
    return loc


# --------------------------------------------------------------------------- across articles


def _fix_types(locs: Sequence[_Local]) -> None:
    """One name, one type: the majority label of a name over all articles wins ("Perth" GPE, not ORG)."""
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    # A lone word also hears the names it ends: "Cheeks" tagged ORG once, "Maurice Cheeks" PERSON often.
    heads: dict[str, Counter[str]] = defaultdict(Counter)
    forms = [loc.maximal() for loc in locs]
    for loc, fs in zip(locs, forms):
        own = Counter({k: v for k, v in loc.labels.items() if k != "MISC"})
        for f in fs:
            votes[f].update(own)
            if len(f) > 1 and not any(t in _COORD for t in f):
                heads[f[-1]].update(own)
    # The words around the mentions of a name: "border with Niger", "Boko Haram militants".
    cues: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for loc, fs in zip(locs, forms):
        for f in fs:
            c = cues[f]
            c[0] += len(loc.mentions)
            c[1] += loc.place_cues
            c[2] += loc.strong_cues
            c[3] += loc.group_cues
    for loc, fs in zip(locs, forms):
        total: Counter[str] = Counter()
        for f in fs:
            total.update(votes[f])
            if len(f) == 1 and not loc.acronyms:
                total.update(heads.get(f[0], {}))
        if total:
            best = max(sorted(total), key=lambda lab: total[lab])
            decided = False
            if not loc.acronyms and len(fs) == 1 and fs[0] in cues:
                best, decided = _overruled(best, total, cues[fs[0]])
            if best != loc.label and (total[best] > total[loc.label] or decided):
                loc.fixed = best


_PLACE_LABELS = ("GPE", "LOC", "FAC")
_GROUP_LABELS = ("ORG", "NORP")


def _overruled(best: str, total: Counter[str], cues: list[int]) -> tuple[str, bool]:
    """The type the words around a name's mentions give, where they contradict the votes.

    ``cues``: (mentions, place cues, strong place cues, group cues) over every article. No
    person is written "the border with Niger" or "Boko Haram militants", so a tenth of the mentions
    read so overrule a PERSON majority of the small model's, with two or more cues no clinic or
    agency takes ("town of", "state"; not "in"/"into") for a place; an organisation yields to a
    place only on such cues ("the border with Cameroon", "northern Cameroon"). Returns the
    type and whether the cues chose it.
    """
    n, place, strong, group = cues
    tied = [lab for lab in total if lab != "MISC" and total[lab] == total[best]]
    if len(tied) > 1:
        # Even votes ("Adamawa" ORG 3, GPE 3): the cues decide, else each article keeps its own.
        if place > group and any(lab in _PLACE_LABELS for lab in tied):
            return _best_of(_PLACE_LABELS, total), True
        if group > place and any(lab in _GROUP_LABELS for lab in tied):
            return _best_of(_GROUP_LABELS, total), True
        return best, False
    if best == "PERSON" and group >= max(2, n / 10) and group > place:
        return _best_of(_GROUP_LABELS, total), True
    if best == "PERSON" and strong >= 2 and place >= n / 10 and place > group:
        # "in" or "into" alone may be a building's or an agency's ("checked into Betty Ford").
        return _best_of(_PLACE_LABELS, total), True
    if best == "ORG" and strong >= max(2, n / 4) and strong > group:
        return _best_of(_PLACE_LABELS, total), True
    return best, False


def _best_of(labels: Sequence[str], total: Counter[str]) -> str:
    """The most voted of ``labels`` (the first of them when none has a vote)."""
    return max(labels, key=lambda lab: (total[lab], -labels.index(lab)))


def _blocks(locs: Sequence[_Local]) -> dict[str, list[int]]:
    """Blocking keys -> local entity indices."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, loc in enumerate(locs):
        keys: set[str] = set()
        for form in loc.maximal():
            keys.add("k:" + " ".join(form))
            keys.add("s:" + " ".join(skeleton(t) for t in form))
            keys.add("h:" + skeleton(form[-1]))
            if "of" in form and form.index("of") > 0:
                keys.add("h:" + skeleton(form[form.index("of") - 1]))
            for a in initials(form):
                keys.add("a:" + a)
            if loc.label == "PERSON" and len(form) > 1 and len(form[0]) > 1:
                keys.add("g:" + skeleton(form[0]))
        for k in loc.keys:
            if k not in loc.acronyms:
                keys.add("h:" + skeleton(loose_tokens(k)[-1]))
        for a in loc.acronyms:
            keys.add("a:" + a)
            keys.add("A:" + a)
        for k in loc.keys:
            if loc.label == "EVENT" or _group(loc.label) == "*":
                date = KNOWN_EVENT_DATES.get(k) or (k.split()[0] if k[:2].isdigit() else None)
                if date:
                    keys.add("d:" + date)
        if loc.label == "EVENT":
            keys.update("d:" + d for d in loc.dates)
        for k in keys:
            blocks[k].append(i)
    return blocks


def _given_prefix(x: str, y: str) -> bool:
    """One given name shortens the other: an initial ("j" / "john") or a short form ("chris" /
    "christopher")."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if short == long or not long.startswith(short):
        return False
    return len(short) == 1 or len(short) >= 3


def _given_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'j smith' ~ 'john smith', 'chris paul' ~ 'christopher paul', 'j smith' ~ 'john michael smith'.

    Same surname, the given names one a shortening of the other. Weaker evidence than a
    spelling variant: the caller takes it only when it points to one full given name.
    """
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or abs(len(a) - len(b)) > 1:
        return False
    if len(a[-1]) < 2 or not _given_prefix(a[0], b[0]):
        return False
    if len(a) == len(b):
        return all(x == y or _given_prefix(x, y) for x, y in zip(a[1:-1], b[1:-1]))
    return True


def _same_person_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'ramadan sharif' ~ 'ramzan sharif': same surname skeleton, close first names.

    Also 'luann johnson' ~ 'luann marie johnson' (a middle name or initial added).
    """
    if len(a) >= 2 and len(b) >= 2 and abs(len(a) - len(b)) == 1:
        short, long = (a, b) if len(a) < len(b) else (b, a)
        return len(long) == 3 and short[0] == long[0] and short[-1] == long[-1]
    if len(a) != len(b) or len(a) < 2 or skeleton(a[-1]) != skeleton(b[-1]):
        return False
    if fuzz.ratio(a[-1], b[-1]) < 80:
        return False
    return all(
        JaroWinkler.similarity(x, y) >= 0.85 or skeleton(x) == skeleton(y) for x, y in zip(a[:-1], b[:-1])
    )


def _acronym_led(form: tuple[str, ...], loc: _Local) -> bool:
    """The form starts with a word written in capitals ("INS Sukanya", "USS Cole")."""
    if len(form) < 2 or not 2 <= len(form[0]) <= 4:
        return False
    return any(
        s.split()[0].replace(".", "").isupper() and fold(s.split()[0].replace(".", "")) == form[0]
        for s in loc.surfaces
        if s.split()
    )


def _pair_rules(locs: Sequence[_Local], blocks: dict[str, list[int]], uf: _UF) -> None:
    """Merges that need only the two local entities: exact keys, acronyms, spelling variants."""
    maximal = [loc.maximal() for loc in locs]
    labels = [loc.label for loc in locs]
    for bkey in sorted(blocks):
        idx = blocks[bkey]
        if len(idx) < 2:
            continue
        kind = bkey[:2]
        if kind == "k:":
            form = tuple(bkey[2:].split())
            # A shared full name; a shared lone word only between entities that are only that word.
            members = [i for i in idx if len(form) > 1 or maximal[i] == [form]]
            _union_compatible(members, labels, uf, 0.95)
        elif kind == "A:":
            _union_compatible(idx, labels, uf, 0.9)
        elif kind == "a:":
            acr = bkey[2:]
            short = [i for i in idx if acr in locs[i].acronyms]
            # Only a spelling-out the acronym's type allows competes: "Arabian Peninsula" (a place)
            # leaves "AP" (an agency) to "Associated Press".
            expansions = [
                i
                for i in idx
                if any(acr in initials(f) for f in maximal[i])
                and any(_compatible(labels[i], labels[j]) for j in short)
            ]
            exp_roots = {uf.find(i) for i in expansions}
            if short and len(exp_roots) == 1:
                _union_compatible(short + expansions, labels, uf, 0.85)
        elif kind == "s:" and len(idx) <= MAX_BLOCK:
            for x in range(len(idx)):
                for y in range(x + 1, len(idx)):
                    i, j = idx[x], idx[y]
                    if not _compatible(labels[i], labels[j]):
                        continue
                    if any(
                        len(f) == len(g)
                        and (len(f) > 1 or _group(labels[i]) != "P")
                        and fuzz.ratio(" ".join(f), " ".join(g)) >= 85
                        for f in maximal[i]
                        for g in maximal[j]
                    ):
                        uf.union(i, j, 0.85)
        elif kind == "h:" and len(idx) <= MAX_BLOCK:
            persons = [i for i in idx if labels[i] == "PERSON"]
            shortened: dict[tuple[int, tuple[str, ...]], set[str]] = defaultdict(set)
            partners: dict[tuple[int, tuple[str, ...]], list[int]] = defaultdict(list)
            for x in range(len(persons)):
                for y in range(x + 1, len(persons)):
                    i, j = persons[x], persons[y]
                    if any(_same_person_variant(f, g) for f in maximal[i] for g in maximal[j]):
                        uf.union(i, j, 0.7)
                        continue
                    for f in maximal[i]:
                        for g in maximal[j]:
                            if _given_variant(f, g):
                                # The shorter given name hears which full given names it could be.
                                s_i, s_f, l_f = (i, f, g) if len(f[0]) < len(g[0]) else (j, g, f)
                                shortened[(s_i, s_f)].add(l_f[0])
                                partners[(s_i, s_f)].append(j if s_i == i else i)
            # "J. Smith" with only "John Smith" around joins him; with John and Jane, neither.
            for key, given in sorted(shortened.items()):
                if len(given) == 1:
                    for j in partners[key]:
                        uf.union(key[0], j, 0.65)
            # A leading acronym spelled out, same rest ("INS Sukanya" = "Indian Naval Ship
            # Sukanya"): evidence enough, whatever the small model's types for ships and brands.
            led = [(i, f) for i in idx for f in maximal[i] if _acronym_led(f, locs[i])]
            if led:
                spelled: dict[tuple[str, ...], list[int]] = defaultdict(list)
                for j in idx:
                    for g in maximal[j]:
                        for k in range(2, min(len(g), 8)):
                            spelled[("".join(t[0] for t in g[:k]), *g[k:])].append(j)
                for i, f in led:
                    for j in spelled.get(f, ()):
                        if j != i:
                            uf.union(i, j, 0.8)
        elif kind == "d:" and len(idx) <= MAX_BLOCK:
            events = [i for i in idx if _group(labels[i]) in "E*"]
            _union_compatible(events, labels, uf, 0.7)


def _union_compatible(idx: Sequence[int], labels: Sequence[str], uf: _UF, conf: float) -> None:
    by_group: dict[str, list[int]] = defaultdict(list)
    loose: list[int] = []
    for i in idx:
        g = _group(labels[i])
        (loose if g == "*" else by_group[g]).append(i)
    for members in by_group.values():
        for j in members[1:]:
            uf.union(members[0], j, conf)
    # Untyped mentions join the typed group only when there is exactly one.
    if len(by_group) == 1:
        anchor = next(iter(by_group.values()))[0]
        for j in loose:
            uf.union(anchor, j, conf)
    elif not by_group:
        for j in loose[1:]:
            uf.union(loose[0], j, conf)


def _labels_overlap(a: _Local, b: _Local) -> bool:
    """Some mention of each was given a type the other also got (untyped ones match anything)."""
    ga = {_group(lab) for lab in a.labels}
    gb = {_group(lab) for lab in b.labels}
    return bool(ga & gb) or "*" in ga or "*" in gb


def _partial_rules(
    locs: Sequence[_Local],
    blocks: dict[str, list[int]],
    uf: _UF,
    weights: Sequence[int] = (),
    articles: Sequence[set[str]] = (),
    locative: Sequence[bool] = (),
    titled: Sequence[bool] = (),
) -> None:
    """Partial names across articles, decided against a snapshot so order does not matter.

    ``weights``: mentions each node stands for (a node is every local entity sharing its names);
    ``articles``: the articles of each node; ``locative``: some mention of the node reads as a place;
    ``titled``: some mention of the one-word node follows a title ("Mullah Omar").
    """
    weights = weights or [len(loc.mentions) for loc in locs]
    node_articles = articles or [{loc.article} for loc in locs]
    node_locative = locative or [loc.locative for loc in locs]
    node_titled = titled or [loc.titled for loc in locs]
    roots = [uf.find(i) for i in range(len(locs))]
    labels = [locs[i].label for i in range(len(locs))]
    maximal = [loc.maximal() for loc in locs]
    edges: list[tuple[int, int, float]] = []
    for i, loc in enumerate(locs):
        forms = maximal[i]
        if not forms:
            continue
        # Lone surname ("Sharif", "Soleimani") -> the one person in its block with that surname.
        any_surname = False
        if all(len(f) == 1 for f in forms) and labels[i] in ("PERSON", "MISC") and not loc.acronyms:
            for f in forms:
                block = blocks.get("h:" + skeleton(f[0]), [])
                weight: Counter[int] = Counter()
                for j in block:
                    if labels[j] == "PERSON" and any(len(g) > 1 and g[-1] == f[0] for g in maximal[j]):
                        weight[roots[j]] += weights[j]
                any_surname = any_surname or bool(weight)
                if len(weight) == 1:
                    edges.append((i, next(iter(weight)), 0.7))
                elif weight:
                    # Several people share the surname: a lone "Trump" is the one the block
                    # names far more often than all the others together, or nobody.
                    top, n_top = weight.most_common(1)[0]
                    rest = sum(weight.values()) - n_top
                    if n_top >= 3 and n_top >= 4 * rest:
                        edges.append((i, top, 0.5))
        # Lone given name ("Lindsay", "Kathina") -> the one person in its block with that given
        # name, unless some person there has it as a surname. The small model often types a
        # rare given name as a place or a product: then only a person named in full in the same
        # article takes it, and never a word written as a place ("in Paris"). A word after a title
        # is the name someone goes by ("Mullah Omar", "Mr Graham"), not the given name of another
        # ("Omar Sanchez"): a given name alone is the familiar form, written without one.
        if all(len(f) == 1 for f in forms) and not loc.acronyms and len(forms) == 1 and not node_titled[i]:
            f = forms[0]
            surname = any(
                labels[j] == "PERSON" and any(len(g) > 1 and g[-1] == f[0] for g in maximal[j])
                for j in blocks.get("h:" + skeleton(f[0]), [])
            )
            person_like = labels[i] in ("PERSON", "MISC")
            if not surname and (person_like or (not node_locative[i] and _group(labels[i]) != "N")):
                gweight: Counter[int] = Counter()
                for j in blocks.get("g:" + skeleton(f[0]), []):
                    if labels[j] != "PERSON" or roots[j] == roots[i]:
                        continue
                    if not any(len(g) > 1 and g[0] == f[0] for g in maximal[j]):
                        continue
                    if not person_like and not (node_articles[i] & node_articles[j]):
                        continue
                    gweight[roots[j]] += weights[j]
                if len(gweight) == 1:
                    edges.append((i, next(iter(gweight)), 0.6))
                elif gweight:
                    top, n_top = gweight.most_common(1)[0]
                    if n_top >= 3 and n_top >= 4 * (sum(gweight.values()) - n_top):
                        edges.append((i, top, 0.5))
        # Lone organisation word ("Academy") -> the one organisation in its block headed by it.
        # So is a lone plural word typed as a person that no person in the block has as surname: the
        # small model takes a team's "Colts" for a person.
        orgish = _group(labels[i]) in _ORGLIKE or (
            labels[i] == "PERSON" and not any_surname and all(_plural_word(k) for k in loc.keys)
        )
        if all(len(f) == 1 for f in forms) and orgish and not loc.acronyms:
            for f in forms:
                block = blocks.get("h:" + skeleton(f[0]), [])
                targets = {
                    roots[j]
                    for j in block
                    if _group(labels[j]) in _ORGLIKE
                    and _group(labels[j]) != "*"
                    and roots[j] != roots[i]
                    and any(_ends_with(g, f) for g in maximal[j])
                }
                if len(targets) == 1:
                    edges.append((i, targets.pop(), 0.6))
        # A known full name inside a longer, badly cut span ("Hire Maurice Cheeks").
        for f in forms:
            if len(f) < 3:
                continue
            cands = {j for t in f for j in blocks.get("h:" + skeleton(t), [])}
            targets = {
                roots[j]
                for j in cands
                if roots[j] != roots[i]
                and (labels[j] == "PERSON" or _compatible(labels[i], labels[j]))
                and any(_contains(f, g) for g in maximal[j])
            }
            if len(targets) == 1:
                edges.append((i, targets.pop(), 0.6))
        # Multi-word partial org/place names ("Revolutionary Guard") -> one longer name ending so.
        for key in loc.keys:
            short = loose_tokens(key)
            if len(short) < 2 or key in loc.acronyms or labels[i] == "EVENT":
                continue
            block = blocks.get("h:" + skeleton(short[-1]), [])
            targets = {
                roots[j]
                for j in block
                if roots[j] != roots[i]
                and (_loosely_compatible(labels[i], labels[j]) or _labels_overlap(loc, locs[j]))
                and any(_ends_with(g, short) for g in maximal[j])
            }
            if len(targets) == 1:
                edges.append((i, targets.pop(), 0.75))
    for a, b, conf in sorted(edges):
        uf.union(a, b, conf)


# --------------------------------------------------------------------------- output


def _canonical(locs: Sequence[_Local]) -> str:
    """The most complete well-formed surface form."""
    surfaces: Counter[str] = Counter()
    for loc in locs:
        surfaces.update(loc.surfaces)

    def score(s: str) -> tuple[int, int, int, int, str]:
        key = name_key(s)
        toks = len(key.split()) if not is_acronym(s) else 0
        has_digit = int(not any(ch.isdigit() for ch in s))
        return (has_digit if toks else 0, toks, surfaces[s], len(s), s)

    return max(surfaces, key=score)


def _entity_type(locs: Sequence[_Local]) -> str:
    """The majority type of the entity's mentions, each with the type its name was fixed to."""
    votes: Counter[str] = Counter()
    for loc in locs:
        for lab, n in loc.labels.items():
            lab = loc.fixed or lab
            if lab != "MISC":
                votes[lab] += n
    if not votes:
        return "MISC"
    return max(sorted(votes), key=lambda lab: votes[lab])


def _entity_id(name: str, etype: str) -> str:
    digest = hashlib.sha1(f"{etype}\x1f{name_key(name, etype)}".encode()).hexdigest()[:10]
    return f"e-{digest}"


def resolve_entities(analyses: Sequence[Analysis], *, existing: Sequence[Entity] = ()) -> list[Entity]:
    """Cluster the name mentions of ``analyses`` into entities (plus ``existing`` ones, kept by id)."""
    ordered = sorted(analyses, key=lambda a: a.id)
    locs: list[_Local] = []
    for ent in sorted(existing, key=lambda e: e.id):
        locs.append(_from_existing(ent, len(locs)))
    for an in ordered:
        new = _local_entities(an.id, an.mentions, an.text, len(locs), an.sentences)
        lower_words: set[str] | None = None
        for loc in new:
            for m, _ in loc.mentions:
                in_place, in_strong, in_group = _context_cues(an.text, m.start, m.end)
                loc.place_cues += in_place
                loc.strong_cues += in_strong
                loc.group_cues += in_group
            loc.locative = any(
                an.text[max(0, m.start - 6) : m.start].lower().split()[-1:] in _PLACE_WORDS
                for m, _ in loc.mentions
            )
            # A lone word the article also writes in lower case ("free") is a word, not a name.
            one_word = [k for k in loc.keys if " " not in k and k.isalpha()]
            if one_word:
                if lower_words is None:
                    lower_words = set(_LOWER_WORD.findall(an.text))
                loc.common = any(k in lower_words for k in one_word)
                loc.titled = any(_titled(sf) for sf in loc.surfaces)
        locs.extend(new)
    if not locs:
        return []
    _fix_types(locs)
    # Local entities with the same names and type are one node: blocks then grow with the
    # number of distinct names, not with the number of articles that repeat them.
    node_of: list[int] = []
    sig_index: dict[tuple[object, ...], int] = {}
    reps: list[_Local] = []
    for loc in locs:
        sig = (
            tuple(loc.maximal()),
            loc.label,
            tuple(sorted(loc.acronyms)),
            tuple(sorted(loc.dates)),
            loc.existing is not None and loc.uid,
        )
        if sig not in sig_index:
            sig_index[sig] = len(reps)
            reps.append(loc)
        node_of.append(sig_index[sig])
    weights = [0] * len(reps)
    node_articles: list[set[str]] = [set() for _ in reps]
    node_locative = [False] * len(reps)
    node_titled = [False] * len(reps)
    for i, loc in enumerate(locs):
        node_titled[node_of[i]] |= loc.titled
        loc.locative |= loc.common  # a word like "free" is as little a given name as a place
        weights[node_of[i]] += len(loc.mentions)
        node_articles[node_of[i]].add(loc.article)
        node_locative[node_of[i]] |= loc.locative
    uf = _UF(len(reps))
    blocks = _blocks(reps)
    _pair_rules(reps, blocks, uf)
    _partial_rules(reps, blocks, uf, weights, node_articles, node_locative, node_titled)
    clusters: dict[int, list[_Local]] = defaultdict(list)
    for i, loc in enumerate(locs):
        clusters[uf.find(node_of[i])].append(loc)
    entities: list[Entity] = []
    used: Counter[str] = Counter()
    for root in sorted(clusters, key=lambda r: min(loc.first() for loc in clusters[r])):
        group = clusters[root]
        name = _canonical(group)
        etype = _entity_type(group)
        olds = sorted(loc.existing.id for loc in group if loc.existing is not None)
        if olds:
            eid = olds[0]
        else:
            eid = _entity_id(name, etype)
            used[eid] += 1
            if used[eid] > 1:
                eid = f"{eid}-{used[eid]}"
        mentions: list[EntityMention] = []
        for loc in group:
            if loc.existing is not None:
                mentions.extend(loc.existing.mentions)
            for m, link in loc.mentions:
                mentions.append(
                    EntityMention(
                        article=loc.article,
                        start=m.start,
                        end=m.end,
                        label=m.label,
                        confidence=round(m.confidence * link, 3),
                    )
                )
        mentions = sorted(set(mentions), key=lambda x: (x.article, x.start, x.end, x.label))
        aliases: set[str] = set()
        for loc in group:
            aliases.update(loc.surfaces)
            if loc.existing is not None:
                aliases.update(loc.existing.aliases)
        aliases.discard(name)
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=etype,
                aliases=tuple(sorted(aliases)),
                mentions=tuple(mentions),
                confidence=round(uf.conf[root], 3),
                stage=STAGE,
            )
        )
    return entities


def entity_of(entities: Iterable[Entity]) -> dict[tuple[str, int, int], str]:
    """Map every mention span ``(article, start, end)`` to its entity id."""
    out: dict[tuple[str, int, int], str] = {}
    for ent in entities:
        for m in ent.mentions:
            out[(m.article, m.start, m.end)] = ent.id
    return out


def entity_at(index: dict[tuple[str, int, int], str], article: str, start: int, end: int) -> str | None:
    """The entity whose mention overlaps ``article[start:end]`` most (None when none does)."""
    exact = index.get((article, start, end))
    if exact is not None:
        return exact
    best: tuple[int, str] | None = None
    for (art, s, e), eid in index.items():
        if art != article:
            continue
        overlap = min(e, end) - max(s, start)
        if overlap > 0 and (best is None or (overlap, eid) > best):
            best = (overlap, eid)
    return best[1] if best else None
