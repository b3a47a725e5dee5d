"""The SQLite store: migrations, WAL, per-article transactions, idempotent re-ingest, FTS5."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from newsprism.errors import StoreError
from newsprism.model import Analysis, Article, Entity, EntityMention, Mention, Story, to_dict
from newsprism.store import Store
from newsprism.store.schema import MIGRATIONS, schema_version


def _analysis(id_: str, text: str) -> Analysis:
    return Analysis(article=Article(id=id_, text=text, published=date(2023, 12, 27)),
                    mentions=(Mention(start=0, end=5, label="ORG", stage="mentions.v1"),),
                    stages=("parse.v1",))


def test_migrations_wal_and_reopen(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as s:
        assert schema_version(s.conn) == MIGRATIONS[-1][0]
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db) as s:  # reopening applies nothing twice
        assert [r[0] for r in s.conn.execute("SELECT id FROM migrations")] == [m[0] for m in MIGRATIONS]


def test_put_is_idempotent_and_roundtrips(tmp_path):
    with Store(tmp_path / "s.db") as s:
        a = _analysis("a", "Hamas denied the statement on Wednesday.")
        assert s.put(a).status == "added"
        assert s.put(a).status == "same"
        assert s.put(_analysis("b", "Hamas  denied the statement\non Wednesday.")).status == "duplicate"
        assert s.put(_analysis("a", "Different text entirely.")).status == "conflict"
        assert s.count() == 1
        [back] = s.analyses()
        assert back == a
        assert s.article("a") == a.article


def test_failed_write_leaves_nothing(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.conn.execute(
            "CREATE TRIGGER boom BEFORE INSERT ON analyses BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
        with pytest.raises(sqlite3.IntegrityError):
            s.put(_analysis("a", "Some text here."))
        assert s.count() == 0  # the article row went with the failed analysis row


def test_fts_search_and_results(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.put(_analysis("a", "Hamas denied the IRGC statement about Soleimani."))
        s.put(_analysis("b", "An earthquake struck the coast."))
        hits = s.search("soleimani")
        assert [h["id"] for h in hits] == ["a"]
        assert s.search("") == [] and s.search('"); DROP TABLE articles; --') == []
        s.replace_stories([Story(id="s-1", title="t", articles=("a",))])
        s.replace_entities([Entity(id="e-1", name="Hamas", type="ORG",
                                   mentions=(EntityMention(article="a", start=0, end=5),))])
        assert s.story_of("a") == "s-1" and s.story("s-1").articles == ("a",)
        assert s.entity("e-1").name == "Hamas"
        s.put_layer("x", {"k": [1, 2]})
        assert s.layer("x", raw=True) == {"k": [1, 2]}


def test_bad_store_paths(tmp_path):
    bogus = tmp_path / "not-a-db.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a newsprism store"):
        Store(bogus)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "missing" / "x.db")
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "absent.db", readonly=True)


def test_read_only_open_of_what_is_no_store_says_so(tmp_path):
    # Each was an "internal error ... this is a bug" at the first query of a read-only command:
    # an article file given as --db, a short file sqlite reads as an empty database, and an
    # empty sqlite database. Nothing is written to any of them.
    article = tmp_path / "articles.jsonl"
    article.write_text('{"id": "a", "text": "Hamas said in a statement on Sunday that it denied it."}\n' * 40)
    short = tmp_path / "short.db"
    short.write_bytes(b"x")
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    for path in (article, short, empty):
        before = path.read_bytes()
        with pytest.raises(StoreError, match=f"{path.name}: not a newsprism store"):
            Store(path, readonly=True)
        assert path.read_bytes() == before
    with Store(tmp_path / "real.db") as s:
        s.put_layer("x", {"k": 1})
    with Store(tmp_path / "real.db", readonly=True) as s:
        assert s.layer("x", raw=True) == {"k": 1}


def test_migration_3_keeps_one_row_per_rejected_input(tmp_path):
    from newsprism.store.schema import migrate

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
    )
    for mid, name, sql in MIGRATIONS[:2]:  # a store made before migration 3
        conn.executescript(sql)
        conn.execute("INSERT INTO migrations VALUES (?, ?, 0)", (mid, name))
    rows = [("a.txt", None, "empty file", 1.0), ("a.txt", None, "empty file", 2.0),
            ("b.jsonl", 2, "bad", 1.0), ("b.jsonl", 2, "bad", 3.0), ("b.jsonl", 3, "bad", 1.0)]  # fmt: skip
    conn.executemany("INSERT INTO input_errors (source, line, reason, at) VALUES (?,?,?,?)", rows)
    assert migrate(conn) == [m[0] for m in MIGRATIONS[2:]]
    got = conn.execute("SELECT source, line, reason, at FROM input_errors ORDER BY source, line").fetchall()
    assert got == [("a.txt", None, "empty file", 2.0), ("b.jsonl", 2, "bad", 3.0), ("b.jsonl", 3, "bad", 1.0)]
    conn.close()
    with Store(path) as s:  # and the store records a repeat once
        s.record_error("a.txt", "empty file")
        s.record_error("a.txt", "empty file")
        (n,) = s.conn.execute("SELECT COUNT(*) FROM input_errors WHERE source='a.txt'").fetchone()
        assert n == 1


def _rows(s: Store) -> list[tuple[str, ...]]:
    return [tuple(r) for r in s.conn.execute(
        "SELECT a.id, a.published, a.data, n.stages, n.errors, n.data FROM articles a"
        " JOIN analyses n ON n.article_id = a.id ORDER BY a.rowid")]


def test_an_analysis_decoded_from_its_encoding_is_stored_as_the_analysis_itself(tmp_path):
    """The local engine's workers send encode_analysis texts; the store writes them as they came."""
    from dataclasses import replace

    from newsprism.model import Claim, Span
    from newsprism.store.db import decode_analysis, encode_analysis

    text = "Hamas “denied” the IRGC’s statement on Wednesday, Mr. Ünal said."
    a = replace(
        _analysis("a", text),
        claims=(Claim(start=0, end=len(text), label="denies", stage="claims.v1", confidence=0.8,
                      holder=Span(start=0, end=5, label="holder", stage="claims.v1"), holder_name="Hamas",
                      proposition="the IRGC’s statement", quote=None),),
        errors=("times: ValueError: x",),
    )
    back = decode_analysis(*encode_analysis(a))
    assert back == a and back.article.published == date(2023, 12, 27)
    with Store(tmp_path / "plain.db") as plain, Store(tmp_path / "decoded.db") as decoded:
        plain.put(a)
        decoded.put(back)
        assert _rows(decoded) == _rows(plain)
        # What is stored is model.to_dict's data, written as compact JSON without \u escapes.
        [(_, _, art_json, _, _, ann_json)] = _rows(plain)
        assert json.loads(art_json) == to_dict(a.article) and "“denied”" in art_json and "Ünal" in art_json
        assert json.loads(ann_json) == {k: v for k, v in to_dict(a).items() if k != "article"}
        assert ann_json == json.dumps(json.loads(ann_json), ensure_ascii=False, separators=(",", ":"))
        # A changed copy is a new value: it is encoded anew, not written with the texts it came from.
        later = replace(back, article=replace(back.article, published=date(2024, 1, 2)), stages=("parse.v2",))
        plain.update([replace(a, article=later.article, stages=later.stages)])
        decoded.update([later])
        assert _rows(decoded) == _rows(plain)
        assert _rows(decoded)[0][1] == "2024-01-02" and decoded.analyses() == [later]


def test_articles_and_texts_read_the_articles_without_their_analyses(tmp_path):
    with Store(tmp_path / "s.db") as s:
        a = _analysis("a", "Hamas denied the statement on Wednesday.")
        b = _analysis("b", "The IRGC said the attacks were revenge.")
        s.put(a)
        s.put(b)
        assert s.articles() == [a.article, b.article]  # store order, every field
        assert s.texts(["b", "missing", "b"]) == {"b": b.article.text}
        # more ids than one query binds: an id past the first chunk is still read
        assert s.texts([*(f"x{i}" for i in range(1200)), "a"]) == {"a": a.article.text}
        assert s.texts(["a", "b"]) == {"a": a.article.text, "b": b.article.text}
