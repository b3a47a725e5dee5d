"""Mentions: named mentions (people, organisations, places, named events) from the parse.

Starts from spaCy's entities and repairs what the small model gets wrong on news text:
spans trimmed of articles, quotes, possessives and trailing titles; tokens damaged by
extraction ("accusedSoleimani", "Soleimaniin") cut back to the name inside them; photo
credits and handles skipped; named events the model misses ("Al-Aqsa Storm", "Flood of
al-Aqsa", "Operation X", "Oct. 7 attacks") added by patterns over the parse; and labels
fixed by evidence within the article (a role word before the name, the same surname
tagged PERSON elsewhere, the majority label of one name).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..model import Analysis, Mention
from ..pipeline import ArticleStage
from ..resolve.names import ARTICLES, EVENT_HEADS, ROLE_WORDS, TITLES, fold, glued_split, is_acronym, name_key
from .temporal import MONTHS

# names.fold (NFKD and a pass over the characters) of the capitalised words: the same words
# come back article after article ("The", "He", the names in the news).
_fold = functools.lru_cache(maxsize=100_000)(fold)

__all__ = ["NAME_LABELS", "MentionStage", "find_mentions"]

NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)

_MONTHS = MONTHS

_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_ATTACK_NOUNS = frozenset(
    {
        "attack",
        "attacks",
        "bombing",
        "bombings",
        "massacre",
        "shooting",
        "shootings",
        "assault",
        "raid",
        "raids",
        "invasion",
        "uprising",
        "riot",
        "riots",
        "strike",
        "strikes",
        "incursion",
        "rampage",
    }
)
_ORG_CUES = frozenset(
    {"newspaper", "agency", "outlet", "magazine", "channel", "network", "daily", "broadcaster"}
)
_FACILITY_NOUNS = frozenset(
    {
        "mosque",
        "church",
        "cathedral",
        "temple",
        "synagogue",
        "airport",
        "compound",
        "prison",
        "hospital",
        "stadium",
        "square",
        "bridge",
        "palace",
        "embassy",
        "consulate",
        "base",
    }
)
# Words that make a name a place: heads ("Tasman Glacier", "Gulf of Aden") and prefixes
# ("Mount Cook", "Lake Placid"); the small model often tags such names PERSON or ORG.
_PLACE_HEADS = frozenset(
    {
        "mountain",
        "mountains",
        "glacier",
        "river",
        "lake",
        "valley",
        "canyon",
        "peak",
        "ridge",
        "gulf",
        "bay",
        "sea",
        "ocean",
        "strait",
        "peninsula",
        "island",
        "islands",
        "desert",
        "coast",
        "park",
    }
)
_PLACE_PREFIXES = frozenset({"mount", "mt", "lake", "cape", "isle", "fort", "port"})
_TEAM_NUMBER = re.compile(r"\d+(?!st|nd|rd|th)[a-z]{2,}", re.IGNORECASE)
_EDGE_PUNCT = "\"'`‘’“”«»()[]{}<>,;:.!?-–—/|*#"
_NOISE = re.compile(r"(?:https?:|www\.|\.com\b|\.org\b|@|#|/)", re.IGNORECASE)
_SLASHED_PAREN = re.compile(r"\([^()\n]{0,80}/[^()\n]{0,80}\)")
_LABEL_ORDER = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "MISC",
)


@dataclass
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    confidence: float
    source: str  # "ner", "event", "propn"
    char_start: int = -1
    char_end: int = -1
    key: str = ""


def _credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of photo-credit parentheticals: "(WANA/Reuters)", "(WANA NEWS AGENCY/)"."""
    return [(m.start(), m.end()) for m in _SLASHED_PAREN.finditer(text)]


def _cap(tok: Any) -> bool:
    return bool(tok.text[:1].isupper())


