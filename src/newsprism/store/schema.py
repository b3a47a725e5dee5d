"""Numbered migrations for the SQLite store; each runs once and is recorded in ``migrations``."""

from __future__ import annotations

import sqlite3
import time

__all__ = ["MIGRATIONS", "migrate", "schema_version"]

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles, analyses, full-text search",
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            url TEXT,
            author TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            language TEXT,
            origin TEXT,
            text TEXT NOT NULL,
            data TEXT NOT NULL,
            ingested_at REAL NOT NULL
        );
        CREATE INDEX articles_hash ON articles(hash);
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            stages TEXT NOT NULL,
            errors TEXT NOT NULL DEFAULT '[]',
            data TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE input_errors (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            line INTEGER,
            reason TEXT NOT NULL,
            at REAL NOT NULL
        );
        """,  # noqa: E501 (the FTS triggers as SQLite stores them)
    ),
    (
        2,
        "cross-article results: stories, entities, corpus-level layers, grouper state",
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE story_articles (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id)
        );
        CREATE INDEX story_articles_article ON story_articles(article_id);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE entity_mentions (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL
        );
        CREATE INDEX entity_mentions_article ON entity_mentions(article_id, start);
        CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
        CREATE TABLE layers (
            name TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            updated_at REAL NOT NULL
        );
        """,
    ),
    (
        3,
        "each rejected input recorded once (re-runs and re-runs after a crash add no rows)",
        """
        DELETE FROM input_errors WHERE id NOT IN (
            SELECT MAX(id) FROM input_errors GROUP BY source, COALESCE(line, -1), reason
        );
        CREATE UNIQUE INDEX input_errors_once ON input_errors(source, COALESCE(line, -1), reason);
        """,
    ),
]


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='migrations'"
    ).fetchone()
    if row is None:
        return 0
    (v,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM migrations").fetchone()
    return int(v)


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet recorded; return the ids applied."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations"
        " (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
    )
    have = schema_version(conn)
    applied = []
    for mid, name, sql in MIGRATIONS:
        if mid <= have:
            continue
        # The connection is in autocommit mode: the script and its record commit together.
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;"
                + sql
                + f";INSERT INTO migrations VALUES ({mid}, '{name}', {time.time()});COMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(mid)
    return applied
