"""The Python API: a corpus in a store, ingested, analysed and queried.

Every CLI command is a thin call into :class:`Corpus`. Ingest reads inputs,
runs the per-article stages in batches and stores each article in its own
transaction; :meth:`Corpus.refresh` then runs the cross-article steps
(stories, inferred dates, entities, claim groups, timeline, comparison).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from .errors import InputError, NewsprismError
from .ingest import IngestOptions, count_inputs, read_inputs
from .model import Analysis, Article, Claim, Entity, Event, Quote, Story, TimelineEntry
from .pipeline import DEFAULT_STAGES, Pipeline, StageFailure, available, stage_tag
from .resolve.speakers import speaker_entity
from .store import DEFAULT_DB, AddResult, Store

if TYPE_CHECKING:
    from .report.index import StoryTimeline

__all__ = ["AnalyzeOptions", "Corpus", "RunReport", "analyze"]

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class AnalyzeOptions:
    """Options shared by ``analyze`` and ``ingest`` (one object, not a dozen keywords)."""

    batch_size: int = 32
    stages: tuple[str, ...] | None = None  # None: the default pipeline
    fail_fast: bool = False
    ingest: IngestOptions = field(default_factory=IngestOptions)
    # Where the per-article stages run: "local" (this process) or "dask" (see newsprism.engines).
    engine: str = "local"
    scheduler: str | None = None  # dask: a running scheduler; None: $DASK_SCHEDULER_ADDRESS or a LocalCluster
    # Worker processes: for local, the per-article stages' processes (None: min(2, cores); inputs of
    # one batch run in this process); for dask, the LocalCluster size when no scheduler is given.
    workers: int | None = None


@dataclass
class RunReport:
    """What one ingest run did, for the summary line and the exit code."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[AddResult] = field(default_factory=list)
    conflicts: list[AddResult] = field(default_factory=list)
    input_errors: list[InputError] = field(default_factory=list)
    stage_failures: list[StageFailure] = field(default_factory=list)
    reanalysed: list[str] = field(default_factory=list)
    outdated: int = 0  # stored articles other stage versions analysed (``newsprism reanalyze`` redoes them)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.input_errors) + len(self.conflicts)


