"""The story comparison on the seeds: unique facts, date details, sources, wording."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, SEED_000, SEED_004


@pytest.fixture(scope="module")
def comparison(tmp_path_factory):
    from newsprism.corpus import Corpus
    from newsprism.report import export_corpus

    with Corpus(str(tmp_path_factory.mktemp("cmp") / "n.db")) as corpus:
        corpus.ingest([str(EXAMPLES)])
        doc = export_corpus(corpus)
    assert len(doc["stories"]) == 1
    return doc["stories"][0]["comparison"], {a["id"]: a["text"] for a in doc["articles"]}


def test_unique_facts(comparison):
    cmp, _ = comparison
    only0 = " ".join(f["fact"] for f in cmp["unique"].get(SEED_000.name, []))
    only4 = " ".join(f["fact"] for f in cmp["unique"].get(SEED_004.name, []))
    assert "1,200 civilians" in only0
    assert "CPAC" in only0  # the embedded video post
    assert "Iraq" in only4 and "Americans" in only4  # Sharif on US troops in Iraq
    assert "1,200" not in only4


def test_shared_facts_link_both_articles(comparison):
    cmp, texts = comparison
    assert cmp["shared"]
    for f in cmp["shared"]:
        arts = {m["article"] for m in f["mentions"]}
        assert arts == {SEED_000.name, SEED_004.name}
        for m in f["mentions"]:
            assert " ".join(texts[m["article"]][m["start"]:m["end"]].split()).startswith(
                m["text"].rstrip("…")[:40]
            )


def test_soleimani_strike_date_is_a_compatible_difference(comparison):
    cmp, _ = comparison
    dates = [c for c in cmp["conflicts"] if c["kind"] == "date" and "Soleimani" in c["description"]]
    assert dates and dates[0]["compatible"] is True
    assert {s["value"] for s in dates[0]["sides"]} == {"2020-01", "2020-01-04"}


def test_sources_and_wording(comparison):
    cmp, _ = comparison
    assert {"Iran International", "Jerusalem Post", "Haaretz"} <= set(cmp["sources"][SEED_000.name])
    assert {"Maan", "Europa Press", "AFP"} <= set(cmp["sources"][SEED_004.name])
    # Tasnim relays Sharif's threats in 004 only.
    assert "Tasnim" in cmp["sources"][SEED_004.name] and "Tasnim" not in cmp["sources"][SEED_000.name]
    own0 = {w["label"]: w for w in cmp["wording"][SEED_000.name] if w["voice"] == "own"}
    assert "Iran’s terror proxy network" in own0 and own0["Iran’s terror proxy network"]["name"] == "Iran"
    own4 = {w["label"]: w for w in cmp["wording"][SEED_004.name] if w["voice"] == "own"}
    assert own4["the terrorist group"]["name"] == "Hamas"
    martyr = [w for ws in cmp["wording"].values() for w in ws if w["term"].startswith("martyr")]
    assert martyr and all(w["voice"] == "quoted" for w in martyr)
