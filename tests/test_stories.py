"""Story grouping: the seeds make one story, other events stay apart, copies fold, adds are incremental."""

from __future__ import annotations

import csv
import json
import random
from datetime import date

import pytest

from conftest import SEED_000, SEED_004, need_data
from newsprism.errors import NewsprismError
from newsprism.model import Analysis, Article, Story, from_dict, to_dict
from newsprism.resolve.stories import StoryGrouper, StoryOptions, group_stories
from newsprism.resolve.story_cluster import SplitRule, bisect, cluster_block
from newsprism.resolve.story_index import minhash, minhash_jaccard, shingles, signature

# A different event of the same kind: another strike killing another commander, another date.
OTHER_STRIKE = """A U.S. drone strike in Baghdad killed a senior commander of the Kataib Hezbollah militia
on Wednesday, February 7, 2024, the Pentagon said.

Abu Baqir al-Saadi, who oversaw the group's operations in Syria, died when a missile hit his
car in the Mashtal district of eastern Baghdad. Two of his guards were also killed, according
to Iraqi security officials.

U.S. Central Command said the strike was a response to the January 28 drone attack on Tower 22,
a base in Jordan near the Syrian border, that killed three American soldiers and wounded more
than 40. "We will not hesitate to hold accountable all those who threaten our forces' safety,"
CENTCOM said in a statement.

Iraqi Prime Minister Mohammed Shia al-Sudani condemned the strike as a violation of Iraq's
sovereignty and warned it could push the country into a wider conflict. Kataib Hezbollah had
announced a suspension of its attacks on U.S. troops on January 30."""


def _seed_000() -> Article:
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    assert lines[0].strip().startswith("date 2023-12-27")
    return Article(
        id="000",
        text="\n".join(lines[1:]).strip(),
        published=date(2023, 12, 27),
        author="Jake Smith",
        outlet="Daily Caller",
    )


def _seed_004() -> Article:
    lines = SEED_004.read_text(encoding="utf-8").splitlines()
    return Article(id="004", title=lines[0].strip(), text="\n".join(lines[1:]).strip(), outlet="Infobae")


def _plain(*arts: Article) -> list[Analysis]:
    return [Analysis(article=a) for a in arts]


