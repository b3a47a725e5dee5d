"""PolNeAR attribution evaluation: source, cue and content spans against brat standoff gold.

Layout: ``<split>/text/NAME.txt`` and ``<split>/attributions/NAME_<annotator>.ann``. When an
article has several annotators, the first annotator in sorted order is the gold (one
reference per article, so every article weighs the same). Splits: ``dev`` (84 articles),
``train`` (840) and ``train-heldout`` (the 84 train articles, every ``HELDOUT_MOD``-th by
name, that ``scripts/train_quotes.py`` leaves out: the learned quote model never saw them).

Matching: per article and span type, gold and system spans are matched one-to-one, greedily
by best overlap. A span is a set of characters (discontinuous content spans are unions of
their pieces) with edge whitespace and punctuation trimmed from each piece. *Exact*: the same
character set. *Overlap*: |A ∩ B| / max(|A|, |B|) ≥ 0.5 (the stricter of the usual choices:
a short span inside a long one does not count). Speaker accuracy: among gold attributions
whose content is matched (overlap), the share whose system source overlaps the gold source
by at least one character; attributions without a gold source are left out.

Split ``agreement`` scores people, not the system: on every article of dev and train that several
annotators labelled (18), each other annotator's file is scored against the first one's — the file
the other splits use as gold — with the same matching, so its figures are what a trained human
gets on this metric (the ceiling the system's scores should be read against). The other splits'
reports carry its overlap F1s under ``anchors``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataMissing

if TYPE_CHECKING:
    from ..stages.quote_model import QuoteModel

__all__ = ["GoldAttribution", "agreement", "evaluate", "miss_kinds", "read_ann", "score_spans"]

KINDS = ("content", "source", "cue")
# Every HELDOUT_MOD-th train article (sorted by name, index 0 mod 10) is never trained or tuned on.
HELDOUT_MOD = 10
_EDGE = " \t\n,;:.!?—–-"

CharSet = frozenset[int]


@dataclass
class GoldAttribution:
    """One gold attribution: character sets of its parts (empty when absent)."""

    content: CharSet = frozenset()
    source: CharSet = frozenset()
    cue: CharSet = frozenset()


@dataclass
class _Counts:
    tp_exact: int = 0
    tp_overlap: int = 0
    n_sys: int = 0
    n_gold: int = 0

    def add(self, other: _Counts) -> None:
        self.tp_exact += other.tp_exact
        self.tp_overlap += other.tp_overlap
        self.n_sys += other.n_sys
        self.n_gold += other.n_gold

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {"gold": self.n_gold, "system": self.n_sys}
        for mode, tp in (("exact", self.tp_exact), ("overlap", self.tp_overlap)):
            p = tp / self.n_sys if self.n_sys else 0.0
            r = tp / self.n_gold if self.n_gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            out[mode] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
        return out


@dataclass
class _Totals:
    counts: dict[str, _Counts] = field(default_factory=lambda: {k: _Counts() for k in KINDS})
    speaker_ok: int = 0
    speaker_n: int = 0
    # Why content spans went unmatched (see miss_kinds): system spans, then gold spans.
    content_misses: dict[str, dict[str, int]] = field(default_factory=lambda: {"system": {}, "gold": {}})


def _chars(text: str, pieces: Iterable[tuple[int, int]]) -> CharSet:
    out: set[int] = set()
    for s, e in pieces:
        s, e = max(0, s), min(len(text), e)
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        out.update(range(s, e))
    return frozenset(out)


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """Read one brat standoff file into attributions (Attribution events with their parts)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident = parts[0]
        if ident.startswith("T"):
            typ, _, ranges = parts[1].partition(" ")
            pieces = []
            for rng in ranges.split(";"):
                a, _, b = rng.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    pieces.append((int(a), int(b)))
            spans[ident] = (typ, pieces)
        elif ident.startswith("E"):
            args = dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg)
            events.append(args)
    out: list[GoldAttribution] = []
    for ev in events:
        trigger = next(iter(ev.keys()), "")
        if not trigger.startswith("Attribution"):
            continue
        ga = GoldAttribution()
        for role in KINDS:
            key = role.capitalize()
            ref = ev.get(key)
            if ref and ref in spans:
                setattr(ga, role, _chars(text, spans[ref][1]))
        if ga.content or ga.cue:
            out.append(ga)
    return out


