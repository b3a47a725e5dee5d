"""Table exports (JSONL, Parquet, CSV) of the newsprism/1 document, and Parquet input."""

from __future__ import annotations

import copy
import csv
import json
from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import SEED_000, SEED_004
from newsprism.corpus import Corpus
from newsprism.errors import InputError, NewsprismError
from newsprism.model import Article
from newsprism.report import export_corpus
from newsprism.tables import (
    TABLES,
    export_rows,
    neutralise,
    read_parquet_articles,
    write_csv,
    write_jsonl,
    write_parquet,
)


@pytest.fixture(scope="module")
def seed_doc(tmp_path_factory):
    db = tmp_path_factory.mktemp("tables") / "seeds.db"
    with Corpus(str(db)) as corpus:
        report = corpus.ingest([str(SEED_000), str(SEED_004)])
        assert len(report.added) == 2
        return export_corpus(corpus)


def test_rows_flatten_the_seed_document(seed_doc):
    tables = export_rows(seed_doc)
    assert set(tables) == set(TABLES)
    for name, rows in tables.items():
        for row in rows:
            assert list(row) == list(TABLES[name]), name
    texts = {a["id"]: a["text"] for a in tables["articles"]}
    assert len(texts) == 2
    # Both seeds are one story, and every article row names it.
    [story] = {r["story"] for r in tables["articles"]}
    assert story is not None
    assert {r["article"] for r in tables["story_articles"] if r["story"] == story} == set(texts)
    # Spans still slice their article exactly after flattening.
    assert tables["mentions"] and tables["quotes"]
    # A quote in an embedded post slices that post's text, a row of the removed table.
    posts = {(r["article"], r["index"]): r["text"] for r in tables["removed"]}
    assert any(r["embed"] is not None for r in tables["quotes"])
    for table in ("mentions", "quotes", "claims", "timeline_mentions"):
        for r in tables[table]:
            text = posts[r["article"], r["embed"]] if r.get("embed") is not None else texts[r["article"]]
            assert text[r["start"] : r["end"]] == r["text"], table
    for r in tables["quotes"]:
        if r["speaker_start"] is not None:
            text = posts[r["article"], r["embed"]] if r["embed"] is not None else texts[r["article"]]
            assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_text"]
    assert len(tables["mentions"]) == sum(len(e["mentions"]) for e in seed_doc["entities"])
    assert len(tables["quotes"]) == len(seed_doc["quotes"])
    names = {r["name"] for r in tables["entities"]}
    assert any("Soleimani" in n for n in names)


def test_not_a_document_is_one_clear_error():
    with pytest.raises(NewsprismError, match="newsprism/1"):
        export_rows({"articles": []})


def test_parquet_roundtrip_keeps_raw_text_and_types(seed_doc, tmp_path):
    paths = write_parquet(seed_doc, tmp_path / "pq")
    assert sorted(p.name for p in paths) == sorted(f"{t}.parquet" for t in TABLES)
    tables = export_rows(seed_doc)
    for name in TABLES:
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        assert table.column_names == list(TABLES[name])
        assert table.to_pylist() == tables[name], name
    arts = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert arts.schema.field("words").type == pa.int64()
    assert arts.schema.field("credits").type == pa.list_(pa.string())
    # No temporary files are left behind.
    assert not list((tmp_path / "pq").glob(".*"))


def test_empty_document_writes_typed_empty_tables(tmp_path):
    doc = {"schema": "newsprism/1", "articles": [], "stories": [], "entities": [], "quotes": [], "claims": [],
           "timeline": []}  # fmt: skip
    write_parquet(doc, tmp_path)
    t = pq.read_table(tmp_path / "quotes.parquet")
    assert t.num_rows == 0 and t.schema.field("start").type == pa.int64()


