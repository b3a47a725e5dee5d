"""scripts/train_quotes.py refuses a data folder with no training articles before it touches anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_missing_train_data_is_one_clear_error_and_keeps_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    kept = cache / "train_all.spacy"
    kept.write_bytes(b"parsed documents of an earlier run")
    out = tmp_path / "model" / "quotes"
    (tmp_path / "polnear" / "train" / "text").mkdir(parents=True)  # a folder, but no articles in it
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_quotes.py"), "--data", str(tmp_path / "polnear"),
         "--cache", str(cache), "--out", str(out)],
        check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "no annotated PolNeAR train articles" in lines[0] and str(tmp_path / "polnear") in lines[0]
    assert kept.read_bytes() == b"parsed documents of an earlier run"
    assert not out.parent.exists()


def test_cue_only_without_a_role_model_to_keep_is_one_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "model" / "quotes"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_quotes.py"), "--data", str(tmp_path / "polnear"),
         "--out", str(out), "--cue-only"],
        check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "--cue-only keeps the role model" in lines[0] and str(out) in lines[0]
    assert not out.parent.exists()


def _train_quotes():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_quotes
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return train_quotes


# Role rows of "The minister said on Monday that taxes would rise, and unions protested." (cue "said"):
# each token's word, the word before it and its side of the cue, labelled O/content/source/cue.
_SENTENCE = ["The", "minister", "said", "on", "Monday", "that", "taxes", "would", "rise", ",", "and",
             "unions", "protested", "."]
_LABELS = [2, 2, 3, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0]


def _rows(order: int) -> tuple[list[list[str]], list[int]]:
    x, y = [], []
    for k in range(6):  # the sentence seen six times, so every feature passes min_count
        for i, (w, lab) in enumerate(zip(_SENTENCE, _LABELS)):
            fs = ["b", f"w={w.lower()}", f"prev={_SENTENCE[i - 1].lower() if i else '<s>'}",
                  "before" if i < 2 else "after", f"copy={k % 2}"]
            x.append(fs[::-1] if order else fs)
            y.append(lab)
    return x, y


def test_role_fit_is_reproducible_and_says_whether_it_converged() -> None:
    tq = _train_quotes()
    names1, coef1, classes1, solver1 = tq.fit(*_rows(0), min_count=3, c=0.5, multi=True, max_iter=5000)
    names2, coef2, classes2, solver2 = tq.fit(*_rows(1), min_count=3, c=0.5, multi=True, max_iter=5000)
    assert names1 == names2 and classes1 == classes2 == [0, 1, 2, 3]
    assert (coef1 == coef2).all()  # the same examples, features listed in another order: the same weights
    assert solver1 == solver2
    assert solver1["converged"] and 0 < solver1["iterations"] < 5000
    _n, _c, _k, short = tq.fit(*_rows(0), min_count=3, c=0.5, multi=True, max_iter=2)
    assert not short["converged"] and short["iterations"] == 2
    # the training default runs the role model's solver to convergence, not to a cut-off
    assert tq.ROLE_ITER >= 1000 and tq.ROLE_TOL <= 1e-6


def test_folds_spread_over_the_training_articles_and_never_take_the_held_out_ones() -> None:
    tq = _train_quotes()
    train = [i for i in range(840) if i % 10 != 0]
    by_fold: dict[int, list[int]] = {}
    for i in train:
        by_fold.setdefault(tq.fold_of(i, 3), []).append(i)
    assert sorted(by_fold) == [0, 1, 2]
    assert sorted({i % 10 for i in by_fold[1]}) == [1, 4, 7]
    assert [len(v) for _k, v in sorted(by_fold.items())] == [252, 252, 252]


def test_tune_takes_each_thresholds_best_value_in_order_and_keeps_a_tie(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    tq = _train_quotes()
    best_at = {"min_content_sure": 0.65, "weak_cue_min_sure": 0.95, "sourceless_cue_threshold": 0.4,
               "cue_threshold": 0.4}

    def fake(_folds, values):  # type: ignore[no-untyped-def]
        # content F1 peaks at best_at; rules_cue_floor changes nothing (a tie everywhere)
        f = 0.7 - sum(abs(values[k] - x) for k, x in best_at.items()) / 10
        return {"content": {"overlap": {"f1": f}}, "source": {"overlap": {"f1": 0.75}},
                "cue": {"overlap": {"f1": 0.7}}, "speaker_accuracy": 0.9}

    monkeypatch.setattr(tq, "score_folds", fake)
    got, facts = tq.tune([(None, [1, 2])], 0.0)
    assert {k: got[k] for k in best_at} == best_at
    assert got["rules_cue_floor"] == tq.START["rules_cue_floor"]  # a tie keeps where it started
    assert got["unseen_cue_threshold"] == tq.START["unseen_cue_threshold"]  # not tuned
    assert facts["folds"] == 1 and facts["articles"] == 2
    assert facts["tuned"]["content_overlap_f1"] == 0.7 > facts["at_start"]["content_overlap_f1"]
    assert set(facts["tried"]) == set(tq.GRID) and all(
        len(facts["tried"][k]) == len(v) for k, v in tq.GRID.items()
    )

