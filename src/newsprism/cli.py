"""The ``newsprism`` command line: thin calls into :mod:`newsprism.corpus`.

Exit codes: 0 — done; 1 — the command failed (bad store, unknown story, missing
data; one line on stderr says why and how to fix it); 2 — usage error, or some
inputs were rejected while the others were processed (each rejected input is
named on stderr with its reason).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .errors import NewsprismError
from .store import DEFAULT_DB

app = typer.Typer(
    name="newsprism",
    help="Who said what, who disputes it, and how outlets differ — every finding linked to its sentence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
eval_app = typer.Typer(help="Measure a capability on the gold data in ../shared/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

EXIT_OK, EXIT_FAILED, EXIT_REJECTED = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

# Shared options, so flags match across commands.
DbOpt = Annotated[str, typer.Option("--db", help="SQLite store file.", envvar="NEWSPRISM_DB")]
StoryOpt = Annotated[
    str | None, typer.Option("--story", help="Only this story (id from 'newsprism stories').")
]
JsonOut = Annotated[Path | None, typer.Option("--json", help="Also write the result as JSON to this file.")]
Paths = Annotated[
    list[str], typer.Argument(help="Files, folders (recursive), feed files, http(s) URLs, or - for stdin.")
]
MaxBytes = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.")
]
AllowPrivate = Annotated[
    bool, typer.Option("--allow-private", help="Allow fetching URLs on private or loopback addresses.")
]
EngineOpt = Annotated[
    str, typer.Option("--engine", help="Where the per-article stages run: local (this process) or dask.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="DASK_SCHEDULER_ADDRESS",
        help="With --engine dask: a running Dask scheduler (tcp://HOST:8786); default: a local cluster.",
    ),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        help="Worker processes: local, for the per-article stages (default min(2, cores); one batch runs"
        " here); dask with no scheduler, the local cluster size (default 2).",
    ),
]


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    if not enabled:
        yield None
        return
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    task = bar.add_task("reading and analysing", total=None)
    with bar:

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _open(db: str, readonly: bool = True) -> Any:
    from .corpus import Corpus

    return Corpus(db, readonly=readonly)


def _write(path: Path, text: str) -> None:
    """Write atomically: a crash never leaves a half-written report."""
    try:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise NewsprismError(f"cannot write {path}: {exc.strerror}; choose another path") from None


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def _report_run(report: Any) -> int:
    for e in report.input_errors:
        err.print(f"[red]rejected[/red] {escape(str(e))}", markup=True, highlight=False, soft_wrap=True)
    for c in report.conflicts:
        err.print(
            f"[red]rejected[/red] {escape(str(c.article))}: id already stored with different text;"
            " the stored version is kept",
            highlight=False,
            soft_wrap=True,
        )
    for f in report.stage_failures:
        err.print(
            f"[yellow]stage {escape(f.stage)} failed[/yellow] on {escape(f.article)}: {escape(f.message)}",
            highlight=False,
            soft_wrap=True,
        )
    parts = [f"{len(report.reanalysed)} re-analysed" if report.reanalysed else f"{len(report.added)} added"]
    if report.unchanged:
        parts.append(f"{len(report.unchanged)} already stored")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicate text under another id")
    if report.rejected:
        parts.append(f"{report.rejected} rejected")
    rate = len(report.added or report.reanalysed) / report.seconds if report.seconds > 0 else 0.0
    err.print(f"{', '.join(parts)} in {report.seconds:.1f} s ({rate:.1f} articles/s)", highlight=False)
    if report.outdated:
        err.print(
            f"[yellow]{report.outdated} stored article{'s were' if report.outdated != 1 else ' was'}"
            " analysed by older stage versions[/yellow]; 'newsprism reanalyze' with the same --db brings"
            " them up to date",
            highlight=False,
            soft_wrap=True,
        )
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _options(
    max_bytes: int, allow_private: bool, engine: str = "local", scheduler: str | None = None,
    workers: int | None = None,
) -> Any:
    from .corpus import AnalyzeOptions
    from .engines import ENGINES
    from .ingest import IngestOptions

    if engine not in ENGINES:
        raise typer.BadParameter(
            f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}", param_hint="--engine"
        )
    if scheduler and engine != "dask":
        raise typer.BadParameter(
            "--scheduler (or DASK_SCHEDULER_ADDRESS) needs --engine dask", param_hint="--scheduler"
        )
    if workers is not None and workers < 1:
        raise typer.BadParameter(f"must be at least 1, got {workers}", param_hint="--workers")
    return AnalyzeOptions(
        ingest=IngestOptions(max_bytes=max_bytes, allow_private=allow_private),
        engine=engine,
        scheduler=scheduler,
        workers=workers,
    )


def _scheduler(engine: str, scheduler: str | None) -> str | None:
    """An explicit --scheduler always counts; $DASK_SCHEDULER_ADDRESS only with --engine dask."""
    if scheduler and engine != "dask" and os.environ.get("DASK_SCHEDULER_ADDRESS") == scheduler:
        return None
    return scheduler


def _write_outputs(corpus: Any, json_path: Path | None, html: Path | None, md: Path | None) -> dict[str, Any]:
    from .report import export_corpus, render_html, render_markdown

    doc = export_corpus(corpus)
    if json_path:
        _write(json_path, _dump(doc))
        err.print(f"wrote {json_path}", markup=False, highlight=False)
    if html:
        _write(html, render_html(doc, _timeline_svgs(corpus, doc)))
        err.print(f"wrote {html}", markup=False, highlight=False)
    if md:
        _write(md, render_markdown(doc))
        err.print(f"wrote {md}", markup=False, highlight=False)
    return doc


def _timeline_svgs(corpus: Any, doc: dict[str, Any]) -> dict[str, str]:
    try:
        from .resolve.timeline import render_svg
    except ImportError:
        return {}
    svgs = {}
    for s in doc["stories"]:
        entries = corpus.timeline(s["id"])
        if entries:
            svgs[s["id"]] = render_svg(entries)
    return svgs


@app.command()
def analyze(
    paths: Paths,
    db: DbOpt = DEFAULT_DB,
    json_path: JsonOut = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write a self-contained HTML report.")] = None,
    md: Annotated[Path | None, typer.Option("--md", help="Write a Markdown report.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
    max_bytes: MaxBytes = 20_000_000,
    allow_private: AllowPrivate = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Ingest, analyse and report in one go.

    Example: newsprism analyze examples/ --json out.json --html report.html
    """
    from .corpus import Corpus
    from .report import print_summary

    options = _options(max_bytes, allow_private, engine, _scheduler(engine, scheduler), workers)
    with Corpus(db) as corpus:
        with _progress(sys.stderr.isatty()) as progress:
            report = corpus.ingest(paths, options, progress)
        code = _report_run(report)
        doc = _write_outputs(corpus, json_path, html, md)
        if not quiet:
            print_summary(doc, out)
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = DEFAULT_DB,
    max_bytes: MaxBytes = 20_000_000,
    allow_private: AllowPrivate = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Read and analyse articles into the store (re-running changes nothing).

    Example: newsprism ingest ~/news/ feed.xml --db news.db
    Example: newsprism ingest big.parquet --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .corpus import Corpus

    options = _options(max_bytes, allow_private, engine, _scheduler(engine, scheduler), workers)
    with Corpus(db) as corpus:
        with _progress(sys.stderr.isatty()) as progress:
            report = corpus.ingest(paths, options, progress)
        code = _report_run(report)
    raise typer.Exit(code)