def _overlap(a: CharSet, b: CharSet) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def _match(gold: list[CharSet], system: list[CharSet]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching by best overlap; returns (gold index, system index, overlap)."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if g & s:
                pairs.append((_overlap(g, s), gi, si))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    out = []
    for ov, gi, si in pairs:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gi, si, ov))
    return out


MISS_KINDS = ("none_near", "other_taken", "longer", "shorter")


def miss_kinds(spans: list[CharSet], others: list[CharSet]) -> list[str | None]:
    """Per span of ``spans``, why it matched none of ``others`` at >= 50% overlap in the one-to-one
    matching (None when it matched): ``none_near`` — no span of the other side overlaps it at all
    (an act the other side does not have, or missed); ``other_taken`` — one overlaps it at >= 50% but
    was matched to another span (a duplicate); ``longer``/``shorter`` — the most overlapping one
    overlaps it under 50% and is shorter/longer than it (a boundary error). Duplicates are removed
    first, as in :func:`score_spans`; ``spans`` must hold no duplicate or empty set."""
    o = list(dict.fromkeys(x for x in others if x))
    return _why_unmatched(spans, o, {i for i, _j, ov in _match(spans, o) if ov >= 0.5})


def _why_unmatched(spans: list[CharSet], others: list[CharSet], matched: set[int]) -> list[str | None]:
    """:func:`miss_kinds` of ``spans`` against the deduplicated ``others``, given the indices of
    ``spans`` the matching took at >= 50% overlap."""
    out: list[str | None] = []
    for i, a in enumerate(spans):
        if i in matched:
            out.append(None)
            continue
        near = [(_overlap(a, b), b) for b in others if a & b]
        if not near:
            out.append("none_near")
            continue
        ov, best = max(near, key=lambda t: t[0])
        out.append("other_taken" if ov >= 0.5 else "longer" if len(a) > len(best) else "shorter")
    return out


def score_spans(gold: list[CharSet], system: list[CharSet]) -> _Counts:
    """Counts for one article and one span type (duplicates removed on both sides)."""
    g = list(dict.fromkeys(x for x in gold if x))
    s = list(dict.fromkeys(x for x in system if x))
    return _counts(g, s, _match(g, s))


def _counts(g: list[CharSet], s: list[CharSet], pairs: list[tuple[int, int, float]]) -> _Counts:
    """The counts of the deduplicated ``g`` and ``s`` matched as ``pairs`` (:func:`_match`)."""
    c = _Counts(n_sys=len(s), n_gold=len(g))
    for gi, si, ov in pairs:
        if ov >= 0.5:
            c.tp_overlap += 1
        if g[gi] == s[si]:
            c.tp_exact += 1
    return c


def _score_article(totals: _Totals, gold: list[GoldAttribution], system: list[GoldAttribution]) -> None:
    """Add one article's span counts and speaker matches to ``totals``: the content spans are
    matched once, for their counts and for why those left unmatched are (:func:`miss_kinds`)."""
    for kind in ("source", "cue"):
        totals.counts[kind].add(score_spans([getattr(g, kind) for g in gold],
                                            [getattr(s, kind) for s in system]))
    g_content = list(dict.fromkeys(g.content for g in gold if g.content))
    s_content = list(dict.fromkeys(s.content for s in system if s.content))
    pairs = _match(g_content, s_content)
    totals.counts["content"].add(_counts(g_content, s_content, pairs))
    sure = [(gi, si) for gi, si, ov in pairs if ov >= 0.5]
    for side, spans, others, matched in (("system", s_content, g_content, {si for _gi, si in sure}),
                                         ("gold", g_content, s_content, {gi for gi, _si in sure})):
        tally = totals.content_misses[side]
        for why in _why_unmatched(spans, others, matched):
            if why is not None:
                tally[why] = tally.get(why, 0) + 1
    # Speaker accuracy over matched contents.
    g_list = [g for g in gold if g.content]
    s_list = [s for s in system if s.content]
    for gi, si, ov in _match([g.content for g in g_list], [s.content for s in s_list]):
        if ov < 0.5 or not g_list[gi].source:
            continue
        totals.speaker_n += 1
        if g_list[gi].source & s_list[si].source:
            totals.speaker_ok += 1


