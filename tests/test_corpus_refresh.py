"""An incremental refresh keeps the results of untouched stories and equals recomputing them."""

from __future__ import annotations

import csv
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