def _light_edit(text: str, seed: int) -> str:
    """Same text with light edits: a few words dropped or changed, as a wire copy rewrites."""
    rng = random.Random(seed)
    toks = text.split(" ")
    for _ in range(max(1, len(toks) // 60)):
        i = rng.randrange(len(toks))
        toks[i] = rng.choice(["", "reportedly", toks[i].upper()])
    return " ".join(t for t in toks if t)


def _fnc_bodies(n: int) -> list[tuple[str, str]]:
    path = need_data("fnc-1") / "train_bodies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [(f"fnc-{r['Body ID']}", r["articleBody"]) for r in rows[:n]]


def _story_of(stories: list[Story], article_id: str) -> Story:
    [story] = [s for s in stories if article_id in s.articles]
    return story


# ----------------------------------------------------------------------------- the seeds


def test_seeds_make_one_story_and_other_strike_stays_apart() -> None:
    stories = group_stories(_plain(_seed_000(), _seed_004(), Article(id="strike-2024", text=OTHER_STRIKE)))
    seed_story = _story_of(stories, "000")
    assert seed_story.articles == ("000", "004")
    assert _story_of(stories, "strike-2024").articles == ("strike-2024",)
    assert seed_story.stage == "stories.v2"
    assert 0.0 < seed_story.confidence <= 1.0
    assert seed_story.copies == ()  # translated, not copied (shingle Jaccard ~0.02)
    # Two articles are equally representative; the one with a title of its own gives it.
    assert seed_story.title == _seed_004().title


def test_seeds_group_with_spacy_entities(nlp) -> None:
    from newsprism.pipeline import Pipeline

    pipe = Pipeline.from_names(["parse"])
    pipe.stages[0].nlp = nlp
    arts = [_seed_000(), _seed_004(), Article(id="strike-2024", text=OTHER_STRIKE)]
    grouper = StoryGrouper()
    # The pipeline drops the transient parse after running; group straight from the parse stage.
    grouper.add([pipe.stages[0](Analysis(article=a)) for a in arts])
    assert grouper.partition() == [["000", "004"], ["strike-2024"]]


def test_a_parsed_articles_signature_keeps_the_names_its_mentions_leave_out() -> None:
    # (SemEval trial document 16844's wording.) The mentions stage types "WWDC" MISC, which names
    # no party, and keeps precise names only; a signature of the parsed article (the product's)
    # took those alone, so two reports of one conference shared fewer names than their text does.
    from newsprism.pipeline import Pipeline

    text = ("Yesterday, at this year's Apple Worldwide Developers Conference (WWDC) in San Francisco, "
            "Apple CEO Steve Jobs unveiled the iPhone 4.")
    (a,) = Pipeline.from_names(["parse", "mentions"]).run([Article(id="a", text=text)])
    wwdc = [m for m in a.mentions if text[m.start:m.end] == "WWDC"]
    assert wwdc and wwdc[0].label == "MISC"
    terms = signature(a).terms
    assert {"e:wwdc", "e:steve jobs", "e:apple worldwide developers conference"} <= set(terms)


@pytest.mark.slow
def test_ecbplus_stories_from_parsed_articles() -> None:
    # ECB+ dev grouped as the product groups it, from articles the parse and mentions stages ran on
    # (the eval's fast path reads capitalisation only): B3 0.897 when the mentions stage's names
    # stood alone, 0.962 with capitalisation's beside them.
    from newsprism.eval.ecbplus_stories import bcubed, load_documents
    from newsprism.pipeline import Pipeline

    docs = load_documents(need_data("ecbplus"), "dev")
    pipe = Pipeline.from_names(["parse", "mentions"])
    analyses = list(pipe.run([Article(id=i, text=t) for i, t, _, _ in docs]))
    label = {x: s.id for s in group_stories(analyses) for x in s.articles}
    assert bcubed([label[i] for i, _, _, _ in docs], [g for _, _, g, _ in docs])["f1"] >= 0.95


def test_seed_story_id_is_stable_when_articles_join() -> None:
    g = StoryGrouper()
    g.add(_plain(_seed_000()))
    [first] = g.stories()
    g.add(_plain(_seed_004()))
    [both] = g.stories()
    assert first.id == both.id  # named after the earliest-published article (000, dated)
    assert both.articles == ("000", "004")


def test_unrelated_fnc_bodies_stay_apart_from_seeds() -> None:
    bodies = _fnc_bodies(40)
    arts = [_seed_000(), _seed_004()] + [Article(id=i, text=t) for i, t in bodies]
    stories = group_stories(_plain(*arts))
    assert _story_of(stories, "000").articles == ("000", "004")


# ----------------------------------------------------------------------------- two-level clustering


def _block(sizes: list[int], within: float, across: float, noise: float = 0.03, seed: int = 0):
    """A similarity matrix of groups of ``sizes`` articles: ``within`` inside a group, ``across`` between."""
    import numpy as np

    rng = np.random.default_rng(seed)
    lab = np.repeat(np.arange(len(sizes)), sizes)
    m = (np.where(lab[:, None] == lab[None, :], within, across)
         + rng.uniform(-noise, noise, (len(lab), len(lab))))
    m = (m + m.T) / 2
    np.fill_diagonal(m, 1.0)
    return m


def test_topic_with_two_sub_events_is_split() -> None:
    # Two events of one kind: everything is similar (0.25 across), each event more so (0.45).
    assert cluster_block(_block([6, 5], 0.45, 0.25), SplitRule()) == [list(range(6)), list(range(6, 11))]


def test_cohesive_topic_is_not_split() -> None:
    m = _block([11], 0.35, 0.35)
    assert cluster_block(m, SplitRule()) == [list(range(11))]
    # Its best bisection is no split at all, or one whose sides are as similar across as within.
    lab = bisect(m)
    assert lab.min() == lab.max() or cluster_block(m, SplitRule(split_ratio=0.9)) == [list(range(11))]


def test_small_groups_use_the_story_cut() -> None:
    rule = SplitRule()
    assert cluster_block(_block([1, 1], 1.0, 0.15, 0.0), rule) == [[0], [1]]  # same topic, under the cut
    assert cluster_block(_block([1, 1], 1.0, 0.25, 0.0), rule) == [[0, 1]]
    # A stray pair is not split off a topic by bisection (too few for a relative judgement).
    assert cluster_block(_block([6, 2], 0.45, 0.25), rule) == [list(range(8))]


def test_same_kind_events_in_ecbplus_stay_apart() -> None:
    # ECB+ dev topics 2, 12, 21 and 34: each holds two events of one kind (two Oscar hosts named,
    # two Indian navy actions against pirates, two fatal hit-and-runs, two Surgeon General picks), told apart
    # by names, numbers and dates.
    from newsprism.eval.ecbplus_stories import load_documents

    docs = [d for d in load_documents(need_data("ecbplus"), "dev") if d[3] in {2, 12, 21, 34}]
    g = StoryGrouper()
    g.add([Analysis(article=Article(id=i, text=t)) for i, t, _, _ in docs])
    gold = {i: story for i, _, story, _ in docs}
    parts = g.partition()
    assert all(len({gold[i] for i in p}) == 1 for p in parts)  # no story mixes two events
    for story in set(gold.values()):
        members = [i for i in gold if gold[i] == story]
        assert max(len(set(p) & set(members)) for p in parts) >= 0.9 * len(members)


# ----------------------------------------------------------------------------- copies


def test_near_duplicate_is_folded_as_copy() -> None:
    seed = _seed_000()
    copy = Article(id="zz-wire-copy", text=_light_edit(seed.text, 1), published=date(2023, 12, 28))
    sa, sb = shingles(seed.text), shingles(copy.text)
    exact = len(sa & sb) / len(sa | sb)
    assert exact >= 0.8
    assert abs(minhash_jaccard(minhash(sa), minhash(sb)) - exact) < 0.15
    stories = group_stories(_plain(seed, _seed_004(), copy))
    story = _story_of(stories, "000")
    assert story.articles == ("000", "004", "zz-wire-copy")
    assert story.copies == (("zz-wire-copy", "000"),)


def test_translation_is_not_a_copy() -> None:
    a, b = signature(Analysis(article=_seed_000())), signature(Analysis(article=_seed_004()))
    assert minhash_jaccard(a.minhash, b.minhash) < 0.2


# ----------------------------------------------------------------------------- incremental and order


def _corpus() -> list[Analysis]:
    bodies = _fnc_bodies(120)
    arts = [_seed_000(), _seed_004(), Article(id="strike-2024", text=OTHER_STRIKE)]
    arts += [Article(id=i, text=t) for i, t in bodies]
    # Wire copies of a few bodies, so the corpus has multi-article stories besides the seeds.
    arts += [Article(id=f"{i}-copy", text=_light_edit(t, k)) for k, (i, t) in enumerate(bodies[:10])]
    return _plain(*arts)


def test_incremental_add_equals_one_shot() -> None:
    items = _corpus()
    one = StoryGrouper()
    one.add(items)
    inc = StoryGrouper()
    for i in range(0, len(items), 17):
        inc.add(items[i : i + 17])
    assert inc.partition() == one.partition()
    assert [s.id for s in inc.stories()] == [s.id for s in one.stories()]
    assert any(len(p) > 1 for p in one.partition())


def _walked_candidates(g: StoryGrouper, pos: int) -> list[int]:
    """The candidate search written as its definition: a walk over each query term's postings."""
    o = g.options
    idf = g._index.idf_array()
    weights = g._weights(idf)
    doc = g._docs[pos]
    usable = [i for i, t in enumerate(doc.tids) if 1 < len(g._index.postings[t]) <= o.max_postings]
    ranked = sorted(usable, key=lambda i: (-(idf[doc.tids[i]] * doc.tfs[i]), doc.tids[i]))[: o.query_terms]
    hits: dict[int, int] = {}
    score: dict[int, float] = {}
    for i in ranked:
        w = float(weights[doc.tids[i]] * doc.tfs[i])
        for other in g._index.postings[int(doc.tids[i])]:
            if other != pos:
                hits[other] = hits.get(other, 0) + 1
                score[other] = score.get(other, 0.0) + w
    found = sorted((d for d, h in hits.items() if h >= o.min_shared), key=lambda d: (-score[d], d))
    return found[: o.max_candidates]


def test_candidates_equal_a_walk_over_the_postings() -> None:
    items = _corpus()
    g = StoryGrouper()
    for a in items:
        g._add_signature(signature(a))
    df = g._index.df_array()
    idf = g._index.idf_array(df)
    weights = g._weights(idf)
    found = [g._candidates(p, df, idf, weights) for p in range(len(items))]
    assert found == [_walked_candidates(g, p) for p in range(len(items))]
    assert sum(len(c) for c in found) > len(items)


def test_partition_does_not_depend_on_order() -> None:
    items = _corpus()
    ref = StoryGrouper()
    ref.add(items)
    for seed in (1, 2):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        g = StoryGrouper()
        g.add(shuffled)
        assert g.partition() == ref.partition()


def test_readding_is_a_no_op() -> None:
    g = StoryGrouper()
    g.add(_plain(_seed_000(), _seed_004()))
    before = g.stories()
    g.add(_plain(_seed_000()))
    assert g.stories() == before and len(g) == 2


# ----------------------------------------------------------------------------- state and stories


def test_state_round_trips_through_json_and_resumes() -> None:
    items = _corpus()
    half = len(items) // 2
    g = StoryGrouper()
    g.add(items[:half])
    text = json.dumps(g.state())
    assert "Soleimani" not in text.split('"terms"')[0]  # no article text kept, only signatures
    restored = StoryGrouper.from_state(json.loads(text))
    assert restored.stories() == g.stories()
    restored.add(items[half:])
    full = StoryGrouper()
    full.add(items)
    assert restored.partition() == full.partition()


def test_stories_round_trip_through_model_codec() -> None:
    stories = group_stories(_plain(_seed_000(), _seed_004()))
    assert [from_dict(json.loads(json.dumps(to_dict(s)))) for s in stories] == stories


def test_empty_and_bad_input() -> None:
    assert group_stories([]) == []
    assert StoryGrouper().stories() == []
    [s] = group_stories(_plain(Article(id="empty", text="")))
    assert s.articles == ("empty",)
    with pytest.raises(NewsprismError):
        StoryGrouper().add(["not an analysis"])  # type: ignore[list-item]
    with pytest.raises(NewsprismError, match="malformed"):
        StoryGrouper.from_state({"version": 1, "articles": [{"nope": 1}]})
    with pytest.raises(NewsprismError, match="version"):
        StoryGrouper.from_state({"version": 99})


def test_version_1_state_is_regrouped_from_its_signatures() -> None:
    items = _corpus()
    g = StoryGrouper()
    g.add(items)
    old = g.state()
    old["version"] = 1
    old["labels"] = list(range(len(old["labels"])))  # a version-1 partition, whatever it was
    assert StoryGrouper.from_state(old).partition() == g.partition()


def test_options_are_kept_in_state() -> None:
    g = StoryGrouper(StoryOptions(threshold=0.3))
    g.add(_plain(_seed_000()))
    assert StoryGrouper.from_state(g.state()).options.threshold == 0.3

