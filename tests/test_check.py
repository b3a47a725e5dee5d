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


# Openings of three real reports on the October 2014 Boko Haram ceasefire (Reuters, Mashable,
# the BBC): the government asserts it, the group's leader denies it, the third only mentions it.
CEASEFIRE = "Boko Haram agreed to a ceasefire with the Nigerian government"
CEASEFIRE_REPORTS = {
    "reuters": (
        "Nigeria said on Friday it had agreed a ceasefire with Islamist militants Boko Haram and reached"
        " a deal for the release of more than 200 schoolgirls kidnapped by the group six months ago.\n\n"
        "There was no immediate confirmation from the rebels, who have brought five years of havoc in"
        " Africa’s top oil producer and triggered an international outcry by seizing the girls from the"
        " northeast town of Chibok in April.\n"
    ),
    "mashable": (
        "In a video released late Friday night, the leader of Islamist militant group Boko Haram claimed"
        " Nigeria's kidnapped schoolgirls have all been converted to Islam and married off.\n\n"
        "In the video, obtained by Agence France-Presse, Boko Haram leader Abubakar Shekau also denied"
        " having agreed to a ceasefire with the Nigerian government.\n\n"
        "\"Don't you know the over 200 Chibok schoolgirls have converted to Islam? They have now memorized"
        " two chapters of the Koran,\" he said.\n"
    ),
    "bbc": (
        "Boko Haram has been fighting an insurgency since 2009, with some 2,000 civilians reportedly killed"
        " this year. The group's leader has not been seen in public since the ceasefire was announced,"
        " and the Nigerian government has not said where talks took place.\n"
    ),
}


def test_stored_positions_decide_asserts_and_denies(nlp: object) -> None:
    """A whole-sentence claim: the stance model says "discusses" for every report; the claims
    stage's positions say who asserts it and who denies it."""
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline

    arts = [Article(id=k, text=t) for k, t in CEASEFIRE_REPORTS.items()]
    analyses = list(Pipeline.default().run(arts, fail_fast=True))
    [check] = check_claims([CEASEFIRE], analyses)["checks"]
    got = {a["article"]: a for a in check["articles"]}
    assert got["reuters"]["stance"] == "asserts" and got["reuters"]["holder"] == "Nigeria"
    assert got["mashable"]["stance"] == "denies" and "Shekau" in (got["mashable"]["holder"] or "")
    ev = got["mashable"]["evidence"][0]
    assert "agreed to a ceasefire" in CEASEFIRE_REPORTS["mashable"][ev["start"] : ev["end"]]
    assert got.get("bbc", {"stance": "discusses"})["stance"] == "discusses"
    assert [a["stance"] for a in check["articles"]][:2] == ["denies", "asserts"]  # denials first
    for a in check["articles"]:
        assert 0 < a["confidence"] < 1
    # The same claim negated reads the positions the other way round.
    [neg] = check_claims(["Boko Haram did not agree to a ceasefire with the Nigerian government"],
                         analyses)["checks"]
    flipped = {a["article"]: a["stance"] for a in neg["articles"]}
    assert flipped["reuters"] == "denies" and flipped["mashable"] == "asserts"
    # So does a claim that someone denied it: the report of Shekau's denial asserts that.
    [den] = check_claims(["Boko Haram denied agreeing to a ceasefire with the Nigerian government"],
                         analyses)["checks"]
    assert {a["article"]: a["stance"] for a in den["articles"]}["mashable"] == "asserts"
    # Plain texts have no positions: the stance model alone decides, as before.
    plain = check_claims([CEASEFIRE], [(k, t) for k, t in CEASEFIRE_REPORTS.items()])["checks"][0]
    assert all(a["holder"] is None and a["positions"] == [] for a in plain["articles"])


