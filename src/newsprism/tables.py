"""Tables: the ``newsprism/1`` document flattened for DuckDB, pandas and Spark, and Parquet input.

:func:`export_rows` turns the nested document into flat tables (one row per
article, story membership, entity, entity mention, quote, claim, timeline entry
and timeline mention). Every table has a fixed column list with fixed types
(:data:`TABLES`), so an empty corpus still writes well-typed files and a
column never changes type between runs.

Writers: :func:`write_jsonl` (a folder of ``TABLE.jsonl`` files, or one file
whose rows carry a ``_table`` key), :func:`write_parquet` (one ``TABLE.parquet``
per table, via pyarrow) and :func:`write_csv`. CSV files are opened by
spreadsheets, which run a cell that starts with ``= + - @`` (or a tab or carriage
return) as a formula; article text is untrusted, so :func:`write_csv` always
prefixes such cells with a single quote (:func:`neutralise`). Parquet and JSONL
keep the raw text — offsets must slice it exactly, and those files are read by
programs, not spreadsheets — unless ``neutralise=True`` is asked for.

Every file is written to a temporary name and renamed, so a crash never leaves
a half-written table.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import InputError, NewsprismError
from .model import Article

__all__ = [
    "TABLES",
    "export_rows",
    "neutralise",
    "read_parquet_articles",
    "write_csv",
    "write_jsonl",
    "write_parquet",
]

# Column name -> type: "str", "int", "float", "bool" or "list" (a list of strings).
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "id": "str", "title": "str", "outlet": "str", "url": "str", "author": "str", "published": "str",
        "published_inferred": "bool", "language": "str", "story": "str", "words": "int", "text": "str",
        "credits": "list", "stages": "list", "errors": "list",
    },
    # what the cleaner kept out of an article's text; a quote whose ``embed`` is set slices the ``text`` here
    "removed": {"article": "str", "index": "int", "kind": "str", "text": "str", "offset": "int"},
    "stories": {
        "id": "str", "title": "str", "articles": "int", "confidence": "float", "comparison": "str",
    },
    "story_articles": {"story": "str", "article": "str", "copy_of": "str"},
    "entities": {
        "id": "str", "name": "str", "type": "str", "aliases": "list", "mentions": "int",
        "confidence": "float",
    },
    "mentions": {"entity": "str", "article": "str", "start": "int", "end": "int", "text": "str"},
    "quotes": {
        "id": "str", "article": "str", "start": "int", "end": "int", "text": "str", "kind": "str",
        "speaker_entity": "str", "speaker_text": "str", "speaker_start": "int", "speaker_end": "int",
        "speaker_role": "str", "cue": "str", "cue_class": "str", "category": "str", "via": "list",
        "confidence": "float", "stage": "str", "embed": "int",
    },
    "claims": {
        "id": "str", "article": "str", "start": "int", "end": "int", "text": "str", "proposition": "str",
        "stance": "str", "holder": "str", "holder_name": "str", "group": "str", "confidence": "float",
        "stage": "str",
    },
    "timeline": {
        "entry": "int", "date": "str", "precision": "str", "description": "str", "story": "str",
        "entities": "list", "conflicts": "list",
    },
    "timeline_mentions": {"entry": "int", "article": "str", "start": "int", "end": "int", "text": "str"},
}  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    """Prefix a spreadsheet formula trigger with a single quote, so the cell shows as text."""
    return "'" + value if value.startswith(_FORMULA_START) else value


# --------------------------------------------------------------------------- flattening


def export_rows(doc: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Flatten a ``newsprism/1`` document into the tables of :data:`TABLES` (columns in order)."""
    if not isinstance(doc, dict) or doc.get("schema") != "newsprism/1":
        raise NewsprismError("not a newsprism/1 document; build one with newsprism.report.export_corpus")
    story_of = {a: s["id"] for s in doc.get("stories", []) for a in s.get("articles", [])}
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for a in doc.get("articles", []):
        out["articles"].append(
            {
                **{k: a.get(k) for k in ("id", "title", "outlet", "url", "author", "published", "language")},
                "published_inferred": bool(a.get("published_inferred")),
                "story": story_of.get(a["id"]),
                "words": len(a.get("text", "").split()),
                "text": a.get("text", ""),
                "credits": list(a.get("credits", [])),
                "stages": list(a.get("stages", [])),
                "errors": list(a.get("errors", [])),
            }
        )
        for k, r in enumerate(a.get("removed", [])):
            out["removed"].append({"article": a["id"], "index": k, "kind": r.get("kind"),
                                   "text": r.get("text"), "offset": r.get("offset")})
    for s in doc.get("stories", []):
        copy_of = {c["copy"]: c["of"] for c in s.get("copies", [])}
        out["stories"].append(
            {
                "id": s["id"],
                "title": s.get("title"),
                "articles": len(s.get("articles", [])),
                "confidence": s.get("confidence"),
                "comparison": json.dumps(s.get("comparison", {}), ensure_ascii=False, sort_keys=True),
            }
        )
        for art in s.get("articles", []):
            out["story_articles"].append({"story": s["id"], "article": art, "copy_of": copy_of.get(art)})
    for e in doc.get("entities", []):
        out["entities"].append(
            {
                "id": e["id"],
                "name": e.get("name"),
                "type": e.get("type"),
                "aliases": list(e.get("aliases", [])),
                "mentions": len(e.get("mentions", [])),
                "confidence": e.get("confidence"),
            }
        )
        for m in e.get("mentions", []):
            out["mentions"].append({"entity": e["id"], **_span_row(m)})
    for q in doc.get("quotes", []):
        sp = q.get("speaker") or {}
        out["quotes"].append(
            {
                **{k: q.get(k) for k in ("id", "article", "start", "end", "text", "kind")},
                "speaker_entity": sp.get("entity"),
                "speaker_text": sp.get("text"),
                "speaker_start": sp.get("start"),
                "speaker_end": sp.get("end"),
                "speaker_role": sp.get("role"),
                "cue": q.get("cue"),
                "cue_class": q.get("cue_class"),
                "category": q.get("category"),
                "via": [v["name"] for v in q.get("via", [])],
                "confidence": q.get("confidence"),
                "stage": q.get("stage"),
                "embed": q.get("embed"),
            }
        )
    for c in doc.get("claims", []):
        out["claims"].append({k: c.get(k) for k in TABLES["claims"]})
    for n, t in enumerate(doc.get("timeline", [])):
        out["timeline"].append(
            {
                "entry": n,
                **{k: t.get(k) for k in ("date", "precision", "description", "story")},
                "entities": list(t.get("entities", [])),
                "conflicts": list(t.get("conflicts", [])),
            }
        )
        for m in t.get("mentions", []):
            out["timeline_mentions"].append({"entry": n, **_span_row(m)})
    return {name: [_ordered(name, r) for r in rows] for name, rows in out.items()}


