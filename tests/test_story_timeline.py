"""The story-level timeline (resolve/timeline.py): how the articles' events become entries.

The stage-level tests (times, dating rules) and the seed targets live in test_times.py.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import SEED_000, SEED_004, need_data
from newsprism.model import Analysis, Article, Event, Span, TimelineEntry
from newsprism.pipeline import Pipeline
from newsprism.resolve.timeline import (
    _doers,
    _lead_line,
    _name_matches,
    _owners,
    _supposed,
    _text_doer,
    _theme,
    _thing_states,
    build_timeline,
    same_name,
    timeline_members,
)
from newsprism.stages.times import DATING_CONFIDENCE, dating_rule


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.from_names(["parse", "times"])


def _run(pipe: Pipeline, texts: dict[str, tuple[str, date | None]]) -> list[Analysis]:
    return list(pipe.run([Article(id=k, text=t, published=d) for k, (t, d) in texts.items()]))


def _words(entry: TimelineEntry, by: dict[str, Analysis]) -> set[str]:
    out = set()
    for m in entry.mentions:
        a = by[m.article]
        out |= {a.text[ev.start:ev.end] for ev in a.events if m.start <= ev.start and ev.end <= m.end}
    return out


KEYNOTE = ("Apple CEO Steve Jobs opened the developers conference in San Francisco on Monday.\n\n"
           "Jobs welcomed everyone to the event and announced that there were 5,000 attendees.\n\n"
           "Jobs started by hinting at the incident, saying, \"Stop me if you have seen this.\"")


def test_doerless_tellings_of_the_leads_day_join_their_doers_entry(pipe: Pipeline) -> None:
    # The stage finds no doer for "welcomed", "announced", "hinting" or "saying". "saying" hangs on
    # "Jobs started" in its sentence: it must wait for that entry rather than be left out because it
    # came first; "welcomed ... and announced" name their doer before them ("Jobs"), a doer of the
    # article's other events. They join the day's entry of Jobs; none starts an entry of its own.
    (a,) = _run(pipe, {"a": (KEYNOTE, date(2010, 6, 8))})
    entries = build_timeline([a])
    jobs = [e for e in entries if "started" in _words(e, {"a": a})]
    assert len(jobs) == 1 and jobs[0].date == "2010-06-07", [(e.date, e.description) for e in entries]
    assert {"welcomed", "announced", "hinting", "saying", "started"} <= _words(jobs[0], {"a": a})
    assert all(e.date == "2010-06-07" for e in entries)
    assert len(entries) == 2  # Jobs's appearance and the opening (a business happening, own date)


CRATER = ("A meteorite made a crater near the airport in Managua on {day} night.\n\n"
          "Government spokeswoman Rosario Murillo said the crater was 12 metres wide.")


def test_one_speaker_on_the_lead_days_of_two_reports_is_one_entry(pipe: Pipeline) -> None:
    # Two reports of one story, their leads naming Saturday and Sunday: Murillo's saying, dated by
    # each lead's day, is one appearance, dated by the earlier day, not one entry per report.
    b, c = _run(pipe, {"b": (CRATER.format(day="Saturday"), date(2014, 9, 8)),
                       "c": (CRATER.format(day="Sunday")
                             + "\n\nCNN's Jeff Greene contributed to this report.", date(2014, 9, 8))})
    entries = build_timeline([b, c])
    murillo = [e for e in entries if "Murillo" in e.description]
    assert len(murillo) == 1, [(e.date, e.description) for e in entries]
    assert murillo[0].date == "2014-09-06" and {m.article for m in murillo[0].mentions} == {"b", "c"}
    # each report alone keeps its own lead's day
    assert [e.date for e in build_timeline([c]) if "Murillo" in e.description] == ["2014-09-07"]


def test_a_saying_dated_by_its_own_expression_takes_no_later_leads_day(pipe: Pipeline) -> None:
    # "Olsen said on Monday" is that Monday; another report's "Olsen said he was wrong" under a lead
    # of Wednesday is another saying, not one to fold into Monday's.
    b, c = _run(pipe, {"b": (("Golfer Dan Olsen said on Monday that Tiger Woods cheats.\n\nOlsen said the "
                              "tour knew."), date(2014, 2, 5)),
                       "c": (("A golfer apologised to Tiger Woods on Wednesday.\n\n"
                              "Golfer Dan Olsen said he was wrong about the claims."), date(2014, 2, 6))})
    olsen = sorted((e.date, sorted({m.article for m in e.mentions})) for e in build_timeline([b, c])
                   if "Olsen" in e.description)
    assert olsen == [("2014-02-03", ["b"]), ("2014-02-05", ["c"])], olsen


def test_a_credit_line_is_no_happening(pipe: Pipeline) -> None:
    # "CNN's Jeff Greene contributed to this report." names a doer in the past on the lead's day:
    # it is the report's making, not an entry.
    (c,) = _run(pipe, {"c": (CRATER.format(day="Sunday") + "\n\nCNN's Jeff Greene contributed to this "
                                                           "report.\n\nAssociated Press writer Lolita C. "
                                                           "Baldor contributed.",
                             date(2014, 9, 8))})
    assert any(c.text[ev.start:ev.end] == "contributed" for ev in c.events)  # the stage's event is there
    entries = build_timeline([c])
    assert entries and not [e for e in entries if "Greene" in e.description or "Baldor" in e.description
                            or "contributed" in e.description]


def test_two_sources_telling_one_outlet_are_two_entries(pipe: Pipeline) -> None:
    # "X told The Daily Beast on Wednesday" and "Y told The Daily Beast on Wednesday" down one report
    # share only whom they are told to (an FNC-1 body: "the Pentagon told the Telegraph on Monday" and
    # "Abu Ibrahim al-Raqqawi, an anti-Isil activist ..., told The Telegraph"): two tellings; Kirby's
    # second telling is his first's entry.
    text = ("A Kurdish commander said the Islamic State leader was wounded in an airstrike.\n\n"
            "Kurdish commander Mahmoud Ali told The Daily Beast on Wednesday that the leader had died in "
            "Syria.\n\nPentagon spokesman John Kirby told The Daily Beast on Wednesday that there was no "
            "evidence of it.\n\nKirby later told The Daily Beast on Wednesday that the strikes would go on.")
    (a,) = _run(pipe, {"a": (text, date(2014, 10, 10))})
    told = sorted([sum(w in a.text[m.start:m.end] for m in e.mentions) for w in ("Ali", "Kirby")]
                  for e in build_timeline([a])
                  if e.date == "2014-10-08" and e.description.endswith("statement"))
    assert told == [[0, 2], [1, 0]], told  # Kirby's two tellings, Ali's one


def test_the_owner_of_a_speaker_is_not_the_speaker(pipe: Pipeline) -> None:
    # "Horner's mother said" (the stage's party: "Horner") is the mother's saying: Horner's own
    # happening of the lead's day is not her appearance (an FNC-1 body); "Foley's speech" is Foley's.
    text = ("PHOENIX, Arizona - A teenager was charged in a Phoenix court on Monday.\n\n"
            "“He was a straight-A student,” Horner’s mother said.\n\n"
            "Horner immediately broke down into tears and had to be restrained by bailiffs.")
    (a,) = _run(pipe, {"a": (text, date(2014, 9, 23))})
    held = sorted(sorted(_words(e, {"a": a})) for e in build_timeline([a]) if e.date == "2014-09-22")
    assert ["said"] in held and ["broke"] in held, held


def test_a_name_whose_s_comes_before_an_adverb_owns_no_one(pipe: Pipeline) -> None:
    # "Sainsbury's also said": the "'s" is the name's own, the telling Sainsbury's; "Horner's only son
    # said", "Foley's family said" are the son's and the family's
    texts = {"a": "Sainsbury's also said on Monday it would close stores.",
             "b": "Sainsbury's recently said on Monday it would close stores.",
             "c": "Horner's only son said on Monday he was fine.",
             "d": "Foley's family said on Monday he was fine."}
    got = {k: [_owners(a.text, ev) for ev in a.events if a.text[ev.start:ev.end] == "said"]
           for k, a in zip(texts, _run(pipe, {k: (t, date(2014, 9, 23)) for k, t in texts.items()}))}
    assert got == {"a": [[]], "b": [[]], "c": [["Horner"]], "d": [["Foley"]]}, got


def test_the_owner_of_what_an_occurrence_is_done_to_is_no_doer_of_its_day(pipe: Pipeline) -> None:
    # FNC-1 body 298: "Mr. Bibeau's name was first broadcast by CBS" (the stage's parties: Bibeau, CBS) took
    # in "Mr. Zehaf-Bibeau listed his address" as one happening of the lead's day by Bibeau: the name is
    # his, the broadcast CBS's; an occurrence's owner is read as a telling's ("Horner's mother said")
    text = ("OTTAWA - A gunman was killed in Ottawa on Wednesday.\n\nMr. Bibeau's name was first broadcast "
            "by CBS.\n\nIn court records, Mr. Bibeau listed his address as being in Aylmer.")
    (a,) = _run(pipe, {"a": (text, date(2014, 10, 23))})
    held = [_words(e, {"a": a}) for e in build_timeline([a]) if e.date == "2014-10-22"]
    assert not [w for w in held if {"broadcast", "listed"} <= w], held


def test_a_name_in_single_quotes_is_no_doer(pipe: Pipeline) -> None:
    # 'Revolutionary Guard spokesman Ramzan Sharif noted that “the ‘Al Aqsa Flood’ (name given by
    # Hamas ...': the operation's name is quoted in single marks; the saying is Sharif's.
    text = SEED_004.read_text(encoding="utf-8").split("\n", 1)[1]
    (a,) = _run(pipe, {"004": (text, date(2023, 12, 28))})
    at = a.text.index("Ramzan Sharif noted")
    noted = next(ev for ev in a.events if ev.start == at + len("Ramzan Sharif "))
    assert any("Al Aqsa" in a.text[p.start:p.end] for p in noted.participants)  # the stage names it
    doers = _doers(a.text, noted)
    assert "Ramzan Sharif" in doers and not [d for d in doers if "Aqsa" in d], doers


LAWSUIT = ("The lawsuit was filed in London on March 28, 2006, and the lawsuit against Apple Computer "
           "names the iTunes store.\n\nApple Corps sued Apple Computer in 1991.")


def test_an_event_dated_by_its_clause_joins_an_entry_of_its_date(pipe: Pipeline) -> None:
    # The second "lawsuit" is dated by the expression of its clause (a weaker reading than an own
    # expression): it joins the lawsuit of 2006 told in its sentence, not the 1991 suit of the
    # company it names.
    (e,) = _run(pipe, {"e": (LAWSUIT, date(2006, 3, 29))})
    second = next(ev for ev in e.events if ev.start == e.text.index("lawsuit against"))
    assert second.date == "2006-03-28"
    entries = build_timeline([e])
    holding = [x for x in entries if any(m.start <= second.start < m.end for m in x.mentions)]
    assert [x.date for x in holding] == ["2006-03-28"], [(x.date, x.description) for x in entries]


def test_an_occurrence_at_the_expression_of_a_happening_is_that_happening() -> None:
    # "to file suit again in 1989": the occurrence "file" and the legal "suit" are one happening at
    # one expression; one entry holds both, not a "suit" entry beside a lost (or a second) "file".
    pipe = Pipeline.from_names(["parse", "mentions", "times"])
    text = ("Apple Computer added music recording abilities to its Macintosh computers, prompting Apple "
            "Corps to file suit again in 1989.")
    (h,) = _run(pipe, {"h": (text, date(2006, 3, 28))})
    labels = {h.text[ev.start:ev.end]: ev.label for ev in h.events}
    assert labels.get("file") == "occurrence" and labels.get("suit") == "legal", labels
    entries = [e for e in build_timeline([h]) if e.date == "1989"]
    assert len(entries) == 1 and len(entries[0].mentions) == 2, entries
    assert {"file", "suit"} <= _words(entries[0], {"h": h})


def test_an_occurrence_dated_by_its_clauses_expression_of_a_happening_is_that_happening(
        pipe: Pipeline) -> None:
    # "stormed the school in Chibok in April and snatched nearly 300 students": the stage dates the
    # occurrence "snatched" by its clause's expression (rule "sentence"), the attack's own "April".
    # One raid told by two verbs at one expression: the attack's entry holds both (before, a clause's
    # date only joined an entry by a shared name, and "snatched" was on no entry). (An FNC-1 body's
    # wording; SemEval trial document 18315's "made an appearance in March ... to unveil the iPad 2".)
    text = ("Boko Haram stormed the school in Chibok in April and snatched nearly 300 students, of whom 219 "
            "remain in captivity.")
    (a,) = _run(pipe, {"a": (text, date(2014, 10, 15))})
    rules = {a.text[ev.start:ev.end]: (ev.label, dating_rule(ev), ev.date) for ev in a.events}
    assert rules.get("snatched") == ("occurrence", "sentence", "2014-04"), rules
    assert rules.get("stormed") == ("attack", "own", "2014-04"), rules
    entries = build_timeline([a])
    assert len(entries) == 1 and {"stormed", "snatched"} <= _words(entries[0], {"a": a}), entries


def test_the_leads_news_at_a_day_of_its_own_is_an_entry_without_a_named_doer(pipe: Pipeline) -> None:
    # An occurrence (outside the trigger lexicon) naming no person or organisation makes no entry
    # ("the deadline passed on Sunday"), but for the report's news: told in the lead's opening,
    # dated to a day by an expression of its own. Not when it is past the lead, nor in a clause
    # that is another happening's background ("after a meteorite crashed"). (An FNC-1 body's
    # wording; SemEval trial document 16900's "Pre-orders of the recently announced iPhone 4 began
    # Tuesday".)
    crash = "A meteorite crashed down in Managua, Nicaragua, late Saturday night, causing a loud explosion."
    said = "Officials said no damage or injuries were reported. They were still measuring the crater."
    (a, b, c) = _run(pipe, {"a": (crash + " " + said, date(2014, 9, 8)),
                            "b": (said + "\n\n" + crash, date(2014, 9, 8)),
                            "c": (("Residents heard a loud explosion after a meteorite crashed down in "
                                  "Managua, Nicaragua, late Saturday night."), date(2014, 9, 8))})
    for x in (a, b, c):
        crashed = next(ev for ev in x.events if x.text[ev.start:ev.end] == "crashed")
        assert (crashed.label, crashed.date, dating_rule(crashed)) == ("occurrence", "2014-09-06", "own")
        assert not [p for p in crashed.participants if p.label in ("PERSON", "ORG")]
    held = [e for e in build_timeline([a]) if "crashed" in _words(e, {"a": a})]
    assert [(e.date, e.precision) for e in held] == [("2014-09-06", "day")], build_timeline([a])
    assert not any("crashed" in _words(e, {"b": b}) for e in build_timeline([b]))
    assert not any("crashed" in _words(e, {"c": c}) for e in build_timeline([c]))


def test_two_reports_telling_a_happening_in_the_same_words_make_one_entry() -> None:
    # A shared paragraph (a wire copy): "ship ... by December this year" names no person or
    # organisation and is dated only to the year, so nothing else merges the two tellings.
    pipe = Pipeline.from_names(["parse", "mentions", "times"])
    para = "Analysts expect the company to ship almost 42 million units by December this year."
    x, y = _run(pipe, {"x": ("Apple unveiled its watch on Tuesday.\n\n" + para, date(2014, 9, 10)),
                       "y": ("The watch will cost $349.\n\n" + para, date(2014, 9, 11))})
    ships = [e for e in build_timeline([x, y]) if "ship" in _words(e, {"x": x, "y": y})]
    assert len(ships) == 1 and {m.article for m in ships[0].mentions} == {"x", "y"}, ships


@pytest.mark.parametrize(("sentence", "word", "doer"), [
    ("In the U.S. Jobs also noted that five billion apps had been downloaded.", "noted", ["Jobs"]),
    ("Jobs has since said the antenna works.", "said", ["Jobs"]),
    # the name before the word is what it is said to or of, not its doer (300 FNC-1 bodies)
    ("A source in Kansas City confirmed the story to the Gateway Pundit and added that it was true.", "added",
     []),
    ("DNA tests were conducted to verify it was al-Baghdadi's child, the official said.", "said", []),
    ("\"We will find Jobs,\" the police said.", "said", []),
])
def test_the_doer_read_off_a_sentence_stands_right_before_the_word(sentence: str, word: str,
                                                                   doer: list[str]) -> None:
    at = sentence.index(word)
    ev = Event(start=at, end=at + len(word), label="statement",
               sentence=Span(start=0, end=len(sentence), label="sentence"))
    assert _text_doer(sentence, ev, ["Gateway Pundit", "al-Baghdadi", "Jobs"]) == doer


def test_an_entry_shows_a_phrase_once() -> None:
    # SemEval trial document 1664: "Steve Jobs gave his annual opening keynote ... on Monday" is the
    # occurrence "gave" and the remark "keynote", one phrase; the entry holding both lists it once.
    from newsprism.eval.timeline import load_documents

    doc = load_documents(need_data("semeval2015-timeline") / "trial-docs")["1664"]
    (a,) = _run(Pipeline.from_names(["parse", "mentions", "times"]), {"1664": (doc.text, doc.dct)})
    entries = build_timeline([a])
    gave = next(e for e in entries if "gave" in _words(e, {"1664": a}))
    assert "keynote" in _words(gave, {"1664": a})
    for e in entries:
        spans = [(m.article, m.start, m.end) for m in e.mentions]
        assert len(spans) == len(set(spans)), (e.description, spans)


def test_two_reports_naming_a_happening_in_the_same_phrase_make_one_entry() -> None:
    # "died of a heart attack in 2011" in two reports of a story, in different sentences: no name and
    # only a year, so nothing else merges them; the same phrase, class and date is one happening.
    pipe = Pipeline.from_names(["parse", "mentions", "times"])
    x, y = _run(pipe, {
        "x": (("The leader has not been seen for weeks. His father, who ruled for 17 years, died of a heart "
               "attack in 2011."), date(2014, 10, 8)),
        "y": (("Rumours about his health are spreading. He took power after his father died of a heart "
               "attack in 2011."), date(2014, 10, 9))})
    by = {"x": x, "y": y}
    died = [e for e in build_timeline([x, y]) if "died" in _words(e, by)]
    assert len(died) == 1 and {m.article for m in died[0].mentions} == {"x", "y"}, died


def test_the_names_a_cluster_is_found_by_are_every_name_same_name_takes(pipe: Pipeline) -> None:
    # build_timeline asks same_name only of the pairs of a story's names that share words, an
    # acronym's letter or words within the fuzzy ratios it tests (_name_matches): no pair it takes may
    # be missed. The names of the two seed reports (the IRGC, Soleimani, Moussavi, Hamas ...) and
    # spellings of the kinds same_name takes ("Mousavi", "Qaddafi", an acronym, names run together,
    # a title alone) against every pair asked directly.
    seeds = _run(pipe, {"000": (SEED_000.read_text(encoding="utf-8").split("\n", 1)[1], date(2023, 12, 27)),
                        "004": (SEED_004.read_text(encoding="utf-8").split("\n", 1)[1], None)})
    names = {a.text[p.start:p.end] for a in seeds for ev in a.events for p in ev.participants}
    assert len(names) > 20
    names |= {"Mousavi", "Razi Moussavi", "Sayyed Razi Mousavi", "Islamic Revolutionary Guard Corps", "IRGC",
              "Gaddafi", "Qaddafi", "Muammar Gaddafi", "New York Times", "NewYorkTimes", "President",
              "president", "Israel", "Israeli", "U.N.O.", "United Nations Organisation", "the of and"}
    matches = _name_matches(names)
    for a in names:
        for b in names:
            assert (b in matches[a]) == (same_name(a, b) or same_name(b, a)), (a, b)
    assert "Qaddafi" in matches["Gaddafi"] and "IRGC" in matches["Islamic Revolutionary Guard Corps"]
    assert "NewYorkTimes" in matches["New York Times"] and "Israeli" not in matches["Israel"]


DATELINED = ("Apple announces Mac OS X Lion, iOS 5, and iCloud\n\nJune 07, 2011\n\n"
             "At the company's own Worldwide Developers Conference (WWDC) keynote at the Moscone West center "
             "in San Francisco, Apple CEO Steve Jobs introduced the next generation of software products "
             "from Apple.\n\nAlongside both announcements, Jobs also announced a new iCloud service to sync "
             "data among all devices.\n\nDeveloper releases of each product were made available today.\n\n"
             "Analyst Gene Munster said the new software would sell more iPhones.\n\n"
             "\"We are going to demote the PC to just be a device,\" said Steve Jobs during the keynote.")


def test_a_dateline_dates_the_news_of_a_lead_naming_no_day(pipe: Pipeline) -> None:
    # (SemEval trial document 17654's wording.) The lead names no day, so the stage dates its pasts
    # by the publication day (rule "document"), which alone starts no entry: it may be the day an
    # article was stored under. The dateline "June 07, 2011" names that day as the report's own:
    # the lead's doer's tellings ("Jobs also announced", "said Steve Jobs") are one entry of that
    # day, and so is the title's "Apple announces"; a saying of someone the lead does not name
    # (the analyst's) starts none.
    (a,) = _run(pipe, {"a": (DATELINED, date(2011, 6, 7))})
    entries = build_timeline([a])
    jobs = [e for e in entries if "Jobs" in e.description and "introduced" not in _words(e, {"a": a})]
    assert len(jobs) == 1 and jobs[0].date == "2011-06-07", [(e.date, e.description) for e in entries]
    assert {"announced", "said"} <= _words(jobs[0], {"a": a})
    # the lead's launch ("Jobs introduced the next generation") is that day's entry of its own kind
    assert [e.date for e in entries if "introduced" in _words(e, {"a": a})] == ["2011-06-07"]
    assert any(e.description.startswith("Apple") and "announces" in _words(e, {"a": a}) for e in entries)
    assert not any("Munster" in e.description or "Gene Munster" in e.entities for e in entries)
    assert all(e.date == "2011-06-07" for e in entries)
    # without the dateline (same publication day) nothing is told of that day
    (b,) = _run(pipe, {"b": (DATELINED.replace("June 07, 2011\n\n", ""), date(2011, 6, 7))})
    assert build_timeline([b]) == []
    # a dateline of another day than the publication's is no dateline of it
    (c,) = _run(pipe, {"c": (DATELINED.replace("June 07, 2011", "June 05, 2011"), date(2011, 6, 7))})
    assert not any("Jobs" in e.description for e in build_timeline([c]))


def test_a_happening_told_in_the_lead_starts_the_entry_of_the_leads_day(pipe: Pipeline) -> None:
    # A launch or an arrest dated by its tense to the lead's day (rule "lead") is mostly background
    # anywhere in a report, and only joins; told in the lead's opening sentences it is the report's
    # news: its doer's happening starts the day's entry, as a saying there does. (An FNC-1 body's
    # wording; SemEval trial document 17654's "Apple CEO Steve Jobs introduced" in its lead.)
    (p,) = _run(pipe, {"p": ((
        "Phoenix, AZ — A Phoenix boy is behind bars tonight after his mother called 9-1-1 when she found her "
        "son in his room. Phoenix Police were quick to respond, arresting 15-year-old Paul Horner, who "
        "attends North Valley High School in Phoenix, Arizona."), date(2017, 6, 1))})
    assert [(e.date, e.description) for e in build_timeline([p])] == [("2017-06-01", "Paul Horner arrested")]
    lead = ("Apple said on Monday that the iPhone 4 will ship on June 24. At its developers conference in "
            "San Francisco, Apple CEO Steve Jobs introduced the new phone.")
    (k,) = _run(pipe, {"k": (lead, date(2010, 6, 8))})
    intro = [e for e in build_timeline([k]) if "introduced" in _words(e, {"k": k})]
    assert [(e.date, "Jobs" in e.description) for e in intro] == [("2010-06-07", True)]
    # the same sentence past the lead, behind two sentences of it, is background: it starts no entry
    late = ("Apple said on Monday that the iPhone 4 will ship on June 24. The phone will cost $199 with a "
            "two-year contract, the company said.\n\nAt its developers conference in San Francisco, Apple "
            "CEO Steve Jobs introduced the new phone.")
    (m,) = _run(pipe, {"m": (late, date(2010, 6, 8))})
    assert not any("introduced" in _words(e, {"m": m}) for e in build_timeline([m]))


def test_a_dateline_dates_the_leads_past_the_stage_put_in_the_publication_month(pipe: Pipeline) -> None:
    # (SemEval trial document 11212's wording.) The lead names no day; the stage dates its past
    # "Apple released" by the publication month (rule "recent"). Under a dateline of the
    # publication day that month is the report's own, as its day is for a past dated by it: the
    # lead's doer's release starts the month's entry; without the dateline it starts none.
    text = ("Apple releases iPhone SDK, announces upcoming update\n\nMarch 06, 2008\n\n"
            "During a media event held at its Cupertino headquarters, Apple released the long awaited iPhone "
            "Software Development Kit (SDK) and the associated iTunes \"App Store\" and iPhone Developer "
            "Program.\n\nThe SDK will allow third party software developers to create applications for the "
            "iPhone.")
    (a,) = _run(pipe, {"a": (text, date(2008, 3, 6))})
    released = [e for e in build_timeline([a]) if "released" in _words(e, {"a": a})]
    assert [(e.date, e.precision, e.description.startswith("Apple"))
            for e in released] == [("2008-03", "month", True)]
    (b,) = _run(pipe, {"b": (text.replace("March 06, 2008\n\n", ""), date(2008, 3, 6))})
    assert build_timeline([b]) == []


def test_a_launch_past_the_lead_joins_its_doers_appearance_of_the_leads_day(pipe: Pipeline) -> None:
    # (SemEval trial document 1664's wording.) A keynote report: Jobs's tellings dated by the day
    # its lead names are one entry. "Jobs demoed the widget" far down it is a launch dated by its
    # tense; past the lead a launch starts no entry (it is as often background), and with no
    # launch of that day to join it was left out. It is its doer's appearance of the day: it joins
    # his tellings' entry. A past arrest there is the story's background: it joins nothing.
    text = ("Apple CEO Steve Jobs gave his annual opening keynote to the developers conference in San "
            "Francisco on Monday.\n\nJobs said that Apple has 109 retail stores, with one million visitors "
            "per week.\n\nJobs announced that two million copies of Tiger have been sold.\n\n"
            "Jobs demoed the Wikipedia Dashboard widget.")
    (a,) = _run(pipe, {"a": (text, date(2005, 6, 7))})
    entries = build_timeline([a])
    assert [(e.date, {"said", "announced", "demoed"} <= _words(e, {"a": a})) for e in entries] == [
        ("2005-06-06", True)]
    (b,) = _run(pipe, {"b": (text.replace("Jobs demoed the Wikipedia Dashboard widget.",
                                          "Police arrested Jobs for speeding."), date(2005, 6, 7))})
    assert not any("arrested" in _words(e, {"b": b}) for e in build_timeline([b]))


def test_a_happening_at_the_expression_of_its_doers_other_happening_starts_its_entry(pipe: Pipeline) -> None:
    # (SemEval trial document 18355's wording.) "One year later" dates the firing by its own
    # expression; the stage dates the founding by it as its clause's nearest (rule "sentence"), a
    # weaker reading that only joins, and no founding was there to join. It is the same doer's
    # other happening at that time: it starts its own entry, of its own class, at that date.
    text = ("Apple co-founder Steve Jobs has died at the age of 56, the company said on Wednesday.\n\n"
            "Jobs started Apple in 1976, and in 1984 the first Macintosh personal computer was released to "
            "the public.\n\nOne year later he was fired from the company and he founded NeXT.")
    (a,) = _run(pipe, {"a": (text, date(2011, 10, 6))})
    entries = build_timeline([a])
    # (the founding's phrase holds the firing's words: the entries are told apart by their descriptions;
    # "fired from the company" names whence, not who fired him)
    assert sorted((e.date, e.precision, e.description) for e in entries if e.date == "1985") == [
        ("1985", "year", "Jobs founded NeXT"), ("1985", "year", "fired Jobs")]


def test_a_happening_in_course_since_a_time_starts_its_entry_at_that_time(pipe: Pipeline) -> None:
    # (SemEval trial documents 18315 and 18355, gold 2004 for 'fighting'; FNC-1 bodies: "Boko Haram has
    # been fighting an insurgency since 2009", "Sotloff has been missing since mid-2013".) The stage
    # takes a perfect progressive holding "since" a time as a happening in course and dates it by
    # its clause's expression (rule "sentence"), which only joins: it was on no entry. The "since"
    # is when it began: it starts its entry at that date. A state of no "-ing" ("has been on
    # medical leave since January", an absence dated by its own expression) is unchanged.
    text = ("Apple co-founder Steve Jobs has died at the age of 56, the company said on Wednesday.\n\n"
            "Steve Jobs has been fighting pancreatic cancer since 2004 and has been on medical leave since "
            "January of this year.")
    (a,) = _run(pipe, {"a": (text, date(2011, 10, 6))})
    (ev,) = [ev for ev in a.events if a.text[ev.start:ev.end] == "fighting"]
    assert (ev.date, dating_rule(ev)) == ("2004", "sentence")
    held = {a.text[ev.start:ev.end]: (e.date, e.precision) for e, starts in timeline_members([a])
            for ev in a.events if ("a", ev.start) in starts}
    assert held["fighting"] == ("2004", "year") and held["leave"] == ("2011-01", "month"), held


def test_a_speakers_run_of_tellings_keeps_the_day_its_first_names(pipe: Pipeline) -> None:
    # (SemEval trial document 16983's wording.) The lead names Wednesday; "Jobs announced today"
    # names the report's day, and the next sentences go on telling what Jobs announced then ("He
    # said", "Jobs also announced"): the stage dates them by the lead's Wednesday (a telling with no
    # time of its own), but they are the run "today" opened, and join its entry. A telling of his
    # past a sentence that is not his ("Several new applications will be added") is the lead's again.
    text = ("In a Wednesday media event, Apple Inc. released a new lineup of MacBook Air laptops.\n\n"
            "Apple CEO Steve Jobs unveiled the new products at the Cupertino, California event.\n\n"
            "Jobs announced today that the Lion release of OS X will include a desktop version of the App "
            "Store.\n\nHe said that the App Store will be available for Snow Leopard within 90 days.\n\n"
            "Jobs also announced that a beta version of FaceTime would be available for OS X users "
            "immediately.\n\nSeveral new applications will be added in OS X Lion.\n\n"
            "In his keynote address, Jobs said the MacBook Air is the future of notebooks.")
    (a,) = _run(pipe, {"a": (text, date(2010, 10, 23))})
    said = {e.date: [a.text[m.start:m.end] for m in e.mentions] for e in build_timeline([a])
            if e.description == "Jobs statement"}
    assert said == {"2010-10-23": ["Jobs announced today", "said", "Jobs also announced"],
                    "2010-10-20": ["address", "Jobs said"]}


def test_an_undated_happening_told_as_repeated_joins_no_entry(pipe: Pipeline) -> None:
    # (SemEval trial document 4596's wording.) An undated happening joins the entry of its class it
    # shares a person or organisation with; "has twice before sued" tells two happenings, neither
    # of them the 1991 settlement it joined. Told once ("has before sued") it still joins.
    text = ("The Beatles' Apple Corps has filed a lawsuit against computer maker Apple Computer in a London "
            "court this week.\n\nApple Corps has twice before sued Apple Computer over its use of the Apple "
            "name.\n\nThe first lawsuit was settled in 1991, also out of court, with Apple Computer paying "
            "Apple Corps.")
    (a,) = _run(pipe, {"a": (text, date(2006, 3, 28))})
    assert not any("sued" in _words(e, {"a": a}) for e in build_timeline([a]))
    (b,) = _run(pipe, {"b": (text.replace("twice before", "before"), date(2006, 3, 28))})
    assert [e.date for e in build_timeline([b]) if "sued" in _words(e, {"b": b})] == ["1991"]


def test_an_undated_saying_told_as_before_another_time_joins_no_entry(pipe: Pipeline) -> None:
    # FNC-1 bodies 232, 276: "Apple previously stated that the Watch's battery should last only a normal day"
    # joined Apple's statement entry of September by the name it shares, "She had earlier claimed" the
    # woman's statement of the day; a saying told as before is of some time unnamed. Told plainly it joins.
    text = ("Samsung said on Monday that the phone would cost $300.\n\n"
            "Samsung previously stated that the battery would last two days.")
    (a,) = _run(pipe, {"a": (text, date(2014, 10, 8))})
    assert not any("stated" in _words(e, {"a": a}) for e in build_timeline([a]))
    (b,) = _run(pipe, {"b": (text.replace("previously ", ""), date(2014, 10, 8))})
    assert any("stated" in _words(e, {"b": b}) for e in build_timeline([b]))


def test_a_doers_own_happening_told_in_their_saying_of_a_day_is_the_leads_news() -> None:
    # SemEval trial doc 17677 (Wikinews), gold 2011-01-17 for 'leave': dated by the saying's expression (rule
    # 'sentence'), it started no entry; a happening of another the saying tells of is not the sayer's news
    # (FNC-1 body: "said Wednesday ... that civilians have been burned in an Islamic State attack")
    pipe = Pipeline.from_names(["parse", "mentions", "times"])
    text = ("Apple Inc. CEO Steve Jobs on medical leave\n\nJanuary 17, 2011\n\nSteve Jobs, the chief "
            "executive officer of Apple Inc., announced Monday in an internal memo that he would be on "
            "medical leave for an undetermined period of time.")
    other = ("Kurdish fighters defend Kobani\n\nA Kurdish commander said Wednesday in an exclusive interview "
             "that civilians have been burned in an Islamic State attack on the town.")
    (h, k) = _run(pipe, {"h": (text, date(2011, 1, 17)), "k": (other, date(2014, 10, 15))})
    leave = [e for e in build_timeline([h]) if e.date == "2011-01-17" and "leave" in _words(e, {"h": h})]
    assert leave and leave[0].description == "Steve Jobs leave", build_timeline([h])
    assert not [e for e in build_timeline([k]) if "attack" in _words(e, {"k": k})], build_timeline([k])


# SemEval trial document 16844's lead: the iPhone 4 unveiled the day before its report (June 8, 2010)
UNVEILED = ("Yesterday, at this year's Apple Worldwide Developers Conference in San Francisco, Apple CEO "
            "Steve Jobs unveiled iPhone 4.")
LAUNCH = ("Yesterday, at the Worldwide Developers Conference, Apple CEO Steve Jobs unveiled iPhone 4, along "
          "with the new iOS 4 operating system.\n\n")


def test_what_the_leads_thing_is_told_in_the_present_is_one_entry_of_the_reports_day(pipe: Pipeline) -> None:
    # (SemEval trial documents 16844 and 5504, gold the report's day.) "iPhone 4 has", "It also has",
    # "it now uses": the report's present of the thing its lead launched, dated by the publication
    # day (rule "document"), occurrences naming no person: they were on no entry. They are one point of
    # the report's day, not the launch's day before it.
    (a,) = _run(pipe, {"a": (LAUNCH + "Structure-wise, iPhone 4 has a new stainless steel frame, which acts "
                             "as an antenna.\n\nIt also has a new screen, dubbed a retina display.\n\nEven "
                             "though it now uses the faster A4 processor, iPhone 4 has seven hours of talk "
                             "time.\n\nThe phone has two cameras.", date(2010, 6, 8))})
    states = [e for e in build_timeline([a]) if e.date == "2010-06-08"]
    assert len(states) == 1 and {"has", "uses"} <= _words(states[0], {"a": a}), build_timeline([a])
    assert len([ev for ev in a.events
                if a.text[ev.start:ev.end] in ("has", "uses")]) == len(states[0].mentions) == 5
    assert states[0].description.startswith("iPhone has"), states[0].description  # the first names the thing
    # "the store" the lead names as the iTunes Music Store
    shop = Pipeline.from_names(["parse", "mentions", "times"])
    store = ("Apple Computer is planning to sell full-length feature films for download via the online "
             "iTunes Music Store.\n\nThe store currently sells digital music tracks.")
    (b,) = _run(shop, {"b": (store, date(2006, 6, 20))})
    assert [e.date for e in build_timeline([b]) if "sells" in _words(e, {"b": b})] == ["2006-06-20"]
    # (4678's wording) a definite product noun, an aside between it and its verb, for a thing launched unnamed
    update = ("Apple has released an application that limits the volume produced from its iPod portable "
              "music players.\n\nThe software update, iPod Software 1.1.1, works with the iPod Nano.")
    (c,) = _run(pipe, {"c": (update, date(2006, 4, 5))})
    assert [e.date for e in build_timeline([c]) if "works" in _words(e, {"c": c})] == ["2006-04-05"]


def test_a_plan_of_the_leads_thing_as_it_stands_is_one_of_its_states(pipe: Pipeline) -> None:
    # (SemEval trial document 16900's wording, gold the report's day.) "It is slated for a U.S. release on
    # June 24" is a plan as it stands (the stage's v120 schedules: dated by the publication day), told of
    # the thing the lead acts on, "it" after a sentence naming it: a state of the report's day, as "iPhone 4
    # has" is. It named no party ("It" no name) and was on no entry; the release keeps its June 24.
    text = ("Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming Apple and AT&T.\n\n"
            "The newest iPhone, iPhone 4 was introduced by Apple CEO Steve Jobs at the conference.\n\n"
            "It is slated for a U.S. release on June 24, starting at US $199.")
    (a,) = _run(pipe, {"a": (text, date(2010, 6, 16))})
    slated = next(ev for ev in a.events if a.text[ev.start:ev.end] == "slated")
    held = [x.date for x, events in timeline_members([a]) if ("a", slated.start) in events]
    assert held == ["2010-06-16"], timeline_members([a])
    assert [x.date for x in build_timeline([a]) if "release" in _words(x, {"a": a})] == ["2010-06-24"]
    # ... written "It's" too, and "It's been" (the stage's plan of a present "has been" written so: the
    # timeline reads the stage's words of the copula)
    for told in ("It's slated", "It's been slated", "It’s been slated"):
        (c,) = _run(pipe, {"c": (text.replace("It is slated", told), date(2010, 6, 16))})
        slated = next(ev for ev in c.events if c.text[ev.start:ev.end] == "slated")
        held = [x.date for x, events in timeline_members([c]) if ("c", slated.start) in events]
        assert held == ["2010-06-16"], told
    # another thing's plan is not the lead's thing's
    other = text.replace("It is slated", "The BlackBerry is slated")
    (b,) = _run(pipe, {"b": (other, date(2010, 6, 16))})
    assert not [x for x, events in timeline_members([b]) for aid, at in events
                if b.text[at : at + 6] == "slated"]


def test_a_present_state_is_the_leads_things_only_by_its_subject() -> None:
    # Another thing's state, "it" after a sentence naming another thing, a past and a headline above the
    # lead are not what the lead's thing is; nor what a nameless thing the lead releases shows (FNC-1's
    # "The video also contains a threat").
    text = ("iPhone 4 impresses\n\n" + LAUNCH + "iPhone 4 has a new frame.\n\nThe BlackBerry has a bigger "
            "keyboard.\n\nIt also has a physical keyboard.\n\niPhone 4 had a rival.")

    def ev(word: str, after: int, label: str, rule: str) -> Event:
        at = text.index(word, after)
        lo, hi = max(0, text.rfind("\n\n", 0, at) + 2), text.find("\n\n", at)
        sentence = Span(start=lo, end=hi if hi >= 0 else len(text), label="sentence")
        return Event(start=at, end=at + len(word), label=label, sentence=sentence, date="2010-06-08",
                     precision="day", confidence=DATING_CONFIDENCE[rule])

    events = [ev("unveiled", 0, "launch", "own"), ev("impresses", 0, "occurrence", "document")]
    events += [ev("has", text.index(s), "occurrence", "document")
               for s in ("iPhone 4 has", "The BlackBerry", "It also")]
    events.append(ev("had", 0, "occurrence", "document"))
    states = _thing_states([("a", e, text) for e in events], {"a": _lead_line(text)})
    assert [text[e.start - 9 : e.end] for e in events if id(e) in states] == ["iPhone 4 has"]
    text = ("The Islamic State group released a video on Tuesday showing the killing.\n\nThe video also "
            "contains a threat.")
    events = [ev("released", 0, "launch", "own"), ev("contains", 0, "occurrence", "document")]
    assert not _thing_states([("v", e, text) for e in events], {"v": _lead_line(text)})


# --- h57: a happening another report dates (cross-document re-dating, issue #6) ---------------------------


def test_a_happening_another_report_dates_takes_its_date(pipe: Pipeline) -> None:
    # (SemEval trial documents 4596, 10718, 16844 and 17174's wording.) One report launched the
    # iTunes Music Store "in 2003", another "on April 28, 2003": one launch of one named thing, and
    # the year is refined to the day. A report of August tells "When Jobs first introduced iPhone 4"
    # by its tense only (the month of publication); a report of June says he unveiled it yesterday:
    # the introduction is that day's. A launch of another named thing takes neither date.
    year = ("Apple Computer was started by Steve Jobs and Steve Wozniak in 1976, and launched the iTunes "
            "Music Store in 2003.")
    day = ("Apple is the producer of the world's most-sold MP3 player, the iPod, and launched the iTunes "
           "Music Store, an online music store, on April 28, 2003.")
    later = "When Apple CEO Steve Jobs first introduced iPhone 4, he praised the device's antenna design."
    other = "When Apple CEO Steve Jobs first introduced the iPad, he praised the device's screen."
    a, b, c, d, e = _run(pipe, {"a": (year, date(2006, 3, 28)), "b": (day, date(2008, 8, 1)),
                               "c": (later, date(2010, 8, 9)), "d": (UNVEILED, date(2010, 6, 8)),
                               "e": (other, date(2010, 8, 9))})
    by = {x.id: x for x in (a, b, c, d, e)}

    def dated(entries: list[TimelineEntry], word: str, aid: str) -> list[str]:
        return [x.date for x in entries
                if any(m.article == aid for m in x.mentions) and word in _words(x, by)]

    assert dated(build_timeline([a]), "launched", "a") == ["2003"]
    assert dated(build_timeline([a, b]), "launched", "a") == ["2003-04-28"]
    assert dated(build_timeline([c]), "introduced", "c") == []  # the tense's August joins nothing
    # (the praise it places is on that day too, its phrase holding "introduced": see the next test)
    assert set(dated(build_timeline([c, d]), "introduced", "c")) == {"2010-06-07"}
    assert dated(build_timeline([d, e]), "introduced", "e") == []


def test_the_clause_a_redated_when_clause_places_takes_its_date(pipe: Pipeline) -> None:
    # (SemEval trial document 17174's wording.) "When Jobs first introduced iPhone 4" is re-dated by
    # the June report that tells the unveiling; the clause it places, "he praised the device's
    # antenna design", is at that time too, not the August report's month. Without the June
    # report both stay off the timeline (their tense's month has no entry of theirs).
    later = "When Apple CEO Steve Jobs first introduced iPhone 4, he praised the device's antenna design."
    c, d = _run(pipe, {"c": (later, date(2010, 8, 9)), "d": (UNVEILED, date(2010, 6, 8))})
    by = {"c": c, "d": d}
    assert [x.date for x in build_timeline([c, d]) if "praised" in _words(x, by)] == ["2010-06-07"]
    assert not [x for x in build_timeline([c]) if "praised" in _words(x, by)]


def test_an_undated_mention_of_a_launch_takes_its_storys_date(pipe: Pipeline) -> None:
    # (SemEval trial documents 16844 and 16900's wording.) "Pre-orders of the recently announced iPhone 4
    # began Tuesday" names the announcement without a date; the story's June report dates it ("unveiled
    # iPhone 4" yesterday): the undated mention is that launch. A report of another story dates nothing of
    # it (a name's launch there is as often another launch of it).
    from newsprism.model import Story

    later = "Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming Apple and AT&T."
    d, p = _run(pipe, {"d": (UNVEILED, date(2010, 6, 8)), "p": (later, date(2010, 6, 16))})
    by = {"d": d, "p": p}
    announced = next(ev for ev in p.events if p.text[ev.start:ev.end] == "announced")
    assert (announced.label, announced.date) == ("launch", None)
    assert _theme(p.text, announced) == ("iphone", "4")
    held = [x for x, events in timeline_members([d, p]) if ("p", announced.start) in events]
    assert [(x.date, "unveiled" in _words(x, by)) for x in held] == [("2010-06-07", True)], held
    apart = [Story(id="s0", title="", articles=("d",)), Story(id="s1", title="", articles=("p",))]
    assert not [x for x, events in timeline_members([d, p], apart) if ("p", announced.start) in events]


def test_reports_in_no_story_are_each_a_story_of_their_own(pipe: Pipeline) -> None:
    # corpus_redating with no stories read all the reports as one story's, while story_timelines builds each
    # report's timeline alone: "the recently announced iPhone 4" took the other report's June 7 there
    from newsprism.model import Story
    from newsprism.resolve.timeline import story_timelines

    later = "Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming Apple and AT&T."
    d, p = _run(pipe, {"d": (UNVEILED, date(2010, 6, 8)), "p": (later, date(2010, 6, 16))})
    announced = next(ev for ev in p.events if p.text[ev.start:ev.end] == "announced")
    assert not [x for x, events in story_timelines([d, p], []) if ("p", announced.start) in events]
    # build_timeline's one timeline of the analyses still reads them as one story
    assert [x.date for x, events in timeline_members([d, p])
            if ("p", announced.start) in events] == ["2010-06-07"]
    # ... and alike when the others are in stories: read alone, u's undated "announced" takes its own
    # "unveiled iPhone 4 on June 7"; with d in a story, u was keyed to no story, its own telling no story's,
    # and "announced" took no date
    own = ("Apple CEO Steve Jobs unveiled iPhone 4 on June 7 in San Francisco.\n\n" + later)
    (u,) = _run(pipe, {"u": (own, date(2010, 6, 16))})
    announced = next(ev for ev in u.events if u.text[ev.start:ev.end] == "announced")
    of_d = Story(id="s", title="", articles=("d",))
    for analyses, stories in (([u], []), ([d, u], [of_d])):
        held = [x.date for x, events in story_timelines(analyses, stories)
                if ("u", announced.start) in events]
        assert held == ["2010-06-07"], stories


def test_a_trigger_noun_after_a_determiner_is_no_participle_qualifying_the_name(pipe: Pipeline) -> None:
    # _theme's attributive reading is for a participle ("the recently announced iPhone 4 began Tuesday": the
    # phone); "the launch Apple delayed" is Apple's doing, a name run as a modifier, not Apple launched
    (a,) = _run(pipe, {"a": ("Reporters asked about the launch Apple delayed in China.", date(2014, 9, 20))})
    assert [_theme(a.text, ev) for ev in a.events
            if a.text[ev.start:ev.end] == "launch"] == [("apple", "*delayed")]


def test_a_passives_named_subject_is_what_it_acts_on(pipe: Pipeline) -> None:
    # _theme read a passive's subject off lowercased words, asking each for a capital: no passive ever had
    # one ("iPhone 4 was introduced"). The subject is the name right before the auxiliary, past a comma or
    # a quote ("Formerly "iPhone OS," iOS 4 was first introduced" is iOS 4's launch, not the iPhone's).
    text = ("The newest iPhone, iPhone 4 was introduced by Apple CEO Steve Jobs at the conference. "
            "Formerly \"iPhone OS,\" iOS 4 was first introduced by Apple in April.")
    (a,) = _run(pipe, {"a": (text, date(2010, 6, 16))})
    assert [_theme(a.text, ev) for ev in a.events if a.text[ev.start:ev.end] == "introduced"] == [
        ("iphone", "4"), ("ios", "4")]


def test_the_eval_builds_the_story_timelines_as_the_corpus_does(
        pipe: Pipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The timeline eval scores what Corpus._timeline stores, by the same call (story_timelines):
    # each story's entries from its own reports, the corpus's re-dating read by every story's build.
    # With the June report in a story of its own, the August report's "introduced" still takes June's
    # day (SemEval trial 17174's "introduced", told in 16900's story). The eval once built every
    # story in one call while the corpus re-dated a story's events by its own reports only, and
    # credited the product with dates it did not show (882f030): the eval shows what the corpus
    # stores, no more.
    from newsprism.corpus import Corpus
    from newsprism.eval.timeline import _entries_by_event
    from newsprism.model import Story
    from newsprism.resolve import stories

    later = "When Apple CEO Steve Jobs first introduced iPhone 4, he praised the device's antenna design."
    c, d = _run(pipe, {"c": (later, date(2010, 8, 9)), "d": (UNVEILED, date(2010, 6, 8))})
    by = {"c": c, "d": d}
    start = later.index("introduced")
    for k, ids in enumerate([(("c", "d"),), (("c",), ("d",))]):
        groups = [Story(id=f"s{j}", title="", articles=g) for j, g in enumerate(ids)]
        monkeypatch.setattr(stories, "group_stories", lambda found, groups=groups: groups)
        monkeypatch.setattr(stories.StoryGrouper, "stories", lambda self, groups=groups: groups)
        shown = _entries_by_event(by)
        assert shown.get(("c", start)) == (("2010-06-07", "day"),)
        corpus = Corpus(str(tmp_path / f"{k}.db"))
        for a in (c, d):
            corpus.store.put(a)
        corpus.refresh()
        stored = {(m.article, ev.start): (t.date, t.precision, t.story)
                  for t in corpus.timeline() for m in t.mentions
                  for ev in by[m.article].events if m.start <= ev.start and ev.end <= m.end}
        assert {key: (v[:2],) for key, v in stored.items()} == shown
        assert stored[("c", start)][2] == "s0"  # on c's story's timeline, whichever story tells the unveiling
        corpus.close()


def test_a_past_told_by_its_tense_joins_no_entry_of_a_later_day(pipe: Pipeline) -> None:
    # A report of October 2 whose lead names no day tells "Anwar Muslim ... told Time magazine" in the
    # month of its publication; a report of October 28 dates his telling AFP to Friday, October 24. The
    # first is a past of October 2 or before: not the saying of the 24th, which it joined by the name.
    b, c = _run(pipe, {"b": (("Kurdish fighters still hold most of the Syrian border town of Kobani.\n\n"
                              "Anwar Muslim, head of the local government, told Time magazine the fighters "
                              "were in control of the town."), date(2014, 10, 2)),
                       "c": (("Kurdish fighters pushed back the jihadists in Kobani.\n\n"
                              "Anwar Muslim told AFP on Friday that civilians were trapped in the town."),
                             date(2014, 10, 28))})
    muslim = [(e.date, sorted({m.article for m in e.mentions})) for e in build_timeline([b, c])
              if "Muslim" in e.description]
    assert muslim == [("2014-10-24", ["c"])], muslim


def test_an_undated_supposed_happening_joins_no_entry_of_what_took_place(pipe: Pipeline) -> None:
    # "Boko Haram could storm the village" supposes a happening: not the storming of April it shares
    # Boko Haram with. Told as taking place it is dated by its tense and stays off that entry too; a
    # plan dated after its report is what a supposed happening may be ("HBO could launch its service").
    text = ("Boko Haram stormed the school in Chibok in April and snatched nearly 300 students.\n\n"
            "Officials fear that Boko Haram {x} the village of Waga.")
    for x in ("could storm", "might storm", "will storm", "stormed"):
        (a,) = _run(pipe, {"a": (text.format(x=x), date(2014, 10, 18))})
        held = [a.text[m.start:m.end] for e in build_timeline([a]) for m in e.mentions]
        assert not any("Waga" in h for h in held), (x, held)
    (h,) = _run(pipe, {"h": (("HBO plans to launch its video service next month on Apple TV.\n\n"
                              "Apple is one of the partners HBO could launch its new service with."),
                             date(2014, 9, 10))})
    launch = [(e.date, len(e.mentions)) for e in build_timeline([h]) if e.date == "2014-10"]
    assert launch == [("2014-10", 2)], [(e.date, e.description, len(e.mentions)) for e in build_timeline([h])]


def test_a_word_and_its_peoples_word_make_no_one_name() -> None:
    # "Sportex Italia, Ferrari's sponsor, called his fish ..." is not the Italian fisherman's doing: a
    # name's word and the word for its people ("Italia", "Italian") are no spelling variants, as the
    # whole names "Israel" and "Israeli" are none; other near spellings of a word still are.
    assert not same_name("Italian", "Sportex Italia") and not same_name("Israeli", "Times of Israel")
    assert same_name("Moussavi", "Seyyed Razi Mousavi") and same_name("Reuter", "Reuters news agency")


def test_a_name_s_words_the_other_way_round_are_another_name() -> None:
    # "said Mohamed Hassan, a former intelligence official" is not a saying of President "Hassan Sheikh
    # Mohamud": each word has a near spelling in the other name, but a given name and a surname the
    # other way round name another man; the words of a shorter name in the longer's order still match.
    assert not same_name("Mohamed Hassan", "Hassan Sheikh Mohamud")
    assert not same_name("Hassan Sheikh Mohamud", "Mohamed Hassan")
    assert (same_name("Razi Moussavi", "Seyyed Razi Mousavi")
            and same_name("Ahmed Godane", "Ahmed Abdi Godane"))


@pytest.mark.parametrize(("sentence", "word", "supposed"), [
    ("Officials fear that Boko Haram could storm the village.", "storm", True),
    ("In the event of his death, power would pass to his deputy.", "death", True),
    ("If the deal collapses, the girls stay captive.", "deal", True),
    ("The aircraft could be used in an attack on the village.", "attack", True),
    ("Apple might introduce 100,000 apps by the time it gets launched.", "launched", True),
    ("Will Ross saw the attack on the village.", "attack", False),
    ("Police said, as the gunmen could be heard, that the storming began.", "began", False),
    ("Officials who would not give their names said the attack on the village killed 12.", "attack", False),
    ("The attack could spark reprisals in the north.", "attack", False),
    ("The police chief could not confirm the killing of the students.", "killing", False),
])
def test_what_is_told_as_supposed_is_read_in_the_parse(pipe: Pipeline, sentence: str, word: str,
                                                        supposed: bool) -> None:
    # a modal on the word's own verb chain (in the parse: "Will" is no modal of "saw", the "would" of a
    # relative clause none of the clause around it) or a condition; a subject before its modal and what a
    # verb of saying tells of are taken as real
    (a,) = _run(pipe, {"a": (sentence, date(2014, 10, 18))})
    (ev,) = [e for e in a.events if a.text[e.start:e.end] == word]
    assert _supposed(ev) is supposed, dating_rule(ev)


def test_an_undated_happening_a_modal_of_another_clause_is_near_joins_what_took_place(pipe: Pipeline) -> None:
    # "Officials who would not give their names said the Boko Haram attack on Waga killed 12": the modal is
    # the officials', and the attack is Monday's, which the other report dates
    text_b = ("Nigerian troops moved north on Tuesday.\n\n{x} said the Boko Haram attack on Waga killed 12 "
              "people.")
    for x in ("Officials who would not give their names", "Residents who could flee"):
        a, b = _run(pipe, {"a": ("Boko Haram attacked the village of Waga on Monday, killing 12 people.",
                                 date(2014, 10, 14)),
                           "b": (text_b.format(x=x), date(2014, 10, 15))})
        attack = [(e.date, sorted(m.article for m in e.mentions)) for e in build_timeline([a, b])
                  if e.description.startswith("Boko Haram attack")]
        assert attack == [("2014-10-13", ["a", "b"])], (x, attack)


def test_a_visit_of_a_year_is_anothers_only_by_more_than_its_doer(pipe: Pipeline) -> None:
    # FNC-1 bodies 377, 63: Kim Jong-un's 2011 "visit to the Kumsusan mausoleum" took in "visiting various
    # facilities braving the hot summer weather", undated, by Kim alone: one doer visits many times in a year
    # (the place visited is the one happening too)
    texts = {"a": ("In 2011, Kim Jong-un paid a midnight visit to the Kumsusan mausoleum in Pyongyang.",
                   date(2014, 10, 10)),
             "b": (("State media said Kim Jong-un labored on by visiting various factories in the summer "
                    "heat."), date(2014, 10, 10))}
    arts = _run(pipe, texts)
    (visit,) = [e for e in build_timeline(arts) if e.date == "2011"]
    assert {m.article for m in visit.mentions} == {"a"}
    texts["b"] = (texts["b"][0].replace("various factories", "the Kumsusan mausoleum"), date(2014, 10, 10))
    arts = _run(pipe, texts)
    (visit,) = [e for e in build_timeline(arts) if e.date == "2011"]
    assert {m.article for m in visit.mentions} == {"a", "b"}


def test_a_telling_of_its_reports_day_joins_no_coarser_entry_of_another_report(pipe: Pipeline) -> None:
    # FNC-1 bodies 407, 418, 41, 105: "An Apple spokeswoman told CNET that the company declined to comment",
    # each report's telling of its own day, joined another report's "Apple announced ... in September" by the
    # name: one "Apple statement" of September held 20 tellings
    texts = {"a": ("Apple announced its first watch in September, saying that prices would start at $349.",
                   date(2014, 9, 20)),
             "b": (("Apple shares rose on Tuesday. An Apple spokeswoman told CNET that Apple declined "
                    "comment."), date(2014, 9, 25))}
    arts = _run(pipe, texts)
    by = {a.id: a for a in arts}
    (month,) = [e for e in build_timeline(arts) if e.date == "2014-09"]
    assert _words(month, by) == {"announced", "saying"}, _words(month, by)


def test_a_telling_of_its_reports_month_joins_no_years_entry_of_another_report(pipe: Pipeline) -> None:
    # FNC-1 bodies 190, 234, 454, 458: "Sorkin told Business Insider earlier this year" (2014, by its own
    # expression) took three October reports' "Aaron Sorkin confirmed", "Sorkin said", each dated by its
    # tense to its report's month: one "Sorkin statement" of the year held four sayings
    texts = {"a": (("The studio has picked a director for its film about Steve Jobs. Sorkin told Business "
                    "Insider earlier this year: \"It's not a biopic.\""), date(2014, 9, 3)),
             "b": (("Christian Bale will play Steve Jobs in the film. This is coming after the movie's "
                    "scriptwriter Aaron Sorkin confirmed that Bale would be playing the tech icon."),
                   date(2014, 10, 3))}
    arts = _run(pipe, texts)
    confirmed = next(ev for ev in arts[1].events if arts[1].text[ev.start:ev.end] == "confirmed")
    assert (confirmed.date, dating_rule(confirmed)) == ("2014-10", "recent")
    (year,) = [e for e in build_timeline(arts) if e.date == "2014"]
    assert {m.article for m in year.mentions} == {"a"}


def test_an_undated_launch_told_as_supposed_is_not_the_storys_launch(pipe: Pipeline) -> None:
    # Review of 2334451: an undated launch takes the date its story's reports agree on ("the recently
    # announced iPhone 4"), but one that only could be is no launch of that day.
    maybe = "Analysts say Apple could launch iPhone 4 in India, though no date has been set."
    d, p = _run(pipe, {"d": (UNVEILED, date(2010, 6, 8)), "p": (maybe, date(2010, 6, 20))})
    launch = next(ev for ev in p.events if p.text[ev.start:ev.end] == "launch")
    assert not [x for x, events in timeline_members([d, p]) if ("p", launch.start) in events]



@pytest.mark.parametrize("told, days", [
    ("on Monday and Wednesday", ["2014-09-22", "2014-09-24"]),
    ("on Monday, officials said on Wednesday", ["2014-09-22"]),  # another clause's day
    ("between Monday and Wednesday", ["2014-09-22"]),  # a span's ends: one stretch of time
    ("on Monday or Tuesday", ["2014-09-22"]),  # one day, unsure which
    # a day the next clause opens with: its time, not the attack's (h138 review 3)
    ("on Monday and Wednesday the army retook it", ["2014-09-22"]),
    ("on Monday and Wednesday's ceasefire collapsed", ["2014-09-22"]),
    ("on Monday and Wednesday in the afternoon", ["2014-09-22", "2014-09-24"]),
    ("on Monday and Wednesday using barrel bombs", ["2014-09-22", "2014-09-24"]),
    # a word in -ing that is no participle opens the clause (h146, review of 29e298a)
    ("on Monday and Wednesday Beijing condemned it", ["2014-09-22"]),
    ("on Monday and Wednesday nothing was left standing", ["2014-09-22"]),
    ("on Monday and Wednesday evening", ["2014-09-22", "2014-09-24"]),
])
def test_a_happening_told_at_listed_times_is_on_an_entry_of_each(pipe: Pipeline, told: str,
                                                                 days: list[str]) -> None:
    # "He briefly made an appearance in March and June to unveil the iPad 2 and the iCloud" (SemEval
    # trial 18315, gold at both months), "launched four airstrikes Thursday and Friday" (FNC-1 body
    # 226): one mention of a happening at each listed time, so on each time's entry; the first one's
    # entry alone left the others off the timeline
    text = f"Government forces attacked the rebel town of Kafr Nabl {told}, killing dozens."
    (a,) = _run(pipe, {"a": (text, date(2014, 9, 26))})
    attacked = text.index("attacked")
    held = [e.date for e, events in timeline_members([a]) if ("a", attacked) in events]
    assert held == days, held


def test_a_killing_of_named_victims_at_listed_days_is_no_conflict(pipe: Pipeline) -> None:
    # one killing per person: the listed days are the victims' each, and a copy at the second day made
    # the first victim's entry a conflict of its own killing ("a says 2014-09-22, a says 2014-09-23")
    text = "Rebel commanders Ali Hassan and Omar Said were killed on Monday and Tuesday, the army said."
    (a,) = _run(pipe, {"a": (text, date(2014, 9, 26))})
    killed = text.index("killed")
    held = [e for e, events in timeline_members([a]) if ("a", killed) in events]
    assert [(e.date, e.conflicts) for e in held] == [("2014-09-22", ())], held


@pytest.mark.parametrize("text", [
    "Apple was sued in 2010 and 2012 saw a second lawsuit filed against the company.",
    "Police arrested the suspect on Monday and Tuesday prosecutors charged him with fraud.",
    "Senators Smith and Jones resigned in 2017 and 2019.",
    "The two senators resigned in 2017 and 2019, respectively.",
    "Apple, Google and Samsung launched new phones in March and June.",
])
def test_a_happening_is_not_copied_to_a_time_it_does_not_list(pipe: Pipeline, text: str) -> None:
    # h138 review 3, 4: a year or day the next clause opens with ("2012 saw", "Tuesday prosecutors")
    # is that clause's; listed times of several doers joined by "and", or "respectively", are theirs
    # each, and a copy told the first doer's happening at every time
    (a,) = _run(pipe, {"a": (text, date(2014, 9, 26))})
    (first, *_) = [ev for ev in a.events if ev.date is not None and ev.time is not None]
    held = [e.date for e, events in timeline_members([a]) if ("a", first.start) in events]
    assert held == [first.date], (a.text[first.start:first.end], held)
