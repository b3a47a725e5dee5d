"""Engines: where the per-article stages run — in this process, or on a Dask cluster.

Both engines take the stage names and an iterable of articles and yield the
finished :class:`~newsprism.model.Analysis` values in input order, so the
caller writes them through the one store writer either way.

The Dask engine sends articles in batches (one task per article costs
milliseconds of scheduling each), keeps a bounded number of batches in flight
(memory stays flat however long the input), and builds each pipeline once per
worker process (spaCy loads once per worker). Articles and analyses cross the
wire as :func:`~newsprism.model.to_dict` data; the transient spaCy parse never
leaves the worker.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, wait
from typing import Any, Protocol, Self

from .errors import NewsprismError
from .model import Analysis, Article, from_dict, to_dict
from .pipeline import Pipeline, StageFailure
from .store.db import decode_analysis, encode_analysis

__all__ = [
    "ENGINES",
    "DaskEngine",
    "Engine",
    "LocalEngine",
    "WorkerPool",
    "default_workers",
    "get_engine",
    "pipeline_for",
]

log = logging.getLogger(__name__)

ENGINES: tuple[str, ...] = ("local", "dask")
SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"
DASK_MISSING = "the dask engine needs Dask; install the extra: pip install 'newsprism[dask]'"

# One pipeline per stage list per process: on a Dask worker this is what makes
# spaCy load once per worker instead of once per batch.
_PIPELINES: dict[tuple[str, ...], Pipeline] = {}
_PIPELINES_LOCK = threading.Lock()


def pipeline_for(names: Sequence[str]) -> Pipeline:
    """The process-wide pipeline for these stage names, built on first use."""
    key = tuple(names)
    with _PIPELINES_LOCK:
        pipe = _PIPELINES.get(key)
        if pipe is None:
            pipe = _PIPELINES[key] = Pipeline.from_names(key)
        return pipe


class Engine(Protocol):
    """Runs the per-article stages over articles, yielding analyses in input order."""

    def run(
        self,
        pipeline_names: Sequence[str],
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
        fail_fast: bool = False,
        failures: list[StageFailure] | None = None,
    ) -> Iterator[Analysis]: ...


def default_workers() -> int:
    """Worker processes the local engine uses by default: two, or fewer on a machine with fewer cores."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(2, cores))