class Corpus:
    """A store of articles with their analyses and cross-article results."""

    def __init__(self, db: str = DEFAULT_DB, *, readonly: bool = False, pipeline: Pipeline | None = None):
        self.store = Store(db, readonly=readonly)
        self._pipeline = pipeline
        self._injected = pipeline is not None  # a caller's pipeline runs here: workers rebuild from names
        self._timeline_cache: tuple[tuple[int, int], StoryTimeline[TimelineEntry]] | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.default()
        return self._pipeline

    # ------------------------------------------------------------------ ingest

    def ingest(
        self,
        paths: Sequence[str],
        options: AnalyzeOptions = AnalyzeOptions(),
        progress: Progress | None = None,
        *,
        refresh: bool = True,
    ) -> RunReport:
        """Read ``paths``, analyse new articles, store each in its own transaction, then refresh."""
        t0 = time.perf_counter()
        report = RunReport()
        total = count_inputs(paths)
        seen = 0
        # A run killed during refresh left articles the cross-article results do not cover yet.
        stale = self.store.count() != (self.store.layer("refreshed", raw=True) or {}).get("articles", 0)

        def fresh_articles() -> Iterator[Article]:
            nonlocal seen
            for item in read_inputs(paths, options.ingest):
                seen += 1
                if progress:
                    progress(seen, total)
                if isinstance(item, InputError):
                    report.input_errors.append(item)
                    self.store.record_error(item.source, item.reason, item.line)
                    continue
                known = self.store.lookup(item)
                if known is None:
                    yield item
                elif known.status == "same":
                    report.unchanged.append(item.id)
                elif known.status == "duplicate":
                    report.duplicates.append(known)
                else:
                    report.conflicts.append(known)
                    self.store.record_error(
                        item.origin or item.id,
                        f"id {item.id!r} is already stored with different text; the stored version is kept",
                    )

        for analysis in self._analyses(fresh_articles(), options, report.stage_failures):
            res = self.store.put(analysis)
            if res.status == "added":
                report.added.append(res.article)
            elif res.status == "same":
                report.unchanged.append(res.article)
            elif res.status == "duplicate":
                report.duplicates.append(res)
            else:
                report.conflicts.append(res)
        if refresh and (report.added or stale):
            self.refresh(new=None if stale else report.added)
        # Stored articles are never re-run by ingest: after an upgrade the user is told, not surprised.
        report.outdated = len(self.store.outdated_ids(self._stage_tags(options)))
        report.seconds = time.perf_counter() - t0
        return report

    def reanalyze(
        self, options: AnalyzeOptions = AnalyzeOptions(), progress: Progress | None = None, *,
        everything: bool = False,
    ) -> RunReport:
        """Re-run the per-article stages on stored articles that other stage versions analysed (or on all).

        After an upgrade changes a stage, this brings the store up to date without the original
        inputs: the stored text is the input. Each article is rewritten in its own transaction and
        an inferred date is dropped first (the refresh infers it again), so the result equals a
        clean ingest with the current stages. A run killed midway is finished by running it again.
        """
        t0 = time.perf_counter()
        report = RunReport()
        ids = None if everything else self.store.outdated_ids(self._stage_tags(options))
        todo = [a.article for a in self.store.analyses(ids)]
        stale = self.store.count() != (self.store.layer("refreshed", raw=True) or {}).get("articles", 0)
        if todo:
            # Until the refresh at the end has run, the cross-article results are out of date.
            self.store.put_layer("refreshed", {"articles": -1})

        def articles() -> Iterator[Article]:
            for k, art in enumerate(todo, 1):
                if progress:
                    progress(k, len(todo))
                if art.published_inferred:
                    art = dataclasses.replace(art, published=None, published_inferred=False)
                yield art

        for analysis in self._analyses(articles(), options, report.stage_failures):
            self.store.update([analysis])
            report.reanalysed.append(analysis.id)
        if todo or stale:
            self.refresh()
        report.seconds = time.perf_counter() - t0
        return report

    def _stage_tags(self, options: AnalyzeOptions) -> list[str]:
        """``name.vN`` of each stage the options run: what a stored analysis records as its stages."""
        return [stage_tag(n) for n in self._stage_names(options)]

    def _stage_names(self, options: AnalyzeOptions) -> list[str]:
        if options.stages is not None:
            return list(options.stages)
        if self._pipeline is not None:
            return self._pipeline.names
        return [n for n in DEFAULT_STAGES if available(n)]

    def _analyses(
        self, articles: Iterable[Article], options: AnalyzeOptions, failures: list[StageFailure]
    ) -> Iterator[Analysis]:
        """The per-article stages over ``articles``, on the engine the options name, in input order."""
        if options.engine == "local" and not options.scheduler:
            from .engines import LocalEngine, default_workers

            workers = options.workers or default_workers()
            if workers > 1 and not self._injected:
                # The workers build the pipeline from the stage names; a short input builds it here once.
                return LocalEngine(workers=workers, batch_size=options.batch_size).run(
                    self._stage_names(options), articles, fail_fast=options.fail_fast, failures=failures
                )
            if options.stages is not None and (
                self._pipeline is None or self._pipeline.names != list(options.stages)
            ):
                self._pipeline = Pipeline.from_names(options.stages)
            return self.pipeline.run(
                articles, batch_size=options.batch_size, fail_fast=options.fail_fast, failures=failures
            )
        from .engines import get_engine

        engine = get_engine(options.engine, options.scheduler, n_workers=options.workers or 2)
        # The engine builds the pipeline where it runs (once per Dask worker) from the stage names,
        # so this process never loads the models.
        return engine.run(self._stage_names(options), articles, fail_fast=options.fail_fast,
                          failures=failures)

    # ------------------------------------------------------------------ cross-article steps

    def refresh(self, new: Sequence[str] | None = None) -> None:
        """Run the cross-article steps over the store; ``new`` names the articles just added."""
        from .resolve.stories import StoryGrouper

        analyses = self.store.analyses()
        by_id = {a.id: a for a in analyses}
        code = _refresh_code()
        last = self.store.layer("refreshed", raw=True) or {}

        # Stories: incremental; the grouper's index is kept in the store.
        state = self.store.layer("story_index", raw=True)
        grouper = StoryGrouper.from_state(state) if state else StoryGrouper()
        incremental = bool(state) and new is not None
        if incremental:
            grouper.add([by_id[i] for i in new or () if i in by_id])
        else:
            grouper = StoryGrouper()
            grouper.add(analyses)
        stories = grouper.stories()
        self.store.put_layer("story_index", grouper.state())

        # Dates: an undated article takes a date inferred from its words and its story.
        changed = self._infer_dates(stories, by_id)
        if changed:
            self.store.update(changed)
            for a in changed:
                by_id[a.id] = a
            analyses = [by_id[a.id] for a in analyses]

        # What an incremental refresh may keep is read before the entities are replaced.
        keep = None
        if incremental and last.get("code") == code:
            touched = set(new or ()) | {a.id for a in changed}
            keep = _Kept.read(self.store, stories, touched)
        entities = self._resolve_entities(analyses)
        if keep is not None:
            keep.drop_renamed(entities)
        self.store.replace_entities(entities)
        entity_of = _entity_lookup(entities)

        # A story's timeline reads the corpus's re-dating of its events (another story's report can
        # date them): a kept story whose events are re-dated otherwise now is computed again.
        redated, redating = self._redating(analyses, stories)
        if keep is not None:
            keep.drop_redated(redating)

        claims = self._group_claims(analyses, stories, entity_of, keep)
        self.store.put_layer("claims", claims)

        timeline = self._timeline(analyses, stories, entity_of, entities, keep, redated)
        self.store.put_layer("timeline", timeline)
        self.store.put_layer("timeline_redating", redating)

        stories = self._compare(stories, by_id, entities, claims, timeline, keep)
        self.store.replace_stories(stories)
        self.store.put_layer("refreshed", {"articles": len(analyses), "code": code,
                                           "kept_stories": len(keep.stories) if keep else 0})

    def _infer_dates(self, stories: Sequence[Story], by_id: dict[str, Analysis]) -> list[Analysis]:
        try:
            from .resolve.timeline import infer_published, reanchor
        except ImportError:
            return []
        changed = []
        for story in stories:
            members = [by_id[i] for i in story.articles if i in by_id]
            for a in members:
                if a.article.published is not None and not a.article.published_inferred:
                    continue
                siblings = [s for s in members
                            if s.id != a.id and s.article.published and not s.article.published_inferred]
                found = infer_published(a, siblings)
                if found is None:
                    continue
                day, _conf = found
                if a.article.published == day and a.article.published_inferred:
                    continue
                art = dataclasses.replace(a.article, published=day, published_inferred=True)
                changed.append(reanchor(dataclasses.replace(a, article=art), day))
        return changed

    def _redating(
        self, analyses: Sequence[Analysis], stories: Sequence[Story]
    ) -> tuple[dict[int, Event], dict[str, str]]:
        """The corpus's re-dating of its events by other reports' tellings (read once for every story's
        build), with each story's digest of it (stories none of whose events is re-dated are left out)."""
        from .resolve.timeline import corpus_redating, redating_digest

        by_id = {a.id: a for a in analyses}
        redated = corpus_redating(analyses, stories)
        digests = {s.id: d for s in stories
                   if (d := redating_digest((by_id[i] for i in s.articles if i in by_id), redated))}
        return redated, digests

    def _resolve_entities(self, analyses: Sequence[Analysis]) -> list[Entity]:
        try:
            from .resolve.entities import resolve_entities
        except ImportError:
            return []
        return resolve_entities(analyses)

    def _group_claims(
        self,
        analyses: Sequence[Analysis],
        stories: Sequence[Story],
        entity_of: Callable[..., str | None],
        keep: _Kept | None = None,
    ) -> list[Claim]:
        """Claim groups within each story: the story is the candidate block.

        Claims are compared and groups merged only among the articles of one story, so the
        cost grows with the stories' sizes, not with the square of the corpus (on 1,000 FNC-1
        bodies, grouping over the whole corpus took 28 s of a 44 s refresh).
        """
        from .resolve.claims import claim_groups

        by_id = {a.id: a for a in analyses}
        grouped: dict[str, list[Claim]] = {}
        blocks: list[tuple[tuple[str, ...], dict[str, str]]] = []
        for s in stories:
            if keep is not None and s.id in keep.stories:
                for aid in s.articles:
                    grouped[aid] = keep.claims.get(aid, [])
            else:
                blocks.append((s.articles, dict(s.copies)))
        placed = {i for s in stories for i in s.articles}
        blocks += [((a.id,), {}) for a in analyses if a.id not in placed]
        for block, copies in blocks:
            members = [by_id[i] for i in block if i in by_id and by_id[i].claims]
            for aid, c in claim_groups(members, entity_of=entity_of, copies=copies):
                # Claims carry their article so exports can slice the evidence span.
                grouped.setdefault(aid, []).append(dataclasses.replace(c, article=aid))
        return [c for a in analyses for c in grouped.get(a.id, ())]

    def _timeline(
        self,
        analyses: Sequence[Analysis],
        stories: Sequence[Story],
        entity_of: Callable[..., str | None],
        entities: Sequence[Entity] = (),
        keep: _Kept | None = None,
        redated: Mapping[int, Event] | None = None,
    ) -> list[TimelineEntry]:
        """Each story's timeline from its own reports, re-dated by the corpus's (``redated``:
        :func:`~newsprism.resolve.timeline.corpus_redating` of the analyses), and the embedded posts'."""
        from .resolve.timeline import embed_events, entry_order, story_timelines

        kept = {sid: keep.timeline.get(sid, []) for sid in keep.stories} if keep is not None else None
        # Story by story in story order, then one stable sort: the order a single build gives.
        entries = [e for e, _ in story_timelines(analyses, stories, entity_of, redated=redated, kept=kept)]
        story_of = {a: s.id for s in stories for a in s.articles}
        entries.sort(key=entry_order)
        # Embedded posts are kept out of the text but can date what the article shows (a dated tweet).
        posts = [(a, found) for a in analyses if (found := embed_events(a.article))]
        embed_texts = [" ".join(r.text for r in a.article.removed if r.kind == "embed") for a, _ in posts]
        for (a, found), ents in zip(posts, _names_in(entities, embed_texts)):
            for day, precision, desc in found:
                entries.append(
                    TimelineEntry(
                        date=day,
                        precision=precision,
                        description=f"{desc} (embedded post in {a.id})",
                        entities=ents,
                        story=story_of.get(a.id),
                    )
                )
        entries.sort(key=lambda t: t.date)
        return entries

    def _compare(
        self,
        stories: Sequence[Story],
        by_id: dict[str, Analysis],
        entities: Sequence[Entity],
        claims: Sequence[Claim],
        timeline: Sequence[TimelineEntry],
        keep: _Kept | None = None,
    ) -> list[Story]:
        """Each story compared over its own entities, claims and timeline entries.

        The per-story inputs are indexed once: handing every story the corpus-wide lists made
        the step grow with stories x entities (10,000 FNC-1 bodies: 94 s, now about 10 s).
        """
        from .resolve.compare import compare_story

        # Indexes into the corpus-wide lists, so each story's subsets keep the corpus order.
        entities_of: dict[str, list[int]] = {}
        for k, e in enumerate(entities):
            for aid in dict.fromkeys(m.article for m in e.mentions):
                entities_of.setdefault(aid, []).append(k)
        claims_of: dict[str | None, list[int]] = {}
        for k, c in enumerate(claims):
            claims_of.setdefault(c.article, []).append(k)
        entries_of: dict[str | None, list[TimelineEntry]] = {}
        for t in timeline:
            entries_of.setdefault(t.story, []).append(t)
        out = []
        for s in stories:
            if keep is not None and s.id in keep.stories:
                out.append(dataclasses.replace(s, comparison=keep.comparison[s.id]))
                continue
            members = [by_id[i] for i in s.articles if i in by_id]
            ents = [entities[k] for k in sorted({k for a in members for k in entities_of.get(a.id, ())})]
            cls = [claims[k] for k in sorted(k for a in members for k in claims_of.get(a.id, ()))]
            comparison = compare_story(s, members, ents, cls, entries_of.get(s.id, []))
            out.append(dataclasses.replace(s, comparison=comparison))
        return out

    # ------------------------------------------------------------------ queries

    def stories(self) -> list[Story]:
        return self.store.stories()

    def story(self, story_id: str) -> Story:
        s = self.store.story(story_id)
        if s is None:
            known = ", ".join(x.id for x in self.store.stories()[:5])
            raise NewsprismError(f"no story {story_id!r} in {self.store.path}; known: {known or 'none'}")
        return s

    def analyses(self, ids: Sequence[str] | None = None) -> list[Analysis]:
        return self.store.analyses(ids)

    def entities(self, story: str | None = None) -> list[Entity]:
        """The resolved entities, or those of one story with their mentions cut down to its articles."""
        if story is None:
            return self.store.entities()
        articles = self.story(story).articles
        members = set(articles)
        out = []
        for e in self.store.entities_in(articles):
            ms = tuple(m for m in e.mentions if m.article in members)
            if ms:
                out.append(dataclasses.replace(e, mentions=ms))
        return out

    def claims(self, story: str | None = None) -> list[Claim]:
        """The grouped claims, or those of one story's articles (picked out of the stored layer by SQLite)."""
        if story is None:
            return list(self.store.layer("claims", default=()))
        return self.store.layer_items("claims", self.story(story).articles)

    def quotes(self, story: str | None = None, speaker: str | None = None) -> list[tuple[str, Quote]]:
        """(article id, quote) pairs, optionally of one story and/or a speaker matching ``speaker``."""
        ids = list(self.story(story).articles) if story else None
        entities = self.store.entities() if speaker else []
        ents = {e.id: e for e in entities}
        entity_of = _entity_lookup(entities)
        out = []
        for a in self.store.analyses(ids):
            for q in a.quotes:
                if speaker and not _speaker_matches(speaker, a, q, ents, entity_of):
                    continue
                out.append((a.id, q))
        return out

    def timeline(self, story: str | None = None) -> list[TimelineEntry]:
        """The merged timeline, or one story's entries: its own and those citing one of its articles.

        A story's entries are looked up in an index of the stored timeline, not filtered from all
        of it: ``export --html`` asks for every story's entries, and decoding and filtering the
        whole layer per story grew with stories x entries (the 200-article FNC-1 store copied 8x,
        762 stories: 36 s for the stories' timelines alone).
        """
        index = self._timeline_index()
        if story is None:
            return list(index.entries)
        return index.of(story, self.story(story).articles)

    def _timeline_index(self) -> StoryTimeline[TimelineEntry]:
        """The stored timeline indexed by story and by cited article, read again once the store changed.

        The key is SQLite's ``data_version`` (moved by another connection's commit) with this
        connection's ``total_changes`` (moved by its own writes, e.g. a refresh), so a corpus kept
        open by a watcher or a server never answers from a timeline that was replaced.
        """
        from .report.index import StoryTimeline

        conn = self.store.conn
        (version,) = conn.execute("PRAGMA data_version").fetchone()
        key = (int(version), conn.total_changes)
        if self._timeline_cache is None or self._timeline_cache[0] != key:
            entries: list[TimelineEntry] = list(self.store.layer("timeline", default=()))
            index = StoryTimeline(entries, lambda t: t.story, lambda t: (m.article for m in t.mentions))
            self._timeline_cache = (key, index)
        return self._timeline_cache[1]

    def search(self, query: str, limit: int = 50) -> list[dict[str, Any]]:
        return self.store.search(query, limit)


