"""The JSON export contract (schema ``newsprism/1``), built from a corpus.

Every other output (terminal, Markdown, HTML) renders this same structure, so
what a user sees and what a script reads never disagree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..model import Analysis, Claim, Entity, Quote, Story, TimelineEntry
from ..resolve.speakers import speaker_entity
from ..stages.quote_category import category_of

if TYPE_CHECKING:
    from ..corpus import Corpus

__all__ = ["SCHEMA", "build_export", "export_corpus"]

SCHEMA = "newsprism/1"
COMPARISON_KEYS = ("shared", "unique", "conflicts", "wording", "sources")


def _short_id(prefix: str, *parts: object) -> str:
    h = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:10]
    return f"{prefix}-{h}"


def article_json(a: Analysis) -> dict[str, Any]:
    art = a.article
    return {
        "id": art.id,
        "title": art.title,
        "outlet": art.outlet,
        "url": art.url,
        "author": art.author,
        "published": art.published.isoformat() if art.published else None,
        "published_inferred": art.published_inferred,
        "language": art.language,
        "text": art.text,
        "removed": [{"kind": r.kind, "text": r.text, "offset": r.offset} for r in art.removed],
        "credits": list(art.credits),
        "stages": list(a.stages),
        "errors": list(a.errors),
    }


def story_json(s: Story) -> dict[str, Any]:
    comparison = {k: s.comparison.get(k, {} if k in ("unique", "wording") else []) for k in COMPARISON_KEYS}
    comparison.update({k: v for k, v in s.comparison.items() if k not in comparison})
    return {
        "id": s.id,
        "title": s.title,
        "articles": list(s.articles),
        "copies": [{"copy": c, "of": o} for c, o in s.copies],
        "confidence": s.confidence,
        "comparison": comparison,
    }


def entity_json(e: Entity, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "confidence": e.confidence,
        "mentions": [
            {
                "article": m.article,
                "start": m.start,
                "end": m.end,
                "text": texts.get(m.article, "")[m.start : m.end],
            }
            for m in e.mentions
        ],
    }


def quote_json(
    article: Analysis, q: Quote, entity_of: Callable[[str, int, int], str | None]
) -> dict[str, Any]:
    text = q.source(article.article)
    speaker = None
    if q.speaker is not None:
        ent = speaker_entity(article, q, entity_of)
        speaker = {
            "entity": ent,
            "text": q.speaker.slice(text),
            "start": q.speaker.start,
            "end": q.speaker.end,
            "role": q.speaker_role,
        }
    elif q.speaker_role:
        speaker = {"entity": None, "text": None, "start": None, "end": None, "role": q.speaker_role}
    via = [{"name": v.label, "start": v.start, "end": v.end} for v in q.via]
    return {
        # a post's offsets point into another text: its quote is told apart by the post
        "id": _short_id("q", article.id, q.start, q.end) if q.embed is None
        else _short_id("q", article.id, q.start, q.end, "embed", q.embed),
        "article": article.id,
        "start": q.start,
        "end": q.end,
        "text": q.slice(text),
        "kind": q.label,
        "speaker": speaker,
        "cue": q.cue.slice(text) if q.cue else None,
        "cue_class": q.cue_class,
        # what the attribution is; a quote stored by a stage before quotes.v124 is read from its cue
        "category": q.category or category_of(q),
        "cue_span": {"start": q.cue.start, "end": q.cue.end} if q.cue else None,
        "via": via,
        "credits": list(article.article.credits),
        "confidence": q.confidence,
        "stage": q.stage,
        # a quote in an embedded post: its offsets point into articles[].removed[embed].text
        "embed": q.embed,
    }


def claim_json(
    c: Claim, texts: dict[str, str], entity_of: Callable[[str, int, int], str | None]
) -> dict[str, Any]:
    text = texts.get(c.article, "")
    holder = c.holder_entity
    if holder is None and c.holder is not None:
        holder = entity_of(c.article, c.holder.start, c.holder.end)
    return {
        # One sentence may hold two claims (two holders, two propositions): the id tells them apart.
        "id": _short_id("c", c.article, c.start, c.end, c.label,
                        *((c.holder.start, c.holder.end) if c.holder else ()), c.proposition),
        "text": c.slice(text),
        "proposition": c.proposition,
        "holder": holder,
        "holder_name": c.holder_name,
        "holder_span": {"start": c.holder.start, "end": c.holder.end} if c.holder else None,
        "stance": c.label,
        "article": c.article,
        "start": c.start,
        "end": c.end,
        "group": c.group,
        "confidence": c.confidence,
        "stage": c.stage,
    }


def timeline_json(t: TimelineEntry, texts: dict[str, str]) -> dict[str, Any]:
    return {
        "date": t.date,
        "precision": t.precision,
        "description": t.description,
        "entities": list(t.entities),
        "story": t.story,
        "conflicts": list(t.conflicts),
        "mentions": [
            {"article": m.article, "start": m.start, "end": m.end,
             "text": texts.get(m.article, "")[m.start : m.end]}
            for m in t.mentions
        ],
    }


def build_export(
    analyses: Sequence[Analysis],
    stories: Sequence[Story],
    entities: Sequence[Entity],
    claims: Sequence[Claim],
    timeline: Sequence[TimelineEntry],
) -> dict[str, Any]:
    """Assemble the ``newsprism/1`` document."""
    from ..corpus import _entity_lookup

    texts = {a.id: a.text for a in analyses}
    entity_of = _entity_lookup(entities)
    return {
        "schema": SCHEMA,
        "articles": [article_json(a) for a in analyses],
        "stories": [story_json(s) for s in stories],
        "entities": [entity_json(e, texts) for e in entities],
        "quotes": [quote_json(a, q, entity_of) for a in analyses for q in a.quotes],
        "claims": [claim_json(c, texts, entity_of) for c in claims if c.article in texts],
        "timeline": [timeline_json(t, texts) for t in timeline],
    }


def export_corpus(corpus: Corpus, story: str | None = None) -> dict[str, Any]:
    """The whole store (or one story) as a ``newsprism/1`` document."""
    if story is None:
        analyses = corpus.analyses()
        stories = corpus.stories()
    else:
        s = corpus.story(story)
        analyses = corpus.analyses(list(s.articles))
        stories = [s]
    return build_export(
        analyses,
        stories,
        corpus.entities(story),
        corpus.claims(story),
        corpus.timeline(story),
    )