DOC_FORMATS = ("json", "md", "html")
TABLE_FORMATS = ("parquet", "jsonl", "csv")


@app.command()
def reanalyze(
    db: DbOpt = DEFAULT_DB,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Re-run every stored article, not only those analysed by older stages."),
    ] = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Re-run the per-article stages on stored articles (after an upgrade), reading the text from the store.

    Example: newsprism reanalyze --db news.db --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .corpus import Corpus

    options = _options(20_000_000, False, engine, _scheduler(engine, scheduler), workers)
    with Corpus(db) as corpus:
        with _progress(sys.stderr.isatty()) as progress:
            report = corpus.reanalyze(options, progress, everything=everything)
        if not report.reanalysed:
            err.print(f"all {corpus.store.count()} stored articles are up to date (use --all to redo them)")
            raise typer.Exit(EXIT_OK)
        code = _report_run(report)
    raise typer.Exit(code)


@app.command()
def export(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json (the newsprism/1 contract), md or html: one document; "
            "parquet, jsonl or csv: one table per file in the --out folder (for DuckDB, pandas, Spark).",
        ),
    ] = "json",
    out_path: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File to write (default: stdout); a folder for parquet/jsonl/csv."),
    ] = None,
    story: StoryOpt = None,
    neutralise: Annotated[
        bool,
        typer.Option(
            "--neutralise", help="parquet/jsonl: prefix cells that a spreadsheet would run as a formula."
        ),
    ] = False,
) -> None:
    """Export the whole store (or one story).

    Example: newsprism export --format json --out corpus.json
    Example: newsprism export --format parquet --out tables/   (then: duckdb -c "FROM 'tables/quotes.parquet'")
    """  # noqa: E501 (an example command line, kept whole)
    from .report import export_corpus, render_html, render_markdown

    if fmt not in DOC_FORMATS + TABLE_FORMATS:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose one of: {', '.join(DOC_FORMATS + TABLE_FORMATS)}",
            param_hint="--format",
        )
    if fmt in TABLE_FORMATS and out_path is None:
        raise typer.BadParameter(
            f"--format {fmt} writes one file per table: give a folder with --out", param_hint="--out"
        )
    with _open(db) as corpus:
        doc = export_corpus(corpus, story)
        if fmt in TABLE_FORMATS:
            _export_tables(doc, fmt, out_path, neutralise)  # type: ignore[arg-type]
            return
        if fmt == "json":
            text = _dump(doc)
        elif fmt == "md":
            text = render_markdown(doc)
        else:
            text = render_html(doc, _timeline_svgs(corpus, doc))
    if out_path:
        _write(out_path, text)
    else:
        sys.stdout.write(text + ("\n" if not text.endswith("\n") else ""))