def test_jsonl_folder_and_single_file(seed_doc, tmp_path):
    tables = export_rows(seed_doc)
    write_jsonl(seed_doc, tmp_path / "j")
    for name in TABLES:
        lines = (tmp_path / "j" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(ln) for ln in lines] == tables[name]
    [one] = write_jsonl(seed_doc, tmp_path / "all.jsonl")
    rows = [json.loads(ln) for ln in one.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sum(len(r) for r in tables.values())
    assert [{k: v for k, v in r.items() if k != "_table"} for r in rows if r["_table"] == "quotes"] == tables[
        "quotes"
    ]


def _poisoned(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc["articles"][0]["title"] = '=HYPERLINK("http://evil.example","click")'
    doc["articles"][0]["outlet"] = "+cmd|' /C calc'!A0"
    doc["articles"][1]["title"] = "@SUM(1+1)"
    doc["entities"][0]["name"] = "-2+3"
    doc["entities"][0]["aliases"] = ["\tTab", "\rCR", "fine"]
    return doc


def test_csv_neutralises_formula_injection(seed_doc, tmp_path):
    write_csv(_poisoned(seed_doc), tmp_path)
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as fh:
        arts = list(csv.DictReader(fh))
    assert arts[0]["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert arts[0]["outlet"] == "'+cmd|' /C calc'!A0"
    assert arts[1]["title"] == "'@SUM(1+1)"
    with (tmp_path / "entities.csv").open(encoding="utf-8", newline="") as fh:
        ent = next(csv.DictReader(fh))
    assert ent["name"] == "'-2+3"
    assert json.loads(ent["aliases"]) == ["'\tTab", "'\rCR", "fine"]
    # No cell in any CSV starts with a trigger character.
    for name in TABLES:
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), name


def test_parquet_keeps_raw_unless_asked(seed_doc, tmp_path):
    doc = _poisoned(seed_doc)
    write_parquet(doc, tmp_path / "raw")
    write_parquet(doc, tmp_path / "safe", neutralise=True)
    raw = pq.read_table(tmp_path / "raw" / "articles.parquet").column("title").to_pylist()
    safe = pq.read_table(tmp_path / "safe" / "articles.parquet").column("title").to_pylist()
    assert raw[0].startswith("=HYPERLINK") and safe[0].startswith("'=HYPERLINK")
    assert neutralise("plain") == "plain" and neutralise("") == ""


def test_writing_into_a_file_path_is_one_clear_error(seed_doc, tmp_path):
    f = tmp_path / "a-file"
    f.write_text("x")
    with pytest.raises(NewsprismError, match="is a file"):
        write_parquet(seed_doc, f)


def test_read_parquet_articles(tmp_path):
    path = tmp_path / "in.parquet"
    table = pa.table(
        {
            "id": ["a1", None, "a3", "a4"],
            "text": [
                "Hamas denied the statement on Wednesday.",
                "Iran said it was\x00 revenge.",
                "",
                "More text.",
            ],
            "title": ["  Hamas \x00  denies ", None, None, None],
            "published": [datetime(2023, 12, 27, 10, 0), None, None, datetime(2023, 12, 25)],
            "extra": [1, 2, 3, 4],
        }
    )
    pq.write_table(table, path)
    items = list(read_parquet_articles(path, batch_rows=2))
    assert [type(i) for i in items] == [Article, Article, InputError, Article]
    a1, a2, err, a4 = items
    assert a1.id == "a1" and a1.title == "Hamas denies" and a1.published == date(2023, 12, 27)
    assert a1.text == "Hamas denied the statement on Wednesday." and a1.origin == str(path)
    assert a2.id == "in.parquet:2" and a2.published is None
    assert "\x00" not in a2.text  # rows get the scrubbing every other reader gives (NUL, controls)
    assert err.line == 3 and "row 3" in str(err) and "\n" not in str(err)
    assert a4.published == date(2023, 12, 25)


def test_read_parquet_with_an_exports_column_names(tmp_path):
    path = tmp_path / "er.parquet"
    pq.write_table(pa.table({"uri": ["e1"], "body": ["Hamas denied it."],
                             "dateTimePub": ["2023-12-27T10:00:00Z"],
                             "source": [{"uri": "wire.example", "title": "Example Wire"}]}), path)
    [a] = list(read_parquet_articles(path))
    assert (a.id, a.text, a.published, a.outlet) == (
        "e1", "Hamas denied it.", date(2023, 12, 27), "Example Wire")


def test_parquet_files_are_ingested_like_any_input(tmp_path):
    # the README's 'newsprism ingest corpus.parquet': read_inputs reads .parquet (a folder's too),
    # streamed by rows, each article bounded like any other
    from newsprism.errors import InputError as Err
    from newsprism.ingest import MAX_ARTICLE_CHARS, read_inputs

    long_text = "x " * (MAX_ARTICLE_CHARS // 2 + 1)
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Hamas denied it.", long_text],
                             "date": [1703671200, 1703671200]}), tmp_path / "corpus.parquet")
    (tmp_path / "other.txt").write_text("Iran said so.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [(type(i).__name__, getattr(i, "id", None)) for i in items] == [
        ("Article", "p1"), ("InputError", None), ("Article", "other.txt")]
    assert items[0].published is None  # an int64 'date' is no date: passed over, not a refusal
    assert isinstance(items[1], Err) and "1,000,000-character limit" in items[1].reason


def test_read_parquet_bad_inputs(tmp_path):
    no_text = tmp_path / "no_text.parquet"
    pq.write_table(pa.table({"content": ["x"]}), no_text)
    [err] = list(read_parquet_articles(no_text))
    assert isinstance(err, InputError) and "no 'text' column" in str(err)
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"this is not parquet at all")
    [err] = list(read_parquet_articles(junk))
    assert isinstance(err, InputError) and "not a readable Parquet file" in str(err)
    [err] = list(read_parquet_articles(tmp_path / "missing.parquet"))
    assert isinstance(err, InputError) and "no such file" in str(err)