def _event_spans(doc: Any) -> list[_Cand]:
    """Named events the small model misses, found by patterns over the parse."""
    out: list[_Cand] = []
    n = len(doc)
    for i, tok in enumerate(doc):
        low = tok.lower_
        # "Al-Aqsa Storm", "Al Aqsa Flood", "Desert Storm": capitalised run ending in an event head.
        if low in EVENT_HEADS and low != "operation" and _cap(tok):
            j = i
            while j > 0 and (_cap(doc[j - 1]) or doc[j - 1].text == "-" or doc[j - 1].lower_ in ("al", "el")):
                if doc[j - 1].lower_ in TITLES or doc[j - 1].is_sent_start and doc[j - 1].lower_ == "the":
                    break
                j -= 1
            if j < i and any(_cap(t) and t.lower_ not in ("the", "al", "el") for t in doc[j:i]):
                out.append(_Cand(j, i + 1, "EVENT", 0.8, "event"))
                continue
            # "Flood of al-Aqsa"
            if i + 2 < n and doc[i + 1].lower_ == "of":
                k = i + 2
                while k < n and (_cap(doc[k]) or doc[k].text == "-" or doc[k].lower_ in ("al", "el")):
                    k += 1
                if k > i + 2 and _cap(doc[k - 1]):
                    out.append(_Cand(i, k, "EVENT", 0.8, "event"))
                    continue
        # "Operation Desert Storm"
        if low == "operation" and _cap(tok) and i + 1 < n and _cap(doc[i + 1]):
            k = i + 1
            while k < n and _cap(doc[k]) and not doc[k].is_punct:
                k += 1
            out.append(_Cand(i, k, "EVENT", 0.85, "event"))
        # "Oct. 7 attacks", "September 11 attacks", "the Oct. 7 Hamas attacks", "9/11 attacks".
        if low in _ATTACK_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            start = _date_before(doc, i)
            if start is not None:
                out.append(_Cand(start, i + 1, "EVENT", 0.8, "event"))
    return out


def _date_before(doc: Any, i: int) -> int | None:
    """Index where a month+day (or d/m) date starts right before token ``i`` (up to 2 names between)."""
    j = i - 1
    skipped = 0
    while (
        j >= 0
        and skipped < 2
        and _cap(doc[j])
        and doc[j].pos_ == "PROPN"
        and doc[j].lower_.rstrip(".") not in _MONTHS
    ):
        j -= 1
        skipped += 1
    if j < 0:
        return None
    if re.fullmatch(r"\d{1,2}/\d{1,2}", doc[j].text):
        return j
    if (
        doc[j].text.isdigit()
        and 1 <= int(doc[j].text) <= 31
        and j > 0
        and doc[j - 1].lower_.rstrip(".") in _MONTHS
    ):
        return j - 1
    return None


def _event_key(doc: Any, cand: _Cand) -> str:
    """Key for a date-named event: "10-07 attack" for "Oct. 7 attacks" and "October 7 attack"."""
    toks = doc[cand.start : cand.end]
    head = toks[-1].lemma_.lower() if toks[-1].lemma_ else toks[-1].lower_
    first = toks[0]
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", first.text)
    if m:
        month, day = int(m.group(1)), int(m.group(2))
    elif first.lower_.rstrip(".") in _MONTHS and len(toks) > 1 and toks[1].text.isdigit():
        month, day = _MONTHS[first.lower_.rstrip(".")], int(toks[1].text)
    else:
        return ""  # a named event ("Al-Aqsa Storm"): keyed by its words
    return f"{month:02d}-{day:02d} {head}"


def _name_like(tok: Any) -> bool:
    """A proper noun, or a capitalised common noun inside a sentence ("the Sixers")."""
    text = tok.text  # read once: spaCy makes a new string on every access
    if not text[:1].isupper() or not tok.is_alpha:
        return False
    pos = tok.pos_
    if pos == "PROPN":
        return True
    return pos == "NOUN" and not tok.is_sent_start and not text.isupper()


def _lines(doc: Any) -> list[list[Any]]:
    """The doc's tokens grouped by text line (headlines are lines, whatever the parser thinks)."""
    lines: list[list[Any]] = [[]]
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if not tok.is_space:
                lines[-1].append(tok)
            lines.append([])
        elif not tok.is_space:
            lines[-1].append(tok)
    return [ln for ln in lines if ln]


