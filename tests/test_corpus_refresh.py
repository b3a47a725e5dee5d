"""An incremental refresh keeps the results of untouched stories and equals recomputing them."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from conftest import need_data
from newsprism import corpus as corpus_mod
from newsprism.benchmark import _edit
from newsprism.corpus import Corpus
from newsprism.model import Analysis, Article, to_dict
from newsprism.pipeline import Pipeline


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    """36 FNC-1 bodies and 8 edited copies of the first ones (copies join their original's story)."""
    data = need_data("fnc-1")
    with (data / "train_bodies.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["articleBody"].strip()][:36]
    arts = [Article(id=f"fnc-{r['Body ID']}", text=r["articleBody"]) for r in rows]
    arts += [Article(id=f"{a.id}~1", text=_edit(a.text, 1)) for a in arts[:8]]
    # The late batch: four copies and four bodies of their own, the rest stored first.
    order = arts[:32] + arts[36:40] + arts[32:36] + arts[40:]
    return list(Pipeline.default().run(order, batch_size=16))


def _state(c: Corpus) -> dict[str, object]:
    return {
        "stories": [to_dict(s) for s in c.stories()],
        "claims": [to_dict(x) for x in c.claims()],
        "timeline": [to_dict(t) for t in c.timeline()],
        "entities": [to_dict(e) for e in c.store.entities()],
    }


def _run(db: Path, analyses: list[Analysis], first: int) -> Corpus:
    c = Corpus(str(db))
    for a in analyses[:first]:
        c.store.put(a)
    c.refresh()
    late = analyses[first:]
    for a in late:
        c.store.put(a)
    c.refresh(new=[a.id for a in late])
    return c


def test_incremental_refresh_keeps_untouched_stories_and_equals_recomputing(
    analyses: list[Analysis], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _run(tmp_path / "kept.db", analyses, 36)
    info = kept.store.layer("refreshed", raw=True)
    n_stories = len(kept.stories())
    # Some stories were kept and the ones the late articles joined were not.
    assert 0 < info["kept_stories"] < n_stories
    touched = {kept.store.story_of(a.id) for a in analyses[36:]}
    assert len(touched) >= 2

    # The same two passes, with the code digest differing between them: nothing can be kept.
    digests = iter(["a", "b", "c"])
    monkeypatch.setattr(corpus_mod, "_refresh_code", lambda: next(digests))
    fresh = _run(tmp_path / "fresh.db", analyses, 36)
    assert fresh.store.layer("refreshed", raw=True)["kept_stories"] == 0
    assert _state(kept) == _state(fresh)
    kept.close()
    fresh.close()


def test_a_full_refresh_keeps_nothing(analyses: list[Analysis], tmp_path: Path) -> None:
    c = _run(tmp_path / "x.db", analyses, 36)
    c.refresh()
    assert c.store.layer("refreshed", raw=True)["kept_stories"] == 0
    assert c.store.layer("refreshed", raw=True)["articles"] == len(analyses)
    c.close()


def test_a_report_of_another_story_that_redates_a_kept_storys_event_rebuilds_that_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A story's timeline reads the corpus's re-dating: the June report (a story of its own) tells
    # the unveiling the August report's "When ... first introduced iPhone 4" only tells by its
    # tense, so once it is added, the August story's entries move to June 7 although none of its
    # articles changed. Kept as it was stored, that story kept its August 9 entries (_Kept must
    # drop a story whose events are re-dated otherwise); the council story stays kept.
    august = ("Consumer Reports said on Monday that it could not recommend the phone because of its "
              "reception problems. When Apple CEO Steve Jobs first introduced iPhone 4, he praised the "
              "device's antenna design. Owners have complained for weeks that calls drop when they hold the "
              "handset in their left hand.")
    june = ("Yesterday, at this year's Apple Worldwide Developers Conference in San Francisco, Apple CEO "
            "Steve Jobs unveiled iPhone 4. Developers cheered the video calling feature, and the conference "
            "runs through Friday at Moscone West.")
    council = ("The city council voted on Tuesday to close the old library on Main Street. The mayor said "
               "the building would be sold to pay for road repairs.")
    arts = [Article(id="aug", text=august, published=date(2010, 8, 9)),
            Article(id="council", text=council, published=date(2010, 8, 4)),
            Article(id="june", text=june, published=date(2010, 6, 8))]
    found = list(Pipeline.default().run(arts))

    def praised(c: Corpus) -> list[tuple[str, str | None]]:
        text = found[0].text
        return [(t.date, t.story) for t in c.timeline()
                if any(m.article == "aug" and "praised" in text[m.start : m.end] for m in t.mentions)]

    kept = _run(tmp_path / "kept.db", found, 2)
    story = kept.store.story_of("aug")
    assert len({story, kept.store.story_of("council"), kept.store.story_of("june")}) == 3
    assert praised(kept) == [("2010-06-07", story)]
    assert kept.store.layer("refreshed", raw=True)["kept_stories"] == 1  # the council's
    before = _state(kept)
    kept.refresh(new=[])  # nothing new: every story is kept, the re-dated one too (its digest is the same)
    assert kept.store.layer("refreshed", raw=True)["kept_stories"] == 3
    assert _state(kept) == before

    digests = iter(["a", "b", "c"])
    monkeypatch.setattr(corpus_mod, "_refresh_code", lambda: next(digests))
    fresh = _run(tmp_path / "fresh.db", found, 2)
    assert fresh.store.layer("refreshed", raw=True)["kept_stories"] == 0
    assert _state(kept) == _state(fresh)
    kept.close()
    fresh.close()