def _export_tables(doc: dict[str, Any], fmt: str, target: Path, neutralise: bool) -> None:
    from . import tables

    try:
        if fmt == "parquet":
            written = tables.write_parquet(doc, target, neutralise=neutralise)
        elif fmt == "jsonl":
            written = tables.write_jsonl(doc, target, neutralise=neutralise)
        else:
            written = tables.write_csv(doc, target)
    except OSError as exc:
        raise NewsprismError(f"cannot write {target}: {exc.strerror or exc}; choose another --out") from None
    counts = ", ".join(
        f"{len(doc[k])} {k}" for k in ("articles", "stories", "entities", "quotes", "claims", "timeline")
    )
    err.print(
        f"wrote {len(written)} {fmt} file(s) to {target} ({counts})",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB, json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
) -> None:
    """List stories: id, articles, outlets, title.

    Example: newsprism stories --db news.db
    """
    from .report.export import story_json

    with _open(db) as corpus:
        items = corpus.stories()
        arts = {a.id: a for a in corpus.store.articles()}
    if json_out:
        out.print_json(_dump([story_json(s) for s in items]))
        return
    if not items:
        out.print("No stories yet; add articles with 'newsprism ingest PATH'.")
    for s in items:
        outlets = sorted({arts[i].outlet or "?" for i in s.articles if i in arts})
        out.print(f"{s.id}  {len(s.articles):3d} art.  [{', '.join(outlets)}]  {s.title}",
                  markup=False, highlight=False)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id.")], db: DbOpt = DEFAULT_DB, json_path: JsonOut = None
) -> None:
    """Show one story: articles, entities, quotes, claims, timeline, comparison.

    Example: newsprism show s-1a2b3c4d5e
    """
    from .report import export_corpus, print_summary

    with _open(db) as corpus:
        doc = export_corpus(corpus, story)
    if json_path:
        _write(json_path, _dump(doc))
    print_summary(doc, out, max_items=50)


@app.command()
def entities(db: DbOpt = DEFAULT_DB, story: StoryOpt = None, json_path: JsonOut = None) -> None:
    """List entities with their types, aliases and mention counts.

    Example: newsprism entities --story s-1a2b3c4d5e
    """
    from .report.export import entity_json

    with _open(db) as corpus:
        ents = corpus.entities(story)
        texts = corpus.store.texts(m.article for e in ents for m in e.mentions)
    ents.sort(key=lambda e: (-len(e.mentions), e.name))
    if json_path:
        _write(json_path, _dump([entity_json(e, texts) for e in ents]))
    for e in ents:
        aliases = "; ".join(a for a in e.aliases if a != e.name)
        out.print(f"{e.id}  {e.type:7} {len(e.mentions):3d}  {e.name}"
                  + (f"  = {aliases}" if aliases else ""), markup=False, highlight=False)


