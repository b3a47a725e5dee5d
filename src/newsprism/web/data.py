"""What the web pages and the JSON API show, as plain data read from a corpus.

Every route is a thin call into :class:`WebData`. Reads of whole-corpus layers
(claims, timeline, story summaries) are cached and dropped as soon as SQLite
reports that another connection committed (``PRAGMA data_version``), so a
server left running over a store that is being ingested into stays current.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..corpus import Corpus, _entity_lookup
from ..errors import NewsprismError
from ..model import Claim, Entity, EntityMention, Story, TimelineEntry
from ..report.export import SCHEMA, build_export, claim_json, entity_json, quote_json
from ..report.index import StoryTimeline

__all__ = ["BadRequest", "NotFound", "WebData", "snippet_parts", "story_public"]

T = TypeVar("T")

# How much of an entity's mentions one page shows; the rest is counted, not listed.
MAX_ENTITY_ARTICLES = 200
CONTEXT_CHARS = 70
MAX_CLAIM_CHARS = 1000


class NotFound(NewsprismError):
    """The id in the URL names nothing in the store."""


class BadRequest(NewsprismError):
    """A query parameter is present but unusable."""


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """Split an FTS5 snippet (matches between \\x02 and \\x03) into (text, is_match) pieces."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate((snippet or "").split("\x02")):
        if i == 0:
            if chunk:
                parts.append((chunk.replace("\x03", ""), False))
            continue
        hit, _, rest = chunk.partition("\x03")
        if hit:
            parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return parts