def _report(totals: _Totals) -> dict[str, Any]:
    return {
        **{kind: totals.counts[kind].report() for kind in KINDS},
        "speaker_accuracy": round(totals.speaker_ok / totals.speaker_n, 4) if totals.speaker_n else 0.0,
        "speaker_matched": totals.speaker_n,
        # Content spans left unmatched at >= 50%, by why (miss_kinds): "system" are the false
        # positives, "gold" the misses; "longer" on the system side is a span too long.
        "content_misses": {side: {k: totals.content_misses[side].get(k, 0) for k in MISS_KINDS}
                           for side in ("system", "gold")},
    }


def _annotated_twice(data_dir: Path) -> list[tuple[Path, list[Path]]]:
    """(text, annotation files in sorted order) of every dev and train article with several annotators."""
    out = []
    for folder in ("dev", "train"):
        text_dir = data_dir / folder / "text"
        ann_dir = data_dir / folder / "attributions"
        if not text_dir.is_dir() or not ann_dir.is_dir():
            continue
        anns: dict[str, list[Path]] = {}
        for ann in sorted(ann_dir.glob("*.ann")):
            anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
        for name, files in sorted(anns.items()):
            txt = text_dir / f"{name}.txt"
            if len(files) > 1 and txt.is_file():
                out.append((txt, files))
    return out


def agreement(data_dir: Path) -> dict[str, Any]:
    """Human agreement on this metric: every other annotator of a multiply annotated article
    scored against its first annotator (the gold of the other splits), pooled over articles."""
    items = _annotated_twice(Path(data_dir))
    if not items:
        raise DataMissing(f"PolNeAR under {data_dir} has no article with several annotators "
                          f"(expected dev/ or train/ with NAME_<annotator>.ann files)")
    totals = _Totals()
    pairs = 0
    for txt, files in items:
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(files[0], text)
        for other in files[1:]:
            _score_article(totals, gold, read_ann(other, text))
            pairs += 1
    return {
        "evaluation": "polnear",
        "split": "agreement",
        "articles": len(items),
        "annotator_pairs": pairs,
        "gold": "first annotator (sorted) per article",
        "system": "each other annotator of the article",
        "overlap": "|A∩B| / max(|A|,|B|) >= 0.5 on trimmed character sets, one-to-one greedy matching",
        **_report(totals),
    }


def _agreement_anchor(data_dir: Path) -> dict[str, Any] | str:
    try:
        r = agreement(data_dir)
    except DataMissing as e:
        return str(e)
    return {"articles": r["articles"], "annotator_pairs": r["annotator_pairs"],
            **{f"{k}_overlap_f1": r[k]["overlap"]["f1"] for k in KINDS},
            **{f"{k}_exact_f1": r[k]["exact"]["f1"] for k in KINDS},
            "speaker_accuracy": r["speaker_accuracy"]}


def _system(doc: Any, text: str, mentions: Any, *, model: QuoteModel | None = None,
            nlp: Any | None = None) -> list[GoldAttribution]:
    """The quote stage's attributions of one article as the gold's character sets (``model``:
    the attribution model to read with, the shipped one when None; ``nlp``: the pipeline that
    parsed ``doc``, which reads its title-case lines again, as the stage does with the run's)."""
    from ..stages.quotes import extract_attributions

    out = []
    for a in extract_attributions(doc, mentions, text=text, model=model, nlp=nlp):
        out.append(GoldAttribution(
            content=_chars(text, a.outer),
            source=_chars(text, [a.source]) if a.source else frozenset(),
            cue=_chars(text, [a.cue]) if a.cue else frozenset(),
        ))
        # PolNeAR annotates a relay ("..., according to the Post") as an attribution of its own.
        for cue, source, content in a.relays:
            out.append(GoldAttribution(content=_chars(text, [content]), source=_chars(text, [source]),
                                       cue=_chars(text, [cue])))
    return out