class LocalEngine:
    """The default: the stages run on this machine, in this process or in ``workers`` processes.

    With ``workers`` 1 (or an injected ``pipeline``) everything runs here, as
    :meth:`Pipeline.run`. With more, the articles go in batches of
    ``batch_size`` to that many worker processes (started with ``spawn``, each
    building the pipeline once); at most ``in_flight`` batches (default 2 per
    worker) are unfinished and twice that held, so memory stays flat, and the analyses come back
    in input order for the one store writer in the caller. The workers only
    start once the input is longer than one batch: a short input (the 2-article
    demo) runs here and pays no process start (about 3.5 s, the same as
    loading the models here, but twice the memory).
    """

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        workers: int = 1,
        *,
        batch_size: int = 32,
        in_flight: int | None = None,
        pool: WorkerPool | None = None,
    ):
        if workers < 1:
            raise NewsprismError(f"workers must be at least 1, got {workers}")
        self._pipeline = pipeline
        self.pool = pool  # a started pool the caller keeps (and closes) across runs
        self.workers = pool.n if pool is not None else workers
        self.batch_size = batch_size
        self.in_flight = in_flight

    def run(
        self,
        pipeline_names: Sequence[str],
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
        fail_fast: bool = False,
        failures: list[StageFailure] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse ``articles`` batch by batch, yielding analyses in input order."""
        size = batch_size or self.batch_size
        if self.workers > 1 and self._pipeline is None:
            return self._run_pool(tuple(pipeline_names), articles, size, fail_fast, failures)
        return self._run_here(pipeline_names, articles, size, fail_fast, failures)

    def _run_here(
        self,
        names: Sequence[str],
        articles: Iterable[Article],
        size: int,
        fail_fast: bool,
        failures: list[StageFailure] | None,
    ) -> Iterator[Analysis]:
        pipe = self._pipeline
        if pipe is None or pipe.names != list(names):
            pipe = pipeline_for(names)
        return pipe.run(articles, batch_size=size, fail_fast=fail_fast, failures=failures)

    def _run_pool(
        self,
        names: tuple[str, ...],
        articles: Iterable[Article],
        size: int,
        fail_fast: bool,
        failures: list[StageFailure] | None,
    ) -> Iterator[Analysis]:
        _check_names(names)
        if self.pool is not None:
            if self.pool.names != names:
                raise NewsprismError(f"the worker pool runs {list(self.pool.names)}, not {list(names)}")
            yield from self._through(self.pool, articles, size, fail_fast, failures)
            return
        stream = iter(articles)
        head = list(itertools.islice(stream, size + 1))
        if len(head) <= size:  # one batch at most: a process start would cost more than it saves
            yield from self._run_here(names, head, size, fail_fast, failures)
            return
        with WorkerPool(names, self.workers) as pool:
            yield from self._through(pool, itertools.chain(head, stream), size, fail_fast, failures)

    def _through(
        self,
        pool: WorkerPool,
        articles: Iterable[Article],
        size: int,
        fail_fast: bool,
        failures: list[StageFailure] | None,
    ) -> Iterator[Analysis]:
        """Keep ``in_flight`` batches queued or running, yielding finished ones in input order.

        The window counts the batches not finished yet, not the ones not yielded yet: a long
        batch at the head must not leave a worker idle while shorter batches behind it are done
        (waiting on the oldest batch, the two workers were busy 94.7% of a 256-article run, 99.0%
        with this window).
        Finished batches wait, at most ``in_flight`` of them, for the ones before them.
        """
        window = self.in_flight or 2 * self.workers
        pending: deque[Any] = deque()
        try:
            for batch in _batches(articles, size):
                pending.append(pool.submit(batch, size, fail_fast))
                while True:
                    while pending and pending[0].done():
                        yield from pool.collect(pending.popleft(), failures)
                    running = [f for f in pending if not f.done()]
                    if len(running) < window and len(pending) < 2 * window:
                        break
                    wait(running or [pending[0]], return_when=FIRST_COMPLETED)
            while pending:
                yield from pool.collect(pending.popleft(), failures)
        finally:
            for fut in pending:  # stopped early: what was not collected is not wanted
                fut.cancel()


# The stage registry entries a worker needs (a factory registered at run time in the parent
# is sent along by reference), and what went wrong loading the pipeline there, if anything.
_WORKER_ERROR: BaseException | None = None
# The pool's barrier that :meth:`WorkerPool.start` waits on, in each worker.
_READY: Any = None


def _worker_init(
    names: tuple[str, ...], targets: dict[str, Any], log_level: int, log_format: str | None, ready: Any = None
) -> None:
    """In each worker process: ignore Ctrl-C (the parent stops the workers), log as the parent does, load."""
    global _WORKER_ERROR, _READY
    _READY = ready
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(os.getppid())
    logging.basicConfig(level=log_level, format=log_format or logging.BASIC_FORMAT)
    from . import pipeline as pipeline_mod

    for name, target in targets.items():
        pipeline_mod._REGISTRY.setdefault(name, target)
    try:
        pipeline_for(names)
    except Exception as exc:  # noqa: BLE001 - re-raised by the first batch, in the parent
        _WORKER_ERROR = exc


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """End this worker soon after its parent is gone (``kill -9`` of ``newsprism ingest``).

    Without this a killed parent leaves its workers finishing their batch and holding the
    parent's stdout/stderr open, so whatever waits on those pipes waits on orphans.
    """

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="newsprism-parent-watch", daemon=True).start()


def _worker_batch(
    names: tuple[str, ...], articles: list[dict[str, Any]], batch_size: int, fail_fast: bool
) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """One batch in a worker; each analysis comes back as the two JSON texts the store writes.

    The parent decodes every analysis once and the store writes the texts as they came, so
    the parent, which shares the cores with the workers, neither unpickles nested dicts nor
    encodes again what it has just decoded.
    """
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    failures: list[StageFailure] = []
    arts = [from_dict(a) for a in articles]
    done = pipeline_for(names).run(arts, batch_size=batch_size, fail_fast=fail_fast, failures=failures)
    return [encode_analysis(a) for a in done], [(f.article, f.stage, f.message) for f in failures]


def _worker_ready(timeout: float) -> int:
    """The worker's pid once its pipeline is loaded and every other worker's is too.

    Each worker waits at the pool's barrier, so the pool's ``n`` tasks of this are taken by
    ``n`` different workers, and they all return as soon as the last one has loaded (a fixed
    pause after loading, 0.2 s, used to give the others time to take theirs).
    """
    if _WORKER_ERROR is not None:
        if _READY is not None:
            _READY.abort()  # the others stop waiting for this one
        raise _WORKER_ERROR
    if _READY is not None:
        _READY.wait(timeout)
    return os.getpid()


WORKER_DIED = (
    "a worker process of the local engine stopped unexpectedly (killed, or out of memory?); "
    "what was stored before stays stored; run again, or with --workers 1"
)


class WorkerPool:
    """``n`` spawned worker processes, each holding the pipeline for ``names``; closed (and stopped) on
    exit."""

    def __init__(self, names: tuple[str, ...], n: int):
        from concurrent.futures import ProcessPoolExecutor

        from . import pipeline as pipeline_mod

        self.names = names
        self.n = n
        targets = {k: v for k, v in pipeline_mod._REGISTRY.items() if k in names}
        root = logging.getLogger()
        fmt = getattr(root.handlers[0].formatter, "_fmt", None) if root.handlers else None
        context = multiprocessing.get_context("spawn")
        self._ready = context.Barrier(n)
        self._executor = ProcessPoolExecutor(
            max_workers=n,
            mp_context=context,
            initializer=_worker_init,
            initargs=(names, targets, root.getEffectiveLevel(), fmt, self._ready),
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(stop=exc_type is not None)

    def start(self, timeout: float = 300.0) -> list[int]:
        """Start every worker and wait until each has loaded the pipeline (to time the start apart).

        Call it before any batch: each of the ``n`` tasks it sends starts a worker process.
        A pipeline that fails to load raises its error here. Returns the workers' pids.
        """
        if self._ready.broken:
            self._ready.reset()
        futs = [self._executor.submit(_worker_ready, timeout) for _ in range(self.n)]
        errors: list[BaseException] = []
        pids: list[int] = []
        for fut in futs:
            try:
                pids.append(self._result(fut))
            except threading.BrokenBarrierError as exc:  # another worker failed to load: its error is the one
                errors.append(exc)
            except Exception as exc:  # noqa: BLE001 - the first load error is raised below
                errors.insert(0, exc)
        if errors:
            raise errors[0]
        return sorted(pids)

    def pids(self) -> list[int]:
        procs = getattr(self._executor, "_processes", None) or {}
        return sorted(int(p) for p in procs)

    def submit(self, batch: list[Article], batch_size: int, fail_fast: bool) -> Any:
        payload = [to_dict(a) for a in batch]
        try:
            return self._executor.submit(_worker_batch, self.names, payload, batch_size, fail_fast)
        except BrokenExecutor:
            raise NewsprismError(WORKER_DIED) from None

    def _result(self, future: Any) -> Any:
        try:
            return future.result()
        except BrokenExecutor:
            raise NewsprismError(WORKER_DIED) from None

    def collect(self, future: Any, failures: list[StageFailure] | None) -> Iterator[Analysis]:
        """Wait for one batch; its stage failures join ``failures`` and its analyses come out in order."""
        done, failed = self._result(future)
        if failures is not None:
            failures.extend(StageFailure(a, s, m) for a, s, m in failed)
        for art_json, ann_json in done:
            yield decode_analysis(art_json, ann_json)

    def close(self, stop: bool = False) -> None:
        """Shut the workers down; with ``stop`` (an error or Ctrl-C) end them now instead of after their
        batch."""
        if stop:
            procs = list((getattr(self._executor, "_processes", None) or {}).values())
            self._executor.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                if proc.is_alive():
                    proc.terminate()
            for proc in procs:
                proc.join(5)
        self._executor.shutdown(wait=True, cancel_futures=True)


def _run_batch(
    names: tuple[str, ...], articles: list[dict[str, Any]], batch_size: int, fail_fast: bool
) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
    """Worker side: analyse one batch with the worker's cached pipeline."""
    failures: list[StageFailure] = []
    arts = [from_dict(a) for a in articles]
    done = pipeline_for(names).run(arts, batch_size=batch_size, fail_fast=fail_fast, failures=failures)
    return [to_dict(a) for a in done], [(f.article, f.stage, f.message) for f in failures]


class DaskEngine:
    """The same stages on Dask distributed: an existing scheduler, or a LocalCluster started here.

    ``scheduler`` (else ``$DASK_SCHEDULER_ADDRESS``) names a running scheduler,
    e.g. ``tcp://10.0.0.5:8786``; without either, a LocalCluster of
    ``n_workers`` single-threaded worker processes runs for the length of one
    :meth:`run` and is closed after it. ``batch_size`` articles go in one task;
    at most ``in_flight`` tasks (default: 2 per worker) are outstanding.
    """

    def __init__(
        self,
        scheduler: str | None = None,
        n_workers: int = 2,
        batch_size: int = 64,
        *,
        in_flight: int | None = None,
        timeout: float = 10.0,
        processes: bool = True,
    ):
        if n_workers < 1:
            raise NewsprismError(f"n_workers must be at least 1, got {n_workers}")
        if batch_size < 1:
            raise NewsprismError(f"batch_size must be at least 1, got {batch_size}")
        self.scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or None
        self.n_workers = n_workers
        self.batch_size = batch_size
        self.in_flight = in_flight
        self.timeout = timeout
        self.processes = processes

    def _connect(self) -> tuple[Any, Any]:
        """A client (and the LocalCluster it owns, or None) — or one clear error."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise NewsprismError(DASK_MISSING) from None
        if self.scheduler:
            try:
                client = Client(self.scheduler, timeout=self.timeout)
            except (OSError, TimeoutError, ValueError) as exc:
                why = " ".join(str(exc).split())[:160]
                raise NewsprismError(
                    f"cannot reach the Dask scheduler at {self.scheduler} within {self.timeout:g} s ({why}); "
                    "start it with 'dask scheduler', or drop --scheduler to use a local cluster"
                ) from None
            return client, None
        cluster = LocalCluster(
            n_workers=self.n_workers,
            threads_per_worker=1,
            processes=self.processes,
            dashboard_address=None,
            # The scheduler's HTTP server listens even without a dashboard, by default on
            # 8787; a random loopback port avoids clashing with any other cluster.
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )
        try:
            client = Client(cluster, timeout=self.timeout)
        except BaseException:
            cluster.close()
            raise
        return client, cluster

    def run(
        self,
        pipeline_names: Sequence[str],
        articles: Iterable[Article],
        *,
        batch_size: int | None = None,
        fail_fast: bool = False,
        failures: list[StageFailure] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse ``articles`` on the cluster, yielding analyses in input order.

        ``batch_size`` (else the engine's) is the number of articles per task.
        Nothing connects until the first article is asked for.
        """
        names = tuple(pipeline_names)
        _check_names(names)  # a typo fails here, not as a traceback from a worker
        size = batch_size or self.batch_size
        client, cluster = self._connect()
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or self.n_workers)
            window = self.in_flight or 2 * workers
            pending: deque[Any] = deque()
            for batch in _batches(articles, size):
                payload = [to_dict(a) for a in batch]
                pending.append(client.submit(_run_batch, names, payload, size, fail_fast, pure=False))
                while len(pending) >= window:
                    yield from _collect(pending.popleft(), failures)
            while pending:
                yield from _collect(pending.popleft(), failures)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _check_names(names: tuple[str, ...]) -> None:
    from .pipeline import registered

    known = set(registered())
    for n in names:
        if n not in known:
            raise NewsprismError(f"unknown stage {n!r}; known stages: {', '.join(sorted(known))}")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(future: Any, failures: list[StageFailure] | None) -> Iterator[Analysis]:
    """Wait for one batch; its stage failures join ``failures`` and its analyses come out in order."""
    done, failed = future.result()
    future.release()
    if failures is not None:
        failures.extend(StageFailure(a, s, m) for a, s, m in failed)
    for data in done:
        yield from_dict(data)


def get_engine(
    name: str = "local",
    scheduler: str | None = None,
    *,
    n_workers: int = 2,
    batch_size: int = 64,
    pipeline: Pipeline | None = None,
) -> LocalEngine | DaskEngine:
    """The engine called ``name`` ("local" or "dask"); ``scheduler`` only applies to dask."""
    if name == "local":
        if scheduler:
            raise NewsprismError("--scheduler needs --engine dask (the local engine runs in this process)")
        return LocalEngine(pipeline)
    if name == "dask":
        return DaskEngine(scheduler, n_workers=n_workers, batch_size=batch_size)
    raise NewsprismError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