def _span_row(m: dict[str, Any]) -> dict[str, Any]:
    return {"article": m.get("article"), "start": m.get("start"), "end": m.get("end"), "text": m.get("text")}


def _ordered(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {col: row.get(col) for col in TABLES[table]}


# --------------------------------------------------------------------------- writers


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise NewsprismError(f"cannot write {path}: {exc.strerror or exc}; choose another folder") from None


def _folder(folder: str | os.PathLike[str]) -> Path:
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise NewsprismError(f"{path} is a file; give a folder for the table files")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NewsprismError(f"cannot create folder {path}: {exc.strerror or exc}") from None
    return path


def _safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        k: neutralise(v) if isinstance(v, str) else [neutralise(x) for x in v] if isinstance(v, list) else v
        for k, v in row.items()
    }


def _rows(doc: dict[str, Any], neutralise_cells: bool) -> dict[str, list[dict[str, Any]]]:
    tables = export_rows(doc)
    if neutralise_cells:
        tables = {name: [_safe_row(r) for r in rows] for name, rows in tables.items()}
    return tables


def write_jsonl(
    doc: dict[str, Any], target: str | os.PathLike[str], *, neutralise: bool = False
) -> list[Path]:
    """Write the tables as JSON Lines: ``TABLE.jsonl`` files in a folder, or one ``.jsonl`` file.

    In the one-file form every row carries ``"_table": NAME``.
    """
    tables = _rows(doc, neutralise)
    target = Path(target)
    if target.suffix.lower() in (".jsonl", ".ndjson") and not target.is_dir():

        def write_one(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8") as fh:
                for name, rows in tables.items():
                    for row in rows:
                        fh.write(json.dumps({"_table": name, **row}, ensure_ascii=False) + "\n")

        _folder(target.parent if str(target.parent) else ".")
        _atomic(target, write_one)
        return [target]
    folder = _folder(target)
    written = []
    for name, rows in tables.items():

        def write_table(tmp: Path, rows: list[dict[str, Any]] = rows) -> None:
            with tmp.open("w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")

        path = folder / f"{name}.jsonl"
        _atomic(path, write_table)
        written.append(path)
    return written


def write_csv(doc: dict[str, Any], folder: str | os.PathLike[str]) -> list[Path]:
    """Write one ``TABLE.csv`` per table, formula triggers neutralised (lists as JSON arrays)."""
    tables = _rows(doc, True)
    out = _folder(folder)
    written = []
    for name, rows in tables.items():

        def write_table(tmp: Path, name: str = name, rows: list[dict[str, Any]] = rows) -> None:
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(TABLES[name]))
                w.writeheader()
                for row in rows:
                    w.writerow({k: _csv_cell(v) for k, v in row.items()})

        path = out / f"{name}.csv"
        _atomic(path, write_table)
        written.append(path)
    return written


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        # A JSON array starts with "[", so it is never a formula.
        return json.dumps(value, ensure_ascii=False)
    return value