def _speaker_matches(needle: str, a: Analysis, q: Quote, ents: dict[str, Entity],
                     entity_of: Callable[[str, int, int], str | None]) -> bool:
    """Whether ``needle`` is in the speaker's words, role, or the name or an alias of the entity the
    speaker resolves to — the one the listing shows ("Trump" is "Donald Trump", "the Iranian
    Revolutionary Guard" the IRGC)."""
    needle = needle.casefold()
    names: list[str] = []
    if q.speaker is not None:
        names.append(q.speaker.slice(q.source(a.article)))
    if q.speaker_role:
        names.append(q.speaker_role)
    eid = speaker_entity(a, q, entity_of)
    if eid in ents:
        e = ents[eid]
        names.extend((e.name, *e.aliases))
    return any(needle in n.casefold() for n in names)


@functools.cache
def _refresh_code() -> str:
    """A digest of this package's source: results kept across refreshes must come from the same code
    (read once per process: a watcher refreshes after every pass)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _fingerprints(
    entities: Iterable[Entity], articles: set[str]
) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """Per article, the entity mentions the cross-article steps read: span, entity id, name and type."""
    out: dict[str, list[tuple[int, int, str, str, str]]] = {}
    for e in entities:
        for m in e.mentions:
            if m.article in articles:
                out.setdefault(m.article, []).append((m.start, m.end, e.id, e.name, e.type))
    for v in out.values():
        v.sort()
    return out


@dataclass
class _Kept:
    """The stored results of stories an incremental refresh leaves as they were.

    A story is kept when it has the same id, articles and copies as at the last refresh, none
    of its articles is new or was re-dated, every entity mention in it resolves to the same
    entity under the same name and type, and the corpus re-dates its events as before (the
    digest of :func:`~newsprism.resolve.timeline.redating_digest`, stored per story in the
    ``timeline_redating`` layer: a report added to another story can date one of its happenings):
    claim groups, timeline entries and the comparison of a story depend on nothing else
    (tests/test_corpus_refresh.py checks that two ingest passes give what the same passes give
    with nothing kept). Everything else is computed again.
    """

    stories: set[str]
    claims: dict[str, list[Claim]]
    timeline: dict[str, list[TimelineEntry]]
    comparison: dict[str, dict[str, Any]]
    prints: dict[str, list[tuple[int, int, str, str, str]]]
    members: dict[str, tuple[str, ...]]
    redating: dict[str, str]  # story id -> its redating_digest at the last refresh (absent: none re-dated)

    @classmethod
    def read(cls, store: Store, stories: Sequence[Story], touched: set[str]) -> _Kept:
        old = {s.id: s for s in store.stories()}
        same = []
        for s in stories:
            o = old.get(s.id)
            if o is not None and o.comparison is not None and o.articles == s.articles \
                    and o.copies == s.copies and not touched.intersection(s.articles):
                same.append(o)
        ids = {s.id for s in same}
        articles = {a for s in same for a in s.articles}
        claims: dict[str, list[Claim]] = {}
        for c in store.layer("claims", []) if same else []:
            if c.article in articles:
                claims.setdefault(c.article, []).append(c)
        timeline: dict[str, list[TimelineEntry]] = {}
        for t in store.layer("timeline", []) if same else []:
            if t.story in ids and t.mentions:  # entries of embedded posts carry no mentions: rebuilt
                timeline.setdefault(t.story, []).append(t)
        prints = _fingerprints(store.entities(), articles) if same else {}
        redating = store.layer("timeline_redating", {}, raw=True) if same else {}
        return cls(ids, claims, timeline, {s.id: s.comparison or {} for s in same}, prints,
                   {s.id: s.articles for s in same}, redating)

    def drop_renamed(self, entities: Sequence[Entity]) -> None:
        """Forget the stories in which an entity mention now resolves differently."""
        if not self.stories:
            return
        now = _fingerprints(entities, {a for sid in self.stories for a in self.members[sid]})
        self.stories = {sid for sid in self.stories
                        if all(now.get(a) == self.prints.get(a) for a in self.members[sid])}

    def drop_redated(self, redating: Mapping[str, str]) -> None:
        """Forget the stories whose events the corpus now re-dates otherwise (``redating``: story id
        -> its digest now, absent when none of its events is re-dated)."""
        self.stories = {sid for sid in self.stories if redating.get(sid, "") == self.redating.get(sid, "")}


def _names_in(entities: Sequence[Entity], texts: Sequence[str]) -> list[tuple[str, ...]]:
    """For each text, the sorted ids of the entities one of whose names (of 4+ characters) occurs in it.

    Testing every name of the corpus against every embedded post grew with posts x entities,
    both of which grow with the corpus. A name can only occur in a text that holds its first
    four characters, so the texts are indexed by the 4-character pieces they hold and each name
    is tested only against the texts holding its first piece: the same answer as testing every
    name against every text (the substring test still decides), for the cost of one lookup per
    name plus the texts' length.
    """
    holding: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        for piece in {text[i : i + 4] for i in range(len(text) - 3)}:
            holding.setdefault(piece, []).append(k)
    found: list[set[str]] = [set() for _ in texts]
    for e in entities:
        for name in {e.name, *e.aliases}:
            if len(name) > 3:
                for k in holding.get(name[:4], ()):
                    if name in texts[k]:
                        found[k].add(e.id)
    return [tuple(sorted(ids)) for ids in found]


def _entity_lookup(entities: Iterable[Entity]) -> Callable[[str, int, int], str | None]:
    """Map (article, start, end) to the entity whose mention overlaps that span most."""
    index: dict[str, list[tuple[int, int, str]]] = {}
    for e in entities:
        for m in e.mentions:
            index.setdefault(m.article, []).append((m.start, m.end, e.id))

    def entity_of(article: str, start: int, end: int) -> str | None:
        best, best_ov = None, 0
        for s, t, eid in index.get(article, ()):
            ov = min(t, end) - max(s, start)
            if ov > best_ov:
                best, best_ov = eid, ov
        return best

    return entity_of


def analyze(
    paths: Sequence[str],
    db: str = DEFAULT_DB,
    options: AnalyzeOptions = AnalyzeOptions(),
    progress: Progress | None = None,
) -> tuple[Corpus, RunReport]:
    """Ingest and analyse ``paths`` into ``db``; returns the open corpus and the run report."""
    corpus = Corpus(db)
    report = corpus.ingest(paths, options, progress)
    return corpus, report
