"""The benchmark harness behind ``newsprism bench``: throughput, memory and overhead, in one process.

Corpora are built from the real FNC-1 article bodies (``fnc-1/train_bodies.csv``
in the data folder: 1,683 bodies, about 370 words each). A size above 1,683
reuses the bodies under new ids (``fnc-ID~K``), each copy lightly and
deterministically edited: its sentences rotated by K places and one sentence
dropped — the shape of a wire feed, full of near-duplicates.

For every size at most ``pipeline_max`` the harness measures, in the same
process and over the same texts, alternating chunk by chunk so that both see
the same load on a shared machine:

- the baseline: bare spaCy ``nlp.pipe`` (the same model the parse stage uses);
- the whole per-article pipeline (:meth:`Pipeline.run`, as ``ingest`` runs it),
  with the time of each stage's ``pipe`` (``parse`` is the spaCy part) and each
  analysis written to a temporary store as it comes (the store time is kept
  apart); the resident memory is sampled every 100 articles;
- the cross-article refresh (stories, dates, entities, claims, timeline, comparison);
- Python-level peak memory (tracemalloc) over a short pass of 64 articles, kept
  apart because tracing slows Python code down.

Every size gets story grouping timed alone (on the article texts) — the step whose
cost grows with the corpus; the per-article pipeline at 10k takes about an hour
on 2 cores, so it only runs when ``pipeline_max`` allows (``--full``).
"""

from __future__ import annotations

import csv
import json
import os
import platform
import re
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .errors import DataMissing
from .model import Analysis, Article
from .pipeline import DEFAULT_STAGES, ArticleStage, Pipeline

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["build_corpus", "fnc_bodies", "machine_info", "run_bench", "summary_from_files", "write_summary"]

Log = Callable[[str], None]
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“'(])")
TRACE_ARTICLES = 64


# --------------------------------------------------------------------------- corpus


def fnc_bodies(data_dir: Path) -> list[tuple[str, str]]:
    """(id, text) of every FNC-1 training body, in file order."""
    path = Path(data_dir) / "fnc-1" / "train_bodies.csv"
    if not path.exists():
        raise DataMissing(f"{path} is missing; point --data at the folder holding fnc-1/")
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            (f"fnc-{r['Body ID']}", r["articleBody"]) for r in csv.DictReader(fh) if r["articleBody"].strip()
        ]


def _edit(text: str, k: int) -> str:
    """Copy K of a body: sentences rotated by K, then one dropped (when there are more than 3)."""
    sents = [s for s in _SENT_END.split(text.strip()) if s]
    if len(sents) < 2:
        return text.strip() + f" ({k})"
    r = k % len(sents)
    sents = sents[r:] + sents[:r]
    if len(sents) > 3:
        del sents[(k - 1) % len(sents)]
    return " ".join(sents)


def build_corpus(bodies: Sequence[tuple[str, str]], size: int) -> list[Article]:
    """``size`` articles: the bodies in order, then edited copies of them under new ids."""
    out = []
    for i in range(size):
        bid, text = bodies[i % len(bodies)]
        k = i // len(bodies)
        out.append(Article(id=bid, text=text) if k == 0 else Article(id=f"{bid}~{k}", text=_edit(text, k)))
    return out


# --------------------------------------------------------------------------- machine and memory


def machine_info() -> dict[str, Any]:
    """Facts about the machine the numbers come from."""
    import spacy

    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    ram_gb = None
    try:
        ram_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu or platform.processor(),
        "ram_gb": ram_gb,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def rss_mb() -> float:
    """Current resident memory of this process (MB)."""
    try:
        with open("/proc/self/status", encoding="utf-8") as fh:
            for ln in fh:
                if ln.startswith("VmRSS:"):
                    return round(int(ln.split()[1]) / 1024, 1)
    except OSError:
        pass
    return peak_rss_mb()


