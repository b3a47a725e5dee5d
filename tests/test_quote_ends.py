"""The content-end chooser (stages/quote_ends.py): its candidates, its choice, its shipped weights."""

from __future__ import annotations

from pathlib import Path

from newsprism.stages.quote_ends import best_end, end_candidates, load_weights
from newsprism.stages.quote_model import DocView


def test_the_rules_end_stands_unless_a_candidate_past_it_scores_over_it_by_the_margin() -> None:
    cands = [(3, ["cut"]), (5, ["cur"]), (9, ["ext"])]
    assert best_end(cands, 5, {}) == 5  # no weights: the rules' end
    assert best_end(cands, 5, {"ext": 0.5, "cur": 0.5}) == 5  # a tie keeps it
    assert best_end(cands, 5, {"ext": 1.0, "cur": 0.5}) == 9
    assert best_end(cands, 5, {"ext": 1.0, "cur": 0.5}, margin=0.6) == 5
    assert best_end(cands, 5, {"cut": 3.0, "cur": 0.5}) == 5  # the content only runs on


def test_no_weights_file_leaves_the_rules_ends(tmp_path: Path) -> None:
    assert load_weights(str(tmp_path / "none.json")) == ({}, 0.0)


def test_the_shipped_weights_prefer_the_rules_end() -> None:
    weights, margin = load_weights()
    assert len(weights) > 1000 and margin >= 0.0
    assert weights["cur"] > 0 > weights.get("ext", 0.0) - 1.0


def test_candidates_are_the_places_the_sentence_could_end_the_content(nlp: object) -> None:
    t = "The mayor said the city would raise taxes, which angered residents, and cut bus routes in the fall."
    doc = nlp(t)  # type: ignore[operator]
    v = DocView(doc, [], t)
    k = next(tok.i for tok in doc if tok.text == "the")
    last = next(tok.i for tok in doc if tok.text == "taxes")
    cue = next(tok.i for tok in doc if tok.text == "said")
    got = end_candidates(doc, v, k, last, len(doc), cue)
    ends = [doc[j].text for j, _f in got]
    # before a comma, a conjunction, a preposition, and at the sentence's end; not before "would"
    assert ends == ["taxes", "residents", "routes", "fall"]
    feats = dict(got)[last]
    assert "cur" in feats and "cur|n12=, which" in feats and "cur|after" in feats
    assert "ext|final" in dict(got)[len(doc) - 2]
