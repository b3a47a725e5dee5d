"""The SQLite store: one file, WAL, one transaction per article, idempotent re-ingest."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from ..errors import StoreError
from ..model import Analysis, Article, Entity, Story, from_dict, to_dict
from .schema import migrate, schema_version

__all__ = ["AddResult", "Store", "decode_analysis", "encode_analysis"]

DEFAULT_DB = "newsprism.db"


@dataclass(frozen=True)
class AddResult:
    """What happened to one article offered to the store."""

    article: str
    status: str  # "added" | "same" (already stored) | "duplicate" (same text under another id) | "conflict"
    existing: str | None = None


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _dumps(obj: Any) -> str:
    return _json(to_dict(obj))


# Where decode_analysis keeps, on the analysis it returns, the two texts it was decoded from.
_ENCODED = "_newsprism_stored_json"


def encode_analysis(analysis: Analysis) -> tuple[str, str]:
    """The JSON texts the store writes for ``analysis``: its article's ``data`` and its annotations' ``data``.

    A worker process of the local engine sends these instead of ``to_dict`` data: the parent
    then decodes each analysis once and :meth:`Store.put` writes the texts as they came,
    instead of encoding the analysis it has just decoded again (to_dict and JSON were about
    half of the parent's time per article).
    """
    data = to_dict(analysis)
    article = data.pop("article")
    return _json(article), _json(data)


def decode_analysis(article_json: str, analysis_json: str) -> Analysis:
    """The analysis :func:`encode_analysis` encoded; :meth:`Store.put` writes the same two texts back.

    The texts are kept on the returned value: it is frozen, so they stay its encoding (a
    changed copy, from ``dataclasses.replace``, is a new value without them and is encoded anew).
    """
    data = json.loads(analysis_json)
    data["article"] = json.loads(article_json)
    analysis: Analysis = from_dict(data)
    object.__setattr__(analysis, _ENCODED, (article_json, analysis_json))
    return analysis


def _encoded(analysis: Analysis) -> tuple[str, str]:
    got: tuple[str, str] | None = analysis.__dict__.get(_ENCODED)
    return got if got is not None else encode_analysis(analysis)


class Store:
    """One SQLite file holding articles, their analyses and the cross-article results."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(
                        f"{self.path}: no such store; create it with 'newsprism ingest PATH --db {self.path}'"
                    )
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    parent = Path(self.path).resolve().parent
                    if not parent.is_dir():
                        raise StoreError(
                            f"{self.path}: folder {parent} does not exist; create it or choose another --db"
                        )
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                            timeout=30)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                migrate(self.conn)
            elif self.path != ":memory:" and schema_version(self.conn) == 0:
                # A read-only open reads nothing until the first query, and sqlite takes a
                # short or empty file for an empty database: without this look the first
                # command over, say, an article file given as --db failed deep inside.
                self.conn.close()
                raise StoreError(f"{self.path}: not a newsprism store (it holds no newsprism tables); "
                                 f"choose another --db")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsprism store ({exc}); choose another --db") from None

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT; rolled back whole on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ articles

    def lookup(self, article: Article) -> AddResult | None:
        """How the store already knows this article (by id, or by content), else None."""
        row = self.conn.execute("SELECT id, hash FROM articles WHERE id=?", (article.id,)).fetchone()
        h = article.hash
        if row is not None:
            if row["hash"] == h:
                return AddResult(article.id, "same", row["id"])
            return AddResult(article.id, "conflict", row["id"])
        row = self.conn.execute("SELECT id FROM articles WHERE hash=? LIMIT 1", (h,)).fetchone()
        if row is not None:
            return AddResult(article.id, "duplicate", row["id"])
        return None

    def put(self, analysis: Analysis) -> AddResult:
        """Store one analysed article and its annotations in a single transaction.

        Re-offering the same article changes nothing; an article whose text is
        already stored under another id is not stored again; an id already
        stored with different text is refused (the first version stays).
        """
        art = analysis.article
        with self.transaction() as conn:
            known = self.lookup(art)
            if known is not None:
                return known
            art_json, ann_json = _encoded(analysis)
            self._insert_article(conn, art, art_json)
            self._upsert_analysis(conn, analysis, ann_json)
        return AddResult(art.id, "added")

    def _insert_article(self, conn: sqlite3.Connection, art: Article, art_json: str) -> None:
        conn.execute(
            "INSERT INTO articles (id, hash, title, outlet, url, author, published, published_inferred,"
            " language, origin, text, data, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                art.id,
                art.hash,
                art.title,
                art.outlet,
                art.url,
                art.author,
                art.published.isoformat() if art.published else None,
                int(art.published_inferred),
                art.language,
                art.origin,
                art.text,
                art_json,
                time.time(),
            ),
        )

    def _upsert_analysis(self, conn: sqlite3.Connection, analysis: Analysis, ann_json: str) -> None:
        conn.execute(
            "INSERT INTO analyses (article_id, stages, errors, data, updated_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(article_id) DO UPDATE SET stages=excluded.stages, errors=excluded.errors,"
            " data=excluded.data, updated_at=excluded.updated_at",
            (
                analysis.id,
                json.dumps(list(analysis.stages)),
                json.dumps(list(analysis.errors)),
                ann_json,
                time.time(),
            ),
        )

    def update(self, analyses: Iterable[Analysis]) -> None:
        """Replace stored articles' metadata and annotations (e.g. an inferred date), text unchanged."""
        with self.transaction() as conn:
            for a in analyses:
                art = a.article
                art_json, ann_json = _encoded(a)
                conn.execute(
                    "UPDATE articles SET published=?, published_inferred=?, data=? WHERE id=? AND hash=?",
                    (
                        art.published.isoformat() if art.published else None,
                        int(art.published_inferred),
                        art_json,
                        art.id,
                        art.hash,
                    ),
                )
                self._upsert_analysis(conn, a, ann_json)

    def outdated_ids(self, stages: Sequence[str]) -> list[str]:
        """Ids of stored articles with no analysis by exactly ``stages`` (what ``reanalyze`` redoes), in
        store order."""
        rows = self.conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id"
            " WHERE n.stages IS NULL OR n.stages != ? ORDER BY a.rowid",
            (json.dumps(list(stages)),),
        ).fetchall()
        return [r[0] for r in rows]

    def record_error(self, source: str, reason: str, line: int | None = None) -> None:
        with self.transaction() as conn:
            conn.execute(
                # The unique index keeps one row per (source, line, reason): a re-run refreshes its time.
                "INSERT OR REPLACE INTO input_errors (source, line, reason, at) VALUES (?,?,?,?)",
                (source, line, reason, time.time()),
            )

    def count(self) -> int:
        (n,) = self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()
        return int(n)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(json.loads(row["data"])) if row else None

    def articles(self) -> list[Article]:
        """Every stored article (no analysis layers decoded), in store order.

        For the commands that need only what an article is — its outlet, date or text —
        decoding every analysis with it was most of their time on a large store.
        """
        return [from_dict(json.loads(r[0]))
                for r in self.conn.execute("SELECT data FROM articles ORDER BY rowid")]

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        """Article id -> text for the stored ones among ``ids`` (the offsets of every span point into it)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[str, str] = {}
        for chunk_start in range(0, len(wanted), 500):
            chunk = wanted[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                self.conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk).fetchall()
            )
        return out

    def analyses(self, ids: Sequence[str] | None = None) -> list[Analysis]:
        """Stored analyses (all, or those of ``ids`` in that order)."""
        sql = (
            "SELECT a.id, a.data AS art, n.data AS ann FROM articles a"
            " LEFT JOIN analyses n ON n.article_id = a.id"
        )
        if ids is None:
            rows = self.conn.execute(sql + " ORDER BY a.rowid").fetchall()
        else:
            rows = []
            for chunk_start in range(0, len(ids), 500):
                chunk = list(ids[chunk_start : chunk_start + 500])
                marks = ",".join("?" * len(chunk))
                rows.extend(self.conn.execute(sql + f" WHERE a.id IN ({marks})", chunk).fetchall())
            order = {i: k for k, i in enumerate(ids)}
            rows.sort(key=lambda r: order[r["id"]])
        out = []
        for r in rows:
            ann = json.loads(r["ann"]) if r["ann"] else {"_type": "Analysis"}
            ann["article"] = json.loads(r["art"])
            out.append(from_dict(ann))
        return out

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search (FTS5) over titles and texts; the query is matched as plain words."""
        words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
        if not words:
            return []
        fts = " ".join(f'"{w}"' for w in words)
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, a.published,"
            " snippet(articles_fts, 1, '\x02', '\x03', ' … ', 16) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts, limit),
        ).fetchall()
        return [dict(r) for r in rows]

    # ------------------------------------------------------------------ cross-article results

    def replace_stories(self, stories: Sequence[Story]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            for s in stories:
                conn.execute(
                    "INSERT INTO stories (id, title, data) VALUES (?,?,?)", (s.id, s.title, _dumps(s))
                )
                conn.executemany(
                    "INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?,?)",
                    [(s.id, a) for a in s.articles],
                )

    def stories(self) -> list[Story]:
        return [from_dict(json.loads(r[0]))
                for r in self.conn.execute("SELECT data FROM stories ORDER BY rowid")]

    def story(self, story_id: str) -> Story | None:
        row = self.conn.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
        return from_dict(json.loads(row[0])) if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id=?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def replace_entities(self, entities: Sequence[Entity]) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM entity_mentions")
            conn.execute("DELETE FROM entities")
            for e in entities:
                conn.execute(
                    "INSERT INTO entities (id, name, type, data) VALUES (?,?,?,?)",
                    (e.id, e.name, e.type, _dumps(e)),
                )
                conn.executemany(
                    "INSERT INTO entity_mentions (entity_id, article_id, start, end) VALUES (?,?,?,?)",
                    [(e.id, m.article, m.start, m.end) for m in e.mentions],
                )

    def entities(self) -> list[Entity]:
        return [from_dict(json.loads(r[0]))
                for r in self.conn.execute("SELECT data FROM entities ORDER BY rowid")]

    def entities_in(self, article_ids: Iterable[str]) -> list[Entity]:
        """The entities with a mention in any of ``article_ids``, in store order (as :meth:`entities`
        lists them).

        Found through the mention index, so one story's entities cost what they hold, not a
        decoding of every entity in the store (which grew with the corpus on every ``show``).
        """
        ids = list(dict.fromkeys(article_ids))
        rowids: set[int] = set()
        for lo in range(0, len(ids), 500):
            chunk = ids[lo : lo + 500]
            rowids.update(
                r[0]
                for r in self.conn.execute(
                    "SELECT e.rowid FROM entity_mentions m JOIN entities e ON e.id = m.entity_id"
                    f" WHERE m.article_id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        ordered = sorted(rowids)
        out: list[Entity] = []
        for lo in range(0, len(ordered), 500):
            chunk_rows = ordered[lo : lo + 500]
            out.extend(
                from_dict(json.loads(r[0]))
                for r in self.conn.execute(
                    f"SELECT data FROM entities WHERE rowid IN ({','.join('?' * len(chunk_rows))})"
                    " ORDER BY rowid",
                    chunk_rows,
                )
            )
        return out

    def entity(self, entity_id: str) -> Entity | None:
        row = self.conn.execute("SELECT data FROM entities WHERE id=?", (entity_id,)).fetchone()
        return from_dict(json.loads(row[0])) if row else None

    def put_layer(self, name: str, data: Any) -> None:
        """Store a corpus-level result (timeline, claim groups, grouper state) as JSON."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO layers (name, data, updated_at) VALUES (?,?,?)"
                " ON CONFLICT(name) DO UPDATE SET data=excluded.data, updated_at=excluded.updated_at",
                (name, _json(to_dict(data)), time.time()),
            )

    def layer_items(self, name: str, article_ids: Iterable[str]) -> list[Any]:
        """The items of a list layer (claims) whose ``article`` is one of ``article_ids``, in the layer's
        order.

        SQLite's JSON functions pick them out of the stored text, so only they are decoded in
        Python: one story's claims no longer cost a decoding of the whole corpus's claims.
        """
        rows = self.conn.execute(
            "SELECT j.value FROM layers, json_each(layers.data) AS j WHERE layers.name = ?"
            " AND json_extract(j.value, '$.article') IN (SELECT value FROM json_each(?)) ORDER BY j.key",
            (name, _json(list(article_ids))),
        )
        return [from_dict(json.loads(r[0])) for r in rows]

    def layer(self, name: str, default: Any = None, *, raw: bool = False) -> Any:
        """A stored corpus-level result; ``raw`` returns the plain JSON data (lists stay lists)."""
        row = self.conn.execute("SELECT data FROM layers WHERE name=?", (name,)).fetchone()
        if row is None:
            return default
        data = json.loads(row[0])
        return data if raw else from_dict(data)
