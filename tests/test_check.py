"""``check_claims``: stance of every article toward each claim, retrieval first."""

from __future__ import annotations

import json
import time

import pytest

from conftest import need_data
from newsprism.check import SCHEMA, check_claims, read_claims_file
from newsprism.errors import NewsprismError
from test_claims import seed_articles

REVENGE = "The Oct. 7 attacks were revenge for the killing of Soleimani"


def test_seeds_are_related_with_evidence() -> None:
    arts = seed_articles()
    out = check_claims([REVENGE, "The Federal Reserve raised interest rates by half a point"], arts)
    assert out["schema"] == SCHEMA
    json.dumps(out)  # plain JSON
    first, second = out["checks"]
    assert first["claim"] == REVENGE
    assert {a["article"] for a in first["articles"]} == {"000", "004"}
    text = {a.id: a.text for a in arts}
    for a in first["articles"]:
        assert a["stance"] in ("asserts", "denies", "discusses")
        assert 0 < a["confidence"] <= 1
        assert a["evidence"]
        for ev in a["evidence"]:
            piece = text[a["article"]][ev["start"] : ev["end"]]
            assert piece and ("revenge" in piece or "retaliation" in piece)
    assert second["articles"] == []  # left out = unrelated


def test_id_text_pairs_and_claims_file() -> None:
    arts = seed_articles()
    a = check_claims([REVENGE], arts)
    b = check_claims([REVENGE], [(x.id, x.text) for x in arts])
    assert a == b
    assert read_claims_file("# claims\nFirst claim\n\n  Second claim  \n") == ["First claim", "Second claim"]
    assert check_claims([], arts) == {"schema": SCHEMA, "checks": []}
    assert check_claims([REVENGE], []) == {"schema": SCHEMA, "checks": [{"claim": REVENGE, "articles": []}]}


def test_bad_input_is_one_clear_error() -> None:
    with pytest.raises(NewsprismError, match="empty"):
        check_claims(["  "], seed_articles())
    with pytest.raises(NewsprismError, match="list of claims"):
        check_claims(REVENGE, seed_articles())  # type: ignore[arg-type]
    with pytest.raises(NewsprismError, match="Articles or"):
        check_claims([REVENGE], [42])  # type: ignore[list-item]


def test_fnc_sample_speed_and_recall() -> None:
    """300 headlines x 300 bodies: related pairs come back, fast (the full 1k x 1k is
    bench/bench_check.py)."""
    from newsprism.stance.split import load_fnc

    data = load_fnc(need_data("fnc-1"))
    bodies = sorted(data.bodies)[:300]
    chosen = set(bodies)
    heads = sorted({h for h, b, s in data.pairs if b in chosen and s != "unrelated"})[:300]
    t0 = time.perf_counter()
    out = check_claims(heads, [(str(b), data.bodies[b]) for b in bodies], top_k=50)
    elapsed = time.perf_counter() - t0
    found = {(c["claim"], a["article"]) for c in out["checks"] for a in c["articles"]}
    hs = set(heads)
    gold = {(h, str(b)) for h, b, s in data.pairs if b in chosen and h in hs and s != "unrelated"}
    assert len(gold & found) / len(gold) > 0.9
    assert elapsed < 30


def test_result_does_not_depend_on_article_order() -> None:
    arts = seed_articles()
    claims = [REVENGE, "Hamas denied that the attacks were revenge", "Trump ordered the strike on Soleimani"]
    assert check_claims(claims, arts) == check_claims(claims, list(reversed(arts)))
