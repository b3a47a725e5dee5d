"""ECB+ story grouping quality gate: floors in tests/baselines/ecbplus_stories.json only rise."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import need_data
from newsprism.eval import run_eval
from newsprism.eval.ecbplus_stories import bcubed, detokenize, evaluate, load_documents, pairwise

BASELINE = json.loads((Path(__file__).parent / "baselines" / "ecbplus_stories.json").read_text())


def test_metrics_on_known_clusterings() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, gold)["f1"] == 1.0
    assert pairwise(gold, gold)["f1"] == 1.0
    merged = bcubed(["x"] * 4, gold)
    assert merged["recall"] == 1.0 and merged["precision"] == 0.5
    assert pairwise(["1", "2", "3", "4"], gold)["f1"] == 0.0


def test_detokenize_rebuilds_text() -> None:
    assert detokenize(["He said `` no , '' on Monday .", "It 's 5 . 6 ."]) == (
        'He said "no," on Monday.\nIt\'s 5.6.'
    )


def test_documents_have_gold_stories() -> None:
    data = need_data("ecbplus")
    docs = load_documents(data, "dev")
    assert len(docs) > 150
    assert len({g for _, _, g, _ in docs}) == 2 * len({t for *_, t in docs})


def test_limited_run_meets_floor() -> None:
    data = need_data("ecbplus")
    seen: list[tuple[int, int]] = []
    result = evaluate(data, split="dev", limit=60, progress=lambda done, total: seen.append((done, total)))
    assert result["documents"] >= 60 and seen[-1][0] == seen[-1][1] == result["documents"]
    assert result["bcubed"]["f1"] >= BASELINE["dev_limit_60"]["bcubed_f1"]


def test_dev_split_meets_floor() -> None:
    need_data("ecbplus")
    result = run_eval("ecbplus-stories", split="dev")
    assert result["evaluation"] == "ecbplus-stories"
    assert result["bcubed"]["f1"] >= BASELINE["dev"]["bcubed_f1"]
    assert result["pairwise"]["f1"] >= BASELINE["dev"]["pairwise_f1"]
    assert result["incremental_bcubed"]["f1"] >= BASELINE["dev"]["incremental_bcubed_f1"]
    # Topics are never merged wholesale: precision stays high.
    assert result["bcubed"]["precision"] >= 0.9
