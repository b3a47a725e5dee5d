"""A story's timeline is read through an index of the stored timeline, kept only while the store is unchanged.

``Corpus.timeline(story)`` is asked once per story by ``export --html``; it answers from an
index built once per version of the store. These tests pin what that index must give: for
every story, exactly the entries the plain definition selects (the story's own entries and
any entry citing one of its articles, in timeline order), and a fresh answer as soon as the
timeline layer is replaced, by this connection or by another one. The refresh's lookup of the
entities an embedded post names is likewise indexed; it must find what testing every name finds.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from conftest import need_data
from newsprism.benchmark import _edit
from newsprism.corpus import Corpus
from newsprism.corpus import _names_in as corpus_names_in
from newsprism.model import Article, TimelineEntry
from newsprism.pipeline import Pipeline
from newsprism.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """32 FNC-1 bodies and edited copies of six of them (the copies join their original's story),
    refreshed."""
    data = need_data("fnc-1")
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["articleBody"].strip()][:32]
    arts = [Article(id=f"fnc-{r['Body ID']}", text=r["articleBody"]) for r in rows]
    arts += [Article(id=f"{a.id}~1", text=_edit(a.text, 1)) for a in arts[:6]]
    path = str(tmp_path_factory.mktemp("scale") / "timeline.db")
    with Corpus(path) as c:
        for a in Pipeline.default().run(arts, batch_size=8):
            c.store.put(a)
        c.refresh()
    return path


def _by_definition(c: Corpus, story: str) -> list[TimelineEntry]:
    members = set(c.story(story).articles)
    return [t for t in c.timeline() if t.story == story or any(m.article in members for m in t.mentions)]


def test_every_story_gets_the_entries_the_definition_selects(db: str) -> None:
    with Corpus(db, readonly=True) as c:
        stories = c.stories()
        entries = c.timeline()
        assert len(stories) > 5 and len(entries) > 5
        shown = 0
        for s in stories:
            got = c.timeline(s.id)
            assert got == _by_definition(c, s.id)
            shown += len(got)
        # Every entry of a story is somebody's: the per-story answers cover the whole timeline.
        assert shown >= sum(1 for t in entries if t.story is not None)
        assert any(len(c.timeline(s.id)) > 1 for s in stories)


def test_an_entry_without_a_story_is_found_through_the_articles_it_cites(tmp_path: Path, db: str) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(db).read_bytes())
    with Corpus(str(copy)) as c:
        entries = c.timeline()
        k, t = next((k, t) for k, t in enumerate(entries) if t.story is not None and t.mentions)
        story = t.story
        assert story is not None
        entries[k] = dataclasses.replace(t, story=None)
        c.store.put_layer("timeline", entries)  # this connection's own write
        got = c.timeline(story)
        assert entries[k] in got
        assert got == _by_definition(c, story)
        # Without a story and citing nothing, an entry belongs to no story's timeline.
        entries[k] = dataclasses.replace(t, story=None, mentions=())
        c.store.put_layer("timeline", entries)
        assert entries[k] not in c.timeline(story)
        assert c.timeline(story) == _by_definition(c, story)
        # With its story and citing nothing (an embedded post's entry), it is in its story's timeline.
        entries[k] = dataclasses.replace(t, mentions=())
        c.store.put_layer("timeline", entries)
        assert entries[k] in c.timeline(story)
        assert c.timeline(story) == _by_definition(c, story)


def test_another_connection_replacing_the_timeline_is_seen_at_once(tmp_path: Path, db: str) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(Path(db).read_bytes())
    with Corpus(str(copy), readonly=True) as reader:
        before = reader.timeline()
        story = next(t.story for t in before if t.story is not None)
        assert reader.timeline(story)
        with Store(str(copy)) as writer:
            writer.put_layer("timeline", [t for t in before if t.story != story])
        assert reader.timeline() == [t for t in before if t.story != story]
        assert reader.timeline(story) == _by_definition(reader, story)
        assert all(t.story != story for t in reader.timeline(story))


def test_embedded_posts_name_the_entities_every_name_test_finds(db: str) -> None:
    """_names_in (texts indexed by 4-character pieces) answers what testing every name against every text
    does."""
    with Corpus(db, readonly=True) as c:
        entities = c.store.entities()
        bodies = [a.text for a in c.analyses()]
    names = [(e.id, n) for e in entities for n in {e.name, *e.aliases} if len(n) > 3]
    long_name = max((n for _eid, n in names), key=len)
    shortest = sorted({n for _eid, n in names if len(n) == 4})[:5]
    assert shortest  # 'ISIS' and the like: a text that is just such a name is one piece long
    texts = [
        *shortest,
        *bodies,
        *(b[len(b) // 3 : len(b) // 2] for b in bodies),  # pieces cut mid-word, names cut in half
        long_name[:4] + " and nothing more",  # a name's first piece without the name: a candidate refused
        "x" + long_name + "y",  # a name inside longer words is still found, as the substring test finds it
        "abc",  # shorter than a piece
        "",
    ]
    got = corpus_names_in(entities, texts)
    want = [tuple(sorted({eid for eid, n in names if n in t})) for t in texts]
    assert got == want
    assert sum(map(len, got)) > 100  # the bodies name many entities
    assert got[-3] and got[-2] == () and got[-1] == ()
    assert corpus_names_in(entities, []) == []
    assert corpus_names_in([], texts) == [()] * len(texts)


def test_a_storys_entities_are_those_the_full_list_gives_cut_to_its_articles(db: str) -> None:
    """Corpus.entities(story) reads only the entities its articles mention (Store.entities_in) and answers
    what filtering every stored entity gives: the same entities, in store order, mentions cut to the story."""
    with Corpus(db, readonly=True) as c:
        every = c.store.entities()
        ids = c.store.article_ids()
        stories = c.stories()
        for s in stories:
            members = set(s.articles)
            want = [
                dataclasses.replace(e, mentions=ms)
                for e in every
                if (ms := tuple(m for m in e.mentions if m.article in members))
            ]
            assert c.entities(s.id) == want
        assert sum(len(c.entities(s.id)) for s in stories) >= len(every)
        # Every entity has a mention: all the articles give the whole list, in store order, past
        # the 500 ids of one query (unknown and repeated ids change nothing).
        assert c.store.entities_in(ids) == every
        padded = [f"nope-{k}" for k in range(600)] + ids + ids[:3]
        assert c.store.entities_in(padded) == every
        assert c.store.entities_in([]) == [] and c.store.entities_in(["nope"]) == []


def test_a_storys_claims_are_those_of_its_articles_in_the_layers_order(db: str) -> None:
    """Corpus.claims(story) has SQLite pick the story's claims out of the stored layer (Store.layer_items);
    it must answer what decoding the whole layer and filtering it by article gives."""
    with Corpus(db, readonly=True) as c:
        every = c.claims()
        assert len(every) > 50
        stories = c.stories()
        for s in stories:
            members = set(s.articles)
            assert c.claims(s.id) == [x for x in every if x.article in members]
        assert sum(len(c.claims(s.id)) for s in stories) == sum(1 for x in every if x.article)
        ids = c.store.article_ids()
        assert c.store.layer_items("claims", ids) == every
        assert c.store.layer_items("claims", list(reversed(ids))) == every  # the layer's order, not the ids'
        assert c.store.layer_items("claims", []) == [] and c.store.layer_items("no such layer", ids) == []
