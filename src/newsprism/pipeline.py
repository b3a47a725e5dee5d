"""Per-article stages: a small contract, a registry, and a checked pipeline.

A stage is called on one :class:`~newsprism.model.Analysis` and returns a new one
(values are frozen). ``pipe`` processes a batch; the default maps ``__call__``.
Each stage declares what it ``requires`` and ``assigns`` (names of Analysis
layers, plus "parse" for the transient spaCy doc), and the pipeline checks
the order before anything runs.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from .errors import PipelineError
from .model import Analysis, Article

__all__ = [
    "DEFAULT_STAGES",
    "ArticleStage",
    "Pipeline",
    "StageFailure",
    "create_stage",
    "register",
    "registered",
    "stage_tag",
]

log = logging.getLogger(__name__)


class ArticleStage:
    """Base class for per-article stages."""

    name: ClassVar[str] = ""
    version: ClassVar[int] = 1
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()

    @property
    def tag(self) -> str:
        """The name and version recorded on every span this stage makes, e.g. ``quotes.v1``."""
        return f"{self.name}.v{self.version}"

    def __call__(self, item: Analysis) -> Analysis:  # pragma: no cover - abstract
        raise NotImplementedError(f"stage {self.name!r} must implement __call__")

    def pipe(self, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
        for item in items:
            yield self(item)

    def mark(self, item: Analysis, **changes: object) -> Analysis:
        """Return ``item`` with ``changes`` applied and this stage recorded."""
        return dataclasses.replace(item, stages=item.stages + (self.tag,), **changes)  # type: ignore[arg-type]


# Registry: name -> "module:attribute" (imported lazily, so optional stages cost nothing
# until used) or a factory registered at run time.
_REGISTRY: dict[str, str | Callable[..., ArticleStage]] = {
    "parse": "newsprism.stages.parse:ParseStage",
    "mentions": "newsprism.stages.mentions:MentionStage",
    "quotes": "newsprism.stages.quotes:QuoteStage",
    "times": "newsprism.stages.times:TimeStage",
    "claims": "newsprism.stages.claims:ClaimStage",
}

DEFAULT_STAGES: tuple[str, ...] = ("parse", "mentions", "quotes", "times", "claims")


def register(name: str, factory: Callable[..., ArticleStage]) -> None:
    """Register a stage factory under ``name``; duplicates are refused."""
    if name in _REGISTRY:
        raise PipelineError(f"a stage named {name!r} is already registered")
    _REGISTRY[name] = factory


def registered() -> list[str]:
    return sorted(_REGISTRY)


def stage_tag(name: str) -> str:
    """The ``name.vN`` tag stage ``name`` records, read off its class without building it (no model loads)."""
    target = _REGISTRY.get(name)
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module), attr)
        if isinstance(cls, type) and issubclass(cls, ArticleStage):
            return f"{cls.name}.v{cls.version}"
    return create_stage(name).tag


def create_stage(name: str) -> ArticleStage:
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise PipelineError(
            f"unknown stage {name!r}; known stages: {', '.join(registered())}"
        ) from None
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        factory = getattr(importlib.import_module(module), attr)
    else:
        factory = target
    stage = factory()
    if not isinstance(stage, ArticleStage):
        raise PipelineError(f"stage {name!r} did not build an ArticleStage")
    return stage


def available(name: str) -> bool:
    """True when the stage's module can be imported (lets partial installs degrade)."""
    target = _REGISTRY.get(name)
    if target is None:
        return False
    if not isinstance(target, str):
        return True
    try:
        importlib.import_module(target.partition(":")[0])
    except ModuleNotFoundError:
        return False
    return True


@dataclass(frozen=True)
class StageFailure:
    article: str
    stage: str
    message: str


# a failure is reported on one line, bounded: library messages run long (spaCy's E088 is 330 characters)
_FAILURE_CHARS = 200


def failure_message(exc: BaseException) -> str:
    """``"Type: message"`` of a stage's exception on one line of at most 200 characters."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split()).removesuffix(":")
    return text if len(text) <= _FAILURE_CHARS else text[: _FAILURE_CHARS - 1].rstrip() + "…"


class Pipeline:
    """An ordered, checked list of per-article stages."""

    def __init__(self, stages: Sequence[ArticleStage]):
        self.stages = list(stages)
        self.check()

    @classmethod
    def from_names(cls, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
        return cls([create_stage(n) for n in names])

    @classmethod
    def default(cls) -> Pipeline:
        return cls.from_names([n for n in DEFAULT_STAGES if available(n)])

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def check(self) -> None:
        """Refuse duplicate stages and stages whose requirements come later or never."""
        have: set[str] = {"article"}
        seen: set[str] = set()
        for stage in self.stages:
            if stage.name in seen:
                raise PipelineError(f"stage {stage.name!r} appears twice in the pipeline")
            seen.add(stage.name)
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, "
                    "which no earlier stage assigns"
                )
            have.update(stage.assigns)

    def run(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 32,
        fail_fast: bool = False,
        failures: list[StageFailure] | None = None,
    ) -> Iterator[Analysis]:
        """Analyse articles batch by batch, yielding each finished Analysis in input order.

        With ``fail_fast`` a stage error propagates; otherwise the failing
        article is recorded in ``failures`` (and its ``errors``), keeps what
        earlier stages gave it, and skips the later stages.
        """
        batch: list[Article] = []
        for art in articles:
            batch.append(art)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, batch_size, fail_fast, failures)
                batch = []
        if batch:
            yield from self._run_batch(batch, batch_size, fail_fast, failures)

    def _run_batch(
        self,
        batch: list[Article],
        batch_size: int,
        fail_fast: bool,
        failures: list[StageFailure] | None,
    ) -> Iterator[Analysis]:
        items = [Analysis(article=a) for a in batch]
        for stage in self.stages:
            ok = [i for i, it in enumerate(items) if not it.errors]
            todo = [items[i] for i in ok]
            try:
                done = list(stage.pipe(todo, batch_size=batch_size))
            except Exception:
                if fail_fast:
                    raise
                # Fall back to one by one so only the bad article is marked.
                done = []
                for it in todo:
                    try:
                        done.append(stage(it))
                    except Exception as exc:  # noqa: BLE001 - recorded per article by policy
                        msg = failure_message(exc)
                        # a caller that collects the failures reports them itself (the CLI prints
                        # each once); without one the log is the only trace
                        log.log(logging.DEBUG if failures is not None else logging.WARNING,
                                "stage %s failed on %s: %s", stage.name, it.id, msg)
                        if failures is not None:
                            failures.append(StageFailure(it.id, stage.name, msg))
                        done.append(dataclasses.replace(it, errors=it.errors + (f"{stage.name}: {msg}",)))
            for i, it in zip(ok, done):
                items[i] = it
        for it in items:
            yield dataclasses.replace(it, parse=None)