@app.command()
def quotes(
    db: DbOpt = DEFAULT_DB,
    story: StoryOpt = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only quotes whose speaker matches.")
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option("--category", help="List the attributions of this category: speech (the default), "
                     "belief, plan, perception, act; repeat for several."),
    ] = None,
    all_categories: Annotated[
        bool, typer.Option("--all", help="List every attribution, not only speech.")
    ] = False,
    json_path: Annotated[
        Path | None,
        typer.Option("--json", help="Also write the quotes as JSON to this file: every category, each "
                     "with its \"category\", unless --category narrows them."),
    ] = None,
) -> None:
    """List quotes with speaker, cue and relaying sources.

    Lists what was said (speech, direct and reported) and counts the other attributions, which
    --all or --category lists: beliefs ("police believe ..."), plans ("Apple plans to ..."),
    perceptions ("Kim appeared to ...") and acts ("passers by tackled him").

    Example: newsprism quotes --speaker Sharif
    """
    from .corpus import _entity_lookup
    from .report.export import quote_json
    from .report.text import category_counts
    from .stages.quote_category import CATEGORIES, SPEECH

    wanted = set(category or [])
    unknown = sorted(wanted - set(CATEGORIES))
    if unknown:
        raise NewsprismError(f"unknown --category {unknown[0]!r}; choose from {', '.join(CATEGORIES)}")
    with _open(db) as corpus:
        found = corpus.quotes(story=story, speaker=speaker)
        by_id = {a.id: a for a in corpus.analyses(sorted({aid for aid, _ in found}))}
        entity_of = _entity_lookup(corpus.entities())
        items = [quote_json(by_id[aid], q, entity_of) for aid, q in found]
    if json_path:
        _write(json_path, _dump([q for q in items if q["category"] in wanted] if wanted else items))
    listed = set(CATEGORIES) if all_categories else wanted or {SPEECH}
    shown = [q for q in items if q["category"] in listed]
    if not shown:
        out.print("No quotes found.")
    for q in shown:
        sp = q["speaker"] or {}
        who = sp.get("text") or sp.get("role") or "unknown"
        via = ", ".join(v["name"] for v in q["via"])
        out.print(f"[{q['article']}] {who} ({q['cue'] or ''}): “{' '.join(q['text'].split())}”"
                  + (f"  [{q['category']}]" if q["category"] != SPEECH else "")
                  + ("  (in an embedded post)" if q.get("embed") is not None else "")
                  + (f"  via {via}" if via else ""), markup=False, highlight=False)
    hidden = [q for q in items if q["category"] not in listed]
    if hidden:
        out.print(f"({len(hidden)} other attribution{'s' if len(hidden) != 1 else ''} not listed: "
                  f"{category_counts(hidden)}; --all lists them)", markup=False, highlight=False)


@app.command()
def timeline(db: DbOpt = DEFAULT_DB, story: StoryOpt = None, json_path: JsonOut = None) -> None:
    """Dated events, merged across articles.

    Example: newsprism timeline --story s-1a2b3c4d5e
    """
    from .report.export import timeline_json

    with _open(db) as corpus:
        entries = corpus.timeline(story)
        texts = corpus.store.texts(m.article for t in entries for m in t.mentions)
    items = [timeline_json(t, texts) for t in entries]
    if json_path:
        _write(json_path, _dump(items))
    if not items:
        out.print("No dated events.")
    for t in items:
        arts = ", ".join(sorted({m["article"] for m in t["mentions"]}))
        out.print(f"{t['date']:10} {t['precision']:6} {t['description']}  ({arts})",
                  markup=False, highlight=False)
        for c in t["conflicts"]:
            out.print(f"{'':17} conflict: {c}", markup=False, highlight=False)