def _files(data_dir: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, gold annotation) pairs of ``split``: ``dev``, ``train``, or ``train-heldout`` (the
    train articles the shipped model never saw: every ``HELDOUT_MOD``-th, by sorted name)."""
    heldout = split == "train-heldout"
    folder = "train" if heldout else split
    text_dir = data_dir / folder / "text"
    ann_dir = data_dir / folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise DataMissing(f"PolNeAR split {split!r} not found under {data_dir} (expected {split}/text and "
                          f"{split}/attributions)")
    anns: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(name, ann)  # first annotator in sorted order
    out = []
    for txt in sorted(text_dir.glob("*.txt")):
        if txt.stem in anns:
            out.append((txt, anns[txt.stem]))
    if heldout:
        out = [x for i, x in enumerate(out) if i % HELDOUT_MOD == 0]
    return out


def evaluate(
    data_dir: Path,
    split: str = "dev",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Score the quote stage on PolNeAR ``split``: P/R/F1 per span type, exact and ≥50% overlap
    (``agreement``: the annotators scored against each other instead, see the module's doc)."""
    if split == "agreement":
        return agreement(Path(data_dir))
    from ..nlp import load_nlp

    try:
        from ..stages.mentions import find_mentions
    except ImportError:  # spaCy's own entities stand in
        find_mentions = None  # type: ignore[assignment]
    files = _files(Path(data_dir), split)
    if limit is not None:
        files = files[:limit]
    nlp = load_nlp()
    texts = [p.read_text(encoding="utf-8") for p, _ in files]
    totals = _Totals()
    t_parse = t_quotes = t_mentions = 0.0
    from ..stages.quote_model import load_model

    t_load = time.perf_counter()
    load_model()  # once per process; kept out of the per-article figures
    t_load = time.perf_counter() - t_load
    t0 = time.perf_counter()
    docs = nlp.pipe(texts, batch_size=16)
    for i, ((_txt, ann), text) in enumerate(zip(files, texts)):
        t1 = time.perf_counter()
        doc = next(docs)
        t2 = time.perf_counter()
        mentions = find_mentions(doc, text) if find_mentions is not None else ()
        t2b = time.perf_counter()
        system = _system(doc, text, mentions, nlp=nlp)
        t3 = time.perf_counter()
        t_parse += t2 - t1
        t_mentions += t2b - t2
        t_quotes += t3 - t2b
        _score_article(totals, read_ann(ann, text), system)
        if progress is not None:
            progress(i + 1, len(files))
    elapsed = time.perf_counter() - t0
    n = len(files)
    return {
        "evaluation": "polnear",
        "split": split,
        "articles": n,
        "gold": "first annotator (sorted) per article",
        "overlap": "|A∩B| / max(|A|,|B|) >= 0.5 on trimmed character sets, one-to-one greedy matching",
        **_report(totals),
        "speed": {
            "articles_per_s_total": round(n / elapsed, 2) if elapsed else 0.0,
            "articles_per_s_quotes_only": round(n / t_quotes, 2) if t_quotes else 0.0,
            "seconds_per_1k_articles_quotes": round(1000 * t_quotes / n, 1) if n else 0.0,
            "seconds_parse": round(t_parse, 2),
            "seconds_mentions": round(t_mentions, 2),
            "seconds_quotes": round(t_quotes, 2),
            "seconds_model_load": round(t_load, 2),
        },
        "anchors": {
            "annotator agreement (token-wise Krippendorff alpha)": "75.4% "
            "(Newell, Margolin & Ruths, LREC 2018, PolNeAR)",
            "annotator agreement on this metric (newsprism eval polnear --split agreement)":
                _agreement_anchor(Path(data_dir)),
        },
    }