class WebData:
    """Read-side queries over one corpus, safe to call from the server's worker threads."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.store = corpus.store
        # One sqlite connection is shared by the worker threads; a lock keeps its use serial.
        self._lock = threading.RLock()
        self._version: int | None = None
        self._cache: dict[str, Any] = {}
        self._stance_model: Any = None

    # ------------------------------------------------------------------ caching

    def invalidate(self) -> None:
        """Forget cached layers (after this process wrote to the store)."""
        with self._lock:
            self._cache.clear()

    def _cached(self, key: str, build: Callable[[], T]) -> T:
        (version,) = self.store.conn.execute("PRAGMA data_version").fetchone()
        if version != self._version:
            self._cache.clear()
            self._version = version
        if key not in self._cache:
            self._cache[key] = build()
        value: T = self._cache[key]
        return value

    def _claims_by_article(self) -> dict[str, list[Claim]]:
        def build() -> dict[str, list[Claim]]:
            out: dict[str, list[Claim]] = defaultdict(list)
            for c in self.corpus.claims():
                out[c.article].append(c)
            return dict(out)

        return self._cached("claims", build)

    def _timeline_index(self) -> StoryTimeline[TimelineEntry]:
        def build() -> StoryTimeline[TimelineEntry]:
            return StoryTimeline(self.corpus.timeline(), lambda t: t.story,
                                 lambda t: (m.article for m in t.mentions))

        return self._cached("timeline", build)

    def _story_of(self) -> dict[str, str]:
        def build() -> dict[str, str]:
            rows = self.store.conn.execute("SELECT article_id, story_id FROM story_articles")
            return {a: s for a, s in rows}

        return self._cached("story_of", build)

    # ------------------------------------------------------------------ stories

    def story_summaries(self) -> list[dict[str, Any]]:
        """Every story with its outlets, date range and article count, newest first."""
        with self._lock:
            return self._cached("summaries", self._build_summaries)

    def _build_summaries(self) -> list[dict[str, Any]]:
        rows = self.store.conn.execute(
            "SELECT s.id, s.title, a.outlet, a.published FROM stories s"
            " JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
            " ORDER BY s.rowid"
        ).fetchall()
        by_id: dict[str, dict[str, Any]] = {}
        for sid, title, outlet, published in rows:
            s = by_id.setdefault(sid, {"id": sid, "title": title, "outlets": set(), "dates": [],
                                       "articles": 0})
            s["articles"] += 1
            if outlet:
                s["outlets"].add(outlet)
            if published:
                s["dates"].append(published)
        out = []
        for s in by_id.values():
            dates = sorted(s.pop("dates"))
            out.append(
                {
                    **s,
                    "outlets": sorted(s["outlets"]),
                    "first": dates[0] if dates else None,
                    "last": dates[-1] if dates else None,
                }
            )
        out.sort(key=lambda s: (s["last"] or "", s["articles"]), reverse=True)
        return out

    def _story(self, story_id: str) -> Story:
        s = self.store.story(story_id)
        if s is None:
            raise NotFound(f"no story {story_id!r}")
        return s

    def _entities_of(self, article_ids: Sequence[str]) -> list[Entity]:
        """The entities mentioned in these articles, their mentions cut down to them.

        Read from the mention index, not from each entity's stored document: a frequent
        entity has thousands of mentions across the corpus and decoding them all for one
        page would dominate its cost.
        """
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        mentions: dict[str, list[EntityMention]] = defaultdict(list)
        for eid, art, start, end in self.store.conn.execute(
            f"SELECT entity_id, article_id, start, end FROM entity_mentions WHERE article_id IN ({marks})"
            " ORDER BY article_id, start",
            list(article_ids),
        ):
            mentions[eid].append(EntityMention(article=art, start=start, end=end))
        if not mentions:
            return []
        ids = list(mentions)
        out = []
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            rows = self.store.conn.execute(
                "SELECT id, name, type, json_extract(data, '$.aliases'), json_extract(data, '$.confidence'),"
                f" json_extract(data, '$.stage') FROM entities WHERE id IN ({','.join('?' * len(part))})",
                part,
            )
            for eid, name, etype, aliases, conf, stage in rows:
                out.append(
                    Entity(
                        id=eid,
                        name=name,
                        type=etype,
                        aliases=tuple(json.loads(aliases)) if aliases else (),
                        mentions=tuple(mentions[eid]),
                        confidence=1.0 if conf is None else float(conf),
                        stage=stage or "",
                    )
                )
        out.sort(key=lambda e: (-len(e.mentions), e.name))
        return out

    def story_doc(self, story_id: str, only: Sequence[str] | None = None) -> dict[str, Any]:
        """One story as a ``newsprism/1`` document: the story, its articles and their findings.

        ``only`` restricts the articles (and their findings) to those ids, for a page of a big story.
        """
        with self._lock:
            s = self._story(story_id)
            members = set(s.articles)  # once: built per id it was the page's size times the story's
            wanted = list(s.articles) if only is None else [i for i in only if i in members]
            analyses = self.corpus.analyses(wanted)
            ids = [a.id for a in analyses]
            entities = self._entities_of(ids)
            by_article = self._claims_by_article()
            claims = [c for i in ids for c in by_article.get(i, ())]
            timeline = self._timeline_index().of(s.id, ids)
        doc = build_export(analyses, [s], entities, claims, timeline)
        doc["story"] = doc.pop("stories")[0]
        doc["_timeline_entries"] = timeline  # for the chart; dropped from the JSON answer
        return doc

    def story_page(self, story_id: str, page: int, per_page: int) -> dict[str, Any]:
        """The story document for one page of its side-by-side view: originals only, copies folded."""
        with self._lock:
            s = self._story(story_id)
        copies: dict[str, list[str]] = defaultdict(list)
        for copy, original in s.copies:
            copies[original].append(copy)
        copy_ids = {c for c, _ in s.copies}
        originals = [a for a in s.articles if a not in copy_ids]
        pages = max(1, -(-len(originals) // per_page))
        if page > pages:
            raise NotFound(f"story {story_id!r} has {pages} page(s) of articles, not {page}")
        shown = originals[(page - 1) * per_page : page * per_page]
        doc = self.story_doc(story_id, only=shown)
        doc["_pager"] = {
            "page": page, "pages": pages, "per_page": per_page, "originals": len(originals),
            "copies": dict(copies),
        }
        return doc

    # ------------------------------------------------------------------ entities

    def entity_doc(self, entity_id: str) -> dict[str, Any]:
        """An entity with its mentions in context, its stories, its quotes and the claims it holds."""
        with self._lock:
            e = self.store.entity(entity_id)
            if e is None:
                raise NotFound(f"no entity {entity_id!r}")
            article_ids = list(dict.fromkeys(m.article for m in e.mentions))
            shown = article_ids[:MAX_ENTITY_ARTICLES]
            analyses = self.corpus.analyses(shown)
            story_of = self._story_of()
            claims_by_article = self._claims_by_article()
            story_titles = {}
            for sid in {story_of[a] for a in shown if a in story_of}:
                st = self.store.story(sid)
                if st is not None:
                    story_titles[sid] = st.title
        texts = {a.id: a.text for a in analyses}
        entity_of = _entity_lookup([e])
        data = entity_json(e, texts)
        contexts = []
        for m in data["mentions"]:
            text = texts.get(m["article"])
            if text is None:
                continue
            lo, hi = max(0, m["start"] - CONTEXT_CHARS), min(len(text), m["end"] + CONTEXT_CHARS)
            contexts.append(
                {
                    **m,
                    "before": ("…" if lo > 0 else "") + text[lo : m["start"]],
                    "after": text[m["end"] : hi] + ("…" if hi < len(text) else ""),
                }
            )
        articles = [
            {
                "id": a.id,
                "title": a.article.title,
                "outlet": a.article.outlet,
                "published": a.article.published.isoformat() if a.article.published else None,
                "story": story_of.get(a.id),
            }
            for a in analyses
        ]
        quotes = [
            q
            for a in analyses
            for q in (quote_json(a, q, entity_of) for q in a.quotes)
            if q["speaker"] and q["speaker"]["entity"] == e.id
        ]
        claims = [
            cj
            for a in analyses
            for cj in (claim_json(c, texts, entity_of) for c in claims_by_article.get(a.id, ()))
            if cj["holder"] == e.id
        ]
        return {
            "schema": SCHEMA,
            "entity": data,
            "contexts": contexts,
            "articles": articles,
            "articles_total": len(article_ids),
            "stories": [{"id": sid, "title": t}
                        for sid, t in sorted(story_titles.items(), key=lambda x: x[1])],
            "quotes": quotes,
            "claims": claims,
        }

    # ------------------------------------------------------------------ search and check

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text matches, each with its snippet split into marked pieces and its story."""
        with self._lock:
            rows = self.corpus.search(query, limit)
            story_of = self._story_of()
        out = []
        for r in rows:
            parts = snippet_parts(r.get("snippet"))
            out.append({**r, "snippet": "".join(t for t, _ in parts), "parts": parts,
                        "story": story_of.get(r["id"])})
        return out

    def check(self, claim: str, top_k: int = 20) -> dict[str, Any]:
        """The stance of stored articles toward ``claim`` (``newsprism check``), evidence text included."""
        from ..check import check_claims

        claim = " ".join(claim.split())
        if not claim:
            raise BadRequest("the claim is empty; give its text in ?claim=")
        if len(claim) > MAX_CLAIM_CHARS:
            raise BadRequest(f"the claim is {len(claim)} characters long; the limit is {MAX_CLAIM_CHARS}")
        with self._lock:
            # The analyses carry the claims layer, whose positions decide asserts and denies.
            docs = self._cached("check_docs", self.corpus.store.analyses)
            if self._stance_model is None:
                from ..stance.model import StanceModel

                self._stance_model = StanceModel.load()
            meta = self._cached("article_meta", self._article_meta)
            result = check_claims([claim], docs, top_k=top_k, model=self._stance_model)
            texts = {a.article.id: a.article.text for a in docs}
        [c] = result["checks"]
        for r in c["articles"]:
            text = texts.get(r["article"], "")
            r.update(meta.get(r["article"], {}))
            for ev in r["evidence"]:
                ev["text"] = text[ev["start"] : ev["end"]]
        return {"schema": result["schema"], "claim": c["claim"], "articles": c["articles"],
                "checked": len(docs)}

    def _article_meta(self) -> dict[str, dict[str, Any]]:
        rows = self.store.conn.execute("SELECT id, title, outlet, published FROM articles")
        story_of = self._story_of()
        return {
            i: {"title": t, "outlet": o, "published": p, "story": story_of.get(i)} for i, t, o, p in rows
        }

    def story_list(self, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        """One page of story summaries and the total count."""
        all_ = self.story_summaries()
        return all_[offset : offset + limit], len(all_)


def story_public(doc: dict[str, Any]) -> dict[str, Any]:
    """The story document without the fields kept for rendering only."""
    return {k: v for k, v in doc.items() if not k.startswith("_")}