@app.command()
def check(
    claim: Annotated[str | None, typer.Argument(help="The claim to check, in quotes.")] = None,
    db: DbOpt = DEFAULT_DB,
    claims_file: Annotated[Path | None, typer.Option("--claims-file", help="One claim per line.")] = None,
    json_path: JsonOut = None,
    top_k: Annotated[
        int, typer.Option("--top-k", help="Articles per claim scored by the stance model.")
    ] = 50,
) -> None:
    """Stance of every stored article toward a claim: asserts, denies, discusses or unrelated.

    Example: newsprism check "The Oct. 7 attacks were revenge for Soleimani's killing"
    """
    from .check import check_claims, read_claims_file

    claims: list[str] = []
    if claim:
        claims.append(claim)
    if claims_file:
        try:
            claims.extend(read_claims_file(claims_file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise NewsprismError(f"cannot read --claims-file {claims_file}: {exc}") from None
    if not claims:
        raise NewsprismError('give a claim ("newsprism check \"CLAIM\"") or --claims-file FILE')
    with _open(db) as corpus:
        analyses = corpus.store.analyses()
    result = check_claims(claims, analyses, top_k=top_k)
    if json_path:
        _write(json_path, _dump(result))
    by_id = {a.article.id: a.article for a in analyses}
    for c in result["checks"]:
        out.print(f"claim: {c['claim']}", markup=False, highlight=False)
        related = {r["article"] for r in c["articles"]}
        for r in c["articles"]:
            ev = r["evidence"][0] if r["evidence"] else None
            snippet = " ".join(by_id[r["article"]].text[ev["start"]:ev["end"]].split())[:140] if ev else ""
            who = f"{r['holder']}: " if r.get("holder") else ""
            out.print(f"  {r['stance']:9} {r['confidence']:.2f}  {r['article']}  {who}{snippet}",
                      markup=False, highlight=False)
        out.print(f"  unrelated: {len(analyses) - len(related)} article(s)", markup=False, highlight=False)


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    get_path: Annotated[
        str | None,
        typer.Option(
            "--get", metavar="PATH", help="Run one GET request in-process, print the body and exit."
        ),
    ] = None,
    writable: Annotated[
        bool, typer.Option("--writable", help="Open the store read-write (default: read-only).")
    ] = False,
) -> None:
    """Serve the web app and JSON API over a store.

    Example: newsprism serve --db demo.db   (then open http://127.0.0.1:8000/)
    """
    from .web import get
    from .web import serve as run_server

    if get_path is not None:
        status, _ctype, body = get(db, get_path, readonly=not writable)
        sys.stdout.write(body if body.endswith("\n") else body + "\n")
        if status >= 400:
            raise typer.Exit(EXIT_FAILED)
        return
    run_server(db, host, port, readonly=not writable)


@app.command()
def watch(
    paths: Annotated[list[str], typer.Argument(help="Folders, files or feed URLs to poll.")],
    db: DbOpt = DEFAULT_DB,
    interval: Annotated[float, typer.Option("--interval", help="Seconds between passes.")] = 60.0,
    once: Annotated[bool, typer.Option("--once", help="One pass, then exit (for cron).")] = False,
    settle: Annotated[
        float,
        typer.Option(
            "--settle", help="Leave files modified less than this many seconds ago for the next pass."
        ),
    ] = 1.0,
    max_bytes: MaxBytes = 20_000_000,
    allow_private: AllowPrivate = False,
    engine: EngineOpt = "local",
    scheduler: SchedulerOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Poll folders and feeds; ingest what is new, so stories update as news arrives (Ctrl-C stops).

    Example: newsprism watch ~/news/inbox https://example.org/feed.xml --interval 300 --db news.db
    """
    import time as _time

    from .corpus import Corpus
    from .watch import watch as run_watch

    if interval <= 0:
        raise typer.BadParameter(f"must be positive, got {interval:g}", param_hint="--interval")
    options = _options(max_bytes, allow_private, engine, _scheduler(engine, scheduler), workers)
    rejected = 0

    def on_report(report: Any) -> None:
        nonlocal rejected
        err.print(_time.strftime("%H:%M:%S"), end=" ", highlight=False)
        if _report_run(report) != EXIT_OK:
            rejected += 1

    with Corpus(db) as corpus:
        if not once:
            err.print(f"watching {len(paths)} path(s) every {interval:g} s into {db}; Ctrl-C stops",
                      highlight=False)
        passes = run_watch(corpus, paths, interval, once=once, options=options, settle=settle,
                           on_report=on_report)
        if once:
            err.print(f"{passes} pass; {corpus.store.count()} articles stored", highlight=False)
    raise typer.Exit(EXIT_REJECTED if rejected else EXIT_OK)


@app.command()
def bench(
    sizes: Annotated[
        list[int], typer.Option("--size", help="Corpus size in articles (repeatable).")
    ] = [1000, 10000],  # noqa: B006
    full: Annotated[
        bool, typer.Option("--full", help="Run the per-article pipeline at every size (10k: long).")
    ] = False,
    quick: Annotated[
        bool, typer.Option("--quick", help="A smoke run: 100 and 1000 articles, pipeline at 100.")
    ] = False,
    data: Annotated[
        Path | None, typer.Option("--data", help="Folder holding fnc-1/ (default ../shared/data).")
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder for the result JSON and summary.md.")
    ] = Path("bench/results"),
) -> None:
    """Benchmark throughput, per-stage time, memory and overhead over bare spaCy, on real FNC-1 bodies.

    Example: newsprism bench --quick
    """
    from .benchmark import run_bench
    from .eval import default_data_dir

    data_dir = data if data is not None else default_data_dir()
    if not (data_dir / "fnc-1" / "train_bodies.csv").exists():
        raise NewsprismError(f"no FNC-1 bodies at {data_dir / 'fnc-1'}; give the data folder with --data")
    run_sizes = [100, 1000] if quick else sorted(set(sizes))
    if any(n < 1 for n in run_sizes):
        raise typer.BadParameter("sizes must be positive", param_hint="--size")
    limit = max(run_sizes) if full else (100 if quick else 1000)
    run_bench(run_sizes, data_dir, out_dir, pipeline_max=limit,
              progress=lambda m: err.print(m, highlight=False))
    out.print((out_dir / "summary.md").read_text(encoding="utf-8"), markup=False, highlight=False)


def _make_eval(name: str, default_split: str) -> None:
    def command(
        split: Annotated[str, typer.Option("--split", help="Which split to evaluate.")] = default_split,
        limit: Annotated[int | None, typer.Option("--limit", help="Only the first N documents.")] = None,
        data: Annotated[
            Path | None, typer.Option("--data", help="Folder holding the gold data sets.")
        ] = None,
        json_path: JsonOut = None,
    ) -> None:
        from .eval import run_eval

        with _progress(sys.stderr.isatty()) as progress:
            result = run_eval(name, data, split=split, limit=limit, progress=progress)
        text = _dump(result)
        if json_path:
            _write(json_path, text)
        out.print_json(text)

    command.__doc__ = (
        f"Evaluate on the {name} gold data.\n\nExample: newsprism eval {name} --split {default_split}"
    )
    eval_app.command(name)(command)


for _name, _split in (
    ("ecbplus", "dev"),
    ("ecbplus-stories", "dev"),
    ("polnear", "dev"),
    ("fnc1", "heldout"),
    ("timeline", "trial"),
):
    _make_eval(_name, _split)


def _click_exceptions() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """(usage errors, click errors): typer 0.2x raises those of its own click copy, not click's."""
    import click

    usage: list[type[Exception]] = [click.exceptions.UsageError]
    errors: list[type[Exception]] = [click.ClickException]
    try:
        from typer._click import exceptions as typer_click  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        usage.append(typer_click.UsageError)
        errors.append(typer_click.ClickException)
    return tuple(usage), tuple(errors)


def main() -> None:
    """Console entry point: user mistakes become one line, never a traceback."""
    level = os.environ.get("NEWSPRISM_LOG", "WARNING")
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    # Dask's distributed sets its own loggers to INFO on import (cluster start/stop chatter, and a
    # logged traceback for a connection closed at shutdown); keep them at our level.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", level.lower())
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of raising it.
        rc = app(standalone_mode=False)
        if rc == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130) before we see it
            raise KeyboardInterrupt
        sys.exit(rc if isinstance(rc, int) else EXIT_OK)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(EXIT_FAILED)
    except (typer.Abort, KeyboardInterrupt):
        err.print("interrupted; what was stored before stays stored", markup=False)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # usage errors arrive here as ClickException
        usage_errors, click_errors = _click_exceptions()
        if isinstance(exc, usage_errors):
            message = exc.format_message()  # type: ignore[attr-defined]
            err.print(f"usage error: {message} (see 'newsprism --help')",
                      markup=False, highlight=False, soft_wrap=True)
            sys.exit(EXIT_REJECTED)
        if isinstance(exc, click_errors):
            message = exc.format_message()  # type: ignore[attr-defined]
            err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
            sys.exit(EXIT_FAILED)
        if os.environ.get("NEWSPRISM_DEBUG"):
            raise
        err.print(
            f"internal error: {type(exc).__name__}: {exc} — this is a bug;"
            " rerun with NEWSPRISM_DEBUG=1 for the traceback",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
