"""Times: the resolver on a table, the stage and the timeline on the seed articles, the SVG."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_000, SEED_004
from newsprism.errors import PipelineError
from newsprism.model import Analysis, Article, EntityMention, Removed, Span, TimelineEntry, from_dict, to_dict
from newsprism.pipeline import Pipeline
from newsprism.resolve.timeline import (
    build_timeline,
    embed_events,
    infer_published,
    reanchor,
    render_svg,
    same_name,
    timeline_members,
    timeline_to_json,
)
from newsprism.stages.temporal import compatible, find_times, future_context, resolve, value_range
from newsprism.stages.time_words import date_word
from newsprism.stages.times import TimeStage, dating_rule

WED = date(2023, 12, 27)


@pytest.mark.parametrize(
    ("expr", "anchor", "expected"),
    [
        ("on Monday", WED, ("2023-12-25", "day")),
        ("Monday", WED, ("2023-12-25", "day")),
        ("this Wednesday", WED, ("2023-12-27", "day")),
        ("on Wednesday", WED, ("2023-12-27", "day")),
        ("last Wednesday", WED, ("2023-12-20", "day")),
        ("next Monday", WED, ("2024-01-01", "day")),
        ("Monday’s", WED, ("2023-12-25", "day")),
        ("Oct. 7", WED, ("2023-10-07", "day")),
        ("October 7", WED, ("2023-10-07", "day")),
        ("Oct. 7", date(2024, 1, 5), ("2023-10-07", "day")),
        ("June 24", date(2010, 6, 16), ("2010-06-24", "day")),
        ("January 2020", WED, ("2020-01", "month")),
        ("January 4, 2020", WED, ("2020-01-04", "day")),
        ("4 January 2020", WED, ("2020-01-04", "day")),
        ("February 24 , 1955", WED, ("1955-02-24", "day")),
        ("2020", WED, ("2020", "year")),
        ("in 2020", WED, ("2020", "year")),
        ("yesterday", WED, ("2023-12-26", "day")),
        ("today", WED, ("2023-12-27", "day")),
        ("two days ago", WED, ("2023-12-25", "day")),
        ("last week", WED, ("2023-W51", "week")),
        ("last month", WED, ("2023-11", "month")),
        ("last year", WED, ("2022", "year")),
        ("the October attack", WED, ("2023-10", "month")),
        ("recently", WED, (None, "vague")),
        ("in recent years", WED, (None, "vague")),
        ("days after", WED, (None, "vague")),
        ("three years", WED, (None, "vague")),
        ("a few days ago", WED, (None, "vague")),
        ("less than two weeks ago", date(2010, 6, 16), (None, "vague")),
        ("over a year ago", WED, (None, "vague")),
        ("two weeks ago", date(2010, 6, 16), ("2010-W22", "week")),
    ],
)
def test_resolve_table(expr: str, anchor: date, expected: tuple[str | None, str]) -> None:
    assert resolve(expr, anchor) == expected


def test_without_anchor_relative_stays_unresolved_absolute_resolves() -> None:
    assert resolve("this Wednesday", None) == (None, "day")
    assert resolve("last week", None) == (None, "week")
    assert resolve("January 4, 2020", None) == ("2020-01-04", "day")
    assert resolve("January 2020", None) == ("2020-01", "month")


def test_future_sentence_turns_weekday_forward() -> None:
    assert resolve("on Monday", WED, direction=1) == ("2024-01-01", "day")


def test_find_times_skips_modal_may_and_outlet_names() -> None:
    text = "He may go. In May 2019 they met. The Daily Caller reported it on Monday."
    found = [text[s:e] for s, e in find_times(text)]
    assert found == ["May 2019", "on Monday"]


def test_value_ranges_and_compatibility() -> None:
    assert value_range("2023-W51") == (date(2023, 12, 18), date(2023, 12, 24))
    assert value_range("2020-02") == (date(2020, 2, 1), date(2020, 2, 29))
    assert compatible("2020-01", "2020-01-04") and compatible("2020", "2020-01-04")
    assert not compatible("2020-01-03", "2020-01-04")


def test_same_name() -> None:
    assert same_name("Mousavi", "Seyyed Razi Mousavi")
    assert same_name("Razi Moussavi", "Seyyed Razi Mousavi")
    assert same_name("IRGC", "Islamic Revolutionary Guard Corp")
    assert not same_name("Israel", "Israeli")
    assert not same_name("Hamas", "IRGC")


# --------------------------------------------------------------------------- seeds


def _seed_000(keep_embed: bool = True) -> Article:
    text = SEED_000.read_text(encoding="utf-8").split("\n", 1)[1]
    if not keep_embed:
        text = "\n".join(p for p in text.split("\n") if "(@DailyCaller)" not in p)
    return Article(id="000", text=text, published=WED, author="Jake Smith", outlet="Daily Caller")


def _seed_004() -> Article:
    text = SEED_004.read_text(encoding="utf-8").split("\n", 1)[1]
    # what the ingest helper repairs
    text = text.replace("Soleimaniin a", "Soleimani in a").replace("Moussavia senior", "Moussavi a senior")
    return Article(id="004", text=text, outlet="Infobae")


@pytest.fixture(scope="module")
def seeds() -> tuple[Analysis, Analysis]:
    p = Pipeline.from_names(["parse", "times"])
    a0, a4 = p.run([_seed_000(), _seed_004()])
    return a0, a4


@pytest.fixture(scope="module")
def timeline(seeds: tuple[Analysis, Analysis]) -> tuple[list[TimelineEntry], Analysis]:
    a0, a4 = seeds
    inferred = infer_published(a4, [a0])
    assert inferred is not None
    a4 = reanchor(a4, inferred[0])
    return build_timeline([a0, a4]), a4


def test_seed_000_times(seeds: tuple[Analysis, Analysis]) -> None:
    a0, _ = seeds
    got = {(a0.text[t.start:t.end], t.value, t.precision) for t in a0.times}
    assert ("on Monday", "2023-12-25", "day") in got
    assert ("on Wednesday", "2023-12-27", "day") in got
    assert ("Oct. 7", "2023-10-07", "day") in got
    assert ("January 2020", "2020-01", "month") in got
    assert ("2020", "2020", "year") in got


def test_seed_004_undated_keeps_relative_unresolved(seeds: tuple[Analysis, Analysis]) -> None:
    _, a4 = seeds
    by_text = {a4.text[t.start:t.end]: t for t in a4.times}
    assert by_text["this Wednesday"].value is None and not by_text["this Wednesday"].anchored
    assert by_text["January 4, 2020"].value == "2020-01-04" and by_text["January 4, 2020"].anchored


def test_every_span_slices(seeds: tuple[Analysis, Analysis]) -> None:
    for a in seeds:
        assert a.times and a.events
        for t in a.times:
            assert 0 <= t.start < t.end <= len(a.text) and t.stage == TimeStage().tag
            assert a.text[t.start:t.end].strip() == a.text[t.start:t.end]
        for ev in a.events:
            assert ev.stage == TimeStage().tag and 0 < ev.confidence <= 1
            # a word (one split at its hyphen is one: "Pre-orders"), or a noun with the compound before it
            # ("court case")
            assert all(w.replace("-", "").isalpha() for w in a.text[ev.start:ev.end].split(" ", 1))
            assert ev.sentence is not None and ev.sentence.start <= ev.start < ev.sentence.end
            for p in ev.participants:
                assert 0 <= p.start < p.end <= len(a.text)


def test_events_dated_on_seed_000(seeds: tuple[Analysis, Analysis]) -> None:
    a0, _ = seeds
    evs = {(a0.text[e.start:e.end], e.label, e.date) for e in a0.events}
    assert ("killed", "killing", "2023-12-25") in evs  # Mousavi, "on Monday"
    assert ("killed", "killing", "2020-01") in evs  # Soleimani, "in January 2020"
    assert ("attacks", "attack", "2023-10-07") in evs
    assert ("claimed", "statement", "2023-12-27") in evs
    mousavi = next(e for e in a0.events if e.label == "killing" and e.date == "2023-12-25")
    assert "Mousavi" in mousavi.description


def test_a_known_happening_named_by_a_noun_keeps_its_own_date(seeds: tuple[Analysis, Analysis]) -> None:
    # "Iran claimed on Wednesday that ... revenge for the killing of Soleimani": the killing is the
    # one of January 2020 the article tells, not Wednesday's; "Soleimani's death" is not the
    # publication day; "Mousavi's death" is Monday's killing
    a0, _ = seeds

    def at(phrase: str, word: str) -> str | None:
        i = a0.text.index(phrase) + phrase.index(word)
        [ev] = [e for e in a0.events if e.start == i]
        return ev.date

    assert at("for the killing of Soleimani", "killing") == "2020-01"
    assert at("revenge for Soleimani’s death", "death") == "2020-01"
    assert at("respond to Mousavi’s death", "death") == "2023-12-25"
    assert at("Prior to his death", "death") == "2020-01"
    # and the rule is the one the word-dating of the evaluation reads back
    i = a0.text.index("for the killing of Soleimani") + 8
    assert date_word(a0, i) == ("2020-01", "month", "coreference")


def test_damaged_words_make_no_participants() -> None:
    raw = SEED_004.read_text(encoding="utf-8").split("\n", 1)[1]
    [a] = Pipeline.from_names(["parse", "times"]).run([Article(id="raw", text=raw)])
    names = {a.text[p.start:p.end] for ev in a.events for p in ev.participants}
    assert names and not any(n.endswith(("Soleimaniin", "Moussavia")) for n in names)


def test_a_participle_clause_tells_of_its_clause_subject() -> None:
    # FNC-1 body 273: "Born in 1971, al-Baghdadi comes from ..." was a timeline entry "1971 bear"
    # (no victim found, the lemma shown); the clause's subject is the one born, and a happening
    # with no victim is shown by its word in the text, not its lemma.
    text = ("Born in 1971, al-Baghdadi comes from an Iraqi family of preachers. "
            "Captured on a helmet camera, the video shows the Marines. "
            "The suspect, who was reportedly born in 1982, has a long criminal past. "
            "They set up a memorial fund for a photographer who was killed in Libya in 2011.")
    [a] = Pipeline.from_names(["parse", "mentions", "times"]).run([Article(id="p", text=text, published=WED)])
    by_word = {a.text[e.start:e.end]: e for e in a.events}
    born = by_word["Born"]
    assert born.description == "al-Baghdadi born"
    assert [a.text[p.start:p.end] for p in born.participants] == ["al-Baghdadi"]
    assert "video" not in by_word["Captured"].description  # a thing is no victim
    # one a relative "who" stands for is the one born or killed, by its noun when it has no name
    assert by_word["born"].description == "suspect born"
    # a victim is a person or a group, not the place named beside it (was "Libya killed")
    assert by_word["killed"].description == "photographer killed"


def test_infer_published_for_004(seeds: tuple[Analysis, Analysis]) -> None:
    a0, a4 = seeds
    got = infer_published(a4, [a0])
    assert got is not None and got[0] == WED and 0 < got[1] <= 1
    assert infer_published(a4, []) is None


def test_reanchor_equals_running_dated(seeds: tuple[Analysis, Analysis]) -> None:
    _, a4 = seeds
    [dated] = Pipeline.from_names(["parse", "times"]).run([dataclasses.replace(_seed_004(), published=WED)])
    re = reanchor(a4, WED)
    assert re.article.published == WED
    assert re.times == dated.times
    assert re.events == dated.events


def _entry(entries: list[TimelineEntry], value: str, label: str, word: str) -> TimelineEntry:
    hits = [e for e in entries if e.date.startswith(value) and any(m.label == label for m in e.mentions)
            and word.lower() in (e.description + " ".join(e.entities)).lower()]
    assert hits, f"no {label} entry on {value} about {word}: {[(e.date, e.description) for e in entries]}"
    return hits[0]


def test_seed_timeline_targets(timeline: tuple[list[TimelineEntry], Analysis]) -> None:
    entries, _ = timeline
    soleimani = _entry(entries, "2020-01", "killing", "Soleimani")
    assert soleimani.date == "2020-01-04" and soleimani.precision == "day" and not soleimani.conflicts
    assert {m.article for m in soleimani.mentions} == {"000", "004"}
    assert len([e for e in entries if e.date.startswith("2020") and "Soleimani killed" in e.description]) == 1
    trump = _entry(entries, "2020-02-29", "remark", "Trump")
    assert trump.precision == "day"
    attacks = _entry(entries, "2023-10-07", "attack", "Hamas")
    assert {m.article for m in attacks.mentions} == {"000", "004"}
    mousavi = _entry(entries, "2023-12-25", "killing", "Mousavi")
    assert {m.article for m in mousavi.mentions} == {"000", "004"}
    irgc = _entry(entries, "2023-12-27", "statement", "IRGC")
    assert {m.article for m in irgc.mentions} == {"000", "004"}
    denial = _entry(entries, "2023-12-27", "denial", "Hamas")
    assert {m.article for m in denial.mentions} == {"000", "004"}
    dates = [value_range(e.date)[0] for e in entries]
    assert dates == sorted(dates)


def test_seed_timeline_has_no_statement_of_a_name_not_its_doer(
        timeline: tuple[list[TimelineEntry], Analysis]) -> None:
    # On the day of the reports a saying starts an entry for its doer; a name quoted in it ("The
    # murder of martyr Moussavi ...", he stressed), the outlet it is reported by ("as reported by
    # the Palestinian news agency Maan") and a then-holder ("Then-US President Donald Trump") are
    # not doers: a dead man's statement, Maan's, or Trump's in December 2023 would be noise.
    entries, _ = timeline
    day = [e.description for e in entries if e.date == "2023-12-27"]
    assert day and not [d for d in day if any(n in d for n in ("Moussavi", "Mousavi", "Maan", "Trump"))], day


def test_timeline_mentions_slice_and_json(seeds: tuple[Analysis, Analysis],
                                          timeline: tuple[list[TimelineEntry], Analysis]) -> None:
    entries, a4 = timeline
    texts = {"000": seeds[0].text, "004": a4.text}
    data = timeline_to_json(entries, texts)
    assert len(data) == len(entries)
    for row in data:
        assert set(row) >= {"date", "precision", "description", "entities", "mentions"}
        for m in row["mentions"]:
            assert m["text"] == texts[m["article"]][m["start"]:m["end"]] and m["text"]


def test_conflicting_days_are_recorded() -> None:
    base = Pipeline.from_names(["parse", "times"])
    a, b = base.run([
        Article(id="a", text="Qasem Soleimani was killed on January 3, 2020 in Baghdad.", published=WED),
        Article(id="b", text="Qasem Soleimani was killed on January 4, 2020 in Baghdad.", published=WED),
    ])
    entries = build_timeline([a, b])
    killing = [e for e in entries if "Soleimani" in e.description]
    assert len(killing) == 1
    assert (killing[0].conflicts and "2020-01-03" in killing[0].conflicts[0]
            and "2020-01-04" in killing[0].conflicts[0])


def test_batch_equals_one_by_one() -> None:
    arts = [_seed_000(), _seed_004()]
    p = Pipeline.from_names(["parse", "times"])
    batch = list(p.run(arts))
    single = [next(iter(p.run([x]))) for x in arts]
    assert [(x.times, x.events) for x in batch] == [(x.times, x.events) for x in single]


def test_round_trip(seeds: tuple[Analysis, Analysis]) -> None:
    a0, _ = seeds
    back = from_dict(to_dict(a0))
    assert back.times == a0.times and back.events == a0.events


def test_empty_and_missing_parse() -> None:
    [a] = Pipeline.from_names(["parse", "times"]).run([Article(id="e", text="", published=WED)])
    assert a.times == () and a.events == ()
    with pytest.raises(PipelineError):
        TimeStage()(Analysis(article=Article(id="x", text="On Monday.")))


def test_embed_events() -> None:
    art = Article(id="000", text="x", removed=(Removed(kind="embed", text=(
        "President Trump talks about taking out terrorist Qassem Soleimani. He tells the story. "
        "#CPAC pic.twitter.com/Ly2WL0XtmI — Daily Caller (@DailyCaller) February 29, 2020")),
        Removed(kind="caption", text="A photo (Reuters) February 1, 2020")))
    assert embed_events(art) == [("2020-02-29", "day",
                                  "President Trump talks about taking out terrorist Qassem Soleimani.")]


def test_svg_is_well_formed_and_escaped() -> None:
    entries = [
        TimelineEntry(date="2020-01-04", precision="day",
                      description="Soleimani killed <script>alert(1)</script>",
                      mentions=(EntityMention(article="a", start=0, end=3),)),
        TimelineEntry(date="2020-01", precision="month", description="A & B"),
        TimelineEntry(date="2023-10-07", precision="day", description="attack", conflicts=("a says x",)),
        TimelineEntry(date="2023-12-25", precision="day", description="Mousavi killed in a long description"),
        TimelineEntry(date="2023-12-27", precision="day", description="IRGC statement, also long enough"),
        TimelineEntry(date="2023-12-27", precision="day", description="Hamas denial"),
    ]
    svg = render_svg(entries, width=700)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert "href" not in svg
    texts = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text and t.text[:4].isdigit()]
    assert len(texts) == len(entries)
    # labels on one row never overlap (estimated width per character as in the renderer)
    boxes = [(float(t.get("x", 0)), float(t.get("y", 0)), len(t.text or "") * 6.2) for t in texts]
    for i, (x1, y1, w1) in enumerate(boxes):
        for x2, y2, w2 in boxes[i + 1:]:
            if y1 == y2:
                assert x1 + w1 <= x2 or x2 + w2 <= x1
    ET.fromstring(render_svg([]))


# --------------------------------------------------------------------------- dating any word


def _parsed(text: str, published: date | None = date(2010, 6, 8)) -> Analysis:
    from newsprism.stages.parse import ParseStage

    return TimeStage()(ParseStage()(Analysis(article=Article(id="w", text=text, published=published))))


def _word(a: Analysis, word: str) -> tuple[str | None, str, str]:
    return date_word(a, a.text.index(word))


def _events_by_word(a: Analysis) -> dict[str, tuple[str, str | None, str]]:
    """The events of ``a`` by their words: label, date and the rule that dated it."""
    return {a.text[e.start:e.end]: (e.label, e.date, dating_rule(e)) for e in a.events}


def test_title_run_into_the_lead_keeps_the_lead_date() -> None:
    # no full stop ends the title: the parser runs it into the lead, which must not cost "Yesterday"
    a = _parsed("Apple unveils iPhone 4 at WWDC 2010\n\nJune 8, 2010\n\nYesterday, at this year's "
                "conference, company CEO Steve Jobs unveiled iPhone 4.")
    assert _word(a, "unveiled")[:2] == ("2010-06-07", "day")


def test_expression_modifying_a_noun_dates_only_that_noun() -> None:
    a = _parsed("Apple Corps argued that the store was a breach of the 1991 settlement between the two.")
    assert _word(a, "settlement")[:2] == ("1991", "year")
    assert _word(a, "argued")[0] != "1991"


def test_tense_decides_without_an_expression() -> None:
    a = _parsed("The store sells music. The iPhone 3G will be discontinued. Apple released the kit.")
    assert _word(a, "sells") == ("2010-06-08", "day", "document")
    assert _word(a, "discontinued") == (None, "vague", "none")
    # a simple past in a report naming no day near publication: only the month is known
    assert _word(a, "released") == ("2010-06", "month", "recent")
    today = _parsed("Apple released the kit. Developers got it today.")
    assert _word(today, "released") == ("2010-06-08", "day", "document")
    perfect = _parsed("The store has begun to sell films.")
    assert _word(perfect, "sell") == ("2010-06-08", "day", "document")  # the report's now
    undated = _parsed("The store sells music.", published=None)
    assert _word(undated, "sells") == (None, "vague", "none")


def test_curly_contractions_read_as_straight_ones() -> None:
    # the lemmatizer leaves a curly "’ve" as it is: "we’ve seen" is a perfect as "we've seen" is
    from newsprism.nlp import load_nlp
    from newsprism.stages.time_anchor import tense

    nlp = load_nlp()
    for text, word, want in (("Analysts say we've seen the results.", "seen", "perfect"),
                             ("Jobs said he'd planned the show.", "planned", "past"),
                             ("They've launched the phone.", "launched", "perfect")):
        straight, curly = nlp(text), nlp(text.replace("'", "’"))
        got = [tense(next(t for t in d if t.text == word)) for d in (straight, curly)]
        assert got == [want, want], text
    text = "Analysts say we've seen the results. They've launched the phone."
    straight, curly = _parsed(text), _parsed(text.replace("'", "’"))
    for word in ("seen", "launched"):
        assert _word(curly, word) == _word(straight, word)


def test_past_follows_the_day_the_lead_names() -> None:
    a = _parsed("Apple launches 3G iPhone\n\nApple unveiled a new iPhone on Monday, the company said.\n\n"
                "Jobs praised the device and showed its new camera.")
    assert _word(a, "praised") == ("2010-06-07", "day", "lead")
    assert _word(a, "showed")[:2] == ("2010-06-07", "day")


def test_tense_and_paragraph_helpers() -> None:
    from newsprism.nlp import load_nlp
    from newsprism.stages.time_anchor import paragraph_ids, tense

    doc = load_nlp()("He has sued them.\n\nShe will sue. They sued. To sue is hard.")
    by = {t.text: t for t in doc}
    assert tense(by["has"].head) == "perfect"
    assert tense(by["will"].head) == "future"
    assert tense(doc[[t.i for t in doc if t.text == "sued"][-1]]) == "past"
    assert tense(by["sue"]) in ("infinitive", "future")
    purpose = {t.text: t for t in load_nlp()("Jobs then moved on to talk about podcasts. He returned to the "
                                             "stage to reveal iCloud. He decided to sell the firm.")}
    assert tense(purpose["talk"]) == "past" and tense(purpose["reveal"]) == "past"
    assert tense(purpose["sell"]) == "infinitive"  # a decision, not the selling
    para = paragraph_ids(doc)
    assert para[0] == 0 and para[by["She"].i] == 1


def test_coreferent_mention_lends_its_date() -> None:
    from newsprism.stages.time_words import EventIndex

    first = _parsed("Yesterday, Apple CEO Steve Jobs unveiled iPhone 4 in San Francisco.")
    later = _parsed("When Steve Jobs first introduced iPhone 4, he praised its antenna.",
                    published=date(2010, 8, 9))
    index = EventIndex([first, later])
    start = later.text.index("introduced")
    assert date_word(later, start, index) == ("2010-06-07", "day", "coreference")
    assert date_word(later, start)[2] != "coreference"
    # the clause the "when" clause places has its date, not the day its tense would give
    praised = later.text.index("praised")
    assert date_word(later, praised, index) == ("2010-06-07", "day", "coreference")
    assert date_word(later, praised)[:2] == ("2010-08", "month")


def test_coreferent_mention_refines_a_coarse_date() -> None:
    from newsprism.stages.time_words import EventIndex

    precise = _parsed("Apple opened its doors and launched the iTunes Music Store on April 28, 2003.")
    coarse = _parsed("Apple Computer was started in 1976, and launched the iTunes Music Store in 2003.")
    start = coarse.text.index("launched")
    assert date_word(coarse, start)[:2] == ("2003", "year")
    assert date_word(coarse, start, EventIndex([precise, coarse])) == ("2003-04-28", "day", "coreference")


def test_stage_events_are_dated_by_the_rule_the_eval_scores() -> None:
    text = ("Apple launches 3G iPhone\n\nApple unveiled a new iPhone on Monday, the company said.\n\n"
            "Jobs said the phone was fast. The company will release the kit.")
    a = _parsed(text)
    by = {a.text[e.start:e.end]: e for e in a.events}
    # the second "said" is past and after the lead: the lead's day, as date_word gives it
    second = [e for e in a.events if a.text[e.start:e.end] == "said"][-1]
    assert (second.date, dating_rule(second)) == ("2010-06-07", "lead")
    assert date_word(a, second.start) == ("2010-06-07", "day", "lead")
    assert by["release"].date is None and dating_rule(by["release"]) == "supposed"
    # undated, then dated later: the lead's day follows the new date (no re-parse)
    undated = _parsed(text, published=None)
    assert [e.date for e in undated.events if a.text[e.start:e.end] == "said"][-1] is None
    re = reanchor(undated, date(2010, 6, 8))
    assert re.events == a.events


def test_a_killing_dated_by_tense_joins_an_entry_but_starts_none() -> None:
    dated = _parsed("Qasem Soleimani was killed in a US airstrike on January 3, 2020.",
                    published=date(2023, 12, 27))
    later = _parsed("Iran said today the attacks were revenge. Hamas leaders mourned. Soleimani was killed.",
                    published=date(2023, 12, 27))
    killed = [e for e in later.events if e.label == "killing"]
    assert killed and all(e.date == "2023-12-27" for e in killed)  # by its past tense
    alone = build_timeline([later])
    assert not [e for e in alone if any(m.label == "killing" for m in e.mentions)]
    both = build_timeline([dated, later])
    [soleimani] = [e for e in both if any(m.label == "killing" for m in e.mentions)]
    assert soleimani.date == "2020-01-03" and not soleimani.conflicts
    assert {m.article for m in soleimani.mentions} == {"w"} and len(soleimani.mentions) == 2


def test_a_named_doer_on_the_leads_day_starts_one_entry_per_doer() -> None:
    lead = ("Steve Jobs opened the developers conference in San Francisco on Monday. Apple CEO Steve Jobs "
            "announced a new phone. He also showed off its video calling. The Guardian reported that buyers "
            "queued. Sales rose.")
    a = _parsed(lead)
    told = [e for e in a.events if dating_rule(e) == "lead"]
    assert {a.text[e.start:e.end] for e in told} >= {"announced", "showed", "reported"}
    entries = build_timeline([a])
    # "announced" and "showed off" by Jobs on Monday are one point; the outlet's report and the
    # doerless "Sales rose" start none
    [jobs] = [e for e in entries if any(a.text[m.start:m.end].endswith("announced") for m in e.mentions)]
    assert jobs.date == "2010-06-07" and jobs.precision == "day"
    assert {a.text[m.start:m.end] for m in jobs.mentions} == {"Apple CEO Steve Jobs announced", "showed"}
    shown = {a.text[m.start:m.end] for e in entries for m in e.mentions}
    assert not any("reported" in t or "Sales" in t for t in shown)
    # with no day named, "X said" dated by the publication day alone is no point on a timeline
    plain = _parsed("Apple CEO Steve Jobs announced a new phone. He also showed off its video calling.")
    assert all(dating_rule(e) != "lead" for e in plain.events)
    assert not build_timeline([plain])
    # a then-holder's saying is the story's past, not the lead's day
    past = _parsed("Iran's Revolutionary Guard held a funeral in Tehran on Monday. Then-US President Donald "
                   "Trump claimed to have ordered the strike.")
    assert any(past.text[e.start:e.end] == "claimed" and dating_rule(e) == "lead" for e in past.events)
    assert not [e for e in build_timeline([past]) if "Trump" in e.description]


def test_an_occasion_dates_its_clause_and_a_report_does_not_date_its_saying() -> None:
    a = _parsed("In a July 16 press conference, Jobs said that buyers would get a free case.",
                published=date(2010, 8, 9))
    assert _word(a, "said")[:2] == ("2010-07-16", "day")
    b = _parsed("Apple held its conference today. Jobs said that his company sold 13.7 million Macs last "
                "year.")
    assert _word(b, "said")[0] != "2009"
    assert _word(b, "sold")[:2] == ("2009", "year")


def test_later_counts_from_the_last_named_time() -> None:
    text = "Jobs introduced the Macintosh in 1984. One year later he was fired from the company."
    a = _parsed(text, published=date(2011, 10, 6))
    later = [t for t in a.times if a.text[t.start:t.end].startswith("One year")]
    assert later and later[0].value == "1985" and later[0].precision == "year"
    assert _word(a, "fired")[:2] == ("1985", "year")
    undated = _parsed(text, published=None)
    assert reanchor(undated, date(2011, 10, 6)).times == a.times


def test_an_earlier_or_later_step_of_a_story_is_not_dated_by_its_neighbour() -> None:
    a = _parsed("Apple Corps has twice before sued Apple Computer.")
    assert _word(a, "sued") == (None, "vague", "none")
    b = _parsed("He took six months off in early 2009, later revealing that he had a transplant.")
    assert _word(b, "took")[:2] == ("2009", "year")
    assert _word(b, "revealing") == (None, "vague", "none")


def test_a_possessed_happening_refers_back_to_its_kind() -> None:
    from newsprism.stages.time_words import EventIndex

    a = _parsed("Apple launched the iTunes Music Store on April 28, 2003.\n\n"
                "Since its launch the store has sold more than 3 billion songs.", published=date(2008, 1, 9))
    start = a.text.index("launch the store")
    assert date_word(a, start, EventIndex([a])) == ("2003-04-28", "day", "coreference")


def test_its_happening_is_the_one_of_the_thing_it_stands_for() -> None:
    from newsprism.stages.time_words import EventIndex

    a = _parsed("Apple launched the iTunes Music Store on April 28, 2003.", published=date(2008, 1, 9))
    b = _parsed("The firm said more than 4 billion songs had been downloaded from the iTunes store since its "
                "launch in 2003.", published=date(2008, 4, 9))
    start = b.text.index("launch in")
    # "its" is the iTunes store; "the iTunes store" is the "iTunes Music Store" the other report dates
    assert date_word(b, start, EventIndex([a, b])) == ("2003-04-28", "day", "coreference")
    assert date_word(b, start)[:2] == ("2003", "year")


def test_a_bound_is_no_time_and_an_apposition_names_the_thing() -> None:
    from newsprism.stages.time_words import EventIndex

    first = _parsed("Yesterday, Apple CEO Steve Jobs unveiled iPhone 4 in San Francisco.")
    old = _parsed("Apple CEO Steve Jobs introduced the iPhone on January 9, 2007.",
                  published=date(2007, 1, 10))
    later = _parsed("The newest iPhone, iPhone 4 was introduced by Jobs at the conference less than two "
                    "weeks ago.",
                    published=date(2010, 6, 16))
    start = later.text.index("introduced")
    # "less than two weeks ago" names no week; "iPhone 4", not "the newest iPhone", is what was introduced
    assert date_word(later, start, EventIndex([first, old, later])) == ("2010-06-07", "day", "coreference")


def test_a_reported_past_is_not_the_day_it_was_said() -> None:
    a = _parsed("Apple held a press event today. Jobs admitted that calls dropped more often on the new "
                "phone. He acknowledged that some users had problems, but dismissed the reports.")
    assert _word(a, "dropped") == (None, "vague", "none")
    assert _word(a, "admitted")[:2] == ("2010-06-08", "day")
    # a verb joined without a subject of its own may be the sayer's: it keeps its tense's day
    assert _word(a, "dismissed")[:2] == ("2010-06-08", "day")
    assert _word(a, "had") == (None, "vague", "none")


def test_a_perfect_since_a_happening_starts_with_it() -> None:
    from newsprism.stages.time_words import EventIndex

    a = _parsed("Apple launched the iTunes Music Store on April 28, 2003.\n\n"
                "Since its launch the store has sold more than 3 billion songs.", published=date(2008, 1, 9))
    sold = a.text.index("sold")
    assert date_word(a, sold, EventIndex([a]))[:2] == ("2003-04-28", "day")
    # the stage applies the rule inside the article to its own trigger ("sold": a sale)
    [ev] = [e for e in a.events if e.start == sold]
    assert (ev.date, dating_rule(ev)) == ("2003-04-28", "coreferent") and date_word(a, sold)[:2] == (
        "2003-04-28", "day")
    # without a telling of the launch, the perfect keeps the report's now
    alone = _parsed("Since its launch the store has sold more than 3 billion songs.",
                    published=date(2008, 1, 9))
    assert date_word(alone, alone.text.index("sold"), EventIndex([alone]))[:2] == ("2008-01-09", "day")
    # a word the stage took as no event gets the rule from the word rule ("grown": no trigger)
    g = _parsed("Apple launched the iTunes Music Store on April 28, 2003.\n\n"
                "Since its launch the store has grown more than tenfold.", published=date(2008, 1, 9))
    assert date_word(g, g.text.index("grown"), EventIndex([g])) == ("2003-04-28", "day", "since")
    # a "since" of reason is no starting point
    b = _parsed("Since it sells well, the store has added more songs.", published=date(2008, 1, 9))
    assert _word(b, "added")[2] != "since"
    # a present is now (the "since" bounds a comparison); a negated perfect places no happening
    c = _parsed("Libya is witnessing its worst violence since the dictator was toppled in 2011.\n\n"
                "Clinton has not mentioned Machado since the debate on Monday.", published=date(2016, 9, 30))
    assert _word(c, "witnessing")[2] != "since"
    assert _word(c, "mentioned")[2] != "since"


def test_a_future_without_its_own_time_is_at_the_last_future_one() -> None:
    a = _parsed("Yesterday, Jobs unveiled iPhone 4.\n\niPhone 4 will be available on June 24 in five "
                "countries.\n\nIt comes in two colors.\n\nThe iPhone 3GS's price will be reduced to US $99, "
                "and the iPhone 3G will be discontinued.")
    assert _word(a, "discontinued") == ("2010-06-24", "day", "continuity")
    assert _word(a, "comes")[:2] == ("2010-06-08", "day")
    # the stage dates its own future triggers so; undated, then dated later, it gets the same
    text = ("Apple launches iPhone 4\n\nYesterday, Jobs unveiled iPhone 4.\n\n"
            "Apple will ship the phone on June 10, 2010.\n\nThe company will release the kit to developers.")
    dated = _parsed(text)
    release = next(e for e in dated.events if dated.text[e.start:e.end] == "release")
    assert (release.date, release.precision) == ("2010-06-10", "day")
    assert date_word(dated, release.start) == ("2010-06-10", "day", "continuity")
    assert reanchor(_parsed(text, published=None), date(2010, 6, 8)).events == dated.events
    # a reference time already past at publication is none
    assert _parsed(text, published=date(2010, 6, 12)).events[-1].date is None
    # a past time named last ends the future's reference time
    b = _parsed("iPhone 4 will be available on June 24.\n\nIn April, Gizmodo obtained a prototype.\n\n"
                "The iPhone 3G will be discontinued.")
    assert _word(b, "discontinued") == (None, "vague", "none")
    # quoted, a future is the speaker's and keeps no date
    c = _parsed("iPhone 4 will be available on June 24.\n\n\"We will sell millions,\" Jobs said.")
    assert _word(c, "sell") == (None, "vague", "none")
    # a future someone is said to predict is theirs; a negated one places no happening
    d = _parsed("iPhone 4 will be available on June 24.\n\nAnalysts predicted that sales will grow.\n\n"
                "The iPhone 3G will not be sold in Japan.")
    assert _word(d, "grow") == (None, "vague", "none")
    assert _word(d, "sold") == (None, "vague", "none")


def test_a_present_arrangement_is_not_dated_by_the_day_arranged() -> None:
    a = _parsed("It is slated for a U.S. release on June 24, starting at US $199.",
                published=date(2010, 6, 16))
    assert _word(a, "slated") == ("2010-06-16", "day", "document")
    assert _word(a, "release")[:2] == ("2010-06-24", "day")


# Words the patterns are made of, joined at random: the fast finder must give what finditer gives.
_TIME_WORDS = (
    "Monday", "Tuesday", "Wed", "Wednesday", "Mon,", "Jan", "Jan.", "January", "JANUARY", "Sept.", "Sep",
    "May", "June", "Dec", "7", "07", "5th", "1st", "31", "2020", "1999", "2019-12-31", "early", "mid",
    "late", "mid-", "the", "end", "of", "beginning", "start", "middle", "last", "next", "this", "past",
    "coming", "on", "in", "In", "since", "by", "yesterday", "today", "tonight", "tomorrow", "morning",
    "night", "evening", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
    "hours", "ago", "later", "earlier", "after", "before", "a", "an", "one", "two", "few", "several",
    "recent", "recently", "soon", "currently", "nowadays", "time", "these", "future", "less", "than",
    "over", "every", "daily", "weekly", "annually", "spring", "summer", "fall", "quarter", "half", "first",
    "'s", "’s", "long", "old", "s", "1990s", "The", ",", ".", "-", ";", "\"", "(", "\n", "\t", "İ", "ı",
    "ſ", "K", "humid", "blast",
)


def _finder_agrees(text: str) -> None:
    from newsprism.stages.temporal import _COMPILED, _Scanner

    scan = _Scanner(text)
    for name, rx, _ in _COMPILED:
        want = [(m.span(), m.groups()) for m in rx.finditer(text)]
        assert [(m.span(), m.groups()) for m in scan.finditer(name, rx)] == want, (name, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TIME_WORDS),
                          st.sampled_from([" ", "", "  ", "\n", ", ", "-", " - "])),
                max_size=20))
def test_fast_finder_is_finditer_on_time_words(words: list[tuple[str, str]]) -> None:
    _finder_agrees("".join(w + sep for w, sep in words))


def test_fast_finder_is_finditer_on_the_seeds_and_edge_cases() -> None:
    for text in (SEED_000.read_text(encoding="utf-8"), SEED_004.read_text(encoding="utf-8"),
                 "Wednesday , the middle of January 5, 2020", "pyramid January 5, 2020 and blast Monday",
                 "Sun,  the 3rd of\nMAY , 2021", "  summer of 2019", "the first half of 2019", "mid-December",
                 "less than a few weeks ago, over ten years ago", "in the 1990s", "since 1987, by 2021",
                 "the day before yesterday", "a ſoon weeK İn the paſt", "20201999 2019-12-310",
                 "mid - - - - - - - January 5, 2020 and early - - - - - - 2019", "two - - - days"):
        _finder_agrees(text)


def test_fold_keeps_length_and_folds_what_the_regex_engine_folds() -> None:
    import re

    from newsprism.stages.temporal import _fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = _fold(every)
    assert len(folded) == len(every)
    for c in set(re.findall(r"(?i)[a-z]", every)):
        i = ord(c) if ord(c) < 0xD800 else ord(c) - 0x800
        assert re.fullmatch("(?i)" + folded[i], c) and folded[i] in "abcdefghijklmnopqrstuvwxyz", c


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TIME_WORDS),
                          st.sampled_from([" ", "", "  ", "\n", ", ", "-", " - ", "--"])),
                max_size=20), st.integers(min_value=1, max_value=6))
def test_the_window_read_back_from_a_key_is_the_chunk_count(words: list[tuple[str, str]], reach: int) -> None:
    # the window a key at q opens: the end of the chunk `reach` chunks before the one holding q, read
    # off a list of every chunk of the text (the definition) and back from q (what the scanner does)
    from bisect import bisect_right

    from newsprism.stages.temporal import _CHUNK_RX, _Scanner

    text = "".join(w + sep for w, sep in words)
    chunks = [m.span() for m in _CHUNK_RX.finditer(text)]
    starts, ends = [s for s, _ in chunks], [e for _, e in chunks]
    scan = _Scanner(text)
    for q, c in enumerate(text):
        if c.isspace() or c == "-":
            continue  # no key starts at a separator
        k = bisect_right(starts, q) - 1 - reach
        assert scan.window(q, reach) == (ends[k - 1] if k >= 1 else 0), (text, q, reach)


def test_the_quick_fold_finds_the_keys_where_the_exact_fold_does() -> None:
    # _fold lowercases with str.lower (quick) where the regex engine's fold would touch only the
    # letters it folds to ASCII (str.translate, slow): the keys searched in it are ASCII words and
    # digits, so every character must come out the same ASCII letter or digit, or neither, in both
    import re

    from newsprism.stages.temporal import _FOLD, _fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    quick, exact = _fold(every), every.translate(_FOLD)
    assert len(quick) == len(exact) == len(every)
    odd = [(a, b) for a, b in zip(quick, exact, strict=True) if a != b and (
        a.isascii() or b.isascii() or a.isdigit() != b.isdigit())]
    assert odd == []
    text = "İstanbul KELVİN ſoon weeK Yesterday TODAY 1990s ΣΑΣ “Monday” in the paſt"
    for key in ("deictic", "vague", "unit", "set"):
        from newsprism.stages.temporal import _KEYS, _Scanner

        rx, _ = _KEYS[key]
        want = sorted({k for k in range(len(text)) if rx.match(text.translate(_FOLD), k)})
        assert _Scanner(text).hits(key) == want, key
    assert re.fullmatch("[a-z ]+", _fold("İ ı ſ K"))


def test_patterns_tried_only_at_word_starts_match_nowhere_else() -> None:
    # the scanner skips, for these patterns, every place no word starts at: the patterns must not
    # be able to match there (each alternative opens with \b and a word character)
    from newsprism.stages.temporal import _AT_WORD_START, _COMPILED, _WORD_START_RX

    text = " ".join((SEED_000.read_text(encoding="utf-8"), SEED_004.read_text(encoding="utf-8"), *_TIME_WORDS,
                     ("x2019-12-31 _2019 a few days ago,two days ago(three years ago) -last week everyday "
                      "daily humid January")))
    for name, rx, _ in _COMPILED:
        if name in _AT_WORD_START:
            assert all(_WORD_START_RX.match(text, s) for s in range(len(text)) if rx.match(text, s)), name
    starts = _WORD_START_RX.search
    assert (not starts("ab", 1) and starts("a b", 1).start() == 2 and starts("_x", 0)
            and starts(" x", 0).start() == 1)


def test_a_happening_outside_the_lexicon_is_an_event_when_an_expression_dates_it() -> None:
    a = _parsed("Apple renamed the store in 2006. The store passes 4 billion songs. "
                "Jobs said on Monday that sales grew.")
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision) for e in a.events}
    assert got["renamed"] == ("occurrence", "2006", "year")
    assert "passes" not in got  # no expression of its own: the tense fallback makes no occurrence
    # Monday is the saying's: what was said to have happened is told undated
    assert got["grew"] == ("occurrence", None, "vague") and got["said"][:2] == ("statement", "2010-06-07")
    assert _word(a, "renamed")[:2] == ("2006", "year")


def test_occurrences_merge_only_by_word_and_participant() -> None:
    a = _parsed("Apple renamed the store in 2006. Google renamed its service in 2006. "
                "Apple sued Creative in 2006.")
    entries = build_timeline([a])
    occ = sorted(e.description for e in entries if all(m.label == "occurrence" for m in e.mentions))
    # the same word and date, but no shared participant: two happenings, not one
    assert occ == ["Apple renamed store", "Google renamed service"]
    assert any(e.description == "Apple sued Creative" for e in entries)


def test_a_past_the_report_tells_of_a_named_doer_is_an_event_dated_as_a_trigger() -> None:
    a = _parsed("Yesterday, Apple CEO Steve Jobs unveiled iPhone 4 in San Francisco. Jobs showed off the new "
                "video calling. He welcomed everyone to the event. Jobs admitted that calls dropped more "
                "often. \"We rewrote the software,\" Jobs said. The company passes every test. Jobs had "
                "visited Tokyo.")
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    # the lead's day, as the word rule gives them
    for w in ("showed", "welcomed", "admitted"):
        assert got[w] == ("occurrence", "2010-06-07", "day", "lead"), w
        assert _word(a, w)[:2] == got[w][1:3]
    assert got["dropped"] == ("occurrence", None, "vague", "none")  # reported: some time before it was said
    assert "rewrote" not in got  # quoted
    # a present tells a state (the launched phone's would be its news: _thing_states)
    assert "passes" not in got
    assert got["visited"][0] == "meeting"  # a trigger stays one (pluperfect: undated)
    assert {e.description for e in build_timeline([a])
            if all(m.label == "occurrence" for m in e.mentions)} == set()


def test_a_happening_an_event_is_done_for_or_by_is_an_event_at_its_time() -> None:
    a = _parsed("Yesterday, Apple CEO Steve Jobs returned to the stage to reveal iCloud. Jobs started by "
                "hinting at the price. \"We went to Paris to see the stores,\" Jobs said. The crowd waited "
                "to see the phone.")
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    # a purpose clause and a means ("by hinting") of a told happening: dated as the word rule dates them
    assert got["reveal"][:3] == ("occurrence", "2010-06-07", "day")
    assert got["hinting"] == ("occurrence", "2010-06-07", "day", "lead")
    for w in ("reveal", "hinting"):
        assert _word(a, w)[:2] == got[w][1:3]
    assert "see" not in got  # quoted, or the purpose of no event ("the crowd waited" names no doer)


def test_a_future_the_report_tells_is_an_event_and_a_negated_happening_none() -> None:
    a = _parsed("Apple CEO Steve Jobs unveiled iPhone 4 on Monday. It will be available on June 24. The "
                "iPhone 3G will be discontinued. Apple did not respond to the critics. Jobs never mentioned "
                "the antenna.")
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    # the report's own future is at the future day it last named, as the word rule dates it
    assert got["discontinued"] == ("occurrence", "2010-06-24", "day", "continuity")
    assert _word(a, "discontinued")[:2] == ("2010-06-24", "day")
    assert "respond" not in got and "mentioned" not in got  # what did not happen is no event
    b = _parsed("Boko Haram has not confirmed the truce. The army did not attack the town on Monday. Hamas "
                "denied the report on Monday.")
    told = {b.text[e.start:e.end]: e.label for e in b.events}
    # a negated trigger is no statement or attack, nor a dated occurrence; a denial is a happening
    assert "confirmed" not in told and "attack" not in told
    assert told["denied"] == "denial"


def test_a_verb_without_a_subject_of_its_own_shares_the_doer_of_the_verb_it_hangs_on() -> None:
    a = _parsed("Yesterday, Apple CEO Steve Jobs welcomed everyone and announced a new phone. The phone was "
                "praised by critics and released in June.")
    got = {a.text[e.start:e.end]: e for e in a.events}
    announced = got["announced"]  # joined to "welcomed": Jobs announced
    assert [a.text[p.start:p.end] for p in announced.participants] == ["Steve Jobs"]
    assert announced.description == "Steve Jobs statement"
    # a passive lends no doer: the critics did not release the phone
    assert got["released"].participants == () and got["released"].description == "released"


def test_single_quoted_speech_is_quoted() -> None:
    a = _parsed("Yesterday, Apple CEO Steve Jobs unveiled iPhone 4. 'We rewrote the software,' Jobs said. "
                "The Beatles' label sued Jobs' company.")
    got = {a.text[e.start:e.end]: dating_rule(e) for e in a.events}
    assert "rewrote" not in got  # quoted: not the report's own telling
    assert got["said"] == "lead"
    assert got["sued"] == "lead"  # an apostrophe ending a word opens no quote


def test_a_told_past_needs_a_named_doer() -> None:
    a = _parsed("Yesterday, Apple CEO Steve Jobs unveiled iPhone 4. The crowd cheered loudly.")
    assert "cheered" not in {a.text[e.start:e.end] for e in a.events}


def test_the_stage_dates_a_telling_by_another_in_its_article() -> None:
    a = _parsed("Apple CEO Steve Jobs introduced iPhone 4 on Monday in San Francisco.\n\n"
                "The newest iPhone, iPhone 4 was introduced by Jobs at the conference. Pre-orders began "
                "today.",
                published=date(2010, 6, 16))
    second = next(e for e in a.events if e.start == a.text.rindex("introduced"))
    # same kind of happening, same named thing: the expression of the first telling dates it, as the word rule
    # does
    assert (second.date, dating_rule(second)) == ("2010-06-14", "coreferent")
    assert date_word(a, second.start)[:2] == ("2010-06-14", "day")
    # and follows that expression when the article is dated again
    assert reanchor(a, date(2010, 6, 23)).events[a.events.index(second)].date == "2010-06-21"


def test_a_participle_naming_a_known_happening_is_not_dated_by_its_clause() -> None:
    # SemEval trial doc 4678 (Wikinews) and FNC-1 body b55: the participle took the present of
    # its clause, the publication day ("sold" 2006-04-05, gold undated; "elected" the Monday
    # the parliament asked); an expression of its own still dates one ("killed ... on Monday")
    text = ("Apple has released an application that limits the volume of its iPod portable music players. "
            "iPods sold in France already have the volume limited. "
            "On Monday, Libya's newly elected parliament asked Abdullah al-Thinni to form a new government. "
            "Razi Moussavi, killed in the Israeli bombing on Monday, was a senior adviser.")
    a = _parsed(text, published=date(2006, 4, 5))
    got = _events_by_word(a)
    assert got["sold"] == ("business", None, "none") and _word(a, "sold")[:2] == (None, "vague")
    assert got["elected"] == ("election", None, "none")
    assert got["killed"] == ("killing", "2006-04-03", "own")
    assert got["released"] == ("launch", "2006-04-05", "document")


def test_a_happening_noun_an_event_does_or_a_verb_performs_is_an_event() -> None:
    # SemEval trial docs 4954 and 17174 (Wikinews) and FNC-1 bodies: TimeML marks "court case",
    # "invitation" and "decision" as events; the stage took none of them
    text = ("The Beatles' label Apple Corps lost its court case against Apple Computer today in the High "
            "Court. After the case closed Apple Computer CEO Steve Jobs extended an invitation to the record "
            "label. They also said that it was Jobs, not Papermaster, who made the decision to proceed with "
            "iPhone 4 development. Somali military officials last week launched a military operation to oust "
            "al-Shabab. By Friday morning, the state-run media had made no mention of such a visit. "
            "The attacks, which on Monday affected Iraqi military installations, were not claimed. "
            "Apple Inc. announced Monday it has settled its decades-long trademark dispute with Apple Corps.")
    a = _parsed(text, published=date(2006, 5, 8))
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    # the object of an event takes its time; the span holds the compound naming it
    assert got["court case"] == ("occurrence", "2006-05-08", "day", "inherited")
    assert got["operation"] == ("occurrence", "2006-W18", "week", "inherited")
    # the object of a verb performing it ("extended", "made") is dated as any word of its clause
    assert got["invitation"][:3] == ("occurrence", "2006-05-08", "day")
    assert got["decision"] == ("occurrence", None, "vague", "none")  # a relative clause of a report: no time
    assert got["proceed"] == ("occurrence", None, "vague", "none")  # what the decision is to do: not yet done
    # a known happening its verb's time does not date is no event of its own (the dispute lasted decades)
    assert "dispute" not in {w.split(" ")[-1] for w in got} and got["settled"][0] == "legal"
    # "no mention" was made; installations are things
    assert "mention" not in got and "installations" not in got


def test_a_simple_past_of_a_named_doer_in_a_free_relative_is_told() -> None:
    # SemEval trial doc 11212 (Wikinews): TimeML marks "described" (gold 2008-03), the stage took none
    a = _parsed("During a media event, Apple released the iPhone SDK. The update will also be available to "
                "iPod Touch users for what Steve Jobs described as \"a nominal charge\". It is not what we "
                "have heard of.",
                published=date(2008, 3, 6))
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    assert got["described"] == ("occurrence", "2008-03", "month", "recent")
    assert "heard" not in got  # a perfect, and no named doer


def test_what_the_tree_walks_keep_per_doc_is_what_the_doc_says() -> None:
    # Paragraphs reads every token's paragraph at once and keeps expression spans and reaches; tense
    # and its reading are kept per doc. Each kept answer must be the one asked afresh, and a kept
    # answer must not leak to another doc or text
    from bisect import bisect_right

    from newsprism.nlp import load_nlp
    from newsprism.stages import time_anchor as ta

    text = SEED_004.read_text(encoding="utf-8")
    nlp = load_nlp()
    doc = nlp(text)
    para = ta.paragraph_ids(doc, text)
    breaks = [m.end() for m in ta._BLANK_RX.finditer(text)]
    assert len(breaks) > 2
    assert [para[t.i] for t in doc] == [bisect_right(breaks, t.idx) for t in doc]
    assert para.offsets() == [t.idx for t in doc]
    assert ta.paragraph_ids(doc, text) is para  # kept for the same doc and text
    assert ta.paragraph_ids(doc, text.replace("\n\n", "\n.")) is not para
    for tx in TimeStage()(_parsed(text)).times:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        got = para.expression(tx.start, tx.end)
        assert got == (None if span is None or len(span) == 0 else (span.start, span.end, span.root.i))
        if got is not None:
            assert para.reach(got[2]) == ta.modifier_reach(doc, got[2])
    other = nlp("Jobs will unveil it. " * 3 + "He said that calls had dropped.")
    for d in (doc, other, doc):
        for t in d:
            assert ta.tense(t) == ta._tense(t)
            for quoted in (False, True):
                assert ta.tense_reading(t, quoted) == ta._tense_reading(t, quoted)
                assert ta.tense_reading(t, quoted, False) == ta._tense_reading(t, quoted, False)


def test_the_phrase_walk_takes_what_a_plain_walk_down_the_tree_takes() -> None:
    # _local opens no token at its depth limit and reads each label once; a plain breadth-first walk
    # to the same depth, skipping clauses, appositions, punctuation and "according to"/"via", must
    # take the same tokens from every token of a real article, at every depth
    from newsprism.nlp import load_nlp
    from newsprism.stages.time_anchor import CLAUSAL
    from newsprism.stages.times import _local

    def plain(tok, depth):  # type: ignore[no-untyped-def]
        out, level = {tok.i}, [tok]
        for _ in range(depth):
            level = [c for t in level for c in t.children if c.dep_ not in CLAUSAL and c.dep_ not in (
                "appos", "punct") and not (c.dep_ == "prep" and c.lower_ in ("according", "via"))]
            out.update(c.i for c in level)
        return out

    doc = load_nlp()(SEED_000.read_text(encoding="utf-8"))
    sizes = set()
    for tok in doc:
        for depth in range(5):
            got = _local(doc, tok, depth)
            assert got == plain(tok, depth), (tok.text, depth)
            sizes.add(len(got))
    assert max(sizes) > 10  # deep phrases were walked


def test_an_events_first_token_is_the_first_of_its_span() -> None:
    # corefer_within finds an event's token by bisecting the token starts; it must be the first
    # token of the span char_span expands the event to, for every event and for offsets inside,
    # between and past tokens
    from newsprism.stages.time_words import _first_token

    a = TimeStage()(_parsed(SEED_000.read_text(encoding="utf-8")))
    doc = a.parse
    offsets = [t.idx for t in doc]
    cases = [(ev.start, ev.end) for ev in a.events]
    assert len(cases) > 10
    n = len(doc.text)
    cases += [(s, s + w) for s in range(0, n, 7) for w in (0, 1, 5)] + [(n - 1, n + 2), (n + 3, n + 5),
                                                                        (-1, 2)]
    for s, e in cases:
        span = doc.char_span(s, e, alignment_mode="expand")
        want = span[0].i if span is not None and len(span) else None
        got = _first_token(doc, offsets, s, e, len(doc.text))
        assert (got.i if got is not None else None) == want, (s, e)
    from newsprism.nlp import load_nlp
    from newsprism.stages.time_words import _text_length

    nlp = load_nlp()
    for text in ("", " ", "Jobs said.", "Jobs said.  \n\n", "  He left  ",
                 SEED_004.read_text(encoding="utf-8")):
        assert _text_length(nlp(text)) == len(nlp(text).text), repr(text)


def test_the_subject_of_a_phase_verb_is_the_happening_and_a_hyphened_word_is_one() -> None:
    # SemEval trial doc 16900 (Wikinews): TimeML marks "pre-orders" (gold 2010-06-15, "began Tuesday"); the
    # tokenizer splits "Pre-orders" at its hyphen and the stage took no event of it. FNC-1 bodies:
    # "construction on the state Capitol began in 1795", "excavation of the time capsule began"
    text = ("Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming Apple and AT&T. "
            "The time capsule was embedded when construction on the state Capitol began in 1795. "
            "Shares closed at $83.08 on Tuesday. The video opened with a clip on Tuesday.")
    a = _parsed(text, published=date(2010, 6, 16))
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    # the happening the phase verb begins takes its time; the span is the whole hyphened word
    assert got["Pre-orders"] == ("occurrence", "2010-06-15", "day", "inherited")
    assert got["construction"] == ("occurrence", "1795", "year", "inherited")
    assert _word(a, "Pre-orders")[:2] == ("2010-06-15", "day")
    # things are no happenings: shares close at a price, a video opens with a clip
    assert not {"Shares", "video"} & set(got)


def test_a_past_a_vague_expression_of_its_clause_places_is_not_on_the_lead_day() -> None:
    # SemEval trial doc 16900 (Wikinews): "introduced ... less than two weeks ago" was dated by the lead's
    # "Tuesday"; FNC-1 bodies: "said at the time", "recently visited", "A few years ago, a man sold"
    text = ("Pre-orders of the iPhone 4 began Tuesday, overwhelming Apple and AT&T. The newest iPhone was "
            "introduced by Apple CEO Steve Jobs at the conference less than two weeks ago. At the time, "
            "Apple said that a bend should be rare. Jobs unveiled the phone in San Francisco. "
            "Jobs announced a new phone a couple of hours ago.")
    a = _parsed(text, published=date(2010, 6, 16))
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision, dating_rule(e)) for e in a.events}
    assert got["introduced"] == ("launch", None, "vague", "none")
    assert got["said"] == ("statement", None, "vague", "none")
    # a past with no such expression keeps the lead's day; "hours ago" is the day of the report
    assert got["unveiled"][1:] == ("2010-06-15", "day", "lead")
    assert got["announced"][1] in ("2010-06-15", "2010-06-16")


def test_a_single_quote_opened_before_a_lowercase_word_is_quoted() -> None:
    from newsprism.stages.times import _QUOTE_RX

    # FNC-1 bodies: single-quoted speech that opens on a lowercase word
    for text, quote in (
        (("By the next year Williams was claiming on his blog that 'all four of our low-flying Chinooks took "
          "fire.' He later apologised."), "'all four of our low-flying Chinooks took fire.'"),
        ("DHS said in a statement that Hunter's claim is 'categorically false.' The claim spread.",
         "'categorically false.'"),
        ("'We were shot at,' he said.", "'We were shot at,'"),
    ):
        assert [text[m.start():m.end()] for m in _QUOTE_RX.finditer(text)] == [quote]
    # apostrophes inside or before words open none
    for text in ("He loved rock 'n' roll and the '90s, he said.",
                 "Jobs' phone and the users' 'feedback' grew.",
                 "It was 'em, not us, that won the game for the team."):
        assert [m.group() for m in _QUOTE_RX.finditer(text)] == [], text


def test_in_the_past_week_is_a_span_of_the_report_not_a_vague_past() -> None:
    # FNC-1 body: "In the past week, Mr. Cooper has noticed the hashtag" is news of the report's days
    a = _parsed("Yesterday, Jobs unveiled the phone. In the past week, Mr. Cooper has noticed the hashtag on "
                "Twitter.",
                published=date(2010, 6, 16))
    got = {a.text[e.start:e.end]: (e.date, dating_rule(e)) for e in a.events}
    assert got["noticed"] == ("2010-06-15", "lead")


def test_a_happening_someone_is_said_to_have_done_is_an_undated_event() -> None:
    # SemEval trial doc 17036 (Wikinews) and FNC-1 bodies: TimeML marks "dropped" (gold undated) and
    # the stage took no past of a reported clause as an event, though its report tells it
    text = ("Apple held a press event today. However, Jobs admitted that the percentage of calls dropped on "
            "the iPhone 4 was slightly greater than on the 3GS. The Syrian Observatory said the militants "
            "had seized at least one cache. He said the company did not sell the phones. Jobs said that some "
            "users had problems. She said that \"we fixed the antennas.\"")
    a = _parsed(text)
    got = _events_by_word(a)
    # taken, and left undated: it happened some time before it was said, not on the day of the saying
    assert got["dropped"] == ("occurrence", None, "none")
    assert got["seized"] == ("occurrence", None, "none")
    assert _word(a, "dropped")[:2] == (None, "vague")
    # a negated one did not happen, a state tells none, a quoted one is not the report's telling
    assert "sell" not in got and "had" not in got and "fixed" not in got


def test_what_an_event_goes_on_with_is_the_happening_carried_on() -> None:
    # SemEval trial doc 17174 (Wikinews): TimeML marks "development" (gold undated); the stage took
    # "proceed" (what the decision is to do) but not what it proceeds with
    text = ("They also said that it was Jobs, not Papermaster, who made the decision to proceed with iPhone "
            "4 development. The city went ahead with the construction on Monday. The lawyers will proceed "
            "with the judge directly.")
    a = _parsed(text)
    got = _events_by_word(a)
    # it takes its verb's time: an infinitive's none, a past's day
    assert got["development"] == ("occurrence", None, "none") and got["proceed"][1] is None
    assert got["construction"][:2] == ("occurrence", "2010-06-07")
    assert "judge" not in got  # a person, not a happening


def test_a_state_someone_is_said_to_be_in_is_no_reported_happening() -> None:
    # FNC-1 bodies 32, 298 and 110: times.v25 took these reported states and feelings as happenings
    text = ("Attorney Chris Chestnut said he was surprised by the gap in shots. Michael Bideau noted on his "
            "Facebook page that he shared virtually the same name. Mike O'Keeffe said he had long been "
            "bothered by the claims. Walsh said the man hopped over the wall. A witness said the blast "
            "surprised everyone.")
    starts = {e.start for e in _parsed(text).events}
    assert not {text.index(w) for w in ("surprised", "shared", "bothered")} & starts
    # a happening is still one, and so is a feeling's cause acting ("the blast surprised everyone")
    assert text.index("hopped") in starts and text.rindex("surprised") in starts


def test_a_future_someone_is_said_to_foresee_is_an_undated_event_unless_a_price_or_make() -> None:
    # SemEval trial doc 12315 (Wikinews): TimeML marks "provide" (gold undated) in "Apple has claimed that
    # the 3G iPhone will provide ..."; the stage took no reported future. FNC-1 bodies 168, 241, 283, 357:
    # a price ("will start at $349"), a make ("will require nightly charging", "will be based on") and what
    # "no" one does ("no such panel will take place") tell no happening
    text = ("Apple has claimed that the 3G iPhone will provide internet access at double the speed. Murillo "
            "said Nicaragua will ask international experts to help. Apple says that the Apple Watch will "
            "start at $349 for that model. Reports say that the watch will require nightly charging. Sorkin "
            "says the movie will be based on the biography. ESPN has confirmed that no such panel will take "
            "place. He said the firm will not sell the phones.")
    a = _parsed(text)
    got = _events_by_word(a)
    assert got["provide"] == ("occurrence", None, "supposed")
    assert got["ask"] == ("occurrence", None, "supposed")
    assert not {"start", "require", "based", "take", "sell"} & set(got)


def test_a_request_its_asker_holds_is_a_happening() -> None:
    # SemEval trial doc 17677 (Wikinews): TimeML marks "request" (gold 2011-01-17, the day of the email) in
    # "At my request, the board of directors has granted me a medical leave"; FNC-1 body 120: "performed at
    # his family's request"
    text = ("Apple released the text of the email today. At my request, the board of directors has granted "
            "me a medical leave. An autopsy was performed at his family's request by a pathologist. The "
            "request form is online. He said \"my request was simple.\"")
    a = _parsed(text)
    got = [(a.text[e.start:e.end], e.label) for e in a.events if a.text[e.start:e.end] == "request"]
    assert got == [("request", "occurrence"), ("request", "occurrence")]
    starts = {e.start for e in a.events}
    assert text.index("request") in starts and text.index("request by") in starts
    # a request no one holds, and a quoted one, are not taken
    assert text.index("request form") not in starts and text.rindex("request") not in starts


def test_a_present_state_of_what_the_lead_launched_is_the_reports_news() -> None:
    # SemEval trial doc 16844 (Wikinews): TimeML marks "has" and "comes" (gold 2010-06-08, the publication
    # day) in "iPhone 4 has a new stainless steel frame", "It also has a new screen", "It comes in two colors"
    text = ("Yesterday, Apple unveiled iPhone 4 at its annual conference.\n\n"
            "iPhone 4 has a new stainless steel frame. It also has a new screen. It comes in two colors.\n\n"
            "Even though it now uses a faster processor, iPhone 4 has seven hours of talk time. If it "
            "breaks, iPhone 4 has a warranty.\n\nThe company is based in Cupertino. It has many stores. "
            "iPhone 4 does not have a keyboard. \"iPhone 4 has everything,\" he said.")
    a = _parsed(text)
    got = {e.start: (e.label, e.date) for e in a.events}
    for w in ("has a new stainless", "has a new screen", "comes", "uses", "has seven"):
        assert got[text.index(w)] == ("occurrence", "2010-06-08")
    # another subject breaks the run of "it"; a negated, quoted or supposed state is none
    for w in ("is based", "has many", "have a keyboard", "has everything", "breaks"):
        assert text.index(w) not in got
    # without a launch in the lead, a present state is no event
    other = _parsed("Apple said on Monday it would cut prices.\n\niPhone 4 has a new stainless steel frame.")
    assert other.text.index("has") not in {e.start for e in other.events}


def test_a_definite_product_noun_stands_for_the_product_the_lead_launched() -> None:
    # SemEval trial docs 16844 and 4678 (Wikinews): TimeML marks "has" in "The phone has two cameras" and
    # "works" in "The software update, iPod Software 1.1.1, works with the iPod Nano" (gold the publication
    # day)
    text = ("Yesterday, Apple unveiled iPhone 4 at its annual conference.\n\n"
            "The phone has two cameras. The rear camera has a resolution of five megapixels. "
            "His phone has a crack.")
    a = _parsed(text)
    got = {e.start: (e.label, e.date) for e in a.events}
    assert got[text.index("has two")] == ("occurrence", "2010-06-08")
    # a part of the product, and a phone someone holds, are not the product
    assert text.index("has a resolution") not in got and text.index("has a crack") not in got
    soft = ("Apple releases program to limit iPod volume\n\nApple has released an application that limits "
            "the volume.\n\nThe software update, iPod Software 1.1.1, works with the iPod Nano.")
    b = _parsed(soft, published=date(2006, 4, 5))
    assert {b.text[e.start:e.end]: e.date for e in b.events}.get("works") == "2006-04-05"
    # what a video shows is no product's state
    video = ("ISIS released a video on Tuesday.\n\nThe phone has two cameras.")
    c = _parsed(video)
    assert video.index("has") not in {e.start for e in c.events}


def test_what_a_verb_of_deciding_takes_as_its_infinitive_is_an_undated_event() -> None:
    # SemEval trial doc 18315 (Wikinews): TimeML marks "step_down" (gold undated) in "Steve Jobs, founder of
    # Apple, has chosen to step down from his post as CEO of the company"
    text = ("Steve Jobs, founder of Apple, has chosen to step down from his post as CEO of the company. "
            "Apple Corps have decided to take the case to the Court of Appeal. Iran agreed not to enrich "
            "uranium. He did not agree to pay the fine. She chose to remain silent. \"We decided to rebuild "
            "the plant,\" he said.")
    a = _parsed(text, published=date(2011, 8, 25))
    got = _events_by_word(a)
    assert got["step"] == ("occurrence", None, "none")
    assert got["take"] == ("occurrence", None, "none")
    # decided against, a state, or quoted: none
    for w in ("enrich", "pay", "remain", "rebuild"):
        assert w not in got, w


def test_a_plan_told_as_it_stands_is_of_the_report_day_and_what_it_plans_keeps_its_own() -> None:
    # SemEval trial doc 16900 (Wikinews): TimeML dates "slated" at the publication day (2010-06-16) and the
    # release at its June 24 in "It is slated for a U.S. release on June 24"
    text = ("The phone went on sale in Japan on Monday. It is slated for a U.S. release on June 24. The "
            "update has been scheduled for release in December. The band is scheduled to perform Saturday. "
            "Seth Rogen is set to play Steve Wozniak. Talks were scheduled to continue on Monday. The film "
            "is not scheduled for release. Prices are set by the market. An inquiry is set up.")
    a = _parsed(text, published=date(2010, 6, 16))
    got = {e.start: (a.text[e.start:e.end], e.date, dating_rule(e)) for e in a.events}
    for plan in ("slated for a U.S.", "scheduled for release in", "scheduled to perform", "set to play"):
        assert got[text.index(plan)][1:] == ("2010-06-16", "document"), plan
    assert got[text.index("release on June 24")][1] == "2010-06-24"
    # a plan told in the past, negated, or "set" by no plan: none
    for w in ("scheduled to continue", "scheduled for release.", "set by", "set up"):
        assert text.index(w) not in got, w


def test_a_participle_placed_after_an_event_is_its_undated_sequel() -> None:
    # SemEval trial doc 17677 (Wikinews): TimeML marks "revealing" (gold undated) in "He fought pancreatic
    # cancer in 2004 and took six months off in early 2009, later revealing he had undergone a liver
    # transplant"
    text = ("Steve Jobs fought pancreatic cancer in 2004 and took six months off in early 2009, later "
            "revealing he had undergone a liver transplant. Jobs returned to Apple in 1996, eventually "
            "rebuilding its product line. Jobs left the stage in 2007, waving to the crowd.")
    a = _parsed(text, published=date(2011, 1, 17))
    got = _events_by_word(a)
    assert got["took"][1] == "2009"
    assert got["revealing"] == ("occurrence", None, "none")
    assert got["rebuilding"] == ("occurrence", None, "none")
    # a participle no adverb places after the event is told with it, not a sequel
    assert "waving" not in got


def test_a_web_page_visited_is_no_meeting_and_a_person_dismissed_is_removed_from_a_post() -> None:
    # FNC-1 body 13: "For full coverage of the Mobile World Congress from Barcelona, visit our MWC 2015 page"
    # was a meeting entry at 2015; body 285's "proceedings to dismiss him were not begun until 2007" a denial
    text = ("For full coverage of the Mobile World Congress from Barcelona, visit our MWC 2015 page. Readers "
            "visit our website daily. Government officials visited the impact site on Sunday. Obama visited "
            "Kenya in 2015.\n\nFormal proceedings to dismiss him were not begun until 2007. The board "
            "dismissed the coach in 2012. The ministry dismissed the claims in 2013.")
    a = _parsed(text)
    got = {(a.text[e.start:e.end], e.date): e.label for e in a.events}
    assert ("visit", "2015") not in got and not any(w == "visit" for w, _ in got)
    assert got[("visited", "2015")] == "meeting" and "meeting" in {
        lab for (w, _), lab in got.items() if w == "visited"}
    assert got[("dismiss", "2007")] == "leadership" and got[("dismissed", "2012")] == "leadership"
    assert got[("dismissed", "2013")] == "denial"


def test_what_a_prospect_looks_to_is_not_at_the_time_the_prospect_was_held() -> None:
    # FNC-1 body 287: "In mid-2014, many analysts expected Apple to use sapphire glass on the iPhone 6, but
    # that didn't happen" was an entry "Apple use sapphire glass" at 2014
    text = ("In mid-2014, many analysts expected Apple to use sapphire glass on the iPhone 6, but that "
            "didn't happen. Apple plans to rename the store in 2015. In 2012, Jobs chose to rename the "
            "company.")
    a = _parsed(text)
    got = {e.start: e.date for e in a.events}
    assert text.index("use") not in got
    # a time of its own phrase dates it; a choice's year is when the choosing, and what it chose, took place
    assert got[text.index("rename")] == "2015" and got[text.rindex("rename")] == "2012"


def test_a_word_of_another_script_is_no_happening() -> None:
    # FNC-1 body 382: an embedded Arabic post after its signature, "— Joseph Braude (@josephbraude) February
    # 4, 2015 عاجل | ضربة جوية اردنية على معاقل #داعش", was an occurrence entry "على معاقل" at 2015-02-04
    text = ("Jordan bombed Raqqa on February 4, 2015.\n\nعاجل ⭕️| ضربة جوية اردنية على معاقل #داعش الآن "
            "يشارك فيها ملك #الاردن on February 4, 2015.")
    a = _parsed(text, published=date(2015, 2, 5))
    words = {a.text[e.start:e.end] for e in a.events}
    assert all(w.isascii() for w in words) and "bombed" in words


_MEMO = "Steve Jobs announced Monday in an internal memo that he would be on medical leave.\n\n"


@pytest.mark.parametrize(
    ("letter", "plain", "word"),
    [
        # SemEval trial doc 17677 (Wikinews): "Apple released the text of Jobs's email, which reads: ... I
        # have asked Tim Cook to be responsible" (gold 2011-01-17, the day of the email); an "I" outside
        # quotes and outside such a letter is as often a speaker the quote finder missed (FNC-1 bodies 93,
        # 151, 388)
        (("On its website, Apple released the text of Jobs's email, which reads: Team, I will focus on my "
          "health.\n\nI have asked Tim Cook to be responsible for all of Apple's day to day operations."),
         "Mr Beaton said: \"They made me happy.\"\n\nI have asked Tim Cook to be responsible for it.",
         "asked"),
        # "which reads: Team, At my request, the board of directors has granted me a medical leave" (gold
        # 2011-01-17): the parser hangs the letter's first clause on "reads", so it was no main line, and its
        # subject is no name; it is the writer's telling, at the email's day. A clause a verb before no letter
        # takes is still not the report's own telling.
        (("On its website, Apple released the text of Jobs's email, which reads: Team, At my request, the "
          "board of directors has granted me a medical leave of absence so I can focus on my health."),
         "The sign on the door reads that the board of directors has granted me a medical leave.", "granted"),
    ],
)
def test_a_letter_the_report_gives_tells_the_writers_news(letter: str, plain: str, word: str) -> None:
    a = _parsed(_MEMO + letter, published=date(2011, 1, 17))
    got = {a.text[e.start:e.end]: (e.label, e.date) for e in a.events}
    assert got[word] == ("occurrence", "2011-01-17")
    other = _parsed(_MEMO + plain, published=date(2011, 1, 17))
    assert word not in {other.text[e.start:e.end] for e in other.events}


def test_a_part_of_us_as_a_subject_is_a_we() -> None:
    # SemEval trial doc 18355 (Wikinews), Apple's statement the day after Jobs died: "Those of us who have
    # been fortunate enough to know and work with Steve have lost a dear friend" (gold 2011-10-05) had no
    # doer, as "We have lost a dear friend" has; "those who knew him" is no first person
    text = ("Apple co-founder Steve Jobs died yesterday at the age of 56.\n\n"
            "Those of us who have been fortunate enough to know and work with Steve have lost a dear "
            "friend.\n\nThose who knew him have lost a friend.")
    a = _parsed(text, published=date(2011, 10, 6))
    lost = [(e.label, e.date) for e in a.events if a.text[e.start:e.end] == "lost"]
    assert lost == [("occurrence", "2011-10-05")], lost


def test_a_named_doers_past_placed_later_is_an_undated_event() -> None:
    # SemEval trial doc 18355 (Wikinews): TimeML marks "reassumed" (gold undated) in "In 1996 ... Jobs
    # returned to Apple and soon after reassumed the role of CEO"; FNC-1 body 390: "Emwazi later moved to
    # Kuwait"
    text = ("In 1996, Jobs returned to Apple and soon after reassumed the role of CEO.\n\n"
            "Emwazi later moved to Kuwait. The talks later collapsed. Jobs had later fixed it. He did not "
            "later return. Doctors said it was a bite, but he later discovered a spider.")
    a = _parsed(text)
    got = _events_by_word(a)
    assert got["reassumed"] == ("occurrence", None, "none")
    assert got["moved"] == ("occurrence", None, "none")
    # no named doer (a pronoun's is as often misread), a pluperfect, a negated one: none
    assert not {"collapsed", "fixed", "return", "discovered"} & set(got)


# --------------------------------------------------------------------------- h55: a party's reference day


def test_a_partys_past_is_told_at_the_day_last_named_for_that_party() -> None:
    # SemEval trial doc 16983 (Wikinews): "He said" and "Jobs also announced" follow "Jobs announced today"
    # (gold 2010-10-23), not the lead's Wednesday; FNC-1 body 391: Hunter's later sayings are his Tuesday's
    text = ("In a Wednesday media event, Apple Inc. released a new lineup of MacBook Air laptops.\n\n"
            "Jobs announced today that the Lion release will include more support for multitouch.\n\n"
            "He said that the App Store will be available within 90 days.\n\n"
            "Jobs also announced that a beta version of FaceTime would be available immediately.\n\n"
            "Analyst Shawn Wu said the company priced it aggressively.\n\n"
            "Later, the team said that the militants tried to enter the town late on Tuesday.\n\n"
            "Wu added that the price was low.")
    a = _parsed(text, published=date(2010, 10, 23))
    said = [e for e in a.events if e.label == "statement"]
    got = [(a.text[e.start:e.end], e.date, dating_rule(e)) for e in said]
    assert got[:3] == [("announced", "2010-10-23", "own"), ("said", "2010-10-23", "lead"),
                       ("announced", "2010-10-23", "lead")]
    # another party's past is at the lead's day; a day a reported clause names sets none
    assert ("said", "2010-10-20", "lead") in got[3:4]
    assert got[-1] == ("added", "2010-10-20", "lead")
    # undated, then dated later: the same days (no re-parse)
    assert reanchor(_parsed(text, published=None), date(2010, 10, 23)).events == a.events


def test_news_a_present_saying_tells_in_the_perfect_is_the_reports_now() -> None:
    # SemEval trial doc 18355 (Wikinews): "A statement on Apple's website states: 'Apple has lost a
    # visionary'" (gold 2011-10-05, the lead's day) was left undated as what someone said happened; FNC-1
    # bodies 455, 13
    text = ("Steve Jobs died yesterday at the age of 56, according to the company website.\n\n"
            "A statement on the website states that Apple has lost a visionary and creative genius.\n\n"
            "The Nigerian government says it has agreed a ceasefire with the militant group Boko Haram.\n\n"
            "Apple said it has settled its dispute. Jobs admitted that the calls dropped.")
    a = _parsed(text, published=date(2011, 10, 6))
    got = {a.text[e.start:e.end]: (e.date, dating_rule(e)) for e in a.events}
    assert got["lost"] == ("2011-10-05", "lead")
    assert got["agreed"] == ("2011-10-05", "lead")
    # a past saying's perfect, and a past reported, stay some time before it was said
    assert got["dropped"] == (None, "none")
    assert _word(a, "settled")[:2] == (None, "vague")


def test_a_reported_perfect_summed_up_or_in_the_speakers_voice_is_no_news_of_now() -> None:
    # FNC-1 bodies 109, 374, 425: times.v30 dated these to the report's day
    text = ("Steve Jobs died yesterday at the age of 56, according to the company website.\n\n"
            "Apple says it has only received a handful of official complaints about the issue.\n\n"
            "She says I have endured a lot regarding my first pregnancy.\n\n"
            "Officials eased the rules, which many Republicans say has created more incentive to enter.\n\n"
            "The Nigerian government says it has agreed a ceasefire with the militant group Boko Haram.")
    a = _parsed(text, published=date(2011, 10, 6))
    got = {a.text[e.start:e.end]: (e.date, dating_rule(e)) for e in a.events}
    for word in ("received", "endured", "created"):
        assert got.get(word, (None, "none")) == (None, "none"), word
        assert _word(a, word)[:2] == (None, "vague"), word
    assert got["agreed"] == ("2011-10-05", "lead")


def test_what_a_condition_supposes_has_no_time() -> None:
    # FNC-1 bodies 401, 22, 26: the present of an "if" clause was dated to the publication day
    text = ("If the deal is completed, it would probably take several years for Google to put its stamp on "
            "the city. If a deal is made, Apple TV users would be able to stream HBO Now. "
            "A link will be added in the comments if the story is officially confirmed or denied. "
            "ISIL named its next victim unless the U.S. stops its attacks on them.")
    a = _parsed(text, published=date(2014, 10, 15))
    got = {(a.text[e.start:e.end], e.start): (e.date, dating_rule(e)) for e in a.events}
    for word in ("completed", "deal", "confirmed", "denied"):
        dated = [v for (w, _), v in got.items() if w == word and v[0] is not None]
        assert not dated, word
    assert _word(a, "completed")[:2] == (None, "vague")
    # what the supposed happening acts on may be real: the attacks go on
    [attacks] = [v for (w, _), v in got.items() if w == "attacks"]
    assert attacks[0] == "2014-10-15"


def test_the_next_day_is_the_day_after_the_day_last_named() -> None:
    # FNC-1 bodies 230, 110: "the next day" was read as "next year" (2015 in a report of October 2014)
    assert (resolve("the next day", WED) == (None, "vague")
            and resolve("the previous day", WED) == (None, "vague"))
    assert resolve("next year", WED) == ("2024", "year")
    text = ("The account's first tweet was on Sep 29. Odd that he would start up and the next day post one "
            "tweet about the kid.")
    a = _parsed(text, published=date(2014, 10, 15))
    got = {a.text[t.start:t.end]: (t.value, t.precision) for t in a.times}
    assert got["Sep 29"] == ("2014-09-29", "day") and got["next day"] == ("2014-09-30", "day")
    assert [e.date for e in a.events if a.text[e.start:e.end] == "post"] == ["2014-09-30"]


def test_the_same_day_and_the_following_day_count_from_the_time_last_named() -> None:
    # FNC-1 bodies 298, 438, 299: "On the same day" was found as no expression, and the pleas took the
    # lead's Wednesday; "The following day" and "In the same month" likewise
    text = ("His most serious conviction came on Dec. 7, 2004, when he pleaded guilty to possession of PCP. "
            "On the same day, he also pleaded guilty to marijuana possession and was sentenced to one day in "
            "prison.\n\nThe man first smacked a woman round the head in Carlisle town centre on Monday. The "
            "following day, the same man is thought to have slapped an 82-year-old woman.\n\nA man posted a "
            "picture in August. In the same month, a report by the United Nations found that groups have "
            "recruited children.")
    a = _parsed(text, published=date(2014, 10, 22))
    got = {a.text[t.start:t.end]: (t.value, t.precision) for t in a.times}
    assert got["On the same day"] == ("2004-12-07", "day")
    assert got["The following day"] == ("2014-10-21", "day")
    assert got["the same month"] == ("2014-08", "month")
    dates = {a.text[e.start:e.end]: e.date for e in a.events}
    assert dates["sentenced"] == "2004-12-07" and dates["slapped"] == "2014-10-21"
    # with no time named before, it stays vague
    alone = _parsed("On the same day, he pleaded guilty.", published=date(2014, 10, 22))
    assert [(t.value, t.precision) for t in alone.times] == [(None, "vague")]


def test_a_month_of_this_or_last_year_is_that_years_month() -> None:
    # FNC-1 bodies 155, 273, 300: "October of last year" was October of the report's year, "in June this year"
    # was only the year
    assert resolve("October of last year", date(2014, 10, 15)) == ("2013-10", "month")
    # not the April nearest before
    assert resolve("April this year", date(2015, 1, 20)) == ("2015-04", "month")
    assert resolve("December next year", date(2014, 10, 15)) == ("2015-12", "month")
    assert resolve("April this year", None) == (None, "month")
    a = _parsed("In June this year, his group named him caliph. Things got more hellish in October of last "
                "year.",
                published=date(2014, 10, 15))
    got = {a.text[e.start:e.end]: (e.date, e.precision) for e in a.events}
    assert got["named"] == ("2014-06", "month") and got["got"] == ("2013-10", "month")


def test_a_participle_is_as_early_as_the_verb_whose_time_it_shares() -> None:
    # FNC-1 body 154: "claiming" took the publication day though the report it goes with was "previously"
    # published
    a = _parsed("The website has previously published a fake report about Tupac Shakur, claiming that he is "
                "alive. Apple released the phone, claiming that it is the "
                "best.", published=date(2014, 10, 15))
    got = [(a.text[e.start:e.end], e.date) for e in a.events if a.text[e.start:e.end] == "claiming"]
    assert got[0] == ("claiming", None)
    assert got[1][1] is not None  # a participle of a plain past keeps that past's date


# --------------------------------------------------------------------------- h53: trigger recall


def test_a_means_joined_to_the_means_is_an_event_at_its_time() -> None:
    # SemEval trial doc 7343 (Wikinews): TimeML marks "taking_out"; the stage took only the first gerund after
    # "by"
    a = _parsed("Yesterday, Apple CEO Steve Jobs unveiled the device by walking onto the stage and taking "
                "the iPhone out of his jeans pocket.")
    got = {a.text[e.start:e.end]: (e.label, e.date) for e in a.events}
    assert got["walking"] == got["taking"] == ("occurrence", "2010-06-07")


def test_what_happened_when_or_at_the_happening_where_an_event_was_told_is_an_event_at_its_time() -> None:
    # SemEval trial doc 12315 (Wikinews) and FNC-1 bodies: TimeML marks "promoted" in "at a conference, where
    # he promoted"; the stage took no relative clause. A place's past is not the event's ("the neighbourhood
    # where Baghdadi spent his early years"), nor "the firm where he worked"
    a = _parsed("Steve Jobs announced the new phone on Monday at a developers' conference, where he promoted "
                "the iPhone by saying that it is twice as fast. Williams has anchored NBC Nightly News since "
                "December 2004, when he replaced Tom Brokaw. Earlier this year the Telegraph visited the "
                "ramshackle neighbourhood of Tobchi in Baghdad, where Baghdadi spent his early years.")
    got = _events_by_word(a)
    assert got["promoted"][:2] == ("occurrence", "2010-06-07") and got["announced"][1] == "2010-06-07"
    assert got["replaced"][:2] == ("occurrence", "2004-12")
    assert "spent" not in got


def test_an_appearance_made_is_a_happening() -> None:
    # SemEval trial doc 18315 (Wikinews): TimeML marks "appearance" in "made an appearance in March and June";
    # FNC-1 body: "In July Baghdadi made a surprise appearance in Mosul"
    a = _parsed("In July Baghdadi made a surprise appearance in Mosul. He briefly made an appearance in "
                "March to unveil the iPad 2.", published=date(2014, 10, 15))
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision) for e in a.events}
    assert got["surprise appearance"] == ("occurrence", "2014-07", "month")
    assert got["appearance"] == ("occurrence", "2014-03", "month")


def test_a_perfect_progressive_holding_since_a_time_is_a_happening_begun_then() -> None:
    # SemEval trial docs 18315 and 18355 (Wikinews): TimeML marks "fighting" (gold 2004); a bare
    # progressive tells no start and stays no event
    a = _parsed("He has been fighting pancreatic cancer since 2004. Apple engineers were working on the "
                "phone.")
    got = {a.text[e.start:e.end]: (e.label, e.date, e.precision) for e in a.events}
    assert got["fighting"] == ("occurrence", "2004", "year")
    assert "working" not in got


def test_what_a_verb_of_phase_is_the_phase_of_is_a_happening_at_its_time() -> None:
    # SemEval trial doc 18315 (Wikinews): TimeML marks "steer" (gold undated); FNC-1 bodies: "began teaching
    # in 1996"
    a = _parsed("Jobs will continue to steer the company from his position as chairman of the board. He "
                "began teaching in Phoenix in 1996. He did not start to drive the car.")
    got = {a.text[e.start:e.end]: (e.label, e.date) for e in a.events}
    assert got["steer"] == ("occurrence", None) and got["continue"][1] is None
    assert got["teaching"] == ("occurrence", "1996")
    assert "drive" not in got  # a negated phase: no driving began


def test_a_leave_taken_or_been_on_is_a_happening_and_one_named_as_a_span_is_not() -> None:
    # SemEval trial docs 17677 and 18315 (Wikinews): TimeML marks Jobs' "medical leave" (gold the day it was
    # announced); "the beginning of Jobs' medical leave" names the leave told before, which the clause does
    # not date
    a = _parsed("Steve Jobs announced Monday in an internal memo that he would be on medical leave. Woods "
                "announced Feb. 11 that he was taking an indefinite leave from golf. Tim Cook has been "
                "serving as interim CEO since the beginning of Jobs' medical "
                "leave.", published=date(2014, 10, 15))
    assert [(a.text[e.start:e.end], e.date) for e in a.events if e.label == "absence"] == [
        ("leave", "2014-10-13"), ("leave", "2014-02-11")]


def test_the_newsrooms_own_plans_are_no_happening() -> None:
    # FNC-1 bodies 195, 212 and 266: times.v13's narrated futures took the report's boilerplate as events;
    # an email the report gives unquoted keeps its writer's future (SemEval trial doc 17677, gold "involved")
    a = _parsed("Jobs wrote in the email. I will continue as CEO and be involved in major strategic "
                "decisions. We'll continue to update this story as more info becomes available. We will "
                "update this post accordingly.")
    got = {(a.text[e.start:e.end], e.start) for e in a.events}
    assert ("involved", a.text.index("involved")) in got
    assert not any(w in ("update", "continue") and s > a.text.index("We'll") for w, s in got)


# --- h56: the participants of a happening its noun names beside the one doing it or in it


def _mentioned(text: str, published: date) -> Analysis:
    from newsprism.stages.mentions import MentionStage
    from newsprism.stages.parse import ParseStage

    return TimeStage()(MentionStage()(ParseStage()(Analysis(article=Article(id="w", text=text,
                                                                            published=published)))))


def _parties(a: Analysis, word: str, nth: int = 0) -> tuple[list[str], str]:
    ev = [e for e in a.events if a.text[e.start:e.end] == word][nth]
    return [a.text[p.start:p.end] for p in ev.participants], ev.description


def test_the_subject_of_a_support_verb_or_a_state_is_in_the_happening_its_noun_names() -> None:
    # SemEval trial docs 4954 and 17677 (Wikinews): TimeML marks "invitation" and "leave"; the stage found
    # them with no participant, and the timeline starts no entry for an occurrence no one does
    a = _mentioned("After the case closed Apple Computer CEO Steve Jobs extended an invitation to the record "
                   "label. Steve Jobs, the chief executive officer of Apple Inc., announced Monday in an "
                   "internal memo that he would be on medical leave for an undetermined period of time.",
                   published=date(2011, 1, 17))
    names, desc = _parties(a, "invitation")
    assert names[:1] == ["CEO Steve Jobs"] and desc == "CEO Steve Jobs invitation"
    names, desc = _parties(a, "leave")
    assert names[:1] == ["Steve Jobs"] and desc == "Steve Jobs leave"


def test_the_subject_beside_an_object_that_is_no_support_is_not_its_doer() -> None:
    # the subject of a verb whose object is the happening is as often another party; one given the leave
    # is not the one who grants it; an infinitive of purpose is another's doing (FNC-1 body 242)
    a = _mentioned("Apple Computer denied the announcement on Monday. At my request, the board of directors "
                   "has granted Jobs a medical leave of absence. The sheriff turned the case over to the "
                   "coroner's office to make a final ruling on Monday.", date(2014, 10, 15))
    assert "Apple Computer" not in _parties(a, "announcement")[0]
    assert _parties(a, "leave")[1] != "board leave"
    assert "sheriff" not in _parties(a, "ruling")[1]


def test_a_definite_noun_takes_up_the_name_ending_in_it() -> None:
    # SemEval trial doc 5504 (Wikinews): "The store currently sells digital music tracks" after "the online
    # iTunes Music Store": the seller is that store; a noun no name before it ends in stays a noun
    a = _mentioned("Apple Computer is planning to sell full-length feature films via the online iTunes Music "
                   "Store.\n\n"
                "The store currently sells digital music tracks on Tuesday.\n\nThe company sold films on "
                "Monday.",
                published=date(2006, 6, 20))
    names, desc = _parties(a, "sells")
    assert names[:1] == ["iTunes Music Store"] and desc.startswith("iTunes Music Store sells")
    assert _parties(a, "sold")[1].startswith("company sold")


def test_he_is_a_person_named_in_the_paragraph_before_rather_than_an_organisation_of_his() -> None:
    # FNC-1 body 225: "he" was taken for the news agency of its own paragraph
    a = _mentioned("Prime Minister Narendra Modi promised to curb slack working practices when he took "
                   "office last year.\n\nThe AFP news agency reports that he makes unannounced visits to "
                   "government offices.",
                published=date(2014, 10, 15))
    assert _parties(a, "visits")[0][:1] == ["Narendra Modi"]


def test_an_infinitive_after_the_object_of_asking_is_the_objects_doing() -> None:
    # FNC-1 body 110: "telling" was the executives'; after other verbs the infinitive is a purpose, the
    # subject's (body 63)
    a = _mentioned("Senior executives had in the past asked Brian Williams to stop telling the story in "
                   "public. North Korean leader Kim Jong-un had surgery in Pyongyang in mid-September to "
                   "treat fractures.",
                   date(2014, 10, 15))
    assert _parties(a, "telling")[0][:1] == ["Brian Williams"]
    assert _parties(a, "treat")[0][:1] == ["Kim Jong-un"]


def test_a_relative_pronoun_subject_is_the_name_its_clause_hangs_on() -> None:
    # FNC-1 bodies 428, 226: "who" is no name, and the names of its clause are what was won; "which"
    # stands for a name too, but for a thing it is no doer ("the raid that killed": the raid's phrase)
    a = _mentioned("Bale will be directed by Danny Boyle, who won an Oscar in 2008 for the film. "
                   "Sotloff, who was kidnapped near the border in August 2013, appeared in the video. "
                   "Al-Shabab, which attacked the mall in Nairobi last year, is based in Somalia.",
                   date(2014, 10, 15))
    names, desc = _parties(a, "won")
    assert "Danny Boyle" in names and desc == "Danny Boyle won Oscar"
    assert _parties(a, "kidnapped")[0][:1] == ["Sotloff"]
    assert _parties(a, "attacked")[1] == "Al-Shabab attack on mall"
    # a place's "which" is where, not who ("the attack on the mall in Nairobi, which killed"): the attack's
    b = _mentioned("Al-Shabab claimed the 2013 attack on the Westgate Mall in Nairobi, which killed 67 "
                   "people.",
                   date(2014, 10, 15))
    assert "Nairobi" not in _parties(b, "killed")[0]


def test_the_kin_of_one_named_are_the_victims_not_he() -> None:
    # FNC-1 bodies 273, 394: "detained a wife and daughter of Islamic State leader Abu Bakr al-Baghdadi" was
    # "Abu Bakr al-Baghdadi arrested", "An aide to al-Baghdadi were also killed" "al-Baghdadi killed"; the
    # person set beside a kin noun is still its victim
    a = _mentioned("The Lebanese army detained a wife and daughter of Islamic State leader Abu Bakr "
                   "al-Baghdadi on Monday. An aide to al-Baghdadi was also killed by US air strikes on "
                   "Tuesday. Kim took over after the death of his father, Kim Jong-il, in "
                   "2011.", date(2014, 10, 17))
    assert _parties(a, "detained")[1] == "wife detained" and _parties(a, "killed")[1] == "aide killed"
    assert _parties(a, "death")[1] == "Kim Jong-il killed"


def test_a_victim_s_group_is_no_victim_and_killings_of_two_of_its_members_are_two() -> None:
    # FNC-1 bodies 77, 226: "killed the leader of the al-Shabab terrorist group", "killed a high-ranking
    # intelligence officer for al-Shabab" and "killed al-Shabab's top explosives expert" were each "al-Shabab
    # killed", the group their victim, and the timeline made the killings of the two months one entry of the
    # group's death; the one a noun of a victim is set beside, or counts, is still the victim
    a = _mentioned("U.S. airstrikes on Monday killed the leader of the al-Shabab terrorist group in Somalia, "
                   "the Pentagon said. A U.S. missile strike in January killed a high-ranking intelligence "
                   "officer for al-Shabab, and last October a U.S. strike killed al-Shabab's top explosives "
                   "expert. Drone strikes have killed dozens of Kurds. Sami Hafez Al-Abdullah, an Albanian "
                   "national killed in Syria in 2013, was buried there. Iran mourned the death of the head "
                   "of the Quds Force, Qassem Soleimani.",
                   date(2014, 9, 5))
    assert [_parties(a, "killed", k)[0] for k in range(3)] == [[], [], []]
    assert _parties(a, "killed")[1] == "leader killed"
    assert _parties(a, "killed", 3) == (["Kurds"], "dozens of Kurds killed")
    assert _parties(a, "killed", 4)[1] == "Sami Hafez Al-Abdullah killed"
    assert _parties(a, "death")[1] == "Qassem Soleimani killed"
    killings = [(e.date, e.description) for e in build_timeline([a]) if e.description.endswith(" killed")]
    assert [d for d, _ in killings] == ["2013", "2013-10", "2014-01", "2014-09-01"], killings


def test_a_telling_s_noun_is_its_clause_s_speakers_and_not_the_outlet_s_it_is_told_to() -> None:
    # FNC-1 bodies 343, 271, 146: "In an interview with CNN before the visit, Obama explained" was "remarks"
    # of CNN, and joined "CNN's Hala Gorani tweeted" as CNN's doing of the day; the interview is Obama's, the
    # outlet it is with no party. A clause's subject that cannot speak is no speaker ("his caliphate was
    # expanding ... in the speech", the parse hanging the phrase on the said clause's verb)
    a = _mentioned("In an interview with CNN before the visit, Obama explained why he was hesitant. "
                   "Al-Baghdadi said his caliphate was expanding in the speech released on Nov. "
                   "13.", date(2014, 11, 20))
    assert _parties(a, "interview") == (["Obama"], "Obama remarks")
    assert _parties(a, "speech") == ([], "remarks")


def test_a_trigger_noun_set_bare_before_another_noun_is_that_noun_s_kind_no_happening() -> None:
    # FNC-1 bodies 220, 114, 125, 75, 41, 269, 121: "the death penalty", "death threats", "an assault rifle",
    # "HBO's launch partners" were killings, an attack and a launch; what a video shows, a happening a noun
    # of one names and one a date is the time of stay happenings
    a = _mentioned("Prosecutors will seek the death penalty against Tsarnaev. A plumber is getting death "
                   "threats. He brandished an assault rifle on Monday. Apple could be one of HBO's launch "
                   "partners. The watch is on track for a February 2015 release date. The Haines execution "
                   "video was released on Saturday. Officer Darren Wilson was cleared in the shooting death "
                   "of Michael Brown.", date(2014, 10, 20))
    words = sorted(a.text[e.start:e.end] for e in a.events)
    assert words == ["brandished", "death", "execution", "release", "released", "seek", "shooting"], words


def test_a_caption_s_heading_word_is_no_happening() -> None:
    # FNC-1 bodies 110, 121, 230: "Denial: Williams denied that he was 'trying to steal anyone's valor'" was a
    # denial of its own besides Williams's, "Claim: Deandre Joshua was murdered" and "(Warning: gory)"
    # tellings; a saying's verb before its colon is one ("The minister added: ...")
    a = _mentioned("Other soldiers have accused Williams of lying.\n\nDenial: Williams denied on Wednesday "
                   "that he was lying.\n\nThe minister added: \"We conducted tests.\" (Warning: "
                   "gory)", date(2014, 9, 12))
    words = [a.text[e.start:e.end] for e in a.events]
    assert "Denial" not in words and "Warning" not in words and "denied" in words and "added" in words, words


def test_a_present_participle_set_before_a_noun_is_its_kind_no_happening() -> None:
    # FNC-1 bodies 377, 117, 467: "the ruling Workers' Party of Korea" was a ruling of the day before the
    # report, "the founding president of North Korea" a founding, "a charging station" a charge; "the shooting
    # death of Michael Brown" stays the shooting
    a = _mentioned("Yesterday was the anniversary of the ruling Workers' Party of Korea, whose founding "
                   "president was Kim Il Sung. The robots return to the charging station. The FBI heard a "
                   "recording of the shooting death of Michael Brown.", date(2014, 10, 26))
    words = sorted(a.text[e.start:e.end] for e in a.events)
    assert "ruling" not in words and "founding" not in words and "charging" not in words, words
    assert "shooting" in words, words


def test_a_present_saying_takes_no_time_past_its_reports_week() -> None:
    # FNC-1 bodies 247, 40, 171: "In August 2014 Taylor says she met Michael Phelps" was Taylor's saying of
    # August, "Even if So denies any health problems, Kim has not been seen since Sept. 3" a denial of
    # September 3, "who Human Rights Watch says could be prosecuted for ... the mass killing ... in 2000" a
    # saying of 2000; a present saying is the report's now, and a day of the lead's week stays its own ("A
    # rumor on Tuesday claims")
    a = _mentioned("In August 2014 Taylor says she met Michael Phelps via the dating app Tinder. Even if So "
                   "denies any health problems, Kim has not been seen since Sept. 3. A rumor on Tuesday "
                   "claims the watch will cost $500.", date(2014, 10, 12))
    got = {a.text[e.start:e.end]: (e.date, dating_rule(e)) for e in a.events}
    assert got["says"] == ("2014-10-12", "document") and got["met"][0] == "2014-08", got
    assert got["denies"][0] is None and got["claims"] == ("2014-10-07", "own"), got


def test_a_dateline_s_place_is_no_party_of_the_first_sentence() -> None:
    # FNC-1 bodies 377, 416, 171: "SEOUL — Early signs yesterday indicated" had the doer SEOUL, "WASHINGTON
    # (CBS DC) – Rep. Duncan Hunter, R-Calif., says" was "WASHINGTON statement"; a headline in capitals ending
    # its line is no dateline
    a = _mentioned("SEOUL — Early signs yesterday indicated that Kim Jong-un skipped a ritual.",
                   date(2014, 10, 26))
    assert _parties(a, "indicated")[0] == []
    b = _mentioned("WASHINGTON (CBS DC) – Rep. Duncan Hunter says that ISIS fighters were caught at the "
                   "border.",
                   date(2014, 9, 25))
    assert _parties(b, "says") == (["Duncan Hunter"], "Duncan Hunter statement")


def test_what_a_doing_is_for_takes_no_time_from_it() -> None:
    # FNC-1 body 308: "Nigeria said on Friday it had agreed a ceasefire ... and reached a deal for the release
    # of more than 200 schoolgirls" made a release of Friday, one entry; so would "arrested on Monday for the
    # murder of his wife" a murder of Monday. What a doing is for is sought or answered, not done with it: no
    # inherited time, and no entry of its own
    a = _mentioned("Nigeria said on Friday it had agreed a ceasefire with Boko Haram and reached a deal for "
                   "the release of more than 200 schoolgirls. He was arrested on Monday for the murder of "
                   "his wife.", date(2014, 9, 17))
    rules = {a.text[e.start:e.end]: dating_rule(e) for e in a.events}
    assert rules["release"] != "inherited" and rules["murder"] != "inherited", rules
    described = [e.description for e in build_timeline([a])]
    assert not [d for d in described if "release" in d or d.endswith(" killed")], described


def test_an_address_is_a_speech_only_when_its_words_say_so() -> None:
    # FNC-1 bodies 298, 32, 229: "Mr. Zehaf-Bibeau listed his address as being in Aylmer", "his first name,
    # age and address", "the home address of Credido" were remarks; a keynote address or one to the nation is
    # one
    a = _mentioned("In court records, Mr. Bibeau listed his address as being in Aylmer. Toys were sent to "
                   "the home address of Credido. In his keynote address on Wednesday, Jobs announced the "
                   "laptop. The president's address to the nation on Sunday was brief.", date(2014, 10, 23))
    at = [e.start for e in a.events if a.text[e.start:e.end] == "address"]
    assert at == [a.text.index("address on Wednesday"), a.text.index("address to the")], at


def test_an_address_of_no_speech_kind_is_where_one_lives() -> None:
    # FNC-1 body 2349 ("Mr Emwazi's most recent address was a flat"): a word before "address" that names no
    # kind of speech, or a place it is given as, leaves it a residence; the commencement address stays a
    # speech
    a = _mentioned("Police searched his old address in Aylmer on Monday. The suspect listed a new address in "
                   "Ottawa. Officers went to her last known address. The suspect gave his address as 12 Elm "
                   "Street when he was arrested. She gave the commencement address at Rollins College on "
                   "Sunday.",
                   date(2014, 10, 23))
    at = [e.start for e in a.events if a.text[e.start:e.end] == "address"]
    assert at == [a.text.index("address at Rollins")], at


def test_whom_a_warning_is_to_is_a_party_of_it_and_an_outlet_a_statement_is_to_is_not() -> None:
    # v121 dropped every organisation a telling's noun is with, on or to, the outlet it is given to: a
    # warning or a threat is aimed at whom its "to" names, a party of it as much as of its speaker.
    a = _mentioned("Netanyahu issued a warning to Hamas on Tuesday. The Department of Homeland Security "
                   "denied that in a statement to MailOnline on Wednesday.", date(2014, 9, 5))
    assert "Hamas" in _parties(a, "warning")[0]
    assert _parties(a, "statement")[0] == ["Department of Homeland Security"]


def test_a_historical_present_keeps_its_date_and_a_caps_name_before_an_aside_is_no_dateline() -> None:
    # Review of b5e4379, 2334451, f076bf9: a present saying of a past ("Taylor says she met") is the report's
    # now, but one telling a present is the historical present, dated by its own expression; a prize
    # "announced" is no thing launched; "NATO - which has 28 members -" is no dateline, NATO the speaker.
    a = _mentioned("In 1963, Martin Luther King says he has a dream. In June 2005, Steve Jobs tells Stanford "
                   "graduates to stay hungry. In August 2014 Taylor says she met Michael Phelps.",
                   date(2014, 9, 5))
    assert [(e.date, dating_rule(e)) for e in a.events if a.text[e.start:e.end] in ("says", "tells")] == [
        ("1963", "own"), ("2005-06", "own"), ("2014-09-05", "document")]
    b = _mentioned("The recently announced Nobel Peace Prize went to Malala Yousafzai on Friday.",
                   date(2014, 9, 5))
    assert [e.label for e in b.events if b.text[e.start:e.end] == "announced"] == ["statement"]
    c = _mentioned("NATO - which has 28 members - warned Russia on Tuesday that it would respond.",
                   date(2014, 9, 5))
    assert _parties(c, "warned") == (["Russia", "NATO"], "NATO statement")


def test_a_run_of_happenings_a_trigger_noun_is_set_before_is_those_happenings() -> None:
    # v122 made a trigger noun set before another noun that noun's kind ("the death penalty"); "a shooting
    # rampage", "a bombing campaign" are shootings and bombings that took place (review of cfd9916).
    a = _mentioned("The gunman went on a shooting rampage in Ottawa on Wednesday. NATO began a bombing "
                   "campaign in March. He faces the death penalty.", date(2014, 10, 23))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["shooting"] == "2014-10-22" and got["bombing"] == "2014-03" and "death" not in got


def test_what_moved_during_a_speech_is_no_speaker_of_it() -> None:
    # h123's review of 987c2b7: a telling's noun under "during"/"in" takes the clause's subject for its
    # speaker, and "the Dow" of "During the speech, the Dow fell" was one; a value's moving tells nothing
    a = _mentioned("During the speech on Monday, the Dow fell 200 points. In an interview with CNN on "
                   "Tuesday, Obama explained why he was hesitant.", date(2014, 9, 5))
    assert _parties(a, "speech") == ([], "remarks")
    assert _parties(a, "interview") == (["Obama"], "Obama remarks")


def test_third_review_a_person_s_moves_a_dateline_s_lower_case_start_an_election_campaign() -> None:
    # h128's review of v133, v136, v137: a person who "rallied" or "rose" in a speech gave it still; a
    # dateline before a lower-case brand or a sign is one; a campaign is a run of attacks, not of elections
    a = _mentioned("In a speech on Monday, Obama rallied Democrats to back the bill.", date(2014, 9, 5))
    assert _parties(a, "speech") == (["Obama"], "Obama remarks")
    b = _mentioned("CUPERTINO — iPhone sales rose sharply on Tuesday, Apple said.", date(2014, 9, 5))
    assert _parties(b, "rose")[0] == []
    c = _mentioned("NEW YORK — $2 billion was wiped off shares on Tuesday.", date(2014, 9, 5))
    assert _parties(c, "wiped")[0] == []
    d = _mentioned("The election campaign began on Monday in Scotland.", date(2014, 9, 5))
    assert "election" not in [d.text[e.start:e.end] for e in d.events]


def test_a_plan_s_participle_is_read_in_capitals_too() -> None:
    # v120's reading of "is scheduled for release" as a plan of the report's day held in lower case only
    a = _mentioned("THE FILM IS SCHEDULED FOR RELEASE IN DECEMBER.", date(2014, 9, 5))
    [ev] = [e for e in a.events if a.text[e.start:e.end] == "SCHEDULED"]
    assert (ev.date, dating_rule(ev)) == ("2014-09-05", "document")


def test_a_participle_s_noun_does_it_and_a_verb_s_from_is_where() -> None:
    # FNC-1 bodies 352, 77: "a former U.S. Army soldier speaking from Derik, Syria" was a "Derik remarks"
    # entry, "ousted from the capital by African Union forces" a "capital ousted": a verb's "from" is where or
    # whence, the noun an active participle hangs on its doer ("a statement from the ministry" keeps its
    # "from")
    a = _mentioned("Jordan Matson, a former U.S. Army soldier speaking from Derik, Syria, said on Wednesday "
                   "that he had joined the fighters. Al Shabab was ousted from the capital by African Union "
                   "forces in 2011.",
                   date(2014, 10, 9))
    assert _parties(a, "speaking")[1] == "former U.S. Army soldier remarks"
    assert _parties(a, "ousted")[1] == "African Union forces ousted Al Shabab"


def test_the_passive_subject_of_a_saying_is_what_is_said_of_not_a_party() -> None:
    # FNC-1 bodies 226, 34: "Godane ... was said to be a quiet boy" joined Godane's own saying of the day
    a = _mentioned("Godane, who was born in 1977, was said to be a quiet boy. Bary is said to have left home "
                   "last year. Godane said on Monday that the attack was revenge.", date(2014, 9, 12))
    said = [[a.text[p.start:p.end] for p in e.participants] for e in a.events
            if a.text[e.start:e.end] == "said"]
    assert said == [[], [], ["Godane"]], said


def test_a_subject_set_off_from_its_verb_by_a_participle_is_the_verbs() -> None:
    # SemEval trial doc 17677 (Wikinews), as the corpus spaces it: the parser hangs 'Jobs' on 'aged', and the
    # leave had no one on it
    a = _mentioned("Monday 's email announcement marked the third time in the past decade that Jobs , aged "
                   "55 , has taken medical leave .", date(2011, 1, 17))
    assert _parties(a, "leave") == (["Jobs"], "Jobs leave")


# --- h61: the first person of a named writer's text; the one granted a leave


def test_the_first_person_of_a_writing_the_report_gives_is_its_writer() -> None:
    # SemEval trial doc 17677 (Wikinews), gold 2011-01-17 for 'leave': "me" is the writer of the email the
    # report gives (its possessor, "Jobs's email"), and the one granted the leave holds it (not the board, nor
    # the "absence" it is of); with no participant it joined no entry. The report's own first person, with no
    # writer named, stays no one; a sentence naming the writer again between is the report's voice.
    text = ("Steve Jobs, the chief executive officer of Apple Inc., announced Monday in an internal memo "
            "that he would be on medical leave.\n\nOn its website, Apple released the text of Jobs's email, "
            "which reads: Team, At my request, the board of directors has granted me a medical leave of "
            "absence so I can focus on my health.\n\nI have asked Tim Cook to be responsible for all of "
            "Apple's day to day operations.")
    a = _mentioned(text, published=date(2011, 1, 17))
    assert _parties(a, "leave", 1)[0] == ["Jobs"]
    leaves = [ev.start for ev in a.events if a.text[ev.start:ev.end] == "leave"]
    held = [(e.date, sorted(s for _, s in starts if s in leaves)) for e, starts in timeline_members([a])]
    assert ("2011-01-17", leaves) in held, held  # the granted leave is the memo's leave, one entry
    b = _mentioned("I think the board of directors has granted me a medical leave of absence on Monday.",
                   published=date(2011, 1, 17))
    assert _parties(b, "leave")[0] == []
    c = _mentioned(text.replace("Team, At my", "Team. Jobs wrote it at night.\n\nAt my"),
                   published=date(2011, 1, 17))
    assert _parties(c, "leave", 1)[0] == []


def test_a_noun_of_an_occurrence_is_no_other_occurrence_of_its_doer() -> None:
    # FNC-1 body 451: "Conal's customer-service request" took the date of "cancel his subscription in October
    # 2013" (the generic occurrence class, one doer); and once "my" is Jobs (SemEval trial doc 17677), "At my
    # request" took the 2009 of "Jobs took six months off in early 2009". One occurrence is another only by
    # its word too: "his request" after "requested in May" is that request.
    a = _mentioned("Conal tried to cancel his subscription in October 2013, and Comcast sent him "
                   "equipment.\n\nNo one ever sorted out Conal's customer-service "
                   "request.", published=date(2014, 10, 15))
    (req,) = [ev for ev in a.events if a.text[ev.start:ev.end] == "request"]
    assert req.date != "2013-10", (req.date, dating_rule(req))
    b = _mentioned("Conal requested a refund in May 2014.\n\nNo one ever sorted out Conal's customer-service "
                   "request.",
                   published=date(2014, 10, 15))
    (req,) = [ev for ev in b.events if b.text[ev.start:ev.end] == "request"]
    assert (req.date, dating_rule(req)) == ("2014-05", "coreferent")


def test_executing_a_plan_is_no_killing() -> None:
    # SemEval trial doc 17677: "executing the exciting plans we have in place for 2011" was a killing dated
    # 2011. A plan, order, trade or -tion noun executed (object, passive subject, the head of a relative
    # clause, the noun's "of" object) is carried out; a person executed is put to death.
    memo = _mentioned("I have great confidence that Tim and the rest of the executive management team will "
                      "do a terrific job executing the exciting plans we have in place for "
                      "2011.", published=date(2011, 1, 17))
    assert not [ev for ev in memo.events if ev.label == "killing"], [(memo.text[ev.start:ev.end], ev.date)
                                                                     for ev in memo.events]
    for text in ("The execution of the plan took months.", "The plans they executed in 2010 worked.",
                 "The bank executed the transaction on Monday."):
        a = _mentioned(text, published=date(2011, 1, 17))
        assert not [ev for ev in a.events if ev.label == "killing"], text
    for text, word in (("Islamic State militants executed two Iraqi women last week.", "executed"),
                       ("He was executed by ISIS in August.", "executed"),
                       ("Foley's execution shocked the world.", "execution")):
        a = _mentioned(text, published=date(2014, 9, 1))
        assert [ev.label for ev in a.events if a.text[ev.start:ev.end] == word] == ["killing"], text


@pytest.mark.parametrize("text, word, label", [
    # FNC-1 bodies 0-800: each of these made an entry of the wrong class
    ("Homeland Security Secretary Jeh Johnson shot down claims on Thursday that the border is porous.",
     "shot", "denial"),
    ("A gunman fired multiple shots at the National War Memorial in Ottawa on Wednesday.", "fired", "attack"),
    ("A drone fired on his two-car convoy in Somalia on Monday night.", "fired", "attack"),
    ("A gunman opened fire at Canada's National War Memorial on Wednesday.", "opened", "attack"),
    ("The video was shot in the Now Zad district in 2013.", "shot", None),
    ("The report says that HBO is targeting a launch in early April.", "targeting", None),
    ("Shekau ruled out talks with the government in 2012.", "ruled", None),
    ("Godane is believed to have settled in Mogadishu in 2004.", "settled", None),
    ("The American airstrikes on Monday succeeded in killing the group's leader.", "succeeded", None),
    ("Security personnel demonstrated professionalism and courage on Monday.", "demonstrated", None),
    # the lexicon's senses stay
    ("Apple fired its chief executive on Monday.", "fired", "leadership"),
    ("Comcast got one of its customers fired from his job at an accounting firm in May.", "fired",
     "leadership"),
    ("Police shot Michael Brown on August 9.", "shot", "attack"),
    ("Kim has gained weight since succeeding his father, Kim Jong-il in 2011.", "succeeding", "leadership"),
    ("Jobs demonstrated the iPhone on Monday.", "demonstrated", "launch"),
    ("Apple settled the lawsuit in 2004.", "settled", "legal"),
])
def test_a_lexicon_verb_is_read_by_what_it_acts_on(text: str, word: str, label: str | None) -> None:
    a = _mentioned(text, published=date(2014, 9, 1))
    got = [ev.label for ev in a.events if a.text[ev.start:ev.end] == word]
    lexicon = {"killing", "attack", "statement", "denial", "remark", "meeting", "election", "arrest",
               "launch", "legal", "leadership", "business", "injury"}
    if label is None:
        assert not [g for g in got if g in lexicon], (text, got)
    else:
        assert got == [label], (text, got)


def test_fire_opened_describes_no_target() -> None:
    a = _mentioned("A gunman opened fire at Canada's National War Memorial on Wednesday.",
                   published=date(2014, 9, 1))
    (ev,) = [ev for ev in a.events if a.text[ev.start:ev.end] == "opened"]
    assert ev.description == "gunman opens fire", ev.description


def test_what_one_has_yet_to_do_is_no_event() -> None:
    # FNC-1 body 414: "Apple has yet to publicly announce a specific launch date ... beyond 'Early 2015'" was
    # an 'Apple statement' entry at 2015; "is yet to be confirmed", "has yet to comment" are no happenings
    # either.
    for text, word in ((("While Apple has yet to publicly announce a specific launch date for the Apple "
                         "Watch beyond early 2015, sources say the company is planning a March "
                         "debut."), "announce"),
                       ("The FBI has yet to comment on whether it questioned the man.", "comment"),
                       ("The Archdiocese of Boston is yet to confirm the news.", "confirm")):
        a = _mentioned(text, published=date(2014, 9, 1))
        assert not [ev for ev in a.events if a.text[ev.start:ev.end] == word], text
    b = _mentioned("Apple has announced a launch date for the Apple Watch in April.",
                   published=date(2014, 9, 1))
    assert [ev.label for ev in b.events if b.text[ev.start:ev.end] == "announced"] == ["statement"]


def test_what_one_declined_refused_or_failed_to_do_is_no_event() -> None:
    # FNC-1 bodies 0-299: "He also declined to tell BuzzFeed News who had told him" (body 76) was a telling
    # of the union's Thursday, "Scotland Yard has refused to confirm the reports" (body 390) and "state
    # media failed to report on or photograph him for 23 days" (body 61, at June 2012) happenings too
    for text, word in (("He also declined to tell BuzzFeed News who had told him about the report.", "tell"),
                       ("Scotland Yard has refused to confirm the reports.", "confirm"),
                       ("In June 2012, state media failed to report on him for 23 days.", "report"),
                       ("Google declined to comment.", "comment")):
        a = _mentioned(text, published=date(2014, 9, 1))
        assert not [ev for ev in a.events if a.text[ev.start:ev.end] == word], text
    b = _mentioned("Google declined the offer on Monday and told reporters it would appeal.",
                   published=date(2014, 9, 1))
    assert [ev.label for ev in b.events if b.text[ev.start:ev.end] == "told"] == ["statement"]


def test_what_could_or_may_happen_at_a_time_is_undated() -> None:
    # FNC-1 bodies 0-299: "one or more of the aircraft could be used in an attack later this month" (189,
    # 396) was a September happening, "The purchase — which could close later this month" (401) too,
    # "may have been triggered by uncertainty" (254) one of yesterday; what the verb takes took place
    # ("may stem from the arrests in September", 76), and "could be seen" this morning was seen (125)
    a = _parsed("The purchase, which could close later this month, would be Google's biggest. The rumors "
                "may stem from the arrests in September of four people. This morning the flag could clearly "
                "be seen above buildings.", published=date(2014, 9, 10))
    dates = {a.text[ev.start:ev.end]: ev.date for ev in a.events}
    assert dates.get("close") is None, dates
    assert dates.get("stem") is None, dates
    assert dates.get("arrests") == "2014-09", dates
    assert dates.get("seen") == "2014-09-10", dates


def test_a_past_ability_achieved_at_a_day_gone_is_dated() -> None:
    # h146 (review of 734c24c): "could finally reach the summit on Tuesday" tells they did, on Tuesday; the
    # verb's own 'could' left it undated. A bare day after a 'could' told as no achievement, a 'could have'
    # and a time to come stay undated
    a = _parsed("The climbers could finally reach the summit on Tuesday after days of storms. Rescuers could "
                "only reach the village on Monday. The deal could close on Friday. The patient could have "
                "died on Tuesday. The purchase could close later this month.", published=date(2014, 9, 10))
    dates = [(a.text[ev.start:ev.end], ev.date) for ev in a.events if ev.label != "meeting"]
    assert dates == [("reach", "2014-09-09"), ("reach", "2014-09-08"), ("deal", "2014-09-12"),
                     ("close", None), ("died", None), ("close", None)], dates


def test_a_bare_day_told_after_a_modal_of_possibility_is_the_coming_one() -> None:
    # h156 (left by h146): "could close on Friday" in a Wednesday's report was last Friday; a modal of what
    # may yet happen (can/could/may/might) before a bare verb tells the coming one (FNC-1 bodies 1644, 2490:
    # King Abdullah "may fly a bomber himself on Thursday"; 660: "this event could be held on the 24th of
    # February"). A past ability or inability, a 'could have' and what one could see keep the day gone by
    a = _parsed("The factory could close on Friday, the union said. Talks may resume on Monday. The bill "
                "can pass on Thursday. The king might fly a bomber himself on Saturday. Rescuers could not "
                "reach the village on Monday. The patient could have died on Tuesday. Smoke could be seen "
                "on Sunday.", published=date(2014, 9, 10))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [
        ("on Friday", "2014-09-12"), ("on Monday", "2014-09-15"), ("on Thursday", "2014-09-11"),
        ("on Saturday", "2014-09-13"), ("on Monday", "2014-09-08"), ("on Tuesday", "2014-09-09"),
        ("on Sunday", "2014-09-07")]
    got = _events_by_word(a)
    assert got["said"][1] == "2014-09-10" and got["Talks"][1] == "2014-09-15", got
    assert TimeStage().tag == "times.v166"


def test_a_day_before_a_modal_clauses_subject_is_the_main_verbs() -> None:
    # h162 (rd35's review of times.v155): "said on Monday it could cut 500 jobs" in a Wednesday's report
    # was the coming Monday, the parser hanging "on Monday" on "cut"; a day before the modal clause's
    # subject is the saying's, the one gone by. After the subject, or with no verb before it, the
    # coming one stays ("could close on Friday", "On Friday, the plant could close").
    a = _parsed("The company said on Monday it could cut 500 jobs. Officials said on Friday the plant could "
                "close. The deal could close on Friday, the union said. On Friday, the plant could close.",
                published=date(2014, 9, 10))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [
        ("on Monday", "2014-09-08"), ("on Friday", "2014-09-05"), ("on Friday", "2014-09-12"),
        ("On Friday", "2014-09-12")]


def test_what_one_did_not_fail_to_do_happened_and_each_withheld_conjunct_did_not() -> None:
    # h146 (review of 32542e1): "did not fail to pay" is a double negative, a happening, and "declined to
    # comment or confirm the arrests" withholds the confirming as well; a verb of its own tense joined to
    # the infinitive by the parser ("declined to comment and left the building") still took place
    a = _mentioned("The company did not fail to pay its workers on Monday, the union said. The witness "
                   "did not refuse to testify on Monday, his lawyer said.", published=date(2014, 9, 10))
    got = _events_by_word(a)
    assert got["pay"][1] == "2014-09-08" and got["testify"][1] == "2014-09-08", got
    for text, word in (("A spokesman for the ministry declined to comment or confirm the arrests on Monday.",
                        "confirm"),
                       ("Police refused to confirm or deny the report.", "deny"),
                       ("Apple declined to comment or to confirm the launch date.", "confirm")):
        b = _mentioned(text, published=date(2014, 9, 10))
        assert word not in _events_by_word(b), text
    c = _mentioned("He declined to comment and left the building on Monday.", published=date(2014, 9, 10))
    assert _events_by_word(c)["left"][1] == "2014-09-08"


def test_one_who_died_is_described_so_and_a_place_captured_is_no_arrest() -> None:
    # FNC-1 bodies 0-800: "Henry Jackson of the Sugarhill Gang died early Tuesday from kidney complications"
    # was 'Jackson killed', "his father died of a heart attack in 2011" 'heart attack killed'; "fighters ...
    # captured the airport" was 'Tripoli International Airport arrested'.
    a = _mentioned("Henry Jackson of the Sugarhill Gang died early Tuesday from kidney complications.",
                   published=date(2014, 9, 1))
    (ev,) = [ev for ev in a.events if a.text[ev.start:ev.end] == "died"]
    assert (ev.label, ev.description) == ("killing", "Henry Jackson died"), ev.description
    b = _mentioned("Kim came to power after his father died of a heart attack in 2011.",
                   published=date(2014, 9, 1))
    (ev,) = [ev for ev in b.events if b.text[ev.start:ev.end] == "died"]
    assert "heart attack" not in ev.description and ev.description.endswith("died"), ev.description
    c = _mentioned("Fighters from the Islamic Fajr Libya coalition captured the airport on August 26.",
                   published=date(2014, 9, 1))
    assert [ev.label for ev in c.events if c.text[ev.start:ev.end] == "captured"] != ["arrest"]
    d = _mentioned("Gill Rosenberg was captured by ISIS fighters on Sunday.", published=date(2014, 9, 1))
    assert [ev.label for ev in d.events if d.text[ev.start:ev.end] == "captured"] == ["arrest"]
    e = _mentioned("Police killed the gunman on Monday.", published=date(2014, 9, 1))
    assert [ev.description for ev in e.events if e.text[ev.start:ev.end] == "killed"] == ["gunman killed"]


def test_an_expression_inside_the_subject_tells_of_the_subject() -> None:
    # FNC-1 body 1190: the death was dated 1957-08-05, the birthday set off inside its subject, over its own
    # "Tuesday"; with no other expression the subject's still dates it (the tie is a step dearer, not cut).
    text = ("TMZ reported that the rapper — born Henry Jackson on Aug. 5, 1957, in the Bronx — died at about "
            "2 a.m. Tuesday in the greater New York City area.")
    a = _mentioned(text, published=date(2014, 8, 27))
    assert [ev.date for ev in a.events if a.text[ev.start:ev.end] == "died"] == ["2014-08-26"]
    b = _mentioned("The attack on Monday killed three soldiers.", published=date(2014, 8, 27))
    assert [ev.date for ev in b.events if b.text[ev.start:ev.end] == "killed"] == ["2014-08-25"]


def test_neither_nor_negates_both_verbs() -> None:
    # FNC-1 body 10: "an Amazon spokeswoman neither confirmed nor denied the rumor" made a denial entry and a
    # statement entry; "nor did he testify", "did not confirm nor deny" tell nothing done either. A man named
    # Nor ("'We saw something,' Nor said", body 77) still speaks.
    for text, words in ((("In a statement on Friday, an Amazon spokeswoman neither confirmed nor denied "
                          "the rumor."), ("confirmed", "denied")),
                        ("The company did not confirm nor deny the report on Friday.", ("confirm", "deny")),
                        (("Joshua did not witness the shooting, nor did he testify before the grand jury "
                          "on Monday."), ("testify",))):
        a = _mentioned(text, published=date(2014, 9, 1))
        assert not [ev for ev in a.events if a.text[ev.start:ev.end] in words], text
    b = _mentioned("'We saw something,' Nor said on Friday.", published=date(2014, 9, 1))
    assert [ev.label for ev in b.events if b.text[ev.start:ev.end] == "said"] == ["statement"]
    c = _mentioned("Amazon confirmed and denied reports on Friday.", published=date(2014, 9, 1))
    assert sorted(ev.label for ev in c.events if c.text[ev.start:ev.end] in ("confirmed", "denied")) == [
        "denial", "statement"]


def test_a_happening_called_off_is_no_event() -> None:
    # FNC-1 body 600: "Shekau has ... since 2012 ruled out talks with the government" was a 'talk' entry at
    # 2012; body 407's "Apple postponed its release of a smartwatch", body 282's "refused comment" are not
    # happenings.
    for text, word in ((("Shekau has in a series of video messages since 2012 ruled out talks with the "
                         "government."), "talks"),
                       ("Apple postponed its release of a smartwatch in October.", "release"),
                       ("Obama called off the meeting on Monday.", "meeting")):
        a = _mentioned(text, published=date(2014, 9, 1))
        assert not [ev for ev in a.events if a.text[ev.start:ev.end] == word], text
    b = _mentioned("Obama held talks with Putin on Monday.", published=date(2014, 9, 1))
    assert [ev.label for ev in b.events if b.text[ev.start:ev.end] == "talks"] == ["meeting"]


def test_a_heart_attack_is_no_attack() -> None:
    # FNC-1 bodies 11/526/808/1008/...: "rushed to the hospital on January 29 after a major heart attack" made
    # a doerless 'attack' entry at January 29; "his father died of a heart attack in 2011" one at 2011.
    a = _mentioned("The 71-year old cleric was rushed to the hospital on January 29 after a major heart "
                   "attack.",
                   published=date(2015, 2, 10))
    assert not [ev for ev in a.events if ev.label == "attack"], [(a.text[ev.start:ev.end], ev.label)
                                                                 for ev in a.events]
    b = _mentioned("Hamas launched a major attack on Israel on October 7.", published=date(2023, 10, 8))
    assert [ev.label for ev in b.events if b.text[ev.start:ev.end] == "attack"] == ["attack"]


def test_one_dismissed_as_a_post_is_removed_from_it() -> None:
    # "dismissed him as a crank" is a brush-off, "dismissed him as manager" a removal from the post
    a = _parsed("The club dismissed him as manager in 2012. The board dismissed John Smith as chief "
                "executive in 2011.")
    got = {(a.text[e.start:e.end], e.date): e.label for e in a.events}
    assert got[("dismissed", "2012")] == "leadership" and got[("dismissed", "2011")] == "leadership"


def test_one_dismissed_as_something_is_brushed_off_and_a_named_forum_visited_is_a_meeting() -> None:
    # "dismiss X as ..." rejects X, it removes no one from a post; "them" and "us" are people dismissed
    # as much as "him"; a forum, a named place, or a forum for veterans visited is a meeting, a web page none
    text = ("Obama dismissed Romney as out of touch in 2012. The senator dismissed him as a crank in 2010. "
            "The company dismissed them in 2011.\n\nObama visited the World Economic Forum in Davos in 2014. "
            "The president visited a forum for veterans in Ohio in 2013. Readers visit our website daily.")
    a = _parsed(text)
    got = {(a.text[e.start:e.end], e.date): e.label for e in a.events}
    assert got.get(("dismissed", "2012")) != "leadership" and got.get(("dismissed", "2010")) != "leadership"
    assert got[("dismissed", "2011")] == "leadership"
    assert got[("visited", "2014")] == "meeting" and got[("visited", "2013")] == "meeting"
    assert not any(w == "visit" for w, _ in got)


def test_a_month_told_ahead_or_gone_by_is_the_next_or_the_last_one() -> None:
    # FNC-1 bodies 41, 70, 10, 277, 418: "when it goes on sale in January" (September) was the past January,
    # "posted way back in November" (October) the coming one, "set to launch around Jan. 1" the past one
    sept, octo = date(2014, 9, 29), date(2014, 10, 17)
    assert resolve("January", sept, direction=1) == ("2015-01", "month")
    assert resolve("September", sept, direction=1) == ("2014-09", "month")  # this month is not yet gone
    assert resolve("November", octo, direction=-1) == ("2013-11", "month")
    assert resolve("October", octo, direction=-1) == ("2014-10", "month")
    assert resolve("November", octo) == ("2014-11", "month")  # said nothing of: the nearest
    assert future_context("the watch would cost $4,000 when it goes on sale in ") == 1
    assert future_context("The travel site, set to launch around ") == 1
    assert future_context("it's expected to ship beginning in ") == 1
    assert future_context("Apple is launching its latest device, a new watch, in ") == 1
    assert future_context("the ad was originally posted to the career page way back in ") == -1
    assert future_context("the ad was posted in ") == 0


def test_the_next_year_counts_from_the_year_told_before_not_from_publication() -> None:
    # FNC-1 body 110: "In a 2007 entry from his blog ... By the next year Williams was claiming on his blog"
    # was a claim of 2015 (the year after publication); "the next" week, month or year is the one after
    # the time the narrative last named, as "the following year" is, else no time; "next year" is deictic
    assert resolve("the next year", WED) == (None, "vague") and resolve("next year", WED) == ("2024", "year")
    a = _mentioned("Williams wrote about the flight in a blog entry in 2007. By the next year Williams was "
                   "claiming on his blog that all four helicopters took fire. NBC will review the reports "
                   "next year.",
                   date(2014, 9, 12))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["claiming"] == "2008" and got["review"] == "2015", got


def test_a_thing_captured_is_no_arrest() -> None:
    # FNC-1 bodies 406, 59, 462: "capture 55 percent global marketshare this year" was an arrest of 2014, as
    # were "captured video footage" and "captured American weapons"; people, and a count of them, are still
    # arrested
    a = _mentioned("Apple will capture 55 percent global marketshare this year. Residents captured video "
                   "footage of the drone on Monday. Fighters captured American weapons on Sunday. Rebels "
                   "captured the journalist on Friday. Border agents captured ten of its soldiers on "
                   "Tuesday.", date(2014, 10, 17))
    arrests = [a.text[e.end:e.end + 12].strip() for e in a.events if e.label == "arrest"]
    assert arrests == ["the journal", "ten of its"], arrests


def test_a_release_of_people_is_their_freeing_not_a_video_s_release() -> None:
    # FNC-1 bodies 206, 456: "rally support for his release" (Foley's, from captivity) was one entry with
    # the Islamic State's release of the video; the release of a person or people is a freeing
    a = _mentioned("Islamic State militants released a video on Tuesday showing the beheading of James "
                   "Foley. Foley's family confirmed his death in a statement posted on a webpage created to "
                   "rally support for his release. The group released 27 hostages on Monday. Apple released "
                   "the iPhone 6 on Friday.", date(2014, 9, 12))
    got = [(a.text[e.start:e.end], e.label) for e in a.events if a.text[e.start:e.end].startswith("releas")]
    assert got == [("released", "launch"), ("release", "freeing"), ("released", "freeing"),
                   ("released", "launch")]
    video = next(e for e in build_timeline([a]) if "video" in e.description)
    assert not any(a.text[m.start:m.end].endswith("his release") for m in video.mentions)


def test_adding_a_thing_is_no_saying() -> None:
    # FNC-1 bodies 307, 68: "New spaces will be added to Apple Stores" was a statement of Apple Stores, joined
    # to an Apple statement entry; details added, and a sayer the parse takes for the object, are still said
    a = _mentioned("New spaces will be added to Apple Stores for this purpose. KFC franchises have added "
                   "this option to their menu. A source confirmed the story and added some details. \"He is "
                   "in total control,\" added the source.", date(2014, 10, 17))
    said = [a.text[e.end:e.end + 9] for e in a.events if a.text[e.start:e.end] == "added"
            and e.label == "statement"]
    assert said == [" some det", " the sour"], said


def test_adding_after_a_quote_or_to_an_audience_is_a_saying() -> None:
    # an "added" right behind a quote has its sayer inverted whatever noun it is, and one adds to reporters by
    # telling them; a family one adds to is no audience
    a = _mentioned("\"He is in total control,\" added the lawyer. \"It is over,\" added the president. \"We "
                   "will not pay,\" added the analyst on Monday. Smith added to reporters on Tuesday that "
                   "the deal was off. The couple are said to be having problems adding to their "
                   "family.", date(2014, 10, 17))
    got = [(a.text[e.end:e.end + 4], e.label) for e in a.events
           if a.text[e.start:e.end] in ("added", "adding")]
    assert got == [(" the", "statement")] * 3 + [(" to ", "statement")], got


def test_what_is_told_about_is_not_at_the_telling_s_time() -> None:
    # FNC-1 bodies 82, 198, 455: "ran a story on Thursday about the purported comment by Francis" was a
    # comment of Thursday, "Claims about the Home Alone star's alleged death began circulating Thursday" a
    # death of Thursday, "negotiations this week about the release of the missing girls" a release of this
    # week
    a = _mentioned("Apple said on Friday that its shares fell sharply after the report.\n\nThe New York "
                   "Times ran a story on Thursday about the purported comment by Francis. Claims about the "
                   "star's alleged death began circulating Thursday. Officials held negotiations this week "
                   "about the release of the girls.",
                   date(2014, 10, 26))
    got = {a.text[e.start:e.end]: e for e in a.events}
    assert got["ran"].date == "2014-10-23" and got["held"].date == "2014-W43"
    assert all(dating_rule(got[w]) not in ("own", "inherited", "sentence")
               for w in ("comment", "death", "release"))
    # ... nor by the tense of the clause that tells of it, in the lead either (h107's review of 5861cb0: the
    # comment took the lead's Thursday, the death the publication day; the rule's name alone was asserted)
    assert [got[w].date for w in ("comment", "death", "release")] == [None, None, None]
    lead = _mentioned("The New York Times ran a story on Thursday about the comment by Francis.",
                      date(2014, 10, 26))
    assert {lead.text[e.start:e.end]: e.date for e in lead.events} == {"ran": "2014-10-23", "comment": None}


def test_the_time_of_what_is_foretold_is_not_the_foretellings() -> None:
    # FNC-1 bodies 154, 185: "Nasa has forecast a total blackout of earth for six days in December" was a
    # forecast of December 2013 (the month gone by), "It had been projected to be roughly over New Zealand ...
    # on Sunday" a projection of Sunday; a time before what is foretold is the foretelling's
    a = _mentioned("A fake story claimed that Nasa has forecast a total blackout of earth for six days in "
                   "December. In December, analyst Gene Munster projected unit sales of 8 million for "
                   "2015.", date(2014, 9, 10))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["forecast"] is None and got["projected"] == "2013-12", got


def test_a_time_past_the_writing_a_foretelling_is_told_in_is_the_foretellings() -> None:
    # "on Monday" comes after the start of what is predicted, but after the note it was told in too
    a = _mentioned("Goldman Sachs economists predicted a recession in a note to clients on Monday.",
                   date(2014, 10, 17))
    assert {a.text[e.start:e.end]: e.date for e in a.events}.get("predicted") == "2014-10-13"


def test_a_time_after_until_before_or_after_is_a_limit_not_a_date() -> None:
    # FNC-1 bodies 34, 226: "to reach an agreement with the Iraqi government to leave U.S. forces in the
    # country after 2011" was an agreement of 2011, "did not confirm that Godane had been killed until Friday"
    # his death's Friday; a noun's own time in the bound's phrase still dates it, and a negated verb "until" a
    # time is then
    a = _mentioned("Critics say he did too little to reach an agreement with the government to leave U.S. "
                   "forces in Iraq after 2011. Bodies were unearthed a week after the 26 September attack. "
                   "Formal proceedings to dismiss him were not begun until 2007.", date(2014, 10, 17))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["agreement"] is None and got["attack"] == "2014-09-26" and got["dismiss"] == "2007", got


def test_an_expression_inside_a_since_phrase_dates_what_it_counts_from() -> None:
    # FNC-1 bodies 60, 311: "resumed air strikes in Iraq for the first time since the end of the US
    # occupation in 2011" put the strikes (and the resuming) in 2011; 2011 is the occupation's end
    a = _mentioned("The United States resumed air strikes in Iraq for the first time since the end of the US "
                   "occupation in 2011. The bombing continued until the arrival of the troops in May.",
                   date(2014, 9, 12))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["occupation"] == "2011" and got["arrival"] == "2014-05", got
    assert got["strikes"] != "2011" and got["resumed"] != "2011" and got["bombing"] != "2014-05", got


def test_a_verb_told_as_since_then_is_not_at_the_clause_s_day() -> None:
    # FNC-1 bodies 470, 8: "when it was announced on Tuesday, the company has since said ..." was a saying
    # of Tuesday; "since", an adverb of its verb, puts it at some later day the text does not give, as
    # "later" does (a "since" opening a phrase or a clause is a bound, not this)
    a = _mentioned("Though Apple was mum about battery life when the watch was announced on Tuesday, the "
                   "company has since said that it expects people to charge it nightly. Apple said on "
                   "Tuesday that the watch will cost $349.", date(2014, 9, 12))
    said = [e.date for e in a.events if a.text[e.start:e.end] == "said"]
    assert said == [None, "2014-09-09"], said
    assert next(e.date for e in a.events if a.text[e.start:e.end] == "announced") == "2014-09-09"


def test_a_month_one_is_getting_ready_for_is_the_next_one() -> None:
    # FNC-1 bodies 108, 300: "Republicans campaigning for November elections" (September) was the past
    # November, "preparing for the mid-Feb release of the Apple Watch next year" the past February; a past
    # progressive got ready for a month ahead of its own time, not of the report's
    sept = date(2014, 9, 10)
    assert future_context("particularly by Republicans campaigning for ") == 1
    assert future_context("Both resellers and distributors are fervently preparing for the ") == 1
    assert future_context("Apple has been preparing for the ") == 1
    assert future_context("distributors were preparing for the ") == 0
    assert future_context("Apple had been preparing for the ") == 0
    # ... nor with words between (h107's review of 0288777: "was still", "were busy", "spent weeks" got
    # through the fixed-width lookbehinds)
    assert future_context("In 2013 the team was still preparing for ") == 0
    assert future_context("Officials were busy preparing for the ") == 0
    assert future_context("They spent weeks preparing for the ") == 0
    assert future_context("Apple had been  preparing for the ") == 0
    a = _mentioned("Fears have been stoked by Republicans campaigning for November elections. Both resellers "
                   "and distributors are fervently preparing for the mid-Feb release of the Apple Watch.",
                   sept)
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got["elections"] == "2014-11" and got["release"] == "2015-02", got


def test_the_tense_of_the_verb_an_expression_modifies_turns_it_forward_or_back() -> None:
    # FNC-1 bodies 88, 247, 175, 10: "In October, a time capsule was opened" (September) was the coming
    # October, "On 14 November she announced" (October) the coming 14 November, "On January 4th, Pluto will
    # pass" the past January 4th; "plans to ..., the Post reported on Friday" took the plan's future for the
    # report's
    text = ("In October, a century-old time capsule was opened in Boston. On January 4th, Pluto will pass "
            "directly behind Jupiter.")
    a = _parsed(text, published=date(2014, 9, 1))
    got = {a.text[t.start:t.end]: t.value for t in a.times}
    assert got["October"] == "2013-10" and got["January 4th"] == "2015-01-04"
    b = _parsed("On 14 November she announced on Facebook that she was pregnant.",
                published=date(2014, 10, 12))
    assert [t.value for t in b.times] == ["2013-11-14"]
    c = _parsed("The retail giant is planning to roll out the new service early next year, the New York Post "
                "reported on Friday.", published=date(2014, 9, 8))
    assert {c.text[t.start:t.end]: t.value for t in c.times}["on Friday"] == "2014-09-05"
    # a future of what the day is the time of keeps the day's own reading
    d = _parsed("The president will respond to the death on Monday of the envoy.",
                published=date(2014, 9, 10))
    assert {d.text[t.start:t.end]: t.value for t in d.times}["on Monday"] == "2014-09-08"


def test_the_september_11_attacks_are_those_of_2001() -> None:
    # FNC-1 body 189: "the 13th anniversary of the September 11 attacks" was dated to the coming 2014-09-11
    text = ("Ahead of the 13th anniversary of the September 11 attacks on New York, reports emerged that "
            "militias took control of a dozen jetliners. As the anniversary of Sept. 11 approaches, fears "
            "grow. On Sept. 11, the president spoke in Washington.")
    a = _parsed(text, published=date(2014, 9, 20))
    got = [(a.text[t.start:t.end], t.value) for t in a.times]
    assert got == [("September 11", "2001-09-11"), ("Sept. 11", "2001-09-11"), ("Sept. 11", "2014-09-11")]


def test_he_or_she_is_no_organisation_and_the_person_is_looked_for_further_back() -> None:
    # FNC-1 bodies 0-299: "he"/"she" stood for the nearest organisation when no person was near ("after she
    # sneezed" done by the police force, "'He injured his ankle,' the source told Reuters" by the agency);
    # a report follows its protagonist as "she" for paragraphs on end, past the 400 characters looked at
    a = _mentioned("The Pentagon announced the strike on Friday. The Defense Department said the mission "
                   "went well.\n\nHe called the result a major loss for the group on "
                   "Friday.", published=date(2014, 9, 6))
    assert _parties(a, "called") == ([], "called result")
    text = ("Jane Holloway, a conservator at the Museum of Fine Arts, opened the old box on Thursday.\n\n"
            "The Museum of Fine Arts received the box from the State House, where workers found it in the "
            "cornerstone during repairs to the foundation of the building this summer.\n\n"
            "The Massachusetts Historical Society keeps a list of the items that the Freemasons and the "
            "Commonwealth of Massachusetts placed in it, among them coins, newspapers and a silver plate.\n\n"
            "The Boston Public Library will show the newspapers in an exhibition next spring, the Society "
            "said in a statement on its website on Thursday.\n\n"
            "She said the box was heavier than she expected on Thursday.")
    b = _mentioned(text, published=date(2014, 9, 6))
    assert _parties(b, "said", 1)[0][:1] == ["Jane Holloway"]


def test_a_pronoun_stands_for_no_name_quoted_apart_from_it_nor_one_past_an_unnamed_speaker() -> None:
    # '"Mr Okafor will answer for it," he said': the speaker is not the man his words name; a person named
    # far back is not the "she" of a report whose unnamed spokeswoman spoke since
    a = _mentioned("Interior Minister Bola Ige met reporters in Lagos on Monday.\n\n\"Mr Okafor will answer "
                   "for his crimes,\" he said on Monday.", published=date(2014, 9, 6))
    assert _parties(a, "said") == (["Bola Ige"], "Bola Ige statement")
    text = ("Jane Holloway, a conservator at the Museum of Fine Arts, opened the old box on Thursday.\n\n"
            "The Museum of Fine Arts received the box from the State House, where workers found it in the "
            "cornerstone during repairs to the foundation of the building this summer.\n\n"
            "The Massachusetts Historical Society keeps a list of the items that the Freemasons and the "
            "Commonwealth of Massachusetts placed in it, among them coins, newspapers and a silver plate.\n\n"
            "A spokeswoman for the Boston Public Library said the newspapers will be shown next spring.\n\n"
            "She said the exhibition would open in March on Thursday.")
    b = _mentioned(text, published=date(2014, 9, 6))
    assert _parties(b, "said", 1) == ([], "statement")


def test_they_stands_for_no_one_person_and_only_for_a_subject() -> None:
    # FNC-1 bodies 0-299: "they" stood for the one person named before ("Paul Ginsberg analyzed the
    # recording ... 'how they're fired'") or for any name last before it ("Witnesses in Ottawa said they
    # heard shots": Ottawa); an organisation a clause tells as its subject still is "they"
    a = _mentioned("John Smith met the two envoys in Geneva on Monday.\n\nThey signed the accord on Tuesday.",
                   published=date(2014, 9, 10))
    assert _parties(a, "signed")[0] == []
    b = _mentioned("Witnesses near the Parliament building in Ottawa said they heard shots on Wednesday.",
                   published=date(2014, 10, 22))
    assert _parties(b, "heard")[0] == []
    c = _mentioned("Apple sued Samsung in a California court in 2011.\n\nThey settled the case in 2014.",
                   published=date(2014, 9, 10))
    assert _parties(c, "settled")[0] == ["Apple"]


def test_a_month_name_read_as_a_wish_or_a_name_and_a_street_number_are_no_times() -> None:
    # FNC-1 bodies 25, 27, 401: "May God preserve the scholars" was May, "Arizona Governor Jan Brewer"
    # January, "1600, 1700, 1800 and 1900 Seaport Blvd." four years
    text = ("“May God preserve the scholars,” one wrote. The law was signed by Arizona Governor Jan Brewer. "
            "Google will buy the buildings at 1600, 1700 and 1900 Seaport Blvd., which total 934,000 square "
            "feet. The plant opened in May and closed in 1900.")
    a = _parsed(text, published=date(2014, 9, 20))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [("May", "2014-05"), ("1900", "1900")]


def test_a_capitalised_today_after_a_word_is_a_names_word_not_the_reports_day() -> None:
    # FNC-1 bodies 110, 229, 323: "Three days later USA Today carried a similar report" was the report's
    # day, "told the NBC Today show in July 2014" too (not July), "an interview with Hollywood Today
    # magazine" as well; a sentence's first "Today" is still the day
    text = ("Three days later USA Today carried a similar report. David Williams told the NBC Today show in "
            "July 2014 that it was like crack. Today, the PGA Tour said it would not comment.")
    a = _parsed(text, published=date(2014, 9, 30))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [
        ("days later", None), ("July 2014", "2014-07"), ("Today", "2014-09-30")]
    told = next(ev for ev in a.events if a.text[ev.start:ev.end] == "told")
    assert told.date == "2014-07"


def test_a_title_case_headline_keeps_its_today_tomorrow_tonight() -> None:
    # h146 (review of 5915a6f): in a headline every word is capitalised, so "Storm Hits Coast Tomorrow"
    # lost its day to the name rule; there only an outlet's or a show's words make it a name's word, and
    # only the report's own headline, its first line, is one (a title-case line further down is a link's
    # or an advert's: "Find Your Greek Soul Mate Today", FNC-1 body 1303)
    body = "\n\nA powerful storm will hit the coast, forecasters said on Monday."
    told = {}
    for head in ("Storm Hits Coast Tomorrow, Forecasters Warn", "President Will Visit Flood Victims Today",
                 "Mayor Tells USA Today He Will Stay", "Actor To Appear On The Today Show"):
        a = _parsed(head + body, published=date(2014, 9, 8))
        told[head] = [(a.text[t.start:t.end], t.value) for t in a.times if t.start < len(head)]
    assert told == {"Storm Hits Coast Tomorrow, Forecasters Warn": [("Tomorrow", "2014-09-09")],
                    "President Will Visit Flood Victims Today": [("Today", "2014-09-08")],
                    "Mayor Tells USA Today He Will Stay": [], "Actor To Appear On The Today Show": []}
    b = _parsed("Storm Hits Coast Tomorrow" + body, published=date(2014, 9, 8))
    assert _events_by_word(b)["Hits"][1] == "2014-09-09"
    c = _parsed("A storm hit the coast on Monday.\n\nFind Your Greek Soul Mate Today\n\nThe town is calm.",
                published=date(2014, 9, 8))
    assert [c.text[t.start:t.end] for t in c.times] == ["on Monday"]


def test_a_dummy_it_and_the_newsroom_s_we_stand_for_no_one() -> None:
    # FNC-1 bodies 0-299: "It was widely reported that he became ill" gave the report to North Korea, "it
    # turned out the pope had not made the comment" to the United States, "We've seen online reports" (the
    # newsroom's) to Apple
    a = _mentioned("Reuters spoke to officials in Kabul on Monday.\n\nIt was widely reported that the "
                   "minister resigned on Monday.", published=date(2014, 9, 10))
    assert _parties(a, "reported")[0] == []
    b = _mentioned("Apple unveiled the watch in Cupertino on Tuesday.\n\nWe reached out to the company on "
                   "Wednesday.",
                   published=date(2014, 9, 10))
    assert _parties(b, "reached")[0] == []
    c = _mentioned("The Pentagon confirmed the strike on Friday.\n\nIt took the Pentagon four days to "
                   "determine that the leader had died.", published=date(2014, 9, 10))
    assert _parties(c, "took")[0] == ["Pentagon"]


def test_an_it_that_takes_steps_or_turns_out_cars_is_the_doer() -> None:
    # "it took" a span of time or an effort and "it turned out" that ... hold a clause's place; "it took
    # steps to" and "it turned out 5,000 cars" tell what the company did
    a = _mentioned("Apple unveiled the watch in Cupertino on Tuesday.\n\nApple said on Monday that it took "
                   "steps to protect users. It took the company a while to find the "
                   "flaw.", published=date(2014, 9, 10))
    assert _parties(a, "took")[0] == ["Apple"] and _parties(a, "protect")[0] == ["Apple"]
    assert _parties(a, "took", 1)[0] == []
    # "a lot" or "much" is measured by what follows its "of": steps are what the "it" took, time is a span
    d = _mentioned("Apple unveiled the watch in Cupertino on Tuesday.\n\nApple said on Monday that it took a "
                   "lot of steps to protect users. It took a lot of time to find the flaw. It took much "
                   "effort to fix it.",
                   published=date(2014, 9, 10))
    assert _parties(d, "took")[0] == ["Apple"] and _parties(d, "protect")[0] == ["Apple"]
    assert _parties(d, "took", 1)[0] == [] and _parties(d, "took", 2)[0] == []
    b = _mentioned("Toyota opened a plant in Ohio on Monday.\n\nToyota said it turned out 5,000 cars in "
                   "March.",
                   published=date(2014, 9, 10))
    assert _parties(b, "turned")[0] == ["Toyota"]
    c = _mentioned("The Vatican spoke on Monday.\n\nBut it turned out that the pope had not made the "
                   "comment.",
                   published=date(2014, 9, 10))
    assert _parties(c, "turned")[0] == []


def test_a_perfect_counting_up_what_it_did_is_no_happening_of_the_day() -> None:
    # FNC-1 bodies 308, 311, 459: "Boko Haram ... has killed thousands of people in its fight", "Islamic State
    # has executed hundreds of people", "More than 3,400 people have been killed by the outbreak" were dated
    # to the lead's day; one killing told in the perfect still is the report's news
    a = _parsed("Nigerian troops attacked the camp on Monday.\n\nBoko Haram has killed thousands of people "
                "in its fight. The outbreak has killed more than 3,400 people. The army has killed the "
                "group's commander.",
                published=date(2014, 9, 10))
    got = [(a.text[e.start:e.end], e.date) for e in a.events]
    assert got == [("attacked", "2014-09-08"), ("killed", None), ("killed", None), ("killed", "2014-09-10")]


def test_an_embedded_post_s_signature_dates_nothing_its_text_tells() -> None:
    # FNC-1 bodies 75, 109: extraction glues a post's text to the signature of the one before ("(@SnazzyQ)
    # October 6, 2014The seam on my iPhone 6 where the aluminum meets the glass"), whose date was taken as
    # its sentence's: "meets" and "keeps" entries at October 2014, HBO's "launch" at March 4, 2015
    a = _parsed("Users say the new phone pulls their hair.\n\n#hairgate— Jane Roe (@janeroe) October 6, "
                "2014The seam where the aluminum meets the glass keeps catching my "
                "hair.", published=date(2014, 10, 9))
    got = [(a.text[e.start:e.end], e.date) for e in a.events]
    assert got == [("say", "2014-10-09"), ("meets", "2014-10-09")]


def test_a_title_s_words_tell_no_happening() -> None:
    # FNC-1 bodies 154, 313: 'The story, entitled "Nasa Confirms Earth Will Experience 6 Days of Total
    # Darkness in December 2014!"' made a Nasa statement entry at December 2014; a withdrawn story 'headlined
    # "Islamist rebel leader killed in U.S. strike"' a strike of its day; a quote no title word opens is still
    # read
    a = _parsed('The story, entitled "Nasa Confirms Earth Will Experience Days of Darkness in December '
                '2014!" was fake. The alert headlined "Rebel leader killed in U.S. strike" was withdrawn on '
                'Friday. The agency said "a strike killed the leader on Friday."',
                published=date(2014, 10, 11))
    got = [a.text[e.start:e.end] for e in a.events]
    assert "Confirms" not in got and got.count("strike") == 1 and "said" in got
    # "entitled" after a verb other than "be" is the adjective: the quote after it is a speaker's, not a
    # title; after a noun, or as "is titled", it still names one
    b = _parsed('Workers felt entitled, "We won the strike on Monday," the union said. A video, aptly titled '
                '"Rebels seized the town," was posted. It’s titled "Police raided the office."',
                published=date(2014, 10, 14))
    got = [(b.text[e.start:e.end], e.date) for e in b.events]
    assert got[:3] == [("won", "2014-10-13"), ("strike", "2014-10-13"), ("said", "2014-10-13")]
    assert not {"seized", "raided"} & {w for w, _ in got}


def test_the_toll_of_one_blow_is_the_day_s_news_and_a_superscript_is_no_count() -> None:
    # a large toll told of one earthquake or bomb is what that day's blow did, not a sum over months; a
    # superscript figure ("10³", a digit to str.isdigit) is no number to read
    a = _parsed("Rescuers reached the valley on Sunday.\n\nA powerful earthquake has killed more than 2,000 "
                "people in Nepal. More than 1,500 people have been killed by the blast. The virus has "
                "infected 10³ cells.",
                published=date(2015, 4, 26))
    got = [(a.text[e.start:e.end], e.date) for e in a.events]
    assert got[1:] == [("killed", "2015-04-26"), ("killed", "2015-04-26")]


def test_happenings_counted_over_a_since_span_have_no_one_date() -> None:
    # FNC-1 body 366: "Close to 100,000 Mexicans have been killed or gone missing ... since 2006" was an entry
    # "Mexicans killed" at 2006; one happening begun then keeps the bound's date
    a = _parsed("Close to 100,000 Mexicans have been killed or gone missing in drug-related violence since "
                "2006. Apple has sold thousands of songs since 2003. He has been fighting pancreatic cancer "
                "since 2004. Rebels killed 25 soldiers in 2006.", published=date(2014, 10, 16))
    got = _events_by_word(a)
    assert got["sold"][1:] == (None, "none") and got["fighting"][1] == "2004"
    assert [(e.date, dating_rule(e)) for e in a.events if a.text[e.start:e.end] == "killed"] == [
        (None, "none"), ("2006", "own")]


def test_a_date_with_no_blank_after_the_months_stop_or_glued_to_the_next_word_is_a_day() -> None:
    # FNC-1 bodies 298, 109: "on Wednesday Oct.22, 2014" was the month only (and the Wednesday before
    # publication); an embedded post's "October 6, 2014The seam ..." was October
    text = ("Police secure the scene of a shooting in Ottawa on Wednesday Oct.22, 2014. — Quinn Nelson "
            "(@SnazzyQ) October 6, 2014The seam on my phone pulled out my hair. Dec.5 was cold.")
    got = [(text[s:e], resolve(text[s:e], date(2014, 9, 9))) for s, e in find_times(text)]
    assert got == [("Wednesday Oct.22, 2014", ("2014-10-22", "day")),
                   ("October 6, 2014", ("2014-10-06", "day")),
                   ("Dec.5", ("2013-12-05", "day"))]


def _values(text: str, published: date) -> list[tuple[str, str | None]]:
    a = _parsed(text, published=published)
    return [(a.text[t.start:t.end], t.value) for t in a.times]


def test_a_verb_setting_a_date_does_not_tell_the_date_it_sets_as_gone_by() -> None:
    # review r1 (1): the past of "scheduled", "postponed", "moved" sent the date they set to last year
    octo = date(2014, 10, 12)
    assert _values("The vote was scheduled for November 4.", octo) == [("November 4", "2014-11-04")]
    assert _values("The hearing was postponed until November 3.", octo) == [("November 3", "2014-11-03")]
    assert _values("The meeting was moved to October 20.", octo) == [("October 20", "2014-10-20")]
    assert _values("The concert has been rescheduled for November 14.", octo) == [
        ("November 14", "2014-11-14")]
    assert _values("The trial was delayed until November 20.", octo) == [("November 20", "2014-11-20")]
    # the past of the happening itself still tells its day as gone by
    assert _values("The vote was held on November 4.", octo) == [("November 4", "2013-11-04")]


def test_back_in_after_being_or_coming_is_a_return_and_hit_stores_may_be_past() -> None:
    # review r1 (2, 3): "is due back in November" was last November, "hit stores in September" the next one
    octo = date(2014, 10, 17)
    assert _values("Parliament is due back in November.", octo) == [("November", "2014-11")]
    assert _values("He is expected to be back in November.", octo) == [("November", "2014-11")]
    assert _values("The show is coming back in November.", octo) == [("November", "2014-11")]
    assert _values("The iPhone 6 hit stores in September.", octo) == [("September", "2014-09")]
    assert _values("The iPad hit shelves in August.", octo) == [("August", "2014-08")]
    # review r2 (4): "not" and a bare "to" before "hit" told the past as ahead
    assert _values("The iPhone 6 did not hit stores until September.", octo) == [("September", "2014-09")]
    assert _values("The iPhone 6 didn't hit stores until September.", octo) == [("September", "2014-09")]
    got = _values("The iPhone 6 was the first phone to hit stores in September.", octo)
    assert got == [("September", "2014-09")]
    assert _values("The watch won't hit stores until April.", octo) == [("April", "2015-04")]
    assert _values("The watch is expected to hit stores in April.", octo) == [("April", "2015-04")]
    assert future_context("The actor was also reported dead back in ") == -1
    assert future_context("The Apple Watch reveal back in ") == -1
    assert future_context("He will be back in ") == 1
    assert future_context("The watch hits stores in ") == 1
    assert future_context("The watch may not hit stores until ") == 1
    assert _values("His trial is set for Dec. 19.", octo) == [("Dec. 19", "2014-12-19")]


def test_the_september_11_attack_on_another_place_is_not_2001s() -> None:
    # review r1 (4): "the Sept. 11 attack on the U.S. consulate in Benghazi" (2012) was dated 2001-09-11
    octo = date(2014, 10, 17)
    got = _values("Clinton spoke about the Sept. 11 attack on the U.S. consulate in Benghazi.", octo)
    assert got == [("Sept. 11", "2014-09-11")]
    got = _values("Officials met after the September 11 attack in Libya.", octo)
    assert got == [("September 11", "2014-09-11")]
    assert _values("Victims of the Sept. 11 attacks were remembered.", octo) == [("Sept. 11", "2001-09-11")]
    got = _values("The September 11 attack on the World Trade Center killed thousands.", octo)
    assert got == [("September 11", "2001-09-11")]


def test_the_september_11_attack_with_no_other_place_is_2001s() -> None:
    # review r2 (5): only "on the World Trade Center/Twin Towers/Pentagon" made the singular 2001's, so the
    # usual unqualified one was this year's
    octo = date(2014, 10, 17)
    got = _values("Since the Sept. 11 attack, airports have tightened security.", octo)
    assert got == [("Sept. 11", "2001-09-11")]
    got = _values("Security has tightened since the Sept. 11 terrorist attack.", octo)
    assert got == [("Sept. 11", "2001-09-11")]
    assert _values("The Sept. 11 attack on America changed everything.", octo) == [("Sept. 11", "2001-09-11")]
    got = _values("The Sept. 11 attack in which thousands died changed everything.", octo)
    assert got == [("Sept. 11", "2001-09-11")]
    got = _values("Clinton spoke about the Sept. 11 attack on the American consulate in Benghazi.", octo)
    assert got == [("Sept. 11", "2014-09-11")]


def test_the_september_11_attacks_on_another_place_are_not_2001s() -> None:
    # h106 brief (FNC-1, last round): "the Sept. 11 attacks on U.S. facilities in Benghazi" (2012) was dated
    # 2001-09-11: the plural was 2001's wherever it was; it is read as the singular is
    octo = date(2014, 10, 17)
    got = _values("Clinton spoke about the Sept. 11 attacks on U.S. facilities in Benghazi.", octo)
    assert got == [("Sept. 11", "2014-09-11")]
    # the places of 2001 in any spelling or case are not another place (h107's review of 5fc367e: "the US",
    # "Manhattan", "this country", "the twin towers" were, and the test passed on "anniversary of" alone)
    for place in ("New York and Washington", "the US", "the U.S.", "Manhattan", "this country",
                  "the twin towers"):
        got = _values(f"Officials recalled the September 11 attacks on {place}, and fears grew.", octo)
        assert got == [("September 11", "2001-09-11")], place
    got = _values("Officials recalled the September 11 attacks on US facilities in Benghazi.", octo)
    assert got == [("September 11", "2014-09-11")]
    assert _values("The Sept. 11 hijackers trained in Florida.", octo) == [("Sept. 11", "2001-09-11")]


def test_a_year_after_a_preposition_of_time_and_a_day_before_a_street_are_times() -> None:
    # review r1 (5): "In 2008 Wall Street banks collapsed" had no time: 2008 read as a street number
    octo = date(2014, 10, 17)
    assert _values("In 2008 Wall Street banks collapsed.", octo) == [("2008", "2008")]
    assert _values("In 2012 Supreme Court justices upheld the law.", octo) == [("2012", "2012")]
    assert _values("Since 2010 Main Street shops have closed.", octo) == [("2010", "2010")]
    assert _values("On Monday Wall Street rallied.", octo) == [("On Monday", "2014-10-13")]
    assert _values("He lived at 1600 Pennsylvania Avenue.", octo) == []


def test_may_opening_a_sentence_is_the_month_unless_it_opens_a_wish() -> None:
    # review r1 (6): the parser tags "May" opening a sentence a modal: "May saw record sales" had no time
    octo = date(2014, 10, 17)
    assert _values("May saw record sales, the company said.", octo) == [("May", "2014-05")]
    assert _values("May brought record sales.", octo) == [("May", "2014-05")]
    assert _values("May you live long.", octo) == []
    assert _values("May he rest in peace.", octo) == []
    # review r2 (3): a passive wish, or one whose verb the tagger takes for a noun, was the month
    assert _values("May his memory be blessed.", octo) == []
    assert _values("May she be remembered as a hero.", octo) == []
    assert _values("May their souls rest in peace.", octo) == []
    assert _values("May the best team win.", octo) == []
    assert _values("May sales rose 5 percent.", octo) == [("May", "2014-05")]


def test_what_is_done_during_a_lasting_happening_is_not_the_leads_day() -> None:
    # SemEval trial doc 4954 (Wikinews): "showed" took the lead's day, the day of the ruling, though
    # it was done on some day of the trial; a meeting lasts no longer than the day the lead gives
    text = ("The Beatles' label Apple Corps lost its court case against Apple Computer today. "
            "During the case Apple Corps showed the court how many times the logo appeared. "
            "During his presidency he signed hundreds of laws. "
            "During the meeting the minister announced new taxes.")
    a = _parsed(text, published=date(2006, 5, 8))
    got = _events_by_word(a)
    assert got["showed"][1:] == (None, "none")
    assert got["signed"][1:] == (None, "none")
    assert got["announced"][1:] == ("2006-05-08", "lead")
    # the happening the phrase names keeps its own date: the trial opened today
    b = _parsed("The trial of the two men opened today. During the trial, a witness was attacked.",
                published=date(2014, 10, 17))
    trials = [(e.date, dating_rule(e)) for e in b.events if b.text[e.start:e.end] == "trial"]
    assert trials[-1] == ("2014-10-17", "lead") and _events_by_word(b)["attacked"][1:] == (None, "none")


def test_what_a_party_argued_in_a_case_the_lead_tells_decided_is_not_the_leads_day() -> None:
    # SemEval trial doc 4954 (Wikinews): "argued" took the lead's day, the day of the ruling, though the
    # argument was made while the case ran; without a decided case in the lead an argument is the day's news
    text = ("The Beatles' label Apple Corps lost its court case against Apple Computer today. "
            "Apple Corps argued that the iTunes Music Store was a breach of the 1991 settlement. "
            "Apple Computer contended that its logo was used only for the store. "
            "The judge said the store did not use the logo on the music.")
    got = _events_by_word(_parsed(text, published=date(2006, 5, 8)))
    assert got["argued"][1:] == (None, "none")
    assert got["contended"][1:] == (None, "none")
    assert got["said"][1:] == ("2006-05-08", "lead")
    b = _parsed("Turkey's president spoke to reporters in Ankara today. "
                "Erdogan argued that the weapons drop has harmed the fight against the militants.",
                published=date(2014, 10, 22))
    assert _events_by_word(b)["argued"][1:] == ("2014-10-22", "lead")
    # a lead telling a case running (filed, heard, opened) or an appeal for help: the argument is the day's
    for lead, party in (("Apple Corps filed a lawsuit against Apple Computer today.", "Apple Corps"),
                        ("The Supreme Court heard Google's appeal today.", "Google"),
                        ("Oxfam launched an appeal for flood victims today.", "Oxfam")):
        c = _parsed(f"{lead} {party} argued that the rules were unfair.", published=date(2014, 10, 17))
        assert _events_by_word(c)["argued"][1:] == ("2014-10-17", "lead"), lead


def test_what_a_sequel_telling_reveals_had_happened_is_at_the_event_it_explains() -> None:
    # SemEval trial doc 17677 (Wikinews): "undergone" was undated, as a reported pluperfect is; the
    # telling is a sequel of a dated event ("later revealing") and what it reveals is that event's
    text = ("Jobs fought pancreatic cancer in 2004 and took six months off in early 2009, later revealing he "
            "had undergone a liver transplant. The company later said that it had sold the unit.")
    got = _events_by_word(_parsed(text, published=date(2011, 1, 17)))
    assert got["undergone"][1:] == ("2009", "inherited")
    assert got["revealing"][1:] == (None, "none")
    # a pluperfect a plain saying reports stays undated
    assert got["sold"][1:] == (None, "none")
    # one placed by words of its own is not at the event's time
    got = _events_by_word(_parsed("The senator resigned in March 2009, later revealing he had taken bribes "
                                  "for years.",
                                  published=date(2011, 1, 17)))
    assert got["taken"][1] is None, got["taken"]


def test_a_present_dated_by_the_calendar_is_a_schedule() -> None:
    # FNC-1 bodies 376, 8: "the Chinese New Year sale, which begins Feb. 19" (October) was the past Feb. 19,
    # "doesn't bust theirs out until November" (September) the past November
    text = ("Stores prepare for the Chinese New Year sale, which begins Feb. 19. The agency makes a forecast "
            "but doesn't publish it until November. The old sale began Feb. 19.")
    a = _parsed(text, published=date(2014, 9, 6))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [
        ("Feb. 19", "2015-02-19"), ("November", "2014-11"), ("Feb. 19", "2014-02-19")]
    # a caption's or a headline's present of what is not timetabled tells the past
    b = _parsed("Protesters march in Hong Kong on September 28. Apple unveils the iPhone 6 on September 9.",
                published=date(2014, 10, 25))
    assert [t.value for t in b.times] == ["2014-09-28", "2014-09-09"]


def test_names_and_roles_on_a_line_in_capitals_are_page_furniture() -> None:
    # FNC-1 bodies 82, 55: a commenter's signature over the comment's time ("J. PAUL GETTY'S EAR") was the
    # "he" of the next paragraph's spokesman, and a section heading run into the sentence below it the doer
    # ("POLITICAL CRISIS asked Abdullah al-Thinni")
    a = _mentioned("The Vatican's spokesman, Father Marco Rossi, said on Saturday that the report was "
                   "wrong.\n\nComments\n@rosa In contrast to yours...\nJ. PETER HOLLAND'S EAR\nAT 9:15 PM "
                   "OCTOBER 4, 2014\nREPLY\n\nThe spokesman said he received many calls about the story on "
                   "Friday.\n\nPOLITICAL TURMOIL\n\nOn Monday, Italy's newly elected parliament asked "
                   "Giorgio Bianchi — the prime minister who "
                   "resigned last week — to form a new government.",
                   date(2014, 10, 6))
    def line(p: Span) -> str:
        end = a.text.find("\n", p.end)
        return a.text[a.text.rfind("\n", 0, p.start) + 1 : end if end >= 0 else len(a.text)]

    chrome = [(a.text[e.start:e.end], a.text[p.start:p.end]) for e in a.events for p in e.participants
              if not any(c.islower() for c in line(p))]
    assert chrome == [], chrome
    assert "Marco Rossi" in _parties(a, "received")[0], _parties(a, "received")
    assert not _parties(a, "asked")[1].startswith("POLITICAL"), _parties(a, "asked")


def test_an_award_called_by_a_name_is_no_participant() -> None:
    # FNC-1 body 428: spaCy's PERSON "Oscar" in "won an Oscar" was a party to every winning, and two winners'
    # Oscars of one year were one timeline entry; "Oscar winner" and "Oscar-winning" qualify a person, a
    # sentence's "A" before a surname is no article of a thing
    a = _mentioned("The film will be directed by Maria Lopez, who won an Oscar in 2009 for the film \"Red "
                   "Sky.\" The script is by Tom Reed, who himself won an Oscar in 2012 for penning \"The "
                   "Long Road.\" Jack Hale won an Oscar in 2012 for Best Actor. Oscar-winning actor Jack "
                   "Hale and Oscar winner Maria Lopez met in Paris on Monday.", date(2014, 10, 6))
    named = {a.text[p.start:p.end] for e in a.events for p in e.participants}
    assert "Oscar" not in named and {"Maria Lopez", "Tom Reed", "Jack Hale"} <= named, named
    # a one-word name doing the verb after it is no award ("Obama nominated Sotomayor")
    a = _mentioned("Obama nominated Sonia Sotomayor to the Supreme Court on May 26, 2009.", date(2009, 5, 27))
    assert "Obama" in _parties(a, "nominated")[0], _parties(a, "nominated")


def test_what_is_foretold_borrows_no_date_from_the_foretelling() -> None:
    # what a forecast is of is to come: "predicted a recession in a note to clients on Monday" gave the
    # recession the note's Monday, as the object of a verb doing it takes that verb's time
    a = _mentioned("Barclays analysts projected a recession in a note to investors on Tuesday.",
                   date(2014, 10, 17))
    got = {a.text[e.start:e.end]: e.date for e in a.events}
    assert got.get("projected") == "2014-10-14" and "recession" not in got, got


def test_a_who_after_a_noun_set_beside_a_name_is_that_name() -> None:
    # FNC-1 bodies 147, 455, 276: "Olsen, a 48-year-old who last played on the Tour in 2011" was a playing of
    # "old", "Malala Yousafzai, a 17-year-old Pakistani schoolgirl who was shot" a shooting of the schoolgirl
    # and "a Canadian-Israeli woman, who ISIS had claimed to have abducted" the woman's claim
    a = _mentioned("Lars Berg, a 52-year-old who last raced in 2010, denied the claims on Monday. "
                   "Pope Leo, an American Augustinian who took over from Pope Francis in 2025, spoke on "
                   "Sunday. Anna Holt, a Dutch nurse who the rebels had claimed to have seized, posted on "
                   "Facebook that she was safe.", date(2026, 3, 4))
    raced, desc = _parties(a, "raced")
    assert "Lars Berg" in raced and desc == "Lars Berg raced", (raced, desc)
    took, desc = _parties(a, "took")
    assert "Pope Leo" in took or "Leo" in took, (took, desc)
    assert "nurse" not in _parties(a, "claimed")[1] and "Anna Holt" not in _parties(a, "claimed")[1], (
        _parties(a, "claimed"))


def test_a_teaser_of_another_report_tells_no_happening() -> None:
    # FNC-1 body 23: a related report's headline and opening, closed by "Read more", was an arrest of this
    # morning in the report it is printed in; a "Read more" line opening a headline is a link too
    a = _mentioned("The singer denied the rumours in a Facebook post on Monday.\n\n \nTennis Star Jan Novak "
                   "Loses His Licence\nTennis star Jan Novak was stopped by Florida police early this "
                   "morning and…\nRead more\nThe singer said she had never met him.\n\nRead more Jan Novak "
                   "Signs With New Coach\n\nHer agent confirmed the post on Tuesday.", date(2014, 10, 8))
    words = [a.text[e.start:e.end] for e in a.events]
    assert "stopped" not in words and "Signs" not in words and "Loses" not in words, words
    assert "denied" in words and "confirmed" in words, words


def test_a_month_a_past_saying_tells_would_come_is_ahead() -> None:
    # "would" under a past saying is a future told in the past: the sentence's "said" made the month the
    # one gone by (March 2014 for a saying of October 2014)
    a = _mentioned("Samsung said on Monday that the phone would ship in March.", date(2014, 10, 8))
    assert {a.text[e.start:e.end]: e.date for e in a.events}.get("ship") == "2015-03"


def test_a_teaser_takes_no_more_than_its_own_lines() -> None:
    # _teasers: the report's own lines above a teaser, with no blank line between, stay the report's
    a = _mentioned("Obama signed the health bill on Tuesday.\nRepublicans attacked the law on Wednesday.\n"
                   "Related: Tennis Star Jan Novak Loses His Licence\nTennis star Jan Novak was stopped by "
                   "police early this morning and…\nRead more\nThe law takes effect in "
                   "2015.", date(2014, 10, 8))
    words = [a.text[e.start:e.end] for e in a.events]
    assert "signed" in words and "attacked" in words and "takes" in words, words
    assert "stopped" not in words, words
    # the link's line in any case, an arrow after it
    for link in ("READ MORE", "Read More »", "Read more →"):
        a = _mentioned("Obama signed the health bill on Tuesday.\n\nTennis Star Jan Novak Loses His Licence\n"
                       f"Tennis star Jan Novak was stopped by police early this morning and…\n{link}\n",
                       date(2014, 10, 8))
        words = [a.text[e.start:e.end] for e in a.events]
        assert "signed" in words and "stopped" not in words, (link, words)


def test_what_a_count_of_time_is_after_is_that_count_before_the_clause() -> None:
    # _counted_from: "Two weeks after the attack, the army withdrew on March 3" put the attack on March 3 (its
    # attachment took the clause's expression); FNC-1 body 167's "wrote last month, weeks before his death"
    # the death last month
    def got(text: str) -> dict[str, tuple[str, str | None, str]]:
        return _events_by_word(_parsed(text, published=date(2008, 4, 9)))

    assert got("Two weeks after the attack, the army withdrew on March 3.")["attack"][1:] == (
        "2008-02-18", "inherited")
    assert got("Five years after its launch, the store in February passed Wal-Mart.")["launch"][1:] == (
        "2003", "inherited")
    assert got("The columnist wrote last month on Twitter, weeks before his death, that the quiz was easy."
               )["death"][1:] == (None, "none")
    # its own expression dates it, and the clause's event that inherited it is the one counted from it
    assert got("Two weeks after the attack on March 1, the army withdrew on March 15.")["attack"][1:] == (
        "2008-03-01", "own")
    resigned = got("Three days before the election on Sunday, the president resigned.")
    assert (resigned["election"][1:] == ("2008-04-06", "own")
            and resigned["resigned"][1:] == ("2008-04-03", "inherited"))


def test_a_participle_of_announcing_before_a_things_name_is_its_launch() -> None:
    # _announced_thing: SemEval trial 16900's "Pre-orders of the recently announced iPhone 4 began Tuesday"
    # was a statement, a saying no entry takes; the announcement of a named thing or a product is its launch
    got = _events_by_word(_parsed("Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming "
                                  "Apple.",
                                  published=date(2010, 6, 16)))
    assert got["announced"][0] == "launch", got
    assert _events_by_word(_parsed("Buyers lined up for the newly announced phone on Friday."))[
        "announced"][0] == "launch"
    # a saying stays one, and a person's name is no thing launched
    assert _events_by_word(_parsed("Apple announced iPhone 4 on Monday."))["announced"][0] == "statement"
    assert _events_by_word(_parsed("The long announced Obama trip to Cuba began on Sunday."))[
        "announced"][0] != "launch"


def test_an_it_going_on_about_the_named_thing_before_it_is_no_organisation_named_on_the_way() -> None:
    # _subject_before: SemEval trial 16900's "It is slated" had the party Worldwide Developer's Conference,
    # the organisation last named before it, though the sentence before is about the phone; no mention names
    # it
    text = ("The newest iPhone, iPhone 4 was introduced by Apple CEO Steve Jobs at the company's 2010 "
            "Worldwide Developer's Conference less than two weeks ago.\n\nIt is slated for a U.S. release on "
            "June 24.")
    a = _mentioned(text, date(2010, 6, 16))
    slated = next(e for e in a.events if a.text[e.start:e.end] == "slated")
    assert "Conference" not in " ".join(a.text[p.start:p.end]
                                        for p in slated.participants), slated.participants
    # an organisation the subject before names is what "it" stands for; one its own sentence names first is
    told = ("NBC reported the incident on March 26, 2003.\n\nHowever when the incident was reported the next "
            "day by the New York Daily News it stated that a chopper was hit.")
    b = _mentioned(told, date(2014, 10, 1))
    stated = next(e for e in b.events if b.text[e.start:e.end] == "stated")
    assert [b.text[p.start:p.end] for p in stated.participants][:1] == ["New York Daily News"], (
        stated.participants)
    # of the subject's names, the one its head word is in (FNC-1 body 709: "It claimed" was the US's)
    hoax = ("US website National Report alleged the police had held the artist.\n\nIt claimed his studio in "
            "the capital had been raided.")
    c = _mentioned(hoax, date(2014, 10, 1))
    claimed = next(e for e in c.events if c.text[e.start:e.end] == "claimed")
    assert [c.text[p.start:p.end] for p in claimed.participants][:1] == ["National Report"], (
        claimed.participants)


def test_an_it_after_a_named_speaker_s_saying_is_that_speaker() -> None:
    # _named_sayer: "It said" after "Ebola has killed 700 people in Liberia, the World Health Organization
    # said" lost its speaker (a bare "statement"): the sentence before is about Ebola, which no mention names,
    # but it tells the organisation's saying, and "it" goes on with that
    a = _mentioned("Ebola has killed 700 people in Liberia, the World Health Organization said on Monday. It "
                   "said the outbreak was still spreading.", date(2014, 9, 1))
    said = [e for e in a.events if a.text[e.start:e.end] == "said"][1]
    assert said.description == "World Health Organization statement", said.description


def test_a_breach_is_a_happening_apart_from_what_it_breaches() -> None:
    # SemEval trial doc 4954: "argued that the iTunes Music Store was a breach of the 1991 settlement" told no
    # breach. The "of" phrase names the other happening the breach is of: not the breach told again (as
    # "said in a statement" is), so not dropped, and its year is not the breach's
    day = date(2014, 10, 17)
    got = _events_by_word(_parsed("The union argued that the walkout was a breach of the 2012 deal.", day))
    assert got["breach"] == ("legal", None, "none")
    assert got["deal"] == ("business", "2012", "own")
    got = _events_by_word(_parsed("The court heard that the payments were a breach of the 2009 ruling.", day))
    assert got["breach"][1] != "2009"
    assert got["ruling"] == ("legal", "2009", "own")
    got = _events_by_word(_parsed("Lawyers described the settlement of the 2006 lawsuit as fair.", day))
    assert got["settlement"][1] != "2006"
    got = _events_by_word(_parsed("Kiev said the shelling on Sunday was a breach of the ceasefire.", day))
    assert got["breach"][:2] == ("legal", "2014-10-12")


@pytest.mark.parametrize("text, word, value", [
    ("The army announced the launch of the April 2010 offensive against the rebels.", "launch", "2010-04"),
    ("Officials marked the release of the 1998 statement to the press.", "release", "1998"),
])
def test_a_phase_of_a_happening_is_dated_by_what_its_of_phrase_names(text: str, word: str,
                                                                    value: str) -> None:
    # h138 review 5: a breach of an agreement is a happening of its own, no breach of the agreement's year;
    # the launch of an offensive is its start, at its time, which times.v139 had it inherit no more
    got = _events_by_word(_parsed(text, date(2014, 9, 26)))
    assert got[word][1:] == (value, "inherited"), got


def test_a_future_a_quote_tells_after_a_saying_outside_it_is_the_speakers_undated() -> None:
    # SemEval trial doc 18315: 'adds, "Steve will continue to serve Apple"' told no serving (gold, of a date
    # unknown), though "Jobs will continue to steer the company" unquoted did; the quote's future is what the
    # saying reports, as an unquoted one is ("said the company will ask experts"): undated
    day = date(2011, 8, 25)
    got = _events_by_word(_parsed('A board member adds, "Steve will continue to serve Apple with his '
                                  'insights."', day))
    assert got["serve"][1:] == (None, "supposed")
    assert got["continue"][1:] == (None, "supposed")
    got = _events_by_word(_parsed('The minister said, "We will determine who planned the raid."', day))
    assert got["determine"][1] is None
    # its pasts are the speaker's own account, a state to come no happening, and a saying inside the quote
    # is the speaker's too
    for text in ('A witness said, "Our men gunned down the fighters and pursued them."',
                 'The scientist said, "We will solely rely on artificial light."',
                 '"He said the company will expand," she wrote.'):
        got = _events_by_word(_parsed(text, day))
        assert not {"gunned", "pursued", "rely", "expand"} & set(got), (text, got)


def test_a_named_day_of_the_calendar_is_dated_and_a_movable_one_computed() -> None:
    # SemEval trial 7539 and FNC-1 bodies (Foley "kidnapped ... on Thanksgiving Day in 2012", "will release on
    # Christmas Day") named holidays that the stage found no date for
    sept, jan = date(2014, 9, 1), date(2015, 1, 10)
    assert resolve("Christmas Day", jan) == ("2014-12-25", "day")  # a January report's is the last one
    assert resolve("Christmas Eve", sept, 1) == ("2014-12-24", "day")  # told ahead: the coming one
    assert resolve("Thanksgiving Day in 2012", sept) == ("2012-11-22", "day")  # the fourth Thursday
    assert resolve("Valentine's Day of 2015", sept) == ("2015-02-14", "day")
    assert resolve("this Christmas", jan) == ("2015-12-25", "day")
    assert resolve("last Christmas", date(2014, 12, 25)) == ("2013-12-25", "day")
    assert resolve("Easter last year", sept) == ("2013-03-31", "day")
    assert resolve("next Easter", date(2014, 4, 20)) == ("2015-04-05", "day")  # by the computus
    assert resolve("Easter Sunday 2024", None) == ("2024-03-31", "day")
    assert resolve("Good Friday", date(2014, 5, 1)) == ("2014-04-18", "day")
    assert resolve("Memorial Day", date(2014, 6, 1)) == ("2014-05-26", "day")  # the last Monday of May
    assert resolve("Labor Day 2015", None) == ("2015-09-07", "day")
    assert resolve("New Year's Eve", jan) == ("2014-12-31", "day")
    assert resolve("Christmas", None) == (None, "day")
    # a report naming the holiday again tells of the one it gave a year (FNC-1 body 446)
    got = _values("Foley was kidnapped on Thanksgiving Day in 2012. His mother said: \"We last knew that he "
                  "was abducted on Thanksgiving Day.\"", sept)
    assert got == [("Thanksgiving Day in 2012", "2012-11-22"), ("Thanksgiving Day", "2012-11-22")]


def test_a_holiday_naming_a_kind_of_thing_or_a_greeting_is_no_day() -> None:
    # FNC-1: "a Christmas present", "Halloween-themed", "the Christmas shopping season", "Chinese New Year"
    text = ("Merry Christmas! She bought a Christmas present and Halloween-themed toys for the Christmas "
            "shopping season. Factories work through the Chinese New Year. Tourists flew to Easter Island "
            "and Eastern Europe. He vanished on Thanksgiving Day 2012 and was seen at Christmas when it "
            "snowed.")
    assert [text[s:e] for s, e in find_times(text)] == ["Thanksgiving Day 2012", "Christmas"]
    got = {(x, v) for x, v in _values(text, date(2014, 9, 1)) if v is not None}
    assert got == {("Thanksgiving Day 2012", "2012-11-22"), ("Christmas", "2013-12-25")}
    # SemEval trial 7539: "demand ... during the Christmas and New Year sales period"
    assert find_times("iPods sold well during the Christmas and New Year sales period.") == []


def test_aiming_at_a_time_tells_it_ahead() -> None:
    # FNC-1 body 286: "Apple is still shooting for a launch on Valentine's Day" was the past one
    assert future_context("Apple is still shooting for a launch on ") == 1
    assert future_context("He and his friends hope to start a fund in ") == 1  # body 1167: the coming June
    assert future_context("Apple was still shooting for a launch on ") == 0
    got = _values("The source claims Apple is still shooting for a launch on Valentine's Day.",
                  date(2014, 9, 3))
    assert got == [("Valentine's Day", "2015-02-14")]


def test_a_saints_day_spelled_out_is_dated() -> None:
    # review h141: "Saint" is a name's first word the pattern takes, and the day's key did not drop it
    sept = date(2014, 9, 1)
    assert resolve("Saint Patrick's Day", sept) == ("2014-03-17", "day")
    assert resolve("Saint Valentine's Day of 2012", sept) == ("2012-02-14", "day")
    assert _values("The parade was held on Saint Patrick's Day in 2013.", sept) == [
        ("Saint Patrick's Day in 2013", "2013-03-17")]


def test_a_holiday_name_cut_short_of_its_possessive_or_of_another_calendar_or_counting_is_no_day() -> None:
    # review h141: "New Year" of "New Year's resolutions" was 1 January (the pattern gave the 's back to find
    # no modifier after the name); "Orthodox Easter" is the Julian calendar's; a number after the name that is
    # no year of it counts something ("in 2000 homes") or is out of range ("Easter 9999")
    for text in ("Her New Year's resolutions failed.", "They planned a New Year's Eve party.",
                 "New Year's Eve fireworks lit the sky.", "Crowds watched the New Year's Day parade.",
                 "Orthodox Easter falls a week later.", "Families marked Orthodox Christmas quietly.",
                 "Volunteers brought Christmas in 2000 homes.", "It was dated Easter 9999.",
                 "He wrote Christmas 20000 on the card."):
        assert not [x for x in find_times(text) if "Year" in text[x[0]:x[1]] or "Easter" in text[x[0]:x[1]]
                    or "Christmas" in text[x[0]:x[1]]], text
    sept = date(2014, 9, 1)
    assert resolve("New Year's Day", sept) == ("2014-01-01", "day")
    assert resolve("Christmas in 2012", sept) == ("2012-12-25", "day")
    assert resolve("Christmas, 2013", sept) == ("2013-12-25", "day")


def test_a_holiday_spelled_with_a_small_day_or_without_the_apostrophe_is_dated_and_a_title_is_not() -> None:
    # review h141: "Boxing day", "New Years Eve" were missed; "John Carpenter's Halloween", "the album
    # Christmas" and "Dr Christmas" name a film, a record and a man, no day
    sept = date(2014, 9, 1)
    for expr, value in (("Boxing day", "2013-12-26"), ("Thanksgiving day", "2013-11-28"),
                        ("New Years Eve", "2013-12-31"), ("New Years Day 2012", "2012-01-01")):
        assert resolve(expr, sept) == (value, "day"), expr
        assert [f"on {expr}."[s:e] for s, e in find_times(f"on {expr}.")] == [expr]
    for text in ("John Carpenter's Halloween was a huge hit.", "The album Christmas was released.",
                 "Dr Christmas is a surgeon.", "Apple's Christmas was good."):
        assert find_times(text) == [], text
    for text in ("It's Christmas Eve.", "Last year's Christmas was cold."):
        assert any("Christmas" in text[s:e] for s, e in find_times(text)), text


def test_a_holiday_to_come_is_the_next_one_not_the_year_told_before() -> None:
    # h146: "He was jailed on Christmas Day 2012 ... he will be home by Christmas Day" reused 2012 for the
    # second; a holiday told as to come is the next one after the report's day, unless the year told
    # before is itself to come; one told in the past still takes the year told before
    a = _parsed("He was jailed on Christmas Day 2012 in Tehran. His lawyer said on Monday he will be home by "
                "Christmas Day. He was first freed on Christmas Day, the lawyer said.",
                published=date(2014, 9, 10))
    assert [(a.text[t.start:t.end], t.value) for t in a.times] == [
        ("Christmas Day 2012", "2012-12-25"), ("on Monday", "2014-09-08"), ("Christmas Day", "2014-12-25"),
        ("Christmas Day", "2012-12-25")]
    b = _parsed("The trial is set to open on Christmas Day 2015. The judge will rule on Christmas Day.",
                published=date(2014, 9, 10))
    assert [t.value for t in b.times] == ["2015-12-25", "2015-12-25"]


def test_a_past_this_holiday_in_the_weeks_after_it_is_the_one_just_gone() -> None:
    # h146: "This Christmas was quiet" in a January report went ahead to the next Christmas; told in the
    # past (its verb's tense, the holiday its subject) in the weeks after it, it is the one just gone. Told
    # as to come it is still this year's. h156: told in the past months from both (in June) it was this
    # year's, a past in the coming December; it is undated now. In the weeks before it, its season, a past
    # is of this year's (FNC-1 body 2036: "had an extra special gift for his parents this Christmas")
    jan = date(2015, 1, 12)
    a = _parsed("This Christmas was quiet in the village, residents said on Monday.", published=jan)
    assert a.times[0].value == "2014-12-25"
    b = _parsed("This Christmas will be quiet in the village, residents said on Monday.", published=jan)
    assert b.times[0].value == "2015-12-25"
    c = _parsed("This Christmas was quiet in the village, residents said on Monday. Retailers will hire "
                "more staff this Christmas.", published=date(2015, 6, 12))
    assert [(c.text[t.start:t.end], t.value) for t in c.times] == [
        ("This Christmas", None), ("on Monday", "2015-06-08"), ("this Christmas", "2015-12-25")]
    d = _parsed("Shoppers flocked to the malls this Christmas, retailers said.", published=date(2015, 12, 14))
    assert d.times[0].value == "2015-12-25"
    # an expression its verb takes as its object is told in that verb's tense too ("spent this Christmas";
    # FNC-1 body 1916: "the gunshots that felled the 18-year-old Aug. 9", told in June: 2014's)
    e = _parsed("He spent this Christmas with his family. A recording has the gunshots that felled the "
                "18-year-old Aug. 9.", published=date(2015, 6, 12))
    got = {e.text[t.start:t.end]: t.value for t in e.times}
    assert got["this Christmas"] is None and got["Aug. 9"] == "2014-08-09", got


def test_a_quoted_past_phase_gives_its_subject_no_event_of_its_own() -> None:
    # h146 (review of f9af734): '"Construction began in 1795," the guide said' gave "Construction" an event
    # of 1795 of its own; only a quote's future a saying outside it reports gives what its phase verb is
    # the phase of ('"Steve will continue to serve Apple"'), as its other pasts stay the speaker's account
    a = _parsed('"Construction began in 1795," the guide said. Construction of the bridge began in 1801, '
                'the guide said. Art Levinson adds, "Steve will continue to serve Apple with his unique '
                'insights." He later told Reuters that "discussions will continue in Chad next week."',
                published=date(2014, 9, 10))
    words = [(a.text[ev.start:ev.end], ev.date) for ev in a.events]
    assert ("Construction", "1801") in words and ("serve", None) in words, words
    assert [w for w in words if w[0] == "Construction"] == [("Construction", "1801")], words
    assert ("discussions", "2014-W38") in words, words  # a quote's dated future (FNC-1 body 1139)


def test_a_happening_told_of_in_general_under_a_condition_is_undated() -> None:
    # h156 (redone, lost with the old machine): "a breach is legal only when it breaks a bond" tells what
    # any breach is, not one that took place, yet it was a legal event of the publication day. A breach
    # told as one ("Apple Corps argued on Monday that the store was a breach"), and a present that shows
    # a real one without a condition ("here is a statement from ESPN", FNC-1 body 1699; "an anti-terror
    # raid is reportedly underway", body 1688), keep their dates
    a = _parsed("Apple Corps argued on Monday that the iTunes Music Store was a breach of the 1991 "
                "settlement. Under the law, a breach is legal only when it breaks a bond. A breach of "
                "contract occurs only if a party breaks its word. Here is a statement from ESPN. An "
                "anti-terror raid is reportedly underway in Reims.", published=date(2006, 5, 10))
    got = [(a.text[e.start:e.end], e.date) for e in a.events if e.label != "meeting"]
    assert [d for w, d in got if w == "breach"] == ["2006-05-08", None, None], got
    assert ("statement", "2006-05-10") in got and ("raid", "2006-05-10") in got, got


def test_one_kidnapped_or_captured_is_told_so_not_arrested() -> None:
    # rd34's review of 45 FNC-1 bodies: every kidnapping was "girls arrested" (bodies 308, 455, 520, ...),
    # Bergdahl's capture by the Taliban "Bergdahl arrested" (bg-74): a kidnapping is an abduction of its
    # own class, and one taken is told by the trigger's own word
    a = _mentioned("Boko Haram kidnapped more than 200 schoolgirls from Chibok on April 14. Militants "
                   "abducted a German teacher in July. Bergdahl was captured by the Taliban in June 2009. "
                   "Police arrested 22 officers on Saturday.", date(2014, 10, 17))
    got = [(ev.label, ev.description) for ev in a.events if ev.label in ("arrest", "abduction")]
    assert got == [("abduction", "schoolgirls kidnapped"), ("abduction", "German teacher abducted"),
                   ("arrest", "Bergdahl captured"), ("arrest", "officers arrested")], got


def test_a_birth_is_dated_only_from_inside_its_own_clause() -> None:
    # rd34's review of FNC-1 bodies 2139, 2272: "Fighting also continued Friday in Vimtin, the nearby village
    # where Badeh was born" gave "2014-10-31 Badeh born"; nor does an undated birth take the lead's day
    a = _mentioned("Nigeria's military chief Alex Badeh said on Friday that the ceasefire holds. Fighting "
                   "also continued Friday in Vimtin, the nearby village where Badeh was born. Haines was "
                   "born in East Yorkshire. Born in 1971, al-Baghdadi comes from Samarra.", date(2014, 11, 1))
    born = [(a.text[ev.start:ev.end], ev.date) for ev in a.events if ev.label == "birth"]
    assert born == [("born", None), ("born", None), ("Born", "1971")], born
    assert ("continued", "2014-10-31") in [(a.text[ev.start:ev.end], ev.date) for ev in a.events]


def test_what_a_report_or_rumour_tells_is_not_dated_by_the_clause_around_it() -> None:
    # rd34's review of FNC-1 body 1630: Shekau "laughing away government reports that he had died" in a
    # video of Friday gave "2014-10-31 Abubakar Shekau died"; what a noun of telling's "that" clause tells
    # is what was told, at no time of its own (FNC-1 bodies 139, 1555: "rumors that he died")
    a = _mentioned("A video handed to Nigerian media Friday showed Boko Haram leader Abubakar Shekau "
                   "laughing away government reports that he had died or that his group had begun peace "
                   "talks or signed a truce. Rumors on Sunday that Macaulay Culkin died have flourished "
                   "online. Police said on Friday that they arrested two men.", date(2014, 11, 1))
    got = [(a.text[ev.start:ev.end], ev.date) for ev in a.events]
    assert [d for w, d in got if w in ("died", "signed")] == [None, None, None], got
    assert ("arrested", "2014-10-31") in got, got  # a verb of saying's reported clause still takes its day


def test_an_expression_in_a_since_or_before_clause_dates_that_clause_only() -> None:
    # rd34's review of FNC-1 body 1821: "Shekau's denial ... appears supported by the violence since the
    # government announced it two weeks ago" gave "2014-W42 Shekau denial"; a clause that bounds a span
    # ("since", "before", "until") dates its own verb, not the one it bounds (FNC-1 bodies 1116, 2524:
    # "executed since the conflict began in early 2011"); "after" is no such bound
    a = _mentioned("Shekau's denial of the ceasefire appears supported by the violence since the government "
                   "announced it two weeks ago. Foley would be the first American journalist known to be "
                   "executed since the conflict began in early 2011. Police arrested him on Monday after he "
                   "returned from Syria. He was captured after he left his outpost in June 2009.",
                   date(2014, 11, 1))
    got = [(a.text[ev.start:ev.end], ev.date) for ev in a.events]
    assert ("denial", "2014-11-01") in got and ("announced", "2014-W42") in got, got
    assert ("executed", None) in got and ("began", "2011") in got, got
    assert ("arrested", "2014-10-27") in got and ("captured", "2009-06") in got, got


def test_an_expression_closing_a_past_relative_clause_takes_that_clause_s_tense() -> None:
    # rd34's review of FNC-1 body 1821 (published 2014-11-01): the parser hung "in April" on "will secure",
    # which made it April 2015; it closes the relative clause "who were kidnapped ...", told in the past
    a = _parsed("But it is likely to raise grave doubts about whether talks between a Boko Haram faction and "
                "the government in neighboring Chad will secure the release of the girls, who were kidnapped "
                "from a secondary school in Chibok, northeast Nigeria, in April.",
                published=date(2014, 11, 1))
    assert [t.value for t in a.times] == ["2014-04"]
    assert ("kidnapped", "2014-04") in [(a.text[ev.start:ev.end], ev.date) for ev in a.events]


def test_a_heading_s_future_does_not_turn_the_next_paragraph_s_day_forward() -> None:
    # rd34's review of FNC-1 body 1588 (published Saturday 2014-11-01): the heading "'We will not negotiate'"
    # over "In a video released on Friday, Abubakar Shekau said" made that Friday 2014-11-07, a future day for
    # a past verb (five other reports: 2014-10-31); the words before a day are read only up to a blank line
    a = _parsed("But violence has continued since news of the alleged truce.\n\n'We will not negotiate'\n\n"
                "In a video released on Friday, Abubakar Shekau said: \"We have not made ceasefire with "
                "anyone.\"", published=date(2014, 11, 1))
    assert [t.value for t in a.times] == ["2014-10-31"]


def test_a_dateline_with_its_country_is_no_party_of_the_lead() -> None:
    # rd34's review of FNC-1 body 2463: "ABUJA, Nigeria — The leader of Nigeria's Islamist extremist group
    # dashed hopes ..., denying reports of a truce" gave "Nigeria denies reports" and "Nigeria dashed hopes"
    # (the timeline then told Boko Haram's denial in bodies 1195 and 1588 as Nigeria's): the parser took the
    # dateline's country for the subject
    a = _mentioned("ABUJA, Nigeria — The leader of Nigeria's Islamist extremist group dashed hopes for the "
                   "release of 200 kidnapped girls Saturday, denying reports of a truce with the government.",
                   date(2014, 11, 1))
    got = [ev.description for ev in a.events if a.text[ev.start:ev.end] in ("dashed", "denying")]
    assert len(got) == 2 and not any(d.startswith("Nigeria ") for d in got), got


def test_an_undated_report_s_present_saying_takes_no_year_it_tells_of() -> None:
    # rd34's review of the undated Bergdahl reports (bg-171): "Mohammad Fazl, who Human Rights Watch says
    # could be prosecuted ... for the mass killing of Shiite Muslims in Afghanistan in 2000" gave "2000 Human
    # Rights Watch statement", as a dated report no more does (_near_now); a day can still be the saying's
    a = _parsed("Mohammad Fazl, who Human Rights Watch says could be prosecuted for war crimes for presiding "
                "over the mass killing of Shiite Muslims in Afghanistan in 2000. In August 2014 Taylor says "
                "she met Michael Phelps. On October 3, 2014, the ministry says it has agreed a ceasefire.",
                published=None)
    got = [(a.text[ev.start:ev.end], ev.date) for ev in a.events if ev.label == "statement"]
    assert got == [("says", None), ("says", None), ("says", "2014-10-03")], got