def _proc_kb(pid: int, path: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{path}", encoding="utf-8") as fh:
            for ln in fh:
                if ln.startswith(key):
                    return int(ln.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def descendants(pid: int | None = None) -> list[int]:
    """Every live descendant of ``pid`` (default: this process), read from /proc."""
    root = pid or os.getpid()
    parents: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    out: list[int] = []
    todo = [root]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out.extend(kids)
        todo.extend(kids)
    return out


def tree_memory_mb() -> dict[str, Any]:
    """Resident memory of this process plus all its descendants (the worker processes), in MB.

    ``rss`` adds up each process's VmRSS (pages shared between processes count once per
    process, so it overstates forked workers); ``pss`` adds up the proportional set sizes
    from /proc/PID/smaps_rollup (shared pages split between their users), the fairer sum.
    """
    return _tree_memory()


def _tree_memory(exclude: Iterable[int] = ()) -> dict[str, Any]:
    skip = set(exclude)
    kids = [p for p in descendants() if p not in skip]
    pids = [os.getpid(), *kids]
    rss = sum(_proc_kb(p, "status", "VmRSS:") for p in pids)
    pss = sum(_proc_kb(p, "smaps_rollup", "Pss:") for p in pids)
    workers = sum(_proc_kb(p, "smaps_rollup", "Pss:") for p in kids)
    return {
        "processes": len(pids),
        "rss": round(rss / 1024, 1),
        "pss": round(pss / 1024, 1),
        "workers_pss": round(workers / 1024, 1),
    }


class _TreePeak:
    """A thread sampling :func:`tree_memory_mb` every ``every`` seconds; ``peak`` holds the largest sums."""

    def __init__(self, every: float = 0.25, exclude: Iterable[int] = ()):
        import threading

        self.every = every
        self.exclude = list(exclude)
        self.peak: dict[str, Any] = {"processes": 0, "rss": 0.0, "pss": 0.0, "workers_pss": 0.0}
        self._threading = threading
        self._stop = threading.Event()
        self._thread: Any = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._take()
            self._stop.wait(self.every)

    def _take(self) -> None:
        now = _tree_memory(self.exclude)
        for k in ("processes", "rss", "pss", "workers_pss"):
            self.peak[k] = max(self.peak[k], now[k])

    def __enter__(self) -> Self:
        self._stop.clear()
        self._thread = self._threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._take()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB; Linux reports KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --------------------------------------------------------------------------- timed stages


class _Timed(ArticleStage):
    """A stage wrapper that adds up the time spent in the wrapped stage."""

    def __init__(self, inner: ArticleStage):
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]
        self.version = inner.version  # type: ignore[misc]
        self.requires = inner.requires  # type: ignore[misc]
        self.assigns = inner.assigns  # type: ignore[misc]
        self.seconds = 0.0

    def __call__(self, item: Analysis) -> Analysis:
        t = time.perf_counter()
        try:
            return self.inner(item)
        finally:
            self.seconds += time.perf_counter() - t

    def pipe(self, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
        t = time.perf_counter()
        try:
            done = list(self.inner.pipe(items, batch_size=batch_size))
        finally:
            self.seconds += time.perf_counter() - t
        yield from done


def _rate(n: float, seconds: float) -> float:
    return round(n / seconds, 2) if seconds > 0 else 0.0


def _spacy_chunk(nlp: Any, texts: Sequence[str], batch_size: int) -> float:
    t = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t


def bench_interleaved(
    nlp: Any, stages: Sequence[str], articles: Sequence[Article], db: str, batch_size: int, log: Log
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Bare spaCy and the pipeline, alternating chunk by chunk over the same texts.

    The baseline is ``nlp.pipe`` with the model the parse stage uses; the pipeline
    is :meth:`Pipeline.run` as ingest runs it, each analysis stored as it comes
    (store time kept apart). Alternating chunks of three batches means both see
    the same load on a shared machine, so their ratio is fair even when the
    absolute numbers move.
    """
    from .store import Store

    timed = [_Timed(s) for s in Pipeline.from_names(stages).stages]
    pipe = Pipeline(timed)
    words = sum(len(a.text.split()) for a in articles)
    chunk = 3 * batch_size
    samples: list[tuple[int, float]] = [(0, rss_mb())]
    spacy_sec = analysis_sec = store_sec = 0.0
    failures: list[Any] = []
    n = 0
    with Store(db) as store:
        for i in range(0, len(articles), chunk):
            part = articles[i : i + chunk]
            spacy_sec += _spacy_chunk(nlp, [a.text for a in part], batch_size)
            t0 = time.perf_counter()
            part_store = 0.0
            for analysis in pipe.run(part, batch_size=batch_size, failures=failures):
                ts = time.perf_counter()
                store.put(analysis)
                part_store += time.perf_counter() - ts
                n += 1
                if n % 100 == 0:
                    samples.append((n, rss_mb()))
            analysis_sec += time.perf_counter() - t0 - part_store
            store_sec += part_store
            log(f"  {n}/{len(articles)}: spaCy {spacy_sec:.0f} s, pipeline {analysis_sec:.0f} s")
    spacy = {
        "seconds": round(spacy_sec, 2),
        "articles_per_s": _rate(len(articles), spacy_sec),
        "words_per_s": round(words / spacy_sec) if spacy_sec else 0,
        "components": list(nlp.pipe_names),
    }
    per_stage = {
        s.name: {
            "seconds": round(s.seconds, 2),
            "share": round(s.seconds / analysis_sec, 3) if analysis_sec else 0.0,
            "articles_per_s": _rate(len(articles), s.seconds),
        }
        for s in timed
    }
    # Memory is flat when what the stages hold does not grow with the articles seen:
    # compare the RSS after the first few batches with the RSS at the end.
    warm = next((r for k, r in samples if k >= 200), samples[-1][1])
    pipeline = {
        "seconds": round(analysis_sec, 2),
        "store_seconds": round(store_sec, 2),
        "articles_per_s": _rate(len(articles), analysis_sec),
        "words_per_s": round(words / analysis_sec) if analysis_sec else 0,
        "stages": per_stage,
        "stage_failures": len(failures),
        "rss_mb_samples": [[k, r] for k, r in samples],
        "rss_growth_mb_after_200": round(samples[-1][1] - warm, 1),
        "peak_rss_mb": peak_rss_mb(),
    }
    return spacy, pipeline


def _spacy_parallel(nlp: Any, texts: Sequence[str], batch_size: int, n_process: int) -> float:
    t = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - t


def bench_parallel(
    nlp: Any,
    stages: Sequence[str],
    articles: Sequence[Article],
    db: str,
    batch_size: int,
    workers: int,
    log: Log,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Bare spaCy ``nlp.pipe(n_process=workers)`` and the local engine with ``workers`` processes.

    Both sides alternate chunk by chunk (six batches each, the side that goes first swapping
    every chunk) over the same texts, so both see the same load on a shared machine. The
    engine's worker processes are started once (timed apart: until every worker has loaded
    the pipeline) and serve every chunk; spaCy forks its workers and sends them the model at
    every ``nlp.pipe`` call, so its start (timed alone over ``2 × workers`` texts) is counted
    once and the rest taken off. Both totals therefore include one process start, as one
    user's run does; the rates without it are kept too. Memory is the sum over this process
    and its worker processes (:func:`tree_memory_mb`), sampled every 0.25 s for the peak and
    every 100 articles of the engine for growth; ``workers_pss`` leaves this process out (it
    holds the single-process pipeline of the other measurement, which a CLI run's parent does
    not load).
    """
    from .engines import LocalEngine, WorkerPool
    from .store import Store

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    chunk = 6 * batch_size
    spacy_sec = engine_sec = store_sec = 0.0
    failures: list[Any] = []
    samples: list[list[Any]] = []
    t = time.perf_counter()
    _spacy_parallel(nlp, texts[: 2 * workers], batch_size, workers)
    spacy_start = time.perf_counter() - t
    engine_peak = _TreePeak()
    n = chunks = 0
    with Store(db) as store, WorkerPool(tuple(stages), workers) as pool:
        t = time.perf_counter()
        with engine_peak:
            pool.start()
        engine_start = time.perf_counter() - t
        spacy_peak = _TreePeak(exclude=pool.pids())  # the engine's idle workers are not spaCy's
        engine = LocalEngine(pool=pool, batch_size=batch_size)
        for k, lo in enumerate(range(0, len(articles), chunk)):
            hi = min(lo + chunk, len(articles))
            chunks += 1
            for side in ("spacy", "engine") if k % 2 == 0 else ("engine", "spacy"):
                if side == "spacy":
                    with spacy_peak:
                        spacy_sec += _spacy_parallel(nlp, texts[lo:hi], batch_size, workers)
                    continue
                t0 = time.perf_counter()
                part_store = 0.0
                with engine_peak:
                    for analysis in engine.run(stages, articles[lo:hi], failures=failures):
                        ts = time.perf_counter()
                        store.put(analysis)
                        part_store += time.perf_counter() - ts
                        n += 1
                        if n % 100 == 0:
                            mem = tree_memory_mb()
                            samples.append([n, mem["rss"], mem["pss"], mem["workers_pss"], mem["processes"]])
                engine_sec += time.perf_counter() - t0 - part_store
                store_sec += part_store
            log(
                f"  {hi}/{len(articles)}: spaCy x{workers} {spacy_sec:.0f} s,"
                f" engine x{workers} {engine_sec:.0f} s"
            )
    spacy_run = max(spacy_sec - chunks * spacy_start, 1e-9)  # without any start
    engine_run = engine_sec
    spacy_total = spacy_run + spacy_start
    engine_total = engine_run + engine_start
    spacy = {
        "processes": workers,
        "seconds": round(spacy_total, 2),
        "start_seconds": round(spacy_start, 2),
        "calls": chunks,
        "articles_per_s": _rate(len(articles), spacy_total),
        "words_per_s": round(words / spacy_total),
        "articles_per_s_without_start": _rate(len(articles), spacy_run),
        "peak_memory_mb": spacy_peak.peak,
    }
    warm = next((r for r in samples if r[0] >= 200), None)
    pipeline = {
        "workers": workers,
        "seconds": round(engine_total, 2),
        "store_seconds": round(store_sec, 2),
        "start_seconds": round(engine_start, 2),
        "articles_per_s": _rate(len(articles), engine_total),
        "words_per_s": round(words / engine_total),
        "articles_per_s_without_start": _rate(len(articles), engine_run),
        "stage_failures": len(failures),
        "memory_mb_samples": samples,
        "memory_samples_columns": ["articles", "rss_sum_mb", "pss_sum_mb", "workers_pss_mb", "processes"],
        "rss_growth_mb_after_200": round(samples[-1][1] - warm[1], 1) if warm else None,
        "pss_growth_mb_after_200": round(samples[-1][2] - warm[2], 1) if warm else None,
        "workers_pss_growth_mb_after_200": round(samples[-1][3] - warm[3], 1) if warm else None,
        "peak_memory_mb": engine_peak.peak,
    }
    return spacy, pipeline


def bench_refresh(db: str) -> dict[str, Any]:
    """The cross-article steps over the stored analyses, timed as one full refresh, step by step."""
    from .corpus import Corpus

    with Corpus(db) as corpus:
        ids = corpus.store.article_ids()
        res = timed_refresh(corpus, ids)
        return {
            **res,
            "articles_per_s": _rate(len(ids), res["seconds"]),
            "stories": len(corpus.stories()),
            "entities": len(corpus.store.entities()),
            "peak_rss_mb": peak_rss_mb(),
        }


REFRESH_STEPS = ("_infer_dates", "_resolve_entities", "_redating", "_group_claims", "_timeline", "_compare")


def timed_refresh(corpus: Corpus, new: Sequence[str] | None) -> dict[str, Any]:
    """``corpus.refresh(new)`` timed as a whole and step by step (``seconds``, ``steps_seconds``)."""
    spent: dict[str, float] = {}
    for name in REFRESH_STEPS:
        # Time each step by shadowing the bound method on this instance only.
        setattr(corpus, name, _timed_call(getattr(type(corpus), name).__get__(corpus), name, spent))
    t = time.perf_counter()
    try:
        corpus.refresh(new=new)
    finally:
        for name in REFRESH_STEPS:
            delattr(corpus, name)
    sec = time.perf_counter() - t
    by_step = {k.lstrip("_"): round(v, 2) for k, v in spent.items()}
    by_step["stories, loading and writing (the rest)"] = round(sec - sum(spent.values()), 2)
    return {"seconds": round(sec, 2), "steps_seconds": by_step}


def _timed_call(func: Callable[..., Any], name: str, spent: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return func(*args, **kw)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

    return timed


def bench_grouping(articles: Sequence[Article]) -> dict[str, Any]:
    """Story grouping alone, over the article texts (no per-article annotations needed)."""
    from .resolve.stories import StoryGrouper

    items = [Analysis(article=a) for a in articles]
    t = time.perf_counter()
    grouper = StoryGrouper()
    grouper.add(items)
    stories = grouper.stories()
    sec = time.perf_counter() - t
    return {
        "seconds": round(sec, 2),
        "articles_per_s": _rate(len(items), sec),
        "stories": len(stories),
        "copies": sum(len(s.copies) for s in stories),
    }


def bench_tracemalloc(stages: Sequence[str], articles: Sequence[Article], batch_size: int) -> dict[str, Any]:
    """Python-level peak memory of the per-article pipeline over a short pass."""
    pipe = Pipeline.from_names(stages)
    tracemalloc.start()
    try:
        for _a in pipe.run(articles, batch_size=batch_size):
            pass
        _cur, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"articles": len(articles), "python_peak_mb": round(peak / 2**20, 1)}


# --------------------------------------------------------------------------- the harness


def run_bench(
    sizes: Sequence[int] = (1000, 10000),
    data_dir: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] = "bench/results",
    stages: Sequence[str] = DEFAULT_STAGES,
    *,
    pipeline_max: int = 1000,
    batch_size: int = 32,
    workers: int | None = None,
    progress: Log | None = None,
) -> dict[str, Any]:
    """Benchmark each size; write ``pipeline-SIZE.json`` and ``summary.md`` into ``out_dir``.

    The per-article pipeline (and the spaCy baseline, the refresh and the
    memory checks) run for sizes up to ``pipeline_max``; story grouping runs
    for every size.
    """
    from .engines import default_workers
    from .nlp import load_nlp

    log = progress or (lambda _msg: None)
    workers = workers or default_workers()
    data = Path(data_dir) if data_dir is not None else _default_data()
    bodies = fnc_bodies(data)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    nlp = load_nlp()
    load_sec = time.perf_counter() - t
    Pipeline.from_names(stages)  # load every stage's resources before timing anything
    results: dict[str, Any] = {"machine": machine_info(), "sizes": {}}
    measured_rate: float | None = None
    for size in sorted(set(sizes)):
        articles = build_corpus(bodies, size)
        words = sum(len(a.text.split()) for a in articles)
        res: dict[str, Any] = {
            "size": size,
            "words": words,
            "words_per_article": round(words / size, 1),
            "corpus": _corpus_note(len(bodies), size),
            "stages": list(stages),
            "batch_size": batch_size,
            "workers": workers,
            "model_load_seconds": round(load_sec, 2),
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        if size <= pipeline_max:
            log(f"{size} articles: warming up")
            _spacy_chunk(nlp, [a.text for a in articles[:batch_size]], batch_size)
            with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp:
                db = os.path.join(tmp, "bench.db")
                log(f"{size} articles: bare spaCy and the per-article pipeline, interleaved")
                res["spacy"], res["pipeline"] = bench_interleaved(nlp, stages, articles, db, batch_size, log)
                log(f"{size} articles: cross-article refresh")
                res["refresh"] = bench_refresh(db)
            res["overhead"] = {
                "pipeline_over_spacy": round(res["pipeline"]["seconds"] / res["spacy"]["seconds"], 2),
                "parse_stage_over_spacy": round(
                    res["pipeline"]["stages"].get("parse", {}).get("seconds", 0.0) / res["spacy"]["seconds"],
                    2,
                ),
            }
            measured_rate = res["pipeline"]["articles_per_s"]
            if workers > 1 and size >= 4 * batch_size:
                with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp:
                    log(f"{size} articles: bare spaCy and the local engine with {workers} processes")
                    par_spacy, par_pipe = bench_parallel(
                        nlp, stages, articles, os.path.join(tmp, "par.db"), batch_size, workers, log
                    )
                res["parallel"] = {
                    "processes": workers,
                    "spacy": par_spacy,
                    "pipeline": par_pipe,
                    "pipeline_over_spacy": round(par_pipe["seconds"] / par_spacy["seconds"], 2),
                }
                measured_rate = par_pipe["articles_per_s"]
            log(f"{size} articles: tracemalloc pass over {TRACE_ARTICLES}")
            res["tracemalloc"] = bench_tracemalloc(stages, articles[:TRACE_ARTICLES], batch_size)
        else:
            res["pipeline"] = None
            rate = measured_rate or 3.0
            res["pipeline_skipped"] = (
                f"the per-article pipeline was not run at {size} articles (limit {pipeline_max};"
                f" use --full): at {rate:.1f} articles/s it would take about {size / rate / 60:.0f} min"
            )
        log(f"{size} articles: story grouping")
        res["grouping"] = bench_grouping(articles)
        res["peak_rss_mb"] = peak_rss_mb()
        results["sizes"][str(size)] = res
        (out / f"pipeline-{size}.json").write_text(
            json.dumps({"machine": results["machine"], **res}, indent=2) + "\n", encoding="utf-8"
        )
    results["grouping_scaling"] = _scaling(results["sizes"])
    write_summary(results, out)
    return results


def _default_data() -> Path:
    env = os.environ.get("NEWSPRISM_DATA")
    if env:
        return Path(env)
    return Path(os.environ.get("NEWSPRISM_SHARED", Path.cwd().parent / "shared")) / "data"


def _corpus_note(n_bodies: int, size: int) -> str:
    if size <= n_bodies:
        return f"the first {size} FNC-1 train bodies, as they are"
    return (
        f"the {n_bodies} FNC-1 train bodies, then {size - n_bodies} edited copies "
        "(id fnc-ID~K: sentences rotated by K, one sentence dropped)"
    )


def _scaling(sizes: dict[str, Any]) -> dict[str, Any] | None:
    """Grouping time ratio between the smallest and the largest size (target: 10× in ≤ 12× the time)."""
    keys = sorted(sizes, key=int)
    if len(keys) < 2:
        return None
    lo, hi = sizes[keys[0]]["grouping"], sizes[keys[-1]]["grouping"]
    return {
        "from": int(keys[0]),
        "to": int(keys[-1]),
        "size_ratio": round(int(keys[-1]) / int(keys[0]), 2),
        "time_ratio": round(hi["seconds"] / lo["seconds"], 2) if lo["seconds"] else None,
    }


# --------------------------------------------------------------------------- summary


def write_summary(results: dict[str, Any], out_dir: str | os.PathLike[str]) -> Path:
    """A Markdown table of the results (what docs/scale.md quotes)."""
    m = results["machine"]
    lines = [
        "# newsprism benchmark",
        "",
        (
            f"Machine: {m['cpus']} cores ({m['cpu_model']}), {m['ram_gb']} GB RAM, {m['os']}, "
            f"Python {m['python']}, spaCy {m['spacy']}; load average at start {m['load_average']}"
            + (" (other jobs were using the cores)."
               if m["load_average"] and m["load_average"][0] >= 0.5 else ".")
        ),
        "",
        "In one process (the stages' times below are from this run):",
        "",
        (
            "| articles | words/article | bare spaCy art/s | pipeline art/s | pipeline words/s | "
            "pipeline / spaCy | refresh s | grouping s | RSS growth after 200 (MB) | peak RSS (MB) |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    sizes = results["sizes"]
    keys = sorted(sizes, key=int)
    for key in keys:
        r = sizes[key]
        p = r.get("pipeline")
        if p:
            row = [
                key, r["words_per_article"], r["spacy"]["articles_per_s"], p["articles_per_s"],
                p["words_per_s"],
                r["overhead"]["pipeline_over_spacy"], r["refresh"]["seconds"], r["grouping"]["seconds"],
                p["rss_growth_mb_after_200"], r["peak_rss_mb"],
            ]  # fmt: skip
        else:
            row = [
                key,
                r["words_per_article"],
                "—",
                "—",
                "—",
                "—",
                "—",
                r["grouping"]["seconds"],
                "—",
                r["peak_rss_mb"],
            ]
        lines.append("| " + " | ".join(str(x) for x in row) + " |")
    par = [k for k in keys if sizes[k].get("parallel")]
    if par:
        n = sizes[par[0]]["parallel"]["processes"]
        lines += [
            "",
            (
                f"With {n} processes: bare spaCy is nlp.pipe(n_process={n}), the pipeline is the local engine"
                f" with {n} worker processes (--workers {n}); the two alternate chunk by chunk and each total"
                " includes one process start. Memory is summed over the parent and its worker processes"
                " (RSS counts shared pages once per process; PSS splits them)."
            ),
            "",
            (
                "| articles | bare spaCy art/s | pipeline art/s | pipeline words/s | pipeline / spaCy | "
                "art/s without the start (spaCy / pipeline) | start s (spaCy / pipeline) | "
                "peak RSS sum MB (spaCy / pipeline) | peak PSS sum MB (spaCy / pipeline) | "
                "peak PSS of the workers alone MB (spaCy / pipeline) | PSS growth after 200 (MB) |"
            ),
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for key in par:
            q = sizes[key]["parallel"]
            sp, pp = q["spacy"], q["pipeline"]
            row = [
                key, sp["articles_per_s"], pp["articles_per_s"], pp["words_per_s"], q["pipeline_over_spacy"],
                f"{sp['articles_per_s_without_start']} / {pp['articles_per_s_without_start']}",
                f"{sp['start_seconds']} / {pp['start_seconds']}",
                f"{sp['peak_memory_mb']['rss']} / {pp['peak_memory_mb']['rss']}",
                f"{sp['peak_memory_mb']['pss']} / {pp['peak_memory_mb']['pss']}",
                (f"{sp['peak_memory_mb'].get('workers_pss', '?')}"
                 f" / {pp['peak_memory_mb'].get('workers_pss', '?')}"),
                pp["pss_growth_mb_after_200"],
            ]  # fmt: skip
            lines.append("| " + " | ".join(str(x) for x in row) + " |")
    for key in keys:
        r = sizes[key]
        p = r.get("pipeline")
        if not p:
            continue
        lines += ["", f"Per stage at {key} articles (store writes: {p['store_seconds']} s):", ""]
        lines += ["| stage | seconds | share | articles/s |", "|---|---:|---:|---:|"]
        lines += [
            f"| {n} | {st['seconds']} | {st['share']:.0%} | {st['articles_per_s']} |"
            for n, st in p["stages"].items()
        ]
        steps = r["refresh"].get("steps_seconds", {})
        if steps:
            lines += ["", f"Cross-article refresh at {key} articles, by step (seconds):", ""]
            lines += ["| step | seconds |", "|---|---:|"] + [f"| {n} | {v} |" for n, v in steps.items()]
        lines += [
            "",
            (
                f"Memory at {key}: peak RSS {p.get('peak_rss_mb', '?')} MB after the per-article pipeline, "
                f"{r['refresh'].get('peak_rss_mb', '?')} MB after the refresh; resident memory every 100 "
                f"articles: {', '.join(str(x[1]) for x in p['rss_mb_samples'])} MB; Python-level peak over "
                f"{r['tracemalloc']['articles']} articles (tracemalloc):"
                f" {r['tracemalloc']['python_peak_mb']} MB."
            ),
        ]
    sc = results.get("grouping_scaling")
    if sc:
        lines += [
            "",
            (
                f"Story grouping: {sc['size_ratio']}× the articles took {sc['time_ratio']}× the time"
                " (target ≤ 12×)."
            ),
        ]
    lines.append("")
    for key in keys:
        r = sizes[key]
        lines.append(
            f"- {key}: {r['corpus']}."
            + (
                f" {r['pipeline_skipped'][:1].upper()}{r['pipeline_skipped'][1:]}."
                if r.get("pipeline_skipped")
                else ""
            )
        )
    path = Path(out_dir) / "summary.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def summary_from_files(out_dir: str | os.PathLike[str]) -> Path:
    """Rebuild ``summary.md`` from the ``pipeline-SIZE.json`` files in ``out_dir``."""
    sizes = {}
    machine: dict[str, Any] = {}
    for f in sorted(Path(out_dir).glob("pipeline-*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        machine = data.pop("machine", machine)
        sizes[str(data["size"])] = data
    results = {"machine": machine, "sizes": sizes, "grouping_scaling": _scaling(sizes)}
    return write_summary(results, out_dir)
