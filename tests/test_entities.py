"""Mentions stage and cross-article entity resolution on the seed articles."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest

from conftest import SEED_000, SEED_004
from newsprism.model import Analysis, Article, Entity, Mention
from newsprism.pipeline import Pipeline
from newsprism.resolve.entities import entity_at, entity_of, resolve_entities
from newsprism.resolve.names import glued_split, name_key, skeleton
from newsprism.stages.mentions import MentionStage

# What the ingest helper's cleaning does to the damaged words.
REPAIRS = {
    "Soleimaniin": "Soleimani in",
    "accusedSoleimani": "accused Soleimani",
    "ZionistsSharif": "Zionists Sharif",
    "Razi Moussavia": "Razi Moussavi a",
}
DAMAGED = ("Soleimaniin", "accusedSoleimani", "ZionistsSharif", "Moussavia", "WANA")


def _seed_articles(repaired: bool) -> list[Article]:
    t0 = SEED_000.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")  # drop " date ... By Jake Smith"
    t4 = SEED_004.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")  # drop the title line
    if repaired:
        for bad, good in REPAIRS.items():
            t0, t4 = t0.replace(bad, good), t4.replace(bad, good)
    return [
        Article(id="000", text=t0, published=date(2023, 12, 27), author="Jake Smith", outlet="Daily Caller"),
        Article(id="004", text=t4, outlet="Infobae"),
    ]


@pytest.fixture(scope="module")
def pipe(nlp):
    return Pipeline.from_names(["parse", "mentions"])


@pytest.fixture(scope="module", params=[False, True], ids=["raw", "repaired"])
def seeds(request, pipe):
    analyses = list(pipe.run(_seed_articles(request.param), fail_fast=True))
    return analyses, resolve_entities(analyses)


def _entity_with(entities: list[Entity], analyses: list[Analysis], surface: str) -> Entity:
    texts = {a.id: a.text for a in analyses}
    found = [e for e in entities if any(texts[m.article][m.start : m.end] == surface for m in e.mentions)]
    assert len(found) == 1, f"{surface!r} is in {len(found)} entities: {[e.name for e in found]}"
    return found[0]


GROUPS = {
    "Soleimani": ["Qasem Soleimani", "Qassem Soleimani", "Soleimani"],
    "Mousavi": ["Seyyed Razi Mousavi", "Sayyed Razi Moussavi", "Moussavi", "Mousavi"],
    "Sharif": ["Ramadan Sharif", "Ramzan Sharif", "Sharif"],
    "IRGC": ["IRGC", "Islamic Revolutionary Guard Corp", "Revolutionary Guard", "Revolutionary Guards"],
    "Quds": ["Quds Force", "Al Quds force"],
    "Oct7": ["Oct. 7 attacks", "Al-Aqsa Storm", "Al Aqsa Flood", "Flood of al-Aqsa"],
}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_seed_groups_are_one_entity(seeds, group):
    analyses, entities = seeds
    ids = {_entity_with(entities, analyses, s).id for s in GROUPS[group]}
    assert len(ids) == 1, group


def test_seed_types_fixed_by_evidence(seeds):
    analyses, entities = seeds
    assert _entity_with(entities, analyses, "Qassem Soleimani").type == "PERSON"
    assert _entity_with(entities, analyses, "Ramzan Sharif").type == "PERSON"
    assert _entity_with(entities, analyses, "IRGC").type == "ORG"
    assert _entity_with(entities, analyses, "Al Aqsa Flood").type == "EVENT"


def test_no_entity_from_damaged_text_or_credits(seeds):
    _analyses, entities = seeds
    for e in entities:
        for name in (e.name, *e.aliases):
            assert not any(bad in name for bad in DAMAGED), name


def test_seed_separate_actors(seeds):
    analyses, entities = seeds
    assert (
        _entity_with(entities, analyses, "Iran").id
        != _entity_with(entities, analyses, "Iran International").id
    )
    assert _entity_with(entities, analyses, "Hamas").id != _entity_with(entities, analyses, "IRGC").id


def test_every_mention_slices_and_is_tagged(seeds):
    analyses, entities = seeds
    texts = {a.id: a.text for a in analyses}
    for a in analyses:
        for m in a.mentions:
            surface = a.text[m.start : m.end]
            assert surface and surface == surface.strip(), m
            assert m.stage == "mentions.v6" and 0 < m.confidence <= 1 and m.key
    for e in entities:
        assert e.id.startswith("e-") and e.name and 0 < e.confidence <= 1
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(texts[m.article])


def test_damaged_tokens_cut_back_to_the_name(pipe):
    [a] = list(pipe.run([_seed_articles(False)[1]], fail_fast=True))
    surfaces = {a.text[m.start : m.end] for m in a.mentions}
    assert "Qassem Soleimani" in surfaces and "Razi Moussavi" in surfaces
    assert not any("Soleimaniin" in s or "Moussavia" in s or "WANA" in s for s in surfaces)


def test_a_verbs_clitic_glued_to_a_name_is_no_part_of_it(pipe):
    # h156: the tokenizer splits "’d" off a pronoun only, so "Tom Hale’d been" made an entity "Tom
    # Hale’d" (and "Tom Hale'd been", "Mary Jones’ll", "Kim Jong Un’d"); the quotes stage cut it off
    # its speakers in v130. An apostrophe before a capitalised word is the name's own.
    text = ("Mayor Tom Hale’d been at the plant for years before the fire. Mary Jones'll speak at the "
            "rally on Friday. Kim Jong Un’d left Pyongyang. Sean O’Donnell said Tom Hale'd been warned.")
    [a] = list(pipe.run([Article(id="clitic", text=text)], fail_fast=True))
    surfaces = [a.text[m.start : m.end] for m in a.mentions]
    assert not any(s.endswith(("’d", "'d", "’ll", "'ll")) or " been" in s for s in surfaces), surfaces
    assert {"Tom Hale", "Mary Jones", "Kim Jong Un", "Sean O’Donnell"} <= set(surfaces), surfaces
    keys = {a.text[m.start : m.end]: m.key for m in a.mentions}
    assert keys["Tom Hale"] == "tom hale" and keys["Mary Jones"] == "mary jones"


def test_an_apostrophe_before_a_names_particle_is_the_names_own(pipe):
    # h162 (rd35's review of mentions.v4): "Sa'd al-Hariri" was cut to "Sa", its "'d" taken for a verb's
    # clitic: a lower-case particle of a name after it (al-, bin, ibn, ...) is the name going on, as a
    # capitalised word is. A clitic before a verb stays cut ("Tom Hale’d said").
    text = ("Former prime minister Sa'd al-Hariri met the president in Beirut. Mohammed Sa’d bin Laden "
            "was the founder. Ahmad Sa’d al-Masri told reporters the talks had failed. Tom Hale’d said he "
            "would stay.")
    [a] = list(pipe.run([Article(id="particle", text=text)], fail_fast=True))
    surfaces = [a.text[m.start : m.end] for m in a.mentions]
    names = {"Sa'd al-Hariri", "Mohammed Sa’d bin Laden", "Ahmad Sa’d al-Masri", "Tom Hale"}
    assert names <= set(surfaces), surfaces


def test_entity_of_maps_spans(seeds):
    analyses, entities = seeds
    index = entity_of(entities)
    irgc = _entity_with(entities, analyses, "IRGC")
    a0 = analyses[0]
    start = a0.text.index("IRGC")
    assert index[("000", start, start + 4)] == irgc.id
    assert entity_at(index, "000", start - 1, start + 2) == irgc.id
    assert entity_at(index, "000", 0, 0) is None


def test_resolution_independent_of_article_order(pipe):
    analyses = list(pipe.run(_seed_articles(False), fail_fast=True))
    # Split each seed in two halves so there are several orders worth trying.
    parts: list[Analysis] = []
    for a in analyses:
        cut = a.text.index("\n\n", len(a.text) // 2)
        for k, (lo, hi) in enumerate(((0, cut), (cut, len(a.text)))):
            ms = tuple(
                dataclasses.replace(m, start=m.start - lo, end=m.end - lo)
                for m in a.mentions
                if lo <= m.start and m.end <= hi
            )
            art = Article(id=f"{a.id}-{k}", text=a.text[lo:hi])
            parts.append(Analysis(article=art, mentions=ms))
    results = {tuple(resolve_entities(list(order))) for order in itertools.permutations(parts)}
    assert len(results) == 1


def test_existing_entities_keep_their_ids(pipe):
    a0, a4 = list(pipe.run(_seed_articles(False), fail_fast=True))
    first = resolve_entities([a0])
    again = resolve_entities([a4], existing=first)
    old = {e.id for e in first}
    sol = [e for e in again if "Soleimani" in e.name]
    assert len(sol) == 1 and sol[0].id in old
    assert {m.article for m in sol[0].mentions} == {"000", "004"}


def test_batch_equals_one_by_one(pipe, nlp):
    arts = _seed_articles(False)
    batch = [a.mentions for a in pipe.run(arts, fail_fast=True)]
    single = [next(iter(pipe.run([a], fail_fast=True))).mentions for a in arts]
    assert batch == single


def test_empty_and_unparsed_articles_give_no_mentions(pipe):
    [a] = list(pipe.run([Article(id="empty", text="")], fail_fast=True))
    assert a.mentions == () and "mentions.v6" in a.stages
    bare = MentionStage()(Analysis(article=Article(id="x", text="Iran said so.")))
    assert bare.mentions == ()
    assert resolve_entities([a]) == []


def test_different_people_sharing_a_surname_stay_apart(pipe):
    text = (
        "Donald Trump met Ivanka Trump in New York on Monday. "
        "Iran International reported that Iran denied it. Trump later left."
    )
    [a] = list(pipe.run([Article(id="t", text=text)], fail_fast=True))
    ents = resolve_entities([a])
    names = {e.name for e in ents}
    assert {"Donald Trump", "Ivanka Trump"} <= names
    by_surface = {text[m.start : m.end]: e.id for e in ents for m in e.mentions}
    assert by_surface["Donald Trump"] != by_surface["Ivanka Trump"]
    assert by_surface["Iran"] != by_surface["Iran International"]


def test_name_helpers():
    assert name_key("Brigadier General Seyyed Razi Mousavi", "PERSON") == "razi mousavi"
    assert name_key("the Flood of al-Aqsa", "EVENT") == name_key("Al-Aqsa Storm", "EVENT")
    assert name_key("U.S.") == name_key("US") == "us"
    assert skeleton("Qasem") == skeleton("Qassem") and skeleton("Mousavi") == skeleton("Moussavi")
    assert glued_split("accusedSoleimani") == (7, 16)
    assert glued_split("McDonald") is None and glued_split("YouTube", {"you"}) is None


def test_mention_labels_are_types(seeds):
    analyses, _ = seeds
    labels = {m.label for a in analyses for m in a.mentions}
    assert labels <= {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "MISC",
    }
    assert all(isinstance(m, Mention) and m.kind == "name" for a in analyses for m in a.mentions)


def _resolve(pipe, texts: dict[str, str]) -> tuple[list[Analysis], list[Entity]]:
    analyses = list(pipe.run([Article(id=k, text=v) for k, v in texts.items()], fail_fast=True))
    return analyses, resolve_entities(analyses)


def test_event_name_takes_the_date_written_next_to_it(pipe):
    # No gazetteer entry for this name: the link comes from the date in its sentence.
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Hamas launched Operation Swords Flood on October 7, killing many."
            " Its leaders praised Swords Flood.",
            "b": "Israel is still at war after the Oct. 7 attacks by Hamas."
            " The October 7 attack shocked the country.",
        },
    )
    ev = _entity_with(ents, analyses, "Oct. 7 attacks")
    assert ev.type == "EVENT" and "Swords Flood" in {ev.name, *ev.aliases}
    assert ev.confidence < 1


def test_two_dates_in_the_sentence_are_no_evidence(pipe):
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Operation Swords Flood began on October 8, a day after the October 7 attack.",
            "b": "Israel is still at war after the Oct. 7 attacks by Hamas.",
        },
    )
    assert (
        _entity_with(ents, analyses, "Oct. 7 attacks").id
        != _entity_with(ents, analyses, "Operation Swords Flood").id
    )


def test_heads_offices_and_coordinations(pipe):
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Obama named Regina Benjamin as U.S. Surgeon General on Monday.",
            "b": "The Surgeon General spoke. The Office of the Surgeon General issued a report later.",
            "c": "The Gulf of Aden is busy. Ships sailed from Aden to Mumbai.",
            "d": "Maurice Cheeks was fired. After the Blazers fired Cheeks it was only a matter of time "
            "before Philly and Cheeks hooked up again. Philly won.",
        },
    )
    sg = _entity_with(ents, analyses, "U.S. Surgeon General")
    assert _entity_with(ents, analyses, "Surgeon General").id == sg.id
    assert _entity_with(ents, analyses, "Office of the Surgeon General").id != sg.id
    assert _entity_with(ents, analyses, "Aden").id != _entity_with(ents, analyses, "Gulf of Aden").id
    d = next(a for a in analyses if a.id == "d")
    surfaces = {d.text[m.start : m.end] for m in d.mentions}
    assert "Philly and Cheeks" not in surfaces and {"Philly", "Cheeks"} <= surfaces


def test_spelled_out_prefix_and_abbreviations(pipe):
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Indian Naval Ship Sukanya, deployed on patrols, foiled an attack near Mount Cook.",
            "b": "Navy personnel aboard INS Sukanya spotted five boats. Climbers were lost on Mt Cook.",
        },
    )
    assert (
        _entity_with(ents, analyses, "INS Sukanya").id
        == _entity_with(ents, analyses, "Indian Naval Ship Sukanya").id
    )
    assert _entity_with(ents, analyses, "Mt Cook").id == _entity_with(ents, analyses, "Mount Cook").id
    assert name_key("U.S. Surgeon General") == name_key("US Surgeon General") == "us surgeon general"


def test_seed_groups_as_the_product_reads_them(pipe):
    """Through ingest (captions dropped, glued words repaired) every seed group is still one entity."""
    from newsprism.ingest import read_inputs

    arts = [a for a in read_inputs([str(SEED_000), str(SEED_004)]) if isinstance(a, Article)]
    assert len(arts) == 2
    analyses = list(pipe.run(arts, fail_fast=True))
    entities = resolve_entities(analyses)
    for group, surfaces in GROUPS.items():
        texts = {a.id: a.text for a in analyses}
        present = [s for s in surfaces if any(s in t for t in texts.values())]
        ids = {_entity_with(entities, analyses, s).id for s in present}
        assert len(ids) == 1, (group, present)
    moussavi = _entity_with(entities, analyses, "Razi Moussavi")
    assert moussavi.type == "PERSON" and "Mousavi" in moussavi.name
    sharif = _entity_with(entities, analyses, "Ramzan Sharif")
    assert not any("Zionist" in n for n in (sharif.name, *sharif.aliases)), sharif.aliases
    for e in entities:
        for name in (e.name, *e.aliases):
            assert not any(bad in name for bad in DAMAGED), name


def test_shortened_given_names_join_only_one_full_name(pipe):
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Christopher Paul scored 30 points on Monday, said the coach.",
            "b": "Chris Paul was the best player on the court, said the coach.",
            "c": "Jane Smith testified on Monday in the courthouse.",
            "d": "John Smith testified on Tuesday in the courthouse.",
            "e": "J. Smith did not testify, the clerk said.",
        },
    )
    assert (
        _entity_with(ents, analyses, "Chris Paul").id == _entity_with(ents, analyses, "Christopher Paul").id
    )
    jane, john = _entity_with(ents, analyses, "Jane Smith"), _entity_with(ents, analyses, "John Smith")
    assert jane.id != john.id
    e = next(a for a in analyses if a.id == "e")
    js = [m for m in e.mentions if e.text[m.start : m.end].endswith("Smith")]
    if js:  # an initial that could be either of two people joins neither
        owner = entity_of(ents)[("e", js[0].start, js[0].end)]
        assert owner not in (jane.id, john.id)


def test_a_lone_surname_takes_the_person_the_block_is_about(pipe):
    texts = {f"d{k}": f"Lindsay Lohan arrived in court on day {k}, and Lindsay Lohan left." for k in range(3)}
    texts["m"] = "Her mother Dina Lohan was also there."
    texts["x"] = "Lohan was sentenced to jail on Friday."
    analyses, ents = _resolve(pipe, texts)
    lindsay = _entity_with(ents, analyses, "Lindsay Lohan")
    assert _entity_with(ents, analyses, "Dina Lohan").id != lindsay.id
    x = next(a for a in analyses if a.id == "x")
    lone = next(m for m in x.mentions if x.text[m.start : m.end] == "Lohan")
    assert entity_of(ents)[("x", lone.start, lone.end)] == lindsay.id


def test_a_given_name_alone_joins_the_one_person_so_called(pipe):
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Actress Tara Reid has entered a clinic. Reid, 29, was seen in Malibu."
            " Tara was happy, said her publicist."
        },
    )
    a = analyses[0]
    tara = next(m for m in a.mentions if a.text[m.start : m.end] == "Tara")
    assert entity_of(ents)[("a", tara.start, tara.end)] == _entity_with(ents, analyses, "Tara Reid").id


def test_a_name_cut_at_its_middle_initial_is_one_mention(pipe):
    # Tokenised text (one space around every token) is where the model cuts at the initial.
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Police said Raj K . Chohan was killed in the crash .",
            "b": "The victim , Raj Chohan , was 59 . Chohan died at the scene .",
        },
    )
    a = analyses[0]
    assert any(a.text[m.start : m.end] == "Raj K . Chohan" for m in a.mentions)
    assert _entity_with(ents, analyses, "Raj K . Chohan").id == _entity_with(ents, analyses, "Raj Chohan").id


def test_a_maker_before_its_product_is_one_product_mention(nlp):
    from spacy.tokens import Span

    from newsprism.stages.mentions import find_mentions

    text = "The woman was struck by a Toyota Camry on Monday."
    doc = nlp(text)
    k = next(t.i for t in doc if t.text == "Toyota")
    doc.ents = [Span(doc, k, k + 1, "ORG"), Span(doc, k + 1, k + 2, "PRODUCT")]
    ms = find_mentions(doc, text)
    assert [(text[m.start : m.end], m.label) for m in ms] == [("Toyota Camry", "PRODUCT")]


def test_role_nouns_before_a_name_are_not_part_of_who_it_is():
    assert name_key("Sheriff Joe Arpaio", "PERSON") == name_key("Joe Arpaio", "PERSON") == "joe arpaio"
    assert name_key("Detective Jane Doe", "") == "jane doe"
    assert name_key("Sheriff", "PERSON") == "sheriff"


def test_a_given_name_alone_in_another_article_joins_the_one_person_so_called(pipe):
    texts = {f"d{k}": f"Lindsay Lohan arrived in court on day {k}, and Lindsay Lohan left." for k in range(3)}
    texts["x"] = "Her lawyer said Lindsay was doing well and would return to work."
    analyses, ents = _resolve(pipe, texts)
    x = next(a for a in analyses if a.id == "x")
    lone = [m for m in x.mentions if x.text[m.start : m.end] == "Lindsay"]
    assert lone, x.mentions
    assert (
        entity_of(ents)[("x", lone[0].start, lone[0].end)] == _entity_with(ents, analyses, "Lindsay Lohan").id
    )


def test_a_suffix_or_a_score_is_no_part_of_the_name(pipe):
    texts = {
        "a": "Arcade Joseph Comeaux Jr. escaped from a prison van in Texas on Monday.",
        "b": "Police caught Arcade Joseph Comeaux on Wednesday near Houston.",
        "c": "Creighton beat Evansville 51 - 50 on Saturday night.",
        "d": "Evansville lost again on Sunday, and Evansville fans were angry.",
    }
    analyses, ents = _resolve(pipe, texts)
    jr = _entity_with(ents, analyses, "Arcade Joseph Comeaux Jr.")
    assert _entity_with(ents, analyses, "Arcade Joseph Comeaux").id == jr.id
    by_span = entity_of(ents)
    owners = {
        by_span[(a.id, m.start, m.end)]
        for a in analyses
        if a.id in ("c", "d")
        for m in a.mentions
        if a.text[m.start : m.end].startswith("Evansville") and (a.id, m.start, m.end) in by_span
    }
    assert len(owners) == 1, owners


def test_a_name_after_a_title_is_no_given_name_of_another(pipe):
    # rd34 on FNC-1: "Mullah Omar" (Bergdahl story) joined "Omar Sanchez" (Iguala story).
    analyses, ents = _resolve(
        pipe,
        {
            "bg": "Khairkhwa held positions including interior minister and had direct ties to"
            " Mullah Omar and Osama bin Laden.",
            "ig": "A 15-year-old player on the team was killed. Omar Sanchez, one of his teammates,"
            " described the attack. The gunmen fired again, according to Sanchez.",
        },
    )
    assert _entity_with(ents, analyses, "Mullah Omar").id != _entity_with(ents, analyses, "Omar Sanchez").id


def test_an_acronym_is_spelled_out_by_a_name_of_its_type(pipe):
    # "Arabian Peninsula" (a place) also reads AP: it leaves the agency to "Associated Press".
    analyses, ents = _resolve(
        pipe,
        {
            "a": "'It's just a year deal,' Graham told The Associated Press on Wednesday. Al-Qaeda in"
            " the Arabian Peninsula has claimed the attack.",
            "b": "The girls have been married off, Shekau said in the video.\n\n[Image via AP]",
        },
    )
    assert _entity_with(ents, analyses, "AP").id == _entity_with(ents, analyses, "Associated Press").id


def test_the_words_around_a_name_overrule_the_models_type(pipe):
    # rd34 on FNC-1: the small model types "Boko Haram" PERSON and "Cameroon" ORG in most
    # articles; "Boko Haram militants", "the border with Cameroon" say what they are. Typed a
    # place, "Cameroon" no longer takes "Cameron" (the British prime minister) as a spelling.
    bh = (
        "Eight Cameroon soldiers and more than 100 Boko Haram militants were killed in fighting in the"
        " far north of Cameroon on Friday. Its fighters often cross the long and porous border with"
        " Cameroon. Some of the girls may have been carried across borders into Cameroon and Chad."
        " Boko Haram fighters attacked two villages near the border with Niger."
    )
    texts = {f"bh{k}": bh for k in range(3)}
    texts["ig"] = "Ebola patient family to stay...\n\nBritish jihadi challenges Cameron to put troops on..."
    analyses, ents = _resolve(pipe, texts)
    assert _entity_with(ents, analyses, "Boko Haram").type == "ORG"
    cameroon = _entity_with(ents, analyses, "Cameroon")
    assert cameroon.type == "GPE"
    assert cameroon.id != _entity_with(ents, analyses, "Cameron").id


def test_a_rank_before_a_name_makes_no_entity(pipe):
    # rd34 on FNC-1: "Defence Staff Air" (9 mentions) and "Air" were made of the office and the
    # rank ("Air (Chief) Marshal") written before Alex Badeh.
    analyses, ents = _resolve(
        pipe,
        {
            "a": "Chief of Defence Staff Air Marshal Alex Badeh told senior military officials from"
            " Nigeria and Cameroon meeting in Abuja that a ceasefire had been agreed.",
            "b": "Nigeria's chief of defense staff, Air Chief Marshal Alex Badeh, on Friday ordered"
            " his troops to comply.",
        },
    )
    names = {a.text[m.start : m.end] for a in analyses for m in a.mentions}
    assert not names & {"Air", "Defence Staff Air", "Defence Staff"}
    assert len({_entity_with(ents, analyses, "Alex Badeh").id}) == 1


def test_a_surname_joins_the_two_word_name_the_model_typed_org(pipe):
    # rd34 on FNC-1: "Rona Peligal" (ORG once) and "Peligal" (PERSON twice) stayed two entities.
    analyses, ents = _resolve(
        pipe,
        {
            "a": '"The government never attempted to do any kind of investigations," said Rona Peligal,'
            " Human Rights Watch deputy director for Africa.\n\nPeligal says Nigerian authorities should"
            ' have acted sooner. "It will be further politicized as we get closer to the election,"'
            " said Peligal."
        },
    )
    a = analyses[0]
    lone = [m for m in a.mentions if a.text[m.start : m.end] == "Peligal"]
    full = _entity_with(ents, analyses, "Rona Peligal")
    assert lone and all(entity_of(ents)[("a", m.start, m.end)] == full.id for m in lone)
    assert full.type == "PERSON"