def _is_headline(tokens: list[Any], text: str = "") -> bool:
    """A Title Case or capitals line, or an address line ("http : / / ... / Woman - Killed - In - ...")."""
    if text[tokens[0].idx : tokens[0].idx + 5].lower().startswith(("http", "www")):
        return True  # an address line: its capitals are a slug's, not names
    words = [t for t in tokens if t.is_alpha and not t.is_stop]
    return len(words) >= 3 and sum(1 for t in words if _cap(t)) >= 0.8 * len(words)


def _evidence(lines: list[list[Any]], heads: list[bool]) -> set[str]:
    """Words written with a capital inside ordinary sentences: the article's own names."""
    out: set[str] = set()
    for line, head in zip(lines, heads):
        if head:
            continue
        for tok in line:
            if tok.is_sent_start or not tok.is_alpha:
                continue
            if _cap(tok) and (not tok.text.isupper() or len(tok.text) >= 2):
                out.add(tok.lower_)
    return out


def _split_headlines(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """In Title Case or capitals lines, keep only words the article capitalises elsewhere.

    Headlines capitalise every word, so the model's spans there ("Driver Charged In
    Fatal Queens Hit") are unreliable; the body tells which words are names.
    """
    if not cands:
        return cands
    lines = _lines(doc)
    heads = [_is_headline(ln, doc.text) for ln in lines]
    if not any(heads):
        return cands
    if all(heads):
        return cands  # no body to tell names from capitalised words: trust the model
    evidence = _evidence(lines, heads)
    in_head = {tok.i for ln, h in zip(lines, heads) if h for tok in ln}
    out: list[_Cand] = []
    for c in cands:
        if c.source == "event" or c.start not in in_head:
            out.append(c)
            continue
        run_start: int | None = None
        for k in range(c.start, c.end + 1):
            ok = k < c.end and (doc[k].lower_ in evidence or (not doc[k].is_alpha and run_start is not None))
            if ok and run_start is None:
                run_start = k
            elif not ok and run_start is not None:
                out.append(_Cand(run_start, k, c.label, min(c.confidence, 0.6), c.source))
                run_start = None
    return out


# Words that make a rank of the title after them: "Air (Chief) Marshal", "Rear Admiral",
# "Lance Corporal", "Staff Sergeant", "Wing Commander".
_RANK_QUALIFIERS = frozenset({"air", "rear", "vice", "lance", "staff", "flight", "wing", "squadron", "field"})


def _before_rank(doc: Any, i: int, j: int) -> int:
    """The end of the run ``doc[i:j]`` without the first words of a rank right after it.

    "Chief of Defence Staff Air Marshal Alex Badeh": "Air" belongs to "Air Marshal", not to a name.
    """
    end = j
    while end > i and _is_title(doc[end - 1]):
        end -= 1  # the titles themselves ("Marshal"), when the run holds them
    cut = end
    while cut > i and cut < len(doc) and doc[cut - 1].lower_ in _RANK_QUALIFIERS and _is_title(doc[cut]):
        cut -= 1
    return cut if cut < end else j


def _is_title(tok: Any) -> bool:
    return bool(tok.lower_.rstrip(".") in TITLES)


def _office_staff(doc: Any, i: int, j: int) -> bool:
    """The run is the office after "Chief(s) of": "Chief of Defence Staff", "Chief of Army Staff"."""
    return (
        j > i
        and doc[j - 1].lower_ == "staff"
        and i >= 2
        and doc[i - 1].lower_ == "of"
        and doc[i - 2].lower_ in ("chief", "chiefs")
    )


def _propn_runs(doc: Any, taken: list[bool]) -> list[_Cand]:
    """Proper-noun runs the model left untagged (low confidence, label MISC)."""
    out: list[_Cand] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not taken[i] and _name_like(tok):
            j = i
            while j < n and not taken[j] and _name_like(doc[j]) and (j == i or not doc[j].is_sent_start):
                j += 1
            words = [t for t in doc[i:j] if t.is_alpha]
            # A lone capitalised adverb or function word opening a sentence is no name.
            opener = j - i == 1 and tok.is_sent_start and (tok.is_stop or tok.lower_.endswith("ly"))
            if (
                words
                and not opener
                and not all(
                    t.lower_.rstrip(".") in _MONTHS or t.lower_ in _DAYS or t.lower_ in TITLES for t in words
                )
            ):
                out.append(_Cand(i, j, "MISC", 0.5, "propn"))
            i = j
        else:
            i += 1
    return out


def _extend(doc: Any, cands: list[_Cand]) -> None:
    """Grow spans the model cut short: "Al Aqsa" + "mosque" (FAC), "Islamic" + "State" (ORG)."""
    by_start = {c.start: c for c in cands}
    drop: list[_Cand] = []
    for c in cands:
        nxt = doc[c.end] if c.end < len(doc) else None
        if nxt is None:
            continue
        if c.source == "propn":
            if _TEAM_NUMBER.fullmatch(nxt.text):
                c.end, c.label = c.end + 1, "ORG"  # "Philadelphia 76ers" the model left untagged
            continue
        follower = by_start.get(c.end)
        if c.label == "NORP" and follower is not None and follower.source == "propn":
            c.end, c.label = follower.end, "ORG"
            drop.append(follower)
        elif c.label in ("ORG", "GPE", "PERSON", "LOC") and nxt.lower_ in _FACILITY_NOUNS and nxt.is_lower:
            c.end, c.label = c.end + 1, "FAC"
        elif (
            nxt.text == "General"
            and c.label in ("ORG", "MISC", "PERSON")
            and doc[c.end - 1].lower_.rstrip(".") not in TITLES
            and (c.end + 1 >= len(doc) or not _cap(doc[c.end + 1]))
        ):
            c.end, c.label = c.end + 1, "ORG"  # an office: "US Surgeon" + "General"
        elif c.label in ("GPE", "ORG", "LOC") and _TEAM_NUMBER.fullmatch(nxt.text):
            c.end, c.label = c.end + 1, "ORG"  # "Philadelphia 76ers"
    for d in drop:
        cands.remove(d)


def _split_coordination(doc: Any, cands: list[_Cand], known: Counter[str]) -> list[_Cand]:
    """Split a span joining two names the article also writes alone ("Philly and Cheeks").

    A name with "and" inside ("Procter and Gamble") stays whole: its parts seldom stand alone.
    """
    out: list[_Cand] = []
    for c in cands:
        cut = next(
            (k for k in range(c.start + 1, c.end - 1) if doc[k].lower_ in ("and", "&")),
            None,
        )
        if cut is None or c.label == "EVENT":
            out.append(c)
            continue
        inside = Counter(_fold(t.text) for t in doc[c.start : c.end] if t.is_alpha and _cap(t))
        words = [_fold(t.text) for t in doc[c.start : c.end] if t.is_alpha and _cap(t)]
        if words and all(known[w] > inside[w] for w in words):
            out.append(_Cand(c.start, cut, c.label, min(c.confidence, 0.6), c.source))
            out.append(_Cand(cut + 1, c.end, c.label, min(c.confidence, 0.6), c.source))
        else:
            out.append(c)
    return out


def _join_prefixes(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """Join an untyped capitals prefix to the name right after it ("INS" + "Sukanya", "USS" + "Cole").

    The model tags the name and leaves the prefix as a bare proper noun; typed acronyms
    ("IRGC", "U.S.") stay apart from what follows.
    """
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    for c in cands:
        nxt = by_start.get(c.end)
        tok = doc[c.start]
        if (
            nxt is None
            or c.source != "propn"
            or c.end - c.start != 1
            or not (3 <= len(tok.text) <= 4 and tok.text.isalpha() and tok.text.isupper())
            or tok.whitespace_ != " "
            or nxt.source == "event"
            or not (doc[nxt.start].text[:1].isupper() and not doc[nxt.start].text.isupper())
        ):
            continue
        c.end, c.label, c.confidence, c.source = nxt.end, nxt.label, min(nxt.confidence, 0.7), nxt.source
        drop.add(id(nxt))
    return [c for c in cands if id(c) not in drop]


def _join_initials(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """Join a name cut at a middle initial to its surname ("Raj K." + "Chohan", "Regina M." + "Benjamin").

    The small model stops at the initial's full stop and tags the two halves apart (often
    with two different types); the halves are one person.
    """
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        if id(c) in drop or c.end - c.start < 2 or c.source == "event":
            continue
        last = doc[c.end - 1]
        initial = last.text.rstrip(".")
        if not (len(initial) == 1 and initial.isupper() and doc[c.start].text[:1].isupper()):
            continue
        gap = c.end
        if not last.text.endswith(".") and gap < len(doc) and doc[gap].text == ".":
            gap += 1
        nxt = by_start.get(gap)
        if nxt is None or nxt.source == "event" or id(nxt) in drop:
            continue
        head = doc[nxt.start].text
        if not (len(head) > 1 and head[:1].isupper() and not head.isupper() and head.isalpha()):
            continue
        if "\n" in doc.text[doc[c.start].idx : doc[nxt.end - 1].idx]:
            continue
        label = "PERSON" if "PERSON" in (c.label, nxt.label) else nxt.label
        c.end, c.label, c.confidence = nxt.end, label, min(c.confidence, nxt.confidence)
        drop.add(id(nxt))
    return [c for c in cands if id(c) not in drop]


def _join_makers(doc: Any, cands: list[_Cand]) -> list[_Cand]:
    """A maker right before its product is one product name ("Toyota" ORG + "Camry" PRODUCT)."""
    by_start = {c.start: c for c in cands}
    drop: set[int] = set()
    for c in sorted(cands, key=lambda c: c.start):
        nxt = by_start.get(c.end)
        if (
            id(c) in drop
            or nxt is None
            or c.label != "ORG"
            or nxt.label != "PRODUCT"
            or doc[c.end - 1].whitespace_ != " "
        ):
            continue
        c.end, c.label, c.confidence, c.source = (
            nxt.end,
            "PRODUCT",
            min(c.confidence, nxt.confidence),
            nxt.source,
        )
        drop.add(id(nxt))
    return [c for c in cands if id(c) not in drop]


def _trim(doc: Any, c: _Cand) -> _Cand | None:
    """Cut articles, quotes, possessives and trailing titles off a candidate's edges."""
    s, e = c.start, c.end
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (
        doc[e - 1].is_punct
        or doc[e - 1].is_space
        or doc[e - 1].lower_ in ("'s", "’s", "'", "’")
        or (
            c.label != "EVENT"
            and e - s > 1
            and doc[e - 1].lower_.rstrip(".") in TITLES
            # "General" after a noun is part of an office: "Surgeon General", "Attorney General".
            and not (doc[e - 1].lower_ == "general" and doc[e - 2].lower_.rstrip(".") not in TITLES)
        )
    ):
        e -= 1
    if s >= e:
        return None
    c.start, c.end = s, e
    return c


def _known_tokens(doc: Any) -> Counter[str]:
    return Counter(_fold(w) for w in (t.text for t in doc if t.is_alpha) if w[:1].isupper())


class _Cuts:
    """:func:`glued_split` of an article's words against its known words, each word once: the
    answer depends on the word and the article only, and an article repeats its names."""

    __slots__ = ("_got", "_known")

    def __init__(self, known: Counter[str]):
        self._known = known
        self._got: dict[str, tuple[int, int] | None] = {}

    def __call__(self, word: str) -> tuple[int, int] | None:
        got = self._got
        if word in got:
            return got[word]
        cut = got[word] = glued_split(word, _KnownView(self._known, _fold(word)))
        return cut


# A verb's clitic the tokenizer leaves glued to a name ("Tom Hale’d been", "Smith’ll tell you"): it
# splits one off a pronoun only. "’s" is the possessive's, which the tokenizer splits.
_GLUED_CLITIC = re.compile(r"(?<=[A-Za-z]{2})['’](?:ve|d|ll|re|m)\Z")
# A lower-case particle of a name after the word ("Sa'd al-Hariri", "Sa’d bin Khalid", "Ma'd ibn
# Adnan"): the apostrophe is the name's own, as before a capitalised word.
_NAME_PARTICLE = re.compile(r"(?:a[dlnrstz]|ash|e[dl]|ul)[-‐‑][A-Z]"
                            r"|(?:bin|ibn|bint|ben|bou|ould|abu|van|von|de|del|della|di|da|du|dos|das|la|le)\s+[A-Z]")


def _drop_clitic(doc: Any, c: _Cand) -> None:
    """End the candidate before a verb's clitic glued to one of its words: "Tom Hale’d" is Tom Hale,
    and "Tom Hale'd been" too (the words after the clitic are the verb's). Not before a capitalised
    word or a name's particle, where the apostrophe is the name's own ("Sa’d Hariri", "Sa'd al-Hariri",
    "Sa’d bin Khalid")."""
    for k in range(c.start, c.end):
        tok = doc[k]
        m = _GLUED_CLITIC.search(tok.text)
        if m is None:
            continue
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or _NAME_PARTICLE.match(doc.text, nxt.idx)):
            continue
        c.end = k + 1
        c.char_end = min(c.char_end, tok.idx + m.start())
        return


def _locate(doc: Any, c: _Cand, cuts: _Cuts) -> bool:
    """Set the character span, cutting a damaged edge token back to the name in it."""
    first, last = doc[c.start], doc[c.end - 1]
    cs, ce = first.idx, last.idx + len(last.text)
    if c.end - c.start == 1:
        cut = cuts(first.text)
        if cut is not None:
            cs, ce = first.idx + cut[0], first.idx + cut[1]
    else:
        cut = cuts(first.text)
        if cut is not None:
            if cut[0] == 0:
                return False  # "Soleimaniin Tehran": the glue sits inside the span
            cs = first.idx + cut[0]
        cut = cuts(last.text)
        if cut is not None:
            if cut[0] > 0:
                return False  # "Razi ZionistsSharif": two names run together
            ce = last.idx + cut[1]
    for tok in doc[c.start + 1 : c.end - 1]:
        if cuts(tok.text) is not None:
            return False
    # A span running over a line break (title into body) keeps its longest line. spaCy keeps
    # line breaks in whitespace tokens, so the span's tokens tell; Doc.text is rebuilt from every
    # token on each access, so it is read only when a break is there.
    if any("\n" in doc[i].text for i in range(c.start, c.end)):
        text = doc.text
        pieces, pos = [], cs
        for line in text[cs:ce].split("\n"):
            pieces.append((sum(ch.isalpha() for ch in line), pos, pos + len(line)))
            pos += len(line) + 1
        _, cs, ce = max(pieces)
        seg = text[cs:ce]
        cs, ce = cs + len(seg) - len(seg.lstrip()), ce - (len(seg) - len(seg.rstrip()))
    c.char_start, c.char_end = cs, ce
    return cs < ce


class _KnownView:
    """Folded capitalised words seen in the article, minus the token being judged if it is rare.

    A view, not a copy: building a set of the article's words for every token judged made
    the stage quadratic in article length.
    """

    __slots__ = ("_counts", "_own")

    def __init__(self, counts: Counter[str], own: str):
        self._counts, self._own = counts, own

    def __contains__(self, word: object) -> bool:
        k = self._counts.get(word, 0)  # type: ignore[call-overload]
        return k > 1 or (k == 1 and word != self._own)

    def __bool__(self) -> bool:
        return len(self._counts) > 1 or any(w in self for w in self._counts)


def _place_name(key: str) -> bool:
    """Names a geographic feature by its own words: "Mount Cook", "Lake Placid", "Tasman Glacier"."""
    toks = key.split()
    if len(toks) < 2:
        return False
    if "of" in toks:
        toks = toks[: toks.index("of")]  # "Gulf of Aden": the head is "Gulf"
        return len(toks) >= 1 and toks[-1] in _PLACE_HEADS
    return toks[-1] in _PLACE_HEADS or toks[-2] in _PLACE_PREFIXES


def _role_apposition(doc: Any, end: int) -> bool:
    """A role noun in an apposition right after the name: "Razi Moussavi, a senior Guard official"."""
    k = end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in ("a", "an", "the"):
        return False
    for tok in doc[k + 1 : k + 5]:
        if tok.is_punct or tok.is_sent_start:
            return False
        if tok.lower_ in ROLE_WORDS and not _cap(tok):
            return True
    return False


def _strip_group_word(cands: list[_Cand], doc: Any) -> None:
    """Cut a group noun the article tags on its own off the front of a span naming a person.

    "against the Zionists Sharif said" (a lost full stop): "Zionists" is a NORP mention
    elsewhere in the article and "Sharif" a person's name, so the mention is "Sharif".
    "Israeli Defense Forces" keeps its first word: "Defense Forces" names no person.
    """
    groups = {doc[c.start].lower_ for c in cands if c.end - c.start == 1 and c.label == "NORP"}
    if not groups:
        return
    person_words = {doc[k].lower_ for c in cands if c.label == "PERSON" for k in range(c.start, c.end)}
    for c in cands:
        s = c.start
        while s < c.end and doc[s].lower_ in ARTICLES:
            s += 1
        if (
            c.label != "EVENT"
            and c.end - s >= 2
            and doc[s].lower_ in groups
            and all(_cap(doc[k]) and doc[k].lower_ in person_words for k in range(s + 1, c.end))
        ):
            c.start, c.label = s + 1, "PERSON"


def _fix_labels(doc: Any, cands: list[_Cand], text: str) -> None:
    """Within-article label fixes from evidence: role words, surnames, majority per name."""
    for c in cands:
        if c.label == "EVENT":
            continue
        if c.label in ("PERSON", "ORG", "MISC", "WORK_OF_ART", "PRODUCT", "NORP") and _place_name(c.key):
            c.label = "LOC"
            continue
        prev = doc[c.start - 1] if c.start > 0 else None
        surface = text[c.char_start : c.char_end]
        words = surface.split()
        if (
            (prev is not None and prev.lower_.rstrip(".") in ROLE_WORDS) or _role_apposition(doc, c.end)
        ) and not is_acronym(surface):
            if 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and c.label != "PERSON":
                c.label, c.confidence = "PERSON", max(c.confidence, 0.8)
        elif prev is not None and prev.lower_ in _ORG_CUES and c.label in ("NORP", "GPE", "PERSON", "MISC"):
            c.label = "ORG"
    # Surnames: a person's last name tagged otherwise elsewhere in the article.
    surnames: Counter[str] = Counter()
    for c in cands:
        toks = c.key.split()
        if c.label == "PERSON" and len(toks) >= 2:
            surnames[toks[-1]] += 2
        elif c.label == "PERSON" and toks:
            surnames[toks[-1]] += 1
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for c in cands:
        if c.label == "EVENT" or not c.key:
            continue
        toks = c.key.split()
        if toks[-1] in surnames and not is_acronym(text[c.char_start : c.char_end]) and len(toks) <= 3:
            c_label = "PERSON" if (len(toks) == 1 or surnames[toks[-1]] >= 2) else c.label
            if c_label != c.label:
                c.label, c.confidence = c_label, min(c.confidence, 0.8)
        votes[c.key][c.label] += 1
    for c in cands:
        if c.label == "EVENT" or not c.key:
            continue
        counts = votes[c.key]
        best = max(
            counts, key=lambda lab: (counts[lab] + (0.5 if lab == "PERSON" else 0), -_LABEL_ORDER.index(lab))
        )
        if c.label == "MISC" or counts[best] > counts[c.label]:
            c.label = best


class _Tokens(list[Any]):
    """The doc's tokens, made once: spaCy builds a new Token object on every ``doc[i]``
    and every iteration, and the helpers here look at each token many times."""

    def __init__(self, doc: Any, text: str):
        super().__init__(doc)
        self.text = text


def find_mentions(doc: Any, text: str, *, stage: str = "mentions.v6", propn: bool = True) -> list[Mention]:
    """Named mentions in a parsed article, sorted by offset; every span slices ``text``."""
    ents = doc.ents
    doc = _Tokens(doc, text)
    credits = _credit_ranges(text)
    known = _known_tokens(doc)
    cands: list[_Cand] = []
    events = _event_spans(doc)
    for ent in ents:
        if ent.label_ in NAME_LABELS:
            cands.append(_Cand(ent.start, ent.end, ent.label_, 0.85, "ner"))
    # Event patterns win over overlapping NER spans ("The Al-Aqsa Storm" tagged ORG).
    for ev in events:
        cands = [c for c in cands if c.end <= ev.start or c.start >= ev.end]
    cands.extend(events)
    if propn:
        taken = [False] * len(doc)
        for c in cands:
            for k in range(c.start, c.end):
                taken[k] = True
        for ent in ents:  # dates, numbers: never names
            for k in range(ent.start, ent.end):
                taken[k] = True
        cands.extend(_propn_runs(doc, taken))
    cands = _join_prefixes(doc, cands)
    cands = _join_initials(doc, cands)
    cands = _join_makers(doc, cands)
    _strip_group_word(cands, doc)
    _extend(doc, cands)
    cands = _split_headlines(doc, cands)
    cands = _split_coordination(doc, cands, known)
    kept: list[_Cand] = []
    cuts = _Cuts(known)
    for c in cands:
        if c.label != "EVENT":
            # "Chief of Defence Staff Air Marshal Alex Badeh": neither "Defence Staff" nor "Air" is a name.
            c.end = _before_rank(doc, c.start, c.end)
            if c.end <= c.start or _office_staff(doc, c.start, c.end):
                continue
        trimmed = _trim(doc, c)
        if trimmed is None:
            continue
        c = trimmed
        if not _locate(doc, c, cuts):
            continue
        _drop_clitic(doc, c)
        if c.char_end <= c.char_start:
            continue
        surface = text[c.char_start : c.char_end]
        if _NOISE.search(surface) or any(a <= c.char_start and c.char_end <= b for a, b in credits):
            continue
        if not any(ch.isalpha() for ch in surface) or not any(ch.isupper() for ch in surface):
            continue
        if c.label != "EVENT" and all(
            w.lower().rstrip(".") in _MONTHS or w.lower() in _DAYS or w.lower().rstrip(".") in TITLES
            for w in surface.split()
        ):
            continue
        surface = surface.strip(_EDGE_PUNCT)
        if not surface:
            continue
        c.key = (_event_key(doc, c) if c.source == "event" else "") or name_key(
            surface, c.label if c.label != "MISC" else ""
        )
        if not c.key:
            continue
        kept.append(c)
    _fix_labels(doc, kept, text)
    seen: set[tuple[int, int]] = set()
    out: list[Mention] = []
    for c in sorted(kept, key=lambda c: (c.char_start, -c.char_end)):
        if (c.char_start, c.char_end) in seen:
            continue
        seen.add((c.char_start, c.char_end))
        key = c.key if c.key[:1].isdigit() else name_key(text[c.char_start : c.char_end], c.label)
        out.append(
            Mention(
                start=c.char_start,
                end=c.char_end,
                label=c.label,
                stage=stage,
                confidence=round(c.confidence, 3),
                kind="name",
                key=key or c.key,
            )
        )
    return out


class MentionStage(ArticleStage):
    """Named mentions with a type and a normalised key, from the spaCy parse."""

    name = "mentions"
    version = 6
    requires = ("parse",)
    assigns = ("mentions",)

    def __init__(self, *, propn: bool = True):
        self.propn = propn

    def __call__(self, item: Analysis) -> Analysis:
        doc = item.parse
        if doc is None:
            return self.mark(item, mentions=())
        mentions = find_mentions(doc, item.text, stage=self.tag, propn=self.propn)
        return self.mark(item, mentions=tuple(mentions))

    def pipe(self, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
        for item in items:
            yield self(item)
