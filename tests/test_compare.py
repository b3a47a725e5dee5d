"""The story comparison on the seeds (unique facts, date details, sources, wording) and on three reports
of the Chibok kidnapping abridged from FNC-1 bodies (figures, wording, repeated headings)."""

from __future__ import annotations

import json
import re

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


_NEWSER = (
    "Boko Haram thinks all the truce talk is hilarious. At least that is what it seems like judging "
    "from a video released Friday to Nigerian media that purported to show the terrorist group’s "
    "leader Abubakar Shekau laughing off claims that it had reached a ceasefire with the government "
    "and that the more than 200 girls the group kidnapped six months ago were close to being released. "
    "“A lie,” Shekau said. \"We married them off. They are in their marital homes,\" he said, "
    "chuckling, according to CNN.\n\n"
    "In the video, Shekau said he had no idea whom the supposed negotiator was who supposedly worked "
    "out a cease-fire deal with the government on behalf of the Islamist group. He also threatened to "
    "kill a captured German hostage, who is “always crying.” He added that the extremist group could "
    "“hack him or slaughter him or shoot him,” reports the Associated Press.\n\n"
    "Troops from the 7th Division of the Nigerian Army fought Boko Haram fighters near Chibok in Borno "
    "state on Sunday, witnesses said.\n"
)
_GUARDIAN = (
    "The Islamist group Boko Haram has denied claims by Nigeria’s government that it has agreed to a "
    "ceasefire and will release more than 200 abducted schoolgirls.\n\n"
    "The announcement came in a video sent to Agence France-Presse on Saturday in which the militant "
    "group’s leader, Abubakar Shekau, ruled out future talks with the government and said the girls "
    "had converted to Islam and been married off since being kidnapped more than six months ago.\n\n"
    "Some 276 schoolgirls were seized from the remote north-eastern town of Chibok in Borno state in "
    "April. Many escaped in the first couple of days but 219 remain missing.\n\n"
    "Shekau said in the latest video that all of the Chibok schoolgirls had become Muslims.\n"
)
_BBC = (
    "Nigeria's military says it has agreed a ceasefire with Islamist militants Boko Haram - and that "
    "the schoolgirls the group has abducted will be released.\n\n"
    "Boko Haram sparked global outrage six months ago by abducting more than 200 schoolgirls.\n\n"
    "The 219 schoolgirls still held were seized in the north-eastern town of Chibok in Borno state, "
    "and their continued captivity has led to criticism of the Nigerian government.\n\n"
    "The jihadists have killed thousands of people since 2009.\n\n"
    "Who are Boko Haram?\n\n"
    "Who are Boko Haram?\n\n"
    "Boko Haram leader Abubakar Shekau said the girls had been married off.\n"
)


@pytest.fixture(scope="module")
def chibok(tmp_path_factory):
    from newsprism.corpus import Corpus
    from newsprism.report import export_corpus

    folder = tmp_path_factory.mktemp("chibok")
    rows = [
        {"id": "newser", "outlet": "Newser", "published": "2014-11-01", "text": _NEWSER},
        {"id": "guardian", "outlet": "The Guardian", "published": "2014-11-01", "text": _GUARDIAN},
        {"id": "bbc", "outlet": "BBC", "published": "2014-10-17", "text": _BBC},
    ]
    (folder / "chibok.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Corpus(str(folder / "n.db")) as corpus:
        corpus.ingest([str(folder / "chibok.jsonl")])
        doc = export_corpus(corpus)
    assert len(doc["stories"]) == 1
    return doc["stories"][0]["comparison"]


def test_figures_differ_only_on_counts_of_one_thing(chibok):
    """"the 7th Division" (an ordinal) is no figure for the 219 schoolgirls; "Some 276 schoolgirls" and
    "219 schoolgirls" differ, and the row says both figures."""
    rows = [c for c in chibok["conflicts"] if c["kind"] == "number"]
    assert rows
    for c in rows:
        values = [side["value"] for side in c["sides"]]
        assert all(re.search(r"\d", v) for v in values)
        assert all(v in c["description"] for v in values)
        assert not any(re.fullmatch(r"\d+", v) for v in values)  # a figure names what it counts
    pairs = {frozenset(re.sub(r"\D", "", v) for v in (s["value"] for s in c["sides"])) for c in rows}
    assert frozenset({"276", "219"}) in pairs
    assert not any("7" in p for p in pairs)


def test_descriptive_nominals_name_their_referent(chibok):
    """"the terrorist group’s leader", "the extremist group could ..." (said, as the Associated Press
    reports) and "The jihadists" refer to Boko Haram, not to the nearest name (Nigerian media, the
    reporting outlet) nor to the speaker whose words hold them."""
    labels = {(aid, w["label"]): w["name"] for aid, ws in chibok["wording"].items() for w in ws}
    assert labels[("newser", "the terrorist group")] == "Boko Haram"
    assert labels[("newser", "the extremist group")] == "Boko Haram"
    assert labels[("bbc", "The jihadists")] == "Boko Haram"


def test_a_repeated_heading_is_no_shared_fact(chibok):
    """The BBC page prints "Who are Boko Haram?" twice: a question reports nothing, and a line
    repeated in one article is one sentence."""
    facts = [f["fact"] for f in chibok["shared"]]
    assert facts and len(facts) == len(set(facts))
    assert not any(f.endswith("?") for f in facts)


def test_ids_are_unique_in_an_export(tmp_path):
    """One sentence holding two claims (two holders: FNC-1 body 1821) gave two claim records one id."""
    from newsprism.corpus import Corpus
    from newsprism.report import export_corpus

    text = ("Nigeria's military says it killed Shekau a year ago, and authorities said in September that "
            "they had also killed an imposter posting as him in videos.\n\nOmeri added that the militants "
            "are motivated by a wish to reintegrate into society.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "bh-1821", "outlet": "Reuters", "text": text}) + "\n",
                                      encoding="utf-8")
    with Corpus(str(tmp_path / "n.db")) as corpus:
        corpus.ingest([str(tmp_path / "a.jsonl")])
        doc = export_corpus(corpus)
    assert len(doc["claims"]) >= 2
    for key in ("quotes", "claims", "entities", "articles", "stories"):
        ids = [x["id"] for x in doc[key]]
        assert len(ids) == len(set(ids)), key


def test_fighters_and_freedom_are_loaded_only_together(chibok):
    """"Boko Haram fighters" labels no one; "freedom fighters" would."""
    terms = {w["term"] for ws in chibok["wording"].values() for w in ws}
    assert "fighters" not in terms and "freedom" not in terms
    assert "terrorist" in terms