def test_a_position_needs_what_is_claimed_not_only_names(nlp: object) -> None:
    """A denial that words part of the claim differently ("signed a truce or agreed to release")
    still counts; a sentence sharing only the claim's names (Nigerian, Boko Haram) is no position."""
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline

    wsj = ("The leader of Islamist group Boko Haram has dismissed claims by the Nigerian government that"
           " it has signed a truce or agreed to release captives including the schoolgirls kidnapped in"
           " April.\n")
    cnn = ("Nigerian officials met with Boko Haram in Chad twice during talks mediated by Chadian President"
           " Idriss Deby, according to the aide.\n")
    arts = [Article(id="wsj", text=wsj), Article(id="cnn", text=cnn)]
    arts += [Article(id=k, text=t) for k, t in CEASEFIRE_REPORTS.items()]
    [check] = check_claims([CEASEFIRE], list(Pipeline.default().run(arts, fail_fast=True)))["checks"]
    got = {a["article"]: a for a in check["articles"]}
    assert got["wsj"]["stance"] == "denies" and "Boko Haram" in got["wsj"]["holder"]
    assert "cnn" not in got or got["cnn"]["positions"] == []


def test_a_refusal_denies_and_a_holders_own_words_claim_nothing(nlp: object) -> None:
    """rd36: "refused to agree to a ceasefire" came back as asserting the ceasefire; and "Residents
    of the desert town said Bergdahl was a good man" asserted "Bergdahl deserted his unit", the
    holder's "desert" standing in for what is claimed."""
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline

    arts = [Article(id="refusal", text="KABUL - Boko Haram refused to agree to a ceasefire with the Nigerian"
                                       " government, a spokesman said on Monday.\n"),
            Article(id="town", text="The Army will charge Bergdahl with desertion, NBC reported. Residents of"
                                    " the desert town said Bergdahl was a good man.\n")]
    analyses = list(Pipeline.default().run(arts, fail_fast=True))
    [cease] = check_claims([CEASEFIRE], analyses)["checks"]
    assert {a["article"]: a["stance"] for a in cease["articles"]}["refusal"] == "denies"
    [desert] = check_claims(["Bergdahl deserted his unit"], analyses)["checks"]
    town = {a["article"]: a for a in desert["articles"]}["town"]
    assert all("Residents" not in (p["holder"] or "") for p in town["positions"])


def test_seed_positions_whichever_way_the_claim_is_worded(nlp: object) -> None:
    """The worked example: the IRGC asserts the Oct. 7 attacks were revenge, Hamas denies it;
    checking that Hamas denied it, the Hamas denial is what the Daily Caller piece asserts."""
    from newsprism.pipeline import Pipeline

    analyses = list(Pipeline.default().run(seed_articles(), fail_fast=True))
    [rev] = check_claims([REVENGE], analyses)["checks"]
    got = {a["article"]: a for a in rev["articles"]}
    assert got["000"]["stance"] == "denies" and got["000"]["holder"] == "Hamas"
    assert got["004"]["stance"] == "asserts" and "Revolutionary Guard" in got["004"]["holder"]
    [den] = check_claims(["Hamas denied that the attacks were revenge"], analyses)["checks"]
    got = {a["article"]: a for a in den["articles"]}
    assert got["000"]["stance"] == "asserts" and got["000"]["holder"] == "Hamas"


def test_a_claim_matches_its_nouns_and_verbs(nlp: object) -> None:
    """'deserted' in the claim, 'desertion' in the report (NBC via the Washington Post, 2015)."""
    from newsprism.model import Article
    from newsprism.pipeline import Pipeline

    text = ("This week, NBC reported that the Pentagon will charge Bergdahl with desertion although no"
            " charges have been made yet.\n\nBergdahl walked away from his post in Afghanistan in 2009,"
            " the Army said.\n")
    other = "Sgt. Bowe Bergdahl returned to the United States on Friday after five years in captivity.\n"
    arts = [Article(id="wp", text=text), Article(id="ap", text=other)]
    analyses = list(Pipeline.default().run(arts, fail_fast=True))
    [check] = check_claims(["Bergdahl deserted his unit"], analyses)["checks"]
    got = {a["article"]: a for a in check["articles"]}
    assert got["wp"]["stance"] == "asserts" and got["wp"]["holder"] == "NBC"
