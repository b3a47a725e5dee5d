"""FNC-1 evaluation on the fixed held-out bodies, against pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import need_data
from newsprism.eval import run_eval
from newsprism.eval.fnc1 import evaluate, fnc_report, fnc_score

BASELINE = json.loads((Path(__file__).parent / "baselines" / "fnc1.json").read_text(encoding="utf-8"))


def test_fnc_score_weights() -> None:
    gold = ["agree", "disagree", "unrelated", "discuss"]
    assert fnc_score(gold, gold) == (3.25, 3.25)
    # related-but-wrong class earns 0.25; a related pair called unrelated earns nothing
    assert fnc_score(gold, ["discuss", "unrelated", "unrelated", "agree"]) == (0.75, 3.25)
    rep = fnc_report(gold, ["agree", "agree", "unrelated", "discuss"])
    assert rep["per_class"]["disagree"]["recall"] == 0.0
    assert rep["confusion"]["disagree"]["agree"] == 1


def test_heldout_floors() -> None:
    data = need_data("fnc-1")
    res = run_eval("fnc1", data_root=data.parent)
    assert res["split"] == "heldout" and res["pairs"] > 9000
    assert res["fnc_score"] >= BASELINE["fnc_score"]
    assert res["macro_f1"] >= BASELINE["macro_f1"]
    assert res["per_class"]["disagree"]["f1"] >= BASELINE["disagree_f1"]
    assert res["per_class"]["unrelated"]["f1"] >= BASELINE["unrelated_f1"]
    assert res["anchors"]["best_published"]["fnc_score"] == 90.73
    # The confidence check shows for a related stance means what it says: untempered it
    # was 0.985 on average where 91% were right (ECE 0.114).
    rel = res["confidence"]
    assert rel["pairs"] == sum(res["confusion"][g][p] for g in res["confusion"]
                               for p in ("agree", "disagree", "discuss"))
    assert rel["ece"] <= 0.05
    assert sum(b["pairs"] for b in rel["bins"]) == rel["pairs"]


def test_limit_and_progress() -> None:
    data = need_data("fnc-1")
    seen: list[tuple[int, int]] = []
    res = evaluate(data, limit=200, progress=lambda d, t: seen.append((d, t)))
    assert res["pairs"] == 200 and seen[-1] == (200, 200)