def _arrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise NewsprismError(
            "Parquet needs pyarrow; install the extra: pip install 'newsprism[dask]'"
        ) from None
    return pa, pq


def _schema(pa: Any, name: str) -> Any:
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}  # fmt: skip
    return pa.schema([(col, types[kind]) for col, kind in TABLES[name].items()])


def write_parquet(
    doc: dict[str, Any], folder: str | os.PathLike[str], *, neutralise: bool = False
) -> list[Path]:
    """Write one ``TABLE.parquet`` per table (zstd), typed by :data:`TABLES`."""
    pa, pq = _arrow()
    tables = _rows(doc, neutralise)
    out = _folder(folder)
    written = []
    for name, rows in tables.items():
        table = pa.Table.from_pylist(rows, schema=_schema(pa, name))
        path = out / f"{name}.parquet"

        def write_table(tmp: Path, table: Any = table) -> None:
            pq.write_table(table, tmp, compression="zstd")

        _atomic(path, write_table)
        written.append(path)
    return written


# --------------------------------------------------------------------------- Parquet input


def read_parquet_articles(
    path: str | os.PathLike[str], *, clean: bool = True, batch_rows: int = 1024
) -> Iterator[Article | InputError]:
    """Articles from a Parquet file with a ``text`` column (and optional id, title, outlet, ...).

    Read in row batches, so a large file streams in flat memory. Columns and
    ids follow the JSON input: the id defaults to ``NAME:ROW`` (rows counted
    from 1); a bad row becomes an InputError naming its row, the others go on.
    """
    source = os.fspath(path)
    try:
        _pa, pq = _arrow()
    except NewsprismError as exc:
        yield InputError(source, str(exc))
        return
    from pydantic import ValidationError

    from .ingest.records import FIELD_ALIASES, RECORD_KEYS, ArticleRecord, article_from_record

    try:
        pf = pq.ParquetFile(source)
    except FileNotFoundError:
        yield InputError(source, "no such file")
        return
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a bad file
        yield InputError(source, f"not a readable Parquet file ({type(exc).__name__}: {str(exc)[:120]})")
        return
    names = set(pf.schema_arrow.names)
    if not names & {"text", *FIELD_ALIASES["text"]}:
        yield InputError(source, f"no 'text' column, nor {', '.join(FIELD_ALIASES['text'])} "
                         f"(columns: {', '.join(sorted(names)) or 'none'})")
        return
    wanted = sorted(names & RECORD_KEYS)
    base = os.path.basename(source)
    row_no = 0
    try:
        batches = pf.iter_batches(batch_size=batch_rows, columns=wanted)
        for batch in batches:
            for rec in batch.to_pylist():
                row_no += 1
                obj = {k: _plain(v) for k, v in rec.items() if v is not None}
                try:
                    parsed = ArticleRecord.model_validate(obj)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    where = ".".join(str(x) for x in first.get("loc", ())) or "row"
                    msg = str(first.get("msg", "invalid")).removeprefix("Value error, ")
                    yield InputError(source, f"row {row_no}: {where}: {msg}", line=row_no)
                    continue
                try:
                    yield article_from_record(parsed, source, f"{base}:{row_no}", clean, row_no,
                                              item=f"row {row_no}: ")
                except InputError as err:
                    yield err
    except Exception as exc:  # noqa: BLE001 - a truncated file fails mid-read; keep what was read
        yield InputError(
            source, f"stopped reading at row {row_no + 1} ({type(exc).__name__}: {str(exc)[:120]})"
        )


def _plain(value: Any) -> Any:
    """Parquet timestamps arrive as datetime; the JSON record model reads dates and strings."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return value
